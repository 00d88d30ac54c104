"""The assistant on the real bundled corpus, ingested once per session into real SQLite + Chroma.

Figure paths use the HashEmbedder (retrieval quality is not the point there); narrative answers, whose
quality depends on the model, use the real bundled model (marked slow, one shared index)."""

from __future__ import annotations

import re

import pytest

from assistant import compose
from assistant.pipeline import Assistant
from index.ingest import Index
from index.settings import Settings
from index.stores.embed import HashEmbedder

LUCHENG = "温州市鹿城区人民政府办公室"
HONGZE = "淮安市洪泽区人民政府"
HUAIAN = "淮安市人民政府"
SYQ = "平潭综合实验区管委会"
KEWEI = "上海市科学技术委员会"


def _ingest(home, embedder=None) -> Index:
    index = Index(Settings(home=home), embedder=embedder)
    summary = index.ingest_bundled(progress=False)
    assert summary.ingested >= 40, summary.render()
    return index


@pytest.fixture(scope="session")
def hashed_index(tmp_path_factory) -> Index:
    return _ingest(tmp_path_factory.mktemp("answer-hash") / "home", HashEmbedder())


@pytest.fixture(scope="session")
def assistant(hashed_index) -> Assistant:
    return Assistant(hashed_index.settings.model_copy(update={"min_relevance": 0.0}), hashed_index)


@pytest.fixture(scope="session")
def model_assistant(corpus_index) -> Assistant:
    return Assistant(corpus_index.settings, corpus_index)


def cells(answer) -> set[tuple]:
    return {(c.agency, c.year, c.table, c.row, c.column) for c in answer.citations if c.kind == "cell"}


def figure(answer, row, column=None, table=None):
    return next(f.value for f in answer.figures if f.row == row and f.column == column
                and (table is None or f.table == table))


def markers(answer) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}


def assert_well_cited(answer):
    """Every marker points at a citation, every citation is used, and cell quotes are the cells' text."""
    assert markers(answer) == {c.n for c in answer.citations}
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    for f in answer.figures:
        assert 1 <= f.citation <= len(answer.citations)


# ---- the seed report ---------------------------------------------------------------------------
def test_seed_new_requests_with_carried_over(assistant):
    a = assistant.ask("鹿城区2022年收到多少政府信息公开申请？")
    assert a.kind == "figure" and not a.abstained
    assert a.figures[0].value == 113 and (a.figures[0].row, a.figures[0].column) == ("new_received", "total")
    assert "113" in a.text and "5件" in a.text and "结转" in a.text
    assert (LUCHENG, 2022, "requests", "new_received", "total") in cells(a)
    assert (LUCHENG, 2022, "requests", "carried_over", "total") in cells(a)
    cite = next(c for c in a.citations if c.row == "new_received")
    report = assistant.report(cite.report_id)
    assert report.text[cite.start:cite.end] == cite.quote and "113" in cite.quote
    assert cite.row_label.endswith("本年新收政府信息公开申请数量") and cite.column_label == "总计"
    assert_well_cited(a)


def test_seed_disclosure_rate_shows_formula_and_cites_inputs(assistant):
    a = assistant.ask("鹿城区2022年的公开率是多少？")
    assert a.kind == "derived"
    assert figure(a, "disclosure_rate", table="derived") == pytest.approx(59.1, abs=0.05)
    assert "59.1%" in a.text and "予以公开" in a.text and "÷" in a.text
    assert {("requests", r, "total") for r in ("granted", "partially_granted", "results_total")} == {
        (t, r, c) for _, _, t, r, c in cells(a)}
    assert_well_cited(a)


def test_seed_three_turn_conversation(assistant):
    history = []
    for q, check in [
        ("鹿城区2022年收到多少政府信息公开申请？", lambda a: a.figures[0].value == 113),
        ("公开率是多少？", lambda a: figure(a, "disclosure_rate", table="derived") == pytest.approx(59.1, abs=0.05)),
        ("有没有被复议？", lambda a: figure(a, "review_total") == 1 and figure(a, "review_other") == 1
            and "其他结果" in a.text),
    ]:
        a = assistant.ask(q, history)
        assert check(a), a.text
        assert all(c.agency == LUCHENG and c.year == 2022 for c in a.citations)
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": a.text}]
    assert (LUCHENG, 2022, "review_litigation", "review_other", None) in cells(a)
    assert a.citations[0].table == "review_litigation"


# ---- figures, breakdowns, derived figures ------------------------------------------------------
def test_short_names_typos_and_applicant_types(assistant):
    a = assistant.ask("鹿成区22年企业申请了几件？")
    assert a.figures[0].value == 12 and a.figures[0].column == "commercial"
    b = assistant.ask("平潭公安局2019年收到多少申请？")
    assert (b.figures[0].agency, b.figures[0].year, b.figures[0].row) == ("平潭综合实验区公安局", 2019, "new_received")
    assert b.citations[0].quote == assistant.facts(b.citations[0].report_id).cells[
        ("requests", "new_received", "total")].raw


def test_relative_year_is_said_explicitly(assistant):
    a = assistant.ask("洪泽区去年收到多少申请？")
    assert a.figures[0].year == 2024 and "按最新报告（2024年度）" in a.text


def test_lawsuits_sum_two_groups_and_cite_both(assistant):
    a = assistant.ask("淮安市2024年打官司多少件？")
    assert a.figures[0].table == "derived" and a.figures[0].row == "sum"
    direct = figure(a, "direct_suit_total")
    post = figure(a, "post_review_suit_total")
    assert a.figures[0].value == direct + post
    assert {(HUAIAN, 2024, "review_litigation", r, None) for r in ("direct_suit_total", "post_review_suit_total")} \
        <= cells(a)


def test_applicant_breakdown(assistant):
    a = assistant.ask("鹿城区2022年的申请人构成是怎样的？")
    assert a.kind == "breakdown"
    assert figure(a, "new_received", "natural_person") == 91 and figure(a, "new_received", "commercial") == 12
    assert figure(a, "new_received", "other_org") == 10 and "自然人91件" in a.text


def test_outcome_breakdown(assistant):
    a = assistant.ask("鹿城区2022年申请的办理结果如何？")
    assert figure(a, "granted", "total") == 41 and figure(a, "denied_process_info", "total") == 2
    assert figure(a, "other_misc", "total") == 19 and figure(a, "results_total", "total") == 110


def test_change_from_previous_year(assistant):
    a = assistant.ask("平潭2024年收到的申请比上年增长了多少？")
    cur, prev = (f.value for f in a.figures if f.row == "new_received")
    assert figure(a, "change", table="derived") == cur - prev
    assert {(SYQ, 2023, "requests", "new_received", "total"), (SYQ, 2024, "requests", "new_received", "total")} \
        <= cells(a)


def test_comparison_of_two_agencies(assistant):
    a = assistant.ask("洪泽区和淮安市2024年收到的申请对比")
    assert a.kind == "comparison"
    assert {(f.agency, f.year) for f in a.figures if f.row == "new_received"} == {(HONGZE, 2024), (HUAIAN, 2024)}
    assert "多" in a.text


def test_ranking_across_agencies(assistant):
    a = assistant.ask("2024年哪个单位收到的申请最多？")
    values = [f.value for f in a.figures if f.row == "new_received"]
    assert values == sorted(values, reverse=True) and a.figures[0].agency == HUAIAN
    assert all(c.year == 2024 for c in a.citations)


def test_statistical_precedent_lists_agencies_with_counts(assistant, hashed_index):
    a = assistant.ask("哪些单位的行政复议被纠正过？")
    assert a.kind == "precedent"
    listed = {(c.agency, c.year) for c in a.citations}
    expected = {(s.agency, s.year) for s, c in hashed_index.store.cells("review_litigation", "review_corrected")
                if c.value}
    assert listed == expected and (HUAIAN, 2024) in listed
    assert all(f.value > 0 for f in a.figures if f.table != "derived")


def test_a_reports_failed_check_is_said(assistant):
    a = assistant.ask("上海科委2024年收到多少申请？")
    assert a.figures[0].value == 34
    cite = a.citations[0]
    assert "requests.balance" in cite.check_failed
    assert "注：该报告表三自身合计不一致" in a.text


# ---- declines ----------------------------------------------------------------------------------
@pytest.mark.parametrize("question, reason", [
    ("北京市海淀区2022年收到多少申请？", "unknown_agency"),
    ("鹿城区2030年收到多少申请？", "year_not_held"),
    ("鹿城区2021年收到多少申请？", "year_not_held"),
    ("淮安市2024年申请人的平均年龄是多少？", "unsupported_figure"),
])
def test_declines_say_why(assistant, question, reason):
    a = assistant.ask(question)
    assert a.abstained and a.reason == reason and not a.figures
    assert "没有" in a.text or "不包含" in a.text


@pytest.mark.parametrize("question", ["", "   ", "？？？", "……", "?!", "😀😀", "【】"])
def test_a_question_without_words_asks_for_one(assistant, question):
    """Punctuation alone is no question: asked for one, no passage of some report quoted at random
    (？？？ listed twelve agencies' passages on fees and addresses)."""
    a = assistant.ask(question)
    assert a.abstained and a.reason == "empty_question" and not a.citations
    assert a.text == "请输入问题。"


def test_decline_names_what_the_corpus_holds(assistant):
    a = assistant.ask("鹿城区2021年收到多少申请？")
    assert "2022年度" in a.text
    b = assistant.ask("北京市海淀区2022年收到多少申请？")
    assert "北京市海淀区" in b.text and "上海市人民政府办公厅" in b.text and "等22个" in b.text


def test_pre2019_report_without_table_answers_from_its_text(assistant):
    a = assistant.ask("平潭综合实验区管委会2015年行政复议多少件？")
    assert not a.figures and "没有“行政复议”这一项" in a.text
    assert a.citations and all(c.kind == "passage" and c.year == 2015 for c in a.citations)
    assert any("行政复议" in c.quote for c in a.citations)


