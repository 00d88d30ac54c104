"""Sentence-level evidence on real bundled reports, without the model: which pieces are candidates (never
headings, table rows, page furniture or the metadata block), how they rank by the question's words, section
priors and a count's number, and the clause a count is lifted from, with exact offsets into the report."""

from __future__ import annotations

import pytest

from assistant import narrative
from assistant.narrative import (
    SentenceStore,
    _pieces,
    across,
    answer_lines,
    compound_partners,
    count_clause,
    cue,
    denies,
    earlier_reports,
    evidence_in_time,
    in_unit,
    name_parts,
    planned,
    query_terms,
    rank,
    report_sentences,
    spans,
    synonyms,
    topic_shares,
    topic_words,
    with_items,
    without_counts,
    word_groups,
)
from assistant.plan import understand
from index.parse.report import parse_file

LUCHENG_2022 = "00_lucheng-qu_2022.txt"
HONGZE_2023 = "01_huaian-hongzequ_2023.pdf"
SHUYANG_2025 = "04_shuyang-xian_2025.txt"
KEWEI_2024 = "05_shanghai-kewei_2024.md"
PINGTAN_2020 = "15_pingtan-syq_2020.txt"
PINGTAN_2021 = "16_pingtan-syq_2021.txt"
PINGTAN_2023 = "18_pingtan-syq_2023.txt"
PINGTAN_2011 = "23_pingtan-syq_2011.txt"
BGT_2019 = "22_shanghai-bgt_2019.html"
CZJ_2009 = "28_pingtan-xian-czj_2009.txt"
NYN_2020 = "41_pingtan-nyn_2020.txt"
JUNSHAN_2020 = "38_pingtan-jsp_2020.txt"
JINJING_2021 = "42_pingtan-jjp_2021.txt"
HGJ_2017 = "32_pingtan-hgj_2017.txt"
SCJ_2024 = "47_pingtan-scj_2024.txt"
BGT_2025 = "06_shanghai-bgt_2025.md"
FILES = (LUCHENG_2022, HONGZE_2023, SHUYANG_2025, KEWEI_2024, PINGTAN_2011, PINGTAN_2020, PINGTAN_2023, BGT_2019,
         CZJ_2009, NYN_2020, JUNSHAN_2020, JINJING_2021, HGJ_2017, SCJ_2024, BGT_2025, PINGTAN_2021)


@pytest.fixture(scope="module")
def reports(corpus_dir):
    return {name: parse_file(corpus_dir / "reports" / name) for name in FILES}


def _ranked(report, question: str, topic: str = ""):
    """As the assistant ranks one named report's sentences, without the model's cosines."""
    cands = report_sentences(report)
    names = name_parts(report.meta.agency)
    terms = query_terms(question, topic_words(topic), names, (report.meta.agency,))
    ranked = rank(question, terms, cands, {}, names)
    return with_items(ranked, cands, {report.id: report.text}, lists=cue(question) in ("shortfall", "plan"),
                      question=question)


def _whole_report_search(report, cosine: float):
    """A search that finds the report's whole text as one passage, this close to every question."""
    from types import SimpleNamespace

    def search(question, k, filters, method=None):
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=report.id, start=0, end=len(report.text)),
                                dense=cosine, score=cosine)]

    return search


def _evidence(report, question: str, cosine: float = 0.9):
    """The evidence for a question on one report whose whole text is this close to it (threshold 0.8)."""
    return narrative.evidence(_whole_report_search(report, cosine), question, topic_words(question), [report], 0.8)


def test_a_table_header_printed_as_text_is_no_candidate(corpus_dir, reports):
    # a crawled page's review table: its header run (行政复议行政诉讼结果维持结果纠正…) after the sentence that says
    # there were none; 淮安市's narrative that names the outcomes with their numbers stays a candidate
    jjf = parse_file(corpus_dir / "reports" / "44_pingtan-jjf_2022.txt")
    assert not [c for c in report_sentences(jjf) if "结果维持结果纠正" in c.read]
    huaian = parse_file(corpus_dir / "reports" / "03_huaian-shi_2024.pdf")
    assert [c for c in report_sentences(huaian) if "其中结果维持72件，结果纠正64件" in c.read]


def test_a_plan_opened_under_a_heading_that_announces_shortfalls_leads(reports):
    # 洪泽 2023: …仍存在一定差距。 heads the problems and then 针对存在问题，下一步，将切实抓好以下工作：一是…
    top = _ranked(reports[HONGZE_2023], "洪泽区2023年接下来在依申请公开上准备做什么？")[0].sentence
    assert top.read.startswith("针对存在问题，下一步，将切实抓好以下工作")
    # 下一步 says when, not what: no 一步 to match every 进一步
    assert not [w for w in query_terms("平潭实验区下一步准备干什么？", [], ["平潭"]) if "步" in w]


def test_how_often_is_answered_by_the_sentence_that_says_how_often(reports):
    top = _ranked(reports[LUCHENG_2022], "鹿城区政务公开平台多长时间监测一次？")[0].sentence
    assert "定期开展监测" in top.read  # not 多次开展…保留的25个账号, a number with a unit


def test_a_sentence_that_only_weighs_the_year_is_context_for_the_shortfalls(reports):
    # 取得了一定的成绩，…，但也存在着一定的问题。 announces the list; the list says what the shortfalls are
    top = _ranked(reports[HGJ_2017], "平潭环境与国土资源局2017年工作上有什么欠缺？")[0].sentence
    assert top.read.startswith("一是信息公开界定不够准确")


def test_none_said_in_everyday_words_matches_the_reports_wording(corpus_dir):
    report = parse_file(corpus_dir / "reports" / "17_pingtan-syq_2022.txt")  # 没人管 ~ 无人维护
    ranked = _ranked(report, "平潭2022年那些没人管的公众号后来怎么样了？")
    assert any("对无人维护或信息更新不及时的政务新媒体进行关停" in s.sentence.read for s in ranked[:2])
    assert narrative.unsaid("没收") == ()


def test_which_ones_asked_pulls_the_sentence_that_names_them(reports):
    top = _ranked(reports[SCJ_2024], "平潭市场监管局2024年对哪些网上的说法作了回应？")[0].sentence
    assert top.read.startswith("回应了“餐具收费不明晰")


def test_a_listed_alternative_is_one_group_of_topic_words():
    groups = word_groups("哪些单位请了第三方（机构、平台或公司）做评估？", ["第三方", "机构", "平台", "公司", "评估"])
    assert groups == [("第三方",), ("机构", "平台", "公司"), ("评估",)]
    # a list that is no choice (人员不够、流动大: both are the problem asked about) stays apart
    assert word_groups("人员不够、流动大的问题哪些报告提到了？", ["人员", "不够", "流动"]) == [("人员",), ("不够",), ("流动",)]


def test_a_plan_in_the_problems_section_is_known_by_its_place(corpus_dir):
    # 平潭 2022: 将采取以下措施加以改进。…三是…通过…新闻发布会等形式 is a plan for 2023, not a conference held: a
    # precedent quotes the agency's other sentence where it has one
    report = parse_file(corpus_dir / "reports" / "17_pingtan-syq_2022.txt")
    sents = report_sentences(report)
    ahead = narrative.plan_starts(sents)
    plan = next(c for c in sents if c.read.startswith("三是丰富政策解读形式和方式"))
    assert plan.start in ahead
    assert not [c for c in sents if c.start in ahead and c.section != "problems"]


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


def test_a_glued_heading_ends_at_its_first_kind_word_unless_it_runs_to_a_colon(reports):
    """（五）监督保障情况将政府信息公开情况纳入年度绩效考核…: the sentence opens at 将, not after the second 情况;
    a heading that runs on to its colon keeps its subtitle (…改进情况（一）存在的主要问题：…)."""
    cands = report_sentences(reports[JINJING_2021])
    c = next(c for c in cands if "纳入年度绩效考核" in c.text)
    assert c.text.startswith("将政府信息公开情况纳入年度绩效考核") and c.heading == "（五）监督保障情况"
    text = "五、存在的主要问题和改进措施 （一）存在的问题：一是我局政府信息公开查阅场所没有单独设立。"
    assert text[_pieces(text, 0, len(text))[0][0]:].startswith("一是我局")


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
    # the title says only what the question asks: the sentence under it leads (fifteenth pass)
    assert ranked[0].sentence.text.startswith("建立疑难件会商制度")
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


def test_a_word_for_new_is_said_by_first_of_its_kind(reports):
    """创新 asks for something new: 首创… / 率全市之先… say it without repeating the word, and both stay ahead
    of an item whose title repeats the question's 依申请公开, where the model puts that item's passage a little
    closer (as it does: 0.013)."""
    report = reports[LUCHENG_2022]
    question = "鹿城区的依申请公开工作有什么创新？"
    cands = report_sentences(report)
    names = name_parts(report.meta.agency)
    terms = query_terms(question, topic_words("依申请公开 创新"), names, (report.meta.agency,))
    cosines = {i: 0.9 if c.heading.startswith(("一是", "二是")) else 0.887 for i, c in enumerate(cands)}
    top = [s.sentence.read for s in rank(question, terms, cands, cosines, names)[:2]]
    assert all(t.startswith(("首创", "率全市之先")) for t in top)


def test_a_title_of_two_clauses_is_quoted_with_the_sentences_under_it(reports):
    report = reports[SHUYANG_2025]
    title = next(c for c in report_sentences(report) if c.read.startswith("二是深化沟通联动"))
    assert title.title
    first = next(c for c in report_sentences(report) if "强化流程管控" in c.read)
    assert first.title and first.text.startswith("一是")  # the markdown mark before it (#### 一是…) is not quoted
    top = _ranked(report, "沭阳县如何在办理之前和申请人沟通，减少矛盾？", "办理 申请人 沟通 矛盾")[0].sentence
    assert top.read.startswith("二是深化沟通联动") and "变“被动办理”为“主动服务”" in top.read
    assert report.text[top.start:top.end] == top.text
    listed = next(c for c in report_sentences(reports[CZJ_2009]) if c.read.startswith("一是在局办公楼设立政府信息公开栏"))
    assert not listed.title  # two clauses, but the next sentence is numbered: an item of a list, not a title


def test_the_kind_of_sentence_asked_for_does_not_outrank_the_topic(reports):
    """整改 asks for a plan, but 没落实整改的单位 and 追责 say what about: a plan sentence holding none of the
    question's words does not outrank the sentence that says it."""
    top = _ranked(reports[PINGTAN_2023], "平潭2023年对整改没落实的单位责任人追究了吗？", "整改 落实 单位 责任人")[0]
    assert "递进式效能问责" in top.sentence.read


def test_a_shortfall_asked_in_everyday_words(reports):
    question = "洪泽区2023年的政务公开有什么缺点？"
    assert cue(question) == "shortfall"
    ranked = _ranked(reports[HONGZE_2023], question, "政务公开 缺点")
    assert ranked[0].sentence.section == "problems" and "有待" in ranked[0].sentence.read
    assert not any("统计期限" in s.sentence.read for s in ranked[:3])  # about the report itself, not its shortfalls


def test_a_heading_glued_by_a_space_is_context_not_part_of_the_sentence(reports):
    text = "占28.7%。 （二）主动公开政府信息的主要类别 2011年，在网站主动公开的425条政府信息中，机构职能类148条。"
    start = text.index("（二）")
    assert text[_pieces(text, start, len(text))[0][0]:].startswith("2011年，在网站")
    cand = next(c for c in report_sentences(reports[PINGTAN_2011]) if "主动公开的425条政府信息中" in c.read)
    assert cand.read.startswith("2011年") and cand.heading == "（二）主动公开政府信息的主要类别"


def test_a_precedent_holds_alternatives_reordered_words_and_quoted_names(reports):
    cands = report_sentences(reports[PINGTAN_2020])
    assert word_groups("哪些单位撤销或者合并过政务新媒体？", ["撤销", "合并", "媒体"]) == [("撤销", "合并"), ("媒体",)]
    assert word_groups("谁做过满意度调查？", ["满意度调查"])[0][:1] == ("满意度调查",)
    assert word_groups("谁做过问卷调查？", ["问卷调查"]) == [("问卷调查", "调查问卷")]
    texts = ["对长期未更新的公众号进行了合并。", "发布调查问卷两次。", "共组织开展6期《问政平潭》。"]
    held = topic_shares(cands, ["撤销", "合并", "公众号"], texts, "哪些单位撤销或合并过公众号？")
    assert held[0] == pytest.approx(1.0)  # one of the alternatives says both
    assert topic_shares(cands, ["问卷调查"], texts, "谁搞过问卷调查？")[1] == 1.0
    assert topic_shares(cands, ["上过", "问政", "平潭", "节目"], texts, "哪些单位上过《问政平潭》节目？")[2] == 1.0


def test_a_sentence_that_denies_the_topic_is_no_precedent():
    words = ["收取", "处理费"]
    assert denies("2024年，无收取信息处理费情况。", words)
    assert denies("本年度没有产生信息公开处理费，未收取费用。", words)
    assert denies("全年收取政府信息公开信息处理费0元。", words)
    assert not denies("全年收取政府信息公开信息处理费3940元。", words)
    assert not denies("及时关停整合用户关注度低、无力运维的新媒体账号。", ["关停", "媒体", "账号"])


def test_sentences_kept_on_disk_are_the_ones_built(reports, tmp_path, monkeypatch):
    """An open question in a new process reads its reports' candidates from the sentence store, identical to the
    ones built from the stored report, and loads no report; a store written by other code is emptied."""
    wanted = {r.id: r for r in (reports[LUCHENG_2022], reports[SHUYANG_2025], reports[PINGTAN_2011])}
    loaded = []

    def load(report_id):
        loaded.append(report_id)
        return wanted[report_id]

    ids = list(wanted)
    built = [report_sentences(wanted[i]) for i in ids]
    narrative._CANDIDATES.clear()
    assert SentenceStore(tmp_path / "s").get(ids, load) == built and sorted(loaded) == sorted(ids)
    narrative._CANDIDATES.clear()  # a new process
    loaded.clear()
    again = SentenceStore(tmp_path / "s").get(ids[::-1], load)
    assert again == built[::-1] and loaded == []
    assert all(a.title == b.title and a.read == b.read for x, y in zip(again, built[::-1], strict=True)
               for a, b in zip(x, y, strict=True))
    narrative._CANDIDATES.clear()
    monkeypatch.setattr(narrative, "_fingerprint", lambda: "other code")
    assert SentenceStore(tmp_path / "s").get(ids[:1], load) == built[:1] and loaded == ids[:1]


