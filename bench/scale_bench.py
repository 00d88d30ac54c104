"""Cost against corpus size on generated reports (bench/scale_corpus.py; performance only, never accuracy).

    nice -n 10 python bench/scale_bench.py [--sizes 100 1000 10000] [--full-ingest-max 100]
                                           [--embed-budget 600] [--questions 40] [--work /tmp/nianbao-scale]
    python bench/scale_bench.py --breakdown HOME   # RSS and seconds per start-up step of a serving process

For each size N: parse ms/report (median, p95; wall and CPU), an index home, its size on disk, and a
separate serving process (Assistant over that home) that reports its RSS and warm figure-question and
narrative-question latencies (p50/p95). Sizes up to --full-ingest-max go through the real ingest
(`Index.ingest_paths`, the real embedding model): reports/min and chunks/s. Larger sizes are built
directly: every report into SQLite and the lexical index, but real-model vectors only for the reports
that fit in --embed-budget seconds of embedding (printed); narrative questions then ask about those.
Figures print as markdown rows for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scale_corpus import generate  # noqa: E402
from index.settings import Settings  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def dir_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def home_settings(home: Path, batch_size: int) -> Settings:
    """A throwaway home whose model cache is the default home's (the model is built once, not per size)."""
    models = Settings().model_cache
    models.mkdir(parents=True, exist_ok=True)
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "models").exists():
        os.symlink(models, home / "models")
    return Settings(home=home, embed_batch_size=batch_size)


def corpus(work: Path, n: int) -> list[Path]:
    dest = work / f"corpus-{n}"
    files = sorted(dest.glob("*.txt")) if dest.exists() else []
    if len(files) != n:
        shutil.rmtree(dest, ignore_errors=True)
        files = generate(n, dest)
    return files


def time_parse(files: list[Path]) -> tuple[list, dict]:
    """Parse every file once; (reports, figures)."""
    from index.parse.report import parse_file

    reports, wall, cpu = [], [], []
    for f in files:
        w, c = time.perf_counter(), time.process_time()
        reports.append(parse_file(f))
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return reports, {"parse_ms_median": statistics.median(wall), "parse_ms_p95": percentile(wall, 0.95),
                     "parse_cpu_ms_median": statistics.median(cpu), "parse_cpu_ms_p95": percentile(cpu, 0.95)}


def full_ingest(settings: Settings, files: list[Path]) -> dict:
    """The real ingest, model load excluded (it is loaded before the clock starts)."""
    from index.ingest import Index
    from index.stores.embed import get_embedder

    embedder = get_embedder(settings)
    index = Index(settings, embedder=embedder)
    w, c = time.perf_counter(), time.process_time()
    summary = index.ingest_paths(files, progress=False)
    wall, cpu = time.perf_counter() - w, time.process_time() - c
    return {"mode": "full ingest", "reports": summary.ingested, "chunks": summary.chunks, "vector_reports": summary.ingested,
            "lexical_reports": summary.ingested, "batch_size": settings.embed_batch_size,
            "ingest_s": wall, "ingest_cpu_s": cpu, "reports_per_min": summary.ingested / wall * 60,
            "chunks_per_s": summary.chunks / wall, "failed": len(summary.failed)}


