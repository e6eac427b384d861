#!/bin/bash
# Takes the guided intake's screenshots (docs/screenshots/intake-*.png) in zh_CN under Xvfb, driving the app with
# xdotool as a clerk would (text is pasted through the clipboard: xdotool's typing of Chinese loses characters on a
# busy machine). Needs: Xvfb, xdotool, xclip, ImageMagick (import), poppler-utils (pdftoppm), fonts-noto-cjk, and a
# dev build (build/dev). Usage: scripts/screenshots-intake.sh [OUTDIR]   (default docs/screenshots)
# The coordinates below fit the wizard's default size on a 1280x900 screen; look at every PNG afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
source scripts/screenshots-common.sh
shot_begin intake 77
$cli --db "$db" init >/dev/null
$cli --db "$db" demo --cases 3000 --seed 7 2>/dev/null >/dev/null
printf 'wangfang123\n' | $cli --db "$db" user add wangfang --role clerk --name 王芳 >/dev/null

shot_xvfb 1280x900
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 build/dev/app/qingting --db "$db" >"$work/app.log" 2>&1 &
app=$!
sleep 4

paste() { click "$1" "$2" 0.2; xdotool key ctrl+a; printf '%s' "$3" | xclip -selection clipboard; sleep 0.2; xdotool key ctrl+v; sleep 0.3; }
choose() { click "$1" "$2" 0.4; for _ in $(seq "$3"); do xdotool key Down; done; xdotool key Return; sleep 0.3; }
snap() { # the topmost visible window
    local id; id=$(xdotool search --onlyvisible --name "." | tail -1)
    eval "$(xdotool getwindowgeometry --shell "$id")"
    import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$1"
}

click 667 389; xdotool type wangfang; xdotool key Tab; xdotool type wangfang123; xdotool key Return; sleep 5
click 1147 74 3                                    # 新建案件
paste 360 250 "我上午十点来办社保转移，在3号窗口排了一个半小时，轮到我了工作人员说材料不全，问缺什么也不说清楚，不耐烦。我请了半天假，今天必须办完！"
choose 400 430 3                                   # 情绪：激动
choose 973 160 3                                   # 3号窗口
choose 973 192 2                                   # 社保业务
choose 973 224 1                                   # 服务态度
click 960 256; xdotool key ctrl+a; xdotool type 90
click 973 288; xdotool type A023
paste 1007 456 "张建国"
paste 1007 487 "13912345678"
click 75 691 0.8                                   # 已回应感受
snap "$out/intake-1-listen.png"
click 1042 756 1.5
paste 630 140 "排队约一个半小时后，工作人员说社保转移的材料不全，但没有说明缺少哪些材料，态度不耐烦"
paste 630 211 "今天上午十点左右"
paste 630 242 "二楼3号窗口"
paste 630 305 "3号窗口受理人员"
click 75 537 0.8                                   # 市民已确认
snap "$out/intake-2-facts.png"
click 1042 756 2
paste 400 95 "市民本人（为办理请了半天假）"
choose 400 127 2; choose 400 159 1; choose 400 191 1
paste 400 255 "今天把社保转移办完；一次性说清楚还缺哪些材料；窗口人员改进服务态度"
choose 400 319 1; choose 400 351 1
click 75 621 0.5
snap "$out/intake-3-impact.png"
click 1042 756 2.5
choose 357 96 2                                    # 综合受理科
click 29 183; click 29 243
paste 357 273 "当场向市民道歉；请2号窗口优先为市民办理社保转移"
paste 357 340 "调取3号窗口当时的录音录像核实经过；由综合受理科与当事工作人员谈话；12月2日前电话告知处理结果"
click 634 704 0.8                                  # 已说明步骤
snap "$out/intake-4-steps.png"
click 1042 756 2.5
snap "$out/intake-5-review.png"
click 1042 756 3                                   # 保存案件
click 178 704 2                                    # 回执另存为 PDF
xdotool key ctrl+a; xdotool type "$work/receipt.pdf"; xdotool key Return; sleep 2
pdftoppm -r 100 -png -singlefile "$work/receipt.pdf" "$out/intake-receipt"
click 1128 756 1.5                                 # 关闭
click 1147 74 3
paste 360 250 "我是来办营业执照变更的，材料上周就交了，说好三个工作日出结果，今天来又说系统里查不到，让我回去等通知。"
click 1128 756 1.5                                 # 取消：草稿保留
click 1147 74 2.5
import -window root -crop 1200x760+0+0 +repage "$out/intake-draft-offered.png"
echo "screenshots in $out; work files in $work"