def test_an_unusable_sentence_store_builds_the_sentences_as_before(reports, tmp_path):
    report = reports[LUCHENG_2022]
    (tmp_path / "file").write_text("not a folder")
    narrative._CANDIDATES.clear()
    got = SentenceStore(tmp_path / "file").get([report.id], lambda _: report)
    assert got == [report_sentences(report)]


def test_a_part_of_a_compound_topic_said_alone_holds_less_than_half(reports):
    """压力 of 压力测试 said about something else, 访谈 of 在线访谈 as 微访谈: not the compound; a verb or a numeral
    beside a noun (法律顾问参与, 第三方机构) makes no compound, so the noun alone still counts."""
    cands = report_sentences(reports[LUCHENG_2022])
    texts = ["受理量持续增长带来的压力不小。", "组织了一次系统压力测试。", "测试压力两天。", "办了3期在线访谈。",
             "开展微访谈活动1场。", "标准化、规范化水平提升。", "推进标准化规范化建设。"]
    held = topic_shares(cands, ["压力", "测试"], texts, "有没有部门组织过系统压力测试？")
    assert held[0] < narrative.TOPIC_SHARE and held[1] == pytest.approx(1.0) and held[2] == pytest.approx(1.0)
    held = topic_shares(cands, ["访谈"], texts, "谁办过在线访谈节目？")
    assert held[3] == pytest.approx(1.0) and held[4] < narrative.TOPIC_SHARE
    held = topic_shares(cands, ["标准化", "规范化"], texts, "谁抓过标准化规范化？")
    assert held[5] < narrative.TOPIC_SHARE and held[6] == pytest.approx(1.0)
    assert compound_partners("谁请法律顾问参与过答复？", ["法律顾问", "参与"]) == {}
    assert compound_partners("谁委托第三方机构做过评估？", ["第三方", "机构"]) == {}


def test_a_plan_or_a_condition_is_no_precedent():
    words = ["收取", "处理费"]
    assert planned("若申请数量明显超过合理范围，本机关将依照《办法》收取信息处理费。", words)
    assert planned("下一步拟收取信息处理费。", words)
    assert not planned("全县全年收取信息处理费共计380元。", words)
    assert not planned("将8大类事项纳入一窗通办。", ["一窗通办"])


def test_the_scope_names_say_who_not_what(reports):
    """Which of some zones did a survey: the zones' own names (片区, 管理局) are no topic words, so a signature
    that holds them is no precedent."""
    junshan, jinjing = reports[JUNSHAN_2020], reports[JINJING_2021]
    got = {r.id: r for r in (junshan, jinjing)}
    ids = list(got)
    best = across(lambda *a, **k: [], got.__getitem__, "平潭这几个片区管理局里，哪个办过调查问卷？",
                  ["平潭", "片区", "管理局", "调查问卷"], ids, ids, 0.8, precedent=True)
    assert [s.sentence.agency for s in best] == [junshan.meta.agency]
    assert "调查问卷" in best[0].sentence.read


def test_a_question_without_a_year_reads_every_report_of_the_agency(corpus_dir):
    """No year said: the agency's earlier reports are read with the newest, which has relevant sentences too, and
    the best sentence wins, its own year cited (the merger is told in 2019, the newest report is 2024's)."""
    from types import SimpleNamespace

    new, old = (parse_file(corpus_dir / "reports" / f) for f in ("49_pingtan-htp_2024.txt", "37_pingtan-htp_2019.txt"))
    loaded = {r.id: r for r in (new, old)}

    def search(question, k, filters, method=None):  # every passage equally close, as close as the model gets
        ids = filters["report_id"] if isinstance(filters["report_id"], list) else [filters["report_id"]]
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=i, start=0, end=len(loaded[i].text)), dense=0.93,
                                score=0.93) for i in ids]

    question = "海坛片区是由哪些乡镇整合而成的？"
    assert evidence_in_time(search, loaded.__getitem__, question, [], [new], [], 0.8)[0].sentence.year == 2024
    best = evidence_in_time(search, loaded.__getitem__, question, [], [new], [old.id], 0.8)[0].sentence
    assert best.year == 2019 and "整合为海坛片区" in best.read


def test_a_count_of_people_is_answered_by_the_sentence_that_states_people():
    """几个人…: the count's own words (几个, and 人管 where 人 is the unit glued to the next word) are no content
    words, 2名 is in the unit asked (人次 is not, for ranking), and the sentence stating it leads though it says none
    of the other words: its pull is not halved as off the topic."""
    assert without_counts("这个局几个人管公开？", ["人管", "几个", "公开栏"]) == ["公开栏"]
    assert in_unit("人", "名") and in_unit("元", "万元") and not in_unit("人", "人次")
    cands = [narrative.Sentence("r", "某局", 2020, "overview", i * 40, i * 40 + len(t), t) for i, t in enumerate(
        ["设立信息公开工作小组，负责日常工作。", "全年电话咨询3200人次。", "工作小组共有工作人员2名。"])]
    ranked = {s.sentence.text: s.score for s in rank("这个局有几个人负责信息公开？", ["负责"], cands, {}, [])}
    assert ranked["工作小组共有工作人员2名。"] >= 2 * narrative.W_NUMBER > ranked["全年电话咨询3200人次。"]



def test_a_year_before_annual_report_leaves_no_word_behind():
    """2023年报里 / 2023年里: the year and 年报 are no content words (no 报里, no 年里 to look for)."""
    for q in ("洪泽区2023年报里有哪些不足？", "洪泽区2023年里有哪些不足？", "洪泽区2023年度报告里有哪些不足？"):
        terms = narrative.query_terms(q, [], ["淮安市洪泽区人民政府", "洪泽"])
        assert not any(w in ("报里", "年里", "年报", "报告里") for w in terms), terms


def test_what_the_question_quotes_is_the_topic(reports):
    """A word in quotation marks is what was asked: a sentence holding the other words but not it holds less
    than half."""
    cands = report_sentences(reports[LUCHENG_2022])
    texts = ["选派工作人员赴福安调研锻炼。", "实行工作人员挂职锻炼制度。"]
    held = topic_shares(cands, ["福安", "挂职", "锻炼"], texts, "哪些部门派人去福安“挂职锻炼”？")
    assert held[0] < narrative.TOPIC_SHARE and held[1] == pytest.approx(1.0)


def test_a_noun_suffix_stays_on_the_head_it_names():
    """jieba cuts 信息处理费 into 信息处理 + 费; the reports say 政府信息公开处理费: the topic is 处理费."""
    assert narrative.topic_words("检索信息处理费") == ["检索", "处理费"]
    assert "退费率" not in narrative.topic_words("依申请公开答复")


def test_the_statistics_period_is_a_candidate_and_the_contact_numbers_are_not():
    """本报告所列数据的统计期限… answers 数据从哪天开始统计, and since the twenty-first pass whom the report sends
    questions to answers 有疑问找谁 (the particulars cut off it, `test_whom_the_report_sends_questions_to…`); the
    download line and the office's numbers answer nothing."""
    assert not narrative._furniture("本报告所列数据的统计期限自2019年9月1日起至2019年12月31日止。")
    assert not narrative._furniture("如对本报告有任何疑问，请与区政府办公室联系。")
    assert narrative._furniture("；邮编：350400；电话：24336240；")


def test_a_numbered_item_the_next_item_follows_is_content_not_a_title(reports):
    """一是通过门户网站…公开； then 二是通过平潭时报…： a list of what was done, each item a sentence under the section's
    heading; a numbered line with sentences under it (一是细化依申请公开办理流程。) stays a title."""
    items = [c for c in report_sentences(reports[HGJ_2017]) if "是通过" in c.text]
    assert len(items) == 3
    assert not any(c.title for c in items[:2])
    assert all(not c.heading.startswith(("一是", "二是")) for c in items)
    titles = [c for c in report_sentences(reports[LUCHENG_2022]) if c.text.startswith("一是细化")]
    assert titles and titles[0].title


def test_problems_something_is_done_to_are_no_shortfall_asked(reports):
    """排查问题 / 避免出问题 / 回应舆情问题 name work done, not the agency's shortfalls; 存在哪些问题 asks for them."""
    assert cue("怎么排查网站上的问题？") is None
    assert cue("靠什么避免系统出问题？") is None
    assert narrative.section_hint("帮群众解决了哪些问题？") is None
    assert cue("去年工作存在哪些问题？") == "shortfall"
    assert cue("工作中的突出问题有哪些？") == "shortfall"
    # under the heading （五）积极回应舆情问题。 the sentences say what was done: they lead, not the heading
    best = _ranked(reports[SCJ_2024], "市场监管局对网上舆情怎么回应的？")[0]
    assert not best.sentence.text.startswith("（五）")
    assert "舆情回应" in best.sentence.text or "回应了" in best.sentence.text


def test_a_fault_in_everyday_words_something_is_done_to_is_no_shortfall_asked(reports):
    """毛病 is the everyday word for a fault: 网站出的毛病怎么督查 asks how faults are checked (the work), as 排查问题
    does, not for the agency's own shortfalls; 渠道有啥毛病 and 毛病出在哪 still ask for them."""
    assert cue("对网站出的毛病是怎么督查的？") is None
    assert cue("平时怎么查毛病？") is None
    assert cue("发布信息的渠道有啥毛病？") == "shortfall"
    assert cue("找政策不方便，毛病出在哪？") == "shortfall"
    best = _ranked(reports[HONGZE_2023], "洪泽区2023年对区政府网站和政务新媒体出的毛病是怎么督查的？")[0]
    assert best.sentence.section != "problems"
    assert any(w in best.sentence.read for w in ("督查", "监管")), best.sentence.text


def test_how_often_something_is_done_is_answered_by_what_was_done_not_a_plan(reports):
    """多长时间检查一次 asks the practice, as 怎么检查 does: the plan for next year in the problems section (三是强化…
    日常监管，坚持开展季度检查抽查) says how often too, but is pushed down as for a how-question, below what was done
    (加强政务公开和政府网站季度巡查工作)."""
    question = "平潭实验区2020年多长时间检查一次政府网站？"
    cands = report_sentences(reports[PINGTAN_2020])
    pri = narrative.priors(question, cands)
    done = next(i for i, c in enumerate(cands) if "政府网站季度巡查" in c.read)
    plan = next(i for i, c in enumerate(cands) if "坚持开展季度检查抽查" in c.read)
    assert cands[plan].section == "problems"
    assert pri[done] > pri[plan]
    best = _ranked(reports[PINGTAN_2020], question)[0]
    assert "季度巡查" in best.sentence.read


def test_where_one_can_go_is_not_answered_by_a_shortfall(reports):
    """去哪几个地方查 asks where one can go: a sentence the problems section states before its plans (同时，强化档案馆、
    图书馆等场所查阅服务功能…, among the shortfalls by its place) is pushed down below 指定县档案馆、图书馆为…查阅场所,
    as for a how-question; a plan is not (推进线下专区建设 still answers 不上网在哪能看到, where no place now is told)."""
    cands = report_sentences(reports[PINGTAN_2011])
    stated = next(i for i, c in enumerate(cands) if "强化档案馆、图书馆等场所查阅服务功能" in c.read)
    done = next(i for i, c in enumerate(cands) if "指定县档案馆、图书馆为全区政府公开信息公众查阅场所" in c.read)
    assert cands[stated].section == "problems"
    pri = narrative.priors("2011年平潭实验区老百姓能去哪几个地方查政府公开的信息？", cands)
    assert pri[done] > pri[stated]
    assert "线下专区" in _ranked(reports[JUNSHAN_2020], "君山片区2020年老百姓不上网的话在哪能看到公开的信息？")[0].sentence.read


def test_from_now_on_said_as_yihou_asks_a_plan():
    """以后 followed by a will (以后要怎么…, 以后打算…) says 今后: a plan is asked; after an event (改版以后加了什么, 合并
    以后…有什么变化) it says when, and asks no plan."""
    assert cue("他们说以后要怎么把这些案子降下来？") == "plan"
    assert cue("民政局说以后会把什么样的人放到受理岗位上？") == "plan"
    assert cue("网站改版以后加了什么新功能？") is None
    assert cue("区县合并以后，信息公开这块的人手有什么变化？") is None


def test_a_four_character_word_is_also_said_in_its_halves_other_order(reports):
    """追究责任 asked, 责任追究 printed (未发生责任追究情况): the sentence holds the word."""
    report = reports[LUCHENG_2022]
    cands = report_sentences(report)
    scores = narrative.lexical("有人被追究责任吗", ["追究责任"], cands, name_parts(report.meta.agency))
    held = [c.text for c, (_, n) in zip(cands, scores, strict=True) if n]
    assert held == ["未发生责任追究情况。"]


def test_a_count_asked_in_kinds_or_rounds_pulls_a_number(reports):
    """几种 / 几回 / 几轮 ask a count as 几个 does: a sentence stating a number weighs more."""
    for q in ("支持几种外语？", "一年检查几回？", "开展了几轮督查？"):
        assert narrative.asks_count(q), q
    cands = report_sentences(reports[BGT_2025])
    pri = narrative.priors("国际服务门户能切换几种外语？", cands)
    langs = next(i for i, c in enumerate(cands) if "语种" in c.read)
    assert pri[langs] > 0


def test_a_word_said_right_after_bu_is_denied():
    """不收取费用 says no fee was charged: no precedent of charging one; 不断收取 or 不予收取 elsewhere do not deny it."""
    assert denies("本单位依申请提供政府信息，不收取费用。", ["收取"])
    assert not denies("本单位按规定收取费用，不断规范收费流程。", ["收取"])


def test_a_question_for_the_ones_who_did_not_lists_the_denials(reports):
    """哪几家没收过处理费 / 处理费记为0元: the sentences that say none (未收取…处理费, 无收取信息处理费情况) answer it, the one
    that states a charge (收取信息处理费共计380元) does not; asked who did charge, the other way round."""
    got = {r.id: r for r in (reports[LUCHENG_2022], reports[SHUYANG_2025], reports[PINGTAN_2023])}
    ids = list(got)

    def agencies(question):
        best = across(lambda *a, **k: [], got.__getitem__, question, ["处理费"], ids, ids, 0.8, precedent=True)
        return {s.sentence.agency for s in best}

    shuyang = reports[SHUYANG_2025].meta.agency
    none = agencies("哪几家单位一年里没收过处理费？")
    assert none == {reports[LUCHENG_2022].meta.agency, reports[PINGTAN_2023].meta.agency}
    assert agencies("哪几家单位的处理费记为0元？") == none
    assert agencies("哪几家单位收过处理费？") == {shuyang}
    assert narrative.asks_none("哪些单位从未开通过微博？")
    assert not narrative.asks_none("有没有单位开通微博？")
    assert not narrative.asks_none("哪些单位还有尚未审结的复议？")
    assert not narrative.asks_none("哪些单位公开了未成年人保护的信息？")
    assert not narrative.asks_none("哪些单位规定未经审核的信息不得发布？")


