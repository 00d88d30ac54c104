"""Figures by meaning (assistant/meaning.py): the descriptions as data, what is matched, when the hook asks the
resolver, and, with the real bundled model, questions worded as no cue list words them (written here, not taken
from the question sets): a confident reading becomes the answer's cell, an unclear one a question back, a
question about something no table holds is left alone."""

from __future__ import annotations

import numpy as np
import pytest

from assistant import compose
from assistant.meaning import Meaning, content, reread, unglossed, wants
from assistant.plan import understand
from index.stores.embed import HashEmbedder
from index.vocabulary import ACTIVE, FIGURE_MEANINGS, RATES, REQUEST_ROW_KEYS, REVIEW_KEYS

LUCHENG = "温州市鹿城区人民政府办公室"
ACTIVE_KEYS = {c for rows in ACTIVE.values() for r in rows for c in r.columns}


def test_every_figure_is_described_by_label_citizen_words_and_english():
    for name, (cells, texts) in FIGURE_MEANINGS.items():
        assert len(texts) >= 3, name
        assert any(t.isascii() for t in texts) and not texts[0].isascii(), name  # the label first, English too
        if isinstance(cells, str):
            assert cells in RATES, name
            continue
        for table, row, column in cells:
            known = {"requests": REQUEST_ROW_KEYS, "review_litigation": REVIEW_KEYS, "active": ACTIVE_KEYS}[table]
            assert row in known, (name, row)
            assert (column == "total") == (table == "requests"), (name, column)


def test_content_keeps_only_the_words_that_can_name_a_figure():
    assert content("鹿城区2022年有多少件因为涉及保密没公开？", ["鹿城区"]) == "因为涉及保密没公开"
    assert content("那2021年呢？") == ""
    assert content("除了律师之外，“其他”单位的不予公开", ["单位"]) == "其他 不予公开"  # quotes and exclusions go
    assert content("How many requests did Lucheng refuse in 2022?", ["Lucheng"]) == "requests refuse"


def test_the_hook_asks_only_where_the_cue_lists_found_no_figure(catalog):
    def asks(q: str, history: list | None = None) -> bool:
        return wants(q, understand(q, history or [], catalog), catalog.romanised_places())

    assert asks("鹿城区2022年有多少件因为涉及保密没公开？")  # no cue word
    assert not asks("鹿城区2022年收到多少政府信息公开申请？")  # the cue lists name it
    assert not asks("鹿城区2022年收到多少申请？")  # a weak word with nothing said beside it
    assert asks("鹿城区2022年的申请里因为涉及保密没公开的有多少？")  # a weak word and more
    assert not asks("鹿城区2022年的公开率是多少？")  # a named rate
    assert not asks("鹿城区2022年在培训方面做了什么？")  # asks no figure
    assert not asks("2021年呢？", [{"role": "user", "content": "鹿城区2022年收到多少申请？"}])  # inherits one
    assert asks("How many requests did Lucheng refuse in 2022 to protect someone else's privacy?")
    assert not asks("How many information disclosure requests did Hongze District receive in 2023?")
    assert unglossed("How many requests did Lucheng refuse to protect privacy?", catalog.romanised_places()) == \
        ["refuse", "protect", "privacy"]  # the glossary knows "refused" only


def test_the_question_back_lists_the_readings_by_their_labels():
    a = compose.clarify_figure("鹿城区2022年有多少件是信息不全给不了的？", ["无法提供（本机关不掌握相关政府信息）", "无法提供"])
    assert a.abstained and a.kind == "clarify" and a.reason == "figure_unclear"
    assert a.text.startswith("您问的是哪一项？") and "1. 无法提供（本机关不掌握相关政府信息）\n2. 无法提供" in a.text


def test_the_hashing_stand_in_never_claims_a_meaning(catalog):
    """Orchestration tests run with hashed vectors: nothing they match may pass for a figure."""
    q = "鹿城区2022年有多少件因为涉及保密没公开？"
    it = understand(q, [], catalog)
    assert reread(q, it, catalog, Meaning(HashEmbedder())) == (it, None)


