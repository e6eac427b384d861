#!/bin/bash
# Takes the screenshots of the import (issue 13: docs/screenshots/import-*.png) in zh_CN under Xvfb, driving the app
# with xdotool as a supervisor would: File ▸ Import cases…, a GB18030 file exported from a spreadsheet (Chinese
# headers in their own order, an extra column, a few bad rows), the preview, the progress dialog, and the summary
# with the rejected rows ("Skip bad rows" on). Needs: Xvfb, xdotool, xclip, ImageMagick (import), python3,
# fonts-noto-cjk and a dev build (build/dev) with ImportService (branch import13) merged. The importing role must
# have ImportService's rights (see ImportJobs::allowed): QINGTING_SHOT_ROLE, default supervisor.
# Usage: scripts/screenshots-import.sh [OUTDIR]   (default docs/screenshots)
# The main window is set to 1280x800 at 0,0 (there is no window manager). Look at every PNG afterwards.
set -euo pipefail
[ -n "${QINGTING_SHOT_TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
source scripts/screenshots-common.sh
shot_begin import 81
mkdir -p "$HOME/Documents"
$cli --db "$db" init >/dev/null
$cli --db "$db" demo --cases 400 --days 30 --seed 7 2>/dev/null >/dev/null
printf 'zhaolei123\n' | $cli --db "$db" user add zhaolei --role "${QINGTING_SHOT_ROLE:-supervisor}" --name 赵磊 >/dev/null

# Last year's complaint ledger as Excel on Chinese Windows saves it: GB18030, CRLF, Chinese headers in the ledger's
# own order, a 备注 column the format does not know, 40,000 rows (so that the progress dialog stays a few seconds)
# and four bad rows.
csv="$HOME/Documents/2024年投诉台账.csv"
python3 - "$csv" <<'PY'
import datetime, random, sys
random.seed(13)
header = ["受理时间", "案件编号", "渠道", "窗口", "事项", "类别", "摘要", "市民标识", "等候分钟", "首次响应时间",
          "答复时间", "办结时间", "关闭时间", "满意度", "推荐度", "转办次数", "备注"]
windows = ["1号窗口", "2号窗口", "3号窗口", "5号窗口", "综合窗口"]
items = ["社保转移", "营业执照变更", "不动产登记", "公积金提取", "居住证办理"]
categories = ["服务态度", "办理时限", "材料要求", "系统故障", "收费"]
channels = ["窗口", "电话", "online", "12345", "网上", "信件"]
texts = ["排队一个多小时，窗口说材料不全又不说缺什么", "网上申报一直显示处理中，电话打不通",
         "说好三个工作日出结果，今天来又说查不到", "收费标准和公示的不一样", "叫号系统跳号，等了很久"]
start = datetime.datetime(2024, 1, 2, 8, 30)
rows = []
for i in range(1, 40001):
    received = start + datetime.timedelta(minutes=i * 13 % (360 * 24 * 60))
    acked = received + datetime.timedelta(minutes=random.randrange(5, 240))
    answered = acked + datetime.timedelta(hours=random.randrange(1, 48))
    closed = answered + datetime.timedelta(days=random.randrange(0, 5), hours=2)
    t = lambda d: d.strftime("%Y-%m-%d %H:%M")
    rows.append([f"{received.year}/{received.month}/{received.day} {received.hour}:{received.minute:02d}",
                 f"LS2024-{i:06d}", random.choice(channels), random.choice(windows), random.choice(items),
                 random.choice(categories), random.choice(texts), f"139{random.randrange(10**8):08d}",
                 str(random.randrange(0, 120)), t(acked), t(answered), t(closed), t(closed),
                 str(random.randint(1, 5)), str(random.randint(0, 10)), str(random.randrange(0, 3)),
                 "老系统导出" if i % 50 == 0 else ""])
rows[2][13] = "7"                      # 满意度 out of range
rows[9][2] = "传真"                     # no such channel
rows[15][0] = ""                       # 受理时间 missing
rows[27][12] = "2023-12-31 10:00"      # closed before received
with open(sys.argv[1], "w", encoding="gb18030", newline="") as f:
    for row in [header] + rows:
        f.write(",".join(row) + "\r\n")
PY

shot_xvfb


LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 build/dev/app/qingting --db "$db" >>"$work/app.log" 2>&1 &
app=$!
sleep 4
click 667 339 0.2; xdotool key ctrl+a
xdotool type zhaolei; xdotool key Tab; xdotool type zhaolei123; xdotool key Return; sleep 5
main=$(xdotool search --onlyvisible --name "Qingting" | awk 'NR == 1')
xdotool windowmove "$main" 0 0 windowsize "$main" 1280 800; sleep 1

click 22 11 0.6; xdotool key Down Return; sleep 1.5           # 文件 ▸ 导入案件… (the menu's first entry)
paste_text "$(basename "$csv")"; xdotool key Return; sleep 4   # the file dialog opens in ~/Documents
xdotool windowmove "$(top)" 190 60; sleep 0.5
dialog; IX=$DX; IY=$DY; IW=$DW; IH=$DH                          # the import dialog, for the progress shot
snap_dialog "$out/import-1-preview.png"
xdotool key shift+Tab space Tab; sleep 0.3                     # 跳过有问题的行, then back to 导入
snap_dialog "$work/preview-skip-bad.png"
xdotool key Return; sleep "${QINGTING_SHOT_PROGRESS_WAIT:-3}"   # checked; the rows being written
import -window root -crop "${IW}x${IH}+${IX}+${IY}" +repage "$out/import-2-progress.png"  # over the import dialog
for _ in $(seq 60); do                                         # until the summary replaces the progress dialog
    sleep 1
    dialog; [ "$DW" -gt 600 ] && break                          # (the progress dialog is the narrow one)
done
sleep 1
snap_dialog "$out/import-3-summary.png"
kill "$app"; wait "$app" 2>/dev/null || true; app=
$cli --db "$db" cases --search LS2024 --limit 3
echo "screenshots in $out; work files in $work"
