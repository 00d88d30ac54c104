"""Lexical engines compared on the same tokens (jieba words + bigrams): SQLite FTS5 (`index.stores.lexical`, what an
embedded home uses), bm25s (Lucene BM25, k1 1.5, what the earlier in-memory index scored like) saved and loaded
with memory mapping, and, given a PostgreSQL server (`--pg ADMIN_URL`: a database is created there and dropped
after), the PostgreSQL index of server mode (`index.stores.shared_lexical.PostgresLexicalIndex`: FTS5's BM25 from
stored term counts) beside PostgreSQL's own ranking (`ts_rank` over a `tsvector` of the same tokens, GIN index).
Two parts:

1. quality: lexical retrieval of the narrative questions over the bundled corpus (scopes as retrieval_bench); with
   PostgreSQL, how many of FTS5's results it returns alike (corpus, report and cross-report searches), and with
   `--model` the hybrid retrieval (bundled model + each lexical engine) as retrieval_bench measures it;
2. scale: the bundled chunks' tokens copied under made-up report ids up to N chunks (each copy drops a random
   third of its tokens and takes a slice of another chunk's: pure copies tie by the hundred); per engine the
   build time, size on disk, and, in a fresh process, the open time, the RSS it adds, and query latency over
   the whole corpus (k 20), across the corpus's passages (kind text, k 120: the assistant's cross-report
   search) and filtered to one report; for FTS5 also the third pass's corpus-wide query on the same index
   (before) and how many of its top-k scores today's returns too; for PostgreSQL how many of FTS5's.

    python bench/lexical_bench.py [--chunks 100000 620000] [--pg postgresql+psycopg://postgres@host:port/postgres]
                                  [--model] [--engines fts5 bm25s postgres ts_rank]
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
from index.models import Chunk  # noqa: E402
from index.stores.chunks import chunk_report, index_text  # noqa: E402
from index.stores.lexical import LexicalIndex, _fts_tokens, _match, _where, informative, tokenize  # noqa: E402
from index.stores.retrieve import Hit  # noqa: E402
from index.stores.shared_lexical import _CHUNK_COLUMNS, _COLUMNS, PostgresLexicalIndex  # noqa: E402
from index.stores.store import Store  # noqa: E402

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


class Server:
    """Databases of the bench on a PostgreSQL server (an admin URL), each dropped at the end."""

    def __init__(self, admin_url: str):
        from sqlalchemy import create_engine

        self.admin, self.names = admin_url, []
        self.engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")

    def database(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        name = f"lexbench_{name}_{os.getpid()}"
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            conn.exec_driver_sql(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' "
                                 "TEMPLATE template0")
        self.names.append(name)
        return make_url(self.admin).set(database=name).render_as_string(hide_password=False)

    def close(self) -> None:
        with self.engine.connect() as conn:
            for name in self.names:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.engine.dispose()


def pg_size_mib(lex: PostgresLexicalIndex, tables=("lex_chunks", "lex_postings", "lex_vocab", "lex_stats")) -> float:
    with lex._cursor() as cur:
        cur.execute("SELECT sum(pg_total_relation_size(t::regclass)) FROM unnest(%s::text[]) AS t", [list(tables)])
        return cur.fetchone()[0] / 2**20


def vacuum(url: str) -> None:
    """What autovacuum does soon after a bulk load: statistics for the planner, and the visibility map that lets a
    ranking read the postings' index alone."""
    from sqlalchemy import create_engine

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(tokens: list[str]) -> str:
    """The tokens as a tsvector literal (lexemes and their positions, at most 256 each): PostgreSQL's parser
    is not run on them (in a C-locale database it drops CJK characters)."""
    positions: dict[str, list[int]] = {}
    for i, t in enumerate(_fts_tokens(tokens).split(), 1):
        positions.setdefault(t, []).append(min(i, 16383))
    return " ".join(f"{_lexeme(t)}:{','.join(map(str, p[:256]))}" for t, p in positions.items())


