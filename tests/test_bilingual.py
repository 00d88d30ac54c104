"""English words as the Chinese a report prints for them (CC-CEDICT read backwards), for ranking an English
narrative question's passages: the real dictionary the package bundles, no stub."""

from __future__ import annotations

from assistant.bilingual import PER_WORD, asked_words, printed, translations


def test_a_word_reaches_the_chinese_words_whose_short_sense_says_it():
    assert "招聘" in translations("recruit") and "基层" in translations("grassroots")
    assert "预算" in translations("budgets")  # its lemma, as definitions say base forms
    assert translations("zzxqv") == []


def test_only_translations_the_texts_print_are_kept_a_few_per_word():
    texts = ["深入基层单位开展政务公开工作调研指导。", "及时发布招聘公告。"]
    said = printed(["grassroots", "recruit", "budget"], texts)
    assert said[:1] == ["基层"] and "招聘" in said and "预算" not in said
    assert len(printed(["work"], ["工作作业劳动做工上班干活职业任务"])) <= PER_WORD


def test_the_questions_frame_stop_words_and_places_are_not_what_it_asks_about():
    words = asked_words("I heard that, according to its 2022 report, Lucheng's office went down to grassroots units. "
                        "Please say how.", {"lucheng": "鹿城"})
    assert words == ["grassroots"]