def test_who_applies_is_said_in_the_vocabularys_other_words(reports):
    """The vocabulary's words for one kind of applicant are synonyms for a sentence too: 老百姓 asked, 群众 printed."""
    assert {"群众", "公民"} <= set(synonyms("老百姓"))
    report = reports[JUNSHAN_2020]
    cands = report_sentences(report)
    scores = narrative.lexical("君山片区怎么听老百姓的意见", ["老百姓", "意见"], cands, name_parts(report.meta.agency))
    best = max(range(len(cands)), key=lambda i: scores[i][0])
    assert "群众" in cands[best].read and scores[best][1] == 2


def test_a_compound_word_whose_parts_a_sentence_holds_apart_is_partly_said(corpus_dir):
    """绩效考核 asked; the report says 列入片区年度绩效考评，通过工作考核: no sentence holds the word, but one holds both
    its parts, so the report's evidence is not declined as off topic (at a cosine below STRONG_RELEVANCE); a word
    whose parts no sentence holds together (天气预报: 预报 alone is no weather) still declines."""
    from types import SimpleNamespace

    report = parse_file(corpus_dir / "reports" / "45_pingtan-spp_2023.txt")

    def search(question, k, filters, method=None):
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=report.id, start=0, end=len(report.text)),
                                dense=0.88, score=0.88)]

    assert narrative.compound_parts("绩效考核") == ["绩效", "考核"]
    got = narrative.evidence(search, "苏平片区的绩效考核里有信息公开这一项吗？", ["绩效考核"], [report], 0.8)
    assert got and "绩效考评" in got[0].sentence.read
    assert narrative.evidence(search, "苏平片区做不做天气预报？", ["天气预报"], [report], 0.8) == []


def test_a_number_that_counts_nothing_the_question_names_is_not_lifted():
    text = "群众可就近在14个街镇、92个社区政务服务网点提出申请。"
    assert count_clause("鹿城区2022年负责信息公开的专职人员有几个？", text) is None
    assert count_clause("鹿城区2022年有几个社区网点能提出申请？", text)[1] == 92


def test_an_amount_in_wan_yuan_states_an_amount_in_yuan():
    """多少钱 asks in 元: 经费3万元 states one (its unit ends with the one asked), 培训2场 does not."""
    assert narrative.states("元", "全年安排公开工作经费3万元。")
    assert not narrative.states("元", "全年组织培训2场。")


def test_a_shortfall_said_in_the_reports_own_wording_is_the_kind_asked(reports):
    """还有哪些不完善: the question says the shortfall as a report words it (不完善, 不到位, 够不够), so it asks for
    the shortfalls, and that word is no topic to look for: the first problem stated leads."""
    question = "金井片区2021年的公开工作还有哪些不完善之处？"
    assert cue(question) == "shortfall"
    assert not any("不完善" in w for w in query_terms(question, [], name_parts("平潭综合实验区金井片区管理局")))
    top = _ranked(reports[JINJING_2021], question)[0]
    assert "落实还不到位" in top.sentence.read


def test_an_items_title_right_after_the_announcing_colon_heads_its_item(reports):
    """…将着重在以下几方面进行改进：1、加强信息公开受理服务工作。加强人员配备…。: the title after the colon is a piece
    of its own, an item's title, so the item is quoted from it with the sentences under it (the announcement before
    the colon is context); a long first item after a colon (：一是开设…专栏，集中发布…。) is not cut off."""
    czj = reports[CZJ_2009]
    titles = [c.read for c in report_sentences(czj) if c.title]
    assert "1、加强信息公开受理服务工作。" in titles
    top = _ranked(czj, "平潭县财政局打算怎样改进受理窗口的服务？")[0].sentence.read
    assert top.startswith("1、加强信息公开受理服务工作。") and "第一线" in top
    assert any(c.read.startswith("根据上述问题，市科委采取以下措施：一是开设") for c in report_sentences(reports[KEWEI_2024]))


def test_a_quote_does_not_open_with_the_colon_of_the_heading_cut_off_it():
    """（一）存在的主要问题:政策解读形式不够丰富…: the glued heading and its colon are context; the quote opens with
    the sentence's own first word."""
    text = "（一）存在的主要问题:政策解读形式不够丰富，未能充分运用图表图解等方式。"
    (s, e), = _pieces(text, 0, len(text))
    assert text[s:e].startswith("政策解读形式不够丰富")


def test_a_count_in_a_list_of_counts_is_lifted_as_its_own_clause():
    """举办培训班3期、座谈会5场、开放日2次: the count whose words the question names, and no other's, is its own
    clause, lifted with its number (one number: a passage figure); a question naming two of the list keeps the list,
    and 由42分钟缩至19分钟 stays one clause of two numbers."""
    text = "年内举办业务培训班3期、政民座谈会5场、政府开放日活动2次，反响良好。"
    assert count_clause("这个局一年办了几场政民座谈会？", text) == ("政民座谈会5场", 5, "场")
    assert count_clause("业务培训班办了几期？", text) == ("年内举办业务培训班3期", 3, "期")
    assert count_clause("座谈会和开放日各办了几次？", text)[0] == "年内举办业务培训班3期、政民座谈会5场、政府开放日活动2次"
    assert count_clause("审批缩短到多少分钟？", "审批时间由42分钟缩至19分钟。")[0] == "审批时间由42分钟缩至19分钟"



def test_an_agency_is_quoted_by_what_it_did_not_by_the_rules_it_names():
    """Who charged a fee: an agency is quoted by the sentence stating its charge (收取信息处理费共计380元), not by one
    whose question words fall inside a rule's name (落实《政府信息公开信息处理费管理办法》…按规定收取费用)."""
    def said(rid, agency, texts):
        return [narrative.Sentence(rid, agency, 2025, "other", i * 60, i * 60 + len(t), t) for i, t in enumerate(texts)]

    got = {"a": said("a", "甲县人民政府", ["我县认真落实《政府信息公开信息处理费管理办法》要求，指导推动全县行政机关按规定收取费用。",
                                         "全县行政机关在办理申请中收取信息处理费共计380元。"]),
           "b": said("b", "乙区人民政府", ["处理费标准已在门户网站公示。", "处理费管理办法已转发各单位学习。",
                                         "本区印发处理费执行口径。"])}

    class Kept:  # the sentence store, as an open question reads it
        def get(self, ids, load):
            return [got[i] for i in ids]

    best = across(lambda *a, **k: [], None, "有哪些单位收取过政府信息公开信息处理费？", ["收取", "处理费"], ["a", "b"],
                  [], 0.8, precedent=True, sentences=Kept())
    assert [s.sentence.agency for s in best] == ["甲县人民政府"]
    assert "380元" in best[0].sentence.text


def test_a_count_is_lifted_only_where_the_number_counts_what_is_asked():
    served = "设立9处自助服务站点，累计为12000余名群众提供了便捷服务。"
    assert count_clause("这个局有几个人专门负责公开工作？", served) is None  # 处 is no unit of people; 群众 no staff
    handled = "全年共受理政府信息公开申请 1295 件，办结 1191 件。"
    assert count_clause("办公厅有几个科室管信息公开？", handled) is None  # 几个科室: the number says no 科室
    assert count_clause("热线的群众满意率是多少？", "共受理热线244起，群众满意率为100%。") is None  # a rate, no count
    assert count_clause("比赛请了多少家单位参加？", "邀请全区36家单位负责人登台竞技。")[1] == 36


def test_the_domains_terms_are_topic_words_whole():
    assert topic_words("开展过依申请公开培训") == ["依申请公开", "培训"]  # not 过依 + 申请
    assert topic_words("主动公开了哪些规范性文件")[:1] == ["主动公开"]


def test_a_problem_stated_answers_a_question_that_asks_no_kind_of_sentence(reports):
    """利用得怎么样 asks neither for the shortfalls nor for what was done: the problems section's 利用率不高 answers it,
    and is not pushed below the sentence that only says where the reading points are."""
    top = _ranked(reports[PINGTAN_2011], "2011年平潭综合实验区的公众查阅点利用得怎么样？")[0].sentence
    assert "利用率不高" in top.read


def test_a_word_jieba_cuts_across_the_reports_words_is_read_as_they_print_it(reports):
    """自己拍短视频: jieba cuts 拍短 + 视频, and no report says 拍短; the reports print 短视频 (原创|短|视频), so the
    precedent is looked for by 短视频 and every agency that made short videos is found. A piece the reports print
    only inside other words (答群众 in 解答|群众) is no such word."""
    got = {r.id: r for r in (reports[KEWEI_2024], reports[SHUYANG_2025], reports[BGT_2025], reports[LUCHENG_2022])}
    ids = list(got)
    best = across(lambda *a, **k: [], got.__getitem__, "有哪些单位自己拍短视频？", topic_words("自己拍短视频"), ids, ids,
                  0.8, precedent=True)
    assert {s.sentence.agency for s in best} == {reports[n].meta.agency for n in (KEWEI_2024, SHUYANG_2025, BGT_2025)}
    where = narrative._Holding([c.read for r in got.values() for c in report_sentences(r)])
    assert narrative.recut("谁用机器人回答群众咨询", ["机器人", "回答", "群众"], where) == ["机器人", "回答", "群众"]


def test_words_that_join_or_place_the_question_s_words_are_no_topic(reports):
    """之前 and 或者 say how the question is put; no report needs to say them for a precedent to count (发布…之前
    “三审三校” is said with 前)."""
    assert topic_words("信息上网之前要过三审三校") == ["上网", "三审", "三校"]
    assert "或者" not in topic_words("政策解读或者问卷调查")
    got = {r.id: r for r in (reports[HONGZE_2023], reports[PINGTAN_2020], reports[LUCHENG_2022])}
    ids = list(got)
    best = across(lambda *a, **k: [], got.__getitem__, "哪些单位的信息上网之前要过三审三校？",
                  topic_words("信息上网之前要过三审三校"), ids, ids, 0.8, precedent=True)
    assert [s.sentence.agency for s in best] == [reports[HONGZE_2023].meta.agency]


def test_who_or_where_asked_pulls_the_sentence_that_names_an_actor_or_a_place(reports):
    """归谁管 / 是谁在做 ask who: the sentence naming the office that acts (局办公室作为…责任部门, 专门安排1名业务人员)
    answers, not one that shares a word; 在哪能看到 asks where: the offline corner (线下专区, 便民服务中心)."""
    def top(name, question):
        return _ranked(reports[name], question)[0].sentence.read

    assert "责任部门" in top(HGJ_2017, "平潭环境与国土资源局2017年信息公开这事归谁管？")
    assert "专门安排1名业务人员" in top(SCJ_2024, "平潭市场监管局2024年政务公开是谁在做？")
    assert "线下专区" in top(JUNSHAN_2020, "君山片区2020年老百姓不上网的话在哪能看到公开的信息？")


def test_a_problem_stated_does_not_answer_how_something_was_done(corpus_dir):
    """如何加强政务公开队伍 asks how it was done: the 传帮带 sentence answers, not the problem stated about the same
    队伍 (二是政务公开队伍建设还需进一步加强…), which 利用得怎么样 or 稳定吗 would be answered by."""
    huaian = parse_file(corpus_dir / "reports" / "03_huaian-shi_2024.pdf")
    top = _ranked(huaian, "淮安市人民政府是如何加强政务公开队伍的？")[0].sentence.read
    assert "传帮带" in top
    asked_what = _ranked(huaian, "淮安市人民政府在政务公开队伍上做了哪些工作？")[0].sentence.read
    assert "传帮带" in asked_what  # what was done, asked without 怎么
    assert narrative.HOW_QUESTION.search("是怎么来的") and not narrative.HOW_QUESTION.search("利用得怎么样")


def test_words_that_say_a_plan_is_asked_are_no_topic():
    assert query_terms("淮安市接下来准备怎么做", ["接下来", "准备"], ["淮安"]) == []  # what kind of sentence, not what about
    assert query_terms("淮安市下一步打算怎么改进政策解读", ["一步", "改进", "政策", "解读"], ["淮安"]) == ["政策", "解读"]
    assert "准备" in query_terms("淮安市应急准备工作做得怎么样", ["应急", "准备"], ["淮安"])  # no plan asked: a word


def test_a_weakness_named_in_a_word_no_report_prints_is_held_by_the_shortfalls(reports):
    """弱项 is no word of 金井片区's report: its problems say 还不到位, 有待, 还需; those sentences hold the question's
    word (as 诉讼 holds 官司), so the evidence is not judged irrelevant for want of it."""
    ranked = _ranked(reports[JINJING_2021], "金井片区那一年在政务公开上有哪些弱项？", "政务公开 弱项")
    assert ranked[0].terms > 0 and ranked[0].sentence.section == "problems"


def test_where_the_report_is_read_and_that_a_shortfall_is_asked_are_no_topic():
    """报告中, 报里 say where to look; 差在哪 that a shortfall is asked: neither leaves a word (告中, 上差) that
    no sentence says and that would have the evidence judged irrelevant."""
    names = ["平潭综合实验区金井片区管理局", "金井", "片区"]
    for q, topic in (("2021年金井片区报告中说工作上差在哪里？", "告中说 上差"),
                     ("金井片区的年度报告里提到的公开工作差在哪？", "提到 公开工作")):
        terms = query_terms(q, topic_words(topic), names)
        assert not any(w in ("告中", "上差", "报里", "告里", "报告") for w in terms), terms


def test_a_word_no_sentence_says_leaves_the_others_shares_as_they_were(reports):
    """jieba cuts 网站上开了 into 网站 + 上开 + 了: 上开 is said by no sentence, so it tells none apart and must not
    shrink what the words that are said weigh against the priors and the model."""
    report = reports[NYN_2020]
    cands = report_sentences(report)
    names = name_parts(report.meta.agency)
    question = "农业农村局公众号上开了哪些栏目？"
    said = narrative.lexical(question, ["公众号", "栏目"], cands, names)
    assert narrative.lexical(question, ["公众号", "上开", "栏目"], cands, names) == said
    assert max(score for score, _ in said) > 0
    assert narrative.lexical(question, ["公众号", "之处", "栏目"], cands, names) != said  # a real word unsaid weighs


