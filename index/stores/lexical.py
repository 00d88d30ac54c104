"""BM25 over Chinese: the exact words of a question (an agency's name, 过程性信息, 12345) that an
embedding can blur. Tokens are jieba words plus character bigrams, indexed in SQLite FTS5 (one file,
`lexical/lexical.sqlite`, beside Chroma): nothing is loaded at start-up, every write is a transaction that
other processes see at once, and a kill -9 leaves the last committed state. FTS5 splits only at the spaces
between our tokens (its tokenizer treats every other character as part of a word), so it indexes exactly
what `tokenize` produced; scores are FTS5's BM25 (k1 1.2, b 0.75). Each token's document frequency is kept in
a table beside FTS5 (`vocab`, in the same transactions), so a query never scans a posting list to learn it.

Chosen by measurement against bm25s saved and memory-mapped (bench/lexical_bench.py, docs/benchmarks.md):
bm25s cannot add or remove a document without rebuilding the whole index, FTS5 can.

    lex = LexicalIndex(settings.lexical_path)
    lex.add(chunks)
    lex.query("过程性信息 不予公开", k=5, where={"agency": "平潭综合实验区管委会"})
"""

from __future__ import annotations

import json
import logging
import math
import re
import sqlite3
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from index.models import Chunk
from index.stores.chunks import index_text
from index.stores.vectors import FILTER_KEYS

log = logging.getLogger(__name__)

FILE_NAME = "lexical.sqlite"
LEGACY_FILE = "chunks.jsonl"  # the JSON-lines index of earlier versions: imported once, then removed
TOKENS_VERSION = 2  # bump when what is tokenised changes: stored tokens are then recomputed on open
TOKENIZERS = ("jieba+bigram", "jieba", "bigram")
STOP_WORDS = set("的 了 和 与 及 在 是 对 为 等 将 并 或 其 之 以 于 也 年 件".split())
MAX_RANGES = 16  # a filter over more reports than this is applied to the whole match instead of per report
K1, B = 1.2, 0.75  # FTS5's bm25() constants (fixed there), used where a filtered search scores here
IDF_FLOOR = 1e-6  # FTS5's idf of a token in half the chunks or more: a corpus-wide search leaves those out
VOCAB_VERSION = 1  # bump when what `vocab` holds changes: it is then rebuilt from FTS5 on open
_WORD = re.compile(r"[\u4e00-\u9fff]+|[a-z]+|\d+(?:\.\d+)?")
_COLUMNS = ("id", "report_id", "agency", "year", "template", "section", "kind", "text", "start", "end")  # of a Chunk
# every Unicode category but separators is part of a token: FTS5 then splits at our spaces only
_FTS_TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* M* P* S* C*'"
_BUSY_MS = 30_000
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, report_id TEXT NOT NULL, agency TEXT NOT NULL,
    year INTEGER NOT NULL, template TEXT NOT NULL, section TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, ntok INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS chunks_report ON chunks (report_id);
