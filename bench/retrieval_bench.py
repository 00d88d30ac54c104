"""Search-index figures over the bundled corpus: ingest throughput, index size, retrieval latency per
method, and a retrieval evaluation on the narrative questions of eval_sets/ and bench/retrieval_questions.jsonl.

    python bench/retrieval_bench.py [--batch-size 32] [--questions FILE ...] [--hash]

A question is answered at rank r when the r-th retrieved chunk belongs to the cited report (agency and
year) and contains the cited quote or overlaps the quote's span in the report text. Two scopes:
"corpus" searches everything (the question must name its report in words), "report" filters to the
cited report (what the assistant does once it knows the report). Stores live in a temporary home; the
model is built once into the default home's model cache and reused.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.errors import NianbaoError  # noqa: E402
from index.ingest import bundled_reports  # noqa: E402
from index.models import Chunk, Report  # noqa: E402
from index.parse.report import parse_file  # noqa: E402
from index.settings import Settings  # noqa: E402
from index.stores.chunks import chunk_report, dense_chunks, index_text  # noqa: E402
from index.stores.embed import HashEmbedder, default_model_dir, ensure_default_model, get_embedder  # noqa: E402
from index.stores.lexical import TOKENIZERS, LexicalIndex  # noqa: E402
from index.stores.retrieve import Retriever  # noqa: E402
from index.stores.vectors import VectorStore  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_QUESTIONS = [*sorted((ROOT / "eval_sets").glob("*.jsonl")), ROOT / "bench" / "retrieval_questions.jsonl"]
DEPTH = 10  # ranks looked at for MRR


@dataclass
class Question:
    id: str
    text: str
    targets: list[tuple[str, int, int]]  # (report id, start, end) of each cited quote
    source: str


@dataclass
class Scores:
    ranks: list[int | None] = field(default_factory=list)  # 1-based rank of the first hit, None = missed
    seconds: list[float] = field(default_factory=list)

    def recall(self, k: int) -> float:
        return sum(1 for r in self.ranks if r is not None and r <= k) / max(1, len(self.ranks))

    def mrr(self) -> float:
        return sum(1 / r for r in self.ranks if r is not None) / max(1, len(self.ranks))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def parse_corpus(directory: Path) -> list[Report]:
    reports = []
    for f in sorted(p for p in directory.iterdir() if p.is_file()):
        try:
            reports.append(parse_file(f))
        except NianbaoError as e:
            print(f"  {f.name}: not parsed ({e})")
    return reports


def load_questions(paths: list[Path], reports: list[Report]) -> list[Question]:
    """Narrative questions whose cited quotes can be found in a parsed report."""
    by_key = {(r.meta.agency, r.meta.year): r for r in reports}
    out, missing, seen = [], 0, set()
    for path in paths:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            q = json.loads(line)
            if q.get("type") != "narrative" or not q.get("cite") or q.get("history") or q["question"] in seen:
                continue  # fast.jsonl repeats questions of full.jsonl: each counts once
            seen.add(q["question"])
            targets = []
            for c in q["cite"]:
                r = by_key.get((c.get("agency"), c.get("year")))
                pos = r.text.find(c.get("quote", "")) if r else -1
                if pos >= 0:
                    targets.append((r.id, pos, pos + len(c["quote"])))
            if targets:
                out.append(Question(q.get("id", ""), q["question"], targets, path.name))
            else:
                missing += 1
    if missing:
        print(f"  {missing} narrative questions skipped: cited quote not found in any parsed report")
    return out


def is_hit(chunk: Chunk, targets: list[tuple[str, int, int]], texts: dict[str, str]) -> bool:
    for rid, start, end in targets:
        if chunk.report_id == rid and (texts[rid][start:end] in chunk.text or (chunk.start < end and start < chunk.end)):
            return True
    return False


def evaluate(search, questions: list[Question], texts: dict[str, str], scope: str) -> Scores:
    scores = Scores()
    for q in questions:
        filters = {"report_id": q.targets[0][0]} if scope == "report" else None
        start = time.perf_counter()
        hits = search(q.text, DEPTH, filters)
        scores.seconds.append(time.perf_counter() - start)
        rank = next((i for i, h in enumerate(hits, 1) if is_hit(h.chunk, q.targets, texts)), None)
        scores.ranks.append(rank)
    return scores


def ingest(reports: list[Report], vectors: VectorStore, lexical: LexicalIndex) -> dict:
    t0 = time.perf_counter()
    chunks = [c for r in reports for c in chunk_report(r)]
    t1 = time.perf_counter()
    vectors.add(dense_chunks(chunks))  # what the ingest embeds: narrative only
    t2 = time.perf_counter()
    lexical.add(chunks)
    lexical.save()
    t3 = time.perf_counter()
    return {"chunks": chunks, "chunk_s": t1 - t0, "embed_s": t2 - t1, "lexical_s": t3 - t2, "total_s": t3 - t0}


def encode_speed(embedder, chunks: list[Chunk]) -> str:
    """Model speed alone: passages/s over a fixed sample of chunks, and one-query latency."""
    sample = [index_text(c) for c in chunks[:: max(1, len(chunks) // 64)]][:64]
    start = time.perf_counter()
    embedder.embed_passages(sample)
    per_s = len(sample) / (time.perf_counter() - start)
    ms = []
    for q in ("平潭综合实验区2023年信息发布方面存在什么问题？", "鹿城区怎么提升依申请公开的答复质量？") * 5:
        start = time.perf_counter()
        embedder.embed_queries([q])
        ms.append((time.perf_counter() - start) * 1000)
    chars = statistics.mean(len(t) for t in sample)
    return f"encode: {per_s:.1f} passages/s ({len(sample)} chunks, {chars:.0f} chars avg), query p50 {statistics.median(ms):.0f} ms"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=bundled_reports())
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--questions", type=Path, nargs="*", default=DEFAULT_QUESTIONS)
    ap.add_argument("--hash", action="store_true", help="hash embedder instead of the model (plumbing only)")
    args = ap.parse_args(argv)

    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    home = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    models = Settings().model_cache  # the model is built once and kept; the stores are throwaway
    models.mkdir(parents=True, exist_ok=True)
    os.symlink(models, home / "models")
    settings = Settings(home=home, embed_batch_size=args.batch_size)
    if args.hash:
        embedder = HashEmbedder()
    else:
        cached = default_model_dir(settings).exists()
        t = time.perf_counter()
        ensure_default_model(settings)
        build = time.perf_counter() - t
        t = time.perf_counter()
        embedder = get_embedder(settings)
        print(f"model: {'cached' if cached else f'built in {build:.1f} s'}, loaded in {time.perf_counter() - t:.1f} s "
              f"({dir_size(default_model_dir(settings)) / 2**20:.0f} MiB)")

    t = time.perf_counter()
    reports = parse_corpus(args.dir)
    parse_s = time.perf_counter() - t
    vectors = VectorStore(settings, embedder)
    lexical = LexicalIndex(settings.lexical_path)
    st = ingest(reports, vectors, lexical)
    n, nc = len(reports), len(st["chunks"])
    rows = sum(c.kind == "table_row" for c in st["chunks"])
    print(f"\n## Ingest ({n} reports, {nc} chunks of which {rows} table rows, batch size {args.batch_size})")
    print(f"parse {parse_s:.1f} s, chunk {st['chunk_s']:.2f} s, embed+Chroma {st['embed_s']:.1f} s, "
          f"lexical {st['lexical_s']:.1f} s")
    total = parse_s + st["total_s"]
    print(f"throughput: {n / total * 60:.1f} reports/min end to end, {(nc - rows) / st['embed_s']:.1f} chunks/s embedded")
    print(f"index size: Chroma {dir_size(settings.chroma_path) / 2**20:.1f} MiB, "
          f"lexical {dir_size(settings.lexical_path) / 2**20:.2f} MiB")
    print(encode_speed(embedder, st["chunks"]))

    questions = load_questions(args.questions, reports)
    texts = {r.id: r.text for r in reports}
    by_source: dict[str, int] = {}
    for q in questions:
        by_source[q.source] = by_source.get(q.source, 0) + 1
    print(f"\n## Retrieval ({len(questions)} narrative questions: "
          f"{', '.join(f'{k} {v}' for k, v in by_source.items())})")
    lexicals = {s: LexicalIndex(home / f"lex-{s}", scheme=s) for s in TOKENIZERS if s != lexical.scheme}
    for lx in lexicals.values():
        lx.add(st["chunks"])
    lexicals[lexical.scheme] = lexical
    variants = {
        "dense": Retriever(vectors, lexical, "dense"),
        **{f"lexical ({s})": Retriever(vectors, lx, "lexical") for s, lx in lexicals.items()},
        "hybrid (rrf)": Retriever(vectors, lexical, "hybrid", fusion="rrf"),
        "hybrid (weighted, default)": Retriever(vectors, lexical, "hybrid", fusion="weighted"),
    }
    for v in variants.values():  # warm up: first queries load jieba's dictionary and the model's kernels
        v.search("政府信息公开", 3)
    print("\n| method | scope | R@1 | R@3 | R@5 | MRR@10 | p50 ms | p95 ms |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for scope in ("corpus", "report"):
        for name, retriever in variants.items():
            s = evaluate(retriever.search, questions, texts, scope)
            ms = [x * 1000 for x in s.seconds]
            print(f"| {name} | {scope} | {s.recall(1):.2f} | {s.recall(3):.2f} | {s.recall(5):.2f} | {s.mrr():.3f} "
                  f"| {statistics.median(ms):.0f} | {percentile(ms, 0.95):.0f} |")
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