def test_a_plan_for_next_year_does_not_answer_what_was_done(corpus_dir):
    """开展了哪些工作 asks what was done: the plan the problems section states for next year (一是丰富政策解读形式…,
    after 针对…下一步) is pushed down as a stated shortfall is, and what the report says was done leads; asked for the
    plan, the plan still leads. Outside the problems section a heading naming 措施 (三是网络安全保密措施严密。) makes
    no plan: what was done under it stays where its words put it."""
    pingtan = parse_file(corpus_dir / "reports" / "16_pingtan-syq_2021.txt")
    done = [s.sentence.read for s in _ranked(pingtan, "平潭2021年在政策解读上开展了哪些工作")[:2]]
    assert not any("丰富政策解读形式" in t for t in done)
    assert any("政策文件解读发布工作" in t for t in done)
    assert "丰富政策解读形式" in _ranked(pingtan, "平潭2021年下一步政策解读打算怎么做")[0].sentence.read
    dishui = parse_file(corpus_dir / "reports" / "09_pingtan-dishuiju_2013.txt")
    assert "定期检查本系统内的漏洞" in _ranked(dishui, "平潭地税局2013年怎样确保网站安全")[0].sentence.read


def test_a_word_no_sentence_says_is_backed_off_to_its_rare_characters(reports):
    """录播节目: no sentence of 平潭's 2023 report says 录播 or 节目; the one that says 每月录制“平潭大家谈”在线访谈栏目
    holds 录, a character few of its sentences hold, and comes up among the first three (it was seventh, under the
    统计期限 sentence); a character most of them hold pulls nothing."""
    ranked = _ranked(reports[PINGTAN_2023], "平潭2023年有什么录播节目")
    assert any("每月录制" in s.sentence.read for s in ranked[:3])


def test_a_shortfall_asked_only_in_words_of_asking_and_opinion_is_not_judged_off_topic(corpus_dir):
    """认为/觉得 (whose view) and 哪些地方/哪方面 (what is asked) name no topic a sentence could repeat: a shortfall asked
    in them alone is answered by the problems the report states, not declined as irrelevant, also where the plan reads
    it as a precedent over that one report; a topic no sentence says (天气预报) still is declined."""
    from types import SimpleNamespace

    report = parse_file(corpus_dir / "reports" / "45_pingtan-spp_2023.txt")

    def search(question, k, filters, method=None):
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=report.id, start=0, end=len(report.text)),
                                dense=0.88, score=0.88)]

    for q in ("苏平片区2023年认为自己哪方面做得不够", "苏平片区2023年觉得哪些地方做得不够"):
        got = narrative.evidence(search, q, topic_words(q), [report], 0.8)
        assert got and "不足" in got[0].sentence.read, q
    assert narrative.evidence(search, "苏平片区做不做天气预报？", ["天气预报"], [report], 0.8) == []
    # read as a precedent scoped to the one report (哪些地方 as which ones): the same, its shortfall sentence
    q = "苏平片区2023年觉得哪些地方还不足"
    best = across(search, {report.id: report}.__getitem__, q, topic_words(q), [], [report.id], 0.8, precedent=True)
    assert best and "不足" in best[0].sentence.read


def test_english_words_of_narrative_topics_are_glossed():
    """An English narrative question keeps its topic in the gloss (confidentiality -> 保密, relationship -> 关系,
    policies -> 政策), so the sentence that answers has a word to match and the evidence is not declined."""
    from assistant.normalize import normalize_question

    text = normalize_question("Did the Suping area weigh openness against confidentiality, and what was the relationship?").text
    assert "保密" in text and "关系" in text
    assert "政策" in normalize_question("Which policies did Hongze explain to firms in 2024?").text


def test_a_value_asked_of_something_no_sentence_of_the_report_names_is_declined(corpus_dir):
    """好评率是多少 of a report that never names 好评率 (though it names 政务新媒体): no sentence can hold its value, so the evidence is empty (the
    answer declines in one sentence) rather than the nearest passage quoted; a word said by its parts in one sentence
    (绩效考核 as 绩效考评…工作考核) is named, and the report answers; a verb phrase jieba tags a noun (搞了个) is not asked of."""
    from types import SimpleNamespace

    report = parse_file(corpus_dir / "reports" / "45_pingtan-spp_2023.txt")

    def search(question, k, filters, method=None):
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=report.id, start=0, end=len(report.text)),
                                dense=0.9, score=0.9)]

    for q in ("苏平片区2023年政务新媒体的用户好评率是多少", "苏平片区2023年政府网站的访客满意率有多少"):
        assert narrative.evidence(search, q, topic_words(q), [report], 0.8) == [], q
    q = "苏平片区2023年信息公开的绩效考核是什么"
    got = narrative.evidence(search, q, topic_words(q), [report], 0.8)
    assert got and "绩效考评" in got[0].sentence.read
    q = "苏平片区2023年给群众查阅搞了个什么地方"  # jieba tags 搞了个 a noun: a verb phrase, not what is asked of
    assert narrative.evidence(search, q, topic_words(q), [report], 0.8)


def test_two_glosses_of_an_english_question_side_by_side_are_no_compound():
    """An English question's gloss prints its nouns' words side by side whatever joined them in English (监测平台 of
    "monitoring on the platform", 公开栏办公楼 of "a notice board in the office building"): two gloss words are two
    topics a sentence may hold apart, not one compound; a compound inside one gloss (压力测试) still is."""
    assert compound_partners("哪些单位监测平台反馈", ["监测", "平台", "反馈"]) == {}
    assert compound_partners("哪些单位做过压力测试", ["压力", "测试"]) == {"压力": ("测试",), "测试": ("压力",)}


def test_the_activity_a_how_question_asks_about_outweighs_who_does_it(reports):
    """怎样培训…工作人员: the activity (培训, a verbal noun after 怎样) is what is asked; 工作人员 only says who. The
    sentence that says how they are trained leads, not the one that staffs the team (配齐配强政务公开工作人员),
    though the latter repeats more of the question's characters; a light verb after 怎么 (加强, 提高) weighs as before."""
    top = _ranked(reports[LUCHENG_2022], "鹿城区政府办2022年准备怎样培训搞公开的工作人员", "培训 工作人员")[0]
    assert "培训" in top.sentence.read
    from assistant.narrative import asked_doing

    assert asked_doing("怎么培训工作人员") == "培训"
    assert asked_doing("怎么加强队伍建设") is None and asked_doing("如何提高答复质量") is None


def test_an_english_survey_is_glossed_as_the_reports_say_it(corpus_dir):
    """A survey is a 调查 (网上调查, 问卷调查, 民意调查); a questionnaire only a 问卷. Glossed so, an English question
    about surveys has a word the report's sentence holds and is not declined as off topic; so has a self-service
    point (自助服务站点)."""
    from types import SimpleNamespace

    from assistant.normalize import normalize_question

    report = parse_file(corpus_dir / "reports" / "19_pingtan-syq_2024.txt")

    def search(question, k, filters, method=None):
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=report.id, start=0, end=len(report.text)),
                                dense=0.88, score=0.88)]

    text = normalize_question("Did the Pingtan committee put any surveys to residents on its website in 2024?").text
    assert "调查" in text
    got = narrative.evidence(search, text, topic_words("调查"), [report], 0.8)
    assert got and any("网上调查" in s.sentence.read for s in got[:3])
    assert "自助" in normalize_question("Where are the police self-service points?").text


def test_an_everyday_word_is_said_by_the_reports_formal_word(reports):
    """挂帅 (who heads it) is what a 组长 does; no sentence of 金井's 2021 report prints 挂帅. Read through the
    vocabulary's everyday words (`EVERYDAY_WORDS`), the sentence naming the 组长 says the question's word, so the
    relevance check keeps it and it leads; a phrase jieba cuts apart (坐一块儿) is one word, and a verb said apart by
    an aspect word (上过课) is the everyday word (上课)."""
    from types import SimpleNamespace

    report = reports[JINJING_2021]

    def search(question, k, filters, method=None):
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=report.id, start=0, end=len(report.text)),
                                dense=0.88, score=0.88)]

    q = "金井那边2021年公开这摊事是哪位来挂帅"
    got = narrative.evidence(search, q, topic_words(q), [report], 0.8)
    assert got and "组长" in got[0].sentence.read
    assert "组长" in synonyms("挂帅")
    from assistant.narrative import everyday_words, with_everyday

    assert everyday_words("新来的同事上过课没有") == ["上课"]
    assert with_everyday("跟居民坐一块儿谈", ["一块儿", "居民"]) == ["居民", "坐一块儿"]


def test_a_word_jieba_makes_up_is_read_back_by_a_piece_a_sentence_says():
    """jieba cuts 微博微信号 into 微博微 + 信号; 微博微 is no word and no sentence holds it, but its piece 微博 is what the
    sentences say: it stands for the word (a made-up word with no such piece is still dropped: 自季)."""
    where = narrative._Holding(["其中微博29个，共发布信息1992条；", "微信公众号41个。"])
    assert narrative.unslipped(["微博微", "自季"], where) == ["微博"]


def test_an_activity_said_by_one_of_its_rare_characters_is_said(reports):
    """怎么培训: 鹿城's report tells a contest that trained by showing (以晒代训), without 培训; 训 is a character few
    of its sentences hold, so that sentence says the activity asked about, as a synonym would (a character of a light
    activity held everywhere, 理 of 管理, says nothing)."""
    report = reports[LUCHENG_2022]
    cands = report_sentences(report)
    names = name_parts(report.meta.agency)
    scores = narrative.lexical("鹿城区2022年怎么培训各科室的联络员", ["培训", "联络员"], cands, names)
    contest = next(i for i, c in enumerate(cands) if "以晒代训" in c.read)
    assert scores[contest][1] == 1
    plain = narrative.lexical("鹿城区2022年联络员是谁", ["联络员"], cands, names)
    assert scores[contest][0] > plain[contest][0]


def test_a_value_asked_in_an_everyday_word_is_recorded_where_a_report_says_the_formal_one():
    """人手有几个: no report prints 人手, but they print 人员; the question is not declined as asking of something no
    report records (a word neither said nor kin to a said one, 工资, still is)."""
    from assistant.coverage import unrecorded

    stored = "本单位信息公开工作人员2名，均为兼职。"
    assert unrecorded("这个局管公开的人手有几个", lambda w: w in stored, lambda w: False) is None
    assert unrecorded("这个局的工资是多少", lambda w: w in stored, lambda w: False) == "工资"


def test_people_counted_with_any_counter_ask_for_people():
    from assistant.narrative import count_unit

    assert count_unit("沭阳县管政务公开的职工有多少个") == "人"
    assert count_unit("淮安市开了多少个专栏") is None  # 个 of a thing: no unit a number must carry


def test_why_asked_pulls_the_sentence_that_states_a_cause(reports):
    """为何 / 原因 ask why: the sentence that states a cause (受人员编制限制…由于经办人员流动性大，导致…参差不齐) answers,
    not one that only shares a word; 不怎么 (not much) asks no how, so the shortfall stated (宣传力度还不够，造成…利用率
    不高) is not pushed down as it is for 怎么做的."""
    def top(question):
        return _ranked(reports[PINGTAN_2011], question)[0].sentence.read

    assert "导致" in top("平潭实验区2011年各单位的公开工作为何做得好坏不一？")
    assert "利用率不高" in top("平潭实验区2011年的公众查阅点不怎么被利用吗")
    assert not narrative.HOW_QUESTION.search("不怎么有人用") and narrative.HOW_QUESTION.search("怎么用")


def test_a_count_printed_in_ten_thousands_is_a_count_in_its_unit(reports):
    """180万次 states a count of times, as 1万元 states an amount in 元: the unit is read with its 万 (万次), the number
    as printed (180, never multiplied), so the sentence is pulled for 多少次 and its clause is the answer line."""
    question = "上海市政府办公厅2019年那两条微信被看了多少次？"
    top = _ranked(reports[BGT_2019], question)[0].sentence
    assert count_clause(question, top.text) == ("两条微信阅读量即达180万次", 180, "万次")
    assert in_unit("次", "万次") and not in_unit("人", "万次")


def test_the_report_telling_its_own_parts_is_no_candidate(reports):
    """本年报包括概述、主动公开政府信息的情况、…共六个部分: the report's table of contents in its own words (本年报, not
    only 本报告), no answer to anything; the period its figures cover (本年报所列数据的统计期限…) is asked, so stays."""
    texts = [s.text for s in report_sentences(reports[HGJ_2017])]
    assert not any("本年报包括" in t for t in texts)
    assert any("统计期限" in t for t in texts)


def test_a_section_asked_without_a_kind_pulls_that_section_only(reports):
    """官司 points at the review section and asks for no kind of sentence (no shortfall, plan or novelty): the review
    sentence is pulled, a sentence elsewhere with no kind of its own is not (it was: its kind, none, equalled the
    kind asked, none), so the problems section is not pushed below the rest."""
    from assistant.narrative import W_SECTION, priors

    cands = report_sentences(reports[HGJ_2017])
    pri = priors("平潭环境与国土资源局2017年有人打过信息公开的官司吗", cands)
    by = {c.section: p for c, p in zip(cands, pri, strict=True) if c.section in ("review_litigation", "s4")}
    assert by["review_litigation"] == pytest.approx(W_SECTION) and by["s4"] == pytest.approx(0.0)


def test_any_notice_board_is_a_place(corpus_dir):
    """A board where things are posted is a place however it is named (宣传栏, 公告栏, 公示栏, as 公开栏): asked where the
    duties were posted, 利用宣传栏、公告栏、电子显示屏等…公开了…工作职责 answers, not a sentence that only lists what was
    made public."""
    dishui = parse_file(corpus_dir / "reports" / "09_pingtan-dishuiju_2013.txt")
    top = _ranked(dishui, "平潭地税局2013年机关的工作职责公示在什么地方")[0].sentence.read
    assert "公告栏" in top


