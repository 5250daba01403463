#!/usr/bin/env bash
# Install dateline into ./.venv from the hash-pinned lock file (no downloads at run time).
# DATELINE_WITH_RAY=1 installs the optional Ray engine too (requirements-ray.lock, a superset).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
rm -rf .venv
"$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade "pip>=24" "uv==0.13.9"
LOCK=requirements.lock
[ "${DATELINE_WITH_RAY:-}" = "1" ] && LOCK=requirements-ray.lock
.venv/bin/uv pip install --quiet --python .venv/bin/python --require-hashes -r "$LOCK"
.venv/bin/uv pip install --quiet --python .venv/bin/python --no-deps -e .
.venv/bin/dateline --version
