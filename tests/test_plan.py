"""The query plan, one turn and several: agencies, years, figures and operations from what people type;
follow-ups; declines; scope from geography, years relative to the conversation, shares of a table's total,
questions of several parts. Pure and fast: the catalog is the bundled corpus's MANIFEST (agency, year) list, no
store, no model."""

from __future__ import annotations

import pytest

from assistant.catalog import Catalog
from assistant.normalize import normalize, normalize_question
from assistant.plan import listed_figures, normalized, plan_parts, split_parts, understand
from assistant.query import MEAN_MARK
from assistant.read import parse_years

LUCHENG = "温州市鹿城区人民政府办公室"
HONGZE = "淮安市洪泽区人民政府"
HUAIAN = "淮安市人民政府"
SYQ = "平潭综合实验区管委会"
KEWEI = "上海市科学技术委员会"
BGT = "上海市人民政府办公厅"


def keys(intent) -> list[str]:
    return [k.row if k.column is None else f"{k.row}.{k.column}" for k in intent.keys]


ALL_COLUMNS = {"natural_person", "commercial", "research", "social_org", "legal_service", "other_org"}


def counted_columns(intent) -> set[str]:
    """The applicant columns a count takes in: those of its keys, or, where it is the total less some columns
    (不是自然人提的: 总计 − 自然人), every column but those."""
    if intent.less:
        return ALL_COLUMNS - {k.column for k in intent.less}
    return {k.column for k in intent.keys}


@pytest.mark.parametrize("typed, agency", [
    ("鹿城区", LUCHENG), ("鹿城", LUCHENG), ("鹿成区", LUCHENG), ("温州市鹿城区政府办", LUCHENG),
    ("平潭公安局", "平潭综合实验区公安局"), ("海坛片区", "平潭综合实验区海坛片区管理局"), ("洪泽", HONGZE),
    ("洪泽区", HONGZE), ("淮安市", HUAIAN), ("淮安", HUAIAN), ("上海科委", KEWEI), ("市科委", KEWEI),
    ("上海市政府办公厅", BGT), ("沭阳", "沭阳县人民政府"), ("沐阳县", "沭阳县人民政府"),
    ("平潭市场监管局", "平潭综合实验区市场监督管理局"), ("平潭综合实验区", SYQ), ("平潭管委会", SYQ),
    ("平潭", SYQ), ("君山片区", "平潭综合实验区君山片区管理局"),
])
def test_agency_from_what_people_type(catalog, typed, agency):
    it = understand(f"{typed}收到多少政府信息公开申请？", [], catalog)
    assert it.agencies == [agency]
    assert it.targets == [(agency, catalog.newest(agency))]


@pytest.mark.parametrize("typed", ["北京市海淀区", "交建局", "杭州市", "温州市", "淮安市清江浦区", "上海市浦东新区", "上海市教委",
                                   "平潭综合实验区财政金融局"])
def test_agency_not_in_corpus_declines_naming_it(catalog, typed):
    it = understand(f"{typed}2022年收到多少申请？", [], catalog)
    assert it.kind == "decline" and it.reason == "unknown_agency"
    assert it.unknown_agency == typed and not it.agencies


def test_two_equally_good_agencies_ask_which_one(catalog):
    it = understand("平潭2011年收到多少申请？", [], catalog)
    assert it.kind == "clarify"
    assert it.clarify == ["平潭县人民政府", SYQ]


def test_year_narrows_an_ambiguous_place(catalog):
    assert understand("平潭2022年收到多少申请？", [], catalog).agencies == [SYQ]


@pytest.mark.parametrize("text, years", [
    ("2022年", [2022]), ("二〇二二年", [2022]), ("二零二一年度", [2021]), ("22年", [2022]),
    ("2021到2023年", [2021, 2022, 2023]), ("2019年至2020年", [2019, 2020]), ("２０２４年", [2024]),
    ("干了25年，2024年", [2024]), ("近30年来", []), ("这40多年", []), ("25年了", [2025]),  # spans of years are no year
])
def test_explicit_years(text, years):
    assert parse_years(normalize(text))[0] == years


def test_relative_years_count_from_the_agencys_newest_report(catalog):
    last = understand("平潭去年收到多少申请？", [], catalog)
    assert last.targets == [(SYQ, 2025)] and last.year_word == "去年"
    before = understand("平潭前年收到多少申请？", [], catalog)
    assert before.targets == [(SYQ, 2024)]
    assert understand("鹿城区去年收到多少申请？", [], catalog).targets == [(LUCHENG, 2022)]


def test_recent_years_range(catalog):
    it = understand("平潭近三年收到多少申请？", [], catalog)
    assert it.kind == "comparison"
    assert it.targets == [(SYQ, 2023), (SYQ, 2024), (SYQ, 2025)]


@pytest.mark.parametrize("words, span", [("这两年", 2), ("最近3年", 3), ("过去三年", 3), ("近两年", 2), ("这几年", 3)])
def test_a_span_of_newest_years_in_any_wording(catalog, words, span):
    it = understand(f"洪泽区{words}收到的申请比一比", [], catalog)
    assert it.span == span and it.kind == "comparison"
    assert it.targets == [(HONGZE, 2023), (HONGZE, 2024)]  # only two are held


def test_the_following_year_in_a_follow_up(catalog):
    it = understand("第二年呢？", [{"role": "user", "content": "洪泽区2023年收到多少申请"}, {"role": "assistant", "content": "…"}],
                    catalog)
    assert it.targets == [(HONGZE, 2024)]


def test_that_same_year_after_a_shift_is_the_year_the_shift_reached(catalog):
    """同一年 / 那年 says again the year the last turn read, a shift included (前一年呢 after 2024: 2023)."""
    history = _turns("平潭管委会2025年新收多少申请", "往前推两年呢")
    assert understand("那年有没有被复议", history, catalog).targets == [(SYQ, 2023)]
    assert understand("同一年部分公开几件", history, catalog).targets == [(SYQ, 2023)]


def test_who_else_asks_the_last_question_of_every_other_agency_held(catalog):
    """还有谁也…, 别的单位呢: the previous turn's figure and its condition (or its topic, or its check) asked of every
    agency held but the one it was about, years only where this turn says them."""
    other = understand("还有哪几家也被行政复议过？", _turns("沭阳县2025年有没有被行政复议？"), catalog)
    assert other.kind == "precedent" and keys(other) == ["review_total"] and not other.years
    assert "沭阳县人民政府" not in other.scope and LUCHENG in other.scope and not other.agencies
    more = understand("2020年以后还有谁是这样？", _turns("平潭管委会2025年部分公开是不是比予以公开还多？"), catalog)
    assert more.kind == "precedent" and more.beats == ">" and min(more.years) == 2020 and SYQ not in more.scope
    assert [[k.row for k in ks] for _, ks in more.sides] == [["partially_granted"], ["granted"]]
    bound = understand("还有哪些单位超过500件？", _turns("沭阳县2025年收到多少申请"), catalog)
    assert bound.threshold == (">", 500.0) and keys(bound) == ["new_received.total"]
    checked = understand("别的报告有没有这种对不上的？", _turns("海坛片区2024年那张表是不是对不上？"), catalog)
    assert checked.kind == "checks" and "平潭综合实验区海坛片区管理局" not in checked.scope
    topic = understand("还有谁也写了？", _turns("沭阳县2025年有没有写新闻发布会？"), catalog)
    assert topic.kind == "precedent" and "新闻发布会" in topic.topic


def test_staff_asking_across_the_corpus_in_their_own_words(catalog):
    """库里 is the reports held; 谁在年报里写了 asks which reports say it; the asker's own work (我在准备…明年的年报,
    我们片区打算…) gives no year or agency; a run opening with a pronoun or verb (们片区, 准备片区) is no agency."""
    said = understand("库里谁在年报里写了政务新媒体的名字？", [], catalog)
    assert said.kind == "precedent" and not said.agencies and not said.unknown_agency
    story = understand("我在准备科室明年的年报，平潭的片区管理局里哪几份一件申请都没收到？", [], catalog)
    assert story.kind == "precedent" and not story.years and story.relative is None and story.scope
    ours = understand("我们片区打算在年报里加一段培训情况。别的单位谁在报告里写了开展培训？", [], catalog)
    assert ours.kind == "precedent" and not ours.unknown_agency


def test_an_agency_said_by_what_it_does(catalog):
    """管钱的那个局, 负责治安的部门, 警察局: the agency whose name holds the duty's word (vocabulary.DUTY_WORDS)."""
    def asked(q: str) -> list[str]:
        return [a for _, it in plan_parts(q, normalize(normalize_question(q).text), [], catalog) for a in it.agencies]

    assert asked("平潭县那个管钱的局，2009年收到几件申请") == ["平潭县财政局"]
    assert asked("平潭县里管学校的那个局2012年有几件申请？") == ["平潭县教育局"]
    assert asked("平潭负责治安的部门2019年有几件申请") == ["平潭综合实验区公安局"]
    assert asked("平潭的警察局2019年收到几件申请") == ["平潭综合实验区公安局"]


def test_the_askers_own_errand_is_neither_the_figure_nor_a_question_the_reports_answer(catalog):
    """我女儿要申请低保，…哪些政策: the story's 申请 is no count asked; 能不能给我公开 asks about the asker's own request,
    which no report records; a story that names what is counted still gives it to a bare count (…收到几件)."""
    story = understand("我女儿要申请低保，想问下沭阳县2025年公开过哪些跟低保有关的政策？", [], catalog)
    assert story.kind == "narrative" and not story.keys
    own = understand("我向沭阳县申请公开我们小区的规划图纸，你觉得能不能给我公开？", [], catalog)
    assert own.kind == "decline" and own.reason == "service"
    counted = understand("我前年给沭阳县递过申请，他们2025年一共收到几件？", [], catalog)
    assert keys(counted) == ["new_received.total"] and counted.targets == [("沭阳县人民政府", 2025)]


def test_figures_listed_each_with_its_noun_are_all_asked(catalog):
    it = understand("沭阳县2025年不予处理的申请、无法提供的申请一共多少？", [], catalog)
    rows = {k.row for k in it.keys}
    assert "rejected_duplicate" in rows and "unable_not_held" in rows


def test_one_items_measures_listed_and_the_year_end_carry_over(catalog):
    """规范性文件制发、废止各多少: each measure of the one item; 年底结转 is carried into the next year (结转下年度)."""
    listed = understand("沭阳县2025年行政规范性文件制发和废止各几件", [], catalog)
    assert [k.row for k in listed.keys] == ["normative_issued", "normative_repealed"]
    assert keys(understand("沭阳县2025年年底结转了几件申请", [], catalog)) == ["carried_forward.total"]


def test_a_place_in_a_ranking_is_asked(catalog):
    """排第三的是哪年, 第二多的是哪家, 倒数第一: the ranking up to that place, counted from the fewest for 倒数/少; not
    第二年, 第3项 or 第二十条, which are no places in a ranking."""
    third = understand("上海两家单位里新收申请排第二的是哪家？", [], catalog)
    assert third.kind == "ranking" and third.nth == 2 and not third.ascending and third.top_n == 2
    last = understand("平潭的单位里2024年行政复议倒数第一的是哪家", [], catalog)
    assert last.kind == "ranking" and last.ascending and last.nth is None  # the fewest, as 最少 asks
    assert understand("平潭的单位里2024年行政复议倒数第二的是哪家", [], catalog).nth == 2
    for q in ("洪泽区2023年收到多少申请 第二年呢", "洪泽区2024年不予公开第3项几件", "平潭管委会2021年第二十条第（一）项规章有几件"):
        assert understand(q, [], catalog).nth is None, q


def test_a_world_that_did_not_happen_and_a_body_that_files_no_report_are_declined(catalog):
    what_if = understand("要是没有那次专项整治，沭阳县2025年会不会收到更少的申请？", [], catalog)
    assert what_if.kind == "decline" and what_if.reason == "forecast"
    company = understand("淮安市燃气公司2024年一共收到几件信息公开申请？", [], catalog)
    assert company.kind == "decline" and company.reason == "outside_body"


def test_rates_listed_in_one_clause_are_each_a_part(catalog):
    """复议纠错率和诉讼纠错率各是多少: each rate, with its own qualifier; two rates compared, each compared."""
    q = "沭阳县2025年复议纠错率和诉讼纠错率各多少"
    parts = plan_parts(q, normalize(normalize_question(q).text), [], catalog)
    assert len(parts) == 2 and all(it.kind == "rate" for _, it in parts)
    assert "复议" in parts[0][0] and "诉讼" in parts[1][0] and "复议" not in parts[1][0]
    both = "鹿城区和洪泽区的公开率、办结率哪个高"
    compared = plan_parts(both, normalize(normalize_question(both).text), [], catalog)
    assert [it.rate for _, it in compared] == ["disclosure_rate", "completion_rate"]
    assert all(len(it.agencies) == 2 for _, it in compared)


def test_a_quarter_said_in_english_is_a_part_of_the_year(catalog):
    for q in ("How many requests did Shuyang receive in Q3 2025?", "Shuyang 2025, third quarter: requests received?"):
        it = plan_parts(q, normalize(normalize_question(q, catalog.romanised_places()).text), [], catalog)[0][1]
        assert it.kind == "decline" and "季度" in (it.unsupported or ""), q


def test_a_story_that_names_the_figure_before_the_question_points_back_to_it(catalog):
    """被一句“本机关不掌握”打发了，…有多少件申请是这么答复的: the figure the story names, not the bare 申请."""
    it = understand("我的申请被一句“没有现成信息”挡回来了，想知道沭阳县2025年有多少件申请是这样答复的？", [], catalog)
    assert keys(it) == ["unable_needs_creation.total"]


def test_a_judgement_against_others_and_the_askers_own_chances_are_declined(catalog):
    better = understand("沭阳县2025年的公开工作做得比淮安其他县好吗？", [], catalog)
    assert better.kind == "decline" and better.reason == "opinion"
    chances = understand("我下个月去沭阳县申请公开拆迁文件，能批下来吗？我申请会不会被驳回？", [], catalog)
    assert chances.kind == "decline" and chances.reason == "service"


def test_hardly_is_no_question_word():
    """不怎么上网 says hardly: a clause saying it asks nothing, and joins the question after it."""
    q = "我家里人平时不怎么看手机，洪泽区2024年有没有在村里的公开栏贴过通知？"
    assert split_parts(q) == [q]


def test_year_not_held_declines_rather_than_using_another(catalog):
    it = understand("鹿城区2021年收到多少申请？", [], catalog)
    assert it.kind == "decline" and it.reason == "year_not_held"
    assert it.missing_years == [(LUCHENG, 2021)] and not it.targets


@pytest.mark.parametrize("question, expected, column", [
    ("鹿城区2022年收到多少政府信息公开申请？", ["new_received.total"], None),
    ("鹿城区2022年申请了几件", ["new_received.total"], None),
    ("鹿城区2022年企业申请了多少", ["new_received.total"], "commercial"),
    ("鹿城区2022年个人申请多少件", ["new_received.total"], "natural_person"),
    ("鹿城区2022年律师申请了几件", ["new_received.total"], "legal_service"),
    ("鹿城区2022年被复议了几次", ["review_total"], None),
    ("洪泽区2023年复议被纠正了几件", ["review_corrected"], None),
    ("鹿城区2022年打官司多少件", ["direct_suit_total", "post_review_suit_total"], None),
    ("鹿城区2022年被起诉几次", ["direct_suit_total", "post_review_suit_total"], None),
    ("鹿城区2022年复议后起诉的有多少", ["post_review_suit_total"], None),
    ("鹿城区2022年因为第三方不予公开多少", ["denied_third_party.total"], None),
    ("鹿城区2022年过程性信息不公开的有几件", ["denied_process_info.total"], None),
    ("鹿城区2022年本机关不掌握的有多少", ["unable_not_held.total"], None),
    ("鹿城区2022年收到申请中部分公开多少", ["partially_granted.total"], None),
    ("鹿城区2022年规范性文件制发多少件", ["normative_issued"], None),
    ("鹿城区2022年行政处罚多少", ["penalty_decisions"], None),
])
def test_figure_words_map_to_cells(catalog, question, expected, column):
    it = understand(question, [], catalog)
    assert it.kind == "figure"
    assert keys(it) == expected and it.column == column


def test_a_group_without_its_own_row_is_the_sum_of_its_rows(catalog):
    it = understand("鹿城区2022年不予公开的有多少？", [], catalog)
    assert keys(it) == [f"{r}.total" for r in (
        "denied_state_secret", "denied_law_forbidden", "denied_three_safeties", "denied_third_party",
        "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_admin_query")]


@pytest.mark.parametrize("question, kind", [
    ("鹿城区2022年的公开率是多少？", "rate"),
    ("洪泽区2024年收到申请比上年增长了多少？", "change"),
    ("2024年哪个单位收到的申请最多？", "ranking"),
    ("2024年收到申请前三的单位", "ranking"),
    ("2024年所有单位一共收到多少申请？", "sum"),
    ("鹿城区和洪泽区收到申请对比", "comparison"),
    ("洪泽区2023年和2024年收到多少申请", "comparison"),
    ("鹿城区2022年申请人构成", "breakdown"),
    ("鹿城区2022年申请的办理结果", "breakdown"),
    ("鹿城区怎么培训工作人员？", "narrative"),
    ("鹿城区存在什么问题？", "narrative"),
    ("鹿城区做过依申请公开压力测试吗", "narrative"),
    ("哪些单位做过依申请公开压力测试？", "precedent"),
    ("哪些单位的行政复议被纠正过？", "precedent"),
    ("其他单位因第三方权益不予公开的多吗？", "precedent"),
])
def test_operation(catalog, question, kind):
    assert understand(question, [], catalog).kind == kind


def test_ranking_and_precedent_details(catalog):
    top = understand("2024年收到申请最少的三个单位", [], catalog)
    assert top.top_n == 3 and top.ascending and top.years == [2024]
    prec = understand("哪些单位的行政复议被纠正过？", [], catalog)
    assert keys(prec) == ["review_corrected"] and not prec.weak_figure
    narrative = understand("哪些单位做过依申请公开压力测试？", [], catalog)
    assert not narrative.keys and "压力测试" in narrative.topic


def test_place_scope_for_sums(catalog):
    it = understand("平潭全区2022年合计收到多少申请？", [], catalog)
    assert it.kind == "sum" and it.years == [2022]
    assert SYQ in it.scope and "平潭综合实验区公安局" in it.scope and LUCHENG not in it.scope


def test_change_reads_the_previous_year_too(catalog):
    it = understand("洪泽区2024年收到申请比上年增长了多少？", [], catalog)
    assert it.targets == [(HONGZE, 2023), (HONGZE, 2024)]
    assert understand("鹿城区2022年收到申请比上年多了多少？", [], catalog).reason == "previous_year_not_held"


def test_unsupported_attribute_declines(catalog):
    it = understand("淮安市2024年申请人的平均年龄是多少？", [], catalog)
    assert it.kind == "decline" and it.reason == "unsupported_figure" and it.unsupported == "年龄"


def _turns(*pairs):
    history = []
    for q in pairs:
        history += [{"role": "user", "content": q}, {"role": "assistant", "content": "（回答）"}]
    return history


def test_three_turn_conversation_keeps_agency_year_and_figure(catalog):
    first = "鹿城区2022年收到多少政府信息公开申请？"
    rate = understand("公开率是多少？", _turns(first), catalog)
    assert rate.kind == "rate" and rate.targets == [(LUCHENG, 2022)] and rate.followup
    review = understand("有没有被复议？", _turns(first, "公开率是多少？"), catalog)
    assert review.kind == "figure" and keys(review) == ["review_total"] and review.targets == [(LUCHENG, 2022)]


def test_followup_changes_only_what_it_says(catalog):
    h = _turns("平潭2023年收到多少申请？")
    other_year = understand("那2021年呢？", h, catalog)
    assert other_year.targets == [(SYQ, 2021)] and keys(other_year) == ["new_received.total"]
    company = understand("企业申请的呢？", h, catalog)
    assert company.targets == [(SYQ, 2023)] and company.column == "commercial"
    assert keys(company) == ["new_received.total"]
    h2 = _turns("平潭2023年企业申请了多少？")
    part = understand("其中部分公开多少？", h2, catalog)
    assert keys(part) == ["partially_granted.total"] and part.column == "commercial"
    assert understand("那洪泽区呢？", h, catalog).targets == [(HONGZE, 2023)]
    not_held = understand("那鹿城区呢？", h, catalog)
    assert not_held.kind == "decline" and not_held.missing_years == [(LUCHENG, 2023)]


def test_followup_keeps_a_rate_and_a_relative_year(catalog):
    h = _turns("洪泽区去年的公开率是多少？")
    it = understand("那前年呢？", h, catalog)
    assert it.kind == "rate" and it.targets == [(HONGZE, 2023)]


def test_followup_after_a_question_back(catalog):
    h = _turns("平潭2011年收到多少申请？")
    it = understand("平潭综合实验区管委会", h, catalog)
    assert it.kind == "figure" and it.targets == [(SYQ, 2011)] and keys(it) == ["new_received.total"]


def test_new_question_in_a_conversation_is_not_a_followup(catalog):
    h = _turns("鹿城区2022年收到多少申请？")
    it = understand("淮安市2024年行政复议被纠正了几件？", h, catalog)
    assert it.targets == [(HUAIAN, 2024)] and keys(it) == ["review_corrected"]


def test_empty_and_odd_input_does_not_crash(catalog):
    for q in ("", "？？？", "a" * 500, "2022", "的的的"):
        understand(q, [{"role": "user"}, {"content": "x"}, "junk"], catalog)
    assert understand("鹿城区2022年收到多少申请", None, Catalog([])).kind == "decline"


def turn(q: str) -> list[dict]:
    return [{"role": "user", "content": q}, {"role": "assistant", "content": "…"}]


def test_places_come_from_the_administrative_divisions(catalog):
    places = catalog.places()
    assert set(places["江苏"]) == {"淮安市人民政府", HONGZE, "沭阳县人民政府"}  # 沭阳 is in 宿迁, Jiangsu
    assert len(places["平潭"]) == len({a for a in catalog.agencies if "平潭" in a})
    assert places["浙江省"] == [LUCHENG]


@pytest.mark.parametrize("question, place, size", [
    ("平潭的单位里哪些被复议过？", "平潭", 16),
    ("江苏的单位哪些被起诉过", "江苏", 3),
    ("2024年福建省各部门中有哪些收到过企业申请", "福建省", 16),
])
def test_a_place_as_a_collective_is_every_agency_there(catalog, question, place, size):
    it = understand(question, [], catalog)
    assert it.kind == "precedent" and it.scope_places == [place] and len(it.scope) == size and not it.agencies


def test_two_places_in_one_scope(catalog):
    it = understand("江苏和浙江的单位中谁被起诉过", [], catalog)
    assert it.scope_places == ["江苏", "浙江"] and LUCHENG in it.scope and HONGZE in it.scope


def test_a_place_alone_is_still_one_agency(catalog):
    it = understand("平潭2023年收到多少申请", [], catalog)
    assert it.kind == "figure" and it.targets == [(SYQ, 2023)] and not it.scope


def test_relative_years_follow_the_conversation(catalog):
    h = turn("平潭实验区2024年收到多少申请")
    assert understand("那去年呢？", h, catalog).targets == [(SYQ, 2023)]
    assert understand("前年呢？", h + turn("那去年呢？"), catalog).targets == [(SYQ, 2022)]
    assert understand("平潭实验区去年收到多少申请", [], catalog).targets == [(SYQ, 2025)]  # no year named: the newest


@pytest.mark.parametrize("question, numerator, denominator", [
    ("鹿城区2022年予以公开的占几成？", ["granted"], ["results_total"]),
    ("2022年鹿城区企业申请在全部申请里占多大比重", ["new_received"], ["new_received"]),
    ("鹿城区2022年不予公开和无法提供两项合计占比多少", None, ["results_total"]),
    ("洪泽区2023年复议被纠正的比例", ["review_corrected"], ["review_total"]),
])
def test_a_share_is_over_its_own_tables_total(catalog, question, numerator, denominator):
    it = understand(question, [], catalog)
    assert it.kind == "rate" and (it.rate_spec is not None or it.rate)
    if it.rate_spec is not None:
        if numerator:
            assert [k.row for k in it.rate_spec.numerator] == numerator
        else:
            assert len(it.rate_spec.numerator) == 11  # eight 不予公开 rows and three 无法提供 rows
        assert [k.row for k in it.rate_spec.denominator] == denominator


def test_clauses_without_a_question_word_stay_together():
    assert split_parts("予以公开、部分公开各多少") == ["予以公开、部分公开各多少"]
    assert split_parts("收到多少、其中多少予以公开、有没有被复议") == ["收到多少", "其中多少予以公开", "有没有被复议"]


def test_parts_that_ask_different_things_are_planned_apart(catalog):
    q = "鹿城区2022年收到多少申请、其中多少予以公开、有没有被复议？"
    parts = plan_parts(q, q, [], catalog)
    assert [it.kind for _, it in parts] == ["figure", "figure", "figure"]
    assert [it.keys[0].row for _, it in parts] == ["new_received", "granted", "review_total"]
    assert all(it.targets == [(LUCHENG, 2022)] for _, it in parts)


def test_a_continuation_is_not_a_part(catalog):
    q = "淮安市和洪泽区2024年分别收到多少申请，哪个多？"
    assert len(plan_parts(q, q, [], catalog)) == 1
    q = "鹿城区和洪泽区2023年分别收到多少申请，哪个多？"  # 鹿城区 has no 2023 report: each report its own part
    assert [(it.kind, it.targets) for _, it in plan_parts(q, q, [], catalog)] == [
        ("figure", [(HONGZE, 2023)]), ("decline", [])]


def test_a_part_with_words_of_its_own_is_a_part_even_when_it_inherits_everything(catalog):
    """区长是谁 inherits the agency, year and figure of the part before; it still asks something else (and is then
    declined as unrecorded), never merged into a part that loses the agency."""
    q = "洪泽区2024年被起诉几次、复议纠错率是多少、区长是谁？"
    parts = plan_parts(q, q, [], catalog)
    assert [p for p, _ in parts] == ["洪泽区2024年被起诉几次", "复议纠错率是多少", "区长是谁"]
    assert all(it.agencies == [HONGZE] and it.kind != "clarify" for _, it in parts)
    assert [it.kind == "decline" for _, it in parts] == [False, False, True] and parts[2][1].reason == "person"


def test_a_scope_said_first_is_not_a_part(catalog):
    q = "平潭的这几个片区管理局中，谁收到过申请？"
    parts = plan_parts(q, q, [], catalog)
    assert len(parts) == 1 and parts[0][1].kind == "precedent" and len(parts[0][1].scope) == 4


def test_which_of_the_named_agencies_had_it(catalog):
    it = understand("鹿城区、洪泽区这两家里谁有过行政诉讼？", [], catalog)
    assert it.kind == "precedent" and sorted(it.scope) == sorted([LUCHENG, HONGZE])
    years = understand("平潭管委会2019年到2022年哪几年有重复申请？", [], catalog)
    assert years.kind == "precedent" and years.scope == [SYQ] and years.years == [2019, 2020, 2021, 2022]
    assert understand("鹿城区和洪泽区谁收到的申请多？", [], catalog).kind in ("ranking", "comparison")


def test_two_words_for_one_cell_count_it_once(catalog):
    it = understand("洪泽区2024年予以公开（全部公开）的在办理结果中占几成？", [], catalog)
    assert it.kind == "rate" and [k.row for k in it.rate_spec.numerator] == ["granted"]


def test_a_kind_of_agency_is_a_scope(catalog):
    it = understand("哪些片区收到过政府信息公开申请？", [], catalog)
    assert it.kind == "precedent" and len(it.scope) == 4 and all("片区" in a for a in it.scope)
    assert understand("江苏的政府哪些被起诉过", [], catalog).scope_places == ["江苏"]


def test_a_kind_only_one_agency_has_is_that_agency(catalog):
    it = understand("平潭的公安部门收到多少申请", [], catalog)
    assert it.kind == "figure" and it.agencies == ["平潭综合实验区公安局"] and not it.scope


def test_a_continuation_keeps_the_scope(catalog):
    parts = plan_parts("各区县政府2024年收到多少申请，哪家最多", "各区县政府2024年收到多少申请，哪家最多", [], catalog)
    assert [it.kind for _, it in parts] == ["precedent", "ranking"]
    assert parts[0][1].scope == parts[1][1].scope  # 区县政府: the district and county governments, not the cities'
    assert set(parts[1][1].scope) == {"平潭县人民政府", "沭阳县人民政府", HONGZE, LUCHENG}


def test_two_shared_characters_name_no_agency(catalog):
    """技术 shares two characters with 上海市科学技术委员会; a place (洪泽) or a short form (科委) does name one."""
    assert understand("有没有单位用技术手段提醒依申请件快超期了？", [], catalog).agencies == []
    assert understand("洪泽2023年收到多少申请", [], catalog).agencies == ["淮安市洪泽区人民政府"]
    assert understand("科委2024年收到多少申请", [], catalog).agencies == ["上海市科学技术委员会"]
    assert understand("鹿成2022年收到多少申请", [], catalog).agencies == ["温州市鹿城区人民政府办公室"]  # a homophone slip


