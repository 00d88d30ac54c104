"""Question normalisation: traditional characters, numerals, input-method slips, English; pure and fast."""

from __future__ import annotations

import re
import time

import pytest

from assistant.normalize import correct_homophones, correct_near_terms, is_english, normalize_question


@pytest.mark.parametrize("typed, expected", [
    ("平潭綜合實驗區2023年收到多少政府信息公開申請？", "平潭综合实验区2023年收到多少政府信息公开申请?"),
    ("鹿城区二〇二二年收到一百二十件申请", "鹿城区2022年收到120件申请"),
    ("予以公开的占三成吗", "予以公开的占3成吗"),
    ("鹿城区2022年收到的申情有多少件", "鹿城区2022年收到的申请有多少件"),
    ("洪泽区被复意了几次", "洪泽区被复议了几次"),
    ("淮安市诉松有几起", "淮安市诉讼有几起"),
    ("沭阳有木有被告过，咋回事", "沭阳有没有被告过,怎么回事"),
    ("俩单位谁多", "2个单位谁多"),
    ("依照第五十一条提起的", "依照第51条提起的"),
    ("沭阳25、淮安24", "沭阳2025年、淮安24"),
    ("分别收到12、13件", "分别收到12、13件"),
    ("沭阳25 规章 规范性文件 分别几件", "沭阳2025年,规章、规范性文件,分别几件"),
    ("纠错 洪泽24年 几个", "纠错,洪泽24年,几个"),
    ("统计期2023.1.1-2023.12.31内洪泽区收了多少申请", "统计期2023年内洪泽区收了多少申请"),  # a whole year's dates
    ("二〇二三年一月一日至十二月三十一日洪泽区收了几件", "2023年洪泽区收了几件"),
    ("2023年1月1日到2023年6月30日", "2023年1月1日到2023年6月30日"),  # half a year stays as said
    ("洪泽区2024年收了多少申请？有没有人知道", "洪泽区2024年收了多少申请?"),  # an appeal to the reader asks nothing
])
def test_typed_forms_become_one_text(typed, expected):
    assert normalize_question(typed).text == expected


@pytest.mark.parametrize("word", ["统一公开", "三安全一稳定", "一网通办", "规范性文件", "鹿城区", "本年新制作"])
def test_words_that_hold_numerals_or_near_homophones_are_kept(word):
    """统一公开 sounds like 同意公开 in two characters, not one: no slip; 文件 is not rewritten as 文档; the
    active table's own 本年新制作 is not a slip for 本年新收."""
    assert normalize_question(word).text == word


def test_disclosed_said_beside_partly_disclosed_is_the_whole_grant():
    assert "予以公开加部分公开" in normalize_question("沭阳县2025年公开加部分公开一共多少").text
    assert "予以公开的和部分公开" in normalize_question("公开的和部分公开的各几件").text
    assert normalize_question("不公开和部分公开各几件").text.startswith("不公开")


def test_a_sentence_told_before_asking_which_reports_also_say_it_is_the_askers_pointer():
    said = normalize_question("沭阳县2025年报里有一句“开展政务公开日活动”。别的年报里还有哪几份也提到了政务公开日？").text
    assert said.startswith("别的年报里还有哪几份也提到了政务公开日") and "沭阳" not in said
    kept = normalize_question("沭阳县2025年报提到了政务公开日。它是哪天办的？").text  # no listing asked: all of it
    assert kept.startswith("沭阳县2025年")


def test_a_letter_of_inquiry_is_read_as_its_question():
    names = ("淮安市", "洪泽区", "洪泽", "沭阳县", "沭阳")
    n = normalize_question("现就贵县政府2025年度行政复议情况询问如下：被纠正的共有几件？请予以答复为盼。"
                           "——沭阳县政协社会法制委员会", names=names)
    assert "沭阳县政府" in n.text and "贵县" not in n.text and "答复" not in n.text and "政协" not in n.text
    assert normalize_question("特此函询：洪泽区2024年本年新收申请几件？盼复。", names=names).text == "洪泽区2024年本年新收申请几件?"
    kept = normalize_question("贵区政府2024年收到多少申请？", names=names).text  # no signer: nothing to say whose
    assert "贵区政府" in kept
    dashed = normalize_question("沭阳县2025年复议几件？——还有诉讼几件", names=names).text  # a dash, then more asked
    assert "诉讼" in dashed


def test_english_is_glossed_and_places_romanised():
    places = {"hongze": "洪泽", "huaian": "淮安", "lucheng": "鹿城"}
    n = normalize_question("How many disclosure requests did Hongze District receive in 2023?", places)
    assert n.language == "en" and "洪泽区" in n.text and "2023" in n.text and "多少" in n.text and "申请" in n.text
    assert normalize_question("How many requests did Huian receive?", places).text.count("淮安") == 1  # one slip
    assert not is_english("鹿城区2022年收到多少申请 (ZJ)")


def test_english_going_somewhere_is_no_change_but_going_down_to_a_number_is():
    places = {"lucheng": "鹿城", "hongze": "洪泽"}
    went = normalize_question("In 2022 did Lucheng's office go down to the villages to explain the rules?", places).text
    assert "鹿城" in went and "减少" not in went and "增加" not in went
    assert "减少" in normalize_question("Did Hongze's requests go down to about 90 in 2024?", places).text
    assert "增加" in normalize_question("Did Hongze's requests go up to eight in 2024?", places).text


def test_english_government_information_disclosure_is_the_work_not_a_government():
    places = {"pingtan": "平潭", "hongze": "洪泽"}
    said = normalize_question("How many visits did Hongze's government information disclosure page get in 2024?", places).text
    assert "政府信息公开" in said and "人民政府" not in said and "访问量" in said


def test_english_new_is_the_requests_new_only_said_of_requests():
    """new followers, accounts closed down, open-government work: the things themselves; new requests are 新收."""
    places = {"pingtan": "平潭", "hongze": "洪泽"}
    followers = normalize_question("How many new followers did Pingtan's WeChat account gain in 2019?", places).text
    assert "新收" not in followers and "关注用户" in followers
    assert "新收申请" in normalize_question("How many new requests did Hongze receive in 2024?", places).text
    closed = normalize_question("Pingtan 2023: how many government social media accounts were closed?", places).text
    assert "关停" in closed and "办结" not in closed
    assert "办结" in normalize_question("How many requests were closed by Hongze in 2024?", places).text
    work = normalize_question("In 2024, how did Pingtan make sure open-government work was done?", places).text
    assert "政务公开" in work and "人民政府" not in work
    suping = normalize_question("What did the Suping area administration of Pingtan do in 2023 to keep information "
                                "releases accurate?", {**places, "suping": "苏平"}).text
    assert suping.startswith("平潭苏平") and "信息发布" in suping and "准确" in suping
    appraisal = normalize_question("Did Pingtan count government openness in its performance appraisal in 2024?", places)
    assert "绩效考核" in appraisal.text and "多少" not in appraisal.text