def test_count_a_template_lacks_is_declined_unless_a_passage_states_it(model_assistant):
    a = model_assistant.ask("平潭管委会2021年政府集中采购一共多少个项目？")  # the 2021 template has no procurement row
    assert a.abstained and "没有“政府集中采购" in a.text and "2021年版表格" in a.text
    assert not a.figures and not a.citations
    b = model_assistant.ask("平潭管委会2020年宣布废止了几件规范性文件？")  # no such row in the 2019 template; its text says 5
    assert not b.abstained and "2019年版表格" in b.text
    assert [(f.kind, f.value) for f in b.figures] == [("passage", 5)]
    c = model_assistant.ask("平潭公安局2019年行政事业性收费总共收了多少万元？")  # the 2019 template counts fee items,
    assert c.abstained and "行政事业性收费本年收费金额" in c.text and not c.figures  # no sum: the measure it lacks


def test_a_sum_over_one_applicant_column_says_the_column(assistant):
    """商业企业被不予公开的: the sum of the denial rows in that column is not the rows' whole sum, and says so."""
    a = assistant.ask("沭阳县2025年商业企业被不予公开的有几件？")
    assert "不予公开（商业企业）共0件" in a.text and figure(a, "sum", table="derived") == 0


def test_whether_replies_were_late_is_answered_where_the_text_says_they_were_in_time(model_assistant):
    """No table counts late replies; a report that says its replies were all within the deadline answers whether
    any was late, and one that says nothing of it is still declined."""
    a = model_assistant.ask("洪泽区2024年的公开申请，答复有没有超过期限的？")
    assert not a.abstained and "法定期限内" in a.citations[0].quote and a.citations[0].year == 2024
    assert model_assistant.ask("洪泽区2024年超过期限才答复的有几件？").abstained  # a count of late replies: no report


def test_outcomes_of_a_review_listed_are_its_breakdown_under_its_total(assistant):
    a = assistant.ask("沭阳县2025年复议的维持和纠正分别多少")
    rows = [f.row for f in a.figures]
    assert rows[0] == "review_total" and len(rows) == len(set(rows))
    assert {"review_upheld", "review_corrected"} <= set(rows) and a.text.startswith("沭阳县人民政府2025年度行政复议")


def test_a_count_the_text_writes_in_chinese_numerals_is_answered_not_declined_as_unsaid(assistant):
    a = assistant.ask("君山片区管理局2020年发了几次调查问卷？")
    assert not a.abstained and [(f.kind, f.value) for f in a.figures] == [("passage", 2)]


def test_the_reports_own_contact_facts_are_quoted_as_printed_or_said_to_be_absent(assistant):
    a = assistant.ask("平潭管委会2020年那份年报上留的联系电话是多少？")
    assert not a.abstained and "0591-23165370" in a.text
    passage = next(c for c in a.citations if c.kind == "passage")
    report = assistant.index.store.report(passage.report_id)
    assert report.text[passage.start:passage.end] == passage.quote and "0591-23165370" in passage.quote
    b = assistant.ask("鹿城区府办2022年年报写了办公电话吗？")  # it prints none
    assert b.abstained and "没有写明" in b.text and not b.citations


def test_ambiguous_agency_asks_back(assistant):
    a = assistant.ask("平潭2011年收到多少申请？")
    assert a.kind == "clarify" and "平潭县人民政府" in a.text and SYQ in a.text


def test_bad_input_never_raises(assistant):
    for q in ("", "   ", "？", "x" * 2000):
        assert assistant.ask(q).text


# ---- passages (real model) ---------------------------------------------------------------------
@pytest.mark.slow
def test_narrative_quotes_the_named_report(model_assistant):
    a = model_assistant.ask("鹿城区怎么提高工作人员的专业素质？")
    assert a.kind == "narrative" and not a.abstained
    assert all(c.kind == "passage" and c.agency == LUCHENG for c in a.citations)
    assert any("案例答辩比赛" in c.quote for c in a.citations)
    for c in a.citations:
        assert model_assistant.report(c.report_id).text[c.start:c.end] == c.quote
    assert_well_cited(a)


@pytest.mark.slow
def test_narrative_precedent_across_reports(model_assistant):
    a = model_assistant.ask("哪些单位做过依申请公开压力测试？")
    assert a.kind == "precedent" and not a.abstained
    first = a.citations[0]  # best agency first; a sentence on the 压力 of growing requests may follow
    assert first.agency == LUCHENG and "压力测试" in first.quote
    assert len({c.agency for c in a.citations}) == len(a.citations) <= 2


@pytest.mark.slow
def test_narrative_leads_with_the_sentence_that_answers(model_assistant):
    a = model_assistant.ask("鹿城区怎么提升依申请公开的答复质量？")
    first = a.text.splitlines()[0]
    assert first.startswith("据温州市鹿城区人民政府办公室2022年度报告") and "律师审核把关" in first and "[1]" in first
    assert "律师审核把关" in a.citations[0].quote and len(a.citations) <= 4
    assert not any(c.quote.startswith(("（", "(", "一、", "|")) and "。" not in c.quote for c in a.citations)


@pytest.mark.slow
def test_a_number_only_the_text_states_is_a_passage_figure(model_assistant):
    a = model_assistant.ask("平潭农业农村局2020年受理了多少12345热线？")
    f = a.figures[0]
    assert (f.kind, f.value, f.unit) == ("passage", 244, "起")
    cited = a.citations[f.citation - 1]
    assert cited.kind == "passage" and "244起" in cited.quote
    assert a.text.splitlines()[0] == f"据平潭综合实验区农业农村局2020年度报告，{f.row}[{f.citation}]。"


@pytest.mark.slow
def test_an_open_question_gives_one_sentence_per_agency(model_assistant):
    a = model_assistant.ask("哪些单位开展了政务公开培训？")
    assert a.kind == "precedent" and not a.abstained
    agencies = [c.agency for c in a.citations]
    assert len(agencies) == len(set(agencies)) >= 3  # grouped: one best sentence per agency
    assert all("培训" in c.quote for c in a.citations)
    assert len(agencies) >= 10  # complete over the corpus (a phrase search), not the retriever's top k


@pytest.mark.slow
def test_irrelevant_question_declines(model_assistant):
    a = model_assistant.ask("鹿城区2022年的天气怎么样？")
    assert a.abstained and a.reason == "not_relevant"


# ---- question understanding: parts, shares, English, what no report records, glued digits ---------------

def test_a_question_of_three_parts_answers_each_part(assistant):
    a = assistant.ask("鹿城区2022年收到多少申请、其中多少予以公开、有没有被复议？")
    assert_well_cited(a)
    assert {(f.row, f.value) for f in a.figures} >= {("new_received", 113), ("granted", 41), ("review_total", 1)}
    assert [p.operation for p in a.plan.parts] == ["value", "value", "value"]


def test_a_part_that_cannot_be_answered_says_so_beside_the_others(assistant):
    a = assistant.ask("鹿城区2022年受理了多少申请，申请人平均年龄多大？")
    assert not a.abstained and figure(a, "new_received", "total") == 113
    assert "年龄" in a.text and a.reason == "unsupported_figure"


def test_a_share_of_a_tables_total_is_computed_with_its_formula(assistant):
    a = assistant.ask("鹿城区2022年予以公开的占几成？")
    assert_well_cited(a)
    assert figure(a, "share", table="derived") == 37.3  # 41 / 110
    assert "41[" in a.text and "110[" in a.text and "÷" in a.text


def test_an_english_question_gets_an_english_answer_with_the_same_citations(assistant):
    a = assistant.ask("How many disclosure requests did Hongze District receive in 2023?")
    assert a.plan.language == "en" and a.text.startswith("From the reports' tables")
    assert figure(a, "new_received", "total") == 21 and (HONGZE, 2023, "requests", "new_received", "total") in cells(a)


def test_a_fact_no_report_records_is_declined_in_one_sentence(assistant):
    a = assistant.ask("洪泽区2024年GDP是多少？")
    assert a.abstained and a.reason == "not_recorded" and "GDP" in a.text and not a.citations
    a = assistant.ask("洪泽区区长是谁？")  # an office holder: the reports name no individuals
    assert a.abstained and a.reason == "person" and not a.citations


def test_a_word_for_the_value_of_a_figure_named_counted_in_its_unit_is_no_unrecorded_thing(assistant):
    """部分公开的，暗号是几件: 暗号 is the asker's word for the figure's value (件, as the table counts it)."""
    a = assistant.ask("洪泽区2024年部分公开的，暗号是几件？")
    assert not a.abstained and figure(a, "partially_granted", "total") == 9
    assert assistant.ask("洪泽区2024年收到的申请，平均处理时长是多少天？").abstained  # a unit no table counts in
    a = assistant.ask("洪泽区2024年行政处罚处理决定数的额定值是多少？")  # said right after the figure's name
    assert not a.abstained and (HONGZE, 2024, "active", "penalty_decisions", None) in cells(a)
    a = assistant.ask("参数表：型号“鹿城区2022”的予以公开是几件？")  # a report quoted by agency and year
    assert figure(a, "granted", "total") == 41


def test_a_cell_with_glued_digits_is_never_read_as_blank(assistant):
    """平潭 2021 prints 规范性文件 as '693665': the answer gives the raw run and the readings, not a number."""
    a = assistant.ask("平潭管委会2021年制发了多少规范性文件")
    assert a.abstained and a.reason == "ambiguous_cell"
    assert "693665" in a.text and "69" in a.text and "空" not in a.text


def test_a_trend_over_a_span_lists_every_held_year_and_the_change_first_to_last(assistant):
    a = assistant.ask("平潭综合实验区2019年到2025年收到申请的变化")
    assert_well_cited(a)
    years = sorted({c.year for c in a.citations})
    assert years == list(range(2019, 2026)) and "比上年" not in a.text and "逐年变化" in a.text
    assert figure(a, "change", table="derived") == 154 - 23


def test_a_pdf_citation_names_its_page(assistant):
    """Issue 18: cells of a PDF report carry their page, and so do the citations the answer gives."""
    a = assistant.ask("洪泽区2023年收到多少申请？")
    (c,) = [c for c in a.citations if c.row == "new_received"]
    assert c.page is not None and c.page >= 1


