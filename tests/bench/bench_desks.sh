#!/usr/bin/env bash
# bench_desks.sh: many desks saving cases into one database at once (issue 10, "Crashes and many desks").
#
# Each desk is a case_writer process (tests/database/case_writer.cpp) that records cases through CaseService for
# S seconds and prints every saved case number with the latency of its CaseService::create call. Afterwards
# `case_writer --check` proves that every reported case is stored once, that the database is intact and that
# the audit chain verifies. Prints a Markdown table; exits 1 when a save failed or a check did not hold.
#
# Latency columns: p50..max leave out each desk's first two saves (a fresh server session fills its caches while it
# holds the day's counter row); "p95, all saves" and "max, first 2 saves" show them.
# Rows: SQLite with 8 desks; PostgreSQL with 40 desks saving back to back (the server's saturation); PostgreSQL
# with 40 desks that pause between saves (--pause-ms, default 1000, each pause drawn between 0.5 and 1.5 times that:
# about 40 saves a second in the hall, far above a real intake rate). The intake budget (p95 <= 50 ms with 40 desks on PostgreSQL) is read on the paced row.
#
# usage: tests/bench/bench_desks.sh [--build DIR] [--seconds S] [--sqlite-desks N] [--pg-desks N]
#                                   [--pause-ms MS] [--pg ADMIN_URL] [--no-sqlite] [--no-pg] [--keep DIR]
#                                   [--pg-variants "saturated paced"]
# env:   QINGTING_BENCH_BUILD (build dir holding tests/database/case_writer and app/cli/qingting-cli; default
#        build/bench-desks, else build/dev), QINGTING_BENCH_PG (an admin URL: the script creates and drops its
#        own databases there), QINGTING_BENCH_SECONDS (default 30).
# Without an admin URL the script starts its own PostgreSQL with the server's default durability (fsync and
# synchronous_commit on, unlike the test suite's throwaway server) in a temporary folder and removes it at the end.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${QINGTING_BENCH_BUILD:-}
seconds=${QINGTING_BENCH_SECONDS:-30}
sqlite_desks=8
pg_desks=40
pause_ms=1000
admin=${QINGTING_BENCH_PG:-}
run_sqlite=1
run_pg=1
pg_variants="saturated paced"
keep=""
while [[ $# -gt 0 ]]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --sqlite-desks) sqlite_desks=$2; shift 2 ;;
    --pg-desks) pg_desks=$2; shift 2 ;;
    --pause-ms) pause_ms=$2; shift 2 ;;
    --pg) admin=$2; shift 2 ;;
    --no-sqlite) run_sqlite=0; shift ;;
    --no-pg) run_pg=0; shift ;;
    --keep) keep=$2; shift 2 ;;
    --pg-variants) pg_variants=$2; shift 2 ;;
    *) sed -n '2,23p' "$0" >&2; exit 2 ;;
    esac
done
if [[ -z $build ]]; then
    build=$root/build/bench-desks
    [[ -x $build/tests/database/case_writer ]] || build=$root/build/dev
fi
writer=$build/tests/database/case_writer
cli=$build/app/cli/qingting-cli
for tool in "$writer" "$cli"; do
    [[ -x $tool ]] || { echo "bench_desks: $tool is missing; build the case_writer and qingting-cli targets" >&2; exit 2; }
done

work=$(mktemp -d /tmp/qingting-bench-desks.XXXXXX)
own_pg=""
cleanup() {
    if [[ -n $own_pg ]]; then
        as_owner "$own_pg/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [[ -n $keep ]]; then
        mkdir -p "$keep" && cp -r "$work"/. "$keep"/ || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A durable PostgreSQL of our own, when no admin URL was given.
start_own_postgres() {
    local bindir port candidate
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $bindir && -x $bindir/initdb ]] || return 1
    mkdir -p "$work/pg" && chmod 755 "$work" "$work/pg"
    [[ $(id -u) -eq 0 ]] && chown postgres "$work/pg"
    port=""
    for candidate in $(seq 56432 56531); do
        if ! (exec 3<>/dev/tcp/127.0.0.1/"$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
    [[ -n $port ]] || return 1
    as_owner "$bindir/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log" 2>&1
    as_owner "$bindir/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $work/pg -c max_connections=150" start >/dev/null
    own_pg=$bindir
    admin="postgresql://postgres@127.0.0.1:$port/postgres"
}

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 "$admin" -c "$1" >/dev/null; }