def test_a_title_that_only_restates_the_question_does_not_lead_its_quote(reports):
    report = reports[SHUYANG_2025]
    top = _ranked(report, "沭阳县把解读效能提高了吗，具体做了什么", "解读效能 提高")[0].sentence
    assert top.text.startswith("聚焦政策解读效能提升") and "读图时代" in top.text  # not 三是提高解读效能。 first
    assert report.text[top.start:top.end] == top.text
    # a title naming more than the question asks still leads: 一是持续深化案例讲解培训。 (案例, 讲解) for 怎么培训
    top = _ranked(report, "沭阳县给经办人员上的是什么样的培训课", "培训")[0].sentence
    assert top.text.startswith("一是持续深化案例讲解培训。")


def test_a_title_saying_none_of_the_question_does_not_lead_its_quote(reports):
    report = reports[PINGTAN_2021]
    top = _ranked(report, "平潭实验区2021年公文是靠什么系统直接发到门户网站上的", "公文 系统 门户网站")[0].sentence
    assert top.text.startswith("不断改造升级OA系统")  # not 三是不断创新工作方法。 first
    assert report.text[top.start:top.end] == top.text


def test_a_generic_word_after_the_count_names_nothing_counted():
    text = "区办公室设立“行政执法公示”专栏，对行政执法事前公开、事后公开进行全流程公示，全年公布631条。"
    assert count_clause("平潭2019年行政执法公示专栏一年挂出去几条信息", text)[:2] == ("全年公布631条", 631)


def test_two_counts_asked_are_both_quoted_where_one_sentence_states_them():
    text = "截至12月14日，新浪中国平潭官方微博共发布微博1288条，拥有粉丝10659名。"
    clause, value, unit = count_clause("平潭2012年那个官方微博一共发过多少条，粉丝又有多少", text)
    assert clause == "新浪中国平潭官方微博共发布微博1288条，拥有粉丝10659名" and (value, unit) == (1288, "条")
    assert count_clause("平潭2012年那个官方微博一共发过多少条", text)[0] == "新浪中国平潭官方微博共发布微博1288条"


def test_how_often_asked_in_rounds_is_answered_by_the_sentence_that_says_how_often(reports):
    question = "多长时间把各单位的公开情况查一遍"
    assert narrative.asks_frequency(question) and not narrative.asks_count(question)
    top = _ranked(reports[PINGTAN_2011], "平潭实验区2011年信息公开办多长时间把各单位的公开情况查一遍", "公开 情况")[0]
    assert "每月巡查" in top.sentence.text


def test_a_kind_of_sentence_asked_of_a_word_the_report_does_not_print_is_not_declined(corpus_dir):
    """How often (档案多久复查一次), a shortfall (宣传手段有什么短处) or why (这份总结为什么说…) asked of a noun the report
    never prints asks for a kind of sentence, not that noun's value: the report answers in its own words (定期复查, 不足之处,
    有待…提升), and 为什么 is no 为 + 什么 asking what the noun is. The same noun's value asked (档案是多少) is still declined."""
    from types import SimpleNamespace

    report = parse_file(corpus_dir / "reports" / NYN_2020)

    def search(question, k, filters, method=None):
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=report.id, start=0, end=len(report.text)),
                                dense=0.9, score=0.9)]

    def first(q):
        got = narrative.evidence(search, q, topic_words(q), [report], 0.8)
        return got[0].sentence.read if got else None

    assert "定期复查" in first("农业农村局2020年那些不公开的档案多久复查一次")
    assert "不足之处" in first("农业农村局2020年的宣传手段有什么短处")
    assert "有待进一步提升" in first("农业农村局2020年这份总结为什么说业务水平要提升")
    assert first("农业农村局2020年那些不公开的档案是多少") is None


def test_an_actor_named_after_by_is_who_acts_whatever_the_verb(corpus_dir):
    """由 before a unit or a post (由各处室…, 由主要领导审阅后公开) names who acts, whatever verb follows it (审阅 is no
    负责 or 把关): asked who signs or approves a document, the sentence naming them weighs more than one about the same
    documents that names no one (对涉密的文件严禁上网公开)."""
    from types import SimpleNamespace

    report = parse_file(corpus_dir / "reports" / "44_pingtan-jjf_2022.txt")

    def search(question, k, filters, method=None):
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=report.id, start=0, end=len(report.text)),
                                dense=0.9, score=0.9)]

    for q in ("经济发展局2022年公开文件由什么人签字", "经济发展局2022年哪类文件要什么人批了才能发", "经济发展局2022年文件发布谁说了算"):
        got = narrative.evidence(search, q, topic_words(q), [report], 0.8)
        score = {s.sentence.read: s.score for s in got}
        named = next(v for k, v in score.items() if k.startswith("涉及多处室") and "由主要领导" in k)
        nobody = score["对涉密的文件严禁上网公开。"]
        assert named > nobody, q


def test_what_the_question_sets_aside_is_no_word_of_its_topic(corpus_dir):
    """除去乡镇那部分 sets the towns aside: 乡镇 is not what is asked, so the sentence counting the towns' items (各乡镇
    主动公开政府信息674条) no longer outranks the one counting the district's departments (区直各部门…2275条); jieba's
    删除了 (删除 + 了) sets nothing aside."""
    from types import SimpleNamespace

    from assistant.narrative import excepted

    report = parse_file(corpus_dir / "reports" / "10_pingtan-syq_2015.txt")

    def search(question, k, filters, method=None):
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=report.id, start=0, end=len(report.text)),
                                dense=0.9, score=0.9)]

    q = "平潭实验区2015年除去乡镇那部分，区直部门公开了多少条信息"
    score = {s.sentence.read: s.score for s in narrative.evidence(search, q, topic_words(q), [report], 0.8)}
    towns = next(v for k, v in score.items() if k.startswith("各乡镇主动公开政府信息674条"))
    departments = next(v for k, v in score.items() if "区直各部门主动公开政府信息2275条" in k)
    assert departments > towns
    assert "乡镇" not in query_terms(q, topic_words(q), [])
    assert excepted("沭阳县删除了多少条过期信息") == "沭阳县删除了多少条过期信息"


def test_a_numbered_line_whose_list_ends_at_once_is_content_not_a_title(corpus_dir):
    """二是…已通过三级等保评估。 then （2）推进…: the next piece is a later item of another list, so nothing stands under
    the 二是 line and it is content (it had the title's penalty and lost to the item before it); a list's first item
    after a numbered line (（1）… then 一是…) still makes that line a title, and （2） is read as a number."""
    report = parse_file(corpus_dir / "reports" / "13_pingtan-syq_2018.txt")
    cands = report_sentences(report)
    flag = {c.read: c.title for c in cands}
    assert flag["二是实验区政府门户网站群已通过三级等保评估。"] is False
    assert flag["（2）推进政府网站部署互联网协议第六版（IPv6）。"] is True
    assert narrative.ordinal("（2）推进政府网站部署") == (3, 2)
    ranked = _ranked(report, "平潭实验区2018年那一串门户网站群，网络安全定级过没过", "门户网站 网络安全 定级")
    assert "等保评估" in ranked[0].sentence.read


def test_which_ones_asked_with_a_counter_is_no_count(corpus_dir):
    """哪几场, 哪几个, 哪几类 ask which ones, not how many: no unit must be stated (a sentence naming two training
    meetings without a number, 举办“三提三效”…培训会、“惠企政策…培训会”, answers 办过哪几场培训), and no count clause is
    lifted; 几场 alone still asks a count."""
    for q in ("那年局里给干部办过哪几场业务学习", "片区是哪几个乡镇并过来的", "公开的东西分成哪几类"):
        assert not narrative.asks_count(q) and narrative.count_unit(q) is None, q
    assert narrative.asks_count("那年局里给干部办过几场业务学习") and narrative.count_unit("办过几场业务学习") == "场"
    text = "并于2022年4月份、6月份举办“三提三效”内部运转机制优化交流培训会、“惠企政策信息发布工作培训会”。"
    assert count_clause("经发局2022年都开过哪几场培训会", text) is None


def test_a_short_form_no_report_prints_is_read_as_the_two_words_it_shortens(corpus_dir):
    """追责 (jieba's guess, printed by no report) is the short form of 追究责任: the texts print 责任追究, two words each
    opening with one of its characters, so that is the word looked for (it was dropped as a slip, and the question,
    left with no content word, was declined as irrelevant); a guessed word no pair of words spells stays dropped."""
    from types import SimpleNamespace

    from assistant.narrative import _Holding, spelled_out

    report = parse_file(corpus_dir / "reports" / LUCHENG_2022)
    where = _Holding([c.read for c in report_sentences(report)])
    assert spelled_out("追责", where) == "责任追究"
    assert spelled_out("搞果", where) is None
    assert spelled_out("办过", _Holding(["规范依申请公开办理过程。"])) is None  # a verb and its aspect: no short form

    def search(question, k, filters, method=None):
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=report.id, start=0, end=len(report.text)),
                                dense=0.9, score=0.9)]

    q = "鹿城2022年信息公开上出了岔子，有干部挨追责没有"
    got = narrative.evidence(search, q, topic_words(q), [report], 0.8)
    assert got and got[0].sentence.read.startswith("未发生责任追究情况")


def test_a_whole_asked_pulls_the_number_given_as_the_whole(corpus_dir):
    """一共…多少条 asks the whole: the sentence that gives a number as the whole (…获取政府信息总数1873条) is pulled over
    one that lists its parts (规划计划类信息21条), whose words the question shares as much; asked without 一共, the
    parts' list is not pushed down."""
    report = parse_file(corpus_dir / "reports" / "07_pingtan-xian_2011.txt")
    top = _ranked(report, "平潭县2011年各单位加起来手上有多少条政府信息", "政府信息")[0].sentence
    assert "总数1873条" in top.read
    assert count_clause("平潭县2011年各单位加起来手上有多少条政府信息", top.read)[1] == 1873


def test_a_part_asked_by_its_own_words_is_read_with_the_whole_before_it(corpus_dir):
    """其中，政策法规及业务类的信息32条 states a part of the whole the sentence before it states (新增主动公开政府信息45条): asked
    for the part by its own words, within the whole's (新挂出来的…当中，讲政策法规和业务的), it is read with that whole, as a
    sentence is with its heading, and leads; asked for the whole, whose words the part does not add to, the whole leads."""
    report = parse_file(corpus_dir / "reports" / "09_pingtan-dishuiju_2013.txt")
    part = _ranked(report, "地税局2013年新增主动公开的东西当中，讲政策法规和业务的占了几条", "新增 主动公开 政策法规 业务")
    assert part[0].sentence.read.startswith("其中，政策法规及业务类的信息32条")
    whole = _ranked(report, "地税局2013年一年新增主动公开的东西有几条", "新增 主动公开")
    assert "新增主动公开政府信息45条" in whole[0].sentence.read


def test_titles_of_two_levels_printed_as_one_sentence_are_a_title(corpus_dir):
    """2.推进民生改善信息公开（1）推进扶贫脱贫和社会救助信息公开。 is two numbered titles printed as one sentence (too long
    for one title's pattern): a title, and the heading of the sentences after it, which had stood under the item
    before it ((5)推进安全生产信息公开。) and read its words; a sentence glued after a space to its headings
    (（一）公开的主要内容 2013年新增…45条。) is still content."""
    report = parse_file(corpus_dir / "reports" / "12_pingtan-syq_2017.txt")
    cands = report_sentences(report)
    chain = next(c for c in cands if c.read.startswith("2.推进民生改善信息公开"))
    assert chain.title
    after = next(c for c in cands if c.read.startswith("围绕实施精准扶贫"))
    assert after.heading.startswith("2.推进民生改善信息公开") and "安全生产" not in after.heading
    dsj = parse_file(corpus_dir / "reports" / "09_pingtan-dishuiju_2013.txt")
    assert any(c.read.startswith("2013年新增主动公开政府信息45条") and not c.title for c in report_sentences(dsj))
    hall = parse_file(corpus_dir / "reports" / "13_pingtan-syq_2018.txt")
    top = _ranked(hall, "平潭实验区2018年实体的政务大厅平常是怎么管的", "政务大厅")[0].sentence
    assert "日巡查、周抽查" in top.read


def test_a_question_naming_no_thing_the_report_does_not_print_is_left_to_the_cosine(corpus_dir):
    """公开这块谁来操心: no sentence prints 这块 or 操心, a pronoun and a verb of the asker's, which name no thing the report
    could speak of; asked who, the question is not declined as about something no report records (the cosine passed
    the threshold) and is answered by who leads (成立由党委书记为组长…); a noun no sentence prints (天气) still declines
    it, and so does such a verb in a question that does not ask who."""
    report = parse_file(corpus_dir / "reports" / JINJING_2021)
    got = _evidence(report, "金井片区2021年公开这块谁来操心")
    assert got and "组长" in got[0].sentence.read
    assert _evidence(report, "金井片区2021年的天气谁来操心") == []
    # not who: a verb the report does not print still tells nothing is said
    assert _evidence(report, "金井片区2021年公开这块操心得过来吗") == []


def test_names_joined_by_a_pause_before_one_number_are_all_what_it_counts(corpus_dir):
    """环保、公共卫生、安全生产、食品药品、产品质量类信息276条 counts all five names, not only the last (产品质量类信息):
    asked for one of the first ones, that number is the clause lifted (it was 其他信息1161条, whose two words shared
    as many of the question's pairs and more of its own); a 、 right after another count still ends that count."""
    report = parse_file(corpus_dir / "reports" / "12_pingtan-syq_2017.txt")
    text = next(c.read for c in report_sentences(report) if "产品质量类信息276条" in c.read)
    got = count_clause("平潭实验区2017年讲食品药品的信息挂了几条", text)
    assert got[0].endswith("产品质量类信息276条") and got[0].startswith("环保") and got[1] == 276
    listed = "全年召开新闻发布会8场、警媒座谈会2场。"
    assert count_clause("那年开过几场警媒座谈会", listed)[:2] == ("警媒座谈会2场", 2)


