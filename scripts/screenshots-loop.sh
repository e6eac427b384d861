#!/bin/bash
# Takes the screenshots of issue 12's screens (docs/screenshots/loop-*.png and case-view-clocks.png) in zh_CN under
# Xvfb, driving the app with xdotool as desk staff would, from a fresh database: the extension request and decision,
# the transfer and sign-for dialogs, the follow-up form with a bad rating, the rectification panel it opens and the
# case view with its clocks. Text is pasted through the clipboard (xdotool's typing of Chinese loses characters).
# Needs: Xvfb, xdotool, xclip, ImageMagick (import), python3, fonts-noto-cjk and a dev build (build/dev).
# Usage: scripts/screenshots-loop.sh [OUTDIR]   (default docs/screenshots)
# The main window is set to 1280x800 at 0,0 (there is no window manager); dialog clicks are relative to the dialog.
# Look at every PNG afterwards.
set -euo pipefail
[ -n "${QINGTING_SHOT_TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
source scripts/screenshots-common.sh
shot_begin loop 79
$cli --db "$db" init >/dev/null
$cli --db "$db" demo --cases 400 --days 30 --seed 7 2>/dev/null >/dev/null
printf 'zhaolei123\n' | $cli --db "$db" user add zhaolei --role supervisor --name 赵磊 >/dev/null
printf 'lina12345\n' | $cli --db "$db" user add lina --role supervisor --name 李娜 >/dev/null
# The cases are chosen by query, never by number, so that a change of the demo data cannot break the clicks below:
# the candidates come from the case list (`cases --status S --json`); a plain case is one whose case view has no
# panel of its own yet (no rectification, transfer, extension, pause, reminder or follow-up attempt, and no rating),
# which the script checks in its own throwaway database (read-only). The open case is due in more than a day (so it
# has no reminder button) and belongs to a department with a short name that is not the one it goes to (so the
# transfers table below has the same row height, and the sign-for button the same place, in every run); the
# resolved case awaits its first follow-up.
pick() { $cli --db "$db" cases --status "$1" --limit 500 --json | python3 -c '
import datetime, json, sqlite3, sys
later = (datetime.datetime.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M:%S")
db = sqlite3.connect("file:" + sys.argv[2] + "?mode=ro", uri=True)
def plain(case_no):
    return db.execute("""SELECT COUNT(*) FROM cases c WHERE c.case_no = ?
        AND c.rating IS NULL AND c.followup_attempts = 0 AND c.reminder_level = 0 AND c.paused_at IS NULL
        AND c.transfer_state IS NULL AND c.extended_due_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM rectifications r WHERE r.case_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM case_transfers t WHERE t.case_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM case_extensions e WHERE e.case_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM case_pauses p WHERE p.case_id = c.id)""", (case_no,)).fetchone()[0] == 1
for c in json.load(sys.stdin):
    dept = c.get("department") or ""
    if sys.argv[1] == "open" and not ((c["due"] or "") > later and 0 < len(dept) <= 5 and dept != "综合受理科"):
        continue
    if plain(c["case_no"]):
        print(c["case_no"]); break' "$2" "$db"; }
open_case=$(pick in_progress open)
resolved_case=$(pick resolved any)
echo "open case $open_case, resolved case $resolved_case"
if [ -z "$open_case" ] || [ -z "$resolved_case" ]; then
    echo "no suitable case in the demo data (see pick)" >&2
    exit 1
fi

shot_xvfb

# dclick X Y clicks at X,Y inside the topmost window (after dialog).
dclick() { click $((DX + $1)) $((DY + $2)) "${3:-0.3}"; }
snap_window() { import -window root -crop 1280x800+0+0 +repage "$1"; }
start_app() { # login password
    LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 build/dev/app/qingting --db "$db" >>"$work/app.log" 2>&1 &
    app=$!
    sleep 4
    click 667 339 0.2; xdotool key ctrl+a             # the login field (it remembers the last login)
    xdotool type "$1"; xdotool key Tab; xdotool type "$2"; xdotool key Return; sleep 5
    local main; main=$(xdotool search --onlyvisible --name "Qingting" | awk 'NR == 1')
    xdotool windowmove "$main" 0 0 windowsize "$main" 1280 800; sleep 1
}
stop_app() { kill "$app"; wait "$app" 2>/dev/null || true; app=; }
open_case() { # case number: searched in the list, then opened from the first row
    click 255 39 0.5                                # the 案件列表 tab
    click 538 73 0.2; xdotool key ctrl+a; paste_text "$1"; xdotool key Return; sleep 2
    xdotool mousemove 300 131 click --repeat 2 1; sleep 3
}

# Li Na, supervisor on duty, works the open case: asks for an extension, transfers it, and the department signs.
start_app lina lina12345
open_case "$open_case"
click 283 516 1.5                                   # 申请延期…
dialog; dclick 240 215; paste_text "需向市场监管局调取企业历年收费凭证，对方答复需5个工作日"
snap_dialog "$out/loop-extension-request.png"
dclick 336 316 2                                    # 提交申请
click 313 748 1.5                                   # 转办…
dialog; dclick 283 86 0.5; xdotool key Down Down Return; sleep 0.3
dclick 240 215; paste_text "收费标准的解释属于价格主管部门职责，请综合受理科会同价格科答复"
snap_dialog "$out/loop-transfer.png"
dclick 342 316 2                                    # 转办
click 288 650 1.5                                   # 签收或退回…
dialog; dclick 240 215; paste_text "属本科室职责，已签收，由价格科配合答复"
snap_dialog "$out/loop-sign-for.png"
dclick 340 316 2                                    # 签收

# The follow-up of a resolved case: reached by phone, rated 2 (不满意), which opens a rectification.
open_case "$resolved_case"
click 398 748 1.5                                   # 记录回访…
dialog; dclick 305 119 0.5; xdotool key Down Down Down Down Return; sleep 0.3
dclick 298 151 0.2; xdotool key ctrl+a; xdotool type 3
dclick 250 288; paste_text "市民表示问题虽已解决，但前后跑了三趟，窗口没有一次性告知所需材料，不满意"
snap_dialog "$out/loop-followup-form.png"
dclick 355 353 3                                    # 记录回访
xdotool mousemove 235 455 click 5 click 5 click 5; sleep 1   # the follow-up panel, below the transfers
snap_window "$out/loop-rectification-panel.png"
stop_app

# Zhao Lei, the other supervisor, decides the extension (four eyes) and looks at the case's clocks.
start_app zhaolei zhaolei123
open_case "$open_case"
xdotool key alt+d; sleep 1.5                        # 审批延期(D)…
dialog; dclick 240 215; paste_text "同意延期，请在新时限前电话告知市民进展"
snap_dialog "$out/loop-extension-decision.png"
dclick 340 316 2                                    # 批准
xdotool mousemove 235 455 click 5 click 5 click 5 click 5 click 5; sleep 1   # the details down to the clocks
snap_window "$out/case-view-clocks.png"
stop_app
echo "screenshots in $out; work files in $work"
