"""What one question may cost: its length, how much of the conversation it reads, and its time.

A question past the length limit is refused before any work (agency matching grows with its length). Answering
runs in a thread of its own that is stopped once it overruns the time budget, so a slow question hands back the
server's worker and its core with a clear message instead of holding them while the client has given up.

The stop is an asynchronous exception (CPython's PyThreadState_SetAsyncExc): it lands at the thread's next
Python bytecode, so pure-Python loops stop within milliseconds; a call stuck inside C code (a regex, a socket
read) stops when it returns. func-timeout does the same but has been unmaintained since 2019.
"""

from __future__ import annotations

import contextvars
import ctypes
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from index.models import Answer
from index.settings import Settings

log = logging.getLogger(__name__)

T = TypeVar("T")

QUESTION_TOO_LONG = "问题太长（{n} 个字），请精简到 {limit} 个字以内再问。"
OVER_BUDGET = "这个问题在 {seconds:g} 秒内没能回答完，已停止查找。请换一个更具体、更简短的问法再试。"
ANSWER_CHARS_PER_QUESTION_CHAR = 4  # an earlier answer may be this many times longer than a question


class OverBudget(BaseException):
    """Raised inside an answering thread that overran its budget. A BaseException, so that the handlers
    that turn any Exception into a polite decline do not swallow it and let the thread run on."""


def question_too_long(question: str, settings: Settings) -> str | None:
    """The Chinese refusal for a question over the length limit, or None when it is within it."""
    if len(question) <= settings.max_question_chars:
        return None
    return QUESTION_TOO_LONG.format(n=f"{len(question):,}", limit=settings.max_question_chars)


def bounded_history(history: list | None, settings: Settings) -> list:
    """The most recent `max_history_turns` messages, each cut to the question limit (a user's) or to
    ANSWER_CHARS_PER_QUESTION_CHAR times it (an answer): earlier turns are parsed again for follow-ups."""
    if not history or settings.max_history_turns == 0:
        return []
    q_limit = settings.max_question_chars
    a_limit = q_limit * ANSWER_CHARS_PER_QUESTION_CHAR
    out = []
    for item in history[-settings.max_history_turns:]:
        if isinstance(item, Answer):
            item = item.model_copy(update={"question": item.question[:q_limit], "text": item.text[:a_limit]})
        elif isinstance(item, dict):
            limit = q_limit if item.get("role", "user") == "user" else a_limit
            item = {k: v[:limit] if isinstance(v, str) and k != "role" else v for k, v in item.items()}
            if "answer" in item and isinstance(item["answer"], str):
                item["answer"] = item["answer"][:a_limit]
        elif isinstance(item, list | tuple) and len(item) == 2:
            item = (str(item[0] or "")[:q_limit], str(item[1] or "")[:a_limit])
        out.append(item)
    return out


def answer_seconds(settings: Settings) -> float:
    """The budget of one answer: the setting, plus the LLM's own timeout when an LLM writes the answers."""
    return settings.answer_seconds + (settings.llm_timeout if settings.llm != "none" else 0.0)


def within(seconds: float, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """fn(*args, **kwargs) in a thread of its own; raises TimeoutError (and stops that thread) past `seconds`."""
    done = threading.Lock()  # held by whichever side settles first: the thread finishing, or the stop
    outcome: dict[str, Any] = {}
    context = contextvars.copy_context()

    def settle(key: str, value: Any) -> None:
        with done:
            outcome[key] = value

    def run() -> None:
        try:
            try:
                settle("value", context.run(fn, *args, **kwargs))
            except OverBudget:
                raise
            except BaseException as e:  # handed to the caller, raised there
                settle("error", e)
        except OverBudget:  # the stop may land while settling, too late: the caller has gone
            log.info("stopped %s after its %g s budget", getattr(fn, "__name__", fn), seconds)

    worker = threading.Thread(target=run, name="nianbao-answer", daemon=True)
    worker.start()
    worker.join(seconds)
    with done:
        if "value" in outcome:
            return outcome["value"]
        if "error" in outcome:
            raise outcome["error"]
        if worker.is_alive():  # still ours: it cannot settle (and its id cannot be reused) while we hold `done`
            _raise_in(worker, OverBudget)
    raise TimeoutError(f"over the {seconds:g} s budget")


def ask_within(assistant, settings: Settings, question: str, history: list | None = None,
               filters: dict | None = None) -> Answer:
    """assistant.ask within the answer budget; past it, a decline that says so (and the work is stopped)."""
    seconds = answer_seconds(settings)
    try:
        return within(seconds, assistant.ask, question, history, filters)
    except TimeoutError:
        log.warning("answering %r ran past its %g s budget", question[:200], seconds)
        return Answer(question=question[:settings.max_question_chars], text=OVER_BUDGET.format(seconds=seconds),
                      abstained=True, reason="over_budget", kind="decline")


def _raise_in(thread: threading.Thread, exc: type[BaseException]) -> None:
    set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    hit = set_async_exc(ctypes.c_ulong(thread.ident), ctypes.py_object(exc))
    if hit > 1:  # more than one thread state matched: undo, as the C API asks
        set_async_exc(ctypes.c_ulong(thread.ident), None)