# percentiles FILE: "p50 | p95 | p99 | max" in milliseconds of the latencies (microseconds, second column), nearest rank.
percentiles() {
    cut -f2 "$1" | sort -n | awk '
        { v[NR] = $1 }
        function rank(p) { r = int(p * NR + 0.999999); if (r < 1) r = 1; if (r > NR) r = NR; return v[r] / 1000 }
        END { if (NR == 0) { print "- | - | - | -"; exit } printf "%.1f | %.1f | %.1f | %.1f", rank(0.50), rank(0.95), rank(0.99), v[NR] / 1000 }'
}

# run_row NAME DESKS PAUSE_MS LOCATION_ARGS...: one row of the table.
failures=0
rows=()
run_row() {
    local name=$1 desks=$2 pause=$3
    shift 3
    local dir=$work/$name i rc status failed saves
    mkdir -p "$dir"
    "$cli" "$@" init >/dev/null
    local pids=()
    # Every desk opens the database first and starts saving at the same moment, once all have had time to start
    # (a desk starts once a morning; its saves are what is measured, not 40 processes starting on 2 cores).
    local start_at=$(($(date +%s%3N) + 3000 + desks * 400))
    for ((i = 0; i < desks; i++)); do
        "$writer" "$@" --seconds "$seconds" --pause-ms "$pause" --timings 1 --tag "desk$i" --start-at "$start_at" \
            >"$dir/out.$i" 2>"$dir/err.$i" &
        pids+=($!)
    done
    rc=0
    for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
    cat "$dir"/out.* >"$dir/all"
    failed=$(cat "$dir"/err.* | awk '/: saved [0-9]+, failed [0-9]+$/ { f += $NF } END { print f + 0 }')
    if "$writer" "$@" --check "$dir/all" >"$dir/check.out" 2>"$dir/check.err" && [[ $rc -eq 0 ]]; then
        status=ok
    else
        status="FAILED ($(head -c 200 "$dir/check.err" "$dir"/err.* 2>/dev/null | grep -v '^==>' | grep -v '^$' | head -n 1))"
        failures=$((failures + 1))
    fi
    saves=$(wc -l <"$dir/all")
    # Each desk's first saves run on a cold server session (catalog and plan caches are filled while the counter row
    # is held); they are shown apart, and the steady figures leave each desk's first two saves out.
    for ((i = 0; i < desks; i++)); do tail -n +3 "$dir/out.$i"; done >"$dir/steady"
    for ((i = 0; i < desks; i++)); do head -n 2 "$dir/out.$i"; done >"$dir/first"
    rows+=("| $name | $desks | $pause | $seconds | $saves | $(awk -v s="$saves" -v t="$seconds" 'BEGIN { printf "%.0f", s / t }') | $failed | $(percentiles "$dir/steady") | $(percentiles "$dir/all" | cut -d'|' -f2 | tr -d ' ') | $(percentiles "$dir/first" | cut -d'|' -f4 | tr -d ' ') | $(tr -d '\n' <"$dir/check.out" 2>/dev/null) | $status |")
}

if [[ $run_sqlite -eq 1 ]]; then
    run_row sqlite "$sqlite_desks" 0 --db "$work/sqlite/desks.sqlite"
fi
if [[ $run_pg -eq 1 ]]; then
    if [[ -z $admin ]] && ! start_own_postgres; then
        echo "bench_desks: no PostgreSQL (install it or pass --pg ADMIN_URL); PostgreSQL rows skipped" >&2
    else
        for variant in $pg_variants; do
            pause=0
            [[ $variant == paced ]] && pause=$pause_ms
            db="qingting_bench_desks_${variant}_$$"
            psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"
            psql_admin "CREATE DATABASE $db"
            url="${admin%%\?*}"
            url="${url%/*}/$db"
            run_row "postgres-$variant" "$pg_desks" "$pause" --pg "$url"
            psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"
        done
    fi
fi

echo "| backend | desks | pause ms | seconds | saves | saves/s | failed | p50 ms | p95 ms | p99 ms | max ms | p95 ms, all saves | max ms, first 2 saves a desk | check | result |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
[[ $failures -eq 0 ]]