def test_scan_reads_the_same_cells_as_whole_reports(assistant):
    """List-which, rank and sum read their cells by one query per key; for every bundled report and keys of all
    three tables (2019 and 2021 active keys, applicant columns) that gives exactly what reading each report gives,
    glued cells included."""
    from assistant.execute import MAX_READ_REPORTS
    from assistant.query import CellKey

    ex = assistant.executor
    entries = assistant.catalog().entries
    assert len(entries) > MAX_READ_REPORTS
    keys = [CellKey(table="requests", row="new_received", column="total"),
            CellKey(table="requests", row="granted", column="commercial"),
            CellKey(table="review_litigation", row="review_corrected"),
            CellKey(table="active", row="normative_issued"), CellKey(table="active", row="procurement_amount")]
    scanned, read = ex.scan(entries, keys), ex.values(entries, keys)
    assert scanned == read  # cells, failed checks and ambiguities, value for value
    assert sum(v.found for vs in scanned.values() for v in vs) > len(entries)
    assert any(v.ambiguity is not None for vs in scanned.values() for v in vs)  # glued cells stay undecided
    assert any(v.failed for vs in scanned.values() for v in vs)  # with the report's own failed checks


def test_scan_reads_no_report_whole(hashed_index, monkeypatch):
    """A scan over many reports reads the cells it needs and the flawed reports' failed checks and ambiguities by
    query: no report is loaded whole and the facts cache stays empty (at 10,000 generated reports one who-had-it
    question read 5,785 flawed reports whole and filled the cache: +266 MiB)."""
    from assistant.execute import MAX_READ_REPORTS
    from assistant.query import CellKey

    fresh = Assistant(hashed_index.settings, hashed_index)
    entries = fresh.catalog().entries
    assert len(entries) > MAX_READ_REPORTS and any(e.checks_failed or e.ambiguous for e in entries)
    monkeypatch.setattr(type(hashed_index.store), "report", lambda self, rid: pytest.fail(f"read {rid} whole"))
    vals = fresh.executor.scan(entries, [CellKey(table="requests", row="new_received", column="total")])
    assert sum(v.found for vs in vals.values() for v in vs) > MAX_READ_REPORTS
    assert not fresh.executor._facts and not fresh.executor._reports


def test_the_facts_cache_is_bounded_in_bytes(hashed_index, monkeypatch):
    """The executor keeps reports' cells while its estimate of what they hold stays under MAX_FACTS_BYTES, letting
    the first read go first; what it returns is the report's cells, failed checks and ambiguities all the same."""
    import assistant.execute as execute
    from assistant.figures import Facts

    ex = Assistant(hashed_index.settings, hashed_index).executor
    ids = [e.report_id for e in ex.catalog().entries]
    sizes = [execute._held_bytes(Facts.of(hashed_index.store.report(i))) for i in ids]
    monkeypatch.setattr(execute, "MAX_FACTS_BYTES", sum(sizes[-3:]))
    for rid in ids:
        assert ex.facts(rid) == Facts.of(hashed_index.store.report(rid))
    assert list(ex._facts) == ids[-3:] and ex._facts_bytes == sum(sizes[-3:])
    assert ex.facts(ids[-1]) is ex._facts[ids[-1]]  # held: not read again


def test_unrecorded_fact_declined_in_english_too_and_typed_agencies_are_never_unrecorded(assistant):
    english = assistant.ask("What was Hongze District's GDP in 2024?")
    assert english.abstained and english.reason == "not_recorded"
    glossed = assistant.ask("沭阳县2025年的国内生产总值（亿元）是多少")  # the bracketed unit is no answer
    assert glossed.abstained and glossed.reason == "not_recorded"
    typo = assistant.ask("鹿成区2022年有几个申请是信访举报投诉类的？")
    assert not typo.abstained and figure(typo, "rejected_petition", "total") == 1


def test_warming_loads_what_the_first_question_would_wait_for(assistant):
    import gc

    gc.unfreeze()
    assistant.warm()
    assert gc.get_freeze_count() > 0  # a full collection no longer walks what the warm-up loaded
    gc.unfreeze()
    assert assistant.meaning._vectors is not None and len(assistant.meaning._vectors) == len(assistant.meaning._texts)
    ids = [e.report_id for e in assistant.catalog().entries]
    assert assistant.executor.sentences.fill(ids, assistant.report) == 0  # every report's sentences are on disk


def test_a_row_printed_only_as_its_parts_is_their_sum(assistant):
    """The 2021 template prints （六）其他处理 as three rows: asked as one, the three are read, summed and cited."""
    a = assistant.ask("鹿城区2022年其他处理有多少件？")
    parts = {("温州市鹿城区人民政府办公室", 2022, "requests", r, "total")
             for r in ("other_overdue_correction", "other_overdue_fee", "other_misc")}
    assert parts <= cells(a) and "共26件" in a.text and not a.abstained
    single = assistant.ask("平潭管委会2020年其他处理有多少件？")  # the 2019 template prints the row itself
    assert figure(single, "other", "total") == 4


def _columns(index, agency: str, year: int, row: str) -> tuple[object, dict[str, object]]:
    """A requests row of one stored report: its 总计 and its applicant columns."""
    summary = next(s for s in index.store.reports() if s.agency == agency and s.year == year)
    by_column = {c.column: c.value for c in index.store.report(summary.id).cells
                 if c.table == "requests" and c.row == row}
    return by_column.pop("total"), by_column


def test_a_blank_total_beside_filled_columns_is_their_sum(assistant, hashed_index):
    """An HTML table that leaves 总计 empty while its columns hold numbers: the total is their sum, each cited,
    and the answer says the total was empty (never "为（表中该格为空）")."""
    bgt = "上海市人民政府办公厅"
    printed, columns = _columns(hashed_index, bgt, 2019, "unable_not_held")
    assert printed is None and any(columns.values())
    a = assistant.ask("上海市政府办公厅2019年因为本机关不掌握而没法提供的有几件？")
    assert not a.abstained and "总计一栏为空" in a.text
    assert next(f.value for f in a.figures if f.table == "derived") == sum(v or 0 for v in columns.values())
    assert {(bgt, 2019, "requests", "unable_not_held", c) for c, v in columns.items() if v} <= cells(a)
    listed = assistant.ask("2019年有哪些单位因为本机关不掌握而无法提供过？")
    assert bgt in {c.agency for c in listed.citations} and "总计一栏为空" in listed.text


def test_a_list_of_who_had_it_keeps_a_report_whose_total_says_0_but_columns_do_not(assistant, hashed_index):
    haitan = "平潭综合实验区海坛片区管理局"
    printed, columns = _columns(hashed_index, haitan, 2024, "new_received")
    assert printed == 0 and sum(v or 0 for v in columns.values()) > 0  # the report breaks its own arithmetic
    a = assistant.ask("平潭几个片区管理局当中，谁接到过信息公开申请？")
    assert haitan in {c.agency for c in a.citations} and "总计一栏为0" in a.text


def _disclosure_rates(index, year: int, agencies=None) -> dict[str, float]:
    """公开率 per report of a year, computed here from the stored cells: (granted + partially) / results_total."""
    out = {}
    for s in index.store.reports():
        if s.year != year or (agencies and s.agency not in agencies):
            continue
        cells = {c.row: c.value for c in index.store.report(s.id).cells if c.table == "requests" and c.column == "total"}
        if cells.get("results_total"):
            out[s.agency] = round(100.0 * ((cells.get("granted") or 0) + (cells.get("partially_granted") or 0))
                                  / cells["results_total"], 1)
    return out


def test_a_rate_is_ranked_and_listed_across_agencies(assistant, hashed_index):
    """Rates over many reports: each computed from its own cited cells, highest first; a ranking names the top
    one, a listing over a place gives every report it can compute."""
    expected = _disclosure_rates(hashed_index, 2024)
    a = assistant.ask("2024年公开率最高的单位是哪个？")
    rates = [(f.agency, f.value) for f in a.figures if f.table == "derived"]
    assert rates and [v for _, v in rates] == sorted(expected.values(), reverse=True)[:len(rates)]
    assert all(expected[agency] == value for agency, value in rates) and rates[0][0] in a.text.split("。")[0]
    pingtan = {s.agency for s in hashed_index.store.reports() if s.agency.startswith("平潭")}
    listed = assistant.ask("平潭这些单位2024年的公开率分别是多少？")
    assert {f.agency: f.value for f in listed.figures if f.table == "derived"} == _disclosure_rates(hashed_index, 2024, pingtan)
    assert not listed.abstained and "÷" in listed.text


def test_joined_figures_are_summed_or_given_each_as_asked(assistant, hashed_index):
    summary = next(s for s in hashed_index.store.reports() if s.agency == LUCHENG and s.year == 2022)
    cell = {c.row: c.value for c in hashed_index.store.report(summary.id).cells
            if c.table == "requests" and c.column == "total"}
    both = assistant.ask("鹿城区2022年予以公开和部分公开加起来多少件？")
    assert f"共{cell['granted'] + cell['partially_granted']}件" in both.text
    each = assistant.ask("鹿城区2022年予以公开和部分公开分别多少件？")
    assert "共" not in each.text and {("requests", "granted"), ("requests", "partially_granted")} <= {
        (c.table, c.row) for c in each.citations}


def test_a_change_over_a_scope_is_given_per_agency(assistant, hashed_index):
    def cell(agency, year):
        s = next((s for s in hashed_index.store.reports() if s.agency == agency and s.year == year), None)
        return None if s is None else hashed_index.store.report(s.id).cell("requests", "new_received", "total").value

    a = assistant.ask("平潭那些单位2024年收到的申请跟2023年比各变了多少？")
    changes = [f for f in a.figures if f.table == "derived" and f.row == "change"]
    assert changes and not a.abstained
    for f in changes:
        assert f.agency.startswith("平潭") and f.year == 2024
        assert f.value == cell(f.agency, 2024) - cell(f.agency, 2023)


