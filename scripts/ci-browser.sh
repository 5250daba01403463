#!/usr/bin/env bash
# Make sure headless Chromium is there for tests/test_web_browser.py: installs Debian's chromium
# and chromium-driver with apt-get when /usr/bin/chromium is missing (needs root). Idempotent.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    echo "ci-browser: $(/usr/bin/chromium --version 2>/dev/null || echo chromium present)" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
echo "ci-browser: installed $(/usr/bin/chromium --version 2>/dev/null)" >&2
