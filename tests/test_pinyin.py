"""A question typed in toneless pinyin is read as the Chinese it spells; English is left alone."""

from __future__ import annotations

from assistant.pinyin import is_pinyin, read_pinyin


def test_a_sentence_in_pinyin_reads_as_chinese():
    assert read_pinyin("na qiye shenqing de ne", {}) == "那企业申请的呢"
    assert read_pinyin("pingtan 2023 nian xingzheng fuyi duoshao", {"pingtan": "平潭"}) == "平潭2023年行政复议多少"


def test_english_and_a_chinese_question_with_one_term_in_pinyin_are_not_read():
    assert read_pinyin("How many requests did Hongze receive in 2024?", {}) is None
    assert read_pinyin("鹿城区2022年 fuyi 多少", {}) is None  # one term: the Chinese path reads it
    assert read_pinyin("he can long", {}) is None  # pinyin-shaped, but all English words
    assert is_pinyin("shenqing") and not is_pinyin("requests")


def test_homophones_are_read_as_the_words_the_reports_print():
    """征地 is rarer than 政敌 in the dictionary but the reports print it; 还是 stays, 海市 being no rival."""
    printed = {"征地": 12, "拆迁": 5, "海市": 40}.copy()

    def frequencies(words):
        return {w: printed[w] for w in words if w in printed}

    assert read_pinyin("zhengdi haishi chaiqian ne", {}, frequencies) == "征地还是拆迁呢"
    assert read_pinyin("zhengdi haishi chaiqian ne", {}) == "政敌还是差遣呢"


def test_pinyin_initials_read_as_the_one_place_or_term_they_abbreviate():
    from assistant.pinyin import read_initials

    assert read_initials("SY县2025年 xzfy 多少件", ("沭阳", "洪泽")) == "沭阳县2025年 行政复议 多少件"
    assert read_initials("鹿城区2022年的GDP和CIIE", ("鹿城",)) == "鹿城区2022年的GDP和CIIE"  # no such place or term
    assert read_initials("PT区有多少", ("平潭", "莆田")) == "PT区有多少"  # two places: no guess


def test_ji_before_a_measure_word_asks_how_many():
    assert read_pinyin("pingtan 2023 nian fuyi you ji jian", {"pingtan": "平潭"}) == "平潭2023年复议有几件"
