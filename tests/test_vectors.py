"""The chunk stores: Chroma (embedded and server: one contract both pass) and the BM25 index. The hash
embedder stands in for the model here: these tests are about storage, filters and deletes; retrieval
quality with the real model is tested in test_retrieve.py."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest

from index.chunks import chunk_report, index_text
from index.embed import HashEmbedder
from index.errors import StoreError
from index.lexical import LexicalIndex, tokenize
from index.settings import Settings
from index.vectors import VectorStore, chroma_where

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

def test_tokens_are_jieba_words_and_bigrams():
    tokens = tokenize("平潭综合实验区２０２３年受理依申请公开81件。")
    assert {"平潭", "实验区", "2023", "81", "申请", "受理"} <= set(tokens)  # words, full-width digits folded
    assert {"潭综", "依申", "请公"} <= set(tokens)  # bigrams of the CJK runs
    assert not {"。", "年", "件"} & set(tokens)  # punctuation and stop words
    assert tokenize("平潭实验区", "bigram") == ["平潭", "潭实", "实验", "验区"]


def test_lexical_add_query_filter_delete_and_persist(tmp_path, sample):
    reports, chunks = sample
    lex = LexicalIndex(tmp_path / "lexical")
    lex.add([c for r in reports for c in chunks[r.id]])
    assert lex.report_ids() == {rid: len(v) for rid, v in chunks.items()}
    (best, score), *_ = lex.query("首创依申请公开办理压力测试", k=3)
    assert best.report_id == reports[0].id and "压力测试" in best.text and score > 0
    zone = reports[1].meta.agency
    hits = lex.query("政务公开存在的问题", k=50, where={"agency": zone, "year": 2023})
    assert hits and {(c.agency, c.year) for c, _ in hits} == {(zone, 2023)}
    assert lex.query("zzzz qqqq", k=5) == []

    lex.delete_report(reports[0].id)
    assert reports[0].id not in lex.report_ids()
    assert all(c.report_id != reports[0].id for c, _ in lex.query("首创依申请公开办理压力测试", k=10))
    lex.save()
    assert [p.name for p in (tmp_path / "lexical").iterdir()] == ["chunks.jsonl"]  # no temp file left
    again = LexicalIndex(tmp_path / "lexical")
    assert again.report_ids() == lex.report_ids()
    q = "信息发布属性界定不够精确"
    assert [(c.id, round(s, 4)) for c, s in again.query(q, 5)] == [(c.id, round(s, 4)) for c, s in lex.query(q, 5)]


def test_bm25_scores_equal_bm25s(tmp_path, sample):
    """The sparse BM25 kept in memory scores exactly as bm25s (the library the retrieval figures were
    measured with), also after a report is removed and another added."""
    bm25s = pytest.importorskip("bm25s")
    reports, chunks = sample
    lex = LexicalIndex(tmp_path / "lexical")
    lex.add([c for r in reports for c in chunks[r.id]])
    lex.delete_report(reports[0].id)
    lex.add(chunks[reports[0].id][:5])
    lex.query("申请", k=1)  # builds the index
    ref = bm25s.BM25()
    ref.index([tokenize(index_text(lex._chunks[cid])) for cid in lex._order], show_progress=False)
    for q in ("首创依申请公开办理压力测试", "行政复议 纠错", "过程性信息不予公开", "本年新收政府信息公开申请数量"):
        tokens = [t for t in tokenize(q) if t in ref.vocab_dict]
        expected = ref.get_scores(tokens)
        got = lex._bm25.scores([lex._vocab[t] for t in tokens])
        assert expected.max() > 0 and got == pytest.approx(expected, rel=1e-5, abs=1e-5)


def test_query_while_another_thread_adds_tokens(tmp_path, sample):
    """A query holding the matrix built before an upload added new tokens must not index past it."""
    reports, chunks = sample
    lex = LexicalIndex(tmp_path / "lexical")
    lex.add(chunks[reports[0].id])
    bm25, _ = lex._index()
    lex.add(chunks[reports[1].id])  # grows the vocabulary; the old matrix is still held by the query
    new = [i for i in (lex._vocab[t] for t in tokenize(index_text(chunks[reports[1].id][0]))) if i >= bm25.matrix.shape[0]]
    assert new and bm25.scores(new).max(initial=0.0) == 0.0
    assert bm25.scores(new + [lex._vocab["申请"]]).max() > 0


def test_unsaved_changes_do_not_reach_disk(tmp_path, sample):
    reports, chunks = sample
    lex = LexicalIndex(tmp_path / "lexical")
    lex.add(chunks[reports[0].id])
    lex.save()
    lex.add(chunks[reports[1].id])
    assert set(LexicalIndex(tmp_path / "lexical").report_ids()) == {reports[0].id}


def test_damaged_lexical_file_starts_empty(tmp_path, caplog):
    (tmp_path / "lexical").mkdir()
    (tmp_path / "lexical" / "chunks.jsonl").write_text('{"scheme": "jieba+bigram"}\n{"chunk": {"id": 1', encoding="utf-8")
    lex = LexicalIndex(tmp_path / "lexical")
    assert lex.count() == 0 and "unreadable" in caplog.text


def test_another_process_saving_is_seen_on_the_next_query(tmp_path, sample):
    """`nianbao ingest` beside a running server: the server's index follows the saved file."""
    reports, chunks = sample
    server, ingest = LexicalIndex(tmp_path / "lexical"), LexicalIndex(tmp_path / "lexical")
    ingest.add(chunks[reports[0].id])
    ingest.save()
    assert set(server.report_ids()) == {reports[0].id}
    assert server.query("首创依申请公开办理压力测试", k=1)[0][0].report_id == reports[0].id
    ingest.delete_report(reports[0].id)
    ingest.save()
    assert server.query("首创依申请公开办理压力测试", k=1) == []
    server.add(chunks[reports[1].id])  # unsaved changes of its own are not thrown away by a reload
    ingest.add(chunks[reports[2].id])
    ingest.save()
    assert set(server.report_ids()) == {reports[1].id}
