#!/usr/bin/env python3
"""review report (issue 14): `qingting-cli report` end to end on a small demo file.

Exit codes and the file guard (usage errors 2; an existing file without --force 1 and untouched byte for byte;
--force replaces it), then each format read back: the .xlsx with openpyxl (the metrics sheet equals
`stats --json` for the same period and as-of, numbers are numbers, dates are dates, the Pareto sheet equals
by_category, native charts present), the CSV with the csv module (BOM, CRLF, the same numbers), the PDF with
poppler-utils (title, hall name, category names and the audit head's hash in its text; more than one page;
every font embedded). Exit 0 when all hold, 1 otherwise, 77 (ctest: skipped) without openpyxl or poppler-utils.

usage: report_check.py CLI WORKDIR
"""
import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
import zipfile

try:
    import openpyxl
except ImportError:
    print("report_check: python3-openpyxl is missing (installer/build-deps.txt, Test); skipped")
    sys.exit(77)
for tool in ("pdftotext", "pdfinfo", "pdffonts"):
    if not shutil.which(tool):
        print(f"report_check: {tool} (poppler-utils) is missing; skipped")
        sys.exit(77)

CLI, WORK = sys.argv[1], sys.argv[2]
FROM, TO, AS_OF = "2026-03-01", "2026-03-31", "2026-04-02 12:00:00"
HALL = "东城区政务服务中心"  # no CJK-radical twins but 心 (see the NFKC note below)
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
db = os.path.join(WORK, "demo.sqlite")
env = dict(os.environ)
env["XDG_CONFIG_HOME"] = os.path.join(WORK, "config")
env["LANG"] = env["LC_ALL"] = "C.UTF-8"
env.pop("LANGUAGE", None)
os.makedirs(os.path.join(env["XDG_CONFIG_HOME"], "Qingting"))
with open(os.path.join(env["XDG_CONFIG_HOME"], "Qingting", "qingting.conf"), "w", encoding="utf-8") as f:
    f.write(f"[receipt]\nhallName={HALL}\n")


def cli(*args):
    return subprocess.run([CLI, "--db", db, *args], capture_output=True, text=True, env=env, timeout=300)


r = cli("demo", "--cases", "3000", "--days", "90", "--end", "2026-04-01", "--seed", "14")
if r.returncode != 0:
    print("demo failed:", r.stderr)
    sys.exit(1)
stats = json.loads(cli("stats", "--from", FROM, "--to", TO, "--as-of", AS_OF, "--json").stdout)
previous = json.loads(cli("stats", "--from", "2026-01-29", "--to", "2026-02-28", "--as-of", AS_OF, "--json").stdout)

# --- exit codes -------------------------------------------------------------------------------------------------
out = {fmt: os.path.join(WORK, f"report.{fmt}") for fmt in ("pdf", "xlsx", "csv")}
base = ["report", "--from", FROM, "--to", TO, "--as-of", AS_OF]
usage_cases = {
    "no --out": base + ["--format", "csv"],
    "no --format": base + ["--out", out["csv"]],
    "unknown format": base + ["--format", "docx", "--out", out["csv"]],
    "bad date": ["report", "--from", "2026-02-30", "--to", TO, "--format", "csv", "--out", out["csv"]],
    "from after to": ["report", "--from", TO, "--to", FROM, "--format", "csv", "--out", out["csv"]],
    "range too long": ["report", "--from", "2024-01-01", "--to", TO, "--format", "csv", "--out", out["csv"]],
    "unknown option": base + ["--format", "csv", "--out", out["csv"], "--colour"],
    "bad as-of": ["report", "--from", FROM, "--to", TO, "--as-of", "soon", "--format", "csv", "--out", out["csv"]],
}
for name, args in usage_cases.items():
    r = cli(*args)
    check(r.returncode == 2, f"{name}: exit {r.returncode}, expected 2 ({r.stderr.strip()[:200]})")
    check(not os.path.exists(out["csv"]), f"{name}: a file was written")
r = cli("report", "--from", "2024-01-01", "--to", TO, "--format", "csv", "--out", out["csv"])
check("400" in r.stderr, "range too long: the message does not give the limit")

for fmt, path in out.items():
    r = cli(*base, "--format", fmt, "--out", path)
    check(r.returncode == 0, f"{fmt}: exit {r.returncode}: {r.stderr.strip()[-300:]}")
    check(r.stdout.strip() == os.path.abspath(path), f"{fmt}: stdout is {r.stdout.strip()!r}, not the path")
    check(os.path.getsize(path) > 0, f"{fmt}: empty file")

with open(out["csv"], "rb") as f:
    before = f.read()
r = cli(*base, "--format", "csv", "--out", out["csv"])
check(r.returncode == 1, f"existing file without --force: exit {r.returncode}, expected 1")
check(len(r.stderr.strip().splitlines()) == 1 and "--force" in r.stderr, f"existing file: stderr {r.stderr!r}")
with open(out["csv"], "rb") as f:
    check(f.read() == before, "existing file without --force: the file changed")
with open(out["csv"], "wb") as f:
    f.write(b"old")
r = cli(*base, "--format", "csv", "--out", out["csv"], "--force")
check(r.returncode == 0, f"--force: exit {r.returncode}")
with open(out["csv"], "rb") as f:
    replaced = f.read()
# Only "generated at" may differ between the two runs.
check(replaced.startswith(b"\xef\xbb\xbf") and len(replaced) == len(before), "--force: the file was not replaced")
r = cli(*base, "--format", "pdf", "--out", os.path.join(WORK, "no-such-folder", "r.pdf"))
check(r.returncode == 1, f"write error: exit {r.returncode}, expected 1")
check(not [n for n in os.listdir(WORK) if n.endswith(".part") or ".csv." in n], "a temporary file was left behind")


