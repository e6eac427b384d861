#!/usr/bin/env bash
# `stats` over the last year of the benchmark file (issue 13): ≤ 300 ms at 1 M cases, and no more than 2× the
# plain-SQL floor (tests/bench/stats_floor.sql: the same figures from the base tables, as fast as we could write them).
# Prints both, the full recomputation (`stats --recompute`) for reference, and checks that the floor's figures are
# the ones `stats --json` printed. hyperfine medians. Runs on a copy (opening may migrate the file).
#   QINGTING_BENCH_CLI=build/bench/app/cli/qingting-cli QINGTING_BENCH_DB=/tmp/demo-1m.sqlite bash tests/bench/bench_stats.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cli=${QINGTING_BENCH_CLI:?set QINGTING_BENCH_CLI}
src=${QINGTING_BENCH_DB:?set QINGTING_BENCH_DB}
runs=${QINGTING_BENCH_REPEAT:-5}
(( runs < 5 )) && runs=5
command -v hyperfine >/dev/null || { echo "bench_stats: hyperfine is missing (apt-get install hyperfine)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "bench_stats: sqlite3 is missing (apt-get install sqlite3)" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
db="$scratch/copy.sqlite"
cp "$src" "$db"
"$cli" --db "$db" version >/dev/null
"$cli" --db "$db" stats --from 2000-01-01 --to 2000-01-01 --json >/dev/null # migrates and builds the days once

to=$(sqlite3 "$db" "SELECT date(MAX(received_at), 'unixepoch', 'localtime') FROM cases")
from=$(date -d "$to -364 days" +%F)
asof="${QINGTING_BENCH_NOW:-$to 23:59:59}"
b=$(date -d "$from 00:00" +%s)
e=$(date -d "$to 00:00 +1 day" +%s)
a=$(date -d "$asof" +%s)
sed -e "s/:B\b/$b/g" -e "s/:E\b/$e/g" -e "s/:ASOF\b/$a/g" "$here/stats_floor.sql" > "$scratch/floor.sql"

stats=("$cli" --db "$db" stats --from "$from" --to "$to" --as-of "$asof" --json)
"${stats[@]}" > "$scratch/stats.json"
sqlite3 -readonly "$db" < "$scratch/floor.sql" > "$scratch/floor.txt"
python3 - "$scratch/stats.json" "$scratch/floor.txt" <<'EOF' >&2
import json, sys
s = json.load(open(sys.argv[1]))
rows = {}
cats = []
for line in open(sys.argv[2], encoding="utf-8"):
    parts = line.rstrip("\n").split("|")
    if parts[0] == "category":
        cats.append((parts[1], int(parts[2])))
    else:
        rows[parts[0]] = parts[1:]
n, ack_n, ack_sum, res_n, res_sum, c48, ok48, rated, sat, nps_n, nps_net, transfers = rows["sums"]
def mid(name, n, unit, q=0.5):
    v = [int(x) for x in rows[name][0].split(",")]
    rank = q * (n - 1)
    lo = int(rank)
    frac = rank - lo
    hi = v[1] if len(v) > 1 and lo + 1 < n else v[0]
    return (v[0] + (hi - v[0]) * frac) / unit
wait_n, wait_sum = int(rows["waiting"][0]), float(rows["waiting"][1])
rec_n, rec = int(rows["recurrence"][0]), int(rows["recurrence"][1] or 0)
checks = [
    ("cases", s["cases"], int(n)),
    ("first response mean", s["first_response_minutes"]["mean"], float(ack_sum) / int(ack_n) / 60),
    ("first response median", s["first_response_minutes"]["median"], mid("first_response_mid", int(ack_n), 60)),
    ("resolution mean", s["resolution_hours"]["mean"], float(res_sum) / int(res_n) / 3600),
    ("resolution median", s["resolution_hours"]["median"], mid("resolution_mid", int(res_n), 3600)),
    ("within 48 h", s["within_48h_rate"], int(ok48) / int(c48)),
    ("csat", s["csat"], int(sat) / int(rated)),
    ("nps", s["nps"], 100 * int(nps_net) / int(nps_n)),
    ("recurrence", s["negative_recurrence_rate"], rec / rec_n if rec_n else None),
    ("waiting mean", s["waiting_minutes"]["mean"], wait_sum / wait_n / 60),
    ("waiting median", s["waiting_minutes"]["median"], mid("waiting_mid", wait_n, 60)),
    ("waiting p90", s["waiting_minutes"]["p90"], mid("waiting_p90", wait_n, 60, 0.9)),
    ("transfers per case", s["transfers_per_case"], float(transfers) / int(n)),
    ("categories", [(c["category"], c["cases"]) for c in s["by_category"]], cats),
]
bad = [c for c in checks if (c[1] != c[2] if isinstance(c[1], list) or c[1] is None
                             else abs(c[1] - c[2]) > 1e-9 * max(1, abs(c[2])))]
for name, ours, floor in bad:
    print(f"bench_stats: {name}: stats {ours} != floor {floor}")
print(f"bench_stats: {len(checks) - len(bad)} of {len(checks)} figures agree with the plain-SQL floor")
sys.exit(1 if bad else 0)
EOF

hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$scratch/h.json" \
    -n stats "$(printf '%q ' "${stats[@]}")" \
    -n floor "sqlite3 -readonly $db < $scratch/floor.sql" \
    -n recompute "$(printf '%q ' "${stats[@]}") --recompute" >&2
python3 - "$scratch/h.json" "$from" "$to" "$(sqlite3 "$db" 'SELECT COUNT(*) FROM cases')" <<'EOF'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
med = {k: v["median"] * 1000 for k, v in r.items()}
cases = int(sys.argv[4])
label = f"{sys.argv[2]}..{sys.argv[3]}, {cases} cases in the file"
ok = lambda good: "ok" if good else "FAIL"
print(f"RESULT|stats for a year ({label})|{med['stats']:.0f}|ms|300|{ok(med['stats'] <= 300 or cases < 1000000)}")
print(f"RESULT|plain-SQL floor, same figures|{med['floor']:.0f}|ms||")
print(f"RESULT|stats / floor|{med['stats'] / med['floor']:.3f}|x|2|{ok(med['stats'] <= 2 * med['floor'])}")
print(f"RESULT|stats --recompute (every row)|{med['recompute']:.0f}|ms||")
EOF
