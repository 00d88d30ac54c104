"""Sentence-level evidence on real bundled reports, without the model: which pieces are candidates (never
headings, table rows, page furniture or the metadata block), how they rank by the question's words, section
priors and a count's number, and the clause a count is lifted from, with exact offsets into the report."""

from __future__ import annotations

import pytest

from assistant.narrative import (
    answer_lines,
    count_clause,
    name_parts,
    query_terms,
    rank,
    report_sentences,
    spans,
    topic_words,
    with_items,
)
from index.parse.report import parse_file

LUCHENG_2022 = "00_lucheng-qu_2022.txt"
PINGTAN_2023 = "18_pingtan-syq_2023.txt"
NYN_2020 = "41_pingtan-nyn_2020.txt"


@pytest.fixture(scope="module")
def reports(corpus_dir):
    return {name: parse_file(corpus_dir / "reports" / name) for name in (LUCHENG_2022, PINGTAN_2023, NYN_2020)}


def _ranked(report, question: str, topic: str = ""):
    cands = report_sentences(report)
    names = name_parts(report.meta.agency)
    ranked = rank(question, query_terms(question, topic_words(topic), names), cands, {}, names)
    return with_items(ranked, cands, {report.id: report.text})


def test_candidates_are_sentences_with_exact_offsets(reports):
    for report in reports.values():
        cands = report_sentences(report)
        assert cands
        for c in cands:
            assert report.text[c.start:c.end] == c.text
            assert "|" not in c.text  # no table rows
            assert not c.text.startswith(("标题:", "发布时间", "发布机构", "原文链接", "本地目录", "===="))
            assert not (c.text.startswith("（") and "）" in c.text[:4] and "。" not in c.text)  # no headings


def test_headings_are_context_not_candidates(reports):
    cands = report_sentences(reports[LUCHENG_2022])
    assert not any(c.text == "(二)笃求依申请公开精度" for c in cands)
    under = next(c for c in cands if c.text.startswith("全面梳理政府信息依申请公开环节"))
    assert under.heading == "一是细化依申请公开办理流程。"


def test_wrapped_lines_and_glued_headings():
    text = "五、存在的主要问题及改进情况2024年，仍在不足。\n(一)加强培训\n一是开展业务培训工作。由专家授课并组织考试。"
    got = [(text[s:e], h) for s, e, h in spans(text)]
    assert ("(一)加强培训", True) in got and ("由专家授课并组织考试。", False) in got


def test_the_sentence_that_answers_ranks_first(reports):
    best = _ranked(reports[LUCHENG_2022], "鹿城区怎么提高政务公开工作人员的专业素质？", "提高 工作人员 专业素质")[0]
    assert "依申请公开案例答辩比赛" in best.sentence.text
    best = _ranked(reports[LUCHENG_2022], "鹿城区政府办收了信息公开处理费吗？", "信息公开处理费")[0]
    assert "未收取政府信息公开处理费" in best.sentence.text


def test_a_shortfall_question_prefers_the_problems_not_the_plans(reports):
    top = _ranked(reports[LUCHENG_2022], "鹿城区2022年政务公开存在什么问题？", "政务公开")[0]
    assert top.sentence.section == "problems" and "不足" in top.sentence.text


def test_an_item_title_is_quoted_with_the_sentence_under_it(reports):
    report = reports[LUCHENG_2022]
    ranked = _ranked(report, "鹿城区怎么提升依申请公开的答复质量？", "提升 依申请公开 答复质量")
    assert "律师审核把关" in ranked[0].sentence.text
    cands = report_sentences(report)
    title = next(s for s in rank("答复质量", ["答复质量"], cands, {}, []) if s.sentence.text.startswith("二是"))
    merged = with_items([title], cands, {report.id: report.text})[0].sentence
    assert merged.text.startswith("二是提升依申请公开答复质量。") and "律师审核把关" in merged.text
    assert report.text[merged.start:merged.end] == merged.text


def test_a_count_pulls_the_sentence_stating_it_and_lifts_its_number(reports):
    report = reports[NYN_2020]
    question = "平潭农业农村局2020年受理了多少12345热线？"
    top = _ranked(report, question, "受理 12345 热线")[0]
    assert "244起" in top.sentence.text
    clause, value, unit = count_clause(question, top.sentence.text)
    assert (value, unit) == (244, "起") and "12345市民服务热线244起" in clause
    assert count_clause("平潭地税局有几个人负责信息公开？", "我局没有从事政府信息公开工作的全职人员，兼职人员1人。") == \
        ("兼职人员1人", 1, "人")
    assert count_clause("鹿城区怎么培训？", top.sentence.text) is None


def test_quotes_are_distinct_and_at_most_three(reports):
    quotes = answer_lines(_ranked(reports[PINGTAN_2023], "平潭综合实验区2023年开设了哪些特色专题？", "特色专题"))
    assert len(quotes) == 3
    spans_ = [(q.sentence.start, q.sentence.end) for q in quotes]
    assert all(a[1] <= b[0] or b[1] <= a[0] for i, a in enumerate(spans_) for b in spans_[i + 1:])
    assert any("台湾地区标准题录数据库" in q.sentence.text for q in quotes[:1])