def test_stored_places_scope_the_catalogue():
    """Places stored with the report are what a place question selects (a name alone is read only without them)."""
    from types import SimpleNamespace

    rows = [SimpleNamespace(id=f"r{i}", agency=a, year=2024, places=p, kinds=["局"])
            for i, (a, p) in enumerate([("甲局", ["某省"]), ("乙局", ["某省"]), ("丙局", ["他省"])])]
    catalog = Catalog.from_summaries(rows)
    assert sorted(catalog.places()["某省"]) == ["乙局", "甲局"] and len(catalog.kinds()["局"]) == 3


def test_the_templates_column_group_is_asked_as_one(catalog):
    """法人或其他组织 heads five applicant columns in the template: asked as one, every column under it is read."""
    it = understand("平潭管委会2021年新收的申请中法人或者其他组织提的占几成？", [], catalog)
    assert it.kind == "rate" and {k.column for k in it.rate_spec.numerator} == {
        "commercial", "research", "social_org", "legal_service", "other_org"}
    assert [(k.row, k.column) for k in it.rate_spec.denominator] == [("new_received", "total")]
    assert understand("鹿城区2022年企业申请多少", [], catalog).column == "commercial"


def test_a_negated_figure_word_is_not_that_figure_and_printed_variants_are_figure_words(catalog):
    it = understand("鹿城区2022年有几件是申请人没按收费通知交钱、就不再处理了的？", [], catalog)
    assert keys(it) == ["other_overdue_fee.total"]
    assert keys(understand("鹿城区2022年予以公开多少件", [], catalog)) == ["granted.total"]
    assert "granted.total" not in keys(understand("鹿城区2022年不予以公开的有多少", [], catalog))


def test_haishi_meaning_still_is_no_comparison(catalog):
    it = understand("鹿城区2022年有多少件补了材料还是说不明白的？", [], catalog)
    assert it.kind != "comparison" and it.targets == [(LUCHENG, 2022)]
    assert understand("鹿城区和洪泽区，谁的申请多还是少？", [], catalog).kind in ("comparison", "ranking")


def test_disclosed_including_partly_is_both_cells(catalog):
    it = understand("洪泽区2024年的申请，公开（含部分公开）的占几成？", [], catalog)
    assert it.kind == "rate" and [k.row for k in it.rate_spec.numerator] == ["granted", "partially_granted"]
    assert [k.row for k in it.rate_spec.denominator] == ["results_total"]


@pytest.mark.parametrize("question, year, row", [
    ("洪泽区从2023年转过来的申请有多少件？", 2024, "carried_over"),
    ("洪泽区2024年有多少申请是从2023年结转过来的？", 2024, "carried_over"),
    ("洪泽区有几件申请留到了二〇二四年继续办？", 2023, "carried_forward"),
    ("How many of Hongze's requests were still pending in 2024?", 2023, "carried_forward"),
])
def test_a_year_carried_from_or_into_names_the_cell_not_the_report(catalog, question, year, row):
    it = understand(normalize_question(question, {"hongze": "洪泽"}).text, [], catalog)
    assert it.targets == [(HONGZE, year)] and keys(it) == [f"{row}.total"], (it.targets, keys(it))


@pytest.mark.parametrize("question", [
    "鹿城区2022年那起被部分公开的申请，申请人是谁？",
    "淮安市2024年这件行政诉讼是谁告的？",
    "洪泽区2023年那个申请具体要的是什么内容、申请人姓名是什么？",
])
def test_one_cases_identity_or_content_is_declined(catalog, question):
    parts = plan_parts(question, question, [], catalog)
    assert len(parts) == 1 and parts[0][1].kind == "decline" and parts[0][1].reason == "case_detail"


def test_one_cases_outcome_stays_a_table_question(catalog):
    it = understand("洪泽区2023年那件复议最后结果如何？", [], catalog)
    assert it.kind != "decline" and it.keys and it.keys[0].table == "review_litigation"


@pytest.mark.parametrize("question, column", [
    ("洪泽区2024年除了个人以外，律所提的申请有几件？", "legal_service"),
    ("淮安市2024年“其他”法人提了多少申请？", "other_org"),
    ("鹿城区2022年除了企业之外，公益组织申请了多少？", "social_org"),
    ("沭阳县2025年的申请中，“其他”类单位（不是公司，也不是律所）提了几件？", "other_org"),
])
def test_the_asked_column_skips_what_is_excluded_and_reads_through_quotes(catalog, question, column):
    assert understand(question, [], catalog).column == column


@pytest.mark.parametrize("question, rows", [
    ("洪泽区2024年部分公开与予以公开加起来多少件？", ["partially_granted", "granted"]),
    ("淮安市2024年无法提供、不予处理一共多少？", None),
    ("鹿城区2022年收到的申请中部分公开多少？", ["partially_granted"]),  # 收到…申请 frames it, names no cell
    ("鹿城区2022年的“本年新收”、“结转下年度”分别是多少", ["new_received", "carried_forward"]),  # labels quoted
    ('鹿城区2022年，{"本年新收","结转下年度"}，这两个格子分别是多少？', ["new_received", "carried_forward"]),
])
def test_figure_words_joined_by_and_name_every_cell(catalog, question, rows):
    it = understand(question, [], catalog)
    got = [k.row for k in it.keys]
    if rows is None:
        assert {r.split("_")[0] for r in got} == {"unable", "rejected"} and len(got) > 2
    else:
        assert got == rows


@pytest.mark.parametrize("question, rate", [
    ("沭阳县2025年申请得到公开的比例是多少？", "disclosure_rate"),
    ("淮安市2024年行政复议纠错的比率多高？", "review_correction_rate"),
])
def test_a_named_rate_reads_through_a_de(catalog, question, rate):
    it = understand(question, [], catalog)
    assert it.rate == rate and it.kind == "rate"


@pytest.mark.parametrize("question, row", [
    ("平潭管委会2020年行政许可本年增加了多少项？", "licensing_change"),
    ("君山片区2020年行政处罚事项本年减少几项？", "penalty_change"),
])
def test_the_templates_own_change_column_is_a_cell_not_a_change_between_reports(catalog, question, row):
    it = understand(question, [], catalog)
    assert it.kind == "figure" and [k.row for k in it.keys] == [row]


@pytest.mark.parametrize("question, kind", [
    ("洪泽区2024年不予处理的申请比上年增长了百分之几？", "change"),  # a growth, not a share
    ("沭阳县2025年企业申请占了百分之几？", "rate"),  # a share
    ("申请被复议纠正过的单位有哪几个？", "precedent"),
    ("做过压力测试的部门都有哪些？", "precedent"),
])
def test_growth_share_and_which_units_in_everyday_order(catalog, question, kind):
    assert understand(question, [], catalog).kind == kind


def test_the_previous_years_carry_over_in_english_is_one_cell(catalog):
    q = normalize_question("How many requests did Hongze carry over from the previous year in 2024?", {"hongze": "洪泽"})
    it = understand(q.text, [], catalog)
    assert it.kind == "figure" and keys(it) == ["carried_over.total"] and it.targets == [(HONGZE, 2024)]


def test_asking_whether_any_is_not_asking_for_none(catalog):
    assert not understand("平潭的单位有没有被提起行政诉讼的？", [], catalog).negated
    assert understand("平潭的单位里哪些没有被起诉过？", [], catalog).negated


def test_a_kind_several_agencies_there_share_is_a_scope_without_a_collective_noun(catalog):
    it = understand("江苏的政府2024年一共收到多少申请？", [], catalog)
    assert it.kind == "sum" and set(it.scope) == {HUAIAN, HONGZE, "沭阳县人民政府"}
    assert understand("淮安市人民政府2024年收到多少申请？", [], catalog).agencies == [HUAIAN]  # a name, not a kind


def test_an_applicant_said_alone_asks_its_requests(catalog):
    it = understand("鹿城区2022年律师递了几件？", [], catalog)
    assert it.kind == "figure" and keys(it) == ["new_received.total"] and it.column == "legal_service"


@pytest.mark.parametrize("typed, left", [
    ("鹿城区2022年非个人提交的申请有多少？", {"commercial", "research", "social_org", "legal_service", "other_org"}),
    ("鹿城区2022年不是公司递交的申请有几件？",
     {"natural_person", "research", "social_org", "legal_service", "other_org"}),
])
def test_an_applicant_left_out_asks_every_other_column(catalog, typed, left):
    it = understand(typed, [], catalog)
    assert {k.row for k in it.keys} == {"new_received"} and counted_columns(it) == left


def test_a_total_over_named_years_or_agencies_reads_those_reports(catalog):
    it = understand("洪泽区2023、2024两年加起来收到多少申请？", [], catalog)
    assert it.kind == "sum" and not it.scope and it.targets == [(HONGZE, 2023), (HONGZE, 2024)]
    it = understand("鹿城区和洪泽区合计收到多少申请？", [], catalog)
    assert it.kind == "sum" and set(it.targets) == {(LUCHENG, 2022), (HONGZE, 2024)}
    it = understand("鹿城区2021年和2022年一共收到多少申请？", [], catalog)
    assert it.kind == "decline" and it.reason == "year_not_held"  # never another year in its place


@pytest.mark.parametrize("typed", ["鹿城区2022年的统计从哪天算起？收到几件申请？",
                                   "洪泽区2024年收没收复制费？被复议几次？"])
def test_a_clause_asking_when_or_whether_is_a_part_of_its_own(catalog, typed):
    assert len(split_parts(typed)) == 2


def test_a_part_with_a_subject_of_its_own_does_not_take_the_figure_before_it(catalog):
    parts = plan_parts("洪泽区2024年收到多少申请？收没收检索费？", "洪泽区2024年收到多少申请?收没收检索费?", [], catalog)
    assert [it.kind for _, it in parts] == ["figure", "narrative"] and not parts[1][1].keys
    turns = [{"role": "user", "content": "洪泽区2024年收到多少申请？"}, {"role": "assistant", "content": ""}]
    assert keys(understand("企业递交的呢？", turns, catalog)) == ["new_received.total"]  # an elliptical turn does


def test_a_future_year_is_one_the_corpus_does_not_hold(catalog):
    it = understand("鹿城区明年能收到多少申请？", [], catalog)
    assert it.kind == "decline" and it.reason == "year_not_held"


def test_which_ones_among_all_agencies_is_a_list_not_a_total(catalog):
    assert understand("全部单位里哪几家被起诉过？", [], catalog).kind == "precedent"
    assert understand("全部单位加起来被起诉过多少次？", [], catalog).kind == "sum"


def test_active_items_joined_before_one_measure_each_take_it(catalog):
    it = understand("平潭管委会2021年行政许可和行政处罚各有多少处理决定？", [], catalog)
    assert keys(it) == ["licensing_decisions", "penalty_decisions"]


def test_a_count_of_something_no_table_counts_is_read_from_the_text(catalog):
    assert understand("鹿城区有几处网点可以提交申请？", [], catalog).kind == "narrative"
    assert understand("鹿城区2022年收到多少个申请？", [], catalog).kind == "figure"


def test_a_part_that_says_again_takes_the_figure_before_it(catalog):
    q = "洪泽区2023年收到多少申请？淮安市人民政府2024年又收了多少？"
    parts = plan_parts(q, q, [], catalog)
    assert [keys(it) for _, it in parts] == [["new_received.total"], ["new_received.total"]]
    assert parts[1][1].targets == [(HUAIAN, 2024)]


@pytest.mark.parametrize("typed", ["How satisfied were citizens in Lucheng in 2022?", "鹿城区2022年申请人岁数多大？"])
def test_what_the_tables_never_record_is_declined_in_english_and_in_everyday_words(catalog, typed):
    assert understand(typed, [], catalog).kind == "decline"


def test_a_disclosure_request_said_short_is_the_requests_row(catalog):
    it = understand("鹿城区2022年律所提交了几件公开申请？", [], catalog)
    assert keys(it) == ["new_received.total"] and it.column == "legal_service" and not it.weak_figure


def test_a_share_of_a_figure_holding_a_rates_word_is_that_share_not_the_rate(catalog):
    it = understand("淮安市2024年被拒绝公开的比例有多高？", [], catalog)
    assert it.kind == "rate" and it.rate == "share" and {k.row for k in it.rate_spec.numerator} >= {"denied_third_party"}
    assert understand("淮安市2024年的公开比例有多高？", [], catalog).rate == "disclosure_rate"


def test_more_than_half_asks_a_share(catalog):
    it = understand("沭阳县2025年予以公开的有没有过半？", [], catalog)
    assert it.kind == "rate" and [k.row for k in it.rate_spec.numerator] == ["granted"]


def test_who_the_applicants_were_is_declined(catalog):
    it = understand("淮安市2024年提起复议的申请人叫什么名字？", [], catalog)
    assert it.kind == "decline" and it.reason == "person"
    for typed in ("沭阳县2025年政务公开的负责人是谁？", "沭阳县2025年的行政诉讼是谁起诉的？"):
        assert understand(typed, [], catalog).reason == "person"


def test_a_share_asked_after_an_applicants_count_keeps_the_applicant(catalog):
    q = "沭阳县2025年有几件申请是企业提的，占多少？"
    parts = plan_parts(q, q, [], catalog)
    assert parts[-1][1].kind == "rate" and parts[-1][1].column == "commercial"


@pytest.mark.parametrize("typed, row", [("沭阳县2025年有多少申请转到了下一年继续办？", "carried_forward"),
                                        ("沭阳县2025年有多少申请是去年留下来的？", "carried_over")])
def test_carried_without_a_year_names_the_carry_cell(catalog, typed, row):
    assert keys(understand(typed, [], catalog)) == [f"{row}.total"]


def test_a_figure_word_with_rate_asks_its_share(catalog):
    it = understand("洪泽区2024年行政诉讼败诉率是多少？", [], catalog)
    assert it.kind == "rate" and it.rate == "share" and "（" in it.rate_spec.formula.split("÷")[1]  # two totals


def test_whether_a_span_rose_or_fell_is_a_trend_over_every_year_of_it(catalog):
    it = understand("平潭管委会近四年被复议的是多了还是少了？", [], catalog)
    assert it.trend and len(it.targets) == 4


def test_english_third_parties_is_the_third_party_row(catalog):
    it = understand("How many requests did Lucheng deny in 2022 to protect third parties?", [], catalog)
    assert keys(it) == ["denied_third_party.total"]


def test_every_agency_of_a_kind_said_in_full_is_a_scope(catalog):
    it = understand("各片区管理局哪个被复议得最多？", [], catalog)
    assert it.kind == "ranking" and len(it.scope) == 4 and not it.unknown_agency


def test_the_year_before_last_said_as_shangshangnian(catalog):
    it = understand("洪泽区上上年收到多少申请？", [], catalog)
    assert it.targets == [(HONGZE, 2023)]


@pytest.mark.parametrize("typed, breakdown", [("淮安市2024年的申请是谁递交的？", "applicant"),
                                              ("淮安市2024年的申请都公开了吗？", "outcome")])
def test_who_filed_and_whether_all_were_released_are_breakdowns(catalog, typed, breakdown):
    it = understand(typed, [], catalog)
    assert it.kind == "breakdown" and it.breakdown == breakdown


def test_whether_any_was_withheld_is_the_withheld_rows_not_a_negation(catalog):
    it = understand("淮安市2024年有没有不公开的申请？", [], catalog)
    assert {k.row for k in it.keys} >= {"denied_state_secret", "denied_third_party"}


def test_the_zeros_asked_with_a_negated_figure_word_keep_that_figure(catalog):
    it = understand("平潭的单位2020年哪几家没收到申请？", [], catalog)
    assert it.negated and keys(it) == ["new_received.total"]


@pytest.mark.parametrize("typed, check", [
    ("Which agencies in Pingtan got no requests in 2020?", lambda it: it.negated and keys(it) == ["new_received.total"]),
    ("Compare the disclosure rates of Huaian and Hongze in 2024.", lambda it: len(it.targets) == 2),
    ("How many lawsuits did Huaian lose in 2024?", lambda it: {k.row for k in it.keys} == {
        "direct_suit_corrected", "post_review_suit_corrected"}),
])
def test_english_negations_two_places_and_lost_lawsuits(catalog, typed, check):
    assert check(understand(typed, [], catalog))


def test_an_administrative_level_scopes_a_collective(catalog):
    it = understand("江苏的县级政府2024年一共收到多少申请？", [], catalog)
    assert it.kind == "sum" and set(it.scope) == {HONGZE, "沭阳县人民政府"}
    it = understand("区县级的单位里谁被起诉过？", [], catalog)
    assert it.kind == "precedent" and HONGZE in it.scope and LUCHENG in it.scope
    assert not {HUAIAN, BGT, KEWEI, "平潭综合实验区海坛片区管理局"} & set(it.scope)


def test_a_share_of_the_requests_takes_them_as_the_whole(catalog):
    it = understand("沭阳县2025年的公开申请当中有几成最后予以公开？", [], catalog)
    assert it.kind == "rate" and [k.row for k in it.rate_spec.numerator] == ["granted"]
    assert [k.row for k in it.rate_spec.denominator] == ["results_total"]


def test_two_applicant_columns_joined_are_summed(catalog):
    it = understand("淮安市2024年科研机构和公益组织合起来递了多少申请？", [], catalog)
    assert {(k.row, k.column) for k in it.keys} == {("new_received", "research"), ("new_received", "social_org")}
    assert it.column is None


@pytest.mark.parametrize("typed, sides", [
    ("淮安市2024年自然人申请和律师申请哪个多？", [["natural_person"], ["legal_service"]]),
    ("沭阳县2025年被复议的和被起诉的哪个多？",
     [["review_total"], ["direct_suit_total", "post_review_suit_total"]]),
])
def test_two_figures_of_one_report_compared_side_by_side(catalog, typed, sides):
    it = understand(typed, [], catalog)
    assert it.kind == "comparison" and len(it.targets) == 1
    assert [[k.column if k.table == "requests" else k.row for k in ks] for _, ks in it.sides] == sides


@pytest.mark.parametrize("typed, denied", [
    ("洪泽区2024年有几件申请没给公开？", True), ("沭阳县2025年未予公开的有多少？", True),
    ("沭阳县2025年有没有公开行政许可信息？", False), ("淮安市2024年公不公开申请数？", False),
])
def test_a_negated_disclosure_is_the_withheld_rows_but_a_yes_no_question_is_not(catalog, typed, denied):
    it = understand(typed, [], catalog)
    assert any(k.row.startswith("denied_") for k in it.keys) is denied


@pytest.mark.parametrize("typed", ["淮安市2024年的副市长是谁？", "Who was the head of the Shuyang county government in 2025?",
                                   "鹿城区2022年谁是政务公开办公室的科长？"])
def test_who_holds_an_office_is_declined_as_a_person(catalog, typed):
    assert understand(typed, [], catalog).reason == "person"


def test_a_place_said_with_within_or_below_scopes_its_agencies(catalog):
    it = understand("江苏省境内的政府2024年一共收到多少申请？", [], catalog)
    assert it.kind == "sum" and set(it.scope) == {HUAIAN, HONGZE, "沭阳县人民政府"}
    assert understand("淮安市下辖的区县2024年收到多少申请？", [], catalog).agencies == [HONGZE]
    assert understand("江苏省人民政府2024年收到多少申请？", [], catalog).kind == "decline"  # one agency, not a kind


def test_a_share_carried_into_the_next_part_keeps_its_cells(catalog):
    parts = plan_parts("沭阳县2025年办结的申请中本机关不掌握的超过一半了吗？比例是多少？",
                       "沭阳县2025年办结的申请中本机关不掌握的超过一半了吗？比例是多少？", [], catalog)
    assert all(it.rate != "share" or it.rate_spec is not None for _, it in parts)


@pytest.mark.parametrize("typed", ["瓯海区政府办2022年收到多少申请？", "西湖区人民政府2024年收到几件申请？"])
def test_a_place_the_corpus_does_not_hold_is_unknown_however_well_the_rest_matches(catalog, typed):
    it = understand(typed, [], catalog)
    assert it.kind == "decline" and it.reason == "unknown_agency" and not it.agencies


def test_a_place_with_one_slip_or_said_after_other_words_is_still_known(catalog):
    assert understand("麻烦查下洪泽区2024年收到多少申请", [], catalog).agencies == [HONGZE]
    assert understand("沭杨县2025年收到多少申请", [], catalog).agencies == ["沭阳县人民政府"]


def test_whether_the_reports_mention_something_no_table_holds_is_a_search(catalog):
    assert understand("有哪些报告提及过培训经费的安排？", [], catalog).kind != "decline"
    assert understand("洪泽区2024年信息公开工作经费是多少？", [], catalog).kind == "decline"


@pytest.mark.parametrize("said, year", [("再往前一年呢？", 2022), ("往前推两年是多少", 2021), ("换到晚一年呢", 2024)])
def test_a_shift_said_in_other_words_moves_the_conversations_year(catalog, said, year):
    it = understand(said, turn("平潭管委会2023年被复议几件？"), catalog)
    assert it.targets == [(SYQ, year)] and keys(it) == ["review_total"]


def test_a_clause_ending_in_a_noun_phrase_is_not_a_part():
    assert split_parts("让申请人补充材料后仍说不清要哪些信息的，有几件？") == ["让申请人补充材料后仍说不清要哪些信息的，有几件？"]
    assert len(split_parts("洪泽区没有现成材料、要重新加工才能提供的有几件")) == 1  # 现成 is not 几成


def test_a_content_phrase_sharing_characters_with_an_agency_names_none(catalog):
    it = understand("淮安市2024年有几件申请因为公共安全的理由被拒？", [], catalog)
    assert it.agencies == [HUAIAN]


@pytest.mark.parametrize("typed, bound, years", [
    ("新收申请超过2000件的单位有哪些？", (">", 2000.0), []), ("2024年被起诉5件以上的有哪些单位", (">=", 5.0), [2024]),
    ("哪些单位2019年收到的申请不足30件", ("<", 30.0), [2019]),
])
def test_a_bound_is_read_apart_from_the_years(catalog, typed, bound, years):
    it = understand(typed, [], catalog)
    assert it.threshold == bound and it.years == years and it.kind == "precedent"


def test_asking_whether_any_agency_did_something_and_how_is_one_search_across_agencies(catalog):
    q = "有没有哪个部门搞过政务开放日？都是怎么办的？"
    parts = plan_parts(q, q, [], catalog)
    assert len(parts) == 1 and parts[0][1].kind == "precedent" and not parts[0][1].agencies


def test_a_cleft_question_ending_in_de_is_still_a_part():
    assert split_parts("君山片区是怎么设立的？有几个人负责公开工作？") == ["君山片区是怎么设立的", "有几个人负责公开工作"]


@pytest.mark.parametrize("typed, declined", [
    ("淮安市2024年通过信函寄来的申请有多少件？", True), ("沭阳县2025年申请中涉及土地征收的有几件？", True),
    ("沭阳县2025年律师事务所递交的申请有几件？", False), ("淮安市2024年涉及国家秘密的申请有几件？", False),
    ("群众朋友想问，洪泽区2024年一共收到多少申请？", False),
])
def test_a_qualifier_no_table_splits_requests_by_is_declined_not_answered_with_the_total(catalog, typed, declined):
    it = understand(typed, [], catalog)
    assert (it.kind == "decline") is declined
    if not declined:
        assert it.keys


def test_an_english_bound_is_read_as_the_listings_bound(catalog):
    it = understand("Which offices got fewer than 30 requests in 2019?", [], catalog)
    assert it.kind == "precedent" and it.threshold == ("<", 30.0) and it.years == [2019]


def test_a_later_part_about_a_two_character_noun_of_its_own_does_not_take_the_figure_before(catalog):
    q = "淮安市2024年被起诉了几次？他们的政务热线接了多少电话？"
    parts = plan_parts(q, q, [], catalog)
    assert len(parts) == 2 and parts[0][1].keys and not parts[1][1].keys
    h = turn("洪泽区2024年行政复议几件？")
    assert keys(understand("其中结果被纠正的呢？", h, catalog)) == ["review_corrected"]  # 结果 is the table's word


@pytest.mark.parametrize("typed, reason", [
    ("沭阳县2025年的申请人当中有几位是退休职工？", "unsupported_figure"),
    ("淮安市2024年第三季度新收了多少申请？", "unsupported_figure"),
    ("洪泽区2023年上半年被复议了几次？", "unsupported_figure"),
    ("淮安市2024年被纠错的复议都是什么案件？", "case_detail"),
])
def test_splits_the_tables_do_not_hold_are_declined(catalog, typed, reason):
    it = understand(typed, [], catalog)
    assert it.kind == "decline" and it.reason == reason


def test_a_part_of_the_year_declines_a_table_figure_but_not_a_narrative_question(catalog):
    assert understand("鹿城区2022年每个月收到几件申请？", [], catalog).kind == "decline"
    assert understand("淮安市2024年每季度开展几次政务公开督查？", [], catalog).kind != "decline"


def test_a_follow_up_keeps_asking_a_share_of_its_own_figure_or_column(catalog):
    h = turn("洪泽区2024年新收申请中自然人申请占比多少？")
    it = understand("那法人呢？", h, catalog)
    assert it.kind == "rate" and {k.column for k in it.rate_spec.numerator} >= {"commercial", "legal_service"}
    it = understand("不予公开的呢？", turn("沭阳县2025年部分公开的占几成？"), catalog)
    assert it.kind == "rate" and all(k.row.startswith("denied_") for k in it.rate_spec.numerator)


def test_an_outcome_rate_asks_its_share_of_the_group(catalog):
    it = understand("上海市政府办公厅2025年行政复议的撤销率是多少？", [], catalog)
    assert it.kind == "rate" and [k.row for k in it.rate_spec.denominator] == ["review_total"]


@pytest.mark.parametrize("said, columns", [
    ("那法人或其他组织呢？", {"commercial", "research", "social_org", "legal_service", "other_org"}),
    ("不是个人提的呢？", {"commercial", "research", "social_org", "legal_service", "other_org"}),
])
def test_a_follow_up_naming_a_column_group_or_leaving_one_out_spreads_the_figure(catalog, said, columns):
    it = understand(said, turn("沭阳县2025年新收多少申请？"), catalog)
    assert {k.column for k in it.keys} == columns and {k.row for k in it.keys} == {"new_received"}


def test_asking_for_the_reports_own_words_adds_nothing_to_the_topic(catalog):
    it = understand("哪些单位的年报提到了政务开放活动？原话怎么说的？", [], catalog)
    assert "原话" not in it.topic and "政务开放活动" in it.topic


@pytest.mark.parametrize("typed, checks", [
    ("淮安市2024年报表里的合计对不上吗？", True), ("所有单位里谁的统计表数字自相矛盾？", True),
    ("淮安市2024年复议被纠错了几件？", False), ("沭阳县2025年答复有错误被复议的有几件", False),
])
def test_whether_the_figures_add_up_is_a_check_not_a_figure(catalog, typed, checks):
    assert (understand(typed, [], catalog).kind == "checks") is checks


@pytest.mark.parametrize("typed", ["沭阳县2025年比上一年的复议数如何变化？", "How did Huai'an's lawsuits change between 2023 and 2024?"])
def test_how_a_figure_changed_is_a_change_not_a_passage(catalog, typed):
    assert understand(typed, [], catalog).kind in ("change", "decline")  # 沭阳 2024 and 淮安 2023 are not held


@pytest.mark.parametrize("typed, row", [
    ("How many requests did Shuyang turn down in 2025 because the information doesn't exist?", "unable_not_held"),
    ("How many of Hongze's 2024 requests were still being processed at year end?", "carried_forward"),
])
def test_english_everyday_words_for_rows(catalog, typed, row):
    assert row in keys(understand(typed, [], catalog))[0]


def test_years_said_against_one_of_several_agencies_bind_to_it_alone(catalog):
    it = understand("淮安市、沭阳县和2013年的平潭县民政局，谁收到过公开申请？", [], catalog)
    assert it.kind == "precedent" and it.year_bound == "平潭县民政局" and it.years == [2013]
    it = understand("淮安市和洪泽区2024年谁收到过律师的申请？", [], catalog)
    assert it.year_bound is None and it.years == [2024]


def test_disclosed_said_plainly_in_a_later_part_is_the_granted_requests(catalog):
    q = "洪泽区2023年收到几件申请，给公开了几件？"
    parts = plan_parts(q, q, [], catalog)
    assert [keys(it) for _, it in parts] == [["new_received.total"], ["granted.total"]]
    assert not understand("淮安市2024年主动公开了多少条信息", [], catalog).keys  # active disclosure is no request count
    assert not understand("沭阳县2025年公开了多少条政策解读？", [], catalog).keys  # what was published


