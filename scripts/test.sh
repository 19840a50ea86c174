#!/usr/bin/env bash
# The project's one test command (README; .ci/run calls exactly this).
# Installs what the tests need into .venv, then lints, type-checks and runs the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
if [ -x scripts/ensure-chromium.sh ]; then scripts/ensure-chromium.sh; fi
.venv/bin/ruff check mapper tests bench scripts
.venv/bin/ruff format --check mapper tests bench scripts
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
bash scripts/check-fresh-install.sh
