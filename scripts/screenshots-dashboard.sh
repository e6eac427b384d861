#!/bin/bash
# Takes the screenshots of the supervisor's dashboard (issue 14: docs/screenshots/dashboard-*.png) in zh_CN under
# Xvfb, on `qingting-cli demo --cases 20000 --days 120` data, driving the app with xdotool as a supervisor would:
# log in, open the Dashboard page (the last 30 days), then scroll to the satisfaction chart and to the Pareto.
# Needs: Xvfb, xdotool, ImageMagick (import), fonts-noto-cjk and a dev build (build/dev).
# Usage: scripts/screenshots-dashboard.sh [OUTDIR]   (default docs/screenshots)
# The main window is set to 1280x800 at 0,0 (there is no window manager). Look at every PNG afterwards.
set -euo pipefail
[ -n "${QINGTING_SHOT_TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
source scripts/screenshots-common.sh
shot_begin dashboard 87
$cli --db "$db" init >/dev/null
$cli --db "$db" demo --cases 20000 --days 120 --seed 14 2>/dev/null >/dev/null
printf 'zhaolei123\n' | $cli --db "$db" user add zhaolei --role supervisor --name 赵磊 >/dev/null

shot_xvfb

wheel() { xdotool mousemove "$1" "$2"; for _ in $(seq "$3"); do xdotool click "$4"; done; sleep 1; }
snap() { import -window root -crop "$1" +repage "$2"; }

LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 build/dev/app/qingting --db "$db" >>"$work/app.log" 2>&1 &
app=$!
sleep 4
click 667 339 0.2; xdotool key ctrl+a
xdotool type zhaolei; xdotool key Tab; xdotool type zhaolei123; xdotool key Return; sleep 5
main=$(xdotool search --onlyvisible --name "Qingting" | awk 'NR == 1')
xdotool windowmove "$main" 0 0 windowsize "$main" 1280 800; sleep 1
# The navigation: Cases, then Dashboard.
click 60 85 6
snap 1280x800+0+0 "$out/dashboard-1-overview.png"
wheel 700 500 "${QINGTING_SHOT_WHEEL1:-4}" 5                    # down to the first charts
snap 1280x800+0+0 "$work/after-wheel1.png"
snap "${QINGTING_SHOT_SAT_CROP:-1280x800+0+0}" "$out/dashboard-2-satisfaction.png"
wheel 700 500 "${QINGTING_SHOT_WHEEL2:-40}" 5                    # to the bottom: the Pareto, the tables, the alerts
snap 1280x800+0+0 "$work/after-wheel2.png"
snap "${QINGTING_SHOT_PARETO_CROP:-1280x800+0+0}" "$out/dashboard-3-pareto.png"
kill "$app"; wait "$app" 2>/dev/null || true; app=
echo "screenshots in $out; work files in $work"