def test_one_agencys_two_years_compared_state_the_change_as_figures(assistant, hashed_index):
    def cell(year):
        s = next(s for s in hashed_index.store.reports() if s.agency == HONGZE and s.year == year)
        return hashed_index.store.report(s.id).cell("requests", "new_received", "total").value

    a = assistant.ask("洪泽区2024年和2023年收到的申请哪年多，多出几件？")
    derived = {f.row: f.value for f in a.figures if f.table == "derived"}
    assert derived["change"] == cell(2024) - cell(2023)
    assert derived["change_pct"] == round(100 * (cell(2024) - cell(2023)) / cell(2023), 1)


def test_a_count_asked_of_a_report_without_tables_comes_from_its_text(assistant):
    a = assistant.ask("平潭县2012年主动公开的信息一共多少条？")
    assert not a.abstained and a.kind != "clarify" and any(c.kind == "passage" for c in a.citations)


def test_a_value_per_period_that_no_report_records_is_declined(assistant):
    a = assistant.ask("淮安市2024年办信息公开的人津贴一个月多少？")
    assert a.abstained and a.reason == "not_recorded" and "津贴" in a.text


def test_a_compound_topic_is_found_in_either_word_order(assistant, hashed_index):
    """问卷调查 and 调查问卷: a report that prints the other order is still a candidate of the phrase search."""
    from assistant.narrative import compound_parts

    assert compound_parts("问卷调查") == ["问卷", "调查"] and compound_parts("培训") == ["培训"]
    printed = {s.agency for s in hashed_index.store.reports()
               if "调查问卷" in hashed_index.store.report(s.id).text}
    other = {s.agency for s in hashed_index.store.reports() if "问卷调查" in hashed_index.store.report(s.id).text}
    assert printed - other  # the corpus holds both orders
    a = assistant.ask("哪些单位搞过问卷调查？")
    assert (printed - other) & {c.agency for c in a.citations}


def test_a_count_in_a_unit_no_passage_states_is_declined_and_one_that_states_it_leads(model_assistant):
    a = model_assistant.ask("洪泽区2023年群众给政府信息公开工作评了几分？")
    assert a.abstained and a.reason == "not_stated"
    staff = model_assistant.ask("海坛片区2019年信息公开工作小组有几名工作人员？")
    lead = staff.text.split("。")[0]
    assert not staff.abstained and re.search(r"\d+\s*[名人位]", lead), lead


def test_a_total_over_one_agencys_years_sums_those_reports_and_cites_each(assistant, hashed_index):
    def cell(year):
        s = next(s for s in hashed_index.store.reports() if s.agency == HONGZE and s.year == year)
        return hashed_index.store.report(s.id).cell("requests", "new_received", "total").value

    a = assistant.ask("洪泽区2023年、2024年两年加起来收到多少申请？")
    assert [f.value for f in a.figures if f.table == "derived" and f.row == "sum"] == [cell(2023) + cell(2024)]
    assert {(c.year, c.row) for c in a.citations if c.kind == "cell"} == {(2023, "new_received"), (2024, "new_received")}


def test_requests_from_applicants_other_than_one_kind_are_the_total_less_that_kind(assistant, hashed_index):
    """非个人提交的: the asker takes the individuals' requests off the total; both cells are cited, the subtraction
    shown, and the other columns that make up the rest are cited beside it."""
    s = next(s for s in hashed_index.store.reports() if s.agency == LUCHENG and s.year == 2022)
    report = hashed_index.store.report(s.id)
    row = {c.column: c.value for c in report.cells if c.table == "requests" and c.row == "new_received"}
    a = assistant.ask("鹿城区2022年非个人提交的申请有多少件？")
    rest = row["total"] - row["natural_person"]
    assert f"{row['total']}－{row['natural_person']}＝{rest}件" in a.text and not a.abstained
    assert {c.column for c in a.citations if c.kind == "cell"} == {"total", "natural_person", "commercial", "research",
                                                                   "social_org", "legal_service", "other_org"}
    assert a.figures[0].row == "remainder" and a.figures[0].value == rest


def test_which_years_an_agency_received_none_counts_what_reports_without_tables_say(assistant, hashed_index):
    """平潭管委会 2011-2018 print no tables; their text says whether requests came (未收到… / 收到…申请1条)."""
    a = assistant.ask("平潭综合实验区管委会在哪些年份没有收到过任何政府信息公开申请？")
    zero_years = {f.year for f in a.figures if f.kind == "passage" and f.value == 0}
    assert {2011, 2012, 2013, 2015, 2016, 2017, 2018} <= zero_years and 2014 not in zero_years
    assert all(c.kind == "passage" and c.section == "requests" for c in a.citations if c.year < 2019)


def test_last_year_over_a_scope_is_each_agencys_newest_report(assistant):
    a = assistant.ask("上海的单位去年有多少政府信息公开申请？")
    assert {(c.agency, c.year) for c in a.citations} == {("上海市人民政府办公厅", 2025), (KEWEI, 2024)}


def test_a_total_over_a_scope_says_which_agencies_the_year_leaves_out(assistant):
    a = assistant.ask("平潭几个片区管理局加起来一共收到多少政府信息公开申请？")
    assert "没有2024年度的报告，未计入" in a.text and "君山片区管理局" in a.text


def test_two_figures_of_one_report_are_answered_side_by_side(assistant):
    a = assistant.ask("淮安市2024年自然人申请和律师申请哪个多？")
    got = {f.column: f.value for f in a.figures if f.table == "requests"}
    assert set(got) == {"natural_person", "legal_service"} and got["natural_person"] > got["legal_service"]
    diff = next(f.value for f in a.figures if f.table == "derived" and f.row == "change")
    assert diff == got["natural_person"] - got["legal_service"] and f"多{diff}件" in a.text


def test_a_listing_with_a_bound_keeps_only_what_passes_it(assistant):
    a = assistant.ask("哪些单位被行政复议的案子不少于40件？")
    values = [f.value for f in a.figures if f.row == "review_total"]
    assert values and all(v >= 40 for v in values) and "不少于40" in a.text
    fewer = assistant.ask("2024年新收申请少于50件的单位有哪些？")
    assert all(f.value < 50 for f in fewer.figures if f.row == "new_received" and f.year == 2024)
    assert HUAIAN not in {f.agency for f in fewer.figures}


def test_an_english_question_about_a_word_no_report_holds_is_declined(assistant):
    a = assistant.ask("What was the GDP per capita of Hongze district in 2024?")
    assert a.abstained and a.reason == "not_recorded"


def test_a_total_or_comparison_over_years_reads_reports_without_tables_from_their_text(assistant):
    a = assistant.ask("平潭管委会2014年到2019年一共收到多少申请？")
    told = {f.year: f.value for f in a.figures if f.kind == "passage"}
    assert set(told) == {2014, 2015, 2016, 2017, 2018} and "（报告正文）" in a.text
    cell = next(f.value for f in a.figures if f.row == "new_received" and f.year == 2019)
    assert next(f.value for f in a.figures if f.row == "sum") == sum(told.values()) + cell
    b = assistant.ask("平潭管委会2014年和2021年哪年收到的申请多？")
    assert {f.year for f in b.figures if f.kind == "passage"} == {2014} and "报告中没有这一项" not in b.text


def test_whether_a_reports_figures_add_up_lists_its_failed_checks_with_the_cells(assistant):
    a = assistant.ask("洪泽区2023年统计表里的数字有没有对不上的地方？")
    assert a.kind == "checks" and not a.abstained and "表四" in a.text and "≠" in a.text
    assert {(c.agency, c.year, c.table) for c in a.citations} == {(HONGZE, 2023, "review_litigation")}
    fine = assistant.ask("鹿城区2022年表格数据有错误吗？")
    assert "没有发现不一致" in fine.text and not fine.citations


def test_a_narrative_figure_that_disagrees_with_the_table_is_cited_beside_the_cell(assistant):
    a = assistant.ask("洪泽区2024年正文的数字跟统计表对得上吗？数据有没有不一致？")
    kinds = {c.kind for c in a.citations}
    assert a.kind == "checks" and kinds == {"cell", "passage"}
    prose = next(f for f in a.figures if f.kind == "passage")
    table = next(f for f in a.figures if f.row == "new_received")
    assert prose.value != table.value and str(prose.value) in a.text


def test_a_failed_checks_detail_is_shown_in_the_pages_words(assistant):
    a = assistant.ask("洪泽区2023年统计表的合计对不上吗？")
    assert "维持" in a.text and "upheld" not in a.text and "review" not in a.text


# ---- derived figures said in everyday words ---------------------------------------------------------
def test_completion_rate_divides_the_results_by_all_there_was_to_handle(assistant):
    a = assistant.ask("鹿城区2022年办结率多少")
    assert a.kind == "derived" and "110[1]÷（113[2]＋5[3]）" in a.text
    assert figure(a, "completion_rate", table="derived") == pytest.approx(93.2, abs=0.05)
    assert_well_cited(a)


def test_an_average_per_month_shows_the_division(assistant):
    a = assistant.ask("鹿城区2022年平均每个月收到多少件申请")
    assert not a.abstained and "平均每月约9.4件（113÷12）" in a.text
    assert figure(a, "average", table="derived") == pytest.approx(9.4)
    assert_well_cited(a)


def test_a_share_of_a_row_printed_as_its_parts_sums_them(assistant):
    a = assistant.ask("鹿城区2022年其他处理在办理结果中所占比例")
    assert "（7[1]＋0[2]＋19[3]）÷110[4]" in a.text
    assert_well_cited(a)


def test_the_reasons_behind_a_summed_figure_are_its_rows_each_cited(assistant):
    a = assistant.ask("淮安市2024年无法提供的原因有哪些")
    assert "本机关不掌握相关政府信息）为769件" in a.text and "没有现成信息需要另行制作）为11件" in a.text
    assert len(cells(a)) == 3
    assert_well_cited(a)


def test_a_count_no_table_holds_and_no_agency_named_searches_every_report(assistant):
    a = assistant.ask("2019年《问政平潭有事你说》一共播了几期")
    assert not a.abstained and any("19期" in c.quote for c in a.citations if c.kind == "passage")


def test_a_word_for_the_things_counted_is_never_an_unrecorded_fact(assistant):
    a = assistant.ask("淮安市2024年行政诉讼的案子一共有几件")
    assert not a.abstained and "46" in a.text


