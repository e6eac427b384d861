#!/bin/sh
# bench_intake_gui.sh [FILE.sqlite] [REPEAT]: how fast the guided intake opens and the longest GUI-thread stall on
# each of its pages, offscreen, on FILE (default: run-bench.sh's $QINGTING_BENCH_DB, the 1 M-case demo file). Prints
# RESULT lines for run-bench.sh; details on stderr. The file gets one more case (the bench saves its intake): use a
# copy if that matters. Builds its program (bench_intake_gui, never part of ./test) in build/dev first.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${QINGTING_BUILD_DIR:-$root/build/dev}
file=${1:-${QINGTING_BENCH_DB:-}}
if [ -z "$file" ]; then
    echo "usage: $0 FILE.sqlite [REPEAT]" >&2
    exit 2
fi
cmake --build "$build" --target bench_intake_gui -- -j2 >&2
QT_QPA_PLATFORM=offscreen "$build/tests/ui/bench_intake_gui" "$file" "${2:-10}" | tee /dev/stderr | grep '^RESULT|'