def test_english_years_ranges_and_acronyms_survive_the_gloss():
    places = {"pingtan": "平潭", "hongze": "洪泽"}
    n = normalize_question("By how much did Pingtan's penalty decisions change from 2019 to 2020?", places)
    assert "2019年到2020年" in n.text
    gdp = normalize_question("What was Hongze's GDP in 2024?", places).text
    assert "GDP" in gdp and gdp.endswith("是多少?")  # asks a value, so an unrecorded GDP can be declined
    assert "公开率" in normalize_question("What was the disclosure rate of Hongze in 2024?", places).text


def test_english_year_spans_without_from_and_which_organisation():
    """2019 to 2025 said without "from" is the span; "which organisation" asks which of the agencies named, not about
    the applicants' 法人或其他组织 (who "organisations" filing requests are)."""
    places = {"pingtan": "平潭", "hongze": "洪泽", "lucheng": "鹿城"}
    assert "2019年到2025年" in normalize_question("And the total over all seven years, 2019 to 2025?", places).text
    which = normalize_question("Which organisation received more requests: Lucheng in 2022 or Hongze in 2024?", places)
    assert "哪个单位" in which.text and "法人" not in which.text
    assert "法人或其他组织" in normalize_question("How many requests did organisations file with Hongze?", places).text


def test_english_names_of_the_suit_columns_the_zone_committee_and_finished_requests():
    places = {"pingtan": "平潭", "huaian": "淮安", "shuyang": "沭阳"}
    assert "未经复议直接起诉" in normalize_question("suits filed directly without administrative review in Shuyang",
                                                  places).text
    assert "复议后起诉" in normalize_question("lawsuits after reconsideration, Huaian 2024", places).text
    assert "管委会" in normalize_question("the Pingtan zone committee's 2023 report", places).text
    assert "办结" in normalize_question("requests it finished handling in 2025", places).text
    assert "行政查询事项" in normalize_question("refused as administrative query matters", places).text


def test_an_english_word_is_no_place_unless_a_division_word_follows():
    """guides is the word (not 贵德, a county elsewhere); Beijing municipal government is Beijing."""
    guides = normalize_question("How many how-to guides did Shuyang put out in 2025?", {"shuyang": "沭阳"}).text
    assert "贵德" not in guides and "指引" in guides and "发布" in guides
    assert "北京" in normalize_question("How many requests did the Beijing municipal government get?", {}).text


def test_a_slash_the_template_prints_stays_and_one_between_items_lists_them():
    assert "本年增/减" in normalize_question("君山片区2019年行政强制本年增/减多少项").text
    assert "新收、结转" in normalize_question("洪泽区 2024 新收 / 结转").text


def test_an_acknowledgement_before_the_next_question_is_no_part_of_it():
    assert normalize_question("明白了，好的。那沭阳县呢？").text.startswith("那沭阳县")
    assert "收到" in normalize_question("收到多少申请？").text  # 收到 asking, not acknowledging


def test_asking_whether_the_assistant_knows_asks_nothing_of_its_own():
    assert "知道" not in normalize_question("沭阳县2025年有几件不予公开，您知道吗？").text


def test_a_lead_in_saying_how_much_is_said_is_no_number_asked():
    assert normalize_question("记者插一嘴：沭阳县2025年不予公开几件？").text.startswith("沭阳县")


def test_changes_are_recorded_for_the_plan():
    n = normalize_question("鹿城區二〇二二年的申情")
    assert any("繁->简" in c for c in n.changes) and "二〇二二->2022" in n.changes and "申情->申请" in n.changes


def test_slip_correction_is_linear_in_the_question_length():
    """A long run of text is scanned once per position, not once per pair of positions."""
    text = "鹿城区申情" * 20000
    start = time.process_time()
    fixed, changes = correct_homophones(text)
    assert len(changes) == 20000 and "申情" not in fixed
    assert time.process_time() - start < 10


def test_a_five_year_plan_period_is_read_as_its_years():
    assert normalize_question("平潭管委会“十三五”期间收到多少申请").text == "平潭管委会2016年到2020年收到多少申请"
    assert normalize_question("十四五以来被复议几次").text.startswith("2021年以来")


def test_a_year_named_by_its_place_in_a_plan_or_by_an_event_is_that_year():
    """十三五的最后一年, 疫情头一年, 十九大那年: the year they name, so a single report is read, never a range."""
    assert normalize_question("十三五的最后一年淮安市收到多少申请").text.startswith("2020年淮安市")
    assert normalize_question("十四五第二年鹿城区的复议").text.startswith("2022年鹿城区")
    assert "2020年" in normalize_question("新冠疫情头一年洪泽区的申请多吗").text
    assert "2021年" in normalize_question("疫情的第二年洪泽区的申请多吗").text
    assert "2017年" in normalize_question("党的十九大那年平潭管委会不予公开几件").text
    assert "2019年" in normalize_question("新修订的条例施行那年鹿城区收了几件").text
    assert "期间" in normalize_question("疫情期间洪泽区的申请").text  # a span no one agrees on stays as said
    assert normalize_question("三年疫情平潭管委会共收到多少申请").text.startswith("2020年到2022年")


def test_a_question_typed_with_a_space_after_each_character_is_read_whole():
    assert normalize_question("淮 安 市 2 0 2 4 年 行 政 复 议 几 件").text == "淮安市2024年行政复议几件"
    assert "新收结转" not in normalize_question("洪泽区 2024 新收 结转 复议").text  # words apart stay apart


def test_a_longer_word_of_its_own_is_no_slip_for_a_term():
    assert correct_homophones("写一份申请书")[0] == "写一份申请书"  # 申请书 is a word, not 申请数
    assert correct_homophones("鹿城区申情多少")[0] == "鹿城区申请多少"


def test_a_run_cutting_a_common_word_is_no_slip():
    assert correct_homophones("上个月大概进来几件")[0] == "上个月大概进来几件"  # 概进 sounds like 改进
    assert correct_homophones("今年的申情多不多")[0] == "今年的申请多不多"


