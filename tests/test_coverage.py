"""assistant.coverage: which noun a question asks the value of, that no stored passage contains."""

from __future__ import annotations

from assistant.coverage import unrecorded


def _nowhere(word: str) -> bool:
    return False


def test_a_why_question_asks_no_value_of_the_noun_before_it():
    """渠道为什么少: 为什么 is a why, not 为 + 什么 (what the 渠道 is); a value asked of an unstored noun is found."""
    assert unrecorded("申请渠道为什么这么少？", _nowhere, _nowhere) is None
    assert unrecorded("申请渠道是什么？", _nowhere, _nowhere) == "渠道"


def test_a_when_clause_is_no_thing_asked():
    """编目录的时候是谁…: 时候 says when something was done; the question asks who, so nothing unrecorded is named."""
    assert unrecorded("编标准目录的时候是谁一起研究讨论的", lambda w: False, lambda w: False) is None


def test_a_verb_said_twice_is_no_thing_asked_about():
    """比比谁…: the reduplicated verb (jieba tags 比比 a name) asks what follows; a noun said twice still counts."""
    assert unrecorded("两家单位比比谁收到的申请多？", _nowhere, _nowhere) is None
    assert unrecorded("咱们比一比谁的复议多", _nowhere, _nowhere) is None
    assert unrecorded("他妈妈是谁？", _nowhere, _nowhere) == "妈妈"