def test_the_catalogue_lists_each_agency_with_its_years_citing_its_newest_report(assistant):
    a = assistant.ask("上海有哪几份报告")
    assert "上海市人民政府办公厅：2019、2025年度[1]" in a.text and "上海市科学技术委员会：2024年度[2]" in a.text
    assert [c.year for c in a.citations] == [2025, 2024] and all(c.kind == "passage" for c in a.citations)
    assert_well_cited(a)


def test_a_share_per_ten_is_also_said_as_so_many_of_ten(assistant):
    a = assistant.ask("鹿城区2022年的申请10件里有几件是部分公开的")
    assert "24[1]÷110[2]＝21.8%，即每10件约2.2件" in a.text
    assert_well_cited(a)


def test_a_breakdown_asked_for_its_largest_part_names_it(assistant):
    a = assistant.ask("淮安市2024年哪类申请人最多")
    assert a.text.rstrip("。").endswith("最多的是自然人") and "3001件" in a.text
    assert_well_cited(a)


def test_an_amount_per_item_divides_the_amount_by_the_count_printed_beside_it(assistant):
    a = assistant.ask("上海市人民政府办公厅2019年集中采购的项目，单个项目平均花了多少钱？")
    assert not a.abstained
    average = next(f for f in a.figures if f.table == "derived" and f.row == "average")
    assert average.value == pytest.approx(251000 / 6, abs=0.01) and "251000÷6" in a.text
    assert {c.row for c in a.citations if c.kind == "cell"} >= {"procurement_amount", "procurement_items"}
    assert assistant.ask("鹿城区2022年行政事业性收费平均每项多少钱").abstained  # no count printed beside it


def test_a_trend_over_years_without_tables_says_them_once_and_names_ties(assistant):
    a = assistant.ask("平潭综合实验区管委会历年行政复议纠错率哪年最高")
    assert a.text.count("报告中没有这一项") == 1 and "2011–2018年度" in a.text
    assert "最高的是2022、2023年度（50%）" in a.text


def test_a_report_naming_a_thing_in_a_title_mentions_it(assistant):
    a = assistant.ask("2015年以前的哪些报告里提到过编制政府信息公开指南")
    named = {c.agency for c in a.citations if c.kind == "passage"}
    assert {"平潭县教育局", "平潭县民政局"} <= named


@pytest.mark.slow
def test_a_count_is_lifted_only_from_a_sentence_about_what_was_asked(model_assistant):
    a = model_assistant.ask("平潭综合实验区管委会2023年门户网站遭到黑客攻击几次")
    assert a.abstained and not a.figures  # 全年开展季度通报3次 counts reports, not attacks


def test_a_listing_of_rates_keeps_only_those_past_the_bound(assistant):
    a = assistant.ask("哪些单位的公开率高于60%")
    rates = [f.value for f in a.figures if f.table == "derived"]
    assert rates and all(r > 60 for r in rates) and "大于60%的有" in a.text
    none = assistant.ask("哪些单位的复议纠错率超过95%")
    assert not none.abstained and "没有复议纠错率大于95%的" in none.text


@pytest.mark.slow
def test_an_english_narrative_question_is_ranked_by_the_words_the_glossary_lacks(model_assistant):
    """grassroots is no glossary word: its translation 基层, which the report prints, finds the sentence."""
    a = model_assistant.ask("In 2022, did Lucheng's office visit grassroots units to guide their open-government work?")
    first = next(c for c in a.citations if c.kind == "passage")
    assert "基层单位" in first.quote


@pytest.mark.slow
def test_an_english_count_the_text_states_says_it_is_from_the_text(model_assistant):
    a = model_assistant.ask("How many pieces of government information did Hongze proactively publish in 2024?")
    assert a.text.startswith("From the reports' text") and any(f.value == 2428 for f in a.figures)


def test_the_largest_reason_of_a_sum_asked_next_names_its_rows(assistant):
    history = [{"role": "user", "content": "沭阳县2025年不予公开了多少件"}, {"role": "assistant", "content": "32件"}]
    a = assistant.ask("其中哪个原因最多", history)
    assert "最多的是不予公开（属于三类内部事务信息）（13件）" in a.text and a.text.count("[") >= 8


@pytest.mark.slow
def test_a_measure_the_text_does_not_state_is_declined_not_replaced(model_assistant):
    a = model_assistant.ask("上海市科学技术委员会2024年门户网站的浏览量是多少")
    assert a.abstained and not a.figures
    a = model_assistant.ask("平潭综合实验区管委会2012年信息公开专栏的访问量是多少")
    assert any(f.value == 72065 for f in a.figures)


@pytest.mark.slow
def test_a_count_of_times_names_what_it_counts(model_assistant):
    a = model_assistant.ask("上海市人民政府办公厅2025年举办了多少次政策吹风会")
    assert a.abstained and not a.figures  # the report counts 新闻发布会 42 场, not this


def test_a_word_inside_a_figure_phrase_is_not_unrecorded(assistant):
    history = [{"role": "user", "content": "淮安市2024年复议了几件"}, {"role": "assistant", "content": "…"}]
    a = assistant.ask("被告上法庭几次", history)  # 法庭 is in no report, but 告上法庭 is a figure phrase
    assert not a.abstained and cells(a) >= {(HUAIAN, 2024, "review_litigation", "direct_suit_total", None)}


def test_which_agencies_someone_applied_to(assistant, hashed_index):
    a = assistant.ask("2024年哪些单位有人来申请过公开？")
    expected = {s.agency for col in ("natural_person", "commercial", "total")  # a total printed 0 beside its columns
                for s, c in hashed_index.store.cells("requests", "new_received", col) if c.value and s.year == 2024}
    assert a.kind == "precedent" and {c.agency for c in a.citations} == expected and len(expected) > 3


def test_a_stated_number_is_answered_yes_or_no_with_the_cell(assistant, hashed_index):
    value = next(c.value for s, c in hashed_index.store.cells("review_litigation", "review_total")
                 if s.agency == HUAIAN and s.year == 2024)
    yes = assistant.ask(f"淮安市2024年的行政复议是不是{value}件")
    no = assistant.ask(f"我记得淮安市2024年的行政复议有{value + 7}件，对不对")
    assert yes.text.startswith("是的") and no.text.startswith("不是") and value in [f.value for f in no.figures]


def test_the_place_of_one_agency_among_the_years_reports(assistant, hashed_index):
    values = {s.agency: c.value for s, c in hashed_index.store.cells("requests", "new_received", "total")
              if s.year == 2024 and c.value is not None}
    place = 1 + sum(v > values[HONGZE] for v in values.values())
    a = assistant.ask("洪泽区2024年收到的申请数量在全部单位里排第几？")
    assert f"在{len(values)}份报告中从多到少排第{place}" in a.text
    assert (HONGZE, 2024, "requests", "new_received", "total") in cells(a)


def test_which_reason_was_given_most_is_named(assistant):
    a = assistant.ask("沭阳县2025年不予公开的申请里哪一种理由最多？")
    values = {f.row: f.value for f in a.figures if f.row.startswith("denied_")}
    top = max(values.values())
    most = [r for r, v in values.items() if v == top]
    assert len(values) == 8 and "最多的是" in a.text and f"（{top}件）" in a.text
    assert all(compose.label("requests", r, "total") in a.text.split("最多的是")[1] for r in most)


def test_an_english_question_is_searched_as_typed(assistant, monkeypatch):
    from assistant import execute

    typed, searched = "How does Shuyang County explain its policies to the public?", []
    real = execute._searched_with
    monkeypatch.setattr(execute, "_searched_with", lambda s, t, q, *a, **k: searched.append(t) or real(s, t, q, *a, **k))
    assistant.ask(typed)
    assert searched and set(searched) == {typed}  # its meaning, beside the thinner Chinese gloss


def test_a_standard_table_asked_for_is_shown_row_by_row(assistant, hashed_index):
    a = assistant.ask("把淮安市2024年报告的第四张表给我看看")
    review = {(HUAIAN, 2024, "review_litigation", k, None) for k in ("review_total", "direct_suit_total",
                                                                     "post_review_suit_upheld")}
    assert review <= cells(a) and len(cells(a)) == 15 and "表四" in a.text
    a = assistant.ask("沭阳县2025年的表三")
    assert (("沭阳县人民政府", 2025, "requests", "carried_forward", "total") in cells(a)
            and len([c for c in cells(a) if c[2] == "requests"]) >= 25)


def test_the_plan_shows_a_stated_number_and_a_place_asked(assistant):
    shown = assistant.ask("沭阳县2025年的行政复议是不是61件").plan.explain()
    assert "checks the stated = 61" in shown
    shown = assistant.ask("沭阳县2025年的行政复议数量在全部单位中排第几").plan.explain()
    assert "place of 沭阳县人民政府" in shown and "rank" in shown
    a = assistant.ask("除了淮安以外，别的单位2024年有谁被起诉过")  # the scope left after what is left out, counted
    assert f"scope: {a.plan.parts[0].scope_size} agencies" in a.plan.explain() and a.plan.parts[0].scope_size >= 10


def test_a_word_no_report_holds_that_sounds_like_a_figure_word_is_that_word(assistant):
    a = assistant.ask("淮安市2024年的行政服役有多少件")  # 服役 (fuyi) for 复议: in no report, a slip of the input method
    assert not a.abstained and (HUAIAN, 2024, "review_litigation", "review_total", None) in cells(a)
    assert any("服役->复议" in c for c in a.plan.changes)
    a = assistant.ask("淮安市2024年处罚的出发点是什么")  # 出发 is a word the reports use: kept as typed
    assert not any("出发->" in c for c in a.plan.changes)


def test_a_number_said_roughly_is_answered_yes_or_no(assistant, hashed_index):
    value = next(c.value for s, c in hashed_index.store.cells("requests", "new_received", "total")
                 if s.agency == HUAIAN and s.year == 2024)
    tens = value // 10 * 10
    assert assistant.ask(f"淮安市2024年收到的申请是不是{tens}多件").text.startswith("是的")
    assert assistant.ask(f"淮安市2024年收到的申请是不是{tens + 10}多件").text.startswith("不是")
    assert assistant.ask(f"淮安市2024年大概收到{round(value * 1.05)}件申请吧，对吗").text.startswith("是的")