def test_punctuation_is_never_part_of_a_corrected_term():
    assert "继续办?" in correct_near_terms("还有几件要继续办?今年开了几次会?")[0]


def test_a_run_that_would_gain_or_lose_a_negation_is_no_slip():
    """提供了 is one character short of 提供不了: the meaning would flip, so it stays as typed."""
    assert correct_near_terms("年报说这些做法提供了有力支撑")[0] == "年报说这些做法提供了有力支撑"
    assert correct_near_terms("本机关不握的有几件")[0] == "本机关不掌握的有几件"  # a dropped character still is


def test_what_was_asks_the_value_of_its_own_clause():
    text = normalize_question("What was the disclosure rate of Hongze in 2024, and how did it compare with 2023?",
                              {"hongze": "洪泽"}).text
    assert text.startswith("公开率洪泽2024年是多少,")


def test_an_english_question_of_two_clauses_is_two_parts():
    places = {"shuyang": "沭阳"}
    text = normalize_question("How many requests did Shuyang get in 2025 and how many of them were refused?", places).text
    assert text.count(",") == 1 and text.index("沭阳") < text.index(",")
    text = normalize_question("How many requests did Shuyang get in 2025, and were any of them refused?", places).text
    assert text.endswith("吗?")
    text = normalize_question("What was Shuyang's disclosure rate in 2025 and how does that compare to 2024?", places).text
    assert "跟2024年比" in text


def test_a_stress_test_in_english_is_the_reports_word():
    assert "压力测试" in normalize_question("Which units ran a stress test on disclosure requests?", {}).text


def test_english_lists_of_parts_and_alternatives():
    places = {"huaian": "淮安", "hongze": "洪泽"}
    text = normalize_question("Hongze 2024: how many requests came in, and what was the disclosure rate?", places).text
    assert text.endswith("公开率是多少?")
    assert "淮安和洪泽" in normalize_question("Which had more reviews in 2024, Huai'an or Hongze?", places).text


def test_courtesies_and_typed_spaces():
    from assistant.normalize import strip_courtesy

    assert strip_courtesy("你好，请问洪泽区有没有被起诉过？谢谢！") == "洪泽区有没有被起诉过？"
    assert strip_courtesy("问问平潭呢") == "平潭呢"
    assert strip_courtesy("谢谢") == "谢谢"  # nothing else said: kept as typed
    assert normalize_question("淮安市 2024 年 复议几件 诉讼几件").text == "淮安市,2024年,复议几件,诉讼几件"
    assert normalize_question("洪泽 2023 2024 收到的申请").text == "洪泽,2023、2024收到的申请"


def test_question_words_typed_with_a_slip():
    assert normalize_question("拿些单位的诉讼被纠正过").text == "哪些单位的诉讼被纠正过"
    assert normalize_question("有没有哪加单位开过听证会").text == "有没有哪家单位开过听证会"
    assert normalize_question("那些单位被起诉过。").text.startswith("哪些单位")  # no question word said: 那 is 哪
    assert normalize_question("那年有没有被起诉").text == "那年有没有被起诉"  # a follow-up's 那, kept
    assert normalize_question("那些单位里谁被起诉过").text.startswith("那些单位")  # 谁 asks: 那些 points back


def test_a_slip_in_a_narrative_word():
    assert normalize_question("淮安市2024年的工作有什么布足").text.endswith("不足")
    assert "问题" in normalize_question("沭阳县2025年存在哪些问提").text


def test_a_speakers_fillers_are_dropped_where_they_open_a_clause():
    text = normalize_question("呃那个平潭管委会21年 然后复议几件", names=("平潭",)).text
    assert text.startswith("平潭管委会") and "然后" not in text
    assert normalize_question("那个单位被纠正过", names=("平潭",)).text.startswith(("哪个", "那个"))  # a question's 哪个
    assert "金额" in normalize_question("平潭管委会2021年收费金额多少").text


def test_a_year_said_after_the_question_is_the_whole_questions_year():
    text = normalize_question("沭阳县复议几件，诉讼几件（2025年）").text
    assert text.startswith("2025年沭阳县")
    assert normalize_question("沭阳县2025年复议几件，诉讼几件，2024年的").text.startswith("沭阳县2025年")  # two years said


@pytest.mark.parametrize("typed, meant", [("行政诉讼直接起", "直接起诉"), ("本机关不握的有几件", "本机关不掌握"),
                                          ("予以公开部公开各几件", "部分公开"), ("行政议复维持几件", "行政复议"),
                                          # a piece of the word itself inside the slip (结转, 办理, 申请), and 予公开 after
                                          # no 不: the run of 不予公开 without its negation is a slip for 予以公开
                                          ("有几件结转下度", "结转下年度"), ("办理果结总计", "办理结果"),
                                          ("予公开了几件", "予以公开"),
                                          ("分部公开了几件", "部分公开"), ("复被议几件", "被复议")])  # the first two
def test_a_figure_word_with_a_character_dropped_or_two_swapped(typed, meant):  # swapped; a three-character word's
    text, changes = correct_near_terms(f"沭阳县2025年{typed}")
    assert meant in text and changes
    assert "予以公开" in normalize_question("沭阳县2025年予公以开几件").text  # swapped, not 公益 misheard


@pytest.mark.parametrize("typed", ["不予公开了几件", "其他处理不再处理几件", "另行制作的几件", "办理结果总计", "为什么这么多申请",
                                   "做过依申请公开压力测试吗", "依申请件快超期了", "的依申请里涉及拆迁的"])
def test_the_templates_own_words_are_no_slips(typed):
    assert correct_near_terms(f"沭阳县2025年{typed}") == (f"沭阳县2025年{typed}", [])


def test_a_checked_claim_is_a_question_so_that_is_no_slip_for_which():
    text = normalize_question("啊，平潭那个经济发展局2022年收到3件申请对吧").text
    assert text.startswith("平潭那个经济发展局")


def test_an_english_word_or_place_typed_with_two_letters_swapped():
    places = {"shuyang": "沭阳", "huaian": "淮安"}
    text = normalize_question("How many requests did Shuyagn turn down in 2025, and how many were disclsoed?", places).text
    assert "沭阳" in text and text.count("公开") >= 1 and "2025年" in text
    assert normalize_question("How many requests did Huaian recieve in 2024?", places).text == \
        normalize_question("How many requests did Huaian receive in 2024?", places).text


