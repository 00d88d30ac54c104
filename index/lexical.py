"""BM25 over Chinese: the exact words of a question (an agency's name, 过程性信息, 12345) that an
embedding can blur. Tokens are jieba words plus character bigrams. The chunks and their tokens are one
JSON-lines file beside Chroma, replaced atomically on save; the BM25 matrix is rebuilt from them
(milliseconds for thousands of chunks), so file and index cannot disagree. In memory a chunk's tokens are
int32 ids into one vocabulary (a list of Python strings cost ~13 KB a chunk, the ids ~0.7 KB) and BM25 is a
sparse matrix of per-token weights, scored like bm25s's default (Lucene) BM25.

    lex = LexicalIndex(settings.lexical_path)
    lex.add(chunks); lex.save()
    lex.query("过程性信息 不予公开", k=5, where={"agency": "平潭综合实验区管委会"})
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from index.chunks import index_text
from index.models import Chunk
from index.vectors import FILTER_KEYS

log = logging.getLogger(__name__)

FILE_NAME = "chunks.jsonl"
TOKENS_VERSION = 2  # bump when what is tokenised changes: stored tokens are then recomputed on load
TOKENIZERS = ("jieba+bigram", "jieba", "bigram")
K1, B = 1.5, 0.75  # BM25 parameters (bm25s's defaults, which the retrieval figures were measured with)
STOP_WORDS = set("的 了 和 与 及 在 是 对 为 等 将 并 或 其 之 以 于 也 年 件".split())
_WORD = re.compile(r"[\u4e00-\u9fff]+|[a-z]+|\d+(?:\.\d+)?")


def load_jieba():
    """jieba, quiet: its logger prints a dictionary-load line at DEBUG on every first use otherwise."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


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


