#!/usr/bin/env bash
# The test command. On a fresh machine it also does the set-up: installs dateline into ./.venv
# (if not there yet), starts the services the tests need (PostgreSQL on loopback; headless
# Chromium installed from Debian's packages), then runs the whole suite. Tests that need
# something this machine cannot give skip and say why; acceptance tests skip when ../shared
# is absent. Extra arguments go to pytest. DATELINE_NO_SERVICES=1 runs without the services.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/dateline ] || bash scripts/setup.sh
if [ "${DATELINE_NO_SERVICES:-}" != "1" ]; then
    if [ -f scripts/ci-services.sh ] && [ -z "${DATELINE_TEST_PG_URL:-}" ]; then
        eval "$(bash scripts/ci-services.sh)" || echo "test.sh: PostgreSQL not started; its tests will skip" >&2
    fi
    if [ -f scripts/ci-browser.sh ]; then
        bash scripts/ci-browser.sh || echo "test.sh: Chromium not installed; browser tests will skip" >&2
    fi
fi
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
