#!/usr/bin/env bash
# The case list and its count on the benchmark file: every sort column and filter, their combinations, deep pages and
# search terms of each kind, timed inside the process (qingting-cli cases --timing; the median of
# QINGTING_BENCH_REPEAT runs, at least 3). Budgets (issue 10): first page <= 100 ms; with a search term <= 200 ms.
# Standalone: QINGTING_BENCH_CLI=... QINGTING_BENCH_DB=... bash tests/bench/bench_case_list.sh
# PostgreSQL: QINGTING_BENCH_PG_DB=postgresql://... names a database filled by `qingting-cli --pg URL demo` (run-bench.sh
# makes one when given QINGTING_BENCH_PG); the same table then runs there too, its result names starting with "pg ".
# QINGTING_BENCH_DB=none leaves SQLite out.
set -euo pipefail
cli=${QINGTING_BENCH_CLI:?set QINGTING_BENCH_CLI}
db=${QINGTING_BENCH_DB:?set QINGTING_BENCH_DB}
targets=()
[[ "$db" != none ]] && targets+=("--db|$db|")
[[ -n "${QINGTING_BENCH_PG_DB:-}" ]] && targets+=("--pg|$QINGTING_BENCH_PG_DB|pg ")
repeat=${QINGTING_BENCH_REPEAT:-3}
((repeat < 3)) && repeat=3

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

verdict() { awk -v p="$1" -v b="$2" 'BEGIN { print (p > b) ? "FAIL" : "ok" }'; }
run() { # run NAME BUDGET ARGS...
    local name=$1 budget=$2
    shift 2
    local pages=() counts=() warmPages=() warmCounts=() deskPages=() deskCounts=() line
    for ((i = 0; i < repeat; i++)); do
        line=$("$cli" "${target[@]}" cases --timing --limit 200 "$@" 2>&1 >/dev/null | grep '^timing:')
        pages+=("$(sed -E 's/.*first page ([0-9.]+) ms.*/\1/' <<<"$line")")
        counts+=("$(sed -E 's/.*\), count ([0-9.]+) ms.*/\1/' <<<"$line")")
        warmPages+=("$(sed -E 's/.*warm: page ([0-9.]+) ms.*/\1/' <<<"$line")")
        warmCounts+=("$(sed -E 's/.*warm: page [0-9.]+ ms, count ([0-9.]+) ms.*/\1/' <<<"$line")")
        deskPages+=("$(sed -E 's/.*after warm-up \([0-9.]+ ms\): page ([0-9.]+) ms.*/\1/' <<<"$line")")
        deskCounts+=("$(sed -E 's/.*after warm-up .*count ([0-9.]+) ms.*/\1/' <<<"$line")")
    done
    local page count warmPage warmCount deskPage deskCount
    deskPage=$(printf '%s\n' "${deskPages[@]}" | median)
    deskCount=$(printf '%s\n' "${deskCounts[@]}" | median)
    page=$(printf '%s\n' "${pages[@]}" | median)
    count=$(printf '%s\n' "${counts[@]}" | median)
    warmPage=$(printf '%s\n' "${warmPages[@]}" | median)
    warmCount=$(printf '%s\n' "${warmCounts[@]}" | median)
    # "first page": the first list on a new connection (raw cold); "warm": the same list again on that connection, as a
    # desk's worker connection runs every list after its first.
    echo "RESULT|${prefix}list $name: first page|$page|ms|$budget|$(verdict "$page" "$budget")"
    echo "RESULT|${prefix}list $name: count|$count|ms||"
    echo "RESULT|${prefix}list $name: first page, warm|$warmPage|ms|$budget|$(verdict "$warmPage" "$budget")"
    echo "RESULT|${prefix}list $name: count, warm|$warmCount|ms||"
    # "after warm-up": the first list of another new connection that warmed itself first, as the desk's database
    # worker does while the login dialog waits (DatabaseWorker::warmUp): the first list a desk meets.
    echo "RESULT|${prefix}list $name: first page, after warm-up|$deskPage|ms|$budget|$(verdict "$deskPage" "$budget")"
    echo "RESULT|${prefix}list $name: count, after warm-up|$deskCount|ms||"
    echo "$(sed -E 's/^timing: //' <<<"$line")  [$prefix$name]" >&2
}

for t in "${targets[@]}"; do
    IFS='|' read -r option where prefix <<<"$t"
    target=("$option" "$where")
    # A real assignee and a case number fragment from the file itself.
    assignee=$("$cli" "${target[@]}" user list | awk -F'\t' '$2 == "clerk" { print $1; exit }')
    fragment=$("$cli" "${target[@]}" cases --limit 1 --desc | cut -c4-11)
    for sort in received case_no status category window waited; do
        for dir in "" --desc; do
            run "sort $sort ${dir:-asc}" 100 --sort "$sort" $dir
        done
        run "sort $sort, status in_progress" 100 --sort "$sort" --status in_progress
        run "sort $sort, open" 100 --sort "$sort" --desc --status open
        run "sort $sort, closed" 100 --sort "$sort" --status closed
        run "sort $sort, overdue" 100 --sort "$sort" --overdue
        run "sort $sort, assignee" 100 --sort "$sort" --desc --assignee "$assignee"
        run "sort $sort, open + assignee + overdue" 100 --sort "$sort" --status open --assignee "$assignee" --overdue
    done
    for term in 态度 收费 慢 等 "$fragment" 营业执照 "窗口工作人员" 公积金提取 "不存在的词语" 车牌; do
        run "search '$term'" 200 --desc --search "$term"
        run "search '$term', sort category" 200 --sort category --search "$term"
        run "search '$term', closed" 200 --desc --status closed --search "$term"
    done
done