def test_a_year_an_agency_lacks_names_the_agencies_there_that_hold_it(assistant, hashed_index):
    held = {s.agency for s, _ in hashed_index.store.cells("requests", "new_received", "total") if s.year == 2025}
    a = assistant.ask("上海市科委2025年收到多少申请")
    assert a.abstained and "上海市人民政府办公厅" in held and "上海市人民政府办公厅" in a.text.split("现有")[1]


def test_a_multiple_is_the_later_figure_over_the_earlier(assistant, hashed_index):
    values = {s.year: c.value for s, c in hashed_index.store.cells("requests", "new_received", "total")
              if s.agency == HONGZE}
    a = assistant.ask("翻了几倍", [{"role": "user", "content": "洪泽区2024年收到多少申请"}, {"role": "assistant", "content": "…"}])
    times = next(f.value for f in a.figures if f.row == "ratio")
    assert times == round(values[2024] / values[2023], 2) and f"{times:g}倍" in a.text


def test_the_next_turn_asks_again_the_figure_the_last_answer_found_by_meaning(model_assistant):
    first = "洪泽区2024年有多少申请是因为申请人一直没补齐材料最后不管了的？"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": model_assistant.ask(first).text}]
    a = model_assistant.ask("那鹿城区2022年呢", history)
    assert [(f.agency, f.year, f.row, f.value) for f in a.figures] == [(LUCHENG, 2022, "other_overdue_correction", 7)]


def test_whether_a_figure_rose_every_year_is_said_step_by_step(assistant):
    a = assistant.ask("平潭管委会2019年、2020年、2021年收到的申请是不是一直在增加")
    values = {f.year: f.value for f in a.figures if f.row == "new_received"}
    steps = [values[y] - values[y - 1] for y in (2020, 2021)]
    if all(s > 0 for s in steps):
        assert "逐年都在增加" in a.text
    else:
        assert "并非逐年同向变化" in a.text and all(f"{y}年度较{y - 1}年度" in a.text for y in (2020, 2021))


def test_a_listing_by_a_shares_bound_reads_every_report_and_an_empty_scope_says_what_is_held(assistant):
    a = assistant.ask("本机关不掌握的在办结中占三成以上的报告是哪几份？")
    rates = [f for f in a.figures if f.table == "derived"]
    assert rates and all(f.value >= 30 for f in rates) and not a.abstained
    assert len({f.year for f in rates if f.agency == SYQ}) >= 2  # every year of an agency, not its newest alone
    assert_well_cited(a)
    a = assistant.ask("江苏省里的公安部门都有谁？")
    assert a.abstained and a.reason == "empty_scope" and "淮安市人民政府" in a.text and "公安局" not in a.text
    assert "不是" in assistant.ask("洪泽区2024年复议被纠正的占比过半了没").text


def test_which_years_one_agency_had_requests_from_every_applicant_but_one(assistant):
    a = assistant.ask("平潭管委会2019年到2021年中，除了自然人以外也有人申请的有哪几年？")
    assert not a.abstained and {f.year for f in a.figures} == {2020, 2021}
    assert all(f.column not in ("natural_person", "total") for f in a.figures if f.table == "requests")


@pytest.mark.slow
def test_a_rate_no_table_makes_is_never_another_rate_found_by_meaning(model_assistant):
    a = model_assistant.ask("淮安市2024年公开申请的满意率是多少")
    assert not any(f.table == "derived" for f in a.figures) and "公开率" not in a.text


def test_a_word_jieba_makes_up_out_of_single_characters_is_no_unrecorded_fact(assistant):
    """合计格印的: jieba's HMM glues 格 and 印 into a word no report holds; it says where the figure is printed, and
    the figure is answered (a dictionary word no report holds is still declined)."""
    a = assistant.ask("淮安市2024年行政复议合计格印的是几件？")
    assert not a.abstained and figure(a, "review_total", table="review_litigation")
    assert assistant.ask("淮安市2024年办信息公开的人津贴一个月多少？").reason == "not_recorded"


def test_an_english_yes_no_question_on_a_bound_is_answered_yes_or_no(assistant):
    a = assistant.ask("Did Huaian handle more than 300 administrative reviews in 2024?")
    assert a.text.startswith("Yes.") and figure(a, "review_total", table="review_litigation") == 351
    assert assistant.ask("Did Huaian see fewer than 300 administrative reviews in 2024?").text.startswith("No.")


def test_one_agencys_figure_over_anothers_is_stated_with_its_formula(assistant):
    a = assistant.ask("淮安市2024年新收的申请是洪泽区2024年的几倍？")
    ratio = next(f.value for f in a.figures if f.row == "ratio")
    assert ratio == round(3119 / 95, 2) and "3119÷95" in a.text and not a.abstained


def test_two_years_rates_differ_by_points_given_as_a_figure(assistant):
    a = assistant.ask("平潭综合实验区管委会2019年和2021年的公开率相差几个百分点？")
    points = next(f.value for f in a.figures if f.table == "derived" and f.row == "change")
    rates = sorted(f.value for f in a.figures if f.row == "disclosure_rate")
    assert points == round(rates[1] - rates[0], 2) and points > 0


def test_a_listing_over_the_reports_listed_reads_only_those(assistant):
    a = assistant.ask("洪泽23、平潭管委会20到21这三份年报里，哪几份行政复议是零？")
    years = {(f.agency, f.year) for f in a.figures if f.table == "review_litigation"}
    assert years and years <= {("淮安市洪泽区人民政府", 2023), ("平潭综合实验区管委会", 2020),
                               ("平潭综合实验区管委会", 2021)}
    assert "所列报告中" in a.text and "3份报告" in a.text


def test_reports_whose_one_figure_beats_another_are_listed_with_both_cells(assistant):
    a = assistant.ask("2024年的报告里，哪几份的行政处罚决定比行政许可决定少？")
    listed = {(f.agency, f.row) for f in a.figures}
    assert ("淮安市洪泽区人民政府", "penalty_decisions") in listed and ("淮安市洪泽区人民政府", "licensing_decisions") in listed
    assert "少于" in a.text and not a.abstained


def test_a_rate_over_two_years_taken_together_is_one_rate_of_the_sums(assistant):
    # 两个年度合起来看: the granted of both years over the results of both years, every cell cited, not two rates
    a = assistant.ask("平潭管委会2022年和2023年两个年度合起来看，公开率是多少？")
    got = {(c.year, c.row): v for c in a.citations if c.kind == "cell"
           for v in [next(f.value for f in a.figures if f.citation == c.n and f.table != "derived")]}
    assert {y for y, _ in got} == {2022, 2023}
    num = sum(v for (_, r), v in got.items() if r in ("granted", "partially_granted"))
    den = sum(v for (_, r), v in got.items() if r == "results_total")
    assert figure(a, "disclosure_rate", table="derived") == pytest.approx(100 * num / den, abs=0.05)
    assert len([f for f in a.figures if f.table == "derived"]) == 1
    assert_well_cited(a)
    each = assistant.ask("平潭管委会2022年和2023年的公开率各是多少？")  # 各: one rate per year, side by side
    assert len([f for f in each.figures if f.table == "derived" and f.row == "disclosure_rate"]) == 2


def test_the_latter_over_the_former_of_two_sums_is_one_rate(assistant):
    a = assistant.ask("平潭管委会2022、2023两年合在一起：一、新收申请合计多少件？二、予以公开合计多少件？三、后者占前者的百分比？")
    rates = [f for f in a.figures if f.table == "derived" and f.row != "sum"]
    sums = [f.value for f in a.figures if f.table == "derived" and f.row == "sum"]
    assert len(rates) == 1 and len(sums) == 2
    assert rates[0].value == pytest.approx(100 * sums[1] / sums[0], abs=0.05)


def test_why_a_figure_is_so_is_declined_with_the_figures_it_asks_about_cited(assistant, hashed_index):
    """The reports count; none explains why a count rose. Declined (never a loosely related passage), with the
    cells of both years cited, so the asker sees what the reports do say."""
    a = assistant.ask("洪泽区的行政复议2024年为啥比2023年变多了？")
    assert a.abstained and a.reason == "cause_not_stated" and "原因" in a.text
    assert {(c.year, c.table) for c in a.citations if c.kind == "cell"} >= {(2023, "review_litigation"),
                                                                          (2024, "review_litigation")}
    assert_well_cited(a)
    several = assistant.ask("为啥洪泽区2024年不予公开的申请比前一年还多？")  # the eight grounds rows, named as said
    assert several.abstained and several.reason == "cause_not_stated"
    assert "只列出了不予公开的数字" in several.text and "国家秘密" not in several.text.split("\n")[0]
    told = assistant.ask("平潭县2011年公众查阅点为什么没什么人去？")  # no figure named: a cause the text may state
    assert told.reason != "cause_not_stated"


def test_why_of_a_quantity_the_text_states_is_declined_unless_a_sentence_gives_its_cause(assistant):
    """办结171件比受理的117件还多，为什么: the report prints both and no cause; declined, its sentence quoted. A cause
    said of another thing in the same sentence (…；四是宣传不够，造成查阅点利用率不高) is no cause of this one."""
    a = assistant.ask("平潭地税局2013年审批事项办结171件比受理的117件还多，这是为什么？")
    assert a.abstained and a.reason == "cause_not_stated" and "办结171件" in a.text
    none = assistant.ask("平潭县2011年为什么没有人提政府信息公开申请？")
    assert none.abstained and none.reason == "cause_not_stated" and "未收到" in none.text
    told = assistant.ask("平潭综合实验区2015年为什么查阅点去的人少？")  # no quantity said: a cause the text may state
    assert not told.abstained


def test_why_none_is_declined_when_none_and_answered_when_the_premise_is_false(assistant):
    none = assistant.ask("海坛片区管理局2019年怎么一件公开申请也没收到呢？")
    assert none.abstained and none.reason == "cause_not_stated"
    assert [f.value for f in none.figures if f.row == "new_received"] == [0]
    some = assistant.ask("鹿城区2022年为何连一件公开申请也没收到？")
    assert not some.abstained and some.text.startswith("不是") and figure(some, "new_received", "total") == 113