def test_two_questions_joined_by_a_conjunction_are_two_parts():
    assert split_parts("沭阳县2025年被起诉几次还有复议纠错率是多少") == ["沭阳县2025年被起诉几次", "复议纠错率是多少"]
    assert split_parts("培训和宣传还有哪些做法") == ["培训和宣传还有哪些做法"]


def test_a_part_summing_or_comparing_the_parts_before(catalog):
    q = "沭阳县2025年不予公开几件、无法提供几件、二者加在一起多少？"
    parts = plan_parts(q, q, [], catalog)
    assert len(parts) == 3 and {k.row for k in parts[2][1].keys} >= {"denied_state_secret", "unable_not_held"}
    q = "淮安市2024年被复议多少件，跟沭阳县2025年比谁多？"
    parts = plan_parts(q, q, [], catalog)
    assert parts[1][1].targets == [(HUAIAN, 2024), ("沭阳县人民政府", 2025)]


def test_a_counted_collective_and_a_level_of_one_agency_still_scope(catalog):
    it = understand("江苏的三家单位2024年哪家收到的申请最多？", [], catalog)
    assert it.kind == "ranking" and HUAIAN in it.scope and LUCHENG not in it.scope


def test_the_plan_shows_a_listings_bound_and_whose_years_they_are(catalog):
    from assistant.query import PlanPart

    it = understand("淮安市、沭阳县和2013年的平潭县民政局中，谁被复议过3件以上？", [], catalog)
    part = PlanPart.of("…", it)
    assert part.bound == ">= 3" and part.years_of == "平潭县民政局"


# ---- this session: rates, averages, follow-ups and declines as people say them -------------------------
def test_completion_rate_is_a_named_rate_over_two_cells(catalog):
    it = understand("沭阳县2025年依申请公开的结案率是多少", [], catalog)
    assert it.kind == "rate" and it.rate == "completion_rate"


def test_an_average_per_part_of_the_year_divides_the_figure_instead_of_declining(catalog):
    weekly = understand("沭阳县2025年平均每周收到几件申请", [], catalog)
    assert weekly.kind == "figure" and weekly.per == ("周", 52) and weekly.unsupported is None
    assert keys(weekly) == ["new_received.total"]
    assert understand("沭阳县2025年月均予以公开多少件", [], catalog).per == ("月", 12)
    which_month = understand("沭阳县2025年哪个月申请最多", [], catalog)
    assert which_month.kind == "decline" and which_month.per is None


def test_lost_suits_are_the_corrected_outcome_of_both_kinds_of_suit(catalog):
    it = understand("上海市政府办公厅2025年败诉几次", [], catalog)
    assert keys(it) == ["direct_suit_corrected", "post_review_suit_corrected"] and it.figure_word == "败诉"


def test_a_followup_setting_another_year_beside_the_first_compares_them(catalog):
    it = understand("和2022年相比呢", _turns("平潭管委会2024年主动公开了多少规范性文件"), catalog)
    assert it.years == [2022, 2024] and len(it.targets) == 2


def test_a_rate_carries_into_a_followup_that_asks_for_its_value(catalog):
    it = understand("再往前一年是多少", _turns("平潭管委会2024年的纠错率"), catalog)
    assert it.kind == "rate" and it.rate == "review_correction_rate" and it.years == [2023]


def test_reasons_of_a_summed_figure_are_its_rows(catalog):
    first = understand("洪泽区2024年无法提供的都有哪些原因", [], catalog)
    assert first.kind == "figure" and len(first.keys) == 3
    later = understand("理由有哪些", _turns("洪泽区2024年不予处理的有几件"), catalog)
    assert later.kind == "figure" and all(k.row.startswith("rejected_") for k in later.keys)


def test_two_short_years_listed_before_one_year_word(catalog):
    assert parse_years("淮安市23与24年")[0] == [2023, 2024]
    assert parse_years("洪泽区22、23两年")[0] == [2022, 2023]


def test_a_year_the_requests_drag_into_is_the_carried_forward_cell(catalog):
    it = understand("淮安市2024年被拖到2025年才办的申请有几件", [], catalog)
    assert keys(it) == ["carried_forward.total"] and it.years == [2024]


def test_years_counted_before_later_or_earlier_shift_the_conversation(catalog):
    assert understand("三年以后呢", _turns("平潭管委会2019年收到多少申请"), catalog).years == [2022]
    assert understand("两年前呢", _turns("平潭管委会2019年收到多少申请"), catalog).years == [2017]


def test_more_than_the_year_before_asks_the_change(catalog):
    it = understand("洪泽区2024年行政处罚决定比前一年多出几件", [], catalog)
    assert it.kind == "change" and it.years == [2024]


def test_a_channel_no_table_splits_declines_even_beside_a_named_figure(catalog):
    it = understand("上海科委2024年现场递交的申请中部分公开多少", [], catalog)
    assert it.kind == "decline" and it.unsupported


def test_a_verb_ending_like_an_office_is_no_unknown_agency(catalog):
    it = understand("有几件要留到下一年继续办", _turns("平潭管委会2022年收到多少申请"), catalog)
    assert it.unknown_agency is None and it.kind != "decline"


def test_the_previous_years_item_count_is_a_cell_not_a_year_shift(catalog):
    it = understand("那年行政处罚上一年有几项", _turns("平潭管委会2020年收到多少申请"), catalog)
    assert keys(it) == ["penalty_prev_items"] and it.years == [2020]


def test_a_column_asked_of_the_figure_before_keeps_its_row(catalog):
    it = understand("其中公司递交的有几件", _turns("洪泽区2024年予以公开的有多少"), catalog)
    assert keys(it) == ["granted.total"] and it.column == "commercial"


def test_english_plurals_and_past_tenses_reach_the_glossary(catalog):
    places = {"huaian": "淮安"}
    reviews = understand(normalize_question("How many administrative reconsiderations did Huaian face in 2024?",
                                            places).text, [], catalog)
    assert keys(reviews) == ["review_total"]
    lost = understand(normalize_question("How many lawsuits did Huaian lose in 2024?", places).text, [], catalog)
    assert keys(lost) == ["direct_suit_corrected", "post_review_suit_corrected"]


def test_a_thing_asked_by_name_is_the_texts_not_a_figures(catalog):
    assert understand("淮安市2024年对哪个项目的收费开了听证会", [], catalog).kind == "narrative"
    assert understand("淮安市2024年行政事业性收费金额是多少", [], catalog).kind == "figure"


def test_requests_asking_about_a_topic_are_a_split_no_table_makes(catalog):
    it = understand("沭阳县2025年的申请里，查房产登记的有几件", [], catalog)
    assert it.kind == "decline" and it.unsupported == "房产登记"


def test_a_rate_no_cells_make_is_read_from_the_text_not_answered_with_a_count(catalog):
    it = understand("淮安市2024年群众对答复的满意率是多少", [], catalog)
    assert it.kind == "narrative" and not it.keys
    assert understand("淮安市2024年的纠错率是多少", [], catalog).kind == "rate"


def test_a_channel_said_after_the_requests_is_a_split_no_table_makes(catalog):
    it = understand("上海科委2024年有几件申请是用传真方式提交的", [], catalog)
    assert it.kind == "decline" and it.unsupported == "传真"


def test_who_brought_a_case_is_a_person_the_reports_do_not_name(catalog):
    assert understand("淮安市2024年是谁提起的行政复议", [], catalog).reason == "person"
    assert understand("淮安市2024年谁起诉了市政府的诉讼", [], catalog).reason == "person"
    assert understand("沭阳县2025年收的检索复制费是由谁缴纳的", [], catalog).reason == "person"


@pytest.mark.parametrize("question, unsupported", [
    ("In which month did Hongze get the most requests in 2024?", "哪个月"),
    ("How much money did Hongze spend on information disclosure in 2024?", "经费"),
])
def test_english_parts_of_a_year_and_spending_decline(catalog, question, unsupported):
    it = understand(normalize_question(question, {"hongze": "洪泽"}).text, [], catalog)
    assert it.kind == "decline" and it.unsupported == unsupported


@pytest.mark.parametrize("question, rows, column", [
    ("淮安市2024年没法提供的有几件", ["unable_not_held", "unable_needs_creation", "unable_unclear"], "total"),
    ("淮安市2024年因为找不到信息答复不了的有几件", ["unable_not_held"], "total"),
    ("上海科委2024年因为涉及商业秘密没公开的有几件", ["denied_third_party"], "total"),
    ("沭阳县2025年经过行政复议后又起诉的有几起", ["post_review_suit_total"], None),
    ("平潭管委会2020年法人或其他组织当中其他那一类申请有几件", ["new_received"], "other_org"),
])
def test_everyday_words_for_rows_and_columns(catalog, question, rows, column):
    it = understand(question, [], catalog)
    assert [k.row for k in it.keys] == rows
    assert (it.column or (it.keys[0].column if it.keys else None)) == column


def test_the_column_other_under_its_group_is_that_column(catalog):
    """法人或其他组织中算在“其他”这一栏的: the normal form says the column 其他 as 其他组织, inside its own group's name."""
    q = normalize_question("淮安市2024年收到的申请里，法人或其他组织中算在“其他”这一栏的有几个？").text
    it = understand(q, [], catalog)
    assert [k.row for k in it.keys] == ["new_received"] and (it.column or it.keys[0].column) == "other_org"
    it = understand("淮安市2024年收到的申请里，法人或其他组织一共几个？", [], catalog)
    assert it.column != "other_org"  # the group itself is not its last column
    it = understand("沭阳县2025年新收申请里，法人或其他组织当中“科研机构”那一栏有几件？", [], catalog)
    assert (it.column or it.keys[0].column) == "research"  # any column the group heads, said inside it


@pytest.mark.parametrize("question, counted_in, asked", [
    ("沭阳县2025年要是把本机关不掌握的也算作不予公开，那不予公开一共多少件", {"unable_not_held"},
     {"denied_state_secret", "denied_third_party", "denied_process_info"}),
    ("把部分公开也当作公开的话，淮安市2024年公开了几件", {"partially_granted"}, {"granted"}),
])
def test_a_figure_counted_in_with_another_is_summed_with_it(catalog, question, counted_in, asked):
    """把A也算作B: a what-if that counts A with the figure asked (B, or another figure the question names), summed."""
    it = understand(question, [], catalog)
    rows = {k.row for k in it.keys}
    assert counted_in <= rows and asked <= rows and it.kind == "figure"


def test_a_figure_word_after_a_turn_that_asked_none_reads_the_last_figure_asked(catalog):
    """A doubt or a passage question between two figure turns asks no figure: the bare outcome after it is the
    outcome of the group asked before it, not a passage search for “结果纠正”."""
    history = _turns("沭阳县2025年行政诉讼结果纠正了几件？", "你是不是看成别的格子了")
    it = understand("“结果纠正”那一格到底多少", history, catalog)
    assert it.kind == "figure" and it.keys and all(k.table == "review_litigation" and k.row.endswith("_corrected")
                                                  and "suit" in k.row for k in it.keys)
    it = understand("培训了几次？", _turns("洪泽区2023年收到多少申请？", "怎么培训工作人员的？"), catalog)
    assert it.kind == "narrative"  # the passage asked just before is still what a count without a figure word asks


def test_carried_into_next_year_is_the_figures_own_words_not_a_shift(catalog):
    history = _turns("沭阳县2025年收到多少申请？")
    it = understand("年底没处理完、压到下一年再办的（结转下年度）有几件？", history, catalog)
    assert it.years == [2025] and [k.row for k in it.keys] == ["carried_forward"]
    assert understand("那到下一年呢？", _turns("平潭管委会2021年新收申请多少件？"), catalog).years == [2022]
    it = understand("还有挪到下一年（结转下年度）的几件？", history, catalog)  # glossed in brackets right after
    assert it.years == [2025] and [k.row for k in it.keys] == ["carried_forward"]


def test_a_word_said_as_a_verb_is_no_subject_of_the_followup(catalog):
    """当中法律服务机构贡献了几件: 贡献 (a noun in the dictionary) is said as a verb before 了; the turn asks the figure
    before, of that column, not a passage about contributions."""
    it = understand("当中法律服务机构贡献了几件？", _turns("沭阳县2025年予以公开多少件？"), catalog)
    assert it.kind == "figure" and [k.row for k in it.keys] == ["granted"]
    assert (it.column or it.keys[0].column) == "legal_service"


def test_what_was_published_is_asked_of_the_text_not_the_requests_granted(catalog):
    it = understand(normalize_question("淮安市2024年推进重点领域信息公开，都公开了哪些信息？").text, [], catalog)
    assert it.kind == "narrative" and not it.keys


def test_the_noun_a_clause_describes_is_what_is_counted(catalog):
    """负责办理这些申请的工作人员有多少位: the staff are counted, not the requests handled (办理 is the clause's verb)."""
    it = understand("淮安市2024年负责办理这些申请的工作人员有多少位？", [], catalog)
    assert not it.keys
    assert [k.row for k in understand("淮安市2024年办理的申请有多少？", [], catalog).keys] == ["results_total"]


def test_a_clause_asking_only_a_unit_asks_the_amount_before_it(catalog):
    q = "沭阳县2025年信息公开这块花了多少预算，折算成多少元？"
    parts = plan_parts(q, normalize(normalize_question(q).text), [], catalog)
    assert len(parts) == 1 and parts[0][1].kind == "decline"
    q = "沭阳县2025年收到多少申请，行政事业性收费是多少万元？"
    assert len(plan_parts(q, normalize(normalize_question(q).text), [], catalog)) == 2  # a figure of its own


def test_the_askers_own_words_for_the_figure_before_and_its_column_are_no_subject(catalog):
    """这些单子里，挂在“商业企业”名下的: 单子 is the asker's word for the figure before, 名下 for the quoted column."""
    it = understand("这些单子里，挂在“商业企业”名下的有几单？", _turns("沭阳县2025年不予公开多少件？"), catalog)
    assert it.kind == "figure" and {k.row for k in it.keys} >= {"denied_third_party"}
    assert (it.column or it.keys[0].column) == "commercial"


def test_who_came_out_to_present_is_no_payer_asked(catalog):
    """谁出来介绍: who presented (a post a report may state), not 谁出的钱 (a payer no report names)."""
    assert understand("淮安市2024年的重点政策是谁出来介绍的？", [], catalog).reason != "person"
    assert understand("沭阳县2025年那380元处理费是谁出的钱？", [], catalog).reason == "person"


def test_what_was_added_asks_the_text_not_a_figures_change(catalog):
    it = understand("淮安市2024年的门户网站跟以前比多了什么栏目？", [], catalog)
    assert it.kind == "narrative" and it.reason is None
    assert understand("洪泽区2024年比上年多了多少申请？", [], catalog).kind == "change"


def test_a_name_right_after_a_quoted_figure_is_the_askers_label_for_it(catalog):
    it = understand("途经“不予公开”服务区，因为第三方的有几件？", _turns("沭阳县2025年不予公开多少件？"), catalog)
    assert it.unknown_agency is None and it.agencies == ["沭阳县人民政府"] and [k.row for k in it.keys] == ["denied_third_party"]


def test_a_followup_counting_a_thing_of_its_own_does_not_take_the_figure_before(catalog):
    for q in ("还有那边办这个的有几个工作人员？", "办理这些的有多少名工作人员？"):
        it = understand(q, _turns("沭阳县2025年新收多少申请？"), catalog)
        assert not it.keys and it.agencies == ["沭阳县人民政府"]
    it = understand("其中几个是律所？", _turns("沭阳县2025年新收多少申请？"), catalog)  # the column, counted as before
    assert [k.row for k in it.keys] == ["new_received"] and (it.column or it.keys[0].column) == "legal_service"


def test_a_span_counted_back_from_now(catalog):
    it = understand("洪泽区三年来一共收到多少申请", [], catalog)
    assert it.span == 3 and it.kind == "sum"


def test_a_third_party_hired_to_help_is_no_denial(catalog):
    it = understand("哪些单位委托了第三方来评估政务公开工作", [], catalog)
    assert not any(k.row == "denied_third_party" for k in it.keys)


def test_a_quoted_programme_naming_a_place_is_no_agency(catalog):
    it = understand("哪些单位在报告里提到过“问政平潭”栏目", [], catalog)
    assert not it.agencies and it.kind in ("precedent", "narrative")


def test_english_suits_after_review_with_another_outcome(catalog):
    q = normalize_question("Hongze 2024: lawsuits filed after a reconsideration that had another outcome?",
                           {"hongze": "洪泽"}).text
    assert keys(understand(q, [], catalog)) == ["post_review_suit_other"]


def test_a_clause_ending_in_a_question_mark_asks_on_its_own():
    assert split_parts("洪泽区2024年收到多少申请?复议纠正几件?申请人的职业?") == [
        "洪泽区2024年收到多少申请", "复议纠正几件", "申请人的职业"]


def test_a_year_set_beside_a_figure_not_held_is_declined_alone(catalog):
    parts = plan_parts("上海科委2024年的公开率有多高，跟2022年比怎么样", "上海科委2024年的公开率有多高,跟2022年比怎么样", [],
                       catalog)
    assert [it.kind for _, it in parts] == ["rate", "decline"] and parts[1][1].reason == "year_not_held"


def test_a_clause_that_goes_on_with_the_question_before_is_no_part_of_its_own():
    assert len(split_parts("淮安市2024年有几件申请,政府说涉及过程性信息,所以不给?")) == 1


@pytest.mark.parametrize("question", ["已收录了哪些单位的报告", "江苏有几个单位", "浙江的单位有哪些", "一共有多少份年报",
                                      "2019年的报告有哪些"])
def test_what_the_corpus_holds_is_a_catalogue_listing(catalog, question):
    assert understand(question, [], catalog).kind == "catalogue"


@pytest.mark.parametrize("question", ["江苏的单位有哪些被复议过", "平潭的单位有哪些开展了培训", "浙江的单位2022年收到多少申请"])
def test_a_question_about_the_agencies_is_no_catalogue(catalog, question):
    assert understand(question, [], catalog).kind != "catalogue"


def test_a_share_said_per_ten_or_per_hundred(catalog):
    it = understand("淮安市2024年的申请人，每100个里有多少个是律师", [], catalog)
    assert it.kind == "rate" and it.per_n == 100 and it.column == "legal_service"
    assert understand("淮安市2024年前10个月收到几件申请", [], catalog).per_n is None


@pytest.mark.parametrize("question", ["淮安市2024年前10个月收到几件申请", "淮安市2024年11月被复议了几次",
                                      "洪泽区2024年5月份予以公开多少件"])
def test_months_of_a_year_are_a_split_no_table_makes(catalog, question):
    it = understand(question, [], catalog)
    assert it.kind == "decline" and it.unsupported


def test_a_weak_count_word_said_of_a_thing_no_table_counts_reads_the_text(catalog):
    assert understand("淮安市2024年市长热线收到多少件", [], catalog).kind == "narrative"
    assert understand("淮安市2024年收到多少件申请", [], catalog).kind == "figure"


def test_a_domain_term_glued_before_an_agency_is_no_part_of_its_name(catalog):
    it = understand("多少新闻发布会平潭公安局2019年", [], catalog)
    assert it.agencies == ["平潭综合实验区公安局"] and it.unknown_agency is None


@pytest.mark.parametrize("question, kind", [
    ("In which year did Pingtan zone get the most requests?", "comparison"),
    ("Total number of lawsuits against all agencies in 2024?", "sum"),
    ("Which agencies have figures that don't add up?", "checks"),
])
def test_english_years_scopes_and_checks(catalog, question, kind):
    assert understand(normalize_question(question, {"pingtan": "平潭"}).text, [], catalog).kind == kind


def test_a_row_said_beside_the_group_holding_it_is_counted_once(catalog):
    it = understand("淮安市2024年的申请中，因为本机关没有掌握而答复不了的占办结的比例", [], catalog)
    assert it.kind == "rate" and [k.row for k in it.rate_spec.numerator] == ["unable_not_held"]
    other = understand("鹿城区2022年法人里头其他类组织提交的申请有几件", [], catalog)
    assert other.column == "other_org"


def test_another_measure_of_the_active_item_asked_before(catalog):
    it = understand("那本年增减呢", _turns("平潭管委会2020年行政处罚上一年有几项"), catalog)
    assert keys(it) == ["penalty_change"] and it.years == [2020]


@pytest.mark.parametrize("question, row", [
    ("鹿城区2022年作废的规范性文件有几件", "normative_repealed"),
    ("鹿城区2022年公司来申请、全部给公开了的有几件", "granted"),
])
def test_more_everyday_words_for_cells(catalog, question, row):
    assert [k.row for k in understand(normalize_question(question).text, [], catalog).keys] == [row]


def test_where_applicants_live_or_work_is_not_recorded_but_their_types_are(catalog):
    assert understand("海坛片区2024年的申请人都是哪个村的", [], catalog).reason == "person"
    assert understand("鹿城区2022年的申请人是什么类型的", [], catalog).kind == "breakdown"


def test_those_few_requests_is_no_question_of_its_own():
    assert len(split_parts("海坛片区2024年那几件申请,申请人都住哪个村?")) == 1


def test_the_catalogue_is_never_a_bare_how_many(catalog):
    q = normalize_question("How many followers did the Pingtan agriculture bureau's WeChat account have in 2020?",
                           {"pingtan": "平潭"}).text
    assert understand(q, [], catalog).kind != "catalogue"


def test_both_figures_of_the_last_two_turns_summed(catalog):
    it = understand("这两项加起来一共多少", _turns("沭阳县2025年不予公开几件", "无法提供呢"), catalog)
    rows = [k.row for k in it.keys]
    assert it.kind == "figure" and rows[0].startswith("denied_") and rows[-1].startswith("unable_")


def test_which_kind_of_applicant_is_the_applicant_breakdown(catalog):
    it = understand("沭阳县2025年哪类申请人最多", [], catalog)
    assert it.kind == "breakdown" and it.breakdown == "applicant"
    assert understand("哪类单位收到的申请最多", [], catalog).kind == "ranking"


def test_pieces_of_information_published_are_counted_by_the_text(catalog):
    it = understand("沭阳县2025年公开了多少条政府采购方面的信息", [], catalog)
    assert it.kind == "narrative" and it.textual and not it.keys
    assert understand("沭阳县2025年政府集中采购项目有几个", [], catalog).keys


@pytest.mark.parametrize("question", [
    "洪泽区2024年申请人里有多少是退休老人",
    "沭阳县2025年哪个科室收到的申请最多",
    "淮安市2024年各街道分别有多少件复议",
    "平潭管委会2024年被起诉赔了多少钱",
    "上海科委2024年有没有外籍人士申请",
])
def test_splits_and_sums_no_table_makes_decline(catalog, question):
    it = understand(question, [], catalog)
    assert it.kind == "decline" and it.unsupported


def test_amounts_the_tables_print_are_still_answered(catalog):
    assert understand("平潭管委会2021年行政事业性收费收了多少万元", [], catalog).kind == "figure"


def test_requests_not_given_are_the_withheld_rows(catalog):
    it = understand("上海科委2024年的申请到头来没给的有几件", [], catalog)
    assert it.keys and all(k.row.startswith("denied_") for k in it.keys)


@pytest.mark.parametrize("question", ["淮安市2024年的申请有几件是通过信函寄来的", "沭阳县2025年申请里有多少是用电子邮件提出的"])
def test_a_channel_of_submission_is_no_split_of_the_tables(catalog, question):
    it = understand(question, [], catalog)
    assert it.kind == "decline" and it.reason == "unsupported_figure"


def test_a_change_after_two_turns_of_two_years_is_between_them(catalog):
    history = _turns("平潭管委会2025年收到几件申请", "2023年的呢")
    it = understand("这中间增加了多少", history, catalog)
    assert it.kind == "change" and sorted(y for _, y in it.targets) == [2023, 2025]
    it = understand("比上一年增加了多少", history, catalog)  # the year before the last turn's, said
    assert sorted(y for _, y in it.targets) == [2022, 2023]


def test_one_group_of_applicants_set_beside_another_in_one_report(catalog):
    it = understand("沭阳县2025年来申请的人当中，法人或其他组织少还是自然人少", [], catalog)
    assert it.kind == "comparison" and [w for w, _ in it.sides] == ["法人或其他组织", "自然人"]
    assert len(it.sides[0][1]) == 5 and [k.column for k in it.sides[1][1]] == ["natural_person"]


@pytest.mark.parametrize("question, declined", [
    ("洪泽区2024年信息公开工作的经费有多少", True),
    ("淮安市2024年依申请公开平均要几天", True),
    ("平潭的单位里哪几家公开了部门预算", False),  # what was disclosed, a topic of the text
    ("哪些报告里提到过晒出三公经费", False),
])
def test_money_of_the_work_is_declined_but_a_disclosed_budget_is_searched(catalog, question, declined):
    it = understand(question, [], catalog)
    assert (it.kind == "decline") is declined, it.kind


def test_a_kind_of_agency_said_before_a_topic_names_no_agency(catalog):
    it = understand("哪些单位的年报里说到了财政资金", [], catalog)
    assert it.kind == "precedent" and "平潭县财政局" not in it.agencies
    assert understand("平潭财政局2009年主动公开了几条信息", [], catalog).agencies == ["平潭县财政局"]


def test_years_before_a_year_are_the_held_ones_before_it(catalog):
    it = understand("2013年之前哪些单位提到过保密审查", [], catalog)
    assert it.kind == "precedent" and it.years and max(it.years) == 2012 and "之前" not in it.topic
    it = understand("平潭管委会2013年及以前每年收到几件申请", [], catalog)
    assert [y for _, y in it.targets] == [2011, 2012, 2013] and not it.missing_years
    it = understand("上海科委2020年以来收到几件申请", [], catalog)  # only 2024 held: that one, not a decline
    assert it.kind != "decline" and [y for _, y in it.targets] == [2024]


def test_which_reports_mention_a_thing_is_a_listing(catalog):
    it = understand("2015年以前的年报当中哪几份提到了保密审查", [], catalog)
    assert it.kind == "precedent" and not it.agencies


def test_a_share_of_what_it_names_carries_into_the_next_year(catalog):
    history = _turns("平潭管委会2024年本机关不掌握的有几件", "占办结的多少")
    it = understand("占办结的多少", history[:2], catalog)
    assert it.kind == "rate" and it.rate_spec is not None
    it = understand("那2023年的这个比例呢", history, catalog)
    assert it.kind == "rate" and it.rate_spec is not None and it.years == [2023]


@pytest.mark.parametrize("question, row", [
    ("沭阳县2025年补正了以后仍然不明确的申请有几件", "unable_unclear"),
    ("沭阳县2025年从上一年拖过来的申请有多少", "carried_over"),
])
def test_rows_in_everyday_words(catalog, question, row):
    assert [k.row for k in understand(question, [], catalog).keys] == [row]


def test_a_verb_after_a_conjunction_is_no_agency(catalog):
    history = _turns("沭阳县2025年收到多少申请")
    it = understand("上一年拖过来、接着办的有几件", history, catalog)
    assert it.agencies == ["沭阳县人民政府"] and not it.unknown_agency


def test_a_rise_said_as_its_size_is_a_change(catalog):
    it = understand("平潭管委会2023年申请量的涨幅有多大", [], catalog)
    assert it.kind == "change"


def test_a_range_of_years_is_not_one_year_per_agency(catalog):
    it = understand("鹿城、洪泽和平潭管委会2019到2021年这几份报告里哪几份有复议", [], catalog)
    assert not it.pairs and it.kind == "precedent"


def test_which_reports_wrote_a_thing_after_a_comma_is_a_listing(catalog):
    it = understand("2015年以前的那些年报里，哪几份写过保密审查", [], catalog)
    assert it.kind == "precedent"


@pytest.mark.parametrize("question, years", [
    ("在按2019年版统计表写的报告中，哪些单位有行政强制", [2019, 2020]),
    ("采用2021版模板的年报当中，哪几家收到的申请超过100件", [y for y in range(2021, 2026)]),
])
def test_a_template_said_is_the_years_it_was_printed_in(catalog, question, years):
    it = understand(question, [], catalog)
    assert it.kind == "precedent" and it.years == years


def test_the_bureaus_of_a_place_are_a_scope_without_its_government(catalog):
    it = understand("平潭县各局哪几家被复议过", [], catalog)
    assert it.kind == "precedent" and it.scope and all(a.endswith("局") for a in it.scope)


@pytest.mark.parametrize("question, outcome", [("平潭管委会2023年打官司输了几场", "corrected"), ("平潭管委会2023年官司打赢了几件", "upheld")])
def test_suits_won_or_lost_in_everyday_words(catalog, question, outcome):
    assert {k.row.rsplit("_", 1)[1] for k in understand(question, [], catalog).keys} == {outcome}


def test_turned_down_requests_are_the_withheld_rows_and_timeliness_is_not_counted(catalog):
    it = understand("洪泽区2024年的公开申请有多少被驳回", [], catalog)
    assert it.keys and all(k.row.startswith("denied_") for k in it.keys)
    assert understand("沭阳县2025年答复申请有没有超过期限的", [], catalog).kind == "decline"


