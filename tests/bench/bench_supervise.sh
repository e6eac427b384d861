#!/usr/bin/env bash
# The supervision views on a copy of a large SQLite file (issue 12, helper "supervise"): "due today" and "overdue"
# first pages within 100 ms. Never touches the source: copies it into a scratch folder first.
#   QINGTING_BENCH_DB=/tmp/intake1m.sqlite QINGTING_BENCH_NOW="2026-11-30 14:00" bash tests/bench/bench_supervise.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
src=${QINGTING_BENCH_DB:?set QINGTING_BENCH_DB}
now=${QINGTING_BENCH_NOW:?set QINGTING_BENCH_NOW to the data set now, e.g. 2026-11-30 14:00}
build=${QINGTING_BENCH_BUILD:-$here/build/dev}
cmake --build "$build" --target bench_supervise -- -j2 >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$src" "$scratch/copy.sqlite"
"$build/tests/bench/bench_supervise" "$scratch/copy.sqlite" "$now" "${QINGTING_BENCH_REPEAT:-5}"
