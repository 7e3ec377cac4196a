#!/usr/bin/env bash
# Shared set-up for scripts/run and scripts/test: find Python 3.12+, make .venv and install the project with
# its test tools. Nothing is installed again until pyproject.toml changes.
# Usage: source scripts/setup.sh
#
# One install serves both scripts: the test tools come with the first start. Adding them later would reinstall
# the project into the .venv that a running development server uses, and the server would restart.
# uv installs in seconds: the one on PATH, or one that pip puts into .tools/ on first use. Without it, pip.
# WERKMENTOR_INSTALLER=pip forces pip.
set -euo pipefail

# Python caches compiled modules only where it may write them; with PYTHONDONTWRITEBYTECODE set (as some images
# do), every command would compile the ~2,000 modules Django and the project import again: 5 s each time.
unset PYTHONDONTWRITEBYTECODE

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

find_uv() {
  [ "${WERKMENTOR_INSTALLER:-}" = pip ] && return 1
  if command -v uv >/dev/null 2>&1; then command -v uv; return; fi
  if [ ! -x .tools/bin/uv ]; then
    rm -rf .tools
    "$1" -m pip install --quiet --disable-pip-version-check --no-warn-script-location --target .tools uv \
      >/dev/null 2>&1 || { rm -rf .tools; return 1; }
  fi
  [ -x .tools/bin/uv ] && .tools/bin/uv --version >/dev/null 2>&1 && echo "$ROOT/.tools/bin/uv"
}

venv_ok() { [ -x .venv/bin/python ] && python_ok .venv/bin/python; }

stamp=".venv/.installed-$(cksum < pyproject.toml | cut -d' ' -f1)"
if ! venv_ok || [ ! -f "$stamp" ]; then
  python="$(find_python)"
  echo "Installing Werkmentor and its test tools into .venv ..." >&2
  if uv="$(find_uv "$python")"; then
    venv_ok || { rm -rf .venv; UV_PYTHON_DOWNLOADS=never "$uv" venv --quiet --seed --python "$python" .venv; }
    "$uv" pip install --quiet --python .venv/bin/python -e ".[test]"
  else
    venv_ok || { rm -rf .venv; "$python" -m venv .venv; }
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
  fi
  rm -f .venv/.installed-*
  touch "$stamp"
fi