def test_what_the_people_asked_about_do_not_do_is_no_word_of_the_topic(corpus_dir):
    """住在村里、不用电脑上网的人怎么知道…: the people asked about are described by what they do not do, so a sentence
    saying it or the reports' word for it (以…门户网站为…阵地) is the way they do not take, and is pushed down: the village
    notice boards lead; pushed down, it still tells the relevance check that the report speaks of what the question
    does (it was declined as about nothing the report says); 有没有专门的人, 是不是只有兼职的人 ask, and describe no one."""
    q = "金井片区2021年住在村里、平时不用电脑上网的人怎么知道公开了啥"
    assert {"电脑", "上网", "网站"} <= set(narrative.lacked_words(q))
    assert narrative.lacked_words("那年有没有专门的人盯着") == ()
    assert narrative.lacked_words("是不是只有兼职的人在弄") == ()
    report = parse_file(corpus_dir / "reports" / JINJING_2021)
    reads = [s.sentence.read for s in _ranked(report, q, "村里 电脑 上网 知道 公开")]
    village = next(i for i, r in enumerate(reads) if "各村公开栏" in r)
    website = next(i for i, r in enumerate(reads) if "门户网站为规范性政府信息公开阵地" in r)
    assert village < 2 < website
    q = "金井片区2021年从来不上网的村民靠啥看到"  # the website sentence, pushed down, still says what it speaks of
    got = _evidence(report, q)
    assert got and "各村公开栏" in got[0].sentence.read


def test_a_whole_is_said_after_its_verb_and_what_it_counts(corpus_dir):
    """The word that says a number is the whole may stand before the verb and what it counts, in the same clause
    (历年累计主动公开政府信息2027条, 全年共发布信息84条): asked the whole of all the years, that sentence leads, not the
    year's own count (主动公开政府信息733条) or its parts by kind (环境监管类93条); 公共卫生 or 共同 says no whole."""
    report = parse_file(corpus_dir / "reports" / HGJ_2017)
    q = "平潭环境与国土资源局从头算起总共往外公开过多少条政府信息"
    top = _ranked(report, q, "政府信息")[0].sentence
    assert top.read.startswith("历年累计主动公开政府信息2027条")
    assert count_clause(q, top.read)[1] == 2027
    assert narrative.TOTAL_SAID.search("全年共发布信息84条")
    assert not narrative.TOTAL_SAID.search("环保、公共卫生、安全生产类信息276条")
    assert not narrative.TOTAL_SAID.search("共同推进，发布信息84条")


def test_a_sentence_giving_the_kind_of_answer_asked_is_about_the_question(corpus_dir):
    """The asker's words for what they want (资料, 卖地那一摊子) may be no report's: where the passage is close to the
    question and the best sentence gives the very kind of answer asked (a place for 去哪儿找, a number in the asked unit
    for 几条), the question is not declined as about something no report records; 天气 still is."""
    czj = parse_file(corpus_dir / "reports" / CZJ_2009)
    got = _evidence(czj, "平潭县财政局2009年我想翻翻他们放出来的资料，该去哪儿找？")
    assert got and "设立政府信息公开栏" in got[0].sentence.read
    assert not _evidence(czj, "平潭县财政局2009年的天气好不好？")
    got = _evidence(parse_file(corpus_dir / "reports" / HGJ_2017), "平潭环境与国土资源局2017年卖地那一摊子放出来几条？")
    assert got and "土地出让类93条" in got[0].sentence.read


def test_a_yes_no_question_asked_by_a_verb_and_its_negation_asks_the_verb_once():
    """用不用交钱, 能不能用手机看, 会不会先打电话: the verb, its negation and the verb again ask a yes or no, and jieba's
    words across them (不用, 不能, 不会, 会先) are no content words; 够不够 still says a shortfall is asked, not 做得够."""
    names = name_parts("温州市鹿城区人民政府办公室")
    assert query_terms("鹿城区政府办2022年查资料用不用交钱", [], names) == ["查资料", "交钱"]
    assert "不能" not in query_terms("洪泽区2023年网页上的东西能不能用手机看", [], names)
    terms = query_terms("沭阳县2025年办申请会不会先打电话问清楚", [], names)
    assert "打电话" in terms and not {"不会", "会先"} & set(terms)
    assert not [w for w in query_terms("平潭农业农村局2020年觉得自己培训做得够不够", [], names) if "够" in w]


def test_a_statistics_table_printed_as_running_text_is_no_candidate(corpus_dir):
    """平潭县 2011's 附件1 is its statistics table run together as text (指标名称计量单位2011年度历年累计主动公开信息数条…,
    1.当面申请数条00…): no sentence, and a plan asked of 主动公开 is answered by the plan, not the table that names it."""
    report = parse_file(corpus_dir / "reports" / "07_pingtan-xian_2011.txt")
    texts = [c.read for c in report_sentences(report)]
    assert not [t for t in texts if "计量单位" in t or "申请数条" in t]
    ranked = _ranked(report, "平潭县2011年下一步怎么改进主动公开？")
    assert ranked[0].sentence.read.startswith("（一）进一步深化政府信息公开内容")


def test_the_askers_pointing_words_are_no_words_of_the_topic(corpus_dir):
    """他们, 那些, 这块, 咱们 and 查一下's 一下 point or soften, and name nothing asked about: no content words, so 他 of
    他们 no longer lends its rare character to a sentence saying 其他 (地税局 2013's sentence on why taxpayers keep
    their old habits); 其他, 其中 and 每天 stay, as they say what is asked."""
    assert query_terms("他们那边怎么培训工作人员", [], []) == ["培训", "工作人员"]
    assert query_terms("咱们这边有人去申请过吗？", [], []) == ["申请"]
    assert query_terms("麻烦看一下那个网站", [], []) == ["麻烦", "网站"]
    assert "其他" in query_terms("其他处理的那些是什么情况", [], [])
    report = parse_file(corpus_dir / "reports" / "09_pingtan-dishuiju_2013.txt")
    ranked = _ranked(report, "平潭地税局2013年他们怎么跟纳税人沟通的？")
    assert ranked[0].sentence.read.startswith("通过报刊、电台、电视台等新闻媒体")


def test_the_reports_own_particulars_answer_only_a_question_in_their_words(reports, corpus_dir):
    """The preamble's 本年报所列数据的统计期限… and 电子邮箱：… tell the report's own particulars: a question none of whose
    words a sentence holds (环境与国土资源局 2017, 都公开了些啥) is not answered with them; asked in their words (数据截止到
    哪天), they lead."""
    ranked = _ranked(reports[HGJ_2017], "环境与国土资源局2017年都公开了些啥？")
    assert not [s for s in ranked[:3] if "统计期限" in s.sentence.read]
    report = parse_file(corpus_dir / "reports" / "44_pingtan-jjf_2022.txt")
    assert "统计期限" in _ranked(report, "经济发展局2022年报的数据截止到哪天？")[0].sentence.read


def test_calls_are_counted_in_tong(corpus_dir):
    """Calls are counted in 通 (管委会 2019: 其中热线电话11通): asked 多少通, the sentence stating them is pulled and its
    clause lifted, not the sentence of 131条 of the environment information beside it; 通过, 通报 after a number or 多少 are no
    unit."""
    from assistant.narrative import asked_unit

    assert asked_unit("接了几通来电") == "通"
    assert asked_unit("有多少通过网上提交") is None
    report = parse_file(corpus_dir / "reports" / "14_pingtan-syq_2019.txt")
    question = "2019年平潭生态环境部门接听群众来电多少通？"
    ranked = _ranked(report, question)
    assert "热线电话11通" in ranked[0].sentence.read
    assert count_clause("2019年平潭环保热线电话解答了多少通？", ranked[0].sentence.text)[1:] == (11, "通")


def test_an_everyday_word_jieba_cuts_apart_is_no_slip(corpus_dir):
    """官网 and 盯着 are everyday words of the vocabulary's (门户网站, 网站; 监测, 巡查, 监督), though jieba cuts them into
    single characters and no report prints them: they are kept as words the reports say otherwise, not dropped as
    jieba's slips (which left 沭阳 2025's 官网 question no word at all, answered by the report's first line)."""
    report = parse_file(corpus_dir / "reports" / SHUYANG_2025)
    assert "门户网站" in _evidence_terms_ranked(report, "沭阳县2025年官网改了些什么？")[0].sentence.read
    report = parse_file(corpus_dir / "reports" / "44_pingtan-jjf_2022.txt")
    assert "自查" in _evidence_terms_ranked(report, "经济发展局2022年官网有人盯着吗？")[0].sentence.read


def _evidence_terms_ranked(report, question: str):
    """As `_ranked`, with the words jieba made up that no sentence holds left out, as `evidence` does."""
    from assistant.narrative import _Holding, unslipped

    cands = report_sentences(report)
    names = name_parts(report.meta.agency)
    terms = without_counts(question, query_terms(question, [], names, (report.meta.agency,)))
    terms = unslipped(terms, _Holding([c.read for c in cands]), spell=True)
    return rank(question, terms, cands, {}, names)


def test_a_sentence_under_an_items_title_below_a_plans_heading_is_a_plan(reports):
    """Under （二）改进措施 a sentence's heading is the item's title above it (一是加强学习交流。), which names no kind:
    the plans heading opened the plans, so it is one of them, not a shortfall because no 将 or 措施 said so yet
    (农业农村局 2020: 加强业务培训… and 充分利用微信公众号… are plans)."""
    from assistant.narrative import PROBLEMS, stances

    cands = report_sentences(reports[NYN_2020])
    said = dict(zip((c.read for c in cands), stances(cands, PROBLEMS), strict=True))
    assert [k for t, k in said.items() if t.startswith(("加强业务培训", "充分利用微信公众号"))] == ["plan", "plan"]


def test_a_question_asking_when_is_answered_by_the_sentence_that_dates_it(corpus_dir):
    """什么时候, 哪一年, 几月份 with 开始 or 起 after them ask when, naming nothing asked about (no 时候, no 开始 to look
    for, and none among the topic words an earlier report's sentence must hold half of); the sentence that dates
    something (9月25日选派…, 2019年8月份…整合为海坛片区) is pulled as who by one naming an actor, not the period a
    figure covers (截至12月31日)."""
    from types import SimpleNamespace

    from assistant.narrative import says_when

    assert narrative.query_terms("君山片区从什么时候开始搞标准化的？", [], ["君山片区"]) == ["标准化"]
    assert says_when("9月25日选派工作人员赴福安调研") and not says_when("截至12月31日,区府办共收到依申请公开件113件。")
    cands = [narrative.Sentence("r", "某局", 2020, "overview", i * 40, i * 40 + len(t), t) for i, t in enumerate(
        ["截至12月31日，全年开展专项检查6次。", "专项检查结果纳入年度考核。", "9月25日，组织人员开展专项检查。"])]
    ranked = rank("这个局是哪天开展专项检查的？", ["专项", "检查"], cands, {}, [])
    assert ranked[0].sentence.text.startswith("9月25日")
    assert ranked[0].score - narrative.W_ACTOR == pytest.approx(max(s.score for s in ranked[1:]))  # 截至…: no date
    new, old = (parse_file(corpus_dir / "reports" / f) for f in ("49_pingtan-htp_2024.txt", "37_pingtan-htp_2019.txt"))
    loaded = {r.id: r for r in (new, old)}

    def search(question, k, filters, method=None):
        ids = filters["report_id"] if isinstance(filters["report_id"], list) else [filters["report_id"]]
        return [SimpleNamespace(chunk=SimpleNamespace(report_id=i, start=0, end=len(loaded[i].text)), dense=0.93,
                                score=0.93) for i in ids]

    question = "海坛片区是从什么时候开始整合为一个片区的？"
    best = evidence_in_time(search, loaded.__getitem__, question, topic_words("海坛片区 什么时候开始整合"), [new],
                            [old.id], 0.8)[0].sentence
    assert best.year == 2019 and "2019年8月份" in best.read


def test_whom_the_report_sends_questions_to_is_a_candidate_its_particulars_apart(reports):
    """如对本报告有任何疑问，请与…办公室联系（地址：…；邮编：…；电话：…）: the office's particulars are cut off into pieces of
    their own (the address a candidate, the numbers furniture), so the sentence naming whom to ask is a candidate,
    the first for a question in its words, and pushed down as the report's particulars for one that is not."""
    cands = [c.read for c in report_sentences(reports[JUNSHAN_2020])]
    assert "如对本报告有任何疑问，请与平潭综合实验区君山片区管理局办公室联系" in cands
    assert not [c for c in cands if "邮编" in c or "电话" in c]
    top = _ranked(reports[PINGTAN_2011], "平潭实验区2011年的报告有疑问该找谁？")[0].sentence
    assert top.read.startswith("如对本报告有任何疑问")
    # 办公室 asked is the office's work: held only inside the office the contact line names, it does not count
    assert not [s for s in _ranked(reports[PINGTAN_2011], "平潭实验区2011年信息公开工作办公室干了什么？")[:3]
                if "有任何疑问" in s.sentence.read]


def test_a_word_jieba_cuts_across_an_everyday_phrase_is_no_word():
    """给写稿子的人上过课吗 with the topic 写稿子 人上过课: jieba cuts the topic's 人上 + 过课, across 上过课 (上课, an everyday
    word the report says as 培训/授课); 人上 names nothing, and its 上 would pull any sentence saying 网上 or 上线."""
    terms = query_terms("洪泽区2023年给写稿子的人上过课吗？", topic_words("写稿子 人上过课"), ["洪泽区", "洪泽"])
    assert terms == ["稿子", "上课"]


def test_a_count_asked_of_a_verb_is_lifted_from_the_clause_that_says_it():
    """Two counts of the same things (地税局 2013: 共受理审批事项117件，办结171件): 办结了多少件 asks the one whose clause says
    办结, though the other clause names the things counted; 受理了多少件 still lifts 117."""
    text = "今年我局共受理审批事项117件，办结171件，办结率100%。"
    assert count_clause("地税局2013年的审批事项办结了多少件？", text)[1:] == (171, "件")
    assert count_clause("地税局2013年受理了多少件审批事项？", text)[1:] == (117, "件")
    # a list of counts after one verb: the verb says all of them, the counted words pick one
    assert count_clause("清理了多少个政务微博？", "全年清理整合部门网站3个、政务微博5个。")[1:] == (5, "个")


def test_a_fee_asked_in_the_askers_words_pulls_the_sentence_on_fees(reports):
    """掏钱, 交钱, 付费 ask about a fee as 收费 does: the sentence on fees (财政局 2009: 无收费及减免情况。) answers, not one that
    shares no word with the question and leads by its place."""
    assert "无收费及减免情况" in _ranked(reports[CZJ_2009], "平潭县财政局2009年找他们要信息得掏钱吗？")[0].sentence.read