def test_a_count_of_a_thing_no_sentence_names_is_declined(assistant):
    """几场新闻吹风会: a sentence with 12场新闻发布会 does not count 吹风会; the same count of what it names is answered."""
    a = assistant.ask("淮安市2024年开过几场新闻吹风会？")
    assert a.abstained and a.reason == "not_stated"
    held = assistant.ask("淮安市政府2024年召开了多少场新闻发布会")
    assert not held.abstained and "12" in held.text.split("。")[0]


def test_asking_to_check_the_last_answer_gives_it_again_with_its_cells(assistant):
    """没算错吧 / 数据来源是哪张表 / are you sure: the last figure again, cited to its cell, not a passage search."""
    history = [{"role": "user", "content": "沭阳县2025年被申请行政复议多少件？"},
               {"role": "assistant", "content": "沭阳县人民政府2025年度行政复议……"}]
    first = assistant.ask(history[0]["content"])
    for q in ("没算错吧？这个数据是从哪张表来的？", "Are you sure? Please double-check that number."):
        a = assistant.ask(q, history)
        assert not a.abstained and cells(a) == cells(first) and [f.value for f in a.figures] == [
            f.value for f in first.figures], q
    own = assistant.ask("洪泽区2024年的数据是从哪张表来的？", history)  # names its own agency: not the last answer
    assert {c.agency for c in own.citations} != {c.agency for c in first.citations}


def test_a_count_of_a_part_of_the_year_is_declined_unless_a_sentence_says_that_part(assistant):
    a = assistant.ask("平潭管委会2017年上半年发布了多少条征地信息？")
    assert a.abstained and a.reason == "not_stated"
    whole = assistant.ask("平潭管委会2017年发布了多少条征地信息？")
    assert not whole.abstained and "32" in whole.text.split("。")[0]


def test_a_count_of_a_part_of_a_whole_needs_a_sentence_naming_that_part(assistant):
    """热线当中有多少起是咨询农机补贴的: the sentence counting the calls names no such part (补贴 is in another
    sentence, of posts); a part the counting sentence names is answered from it."""
    a = assistant.ask("平潭农业农村局2020年受理的12345热线当中，有多少起是咨询农机补贴的？")
    assert a.abstained and a.reason == "not_stated"
    named = assistant.ask("平潭农业农村局2020年主动公开的信息里，有多少条是政策解读类的？")
    assert not named.abstained and "政策解读类10条" in named.text


def test_a_figure_of_the_other_template_reads_the_cell_that_replaced_it(assistant):
    a = assistant.ask("鹿城区2022年规范性文件的对外公开总数量是多少？")  # a 2021-template report: 现行有效件数
    assert not a.abstained and [c.row for c in a.citations] == ["normative_in_force"]


def test_a_sum_in_wan_yuan_asked_in_yuan_and_a_share_asked_per_thousand(assistant):
    fee = assistant.ask("洪泽区2024年行政事业性收费折合多少元？")
    value = figure(fee, "fees_amount_wan")
    assert f"合{round(value * 10000):d}元" in fee.text
    mille = assistant.ask("洪泽区2023年无法提供的占办结总数的千分之几？")
    assert "每1000件约619" in mille.text


def test_an_average_per_year_is_the_years_mean_with_the_division_shown(assistant):
    a = assistant.ask("平潭管委会2022到2024年平均每年收到多少件申请？")
    means = [f.value for f in a.figures if f.table == "derived" and f.row == "mean"]
    received = [f.value for f in a.figures if f.row == "new_received"]
    assert len(received) == 3 and means == [pytest.approx(sum(received) / 3, abs=0.01)] and "÷3" in a.text


def figure_of(answer, year: int) -> float:
    return next(f.value for f in answer.figures if f.row == "new_received" and f.year == year)


def test_an_average_annual_growth_is_compounded_over_the_years_between(assistant):
    a = assistant.ask("平潭管委会2021年到2024年新收申请年均增长多少？")
    first, last = (figure_of(a, 2021), figure_of(a, 2024))
    rate = [f.value for f in a.figures if f.row == "annual_growth_rate"]
    assert rate == [pytest.approx(((last / first) ** (1 / 3) - 1) * 100, abs=0.05)] and "^(1/3)" in a.text


def test_a_median_is_the_middle_of_the_years_values_shown_in_order(assistant):
    a = assistant.ask("平潭管委会2019到2024年新收申请的中位数是多少？")
    received = sorted(f.value for f in a.figures if f.row == "new_received")
    medians = [f.value for f in a.figures if f.table == "derived" and f.row == "median"]
    assert len(received) == 6 and medians == [pytest.approx((received[2] + received[3]) / 2)]
    assert "从小到大为" + "、".join(str(int(v)) for v in received) in a.text


def test_one_report_set_against_the_mean_of_the_others_named(assistant):
    a = assistant.ask("平潭管委会2021年新收的申请数，高于鹿城2022、洪泽2023、洪泽2024这几家的平均水平吗？")
    subject, others = figure_of(a, 2021), [f.value for f in a.figures if f.row == "new_received" and f.year != 2021]
    mean = sum(others) / len(others)
    assert len(others) == 3 and [f.value for f in a.figures if f.row == "mean"] == [pytest.approx(mean, abs=0.01)]
    assert ("高于" if subject > mean else "低于") + "其余3份报告的平均值" in a.text


def test_the_askers_own_figure_is_set_against_the_cell(assistant):
    a = assistant.ask("我们局2024年新收了120件申请，洪泽区2024年新收的比我们少多少件？")
    received = figure_of(a, 2024)
    assert [f.value for f in a.figures if f.row == "difference"] == [pytest.approx(120 - received)]
    assert f"比您所说的120件少{120 - received:g}件" in a.text


def test_a_computed_yuan_and_per_thousand_are_figures_of_their_own(assistant):
    """Numbers the answer computes (万元 × 10000, a share per thousand) are derived figures, as a rate is."""
    fee = assistant.ask("平潭管委会2021年行政事业性收费换算成元是多少？")
    wan = figure(fee, "fees_amount_wan")
    assert [f.value for f in fee.figures if f.row == "yuan"] == [pytest.approx(wan * 10000)]
    mille = assistant.ask("鹿城区2022年部分公开的占办结总数的千分之几？")
    assert [f.value for f in mille.figures if f.row == "per_1000"] == [pytest.approx(24 / 110 * 1000, abs=0.01)]


def test_a_count_of_those_a_modifier_picks_out_needs_the_modifier_in_its_sentence(assistant):
    """给出好评的纳税人: the sentence counting 纳税人 (咨询达3000多人次) says nothing of praise."""
    a = assistant.ask("平潭地税局2013年，打了好评的纳税人有多少人次？")
    assert a.abstained and a.reason == "not_stated"
    said = assistant.ask("平潭地税局2013年电话咨询的纳税人有多少人次？")
    assert not said.abstained and "3200人次" in said.text


def test_a_number_that_counts_another_thing_is_no_count_of_the_thing_asked(assistant):
    """几起事故: a sentence that names 事故 but whose number counts 简报 (40期…简报) does not state it; asked what that
    number counts, it answers; a number ending its clause counts what the clause named (…热线244起)."""
    a = assistant.ask("2016年平潭实验区一共出过几起安全生产事故")
    assert a.abstained and a.reason == "not_stated"
    said = assistant.ask("2016年平潭实验区一共出过几期安全生产信息简报")
    assert not said.abstained and "40期" in said.text.split("。")[0]
    hotline = assistant.ask("平潭农业农村局2020年12345热线受理了几起")
    assert not hotline.abstained and "244起" in hotline.text.split("。")[0]



def test_the_place_asked_in_a_ranking_is_named_first(assistant):
    a = assistant.ask("平潭管委会2019到2025年的新收申请，从多到少排第二的是哪一年？")
    assert "排第2的是2025年度（154件）" in a.text
    b = assistant.ask("2024年各单位新收申请第二多的是哪家？")
    assert "排第2的是平潭综合实验区管委会" in b.text.split("。")[0]


def test_the_thing_a_count_names_at_once_is_what_its_sentence_must_count():
    """几起安全生产事故 names its thing at once (起 counts); 几个人负责信息公开 counts people, and 信息公开 is what they do."""
    from assistant.execute import _names_at_once, counts

    assert _names_at_once("安全生产事故", "事故") and not _names_at_once("个人负责政府信息公开", "信息公开")
    assert counts("事故", "全年发生一般安全事故3起，无较大事故。")
    assert not counts("事故", "推进生产安全事故信息公开，共发布了40期安全生产信息简报。")
    assert counts("粉丝", "官方抖音号粉丝已超过12万，影响力位居前列。")  # a number with no unit of the list
    assert counts("咨询", "通过窗口和电话答复群众咨询，其中电话咨询26个，窗口9个。")  # counted in the clause after
    assert not counts("事故", "2016年，全区进一步加强安全事故防范。")  # a year counts nothing


def test_a_month_said_after_the_year_is_a_part_of_it_and_places_are_counted(assistant):
    """2025年3月份: a month of that year (its count is not the year's); 几处 asks a count in 处."""
    a = assistant.ask("沭阳县2025年3月份开展了几次办前主动沟通？")
    assert a.abstained and a.reason == "not_stated"
    whole = assistant.ask("沭阳县2025年开展了几次办前主动沟通？")
    assert not whole.abstained and "49" in whole.text.split("。")[0]
    places = assistant.ask("平潭公安局2019年12月份新设立了几处公安自助服务站点？")
    assert places.abstained and places.reason == "not_stated"


def test_a_named_rate_of_one_applicant_type_reads_that_types_cells(assistant):
    a = assistant.ask("沭阳县2025年自然人申请的公开率是多少？")
    assert {c.column for c in a.citations if c.kind == "cell"} == {"natural_person"} and "（自然人）" in a.text
    whole = assistant.ask("沭阳县2025年的公开率是多少？")
    assert {c.column for c in whole.citations if c.kind == "cell"} == {"total"}


