#!/usr/bin/env bash
# The dashboard's data on the benchmark file (issue 14): DashboardService::snapshot after opening, and for each date
# preset (median of 3), with the peak memory of the whole run.
# Standalone: QINGTING_BENCH_BUILD=build/bench QINGTING_BENCH_DB=... bash tests/bench/bench_dashboard.sh
set -euo pipefail
build=${QINGTING_BENCH_BUILD:?set QINGTING_BENCH_BUILD}
db=${QINGTING_BENCH_DB:?set QINGTING_BENCH_DB}
cmake --build "$build" --target bench_dashboard -- -j"${QINGTING_BENCH_JOBS:-2}" >&2
time_file=$(mktemp)
/usr/bin/time -v -o "$time_file" "$build/tests/bench/bench_dashboard" "$db" ${QINGTING_BENCH_TODAY:-}
rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$time_file")
rm -f "$time_file"
verdict=$([ "$rss" -le 300 ] && echo ok || echo FAIL)
echo "RESULT|dashboard: peak RSS of the run|$rss|MB|≤ 300|$verdict"
