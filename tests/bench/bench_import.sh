#!/usr/bin/env bash
# imports (issue 13): `qingting-cli import-cases` of 100,000 generated case rows (GB18030, Chinese headers, shuffled
# columns, mixed date-time notations: tests/cli/import_csv.py, seed 13) into a fresh SQLite file, release build.
# hyperfine median of QINGTING_BENCH_IMPORT_RUNS runs (default 3; budget ≤ 10 s), then one run under
# /usr/bin/time -v for the peak RSS. Also the re-import of the same file (all duplicates).
set -euo pipefail
: "${QINGTING_BENCH_CLI:?run through tests/bench/run-bench.sh}"
rows=${QINGTING_BENCH_IMPORT_ROWS:-100000}
runs=${QINGTING_BENCH_IMPORT_RUNS:-3}
dir="$QINGTING_BENCH_BUILD/import-bench"
mkdir -p "$dir"
csv="$dir/cases-$rows.csv"
db="$dir/import.sqlite"
[[ -f "$csv" ]] || python3 "$QINGTING_BENCH_SOURCE/tests/cli/import_csv.py" cases "$rows" "$csv" --seed 13 \
    --encoding gb18030 --chinese
fresh="rm -f $db $db-wal $db-shm && $QINGTING_BENCH_CLI --db $db init > /dev/null"
hyperfine --style basic --runs "$runs" --prepare "$fresh" --export-json "$dir/import.json" \
    "$QINGTING_BENCH_CLI --db $db import-cases $csv" >&2
median=$(python3 -c 'import json,sys; print("%.2f" % json.load(open(sys.argv[1]))["results"][0]["median"])' \
    "$dir/import.json")
bash -c "$fresh"
/usr/bin/time -v -o "$dir/import.time" "$QINGTING_BENCH_CLI" --db "$db" import-cases "$csv" > /dev/null 2>&1
rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$dir/import.time")
hyperfine --style basic --runs "$runs" --export-json "$dir/reimport.json" \
    "$QINGTING_BENCH_CLI --db $db import-cases $csv" >&2
again=$(python3 -c 'import json,sys; print("%.2f" % json.load(open(sys.argv[1]))["results"][0]["median"])' \
    "$dir/reimport.json")
verdict=$(awk -v m="$median" -v n="$rows" 'BEGIN { print (n != 100000 || m <= 10 ? "ok" : "FAIL") }')
echo "RESULT|import-cases $rows rows (SQLite, median)|$median|s|≤ 10|$verdict"
echo "RESULT|import-cases peak RSS|$rss|MB||"
echo "RESULT|import-cases again (all duplicates)|$again|s||"
rm -f "$db" "$db-wal" "$db-shm"