def stats_value(data, key):
    value = data
    for part in key.split("."):
        value = value[part]
    return value


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


# --- .xlsx --------------------------------------------------------------------------------------------------------
book = openpyxl.load_workbook(out["xlsx"])
sheets = book.worksheets
check(len(sheets) == 8, f"xlsx: {len(sheets)} sheets, expected 8")
for ws in sheets:
    check(len(ws.title) <= 31 and not set("[]:*?/\\") & set(ws.title), f"xlsx: bad sheet name {ws.title!r}")
    check(ws.freeze_panes == "A2", f"xlsx: {ws.title}: header row not frozen ({ws.freeze_panes})")
    check(ws.cell(1, 1).font.b, f"xlsx: {ws.title}: header not bold")
metrics = sheets[0]
keys_seen = set()
for row in metrics.iter_rows(min_row=2, values_only=False):
    key = row[1].value
    if not key:
        continue
    keys_seen.add(key)
    for column, data in ((2, stats), (3, previous)):
        cell = row[column]
        expected = stats_value(data, key)
        check(same(cell.value, expected), f"xlsx metrics {key} col {column}: {cell.value} != stats {expected}")
        if cell.value is not None:
            check(isinstance(cell.value, (int, float)), f"xlsx metrics {key}: not a number: {cell.value!r}")
            if key.endswith("_rate") or key == "csat":
                check("%" in cell.number_format, f"xlsx metrics {key}: not a percentage format")
check("waiting_minutes.p90" in keys_seen and "cases" in keys_seen and "csat" in keys_seen,
      f"xlsx metrics: keys missing ({sorted(keys_seen)})")
pareto = [r for r in sheets[1].iter_rows(min_row=2, values_only=True) if r[0] is not None]
check(len(pareto) == len(stats["by_category"]), "xlsx Pareto: row count differs from by_category")
for row, expected in zip(pareto, stats["by_category"]):
    name = expected["category"] or "(none)"
    check(row[1] == name and row[2] == expected["cases"] and same(row[3], expected["share"])
          and same(row[4], expected["cumulative_share"]), f"xlsx Pareto: {row[:5]} != {expected}")
daily = sheets[2]
import datetime
first = daily.cell(2, 1).value
check(isinstance(first, datetime.datetime) and first.date().isoformat() == FROM, f"xlsx daily: A2 is {first!r}")
check("yy" in daily.cell(2, 1).number_format, "xlsx daily: no date format")
daily_cases = sum(r[2] for r in daily.iter_rows(min_row=2, values_only=True) if r[2] is not None)
check(daily_cases == stats["cases"], f"xlsx daily: cases add up to {daily_cases}, not {stats['cases']}")
with zipfile.ZipFile(out["xlsx"]) as z:
    charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    check(len(charts) >= 5, f"xlsx: {len(charts)} native charts, expected 5")

# --- CSV ----------------------------------------------------------------------------------------------------------
with open(out["csv"], "rb") as f:
    raw = f.read()
check(raw.startswith(b"\xef\xbb\xbf"), "csv: no BOM")
check(b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "csv: not CRLF throughout")
rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
check(rows[0][1] == HALL, f"csv: hall {rows[0][1]!r}")
sections, current = [], None
for row in rows[1:]:
    if not row:
        current = None
        continue
    if current is None:
        current = {"title": row[0], "rows": []}
        sections.append(current)
    else:
        current["rows"].append(row)
check(len(sections) == 8, f"csv: {len(sections)} sections, expected 8")
header, *body = sections[0]["rows"]
for row in body:
    key, value = row[1], row[2]
    expected = stats_value(stats, key)
    check(same(float(value), expected) if value else expected is None, f"csv metrics {key}: {value} != {expected}")
csv_pareto = sections[1]["rows"][1:]
check([(r[1], int(r[2])) for r in csv_pareto] == [(c["category"] or "(none)", c["cases"]) for c in stats["by_category"]],
      "csv: the Pareto section differs from by_category")
check(sections[2]["rows"][1][0] == FROM, "csv: the daily series does not start with an ISO date")

# --- PDF ----------------------------------------------------------------------------------------------------------
text = subprocess.run(["pdftotext", out["pdf"], "-"], capture_output=True, text=True).stdout
# Qt 6.4 maps a glyph back to its lowest code point: 心 comes out as the Kangxi radical ⼼; NFKC maps it back.
text = unicodedata.normalize("NFKC", text)
check("复盘报告" in text, "pdf: no title")
check(HALL in text, "pdf: no hall name")
for category in [c["category"] for c in stats["by_category"][:4] if c["category"]]:
    check(category in text, f"pdf: no category {category}")
head = sqlite3.connect(db).execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
check(head in text, "pdf: the audit head hash is not in the text")
info = subprocess.run(["pdfinfo", out["pdf"]], capture_output=True, text=True).stdout
pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
check(pages > 1, f"pdf: {pages} page(s)")
check(f"of {pages}" in text or f"共 {pages} 页" in text, "pdf: no 'page N of M' footer")
fonts = subprocess.run(["pdffonts", out["pdf"]], capture_output=True, text=True).stdout.splitlines()[2:]
check(fonts and all(line.split()[-5] == "yes" for line in fonts), f"pdf: a font is not embedded: {fonts}")
check(any("NotoSansCJK" in line for line in fonts), "pdf: Noto Sans CJK SC is not used")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"report_check: all checks hold ({pages} PDF pages, {len(stats['by_category'])} categories)")