def test_a_premise_of_praise_put_to_be_confirmed_asks_for_the_shortfalls(reports):
    """有人说…已经非常规范了，是这样吗？ / …已经很完善了吧？: whether the praise holds is said where the report weighs its own
    work, its shortfalls (洪泽区 2023: 依申请公开工作规范性还有待提高), not by the sentence that tells the work (进一步规范依申请
    公开流程); a degree word makes it praise, so 都填好了吗 asks nothing of the kind."""
    assert cue("有人说洪泽区2023年的依申请公开已经非常规范了，是这样吗？") == "shortfall"
    assert cue("鹿城区2022年政务新媒体的管理已经很完善了吧？") == "shortfall"
    assert cue("表格都填好了吗？") is None and cue("网站已经建好了吗？") is None
    top = _ranked(reports[HONGZE_2023], "有人说洪泽区2023年的依申请公开已经非常规范了，是这样吗？")[0].sentence
    assert "规范性还有待提高" in top.read
    top = _ranked(reports[LUCHENG_2022], "鹿城区2022年政务新媒体的管理已经很完善了吧？")[0].sentence
    assert top.read.startswith("队伍建设、政府网站和政务新媒体管理等方面还存在不足")


def test_the_ways_asked_for_are_a_how_question():
    """用了哪些办法, 靠什么手段: the ways something was done are asked, as 怎么 asks them, so a plan for next year in the
    problems section (二是加大培训力度，探索培训机制…) is pushed down under what was done (举办…答辩比赛，以晒代训…)."""
    texts = [("overview", "举办业务案例答辩比赛，以晒代训，提高队伍专业素质。"),
             ("problems", "针对上述问题，在以下方面做好改进。"),
             ("problems", "二是加大培训力度，探索培训机制，提高队伍整体业务素质。")]
    cands = [narrative.Sentence("r", "某局", 2022, section, i * 40, i * 40 + len(t), t)
             for i, (section, t) in enumerate(texts)]
    ranked = rank("这个局2022年用了哪些办法提高队伍的业务素质？", ["提高", "队伍", "业务", "素质"], cands, {}, [])
    assert ranked[0].sentence.text.startswith("举办业务案例答辩比赛")
    assert narrative.HOW_QUESTION.search("洪泽区2023年靠什么手段盯着网站？")
    assert not narrative.HOW_QUESTION.search("信息处理费管理办法是哪年出台的？")


def test_measures_asked_as_taken_are_what_was_done_not_a_plan():
    """采取了哪些监督措施 asks for the measures taken, what was done (通过工作考核、社会评议…等措施对…进行全面监督), not for
    next year's plans; with a problem (针对…问题采取了什么措施) or a time to come (下一步) named, 措施 still asks for plans."""
    assert cue("某片区管理局2023年对信息公开采取了哪些监督措施？") is None
    assert cue("市科委针对机构改革后的问题采取了什么措施？") == "plan"
    assert cue("下一步有什么措施？") == "plan" and cue("整改措施有哪些？") == "plan"


def test_which_ones_of_a_kind_pull_the_sentence_that_lists_them_under_that_kind():
    """哪些监督措施 asks which measures: a sentence listing items and naming the kind after 等 (通过工作考核、社会评议、公开举报
    电话等措施…监督) names them, as a quoted list does (“…”等), and is pulled by W_LISTED; 什么监督措施 asks no list."""
    from assistant.narrative import lists_kind

    texts = ["通过工作考核、社会评议、举报电话等措施监督政策公开。", "拓宽政策公开渠道，政策公开接受社会监督。"]
    cands = [narrative.Sentence("r", "某局", 2023, "overview", i * 40, i * 40 + len(t), t) for i, t in enumerate(texts)]

    def scores(question):
        return {s.sentence.text: s.score for s in rank(question, ["政策", "公开", "监督"], cands, {}, [])}

    which, what = scores("这个局对政策公开有哪些监督措施？"), scores("这个局对政策公开有什么监督措施？")
    assert which[texts[0]] - what[texts[0]] == pytest.approx(narrative.W_LISTED)
    assert which[texts[1]] == pytest.approx(what[texts[1]])
    assert lists_kind("通过哪些渠道公开？", "通过网站、微信、公开栏等渠道公开。")  # the noun before the verb
    assert not lists_kind("公开了哪些信息？", "公开了规划、财政等信息。")  # 信息 names no kind


def test_places_asked_after_a_preposition_are_a_where_question(reports):
    """去/在/到哪些地方 asks where (鹿城区 2022: 群众可就近在14个街镇…基层站所等对外窗口提出申请), as 去哪里 does; 哪些地方 alone asks
    which aspects (哪些地方做得不行) and pulls no place."""
    top = _ranked(reports[LUCHENG_2022], "住得远的人想申请公开，鹿城区2022年说可以到哪些地方提交？")[0].sentence
    assert top.read.startswith("群众可就近在14个街镇")
    assert not narrative.WHERE_QUESTION.search("鹿城区2022年哪些地方做得不行？")


def test_a_count_written_in_chinese_numerals_is_read_as_a_count():
    """君山片区 2020 writes 意见征集两次, not 2次: the count clause lifts it (value 2, unit 次) and it states a count in 次, as
    digits do; an ordinal (第二批), a name in quotes or one counting them (“两个健康”, “…”五个公开) and 一 as a determiner
    (一次性, 一条龙) are no counts."""
    text = "我局针对政府信息公开、服务群众工作发布调查问卷两次、意见征集两次。"
    assert count_clause("君山片区2020年搞过几次意见征集？", text) == ("意见征集两次", 2, "次")
    assert narrative.states("次", text)
    assert count_clause("计划从几个方面改进？", "因此，我们计划从以下三个方面进行改进：")[1:] == (3, "个")
    assert count_clause("开了几场？", "共开展政策宣讲十余场。")[1:] == (10, "余场")
    for said in ("第二批保障性住房选房", "“两个健康”惠企讲堂", "以“决策、执行”五个公开为基础", "一次性告知", "一条龙服务"):
        assert not narrative.NUMBER.search(said), said


def test_a_part_of_the_report_pointed_at_is_where_to_look_not_a_topic():
    """第五部分, 报告开头, 最后那部分 point at a part of the report: its section is pulled (the Nth by the report's own
    heading numbered N, else the template's), and 部分 is no content word (it would match 部分干部主动公开意识有待加强);
    第二条 pulls the item numbered 二. 最后谁点头 (finally) and a part no report has (第七部分, asked) point at nothing."""
    from assistant.narrative import asked_item, pointed_part, priors, query_terms

    words = query_terms("某局2022年报告第五部分提出的第二条改进措施是什么？", [], [])
    assert not any(w in ("部分", "第五", "第二条") for w in words)
    assert "第七" in "".join(query_terms("鹿城区2022年年报的第七部分讲了什么内容？", [], []))
    assert pointed_part("报告第五部分说了哪些问题？") == "problems"
    assert pointed_part("报告开头说了什么？") == "overview" and pointed_part("最后那部分讲了什么？") == "problems"
    assert pointed_part("文件最后谁点头才能公开？") is None
    old = [narrative.Sentence("r", "某局", 2013, "problems", 0, 30, "目前仍存在一些不足。",
                              heading="四、政府信息公开工作存在的主要问题及改进情况")]
    assert pointed_part("2013年报第四部分讲了什么？", old) == "problems"
    assert pointed_part("2022年报第四部分讲了什么？") == "review_litigation"
    assert asked_item("第二条改进措施是什么？") == 2
    texts = ["一是强化公开意识。", "二是完善公开内容。"]
    cands = [narrative.Sentence("r", "某局", 2022, "problems", i * 20, i * 20 + len(t), t) for i, t in enumerate(texts)]
    first, second = priors("报告第五部分提出的第二条改进措施是什么？", cands)
    assert second - first == pytest.approx(narrative.W_SECTION)


def test_the_reports_contact_facts_are_asked_by_their_labels_not_by_a_channel():
    from assistant.narrative import contact_asked

    assert contact_asked("沭阳县2025年年报留的咨询电话是多少") == ["电话"]
    assert contact_asked("报告的联系地址在哪条路，邮编是多少") == ["邮编", "联系地址"]
    for channel in ("通过热线电话解答了多少群众问题", "电话咨询有多少件", "写信发传真的多还是当面的多", "12345热线受理多少"):
        assert contact_asked(channel) == [], channel


def test_the_reports_own_parts_asked_are_answered_by_the_sentence_that_tells_them(reports):
    """本年报包括概述、…共六个部分 is furniture (REPORT_PARTS) unless the question asks how many parts the report has;
    部分公开 asks no parts."""
    hgj = reports[HGJ_2017]
    top = _evidence(hgj, "平潭环境与国土资源局2017年的年报分成几个部分？")[0].sentence
    assert top.text.startswith("本年报包括概述") and "共六个部分" in top.text
    assert hgj.text[top.start:top.end] == top.text
    assert not any("共六个部分" in s.sentence.text for s in _evidence(hgj, "平潭环境与国土资源局2017年部分公开了几件？"))


def test_the_thing_a_count_asks_for_said_before_it_is_counted_not_its_whole(corpus_dir):
    """新媒体里，微博有几个: 其中微博29个 counts the thing asked; 共开设新媒体数量70个 counts the whole it is part of,
    though it says more of the question's words. The sentence stating it leads and its clause is the answer."""
    question = "平潭综合实验区2018年各部门开设的新媒体里，微博有几个？"
    report = parse_file(corpus_dir / "reports" / "13_pingtan-syq_2018.txt")
    cands, names = report_sentences(report), name_parts(report.meta.agency)
    terms = ["开设", "媒体", "微博"]  # as evidence() reads them (jieba's 微博有 mended to the reports' 微博)
    assert rank(question, terms, cands, {}, names)[0].sentence.text.startswith("其中微博29个")
    quoted = _ranked(report, question)[0].sentence.text  # the item it stands in, its whole stated first
    assert "共开设新媒体数量70个" in quoted and count_clause(question, quoted)[:2] == ("其中微博29个", 29)


def test_a_total_asked_is_the_number_its_parts_divide():
    """一共多少人次: 约4900人次…，其中现场咨询1600人次 states the whole before its parts, though no 共 says so and the words
    after it (通过各种方式…) name nothing; a part asked (电话咨询多少) is still the part."""
    texts = ["2013年有约4900人次通过各种方式向我局各部门、基层所咨询涉税信息有关事务，其中现场咨询1600人次，占32.65%；",
             "电话咨询3200人次，占65.31%，网上咨询100人次，2.04%占。"]
    cands = [narrative.Sentence("r", "某局", 2013, "requests", i * 80, i * 80 + len(t), t) for i, t in enumerate(texts)]
    question = "地税局2013年一共有多少人次来咨询？"
    assert rank(question, ["一共", "咨询"], cands, {}, [])[0].sentence.text == texts[0]
    assert count_clause(question, "".join(texts))[1] == 4900
    assert count_clause("地税局2013年电话咨询多少人次？", "".join(texts))[1] == 3200


def test_how_many_areas_asked_is_answered_by_the_line_announcing_them(reports):
    """因此，我们计划从以下三个方面进行改进： is context for the items under it, unless the question asks how many areas
    (从几个方面改进): then it is the answer, its number lifted without the colon."""
    hgj = reports[HGJ_2017]
    question = "平潭环境与国土资源局2017年计划从几个方面改进信息公开工作？"
    top = _evidence(hgj, question)[0].sentence
    assert top.text == "因此，我们计划从以下三个方面进行改进：" and hgj.text[top.start:top.end] == top.text
    assert count_clause(question, top.text) == ("我们计划从以下三个方面进行改进", 3, "个")
    assert not any(s.sentence.text == top.text for s in _evidence(hgj, "平潭环境与国土资源局2017年打算怎么改进？"))


def test_what_was_used_or_made_is_asked_as_how_it_was_done(reports):
    """政策解读用了些什么新花样 / 官网都弄了些啥 ask what was done, as 怎么 does: 三是政策解读的质量有待提高，形式还要更加多样
    (a shortfall the report states) does not answer, 综合运用图文图表、在线访谈、H5等形式 does."""
    assert narrative.HOW_QUESTION.search("官网捯饬了一下，都弄了些啥？")
    assert not narrative.HOW_QUESTION.search("用了多少经费？")
    top = _ranked(reports[PINGTAN_2023], "平潭综合实验区2023年政策解读用了些什么新花样")[0].sentence
    assert "综合运用图文图表、在线访谈、H5等形式" in top.text


def test_doing_badly_in_everyday_words_asks_for_the_shortfalls(reports):
    """哪些地方做得不行 asks for the shortfalls, as 没做好 does: 一是信息公开培训力度不大, not a sentence of the work done."""
    question = "平潭农业农村局2020年觉得自己哪些地方做得不行？"
    assert cue(question) == "shortfall"
    assert "一是信息公开培训力度不大" in _ranked(reports[NYN_2020], question)[0].sentence.text


def test_whether_the_report_admits_something_asks_for_the_shortfalls(corpus_dir, reports):
    """报告承认了吗 asks what the report owns up to, its shortfalls, wherever the asker's words for the fault put it:
    制度不健全 -> 虽然制定了…制度，但仍然有待完善, not the plan to 建立健全 something; 承认…没什么特色 -> 特色打造…还不够, not
    the plan that opens 特色专题专栏. 承认 is no word of the topic, and 确认 or 认为 admits nothing."""
    question = "平潭2017年信息公开的制度不健全，报告承认了吗？"
    assert cue(question) == "shortfall"
    assert cue("平潭2014年信息公开工作底子是不是比较薄，报告里认了吗？") == "shortfall"
    assert cue("沭阳县政府和老百姓走得不够近，2025年的报告有没有认这个账？") == "shortfall"
    assert cue("平潭2014年政府信息公开工作领导小组确认了吗？") is None
    assert not any("认" in t for t in query_terms(question, [], []))
    report = parse_file(corpus_dir / "reports" / "12_pingtan-syq_2017.txt")
    assert _ranked(report, question)[0].sentence.text.startswith("虽然制定了政府信息公开工作相关制度")
    top = _ranked(reports[PINGTAN_2023], "平潭管委会2023年承认自己哪些地方没什么特色？")[0].sentence.text
    assert "特色打造、亮点挖掘还不够" in top


def test_a_kind_of_checking_asked_is_said_by_another_kind(reports):
    """检查 asked is what a report says as 巡查, 排查 or 自查 (定期对全县各单位信息公开页面开展全面巡查 for 对信息公开页面做过
    检查吗), at the synonym weight: each is a 查 that names how it is done, and the reports seldom say 检查 of it."""
    assert "巡查" in narrative.synonyms("检查") and "检查" in narrative.synonyms("排查")
    top = _ranked(reports[SHUYANG_2025], "沭阳县2025年对各单位的信息公开页面做过检查吗？")[0].sentence.text
    assert "开展全面巡查" in top


