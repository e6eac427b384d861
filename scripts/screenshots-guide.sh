#!/bin/bash
# Takes the screenshot of the user guide (issue 17: docs/screenshots/guide-clerk.png): a clerk logs in and presses
# F1; the guide opens on the clerk's page. Needs: Xvfb, xdotool, ImageMagick (import), fonts-noto-cjk and a build
# with the app (build/dev, or QINGTING_BUILD_DIR=build/release). Chinese by default (QINGTING_SHOT_LANG=en_US).
# Usage: scripts/screenshots-guide.sh [OUTDIR]   (default docs/screenshots). Look at the PNG afterwards.
set -euo pipefail
[ -n "${QINGTING_SHOT_TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
source scripts/screenshots-common.sh
shot_begin guide 87
$cli --db "$db" init >/dev/null
printf 'clerk12345\n' | $cli --db "$db" user add liuyang --role clerk --name 刘洋 >/dev/null

shot_xvfb
shot_login liuyang clerk12345
click 640 400 0.5
xdotool key F1; sleep 3
guide=$(top)
xdotool windowmove "$guide" 190 20; sleep 1
snap_dialog "$out/guide-clerk.png"
echo "$out/guide-clerk.png"
