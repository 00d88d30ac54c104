"""Retrieval. With the real bundled model: paraphrased questions find the right report section, filters
restrict, deletes reach both stores. With the hash stand-in: the fusion and LangChain plumbing."""

from __future__ import annotations

import pytest

from index.settings import Settings
from index.stores.chunks import chunk_report, dense_chunks
from index.stores.embed import HashEmbedder
from index.stores.lexical import LexicalIndex
from index.stores.retrieve import Hit, Retriever, _rrf
from index.stores.vectors import VectorStore

FILES = ("00_lucheng", "01_huaian-hongzequ", "02_huaian-hongzequ", "17_pingtan-syq_2022", "18_pingtan-syq_2023",
         "19_pingtan-syq_2024", "20_pingtan-syq_2025", "47_pingtan-scj_2024")
ZONE = "平潭综合实验区管委会"

# paraphrases (no shared wording beyond names) -> (file, section, quote) of the passage that answers
PARAPHRASES = [
    ("鹿城区2022年用什么办法检验各单位依申请公开的办理水平？", "00_lucheng", "overview", "首创依申请公开办理压力测试"),
    ("洪泽区2024年准备怎样让各机关的答复书写得更规范？", "02_huaian", "problems", "依申请公开政府信息答复书模板"),
    ("平潭2022年在重大决策征求意见方面有什么欠缺？", "17_pingtan", "problems", "重大行政决策预公开程度需进一步加强"),
    ("平潭综合实验区2023年信息发布方面存在什么问题？", "18_pingtan", "problems", "部分栏目存在信息噪音"),
    ("平潭2025年怎样提高依申请公开的答复质量？", "20_pingtan", "problems", "加强答复风险研判和合法性审查"),
    ("平潭市场监管局2024年的政策解读形式有什么欠缺？", "47_pingtan", "problems", "未运用动画、音频、视频、H5等形式开展解读"),
]


def _sample(parsed_reports):
    return [next(r for r in parsed_reports if r.file_name.startswith(f)) for f in FILES]


def _index(home, embedder, reports):
    settings = Settings(home=home)
    vectors, lexical = VectorStore(settings, embedder), LexicalIndex(settings.lexical_path)
    chunks = [c for r in reports for c in chunk_report(r)]
    vectors.add(dense_chunks(chunks))  # as the ingest does: table rows only in the lexical index
    lexical.add(chunks)
    lexical.save()
    return vectors, lexical


@pytest.fixture(scope="module")
def real_index(tmp_path_factory, real_embedder, parsed_reports):
    reports = _sample(parsed_reports)
    return (*_index(tmp_path_factory.mktemp("retrieve-real") / "home", real_embedder, reports), reports)


@pytest.fixture(scope="module")
def hash_index(tmp_path_factory, parsed_reports):
    reports = _sample(parsed_reports)
    return (*_index(tmp_path_factory.mktemp("retrieve-hash") / "home", HashEmbedder(), reports), reports)


def _rank(hits: list[Hit], report_id: str, quote: str) -> int | None:
    return next((i for i, h in enumerate(hits, 1) if h.chunk.report_id == report_id and quote in h.chunk.text), None)


@pytest.mark.slow
@pytest.mark.parametrize(("question", "prefix", "section", "quote"), PARAPHRASES)
def test_paraphrase_finds_the_section_in_the_top_three(real_index, question, prefix, section, quote):
    vectors, lexical, reports = real_index
    report = next(r for r in reports if r.file_name.startswith(prefix))
    hits = Retriever(vectors, lexical, Settings().retrieval).search(question, k=3)
    rank = _rank(hits, report.id, quote)
    assert rank is not None, [(h.chunk.agency, h.chunk.year, h.chunk.text[:40]) for h in hits]
    assert hits[rank - 1].chunk.section == section
    assert all(h.dense is not None and 0 < h.dense <= 1.0 for h in hits)