@pytest.mark.parametrize("typed, meant", [("沭阳县2025年复议纠错律", "纠错率"), ("那再千一年的呢", "前一年"),
                                          ("沭阳县2025年被起诉计次", "几次"), ("沭阳县2025年公开率十多少", "是多少")])
def test_a_slip_in_the_words_a_question_is_asked_with(typed, meant):
    assert meant in correct_homophones(typed)[0]


def test_a_numeral_inside_a_word_and_a_short_year_said_bare():
    assert "唯一1件" in normalize_question("唯一一件被纠正的").text  # 唯一's 一 stays, the counted one is a number
    assert normalize_question("沭阳 25 复议 几件").text.startswith("沭阳,2025年")
    assert "12件" in normalize_question("收到 12 件").text  # a number with its unit is no year


def test_english_words_said_inside_a_chinese_question_are_glossed_where_every_word_is_known():
    assert "部分公开" in normalize_question("沭阳县2025年 partially granted 的有几件").text
    assert "申请" in normalize_question("上海科委2024年的 applications 有多少").text
    assert "GDP" in normalize_question("淮安市2024年GDP是多少").text  # kept as typed: no gloss holds it


def test_an_english_yes_no_question_keeps_its_numbers_apart_and_asks_yes_or_no():
    places = {"huaian": "淮安", "hongze": "洪泽"}
    n = normalize_question("Was Huaian sued above 40 times in 2024?", places).text
    assert "超过40，2024" in n and n.rstrip("?？").endswith("吗")  # not 302024; 吗 as a Chinese yes-no ends
    assert "吗" not in normalize_question("How many requests did Hongze get in 2023?", places).text


def test_written_cantonese_is_read_in_the_standard_words():
    n = normalize_question("淮安市2024年嘅行政複議有幾多宗？").text
    assert "的行政复议" in n and "多少件" in n
    assert "是多少" in normalize_question("上海科委2024年嘅新收申請係幾多").text
    assert "2019年和2020年" in normalize_question("平潭管委會2019年同2020年收咗幾多申請").text
    assert "同一年" in normalize_question("同一年的复议呢").text  # 同 joins years only between them
    assert "有没有被复议" in normalize_question("沭陽縣2025年有冇被覆核過？").text  # Hong Kong's word for a review


def test_a_domain_term_typed_in_pinyin_is_that_term():
    assert "行政诉讼" in normalize_question("淮安市2024年xingzheng susong几件").text
    assert "qita" in normalize_question("鹿城区2022年 qita 的有几件").text  # no term of that spelling: kept as typed
    m = normalize_question("那 bufen gongkai 的呢")
    assert m.language == "zh" and "部分公开" in m.text


def test_hyphenated_glossary_words_are_read_as_typed():
    n = normalize_question("How many requests did the Haitan sub-zone bureau get in 2024?", {"haitan": "海坛"}).text
    assert "海坛片区局" in n


def test_two_short_years_joined_after_a_name_are_both_years():
    n = normalize_question("沭阳24和25、上海科委23到24各收了多少").text
    assert "2024年和2025年" in normalize_question("沭阳24和25各收了多少").text
    assert "2023年到2024年" in n
    assert "15到20件" in normalize_question("洪泽区收到15到20件的有几年").text  # a count's span stays a count


def test_a_fiscal_year_and_judicial_review_in_english():
    n = normalize_question("FY2023: how many judicial reviews did Hongze face?", {"hongze": "洪泽"}).text
    assert "2023" in n and "行政诉讼" in n and "行政复议" not in n


def test_an_english_phrase_is_glossed_whole_in_any_form_of_its_words():
    text = normalize_question("How many did Shuyang release in full in 2025?", {"shuyang": "沭阳"}).text
    assert "予以公开" in text


def test_an_age_said_in_english_is_an_age_and_a_bound_is_a_bound():
    assert "年龄" in normalize_question("how many requests were from applicants older than 65").text
    assert "少于10" in normalize_question("were there under 10 lawsuits against Shuyang in 2025", {"shuyang": "沭阳"}).text


def test_a_search_box_list_split_by_slashes_is_a_list():
    assert "新收、行政复议" in normalize_question("沭阳县 2025 新收 / 行政复议").text
    assert "2023/2024" in normalize_question("沭阳县2023/2024年").text
    assert "增/减" in normalize_question("君山片区2020年行政强制“本年增/减”是多少").text  # a label, not a list


def test_a_label_before_an_english_question_leaves_it_a_yes_no_question():
    text = normalize_question("Fact check: did the science commission of Shanghai get over 500 requests in 2024?",
                              {"shanghai": "上海"}).text
    assert "科学技术委员会" in text
    assert text.rstrip("?？").endswith("吗") and "超过500" in text


def test_a_share_partly_granted_in_english_reads_the_partial_row():
    text = normalize_question("What share of Shuyang's 2025 requests were partly granted?", {"shuyang": "沭阳"}).text
    assert "部分公开" in text and "予以公开" not in text


def test_english_words_of_where_and_how_information_is_offered_are_glossed():
    text = normalize_question("What did Shuyang build offline in 2025, and where can people look up records?",
                              {"shuyang": "沭阳"}).text
    assert all(w in text for w in ("线下", "建设", "哪里", "查阅"))


def test_what_is_said_around_a_question_in_traditional_characters_is_dropped_too():
    assert normalize_question("同樣的問題，換成沭陽縣2025年").text.startswith("换成沭阳县")


def test_lettered_items_of_an_english_question_stay_a_numbered_list():
    text = normalize_question("Shuyang 2025: (a) how many requests were received, (b) how many were granted?").text
    assert "(1)" in text and "(2)" in text and "收到" in text and "予以公开" in text


def test_a_district_said_in_its_city_the_english_way_is_read_city_first():
    text = normalize_question("How many requests did Dongtou District in Wenzhou receive in 2022?").text
    assert "温州洞头区" in text  # a division the corpus does not hold is still read as a place


def test_a_report_named_by_when_it_came_out_covers_the_year_before():
    """The 条例 has each year's report out early the next year: 二〇二二年三月发布的年报 is the 2021 report."""
    text = normalize_question("二〇二二年三月发布的沭阳县那份年报里收到多少申请？").text
    assert "2021年度" in text and "2022" not in text
    assert "2023年" in normalize_question("2023年沭阳县发布了多少条政府信息？").text  # what was published that year