class TsRank:
    """PostgreSQL's own ranking of the same tokens: a tsvector per chunk beside the PostgreSQL index's tables, a GIN
    index, `ts_rank(tsv, query, 1)` (divided by 1 + log of the length). The query's tokens as the BM25 search
    takes them (corpus-wide its informative ones)."""

    def __init__(self, lex: PostgresLexicalIndex, tokens: list[list[str]] | None = None):
        self.lex = lex
        if tokens is None:
            return
        with lex._cursor(write=True) as cur:
            cur.execute("CREATE TABLE bench_tsv (n integer PRIMARY KEY, tsv tsvector NOT NULL)")
            cur.execute("SELECT n FROM lex_chunks ORDER BY n")
            ns = [n for (n,) in cur.fetchall()]
            with cur.copy("COPY bench_tsv (n, tsv) FROM STDIN") as copy:
                for n, t in zip(ns, tokens, strict=True):
                    copy.write_row((n, tsvector(t)))
            cur.execute("CREATE INDEX bench_tsv_gin ON bench_tsv USING gin (tsv)")

    def query(self, text: str, k: int, where: dict | None = None) -> list[tuple[Chunk, float]]:
        tokens = [t for t in tokenize(text) if t.strip()]
        clauses, args = _where(where, "%s", "c.")
        with self.lex._cursor() as cur:
            n, _, vocab = self.lex._lookup(cur, tokens)
            df = {t: d for t, (_, d) in vocab.items()}
            held = [t for t in tokens if t in df] if where and "report_id" in where else informative(tokens, n, df)
            if not held:
                return []
            query = " | ".join(map(_lexeme, dict.fromkeys(held)))
            if clauses:
                sql = ("SELECT b.n, ts_rank(b.tsv, q, 1) AS score FROM bench_tsv b JOIN lex_chunks c ON c.n = b.n, "
                       f"CAST(%s AS tsquery) q WHERE b.tsv @@ q AND {clauses}")
            else:
                sql = "SELECT b.n, ts_rank(b.tsv, q, 1) AS score FROM bench_tsv b, CAST(%s AS tsquery) q WHERE b.tsv @@ q"
            cur.execute(f"SELECT {_CHUNK_COLUMNS}, t.score FROM ({sql} ORDER BY 2 DESC, 1 LIMIT %s) t "
                        "JOIN lex_chunks c ON c.n = t.n ORDER BY t.score DESC, t.n", [query, *args, k])
            return [(Chunk(**dict(zip(_COLUMNS, r, strict=False))), float(r[-1])) for r in cur.fetchall()]


def pg_quality_index(server: Server, reports, chunks) -> PostgresLexicalIndex:
    """The bundled reports in a fresh database (committed, so their chunks count) and the PostgreSQL index."""
    store = Store(server.database("quality"))
    for r in reports:
        store.upsert(r)
    lex = PostgresLexicalIndex(store)
    lex.add(chunks)
    vacuum(store.url)
    return lex


def alike(got: list[tuple[str, float]], want: list[tuple[str, float]]) -> tuple[int, int, int]:
    """(positions, positions with FTS5's score, positions with FTS5's chunk) of one search."""
    same_score = sum(abs(a[1] - b[1]) <= 1e-9 * max(abs(b[1]), 1) for a, b in zip(got, want, strict=False))
    same_id = sum(a[0] == b[0] for a, b in zip(got, want, strict=False))
    return max(len(got), len(want)), same_score, same_id


def hits_of(index):
    return lambda q, k, f: [Hit(chunk=c, score=s, method="lexical") for c, s in index.query(q, k, f)]


def quality(reports, chunks, home: Path, server: Server | None = None, model: bool = False) -> None:
    questions = load_questions(DEFAULT_QUESTIONS, reports)
    texts = {r.id: r.text for r in reports}
    lex = LexicalIndex(home / "fts5")
    lex.add(chunks)
    bm = Bm25sIndex(home / "bm25s", chunks, [tokenize(index_text(c)) for c in chunks])
    by_id = {c.id: c for c in chunks}
    indexes = {"FTS5 (bm25: k1 1.2)": lex}
    if server is not None:
        pg = pg_quality_index(server, reports, chunks)
        indexes["PostgreSQL (FTS5's bm25)"] = pg
        indexes["PostgreSQL ts_rank (GIN)"] = TsRank(pg, [tokenize(index_text(c)) for c in chunks])
        vacuum(pg.store.url)
    engines = {name: hits_of(x) for name, x in indexes.items()}
    engines["bm25s (lucene, k1 1.5)"] = lambda q, k, f: [Hit(chunk=by_id[i], score=s, method="lexical")
                                                         for i, s in bm.query(q, k, f)]
    print(f"\n## Quality ({len(questions)} narrative questions, {len(chunks)} chunks)\n")
    print("| engine | scope | R@1 | R@3 | R@5 | MRR@10 | p50 ms | p95 ms |\n| --- | --- | --- | --- | --- | --- | --- | --- |")
    for scope in ("corpus", "report"):
        for name, search in engines.items():
            s = evaluate(search, questions, texts, scope)
            ms = [x * 1000 for x in s.seconds]
            print(f"| {name} | {scope} | {s.recall(1):.2f} | {s.recall(3):.2f} | {s.recall(5):.2f} | {s.mrr():.3f} "
                  f"| {statistics.median(ms):.1f} | {percentile(ms, 0.95):.1f} |")
    if server is None:
        return
    print("\nPostgreSQL against FTS5, the same searches (positions with FTS5's score; with its chunk):\n")
    print("| scope | searches | positions | same score | same chunk |\n| --- | --- | --- | --- | --- |")
    for scope, (k, where) in {"corpus": (10, None), "report": (10, "report"), "cross": (120, {"kind": "text"})}.items():
        total = [0, 0, 0]
        for q in questions:
            f = {"report_id": q.targets[0][0]} if where == "report" else where
            got = [(c.id, x) for c, x in pg.query(q.text, k, f)]
            for i, v in enumerate(alike(got, [(c.id, x) for c, x in lex.query(q.text, k, f)])):
                total[i] += v
        print(f"| {scope} (k {k}) | {len(questions)} | {total[0]} | {total[1] / max(total[0], 1):.4f} "
              f"| {total[2] / max(total[0], 1):.4f} |")
    if model:
        hybrid(reports, chunks, home, questions, texts, {"FTS5": lex, "PostgreSQL": pg})