@pytest.mark.slow
@pytest.mark.parametrize("method", ["dense", "lexical", "hybrid"])
def test_filters_restrict_every_method(real_index, method):
    vectors, lexical, reports = real_index
    r = Retriever(vectors, lexical, method)
    hits = r.search("政府信息公开工作存在哪些不足，下一步怎么改进", k=8, filters={"agency": ZONE, "year": 2023})
    assert hits and {(h.chunk.agency, h.chunk.year) for h in hits} == {(ZONE, 2023)}
    assert "problems" in {h.chunk.section for h in hits[:5]}
    hits = r.search("依申请公开", k=20, filters={"agency": ZONE})
    assert hits and {h.chunk.agency for h in hits} == {ZONE} and len({h.chunk.year for h in hits}) > 1
    hits = r.search("收到的政府信息公开申请数量", k=5, filters={"report_id": reports[0].id, "kind": "table_row"})
    if method == "dense":  # table rows have no vectors (DENSE_KINDS): only the lexical index finds them
        assert hits == []
    else:
        assert hits and all(h.chunk.report_id == reports[0].id and h.chunk.kind == "table_row" for h in hits)


@pytest.mark.slow
def test_delete_removes_a_report_from_both_stores(real_index):
    vectors, lexical, reports = real_index
    gone = next(r for r in reports if r.file_name.startswith("18_pingtan"))
    r = Retriever(vectors, lexical, "hybrid")
    question = "平潭综合实验区2023年信息发布方面存在什么问题？"
    assert any(h.chunk.report_id == gone.id for h in r.search(question, k=5))
    vectors.delete_report(gone.id)
    lexical.delete_report(gone.id)
    lexical.save()
    assert gone.id not in vectors.report_ids() and gone.id not in lexical.report_ids()
    assert gone.id not in LexicalIndex(lexical.path).report_ids()
    for method in ("dense", "lexical", "hybrid"):
        assert all(h.chunk.report_id != gone.id for h in r.search(question, k=20, method=method))


# ---- fusion and plumbing (hash embedder) ---------------------------------------------------------