def test_the_blanks_of_a_form_are_each_asked():
    text = normalize_question("鹿城区2022年：自然人申请__件，企业申请____件").text
    assert "_" not in text and text.count("多少") == 2
    listed = normalize_question("麻烦把下面几项填一下：洪泽区2023年新收申请、结转下年度").text
    assert "下面" not in listed and "洪泽区2023年新收申请" in listed


def test_how_a_number_is_to_be_shown_is_not_part_of_what_is_asked():
    assert "小数" not in normalize_question("平潭管委会2022年公开率是多少，保留两位小数").text
    assert "是多少元" in normalize_question("洪泽区2024年行政事业性收费折合成元是多少？").text


def test_an_english_subject_the_glossary_does_not_know_is_kept_as_a_subject_asked():
    assert "关于" in normalize_question("How many appeals regarding flood compensation did Pingtan get in 2021?").text
    kept = normalize_question("How many lawsuits related to information disclosure did Shuyang face in 2025?").text
    assert "关于" not in kept and "行政诉讼" in kept


def test_a_year_said_by_its_animal_its_cyclic_name_or_an_anniversary():
    from assistant.normalize import calendar_years

    assert calendar_years("淮安市蛇年的年报", 2026) == "淮安市2025年的年报"
    assert calendar_years("甲辰年和癸卯年", 2026) == "2024年和2023年"
    assert calendar_years("改革开放40周年那年", 2026) == "2018年那年"
    assert calendar_years("属鸡的申请人", 2026) == "属鸡的申请人"  # an animal said of a person is no year


def test_a_year_said_by_the_pandemic_or_the_revised_regulation():
    from assistant.normalize import calendar_years

    assert calendar_years("疫情爆发的那年和第二年沭阳谁多", 2026) == "2020年和2021年沭阳谁多"
    assert calendar_years("新修订的条例正式实施那年洪泽区", 2026).startswith("新修订的2019年")
    assert calendar_years("条例修订后施行的第一年", 2026) == "2019年"


def test_a_suit_after_a_review_said_in_everyday_words_is_the_tables_column():
    for said in ("先复议完了又去法院告的", "复议以后才打官司的"):
        assert "复议后起诉" in normalize_question(said).text, said


def test_an_english_year_of_an_animal_and_bigger_or_smaller():
    text = normalize_question("Did Shuyang handle a larger number of requests in the year of the snake?", now=2026).text
    assert "2025年" in text and "多" in text


def test_an_agencys_english_acronym_and_the_gazette_are_glossed():
    text = normalize_question("How many issues of the gazette did the Shanghai STC publish in 2024?").text
    assert "科学技术委员会" in text and "公报" in text


def test_the_collection_said_as_the_reports_held_is_no_topic():
    assert "收录" not in normalize_question("你们收录的这些年报中，有几家写过新闻发言人制度？").text


def test_english_bounds_on_years_and_on_zero():
    """since 2019 / from 2019 on / 2019 onwards / before 2019 bound the years as 以来 / 以前 do; above zero and non-zero
    keep the reports with any, which reports asks a list of reports."""
    places = {"pingtan": "平潭", "hongze": "洪泽"}
    for said in ("since 2019", "from 2019 on", "2019 onwards", "starting in 2019"):
        assert "2019年以来" in normalize_question(f"Which reports {said} had a lawsuit?", places).text, said
    assert "2019年以前" in normalize_question("How many reviews did Pingtan have before 2019?", places).text
    assert "2019年到2021年" in normalize_question("new requests from 2019 to 2021", places).text  # a range stays one
    text = normalize_question("Which reports had carried-forward requests above zero?", places).text
    assert text.startswith("哪些报告") and "大于0" in text
    assert "不为零" in normalize_question("Which agencies had a non-zero number of reviews?", places).text


def test_english_words_typed_with_slips_are_read_as_the_glossary_word():
    places = {"lucheng": "鹿城", "hongze": "洪泽"}
    text = normalize_question("Lucheng 2022 - how many aplications came in from companys?", places).text
    assert "申请" in text and "企业" in text
    assert "申请" in normalize_question("How many requets did Hongze receive in 2024?", places).text


def test_a_yes_no_question_said_with_meiyou_last_reads_as_one_with_ma():
    assert normalize_question("海坛片区19年收到过申请没有？").text.endswith("收到过申请吗?")
    assert normalize_question("鹿城22年律师提的申请木有？").text.endswith("申请吗?")
    for statement in ("为什么洪泽区2023年一件复议都没有？", "洪泽区2024年的申请办完了还没有？"):
        assert "没有" in normalize_question(statement).text, statement


def test_english_items_listed_after_a_colon_are_a_list():
    text = normalize_question("Hongze District 2024 figures please: requests received, requests granted in full, "
                              "requests answered 'not held', and lawsuits filed directly?", {"hongze": "洪泽"}).text
    assert text.count("、") == 3
    kept = normalize_question("Hongze 2024: how many requests came in, and how many were granted?", {"hongze": "洪泽"}).text
    assert "、" not in kept  # questions of their own, not a list


def test_a_verb_said_to_the_asker_is_no_slip_for_a_figure_word():
    """直接告诉我 is one edit from 直接起诉 but says something to the asker; 直接起诉 itself still reads."""
    assert correct_near_terms("直接告诉我平潭2024年收了多少申请")[1] == []
    assert correct_near_terms("沭阳县2025年直接起述的有几件")[0].endswith("直接起诉的有几件")


def test_how_the_answer_should_be_put_is_no_part_of_the_question():
    """只要数字, 用表格（…）列出, 原话是什么, reply in English: instructions on the answer's form are dropped."""
    for typed, kept in (("沭阳县2025年复议几件？只要数字，不用解释", "沭阳县2025年复议几件"),
                        ("请用表格（年份 | 件数）列出平潭管委会2022年和2023年的新收申请", "平潭管委会2022年和2023年的新收申请"),
                        ("平潭县财政局2009年怎么讲培训的？有的话原话是什么", "平潭县财政局2009年怎么讲培训的")):
        text = normalize_question(typed).text
        assert kept in text and not re.search("数字|表格|原话", text), typed
    assert "just" not in normalize_question("How many reviews did Shuyang have in 2025? Just the number please").text.lower()


def test_a_verb_before_a_particle_is_no_slip_for_a_change_word():
    assert correct_homophones("平潭县教育局2012年的报告里讲了什么问题")[1] == []
    assert correct_homophones("平潭管委会2023年复意几件")[0] == "平潭管委会2023年复议几件"


