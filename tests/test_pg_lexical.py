"""The lexical index in PostgreSQL (server mode) against a real PostgreSQL (test_servers.py's cluster, or the server
NIANBAO_TEST_DB_URL names): the same results and scores as the FTS5 index on the same reports, one index that two
`Stores` over one database both read with no sync step, chunks that count only while their report is committed,
exact document frequencies and totals through every change, and which backend the settings choose."""

from __future__ import annotations

import logging
from collections import Counter

import pytest
from pydantic import ValidationError
from test_servers import new_database, postgres  # noqa: F401 - the module's PostgreSQL server

from index.ingest import Index
from index.settings import Settings
from index.stores import Stores
from index.stores.chunks import chunk_report, index_text
from index.stores.embed import HashEmbedder
from index.stores.lexical import LexicalIndex, tokenize
from index.stores.shared_lexical import PostgresLexicalIndex, SharedLexicalIndex
from index.stores.store import Store

FILES = ("00_lucheng", "17_pingtan-syq_2022", "18_pingtan-syq_2023", "47_pingtan-scj_2024")
QUERIES = ("首创依申请公开办理压力测试", "行政复议 纠错", "本年新收政府信息公开申请数量", "政务公开存在的问题",
           "政府信息公开 政府信息公开 申请")  # the last: every token common, one repeated


@pytest.fixture(scope="module")
def sample(parsed_reports):
    """Four real reports: two years of one agency, another agency of the same zone, one elsewhere."""
    return [next(r for r in parsed_reports if r.file_name.startswith(f)) for f in FILES]


@pytest.fixture
def db_url(postgres) -> str:  # noqa: F811
    return new_database(postgres)


@pytest.fixture
def store(db_url) -> Store:
    s = Store(db_url)
    yield s
    s.close()


def _stored(store: Store, reports) -> PostgresLexicalIndex:
    lex = PostgresLexicalIndex(store)
    for r in reports:
        store.upsert(r)
        lex.add(chunk_report(r))
    return lex


def _rounded(hits) -> list[tuple[str, float]]:
    return [(c.id, round(s, 9)) for c, s in hits]


def _same(got, want) -> bool:
    """The same scores position by position and the same chunks at each score (equal scores may come in
    another order, and those tied with the last may be other chunks)."""
    got, want = _rounded(got), _rounded(want)
    last = want[-1][1] if want else None
    return ([s for _, s in got] == [s for _, s in want]
            and sorted(x for x in got if x[1] != last) == sorted(x for x in want if x[1] != last))


def test_results_and_scores_are_the_fts5_indexes(store, sample, tmp_path):
    pg, fts = _stored(store, sample), LexicalIndex(tmp_path / "lexical")
    for r in sample:
        fts.add(chunk_report(r))
    assert pg.report_ids() == fts.report_ids() and pg.count() == fts.count()
    assert pg.report_ids(kinds=("text",)) == fts.report_ids(kinds=("text",))
    scopes = (None, {"report_id": sample[0].id}, {"report_id": [r.id for r in sample[1:]]}, {"kind": "text"},
              {"kind": "table_row", "year": [2023, 2024]}, {"agency": sample[1].meta.agency})
    found = 0
    for q in QUERIES:
        for where in scopes:
            for k in (1, 5, 40):
                got, want = pg.query(q, k, where), fts.query(q, k, where)
                assert _same(got, want), (q, where, k)
                found += bool(got)
                assert {c.id: c for c, _ in got}.items() <= {c.id: c for c, _ in fts.query(q, 500, where)}.items()
    assert found >= 0.9 * len(QUERIES) * len(scopes) * 3
    assert pg.query("zzzz qqqq", 5) == [] and pg.query("", 5) == [] and pg.query("申请", 0) == []
    with pytest.raises(ValueError, match="unknown filter"):
        pg.query("申请", where={"colour": "red"})
    assert pg.chunks(sample[0].id) == fts.chunks(sample[0].id)
    for phrase in ("压力测试", "行政复议", "火星基地", "政府信息公开申请", "申请 火星"):
        assert pg.contains(phrase) == fts.contains(phrase), phrase
    pairs = ["压力", "测试", "火星", "处理", "出理"]  # the vocabulary a slip is read against (index/stores/slips.py)
    assert pg.frequencies(pairs) == fts.frequencies(pairs) and fts.frequencies(pairs)["压力"] > 0
    assert "火星" not in fts.frequencies(pairs) and pg.frequencies([]) == {}