def direct_build(settings: Settings, reports: list, embed_budget: float, index_max: int,
                 fill_vectors: bool = False) -> dict:
    """SQLite for every report; the lexical index for the first `index_max`; real-model vectors for as many of
    those as fit the budget; with `fill_vectors`, reused vectors for the narrative chunks of the rest of them
    (`fill_reused`), so Chroma holds every narrative chunk."""
    from index.stores.chunks import chunk_report, dense_chunks
    from index.stores.embed import get_embedder
    from index.stores.lexical import LexicalIndex
    from index.stores.store import Store
    from index.stores.vectors import VectorStore

    out: dict = {"mode": "direct build"}
    store = Store(settings.database_url)
    t = time.perf_counter()
    chunks = []
    for r in reports:
        store.upsert(r)
        chunks.append(chunk_report(r))
    out["store_s"] = time.perf_counter() - t
    t = time.perf_counter()
    lexical = LexicalIndex(settings.lexical_path)
    for cs in chunks[:index_max]:  # one transaction per report, as the ingest writes it
        lexical.add(cs)
    out["lexical_s"] = time.perf_counter() - t
    vectors = VectorStore(settings, get_embedder(settings))
    t, done, n_chunks = time.perf_counter(), 0, 0
    for cs in chunks[:index_max]:  # whole reports only, in file order, until the budget is spent
        if time.perf_counter() - t > embed_budget:
            break
        n_chunks += vectors.add(dense_chunks(cs))  # what the ingest embeds
        done += 1
    embed_s = time.perf_counter() - t
    out.update(reports=len(reports), chunks=sum(map(len, chunks)), lexical_reports=min(index_max, len(reports)),
               lexical_chunks=lexical.count(), vector_reports=done, vector_chunks=n_chunks,
               embed_s=embed_s, chunks_per_s=n_chunks / embed_s if embed_s else 0.0)
    print(json.dumps(out, ensure_ascii=False), flush=True)
    if fill_vectors and done < min(index_max, len(chunks)):
        t = time.perf_counter()
        filled = fill_reused(vectors, chunks[done:index_max])
        out.update(mode="direct build, vectors reused", filled_chunks=filled, fill_s=time.perf_counter() - t,
                   sample_reports=done, vector_reports=min(index_max, len(chunks)), vector_chunks=n_chunks + filled)
    return out


def fill_reused(vectors, reports_chunks: list[list], seed: int = 11, noise: float = 0.01) -> int:
    """Performance only: every narrative chunk of these reports into Chroma under its own id, metadata and text,
    with a real vector reused from the ones already stored (embedded by the model for the first reports): the
    stored vector of a chunk with the same passage text where there is one, else one picked by the chunk id; a
    little noise (then normalised) keeps the points apart, as HNSW degrades on exact duplicates."""
    from index.stores.chunks import dense_chunks, index_text
    from index.stores.vectors import META_KEYS, text_hash

    got = vectors.collection.get(include=["embeddings", "documents"])
    if not got["ids"]:
        raise SystemExit("no embedded sample to reuse: raise --embed-budget")
    sample = np.asarray(got["embeddings"], dtype=np.float32)
    by_text = {doc: i for i, doc in enumerate(got["documents"])}
    rng = np.random.default_rng(seed)
    batch, done = min(5000, vectors.client.get_max_batch_size()), 0
    pending = [c for cs in reports_chunks for c in dense_chunks(cs)]
    for i in range(0, len(pending), batch):
        part = pending[i:i + batch]
        rows = [by_text.get(c.text, int(c.id[:8], 16) % len(sample)) for c in part]
        vecs = sample[rows] + rng.normal(0.0, noise, (len(part), sample.shape[1])).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        vectors.collection.add(ids=[c.id for c in part], documents=[c.text for c in part], embeddings=vecs,
                               metadatas=[{**{k: getattr(c, k) for k in META_KEYS}, "text_hash": text_hash(index_text(c))}
                                          for c in part])
        done += len(part)
        if i // batch % 10 == 0:
            print(f"filled {done}/{len(pending)} narrative chunks", file=sys.stderr, flush=True)
    return done


def serve(settings: Settings, questions: int, vector_reports: int, seed: int = 11) -> dict:
    """Spawn a fresh serving process over the home: RSS and warm question latencies come from it alone."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--serve", str(settings.home),
           "--questions", str(questions), "--vector-reports", str(vector_reports), "--seed", str(seed),
           "--batch-size", str(settings.embed_batch_size), "--t0", repr(time.time())]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"serving process failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def children() -> list[int]:
    """This process's child processes (the embedding worker of a server)."""
    kids = []
    for task in Path("/proc/self/task").iterdir():
        try:
            kids += [int(pid) for pid in (task / "children").read_text().split()]
        except OSError:
            continue
    return kids


def rss_mib() -> tuple[float, float]:
    """(current, peak) resident set size in MiB of this process and its children (the sum of each one's peak: an
    upper bound of the peak they held together)."""
    now = peak = 0.0
    for pid in ["self", *children()]:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        now += int(fields["VmRSS"].split()[0]) / 1024
        peak += int(fields["VmHWM"].split()[0]) / 1024
    return now, peak


