#!/usr/bin/env python3
"""imports (issue 13): generates FORMATS.md case and queue CSV files with a fixed seed, as Excel/WPS write them.

Mixed date-time notations (2026-03-05 09:07:00, 2026/3/5 9:07, 2026-03-05T09:07), channels by code or Chinese name,
English or Chinese headers in a shuffled order with an extra column, UTF-8, UTF-8 with BOM or GB18030, CRLF, and
quoted summaries with commas, quotes and line breaks. Used by import_stats_check.py and by the import benchmark.

usage: import_csv.py cases|queue ROWS OUT [--seed S] [--encoding utf-8|utf-8-sig|gb18030] [--chinese]
"""
import argparse
import csv
import random
import time

CASE_FIELDS = [("case_no", "案件编号"), ("received_at", "受理时间"), ("channel", "渠道"), ("window", "窗口"),
               ("service_item", "事项"), ("category", "类别"), ("citizen_key", "市民标识"),
               ("waited_minutes", "等候分钟"), ("summary", "摘要"), ("acknowledged_at", "首次响应时间"),
               ("answered_at", "答复时间"), ("resolved_at", "办结时间"), ("closed_at", "关闭时间"),
               ("rating", "满意度"), ("nps", "推荐度"), ("transfers", "转办次数")]
QUEUE_FIELDS = [("ticket", "票号"), ("service_item", "事项"), ("window", "窗口"), ("issued_at", "取号时间"),
                ("called_at", "叫号时间"), ("finished_at", "办结时间")]
CHANNELS = [("window", "窗口"), ("phone", "电话"), ("online", "网上"), ("hotline_12345", "12345"),
            ("social_media", "社交媒体"), ("letter", "信件"), ("staff_report", "员工上报")]
WINDOWS = ["1号窗口", "2号窗口", "3号窗口", "综合受理窗口", "不动产窗口", "社保窗口"]
ITEMS = ["社保卡办理", "不动产登记", "营业执照", "居住证", "公积金提取"]
CATEGORIES = ["服务态度", "办事效率/等候时间", "流程繁琐", "政策解释", "系统故障", "环境设施", "收费", "其他"]
PHRASES = ["窗口工作人员态度冷淡", "排队等了很久", "材料要求前后不一致", "系统一直显示故障", "收费标准不清楚",
           "来回跑了三次", "说明不清楚, 让我很生气", "大厅空调太冷", "希望简化流程"]
START = time.mktime((2026, 1, 5, 8, 0, 0, 0, 0, -1))  # local
SPAN_DAYS = 80


def stamp(t, rng):
    """A local time in one of the notations FORMATS.md allows (seconds dropped where the notation has none)."""
    lt = time.localtime(t)
    style = rng.randrange(3)
    if style == 0:
        return time.strftime("%Y-%m-%d %H:%M:%S", lt), t
    base = t - lt.tm_sec
    if style == 1:
        return f"{lt.tm_year}/{lt.tm_mon}/{lt.tm_mday} {lt.tm_hour}:{lt.tm_min:02d}", base
    return time.strftime("%Y-%m-%dT%H:%M", lt), base


def case_rows(n, seed):
    """Yields (row dict of texts, facts dict of values) for n cases."""
    rng = random.Random(seed)
    phones = [f"13{rng.randrange(10**9):09d}" for _ in range(max(10, n // 4))]
    for i in range(n):
        received_text, received = stamp(int(START + rng.random() * SPAN_DAYS * 86400), rng)
        row = {"case_no": f"IMP-{seed}-{i + 1:06d}", "received_at": received_text}
        code, chinese = rng.choice(CHANNELS)
        row["channel"] = chinese if rng.random() < 0.5 else code
        row["window"] = rng.choice(WINDOWS)
        row["service_item"] = rng.choice(ITEMS)
        category = rng.choice(CATEGORIES)
        row["category"] = category
        citizen = rng.choice(phones) if rng.random() < 0.8 else ""
        row["citizen_key"] = citizen
        row["waited_minutes"] = str(rng.randrange(0, 90)) if rng.random() < 0.7 else ""
        summary = rng.choice(PHRASES)
        if rng.random() < 0.1:
            summary += '\n补充: "材料" 已经交过'
        row["summary"] = summary
        facts = {"received": received, "category": category, "citizen": citizen or None}
        t = received
        for field, chance, spread in (("acknowledged_at", 0.85, 3 * 3600), ("answered_at", 0.7, 72 * 3600),
                                      ("resolved_at", 0.7, 100 * 3600)):
            if rng.random() < chance:
                text, value = stamp(int(received + 60 + rng.random() * spread), rng)
                row[field] = text
                facts[field] = value
                t = max(t, value)
            else:
                row[field] = ""
                facts[field] = None
        if facts["resolved_at"] is not None and rng.random() < 0.6:
            text, value = stamp(int(facts["resolved_at"] + 3600 + rng.random() * 72 * 3600), rng)
            row["closed_at"], facts["closed_at"] = text, value
        else:
            row["closed_at"], facts["closed_at"] = "", None
        rating = rng.randrange(1, 6) if facts["resolved_at"] is not None and rng.random() < 0.6 else None
        nps = rng.randrange(0, 11) if rng.random() < 0.4 else None
        row["rating"] = "" if rating is None else str(rating)
        row["nps"] = "" if nps is None else str(nps)
        transfers = rng.choice([0, 0, 0, 1, 2])
        row["transfers"] = "" if transfers == 0 and rng.random() < 0.5 else str(transfers)
        facts.update(rating=rating, nps=nps, transfers=transfers)
        yield row, facts


def queue_rows(n, seed):
    rng = random.Random(seed + 1)
    per_day = {}
    for i in range(n):
        issued = int(START + rng.randrange(SPAN_DAYS) * 86400 + rng.random() * 9 * 3600)
        day = time.strftime("%Y-%m-%d", time.localtime(issued))
        per_day[day] = per_day.get(day, 0) + 1
        issued_text, issued = stamp(issued, rng)
        row = {"ticket": f"A{per_day[day]:04d}", "service_item": rng.choice(ITEMS), "issued_at": issued_text}
        facts = {"issued": issued, "called": None}
        if rng.random() < 0.9:
            called_text, called = stamp(issued + 60 + int(rng.random() * 3600), rng)
            row["called_at"], row["window"], facts["called"] = called_text, rng.choice(WINDOWS), called
            row["finished_at"] = stamp(called + 60 + int(rng.random() * 1800), rng)[0] if rng.random() < 0.8 else ""
        else:
            row["called_at"] = row["window"] = row["finished_at"] = ""
        yield row, facts


def write(path, kind, rows, seed, encoding="utf-8", chinese=False):
    """Writes the rows; returns the facts of each row in order."""
    fields = CASE_FIELDS if kind == "cases" else QUEUE_FIELDS
    rng = random.Random(seed + 2)
    order = list(fields)
    rng.shuffle(order)
    header = [zh if chinese else en for en, zh in order] + ["备注"]
    facts = []
    with open(path, "w", encoding=encoding, newline="") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(header)
        for row, fact in rows:
            out.writerow([row[en] for en, _ in order] + ["extra"])
            facts.append(fact)
    return facts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["cases", "queue"])
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--encoding", default="utf-8")
    parser.add_argument("--chinese", action="store_true")
    a = parser.parse_args()
    rows = case_rows(a.rows, a.seed) if a.kind == "cases" else queue_rows(a.rows, a.seed)
    write(a.out, a.kind, rows, a.seed, a.encoding, a.chinese)


if __name__ == "__main__":
    main()