def test_two_stores_over_one_database_see_each_others_reports_at_once(db_url, corpus_dir, tmp_path):
    """Two hosts, each with its own home and one PostgreSQL: a report one ingests is found lexically by the
    other at its next query, and its removal too; neither keeps a lexical file."""
    a = Index(Settings(home=tmp_path / "a", db_url=db_url), embedder=HashEmbedder())
    b = Stores(Settings(home=tmp_path / "b", db_url=db_url), embedder=HashEmbedder())
    assert isinstance(b.lexical, PostgresLexicalIndex) and b.lexical.query("首创依申请公开办理压力测试", 3) == []
    summary = a.ingest_paths([corpus_dir / "reports" / "00_lucheng-qu_2022.txt"], progress=False)
    rid = summary.results[0].report_id
    (best, _), *_ = b.lexical.query("首创依申请公开办理压力测试", 3)
    assert best.report_id == rid and "压力测试" in best.text and b.lexical.contains("压力测试")
    assert b.lexical.report_ids() == a.lexical.report_ids() == {rid: summary.results[0].chunks}
    hits = b.retriever.search("首创依申请公开办理压力测试", k=3, method="lexical")
    assert hits[0].chunk.report_id == rid
    assert a.remove(rid)
    assert b.lexical.query("首创依申请公开办理压力测试", 3) == [] and b.lexical.count() == 0
    assert not (tmp_path / "a" / "lexical").exists() and not (tmp_path / "b" / "lexical").exists()


def test_chunks_count_only_while_their_report_is_committed(store, sample):
    """The writer indexes chunks before it commits the report: until then (or after a kill between the two)
    no host finds them, though the writer's repair sees them."""
    lex = _stored(store, sample[1:])
    first = sample[0]
    lex.add(chunk_report(first))  # the report itself not committed (yet)
    assert first.id in lex.report_ids()
    assert all(c.report_id != first.id for c, _ in lex.query("首创依申请公开办理压力测试", 40))
    assert lex.query("首创依申请公开办理压力测试", 5, where={"report_id": first.id}) == []
    assert not lex.contains("压力测试")
    store.upsert(first)
    assert lex.query("首创依申请公开办理压力测试", 1)[0][0].report_id == first.id and lex.contains("压力测试")
    store.delete(first.id)  # removed from the store: gone at once, its rows until the writer deletes them
    assert all(c.report_id != first.id for c, _ in lex.query("首创依申请公开办理压力测试", 5))
    lex.delete_report(first.id)
    assert first.id not in lex.report_ids()


def _check_counts(store: Store, chunks) -> None:
    """Document frequencies, totals and postings are exactly those of these chunks' tokens."""
    terms = [tokenize(index_text(c)) for c in chunks]
    with store.engine.connect() as conn:
        df = dict(conn.exec_driver_sql("SELECT token, df FROM lex_vocab").all())
        stats = conn.exec_driver_sql("SELECT chunks, tokens FROM lex_stats").one()
        postings = conn.exec_driver_sql("SELECT count(*), coalesce(sum(tf), 0) FROM lex_postings").one()
    assert df == Counter(t for ts in terms for t in set(ts))
    assert tuple(stats) == (len(chunks), sum(map(len, terms)))
    assert tuple(postings) == (sum(len(set(ts)) for ts in terms), sum(map(len, terms)))


def test_frequencies_and_totals_follow_every_change(store, sample):
    lex = _stored(store, sample)
    chunks = {r.id: chunk_report(r) for r in sample}
    _check_counts(store, [c for v in chunks.values() for c in v])
    lex.add(chunks[sample[1].id][:5])  # replaced by id
    lex.delete_report(sample[2].id)
    _check_counts(store, [c for r in sample if r.id != sample[2].id for c in chunks[r.id]])
    for r in sample:
        lex.delete_report(r.id)
    _check_counts(store, [])


def test_another_tokeniser_version_retokenises_once(store, sample, caplog):
    lex = _stored(store, sample[:2])
    want = _rounded(lex.query("首创依申请公开办理压力测试", 5))
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM lex_vocab")
        conn.exec_driver_sql("UPDATE lex_stats SET scheme = '[\"jieba+bigram\", 1]'")
    with caplog.at_level(logging.INFO):
        again = PostgresLexicalIndex(store)
    assert "re-tokenising" in caplog.text and _rounded(again.query("首创依申请公开办理压力测试", 5)) == want
    _check_counts(store, [c for r in sample[:2] for c in chunk_report(r)])


def test_a_store_with_reports_fills_an_empty_index_once(db_url, sample, tmp_path, caplog):
    """A PostgreSQL store from before the lexical tables: the first host to open it indexes every report."""
    store = Store(db_url)
    for r in sample:
        store.upsert(r)
    with caplog.at_level(logging.WARNING):
        lex = Stores(Settings(home=tmp_path / "a", db_url=db_url)).lexical
    assert lex.report_ids() == {r.id: len({c.id for c in chunk_report(r)}) for r in sample}
    assert "rebuilding it from the store" in caplog.text
    caplog.clear()
    Stores(Settings(home=tmp_path / "b", db_url=db_url)).lexical  # noqa: B018 - a second host opens it
    assert "rebuilding" not in caplog.text


def test_the_settings_choose_the_backend(db_url, tmp_path):
    assert isinstance(Stores(Settings(home=tmp_path / "a", db_url=db_url)).lexical, PostgresLexicalIndex)
    per_home = Stores(Settings(home=tmp_path / "b", db_url=db_url, lexical="fts5")).lexical
    assert isinstance(per_home, SharedLexicalIndex) and per_home.file.exists()
    embedded = Stores(Settings(home=tmp_path / "c")).lexical
    assert type(embedded) is LexicalIndex
    with pytest.raises(ValidationError, match="PostgreSQL URL"):
        Settings(home=tmp_path, lexical="postgres")