def test_a_year_declined_is_no_context_for_the_next_question(catalog):
    history = _turns("沭阳县2025年不予公开了几件", "那2020年的呢")
    it = understand("他们是怎么做政策解读的", history, catalog)
    assert it.kind != "decline" and [y for _, y in it.targets] == [2025]


@pytest.mark.parametrize("question, reason", [
    ("沭阳县2025年的复议是在哪个复议机关办的", "case_detail"),
    ("沭阳县2025年的申请人大多来自哪个城市", "person"),
    ("平潭管委会2024年的申请中有几件是关于征地的", "unsupported_figure"),
    ("平潭管委会2024年有多少申请是本地人提的", "unsupported_figure"),
])
def test_what_no_table_splits_or_records_is_declined(catalog, question, reason):
    it = understand(question, [], catalog)
    assert it.kind == "decline" and it.reason == reason


def test_follow_ups_keep_the_column_and_set_the_two_turns_side_by_side(catalog):
    history = _turns("平潭管委会2025年收到多少申请", "其中法律服务机构的呢")
    assert understand("那再早一年呢", history, catalog).column == "legal_service"
    assert understand("那再早一年的总数呢", history, catalog).column is None
    two = _turns("平潭管委会2022年复议纠错率", "2023年呢")
    it = understand("哪一年更高", two, catalog)
    assert it.kind == "comparison" and it.rate and sorted(y for _, y in it.targets) == [2022, 2023]
    it = understand("两年加起来一共几件", _turns("平潭管委会2022年部分公开几件", "2023年呢"), catalog)
    assert it.kind == "sum" and sorted(y for _, y in it.targets) == [2022, 2023]


def test_a_year_set_against_the_one_asked_before(catalog):
    it = understand("比2019年少了多少", _turns("平潭管委会2025年收到多少申请"), catalog)
    assert it.kind == "change" and sorted(y for _, y in it.targets) == [2019, 2025]


def test_the_outcomes_of_the_requests_asked_before(catalog):
    it = understand("办理结果如何", _turns("沭阳县2025年收到多少申请"), catalog)
    assert it.kind == "breakdown" and it.breakdown == "outcome"


def test_how_many_applicants_were_a_type_is_the_requests_received(catalog):
    q = "平潭管委会2025年收到几件申请，予以公开几件，有几个人是企业"
    parts = plan_parts(q, q, [], catalog)
    assert [k.row for k in parts[-1][1].keys] == ["new_received"] and parts[-1][1].column == "commercial"


def test_the_reasons_of_a_sum_asked_as_a_part(catalog):
    q = "平潭管委会2025年不予公开几件？原因呢？"
    parts = plan_parts(q, q, [], catalog)
    assert len(parts[-1][1].keys) == 8 and parts[-1][1].kind == "figure"


def test_requests_that_were_disclosed_are_granted_in_full_or_in_part(catalog):
    it = understand("沭阳县2025年得到公开的申请每100件里有多少", [], catalog)
    assert {k.row for k in it.keys} == {"granted", "partially_granted"} and it.per_n == 100


def test_years_right_after_the_last_agency_that_the_others_do_not_hold_are_its_own(catalog):
    it = understand("沭阳县和平潭管委会2019至2021年的报告里，哪些被起诉过", [], catalog)
    assert it.kind == "precedent" and it.year_bound == "平潭综合实验区管委会"
    it = understand("淮安市和洪泽区2024年谁被起诉得多", [], catalog)  # both hold 2024: said of both
    assert it.year_bound is None


def test_two_turns_of_two_agencies_in_one_year_are_summed_or_compared(catalog):
    history = _turns("淮安市2024年被复议了几件", "那洪泽区呢")
    it = understand("两家加起来一共多少", history, catalog)
    assert it.kind == "sum" and sorted(a for a, _ in it.targets) == ["淮安市人民政府", "淮安市洪泽区人民政府"]
    assert understand("谁多", history, catalog).kind == "comparison"


def test_a_contact_persons_name_is_not_recorded(catalog):
    assert understand("沭阳县2025年的政务公开联系人叫什么", [], catalog).kind == "decline"


def test_told_is_not_a_defendant(catalog):
    it = understand("沭阳县2025年有多少申请被告知本机关不掌握", [], catalog)
    assert [k.row for k in it.keys] == ["unable_not_held"]


def test_each_of_two_applicant_types_gets_its_own_share(catalog):
    q = "平潭管委会2025年的申请里，自然人和企业各自占了多少比例"
    parts = plan_parts(q, q, [], catalog)
    assert [it.column for _, it in parts] == ["natural_person", "commercial"]
    assert all(it.rate == "share" and len(it.rate_spec.numerator) == 1 for _, it in parts)
    q = "平潭管委会2025年的申请里，自然人和企业合起来占多少"
    assert len(plan_parts(q, q, [], catalog)) == 1


def test_another_agency_after_a_question_read_by_its_passages_asks_the_same(catalog):
    history = _turns("沭阳县2025年是怎么做政策解读的")
    it = understand("那平潭管委会呢", history, catalog)
    assert it.kind == "narrative" and it.asked == "沭阳县2025年是怎么做政策解读的" and it.topic
    it = understand("那洪泽区呢", history, catalog)  # 2025 not held by 洪泽: its newest, said so, not a decline
    assert it.kind == "narrative" and it.targets == [("淮安市洪泽区人民政府", 2024)] and it.year_word == "最新"
    assert understand("那洪泽区2025年呢", history, catalog).kind == "decline"  # a year said is a year asked


def test_a_share_of_an_outcome_is_labelled_by_the_outcome(catalog):
    it = understand("占比多少", _turns("平潭管委会2024年行政复议几件", "维持了几件"), catalog)
    assert it.rate_spec is not None and "维持" in it.rate_spec.label


def test_what_is_said_around_a_question_is_not_part_of_it(catalog):
    it = understand("看看术阳县2025年的行政复议有几件？多谢！", [], catalog)  # not an unknown agency 看看术阳县
    assert it.agencies == ["沭阳县人民政府"] and keys(it) == ["review_total"]
    history = _turns("洪泽区2024年因为信访不予处理的有几件")
    it = understand("帮我查查，上一年呢？谢谢！", history, catalog)  # the follow-up's 呢 before the thanks
    assert it.kind == "figure" and keys(it) == ["rejected_petition.total"] and it.years == [2023]


def test_spaces_typed_between_parts_part_them(catalog):
    q = "洪泽区2024年 收了多少申请 其中部分公开多少 复议几件"
    norm = normalize(normalize_question(q).text)
    assert norm.count(",") == 3
    parts = plan_parts(q, norm, [], catalog)
    assert [keys(it) for _, it in parts] == [["new_received.total"], ["partially_granted.total"], ["review_total"]]


def test_keywords_typed_as_in_a_search_box_are_each_asked(catalog):
    """No question word at all, figure words parted by spaces: a list of what is asked, each its own figure."""
    def asked(q: str) -> list[str]:
        return [k for _, it in plan_parts(q, normalize(normalize_question(q).text), [], catalog) for k in keys(it)]

    found = asked("沭阳县 2025 不予处理 部分公开 行政诉讼")
    assert {"rejected_duplicate.total", "partially_granted.total"} <= set(found)
    assert any(k.startswith("direct_suit") for k in found)
    assert asked("沭阳县2025年 复议 被纠正 几个") == ["review_corrected"]  # asked: the spaces part one figure's words


def test_why_a_kind_of_decision_was_made_is_answered_by_its_grounds_rows(catalog):
    """The rows under 不予公开 / 无法提供 / 不予处理 are the grounds the decisions were made on: asked why, they answer;
    why a figure rose is no row's, and stays a question about the text."""
    for q in ("上海科委2024年为什么有申请不予公开？", "沭阳县 2025 不予处理 原因", "沭阳县2025年为啥会无法提供"):
        it = understand(q, [], catalog)
        assert it.kind == "figure" and len(it.keys) > 1, q
    assert understand("洪泽区2024年不予公开为什么比2023年多？", [], catalog).kind != "figure"
    assert understand("洪泽区2024年为什么收到这么多申请？", [], catalog).kind != "figure"


def test_received_said_without_an_object_counts_requests(catalog):
    assert keys(understand("淮安市2024年一共接到多少个", [], catalog)) == ["new_received.total"]
    assert keys(understand("淮安市2024年收了多少信息处理费", [], catalog)) != ["new_received.total"]


def test_a_year_shift_said_without_a_count_is_one_year(catalog):
    history = _turns("淮安市洪泽区2024年部分公开几件")
    for said, year in (("前面那年呢", 2023), ("倒回去一年看看", 2023), ("往回推一年", 2023)):
        assert understand(said, history, catalog).years == [year], said
    history = _turns("How many requests were partially granted by Hongze in 2023?")
    assert understand("What about a year later?", history, catalog).years == [2024]
    assert keys(understand("上年结转多少", history, catalog)) == ["carried_over.total"]  # 上年 is no shift here


def test_a_romanised_place_inside_a_chinese_question(catalog):
    it = understand("Shuyang 2025年的复议有几件", [], catalog)
    assert it.agencies == ["沭阳县人民政府"] and keys(it) == ["review_total"]


def test_a_row_said_under_its_group(catalog):
    assert keys(understand("沭阳县2025年不予公开里的属于行政查询事项几件", [], catalog)) == ["denied_admin_query.total"]
    assert keys(understand("沭阳县2025年其他处理中的其他有几件", [], catalog)) == ["other_misc.total"]
    assert keys(understand("沭阳县2025年目前仍在施行的规范性文件有多少", [], catalog)) == ["normative_in_force"]


def test_what_the_people_who_applied_are_is_not_recorded(catalog):
    assert understand("淮安市2024年来申请公开的人当中，大学生有多少", [], catalog).kind == "decline"
    assert understand("沭阳县2025年的申请人一般家住哪里", [], catalog).kind == "decline"
    assert understand("Who was the head of the Huai'an disclosure office in 2024?", [], catalog).kind == "decline"
    it = understand("淮安市2024年来申请公开的人当中，律师有多少", [], catalog)  # a type the table counts
    assert it.kind == "figure" and it.column == "legal_service"


def test_a_scopes_members_said_in_brackets_are_no_agency(catalog):
    it = understand("2024年平潭那些单位里（管委会、公安局、片区），哪些收到过企业的申请", [], catalog)
    assert it.agencies == [] and SYQ in it.scope and len(it.scope) > 3 and it.kind == "precedent"


@pytest.mark.parametrize("typed, agency", [
    ("上海市政负办公厅", BGT), ("上海市人民政府版公厅", BGT), ("平潭总合实验区", SYQ), ("淮安市人民正府", HUAIAN),
    ("平潭综合实验区海坛片区管里局", "平潭综合实验区海坛片区管理局"),
])
def test_a_slip_in_a_generic_character_of_a_long_name(catalog, typed, agency):
    it = understand(f"{typed}收到多少申请", [], catalog)  # an input method's homophone of 政府, 办公, 综合, 管理
    assert it.agencies == [agency]


def test_a_distinctive_character_no_name_sounds_like_is_still_no_slip(catalog):
    assert understand("上海市教委2024年收到多少申请", [], catalog).kind == "decline"  # 教委 is no 科委


def test_a_number_the_asker_states_is_checked_not_searched(catalog):
    it = understand("沭阳县2025年的行政复议是不是有20件？", [], catalog)
    assert it.kind == "figure" and it.claim == ("=", 20.0) and keys(it) == ["review_total"]
    it = understand("上海市政府办公厅2025年收到的申请有没有超过一千件", [], catalog)
    assert it.kind == "figure" and it.claim == (">", 1000.0)
    assert understand("沭阳县2025年10件申请里有几件被驳回", [], catalog).claim is None  # a share, per ten


def test_the_place_of_one_agency_in_a_ranking(catalog):
    it = understand("淮安市2024年被复议的数量在各单位中排名如何", [], catalog)
    assert it.kind == "ranking" and it.rank_of == HUAIAN and not it.scope


def test_a_count_said_before_its_verb_of_disclosure(catalog):
    it = understand("平潭管委会2024年每100件申请中有多少公开了", [], catalog)
    assert it.rate == "share" and [k.row for k in it.rate_spec.numerator] == ["granted"]


def test_agencies_typed_with_spaces_between_them_are_a_list(catalog):
    q = "淮安市 沭阳县 平潭管委会里面 谁被复议过"
    norm = normalize(normalize_question(q, names=tuple(catalog.places())).text)
    assert norm.startswith("淮安市、沭阳县、平潭管委会里面")
    it = understand(q, [], catalog)
    assert it.kind == "precedent" and len(it.agencies) == 3


def test_requests_from_a_type_of_applicant(catalog):
    it = understand("淮安市2024年来自律师事务所的申请有几件", [], catalog)
    assert keys(it) == ["new_received.total"] and it.column == "legal_service"
    it = understand("How many of Huai'an's 2024 requests were submitted by research institutes?", [], catalog)
    assert keys(it) == ["new_received.total"] and it.column == "research"
    assert keys(understand("How many requests did Huai'an turn down in 2024?", [], catalog))[0].startswith("denied_")


def test_a_rate_no_table_makes_is_never_a_count(catalog):
    it = understand("沭阳县2025年提申请的人的满意率", [], catalog)  # said as a bare noun phrase, no 是多少
    assert not it.keys


def test_english_words_for_the_reports_media(catalog):
    assert not understand("How many new media accounts did Shuyang close in 2025?", [], catalog).keys  # not 新收
    it = understand("What does Huai'an's 2024 report say about its government website?", [], catalog)
    assert it.agencies == [HUAIAN] and "网站" in it.question and not it.keys


def test_a_rate_of_every_agency_and_a_small_scope_compared(catalog):
    it = understand("2025年所有单位的复议纠错率", [], catalog)
    assert it.kind == "precedent" and it.rate and not it.agencies  # each report's rate, listed
    it = understand("上海的两家单位收到的申请比较一下", [], catalog)
    assert it.kind == "comparison" and set(it.agencies) == {BGT, KEWEI}


def test_the_former_or_the_latter_of_two_agencies(catalog):
    history = _turns("上海科委和沭阳县分别收到多少申请")
    assert understand("后者的复议呢", history, catalog).agencies == ["沭阳县人民政府"]
    assert understand("那前者呢", history, catalog).agencies == [KEWEI]


def test_compared_with_last_year_is_a_change_not_last_years_figure(catalog):
    it = understand("平潭管委会2025年的行政复议比去年多吗", [], catalog)
    assert it.kind == "change" and it.years == [2025]


def test_a_number_said_roughly_is_checked_over_its_span(catalog):
    assert understand("沭阳县2025年被复议的是不是有六十多件", [], catalog).claim == ("+", 60.0)
    assert understand("我印象中沭阳县2025年复议大约50起，对吗", [], catalog).claim == ("~", 50.0)
    assert understand("沭阳县2025年复议是不是40件上下", [], catalog).claim == ("~", 40.0)


def test_so_many_years_of_an_agency_are_its_newest_reports(catalog):
    it = understand("平潭管委会三年的行政复议各是多少", [], catalog)
    assert it.span == 3 and it.targets == [(SYQ, 2023), (SYQ, 2024), (SYQ, 2025)]
    assert understand("平潭管委会第三年的行政复议", [], catalog).span is None  # an ordinal, not a span


def test_why_after_a_figure_asks_about_that_figure(catalog):
    it = understand("怎么会这么多？", _turns("沭阳县2025年的行政复议有多少"), catalog)
    assert it.kind == "narrative" and keys(it) == ["review_total"] and it.targets == [("沭阳县人民政府", 2025)]


def test_a_year_added_after_several_parts_is_each_parts_year(catalog):
    q = "平潭管委会复议几件，被起诉几次，21年的"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert len(parts) == 2 and all(it.targets == [(SYQ, 2021)] for _, it in parts)


def test_going_on_to_the_next_year_in_a_conversation(catalog):
    it = understand("接下来看下一年的", _turns("平潭管委会2022年部分公开几件"), catalog)
    assert it.kind == "figure" and keys(it) == ["partially_granted.total"] and it.targets == [(SYQ, 2023)]


def test_a_third_party_doing_the_work_is_no_denial_row_nor_a_table(catalog):
    it = understand("沭阳县2025年有没有让第三方对政务公开开展评估", [], catalog)
    assert it.kind == "narrative" and not it.keys
    assert understand("沭阳县2025年的第三张表", [], catalog).breakdown == "table"


def test_one_agencys_words_about_its_whole_area_are_no_sum(catalog):
    assert understand("沭阳县2025年有没有对全县的政务公开做考核", [], catalog).kind == "narrative"


def test_what_the_reports_mention_is_no_agency(catalog):
    it = understand("哪几份年报写到了档案局", [], catalog)
    assert it.kind == "precedent" and it.unknown_agency is None


def test_an_english_clause_about_the_prose_is_a_part_of_its_own(catalog):
    q = "Shuyang 2025: how many reviews were there, and what weakness did its team admit?"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert [it.kind for _, it in parts] == ["figure", "narrative"]
    assert "政务新媒体" in normalized("How are Shuyang's new-media accounts kept safe?", catalog)


def test_a_multiple_asked_of_two_years(catalog):
    it = understand("涨了多少倍", _turns("平潭管委会2024年部分公开几件", "2023年呢"), catalog)
    assert it.kind == "change" and it.times and it.years == [2023, 2024]
    it = understand("那是2023年的多少倍", _turns("平潭管委会2024年部分公开几件"), catalog)
    assert it.kind == "change" and it.times and it.years == [2023, 2024]


def test_how_far_apart_two_answers_are(catalog):
    it = understand("两年差了几件", _turns("平潭管委会2024年部分公开几件", "2023年呢"), catalog)
    assert it.kind == "comparison" and it.years == [2023, 2024]


def test_two_figures_asked_before_as_a_share(catalog):
    it = understand("这两个加在一起占办理结果总计的比例", _turns("平潭管委会2024年不予处理几件", "其他处理呢"), catalog)
    assert it.kind == "rate" and it.rate == "share" and len(it.rate_spec.numerator) > 1


def test_an_event_said_of_a_year_is_no_range_of_years(catalog):
    """2019年以来 reads the years from 2019; 2012年台风过后以后 / 2024年机构改了以后 say something that happened in that
    year, and the question is about that year only."""
    assert understand("平潭2012年渔船受台风影响以后，管委会公开了什么？", [], catalog).years == [2012]
    assert understand("上海科委2024年机构改了以后公开指南更新了没有？", [], catalog).years == [2024]
    assert len(understand("2019年以来哪些单位收到过申请？", [], catalog).years) > 1


def test_an_agency_said_after_several_parts_is_each_parts_agency(catalog):
    q = "2025年复议几件、诉讼几件，沭阳县那边？"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert len(parts) == 2 and all(it.targets == [("沭阳县人民政府", 2025)] for _, it in parts)
    q = "沭阳县2025年复议几件，淮安市的呢"  # an agency asked beside the one named first is no afterthought
    assert {a for _, it in plan_parts(q, normalized(q, catalog), [], catalog) for a in it.agencies} == {"沭阳县人民政府", HUAIAN}


def test_something_said_to_have_changed_is_no_change_of_a_figure(catalog):
    it = understand("沭阳县2025年机构调整变动以后依申请公开的流程改了吗", [], catalog)
    assert it.kind == "narrative" and not it.keys
    assert understand("有变化吗", _turns("平潭管委会2025年行政复议有多少"), catalog).kind == "change"


def test_a_places_government_departments_are_all_its_agencies(catalog):
    """政府部门 are a place's public bodies at large, not the agencies whose names end in 政府."""
    for said in ("平潭的政府部门里", "平潭各政府机关中"):
        it = understand(f"{said}哪些被复议过", [], catalog)
        assert it.kind == "precedent" and len(it.scope) > 1 and any(not a.endswith("政府") for a in it.scope)


def test_pay_is_a_fact_no_report_records(catalog):
    it = understand("沭阳县2025年做信息公开的人薪酬多少", [], catalog)
    assert it.kind == "decline" or it.unsupported


def test_two_questions_joined_in_one_are_both_asked(catalog):
    q = "沭阳县2025年有几件申请是律师事务所提的，另外，沐阳县2025年有多少因为是过程性信息而不公开？"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert len(parts) == 2 and [it.agencies for _, it in parts] == [["沭阳县人民政府"]] * 2


def test_what_the_asker_says_of_themselves_is_not_asked(catalog):
    it = understand("我是沭阳本地人，今年七十了，想知道沭阳县2025年被复议了几次", [], catalog)
    assert it.kind == "figure" and keys(it) == ["review_total"] and not it.unsupported


def test_a_multiple_of_the_year_asked_before(catalog):
    it = understand("那2025年的是它的多少倍", _turns("平潭管委会2023年行政复议几件"), catalog)
    assert it.kind == "change" and it.years == [2023, 2025]


def test_these_two_years_are_the_two_just_asked(catalog):
    it = understand("这两年加起来不予公开的有多少", _turns("平潭管委会2022年收到几件申请", "2023年呢"), catalog)
    assert it.kind == "sum" and it.years == [2022, 2023] and keys(it)[0].startswith("denied_")


def test_the_only_case_asked_in_detail_is_declined(catalog):
    it = understand("沭阳县2025年唯一一件复议被纠正的 是啥事", [], catalog)
    assert it.kind == "decline" and it.reason == "case_detail"


@pytest.mark.parametrize("turn, agency", [
    ("换成沐阳县呢", "沭阳县人民政府"), ("改成洪择区看看", HONGZE), ("那鹿成区呢", LUCHENG), ("再看看上海科委的", KEWEI),
])
def test_the_words_that_switch_agency_are_no_part_of_its_name(catalog, turn, agency):
    it = understand(turn, _turns("淮安市2024年被行政复议几次"), catalog)
    assert it.agencies == [agency] and keys(it) == ["review_total"]


def test_a_place_not_held_after_a_switch_word_is_named_alone(catalog):
    it = understand("换成龙湾区呢", _turns("淮安市2024年被行政复议几次"), catalog)
    assert it.kind == "decline" and it.unknown_agency == "龙湾区"


def test_a_stray_character_before_a_slipped_place_name(catalog):
    assert understand("我想了解沐阳县的情况", [], catalog).agencies == ["沭阳县人民政府"]
    assert understand("我想了解龙湾区的情况", [], catalog).kind == "decline"


def test_a_change_declined_for_its_previous_year_is_still_what_the_next_turn_asks(catalog):
    it = understand("那2024年呢", _turns("洪泽区2023年申请比上年多了几件"), catalog)
    assert it.kind == "change" and it.targets == [(HONGZE, 2023), (HONGZE, 2024)]


def test_that_year_is_the_conversations_year_and_a_figures_own_next_year_no_shift(catalog):
    it = understand("他们那年有几件没办完要拖到下一年", _turns("鹿城区2022年收到多少申请"), catalog)
    assert it.years == [2022] and not it.shift and it.targets == [(LUCHENG, 2022)]


def test_the_year_before_set_against_is_the_base_of_a_change_not_a_move(catalog):
    it = understand("新收的跟前一年比是涨了还是降了", _turns("平潭管委会2020年收到多少申请"), catalog)
    assert it.kind == "change" and it.targets == [(SYQ, 2019), (SYQ, 2020)]


def test_an_average_per_month_is_asked_again_of_the_next_year(catalog):
    it = understand("那前一年呢", _turns("平潭管委会2020年平均每月收到几件申请"), catalog)
    assert it.per == ("月", 12) and it.targets == [(SYQ, 2019)]


def test_earlier_turns_are_read_as_their_answers_read_them(catalog):
    """The pipeline passes a reader that finds a figure by meaning; whatever it reads is what 那…呢 asks again."""
    from assistant.query import CellKey

    misc = CellKey(table="requests", row="other_misc", column="total")

    def reader(turn, it):
        return it.model_copy(update={"keys": [misc], "weak_figure": False}) if "搁置" in turn else it

    history = _turns("淮安市2024年有几件申请被搁置了")
    assert keys(understand("那鹿城区2022年呢", history, catalog)) == ["new_received.total"]
    assert keys(understand("那鹿城区2022年呢", history, catalog, reader)) == ["other_misc.total"]


def test_this_unit_is_the_agency_asked_not_the_applicant_column(catalog):
    it = understand("这家单位申请人逾期不补正、不再处理的有几件", _turns("鹿城区2022年收到多少申请"), catalog)
    assert it.column is None and keys(it) == ["other_overdue_correction.total"] and it.agencies == [LUCHENG]


def test_put_off_to_the_next_year_is_the_carried_forward_cell_not_a_later_year(catalog):
    it = understand("有多少件拖到下一年接着办", _turns("查鹿成区", "2022年的报告"), catalog)
    assert keys(it) == ["carried_forward.total"] and it.targets == [(LUCHENG, 2022)]


def test_a_held_place_said_without_its_first_characters(catalog):
    it = understand("综合实验区管委会2019年重复申请几件", [], catalog)
    assert it.agencies == [SYQ] and it.years == [2019]
    assert understand("换成综合实验区管委会呢", _turns("平潭公安局2019年重复申请几件"), catalog).agencies == [SYQ]


def test_short_years_listed_with_one_year_word_are_all_asked(catalog):
    it = understand("平潭管委会21、22、23这三年复议的数一年年怎么变的", [], catalog)
    assert it.years == [2021, 2022, 2023] and keys(it) == ["review_total"]


def test_which_is_larger_then_a_clause_on_the_years_still_ranks_them(catalog):
    it = understand("鹿城和洪泽谁被复议的多呀，都按各自最新的报告", [], catalog)
    assert it.kind == "ranking" and keys(it) == ["review_total"]


def test_the_numbers_asked_with_a_verb_of_telling_are_figures(catalog):
    it = understand("鹿城22年跟平潭管委会22年的部分公开，两个数都说说", [], catalog)
    assert it.kind == "comparison" and keys(it) == ["partially_granted.total"]


def test_the_two_figures_just_asked_added_up_in_everyday_words(catalog):
    it = understand("两个加一块是多少", _turns("沭阳2025年予以公开几件", "部分公开呢"), catalog)
    assert it.kind == "figure" and keys(it) == ["granted.total", "partially_granted.total"]


def test_a_county_named_like_a_held_city_is_another_place(catalog):
    assert understand("淮安区2024年收到几件申请", [], catalog).reason == "unknown_agency"
    assert understand("洪泽县2024年收到几件申请", [], catalog).agencies == [HONGZE]  # its name before 2016


def test_who_filed_a_case_and_which_body_heard_it_are_not_recorded(catalog):
    it = understand("淮安市2024年那1件被纠正的复议，是哪位申请人提出的", [], catalog)
    assert it.kind == "decline"
    assert understand("淮安市2024年的复议，复议机关是谁", [], catalog).kind == "decline"


def test_the_report_before_or_after_is_a_year_shift(catalog):
    history = _turns("平潭管委会2022年部分公开几件")
    assert understand("那上一份报告呢", history, catalog).years == [2021]
    assert understand("下一份里呢", history, catalog).years == [2023]


def test_what_the_withheld_were_withheld_for_is_each_reason_row(catalog):
    it = understand("淮安市2024年不予公开的是因为什么", [], catalog)
    assert it.kind == "figure" and len(it.keys) == 8


def test_english_next_year_as_a_turn_moves_the_year_and_other_handling_is_its_row(catalog):
    places = {"pingtan": "平潭"}
    first = "How many requests did Pingtan receive in 2019?"
    it = understand(normalize_question("And next year?", places).text, _turns(first), catalog)
    assert it.years == [2020]
    other = understand(normalize_question("For Pingtan in 2020, how many went to other handling?", places).text, [], catalog)
    assert keys(other) == ["other.total"]


def test_a_concession_on_how_to_count_is_no_question_of_its_own(catalog):
    text = normalize_question("沭阳2025年被人起诉了几回 怎么算都行 加一块儿").text
    parts = plan_parts(text, text, [], catalog)
    assert len(parts) == 1 and parts[0][1].kind == "figure" and parts[0][1].agencies == ["沭阳县人民政府"]


def test_a_name_set_aside_with_bu_shi_is_not_asked(catalog):
    assert understand("淮安区24年收到几件申请，是淮安区不是淮安市", [], catalog).reason == "unknown_agency"
    it = understand("说的是洪泽区，不是淮安市，24年被复议几次", [], catalog)
    assert it.agencies == [HONGZE] and keys(it) == ["review_total"]


def test_how_a_report_handled_a_topic_no_table_counts_is_read_in_its_text(catalog):
    it = understand("沭阳县2025年对涉及户籍的申请是怎么处理的", [], catalog)
    assert it.kind == "narrative"
    assert understand("沭阳县2025年申请人户籍都在哪", [], catalog).kind == "decline"


@pytest.mark.parametrize("question", [
    "沭阳县2025年线下申请有几件", "平潭管委会2024年有多少申请是关于征地补偿的", "洪泽区2024年的行政诉讼一般多久判下来",
])
def test_a_split_or_duration_no_table_keeps_is_declined(catalog, question):
    assert understand(question, [], catalog).kind == "decline"


