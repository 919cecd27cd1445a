#!/usr/bin/env bash
# macOS disk image of dist/Timeweave.app. UNVERIFIED: written on Linux, never run on a Mac here.
# The app is not signed or notarised: Gatekeeper will ask the analyst to allow it
# (right-click > Open) until a Developer ID signature is added.
# Usage: .venv/bin/python build/build.py && build/macos/make-dmg.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
arch=$(uname -m)
test -d dist/Timeweave.app || { echo "make-dmg: no dist/Timeweave.app (run build/build.py)" >&2; exit 1; }
hdiutil create -volname "Timeweave $version" -srcfolder dist/Timeweave.app -ov -format UDZO \
  "dist/timeweave-$version-macos-$arch.dmg"
