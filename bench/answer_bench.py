"""Latency of figure answers (no model on that path): median and p95 over a mix of figure, derived,
breakdown, comparison, ranking and precedent questions, after one warm-up pass.

    python bench/answer_bench.py [--home DIR] [--repeat 20]

Without --home the bundled corpus is ingested into a temporary home with the hashing embedder
(the figure path never embeds, so the embedder does not change these timings)."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from assistant.pipeline import Assistant
from index.ingest import Index
from index.settings import Settings
from index.stores.embed import HashEmbedder

QUESTIONS = [
    "鹿城区2022年收到多少政府信息公开申请？",
    "鹿城区2022年的公开率是多少？",
    "鹿成区22年企业申请了几件？",
    "淮安市2024年打官司多少件？",
    "洪泽区2023年有没有被复议？",
    "平潭去年因为第三方不予公开多少？",
    "鹿城区2022年申请人构成",
    "平潭2024年收到的申请比上年增长了多少？",
    "洪泽区和淮安市2024年收到的申请对比",
    "2024年哪个单位收到的申请最多？",
    "哪些单位的行政复议被纠正过？",
    "上海科委2024年收到多少申请？",
    "北京市海淀区2022年收到多少申请？",
]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    home = args.home or Path(tempfile.mkdtemp(prefix="nianbao-bench-")) / "home"
    index = Index(Settings(home=home), embedder=None if args.home else HashEmbedder())
    if not args.home:
        t = time.perf_counter()
        index.ingest_bundled(progress=False)
        print(f"ingested the bundled corpus in {time.perf_counter() - t:.1f} s (hashing embedder)")
    assistant = Assistant(index.settings, index)
    for q in QUESTIONS:  # warm-up: imports, SQLite pages, report cache
        assistant.ask(q)
    per_question: dict[str, list[float]] = {q: [] for q in QUESTIONS}
    for _ in range(args.repeat):
        for q in QUESTIONS:
            t = time.perf_counter()
            a = assistant.ask(q)
            per_question[q].append((time.perf_counter() - t) * 1000)
            assert a.kind not in ("narrative",), (q, a.kind)
    all_ms = sorted(ms for v in per_question.values() for ms in v)
    print(f"{'question':<40} {'median ms':>10} {'p95 ms':>8}")
    for q, v in per_question.items():
        v.sort()
        print(f"{q:<40} {statistics.median(v):>10.1f} {v[int(0.95 * (len(v) - 1))]:>8.1f}")
    p95 = all_ms[int(0.95 * (len(all_ms) - 1))]
    print(f"all figure answers: n={len(all_ms)} median={statistics.median(all_ms):.1f} ms p95={p95:.1f} ms "
          f"(target < 50 ms)")


if __name__ == "__main__":
    main()
