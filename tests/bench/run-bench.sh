#!/usr/bin/env bash
# The benchmark driver (never part of ./test or ctest). Builds the release CLI with the `bench` preset (unless
# QINGTING_BENCH_CLI names one), makes or reuses build/bench/demo-1m.sqlite (rebuilt when the schema, the demo
# generator version or the case count changes), runs every tests/bench/bench_*.sh and prints their results as a table.
#
#   tests/bench/run-bench.sh                 # everything
#   tests/bench/run-bench.sh demo            # only the bench_*.sh whose name contains "demo"
#   QINGTING_BENCH_CASES=100000 tests/bench/run-bench.sh   # a smaller file (its own name), for trying things out
#   QINGTING_BENCH_REPEAT=3 ...              # scripts that support it repeat and report medians
#   QINGTING_BENCH_PG=postgresql://postgres@127.0.0.1:PORT/postgres ...   # PostgreSQL too (an admin URL, e.g. of
#                                            # tests/postgres/throwaway-postgres.sh): bench_case_list.sh also runs
#                                            # on its database qingting_demo_N, made with demo once (kept, reused)
#
# A bench_*.sh gets the environment below and prints its results on stdout, one a line:
#   RESULT|name|value|unit|budget|verdict     (budget and verdict may be empty; verdict ok or FAIL)
# Anything else it prints (progress, details) goes to stderr.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
filter=${1:-}

export QINGTING_BENCH_CASES=${QINGTING_BENCH_CASES:-1000000}
export QINGTING_BENCH_REPEAT=${QINGTING_BENCH_REPEAT:-1}
if [[ -z "${QINGTING_BENCH_CLI:-}" ]]; then
    [[ -f build/bench/build.ninja ]] || cmake --preset bench >&2
    cmake --build build/bench --target qingting-cli -- -j"${QINGTING_BENCH_JOBS:-2}" >&2
    export QINGTING_BENCH_CLI="$root/build/bench/app/cli/qingting-cli"
    export QINGTING_BENCH_BUILD="$root/build/bench"
fi
export QINGTING_BENCH_BUILD=${QINGTING_BENCH_BUILD:-$root/build/bench}
export QINGTING_BENCH_SOURCE="$root"
mkdir -p "$QINGTING_BENCH_BUILD"

if [[ "$QINGTING_BENCH_CASES" == 1000000 ]]; then
    export QINGTING_BENCH_DB="$QINGTING_BENCH_BUILD/demo-1m.sqlite"
else
    export QINGTING_BENCH_DB="$QINGTING_BENCH_BUILD/demo-$QINGTING_BENCH_CASES.sqlite"
fi
stampFile="${QINGTING_BENCH_DB%.sqlite}.stamp"
export QINGTING_BENCH_DB_TIME="${QINGTING_BENCH_DB%.sqlite}.time"
generator=$(sed -n 's/.*kGeneratorVersion = \([0-9]*\);.*/\1/p' app/core/services/DemoService.h)
stamp="$("$QINGTING_BENCH_CLI" version) generator $generator cases $QINGTING_BENCH_CASES seed 1"

export QINGTING_BENCH_FRESH=0
if [[ ! -f "$QINGTING_BENCH_DB" || ! -f "$stampFile" || "$(cat "$stampFile")" != "$stamp" ]]; then
    echo "run-bench: making $QINGTING_BENCH_DB ($stamp)" >&2
    rm -f "$QINGTING_BENCH_DB" "$QINGTING_BENCH_DB-wal" "$QINGTING_BENCH_DB-shm" "$stampFile"
    /usr/bin/time -v -o "$QINGTING_BENCH_DB_TIME" \
        "$QINGTING_BENCH_CLI" --db "$QINGTING_BENCH_DB" demo --cases "$QINGTING_BENCH_CASES" --seed 1 >&2
    echo "$stamp" > "$stampFile"
    export QINGTING_BENCH_FRESH=1
else
    echo "run-bench: reusing $QINGTING_BENCH_DB ($stamp)" >&2
fi

if [[ -n "${QINGTING_BENCH_PG:-}" && -z "${QINGTING_BENCH_PG_DB:-}" ]]; then
    pgName="qingting_demo_$QINGTING_BENCH_CASES"
    export QINGTING_BENCH_PG_DB="${QINGTING_BENCH_PG%/*}/$pgName"
    if [[ -z "$(psql "$QINGTING_BENCH_PG" -Atc "SELECT 1 FROM pg_database WHERE datname = '$pgName'")" ]]; then
        echo "run-bench: making $QINGTING_BENCH_PG_DB" >&2
        psql "$QINGTING_BENCH_PG" -qc "CREATE DATABASE $pgName" >&2
        "$QINGTING_BENCH_CLI" --pg "$QINGTING_BENCH_PG_DB" init >&2
        /usr/bin/time -v -o "$QINGTING_BENCH_BUILD/$pgName.time" \
            "$QINGTING_BENCH_CLI" --pg "$QINGTING_BENCH_PG_DB" demo --cases "$QINGTING_BENCH_CASES" --seed 1 >&2
    else
        echo "run-bench: reusing $QINGTING_BENCH_PG_DB (drop it to make it anew)" >&2
    fi
fi

results=()
status=0
for script in tests/bench/bench_*.sh; do
    [[ -e "$script" ]] || continue
    [[ -z "$filter" || "$script" == *"$filter"* ]] || continue
    echo "run-bench: $script" >&2
    if ! output=$(bash "$script"); then
        results+=("RESULT|$(basename "$script")|script failed||||FAIL")
        status=1
        continue
    fi
    while IFS= read -r line; do
        [[ "$line" == RESULT\|* ]] && results+=("$line")
    done <<< "$output"
done

echo
printf '%-44s %14s %-6s %12s %s\n' "benchmark" "value" "unit" "budget" "verdict"
printf '%-44s %14s %-6s %12s %s\n' "---------" "-----" "----" "------" "-------"
for r in "${results[@]}"; do
    IFS='|' read -r _ name value unit budget verdict <<< "$r"
    printf '%-44s %14s %-6s %12s %s\n' "$name" "$value" "$unit" "$budget" "$verdict"
    [[ "$verdict" == FAIL ]] && status=1
done
echo
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