def test_an_agency_described_then_named_in_brackets_is_the_name():
    names = ("淮安", "洪泽", "沭阳", "平潭")
    assert normalize_question("淮安那个区（洪泽区）2024年收到多少申请", names=names).text.startswith("洪泽区2024年")
    assert normalize_question("平潭那个局（农业农村局）2020年收到多少申请", names=names).text.startswith("农业农村局2020年")
    assert "那个数(不急)" in normalize_question("鹿城区那个数（不急）收到多少", names=names).text
    assert "那个县政府(不是" in normalize_question("平潭那个县政府（不是实验区管委会）2011年公开多少", names=names).text


def test_an_english_story_before_but_my_question_is_about_is_no_part_of_it():
    text = normalize_question("I wrote to the Shuyang county government in May, but my question is about Huai'an city: "
                              "how many reviews in 2024?", {"shuyang": "沭阳", "huaian": "淮安"}).text
    assert "淮安" in text and "沭阳" not in text


def test_that_one_kind_in_a_sentence_asking_nothing_else_is_which_kind():
    assert "哪一类信息" in normalize_question("申请最多的是那一类信息").text
    assert "那一年" in normalize_question("那一年收到多少申请").text


def test_more_in_one_year_than_another_is_said_as_chinese_orders_it():
    text = normalize_question("Which agencies had fewer reviews in 2024 than in 2023?").text
    assert "2024年比2023年少" in text


def test_english_lettered_items_stay_numbered_and_closed_requests_are_finished_ones():
    """(a) … (b) … (c) …: numbered as a Chinese list numbers its items (each then a part); "closed" is 办结 and
    "requests received" is 收到申请, not 申请收到 (which names no figure)."""
    text = normalize_question("Hongze 2024: (a) requests received, (b) how many were closed, (c) the name of the "
                              "official who signed the replies").text
    assert "(1)收到申请" in text and "(2)" in text and "办结" in text and "(3)名字官员" in text


@pytest.mark.parametrize("typed, said", [
    ("那上年度的是多少", "那上一年的是多少"),
    ("跟前一个年度相比哪年多", "跟上一年相比哪年多"),
    ("下一个年度呢", "下一年呢"),
    ("2023年上年度结转多少件", "2023年上年度结转多少件"),  # a row's label, not the year before
    ("结转下年度多少件", "结转下年度多少件"),
])
def test_the_year_before_or_after_said_as_a_fiscal_year(typed, said):
    assert normalize_question(typed).text == said


def test_carried_into_the_following_year_is_one_figure_in_english():
    """carry over into the following year: 结转下年度, not "carry over" (上年结转) with a year after it."""
    text = normalize_question("How many requests did Lucheng carry over into the following year in 2022?").text
    assert "结转下年度" in text and "上年结转" not in text


@pytest.mark.parametrize("said, year", [("疫情前最后那一年", 2019), ("疫情第一年", 2020), ("疫情第二年", 2021),
                                        ("疫情放开后第一年", 2023)])
def test_a_year_told_by_the_pandemic(said, year):
    assert f"{year}年" in normalize_question(f"平潭管委会{said}收到多少申请", now=2026).text


def test_pandemic_words_that_tell_no_year_stay():
    assert normalize_question("疫情防控信息公开了多少条", now=2026).text == "疫情防控信息公开了多少条"


def test_get_is_no_request_received_in_english():
    """how many views did they get: got is no 收到 (which reads as requests received)."""
    assert "收到" not in normalize_question("How many views did the videos get in 2019?").text


def test_the_column_named_other_is_the_other_organisations_column():
    """法人或其他组织里“其他”那一栏: the column 其他 (其他组织), not the row 其他处理."""
    assert "落在其他组织" in normalize_question("法人或其他组织里落在“其他”那一栏的有几件").text


@pytest.mark.parametrize("typed, read", [("平潭管委会 20l9 年度", "2019年"), ("2O23→2O24 增加了多少件", "2023→2024"),
                                         ("收到12O件", "收到120件")])
def test_a_letter_typed_or_scanned_for_a_digit_inside_a_number(typed, read):
    assert read in normalize_question(typed).text


def test_letters_beside_digits_in_a_word_stay():
    assert "ISO" in normalize_question("ISO 9001 认证").text


@pytest.mark.parametrize("typed, said", [("平潭管委会 许可 21", "2021年"), ("洪泽 复议 24", "2024年")])
def test_a_short_year_ends_a_keyword_query(typed, said):
    assert said in normalize_question(typed).text


def test_a_letters_signature_and_date_are_no_year_asked():
    text = normalize_question("您好，\n想了解洪泽区2024年新收的申请数量。\n谢谢！\n张华\n2025年5月6日").text
    assert "2025" not in text and "2024" in text


def test_the_question_inside_a_long_message_is_what_is_read():
    """…先问一个最简单的吧：<question>？后面可能还要问别的，…: the preamble and the afterthought ask nothing."""
    text = normalize_question("我之前看过几份，有的数字还对不上。先问一个最简单的吧：平潭管委会2021年行政许可的处理决定一共多少件？"
                              "后面可能还要问别的，材料下周一要交，谢谢啊").text
    assert text.startswith("平潭管委会2021年") and text.endswith("?")
    assert normalize_question("鹿城区收到多少申请？2022年的").text.endswith("2022年的")  # a year said after it stays


def test_cantonese_which_is_not_read_inside_a_word():
    assert "哪" not in normalize_question("周边几个地方的情况").text
    assert "哪个" in normalize_question("边个单位收到最多").text


def test_an_english_self_introduction_is_not_asked_and_a_technical_acronym_is_kept():
    """I'm a foreign researcher: did … support IPv6: who asks is no figure (foreign would read as 外籍), IPv6 stays."""
    text = normalize_question("I'm a foreign researcher: did the Pingtan zone's website support IPv6 in 2018?").text
    assert "外籍" not in text and "IPv6" in text


def test_a_question_typed_as_a_query_or_a_record_is_said_as_a_question():
    """SELECT … WHERE …, a JSON-like record, key=value filters: each field's name says its role (a scope, a year,
    figures), so the fields are said as the question they ask; a colon that names no such field changes nothing."""
    sql = normalize_question("select 上年结转, 办结 from t where 单位='沭阳县' and 年份=2025").text
    assert "沭阳县2025年上年结转、办结分别是多少" in sql
    record = normalize_question("{'agency': '淮安市', 'year': [2023, 2024], 'metric': '行政复议'}").text
    assert "淮安市2023年和2024年行政复议是多少" in record
    assert "平潭管委会2021年部分公开是多少" in normalize_question("org=平潭管委会 & yr=2021 & indicator=部分公开").text
    plain = normalize_question("提问：鹿城区收到多少申请？")
    assert not any(c.startswith("查询式") for c in plain.changes)