def test_hybrid_fuses_both_lists_and_knows_every_cosine(hash_index):
    vectors, lexical, _ = hash_index
    r = Retriever(vectors, lexical, "hybrid")
    q = "重大行政决策预公开程度"
    hits = r.search(q, k=10)
    assert len(hits) == 10 and all(h.method == "hybrid" and (h.dense is None) == (h.chunk.kind != "text") for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    lexical_ids = [c.id for c, _ in lexical.query(q, 40)]
    dense_ids = [c.id for c, _ in vectors.query(q, 40)]
    expected = _rrf([dense_ids, lexical_ids])
    assert hits[0].chunk.id == max(expected, key=expected.get)
    only_lexical = [h for h in hits if h.chunk.id not in dense_ids]
    for h in only_lexical:  # the cosine was read from the stored vector, not guessed
        assert h.dense == pytest.approx(vectors.cosines(vectors.embed_query(q), [h.chunk.id])[h.chunk.id])
    weighted = Retriever(vectors, lexical, "hybrid", fusion="weighted").search(q, k=5)
    assert len(weighted) == 5 and all(0 <= h.score <= 1.0 + 1e-6 for h in weighted)


def test_hybrid_over_table_rows_without_vectors(hash_index):
    """Table rows live only in the lexical index: a search that finds them fuses them on BM25 alone (RRF keeps
    the best lexical hit near the top; the weighted fusion ranks them below passages with a cosine)."""
    vectors, lexical, _ = hash_index
    row = next(c for c, _ in lexical.query("本年新收政府信息公开申请数量", 50) if c.kind == "table_row")
    hits = Retriever(vectors, lexical, "hybrid", fusion="rrf").search(row.text, k=10)
    assert row.id in {h.chunk.id for h in hits}
    hits += Retriever(vectors, lexical, "hybrid", fusion="weighted").search(row.text, k=50)
    assert all(h.dense is None and h.lexical > 0 for h in hits if h.chunk.kind == "table_row")


def test_rrf_rewards_agreement():
    scores = _rrf([["a", "b", "c"], ["b", "d"]])
    assert max(scores, key=scores.get) == "b" and scores["a"] > scores["d"]


def test_methods_and_bad_input(hash_index):
    vectors, lexical, _ = hash_index
    with pytest.raises(ValueError, match="dense, lexical, hybrid"):
        Retriever(vectors, lexical, "semantic")
    r = Retriever(vectors, lexical, "dense")
    assert r.search("   ", k=5) == [] and r.search("申请", k=0) == []
    assert {h.method for h in r.search("申请", k=3)} == {"dense"}
    assert {h.method for h in r.search("申请", k=3, method="lexical")} == {"lexical"}
    with pytest.raises(ValueError, match="unknown filter"):
        r.search("申请", k=3, filters={"province": "福建"})


def test_langchain_retriever_returns_documents_with_chunk_metadata(hash_index):
    from langchain_core.retrievers import BaseRetriever

    vectors, lexical, reports = hash_index
    lc = Retriever(vectors, lexical, "hybrid").as_langchain(k=4, filters={"agency": ZONE})
    assert isinstance(lc, BaseRetriever)
    docs = lc.invoke("依申请公开答复质量")
    assert len(docs) == 4
    for d in docs:
        assert d.metadata["agency"] == ZONE and d.metadata["method"] == "hybrid"
        assert {"report_id", "year", "section", "kind", "start", "end", "score", "dense"} <= set(d.metadata)
        report = next(r for r in reports if r.id == d.metadata["report_id"])
        if d.metadata["kind"] == "text":
            assert report.text[d.metadata["start"]:d.metadata["end"]] == d.page_content


class _Recording:
    """The vector store, noting the filter of every `query` asked of it."""

    def __init__(self, vectors, asked: list):
        self.vectors, self.asked = vectors, asked

    def __getattr__(self, name):
        return getattr(self.vectors, name)

    def query(self, text, k=5, where=None, vector=None):
        self.asked.append(where)
        return self.vectors.query(text, k, where, vector=vector)


def test_a_kind_filter_the_vectors_always_meet_is_not_sent_to_them(hash_index):
    """The vectors hold narrative passages alone: asking them for kind "text" is no filter (and Chroma's metadata
    filter costs ~100 ms over 28,000 vectors), so it is left out there, and the hits are still narrative."""
    vectors, lexical, reports = hash_index
    asked = []
    r = Retriever(_Recording(vectors, asked), lexical, "hybrid")
    for method in ("dense", "hybrid"):
        hits = r.search("依申请公开答复质量", 5, {"kind": "text", "agency": ZONE}, method=method)
        assert hits and all(h.chunk.kind == "text" and h.chunk.agency == ZONE for h in hits)
    assert asked == [{"agency": ZONE}] * 2
    r.search("依申请公开答复质量", 5, {"kind": "text"}, method="dense")
    r.search("依申请公开答复质量", 5, {"kind": "table_row"}, method="dense")
    assert asked[2:] == [None, {"kind": "table_row"}]


def test_a_search_within_named_reports_reads_their_vectors_by_id(hash_index):
    """Chroma's metadata filter scans every vector's metadata (280-1,800 ms for one report at 10,000 reports): a
    dense search within a few named reports takes their chunks from the lexical index and their stored vectors
    by id instead, and ranks them exactly; the same hits as the filtered vector search, Chroma not asked."""
    vectors, lexical, reports = hash_index
    asked = []
    r, q = Retriever(_Recording(vectors, asked), lexical, "dense"), "依申请公开答复质量"
    one, two = reports[3].id, [reports[4].id, reports[5].id]
    for filters in ({"report_id": one}, {"report_id": one, "kind": "text"}, {"report_id": two},
                    {"report_id": two, "section": "problems"}, {"report_id": one, "year": [2022, 2023]}):
        hits = r.search(q, 8, filters)
        where = {key: value for key, value in filters.items() if key != "kind"}
        expected = vectors.query(q, 8, where)
        assert [h.chunk.id for h in hits] == [c.id for c, _ in expected]
        assert [h.dense for h in hits] == pytest.approx([s for _, s in expected], abs=1e-5)
        assert all(h.chunk == c for h, (c, _) in zip(hits, expected, strict=True))
    assert asked == []
    many = [rep.id for rep in reports] * 3  # more reports than NAMED_MAX: the vector store's filter
    assert r.search(q, 3, {"report_id": many}) and asked == [{"report_id": many}]
    with pytest.raises(ValueError, match="unknown filter"):
        r.search(q, 3, {"report_id": one, "province": "福建"})
