"""Input-method slips read against the stored reports' own words (index/stores/slips.py), on the real corpus:
a character typed for another of its sound that leaves a pair no report prints is read as the word the reports
print; what the reports print, a dictionary word, a grammar word and a year's 年 are left as typed."""

from __future__ import annotations

import pytest

from assistant.narrative import _Holding, heard_alike, unslipped
from assistant.pipeline import Assistant
from index.stores.slips import correct_slips, sounds_like


def test_a_character_sounding_alike_is_found_by_its_reading():
    assert "在" in sounds_like("再") and "潭" in sounds_like("坛")
    assert "委" not in sounds_like("有")  # 有's rare reading wěi is not what anyone types it for
    assert "施" not in sounds_like("一")  # nor is 施's rare yì what an input method offers for yi


@pytest.mark.parametrize(("typed", "read"), [
    ("网站的安权防护做得怎样", "网站的安全防护做得怎样"),
    ("年报写过再线访谈的单位", "年报写过在线访谈的单位"),
    ("平坛综合实验区的队伍培训", "平潭综合实验区的队伍培训"),
    ("门口的政务公开览办了几期", "门口的政务公开栏办了几期"),  # a word of three characters the reports print
])
def test_a_pair_no_report_prints_is_read_as_the_word_of_its_sound(corpus_index, typed, read):
    assert correct_slips(typed, corpus_index.lexical.frequencies)[0] == read


@pytest.mark.parametrize("typed", [
    "海坛片区的季度检查",  # pairs the reports print
    "洪泽区2024年多了几件",  # the 年 of a year
    "政府办是怎么答复的",  # 是 is grammar, not a slip for 事
    "申请的人里男的多还是女的多",  # 里 is grammar, not a slip for 力
    "我上个月去区里办过事，想问问申请的事",  # 过 (aspect) makes no pair with 事: no slip for 过时
])
def test_what_the_reports_print_or_grammar_is_left_as_typed(corpus_index, typed):
    assert correct_slips(typed, corpus_index.lexical.frequencies) == (typed, [])


def test_a_slipped_question_finds_what_the_clean_one_finds(corpus_index):
    assistant = Assistant(corpus_index.settings, corpus_index)
    clean = assistant.ask("在年报里写到开过在线访谈的是哪些单位？")
    slipped = assistant.ask("在年报里写到开过再线访谈的是哪些单位？")
    assert not slipped.abstained
    assert {(c.agency, c.quote) for c in slipped.citations} == {(c.agency, c.quote) for c in clean.citations}
    assert any("在线" in change for change in slipped.plan.changes)  # the plan says what was read otherwise
    slipped = assistant.ask("平坛综合实验区2016年的工作人员培训靠什么方式？")
    assert not slipped.abstained and {c.agency for c in slipped.citations} == {"平潭综合实验区管委会"}


def test_a_fragment_no_report_holds_neither_dilutes_nor_declines_the_topic(corpus_index):
    """搞果 (for 搞过, which no report prints, so the slip is not read back) is a made-up word: the sentences on
    在线访谈 still answer."""
    texts = ["开设“在线访谈”栏目", "网上调查51期"]
    assert unslipped(["搞果", "在线", "天气"], _Holding(texts)) == ["在线", "天气"]  # 天气 is a word: it stays
    answer = Assistant(corpus_index.settings, corpus_index).ask("在线访谈这种形式，哪些单位搞果？")
    assert not answer.abstained and answer.citations
    assert all("在线访谈" in c.quote.replace("\n", "") for c in answer.citations)


def test_a_whole_word_of_the_same_sound_is_read_as_the_report_says_it(corpus_index):
    """文体 (wenti) is no word of the Lucheng report; 问题 is, and is the commoner word: the question is read with
    it. 知道 stays though the reports say 指导: the word typed is the commoner one."""
    where = _Holding(["队伍建设等方面还存在不足。", "针对上述问题，加强指导"])
    assert heard_alike(["文体", "知道", "队伍"], where) == {"文体": "问题"}
    answer = Assistant(corpus_index.settings, corpus_index).ask("温州鹿城那边2022年报里承认政务公开有啥文体没有")
    assert not answer.abstained
    assert "存在不足" in answer.citations[0].quote


def test_an_open_question_reads_a_whole_word_slip_as_the_reports_say_it(corpus_index):
    """听政 (tingzheng) is in no report; 听证 is, and is commoner: the agencies that held a 听证会 answer."""
    answer = Assistant(corpus_index.settings, corpus_index).ask("年报里写过召开听政会的单位有哪些？")
    assert not answer.abstained and answer.citations
    assert all("听证会" in c.quote for c in answer.citations)
