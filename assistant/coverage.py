"""Is the thing asked about recorded anywhere? A question that asks the value or identity of something
(GDP是多少, 区长是谁, 工资多少) that no report mentions at all is declined in one sentence, instead of being
answered with loosely related passages. The check is an index look-up over the whole corpus
(`LexicalIndex.contains`), so it holds for words no list anticipated; a word merely absent from the reports (员工, 动作) in a
question that asks how or what is not declined, since the passages may say it in other words; an everyday word
(人手, 挑毛病) is recorded where a report says the vocabulary's formal word for it (`EVERYDAY_WORDS`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from index.stores.lexical import word_tags
from index.vocabulary import EVERYDAY_WORDS

ASKS_VALUE = re.compile(r"^(?:的)?(?:[一1]个月|每个?月|[一1]年|每年|每天|平均|人均)?(?:是|有|为|一共|总共|大概|大约|具体)?"
                        r"(?:多少|谁|几|多大|多高|多长|多久|是什么|(?<!为)什么)")  # 工资一个月多少: the period is no answer;
# 为什么 asks why, not a value (为 + 什么)
ASIDE = re.compile(r"^\s*(?:[（(][^）)]{0,12}[）)]|[）)])")
YEAR_AFTER = re.compile(r"^\d{4}年度?")  # GDP2022年是多少: an English question's gloss puts the year after the noun
NOUN_FLAGS = ("n", "eng", "nz", "nr", "nt", "vn")
CLAUSE_NOUNS = ("时候", "期间", "时期", "之际", "过程中", "当时")  # 编目录的时候是谁…: when something was done, no thing asked


def unrecorded(question: str, contains: Callable[[str], bool], known: Callable[[str], bool]) -> str | None:
    """The first noun that the question asks the value of and that no stored passage contains, else None.
    `known(word)` is true for words the catalogue or the table vocabulary already explain (agency names,
    figure words): those are never "unrecorded"."""
    pos = 0
    for word, flag in word_tags(question):
        start = question.find(word, pos)
        pos = start + len(word) if start >= 0 else pos
        if start < 0 or not flag.startswith(NOUN_FLAGS) or len(word) < 2 or known(word) or word in CLAUSE_NOUNS \
                or _tried_verb(word):
            continue
        if word.isascii() and (letters := re.match(r"[A-Za-z]{2,}", word)):  # jieba keeps GDP2022 as one word
            word, pos = letters.group(), start + letters.end()
        rest = _past_names(question[pos:], known) if word.isascii() else question[pos:]
        rest = ASIDE.sub("", rest)  # 地区生产总值（GDP）是多少: the name's gloss in brackets, or its closing bracket
        if not ASKS_VALUE.match(rest):
            continue
        if not contains(word) and not any(contains(w) for w in EVERYDAY_WORDS.get(word, ())):
            return word  # 人手 is recorded where a report says 人员 (the vocabulary's everyday words)
    return None


def _tried_verb(word: str) -> bool:
    """比比谁多, 看一看谁多: a verb said twice (jieba may tag 比比 a name) asks what follows; it is no thing asked about."""
    return re.fullmatch(r"(.)一?\1", word) is not None and word_tags(word[0])[0][1].startswith(("v", "p"))


def _past_names(rest: str, known: Callable[[str], bool]) -> str:
    """What follows a noun once the years and agency names after it are skipped (the English gloss puts them
    there: GDP沭阳2025年是多少)."""
    import jieba

    while not ASKS_VALUE.match(rest):
        skipped = YEAR_AFTER.sub("", rest)
        first = next(iter(jieba.cut(skipped)), "")
        if first and not first.isdigit() and known(first):
            skipped = skipped[len(first):]
        if skipped == rest:
            return rest
        rest = skipped
    return rest
