#!/usr/bin/env bash
# The test command: runs the whole suite (acceptance tests skip when ../shared is absent).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest -q "$@"
