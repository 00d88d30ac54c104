"""The stores of one home behind one typed object: the structured store (SQLite or PostgreSQL), the vectors
(Chroma), the lexical index (SQLite FTS5, or tables in PostgreSQL) and the embedder, each opened on first use,
one instance of each shared by every thread; the writers' lock; and a change stamp a reader asks instead of
stat-ing files.
Ingest (`index.ingest.Index`) is a writer over it; the assistant and the UI read from it.

    stores = Stores(settings)
    stores.retriever.search("平潭依申请公开存在什么问题", k=5)
    if stores.change_stamp() != seen: ...          # something was written since
    with stores.writing(): ...                     # one writer at a time, across processes and hosts
"""

from __future__ import annotations

import fcntl
import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tqdm import tqdm

from index.settings import Settings
from index.stores.store import Store

if TYPE_CHECKING:
    from index.stores.embed import Embedder
    from index.stores.lexical import LexicalIndex
    from index.stores.retrieve import Retriever
    from index.stores.shared_lexical import PostgresLexicalIndex
    from index.stores.vectors import VectorStore

log = logging.getLogger(__name__)


class LazyEmbedder:
    """Defers loading the model until the first text is embedded: listing, removing and re-ingesting unchanged
    reports never pay for it."""

    def __init__(self, settings: Settings):
        self._settings, self._model = settings, None
        self.name = settings.embedding_model
        self.announce = False  # say so on stderr before the (first-use) model build and load

    def _load(self) -> Embedder:
        if self._model is None:
            from index.stores.embed import get_embedder

            if self.announce:
                tqdm.write(f"loading the embedding model {self.name} (built once on first use) …", file=sys.stderr)
            self._model = get_embedder(self._settings)
        return self._model

    @property
    def dim(self) -> int:
        return self._load().dim

    def embed_queries(self, texts: list[str]):
        return self._load().embed_queries(texts)

    def embed_passages(self, texts: list[str]):
        return self._load().embed_passages(texts)


class Stores:
    """Every store of one home, opened lazily; see the module docstring."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None):
        self.settings = settings
        settings.ensure_home()
        self.embedder: Embedder | LazyEmbedder = embedder or LazyEmbedder(settings)
        self._store: Store | None = None
        self._vectors: VectorStore | None = None
        self._lexical: LexicalIndex | None = None
        self._retriever: Retriever | None = None
        self._open_lock = threading.RLock()  # server threads must share one instance of each store

    @property
    def store(self) -> Store:
        with self._open_lock:
            if self._store is None:
                self._store = Store(self.settings.database_url)
            return self._store

    @property
    def vectors(self) -> VectorStore:
        with self._open_lock:
            if self._vectors is None:
                from index.stores.vectors import VectorStore

                self._vectors = VectorStore(self.settings, self.embedder)
            return self._vectors

    @property
    def lexical(self) -> LexicalIndex | PostgresLexicalIndex:
        """The lexical index (`Settings.lexical_backend`): on a PostgreSQL store, tables in that database which
        every host shares (`PostgresLexicalIndex`); otherwise the home's FTS5 file, which follows a shared store by
        syncing from it (`SharedLexicalIndex`). An empty one while the store holds reports (a store from before
        the PostgreSQL index, a home whose file was lost) is filled from the store at once, so a server answers
        lexically from its first question (no embedding: the vectors are in Chroma)."""
        with self._open_lock:
            if self._lexical is None:
                from index.stores.lexical import LexicalIndex
                from index.stores.shared_lexical import PostgresLexicalIndex, SharedLexicalIndex

                path = self.settings.lexical_path  # a shared store: other hosts' ingests reach it through the store
                if self.settings.lexical_backend == "postgres":
                    lex = PostgresLexicalIndex(self.store)
                elif self.settings.db_url:
                    lex = SharedLexicalIndex(path, self.store)
                else:
                    lex = LexicalIndex(path)
                if lex.created and not isinstance(lex, SharedLexicalIndex):  # (that one syncs itself)
                    self._rebuild_lexical(lex)
                self._lexical = lex
            return self._lexical

    def _rebuild_lexical(self, lex: LexicalIndex | PostgresLexicalIndex) -> None:
        from index.stores.chunks import chunk_report

        ids = sorted(self.store.ids())
        if not ids:
            return
        log.warning("lexical index %s is new but the store holds %d reports: rebuilding it from the store",
                    lex.name, len(ids))
        with self.writing(lexical=False):
            have = lex.report_ids()  # (a legacy file imported on open already brought its reports)
            missing = [rid for rid in ids if rid not in have]
            for rid in missing:
                lex.add(chunk_report(self.store.report(rid)))
        log.info("lexical index rebuilt: %d reports, %d chunks", len(missing), lex.count())

    @property
    def retriever(self) -> Retriever:
        with self._open_lock:
            if self._retriever is None:
                from index.stores.retrieve import Retriever

                self._retriever = Retriever(self.vectors, self.lexical, self.settings.retrieval)
            return self._retriever

    # ---- what readers ask --------------------------------------------------------------------------
    def change_stamp(self) -> int:
        """A number every committed write to the structured store (of any process or host) raises: a reader
        keeps what it derived from the store while the stamp is unchanged."""
        return self.store.change_stamp()

    def check_counts(self) -> dict[str, tuple[int, int]]:
        """report id -> (checks, failed checks), in one query."""
        return self.store.check_counts()

    # ---- writers -------------------------------------------------------------------------------------
    @contextmanager
    def writing(self, lexical: bool = True) -> Iterator[None]:
        """One writer at a time: a lock file across the processes sharing this home, and the store's lock
        across hosts sharing a PostgreSQL database. `lexical=False` is for opening the lexical index itself."""
        if lexical:
            self.lexical  # noqa: B018 - opened (and rebuilt if need be) before the lock is taken
        with open(self.settings.ensure_home() / ".ingest.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                with self.store.lock():
                    yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
