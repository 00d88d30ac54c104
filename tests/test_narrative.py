"""Choosing the sentences to quote on a real bundled report, without the model: the sentences that repeat
the question's topic words and bigrams are chosen, headings are not, at most `per_report` per report and
MAX_REPORTS reports, with exact offsets into the report text."""

from __future__ import annotations

import pytest

from assistant.narrative import (
    MAX_REPORTS,
    best_sentences,
    lexical_keys,
    quote_sentences,
    sentences,
    topic_words,
)
from index.chunks import chunk_report
from index.report import parse_file

LUCHENG_2022 = "00_lucheng-qu_2022.txt"
QUESTION = "鹿城区在依申请公开方面做过压力测试吗？"
TOPICS = "依申请公开 压力测试"


@pytest.fixture(scope="module")
def lucheng(corpus_dir):
    report = parse_file(corpus_dir / "reports" / LUCHENG_2022)
    chunks = [c for c in chunk_report(report) if c.kind == "text"]
    return report, [(c, 0.9) for c in chunks]


def _cands(chunks):
    return [(c, s, e) for c, _ in chunks for s, e in sentences(c.text)]


def _text(cand) -> str:
    chunk, s, e = cand
    return chunk.text[s:e]


def test_sentence_with_the_topic_ranks_first(lucheng):
    _, chunks = lucheng
    cands = _cands(chunks)
    keys = lexical_keys(QUESTION, topic_words(TOPICS), cands)
    best = max(range(len(cands)), key=lambda i: keys[i])
    assert "压力测试" in _text(cands[best])
    kept = best_sentences(cands, keys, 3)
    assert len(kept) == 3 and kept == sorted(kept) and best in kept


def test_headings_and_agency_names_do_not_count(lucheng):
    _, chunks = lucheng
    cands = _cands(chunks)
    keys = lexical_keys("鹿城区人民政府办公室的专业素质", [], cands)
    assert not any("鹿城区人民政府办公室" in _text(c) and k > 0 for c, k in zip(cands, keys, strict=True))
    keys = lexical_keys(QUESTION, topic_words(TOPICS), cands)
    heading = next(i for i, c in enumerate(cands) if _text(c).startswith("(二)") and "依申请公开" in _text(c))
    sentence = next(i for i, c in enumerate(cands) if _text(c).startswith("一是细化依申请公开"))
    assert keys[heading] < keys[sentence]


def test_ties_keep_retrieval_order_and_repeats_count_once(lucheng):
    _, chunks = lucheng
    cands = _cands(chunks)
    assert best_sentences(cands, [0.0] * len(cands), 2) == [0, 1]
    twice = cands[:1] * 3 + cands[1:2]
    assert best_sentences(twice, [1.0] * len(twice), 2) == [0, 3]


def test_reports_past_the_limit_are_left_out(lucheng):
    _, chunks = lucheng
    chunk, s, e = _cands(chunks)[0]
    others = [(chunk.model_copy(update={"agency": f"单位{n}", "report_id": f"r{n}"}), s, e)
              for n in range(MAX_REPORTS + 2)]
    kept = best_sentences(others, [float(n) for n in range(len(others))], 1)
    assert kept == list(range(2, MAX_REPORTS + 2))


def test_quotes_the_stress_test_with_exact_offsets(lucheng):
    report, chunks = lucheng
    groups = quote_sentences(QUESTION, topic_words(TOPICS), chunks, 4, precedent=False)
    assert list(groups) == [(report.meta.agency, report.meta.year)]
    passages = groups[(report.meta.agency, report.meta.year)]
    assert len(passages) == 4 and [p.start for p in passages] == sorted(p.start for p in passages)
    assert any("压力测试" in p.text for p in passages)
    for p in passages:
        assert report.text[p.start:p.end] == p.text


def test_precedent_needs_the_topic_in_the_sentence(lucheng):
    _, chunks = lucheng
    assert not quote_sentences("哪些单位做过天气预报？", topic_words("天气预报"), chunks, 2, precedent=True)
    groups = quote_sentences("哪些单位做过压力测试？", topic_words("压力测试"), chunks, 2, precedent=True)
    assert all("压力测试" in p.text for ps in groups.values() for p in ps) and groups
