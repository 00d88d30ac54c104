"""Ingest throughput, each lever measured on the same corpus in one run, with the real model:

- repeats: the share of narrative passages whose embedded text (report/section prefix included) or raw text
  occurs more than once (what a content-hash cache saves across reports);
- padding: the share of the model's tokens that are padding when each report's passages are one batch set
  (the old way) and when the passages of many reports are sorted together;
- ingest A: every report embedded on its own (`Index.ahead = 0`); ingest B: passages of 16 files embedded
  together, sorted by length (the default); per stage the CPU-seconds (parse, lexical, structured store,
  embedding, the rest), CPU-seconds per report, reports/min, the load average;
- re-ingest: every file changed by one appended sentence and ingested again (new versions): passages embedded
  vs reused.

    python bench/ingest_bench.py [--dir DIR | --generated N] [--threads 2]

CPU-seconds are `time.process_time()` of this process (all its threads); on a shared machine they, not the
wall time, say what two idle cores would do: reports/min on 2 idle cores ~= 120 / (CPU-seconds per report).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import index.ingest as ingest_module  # noqa: E402
from bench.retrieval_bench import parse_corpus  # noqa: E402
from index.ingest import Index, bundled_reports  # noqa: E402
from index.settings import Settings  # noqa: E402
from index.stores.chunks import chunk_report, dense_chunks, index_text  # noqa: E402
from index.stores.embed import default_model_dir, get_embedder  # noqa: E402
from index.stores.lexical import LexicalIndex, tokenize  # noqa: E402
from index.stores.store import Store  # noqa: E402

AHEAD = 16


class Clock:
    """CPU-seconds spent inside wrapped functions, by stage (outermost call only)."""

    def __init__(self):
        self.cpu: Counter = Counter()
        self._depth = 0

    def wrap(self, stage: str, fn):
        def timed(*args, **kwargs):
            if self._depth:
                return fn(*args, **kwargs)
            self._depth += 1
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[stage] += time.process_time() - t
                self._depth -= 1
        return timed


class TimedEmbedder:
    def __init__(self, inner, clock: Clock):
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.embed_passages = clock.wrap("embedding", inner.embed_passages)
        self.embed_queries = inner.embed_queries


def padding(reports, settings: Settings, batch: int) -> tuple[float, float]:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(default_model_dir(settings)))
    per = [[len(tok("passage: " + index_text(c))["input_ids"]) for c in dense_chunks(chunk_report(r))]
           for r in reports]

    def waste(groups):
        padded = sum(max(g[i:i + batch]) * len(g[i:i + batch]) for g in map(sorted, groups) for i in range(0, len(g), batch))
        real = sum(map(sum, groups))
        return (padded - real) / padded

    return waste(per), waste([[n for p in per for n in p]])


def run(name: str, files: list[Path], home: Path, settings: Settings, embedder, ahead: int) -> dict:
    clock = Clock()
    patches = [(ingest_module, "parse_file", "parse"), (LexicalIndex, "add", "lexical"), (Store, "upsert", "store")]
    saved = [(obj, attr, getattr(obj, attr)) for obj, attr, _ in patches]
    for obj, attr, stage in patches:
        setattr(obj, attr, clock.wrap(stage, getattr(obj, attr)))
    try:
        index = Index(settings.model_copy(update={"home": home}), embedder=TimedEmbedder(embedder, clock))
        index.ahead = ahead
        load0, t0, c0 = os.getloadavg()[0], time.perf_counter(), time.process_time()
        summary = index.ingest_paths(files, progress=False)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        for obj, attr, fn in saved:
            setattr(obj, attr, fn)
    n = summary.ingested + summary.replaced
    stages = {k: round(v, 1) for k, v in clock.cpu.items()}
    stages["rest"] = round(cpu - sum(clock.cpu.values()), 1)
    out = {"run": name, "reports": n, "failed": len(summary.failed), "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
           "reports_per_min": round(n / wall * 60, 1), "cpu_s_per_report": round(cpu / max(n, 1), 2),
           "idle_2core_reports_per_min": round(120 / max(cpu / max(n, 1), 1e-9), 1),
           "embedded": index.vectors.stats["embedded"], "reused": index.vectors.stats["reused"],
           "cpu_by_stage": stages, "load_start": round(load0, 1), "load_end": round(os.getloadavg()[0], 1)}
    print(json.dumps(out, ensure_ascii=False), flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=bundled_reports())
    ap.add_argument("--generated", type=int, default=0, help="ingest N generated reports (bench/scale_corpus.py)")
    ap.add_argument("--threads", type=int, default=2, help="torch threads (2 = both cores of this machine)")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="nianbao-ingestbench-"))
    try:
        source = args.dir
        if args.generated:
            from bench.scale_corpus import generate

            source = work / "generated"
            generate(args.generated, source)
        files = sorted(p for p in source.iterdir() if p.is_file())
        settings = Settings(embed_threads=args.threads)
        embedder = get_embedder(settings)
        embedder.embed_passages(["预热"])
        tokenize("预热")  # jieba's dictionary, loaded once per process, is not charged to the first run
        print(f"{len(files)} files from {source}; torch threads {args.threads}; load {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores")

        reports = parse_corpus(source)
        dense = [c for r in reports for c in dense_chunks(chunk_report(r))]
        texts, raw = [index_text(c) for c in dense], [c.text for c in dense]
        print(json.dumps({"passages": len(dense), "repeated_embedded_text": round(1 - len(set(texts)) / len(texts), 3),
                          "repeated_raw_text": round(1 - len(set(raw)) / len(raw), 3)}))
        per_report, across = padding(reports, settings, settings.embed_batch_size)
        print(json.dumps({"padding_per_report": round(per_report, 3), "padding_sorted_across": round(across, 3),
                          "batch": settings.embed_batch_size}))

        run("A: each report embedded alone", files, work / "home-a", settings, embedder, ahead=0)
        run(f"B: {AHEAD} files embedded together", files, work / "home-b", settings, embedder, ahead=AHEAD)
        changed = work / "changed"
        changed.mkdir()
        for f in files:
            if f.suffix in (".txt", ".md"):
                (changed / f.name).write_text(f.read_text(encoding="utf-8") + "\n本报告数据统计期限为全年。\n",
                                              encoding="utf-8")
        shutil.copytree(work / "home-b", work / "home-c")
        run("C: new versions of the text files", sorted(changed.iterdir()), work / "home-c", settings, embedder,
            ahead=AHEAD)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
