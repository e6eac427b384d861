#!/bin/bash
# Takes the screenshots of public-opinion risk and crisis mode (issue 16: docs/screenshots/risk-*.png: the
# supervisor's risk queue, a score's explanation, crisis mode) under Xvfb, driving the app with xdotool as a duty
# supervisor would. The data: `demo` cases (not scored: demo data carries no risk) and ten complaints imported from
# scripts/data/risk-shots.csv, dated today, which the import scores like any case (threats of media exposure, a
# lawsuit, petitions, self-harm; a negation, reported speech, an innocent sense).
# The supervisor opens the risk queue, double-clicks the first high case, asks "Why this risk?", then starts crisis
# mode on it, records three checklist steps with their notes and starts the holding statement from its template.
# Needs: Xvfb, xdotool, xclip, ImageMagick (import), fonts-noto-cjk and a dev build (build/dev). Chinese by default
# (QINGTING_SHOT_LANG=en_US for English).
# Usage: scripts/screenshots-risk.sh [OUTDIR]   (default docs/screenshots)
# The main window is set to 1280x800 at 0,0 (there is no window manager). Look at every PNG afterwards.
set -euo pipefail
[ -n "${QINGTING_SHOT_TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
source scripts/screenshots-common.sh
shot_begin risk 85
$cli --db "$db" init >/dev/null
$cli --db "$db" demo --cases 2000 --days 120 --seed 7 2>/dev/null >/dev/null
printf 'zhaolei123\n' | $cli --db "$db" user add zhaolei --role supervisor --name 赵磊 >/dev/null
sed "s/DAY/$(date +%F)/" scripts/data/risk-shots.csv >"$work/risk.csv"
$cli --db "$db" import-cases "$work/risk.csv" >/dev/null

shot_xvfb
lang=${QINGTING_SHOT_LANG:-zh_CN}
LANGUAGE=$lang LANG=$lang.UTF-8 LC_ALL=$lang.UTF-8 build/dev/app/qingting --db "$db" >>"$work/app.log" 2>&1 &
app=$!
sleep 6
click 667 339 0.2; xdotool key ctrl+a
xdotool type zhaolei; xdotool key Tab; xdotool type zhaolei123; xdotool key Return; sleep 6
main=$(xdotool search --onlyvisible --name "." | awk 'NR == 1')
xdotool windowmove "$main" 0 0 windowsize "$main" 1280 800; sleep 1

# A supervisor's navigation: Cases, Dashboard, Training, Audit log, Improvement register, Risk queue, Crises, Settings.
click 60 229 3
import -window root -crop 1280x800+0+0 +repage "$out/risk-1-queue.png"

# The oldest high case of the queue (RS-0001, the last row): its case view, then "Why this risk?".
xdotool mousemove 280 485 click --repeat 2 1; sleep 3
click 548 78 3
snap_dialog "$out/risk-2-explanation.png"
click 988 676 1 # Close

# Crisis mode on the case (the case view's button; Enter confirms), three steps of the checklist with their notes,
# and the holding statement from its template, checked as it is written.
click 1015 78 2; xdotool key Return; sleep 3
click 296 306 0; paste_text "视频尚未发布，市民情绪激动，已安排专人陪同"; click 18 306 1.5
click 296 337 0; paste_text "办公室 李主任"; click 18 337 1.5
click 296 430 0; paste_text "已电话报告分管副主任"; click 18 430 1.5
click 926 137 2
snap_dialog "$out/risk-3-crisis.png"
kill "$app"; wait "$app" 2>/dev/null || true; app=
echo "screenshots in $out; work files in $work"
