#!/usr/bin/env bash
# The review report's PDF pages in docs/screenshots (issue 14, helper "report"): a 20,000-case demo file over 120
# days, the report of its last 30 days as PDF, pages 1 and 2 rendered at 60 dpi (pdftoppm). No display needed: the
# CLI draws the PDF offscreen. Usage: scripts/screenshots-report.sh [CLI] (default build/dev/app/cli/qingting-cli).
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${1:-build/dev/app/cli/qingting-cli}
work=$(mktemp -d /tmp/qingting-report-shots.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_CONFIG_HOME=$work/config
export LANGUAGE=${QINGTING_SHOT_LANG:-zh_CN} LANG=C.UTF-8
mkdir -p "$HOME" "$XDG_CONFIG_HOME/Qingting"
printf '[receipt]\nhallName=东城区政务服务中心\n' >"$XDG_CONFIG_HOME/Qingting/qingting.conf"
db=$work/r.sqlite
"$cli" --db "$db" demo --cases 20000 --days 120 --end 2026-11-30 --seed 14 >/dev/null 2>&1
"$cli" --db "$db" report --from 2026-11-01 --to 2026-11-30 --as-of "2026-11-30 18:00" --format pdf \
    --out "$work/report.pdf" >/dev/null 2>&1
mkdir -p docs/screenshots
for page in 1 2; do
    pdftoppm -r 60 -png -f $page -l $page -singlefile "$work/report.pdf" "docs/screenshots/report-$page"
done
pdfinfo "$work/report.pdf" | grep Pages
echo "docs/screenshots/report-1.png docs/screenshots/report-2.png"