def hybrid(reports, chunks, home: Path, questions, texts, lexicals: dict) -> None:
    """retrieval_bench's hybrid rows (bundled model, narrative chunks in Chroma) with each lexical engine."""
    from index.settings import Settings
    from index.stores.chunks import dense_chunks
    from index.stores.embed import get_embedder
    from index.stores.retrieve import Retriever
    from index.stores.vectors import VectorStore

    models = Settings().model_cache
    models.mkdir(parents=True, exist_ok=True)
    os.symlink(models, home / "models")
    settings = Settings(home=home)
    vectors = VectorStore(settings, get_embedder(settings))
    vectors.add(dense_chunks(chunks))
    print("\n| retrieval | lexical engine | scope | R@1 | R@3 | R@5 | MRR@10 | p50 ms | p95 ms |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for scope in ("corpus", "report"):
        for method, fusion in (("lexical", "weighted"), ("hybrid", "rrf"), ("hybrid", "weighted")):
            for name, lx in lexicals.items():
                r = Retriever(vectors, lx, method, fusion=fusion)
                r.search("政府信息公开", 3)
                s = evaluate(r.search, questions, texts, scope)
                ms = [x * 1000 for x in s.seconds]
                label = method if method == "lexical" else f"hybrid ({fusion})"
                print(f"| {label} | {name} | {scope} | {s.recall(1):.2f} | {s.recall(3):.2f} | {s.recall(5):.2f} "
                      f"| {s.mrr():.3f} | {statistics.median(ms):.0f} | {percentile(ms, 0.95):.0f} |")


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


def build_pg(url: str, many: list, many_tokens: list[list[str]]) -> PostgresLexicalIndex:
    """The made-up reports committed (so their chunks count), then their chunks, 5,000 a transaction."""
    store = Store(url)
    first = {}
    for c in many:
        first.setdefault(c.report_id, c)
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO reports (id, file_name, file_sha256, agency, year, template, title, text, ingested_at) "
            "VALUES (%(id)s, %(file)s, '', %(agency)s, %(year)s, %(template)s, '', '', '')",
            [{"id": rid, "file": rid, "agency": c.agency, "year": c.year, "template": c.template} for rid, c in first.items()])
    lex = PostgresLexicalIndex(store)
    for i in range(0, len(many), 5000):
        with lex._cursor(write=True) as cur:
            lex._insert(cur, many[i:i + 5000], [_fts_tokens(t).split() for t in many_tokens[i:i + 5000]])
    vacuum(url)
    return lex


