"""Sentence-level evidence on real bundled reports, without the model: which pieces are candidates (never
headings, table rows, page furniture or the metadata block), how they rank by the question's words, section
priors and a count's number, and the clause a count is lifted from, with exact offsets into the report."""

from __future__ import annotations

import pytest

from assistant.narrative import (
    answer_lines,
    count_clause,
    cue,
    earlier_reports,
    name_parts,
    query_terms,
    rank,
    report_sentences,
    spans,
    synonyms,
    topic_words,
    with_items,
)
from assistant.plan import understand
from index.parse.report import parse_file

LUCHENG_2022 = "00_lucheng-qu_2022.txt"
KEWEI_2024 = "05_shanghai-kewei_2024.md"
PINGTAN_2020 = "15_pingtan-syq_2020.txt"
PINGTAN_2023 = "18_pingtan-syq_2023.txt"
BGT_2019 = "22_shanghai-bgt_2019.html"
CZJ_2009 = "28_pingtan-xian-czj_2009.txt"
NYN_2020 = "41_pingtan-nyn_2020.txt"
FILES = (LUCHENG_2022, KEWEI_2024, PINGTAN_2020, PINGTAN_2023, BGT_2019, CZJ_2009, NYN_2020)


@pytest.fixture(scope="module")
def reports(corpus_dir):
    return {name: parse_file(corpus_dir / "reports" / name) for name in FILES}


def _ranked(report, question: str, topic: str = ""):
    """As the assistant ranks one named report's sentences, without the model's cosines."""
    cands = report_sentences(report)
    names = name_parts(report.meta.agency)
    terms = query_terms(question, topic_words(topic), names, (report.meta.agency,))
    ranked = rank(question, terms, cands, {}, names)
    return with_items(ranked, cands, {report.id: report.text}, lists=cue(question) in ("shortfall", "plan"))


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
    assert ranked[0].sentence.text.startswith("二是提升依申请公开答复质量。")  # the sentence ranked, with its title
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


def test_a_short_form_of_the_agency_is_not_a_content_word():
    kewei, bgt = "上海市科学技术委员会", "上海市人民政府办公厅"
    assert "科委" not in query_terms("上海科委2024年政务公开存在什么问题？", [], name_parts(kewei), (kewei,))
    terms = query_terms("上海市政府办公厅2019年信息公开官司打得怎么样？", [], name_parts(bgt), (bgt,))
    assert "上海市政府" not in terms and "官司" in terms
    assert "科委" in query_terms("上海科委有什么问题？", [], name_parts(kewei))  # only the named reports' names


def test_a_colloquial_word_matches_the_formal_one(reports):
    assert "诉讼" in synonyms("官司")
    top = _ranked(reports[BGT_2019], "上海市政府办公厅2019年信息公开官司打得怎么样？", "信息公开官司打得")[0]
    assert "零败诉" in top.sentence.text


def test_headings_tell_the_problems_from_the_measures(reports):
    """The 2024 科委 report has no section heading above （一）主要问题 / （二）改进情况: the headings decide."""
    report = reports[KEWEI_2024]
    top = _ranked(report, "上海科委2024年政务公开存在什么问题？", "政务公开 问题")[0]
    assert "原有部门网站政务公开栏目" in top.sentence.text
    top = _ranked(report, "市科委针对机构改革后的问题采取了什么措施？", "机构改革 问题 措施")[0]
    assert "张江高新" in top.sentence.text


def test_problems_come_before_the_measures_and_a_list_is_quoted_whole(reports):
    top = _ranked(reports[CZJ_2009], "平潭县财政局2009年信息公开存在什么问题？", "信息公开 问题")[0].sentence
    assert top.read.startswith("一是") and "二是目前我局政府信息公开工作经办人员少" in top.read and "三是" in top.read
    assert "改进" not in top.read
    report = reports[CZJ_2009]
    assert report.text[top.start:top.end] == top.text


def test_a_count_takes_the_number_of_what_was_asked(reports):
    question = "平潭2020年搞了几期问政平潭？"
    top = _ranked(reports[PINGTAN_2020], question, "问政平潭")[0]
    clause, value, unit = count_clause(question, top.sentence.text)
    assert (value, unit) == (6, "期") and "《问政平潭》" in clause


def test_matching_reads_wrapped_lines_as_one_text(reports):
    cands = report_sentences(reports[KEWEI_2024])
    wrapped = next(c for c in cands if "内设机构和职" in c.text)
    assert "\n" in wrapped.text and "内设机构和职能发生较大调整" in wrapped.read


def test_a_question_for_something_new_pulls_the_sentence_that_says_it_is(reports):
    question = "鹿城区在依申请公开方面有什么创新做法？"
    assert cue(question) == "novel"
    top = [s.sentence.read for s in _ranked(reports[LUCHENG_2022], question, "依申请公开 创新做法")[:2]]
    assert any("首创依申请公开办理压力测试" in t for t in top)


def test_a_question_without_a_year_may_be_answered_from_an_earlier_report(catalog):
    it = understand("海坛片区是怎么成立的？", [], catalog)
    agency, newest = it.targets[0]
    assert newest == 2024 and earlier_reports(catalog, it) == [catalog.entry(agency, 2019).report_id]
    assert earlier_reports(catalog, understand("海坛片区2024年是怎么成立的？", [], catalog)) == []  # a year was given