def test_how_a_channel_was_built_is_read_in_the_text(catalog):
    assert understand("沭阳县2025年网上申请平台是怎么搭建的", [], catalog).kind == "narrative"


def test_a_win_rate_of_reviews_is_of_reviews_not_of_the_suits_winning_implies(catalog):
    it = understand("沭阳县2025年行政复议的胜诉率", [], catalog)
    assert keys(it) == ["review_upheld"] and it.rate == "share"
    assert keys(understand("沭阳县2025年打官司胜诉几次", [], catalog)) == ["direct_suit_upheld", "post_review_suit_upheld"]


def test_replies_past_the_time_limit_are_no_table_count(catalog):
    assert understand("沭阳县2025年有几件申请超过了法定期限才答复", [], catalog).kind == "decline"


def test_reports_listed_agency_by_agency_are_exactly_those_reports(catalog):
    q = normalize_question("沭阳25、淮安24、平潭管委会22到23 这几份 谁被复议得最多").text
    it = understand(q, [], catalog)
    assert it.kind == "ranking"
    assert it.pairs == [("沭阳县人民政府", 2025), (HUAIAN, 2024), (SYQ, 2022), (SYQ, 2023)]
    assert understand("沭阳县和淮安市2024年谁被复议得多", [], catalog).pairs == []  # the year is both agencies'


def test_is_it_that_agencys_names_it_rather_than_setting_it_aside(catalog):
    it = understand("2024年被复议了351件，是不是淮安市的？", [], catalog)
    assert it.agencies == [HUAIAN] and it.claim == ("=", 351.0)


def test_two_figures_of_one_report_asked_in_turns_are_set_side_by_side(catalog):
    it = understand("两者差多少", _turns("沭阳县2025年予以公开多少", "不予公开呢"), catalog)
    assert it.kind == "comparison" and [keys for _, keys in it.sides][0][0].row == "granted"
    assert len(it.sides) == 2 and it.targets == [("沭阳县人民政府", 2025)]
    it = understand("哪个多", _turns("沭阳县2025年被复议几次", "那被起诉呢"), catalog)
    assert it.kind == "comparison" and len(it.sides) == 2


def test_this_figure_set_against_another_agencys_other_year(catalog):
    it = understand("这个数比淮安市2024年多还是少", _turns("沭阳县2025年收到多少申请"), catalog)
    assert sorted(it.targets) == [("沭阳县人民政府", 2025), (HUAIAN, 2024)]


def test_this_turns_figure_set_against_the_last_ones(catalog):
    it = understand("那规范性文件比它少多少", _turns("上海市政府办公厅2025年规章制发几件"), catalog)
    assert it.kind == "comparison" and len(it.sides) == 2 and it.targets == [(BGT, 2025)]
    text = normalize_question("行政强制呢 比行政许可少几件").text
    parts = plan_parts(text, text, _turns("沭阳县2025年行政许可决定多少"), catalog)
    assert parts[-1][1].kind == "comparison" and len(parts[-1][1].sides) == 2


def test_a_place_with_two_kinds_joined_is_the_agencies_of_either_kind(catalog):
    it = understand("平潭的公安和财政两家谁收的申请多", [], catalog)
    assert sorted(it.scope) == ["平潭县财政局", "平潭综合实验区公安局"] and SYQ not in it.agencies


def test_what_money_no_table_counts_was_spent_on_is_read_in_the_text(catalog):
    assert understand("沭阳县2025年的信息公开经费用在哪些方面", [], catalog).kind == "narrative"
    assert understand("沭阳县2025年的信息公开经费是多少", [], catalog).kind == "decline"


def test_an_english_review_before_release_is_the_publishing_procedure_not_a_reconsideration(catalog):
    q = normalize_question("What review process does Shuyang use before publication?", {"shuyang": "沭阳"}).text
    it = understand(q, [], catalog)
    assert it.kind == "narrative" and not it.keys


def test_the_four_safeties_spelled_out_are_their_row(catalog):
    it = understand("沭阳县2025年以公开后会影响公共安全和社会稳定为由没有公开的有几件", [], catalog)
    assert keys(it) == ["denied_three_safeties.total"]


def test_within_the_figure_just_asked_the_applicant_group_is_its_columns(catalog):
    it = understand("那里头法人或其他组织递的有几件", _turns("沭阳县2025年不予公开的有几件"), catalog)
    assert all(k.row.startswith("denied_") for k in it.keys) and {k.column for k in it.keys} >= {"commercial", "other_org"}


@pytest.mark.parametrize("typed, bound", [
    ("不予公开占办结的比重在两成以上的报告有哪些？", (">=", 20.0)),
    ("哪些单位部分公开不足办结总数的一半？", ("<", 50.0)),
    ("不予公开的比例低于15%的是哪几份报告？", ("<", 15.0)),
])
def test_a_shares_bound_said_in_tenths_halves_or_percent_keeps_the_share(catalog, typed, bound):
    it = understand(typed, [], catalog)
    assert it.kind == "precedent" and it.rate == "share" and it.threshold == bound


def test_whether_a_share_passes_half_is_a_yes_no_about_that_share(catalog):
    it = understand("淮安市2024年部分公开的在办结里占了一半以上没有？", [], catalog)
    assert it.kind == "rate" and it.rate == "share" and it.claim == (">=", 50.0)
    assert understand("洪泽区2024年复议被维持的过半了没", [], catalog).claim == (">", 50.0)


def test_not_a_single_one_lists_the_zeros(catalog):
    assert understand("哪几家一次行政诉讼也没有被提起过？", [], catalog).negated
    assert understand("哪些报告连1件部分公开都没有", [], catalog).negated
    assert not understand("哪些单位有1件以上部分公开？", [], catalog).negated


def test_a_place_and_kind_the_corpus_does_not_hold_is_declined_not_widened(catalog):
    for typed in ("浙江的财政部门2022年收到多少申请？", "上海的片区管理局哪家收的申请最多", "江苏省里的公安部门都有谁"):
        it = understand(typed, [], catalog)
        assert it.kind == "decline" and it.reason == "empty_scope" and not it.scope, typed
    assert set(understand("平潭的片区管理局哪家收的申请最多", [], catalog).scope) >= {
        "平潭综合实验区海坛片区管理局", "平潭综合实验区君山片区管理局"}


def test_taiwan_and_hong_kong_words_read_as_the_tables_words(catalog):
    it = understand("請問沭陽縣2025年有幾件資訊公開案件被提出訴願？", [], catalog)
    assert it.kind == "figure" and keys(it) == ["review_total"] and it.agencies == ["沭阳县人民政府"]


def test_every_other_applicant_said_as_besides_one_then_the_rest(catalog):
    it = understand("上海科委2024年的申请，除了自然人的另外还有多少？", [], catalog)
    assert counted_columns(it) == {"commercial", "research", "social_org", "legal_service", "other_org"}


def test_two_figures_joined_across_de_or_a_total_word_are_summed(catalog):
    it = understand("沭阳县2025年新收的和上年结转的一共几件", [], catalog)
    assert it.kind == "figure" and keys(it) == ["new_received.total", "carried_over.total"]
    it = understand("淮安市2024年办理结果总计加上结转下年度的一共多少", [], catalog)
    assert it.kind == "figure" and keys(it) == ["results_total.total", "carried_forward.total"]


def test_a_number_said_bare_after_shi_is_the_claim_checked(catalog):
    assert understand("沭阳县2025年新收申请是不是713？", [], catalog).claim == ("=", 713.0)
    assert understand("沭阳县2025年新收申请为713吗", [], catalog).claim == ("=", 713.0)


def test_the_earliest_report_held_and_with_the_newest(catalog):
    assert understand("平潭管委会最早那份报告收到几件申请", [], catalog).years == [2011]
    it = understand("市场监管局最早一份和最新一份的行政处罚各多少", [], catalog)
    assert it.years == [2019, 2024] and it.kind == "comparison"


def test_who_filed_said_by_a_trait_the_tables_do_not_split_is_declined(catalog):
    it = understand("淮安市2024年有多少件是外籍人士提交的？", [], catalog)
    assert it.kind == "decline" and it.unsupported == "外籍人士"
    assert understand("淮安市2024年有多少件是律师事务所提交的？", [], catalog).kind == "figure"
    it = understand("沭阳县2025年被纠正的复议都是哪几家单位的案子", [], catalog)
    assert it.kind == "decline" and it.reason == "case_detail"


def test_outcomes_joined_after_a_review_figure_keep_its_group(catalog):
    it = understand("结果维持加上结果纠正的呢", _turns("淮安市2024年被申请行政复议几件"), catalog)
    assert keys(it) == ["review_upheld", "review_corrected"]


def test_a_count_of_years_said_right_after_the_last_year_is_no_part_of_it(catalog):
    it = understand("淮安市2023、2024两个年度的公开率是不是一年比一年高", [], catalog)
    assert it.years == [2023, 2024] and it.claim is None


def test_an_agency_described_by_its_place_and_kind_is_that_agency(catalog):
    it = understand("温州下面那个区的政府办2022年有几件本机关不掌握", [], catalog)
    assert it.agencies == [LUCHENG] and it.kind == "figure"
    assert understand("平潭那边管地税的那个局2013年报告里说了什么", [], catalog).agencies == [
        "平潭综合实验区地方税务局"]
    for typed in ("温州市瓯海区人民政府办公室2022年收到多少申请", "温州市人民政府2022年收到多少申请"):
        it = understand(typed, [], catalog)  # another agency of that place and kind is no substitute
        assert it.kind == "decline" and it.reason == "unknown_agency" and not it.agencies


def test_an_agency_described_with_only_a_level_after_its_place_is_that_places_one_at_that_level(catalog):
    """那个 is read as a filler elsewhere; after a place, 那个县 / 那个区 still says which level of agency is meant."""
    assert understand("宿迁那个县2025年被起诉了几次", [], catalog).agencies == ["沭阳县人民政府"]
    assert understand("浙江省里那个区2022年部分公开多少件", [], catalog).agencies == [LUCHENG]
    assert understand("淮安靠湖边的那个区2023年不予公开几件", [], catalog).agencies == [HONGZE]
    it = understand("南京那个区2023年新收多少申请", [], catalog)  # no agency held there: nothing described
    assert not it.agencies
    for typed in ("福州市财政局2022年收到多少申请", "温州瓯海区府办2022年收到多少申请"):  # named, not described
        it = understand(typed, [], catalog)
        assert it.kind == "decline" and it.reason == "unknown_agency" and not it.agencies, typed


def test_a_kind_of_agency_said_as_a_field_of_information_is_a_topic_not_an_agency(catalog):
    assert understand("洪泽区2024年公安方面的信息主动公开了多少条", [], catalog).agencies == [HONGZE]
    assert understand("鹿城区2022年民政领域公开了哪些信息", [], catalog).agencies == [LUCHENG]


def test_times_an_action_was_done_to_what_a_row_counts_are_read_from_the_text(catalog):
    it = understand("洪泽区2024年对行政规范性文件开展了几轮集中清理", [], catalog)
    assert not it.keys and it.textual and it.kind == "narrative"
    kept = understand("洪泽区2024年有几次行政复议被纠正", [], catalog)  # the counter's noun is the row's own: a cell
    assert [k.row for k in kept.keys] == ["review_corrected"]
    told = understand("我第2次打电话去问了，洪泽区2024年新收几件申请？", [], catalog)  # 第2次: an ordinal, no count
    assert [k.row for k in told.keys] == ["new_received"] and not told.textual


@pytest.mark.parametrize("question, row", [
    ("洪泽区2023年行政处罚作出过几次处理决定？", "penalty_decisions"),
    ("平潭管委会2019年行政强制有几次处理决定？", "enforcement_decisions"),
    ("沭阳县2025年行政许可作出了多少次决定", "licensing_decisions"),
])
def test_times_counted_in_the_measure_of_the_row_asked_are_the_cell(catalog, question, row):
    it = understand(question, [], catalog)  # 几次处理决定: the row's own measure after the counter, not an action
    assert [k.row for k in it.keys] == [row] and not it.textual and it.kind == "figure"


def test_a_held_place_said_without_its_first_characters_names_it(catalog):
    it = understand("综合实验区2022年行政复议一共几件", [], catalog)
    assert it.agencies == [SYQ] and it.kind == "figure"
    assert understand("东南沿海岛上那个综合实验区2024年新收几件", [], catalog).agencies == [SYQ]


def test_a_place_said_before_an_agency_there_only_says_where_it_is(catalog):
    assert understand("平潭的经发局2022年收到多少申请", [], catalog).agencies == ["平潭综合实验区经济发展局"]
    assert understand("淮安的洪泽区2023年行政许可几件", [], catalog).agencies == [HONGZE]
    assert understand("平潭和平潭公安局2019年各收到多少申请", [], catalog).agencies == [SYQ, "平潭综合实验区公安局"]
    it = understand("上海的公安局2024年收到多少申请", [], catalog)  # no 公安局 there: an agency not held, no other
    assert it.kind == "decline" and it.reason == "unknown_agency" and not it.agencies


def test_an_agency_described_beside_a_named_one_keeps_each_its_own_year(catalog):
    it = understand("平潭那个管市场监管的局（2024年）和鹿城区（2022年）新收的谁多", [], catalog)
    assert it.pairs == [("平潭综合实验区市场监督管理局", 2024), (LUCHENG, 2022)]


def test_a_length_of_time_asked_of_counted_cases_is_no_figure_the_tables_hold(catalog):
    for typed in ("鹿城区2022年有一件部分公开的申请，从收到到答复花了几天？", "沭阳县2025年被复议的案子平均审了多长时间"):
        it = understand(typed, [], catalog)
        assert it.kind == "decline" and it.unsupported, typed
    assert understand("沭阳县2025年平均每天收到几件申请", [], catalog).kind == "figure"


def test_the_names_of_the_applicants_counted_are_declined(catalog):
    for typed in ("沭阳县2025年那3家律所分别是哪几家？", "淮安市2024年那5个社会组织是哪些人办的"):
        it = understand(typed, [], catalog)
        assert it.kind == "decline", typed
    assert understand("海坛片区2024年那件复议后来怎么处理的", [], catalog).kind != "decline"  # a report may tell


def test_a_count_of_what_is_planned_for_later_is_declined(catalog):
    for typed in ("沭阳县明年准备开几次新闻发布会？", "淮安市今后计划培训多少人"):
        it = understand(typed, [], catalog)
        assert it.kind == "decline" and it.reason == "future_plan", typed
    assert understand("沭阳县2025年下一步有什么打算", [], catalog).kind == "narrative"


def test_zero_said_in_words_is_the_claim_checked(catalog):
    assert understand("上海科委2024年行政诉讼是零吗", [], catalog).claim == ("=", 0.0)


def test_a_round_number_reached_is_a_bound_and_the_claim_checked(catalog):
    it = understand("淮安市2024年的行政复议是不是破百了", [], catalog)
    assert it.threshold == (">=", 100.0) and it.claim == (">=", 100.0)
    assert understand("哪几家单位新收申请过千", [], catalog).threshold == (">=", 1000.0)


def test_a_continuation_asking_which_year_or_asking_again_is_not_a_part(catalog):
    for q in ("淮安市洪泽区2023、2024两年收的申请各是多少？哪一年更多？", "上海市政府办公厅2019年复议几件？复议几件？"):
        assert len(plan_parts(q, q, [], catalog)) == 1, q


def test_agencies_a_scope_leaves_out_are_not_in_it(catalog):
    it = understand("平潭各单位2019年收到的申请，除了公安局外哪家最多？", [], catalog)
    assert it.scope and "平潭综合实验区公安局" not in it.scope and SYQ in it.scope and not it.agencies
    it = understand("不算平潭管委会的话，平潭的单位2024年一共收了多少申请", [], catalog)
    assert it.scope and SYQ not in it.scope and "平潭综合实验区海坛片区管理局" in it.scope and not it.agencies
    it = understand("除平潭管委会之外，2024年哪个单位新收申请最多", [], catalog)  # every other agency
    assert it.scope and SYQ not in it.scope and HUAIAN in it.scope
    assert understand("鹿城区2022年除了自然人以外收到几件申请", [], catalog).agencies == [LUCHENG]


def test_a_place_and_a_number_of_its_agencies_is_a_scope(catalog):
    it = understand("上海那两个单位2019年合计收了多少申请", [], catalog)
    assert sorted(it.scope) == [BGT, KEWEI] and not it.agencies


def test_whether_the_figures_asked_before_agree_sets_them_side_by_side(catalog):
    for q in ("上海市政府办公厅2025年新收与上年结转之和，同办结与结转下年度之和，是否相等？",
              "上海市政府办公厅2025年新收加上年结转多少？办理结果总计加结转下年度多少？二者吻合吗？"):
        parts = plan_parts(q, q, [], catalog)
        assert len(parts) == 3, q
        last = parts[-1][1]
        assert last.kind == "comparison" and last.targets == [(BGT, 2025)], q
        assert [sorted(k.row for k in keys) for _, keys in last.sides] == [
            ["carried_over", "new_received"], ["carried_forward", "results_total"]], q


def test_what_befell_the_asker_is_no_part_of_the_question(catalog):
    q = "我8月3日去窗口跑了第2趟，交了30块钱复印费，想问淮安市2024年本机关不掌握的有几件？"
    it = understand(q, [], catalog)
    assert it.kind == "figure" and it.unsupported is None and [k.row for k in it.keys] == ["unable_not_held"]
    assert it.targets == [(HUAIAN, 2024)]
    assert understand("我听说淮安市2024年新收3119件，对吗？", [], catalog).claim == ("=", 3119.0)  # what they heard counts


def test_each_report_asked_is_a_part_when_one_is_not_held(catalog):
    q = "上海市政府办公厅2025年和2023年的新收申请分别是多少？"
    parts = plan_parts(q, q, [], catalog)
    assert [(it.kind, it.targets, it.missing_years) for _, it in parts] == [
        ("figure", [(BGT, 2025)], []), ("decline", [], [(BGT, 2023)])]
    assert len(plan_parts("上海市政府办公厅2025年和2023年哪年收的多？", "上海市政府办公厅2025年和2023年哪年收的多？", [],
                          catalog)) == 1  # a comparison needs both: declined whole


def test_how_many_times_one_agencys_figure_is_anothers_is_a_comparison(catalog):
    it = understand("淮安市2024年行政复议数量是洪泽区2024年的多少倍", [], catalog)
    assert it.kind == "comparison" and it.times and it.targets == [(HUAIAN, 2024), (HONGZE, 2024)]


def test_a_part_that_adds_up_the_years_it_inherits_is_a_sum(catalog):
    q = "淮安市洪泽区2023、2024两年：一、新收申请合计多少？二、部分公开合计多少？"
    parts = plan_parts(q, q, [], catalog)
    assert [it.kind for _, it in parts] == ["sum", "sum"] and parts[1][1].years == [2023, 2024]


def test_a_date_said_where_nothing_is_asked_is_no_part_of_the_year(catalog):
    it = understand("报道计划5月20日刊发，请核对：沭阳县2025年新收申请有几件？", [], catalog)
    assert it.kind == "figure" and it.unsupported is None
    assert understand("沭阳县2025年5月20日那天收到几件申请？", [], catalog).unsupported  # asked of that day: not held


def test_a_round_number_reached_said_with_shang_and_a_guess_with_ba_are_claims(catalog):
    assert understand("沭阳县2025年新收申请上千了吧", [], catalog).claim == (">=", 1000.0)
    assert understand("上海科委2024年新收申请有30件吧", [], catalog).claim == ("=", 30.0)


def test_a_channel_said_after_the_requests_is_a_split_no_table_holds(catalog):
    it = understand("淮安市2024年的申请当中，通过信函寄来的有几件？", [], catalog)
    assert it.unsupported and "信函" in it.unsupported


def test_a_numbered_row_of_a_group_is_that_row(catalog):
    it = understand("淮安市2024年表三（五）不予处理的第2项有几件？", [], catalog)
    assert keys(it) == ["rejected_duplicate.total"]
    assert len(understand("淮安市2024年不予处理一共几件", [], catalog).keys) == 5  # no number: the whole group


def test_the_latter_over_the_former_is_a_share_of_the_parts_figures(catalog):
    q = "上海科委2024年：一、新收几件？二、予以公开几件？三、后者占前者几成？"  # over 新收, not the results' total
    parts = plan_parts(q, q, [], catalog)
    spec = parts[-1][1].rate_spec
    assert parts[-1][1].kind == "rate" and [k.row for k in spec.numerator] == ["granted"]
    assert [k.row for k in spec.denominator] == ["new_received"]


def test_a_year_left_out_leaves_every_other_year_asked(catalog):
    it = understand("淮安市洪泽区除了2023年以外，新收申请是多少？", [], catalog)
    assert 2023 not in it.years and it.bounded and it.targets == [(HONGZE, 2024)]
    it = understand("平潭管委会2020年到2022年不算2021年，复议合计几件", [], catalog)
    assert it.years == [2020, 2022]


def test_a_year_after_what_is_left_out_is_asked_not_left_out(catalog):
    it = understand("鹿城区府办收到法人的申请不包括企业2022年有多少件？", [], catalog)
    assert it.years == [2022] and it.targets == [(LUCHENG, 2022)]


def test_the_same_item_asked_again_of_another_report_keeps_the_figure(catalog):
    history = [{"role": "user", "content": "沭阳县2025年被复议了几件"}, {"role": "assistant", "content": "61件"}]
    it = understand("同样这个指标，洪泽区2024年呢", history, catalog)
    assert it.targets == [(HONGZE, 2024)] and [k.row for k in it.keys] == ["review_total"]


def test_a_relative_year_inside_a_figure_phrase_is_the_figures(catalog):
    history = [{"role": "user", "content": "洪泽区2024年收到多少申请"}, {"role": "assistant", "content": "95件"}]
    it = understand("它新收的加上上年结转的一共多少", history, catalog)
    assert it.targets == [(HONGZE, 2024)] and {k.row for k in it.keys} == {"new_received", "carried_over"}


def test_a_clause_of_its_own_checks_the_figure_a_count_asks_for(catalog):
    # 大概多少，过万了吧: the count is asked, and the second clause asks whether it passes the bound
    it = understand("沭阳县2025年大概收到多少申请，过万了吧？", [], catalog)
    assert it.claim == (">=", 10000.0) and it.keys
    assert understand("沭阳县2025年复议几件，我记得是12件对不对", [], catalog).claim == ("=", 12.0)
    assert understand("沭阳县2025年收到多少申请？有没有被复议？", [], catalog).claim is None  # two questions, no check
    assert understand("沭阳县2025年有没有收到超过50件申请，一共多少", [], catalog).claim == (">", 50.0)  # both, in turn


def test_a_list_numbered_with_chinese_ordinals_is_split_at_its_questions():
    parts = split_parts("沭阳县2025年：一、复议几件？二、诉讼几件？三、两者之比？")
    assert len(parts) == 3 and parts[-1].endswith("两者之比")
    assert split_parts("沭阳县2025年新收、结转各多少？") == ["沭阳县2025年新收、结转各多少？"]  # 、 between figures stays


def test_years_read_out_digit_by_digit_need_no_year_mark(catalog):
    it = understand("那个洪泽区二零二三同二零二四年比哪年复议多", [], catalog)
    assert it.years == [2023, 2024] and it.kind == "comparison"


def test_a_fraction_in_words_is_the_share_it_bounds(catalog):
    it = understand("沭阳县2025年办结的申请里，驳回的超过四分之一了吗", [], catalog)
    assert it.kind == "rate" and it.claim == (">", 25.0)


def test_applicants_said_as_left_out_keep_every_other_column(catalog):
    for typed in ("上海市政府办公厅2025年刨去自然人的申请有几件", "上海市政府办公厅2025年自然人以外的申请有几件"):
        it = understand(typed, [], catalog)
        assert counted_columns(it) == {"commercial", "research", "social_org", "legal_service", "other_org"}


def test_a_forecast_or_a_per_head_figure_is_declined(catalog):
    it = understand("照现在这个势头，淮安市以后每年会收到多少申请？帮忙推算一下", [], catalog)
    assert it.kind == "decline" and it.reason == "forecast"
    assert understand("沭阳县2025年平均每人申请了几件，按人均算", [], catalog).kind == "decline"
    assert understand("淮安市2024年以后会有多少申请", [], catalog).reason != "forecast"  # a range of held years


def test_the_report_named_by_its_title_names_its_agency(catalog):
    it = understand("《沭阳县2025年政府信息公开工作年度报告》里面行政复议有几件", [], catalog)
    assert it.agencies == ["沭阳县人民政府"] and it.years == [2025]
    assert understand("《政府信息公开条例》规定的期限是多少天", [], catalog).agencies == []


def test_a_place_said_as_a_landmark_is_no_agency_asked(catalog):
    it = understand("淮安洪泽区隔壁的那个盱眙县，2024年收到多少申请", [], catalog)
    assert HONGZE not in it.agencies and it.kind == "decline"


def test_a_province_or_city_said_before_a_held_place_only_places_it(catalog):
    it = understand("江苏宿迁沭阳县2025年收到多少申请", [], catalog)
    assert it.agencies == ["沭阳县人民政府"] and it.kind == "figure" and it.keys
    assert understand("平潭那边的县政府2011年报告里说了什么", [], catalog).agencies == ["平潭县人民政府"]


def test_why_none_is_a_premise_the_figure_checks(catalog):
    it = understand("为什么沭阳县2025年一件行政复议都没有？", [], catalog)
    assert it.kind == "figure" and it.claim == ("=", 0.0) and [k.row for k in it.keys] == ["review_total"]


def test_the_same_question_asked_again_of_another_report(catalog):
    before = [{"role": "user", "content": "淮安市2024年行政复议有几件？"}, {"role": "assistant", "content": "……"}]
    it = understand("同一个问题，换成沭阳县2025年", before, catalog)
    assert it.kind == "figure" and it.agencies == ["沭阳县人民政府"] and [k.row for k in it.keys] == ["review_total"]


def test_figures_of_different_tables_listed_in_one_clause_are_parts():
    parts = listed_figures("沭阳县2025年新收、结转下年度以及行政诉讼总数分别是多少")
    assert len(parts) == 3 and all("多少" in p for p in parts)
    assert listed_figures("沭阳县2025年新收、结转各多少") == []  # one table: side by side, one part
    assert listed_figures("沭阳县2025年新收、行政复议加起来多少") == []  # added up: the sum's own question


def test_what_a_total_leaves_out_is_its_other_rows(catalog):
    it = understand("淮安市2024年除部分公开外的办理结果一共几件", [], catalog)  # counted: the total less that row
    assert it.kind == "figure" and keys(it) == ["results_total.total"] and [k.row for k in it.less] == ["partially_granted"]
    it = understand("淮安市2024年不予公开当中，除了过程性信息以外的有几件", [], catalog)
    assert {k.row for k in it.keys} == {"denied_state_secret", "denied_law_forbidden", "denied_three_safeties",
                                        "denied_third_party", "denied_internal_affairs", "denied_enforcement_file",
                                        "denied_admin_query"}


def test_a_claim_doubted_in_everyday_words_is_checked(catalog):
    assert understand("听说淮安市2024年行政诉讼有50多件，真的假的", [], catalog).claim == ("+", 50.0)
    assert understand("为什么沭阳县2025年没人来申请？", [], catalog).claim == ("=", 0.0)


def test_a_place_and_a_level_alone_name_that_levels_government(catalog):
    assert understand("宿迁下辖的那个县2025年新收多少", [], catalog).agencies == ["沭阳县人民政府"]


def test_a_city_said_before_a_place_in_it_with_words_between_only_places_it(catalog):
    it = understand("淮安下辖的洪泽那边，2023年行政许可有几件", [], catalog)
    assert it.agencies == [HONGZE]


def test_whether_none_is_a_claim_of_zero(catalog):
    it = understand("沭阳县2025年是不是一件行政复议都没有？", [], catalog)
    assert it.claim == ("=", 0.0) and [k.row for k in it.keys] == ["review_total"]


def test_the_years_of_a_span_said_with_li_are_compared(catalog):
    it = understand("平潭管委会三年里哪年的重复申请最多", [], catalog)
    assert len(it.targets) == 3


def test_a_part_that_names_something_of_its_own_in_latin_letters_stays_a_part(catalog):
    q = "沭阳县2025年：收到多少申请，多少是重复申请，当地的GDP是多少"
    parts = plan_parts(q, q, [], catalog)
    assert len(parts) == 3 and parts[1][1].keys[0].row == "rejected_duplicate"


def test_a_place_left_out_leaves_out_every_agency_there(catalog):
    it = understand("除了淮安，别的单位2024年有谁被起诉过", [], catalog)
    assert it.scope and not {HUAIAN, HONGZE} & set(it.scope) and not it.agencies


def test_a_figure_said_with_another_counted_in_sums_both(catalog):
    it = understand("淮安市2024年收到的申请（含上年结转）一共多少", [], catalog)
    assert {k.row for k in it.keys} == {"new_received", "carried_over"}
    it = understand("淮安市2024年行政复议（包括被纠正的）有几件", [], catalog)
    assert [k.row for k in it.keys] == ["review_total"]