CREATE INDEX IF NOT EXISTS chunks_agency_year ON chunks (agency, year);
CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5 (tokens, tokenize = "{_FTS_TOKENIZER}");
CREATE TABLE IF NOT EXISTS vocab (token TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
"""


@cache
def load_jieba():
    """jieba, quiet: its logger prints a dictionary-load line at DEBUG on every first use otherwise. Its level is
    set once per process: setting a level clears every logger's cache under logging's module lock without a
    `finally` (Python 3.11), so an answer stopped at its budget (an exception raised in its thread) inside
    `tokenize` could leave that lock held and every later log call of the process waiting on it."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=4096)
def word_tags(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of a text with their part-of-speech tags (热线 n, 继续 v): the question path reads nouns,
    verbs and adverbs by them."""
    import jieba.posseg

    load_jieba()
    return tuple((t.word, t.flag) for t in jieba.posseg.cut(text))


def tokenize(text: str, scheme: str = "jieba+bigram") -> list[str]:
    """Tokens of one text: jieba words (no stop characters) and/or bigrams of each CJK run."""
    text = unicodedata.normalize("NFKC", text).lower()
    tokens: list[str] = []
    if scheme in ("jieba+bigram", "jieba"):
        tokens += [w for w in load_jieba().lcut(text) if w not in STOP_WORDS and not _is_punctuation(w)]
    if scheme in ("jieba+bigram", "bigram"):
        for run in _WORD.findall(text):
            if "\u4e00" <= run[0] <= "\u9fff":
                tokens += [run[i:i + 2] for i in range(len(run) - 1)] or ([run] if run not in STOP_WORDS else [])
            elif scheme == "bigram":
                tokens.append(run)
    return tokens


def _is_punctuation(word: str) -> bool:
    return all(unicodedata.category(c)[0] in "PZSC" for c in word)


def _fts_tokens(tokens: list[str]) -> str:
    """The tokens as FTS5 stores them: whitespace inside a token (none in practice) would split it."""
    return " ".join(t.replace(" ", "") for t in tokens if t.strip())


def _match(tokens: list[str]) -> str:
    """An FTS5 query matching any token; a token repeated in the question counts once per occurrence
    (each is a phrase of its own), as BM25 over a bag of query words does."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in tokens if t.strip())


def _chunk(row: sqlite3.Row) -> Chunk:
    return Chunk(**{k: row[k] for k in _COLUMNS})


class LexicalIndex:
    """Chunks by id with their tokens in FTS5; BM25 search over all of them, filtered by metadata."""

    def __init__(self, path: Path | str, scheme: str = "jieba+bigram"):
        if scheme not in TOKENIZERS:
            raise ValueError(f"scheme must be one of {', '.join(TOKENIZERS)}")
        self.path, self.scheme = Path(path), scheme
        self._local = threading.local()  # one connection per thread (sqlite3 connections are not shared)
        self.path.mkdir(parents=True, exist_ok=True)
        self.created = not self.file.exists()
        self._db().executescript(_SCHEMA)  # idempotent: also completes a file a kill -9 left without its schema
        self._check_scheme()
        self._check_vocab()
        self.imported = self._import_legacy()

    @property
    def file(self) -> Path:
        return self.path / FILE_NAME

    @property
    def name(self) -> str:
        return str(self.file)

    # ---- connections ---------------------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.file, timeout=_BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL: a power cut may lose the last commits, never corrupt
            self._local.db = db
        return db

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: writers in other processes wait their turn)."""
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        self._local.stats = None  # data_version does not change for this connection's own commits

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    def _check_scheme(self) -> None:
        """Stored tokens of another scheme or tokenizer version are recomputed from the stored text."""
        want = json.dumps([self.scheme, TOKENS_VERSION])
        row = self._db().execute("SELECT value FROM meta WHERE key = 'tokens'").fetchone()
        if row is not None and row[0] == want:
            return
        with self._write() as db:
            rows = db.execute("SELECT * FROM chunks").fetchall()
            if rows:
                log.info("lexical index %s: re-tokenising %d chunks (%s)", self.file, len(rows), self.scheme)
                db.execute("DELETE FROM terms")
                db.execute("DELETE FROM meta WHERE key IN ('tokens_total', 'vocab')")  # vocab: rebuilt next
                for r in rows:
                    self._insert_terms(db, r["n"], tokenize(index_text(_chunk(r)), self.scheme))
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('tokens', ?)", (want,))

    def _check_vocab(self) -> None:
        """Document frequencies of another version (or none: a file of an earlier version) are recounted from
        FTS5's vocabulary once (2.7 s at 620,000 chunks)."""
        row = self._db().execute("SELECT value FROM meta WHERE key = 'vocab'").fetchone()
        if row is None or row[0] != str(VOCAB_VERSION):
            with self._write() as db:
                db.execute("DELETE FROM vocab")
                db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_vocab USING fts5vocab(main, terms, 'row')")
                db.execute("INSERT INTO vocab (token, df) SELECT term, doc FROM temp.terms_vocab")
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('vocab', ?)", (str(VOCAB_VERSION),))

    def _import_legacy(self) -> int:
        """A home built by the JSON-lines index: its chunks (and their tokens, when of this scheme) move into
        FTS5 once, and the file is removed. Nothing is embedded again."""
        legacy = self.path / LEGACY_FILE
        if not legacy.exists():
            return 0
        with self._write() as db:
            if not legacy.exists():  # another process imported it meanwhile
                return 0
            n = 0
            try:
                with legacy.open(encoding="utf-8") as f:
                    head = json.loads(f.readline() or "{}")
                    same = (head.get("scheme"), head.get("version")) == (self.scheme, TOKENS_VERSION)
                    for line in f:
                        row = json.loads(line)
                        chunk = Chunk(**row["chunk"])
                        self._insert(db, [chunk], [row["tokens"]] if same else None)
                        n += 1
            except (OSError, ValueError, KeyError) as e:
                log.warning("legacy lexical index %s is unreadable (%s); the next ingest re-indexes from the store",
                            legacy, e)
            legacy.unlink()
        log.info("lexical index: imported %d chunks from %s into %s", n, legacy, self.file)
        return n

    # ---- changes (each one a committed transaction) -----------------------------------------------
    def _insert(self, db: sqlite3.Connection, chunks: list[Chunk], tokens: list[list[str]] | None = None) -> None:
        ids = [c.id for c in chunks]
        self._delete_where(db, f"id IN ({','.join('?' * len(ids))})", ids)
        df: Counter = Counter()
        for i, c in enumerate(chunks):
            cur = db.execute(f"INSERT INTO chunks ({', '.join(map(_quote, _COLUMNS))}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                             [getattr(c, k) for k in _COLUMNS])
            terms = self._insert_terms(db, cur.lastrowid, tokens[i] if tokens is not None else
                                       tokenize(index_text(c), self.scheme))
            df.update(set(terms))
        db.executemany("INSERT INTO vocab (token, df) VALUES (?, ?) "
                       "ON CONFLICT (token) DO UPDATE SET df = df + excluded.df", df.items())

    @staticmethod
    def _insert_terms(db: sqlite3.Connection, n: int, tokens: list[str]) -> list[str]:
        """A chunk's tokens into FTS5, their number beside the chunk and in the running total (BM25's
        average length, which the filtered search needs and FTS5 does not expose); the terms as stored."""
        stored = _fts_tokens(tokens)
        terms = stored.split()
        db.execute("INSERT INTO terms (rowid, tokens) VALUES (?, ?)", (n, stored))
        db.execute("UPDATE chunks SET ntok = ? WHERE n = ?", (len(terms), n))
        _add_total(db, len(terms))
        return terms

    @staticmethod
    def _delete_where(db: sqlite3.Connection, where: str, args: list) -> None:
        gone = db.execute(f"SELECT coalesce(sum(ntok), 0) FROM chunks WHERE {where}", args).fetchone()[0]
        _add_total(db, -gone)
        rows = f"SELECT n FROM chunks WHERE {where}"
        df = Counter(t for (tokens,) in db.execute(f"SELECT tokens FROM terms WHERE rowid IN ({rows})", args)
                     for t in set(tokens.split()))
        db.executemany("UPDATE vocab SET df = df - ? WHERE token = ?", [(d, t) for t, d in df.items()])
        db.execute("DELETE FROM vocab WHERE df <= 0")
        db.execute(f"DELETE FROM terms WHERE rowid IN ({rows})", args)
        db.execute(f"DELETE FROM chunks WHERE {where}", args)

    def add(self, chunks: Iterable[Chunk]) -> int:
        """Add (or replace, by id) chunks; tokenised before the transaction so other writers wait less."""
        unique = list({c.id: c for c in chunks}.values())
        if not unique:
            return 0
        tokens = [tokenize(index_text(c), self.scheme) for c in unique]
        with self._write() as db:
            for i in range(0, len(unique), 500):  # SQLite's limit on bound parameters
                self._insert(db, unique[i:i + 500], tokens[i:i + 500])
        return len(unique)

    def delete_report(self, report_id: str) -> None:
        with self._write() as db:
            self._delete_where(db, "report_id = ?", [report_id])

    def save(self) -> None:
        """Nothing to do: every change is committed as it is made (kept for callers of the file-based index)."""

    @property
    def unsaved(self) -> bool:
        return False

    # ---- reads -------------------------------------------------------------------------------------
    def report_ids(self, kinds: tuple[str, ...] | None = None) -> dict[str, int]:
        """Chunks per report (of these kinds only, when given)."""
        sql, args = "SELECT report_id, count(*) FROM chunks", []
        if kinds is not None:
            sql += f" WHERE kind IN ({','.join('?' * len(kinds))})"
            args = list(kinds)
        return dict(self._db().execute(sql + " GROUP BY report_id", args).fetchall())

    def count(self) -> int:
        return self._db().execute("SELECT count(*) FROM chunks").fetchone()[0]

    def _stats(self, db: sqlite3.Connection) -> _Stats:
        """Chunks and their average length, kept while no commit (of any process) changed the file."""
        version = db.execute("PRAGMA data_version").fetchone()[0]
        stats = getattr(self._local, "stats", None)
        if stats is None or stats.version != version:
            n = self.count()
            row = db.execute("SELECT value FROM meta WHERE key = 'tokens_total'").fetchone()
            stats = self._local.stats = _Stats(version, n, (int(row[0]) if row else 0) / max(n, 1))
        return stats

    @staticmethod
    def _df(db: sqlite3.Connection, tokens: list[str]) -> dict[str, int]:
        """Chunks holding each token the index holds."""
        return dict(db.execute("SELECT token, df FROM vocab WHERE token IN (SELECT value FROM json_each(?))",
                               [json.dumps(list(dict.fromkeys(tokens)), ensure_ascii=False)]))

    def frequencies(self, tokens: list[str]) -> dict[str, int]:
        """Chunks holding each of these tokens (jieba words or character pairs) that the index holds."""
        return self._df(self._db(), tokens) if tokens else {}

    def contains(self, phrase: str) -> bool:
        """Whether any chunk holds the phrase: the chunks holding all its tokens (an index intersection, fast
        at any size), then the text itself. Answers "does any report mention X" without ranking the corpus."""
        tokens = [t for t in dict.fromkeys(tokenize(phrase, self.scheme)) if t.strip()]
        if not tokens:
            return False
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in tokens)
        rows = self._db().execute("SELECT c.text FROM terms JOIN chunks c ON c.n = terms.rowid WHERE terms MATCH ? "
                                  "LIMIT 50", [match]).fetchall()
        return any(phrase.lower() in (r[0] or "").lower() for r in rows)

    def chunks(self, report_id: str) -> list[Chunk]:
        """A report's chunks in the order they were added."""
        rows = self._db().execute("SELECT * FROM chunks WHERE report_id = ? ORDER BY n", (report_id,))
        return [_chunk(r) for r in rows]

    def query(self, text: str, k: int = 5, where: dict | None = None) -> list[tuple[Chunk, float]]:
        """The k best chunks by BM25 (only those sharing a token with the query), best first.

        FTS5 scores every chunk that matches a token, so its cost is the matches, not the results. A filter
        on a few reports (what the assistant asks once it knows the report) therefore reads those reports'
        chunks (a report's chunks are added together: one rowid range) and scores them here, with FTS5's
        formula and the whole corpus's statistics; a search over the whole corpus (or many reports) is FTS5's
        own (`ranked`), leaving out tokens in half the chunks or more (no BM25 weight, and they match most of
        the corpus)."""
        tokens = [t for t in tokenize(text, self.scheme) if t.strip()]
        if not tokens or k <= 0:
            return []
        db = self._db()
        clauses, args = _where(where)
        ranges = []
        if clauses and "report_id" in where:
            ranges = db.execute(f"SELECT min(n), max(n) FROM chunks WHERE {clauses} GROUP BY report_id", args).fetchall()
            if not ranges:
                return []
        if ranges and len(ranges) <= MAX_RANGES:
            rows = []
            for lo, hi in ranges:
                rows += db.execute("SELECT c.*, t.tokens FROM chunks c JOIN terms t ON t.rowid = c.n "
                                   f"WHERE c.n BETWEEN ? AND ? AND {clauses}", [lo, hi, *args]).fetchall()
            scored = self._score(db, tokens, rows)
        else:  # the whole corpus, or a filter over many reports
            scored = self.ranked(db, tokens, k, clauses, args)
        best = sorted(scored, key=lambda x: -x[1])[:k]
        return [(_chunk(r), float(score)) for r, score in best if score > 0]

    def ranked(self, db: sqlite3.Connection, tokens: list[str], k: int, clauses: str = "", args: list = ()) -> list:
        """FTS5's bm25() ranking of every chunk that matches an informative token; its cost grows with the
        matches. Unfiltered, FTS5 ranks alone and only the k best are read (joining every match to its chunk
        was a third of the time); a filter needs that join (filtering FTS5's best 2,000 instead was no faster
        at the median and twice as slow where few of them pass: bench/lexical_bench.py)."""
        match = _match(self._informative(db, tokens))
        if not match:  # no token of the query is in the index
            return []
        if clauses:
            rows = db.execute("SELECT c.*, -bm25(terms) AS score FROM terms JOIN chunks c ON c.n = terms.rowid "
                              f"WHERE terms MATCH ? AND {clauses} ORDER BY bm25(terms) LIMIT ?",
                              [match, *args, k]).fetchall()
            return [(r, r["score"]) for r in rows]
        score = dict(db.execute("SELECT rowid, -bm25(terms) FROM terms WHERE terms MATCH ? ORDER BY bm25(terms) "
                                "LIMIT ?", [match, k]).fetchall())
        rows = db.execute("SELECT * FROM chunks WHERE n IN (SELECT value FROM json_each(?))", [json.dumps(list(score))])
        return [(r, score[r["n"]]) for r in rows]

    def _score(self, db: sqlite3.Connection, tokens: list[str], rows: list[sqlite3.Row]) -> list[tuple]:
        """FTS5's bm25() over these chunks: each query token (as often as it occurs) adds
        idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average length))."""
        stats, df = self._stats(db), self._df(db, tokens)
        idf = {t: _idf(stats.n, f) for t, f in df.items()}
        query = Counter(t for t in tokens if t in idf)
        out = []
        for r in rows:
            stored = f" {r['tokens'].replace(' ', '  ')} "  # each token between its own two spaces: counted whole
            tf = {t: stored.count(f" {t} ") for t in query}
            norm = K1 * (1 - B + B * r["ntok"] / max(stats.avg, 1e-9))
            score = sum(q * idf[t] * tf[t] * (K1 + 1) / (tf[t] + norm) for t, q in query.items() if tf[t])
            out.append((r, score))
        return out

    def _informative(self, db: sqlite3.Connection, tokens: list[str]) -> list[str]:
        return informative(tokens, self._stats(db).n, self._df(db, tokens))


def informative(tokens: list[str], n: int, df: dict[str, int]) -> list[str]:
    """The query tokens the index holds, without those in half the chunks or more (FTS5's idf of them is 1e-6:
    they change no ranking and have the longest postings); the two rarest when every token is that common."""
    held = [t for t in tokens if t in df]
    keep = [t for t in held if _idf(n, df[t]) > IDF_FLOOR]
    return keep or sorted(held, key=lambda t: df[t])[:2]


def _idf(n: int, df: int) -> float:
    """FTS5's idf: log((N - n + 0.5) / (n + 0.5)), at least 1e-6."""
    return max(math.log((n - df + 0.5) / (df + 0.5)), IDF_FLOOR)


@dataclass
class _Stats:
    version: int  # PRAGMA data_version they were read at
    n: int  # chunks
    avg: float  # tokens per chunk


def _add_total(db: sqlite3.Connection, delta: int) -> None:
    db.execute("INSERT INTO meta (key, value) VALUES ('tokens_total', ?) "
               "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + excluded.value", (delta,))


def _quote(column: str) -> str:
    return f'"{column}"'


def _where(where: dict | None, mark: str = "?", prefix: str = "") -> tuple[str, list]:
    """Filters as SQL over the chunks table: equality, or IN for a list of values (`mark`: the driver's
    placeholder; `prefix`: the table's alias and a dot)."""
    clauses, args = [], []
    for key, value in (where or {}).items():
        if key not in FILTER_KEYS:
            raise ValueError(f"unknown filter {key!r}; use one of {', '.join(FILTER_KEYS)}")
        if value is None:
            continue
        values = list(value) if isinstance(value, list | tuple | set) else [value]
        clauses.append(f"{prefix}{key} IN ({','.join([mark] * len(values))})")
        args += values
    return " AND ".join(clauses), args