def test_a_sentence_of_long_counts_is_no_row_of_figures(reports):
    """直播 118 场，累计观看量 303855 次，点赞量 136888 次 has more digits than Chinese characters, but its numbers are
    counts with their units, one figure each: a sentence, and the one that answers 直播一共搞了多少场 (118 场)."""
    texts = [s.text for s in report_sentences(reports[KEWEI_2024])]
    assert any(t.startswith("直播 118 场") for t in texts)
    assert not any(t.startswith(("电话", "传真")) for t in texts)
    clause = count_clause("上海科委2024年报告里提到的直播，一共搞了多少场？", next(t for t in texts if t.startswith("直播")))
    assert clause is not None and clause[1] == 118


def test_hardships_asked_in_the_askers_words_ask_for_the_shortfalls():
    """有什么难处, 检讨了什么: what an agency finds hard or owns up to is said in its shortfall sentences."""
    assert cue("海坛片区2024年工作上有什么难处？") == "shortfall"
    assert cue("君山片区2020年的年报有没有检讨自己？") == "shortfall"
    assert cue("君山片区2020年怎么培训工作人员？") is None


def test_a_count_asked_as_a_noun_is_no_thing_the_report_must_name(corpus_dir):
    """条数, 人数, 数量 name the count asked, which a report states as 221条, never as a word: a question asking how
    the 条数 changed is answered by the sentences stating the counts, not declined as asking about a thing no
    sentence names (as 满意率 is)."""
    report = parse_file(corpus_dir / "reports" / "08_pingtan-xian_2012.txt")
    got = _evidence(report, "平潭县政府2012年政策、规范性文件类信息公开的条数有什么变化？")
    assert got and got[0].sentence.read.startswith("政策、规范性文件类信息221条")
    assert _evidence(report, "平潭县政府2012年群众的满意率是多少？") == []


def test_a_titles_exclamation_ends_no_sentence(reports):
    """《现在为您导航！2019上海再出发》 is one title: its ！ ends no sentence, so the H5 work it names and what it did
    (为市民…讲解市政府工作报告) are one candidate, not a fragment ending at 导航！ and another opening with 2019上海再出发》."""
    texts = [s.text for s in report_sentences(reports[BGT_2019])]
    assert not any(t.endswith("导航！") or t.startswith("2019上海再出发》") for t in texts)
    assert any("《现在为您导航！2019上海再出发》H5作品" in t and "讲解市政府工作报告" in t for t in texts)


def test_whether_they_did_a_thing_no_sentence_names_is_not_answered(reports):
    """Asked whether they did something (有没有设意见箱), a report that names no such thing does not state it: no
    evidence (the answer says the report has nothing on it) rather than the sentences nearest 收集群众意见. A thing the
    report names is answered as before, and a two-character noun (信号 of jieba's 微信号) is no such test."""
    report = reports[JINJING_2021]
    assert _evidence(report, "金井片区管理局2021年有没有设意见箱收集群众意见？") == []
    assert _evidence(report, "金井片区管理局2021年搞过政务开放日吗？") == []
    got = _evidence(report, "金井片区管理局2021年有没有运营微信公众号？")
    assert got and "微信公众号" in got[0].sentence.read
    assert _evidence(reports[HGJ_2017], "平潭环境与国土资源局2017年有没有自己的微信号发信息")


def test_a_verb_split_by_its_aspect_is_the_compound_the_report_prints(reports):
    """收过费, 开了会, 上过课: the asker puts the aspect inside the compound the reports print whole (收费, 开会, 上课 ~
    培训). Read as the compound, 收过费吗 is answered by the sentence saying no fee was charged (无收费及减免情况),
    not by the sentences about 申请 that were all that was left of the question."""
    assert narrative.unsplit("收过费") == "收费" and narrative.unsplit("开了会") == "开会"
    assert narrative.unsplit("收费") is None and narrative.unsplit("工作人") is None
    got = _evidence(reports[HGJ_2017], "环境与国土资源局2017年申请信息公开收过费吗？")
    assert got and "无收费" in got[0].sentence.read


def test_a_share_asked_pulls_the_sentence_stating_a_share(reports):
    """占全区的百分之几, what share: a sentence stating a share (各乡镇主动公开政府信息122条，占28.7%) answers it, as a number in
    the unit asked answers a count; the sentences repeating more of the question's words (全区, 各乡镇…主动公开的政府信息)
    state none."""
    ranked = _ranked(reports[PINGTAN_2011], "2011年平潭各乡镇公开的信息占全区的百分之几？")
    assert ranked[0].sentence.read.startswith("各乡镇主动公开政府信息122条，占28.7%")


def test_the_agencys_own_name_counts_nothing_in_a_count_clause():
    """《淮安市人民政府公报》 shares the asker's words for the agency, not for what is counted: the clause that names the
    thing asked (任免文件27件) answers, not the first one."""
    from assistant.narrative import count_clause

    text = "全年在《淮安市人民政府公报》刊发规章3件，任免文件27件。"
    q = "淮安市人民政府2024年的任免文件有多少件"
    assert count_clause(q, text, "淮安市人民政府")[1] == 27


def test_a_unit_misread_from_a_noun_gives_way_to_the_number_of_the_things_named():
    """多少人事任免文件 (an English question's gloss puts 多少 first) is no count of people (人): where no number of the
    sentence is in that unit, the one that counts the words named answers; a count of people with none named is
    still no answer (9处站点 for 几个人)."""
    from assistant.narrative import count_clause

    assert count_clause("多少人事任免文件淮安市2024年?", "刊发规章3件，人事任免文件27件。")[1] == 27
    assert count_clause("几个人负责信息公开?", "全区设立9处站点，方便群众查阅。") is None


def test_a_share_asked_as_a_noun_is_no_thing_the_report_must_name(corpus_dir):
    """比例, 占比, 比重 name the share asked, which a report states as 占28.89%, never as a word: asked what share the
    townships' items were, the report's sentences are the evidence, not declined as asking the value of a thing no
    sentence names (as 满意率 still is)."""
    report = parse_file(corpus_dir / "reports" / "12_pingtan-syq_2017.txt")
    got = _evidence(report, "平潭管委会2017年报告里，乡镇主动公开的信息占全区的比例是多少？")
    assert got and "占28.89%" in got[0].sentence.read
    assert _evidence(report, "平潭管委会2017年群众的满意率是多少？") == []


def test_a_bare_count_counts_what_the_sentence_before_it_names(corpus_dir):
    """2017年，共公开发布信息82条。 names nothing it counts: a reader takes it to count what the sentence before it
    names (设立了“政策解读”公开栏目). Asked how many the 政策解读 column published, it leads the sentence that says
    政策解读 in a list of what another count covers (…招生结果、政策解读等内容公开，全年共发布152条)."""
    report = parse_file(corpus_dir / "reports" / "12_pingtan-syq_2017.txt")
    got = _evidence(report, "平潭管委会2017年政策解读栏目一共发布了多少条信息？")
    assert got and got[0].sentence.read.startswith("2017年，共公开发布信息82条")
    got = _evidence(report, "平潭管委会2017年食品药品安全信息全年发布了几条？")
    assert got and "全年共发布47条信息" in got[0].sentence.read


def test_a_cause_said_with_yin_and_gu_is_a_cause(corpus_dir):
    """因未发生政府信息公开申请，故不存在政府信息答复处理情况: 因…，故/所以/因此… states why, as 由于… does; asked 怎么会没有答复过申请,
    the sentence gives the reason (the question path's check for a stated cause reads `WHY_SAID`), and the why-question
    pulls it. 因公出国 or 原因 is no such clause."""
    assert narrative.WHY_SAID.search("因未发生政府信息公开申请，故不存在政府信息答复处理情况。")
    assert narrative.WHY_SAID.search("因人员调整，所以暂未更新。")
    assert not narrative.WHY_SAID.search("对因公出国（境）团组数及人数，公务用车购置及运行费进行说明。")
    assert not narrative.WHY_SAID.search("分析原因，所以要加强培训。")
    report = parse_file(corpus_dir / "reports" / "09_pingtan-dishuiju_2013.txt")
    got = _evidence(report, "平潭地税局2013年怎么会没有答复过信息公开申请？")
    assert got and got[0].sentence.read.startswith("因未发生政府信息公开申请")


def test_a_share_asked_of_a_part_is_stated_by_the_sentence_with_the_share(corpus_dir):
    """乡镇…占全区的比例是多少: 比例 is no thing counted and 全区 is the whole a share is of, so the sentence stating
    占28.89% answers (it was declined as not stating what was counted)."""
    from assistant.execute import unsaid
    from assistant.query import Intent

    it = Intent(question="平潭管委会2017年的年报里，各乡镇公开的信息占全区信息的比例是多少？", kind="narrative",
                agencies=["平潭综合实验区管委会"], mentions=["平潭管委会"], targets=[("平潭综合实验区管委会", 2017)])
    assert not unsaid(it, ["各乡镇主动公开政府信息613条，占28.89%。"])
    assert unsaid(it.model_copy(update={"question": "平潭管委会2017年各乡镇公开了几场新闻通气会？"}),
                  ["各乡镇主动公开政府信息613条，占28.89%。"])


def test_what_changed_asked_pulls_the_sentence_that_says_a_change(corpus_dir):
    """有什么变化 / 改了什么 asks for the change made: 进一步修改完善《…主动公开流程》 says one, where the overview's 规范操作流程
    only names the process (平潭管委会 2015); 16个区全部上线数字公报 says one, where 编辑《上海市人民政府公报》24期 tells the
    year's routine (上海市政府办公厅 2025)."""
    assert narrative.CHANGE_QUESTION.search("上海市政府办公厅2019年网站的搜索功能有什么改动？")
    assert narrative.CHANGE_QUESTION.search("跟以前比多了什么内容？")
    assert not narrative.CHANGE_QUESTION.search("平潭管委会2015年的信息公开流程是怎样的？")
    pingtan = parse_file(corpus_dir / "reports" / "10_pingtan-syq_2015.txt")
    got = _evidence(pingtan, "平潭管委会2015年的信息公开流程跟以前比有什么变化？")
    assert got and "修改完善《平潭综合实验区政府信息主动公开流程》" in got[0].sentence.read
    shanghai = parse_file(corpus_dir / "reports" / "06_shanghai-bgt_2025.md")
    got = _evidence(shanghai, "上海市政府办公厅2025年的政府公报有什么新变化？")
    assert got and "上线数字公报" in got[0].sentence.read
    # a number's change (条数有什么变化) is told by the numbers, not by a sentence saying 拟适时修改3件
    zone = parse_file(corpus_dir / "reports" / "15_pingtan-syq_2020.txt")
    cands = [c for c in report_sentences(zone) if "拟适时修改3件" in c.read]
    assert narrative.priors("平潭管委会2020年规范性文件清理工作有什么变化？", cands) == [narrative.W_ACTOR]
    assert narrative.priors("平潭县政府2011年和2012年比，政策、规范性文件类信息公开的条数有什么变化？", cands) == [0.0]


def test_an_example_asked_pulls_the_sentence_naming_an_instance(corpus_dir):
    """举个例子 asks for an instance, and names nothing asked about: its words are no content words (举个 and 例子, which no
    sentence prints, lent 例 of 例外 to a sentence on 审计 as a rare character), and the sentence naming one (区财政部门向社会
    公开了《…预算执行情况分析》等) is pulled as for which ones asked (平潭管委会 2016)."""
    names = name_parts("平潭综合实验区管委会")
    question = "平潭管委会2016年财政资金信息公开，能举个具体公开了什么的例子吗？"
    assert query_terms(question, topic_words(question), names) == ["财政资金"]
    report = parse_file(corpus_dir / "reports" / "11_pingtan-syq_2016.txt")
    got = [s.sentence.read for s in _evidence(report, question)[:3]]
    assert any(r.startswith("区财政部门向社会公开了《平潭综合实验区2016年1-12月预算执行情况分析》") for r in got)
    assert not any("审计权限公开" in r for r in got[:1])


def test_which_is_the_most_asked_needs_a_sentence_stating_a_ranking(corpus_dir):
    """阅读量最高的是哪一条 asks a ranking: 苏平片区管理局 2023 ranks nothing (no 最多, 较大, 排名), so its sentence nearest the
    question's other words (其他应主动公开的政府信息62条) is no evidence; 平潭管委会 2011 says 信息量较大部门是教育局、公安局…,
    which answers 哪些部门公开的信息最多 and is pulled. 最早那份年报 points at a report and asks no ranking."""
    suping = parse_file(corpus_dir / "reports" / "45_pingtan-spp_2023.txt")
    assert not _evidence(suping, "苏平片区管理局2023年在门户网站公开的政府信息，不算“其他应主动公开的”那一类，阅读量最高的是哪一条？")
    assert _evidence(suping, "苏平片区管理局2023年在门户网站公开的政府信息，不算“其他应主动公开的”那一类，还有多少条？")
    pingtan = parse_file(corpus_dir / "reports" / "23_pingtan-syq_2011.txt")
    got = _evidence(pingtan, "平潭管委会2011年哪些部门公开的信息最多？")
    assert got and "信息量较大部门是教育局" in got[0].sentence.read
    assert not narrative.superlative_unsaid("平潭县财政局最早那份年报把政府信息公开栏设在哪里？", ["在局办公楼设立公开栏。"])


def test_what_was_left_to_next_year_is_why_fewer_were_answered(corpus_dir):
    """答复3050件（…另有103件顺延到下年度答复）: the applications carried over (顺延, 结转 to next year or a year named) are why
    fewer were answered than came in, and the question path's check for a stated cause reads `WHY_SAID` (为什么答复的只有3050件 was
    declined as giving no cause). 上年度结转申请34件 (carried in, not over) states no such thing."""
    said = ("答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）", "共办理 718 件，结转下一年 31 件。",
            "共办结148件，结转至2026年6件。")
    assert all(narrative.WHY_SAID.search(t) for t in said)
    assert not narrative.WHY_SAID.search("答复政府信息公开申请805件（含上年度结转申请18件）。")
    huaian = parse_file(corpus_dir / "reports" / "03_huaian-shi_2024.pdf")
    got = _evidence(huaian, "淮安市2024年受理了3119件申请，为什么答复的只有3050件？")
    assert got and "顺延到下年度" in got[0].sentence.read