def cpu_s() -> float:
    """CPU-seconds of this process (all its threads) and of its running children."""
    total, tick = time.process_time(), os.sysconf("SC_CLK_TCK")
    for pid in children():
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(stat[11]) + int(stat[12])) / tick  # utime, stime
    return total


CROSS_TOPICS = ("政务新媒体", "政府网站", "政策解读", "保密审查", "信息公开培训", "行政复议", "政府信息公开指南",
                "政务公开专区", "12345热线", "新闻发布会", "办理时限", "考核", "重点领域信息公开", "人大代表建议",
                "政务服务", "问卷调查", "社会评议", "信息公开工作机构", "依申请公开办理", "公开目录", "政府公报",
                "政务微博", "网上留言", "财政预决算")


def serving_run(home: Path, questions: int, vector_reports: int, seed: int, batch_size: int,
                t0: float | None = None, in_process: bool = False) -> dict:
    """Inside the serving process, started as the chat UI starts (ui/app.py): the embedding model's worker process
    started first (`serving_embedder`; with `in_process`, the model loads in this process instead, as before
    2026-12-05), the stores and the Assistant opened,
    `Assistant.warm` in a background thread (the model, the vector index, the sentence store), and at once a
    figure question (start-up (a): process start to its answer), then a narrative and a cross-report one
    (start-up (b): to those answers, i.e. fully warm; `*_cpu_s`: the CPU-seconds this process had used by then,
    about what they take on idle cores, less what the two threads overlap). Once the warm-up thread is done,
    `questions` timed questions of each kind (figure, narrative about one named report, cross-report); RSS after
    them (steady) and the process's peak. CPU-seconds and RSS count the worker process with this one."""
    import threading

    from index.stores.embed_worker import serving_embedder

    t0 = t0 or time.time()
    out: dict = {"load_serve_start": os.getloadavg()[0]}
    settings = Settings(home=home, embed_batch_size=batch_size)
    embedder = None if in_process else serving_embedder(settings)  # as ui/app.py's serve: first
    from assistant.pipeline import Assistant
    from index.ingest import Index

    assistant = Assistant(settings, Index(settings, embedder=embedder))
    warm = threading.Thread(target=assistant.warm, name="nianbao-warm", daemon=True)
    warm.start()
    entries = assistant.catalog().entries
    with_vectors = {e.report_id for e in sorted(entries, key=lambda e: e.file_name)[:vector_reports]}
    rng = random.Random(seed)
    fig_q = [f"{e.agency}{e.year}年收到多少政府信息公开申请？" for e in rng.choices(entries, k=questions + 1)]
    nar_entries = [e for e in entries if e.report_id in with_vectors] or entries
    nar_q = [f"{e.agency}{e.year}年政府信息公开工作存在哪些问题？" for e in rng.choices(nar_entries, k=questions + 1)]
    cross_q = [f"哪些部门提到了{t}？" for t in rng.sample(CROSS_TOPICS, min(questions + 1, len(CROSS_TOPICS)))]
    for key, q in (("first_figure_s", fig_q[0]), ("first_narrative_s", nar_q[0]), ("first_cross_s", cross_q[0])):
        assistant.ask(q)
        out[key] = time.time() - t0
        out[key.replace("_s", "_cpu_s")] = cpu_s()  # CPU since it started, all threads, the model's worker too
        out[key.replace("_s", "_server_cpu_s")] = time.process_time()  # this process's part of it
    out["startup_a_s"], out["startup_b_s"] = out["first_figure_s"], out["first_cross_s"]
    out["startup_a_cpu_s"], out["startup_b_cpu_s"] = out["first_figure_cpu_s"], out["first_cross_cpu_s"]
    out["rss_first_answers_mib"] = rss_mib()[0]
    warm.join()
    out.update(warm_thread_s=time.time() - t0, load_warm=os.getloadavg()[0], rss_warm_mib=rss_mib()[0])
    for name, qs in (("figure", fig_q[1:]), ("narrative", nar_q[1:] if with_vectors else []), ("cross", cross_q[1:])):
        if not qs:
            continue
        wall, cpu, answered = [], [], 0
        for q in qs:
            w, c = time.perf_counter(), cpu_s()
            a = assistant.ask(q)
            wall.append((time.perf_counter() - w) * 1000)
            cpu.append((cpu_s() - c) * 1000)
            answered += not a.abstained
        slowest = max(range(len(qs)), key=wall.__getitem__)  # p95 of 20 hides the slowest one
        out.update({f"{name}_max": wall[slowest], f"{name}_max_cpu": cpu[slowest], f"{name}_max_question": qs[slowest]})
        out.update({f"{name}_p50": statistics.median(wall), f"{name}_p95": percentile(wall, 0.95),
                    f"{name}_cpu_p50": statistics.median(cpu), f"{name}_cpu_p95": percentile(cpu, 0.95),
                    f"{name}_answered": f"{answered}/{len(qs)}", f"load_{name}": os.getloadavg()[0],
                    f"rss_after_{name}_mib": rss_mib()[0]})
    out["rss_mib"], out["rss_peak_mib"] = rss_mib()
    out["processes"], out["in_process"] = 1 + len(children()), in_process
    return out


