#!/bin/bash
# Takes the screenshots of the trainer's drills (issue 15: docs/screenshots/training-*.png: the library, a drill in
# progress, the score page, the trainee chart) under Xvfb, driving the app with xdotool as a trainer and two clerks
# would: the trainer builds five training cases from closed `demo` cases (New from closed cases…, Build), each clerk
# runs three drills by typing answers (pasted, as an input method commits Chinese; Enter answers a stage), and the
# trainer opens the drill results.
# Staging: the six drills are run within a minute; for the chart to show weeks, the script then moves four of them
# back by 7 to 28 days in drill_results (finished_at and started_at), the only edit it makes to the database.
# Needs: Xvfb, xdotool, xclip, ImageMagick (import), sqlite3, fonts-noto-cjk and a dev build (build/dev).
# Chinese by default (QINGTING_SHOT_LANG=en_US for English).
# Usage: scripts/screenshots-training.sh [OUTDIR]   (default docs/screenshots)
# The main window is set to 1280x800 at 0,0 (there is no window manager). Look at every PNG afterwards.
set -euo pipefail
[ -n "${QINGTING_SHOT_TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
source scripts/screenshots-common.sh
shot_begin training 84
$cli --db "$db" init >/dev/null
$cli --db "$db" demo --cases 3000 --days 180 --seed 7 2>/dev/null >/dev/null
printf 'train12345\n' | $cli --db "$db" user add chenjing --role trainer --name 陈静 >/dev/null
printf 'clerk12345\n' | $cli --db "$db" user add liuyang --role clerk --name 刘洋 >/dev/null
printf 'clerk12345\n' | $cli --db "$db" user add zhoumin --role clerk --name 周敏 >/dev/null

shot_xvfb
lang=${QINGTING_SHOT_LANG:-zh_CN}

# Starts the app and logs in (the login dialog is centred on the empty screen).
login() {
    if [ -n "$app" ]; then kill "$app"; wait "$app" 2>/dev/null || true; fi
    LANGUAGE=$lang LANG=$lang.UTF-8 LC_ALL=$lang.UTF-8 build/dev/app/qingting --db "$db" >>"$work/app.log" 2>&1 &
    app=$!
    sleep 5
    click 667 339 0.2; xdotool key ctrl+a
    xdotool type "$1"; xdotool key Tab; xdotool type "$2"; xdotool key Return; sleep 5
    local main
    main=$(xdotool search --onlyvisible --name "." | awk 'NR == 1')
    xdotool windowmove "$main" 0 0 windowsize "$main" 1280 800; sleep 1
}

# A clerk's drill: double-click the training case on row ROW of the Drills page, answer each stage, then Back.
run_drill() {
    xdotool mousemove 300 $((122 + 30 * $1)) click --repeat 2 1; sleep 2
    click 700 700
    shift
    for answer in "$@"; do paste_text "$answer"; xdotool key Return; sleep 1.5; done
    sleep 2
    click 1228 746 1.5 # Back
}

# The trainer builds five training cases: New from closed cases… (the library's first button), a row of the closed
# cases, Build; the training case opens for editing, and Close keeps it as built.
login chenjing train12345
for row in 0 1 3 6 4; do
    click 292 74 3
    click 600 $((212 + 30 * row)) 0.5
    click 942 596 4
    click 958 656 1.5
done
import -window root -crop 1280x800+0+0 +repage "$out/training-1-library.png"

# Clerk 刘洋: the Training page (second in a clerk's navigation), a 120-second timer, and a drill; the shot is taken
# while the third stage's answer is being typed. Then the score page, and two more drills.
login liuyang clerk12345
click 80 85 2
click 345 512 0; xdotool key ctrl+a; xdotool type 120
xdotool mousemove 300 182 click --repeat 2 1; sleep 2
click 700 700
paste_text "您好，非常抱歉让您受委屈了，您的心情我们完全理解，谢谢您专门来反映这个情况。"; xdotool key Return; sleep 1.5
paste_text "我跟您确认一下：您是月初来市民中心办理灵活就业参保，一位女工作人员语气很冲，您只是想问清楚要带什么材料，对吗？"
xdotool key Return; sleep 1.5
paste_text "这件事耽误了您的参保办理，还让您心里不舒服，"; sleep 0.5
import -window root -crop 1280x800+0+0 +repage "$out/training-2-drill.png"
paste_text "我们非常重视。您希望这位工作人员当面向您道歉，这一点我记下了。"; xdotool key Return; sleep 1.5
paste_text "我现在就把情况报给值班主任，今天下班前核实当时的经过，明天上午12点前给您回电话，安排当面致歉，并把灵活就业参保要带的材料清单发到您手机上。"
xdotool key Return; sleep 3
import -window root -crop 1280x800+0+0 +repage "$out/training-3-score.png"
click 1228 746 1.5
run_drill 0 "你先等一下，这个不归我们管。" "你说的是排队时间长吧。" "知道了。" "回去等通知吧。"
run_drill 1 "谢谢您反映，让您久等了，非常抱歉。" "您是说上周三下午来办公积金销户，快递费190元是吧？" \
    "这笔费用让您多花了钱，影响了您的办理，您希望退还，对吗？" "我今天就联系公积金中心核实收费依据，3个工作日内给您答复，如不合理全额退还。"

# Clerk 周敏: three drills.
login zhoumin clerk12345
click 80 85 2
run_drill 2 "您好，您先别着急，这事我们一定给您一个说法。" "您是说工作人员语气很冲，是吗？" "明白，给您添麻烦了。" "我们会尽快处理的。"
run_drill 3 "感谢您来反映，补贴标准没讲清楚，确实让您白跑了，非常抱歉。" "我确认一下：您是来领用发票时问补贴标准，窗口没人能解释清楚，对吗？" \
    "这让您多跑了一趟，耽误了时间，您希望有人把标准讲清楚。" "我今天下午就请税务窗口的业务骨干给您回电话，两个工作日内把书面的补贴标准说明寄给您。"
run_drill 4 "对不起，让您受委屈了，谢谢您告诉我们。" "您是说周一一早来办理抵押注销，工作人员说您事多，对吗？" \
    "这影响了您的办理，一家人都跟着着急，您希望严肃处理。" "我现在登记，今天内报值班主任调查，后天中午前电话告诉您处理结果。"

# Staging (see the top): spread the drills over four weeks, oldest first in the order each clerk ran them.
kill "$app"; wait "$app" 2>/dev/null || true; app=
sqlite3 "$db" "UPDATE drill_results SET
    finished_at = finished_at - CASE id WHEN 2 THEN 28 WHEN 3 THEN 14 WHEN 4 THEN 21 WHEN 5 THEN 7 ELSE 0 END * 86400,
    started_at = started_at - CASE id WHEN 2 THEN 28 WHEN 3 THEN 14 WHEN 4 THEN 21 WHEN 5 THEN 7 ELSE 0 END * 86400"

# The trainer's Drill results tab (the third tab of the Training page).
login chenjing train12345
click 388 38 3
import -window root -crop 1280x800+0+0 +repage "$out/training-4-chart.png"
kill "$app"; wait "$app" 2>/dev/null || true; app=
echo "screenshots in $out; work files in $work"
