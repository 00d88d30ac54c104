"""The lexical index of server mode, where several `nianbao serve`/`ingest` processes on different machines share
one PostgreSQL database (`NIANBAO_DB_URL`) and the Chroma server. Two forms, chosen by `Settings.lexical`:

- `PostgresLexicalIndex` (the default on PostgreSQL): the index lives in that database beside the reports, so every
  host reads the same one: a report another host committed is found at the next query, with no sync step and
  nothing rebuilt on a new host. Same tokens and the same BM25 scores as the FTS5 index.
- `SharedLexicalIndex` (`NIANBAO_LEXICAL=fts5`): each home keeps its FTS5 file and follows the store: reports
  another process committed are chunked from the store (no embedding: the vectors are already in the shared
  Chroma) and added here; reports it removed are dropped here.

    lex = PostgresLexicalIndex(store)             # store: a PostgreSQL Store
    lex = SharedLexicalIndex(settings.lexical_path, store)
    lex.query("过程性信息", k=5)                    # (the FTS5 one syncs first, at most every SYNC_SECONDS)
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

from index.errors import StoreError
from index.models import Chunk
from index.stores.chunks import chunk_report, index_text
from index.stores.lexical import (
    _COLUMNS,
    K1,
    MAX_RANGES,
    TOKENIZERS,
    TOKENS_VERSION,
    B,
    LexicalIndex,
    _fts_tokens,
    _idf,
    _quote,
    _where,
    informative,
    tokenize,
)

log = logging.getLogger(__name__)

SYNC_SECONDS = 2.0  # queries look at the store at most this often; report_ids() always does


class SharedLexicalIndex(LexicalIndex):
    """A LexicalIndex that pulls committed additions and removals from the shared store."""

    def __init__(self, path: Path | str, store, scheme: str = "jieba+bigram"):
        self._store = store
        self._known: set[str] = set()  # the store's report ids at the last sync
        self._synced_at = float("-inf")
        self._sync_lock = threading.Lock()
        super().__init__(path, scheme)

    def sync(self) -> tuple[int, int]:
        """Add the store's reports missing here, drop those the store removed since the last sync; (added,
        dropped). Only removals seen in the store are dropped: chunks this process is adding for a report
        it has not committed yet are left alone."""
        with self._sync_lock:
            try:
                stored = self._store.ids()
            except StoreError as e:  # the database is briefly unreachable: answer from what is here
                log.warning("lexical index not synced with the shared store: %s", e)
                return 0, 0
            here = set(super().report_ids())
            gone = sorted((self._known - stored) & here)
            added = 0
            for rid in gone:
                self.delete_report(rid)
            for rid in sorted(stored - here):
                try:
                    self.add(chunk_report(self._store.report(rid)))
                    added += 1
                except StoreError:  # removed between the two queries: the next sync sees it gone
                    continue
            self._known, self._synced_at = stored, time.monotonic()
            if added or gone:
                log.info("lexical index synced with the shared store: %d reports added, %d dropped", added, len(gone))
            return added, len(gone)

    def _maybe_sync(self) -> None:
        if time.monotonic() - self._synced_at >= SYNC_SECONDS:
            self.sync()

    def query(self, text: str, k: int = 5, where: dict | None = None):
        self._maybe_sync()
        return super().query(text, k, where)

    def frequencies(self, tokens: list[str]) -> dict[str, int]:
        self._maybe_sync()
        return super().frequencies(tokens)

    def contains(self, phrase: str) -> bool:
        """Synced first, as `query` is: the assistant's coverage check asks this before any search, and a new home
        that had not synced yet declined figure questions as recorded in no report."""
        self._maybe_sync()
        return super().contains(phrase)

    def report_ids(self, kinds: tuple[str, ...] | None = None) -> dict[str, int]:
        self.sync()  # callers compare stores: always current
        return super().report_ids(kinds)


# ---- the lexical index in PostgreSQL itself ----------------------------------------------------------------
_LEXICAL_LOCK = 7167  # PostgreSQL advisory lock key of lexical writes (7165: migrations, 7166: writers)
_CHUNK_COLUMNS = ", ".join(f'c."{k}"' for k in _COLUMNS)
_VISIBLE = "EXISTS (SELECT 1 FROM reports r WHERE r.id = c.report_id)"
SLACK = 16  # rows ranked beyond k, so that chunks of a report not (or no longer) committed can be passed over
KINDS = ("text", "table_row")  # a chunk's kind as its postings store it: the index in this tuple
MAX_TF = 32_767  # a token's count in one chunk as stored (smallint)


class PostgresLexicalIndex:
    """The lexical index of server mode, in the structured store's PostgreSQL database (tables `lex_*`, migration
    5): the same tokens as `LexicalIndex` and the same BM25 (FTS5's constants and idf), so every host reads one
    index, sees each write at once and never syncs or rebuilds one of its own.

    A chunk counts once its report is committed (queries join `reports`): the writer indexes a report's chunks
    before it commits the report (index/ingest.py), so other hosts find its passages exactly when they find the
    report, lose them when it is removed, and never see the leftovers of a writer killed between the two (the
    next ingest's reconcile removes them; `report_ids()` lists them so that it can). Scores are computed from
    stored term counts: `lex_postings` holds each (token, chunk) with the token's count and the chunk's length and
    kind (a kind filter is applied there), `lex_vocab` the document frequencies, `lex_stats` the totals; a ranking reads only the postings of the
    query's tokens (those in half the chunks or more are left out corpus-wide, as FTS5's idf gives them 1e-6)."""

    def __init__(self, store, scheme: str = "jieba+bigram"):
        if scheme not in TOKENIZERS:
            raise ValueError(f"scheme must be one of {', '.join(TOKENIZERS)}")
        if store.engine.dialect.name != "postgresql":
            raise ValueError(f"the PostgreSQL lexical index needs a PostgreSQL store, not {store.engine.dialect.name}")
        import psycopg  # the postgres extra, which a PostgreSQL store already needs

        self._errors = psycopg.Error
        self.store, self.scheme = store, scheme
        self.name = f"PostgreSQL ({make_url(store.url).render_as_string()})"  # the password hidden
        self._check_scheme()
        with self._cursor() as cur:
            cur.execute("SELECT NOT EXISTS (SELECT 1 FROM lex_chunks)")
            self.created = cur.fetchone()[0]  # holds nothing yet

    # ---- connections -------------------------------------------------------------------------------------
    @contextmanager
    def _cursor(self, write: bool = False) -> Iterator:
        """A cursor on a pooled connection; a write is one transaction under the lexical lock (lexical writes
        of every host in turn: the shared document frequencies and totals stay exact, and no two deadlock)."""
        raw = self.store.engine.raw_connection()
        conn = raw.driver_connection
        try:
            with conn.cursor() as cur:
                if write:
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", [_LEXICAL_LOCK])
                yield cur
            conn.commit()
        except BaseException as e:
            conn.rollback()
            if isinstance(e, self._errors):
                raise StoreError(f"lexical index in {self.name}: {e}") from e
            raise
        finally:
            raw.close()  # back to the store's pool

    def close(self) -> None:
        """Nothing to close: the connections are the store's."""

    def save(self) -> None:
        """Nothing to do: every change is committed as it is made."""

    @property
    def unsaved(self) -> bool:
        return False

    def _check_scheme(self) -> None:
        """Tokens of another scheme or tokeniser version are recomputed from the stored text, once, by the first
        host that opens the index with this code (the others wait for it)."""
        want = json.dumps([self.scheme, TOKENS_VERSION])
        with self._cursor() as cur:
            cur.execute("SELECT scheme FROM lex_stats")
            if cur.fetchone()[0] == want:
                return
        with self._cursor(write=True) as cur:
            cur.execute("SELECT scheme FROM lex_stats")
            if cur.fetchone()[0] == want:
                return
            cur.execute(f"SELECT {_CHUNK_COLUMNS} FROM lex_chunks c ORDER BY c.n")
            chunks = [Chunk(**dict(zip(_COLUMNS, row, strict=True))) for row in cur.fetchall()]
            if chunks:
                log.info("lexical index %s: re-tokenising %d chunks (%s)", self.name, len(chunks), self.scheme)
                for table in ("lex_postings", "lex_vocab", "lex_chunks"):
                    cur.execute(f"DELETE FROM {table}")
                cur.execute("UPDATE lex_stats SET chunks = 0, tokens = 0")
                self._insert(cur, chunks, [self._terms(c) for c in chunks])
            cur.execute("UPDATE lex_stats SET scheme = %s", [want])

    # ---- changes (each one a committed transaction) ---------------------------------------------------------
    def _terms(self, chunk: Chunk) -> list[str]:
        """A chunk's terms as LexicalIndex stores them in FTS5."""
        return _fts_tokens(tokenize(index_text(chunk), self.scheme)).split()

    def add(self, chunks: Iterable[Chunk]) -> int:
        """Add (or replace, by id) chunks; tokenised before the transaction so other writers wait less."""
        unique = list({c.id: c for c in chunks}.values())
        if not unique:
            return 0
        terms = [self._terms(c) for c in unique]
        with self._cursor(write=True) as cur:
            self._delete(cur, "id = ANY(%s)", [[c.id for c in unique]])
            self._insert(cur, unique, terms)
        return len(unique)

    def delete_report(self, report_id: str) -> None:
        with self._cursor(write=True) as cur:
            self._delete(cur, "report_id = %s", [report_id])

    def _insert(self, cur, chunks: list[Chunk], terms: list[list[str]]) -> None:
        counts = [Counter(t) for t in terms]
        ids = self._vocab_add(cur, Counter(t for tf in counts for t in tf))
        cur.execute("SELECT nextval('lex_chunk_n') FROM generate_series(1, %s)", [len(chunks)])
        ns = [n for (n,) in cur.fetchall()]  # a report's chunks: one range (writes are in turn)
        with cur.copy(f"COPY lex_chunks ({', '.join(map(_quote, _COLUMNS))}, n, ntok, terms) FROM STDIN") as copy:
            for n, c, t, tf in zip(ns, chunks, terms, counts, strict=True):
                copy.write_row([*(getattr(c, k) for k in _COLUMNS), n, len(t), [ids[x] for x in tf]])
        with cur.copy("COPY lex_postings (tid, n, ntok, tf, kind) FROM STDIN") as copy:
            for n, c, t, tf in zip(ns, chunks, terms, counts, strict=True):
                kind = KINDS.index(c.kind)
                for token, f in tf.items():
                    copy.write_row((ids[token], n, len(t), min(f, MAX_TF), kind))
        cur.execute("UPDATE lex_stats SET chunks = chunks + %s, tokens = tokens + %s", [len(chunks), sum(map(len, terms))])

    @staticmethod
    def _vocab_add(cur, df: Counter) -> dict[str, int]:
        """Raise each token's document frequency (new tokens get an id); token -> id."""
        tokens = sorted(df)
        cur.execute("INSERT INTO lex_vocab (token, df) SELECT t, 0 FROM unnest(%s::text[]) AS t "
                    "WHERE NOT EXISTS (SELECT 1 FROM lex_vocab v WHERE v.token = t) ON CONFLICT (token) DO NOTHING",
                    [tokens])
        cur.execute("UPDATE lex_vocab v SET df = v.df + d.df FROM unnest(%s::text[], %s::integer[]) AS d(token, df) "
                    "WHERE v.token = d.token RETURNING v.token, v.id", [tokens, [df[t] for t in tokens]])
        return dict(cur.fetchall())

    @staticmethod
    def _delete(cur, where: str, args: list) -> None:
        """Chunks, their postings, their share of the document frequencies and totals."""
        cur.execute(f"DELETE FROM lex_chunks WHERE {where} RETURNING n, ntok, terms", args)
        rows = cur.fetchall()
        if not rows:
            return
        tids = [t for _, _, terms in rows for t in terms]
        cur.execute("DELETE FROM lex_postings p USING unnest(%s::integer[], %s::integer[]) AS d(tid, n) "
                    "WHERE p.tid = d.tid AND p.n = d.n", [tids, [n for n, _, terms in rows for _ in terms]])
        df = Counter(tids)
        ids = sorted(df)
        cur.execute("UPDATE lex_vocab v SET df = v.df - d.df FROM unnest(%s::integer[], %s::integer[]) AS d(id, df) "
                    "WHERE v.id = d.id", [ids, [df[i] for i in ids]])
        cur.execute("DELETE FROM lex_vocab WHERE id = ANY(%s) AND df <= 0", [ids])
        cur.execute("UPDATE lex_stats SET chunks = chunks - %s, tokens = tokens - %s",
                    [len(rows), sum(ntok for _, ntok, _ in rows)])

    # ---- reads ---------------------------------------------------------------------------------------------
    def report_ids(self, kinds: tuple[str, ...] | None = None) -> dict[str, int]:
        """Chunks per report (of these kinds only, when given), committed or not (a writer's repair needs both)."""
        with self._cursor() as cur:
            if kinds is None:
                cur.execute("SELECT report_id, count(*) FROM lex_chunks GROUP BY report_id")
            else:
                cur.execute("SELECT report_id, count(*) FROM lex_chunks WHERE kind = ANY(%s) GROUP BY report_id",
                            [list(kinds)])
            return dict(cur.fetchall())

    def count(self) -> int:
        with self._cursor() as cur:
            cur.execute("SELECT count(*) FROM lex_chunks")
            return cur.fetchone()[0]

    def chunks(self, report_id: str) -> list[Chunk]:
        """A report's chunks in the order they were added."""
        with self._cursor() as cur:
            cur.execute(f"SELECT {_CHUNK_COLUMNS} FROM lex_chunks c WHERE c.report_id = %s ORDER BY c.n", [report_id])
            return [Chunk(**dict(zip(_COLUMNS, row, strict=True))) for row in cur.fetchall()]

    @staticmethod
    def _lookup(cur, tokens: list[str]) -> tuple[int, float, dict[str, tuple[int, int]]]:
        """Chunks, their average length, and (id, document frequency) of each token the index holds: one query."""
        cur.execute("SELECT s.chunks, s.tokens, v.token, v.id, v.df FROM lex_stats s "
                    "LEFT JOIN lex_vocab v ON v.token = ANY(%s) AND v.df > 0", [list(dict.fromkeys(tokens))])
        rows = cur.fetchall()
        n, total = rows[0][0], rows[0][1]
        return n, total / max(n, 1), {t: (i, df) for _, _, t, i, df in rows if t is not None}

    def frequencies(self, tokens: list[str]) -> dict[str, int]:
        """Chunks holding each of these tokens (jieba words or character pairs) that the index holds."""
        if not tokens:
            return {}
        with self._cursor() as cur:
            return {t: df for t, (_, df) in self._lookup(cur, tokens)[2].items()}

    def contains(self, phrase: str) -> bool:
        """Whether a committed chunk holds the phrase: one holding all its tokens, the rarest first, whose text
        holds the phrase. Answers "does any report mention X" without ranking the corpus."""
        tokens = [t for t in dict.fromkeys(tokenize(phrase, self.scheme)) if t.strip()]
        if not tokens:
            return False
        with self._cursor() as cur:
            _, _, vocab = self._lookup(cur, tokens)
            if any(t not in vocab for t in tokens):
                return False
            rarest = min(tokens, key=lambda t: vocab[t][1])
            cur.execute("SELECT 1 FROM lex_postings p JOIN lex_chunks c ON c.n = p.n WHERE p.tid = %s "
                        f"AND c.terms @> %s::integer[] AND strpos(lower(c.text), lower(%s)) > 0 AND {_VISIBLE} LIMIT 1",
                        [vocab[rarest][0], [vocab[t][0] for t in tokens], phrase])
            return cur.fetchone() is not None

    def query(self, text: str, k: int = 5, where: dict | None = None) -> list[tuple[Chunk, float]]:
        """The k best committed chunks by BM25 (only those sharing a token with the query), best first; the
        scores are LexicalIndex's. A filter on a few reports reads the postings of those reports' chunks (one
        range each) and weighs every query token the index holds; otherwise the whole corpus's postings of the
        query's informative tokens are ranked, the filter applied to the chunks they reach."""
        tokens = [t for t in tokenize(text, self.scheme) if t.strip()]
        if not tokens or k <= 0:
            return []
        clauses, args = _where(where, "%s", "c.")
        kinds = (where or {}).get("kind")
        if kinds is not None:  # applied to the postings themselves
            wanted = kinds if isinstance(kinds, list | tuple | set) else [kinds]
            kinds = [KINDS.index(x) if x in KINDS else -1 for x in wanted]
            clauses, args = _where({x: v for x, v in where.items() if x != "kind"}, "%s", "c.")
        with self._cursor() as cur:
            n, avg, vocab = self._lookup(cur, tokens)
            ranges = None
            if clauses and "report_id" in where:
                cur.execute(f"SELECT min(c.n), max(c.n) FROM lex_chunks c WHERE {clauses} AND {_VISIBLE} "
                            "GROUP BY c.report_id", args)
                ranges = cur.fetchall()
                if not ranges:
                    return []
                if len(ranges) > MAX_RANGES:
                    ranges = None
            df = {t: d for t, (_, d) in vocab.items()}
            scored = [t for t in tokens if t in df] if ranges else informative(tokens, n, df)
            weights: Counter = Counter()
            for t in scored:
                weights[vocab[t][0]] += _idf(n, vocab[t][1]) * (K1 + 1)  # once per occurrence in the query
            if not weights:
                return []
            return self._ranked(cur, weights, avg, k, clauses, args, ranges, kinds)

    @staticmethod
    def _ranked(cur, weights: Counter, avg: float, k: int, clauses: str, args: list, ranges, kinds) -> list:
        """BM25 summed over the postings of the weighted tokens (of these kinds, in these chunk ranges, when
        given), the best k + SLACK chunks that pass the other filters, then the k best of them whose report is
        committed (ranked deeper again in the rare case fewer are)."""
        sql = ("SELECT p.n, sum(q.w * p.tf / (p.tf + %s + %s * p.ntok)) AS score "
               "FROM unnest(%s::integer[], %s::float8[]) AS q(tid, w) JOIN lex_postings p ON p.tid = q.tid")
        params = [K1 * (1 - B), K1 * B / max(avg, 1e-9), list(weights), list(weights.values())]
        if kinds is not None:
            sql += " AND p.kind = ANY(%s::smallint[])"
            params.append(kinds)
        if ranges:
            sql += " JOIN unnest(%s::integer[], %s::integer[]) AS r(lo, hi) ON p.n BETWEEN r.lo AND r.hi"
            params += [[lo for lo, _ in ranges], [hi for _, hi in ranges]]
        sql += " GROUP BY p.n"
        if clauses:
            sql = f"SELECT s.n, s.score FROM ({sql}) s JOIN lex_chunks c ON c.n = s.n WHERE {clauses}"
            params += args
        limit = k + SLACK
        while True:
            cur.execute(f"SELECT {_CHUNK_COLUMNS}, t.score, {_VISIBLE} FROM ({sql} ORDER BY 2 DESC, 1 LIMIT %s) t "
                        "JOIN lex_chunks c ON c.n = t.n ORDER BY t.score DESC, t.n", [*params, limit])
            rows = cur.fetchall()
            kept = [r for r in rows if r[-1]]
            if len(kept) >= k or len(rows) < limit:
                break
            limit *= 8
        return [(Chunk(**dict(zip(_COLUMNS, r, strict=False))), float(r[-2])) for r in kept[:k] if r[-2] > 0]
