"""Lexical engines compared on the same tokens (jieba words + bigrams): SQLite FTS5 (`index.stores.lexical`, what the
project uses) and bm25s (Lucene BM25, k1 1.5, what the earlier in-memory index scored like), saved and loaded
with memory mapping. Two parts:

1. quality: lexical retrieval of the narrative questions over the bundled corpus (scopes as retrieval_bench);
2. scale: the bundled chunks' tokens copied under made-up report ids up to N chunks (each copy drops a random
   third of its tokens and takes a slice of another chunk's: pure copies tie by the hundred); per engine the
   build time, size on disk, and, in a fresh process, the open time, the RSS it adds, and query latency over
   the whole corpus (k 20), across the corpus's passages (kind text, k 120: the assistant's cross-report
   search) and filtered to one report; for FTS5 also the third pass's corpus-wide query on the same index
   (before) and how many of its top-k scores today's returns too.

    python bench/lexical_bench.py [--chunks 100000 620000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.retrieval_bench import (  # noqa: E402
    DEFAULT_QUESTIONS,
    evaluate,
    load_questions,
    parse_corpus,
    percentile,
)
from index.ingest import bundled_reports  # noqa: E402
from index.stores.chunks import chunk_report, index_text  # noqa: E402
from index.stores.lexical import LexicalIndex, _match, _where, tokenize  # noqa: E402
from index.stores.retrieve import Hit  # noqa: E402

QUERIES = ["平潭综合实验区2023年依申请公开存在什么问题", "过程性信息 不予公开", "政务新媒体 管理", "12345热线",
           "信息公开工作人员 培训", "行政复议 纠错", "主动公开 政策解读", "收费 减免", "依申请公开 申请人",
           "本年度 主动公开 政府信息", "政府网站 信息发布", "不予公开 国家秘密"]
SCOPES = {"corpus": (20, None), "cross": (120, {"kind": "text"})}  # unfiltered; the assistant's cross-report search


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024


class Bm25sIndex:
    """bm25s over the same tokens, filters as a weight mask over per-chunk metadata columns."""

    def __init__(self, directory: Path, chunks=None, tokens=None, mmap: bool = True):
        import bm25s

        self.dir = directory
        if chunks is not None:
            self.bm25 = bm25s.BM25(method="lucene", k1=1.5, b=0.75)
            self.bm25.index(tokens, show_progress=False)
            self.bm25.save(str(directory), show_progress=False)
            np.save(directory / "report.npy", np.array([c.report_id for c in chunks]))
            (directory / "ids.json").write_text(json.dumps([c.id for c in chunks]))
            self.chunks = {c.id: c for c in chunks}
        else:
            self.bm25 = bm25s.BM25.load(str(directory), mmap=mmap, show_progress=False)
        self.report = np.load(directory / "report.npy", mmap_mode="r")
        self.ids = json.loads((directory / "ids.json").read_text())

    def query(self, text: str, k: int, where: dict | None = None):
        tokens = [t for t in tokenize(text) if t in self.bm25.vocab_dict]
        if not tokens:
            return []
        mask = None
        if where and where.get("report_id"):
            mask = (self.report == where["report_id"]).astype(np.float32)
        docs, scores = self.bm25.retrieve([tokens], k=min(k, len(self.ids)), show_progress=False, weight_mask=mask,
                                          n_threads=0)
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]


def quality(reports, chunks, home: Path) -> None:
    questions = load_questions(DEFAULT_QUESTIONS, reports)
    texts = {r.id: r.text for r in reports}
    lex = LexicalIndex(home / "fts5")
    lex.add(chunks)
    bm = Bm25sIndex(home / "bm25s", chunks, [tokenize(index_text(c)) for c in chunks])
    by_id = {c.id: c for c in chunks}
    engines = {
        "FTS5 (bm25: k1 1.2)": lambda q, k, f: [Hit(chunk=c, score=s, method="lexical") for c, s in lex.query(q, k, f)],
        "bm25s (lucene, k1 1.5)": lambda q, k, f: [Hit(chunk=by_id[i], score=s, method="lexical")
                                                 for i, s in bm.query(q, k, f)],
    }
    print(f"\n## Quality ({len(questions)} narrative questions, {len(chunks)} chunks)\n")
    print("| engine | scope | R@1 | R@3 | R@5 | MRR@10 | p50 ms | p95 ms |\n| --- | --- | --- | --- | --- | --- | --- | --- |")
    for scope in ("corpus", "report"):
        for name, search in engines.items():
            s = evaluate(search, questions, texts, scope)
            ms = [x * 1000 for x in s.seconds]
            print(f"| {name} | {scope} | {s.recall(1):.2f} | {s.recall(3):.2f} | {s.recall(5):.2f} | {s.mrr():.3f} "
                  f"| {statistics.median(ms):.1f} | {percentile(ms, 0.95):.1f} |")


def scaled(chunks, n: int):
    """n chunks: the bundled ones again and again, each copy under its own report ids and agency names."""
    out = []
    for copy in range(n // len(chunks) + 1):
        for c in chunks:
            out.append(c.model_copy(update={"id": f"{copy}-{c.id}", "report_id": f"{copy}-{c.report_id}",
                                            "agency": f"{c.agency}{copy}"}))
    return out[:n]


def scaled_tokens(tokens: list[list[str]], n: int, seed: int = 7) -> list[list[str]]:
    """Tokens of n chunks: the originals, then copies that each drop a random third of their tokens and take a
    third of another chunk's (seeded), so no two copies are the same document."""
    rng = random.Random(seed)
    out = list(tokens[:n])
    for i in range(len(out), n):
        own, other = tokens[i % len(tokens)], tokens[rng.randrange(len(tokens))]
        start = rng.randrange(len(other) + 1)
        out.append([t for t in own if rng.random() > 1 / 3] + other[start:start + len(other) // 3])
    return out


def scale(chunks, n: int, home: Path) -> None:
    many = scaled(chunks, n)
    many_tokens = scaled_tokens([tokenize(index_text(c)) for c in chunks], n)
    rid = many[len(many) // 2].report_id
    print(f"\n## Scale: {n} chunks\n")
    print("| engine | build s (CPU) | disk MiB | open ms | RSS added MiB | corpus p50/p95 ms | cross p50/p95 ms "
          "| one report p50/p95 ms | third pass: corpus ; cross p50/p95 ms | top-k scores as the third pass |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for engine in ("fts5", "bm25s"):
        d = home / f"{engine}-{n}"
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        t = time.process_time()
        if engine == "fts5":
            lex = LexicalIndex(d)
            with lex._write() as db:
                for i in range(0, n, 500):
                    lex._insert(db, many[i:i + 500], many_tokens[i:i + 500])
            lex.close()
        else:
            Bm25sIndex(d, many, many_tokens)
        build = time.process_time() - t
        disk = sum(p.stat().st_size for p in d.rglob("*") if p.is_file()) / 2**20
        out = subprocess.run([sys.executable, __file__, "--serve", engine, str(d), rid], capture_output=True,
                             text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        exact = (f"{r['before_corpus'][0]:.0f} / {r['before_corpus'][1]:.0f} ; {r['before_cross'][0]:.0f} / "
                 f"{r['before_cross'][1]:.0f} | {r['equal']:.3f}" if "equal" in r else "– | –")
        print(f"| {engine} | {build:.1f} | {disk:.0f} | {r['open_ms']:.0f} | {r['rss_added']:.0f} | "
              f"{r['corpus'][0]:.1f} / {r['corpus'][1]:.1f} | {r['cross'][0]:.1f} / {r['cross'][1]:.1f} | "
              f"{r['report'][0]:.1f} / {r['report'][1]:.1f} | {exact} |")
        shutil.rmtree(d, ignore_errors=True)


def serve(engine: str, directory: Path, report_id: str) -> None:
    """In a fresh process: open the index, then time the queries (first query warms jieba, left out)."""
    tokenize("预热")
    before = rss_mib()
    t = time.perf_counter()
    idx = LexicalIndex(directory) if engine == "fts5" else Bm25sIndex(directory)
    open_ms = (time.perf_counter() - t) * 1000
    idx.query(QUERIES[0], 20)
    timings, got = {}, {}
    for scope, (k, where) in {**SCOPES, "report": (20, {"report_id": report_id})}.items():
        ms = []
        for _ in range(3):
            for q in QUERIES:
                t = time.perf_counter()
                got[scope, q] = [s for _, s in idx.query(q, k, where)]
                ms.append((time.perf_counter() - t) * 1000)
        timings[scope] = (statistics.median(ms), percentile(ms, 0.95))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"open_ms": open_ms, "rss_added": rss_mib() - before, "peak": peak, **timings}
    if engine == "fts5":
        out.update(before_ranking(idx, got))
    print(json.dumps(out))


def before_ranking(idx: LexicalIndex, got: dict) -> dict:
    """The corpus-wide search of the third pass (every match joined to its chunk, the filter in the join) on
    the same index: its latency, and the share of its top-k scores today's search returns too (position by
    position; equal scores are equally good)."""
    db, out, equal = idx._db(), {}, []
    for scope, (k, where) in SCOPES.items():
        clauses, args = _where(where)
        ms = []
        for q in QUERIES:
            t = time.perf_counter()
            match = _match(idx._informative(db, [x for x in tokenize(q) if x.strip()]))
            want = [r[0] for r in db.execute(
                "SELECT -bm25(terms) FROM terms JOIN chunks c ON c.n = terms.rowid "
                f"WHERE terms MATCH ?{f' AND {clauses}' if clauses else ''} ORDER BY bm25(terms) LIMIT ?",
                [match, *args, k])]
            ms.append((time.perf_counter() - t) * 1000)
            equal += [abs(a - b) <= 1e-6 * max(abs(b), 1) for a, b in zip(got[scope, q], want, strict=False)]
            equal += [False] * max(0, len(want) - len(got[scope, q]))
        out[f"before_{scope}"] = (statistics.median(ms), percentile(ms, 0.95))
    return {**out, "equal": sum(equal) / max(1, len(equal))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chunks", type=int, nargs="*", default=[100_000])
    ap.add_argument("--serve", nargs=3, metavar=("ENGINE", "DIR", "REPORT_ID"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve:
        serve(args.serve[0], Path(args.serve[1]), args.serve[2])
        return 0
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    home = Path(tempfile.mkdtemp(prefix="nianbao-lexbench-"))
    try:
        reports = parse_corpus(bundled_reports())
        chunks = [c for r in reports for c in chunk_report(r)]
        quality(reports, chunks, home)
        for n in args.chunks:
            scale(chunks, n, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