def test_none_said_first_and_why_after_is_the_same_premise(catalog):
    it = understand("2025年沭阳县一件行政复议都没有，这是为什么？", [], catalog)
    assert it.claim == ("=", 0.0) and [k.row for k in it.keys] == ["review_total"]


def test_what_only_the_office_or_the_law_can_do_is_declined(catalog):
    """Drafting a letter, how or by when to appeal, how the asker's own request went: no report holds these."""
    for q in ("能不能替我起草一封给淮安市政府的信息公开申请？", "我要怎么向沭阳县提起行政复议？",
              "提交申请以后几个工作日之内必须答复？", "我们上个月向洪泽区递交的那份申请现在到哪一步了？"):
        it = understand(q, [], catalog)
        assert it.kind == "decline" and it.reason == "service", q
    assert understand("淮安市2024年的申请一般是怎么处理的？", [], catalog).reason != "service"  # the agency's practice


def test_a_bureau_of_a_held_place_that_the_corpus_lacks_is_unknown(catalog):
    """淮安那边的财政局: of 淮安 the corpus holds the city's government, not its finance bureau; never answered from
    the government's report."""
    it = understand("淮安那边的教育局2024年收到多少申请？", [], catalog)
    assert it.kind == "decline" and it.reason == "unknown_agency" and not it.agencies
    assert understand("平潭的公安局2019年收到多少申请？", [], catalog).agencies == ["平潭综合实验区公安局"]


def test_a_judgement_of_an_agency_is_declined_and_a_figure_asked_beside_it_is_not(catalog):
    """哪家最用心 / which office did the best job: the reports rate no one; how they let citizens rate services, or a
    count asked with 你觉得 in front, are still what the reports hold."""
    for q in ("平潭的几个片区里，哪家搞信息公开最用心？", "依你看，沭阳县的政务公开做得好不好？",
              "淮安市和洪泽区，谁更透明一些？"):
        it = understand(q, [], catalog)
        assert it.kind == "decline" and it.reason == "opinion", q
    assert understand("你觉得沭阳县2025年大概收到了多少申请？", [], catalog).reason != "opinion"
    assert understand("鹿城区是怎么请群众评价政务服务的？", [], catalog).reason != "opinion"


def test_an_english_place_the_corpus_holds_no_agency_of_is_not_read_as_a_held_one(catalog):
    """Beijing's government is not Shanghai's because both have a general office: the place is read (北京), and the
    agency declined as not held."""
    it = understand("How many requests did the Guangzhou municipal government's general office receive in 2025?", [],
                    catalog)
    assert it.kind == "decline" and it.reason == "unknown_agency" and not it.agencies
    held = understand("How many requests did the Shanghai municipal government's general office receive in 2025?", [],
                      catalog)
    assert held.agencies == ["上海市人民政府办公厅"]


def test_who_the_plaintiffs_were_is_a_person_no_report_names(catalog):
    it = understand("洪泽区2024年起诉区政府的原告叫什么名字？", [], catalog)
    assert it.kind == "decline" and it.reason == "person"


def test_more_by_how_many_between_two_agencies_compares_them(catalog):
    """沭阳县比淮安市少了多少: one agency's figure beside the other's, not each one's change over its own year."""
    it = understand("沭阳县2025年的行政复议比淮安市2024年少了多少件？", [], catalog)
    assert it.kind == "comparison" and set(it.agencies) == {"沭阳县人民政府", "淮安市人民政府"}
    assert understand("洪泽区2024年的申请比上年多了多少？", [], catalog).kind == "change"


def test_how_many_digits_a_figure_has_asks_the_figure(catalog):
    it = understand("上海科委2024年收到的申请，是两位数还是三位数？", [], catalog)
    assert it.kind == "figure" and it.keys[0].row == "new_received"


def test_english_zero_premises_and_applicant_sexes_read_as_the_chinese_ones(catalog):
    premise = understand("Why did Huai'an get zero administrative reviews in 2024?", [], catalog)
    assert premise.claim == ("=", 0.0) and premise.keys[0].row == "review_total"
    sexes = understand("In 2024, how many female applicants did Huai'an have?", [], catalog)
    assert sexes.kind == "decline"


def test_a_span_the_asker_states_is_checked_whole(catalog):
    it = understand("上海科委2024年收到的申请，介于30到40件之间吧？", [], catalog)
    assert it.claim == ("in", 30.0, 40.0) and it.keys[0].row == "new_received"
    from assistant.figures import passes

    assert passes(34, it.claim) and not passes(41, it.claim) and passes(40, it.claim)


def test_a_long_question_naming_a_place_several_agencies_share_is_planned(catalog):
    """县里的…各单位…平潭县2012年: a mention tied between agencies beside one that is not, with a year, is read (it
    crashed reading which agency the year was said against)."""
    it = understand("我是平潭本地人，听说县里各单位办公室的人都是兼着干信息公开，平潭县2012年的年报里是怎么说的？", [], catalog)
    assert it.kind in ("narrative", "clarify") and 2012 in it.years


def test_an_agency_not_held_listed_beside_a_held_one_is_declined_not_dropped(catalog):
    """A comparison or ranking of listed reports is never made over the ones that happen to be held."""
    it = understand("瓯海区2022年与鹿城区2022年，谁收到的申请多？", [], catalog)
    assert it.kind == "decline" and it.reason == "unknown_agency"
    ranked = understand("沭阳县2024年、淮安市2024年和洪泽区2024年里，谁被复议得最多？", [], catalog)
    assert ranked.kind == "decline" and ranked.reason == "year_not_held"
    assert ("沭阳县人民政府", 2024) in ranked.missing_years


def test_a_report_named_by_its_publication_date_is_the_year_before(catalog):
    it = understand("2017年2月挂网的平潭管委会年报里主动公开了多少条信息？", [], catalog)
    assert it.years == [2016]


def test_who_applied_beyond_the_applicant_types_is_a_part_no_table_holds(catalog):
    retired = understand("沭阳县2025年退休职工提出的信息公开申请有几件？", [], catalog)
    assert retired.kind == "decline" and retired.unsupported == "退休职工"
    aged = understand("鹿城区2022年70岁以上老人提交的公开申请有多少？", [], catalog)
    assert aged.kind == "decline"
    person = understand("沭阳县2025年公民个人提出的申请有几件？", [], catalog)
    assert person.kind == "figure" and person.column == "natural_person"


def test_an_average_per_year_over_the_years_said_is_their_mean(catalog):
    it = understand("洪泽区2023、2024两年平均每年被复议几件？", [], catalog)
    assert it.kind == "sum" and it.mean and it.keys[0].row == "review_total"
    one = understand("洪泽区2024年平均每月收到几件申请？", [], catalog)
    assert not one.mean and one.per == ("月", 12)


def test_whether_a_cause_is_so_is_asked_as_why_not_as_a_check_of_the_figure(catalog):
    it = understand("鹿城区2022年才收到113件申请，是不是因为疫情管控？", [], catalog)
    assert it.kind == "narrative" and it.claim is None


def test_a_figure_of_what_did_not_happen_is_declined(catalog):
    it = understand("要是鹿城区2022年没有开通网上申请，会收到多少件？", [], catalog)
    assert it.kind == "decline" and it.reason == "forecast"
    trend = understand("照这个增速，平潭管委会2026年会收到多少申请？", [], catalog)
    assert trend.kind == "decline"


def test_the_years_and_agencies_of_the_askers_own_story_are_not_what_is_asked(catalog):
    it = understand("我2020年去过沭阳县政务大厅，想问沭阳县2025年收到多少申请？", [], catalog)
    assert it.years == [2025] and it.kind == "figure"
    other = understand("我之前问过鹿城区府办，那鹿城区公安局2022年收到多少申请？", [], catalog)
    assert other.kind == "decline" and other.reason == "unknown_agency"
    story = understand("我2022年去鹿城区府办办过事，想问他们那年收到多少申请？", [], catalog)
    assert story.agencies == ["温州市鹿城区人民政府办公室"]


def test_a_list_after_a_colon_is_each_asked_and_a_bracket_sums_only_its_item(catalog):
    parts = plan_parts(*[(q := "请回答以下三个问题：平潭管委会2022年新收申请、行政复议总数、行政诉讼总数（两类合计）"),
                         normalized(q, catalog)], [], catalog)
    assert [it.keys[0].row for _, it in parts] == ["new_received", "review_total", "direct_suit_total"]


def test_a_sum_or_rank_over_every_agency_of_a_real_area_is_declined(catalog):
    """The corpus holds some agencies' reports: a province's total or a place among a city's districts is not in it."""
    total = understand("2025年宿迁各县区一共收到多少政府信息公开申请？", [], catalog)
    assert total.kind == "decline" and total.reason == "whole_area"
    rank = understand("沭阳县2025年的复议数在宿迁各个区县里排第几？", [], catalog)
    assert rank.kind == "decline" and rank.reason == "whole_area"
    held = understand("2024年所有单位一共收到多少申请？", [], catalog)  # every report held: a sum over the corpus
    assert held.kind == "sum"


def test_the_report_as_a_file_is_not_what_its_text_says(catalog):
    for q in ("鹿城区2022年年报的原文链接能发一下吗？", "沭阳县2025年那份年报一共几页？",
              "Where can I download Huai'an's 2024 report as a PDF?"):
        it = understand(q, [], catalog)
        assert it.kind == "decline" and it.reason == "report_meta", q


def test_a_part_of_the_other_handling_row_is_that_part_not_the_row(catalog):
    it = understand("淮安市2024年其他处理当中，不交费的有几件？", [], catalog)  # 不交费 no longer than 其他处理
    assert [k.row for k in it.keys] == ["other_overdue_fee"]


def test_these_agencies_and_the_database_count_nothing_and_those_ahead_are_the_ranking(catalog):
    it = understand("上海科委2024年复议的件数，在数据库里2024年这几家单位中排第几？", [], catalog)
    assert it.kind == "ranking" and it.rank_of == "上海市科学技术委员会"
    q = "上海科委2024年复议的件数，在2024年的单位中排第几？比它多的是哪些单位？"
    assert len(plan_parts(q, normalized(q, catalog), [], catalog)) == 1


def test_an_attribute_the_asker_sets_aside_is_not_asked(catalog):
    it = understand("不管年龄，上海科委2024年自然人提了多少件申请？", [], catalog)
    assert it.kind == "figure" and it.column == "natural_person"
    asked = understand("上海科委2024年按年龄分，自然人申请各多少件？", [], catalog)
    assert asked.kind == "decline"


def test_rows_left_out_before_a_comma_are_left_out_of_the_sum(catalog):
    it = understand("洪泽区2023年的办理结果，除了予以公开和无法提供，剩下的合起来有几件？", [], catalog)
    assert keys(it) == ["results_total.total"]
    assert {k.row for k in it.less} == {"granted", "unable_not_held", "unable_needs_creation", "unable_unclear"}


def test_a_whole_said_in_everyday_words_with_a_part_taken_off_or_set_beside_it(catalog):
    """办完的 is 办结; 扣掉/减去 a row leaves it out of the whole; 办结的比予以公开的多几件 sets the total beside the
    part (two sides of one report), where in a share it would be the denominator."""
    it = understand("沭阳县2025年办完的申请，减掉部分公开的，还剩几件？", [], catalog)
    assert keys(it) == ["results_total.total"] and [k.row for k in it.less] == ["partially_granted"]
    sides = understand("沭阳县2025年办结的比部分公开的多多少件？", [], catalog)
    assert sides.kind == "comparison" and [[k.row for k in ks] for _, ks in sides.sides] == [["results_total"],
                                                                                            ["partially_granted"]]
    assert keys(understand("沭阳县2025年处理完的申请共几件", [], catalog)) == ["results_total.total"]


def test_english_apart_from_leaves_the_applicant_type_out(catalog):
    it = understand("Other than natural persons, how many requests did Hongze District receive in 2024?", [], catalog)
    assert it.keys and counted_columns(it) == {"commercial", "research", "social_org", "legal_service", "other_org"}


def test_which_places_within_one_agency_named_is_its_own_text(catalog):
    assert understand("洪泽区2024年在哪些地方还做得不够？", [], catalog).kind == "narrative"
    assert understand("2024年哪些地方的单位开展了政务公开培训？", [], catalog).kind == "precedent"


def test_a_list_ending_in_he_and_a_comma_before_yiji_names_every_figure(catalog):
    q = "沭阳县2025年的部分公开数、无法提供数和行政复议数"
    tables = [{k.table for k in it.keys} for _, it in plan_parts(q, normalized(q, catalog), [], catalog)]
    assert len(tables) == 3 and tables[-1] == {"review_litigation"}
    it = understand("平潭管委会2021年的上年结转数，以及不予处理数", [], catalog)
    assert {k.row for k in it.keys} >= {"carried_over", "rejected_petition"}


def test_the_other_agencies_after_one_left_out_are_agencies_not_the_other_applicants(catalog):
    it = understand("除了洪泽区之外，其他单位2024年哪家收到的申请最多？", [], catalog)
    assert it.kind == "ranking" and it.column is None and "淮安市洪泽区人民政府" not in it.scope
    assert all(k.column in (None, "total") for k in it.keys)


def test_a_city_said_loosely_before_its_district_said_by_its_kind_asks_the_district(catalog):
    it = understand("淮安那边洪泽的区政府2024年结转下年度多少件？", [], catalog)
    assert it.agencies == ["淮安市洪泽区人民政府"] and it.kind == "figure"
    city = understand("淮安那边的市政府2024年结转下年度多少件？", [], catalog)
    assert city.agencies == ["淮安市人民政府"]


def test_numbered_items_and_a_joined_question_after_named_figures_are_parts_of_their_own(catalog):
    q = "淮安市2024年：1、上年结转数；2、无法提供数；3、他们怎么做依申请公开培训的？"
    kinds = [it.kind for _, it in plan_parts(q, normalized(q, catalog), [], catalog)]
    assert kinds == ["figure", "figure", "narrative"]
    q = "洪泽区2023年不予处理数和结转下年度数，另外他们的公开栏怎么维护的"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert [it.kind for _, it in parts] == ["figure", "narrative"] and parts[0][1].keys


def test_a_count_then_its_outcomes_is_one_part_and_a_new_topic_after_a_count_is_its_own(catalog):
    q = "平潭管委会2021年被起诉过吗？诉讼的结果如何？"
    assert len(plan_parts(q, normalized(q, catalog), [], catalog)) == 1
    q = "上海科委2024年收到几件申请？政务新媒体有哪些账号？"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert [it.kind for _, it in parts] == ["figure", "narrative"] and not parts[1][1].keys


def test_what_the_tables_cannot_split_by_the_day_the_hour_or_a_withdrawal(catalog):
    for q in ("沭阳县2025年周末收到的申请有几件？", "淮安市2024年下午交来的申请多少件？", "上海科委2024年被申请人撤回了几件申请？"):
        it = understand(q, [], catalog)
        assert it.kind == "decline" and it.unsupported, q
    review = understand("淮安市2024年行政复议里申请人撤回的算其他结果，其他结果几件？", [], catalog)
    assert review.kind != "decline" and any(k.row == "review_other" for k in review.keys)


def test_a_named_person_is_declined_and_the_post_that_holds_a_role_is_asked_of_the_text(catalog):
    assert understand("淮安市2024年那个姓张的科长有没有违纪？", [], catalog).reason == "person"
    assert understand("沭阳县2025年信息公开领导小组由谁担任组长？", [], catalog).kind == "narrative"


def test_figures_listed_with_haiyou_are_each_a_part(catalog):
    q = "平潭管委会2023年 那个上年结转 还有不予处理 还有行政复议 各是多少"
    n = normalized(q, catalog)
    assert len(plan_parts(q, n, [], catalog)) >= 2


def test_which_people_or_units_asked_of_one_named_report_is_that_reports_text(catalog):
    it = understand("沭阳县2025年要求哪些单位配齐政务公开工作人员？", [], catalog)
    assert it.kind == "narrative" and it.targets == [("沭阳县人民政府", 2025)]


def test_a_places_reports_said_in_the_plural_are_its_agencies_reports(catalog):
    it = understand("上海那几份报告里，哪些行政复议超过5件？", [], catalog)
    assert it.kind == "precedent" and set(it.scope) == {"上海市人民政府办公厅", "上海市科学技术委员会"}
    assert understand("上海科委2024年的报告里说了哪些不足？", [], catalog).kind == "narrative"


def test_which_years_had_none_lists_the_zeros(catalog):
    for q in ("淮安市哪几年行政诉讼是0？", "平潭管委会哪些年份没有行政复议？"):
        it = understand(q, [], catalog)
        assert it.kind == "precedent" and it.negated, q


def test_a_body_that_is_no_agency_set_beside_one_is_declined(catalog):
    it = understand("沭阳县2025年的申请，比县里那家自来水集团一年收到的咨询多吗？", [], catalog)
    assert it.kind == "decline" and it.reason == "outside_body"
    assert understand("沭阳县2025年公司提的申请有几件？", [], catalog).column == "commercial"


def test_a_condition_on_one_figure_is_asked_beside_the_figure_it_guards(catalog):
    q = "假设淮安市2024年新收申请不少于3000件，那么结转下年度的有多少？"
    n = normalized(q, catalog)
    parts = plan_parts(q, n, [], catalog)
    assert len(parts) == 2 and parts[0][1].claim and parts[1][1].keys[0].row == "carried_forward"


def test_who_the_asker_is_chooses_no_applicant_column_and_a_past_visit_said_with_shi_de_is_a_story(catalog):
    it = understand("我是一名律师，沭阳县2025年新收多少申请？", [], catalog)
    assert it.column is None and all(k.column in (None, "total") for k in it.keys)
    visit = understand("我是2023年去的洪泽区政务中心，洪泽区2024年不予处理几件？", [], catalog)
    assert visit.targets == [("淮安市洪泽区人民政府", 2024)] and visit.kind != "comparison"


def test_the_mean_of_the_years_asked_and_a_district_before_a_pause(catalog):
    it = understand("平潭管委会2022到2024年行政复议的平均数是多少？", [], catalog)
    assert it.mean and it.kind == "sum" and len(it.targets) == 3
    pair = understand("2025年的沭阳县和2024年的淮安市，哪个新收的申请多？", [], catalog)
    assert pair.kind == "comparison" and set(pair.targets) == {("沭阳县人民政府", 2025), ("淮安市人民政府", 2024)}


def test_the_correction_rate_of_the_suits_named_is_theirs_not_the_reviews(catalog):
    it = understand("平潭管委会2024年打官司的纠错率", [], catalog)
    assert it.rate_spec is not None and {k.row for k in it.rate_spec.numerator} <= {
        "direct_suit_corrected", "post_review_suit_corrected"}
    first = understand("平潭管委会2024年复议纠错率是多少", [], catalog)
    turn = understand("那起诉的呢", [{"role": "user", "content": "平潭管委会2024年复议纠错率是多少"},
                                    {"role": "assistant", "content": ""}], catalog)
    assert first.rate == "review_correction_rate" and turn.rate_spec is not None and all(
        k.row.endswith("_total") and "suit" in k.row for k in turn.rate_spec.denominator)


def test_a_service_word_in_the_askers_story_is_no_service_asked(catalog):
    it = understand("我的申请上个月被答复“不予公开”了，想问沭阳县2025年不予公开一共多少件？", [], catalog)
    assert it.kind != "decline" and it.keys


def test_each_of_two_reports_told_in_the_text_is_a_part_and_a_few_examples_ask_nothing(catalog):
    q = "平潭管委会2013年和2014年各主动公开了多少条信息？"
    assert len(plan_parts(q, normalized(q, catalog), [], catalog)) == 2
    q = "我在写材料，想列几个做法，哪些单位的年报写过依申请公开压力测试？"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert len(parts) == 1 and parts[0][1].kind == "precedent"


def test_a_kind_of_applicant_or_of_case_the_tables_do_not_split_is_declined_even_as_a_rate(catalog):
    for q in ("淮安市2024年外地申请人的公开率是多少？", "沭阳县2025年70岁以上申请人提了多少件？",
              "淮安市2024年关于房屋征收的行政诉讼有几件？"):
        assert understand(q, [], catalog).kind == "decline", q
    assert understand("淮安市2024年商业企业申请人提了多少件？", [], catalog).column == "commercial"


def test_the_applicants_left_after_one_is_left_out_are_summed_not_broken_down(catalog):
    it = understand("淮安市2024年不包括自然人，多少新收申请来自申请人？", [], catalog)
    assert it.kind == "figure" and counted_columns(it) == ALL_COLUMNS - {"natural_person"}


def test_a_request_opened_with_zai_after_a_question_is_a_part_and_years_total_is_their_sum(catalog):
    q = "沭阳县2025年不予公开多少，再给我算一下公开率"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert len(parts) == 2 and parts[1][1].rate == "disclosure_rate"
    it = understand("平潭管委会2022年和2023年行政复议的两年总数", [], catalog)
    assert it.kind == "sum" and len(it.targets) == 2


def test_figures_of_two_tables_joined_by_he_and_items_numbered_with_a_dot_are_parts(catalog):
    q = "沭阳县2025年不予处理数和行政诉讼数分别多少"
    assert [{k.table for k in it.keys} for _, it in plan_parts(q, normalized(q, catalog), [], catalog)] == [
        {"requests"}, {"review_litigation"}]
    q = "平潭管委会2022年：1.上年结转数 2.办结率 3.复议维持数"
    assert len(plan_parts(q, normalized(q, catalog), [], catalog)) == 3
    label = understand("沭阳县2025年表三“（三）不予公开 1.属于国家秘密”是多少？", [], catalog)
    assert [k.row for k in label.keys] == ["denied_state_secret"]


def test_how_many_of_them_were_disclosed_and_a_year_set_beside_two_figures(catalog):
    it = understand("其中多少个公开了", [{"role": "user", "content": "淮安市2024年收到多少申请"},
                                          {"role": "assistant", "content": ""}], catalog)
    assert [k.row for k in it.keys] == ["granted"]
    turns = [{"role": "user", "content": "洪泽区2024年新收多少"}, {"role": "assistant", "content": ""},
             {"role": "user", "content": "行政复议多少"}, {"role": "assistant", "content": ""}]
    it = understand("跟2023年比呢", turns, catalog)
    assert {y for _, y in it.targets} == {2023, 2024}


def test_the_reports_own_problems_asked_after_a_figure_are_not_that_figures(catalog):
    turns = [{"role": "user", "content": "沭阳县2025年予以公开多少"}, {"role": "assistant", "content": ""}]
    it = understand("另外说说他们存在哪些不足", turns, catalog)
    assert it.kind == "narrative" and not it.keys and "他们" not in it.topic


def test_a_group_of_applicants_less_a_list_of_its_kinds_is_what_is_left_of_it(catalog):
    it = understand("沭阳县2025年法人或其他组织里，不包括商业企业、科研机构和社会公益组织，提了多少申请？", [], catalog)
    assert {k.column for k in it.keys} == {"legal_service", "other_org"} and it.kind == "figure"


def test_reports_a_follow_up_adds_join_those_asked_before(catalog):
    it = understand("连同2024年，两年合计多少", _turns("洪泽区2023年新收多少"), catalog)
    assert it.kind == "sum" and sorted(it.targets) == [(HONGZE, 2023), (HONGZE, 2024)] and keys(it) == ["new_received.total"]
    it = understand("再把鹿城区2022年算进去，两家一共", _turns("洪泽区2024年予以公开几件"), catalog)
    assert it.kind == "sum" and sorted(it.targets) == [(HONGZE, 2024), (LUCHENG, 2022)] and keys(it) == ["granted.total"]
    it = understand("加上2022年，合起来的公开率呢", _turns("平潭管委会2021年的公开率？"), catalog)
    assert it.kind == "rate" and it.pooled and sorted(it.targets) == [(SYQ, 2021), (SYQ, 2022)]
    q = "那沭阳县2025年和洪泽区2023年呢？三家加起来？"
    [(_, it)] = plan_parts(q, normalized(q, catalog), _turns("淮安市2024年行政诉讼多少件"), catalog)
    assert it.kind == "sum" and set(it.targets) == {(HUAIAN, 2024), (HONGZE, 2023), ("沭阳县人民政府", 2025)}


def test_a_follow_up_that_only_names_other_reports_asks_those_alone(catalog):
    assert understand("那淮安市2024年呢", _turns("洪泽区2024年不予公开多少"), catalog).targets == [(HUAIAN, 2024)]
    it = understand("予以公开加上部分公开一共多少", _turns("洪泽区2024年予以公开多少"), catalog)
    assert it.targets == [(HONGZE, 2024)]  # 加上 joins two rows of one report, not another report
    it = understand("那2023年的呢？两年的都要", _turns("洪泽区2024年新收多少"), catalog)
    assert it.kind != "sum"  # two years asked, no total: not taken together


def test_a_place_said_of_its_reports_is_every_report_held_there(catalog):
    jiangsu = {HUAIAN, HONGZE, "沭阳县人民政府"}
    it = understand("江苏的报告里行政复议一共多少件", [], catalog)
    assert it.kind == "sum" and set(it.scope) == jiangsu and it.years == [2023, 2024, 2025] and it.bounded
    assert understand("江苏的单位里行政复议一共多少件", [], catalog).years == []  # the agencies: each one's newest
    assert understand("鹿城区的报告里行政复议多少件", [], catalog).agencies == [LUCHENG]
    it = understand("其他江苏的报告呢？加起来多少？", _turns("淮安市2024年新收多少"), catalog)
    assert it.kind == "sum" and set(it.scope) == jiangsu - {HUAIAN} and keys(it) == ["new_received.total"]


def test_a_place_said_before_the_agency_it_names_pairs_years_by_the_title(catalog):
    q = "上海那边呢？科委2024年和市政府办公厅2025年这一项加起来多少？"
    [(_, it)] = plan_parts(q, normalized(q, catalog), _turns("鹿城区2022年予以公开多少件"), catalog)
    assert it.kind == "sum" and sorted(it.targets) == [(BGT, 2025), (KEWEI, 2024)] and keys(it) == ["granted.total"]


def test_a_condition_said_as_not_zero_lists_those_with_any(catalog):
    it = understand("上海的几份报告里，哪家的行政诉讼不为零？", [], catalog)
    assert it.kind == "precedent" and not it.negated and keys(it) == ["direct_suit_total", "post_review_suit_total"]
    assert understand("哪些报告的行政复议为零？", [], catalog).negated  # 为零 still lists the zeros
    it = understand("新收超过100件的有哪些？", [], catalog)
    assert it.kind == "precedent" and it.threshold == (">", 100.0)
    it = understand("2019年后的报告中，部分公开比予以公开多的有哪些？", [], catalog)
    assert it.kind == "precedent" and it.beats == ">" and it.years[0] == 2019 and it.bounded


def test_a_switch_clause_that_names_a_figure_is_a_question_of_its_own(catalog):
    assert len(split_parts("部分公开的呢？两个加起来多少？")) == 2
    assert len(split_parts("那洪泽区2024年和沭阳县2025年呢？三家的纠正件数合计多少？")) == 1


def test_the_topic_of_a_question_over_a_scope_leaves_the_place_out(catalog):
    it = understand("江苏、上海的单位里谁在报告里提到过新闻发布会？", [], catalog)
    assert it.kind == "precedent" and "新闻发布会" in it.topic and "江苏" not in it.topic and "上海" not in it.topic


def test_an_outcome_said_after_a_negation_asks_the_rest_of_its_group(catalog):
    it = understand("沭阳县2025年的行政复议里，没被维持的有几件？", [], catalog)
    assert keys(it) == ["review_total"] and [k.row for k in it.less] == ["review_upheld"]
    it = understand("淮安市2024年打官司除了被纠正的还有多少？", [], catalog)
    assert keys(it) == ["direct_suit_total", "post_review_suit_total"]
    assert [k.row for k in it.less] == ["direct_suit_corrected", "post_review_suit_corrected"]
    assert not understand("淮安市2024年有没有被纠正的复议？", [], catalog).less  # whether any: the corrected ones
    assert understand("哪些单位的复议没有被纠正过？", [], catalog).kind == "precedent"


def test_an_average_over_the_years_said_in_everyday_words(catalog):
    for said in ("两年平均下来一年几件", "平均算起来每年多少", "摊到每年是多少"):
        it = understand(f"平潭管委会2022年和2023年的新收申请，{said}？", [], catalog)
        assert it.mean and it.kind == "sum", said


def test_a_comparison_with_an_agency_the_corpus_does_not_hold_is_declined(catalog):
    for other in ("温州市本级", "温州市政府", "杭州市西湖区"):
        it = understand(f"鹿城区2022年的新收申请跟{other}比谁多？", [], catalog)
        assert it.kind == "decline" and it.reason == "unknown_agency" and it.unknown_agency == other, other
    assert understand("洪泽区2024年和淮安市比谁的复议多？", [], catalog).kind == "comparison"


