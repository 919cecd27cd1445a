#!/usr/bin/env bash
# Smoke-test the frozen app the way an analyst meets it.
#   1. `timeweave --self-test` offscreen: the whole pipeline on the bundled samples.
#   2. Under Xvfb, a real X window: `timeweave SAMPLE...` must show the main window, finish the
#      analysis (the title "Untitled — Timeweave" gains the unsaved-changes star, "Untitled* —",
#      once the analysed documents are in the workspace), stay alive, and print no traceback.
#      A screenshot goes to dist/smoke/window.png.
# Usage: build/smoke.sh [path/to/timeweave]   (default dist/timeweave/timeweave)
# Needs: xvfb-run (xvfb, xauth), xdotool; ImageMagick's `import` for the screenshot if present.
set -euo pipefail
cd "$(dirname "$0")/.."
APP="$(realpath "${1:-dist/timeweave/timeweave}")"
OUT="$PWD/dist/smoke"
WINDOW_TIMEOUT="${WINDOW_TIMEOUT:-30}"   # seconds to the window on a loaded 2-core machine
OPEN_TIMEOUT="${OPEN_TIMEOUT:-120}"      # seconds to analyse the two samples

if [ -z "${TIMEWEAVE_SMOKE_IN_XVFB:-}" ]; then
  [ -x "$APP" ] || { echo "smoke: no frozen app at $APP (run build/build.py)" >&2; exit 1; }
  echo "smoke: self-test (offscreen)"
  QT_QPA_PLATFORM=offscreen "$APP" --self-test
  echo "smoke: window under Xvfb"
  exec env TIMEWEAVE_SMOKE_IN_XVFB=1 xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$APP"
fi

mkdir -p "$OUT"
LOG="$OUT/gui.log"
# A fresh home: no recovery file, recent list or settings from an earlier run can change the test.
HOME="$(mktemp -d)"
export HOME XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export QT_QPA_PLATFORM=xcb
mapfile -t SAMPLES < <(find "$(dirname "$APP")/_internal/seeds" -type f | sort)

started=$EPOCHREALTIME
"$APP" "${SAMPLES[@]}" >"$LOG" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; rm -rf "$HOME"; }
trap cleanup EXIT

fail() { echo "smoke: FAIL $*" >&2; sed 's/^/  gui: /' "$LOG" >&2; exit 1; }
elapsed() { awk -v now="$EPOCHREALTIME" -v t0="$started" 'BEGIN { print now - t0 }'; }

timeout "$WINDOW_TIMEOUT" xdotool search --sync --onlyvisible --name "Timeweave" >/dev/null \
  || fail "no visible Timeweave window within ${WINDOW_TIMEOUT} s"
printf 'smoke: window shown after %.1f s\n' "$(elapsed)"
timeout "$OPEN_TIMEOUT" xdotool search --sync --onlyvisible --name "^Untitled\* — Timeweave$" \
  >/dev/null || fail "the samples were not opened within ${OPEN_TIMEOUT} s"
printf 'smoke: %d samples opened and analysed after %.1f s\n' "${#SAMPLES[@]}" "$(elapsed)"
sleep 2  # let the timeline paint; a crash while painting shows up below
kill -0 "$pid" 2>/dev/null || fail "the app exited after opening the samples"
if command -v import >/dev/null && import -version >/dev/null 2>&1; then
  import -window root "$OUT/window.png" && echo "smoke: screenshot $OUT/window.png"
fi
if grep -q "Traceback" "$LOG"; then fail "the app printed a traceback"; fi
echo "smoke: ok"