def breakdown(home: Path) -> None:
    """Where a serving process's RSS and start-up go, step by step in this (fresh) process: imports, the stores,
    the model, the first question of each kind (the cross-report one searches the whole corpus)."""
    t0 = time.perf_counter()
    last = [t0, rss_mib()[0], time.process_time()]

    def step(name: str) -> None:
        now, rss, cpu = time.perf_counter(), rss_mib()[0], time.process_time()
        print(f"| {name} | {rss:.0f} | {rss - last[1]:+.0f} | {now - last[0]:.2f} | {cpu - last[2]:.2f} |", flush=True)
        last[:] = [now, rss, cpu]

    print(f"load average {os.getloadavg()[0]:.1f}\n\n| step | RSS MiB | added | s | CPU-s |\n| --- | --- | --- | --- | --- |")
    import torch  # noqa: F401

    step("import torch")
    from assistant.pipeline import Assistant
    from index.ingest import Index

    step("import index, assistant")
    settings = Settings(home=home)
    index = Index(settings)
    assistant = Assistant(settings, index)
    catalog = assistant.catalog()
    step(f"catalogue ({len(catalog.entries)} reports)")
    index.lexical.count()
    step("lexical index open")
    index.vectors.count()
    step("Chroma open (its index loads at the first search)")
    index.embedder.embed_queries(["预热"])
    step("embedding model loaded")
    e = catalog.entries[0]
    for name, q in (("figure", f"{e.agency}{e.year}年收到多少政府信息公开申请？"),
                    ("narrative", f"{e.agency}{e.year}年政府信息公开工作存在哪些问题？"),
                    ("cross-report", "哪些部门提到了政务新媒体？")):
        assistant.ask(q)
        step(f"first {name} question")
    print(f"\npeak {rss_mib()[1]:.0f} MiB, {time.perf_counter() - t0:.1f} s ({time.process_time():.1f} CPU-s) in all")


