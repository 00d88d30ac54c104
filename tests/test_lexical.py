"""The lexical index (SQLite FTS5 over jieba words and bigrams) on real reports: what it indexes, how it scores,
filters, deletes, what other processes see, and how a home built by the JSON-lines index of earlier versions opens."""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter

import pytest

from index.stores.chunks import chunk_report, index_text
from index.stores.lexical import LEGACY_FILE, LexicalIndex, tokenize

FILES = ("00_lucheng", "17_pingtan-syq_2022", "18_pingtan-syq_2023", "47_pingtan-scj_2024")


@pytest.fixture(scope="module")
def sample(parsed_reports):
    """Four real reports: two years of one agency, another agency of the same zone, one elsewhere."""
    reports = [next(r for r in parsed_reports if r.file_name.startswith(f)) for f in FILES]
    return reports, {r.id: chunk_report(r) for r in reports}


def fts5_bm25(docs: list[list[str]], query: list[str], k1: float = 1.2, b: float = 0.75) -> list[float]:
    """FTS5's bm25() written out: idf log((N - n + 0.5) / (n + 0.5)), at least 1e-6; each query token counted."""
    n_docs, avg = len(docs), sum(map(len, docs)) / len(docs)
    df = Counter(t for d in docs for t in set(d))
    out = []
    for d in docs:
        tf, score = Counter(d), 0.0
        for t in query:
            idf = max(math.log((n_docs - df[t] + 0.5) / (df[t] + 0.5)), 1e-6) if df[t] else 0.0
            score += idf * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * len(d) / avg))
        out.append(score)
    return out


def test_tokens_are_jieba_words_and_bigrams():
    tokens = tokenize("2023年，平潭综合实验区受理申请８１件。")
    assert {"平潭", "实验区", "2023", "81", "申请", "受理"} <= set(tokens)  # words, full-width digits folded
    assert {"潭综", "依申", "请公"} <= set(tokenize("平潭综合实验区依申请公开"))  # bigrams of the CJK runs
    assert not {"。", "年", "件"} & set(tokens)  # punctuation and stop words
    assert tokenize("平潭实验区", "bigram") == ["平潭", "潭实", "实验", "验区"]


def test_tokenizing_leaves_the_logging_lock_alone(monkeypatch):
    """Setting a logger's level clears every logger's cache under logging's module lock, with no `finally`: an
    answer stopped at its budget inside that (an exception raised in its thread) left the lock held, and the next
    log call of the process waited forever (a test run hung so). Tokenizing, as every question does, sets none."""
    import logging

    tokenize("预热")
    cleared = []
    monkeypatch.setattr(logging.Manager, "_clear_cache", lambda self: cleared.append(1))
    for text in ("平潭综合实验区受理申请81件。", "政务公开业务培训"):
        assert tokenize(text)
    assert cleared == []


def test_fts5_holds_exactly_our_tokens(tmp_path, sample):
    """FTS5's tokenizer splits only at the spaces between ours: a decimal, a code like 12345 or a word with
    punctuation stays one term, and the term counts are the token counts."""
    reports, chunks = sample
    lex = LexicalIndex(tmp_path / "lexical")
    rows = chunks[reports[0].id]
    lex.add(rows)
    db = sqlite3.connect(lex.file)
    db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, terms, 'row')")
    got = dict(db.execute("SELECT term, cnt FROM temp.v").fetchall())
    assert got == dict(Counter(t for c in rows for t in tokenize(index_text(c))))


def test_add_query_filter_delete_and_reopen(tmp_path, sample):
    reports, chunks = sample
    lex = LexicalIndex(tmp_path / "lexical")
    lex.add([c for r in reports for c in chunks[r.id]])
    assert lex.report_ids() == {rid: len({c.id for c in v}) for rid, v in chunks.items()}
    assert lex.report_ids(kinds=("table_row",)) == {rid: sum(c.kind == "table_row" for c in v) for rid, v in chunks.items()}
    (best, score), *_ = lex.query("首创依申请公开办理压力测试", k=3)
    assert best.report_id == reports[0].id and "压力测试" in best.text and score > 0
    assert best in chunks[reports[0].id]  # the chunk comes back whole
    zone = reports[1].meta.agency
    hits = lex.query("政务公开存在的问题", k=50, where={"agency": zone, "year": [2023]})
    assert hits and {(c.agency, c.year) for c, _ in hits} == {(zone, 2023)}
    assert lex.query("zzzz qqqq", k=5) == [] and lex.query("", k=5) == []
    with pytest.raises(ValueError, match="unknown filter"):
        lex.query("申请", where={"colour": "red"})

    lex.delete_report(reports[0].id)
    assert reports[0].id not in lex.report_ids()
    kept = [c for r in reports[1:] for c in chunks[r.id]]
    total = sqlite3.connect(lex.file).execute("SELECT value FROM meta WHERE key = 'tokens_total'").fetchone()[0]
    assert int(total) == sum(len(tokenize(index_text(c))) for c in kept)  # BM25's average length stays right
    assert all(c.report_id != reports[0].id for c, _ in lex.query("首创依申请公开办理压力测试", k=10))
    again = LexicalIndex(tmp_path / "lexical")
    assert again.report_ids() == lex.report_ids() and not again.created
    q = "信息发布属性界定不够精确"
    assert [(c.id, round(s, 4)) for c, s in again.query(q, 5)] == [(c.id, round(s, 4)) for c, s in lex.query(q, 5)]