def test_figures_on_both_sides_of_the_balance_are_given_each_not_summed(assistant):
    a = assistant.ask("平潭管委会2023年的新收申请数以及不予公开数")
    assert "共" not in a.text.split("。")[0] and len([c for c in a.citations if c.kind == "cell"]) >= 2
    same_side = assistant.ask("平潭管委会2023年新收和上年结转")
    assert "共" in same_side.text


def test_a_sum_over_a_places_reports_names_each_report_by_its_year(assistant):
    a = assistant.ask("江苏的报告里行政复议一共多少件？")
    assert a.figures[0].row == "sum" and "3个单位的4份报告" in a.text
    assert f"{HONGZE}2023年度" in a.text and f"{HONGZE}2024年度" in a.text
    assert {(c.agency, c.year) for c in a.citations} == {(HONGZE, 2023), (HONGZE, 2024), (HUAIAN, 2024),
                                                          ("沭阳县人民政府", 2025)}


def test_the_rest_of_a_review_group_is_its_total_less_the_part_said(assistant):
    a = assistant.ask("淮安市2024年行政复议里没有被纠正的有几件？")
    total, corrected = figure(a, "review_total"), figure(a, "review_corrected")
    assert a.figures[0].row == "remainder" and a.figures[0].value == total - corrected
    assert f"{total}－{corrected}＝" in a.text


def test_a_rate_over_a_zero_denominator_is_declined_with_the_zero_cited(assistant):
    a = assistant.ask("平潭管委会2019年的复议纠错率是多少？")
    assert a.abstained and a.reason == "zero_denominator" and "无法计算" in a.text
    assert any(c.row == "review_total" for c in a.citations)


def test_a_follow_up_typed_in_pinyin_asks_its_column(assistant):
    first = "平潭管委会2023年部分公开多少件？"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": assistant.ask(first).text}]
    a = assistant.ask("na qiye shenqing de ne", history)
    assert [(c.row, c.column, c.year) for c in a.citations if c.kind == "cell"] == [("partially_granted", "commercial", 2023)]


def test_agencies_whose_figure_rose_are_listed_with_both_years_cells(assistant):
    a = assistant.ask("2023年新收申请比2022年多的有哪些单位？")
    cells = {(c.agency, c.year) for c in a.citations if c.kind == "cell"}
    assert ("平潭综合实验区管委会", 2022) in cells and ("平潭综合实验区管委会", 2023) in cells
    assert "增加7件" in a.text  # 74 -> 81


def test_this_figure_with_another_year_added_up_is_their_sum(assistant):
    first = "平潭管委会2023年新收申请多少件？"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": assistant.ask(first).text}]
    a = assistant.ask("把这个数和2022年的加起来", history)
    assert [f.value for f in a.figures if f.row == "sum"] == [81 + 74]


def test_a_correction_of_the_last_turn_asks_again_what_it_names(assistant):
    """抱歉说错了，我问的是X / 年份写错了，是2022 / 年份不变: the last question, of what the correction names."""
    first = "平潭管委会2023年部分公开多少件？"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": assistant.ask(first).text}]

    def cells(text):
        return [(c.agency, c.year, c.row) for c in assistant.ask(text, history).citations if c.kind == "cell"]

    assert cells("不好意思，年份写错了，是2022") == [("平潭综合实验区管委会", 2022, "partially_granted")]
    assert cells("抱歉说错了，我问的是洪泽区") == [("淮安市洪泽区人民政府", 2023, "partially_granted")]
    assert assistant.ask("错了，我问的是沭阳县，年份不变", history).reason == "year_not_held"  # 2023, not its 2025


def test_an_english_listing_that_finds_none_says_it_read_the_tables(assistant):
    a = assistant.ask("Which agencies had fewer reviews in 2025 than in 2024?")
    assert a.text.startswith("From the reports' tables:") and "没有单位2025年度的行政复议少于2024年度" in a.text


def test_a_listing_of_rates_over_agencies_whose_last_one_has_the_years(assistant):
    """鹿城、洪泽和平潭管委会2019到2021年这几份里…哪几份: the years are 平潭管委会's (鹿城 and 洪泽 hold none of
    them), so 鹿城 and 洪泽 are read in every year held, never declined for years they were not asked in."""
    a = assistant.ask("鹿城、洪泽和平潭管委会2019到2021年这几份里，本机关不掌握的占办结总数不到两成的是哪几份？")
    assert not a.abstained
    listed = {(c.agency, c.year) for c in a.citations}
    assert ("温州市鹿城区人民政府办公室", 2022) in listed and ("平潭综合实验区管委会", 2020) in listed
    assert not any(y == 2022 and agency == "平潭综合实验区管委会" for agency, y in listed)


def test_a_listing_above_the_mean_names_the_mean_and_keeps_those_above_it(assistant):
    """哪几年…超过三年平均水平: 23, 21 and 70 average 38, so 2021 alone; the mean is said, not hidden."""
    a = assistant.ask("平潭实验区2019到2021这三年，哪几年新收的申请超过三年平均水平？")
    assert "平均值38" in a.text and "2021年度70件" in a.text and "2019年度" not in a.text


def test_a_mean_bound_shows_the_sum_it_comes_from():
    """超过平均水平: the mean is a computed figure, so its formula is shown beside it, the unit before the formula."""
    from assistant.figures import against_mean, bound_words
    from assistant.query import MEAN_MARK

    bound = against_mean((">", MEAN_MARK), [23, 21, 70])
    assert bound[:2] == (">", 38.0)
    assert bound_words(bound) == "大于所列报告的平均值38（（23＋21＋70）÷3）"
    assert bound_words(("<", 50.0), "%") == "少于50%"


def test_a_file_asked_for_gets_the_figures_and_declines_the_file(assistant):
    """导出成excel发我邮箱, 画个图: the figures as the tables print them, cited; the file or chart declined in words."""
    a = assistant.ask("把沭阳县2025年的新收申请数导出成excel发我邮箱")
    assert not a.abstained and a.reason == "file_export" and "713件" in a.text and "不生成文件" in a.text
    assert assistant.ask("沭阳县2025年新收申请多少件").reason is None


def test_the_applicant_type_at_a_place_asked_is_named_from_the_cells_cited(assistant):
    a = assistant.ask("鹿城区府办2022年的申请人，按类型分的话数量排第二的是哪一类，有几件？")
    assert "排第2的是商业企业（12件）" in a.text
    assert figure(a, "new_received", "commercial") == 12


def test_a_sum_over_years_says_a_glued_cell_is_left_out_with_its_readings(assistant):
    """2019到2021年的行政强制一共多少: a year whose printed digits run together is said so, with its readings, never
    said to lack the row."""
    a = assistant.ask("平潭管委会2019到2021年的行政强制一共多少")
    assert "数字粘连" in a.text and "未计入" in a.text and "没有这一项" not in a.text
    assert figure(a, "sum", table="derived") == figure(a, "enforcement_decisions", table="active")


def test_the_catalogue_lists_an_agency_said_with_its_place_and_declines_a_year_not_held(assistant):
    """平潭管委会: that agency's years, not every agency of 平潭; 沭阳县2024年: not held, and which years are."""
    a = assistant.ask("平潭管委会的年报，你这儿存了哪几年的？")
    assert "平潭综合实验区管委会：2011、2012" in a.text and "平潭县人民政府" not in a.text
    assert "平潭县人民政府" in assistant.ask("平潭有哪几家单位").text
    no = assistant.ask("你这有没有沭阳县2024年的年报")
    assert no.abstained and no.reason == "year_not_held" and "2025年度" in no.text


def test_the_spread_of_the_reports_listed_is_the_largest_less_the_smallest(assistant):
    a = assistant.ask("拿鹿城2022、洪泽2023和2024、平潭管委会2021这几家来说，一年新收申请最多的跟最少的相差几件？")
    spread = [f for f in a.figures if f.table == "derived" and f.row == "range"]
    assert [f.value for f in spread] == [92] and "相差92件（113−21）" in a.text


def test_what_no_table_row_counts_is_read_in_the_text_that_counts_it(assistant):
    """撤回: no row of the template, but 上海市政府办公厅 2025 states 主动撤回 157 件 in its text, so the text answers,
    cited; an attribute the text never counts (申请人年龄) is still declined."""
    a = assistant.ask("上海市政府办公厅2025年，申请人撤回的公开申请一共几件？")
    assert not a.abstained and "157" in a.text and all(c.year == 2025 for c in a.citations)
    assert a.plan.parts[0].operation == "passages" and a.plan.parts[0].reason == "read in the text"
    no = assistant.ask("上海市政府办公厅2025年申请人的平均年龄多大？")
    assert no.abstained and no.reason == "unsupported_figure"


def test_one_figure_less_another_is_signed_and_shows_its_subtraction(assistant):
    a = assistant.ask("沭阳县2025年部分公开减去予以公开等于多少？")
    part, granted = figure(a, "partially_granted", "total"), figure(a, "granted", "total")
    assert figure(a, "change", table="derived") == part - granted < 0 and f"{part:g}−{granted:g}＝" in a.text


def test_a_rate_of_rows_whose_total_column_is_blank_adds_their_applicant_columns(assistant):
    """上海市政府办公厅 2019 left 总计 blank beside filled applicant columns: the rate adds those columns, as the figure
    path does, and says so; not 0% from blanks."""
    a = assistant.ask("上海市政府办公厅2019年，不予处理的申请在办结的里面占了百分之几？")
    num = sum(f.value for f in a.figures if f.table == "requests" and f.row.startswith("rejected_"))
    den = figure(a, "results_total", "total")
    rate = next(f.value for f in a.figures if f.table == "derived")
    assert num > 0 and rate == pytest.approx(100 * num / den, abs=0.05) and "总计一栏为空" in a.text


def test_the_askers_word_for_the_value_of_a_cell_pointed_at_is_no_unrecorded_thing(assistant):
    """“本年新收”这一栏的读数: no report says 读数, but it is the value of the cell quoted, not a thing asked of the
    agency; 区长的年薪 is still a thing no report records."""
    a = assistant.ask("沭阳县2025年“本年新收”这一栏的读数是多少？")
    assert not a.abstained and figure(a, "new_received", "total") > 0
    assert assistant.ask("沭阳县2025年县长的年薪读数是多少？").abstained
