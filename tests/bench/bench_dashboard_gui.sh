#!/bin/bash
# bench_dashboard_gui.sh [FILE.sqlite [TODAY]]: the longest GUI-thread stall while the real dashboard (offscreen) opens
# and switches through every date preset and a year on FILE (for example the 1 M-case demo file; under run-bench.sh
# its QINGTING_BENCH_DB). Prints one line per step and the worst stall, and a RESULT line; exits 1 over the 50 ms
# budget. Builds its program (bench_dashboard_gui, never part of ./test) in build/dev first, or in QINGTING_BUILD_DIR.
set -eu
db=${1:-${QINGTING_BENCH_DB:-}}
if [ -z "$db" ]; then
    echo "usage: $0 FILE.sqlite [TODAY]" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${QINGTING_BUILD_DIR:-$root/build/dev}
cmake --build "$build" --target bench_dashboard_gui -- -j2 >&2
status=0
output=$(QT_QPA_PLATFORM=offscreen ${QINGTING_BENCH_PRIORITY:-} "$build/tests/ui/bench_dashboard_gui" "$db" ${2:-}) ||
    status=$?
echo "$output" >&2
worst=$(sed -n 's/^longest GUI-thread stall: \([0-9]*\) ms.*/\1/p' <<< "$output")
verdict=$([ "$status" = 0 ] && echo ok || echo FAIL)
echo "RESULT|dashboard GUI: longest GUI-thread stall|${worst:-?}|ms|≤ 50|$verdict"
exit "$status"