def test_every_row_of_the_template_has_english_words():
    """law-enforcement case files, petitions, were dropped because … failed to supplement: rows English speakers name
    in their own words are glossed as the table's labels, not left to words that mean something else (enforcement)."""
    assert "行政执法案卷" in normalize_question("How many were refused in 2024 because they were case files?").text
    assert "信访举报投诉" in normalize_question("How many petitions did Hongze turn away in 2024?").text
    dropped = normalize_question("How many were dropped because the applicant failed to supplement in time?").text
    assert "不再处理" in dropped and "逾期不补正" in dropped and "减少" not in dropped


def test_a_year_said_by_its_last_two_digits_or_as_a_fiscal_year():
    """'19那年, FY'23, FY2023: the report's year, in Chinese and English alike; a number in quotes (‘20件’) is none."""
    assert "2019年" in normalize_question("平潭管委会'19那年行政许可多少件").text
    assert "2023" in normalize_question("Hongze FY'23: how many lawsuits?").text
    assert "2020" not in normalize_question("报告里‘20件’指的是什么").text


def test_a_place_by_its_initials_before_an_english_agency_word():
    assert normalize_question("SY gov 2025 lawsuits?", names=("沭阳", "洪泽")).text.startswith("沭阳")


def test_an_english_sentence_about_the_asker_is_not_what_is_searched():
    from assistant.normalize import english_asked

    asked = english_asked("I am a journalist working on a story about open government in Jiangsu. How did Huai'an train "
                          "its staff in 2024?")
    assert asked.startswith("How did Huai'an")
    assert english_asked("What did Hongze publish in 2024?") == "What did Hongze publish in 2024?"


def test_an_agency_gets_requests_and_applicants_get_information():
    assert "收到" in normalize_question("Did Shuyang get fewer disclosure requests in 2025?").text
    assert "收到" not in normalize_question("How many applicants got what they asked for in 2025?").text
    assert "受理" in normalize_question("How many requests did Huai'an accept in 2024?").text


def test_an_amount_asked_folded_into_yuan():
    assert "是多少元" in normalize_question("沭阳县2025年行政事业性收费折成元有多少").text


def test_numerals_in_their_financial_forms_are_read_as_numbers():
    """贰零贰叁年, 壹佰贰拾件 (as written on a cheque) are a year and a count; a lone one inside a word (收拾, 陆续)
    stays a word."""
    assert normalize_question("洪泽区贰零贰叁年新收多少").text.startswith("洪泽区2023年")
    assert "120件" in normalize_question("陆续出台了壹佰贰拾件").text
    assert "陆续" in normalize_question("陆续出台了壹佰贰拾件").text
    assert normalize_question("收拾一下").text == "收拾一下"
    assert "2024年" in normalize_question("洪泽區貳零貳肆年收到多少申請").text


def test_an_unknown_word_of_an_agencys_name_does_not_part_its_place_from_its_organ():
    """Pingtan housing bureau: housing is no glossary word, but it is of the bureau's name (平潭局, not 平潭·局); a word
    before another glossed word parts them (平潭·政府网站)."""
    text = normalize_question("How many requests did the Pingtan housing bureau receive in 2024?", names=("平潭",),
                              places={"pingtan": "平潭"}).text
    assert "平潭局" in text
    site = normalize_question("How often did Pingtan log in to answer messages on the government website in 2018?",
                              names=("平潭",), places={"pingtan": "平潭"}).text
    assert "·政府网站" in site and "平潭政府" not in site
    named = normalize_question("How many requests did the Pingtan environment and land resources bureau receive in 2017?",
                               names=("平潭",), places={"pingtan": "平潭"}).text
    assert "平潭环境与国土资源局" in named


def test_directly_affiliated_departments_are_units_not_a_suit_filed_directly():
    text = normalize_question("How many items did Hongze and its directly affiliated departments publish in 2024?").text
    assert "直属部门" in text and "起诉" not in text
    assert "直接起诉" in normalize_question("How many suits were filed directly in Hongze in 2024?").text


def test_the_askers_own_word_gives_way_to_the_table_word_they_explain_it_with():
    """成交量，也就是本年新收…: the asker's word is explained, so the explanation is read in its place; a bracket
    that only repeats a label's own part (不予公开（属于国家秘密）) or follows a number (113件（本年新收）) stays."""
    from assistant.normalize import gloss_read

    assert gloss_read("沭阳县2025年的进货量，也就是本年新收的申请，有多少？") == "沭阳县2025年的本年新收的申请，有多少？"
    assert gloss_read("淮安市2024年出货（办理结果总计）多少件") == "淮安市2024年办理结果总计多少件"
    for kept in ("淮安市2024年不予公开（属于国家秘密）几件", "淮安市2024年收了700件（本年新收），对吗", "淮安市2024年新收多少，即时回答"):
        assert gloss_read(kept) == kept
    assert "释义" in " ".join(normalize_question("淮安市2024年出货（办理结果总计）多少件").changes)


def test_asking_for_a_quote_first_asks_nothing_of_its_own():
    """给我一句原话，…: the answer quotes anyway; what follows is the question."""
    assert normalize_question("麻烦给我一句原话，淮安市2024年怎么开展政务新媒体检查的？").text.startswith("淮安市2024年")


@pytest.mark.parametrize("typed, expected", [
    ("沭阳县2025年 xíngzhèng fùyì 有几件", "沭阳县2025年,行政复议,有几件"),  # tone marks, as a pinyin keyboard shows them
    ("上海科委2024年 xing2zheng4 su4song4 几件", "上海科委2024年,行政诉讼,几件"),  # tones as numbers
])
def test_pinyin_written_with_its_tones_is_read_as_without_them(typed, expected):
    from assistant.pinyin import toneless

    assert normalize_question(typed).text == expected
    assert toneless("B2楼、H5页面和FY2024报告") == "B2楼、H5页面和FY2024报告"  # letters and digits that are no toned pinyin


