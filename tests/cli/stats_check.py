#!/usr/bin/env python3
"""metrics (issue 13): an independent check of `qingting-cli stats --json`.

Generates a demo SQLite file with the CLI, runs `stats --json`, and recomputes every figure here from the raw
tables with the standard library only (sqlite3, json, statistics), straight from CLI.md's definitions. Exit 0 when
every figure agrees, 1 with the differences otherwise, 77 (ctest: skipped) when sqlite3 is missing.

usage: stats_check.py CLI WORKDIR
"""
import json
import os
import subprocess
import sys
import time

try:
    import sqlite3
    import statistics
except ImportError:  # a Python without its sqlite3 module: nothing to check with
    print("stats_check: python3 has no sqlite3 module; skipped")
    sys.exit(77)

FROM, TO, AS_OF = "2026-02-01", "2026-05-31", "2026-05-30 12:00:00"
DAY = 86400


def local_epoch(text):
    """Local 'YYYY-MM-DD[ HH:MM:SS]' as epoch seconds."""
    fmt = "%Y-%m-%d %H:%M:%S" if " " in text else "%Y-%m-%d"
    return int(time.mktime(time.strptime(text, fmt)))


def day_after(date_text):
    t = time.strptime(date_text, "%Y-%m-%d")
    # mktime normalizes the 32nd of a month and the like; noon avoids any daylight-saving edge.
    noon = time.mktime((t.tm_year, t.tm_mon, t.tm_mday + 1, 12, 0, 0, 0, 0, -1))
    return time.strftime("%Y-%m-%d", time.localtime(noon))


def p90(values):
    """numpy.percentile(values, 90) with its default linear method."""
    values = sorted(values)
    rank = 0.9 * (len(values) - 1)
    low = int(rank)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (rank - low)


def summary(values, with_p90=False):
    result = {"mean": statistics.fmean(values) if values else None,
              "median": statistics.median(values) if values else None}
    if with_p90:
        result["p90"] = p90(values) if values else None
    result["n"] = len(values)
    return result


def ratio(part, whole):
    return part / whole if whole else None


def expected_figures(db):
    start, end = local_epoch(FROM), local_epoch(day_after(TO))
    as_of = local_epoch(AS_OF)
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT c.received_at, c.acknowledged_at, c.answered_at, c.resolved_at, c.closed_at, c.rating, "
        "c.rating_excluded, c.nps, COALESCE(k.name, ''), c.citizen_id, c.transfer_count "
        "FROM cases c LEFT JOIN categories k ON k.id = c.category_id WHERE c.received_at >= ? AND c.received_at < ?",
        (start, end)).fetchall()
    received_by_citizen = {}
    for citizen, received in con.execute("SELECT citizen_id, received_at FROM cases WHERE citizen_id IS NOT NULL"):
        received_by_citizen.setdefault(citizen, []).append(received)

    first_response, resolution = [], []
    counted = complied = rated = satisfied = answers = promoters = detractors = transfers = 0
    closed_n = recurred = 0
    per_category = {}
    for received, ack, answered, resolved, closed, rating, excluded, nps, category, citizen, transfer_count in rows:
        if ack is not None:
            first_response.append((ack - received) / 60)
        if resolved is not None:
            resolution.append((resolved - received) / 3600)
        times = [x for x in (answered, resolved) if x is not None]
        t = min(times) if times else None
        if t is not None or received + 48 * 3600 <= as_of:
            counted += 1
            if t is not None and t - received <= 48 * 3600:
                complied += 1
        if not excluded:
            if rating is not None:
                rated += 1
                satisfied += rating >= 4
            if nps is not None:
                answers += 1
                promoters += nps >= 9
                detractors += nps <= 6
        if closed is not None and citizen is not None:
            closed_n += 1
            recurred += any(closed < r <= closed + 30 * DAY for r in received_by_citizen[citizen])
        transfers += transfer_count
        per_category[category] = per_category.get(category, 0) + 1

    waits = [(called - issued) / 60 for issued, called in con.execute(
        "SELECT issued_at, called_at FROM queue_visits WHERE issued_at >= ? AND issued_at < ? "
        "AND called_at IS NOT NULL", (start, end))]
    cases = len(rows)
    by_category, running = [], 0
    for name, n in sorted(per_category.items(), key=lambda item: (-item[1], item[0])):
        running += n
        by_category.append({"category": name, "cases": n, "share": n / cases, "cumulative_share": running / cases})
    return {
        "from": FROM, "to": TO, "as_of": AS_OF,
        "cases": cases,
        "first_response_minutes": summary(first_response),
        "resolution_hours": summary(resolution),
        "within_48h_rate": ratio(complied, counted), "within_48h_n": counted,
        "csat": ratio(satisfied, rated), "csat_n": rated,
        "nps": 100 * (promoters - detractors) / answers if answers else None, "nps_n": answers,
        "negative_recurrence_rate": ratio(recurred, closed_n), "negative_recurrence_n": closed_n,
        "waiting_minutes": summary(waits, with_p90=True),
        "transfers_per_case": ratio(transfers, cases),
        "by_category": by_category,
    }


def differences(path, expected, actual):
    if isinstance(expected, dict):
        if not isinstance(actual, dict) or list(actual.keys()) != list(expected.keys()):
            return [f"{path}: keys {list(actual) if isinstance(actual, dict) else actual} != {list(expected)}"]
        return [d for key in expected for d in differences(f"{path}.{key}", expected[key], actual[key])]
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: {actual} != {expected}"]
        return [d for i, (e, a) in enumerate(zip(expected, actual)) for d in differences(f"{path}[{i}]", e, a)]
    if isinstance(expected, float) and isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return [] if abs(expected - actual) <= 1e-9 * max(1.0, abs(expected)) else [f"{path}: {actual} != {expected}"]
    return [] if expected == actual and type(expected) is type(actual) else [f"{path}: {actual!r} != {expected!r}"]


def main():
    cli, workdir = sys.argv[1], sys.argv[2]
    os.makedirs(workdir, exist_ok=True)
    db = os.path.join(workdir, "stats-check.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(workdir, "xdg-config"),
               XDG_DATA_HOME=os.path.join(workdir, "xdg-data"))
    subprocess.run([cli, "--db", db, "demo", "--cases", "3000", "--days", "180", "--end", "2026-06-30", "--seed", "7"],
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = subprocess.run([cli, "--db", db, "stats", "--from", FROM, "--to", TO, "--as-of", AS_OF, "--json"],
                         check=True, env=env, capture_output=True).stdout
    actual = json.loads(out)
    expected = expected_figures(db)
    problems = differences("stats", expected, actual)
    if expected["cases"] < 1000 or expected["negative_recurrence_n"] == 0 or expected["waiting_minutes"]["n"] == 0:
        problems.append(f"the demo file holds too little to check: {expected['cases']} cases")
    for p in problems:
        print(p)
    print(f"stats_check: {expected['cases']} cases, {expected['waiting_minutes']['n']} visits, "
          f"{len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