# ---- with the real model ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def meaning(real_embedder, tmp_path_factory) -> Meaning:
    return Meaning(real_embedder, tmp_path_factory.mktemp("meaning-cache"))


@pytest.mark.slow
def test_an_unseen_paraphrase_finds_its_cell_with_confidence(meaning, catalog):
    q = "鹿城区2022年有多少件因为涉及保密没公开？"
    it = understand(q, [], catalog)
    assert not it.keys or it.weak_figure  # no cue list names it (没公开 alone would be every withheld row)
    after, unclear = reread(q, it, catalog, meaning)
    assert unclear is None
    assert [(k.table, k.row, k.column) for k in after.keys] == [("requests", "denied_state_secret", "total")]
    assert after.kind == "figure" and after.targets == [(LUCHENG, 2022)]
    assert after.reason.startswith("figure_by_meaning:denied_state_secret margin=")


@pytest.mark.slow
def test_an_english_question_is_matched_as_typed(meaning, catalog):
    q = "In 2022, how many of Lucheng's requests were still unfinished at the end of the year?"
    after, unclear = reread(q, understand(q, [], catalog), catalog, meaning)
    assert unclear is None and [k.row for k in after.keys] == ["carried_forward"]


@pytest.mark.slow
def test_an_unclear_figure_is_asked_back_with_the_best_readings(meaning, catalog):
    q = "鹿城区2022年有多少件是信息不全给不了的？"
    after, unclear = reread(q, understand(q, [], catalog), catalog, meaning)
    assert after.kind == "clarify" and after.reason == "figure_unclear"
    assert unclear is not None and not unclear.confident and unclear.related
    labels = [r.label for r in unclear.readings]
    assert len(labels) == 3 and "无法提供（本机关不掌握相关政府信息）" in labels


@pytest.mark.slow
def test_a_weak_word_does_not_answer_when_the_rest_of_the_question_means_another_figure(meaning, catalog):
    """有多少申请是因为…: 申请 alone would read new requests; the rest of the question means a refusal, so an unsure
    reading asks back (never the count of new requests) and a confident one answers."""
    q = "鹿城区2022年有多少申请因为牵涉到他人隐私最后没能公开？"
    it = understand(q, [], catalog)
    assert it.weak_figure and [k.row for k in it.keys] == ["new_received"]
    after, unclear = reread(q, it, catalog, meaning)
    rows = [k.row for k in after.keys]
    assert (after.kind == "clarify" and "denied_third_party" in [r.name for r in unclear.readings]) or \
        rows == ["denied_third_party"]
    plain = "鹿城区2022年收到多少申请？"
    assert reread(plain, understand(plain, [], catalog), catalog, meaning)[1] is None


def test_a_column_the_question_names_is_not_read_as_a_row(meaning, catalog):
    """“其他”单位提的申请: 其他 is the applicant column (法人或其他组织 / 其他), not （六）其他处理."""
    q = "洪泽区2024年除了个人以外，“其他”单位提的申请有几件？"
    it = understand(q, [], catalog)
    assert it.column == "other_org"
    after, _ = reread(q, it, catalog, meaning)
    assert [k.row for k in after.keys] == ["new_received"]


@pytest.mark.slow
def test_a_count_no_table_holds_is_left_to_the_passages(meaning, catalog):
    q = "鹿城区2022年举办了多少场培训？"
    it = understand(q, [], catalog)
    found = meaning.resolve(it.question, it.mentions)
    assert not found.related
    assert reread(q, it, catalog, meaning) == (it, None)


@pytest.mark.slow
def test_a_rate_is_a_reading_only_when_a_share_is_asked(meaning):
    counts = meaning.resolve("洪泽区2024年复议被纠正的有几件？", ["洪泽区"])
    assert counts.readings[0].name == "review_corrected"
    assert all(r.rate is None for r in counts.readings)
    share = meaning.resolve("洪泽区2024年复议被纠正的比例是多少？", ["洪泽区"])
    assert any(r.rate == "review_correction_rate" for r in share.readings)


