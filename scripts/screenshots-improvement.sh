#!/bin/bash
# Takes the screenshots of the improvement register (issue 14, helper "register": docs/screenshots/improvement-*.png:
# the register, the fishbone, the effect check)
# under Xvfb, driving the app with xdotool as a supervisor would: the register page on `demo` data (all actions,
# overdue ones in red), then an action with its root-cause analysis opened on the Fishbone tab. Needs: Xvfb, xdotool,
# ImageMagick (import), fonts-noto-cjk and a dev build (build/dev). English by default (QINGTING_SHOT_LANG=zh_CN for
# Chinese once the translations are in).
# Usage: scripts/screenshots-improvement.sh [OUTDIR]   (default docs/screenshots)
# The main window is set to 1280x800 at 0,0 (there is no window manager). Look at every PNG afterwards.
set -euo pipefail
[ -n "${QINGTING_SHOT_TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
source scripts/screenshots-common.sh
shot_begin improvement 82
$cli --db "$db" init >/dev/null
$cli --db "$db" demo --cases 3000 --days 180 --seed 7 2>/dev/null >/dev/null
printf 'zhaolei123\n' | $cli --db "$db" user add zhaolei --role supervisor --name 赵磊 >/dev/null
# The action the fishbone shot opens: of those with a fishbone, the one created nearest to 90 days before the end, so
# that its effect check has weeks on both sides. Its row: the table sorts by deadline, then id (as the SQL).
pick="SELECT id FROM improvement_actions WHERE problem <> '' ORDER BY
    abs(created_at - (SELECT max(received_at) FROM cases) + 90 * 86400), id LIMIT 1"
fishbone_id=$(sqlite3 "$db" "$pick")
fishbone_row=$(sqlite3 "$db" "SELECT COUNT(*) FROM improvement_actions a, improvement_actions f WHERE f.id = $fishbone_id
    AND (a.deadline < f.deadline OR (a.deadline = f.deadline AND a.id < f.id))")
fishbone_title=$(sqlite3 "$db" "SELECT title FROM improvement_actions WHERE id = $fishbone_id")

shot_xvfb


lang=${QINGTING_SHOT_LANG:-en_US}
LANGUAGE=$lang LANG=$lang.UTF-8 LC_ALL=$lang.UTF-8 build/dev/app/qingting --db "$db" >>"$work/app.log" 2>&1 &
app=$!
sleep 4
click 667 339 0.2; xdotool key ctrl+a
xdotool type zhaolei; xdotool key Tab; xdotool type zhaolei123; xdotool key Return; sleep 5
main=$(xdotool search --onlyvisible --name "Qingting" | awk 'NR == 1')
xdotool windowmove "$main" 0 0 windowsize "$main" 1280 800; sleep 1

# The navigation list of a supervisor: Cases, Dashboard, Audit log, Improvement register, Settings. Rows differ in
# height between languages: click the first and walk down by keyboard.
click "${QINGTING_SHOT_NAV_X:-80}" 45 1; xdotool key Down Down Down; sleep 1.5
# Show: All actions (the filter is the page's first field).
click "${QINGTING_SHOT_FILTER_X:-350}" "${QINGTING_SHOT_FILTER_Y:-38}" 0.5; xdotool key Home Return; sleep 1.5
import -window root -crop 1280x800+0+0 +repage "$out/improvement-1-register.png"

# Open the action with a fishbone: choose its row, then Edit…; then the Fishbone tab (Ctrl+Tab from the Action tab),
# then the Effect tab.
row_y=$(( ${QINGTING_SHOT_ROW0_Y:-88} + fishbone_row * ${QINGTING_SHOT_ROW_H:-30} ))
click 600 "$row_y" 0.5
click "${QINGTING_SHOT_EDIT_X:-1144}" "${QINGTING_SHOT_FILTER_Y:-38}" 2.5
dialog
click $((DX + 40)) $((DY + 24)) 0.5                           # the Action tab
xdotool key ctrl+Tab ctrl+Tab; sleep 1
snap_dialog "$out/improvement-2-fishbone.png"
xdotool key ctrl+Tab; sleep 1
snap_dialog "$out/improvement-3-effect.png"
kill "$app"; wait "$app" 2>/dev/null || true; app=
echo "fishbone of: $fishbone_title (row $fishbone_row)"
echo "screenshots in $out; work files in $work"
