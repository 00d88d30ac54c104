"""The typed facade over one home's stores: opened lazily and once, the change stamp readers ask, the check
counts the report list shows, and a lost lexical index rebuilt from the store on open (real SQLite, Chroma and
FTS5, the hash embedder)."""

from __future__ import annotations

import shutil
import threading

from index.ingest import Index
from index.stores import LazyEmbedder, Stores
from index.stores.embed import HashEmbedder
from index.stores.lexical import FILE_NAME
from tests.test_ingest import PINGTAN, agree, copy


def test_stores_open_lazily_and_once(settings):
    stores = Stores(settings)
    assert isinstance(stores.embedder, LazyEmbedder) and stores.embedder._model is None
    assert not (settings.home / "nianbao.sqlite").exists() and not settings.lexical_path.exists()
    got = []
    threads = [threading.Thread(target=lambda: got.append(stores.lexical)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(x) for x in got}) == 1 and stores.retriever.lexical is got[0]
    assert stores.embedder._model is None  # opening every store loads no model


def test_change_stamp_moves_with_every_write_of_any_process(settings, corpus_dir, tmp_path):
    index = Index(settings, embedder=HashEmbedder())
    reader = Stores(settings)  # another process's view of the same home
    first = reader.change_stamp()
    assert reader.change_stamp() == first  # reading changes nothing
    index.ingest_paths(copy(corpus_dir, tmp_path, *PINGTAN[:2]), progress=False)
    after_ingest = reader.change_stamp()
    assert after_ingest > first
    rid = next(iter(index.store.ids()))
    assert index.remove(rid) and reader.change_stamp() > after_ingest


def test_check_counts_in_one_query(settings, corpus_dir, tmp_path):
    index = Index(settings, embedder=HashEmbedder())
    index.ingest_paths(copy(corpus_dir, tmp_path, *PINGTAN), progress=False)
    counts = index.stores.check_counts()
    for s in index.store.reports():
        checks = index.store.report(s.id).checks
        assert counts.get(s.id, (0, 0)) == (len(checks), sum(not c.ok for c in checks))
        assert counts.get(s.id, (0, 0))[1] == s.checks_failed
    assert sum(n for n, _ in counts.values()) == index.store.counts()["checks"]


def test_a_lost_lexical_index_is_rebuilt_from_the_store_on_open(settings, corpus_dir, tmp_path, caplog):
    index = Index(settings, embedder=HashEmbedder())
    index.ingest_paths(copy(corpus_dir, tmp_path, *PINGTAN), progress=False)
    want = index.lexical.report_ids()
    index.lexical.close()
    shutil.rmtree(settings.lexical_path)
    caplog.set_level("INFO")
    fresh = Stores(settings, HashEmbedder())
    assert fresh.lexical.report_ids() == want and "rebuilding it from the store" in caplog.text
    assert (settings.lexical_path / FILE_NAME).exists()
    agree(Index(settings, stores=fresh))
    hits = fresh.retriever.search("依申请公开", k=3, method="lexical")
    assert hits and {h.chunk.report_id for h in hits} <= set(want)