def timed(fn, repeat: int) -> tuple[float, float]:
    """(median wall ms, median CPU ms) of fn() over `repeat` calls."""
    wall, cpu = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def levers(home: Path, repeat: int) -> list[tuple[str, str, tuple[float, float], tuple[float, float]]]:
    """Before/after of each lever on one built home: (lever, what is timed, before, after), (wall, CPU) ms."""
    import torch

    from assistant.catalog import Catalog
    from assistant.pipeline import Assistant
    from assistant.plan import understand
    from index.ingest import Index
    from index.stores.chunks import index_text
    from index.stores.embed import EncodeCache
    from index.stores.lexical import tokenize

    settings = Settings(home=home)
    assistant = Assistant(settings, Index(settings))
    lexical, embedder = assistant.index.lexical, assistant.index.embedder
    entries = sorted(assistant.catalog().entries, key=lambda e: e.file_name)
    e = entries[0]
    out = []
    where = {"report_id": e.report_id, "kind": "text"}
    query = f"{e.agency}{e.year}年政府信息公开工作存在哪些问题？"
    lexical.query(query, 32, where)

    def fts5_filtered():  # the filter applied to FTS5's whole match, as SQL
        db, match = lexical._db(), " OR ".join(f'"{t}"' for t in tokenize(query))
        return db.execute("SELECT c.n, bm25(terms) FROM terms JOIN chunks c ON c.n = terms.rowid WHERE terms MATCH ? "
                          "AND c.report_id = ? AND c.kind = 'text' ORDER BY bm25(terms) LIMIT 32",
                          (match, e.report_id)).fetchall()

    out.append((f"lexical filter ({lexical.count()} chunks)", "FTS5 match filtered in SQL vs the report's chunks scored",
                timed(fts5_filtered, repeat), timed(lambda: lexical.query(query, 32, where), repeat)))
    summaries = assistant.index.store.reports()
    out.append((f"catalog per question ({len(entries)} reports)", "Store.reports() + Catalog build vs reuse",
                timed(lambda: Catalog.from_summaries(assistant.index.store.reports()), repeat),
                timed(assistant.catalog, repeat)))
    catalog = assistant.catalog()
    fig = f"{e.agency}{e.year}年收到多少政府信息公开申请？"
    out.append(("route a figure question", f"understand() over {len(catalog.agencies)} agencies",
                timed(lambda: understand(fig, [], Catalog.from_summaries(summaries)), repeat),
                timed(lambda: understand(fig, [], catalog), repeat)))
    model = getattr(embedder, "_load", lambda: embedder)()
    cache, model._queries = model._queries, EncodeCache(size=0)  # the query embedding cache off, then on again
    before = timed(lambda: assistant.ask(query), max(2, repeat // 4))
    model._queries = cache
    assistant.ask(query)  # the first asking fills the caches
    out.append(("query embedding cache", "narrative question asked again (follow-up on the same report)",
                before, timed(lambda: assistant.ask(query), max(2, repeat // 4))))
    texts = sorted((index_text(c) for x in entries[:4] for c in lexical.chunks(x.report_id)), key=len)[:96]
    for bs in (8, 16, 32, 64):
        model.batch_size = bs
        w, c = timed(lambda: model.embed_passages(texts), 1)
        out.append((f"embedding batch size {bs}", f"{len(texts)} passages (ms per passage)",
                    (w / len(texts), c / len(texts)), (w / len(texts), c / len(texts))))
    model.batch_size = settings.embed_batch_size
    threads = torch.get_num_threads()
    for n in (1, 2):
        torch.set_num_threads(n)
        w, c = timed(lambda: model.embed_passages(texts[:32]), 1)
        out.append((f"torch threads {n}", "32 passages (ms per passage)", (w / 32, c / 32), (w / 32, c / 32)))
    torch.set_num_threads(threads)
    return out


def run_size(n: int, args) -> dict:
    files = corpus(args.work, n)
    home = args.work / f"home-{n}"
    shutil.rmtree(home, ignore_errors=True)
    settings = home_settings(home, args.batch_size)
    t = time.perf_counter()
    reports, row = time_parse(files)
    row.update(n=n, load=os.getloadavg()[0], parse_s=time.perf_counter() - t)
    if n <= args.full_ingest_max:
        row.update(full_ingest(settings, files))
    else:
        row.update(direct_build(settings, reports, args.embed_budget, args.index_max, args.fill_vectors))
    del reports
    row.update(sqlite_mib=dir_size(Path(settings.database_url.removeprefix("sqlite:///"))) / 2**20,
               chroma_mib=dir_size(settings.chroma_path) / 2**20, lexical_mib=dir_size(settings.lexical_path) / 2**20,
               load_after_build=os.getloadavg()[0])
    if not args.build_only:
        row.update(serve(settings, args.questions, row.get("vector_reports", n)))
    print(json.dumps(row, ensure_ascii=False), flush=True)
    with (args.work / "results.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return row


def markdown(rows: list[dict]) -> str:
    cols = [("N", "n", "{}"), ("mode", "mode", "{}"), ("load avg", "load", "{:.1f}"),
            ("parse ms p50/p95 (wall)", ("parse_ms_median", "parse_ms_p95"), "{:.1f} / {:.1f}"),
            ("parse CPU ms p50/p95", ("parse_cpu_ms_median", "parse_cpu_ms_p95"), "{:.1f} / {:.1f}"),
            ("chunks", "chunks", "{}"), ("reports in lexical", "lexical_reports", "{}"),
            ("reports with vectors", "vector_reports", "{}"),
            ("reports/min", "reports_per_min", "{:.1f}"), ("chunks/s embedded", "chunks_per_s", "{:.1f}"),
            ("SQLite MiB", "sqlite_mib", "{:.1f}"), ("Chroma MiB", "chroma_mib", "{:.1f}"),
            ("lexical MiB", "lexical_mib", "{:.1f}"), ("serving RSS MiB steady/peak", ("rss_mib", "rss_peak_mib"),
                                                       "{:.0f} / {:.0f}"),
            ("start-up s (a) first figure / (b) warm", ("startup_a_s", "startup_b_s"), "{:.1f} / {:.1f}"),
            ("figure ms p50/p95", ("figure_p50", "figure_p95"), "{:.1f} / {:.1f}"),
            ("narrative ms p50/p95", ("narrative_p50", "narrative_p95"), "{:.0f} / {:.0f}"),
            ("narrative CPU ms p50/p95", ("narrative_cpu_p50", "narrative_cpu_p95"), "{:.0f} / {:.0f}"),
            ("cross-report ms p50/p95", ("cross_p50", "cross_p95"), "{:.0f} / {:.0f}"),
            ("answered fig/narr", ("figure_answered", "narrative_answered"), "{} / {}"),
            ("answered cross", "cross_answered", "{}")]
    lines = ["| " + " | ".join(c[0] for c in cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        cells = []
        for _, key, fmt in cols:
            keys = key if isinstance(key, tuple) else (key,)
            cells.append(fmt.format(*(r[k] for k in keys)) if all(k in r for k in keys) else "–")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--full-ingest-max", type=int, default=100, help="largest N that goes through the real ingest")
    ap.add_argument("--embed-budget", type=float, default=600.0, help="seconds of embedding for a direct build")
    ap.add_argument("--index-max", type=int, default=1000, help="reports in the lexical index of a direct build")
    ap.add_argument("--questions", type=int, default=40, help="timed questions of each kind")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--fill-vectors", action="store_true",
                    help="a direct build: Chroma gets every narrative chunk, real vectors of the --embed-budget sample "
                         "reused for the rest (performance only)")
    ap.add_argument("--build-only", action="store_true", help="build the homes, no serving process")
    ap.add_argument("--work", type=Path, default=Path("/tmp/nianbao-scale"))
    ap.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--vector-reports", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--seed", type=int, default=11, help=argparse.SUPPRESS)
    ap.add_argument("--t0", type=float, help=argparse.SUPPRESS)  # the spawning process's clock at the spawn
    ap.add_argument("--in-process", action="store_true",
                    help="--serve: load the embedding model in the serving process, not in a worker process")
    ap.add_argument("--levers", type=Path, help="a built home: time each lever before/after on it instead")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--breakdown", type=Path, help="a built home: where a serving process's RSS and start-up go")
    args = ap.parse_args(argv)
    if args.breakdown:
        breakdown(args.breakdown)
        return 0
    if args.levers:
        print("| lever | timed | before wall / CPU ms | after wall / CPU ms |\n|---|---|---|---|")
        for name, what, (bw, bc), (aw, ac) in levers(args.levers, args.repeat):
            print(f"| {name} | {what} | {bw:.1f} / {bc:.1f} | {aw:.1f} / {ac:.1f} |", flush=True)
        return 0
    if args.serve:
        print(json.dumps(serving_run(args.serve, args.questions, args.vector_reports, args.seed, args.batch_size,
                                     args.t0, args.in_process)))
        return 0
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", flush=True)
    rows = [run_size(n, args) for n in args.sizes]
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
