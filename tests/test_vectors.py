"""The vector store: Chroma (embedded and server: one contract both pass). The hash
embedder stands in for the model here: these tests are about storage, filters and deletes; retrieval
quality with the real model is tested in test_retrieve.py. The lexical index has its own file (test_lexical.py)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest

from index.errors import StoreError
from index.settings import Settings
from index.stores.chunks import chunk_report, index_text
from index.stores.embed import HashEmbedder
from index.stores.vectors import VectorStore, chroma_where

FILES = ("00_lucheng", "17_pingtan-syq_2022", "18_pingtan-syq_2023", "47_pingtan-scj_2024")


@pytest.fixture(scope="module")
def sample(parsed_reports):
    """Four real reports: two years of one agency, another agency of the same zone, one elsewhere."""
    reports = [next(r for r in parsed_reports if r.file_name.startswith(f)) for f in FILES]
    return reports, {r.id: chunk_report(r) for r in reports}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A real Chroma server (`chroma run`) on a free loopback port, stopped after the module."""
    exe = shutil.which("chroma")
    if exe is None:
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path_factory.mktemp("chroma-server")),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.3)
    yield url
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(params=["embedded", "server"])
def store(request, tmp_path):
    settings = Settings(home=tmp_path / "home", embed_batch_size=16,
                        chroma_url=request.getfixturevalue("chroma_server") if request.param == "server" else None,
                        collection=f"t{abs(hash(str(tmp_path))) % 10**8}")
    return VectorStore(settings, HashEmbedder())


class TestVectorStoreContract:
    """What the embedded client and a Chroma server must both do."""

    def test_add_counts_and_is_idempotent(self, store, sample):
        reports, chunks = sample
        calls = []
        added = store.add([c for r in reports for c in chunks[r.id]], progress=lambda done, total: calls.append(done))
        assert added == sum(len(v) for v in chunks.values())
        assert calls[-1] == added and calls == sorted(calls)
        assert store.report_ids() == {rid: len(v) for rid, v in chunks.items()}
        store.add(chunks[reports[0].id])  # the same chunks again: upsert by content-hash id
        assert store.count() == added

    def test_query_returns_the_stored_chunk_and_its_cosine(self, store, sample):
        reports, chunks = sample
        store.add(chunks[reports[0].id])
        target = chunks[reports[0].id][3]
        (best, score), *_ = store.query(target.text, k=3)
        assert best == target
        stored = store.embedder.embed_passages([index_text(target)])[0]  # embedded with its report/section
        assert score == pytest.approx(float(store.embedder.embed_queries([target.text])[0] @ stored), abs=1e-4)
        cos = store.cosines(store.embed_query(target.text), [target.id])
        assert cos[target.id] == pytest.approx(score, abs=1e-4)

    def test_filters_restrict_results(self, store, sample):
        reports, chunks = sample
        store.add([c for r in reports for c in chunks[r.id]])
        zone = reports[1].meta.agency
        hits = store.query("政府信息公开工作存在的主要问题", k=50, where={"agency": zone})
        assert hits and {c.agency for c, _ in hits} == {zone} and {c.year for c, _ in hits} == {2022, 2023}
        hits = store.query("政府信息公开工作存在的主要问题", k=50, where={"agency": zone, "year": 2023})
        assert hits and {(c.agency, c.year) for c, _ in hits} == {(zone, 2023)}
        hits = store.query("申请", k=50, where={"year": [2022, 2024], "kind": "table_row"})
        assert hits and {c.year for c, _ in hits} <= {2022, 2024} and {c.kind for c, _ in hits} == {"table_row"}
        assert store.query("申请", k=5, where={"report_id": "no-such-report"}) == []

    def test_delete_report_removes_only_that_report(self, store, sample):
        reports, chunks = sample
        store.add([c for r in reports for c in chunks[r.id]])
        gone = reports[2].id
        store.delete_report(gone)
        assert gone not in store.report_ids() and len(store.report_ids()) == 3
        assert store.query("平潭", k=5, where={"report_id": gone}) == []

    def test_empty_store_answers_nothing(self, store):
        assert store.query("申请", k=5) == [] and store.report_ids() == {} and store.add([]) == 0


def test_collection_built_with_another_model_is_refused(tmp_path):
    settings = Settings(home=tmp_path / "home")
    VectorStore(settings, HashEmbedder(256))
    with pytest.raises(StoreError, match="hash-bigram.*hash-bigram-128"):
        VectorStore(settings, HashEmbedder(128))


def test_unreachable_server_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot reach"):
        VectorStore(Settings(home=tmp_path, chroma_url=f"http://127.0.0.1:{_free_port()}"), HashEmbedder())


def test_where_translation():
    assert chroma_where(None) is None and chroma_where({"year": None}) is None
    assert chroma_where({"year": 2023}) == {"year": 2023}
    assert chroma_where({"agency": "甲", "year": [2022, 2023]}) == {"$and": [{"agency": "甲"}, {"year": {"$in": [2022, 2023]}}]}
    with pytest.raises(ValueError, match="unknown filter"):
        chroma_where({"colour": "red"})


def test_langchain_vectorstore_shares_the_collection(tmp_path, sample):
    reports, chunks = sample
    store = VectorStore(Settings(home=tmp_path / "home"), HashEmbedder())
    store.add(chunks[reports[0].id])
    lc = store.as_langchain_vectorstore()
    target = chunks[reports[0].id][2]
    docs = lc.similarity_search(target.text, k=1, filter={"report_id": reports[0].id})
    assert docs[0].page_content == target.text and docs[0].metadata["section"] == target.section


# ---- the lexical index ---------------------------------------------------------------------------
