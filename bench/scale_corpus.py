"""A seeded scale-up corpus for performance measurements only (never for accuracy figures): N annual
reports on the 2021 template, written as .txt files the normal loader parses.

    python bench/scale_corpus.py 1000 /tmp/scale-1000 [--seed 7]

Every report has a distinct (agency, year); agencies are made-up place + department names, five
statistics years each (2021-2025). The narrative of each section is a random draw of sentence runs
from the same section of the real bundled reports; the three tables are printed as markdown tables
with the template's labels and numbers that satisfy the spec's four arithmetic checks.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.errors import NianbaoError  # noqa: E402
from index.ingest import bundled_reports  # noqa: E402
from index.parse.report import parse_file  # noqa: E402
from index.stores.chunks import chunk_report  # noqa: E402
from index.vocabulary import (  # noqa: E402
    ACTIVE_2021,
    REQUEST_COLUMNS,
    REQUEST_ROWS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
    SECTIONS,
)

YEARS = tuple(range(2021, 2026))
PLACE_CHARS = "东南西北安宁平和江河山海湖城阳泉清新华兴永昌德丰福溪林桥云龙凤金玉庆瑞长泰嘉乐康"
PLACE_KINDS = ("县", "区", "市")
DEPARTMENTS = ("人民政府", "人民政府办公室", "公安局", "财政局", "教育局", "民政局", "自然资源局", "生态环境局",
               "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会",
               "应急管理局", "市场监督管理局", "医疗保障局", "人力资源和社会保障局", "司法局")
RUNS_PER_SECTION = {"overview": (6, 12), "active": (1, 2), "requests": (1, 2), "review_litigation": (0, 1),
                    "problems": (2, 5), "other": (1, 3)}
HEADING = re.compile(r"^[一二三四五六七八九十]+、")  # a drawn run must not open a new section
RESULT_ROWS = [r for r in REQUEST_ROWS if r.key not in ("new_received", "carried_over", "other", "results_total",
                                                         "carried_forward")]


def agency_names(n: int, rng: random.Random) -> list[str]:
    """n distinct made-up agency names (place + department)."""
    names: set[str] = set()
    while len(names) < n:
        place = "".join(rng.sample(PLACE_CHARS, 2)) + rng.choice(PLACE_KINDS)
        names.add(place + rng.choice(DEPARTMENTS))
    return sorted(names)


def sentence_pools(directory: Path) -> dict[str, list[str]]:
    """Narrative passages of the real text reports, by section key."""
    pools: dict[str, list[str]] = {k: [] for k, _, _ in SECTIONS}
    for f in sorted(directory.iterdir()):
        if f.suffix not in (".txt", ".md", ".html"):
            continue
        try:
            report = parse_file(f)
        except NianbaoError:
            continue
        for c in chunk_report(report):
            if c.kind == "text" and c.section in pools and "|" not in c.text and not HEADING.match(c.text):
                pools[c.section].append(c.text.replace("\n", ""))
    return pools


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """total spread over `parts` non-negative integers, most of it in the first few."""
    weights = [rng.random() ** 3 for _ in range(parts)]
    s = sum(weights) or 1.0
    out = [int(total * w / s) for w in weights]
    out[0] += total - sum(out)
    return out


def requests_table(rng: random.Random) -> dict[str, list[int]]:
    """Row key -> six applicant counts; balance and result sums hold per column by construction."""
    scale = rng.choice((0, 3, 20, 120, 800))
    rows: dict[str, list[int]] = {}
    share = (1.0, 0.15, 0.02, 0.01, 0.05, 0.03)
    new = [int(rng.random() * scale * s) for s in share]
    carried = [int(v * rng.random() * 0.1) for v in new]
    forward = [int((a + b) * rng.random() * 0.08) for a, b in zip(new, carried, strict=True)]
    rows["new_received"], rows["carried_over"] = new, carried
    done = [a + b - f for a, b, f in zip(new, carried, forward, strict=True)]
    per_row = [_split(d, len(RESULT_ROWS), rng) for d in done]
    for i, r in enumerate(RESULT_ROWS):
        rows[r.key] = [per_row[c][i] for c in range(6)]
    rows["results_total"], rows["carried_forward"] = done, forward
    return rows


def render_requests(rows: dict[str, list[int]]) -> str:
    head = "| 项目 | " + " | ".join(label for _, label, _ in REQUEST_COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(REQUEST_COLUMNS) + 1)]
    printed = set()
    for r in REQUEST_ROWS:
        for label in (r.group, r.label) if r.key not in rows else (r.group,):
            if label and label not in printed:  # group headings (and the 其他处理 heading row) once, no cells
                printed.add(label)
                lines.append(f"| {label} |" + " |" * len(REQUEST_COLUMNS))
        if r.key not in rows:
            continue
        values = rows[r.key]
        lines.append(f"| {r.label} | " + " | ".join(str(v) for v in [*values, sum(values)]) + " |")
    return "\n".join(lines)


def render_review(rng: random.Random) -> str:
    head = "| 项目 | " + " | ".join(label for _, label in REVIEW_OUTCOMES) + " |"
    lines = [head, "|" + "---|" * (len(REVIEW_OUTCOMES) + 1)]
    for _, label in REVIEW_GROUPS:
        parts = [rng.choice((0, 0, 0, 1, 2, 5)) for _ in REVIEW_OUTCOMES[:-1]]
        lines.append(f"| {label} | " + " | ".join(str(v) for v in [*parts, sum(parts)]) + " |")
    return "\n".join(lines)


def render_active(rng: random.Random) -> str:
    blocks = []
    for r in ACTIVE_2021:
        if len(r.columns) == 3:
            issued, repealed = rng.randint(0, 30), rng.randint(0, 5)
            values = [issued, repealed, issued + rng.randint(0, 200)]
        elif r.key == "fees":
            values = [round(rng.random() * 5000, 2)]
        else:
            values = [rng.choice((0, rng.randint(1, 50000)))]
        blocks.append(f"| 信息内容 | {' | '.join(r.column_labels)} |\n|" + "---|" * (len(values) + 1)
                      + f"\n| {r.label} | " + " | ".join(str(v) for v in values) + " |")
    return "\n\n".join(blocks)


def report_text(agency: str, year: int, pools: dict[str, list[str]], rng: random.Random) -> str:
    out = [f"{agency}{year}年政府信息公开工作年度报告", "",
           f"本报告所列数据统计期限从{year}年1月1日至{year}年12月31日止。", ""]
    tables = {"active": render_active(rng), "requests": render_requests(requests_table(rng)),
              "review_litigation": render_review(rng)}
    for key, heading, _ in SECTIONS:
        out.append(heading)
        lo, hi = RUNS_PER_SECTION[key]
        pool = pools.get(key) or pools["overview"]
        out += [rng.choice(pool) for _ in range(rng.randint(lo, hi))]
        if key == "requests":
            out.append("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
        if key in tables:
            out += ["", tables[key], ""]
    out += ["", agency, f"{year + 1}年1月{rng.randint(10, 31)}日"]
    return "\n".join(out) + "\n"


def generate(n: int, dest: Path, seed: int = 7, source: Path | None = None) -> list[Path]:
    """Write n reports into dest (created); returns their paths. Same n and seed -> same files."""
    rng = random.Random(seed)
    pools = sentence_pools(source or bundled_reports())
    agencies = agency_names(-(-n // len(YEARS)), rng)
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        agency, year = agencies[i // len(YEARS)], YEARS[i % len(YEARS)]
        path = dest / f"{i:05d}_{year}.txt"
        path.write_text(report_text(agency, year, pools, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    paths = generate(args.n, args.dest, args.seed)
    print(f"{len(paths)} reports written to {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
