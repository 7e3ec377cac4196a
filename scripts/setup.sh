#!/usr/bin/env bash
# Shared set-up for scripts/run and scripts/test: find Python 3.12+, make .venv, install the project.
# Usage: source scripts/setup.sh [extra]   (extra: "test" installs the test tools too)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

python_ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.14 python3.13 python3.12 python3; do
    [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate" && { command -v "$candidate"; return; }
  done
  # pyenv installs that are not the active version are still usable by their full path.
  for candidate in $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
    python_ok "$candidate" && { echo "$candidate"; return; }
  done
  echo "Werkmentor needs Python 3.12 or newer; none was found. Set PYTHON=/path/to/python3.12." >&2
  exit 1
}

extra="${1:-}"
if [ ! -x .venv/bin/python ] || ! python_ok .venv/bin/python; then
  rm -rf .venv
  "$(find_python)" -m venv .venv
fi
sum="$(cksum < pyproject.toml | cut -d' ' -f1)"
stamp=".venv/.installed-${sum}-${extra:-base}"
# An install with the test tools also serves a plain run.
if [ ! -f "$stamp" ] && { [ -n "$extra" ] || [ ! -f ".venv/.installed-${sum}-test" ]; }; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra:+[$extra]}"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