def test_filtered_scores_are_fts5_bm25_over_the_whole_corpus(tmp_path, sample):
    """Filtered searches score each chunk against the whole corpus's statistics (not the filtered subset's),
    so scores from different filters compare; they equal BM25 with FTS5's parameters."""
    reports, chunks = sample
    every = [c for r in reports for c in chunks[r.id]]
    lex = LexicalIndex(tmp_path / "lexical")
    for r in reports:
        lex.add(chunks[r.id])
    docs = [tokenize(index_text(c)) for c in every]
    for q in ("首创依申请公开办理压力测试", "行政复议 纠错", "本年新收政府信息公开申请数量"):
        expected = dict(zip((c.id for c in every), fts5_bm25(docs, tokenize(q)), strict=True))
        for r in reports:
            hits = lex.query(q, k=5, where={"report_id": r.id})
            assert hits
            assert [s for _, s in hits] == pytest.approx([expected[c.id] for c, _ in hits], rel=1e-6)
            best = sorted((expected[c.id] for c in chunks[r.id]), reverse=True)[:len(hits)]
            assert [s for _, s in hits] == pytest.approx(best, rel=1e-6)


def _whole_sample(tmp_path, sample):
    """The four reports in one index: (chunks, index, their tokens, document frequencies)."""
    reports, chunks = sample
    every = [c for r in reports for c in chunks[r.id]]
    lex = LexicalIndex(tmp_path / "lexical")
    lex.add(every)
    docs = [tokenize(index_text(c)) for c in every]
    return every, lex, docs, Counter(t for d in docs for t in set(d))


def test_a_corpus_search_leaves_out_tokens_most_chunks_have(tmp_path, sample):
    every, lex, docs, df = _whole_sample(tmp_path, sample)
    common = max(df, key=df.get)
    assert df[common] > 0.5 * len(every)
    assert lex.query(common, k=5)  # alone it is still searched (the rarest tokens are kept)
    q = f"{common} 压力测试"
    expected = dict(zip((c.id for c in every), fts5_bm25(docs, tokenize("压力测试")), strict=True))
    (best, score), *_ = lex.query(q, k=3)
    assert "压力测试" in best.text and score == pytest.approx(expected[best.id], rel=1e-6)


def test_another_process_sees_each_change_at_once(tmp_path, sample):
    """`nianbao ingest` beside a running server: every change is a commit the server's next query sees."""
    reports, chunks = sample
    server, ingest = LexicalIndex(tmp_path / "lexical"), LexicalIndex(tmp_path / "lexical")
    assert server.query("首创依申请公开办理压力测试", k=1) == []
    ingest.add(chunks[reports[0].id])
    assert set(server.report_ids()) == {reports[0].id}
    assert server.query("首创依申请公开办理压力测试", k=1)[0][0].report_id == reports[0].id
    ingest.delete_report(reports[0].id)
    assert server.query("首创依申请公开办理压力测试", k=1) == []


def _legacy_file(path, chunks, scheme="jieba+bigram", version=2) -> None:
    path.mkdir(parents=True, exist_ok=True)
    with (path / LEGACY_FILE).open("w", encoding="utf-8") as f:
        f.write(json.dumps({"scheme": scheme, "version": version, "chunks": len(chunks)}) + "\n")
        for c in chunks:
            f.write(json.dumps({"chunk": c.model_dump(), "tokens": tokenize(index_text(c), scheme)},
                               ensure_ascii=False) + "\n")