def scale(chunks, n: int, home: Path, engines: list[str], server: Server | None = None) -> None:
    many = scaled(chunks, n)
    many_tokens = scaled_tokens([tokenize(index_text(c)) for c in chunks], n)
    rid = many[len(many) // 2].report_id
    print(f"\n## Scale: {n} chunks\n")
    print("| engine | build s CPU (wall) | disk MiB | open ms | RSS added MiB | corpus p50/p95 ms | cross p50/p95 ms "
          "| one report p50/p95 ms | third pass: corpus ; cross p50/p95 ms | top-k scores as the third pass (FTS5) "
          "or as FTS5 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    scores, pg = {}, None
    for engine in engines:
        d = home / f"{engine}-{n}"
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        t, wall = time.process_time(), time.perf_counter()
        where = str(d)
        if engine == "fts5":
            lex = LexicalIndex(d)
            with lex._write() as db:
                for i in range(0, n, 500):
                    lex._insert(db, many[i:i + 500], many_tokens[i:i + 500])
            lex.close()
        elif engine == "bm25s":
            Bm25sIndex(d, many, many_tokens)
        elif engine == "postgres":
            where = server.database(f"scale{n}")
            pg = (build_pg(where, many, many_tokens), where)
        elif engine == "ts_rank" and pg is not None:  # beside the PostgreSQL index's tables (its chunk numbers)
            TsRank(pg[0], many_tokens)
            vacuum(pg[1])
            where = pg[1]
        else:
            continue
        build, wall = time.process_time() - t, time.perf_counter() - wall
        if engine == "postgres":
            disk = pg_size_mib(pg[0])
        elif engine == "ts_rank":
            disk = pg_size_mib(pg[0], ("bench_tsv",))
        else:
            disk = sum(p.stat().st_size for p in d.rglob("*") if p.is_file()) / 2**20
        out = subprocess.run([sys.executable, __file__, "--serve", engine, where, rid], capture_output=True,
                             text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        scores[engine] = r.pop("scores")
        exact = (f"{r['before_corpus'][0]:.0f} / {r['before_corpus'][1]:.0f} ; {r['before_cross'][0]:.0f} / "
                 f"{r['before_cross'][1]:.0f} | {r['equal']:.3f}" if "equal" in r else "– | –")
        if engine in ("postgres", "ts_rank", "bm25s") and "fts5" in scores:
            same = [alike(list(enumerate(scores[engine][key])), list(enumerate(want))) for key, want in scores["fts5"].items()]
            exact = f"– | {sum(x[1] for x in same) / max(1, sum(x[0] for x in same)):.3f}"
        print(f"| {engine} | {build:.1f} ({wall:.0f}) | {disk:.0f} | {r['open_ms']:.0f} | {r['rss_added']:.0f} | "
              f"{r['corpus'][0]:.1f} / {r['corpus'][1]:.1f} | {r['cross'][0]:.1f} / {r['cross'][1]:.1f} | "
              f"{r['report'][0]:.1f} / {r['report'][1]:.1f} | {exact} |")
        shutil.rmtree(d, ignore_errors=True)


def open_engine(engine: str, where: str):
    if engine == "fts5":
        return LexicalIndex(Path(where))
    if engine == "bm25s":
        return Bm25sIndex(Path(where))
    lex = PostgresLexicalIndex(Store(where))
    return lex if engine == "postgres" else TsRank(lex)


def serve(engine: str, where: str, report_id: str) -> None:
    """In a fresh process: open the index, then time the queries (first query warms jieba, left out)."""
    tokenize("预热")
    before = rss_mib()
    t = time.perf_counter()
    idx = open_engine(engine, where)
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
    out = {"open_ms": open_ms, "rss_added": rss_mib() - before, "peak": peak, **timings,
           "scores": {f"{scope}|{q}": v for (scope, q), v in got.items()}}
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
    ap.add_argument("--pg", metavar="ADMIN_URL", help="a PostgreSQL server for the PostgreSQL engines")
    ap.add_argument("--model", action="store_true", help="also hybrid retrieval with the bundled model (with --pg)")
    ap.add_argument("--engines", nargs="*", default=["fts5", "bm25s", "postgres", "ts_rank"],
                    help="engines of the scale part (postgres and ts_rank need --pg)")
    ap.add_argument("--no-quality", action="store_true", help="the scale part only")
    ap.add_argument("--serve", nargs=3, metavar=("ENGINE", "WHERE", "REPORT_ID"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve:
        serve(*args.serve)
        return 0
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    home = Path(tempfile.mkdtemp(prefix="nianbao-lexbench-"))
    server = Server(args.pg) if args.pg else None
    engines = [e for e in args.engines if server is not None or e not in ("postgres", "ts_rank")]
    try:
        reports = parse_corpus(bundled_reports())
        chunks = [c for r in reports for c in chunk_report(r)]
        if not args.no_quality:
            quality(reports, chunks, home, server, args.model)
        for n in args.chunks:
            scale(chunks, n, home, engines, server)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if server is not None:
            server.close()
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