class LexicalIndex:
    """Chunks by id with their tokens; BM25 scores over all of them, filtered by metadata."""

    def __init__(self, path: Path | str, scheme: str = "jieba+bigram"):
        if scheme not in TOKENIZERS:
            raise ValueError(f"scheme must be one of {', '.join(TOKENIZERS)}")
        self.path, self.scheme = Path(path), scheme
        self._chunks: dict[str, Chunk] = {}
        self._tokens: dict[str, np.ndarray] = {}  # chunk id -> token ids (int32)
        self._vocab: dict[str, int] = {}  # token -> id; only grows, so ids stay valid for every chunk
        self._words: list[str] = []  # id -> token
        self._bm25: _Bm25 | None = None
        self._order: list[str] = []
        self._codes: tuple[list[str], dict] | None = None  # (the order they index, key -> (value -> code, codes))
        self._lock = threading.Lock()
        self._dirty = False  # changes not yet saved
        self._stamp: tuple[int, int, int] | None = None  # (inode, mtime, size) of the file as last read or written
        self._load()

    @property
    def file(self) -> Path:
        return self.path / FILE_NAME

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.file.stat()
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size  # a save renames a new file in: the inode changes

    def _load(self) -> None:
        self._chunks, self._tokens, self._bm25 = {}, {}, None
        self._vocab, self._words = {}, []
        self._stamp = self._file_stamp()
        if self._stamp is None:
            return
        try:
            with self.file.open(encoding="utf-8") as f:
                head = json.loads(f.readline() or "{}")
                stale = (head.get("scheme"), head.get("version")) != (self.scheme, TOKENS_VERSION)
                for line in f:
                    row = json.loads(line)
                    chunk = Chunk(**row["chunk"])
                    self._chunks[chunk.id] = chunk
                    tokens = tokenize(index_text(chunk), self.scheme) if stale else row["tokens"]
                    self._tokens[chunk.id] = self._ids(tokens)
        except (OSError, ValueError, KeyError) as e:
            # written atomically, so this is damage from outside: start empty, ingest re-indexes from SQLite
            log.warning("lexical index %s is unreadable (%s); starting empty", self.file, e)
            self._chunks, self._tokens = {}, {}

    def _refresh(self) -> None:
        """Another process (an ingest beside the server) replaced the file: read it again, unless this
        instance holds changes of its own that are not saved yet."""
        if not self._dirty and self._file_stamp() != self._stamp:
            with self._lock:
                self._load()

    def save(self) -> None:
        """Write every chunk and its tokens to a temporary file, then rename it over the old one."""
        self.path.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".chunks-", suffix=".tmp", dir=self.path)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                head = {"scheme": self.scheme, "version": TOKENS_VERSION, "chunks": len(self._chunks)}
                f.write(json.dumps(head) + "\n")
                for cid, chunk in self._chunks.items():
                    tokens = [self._words[i] for i in self._tokens[cid]]
                    f.write(json.dumps({"chunk": chunk.model_dump(), "tokens": tokens},
                                       ensure_ascii=False) + "\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.file)
            self._dirty, self._stamp = False, self._file_stamp()
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _ids(self, tokens: list[str]) -> np.ndarray:
        vocab, words = self._vocab, self._words
        ids = []
        for t in tokens:
            i = vocab.get(t)
            if i is None:
                i = vocab[t] = len(words)
                words.append(t)
            ids.append(i)
        return np.array(ids, dtype=np.int32)

    # ---- changes (kept in memory until save) -----------------------------------------------------
    def add(self, chunks: Iterable[Chunk]) -> int:
        n = 0
        with self._lock:
            for c in chunks:
                self._chunks[c.id] = c
                self._tokens[c.id] = self._ids(tokenize(index_text(c), self.scheme))
                n += 1
            self._bm25, self._dirty = None, self._dirty or n > 0
        return n

    def delete_report(self, report_id: str) -> None:
        with self._lock:
            for cid in [cid for cid, c in self._chunks.items() if c.report_id == report_id]:
                del self._chunks[cid], self._tokens[cid]
                self._dirty = True
            self._bm25 = None

    def report_ids(self, kinds: tuple[str, ...] | None = None) -> dict[str, int]:
        """Chunks per report (of these kinds only, when given)."""
        self._refresh()
        return dict(Counter(c.report_id for c in self._chunks.values() if kinds is None or c.kind in kinds))

    @property
    def unsaved(self) -> bool:
        """Changes held in memory that the file does not have yet."""
        return self._dirty

    def count(self) -> int:
        return len(self._chunks)

    # ---- search ----------------------------------------------------------------------------------
    def _index(self):
        with self._lock:
            if self._bm25 is None and self._chunks:
                self._order = list(self._chunks)
                self._bm25 = _Bm25([self._tokens[cid] for cid in self._order], len(self._words))
            return self._bm25, self._order

    def _mask(self, where: dict, order: list[str]) -> np.ndarray:
        """Which chunks (in BM25 order) pass the filters, from per-key integer codes built once per index:
        a Python test per chunk cost ~0.5 s a question at 10,000 reports."""
        with self._lock:
            if self._codes is None or self._codes[0] is not order:
                self._codes = (order, {})
            codes = self._codes[1]
        mask = np.ones(len(order), dtype=bool)
        for key, value in where.items():
            if key not in FILTER_KEYS:
                raise ValueError(f"unknown filter {key!r}; use one of {', '.join(FILTER_KEYS)}")
            if value is None:
                continue
            if key not in codes:
                values: dict = {}
                column = np.fromiter((values.setdefault(getattr(self._chunks[cid], key), len(values)) for cid in order),
                                     dtype=np.int32, count=len(order))
                codes[key] = (values, column)
            values, column = codes[key]
            wanted = list(value) if isinstance(value, list | tuple | set) else [value]
            mask &= np.isin(column, [values[v] for v in wanted if v in values])
        return mask

    def query(self, text: str, k: int = 5, where: dict | None = None) -> list[tuple[Chunk, float]]:
        """The k best chunks by BM25 (only those sharing a token with the query), best first."""
        self._refresh()
        bm25, order = self._index()
        ids = [self._vocab[t] for t in tokenize(text, self.scheme) if t in self._vocab]
        if bm25 is None or not ids or k <= 0:
            return []
        scores = bm25.scores(ids)
        if where:
            scores = np.where(self._mask(where, order), scores, 0.0)
        best = np.argsort(-scores, kind="stable")[:k]
        return [(self._chunks[order[i]], float(scores[i])) for i in best if scores[i] > 0]


class _Bm25:
    """Okapi BM25 as bm25s computes it by default (Lucene idf; a query token counted as often as it occurs),
    precomputed into a token x document matrix so a query sums a few rows."""

    def __init__(self, docs: list[np.ndarray], vocab_size: int):
        from scipy import sparse

        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
        rows = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int32)
        cols = np.repeat(np.arange(len(docs), dtype=np.int32), lengths)
        tf = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                               shape=(vocab_size, len(docs)))  # duplicates summed: term frequencies
        tf.sum_duplicates()
        df = np.diff(tf.indptr)
        idf = np.log1p((len(docs) - df + 0.5) / (df + 0.5)).astype(np.float32)
        norm = (K1 * (1 - B + B * lengths / max(lengths.mean(), 1e-9))).astype(np.float32)
        tf.data = (np.repeat(idf, df) * tf.data / (tf.data + norm[tf.indices])).astype(np.float32)
        self.matrix = tf

    def scores(self, token_ids: list[int]) -> np.ndarray:
        """Ids past the matrix (tokens another thread added since it was built) score nothing here."""
        ids, counts = np.unique(np.asarray(token_ids, dtype=np.int64), return_counts=True)
        keep = ids < self.matrix.shape[0]
        ids, counts = ids[keep], counts[keep]
        return np.asarray(self.matrix[ids].T @ counts.astype(np.float32)).ravel()
