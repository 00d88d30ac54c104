"""The lexical index of one home kept in step with a structured store that other hosts write to too.

With `NIANBAO_DB_URL` on a server, several `nianbao serve`/`ingest` processes on different machines share
PostgreSQL and the Chroma server, but each keeps its lexical index (SQLite FTS5) in its own home. The store is
the truth: reports another process committed are chunked from the store (no embedding: the vectors are already
in the shared Chroma) and added here; reports it removed are dropped here.

    lex = SharedLexicalIndex(settings.lexical_path, store)
    lex.query("过程性信息", k=5)   # syncs first, at most every SYNC_SECONDS
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from index.errors import StoreError
from index.stores.chunks import chunk_report
from index.stores.lexical import LexicalIndex

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

    def query(self, text: str, k: int = 5, where: dict | None = None):
        if time.monotonic() - self._synced_at >= SYNC_SECONDS:
            self.sync()
        return super().query(text, k, where)

    def report_ids(self, kinds: tuple[str, ...] | None = None) -> dict[str, int]:
        self.sync()  # callers compare stores: always current
        return super().report_ids(kinds)