def test_a_question_dictated_without_punctuation_is_split_where_each_figure_is_asked():
    assert split_parts("鹿城区2022年新收多少上年结转的多少办结了多少结转下年的又多少") == [
        "鹿城区2022年新收多少", "上年结转的多少", "办结了多少", "结转下年的又多少"]
    assert len(split_parts("洪泽区2024年新收多少予以公开多少不予公开多少")) >= 2
    assert split_parts("洪泽区2024年有多少予以公开的") == ["洪泽区2024年有多少予以公开的"]  # its figure after 多少
    assert split_parts("洪泽区2024年收到多少件申请其中多少予以公开") == ["洪泽区2024年收到多少件申请其中多少予以公开"]


def test_who_the_asker_helps_in_a_preamble_is_no_applicant_column(catalog):
    q = "本人系社区志愿者，正协助居民了解政务公开情况，欲知洪泽区2023年度无法提供的申请共有几件"
    assert understand(q, [], catalog).column is None
    assert understand("请问洪泽区2023年企业申请了几件？", [], catalog).column == "commercial"


def test_who_filed_each_of_the_cases_counted_is_declined(catalog):
    it = understand("洪泽区2024年那31件本机关不掌握的申请，分别是谁申请的、要的是什么信息？", [], catalog)
    assert it.kind == "decline" and it.reason == "case_detail"
    assert understand("洪泽区2024年那31件本机关不掌握的申请里有几件是企业提的？", [], catalog).kind == "figure"


def test_a_row_named_as_the_table_prints_it_with_its_number(catalog):
    assert keys(understand("君山片区2020年表里（七）总计填的是多少？", [], catalog)) == ["results_total.total"]
    assert keys(understand("君山片区2020年(六)其他处理是几件", [], catalog)) == ["other.total"]


def test_items_asked_after_a_comparison_each_a_part_of_their_own(catalog):
    q = "比较一下平潭管委会2023和2024两年的行政处罚决定数，哪年多？再告诉我2024年复议纠错率，以及2024年因三类内部事务信息不予公开的件数。"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert [it.kind for _, it in parts] == ["comparison", "rate", "figure"]
    assert [it.years for _, it in parts][1:] == [[2024], [2024]]
    q = "平潭管委会2021年合计申请，多少予以公开，多少本机关不掌握，和公开率？"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert [it.kind for _, it in parts] == ["figure", "figure", "figure", "rate"]


def test_a_part_after_a_change_asks_the_year_asked_not_the_one_compared_with(catalog):
    q = "平潭实验区2025年新收多少？比2024年增长了百分之多少？结转到下年的有几件？当年收没收信息处理费？"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert [it.years for _, it in parts] == [[2025], [2024, 2025], [2025], [2025]]


def test_satisfaction_and_the_dates_of_the_cases_counted_are_declined(catalog):
    assert understand("洪泽区2023年申请人表示满意的政府信息公开申请有多少件？", [], catalog).kind == "decline"
    it = understand("平潭市场监管局2024年收到的申请，除了无法提供的那2件，其余几件分别是哪天提交的？", [], catalog)
    assert it.kind == "decline" and it.reason == "case_detail"


def test_a_bound_said_in_written_words_is_the_claim_checked(catalog):
    assert understand("洪泽区2024年新收申请是否逾百件？", [], catalog).claim == (">=", 100.0)  # as 过百, 破千
    assert understand("洪泽区2024年新收申请突破90件了吗？", [], catalog).claim == (">", 90.0)


def test_what_an_agency_says_of_itself_is_asked_of_its_report_not_graded(catalog):
    it = understand("平潭实验区2025年自己说网上跟老百姓互动那块做得怎么样？", [], catalog)
    assert it.kind == "narrative" and it.agencies == [SYQ]
    assert understand("你觉得平潭实验区2025年做得怎么样？", [], catalog).reason == "opinion"
    assert understand("2022年平潭实验区自己觉得解读政策这块有什么毛病？", [], catalog).agencies == [SYQ]


def test_two_aspects_of_one_passage_listed_with_a_pause_are_one_question(catalog):
    q = "平潭2023年对政府网站多久查一次、多久通报一次？"
    assert len(plan_parts(q, normalized(q, catalog), [], catalog)) == 1
    q = "平潭管委会2023年怎么开展培训？有没有被复议？"
    assert len(plan_parts(q, normalized(q, catalog), [], catalog)) == 2


def test_a_cell_pointed_at_by_its_printed_label_beside_the_asker_s_own_sums(catalog):
    q = "洪泽区2023年那张复议诉讼表，行政复议“总计”那一格印的是多少？维持10件、纠正1件，按理总计该是11吧？"
    it = understand(q, [], catalog)
    assert keys(it) == ["review_total"] and it.claim == ("=", 11.0)


def test_an_agency_in_brackets_is_an_aside_to_the_one_asked(catalog):
    it = understand("宿迁市人民政府（沭阳县的上级）2025年行政复议多少？", [], catalog)
    assert it.kind == "decline" and it.unknown_agency == "宿迁市人民政府"
    assert understand("沭阳县（宿迁市下辖）2025年行政复议多少？", [], catalog).agencies == ["沭阳县人民政府"]


def test_an_agency_named_as_where_another_published_is_no_agency_asked(catalog):
    it = understand("苏平片区管理局2023年在管委会门户网站公开了多少条政府信息？", [], catalog)
    assert it.agencies == ["平潭综合实验区苏平片区管理局"]
    it = understand("苏平片区管理局二〇二二年在管委会门户网站公开了多少条政府信息？", [], catalog)
    assert it.kind == "decline" and it.reason == "year_not_held"
    assert understand("平潭管委会2023年门户网站公开了多少条信息？", [], catalog).agencies == [SYQ]


def test_an_average_over_the_reports_or_agencies_said(catalog):
    it = understand("鹿城区2022年和洪泽区2024年这两份报告，平均每份收到多少申请？", [], catalog)
    assert it.mean and it.kind == "sum" and set(it.targets) == {(LUCHENG, 2022), (HONGZE, 2024)}


def test_a_change_asked_in_a_journalists_words_or_against_last_year(catalog):
    """暴增, 腰斩 and 跟上一年比怎么样 ask the change of the figure with both years' cells, not a passage."""
    for q in ("平潭管委会2024年的行政复议是不是暴增了？", "平潭管委会2023年新收申请跟上一年比怎么样",
              "平潭管委会2025年收到的申请腰斩了吗"):
        it = understand(q, [], catalog)
        assert it.kind == "change" and len(it.targets) == 2, q


def test_whether_an_agency_broke_the_law_is_a_judgement_no_report_makes(catalog):
    for q in ("沭阳县2025年有没有违法？", "平潭管委会2021年不予公开是否合法", "Did Shuyang county act unlawfully in 2025?"):
        assert [it.reason for _, it in plan_parts(q, normalized(q, catalog), [], catalog)] == ["opinion"], q
    assert understand("平潭管委会2019年违法行为处罚信息公开是怎么做的", [], catalog).reason != "opinion"


def test_a_median_over_years_is_their_middle_value(catalog):
    it = understand("平潭管委会2019到2025年行政复议的中位数是多少？", [], catalog)
    assert it.kind == "sum" and it.mean == "median" and len(it.targets) == 7
    assert understand("平潭管委会2019到2025年平均每年复议几件", [], catalog).mean == "mean"


def test_bulleted_items_are_parts_each(catalog):
    """A list typed with bullets (inline •, or - at the start of lines) asks each item, as 1. 2. 3. does."""
    q = "请列出：• 沭阳县2025年被复议几件 • 其中维持几件 • 这些复议是因为什么事"
    assert len(split_parts(normalize(normalize_question(q).text))) == 3
    lines = "平潭管委会2023年：\n- 新收多少\n- 部分公开多少"
    assert [k.row for _, it in plan_parts(lines, normalized(lines, catalog), [], catalog) for k in it.keys] == [
        "new_received", "partially_granted"]
    assert split_parts("中国·平潭网站2019-2021年公开多少") == ["中国·平潭网站2019-2021年公开多少"]


def test_the_askers_own_application_is_a_service_no_report_gives(catalog):
    assert understand("我去年给沭阳县政府递了申请，我这个申请现在有结果了吗", [], catalog).reason == "service"
    assert understand("沭阳县2025年的申请都办到哪一步了", [], catalog).reason != "service"


def test_of_those_requests_a_subject_is_a_split_no_table_holds(catalog):
    q = "沭阳县2025年部分公开几件？其中有多少是关于征地的？"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert [(it.kind, it.unsupported) for _, it in parts] == [("figure", None), ("decline", "征地")]


def test_a_month_against_the_one_before_is_a_split_no_table_holds(catalog):
    it = understand("沭阳县2025年新收申请环比涨了多少，跟上个月比", [], catalog)
    assert it.kind == "decline" and it.unsupported == "上个月"


def test_a_report_of_another_kind_is_declined_not_answered_from_the_disclosure_report(catalog):
    for q in ("沭阳县2025年政府工作报告里提到受理了多少件信访？", "平潭管委会2023年的审计报告显示有几件问题",
              "What does Shuyang's 2025 budget report say about spending?"):
        assert [it.reason for _, it in plan_parts(q, normalized(q, catalog), [], catalog)] == ["other_report"], q
    assert understand("平潭管委会2023年年报有没有提到政府工作报告的解读", [], catalog).reason != "other_report"


def test_whether_a_figure_is_a_lot_against_nothing_is_a_judgement(catalog):
    assert understand("沭阳县2025年收到的申请算不算多？", [], catalog).reason == "opinion"
    compared = understand("平潭管委会2023年新收的比2022年算多还是少？", [], catalog)
    assert compared.reason != "opinion" and len(compared.targets) == 2


def test_short_years_after_each_name_pair_with_it(catalog):
    """平潭管委会22/23、沭阳25: each name's short years are its own reports (a slash joins two years as 和 does)."""
    it = understand("平潭管委会22/23、沭阳25年这三份报告，新收各多少", [], catalog)
    assert set(it.targets) == {("平潭综合实验区管委会", 2022), ("平潭综合实验区管委会", 2023), ("沭阳县人民政府", 2025)}


def test_one_case_picked_out_by_a_superlative_is_a_detail_no_report_records(catalog):
    for q in ("沭阳县2025年最早的一件申请是哪天提交的", "平潭管委会2024年最复杂的那起复议是什么"):
        assert understand(q, [], catalog).reason == "case_detail", q


def test_a_citys_districts_are_parts_its_report_does_not_split(catalog):
    it = understand("淮安市2024年下面各县区分别受理了多少申请", [], catalog)
    assert it.kind == "decline" and "县区" in it.unsupported


def test_an_average_annual_growth_is_a_trend_rated_per_year(catalog):
    it = understand("平潭管委会2021到2024年复议件数的年均增长率", [], catalog)
    assert it.annual and it.kind == "comparison" and it.trend and not it.mean


def test_which_agencies_went_up_or_down_between_two_years(catalog):
    up = understand("2023年行政复议比2022年多的有哪些单位？", [], catalog)
    assert up.kind == "precedent" and up.versus == (2023, 2022, ">")
    down = understand("哪些单位2024年的新收申请比上年减少了", [], catalog)
    assert down.versus == (2024, 2023, "<")


def test_a_row_said_inside_the_results_is_that_row(catalog):
    for q, row in (("沭阳县2025年办理结果中部分公开的有几件", "partially_granted"),
                   ("沭阳县2025年复议结果里被纠正的有几件", "review_corrected")):
        it = understand(q, [], catalog)
        assert it.kind == "figure" and [k.row for k in it.keys] == [row], q
    assert understand("沭阳县2025年办理结果怎么样", [], catalog).kind == "breakdown"


def test_a_rate_against_the_year_before_is_both_years_rates(catalog):
    it = understand("平潭管委会2023年公开率同比变化了多少个百分点", [], catalog)
    assert it.kind == "comparison" and it.rate == "disclosure_rate" and sorted(it.years) == [2022, 2023]


def test_a_mean_asked_after_a_sum_over_years_is_their_mean(catalog):
    history = [{"role": "user", "content": "平潭管委会2019年到2023年合计复议多少件？"}, {"role": "assistant", "content": ""}]
    for q in ("均值是多少？", "平均每年多少"):
        it = understand(q, history, catalog)
        assert it.kind == "sum" and it.mean == "mean" and len(it.targets) == 5, q


def test_what_the_requests_were_about_is_no_split_the_reports_make(catalog):
    for q in ("沭阳县2025年的申请大多是关于哪方面的内容", "平潭管委会2023年申请人主要想要什么信息"):
        assert understand(q, [], catalog).reason == "request_subject", q
    assert understand("沭阳县2025年哪一类申请人最多", [], catalog).reason != "request_subject"


def test_the_choices_said_after_a_question_are_part_of_it(catalog):
    q = "平潭管委会2023年申请最多的是哪1类信息？教育还是医疗？"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert [it.reason for _, it in parts] == ["request_subject"]


def test_a_split_by_applicant_asked_next_is_of_the_figure_before(catalog):
    history = [{"role": "user", "content": "沭阳县2025年办结了多少件？"}, {"role": "assistant", "content": ""}]
    it = understand("按申请人类型拆开看看", history, catalog)
    assert it.breakdown == "applicant" and [k.row for k in it.keys] == ["results_total"]


def test_a_row_pointed_at_is_the_row_the_part_before_named(catalog):
    q = "我想看看别人怎么写“行政执法案卷”的：2021年以来，哪些报告里这一行不是零？"
    parts = plan_parts(q, normalized(q, catalog), [], catalog)
    assert parts[-1][1].kind == "precedent" and [k.row for k in parts[-1][1].keys] == ["denied_enforcement_file"]


@pytest.mark.parametrize("q", [
    "洪泽区2024年：（1）收到申请（2）不予公开（3）签发人是谁",
    "洪泽区2024年：①收到多少申请②不予公开几件③签发人是谁",
    "洪泽区2024年：(a)收到申请 (b)不予公开 (c)签发人是谁",
])
def test_a_numbered_list_is_one_part_per_item_however_it_is_numbered(catalog, q):
    """(1)…(2)…, ①…②…, (a)…(b)…: each item a part, the last one (who signed) declined, not dropped or merged."""
    parts = plan_parts(normalized(q, catalog), normalized(q, catalog), [], catalog)
    assert len(parts) == 3
    assert [k.row for k in parts[0][1].keys] == ["new_received"]
    assert all(k.row.startswith("denied") for k in parts[1][1].keys)
    assert parts[2][1].kind == "decline" and parts[2][1].reason == "person"


def test_a_pasted_row_number_alone_is_no_list(catalog):
    """（三）不予公开 pasted from the table counts nothing from one: one question."""
    assert len(split_parts("（三）不予公开有多少件")) == 1


@pytest.mark.parametrize("q, num, den", [
    ("平潭管委会2021年不予公开的相当于当年新收申请的百分之几？", "denied_", "new_received"),
    ("鹿城区2022年结转下年度占新收的比例", "carried_forward", "new_received"),
    ("鹿城区2022年予以公开的占办结的几成", "granted", "results_total"),
])
def test_a_share_is_of_the_whole_the_asker_names(catalog, q, num, den):
    """相当于新收的百分之几, 占新收的多少: the whole said is the denominator, not the table's own total."""
    it = understand(q, [], catalog)
    assert it.rate_spec is not None
    assert all(k.row.startswith(num) for k in it.rate_spec.numerator)
    assert [k.row for k in it.rate_spec.denominator] == [den]


def test_a_rate_named_then_its_change_between_two_years_is_one_question(catalog):
    """个人申请所占比例，2021年比2020年变了几个百分点: the rate of both years, not the rate of the newest report and
    then a change of requests."""
    q = "平潭管委会的申请里个人申请所占比例，2021年比2020年变了几个百分点？"
    parts = plan_parts(q, q, [], catalog)
    assert len(parts) == 1
    it = parts[0][1]
    assert it.rate and sorted(it.years) == [2020, 2021]


@pytest.mark.parametrize("q", ["平潭实验区2020年申请最多的那个人，一个人提了几件？", "鹿城区2022年人均申请几件",
                               "鹿城区2022年每个人平均提交了几件申请"])
def test_one_applicants_count_is_declined(catalog, q):
    """The tables count requests by type of applicant, never per person."""
    it = understand(normalized(q, catalog), [], catalog)
    assert it.kind == "decline" and it.reason == "person"


def test_a_goal_said_with_更_is_no_judgement(catalog):
    """把答复书弄得更规范: what the report plans, not a rating of the agency (最规范的单位)."""
    it = understand("洪泽区2024年年报里说要把答复书的哪些方面弄得更规范", [], catalog)
    assert it.reason != "opinion"


def test_a_claim_heard_elsewhere_is_checked_against_the_year_after(catalog):
    """我看到有报道说第二年降到了2776，係唔係 after a turn about 2023: the claim is of 2024's figure; where the asker
    heard it is said around the question, not a topic to search passages for."""
    history = [{"role": "user", "content": "洪泽区2023年行政处罚决定多少件？"}, {"role": "assistant", "content": "…"}]
    q = "我看到有报道说第二年降到了2776，係唔係？"
    it = understand(normalized(q, catalog), history, catalog)
    assert it.targets == [(HONGZE, 2024)] and [k.row for k in it.keys] == ["penalty_decisions"]


@pytest.mark.parametrize("q", ["沭阳县2025年有几件申请因为申请人逾期没交信息处理费、不再处理？",
                               "沭阳县2025年申请人没缴纳处理费的有几件"])
def test_a_fee_not_paid_is_that_row_however_the_fee_is_said(catalog, q):
    """没交信息处理费: the 其他处理 row of fees not paid, though 信息处理费 alone names no figure."""
    it = understand(q, [], catalog)
    assert [k.row for k in it.keys] == ["other_overdue_fee"]


@pytest.mark.parametrize("q, op", [("平潭实验区2019到2021这三年，哪几年新收的申请超过三年平均水平？", ">"),
                                   ("2024年哪些单位的公开率低于平均水平", "<")])
def test_a_bound_said_as_the_mean_is_a_listing_against_the_listed_values_mean(catalog, q, op):
    it = understand(q, [], catalog)
    assert it.kind == "precedent" and it.threshold == (op, MEAN_MARK)


def test_applicants_by_ownership_are_no_column_of_the_table(catalog):
    """民营企业提的申请: the table counts 商业企业 whole, not split by ownership; 所有企业 is every one of them."""
    it = understand("上海科委2024年民营企业提的申请，公开率是多少？", [], catalog)
    assert it.kind == "decline"
    assert understand("鹿城区2022年所有企业提的申请有几件", [], catalog).kind != "decline"


def test_the_askers_purpose_said_first_is_no_topic(catalog):
    """我准备发言稿，想举几个…的例子，哪些单位…写过新闻发布会: what the asker wants the list for names nothing
    the reports are searched for."""
    it = understand("我准备发言稿，想举几个开新闻发布会解读政策的例子，哪些单位的年报写过新闻发布会？", [], catalog)
    assert it.kind == "precedent" and "例子" not in (it.topic or "") and "新闻发布会" in (it.topic or "")


@pytest.mark.parametrize("q, row", [("海坛片区2019年其他对外管理服务事项处理了几件", "other_services_decisions"),
                                    ("洪泽区2024年行政许可办了多少件", "licensing_decisions")])
def test_an_active_item_handled_is_its_decisions(catalog, q, row):
    """处理了 / 办了 said of an active-table item: its decisions, not the requests' 办理结果."""
    assert [k.row for k in understand(q, [], catalog).keys] == [row]


@pytest.mark.parametrize("q, row", [("不算上年结转下来的那些，平潭管委会2021年当年新收到的信息公开申请是多少件？", "new_received"),
                                    ("鹿城区2022年如果不算结转到下年度的，那当年办结的有多少？", "results_total")])
def test_a_figure_set_aside_before_the_one_asked_is_not_asked(catalog, q, row):
    assert [k.row for k in understand(q, [], catalog).keys] == [row]


def test_a_part_set_aside_from_its_whole_is_still_a_remainder(catalog):
    """不算予以公开的，办结的有多少: 办结 less 予以公开, not 办结 whole."""
    it = understand("鹿城区2022年不算予以公开的，办结的有多少", [], catalog)
    assert [k.row for k in it.less] == ["granted"] or "granted" not in [k.row for k in it.keys]


@pytest.mark.parametrize("q, reason", [("跟鹿城挨着的瓯海区，2022那年依申请公开的受理量查得到吗？", "unknown_agency"),
                                       ("平潭管委会2021年的依申请公开率，和美国联邦政府FOIA的满足率相比谁高？", "foreign")])
def test_a_place_named_beside_a_held_one_or_abroad_is_declined(catalog, q, reason):
    it = understand(normalized(q, catalog), [], catalog)
    assert it.kind == "decline" and it.reason == reason


def test_a_street_under_a_district_is_no_report_of_its_own(catalog):
    it = understand("洪泽区下面的高良涧街道办事处，2024年单独收了几份公开申请？", [], catalog)
    assert it.kind == "decline"


def test_a_clause_tail_is_no_unknown_agency(catalog):
    """老师让我们查一查政府…: 们查一查政府 is what the asker was told to do, no agency the corpus lacks."""
    it = understand("老师让我们查一查政府怎么帮老百姓少跑腿。鹿城区2022年的报告里，通过“数据跑腿”能办哪些事？", [], catalog)
    assert it.unknown_agency is None and it.agencies == [LUCHENG]


def test_a_column_left_out_before_the_one_kept_is_not_asked(catalog):
    """要是把法人那一件去掉，只算自然人的呢 after a count: the 自然人 column, not the legal persons left out."""
    history = [{"role": "user", "content": "平潭管委会2020年新收了几件公开申请？"}, {"role": "assistant", "content": "…"}]
    it = understand("要是把法人那一件去掉，只算自然人的呢？", history, catalog)
    assert {k.column for k in it.keys} == {"natural_person"} or it.column == "natural_person"


def test_what_brackets_hold_is_one_clause(catalog):
    """左边（新收、上年结转）合起来几件，右边（办理结果总计、结转下年度）合起来几件: two parts, each a sum of what its
    brackets list, not a part cut at the 、 inside them."""
    q = "核对一下鹿城区府办2022年那张申请表的两头：左边（新收、上年结转）合起来几件，右边（办理结果总计、结转下年度）合起来几件，一样不一样？"
    parts = split_parts(normalized(q, catalog))
    assert len(parts) == 3 and "新收、上年结转" in parts[0] and "办理结果总计、结转下年度" in parts[1]


def test_a_goal_the_asker_sets_is_no_rating(catalog):
    """我们县想把行政服务中心管得更好，…有什么办法可以借鉴: how another agency did it, not which one is better."""
    it = understand("我们县想把行政服务中心管得更好，平潭实验区2018年管政务大厅有什么办法可以借鉴？", [], catalog)
    assert it.reason != "opinion"
    assert understand("哪个单位做得最好", [], catalog).reason == "opinion"


def test_statements_then_one_question_of_each_are_a_part_each(catalog):
    """…既收到过上年结转的申请，又有复议被纠正过，这两项分别是多少: each statement names a figure and the closing
    question is asked of each; not figures listed in one clause (side by side) nor a remainder (其余的分别…)."""
    parts = split_parts(normalized("洪泽区2023年既收到过上年结转的申请，又有复议被纠正过，这两项分别是多少？", catalog))
    assert len(parts) == 2 and "上年结转" in parts[0] and "纠正" in parts[1] and all("分别" in p for p in parts)
    assert len(split_parts(normalized("沭阳县2025年予以公开、部分公开，分别是多少", catalog))) == 1
    assert len(split_parts(normalized("沭阳县2025年予以公开的有一些，部分公开的也有一些，两项各占多少", catalog))) == 1  # shares
    assert len(split_parts(normalized("沭阳县2025年收到的申请，除了不予公开的那几件，其余的分别是什么时候收到的？", catalog))) == 1


def test_a_multiple_claimed_in_a_follow_up_is_the_change_checked(catalog):
    history = [{"role": "user", "content": "洪泽区2023年新收多少件？"}, {"role": "assistant", "content": "…"}]
    it = understand("2024年是不是涨到四倍以上了？", history, catalog)
    assert it.kind == "change" and it.times and {y for _, y in it.targets} == {2023, 2024}


def test_a_figure_said_to_be_none_is_the_figure_asked():
    """也没有结转到下一年的: 结转 has no negated figure of its own, so 没有 says there were none of it (a claim to
    check); a figure that has one (没缴费 is 逾期未缴费) and a verb negated (不再处理) keep their readings."""
    from assistant.read import explained, figure_keys

    assert [k.row for k in figure_keys("年底也没有结转到下一年的吧")[0]] == ["carried_forward"]
    assert [k.row for k in figure_keys("有几件是没缴费的")[0]] == ["other_overdue_fee"]
    assert explained("幅度")  # 变化幅度是多少: the change asked, no word the reports lack


def test_an_average_over_the_year_asked_in_a_follow_up_or_by_spreading_it(catalog):
    """那平均下来一个月几件 after a count, 按季度摊一下: the year's figure divided, not a figure the tables lack."""
    history = [{"role": "user", "content": "沭阳县2025年收到多少申请？"}, {"role": "assistant", "content": "…"}]
    assert understand("平均下来一个月几件？", history, catalog).per == ("月", 12)
    assert understand("按季度摊一下，沭阳县2025年的行政复议有几件", [], catalog).per == ("季度", 4)


@pytest.mark.parametrize("q, reason", [("淮安市2024年来申请信息公开的人都是做什么工作的？", "person"),
                                       ("我同事2025年找沭阳县申请过征地材料，她那份批下来没有？", "service"),
                                       ("洪泽区2023年那些自然人申请人里，70岁以上的有多少？", "岁")])
def test_what_no_table_records_of_the_applicants_is_declined(catalog, q, reason):
    """the applicants' jobs, one person's request, a part of a column by age: the tables count types and outcomes."""
    it = understand(normalized(q, catalog), [], catalog)
    assert it.kind == "decline" and (it.reason == reason or reason in (it.unsupported or ""))


@pytest.mark.parametrize("q", ["沭阳县2025年7到12月，就是后半年，收到多少申请？", "淮安市2024年哪个处室办的依申请公开件最多？"])
def test_a_part_of_the_year_or_of_the_agency_is_no_cell(catalog, q):
    """a span of months said in a clause of its own, a sub-unit ranked though no figure word is read: the tables
    count an agency's whole year."""
    assert understand(normalized(q, catalog), [], catalog).kind == "decline"


@pytest.mark.parametrize("q", ["淮安市2024年的财政预算，具体是哪个科室负责编制的？", "沭阳县2025年部门预算由哪个机构来公布？"])
def test_which_office_does_the_work_is_read_in_the_text_even_of_an_attribute_no_table_holds(catalog, q):
    """预算 is no cell, but which office compiles or publishes it is something the text says: read there, not
    declined as a figure; the figure itself (预算多少钱) is still no cell."""
    assert understand(normalized(q, catalog), [], catalog).kind == "narrative"
    assert understand(normalized("淮安市2024年的财政预算有多少钱？", catalog), [], catalog).kind == "decline"


def test_one_figure_less_another_keeps_the_order_said(catalog):
    """减去 between two figures of one report: the first less the second (not 把…减去, what is left of a total)."""
    it = understand(normalized("沭阳县2025年不予公开的件数减去部分公开的件数，得多少？", catalog), [], catalog)
    assert it.kind == "comparison" and it.minus and [w for w, _ in it.sides] == ["不予公开", "部分公开"]
    assert not understand(normalized("沭阳县2025年把上年结转的减去，新收还剩几件？", catalog), [], catalog).minus


@pytest.mark.parametrize("q", ["我敢打赌沭阳县2025年第三季度收到的申请过了200件，能查到吗？",
                               "我认为淮安市2024年上半年予以公开的不到100件，对吗？"])
def test_a_claim_the_asker_makes_is_read_with_its_period(catalog, q):
    """我打赌/我认为…: what the asker claims is the question checked, with the part of the year it names, which no
    table counts (not the asker's own story, which a clause of 我… usually is)."""
    it = understand(normalized(q, catalog), [], catalog)
    assert it.kind == "decline" and it.unsupported in ("季度", "上半年", "第三季度")


def test_a_link_word_before_an_agency_is_no_part_of_its_name(catalog):
    """与平潭管委会: 与 links the two reports compared (环境与国土资源局 holds 与 too); 和平区 stays one unknown name."""
    it = understand(normalized("比较沭阳县2025年与平潭管委会2024年的新收件数，哪个多？", catalog), [], catalog)
    assert it.agencies == ["沭阳县人民政府", "平潭综合实验区管委会"]
    assert understand(normalized("和平区2024年新收多少件？", catalog), [], catalog).unknown_agency == "和平区"


def test_a_what_if_said_of_the_asker_is_no_forecast(catalog):
    """假如我穿越回…管委会: 会 of 管委会 is no modal; what the year's report counts is asked."""
    it = understand(normalized("假如我穿越回2022年的平潭管委会，当年新收了多少件申请？", catalog), [], catalog)
    assert it.kind == "figure" and it.years == [2022]