@pytest.mark.slow
def test_the_descriptions_are_embedded_once_and_kept_beside_the_model(meaning, real_embedder):
    vectors = meaning.vectors()
    kept = list(meaning.cache_dir.glob("figure-meanings-*.npy"))
    assert len(kept) == 1 and np.array_equal(np.load(kept[0]), vectors)
    again = Meaning(real_embedder, meaning.cache_dir)
    assert np.array_equal(again._cached(), vectors)


@pytest.mark.slow
def test_the_assistant_answers_by_meaning_and_says_so_in_the_plan(corpus_index):
    from assistant.pipeline import Assistant

    assistant = Assistant(corpus_index.settings, corpus_index)
    a = assistant.ask("鹿城区2022年有多少件因为涉及保密没公开？")
    assert not a.abstained and a.kind == "figure"
    assert [(c.agency, c.year, c.table, c.row) for c in a.citations] == [(LUCHENG, 2022, "requests",
                                                                          "denied_state_secret")]
    assert a.plan.parts[0].reason.startswith("figure_by_meaning:denied_state_secret")
    back = assistant.ask("鹿城区2022年有多少件是信息不全给不了的？")
    assert back.abstained and back.kind == "clarify" and back.reason == "figure_unclear"
    assert back.text.startswith("您问的是哪一项？") and not back.citations
    assert back.plan.parts[0].operation == "ask-back" and back.plan.parts[0].reason == "figure_unclear"


@pytest.mark.slow
def test_an_unsure_reading_inside_the_named_sum_keeps_the_sum(meaning, catalog):
    """Lawsuits filed against …: 行政诉讼 names both kinds of suit; unglossed English words send it to the model,
    whose best reading is one of the two: the sum stands instead of a question back."""
    q = "How many lawsuits got filed against Huai'an city in 2024?"
    it = understand(q, [], catalog)
    after, unclear = reread(q, it, catalog, meaning)
    assert unclear is None and {k.row for k in after.keys} == {"direct_suit_total", "post_review_suit_total"}


def test_the_verb_of_submitting_says_nothing_about_which_figure():
    assert "递交" not in content("科委2024年的申请里有多少是企业递交的", strip=["科委", "企业"])


def test_a_number_the_asker_states_asks_its_figure_by_meaning_too(catalog):
    q = "鹿城区2022年是不是有9件申请是因为涉及保密才没给公开的"  # no 多少: the stated number is the figure asked
    assert wants(q, understand(q, [], catalog), catalog.romanised_places())


def test_a_later_part_naming_its_own_agency_asks_by_meaning_too(catalog):
    history = [{"role": "user", "content": "鹿城区2022年收到多少申请"}, {"role": "assistant", "content": ""}]
    q = "鹿城那边2022年，申请人过了期限一直没把东西补上、最后不办了的有多少件"  # 那边: no follow-up of the turn before
    # (没补材料 the lexicon now reads as the row itself: a wording it does not know is asked by meaning)
    assert wants(q, understand(q, history, catalog), catalog.romanised_places())


def test_how_many_years_a_question_spans_says_no_figure():
    from assistant.meaning import content
    assert content("鹿城区2020年、2021年、2022年这三年里收到几件") == content("鹿城区2020年、2021年、2022年收到几件")


def test_the_same_year_said_again_says_no_figure():
    from assistant.meaning import content
    assert content("该单位同一年个人提了几件") == content("该单位个人提了几件")


@pytest.mark.slow
def test_an_english_count_of_a_thing_the_glossary_lacks_is_the_texts_not_a_weak_words_cell(meaning, catalog):
    """办理 alone would read requests handled; fishermen's grievances are another thing counted, as 办理了多少件人大
    代表建议 is in Chinese: the text states it, no cell."""
    q = "How many grievances from fishermen did Hongze handle in 2024?"
    it = understand(q, [], catalog)
    assert it.weak_figure and [k.row for k in it.keys] == ["results_total"]
    after, unclear = reread(q, it, catalog, meaning)
    assert unclear is None and after.kind == "narrative" and after.textual and not after.keys
    plain = "How many requests did Hongze handle in 2024?"
    assert reread(plain, understand(plain, [], catalog), catalog, meaning)[0].keys