def test_a_home_of_the_json_lines_index_opens_with_its_chunks(tmp_path, sample, caplog):
    reports, chunks = sample
    old = [c for r in reports[:2] for c in chunks[r.id]]
    _legacy_file(tmp_path / "lexical", old)
    caplog.set_level("INFO")
    lex = LexicalIndex(tmp_path / "lexical")
    assert lex.imported == len(old) and "imported" in caplog.text
    assert not (tmp_path / "lexical" / LEGACY_FILE).exists()
    assert lex.report_ids() == {r.id: len(chunks[r.id]) for r in reports[:2]}
    fresh = LexicalIndex(tmp_path / "fresh")
    fresh.add(old)
    q = "首创依申请公开办理压力测试"
    assert [(c.id, round(s, 6)) for c, s in lex.query(q, 5)] == [(c.id, round(s, 6)) for c, s in fresh.query(q, 5)]
    assert LexicalIndex(tmp_path / "lexical").imported == 0  # once


def test_a_stale_or_damaged_legacy_file_is_handled(tmp_path, sample, caplog):
    reports, chunks = sample
    _legacy_file(tmp_path / "stale", chunks[reports[0].id], scheme="bigram")  # other tokens: recomputed
    lex = LexicalIndex(tmp_path / "stale")
    assert lex.query("首创依申请公开办理压力测试", k=1)[0][0].report_id == reports[0].id
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / LEGACY_FILE).write_text('{"scheme": "jieba+bigram"}\n{"chunk": {"id": 1', encoding="utf-8")
    bad = LexicalIndex(tmp_path / "bad")
    assert bad.count() == 0 and "unreadable" in caplog.text and not (tmp_path / "bad" / LEGACY_FILE).exists()


def test_another_scheme_retokenises_what_is_stored(tmp_path, sample):
    reports, chunks = sample
    LexicalIndex(tmp_path / "lexical").add(chunks[reports[0].id])
    bigram = LexicalIndex(tmp_path / "lexical", scheme="bigram")
    assert bigram.count() == len(chunks[reports[0].id])
    assert bigram.query("压力测试", k=1)[0][0].report_id == reports[0].id


def _vocab_is_fts5s(lex: LexicalIndex) -> None:
    db = sqlite3.connect(lex.file)
    db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, terms, 'row')")
    assert dict(db.execute("SELECT token, df FROM vocab")) == dict(db.execute("SELECT term, doc FROM temp.v"))


def test_document_frequencies_follow_every_change_and_old_files_get_them(tmp_path, sample):
    """The `vocab` table (what queries read instead of scanning FTS5's postings) stays FTS5's document
    frequencies through adds, replacements and deletions; a file without it is counted once on open."""
    reports, chunks = sample
    lex = LexicalIndex(tmp_path / "lexical")
    for r in reports:
        lex.add(chunks[r.id])
    lex.add(chunks[reports[1].id][:5])  # replaced by id
    lex.delete_report(reports[2].id)
    _vocab_is_fts5s(lex)
    db = sqlite3.connect(lex.file)
    with db:
        db.execute("INSERT INTO vocab (token, df) VALUES ('marker', 1)")
    LexicalIndex(tmp_path / "lexical")  # an up-to-date file is not recounted on open
    assert db.execute("SELECT df FROM vocab WHERE token = 'marker'").fetchone() == (1,)
    with db:
        db.execute("DELETE FROM meta WHERE key = 'vocab'")  # a file of an earlier version
    _vocab_is_fts5s(LexicalIndex(tmp_path / "lexical"))


def test_a_filtered_corpus_search_is_bm25_over_the_chunks_that_pass(tmp_path, sample):
    """A filter on the kind (the assistant's cross-report search) or on more reports than MAX_RANGES ranks the
    whole corpus's matches that pass: the k best of them by BM25, however few pass."""
    every, lex, docs, df = _whole_sample(tmp_path, sample)
    for q in ("政务公开存在的问题", "行政复议 纠错", "本年新收政府信息公开申请数量"):
        informative = [t for t in tokenize(q) if df[t] < len(docs) / 2]  # the others weigh 1e-6: left out
        scores = dict(zip((c.id for c in every), fts5_bm25(docs, informative), strict=True))
        for where, keep in (({"kind": "text"}, lambda c: c.kind == "text"),
                            ({"kind": "table_row"}, lambda c: c.kind == "table_row"),
                            ({"year": [2024]}, lambda c: c.year == 2024)):
            for k in (3, 5, 20):
                want = sorted((scores[c.id] for c in every if keep(c) and scores[c.id] > 0), reverse=True)[:k]
                got = lex.query(q, k=k, where=where)
                assert all(keep(c) for c, _ in got)
                assert [s for _, s in got] == pytest.approx(want, rel=1e-5), (q, where, k)