def test_this_item_in_a_follow_up_is_the_figure_asked_before(catalog):
    """这项掉到多少了, 看看同一项: the figure of the turn before, whatever else the turn says."""
    history = [{"role": "user", "content": "沭阳县2025年行政处罚决定多少件？"}, {"role": "assistant", "content": "…"}]
    for q in ("那淮安市2024年这项掉到多少了？", "再去淮安市2024年溜达一圈看看，同一项是多少？"):
        it = understand(normalized(q, catalog), history, catalog)
        assert [k.row for k in it.keys] == ["penalty_decisions"], q


def test_a_filing_verb_inside_another_word_files_nothing(catalog):
    """快递 holds 递, and “数据跑” holds 数据: no applicant's requests are asked; 律师递了几件 still asks them."""
    it = understand(normalized("平潭管委会2021年改成“数据跑”后，靠什么快递方式把证件送到群众手里？", catalog), [], catalog)
    assert not it.keys
    filed = understand(normalized("平潭管委会2021年律师递了几件？", catalog), [], catalog)
    assert [k.row for k in filed.keys] == ["new_received"] and filed.column == "legal_service"


def test_how_an_agency_judges_its_own_work_is_its_text_and_a_judgement_asked_of_us_is_declined(catalog):
    """淮安市2024年怎么评价…的: the agency judges its own work in its report; 你怎么评价淮安市…: a judgement asked of the
    assistant, which no report makes."""
    assert understand(normalized("淮安市2024年是怎么评价自家政务新媒体工作的？", catalog), [], catalog).kind == "narrative"
    assert understand(normalized("你怎么评价淮安市2024年的政务新媒体工作？", catalog), [], catalog).reason == "opinion"


def test_back_to_the_agency_before_the_switch(catalog):
    """换个问题… then 回到刚才那个单位: the agency and year asked before the conversation moved on."""
    history = [{"role": "user", "content": "沭阳县2025年新收多少件申请？"}, {"role": "assistant", "content": "…"},
               {"role": "user", "content": "换个问题，淮安市2024年被起诉几件？"}, {"role": "assistant", "content": "…"}]
    it = understand("说回前面那个单位，它那年不予公开多少？", history, catalog)
    assert it.targets == [("沭阳县人民政府", 2025)]


def test_the_names_of_the_applicants_counted_are_no_record(catalog):
    it = understand(normalized("淮安市2024年那3家来申请的科研机构，各叫什么名字？", catalog), [], catalog)
    assert it.kind == "decline" and it.reason == "case_detail"


def test_where_the_report_came_from_is_no_question_about_the_file(catalog):
    """从官网下载的2024年报告里…多少: the report named by how it was got, its figure asked; who uploaded the file and
    when it was made are the file's, which no report's text states."""
    it = understand(normalized("从沭阳县政府网站下载下来的2025年报告里，行政复议有几件？", catalog), [], catalog)
    assert it.kind != "decline" and [k.row for k in it.keys] == ["review_total"]
    meta = understand(normalized("沭阳县2025年报告那个pdf是谁上传的？", catalog), [], catalog)
    assert meta.kind == "decline" and meta.reason == "report_meta"


def test_the_first_item_of_a_practice_is_no_case(catalog):
    """“三个一”机制的第一个“第一时间”指什么: an item of a practice the text explains, not the first case's details."""
    it = understand(normalized("淮安市2024年说的“两个确保”，第一个确保指的是什么？", catalog), [], catalog)
    assert it.kind == "narrative"
    assert understand(normalized("淮安市2024年最早的那个申请是谁提的？", catalog), [], catalog).kind == "decline"


def test_the_volume_of_the_procedure_is_its_requests(catalog):
    """依申请公开量 / 依申请件数 count the requests; 依申请公开 alone names the procedure (how it was done)."""
    it = understand(normalized("上海科委2024年依申请公开量是多少", catalog), [], catalog)
    assert [k.row for k in it.keys] == ["new_received"]
    assert understand(normalized("上海科委2024年依申请公开工作是怎么做的", catalog), [], catalog).kind == "narrative"
    national = understand(normalized("上海科委2024年依申请件数在全国排第几", catalog), [], catalog)
    assert national.kind == "decline"


def test_an_imputed_intent_is_a_judgement_but_a_figure_asked_beside_it_is_answered(catalog):
    """是不是故意压着不办, 数字是不是编的: no report says such a thing of itself; a count asked with it is still asked."""
    assert understand(normalized("沭阳县政府是不是故意把申请压着不办？", catalog), [], catalog).reason == "opinion"
    it = understand(normalized("沭阳县2025年是不是故意少报了？不予公开到底几件", catalog), [], catalog)
    assert it.kind != "decline" and it.keys


def test_several_items_of_a_group_by_their_printed_numbers(catalog):
    it = understand(normalized("沭阳县2025年不予公开下面的第2小项和第4小项各多少？", catalog), [], catalog)
    assert [k.row for k in it.keys] == ["denied_law_forbidden", "denied_third_party"]


def test_a_cell_pointed_at_inside_a_table_is_that_cell(catalog):
    """表三里本机关不掌握那一项的总计: the cell named, not the whole table; 给我看看表三 still shows the table."""
    it = understand(normalized("沭阳县2025年表三中本机关不掌握那一行的总计", catalog), [], catalog)
    assert [k.row for k in it.keys] == ["unable_not_held"]
    assert understand(normalized("给我看看沭阳县2025年的表三", catalog), [], catalog).breakdown == "table"


def test_a_bound_said_with_了_is_the_bound(catalog):
    it = understand(normalized("哪些单位2024年的行政复议超过了10件？", catalog), [], catalog)
    assert it.threshold is not None and it.threshold[1] == 10.0


def test_the_askers_operands_are_not_the_figure_asked(catalog):
    """新收113加上年结转5，再减去办结110，应该剩8件结转下年: figures said with their values are the asker's working;
    the figure asked is the one whose value is claimed or not given."""
    q = "我算了下鹿城区2022年：新收113加上年结转5，再减去办结110，应该剩8件结转下年，对吧？"
    it = understand(normalized(q, catalog), [], catalog)
    assert keys(it) == ["carried_forward.total"] and it.claim == ("=", 8.0)
    rest = understand(normalized("鹿城区2022年予以公开41件，部分公开24件，不予公开多少", catalog), [], catalog)
    assert all(k.row.startswith("denied_") for k in rest.keys)
    years = understand(normalized("平潭管委会新收申请2020年21件、2021年70件，差多少", catalog), [], catalog)
    assert keys(years) == ["new_received.total"] and years.years == [2020, 2021]


def test_a_tag_question_ends_a_part(catalog):
    """…应该剩8件结转下年，对吧？顺便问下予以公开几件: 对吧 asks, so what follows is a second question."""
    q = "鹿城区2022年应该剩8件结转下年，对吧？顺便问下予以公开几件。"
    parts = plan_parts(q, normalize(normalize_question(q).text), [], catalog)
    assert [keys(it) for _, it in parts] == [["carried_forward.total"], ["granted.total"]]


def test_two_templates_side_by_side_are_said_by_their_years(catalog):
    """2019年模板写…，2021年模板写…，这两年哪年多: the years the templates are named by; one template said alone
    is still the reports filled in on it."""
    q = "2019年模板写“行政许可处理决定”，2021年模板写“行政许可本年处理决定数量”，平潭管委会这两年哪年的许可决定多？"
    assert understand(normalized(q, catalog), [], catalog).years == [2019, 2021]
    one = understand(normalized("按2019版表格填报的年报里，平潭管委会行政许可决定哪年多", catalog), [], catalog)
    assert one.years == [2019, 2020]


def test_a_bureaus_own_office_is_the_bureau(catalog):
    """海坛片区管理局党政办公室: the office that writes the bureau's report, not an agency the corpus lacks; 那办公室
    points back at it. A government's 办公室 stays an agency of its own."""
    q = "报告里写着“请与海坛片区管理局党政办公室联系”，那办公室在哪栋楼哪一层？"
    assert understand(normalized(q, catalog), [], catalog).agencies == ["平潭综合实验区海坛片区管理局"]
    assert understand(normalized("鹿城区人民政府办公室2022年收到多少申请", catalog), [], catalog).agencies == [LUCHENG]


def test_a_judgement_of_work_or_staff_is_declined_as_opinion(catalog):
    """做得很差, 称职吗: no report grades itself or its staff; the figure stated in the question is no answer."""
    q = "平潭管委会2021年被直接起诉了12次，是不是说明他们信息公开工作做得很差？"
    assert understand(normalized(q, catalog), [], catalog).reason == "opinion"
    assert understand(normalized("鹿城区府办负责信息公开的工作人员称职吗？", catalog), [], catalog).reason == "opinion"
    said = understand(normalized("有人说鹿城区府办2022年依申请公开做得很好，报告里是这么写的吗？", catalog), [], catalog)
    assert said.reason != "opinion"  # whether the report says so of itself


def test_applicants_by_city_or_by_ownership_are_no_split_the_tables_hold(catalog):
    """申请人里来自福州市的, 国有企业和民营企业各占几件: the tables split applicants by type only."""
    city = understand(normalized("平潭管委会2021年的申请人里，来自福州市的提交了几件？", catalog), [], catalog)
    assert city.kind == "decline" and city.unsupported == "福州市"
    q = "鹿城区府办2022年商业企业提的12件申请里，国有企业和民营企业各占几件？"
    owned = understand(normalized(q, catalog), [], catalog)
    assert owned.kind == "decline" and owned.unsupported == "国有"
    companies = understand(normalized("鹿城区府办2022年商业企业提了几件申请？", catalog), [], catalog)
    assert companies.kind != "decline" and companies.column == "commercial"


def test_these_years_in_a_follow_up_are_the_years_just_asked(catalog):
    """那这三年的行政强制一共是多少 after 2019到2021年…: those three years of that agency, not the newest three."""
    history = _turns("平潭管委会2019到2021年平均每年收到多少件申请？")
    it = understand("那这三年的行政强制一共是多少？", history, catalog)
    assert it.agencies == [SYQ] and sorted(it.years) == [2019, 2020, 2021] and keys(it) == ["enforcement_decisions"]
    alone = understand("平潭管委会这三年的行政强制一共是多少？", [], catalog)
    assert alone.span == 3


def test_one_part_over_another_said_as_its_whole_is_their_ratio(catalog):
    """部分公开是予以公开的百分之多少: 部分公开 ÷ 予以公开, not the disclosure rate the two parts make together."""
    it = understand(normalized("鹿城区府办2022年部分公开的件数是予以公开的百分之多少？", catalog), [], catalog)
    assert [k.row for k in it.rate_spec.numerator] == ["partially_granted"]
    assert [k.row for k in it.rate_spec.denominator] == ["granted"]
    rate = understand(normalized("鹿城区2022年予以公开加部分公开占办结的比例", catalog), [], catalog)
    assert rate.rate == "disclosure_rate"


def test_a_multiple_of_the_report_the_part_before_asked(catalog):
    """洪泽区2024年收了多少？鹿城区府办2022年收的是它的几倍: 它 is the report of the part before, not the year before."""
    q = "洪泽区2024年收了多少申请？鹿城区府办2022年收的是它的几倍？"
    parts = plan_parts(q, normalize(normalize_question(q).text), [], catalog)
    assert parts[1][1].pairs == [(LUCHENG, 2022), (HONGZE, 2024)]


def test_a_place_among_the_agencys_own_years(catalog):
    """2021年收到的申请在2019到2021三年里排第几: its place among that agency's years, not among every report of them;
    said of all agencies, the year's reports."""
    q = "平潭管委会2021年收到的申请在2019到2021三年里排第几？"
    it = understand(normalized(q, catalog), [], catalog)
    assert it.kind == "ranking" and it.rank_of == SYQ and it.scope == [SYQ]
    every = understand(normalized("洪泽区2024年的申请量在2023、2024年所有单位里排第几", catalog), [], catalog)
    assert every.scope != [HONGZE]


def test_applicant_types_ranked_by_a_place_other_than_first(catalog):
    """鹿城区府办2022年的申请人，按类型分…排第二的是哪一类: the applicant columns side by side, the second named."""
    it = understand(normalized("鹿城区府办2022年的申请人，按类型分的话数量排第二的是哪一类，有几件？", catalog), [], catalog)
    assert it.kind == "breakdown" and it.breakdown == "applicant" and it.nth == 2


def test_items_published_about_money_are_counted_not_the_money(catalog):
    """“三公”经费几条: pieces of information published on it, which a report's text counts; 经费有多少 is the money."""
    items = understand(normalized("平潭管委会2017年“三公”经费几条？", catalog), [], catalog)
    assert items.kind != "decline" and not items.unsupported
    money = understand(normalized("洪泽区2024年政务公开经费有多少", catalog), [], catalog)
    assert money.kind == "decline" and money.unsupported == "经费"


def test_who_does_the_work_is_asked_of_the_text(catalog):
    """是谁代表区政府受理申请的 / Who accepted … on behalf of: the office that does it, not how many it accepted."""
    zh = understand(normalized("洪泽区2024年是谁代表区政府受理政府信息公开申请的？", catalog), [], catalog)
    assert zh.kind == "narrative"
    en = "Who accepted government information disclosure requests on behalf of the Hongze district government in 2024?"
    assert understand(normalized(en, catalog), [], catalog).kind == "narrative"
    most = understand(normalized("鹿城区和洪泽区2024年谁受理的申请多", catalog), [], catalog)
    assert most.kind != "narrative"


def test_units_that_hold_a_budget_are_no_budget_asked(catalog):
    """多少家预算部门公布了本部门预决算和三公经费: units counted by the text; 预算是多少 is the money."""
    q = "平潭综合实验区2015年有多少家预算部门对外公布了本部门预决算和三公经费？"
    assert understand(normalized(q, catalog), [], catalog).kind != "decline"
    assert understand(normalized("洪泽区2024年政务公开的预算是多少", catalog), [], catalog).unsupported == "预算"


def test_the_thing_an_english_count_asks_is_no_word_of_the_agency(catalog):
    """How many policy explainers did the Pingtan pilot zone publish: glossed 多少政策平潭综合实验区…, the thing counted
    is 政策, not 实验区 (the agency's name, said after it in the gloss)."""
    from assistant.read import counted_head

    q = "How many policy explainers did the Pingtan pilot zone publish in 2024?"
    it = understand(normalized(q, catalog), [], catalog)
    assert counted_head(it.question, it.mentions) not in ("实验区", "平潭", "综合")
    assert counted_head("平潭综合实验区2024年开了几场新闻发布会", ["平潭综合实验区"]) == "发布会"


def test_a_mean_over_a_span_said_with_per_year(catalog):
    """近三年平均每年收到多少: the newest three years averaged (每年 is the mean's, no range of every year); 三年一共
    after a turn that asked three years sums those; 三年平均每年 after a part that ranked them averages those."""
    recent = understand(normalized("平潭管委会近三年平均每年收到多少申请", catalog), [], catalog)
    assert recent.kind == "sum" and recent.mean == "mean" and recent.span == 3
    history = _turns("平潭管委会2019到2021年收到多少申请")
    summed = understand("三年一共多少", history, catalog)
    assert summed.kind == "sum" and sorted(summed.years) == [2019, 2020, 2021]
    q = "平潭管委会2021年收到的申请在2019到2021三年里排第几？三年平均每年多少件？"
    parts = plan_parts(q, normalize(normalize_question(q).text), [], catalog)
    assert parts[1][1].mean == "mean" and sorted(parts[1][1].years) == [2019, 2020, 2021]
    recent_two = understand("近两年加起来一共几件", _turns("平潭管委会2022年部分公开几件", "2023年呢"), catalog)
    assert sorted(y for _, y in recent_two.targets) == [2024, 2025]  # 近两年: the newest two, not the two just asked


def _english(question: str, catalog):
    return understand(normalize_question(question, catalog.romanised_places()).text, [], catalog)


@pytest.mark.parametrize("question, agencies", [
    # the glossary drops log in, messages, find mistakes: Pingtan and government website are not one name (平潭政府)
    ("In 2018, how often did someone at Pingtan log in to deal with the messages people left under 'find mistakes on "
     "the government website'?", [SYQ]),
    ("How many service windows had been opened at Pingtan's administrative service centre in 2014?", [SYQ]),
    ("Lu Cheng district office in 2022 or Hongze District in 2024: which had more requests from individuals?",
     [LUCHENG, HONGZE]),
    ("How many requests did Hong Ze get in 2023?", [HONGZE]),
])
def test_english_words_the_glossary_drops_still_part_the_names_around_them(catalog, question, agencies):
    it = _english(question, catalog)
    assert it.kind != "decline" and it.agencies == agencies, (it.kind, it.agencies)


def test_a_generic_office_is_of_the_place_the_question_names(catalog):
    """平潭…办公室: no agency of 平潭 is called 办公室, and 鹿城's office (the one that is) is of another place."""
    for q in ("平潭2012年办公室怎么督促各单位公开工作", "pingtan 2012 how did the office keep an eye on each unit's work"):
        it = understand(normalize_question(q, catalog.romanised_places()).text, [], catalog)
        assert LUCHENG not in it.agencies and it.reason != "year_not_held", (q, it.agencies)
    assert understand("鹿城区2022年办公室怎么培训", [], catalog).agencies == [LUCHENG]


@pytest.mark.parametrize("question, reason", [
    ("How many administrative reconsideration cases did the Fujian provincial government face in 2023?",
     "unknown_agency"),
    ("How many applications did Hongze accept late in 2024?", None),
])
def test_english_provinces_and_late_in_a_year(catalog, question, reason):
    it = _english(question, catalog)
    assert it.kind == "decline" and (it.reason == reason if reason else "半年" in (it.unsupported or "")), it


@pytest.mark.parametrize("question, agencies, years", [
    ("平潭管委会的年报，你这儿存了哪几年的？", [SYQ], []),
    ("洪泽区政府的年度报告，你们这边都有哪几年的？", [HONGZE], []),
    ("有哪几家单位的，2019年的年报，你这里？", [], [2019]),
])
def test_what_the_corpus_holds_asked_in_any_order_and_address(catalog, question, agencies, years):
    it = understand(question, [], catalog)
    assert it.kind == "catalogue" and it.agencies == agencies and it.years == years, (it.kind, it.agencies, it.years)


def test_a_count_of_agencies_with_a_figure_is_the_listing_counted(catalog):
    """有几家单位被复议纠错: how many agencies had it is the list of those that did, counted; not the catalogue, not a
    question back for an agency."""
    for q in ("2024年有几家单位被复议纠错", "2024年收到申请超过100件的单位有几家"):
        assert understand(q, [], catalog).kind == "precedent", q
    assert understand("你们收录了多少份年报", [], catalog).kind == "catalogue"
    assert understand("平潭管委会2021年本机关不掌握多少", [], catalog).kind != "precedent"  # 本机关: a row, no agencies


@pytest.mark.parametrize("asked", ["那2024年跟它比，往下掉了百分之几？", "那2024年呢，缩水了百分之几", "2024年的时候跌了多少个百分点"])
def test_a_percentage_asked_of_the_figure_before_in_another_year_is_its_change(catalog, asked):
    """The words of the change (往下掉, 缩水) need not be known: a percentage of a count, set beside another year, is
    how much it changed; a share (占百分之几) is not."""
    history = [{"role": "user", "content": "洪泽区2023年行政强制决定多少件？"}, {"role": "assistant", "content": "195件"}]
    it = understand(asked, history, catalog)
    assert it.kind == "change" and it.years == [2023, 2024] and keys(it) == ["enforcement_decisions"], it
    share = understand("2024年占全部的百分之几", history, catalog)
    assert share.kind != "change"


@pytest.mark.parametrize("question, mean", [
    ("鹿城2022、洪泽2023、洪泽2024这几家新收申请的平均水平是多少？", "mean"),
    ("洪泽区2023、2024年加上平潭管委会2019到2021年，这五份年报的新收申请数，中间水平是多少件？", "median"),
])
def test_the_mean_or_median_of_the_reports_listed(catalog, question, mean):
    it = understand(question, [], catalog)
    assert it.mean == mean and it.unsupported is None and keys(it) == ["new_received.total"], it


def test_a_lead_in_before_a_colon_that_asks_nothing_is_not_the_topic():
    assert normalize_question("请教您个事儿：洪泽区2024年一共收了几件申请？").text.startswith("洪泽区2024年")
    assert normalize_question("新收申请：鹿城区2022年是多少").text.startswith("新收申请")  # the label names the figure
    assert normalize_question("2024年：洪泽区收了几件申请").text.startswith("2024年")


def test_a_saying_said_first_is_a_lead_in_not_the_topic(catalog):
    assert normalize_question("竹篮打水一场空啊，洪泽区2024年不予公开几件？").text.startswith("洪泽区2024年")
    it = understand("水涨船高不？那2023年的是多少？", _turns("洪泽区2024年行政事业性收费多少？"), catalog)
    assert it.kind == "figure" and keys(it) == ["fees_amount_wan"] and it.years == [2023]
    assert normalize_question("门庭若市？").text == "门庭若市?"  # nothing else asked: the saying is the question


def test_the_outcomes_of_one_review_listed_are_its_whole_row(catalog):
    it = understand("洪泽区2024年行政诉讼那一行都列出来：结果维持、结果纠正、尚未审结", [], catalog)
    assert it.kind == "breakdown" and it.breakdown == "outcome"
    summed = understand("洪泽区2024年行政复议维持和纠正加起来几件", [], catalog)  # added, not listed
    assert summed.kind == "figure"


def test_the_report_named_first_and_compared_is_set_against_the_others_mean(catalog):
    it = understand("平潭管委会2021年新收的申请数，高于鹿城2022、洪泽2023、洪泽2024这几家的平均水平吗？", [], catalog)
    assert it.mean == "mean" and it.against_rest == (SYQ, 2021)
    from assistant.query import PlanPart

    assert PlanPart.of("…", it).against == f"{SYQ} 2021 vs the others' mean"
    listed = understand("平潭管委会2021年、鹿城2022、洪泽2023这几家的新收申请平均是多少", [], catalog)
    assert listed.mean == "mean" and listed.against_rest is None  # listed, not compared: in the mean


def test_the_askers_own_office_and_figures_are_not_the_question(catalog):
    it = understand("我们局2024年新收了120件申请，洪泽区2024年新收的比我们少多少件？", [], catalog)
    assert it.own == 120 and it.claim is None and keys(it) == ["new_received.total"] and it.targets == [(HONGZE, 2024)]
    listed = understand("我们区今年部分公开一件都没有。鹿城2022、洪泽2023和2024里，部分公开超过5件的是哪几份年报？", [], catalog)
    assert not listed.negated and listed.threshold == (">", 5.0)  # the asker's none is not the listing's
    assert understand("我们局2022年收了40件。洪泽区2023年收了几件？", [], catalog).years == [2023]
    assert understand("洪泽区2024年收了120件，比鹿城区多吗", [], catalog).own is None  # no figure of the asker's
    from assistant.query import PlanPart

    assert PlanPart.of("…", it).against == "the asker's own figure 120"  # --explain says what the cell is set against


@pytest.mark.parametrize("question", ["换成2024年1月1日至12月31日那个统计期呢？", "2024 ／ 同一指标 ／ ？"])
def test_the_same_figure_of_another_period_said_as_dates_or_as_the_same_indicator(catalog, question):
    it = understand(question, _turns("洪泽区2023年新收多少件申请？"), catalog)
    assert it.kind == "figure" and keys(it) == ["new_received.total"] and it.targets == [(HONGZE, 2024)]


@pytest.mark.parametrize("typed", ["平潭管委会2019年：第一，新收申请的数目；第二，其中予以公开的数目。",
                                   "单位=洪泽区政府, 年度=2024, 项目1=行政复议总计, 项目2=复议结果纠正"])
def test_items_counted_in_words_or_labelled_in_a_form_are_each_a_part(typed):
    assert len(split_parts(normalize_question(typed).text)) == 2


def test_each_year_goes_with_the_agency_said_nearest_before_it(catalog):
    it = understand("我在洪泽区办公室工作，想比较一下：鹿城区府办2022年、我们洪泽2023年，哪个予以公开多？", [], catalog)
    assert sorted(it.pairs) == sorted([(LUCHENG, 2022), (HONGZE, 2023)])


def test_an_items_change_asked_of_years_without_that_column_is_the_change_between_them(catalog):
    it = understand("洪泽区 | 行政许可决定 | 2023 | 2024 | 增减 = ？", [], catalog)
    assert it.kind == "change" and keys(it) == ["licensing_decisions"] and sorted(it.years) == [2023, 2024]
    kept = understand("平潭管委会2019年行政处罚本年增减多少", [], catalog)  # the 2019 template prints the column
    assert keys(kept) == ["penalty_change"]


def test_a_plan_for_a_year_not_held_is_read_in_the_report_of_the_year_before(catalog):
    police = "平潭综合实验区公安局"  # held for 2019 only
    it = understand("平潭公安局对2020年政务公开有什么打算？", [], catalog)
    assert it.kind == "narrative" and it.targets == [(police, 2019)]
    told = understand("平潭公安局2020年收到多少申请", [], catalog)  # a figure of that year: declined, never substituted
    assert told.kind == "decline" and told.reason == "year_not_held"



def test_a_thing_named_by_nouns_only_is_what_a_weak_word_counts_however_long(catalog):
    it = understand("上海科委2024年办理了多少件人大代表建议？", [], catalog)
    assert it.textual and not it.keys and it.kind == "narrative"
    assert keys(understand("洪泽区2024年办理了多少件申请", [], catalog)) == ["results_total.total"]


def test_an_agency_said_before_a_word_is_not_cut_inside_that_word(catalog):
    it = understand("平潭区监测政府网站发现的问题2021年是怎么整改的？", [], catalog)
    assert it.agencies == [SYQ]  # 平潭区|监测: not 平潭区监, read as the market supervision bureau


@pytest.mark.parametrize("typed", ["网站内容怎么做到及时更新，平潭2018年有什么好做法可以学？",  # whose, said after
                                   "平潭2017年公开指南是不是还没更新，报告里承认了吗？"])  # whether the report says it
def test_a_clause_that_only_scopes_or_confirms_the_other_is_one_question_with_it(catalog, typed):
    text = normalize_question(typed).text
    parts = plan_parts(text, text, [], catalog)
    assert len(parts) == 1 and parts[0][1].kind == "narrative" and parts[0][1].agencies == [SYQ]


def test_a_hall_is_no_agency_though_it_ends_in_an_organs_character(catalog):
    it = understand("那行政服务大厅那块具体是怎么做的？", _turns("平潭2018年在提升政务服务方面做了什么？"), catalog)
    assert it.reason != "unknown_agency" and it.agencies == [SYQ]
    assert understand("福建省教育厅2022年收到多少申请", [], catalog).reason == "unknown_agency"  # a department


def test_figures_listed_each_with_its_own_question_mark_are_each_asked(catalog):
    text = normalize_question("沭阳县2025年：行政诉讼总计？本年新制发规范性文件？").text
    parts = plan_parts(text, text, [], catalog)
    assert len(parts) == 2 and keys(parts[0][1]) and keys(parts[1][1]) == ["normative_issued"]
    assert all(k.endswith("_total") for k in keys(parts[0][1]))


def test_the_askers_own_division_is_a_rate_whatever_it_is_called(catalog):
    it = understand("沭阳县2025年行政复议结果维持除以行政复议总计，维稳指数是多少？", [], catalog)
    assert it.kind == "rate" and it.rate_spec is not None
    assert [k.row for k in it.rate_spec.numerator] == ["review_upheld"]
    assert [k.row for k in it.rate_spec.denominator] == ["review_total"]


def test_the_following_year_said_in_a_literary_word(catalog):
    it = understand("翌年呢？", _turns("沭阳县2025年行政诉讼几件？"), catalog)
    assert it.kind == "decline" and it.reason == "year_not_held"  # 2026: the year after, not held


def test_a_share_per_hundred_said_with_an_average_and_a_pause(catalog):
    it = understand("沭阳县2025年平均每百件新收申请中，律师提的占几件？", [], catalog)
    assert it.kind == "rate" and it.per_n == 100


def test_a_statisticians_period_and_variable_are_the_year_and_figure_before(catalog):
    before = _turns("沭阳县2025年行政诉讼几件？")
    it = understand("上一期的同一变量呢？", before, catalog)
    assert it.kind == "decline" and it.reason == "year_not_held"  # 2024: not held for 沭阳县, never replaced


def test_the_years_end_is_no_month_asked(catalog):
    it = understand("沭阳县2025年（截至12月31日）行政诉讼几件？", [], catalog)
    assert it.kind != "decline" and it.targets == [("沭阳县人民政府", 2025)]
    assert understand("沭阳县2025年12月行政诉讼几件？", [], catalog).kind == "decline"  # a month is still no table's


def test_a_correction_not_made_however_the_not_is_said(catalog):
    assert keys(understand("沭阳县2025年申请人逾期没补正的几件", [], catalog)) == ["other_overdue_correction.total"]