@pytest.mark.parametrize("typed, expected", [
    ("<table><tr><th>机关</th><th>沭阳县</th></tr><tr><td>年度</td><td>2025</td></tr></table>",
     "| 机关 || 沭阳县 |\n| 年度 || 2025 |\n"),  # HTML cells as a markdown table's
    ("淮安市~~2023年~~2024年的行政诉讼几件", "淮安市2024年的行政诉讼几件"),  # struck out: not asked
    ("淮安市<del>2023年</del>2024年的行政诉讼几件", "淮安市2024年的行政诉讼几件"),
    ("淮安市2024年（删除2023）的行政诉讼几件", "淮安市2024年的行政诉讼几件"),  # an editor's note on what was struck
    ("淮安市（更正为：2024年）的行政诉讼几件", "淮安市2024年的行政诉讼几件"),  # a correction put in place
    ("《〈淮安市2024年度报告〉附表》里", "《淮安市2024年度报告附表》里"),  # marks nested in others
    ("“‘结果纠正’”几件", "“结果纠正”几件"),
    ("（〔合计〕栏）", "（合计栏）"),
    ("淮政办发〔2024〕3号文件", "淮政办发〔2024〕3号文件"),  # a document number's brackets are its own
    ("'商业企业'那一栏", "“商业企业”那一栏"),  # ASCII quotes around Chinese words
    ("it's the office's report", "it's the office's report"),
    ("报告要求及时 zhuanzai (转载) 什么", "报告要求及时 转载 什么"),  # a word in letters, glossed beside it
])
def test_what_a_question_is_pasted_or_marked_up_with_is_read_past(typed, expected):
    from assistant.normalize import as_plain_text

    assert as_plain_text(typed) == expected


@pytest.mark.parametrize("typed, expected", [
    ("沭阳县2025年行政诉讼收了好多件？", "沭阳县2025年行政诉讼收了多少件?"),  # 好多 with a question mark asks how many
    ("沭阳县2025年行政诉讼收了好多件！", "沭阳县2025年行政诉讼收了好多件!"),  # and without it says a lot
    ("淮安市2024年有冇得行政诉讼", "淮安市2024年有没有行政诉讼"),
    ("淮安市2024年诉讼纠正占几巴仙", "淮安市2024年诉讼纠正占百分之几"),
    ("淮安市2024年行政诉讼结果纠正除以行政诉讼总计是多少",  # the asker's own division: a share
     "淮安市2024年行政诉讼结果纠正占行政诉讼总计的比例是多少"),
    ("淮安市2024年（予以公开+部分公开）÷新收×100%，审批率多少？", "淮安市2024年(予以公开+部分公开)占新收的比例,审批率多少?"),
    ("淮安市2024年本年增/减是多少", "淮安市2024年本年增/减是多少"),  # a slash is the template's
    ("沭阳县2025年先不管，淮安市2024年行政诉讼几件？", "淮安市2024年行政诉讼几件?"),  # a clause that sets aside
    ("撇开沭阳县不谈，淮安市2024年行政诉讼几件？", "淮安市2024年行政诉讼几件?"),
    ("这个比例怎么算由你来算：淮安市2024年诉讼纠正占诉讼总计多少", "淮安市2024年诉讼纠正占诉讼总计多少"),  # a lead-in about asking
    ("沭阳县2025年并非没有行政诉讼吧？到底几件？", "沭阳县2025年有行政诉讼吧?到底几件?"),  # a double negative says some
    ("沭阳县2025年行政诉讼怎么可能才两件？太少了吧，到底几件？", "沭阳县2025年行政诉讼才2件?到底几件?"),  # disbelief, then
    ("沭阳县2025年行政诉讼怎么可能这么少？", "沭阳县2025年行政诉讼怎么可能这么少?"),  # the question; alone, it asks why
])
def test_everyday_and_regional_ways_of_asking_are_said_as_the_cues_say_them(typed, expected):
    assert normalize_question(typed).text == expected


@pytest.mark.parametrize("typed, expected", [
    ("沭阳县②⓪②⑤年行政诉讼几件", "沭阳县2025年行政诉讼几件"),  # a number in circled digits
    ("①沭阳县行政诉讼几件 ②淮安市行政诉讼几件", "(1)沭阳县行政诉讼几件(2)淮安市行政诉讼几件"),  # numbered items stay items
    ("老王 14:20 [语音] 12\" 老王 14:21 [图片] 老王 14:22 沭阳县2025年行政诉讼几件", "沭阳县2025年行政诉讼几件"),
    ("机关：☐淮安市 ☑沭阳县 年度：☑2025 项目：行政诉讼", "沭阳县2025年行政诉讼是多少？"),  # a form's boxes
    ("清单✓ 沭阳25 → 行政诉讼 = ?", "清单,沭阳2025年,行政诉讼是多少?"),  # a note-taker's arrows and ticks
    ("小爱同学 沭阳县2025年行政诉讼几件", "沭阳县2025年行政诉讼几件"),  # a smart speaker's wake word
    ("沭阳县2025年行政复议几件？（更正：上一句“行政复议”是口误，应为“行政诉讼”）", "沭阳县2025年行政诉讼几件?"),
    ("沭阳县2025年，平均每千件新收里，有几件是律师提的", "沭阳县2025年,每1000件新收里有几件是律师提的"),  # per so many
    ("sy 25 行政诉讼几件", "沭阳,2025年,行政诉讼几件"),  # a place by its initials before a short year
    ("淮安市2024年 bzw（本机关不掌握）几件", "淮安市2024年,本机关不掌握几件"),  # initials glossed beside them
    ("沭阳25 / 淮安24 诉讼 > 3 的", "沭阳2025年、淮安2024年,诉讼大于3的"),  # items listed by a spaced slash; a sign
    ("沭阳县2025年岂会没人打官司？他们是怎么应诉的", "沭阳县2025年会没人打官司?他们是怎么应诉的"),  # disbelief, then a question
])
def test_a_chat_a_form_a_note_or_a_speaker_is_read_past(typed, expected):
    assert normalize_question(typed, names=("沭阳", "淮安")).text == expected
    assert normalize_question("淮安市2024年（刪除2023）的行政訴訟幾件").text == "淮安市2024年的行政诉讼几件"  # in traditional


@pytest.mark.parametrize("typed", ["告诉我沭阳县2025年行政诉讼几件", "能不能告诉我沭阳县2025年行政诉讼几件", "小度小度 沭阳县2025年行政诉讼几件"])
def test_asking_to_be_told_and_a_wake_word_are_said_around_the_question(typed):
    assert normalize_question(typed).text == "沭阳县2025年行政诉讼几件"
