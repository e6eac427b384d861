#!/usr/bin/env bash
# `qingting-cli demo --cases N` on SQLite, release build: wall time (budget 120 s for 1,000,000 cases on the 2-core
# machine), CPU time, peak RSS and file size. Uses the driver's own run when it has just made the file; otherwise
# (or with QINGTING_BENCH_REPEAT > 1) generates into a scratch file and reports medians.
set -euo pipefail
: "${QINGTING_BENCH_CLI:?run through tests/bench/run-bench.sh}"
cases=$QINGTING_BENCH_CASES
repeat=$QINGTING_BENCH_REPEAT

seconds() { # h:mm:ss or m:ss(.ss) -> seconds
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }' <<< "$1"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

walls=() cpus=() rsss=() sizes=()
measure() { # $1 = the time -v log, $2 = the database file
    walls+=("$(seconds "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1")")")
    cpus+=("$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$1")")
    rsss+=("$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1")")
    sizes+=("$(du -m --apparent-size "$2" | cut -f1)")
}

if [[ "$QINGTING_BENCH_FRESH" == 1 && "$repeat" == 1 ]]; then
    measure "$QINGTING_BENCH_DB_TIME" "$QINGTING_BENCH_DB"
else
    scratch="$QINGTING_BENCH_BUILD/demo-scratch.sqlite"
    for ((i = 0; i < repeat; i++)); do
        rm -f "$scratch" "$scratch-wal" "$scratch-shm"
        /usr/bin/time -v -o "$scratch.time" "$QINGTING_BENCH_CLI" --db "$scratch" demo --cases "$cases" --seed 1 >&2
        measure "$scratch.time" "$scratch"
    done
    rm -f "$scratch" "$scratch-wal" "$scratch-shm" "$scratch.time"
fi

wall=$(printf '%s\n' "${walls[@]}" | median)
verdict=""
budget=""
if [[ "$cases" == 1000000 ]]; then
    budget="≤ 120"
    verdict=$(awk -v w="$wall" 'BEGIN { print (w <= 120 ? "ok" : "FAIL") }')
fi
echo "RESULT|demo $cases cases: wall time (median of $repeat)|$wall|s|$budget|$verdict"
echo "RESULT|demo $cases cases: CPU time user+sys|$(printf '%s\n' "${cpus[@]}" | median)|s||"
echo "RESULT|demo $cases cases: peak RSS|$(printf '%s\n' "${rsss[@]}" | median)|MB||"
echo "RESULT|demo $cases cases: file size|$(printf '%s\n' "${sizes[@]}" | median)|MB||"
