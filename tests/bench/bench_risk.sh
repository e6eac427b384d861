#!/usr/bin/env bash
# Risk scoring (issue 16, helper "risk16"): RiskScorer::score on the corpora's texts, one thread pinned to one core
# (bench_risk), then `qingting-cli risk --json` on 100,000 lines end to end (start, rules, I/O included).
# Standalone: QINGTING_BENCH_BUILD=build/bench QINGTING_BENCH_CLI=build/bench/app/cli/qingting-cli bash tests/bench/bench_risk.sh
set -euo pipefail
build=${QINGTING_BENCH_BUILD:?set QINGTING_BENCH_BUILD}
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
corpus="$source_dir/tests/core/data/risk_corpus.tsv"
heldout="$source_dir/tests/core/data/risk_corpus_heldout.tsv"
cmake --build "$build" --target bench_risk -- -j"${QINGTING_BENCH_JOBS:-2}" >&2
pin=()
if command -v taskset >/dev/null; then
    pin=(taskset -c 0)
fi
"${pin[@]}" "$build/tests/bench/bench_risk" "$corpus" "$heldout" --texts "${QINGTING_BENCH_RISK_TEXTS:-100000}"

if [[ -n "${QINGTING_BENCH_CLI:-}" ]]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    lines=${QINGTING_BENCH_RISK_LINES:-100000}
    awk -F'\t' '!/^#/ && NF >= 3 { print $1 }' "$corpus" "$heldout" > "$scratch/one.txt"
    awk -v n="$lines" '{ t[NR] = $0 } END { for (i = 0; i < n; ++i) print t[i % NR + 1] }' "$scratch/one.txt" > "$scratch/in.txt"
    /usr/bin/time -f '%e %M' -o "$scratch/time" "${pin[@]}" "$QINGTING_BENCH_CLI" risk --json < "$scratch/in.txt" > "$scratch/out.txt"
    read -r seconds kb < "$scratch/time"
    [[ $(wc -l < "$scratch/out.txt") -eq $lines ]] || { echo "bench_risk.sh: wrong line count" >&2; exit 1; }
    echo "RESULT|risk_cli_${lines}_lines|$seconds|s||"
    awk -v s="$seconds" -v n="$lines" 'BEGIN { printf "RESULT|risk_cli_lines_per_s|%.0f|lines/s|≥ 10000|%s\n", n / s, (n / s >= 10000 ? "ok" : "FAIL") }'
    echo "RESULT|risk_cli_peak_rss|$((kb / 1024))|MB||"
fi
