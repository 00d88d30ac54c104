"""What one question may cost, through Assistant.ask over a real small store (real SQLite, Chroma and lexical
index; the hashing embedder): a 100,000-character question is refused at once, random questions up to the
length limit are answered quickly, the conversation read is bounded, and an answer past its time budget comes
back as a clear message while its thread is stopped."""

from __future__ import annotations

import random
import threading
import time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from assistant.budget import OVER_BUDGET, ask_within, bounded_history, question_too_long, within
from assistant.pipeline import Assistant
from index.ingest import Index
from index.models import Answer
from index.settings import Settings
from index.stores.embed import HashEmbedder

REPORTS = ["00_lucheng-qu_2022.txt", "01_huaian-hongzequ_2023.pdf", "05_shanghai-kewei_2024.md",
           "15_pingtan-syq_2020.txt", "49_pingtan-htp_2024.txt"]
FIGURE_QUESTION = "鹿城区2022年收到多少政府信息公开申请？"


@pytest.fixture(scope="module")
def small_index(tmp_path_factory, corpus_dir) -> Index:
    index = Index(Settings(home=tmp_path_factory.mktemp("budget") / "home"), embedder=HashEmbedder())
    summary = index.ingest_paths([corpus_dir / "reports" / n for n in REPORTS], progress=False)
    assert summary.ok, summary.render()
    return index


@pytest.fixture(scope="module")
def assistant(small_index) -> Assistant:
    return Assistant(small_index.settings, small_index)


def timed_ask(assistant: Assistant, question: str, history=None, wait: float = 1.0) -> tuple[Answer | None, float]:
    """ask() in a daemon thread, waited for `wait` seconds: (answer or None if still running, seconds taken).
    Not the budget module's own mechanism, so that a slow ask fails this test instead of hanging it."""
    box: list[Answer] = []
    worker = threading.Thread(target=lambda: box.append(assistant.ask(question, history)), daemon=True)
    start = time.perf_counter()
    worker.start()
    worker.join(wait)
    return (box[0] if box else None), time.perf_counter() - start


# ---- length -------------------------------------------------------------------------------------


def test_a_100000_character_question_is_refused_within_a_second(assistant):
    question = ("鹿城区洪泽区平潭综合实验区上海市科委2022年收到多少申请" * 5000)[:100_000]
    answer, took = timed_ask(assistant, question)
    assert answer is not None, f"ask() still running after {took:.1f} s"
    assert answer.abstained and answer.reason == "question_too_long"
    assert "问题太长" in answer.text and "100,000" in answer.text and "500" in answer.text
    assert len(answer.question) <= assistant.settings.max_question_chars + 1


def test_a_question_at_the_limit_is_answered(assistant):
    limit = assistant.settings.max_question_chars
    question = FIGURE_QUESTION + "请" * (limit - len(FIGURE_QUESTION))
    assert len(question) == limit and question_too_long(question, assistant.settings) is None
    answer, took = timed_ask(assistant, question, wait=10)
    assert answer is not None and "113" in answer.text, (took, answer)


def test_the_limit_is_a_setting(small_index):
    strict = Assistant(small_index.settings.model_copy(update={"max_question_chars": len(FIGURE_QUESTION)}), small_index)
    assert strict.ask(FIGURE_QUESTION).reason != "question_too_long"
    assert strict.ask(FIGURE_QUESTION + "请问一下谢谢").reason == "question_too_long"


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PIECES = st.sampled_from(["鹿城区", "洪泽区", "平潭", "综合实验区", "科委", "上海市", "人民政府", "办公室", "2022年",
                          "2024", "申请", "公开", "行政复议", "多少", "比较", "和", "、", "？", " ", "区", "市", "县"])
LONG_TEXT = st.lists(st.one_of(CJK.map(str), PIECES), min_size=1, max_size=500).map("".join)


@hyp_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow],
              derandomize=True)
@given(text=LONG_TEXT)
def test_random_long_questions_up_to_the_limit_answer_within_a_second(assistant, text):
    question = text[:assistant.settings.max_question_chars]
    answer, took = timed_ask(assistant, question, wait=5)
    assert answer is not None, f"ask() still running after {took:.1f} s on {len(question)} characters"
    assert answer.text and took < 1.0, f"{took:.2f} s on {len(question)} characters"


# ---- the conversation ---------------------------------------------------------------------------------


def test_history_is_cut_to_its_last_turns_and_their_length():
    s = Settings(max_question_chars=100, max_history_turns=4)
    history = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"{i}" + "字" * 5000} for i in range(50)]
    kept = bounded_history(history, s)
    assert [m["content"][:2] for m in kept] == ["46", "47", "48", "49"]
    assert [len(m["content"]) for m in kept] == [100, 400, 100, 400]
    pairs = bounded_history([("问" * 1000, "答" * 1000)], s)
    assert pairs == [("问" * 100, "答" * 400)]
    answers = bounded_history([Answer(question="问" * 1000, text="答" * 1000)], s)
    assert len(answers[0].question) == 100 and len(answers[0].text) == 400
    assert bounded_history(history, s.model_copy(update={"max_history_turns": 0})) == []


def test_a_huge_history_does_not_slow_the_answer(assistant):
    rng = random.Random(9)
    noise = "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(100_000))
    history = [{"role": "user", "content": noise}, {"role": "assistant", "content": "答" * 10**6}] * 50
    answer, took = timed_ask(assistant, FIGURE_QUESTION, history, wait=5)
    assert answer is not None and "113" in answer.text, f"{took:.1f} s"


# ---- time -----------------------------------------------------------------------------------------


def answering_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "nianbao-answer"]


def wait_until_stopped(seconds: float = 3.0) -> bool:
    deadline = time.monotonic() + seconds
    while answering_threads() and time.monotonic() < deadline:
        time.sleep(0.01)
    return not answering_threads()


def test_within_returns_raises_and_stops():
    assert within(5, sum, [1, 2, 3]) == 6
    with pytest.raises(ZeroDivisionError):
        within(5, lambda: 1 / 0)
    spins = []

    def spin():
        while True:
            spins.append(1)
            del spins[:]

    start = time.perf_counter()
    with pytest.raises(TimeoutError):
        within(0.2, spin)
    assert time.perf_counter() - start < 0.5
    assert wait_until_stopped(), "the over-budget thread still runs"


def test_an_answer_over_its_budget_says_so_and_frees_its_thread(small_index):
    s = small_index.settings.model_copy(update={"answer_seconds": 1e-4})
    # a fresh one (nothing cached) and an open question across every report: far past the budget and the
    # interpreter's 5 ms thread switch (a figure answer now fits inside one switch and could finish first)
    answer = ask_within(Assistant(s, small_index), s, "哪些单位开展了政务公开业务培训？")
    assert answer.abstained and answer.reason == "over_budget"
    assert answer.text == OVER_BUDGET.format(seconds=1e-4) and "秒内没能回答完" in answer.text
    assert wait_until_stopped()


def test_an_answer_within_its_budget_is_the_answer(assistant):
    answer = ask_within(assistant, assistant.settings, FIGURE_QUESTION)
    assert "113" in answer.text and answer.citations


def test_the_llm_timeout_is_added_to_the_budget():
    from assistant.budget import answer_seconds

    assert answer_seconds(Settings(answer_seconds=5)) == 5
    assert answer_seconds(Settings(answer_seconds=5, llm="openai", llm_timeout=30)) == 35
