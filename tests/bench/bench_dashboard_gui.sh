#!/bin/sh
# bench_dashboard_gui.sh FILE.sqlite [TODAY]: the longest GUI-thread stall while the real dashboard (offscreen) opens
# and switches through every date preset and a year on FILE (for example the 1 M-case demo file). Prints one line per
# step and the worst stall; exits 1 over the 50 ms budget. Builds its program (bench_dashboard_gui, never part of
# ./test) in build/dev first, or in QINGTING_BUILD_DIR.
set -eu
if [ $# -lt 1 ]; then
    echo "usage: $0 FILE.sqlite [TODAY]" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${QINGTING_BUILD_DIR:-$root/build/dev}
cmake --build "$build" --target bench_dashboard_gui -- -j2 >&2
QT_QPA_PLATFORM=offscreen exec ${QINGTING_BENCH_PRIORITY:-} "$build/tests/ui/bench_dashboard_gui" "$@"
