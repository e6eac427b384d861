#!/usr/bin/env python3
"""imports (issue 13): `qingting-cli import-cases` / `import-queue` end to end, and `stats --json` on the imported
rows against an independent computation from the generated CSV itself (standard library only).

Generates several thousand case rows (GB18030, Chinese headers, shuffled, an extra column) and queue rows (UTF-8
with BOM, English headers) with a fixed seed; imports them; checks the exit codes and output of CLI.md (0 done,
1 unreadable file, 2 usage, 3 rejected with `line N: reason` and nothing written, --skip-bad and FILE.rejects.csv),
that a re-import changes nothing, and that every figure of `stats --json` equals the one computed here from the
generated values, straight from CLI.md's definitions. Exit 0 when all agree, 1 otherwise, 77 without sqlite3.

usage: import_stats_check.py CLI WORKDIR
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import import_csv  # noqa: E402

try:
    import sqlite3
except ImportError:
    print("import_stats_check: python3 has no sqlite3 module; skipped")
    sys.exit(77)
# The figures' helpers as stats_check.py (the demo file's check) has them: numpy's p90, mean/median/n, the comparison.
from stats_check import differences, ratio, summary  # noqa: E402

FROM, TO, AS_OF = "2026-01-01", "2026-03-10", "2026-03-20 12:00:00"
DAY = 86400
CASES, VISITS, SEED = 4000, 3000, 2026


def local_epoch(text, fmt):
    return int(time.mktime(time.strptime(text, fmt)))


def expected_figures(cases, visits):
    start = local_epoch(FROM, "%Y-%m-%d")
    end = local_epoch(TO, "%Y-%m-%d") + DAY  # no daylight saving in the test zone's period (checked below)
    as_of = local_epoch(AS_OF, "%Y-%m-%d %H:%M:%S")
    by_citizen = {}
    for c in cases:
        if c["citizen"]:
            by_citizen.setdefault(c["citizen"], []).append(c["received"])
    period = [c for c in cases if start <= c["received"] < end]
    first, resolution = [], []
    counted = complied = rated = satisfied = answers = promoters = detractors = transfers = 0
    closed_n = recurred = 0
    per_category = {}
    for c in period:
        received = c["received"]
        if c["acknowledged_at"] is not None:
            first.append((c["acknowledged_at"] - received) / 60)
        if c["resolved_at"] is not None:
            resolution.append((c["resolved_at"] - received) / 3600)
        times = [x for x in (c["answered_at"], c["resolved_at"]) if x is not None]
        t = min(times) if times else None
        if t is not None or received + 48 * 3600 <= as_of:
            counted += 1
            complied += t is not None and t - received <= 48 * 3600
        if c["rating"] is not None:
            rated += 1
            satisfied += c["rating"] >= 4
        if c["nps"] is not None:
            answers += 1
            promoters += c["nps"] >= 9
            detractors += c["nps"] <= 6
        if c["closed_at"] is not None and c["citizen"]:
            closed_n += 1
            closed = c["closed_at"]
            recurred += any(closed < r <= closed + 30 * DAY for r in by_citizen[c["citizen"]])
        transfers += c["transfers"]
        per_category[c["category"]] = per_category.get(c["category"], 0) + 1
    waits = [(v["called"] - v["issued"]) / 60 for v in visits
             if start <= v["issued"] < end and v["called"] is not None]
    n = len(period)
    by_category, running = [], 0
    for name, k in sorted(per_category.items(), key=lambda item: (-item[1], item[0])):
        running += k
        by_category.append({"category": name, "cases": k, "share": k / n, "cumulative_share": running / n})
    return {
        "from": FROM, "to": TO, "as_of": AS_OF, "cases": n,
        "first_response_minutes": summary(first), "resolution_hours": summary(resolution),
        "within_48h_rate": ratio(complied, counted), "within_48h_n": counted,
        "csat": ratio(satisfied, rated), "csat_n": rated,
        "nps": 100 * (promoters - detractors) / answers if answers else None, "nps_n": answers,
        "negative_recurrence_rate": ratio(recurred, closed_n), "negative_recurrence_n": closed_n,
        "waiting_minutes": summary(waits, with_p90=True),
        "transfers_per_case": ratio(transfers, n),
        "by_category": by_category,
    }


def main():
    cli, workdir = sys.argv[1], sys.argv[2]
    os.makedirs(workdir, exist_ok=True)
    db = os.path.join(workdir, "import-check.sqlite")
    cases_csv = os.path.join(workdir, "cases.csv")
    queue_csv = os.path.join(workdir, "queue.csv")
    bad_csv = os.path.join(workdir, "bad.csv")
    for path in (db, db + "-wal", db + "-shm", bad_csv + ".rejects.csv"):
        if os.path.exists(path):
            os.remove(path)
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(workdir, "xdg-config"),
               XDG_DATA_HOME=os.path.join(workdir, "xdg-data"))
    problems = []

    def run(*args, expect):
        p = subprocess.run([cli, "--db", db, *args], env=env, capture_output=True, text=True)
        if p.returncode != expect:
            problems.append(f"{' '.join(args)}: exit {p.returncode}, expected {expect}; stderr: {p.stderr.strip()}")
        return p

    def counts():
        con = sqlite3.connect(db)
        try:
            return [con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                    for t in ("cases", "queue_visits", "citizens", "case_events", "follow_ups", "audit_log",
                              "windows", "categories", "service_items")]
        finally:
            con.close()

    cases = import_csv.write(cases_csv, "cases", import_csv.case_rows(CASES, SEED), SEED, "gb18030", chinese=True)
    visits = import_csv.write(queue_csv, "queue", import_csv.queue_rows(VISITS, SEED), SEED, "utf-8-sig")
    out = run("import-cases", cases_csv, expect=0).stdout
    if f"read {CASES}, imported {CASES}, duplicates 0, rejected 0 (GB18030)" not in out:
        problems.append(f"import-cases summary: {out!r}")
    out = run("import-queue", queue_csv, expect=0).stdout
    if f"imported {VISITS}," not in out or "UTF-8 (BOM)" not in out:
        problems.append(f"import-queue summary: {out!r}")

    before = counts()
    out = run("import-cases", cases_csv, expect=0).stdout + run("import-queue", queue_csv, expect=0).stdout
    if counts() != before or out.count("imported 0,") != 2:
        problems.append(f"a re-import changed something: {before} -> {counts()}; {out!r}")

    # A broken file: one bad row among good new ones -> exit 3, its line and reason, nothing written.
    with open(bad_csv, "w", encoding="utf-8", newline="") as f:
        f.write("case_no,received_at,channel,rating\r\nNEW-1,2026-03-01 09:00,phone,5\r\n"
                "NEW-2,2026-03-01 10:00,fax,4\r\nNEW-3,2026-03-01 11:00,电话,9\r\n")
    p = run("import-cases", bad_csv, expect=3)
    lines = [line for line in p.stderr.splitlines() if line.startswith("line ")]
    if len(lines) != 2 or not lines[0].startswith("line 3: channel \"fax\"") or not lines[1].startswith("line 4:"):
        problems.append(f"rejects on stderr: {p.stderr!r}")
    if counts() != before:
        problems.append("a rejected file wrote something")
    p = run("import-cases", bad_csv, "--skip-bad", expect=0)
    after = counts()
    if after[0] != before[0] + 1 or after[5] != before[5] + 1:
        problems.append(f"--skip-bad: {before} -> {after}")
    try:
        with open(bad_csv + ".rejects.csv", encoding="utf-8-sig") as f:
            rejects = f.read().splitlines()
        if len(rejects) != 3 or not rejects[1].startswith("3,") or "NEW-2" not in rejects[1]:
            problems.append(f"rejects file: {rejects}")
    except OSError as e:
        problems.append(f"no rejects file: {e}")
    run("import-cases", os.path.join(workdir, "missing.csv"), expect=1)
    run("import-cases", expect=2)
    run("import-cases", cases_csv, "--bogus", expect=2)

    out = run("stats", "--from", FROM, "--to", TO, "--as-of", AS_OF, "--json", expect=0).stdout
    expected = expected_figures(cases, visits)
    expected_cases = expected["cases"]
    try:
        actual = json.loads(out)
        # The --skip-bad row (NEW-1, 2026-03-01, phone, rating 5) is in the period too.
        cases.append({"received": local_epoch("2026-03-01 09:00", "%Y-%m-%d %H:%M"), "category": "",
                      "citizen": None, "acknowledged_at": None, "answered_at": None, "resolved_at": None,
                      "closed_at": None, "rating": 5, "nps": None, "transfers": 0})
        expected = expected_figures(cases, visits)
        problems += differences("stats", expected, actual)
    except json.JSONDecodeError:
        problems.append(f"stats --json: {out!r}")
    if expected_cases < 1000 or expected["negative_recurrence_n"] == 0 or expected["waiting_minutes"]["n"] == 0:
        problems.append("the generated file holds too little to check")
    for p in problems:
        print(p)
    print(f"import_stats_check: {expected['cases']} cases, {expected['waiting_minutes']['n']} visits, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
