"""Figures the report's own prose states ("本年度共收到申请26件", "现行有效行政规范性文件698件"), the tables
excluded. The checks compare them with the tables; the resolver lets them decide cells a glued run left open."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from index.models import Number
from index.vocabulary import NARRATIVE_ACTIVE_COLUMNS, NARRATIVE_ACTIVE_ROWS, NARRATIVE_CHECKS

_FIGURE = re.compile(r"(\d+)\s*[件起条项]")


def prose(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with the tables' spans cut out (each leaves a sentence break)."""
    body = text
    for s, e in sorted(spans, reverse=True):
        body = body[:s] + "。" + body[e:]
    return body


@cache
def _words(word: str) -> re.Pattern:
    """'收到…申请' = 收到, later in the clause 申请."""
    return re.compile(".*?".join(re.escape(p) for p in word.split("…")))


NONE_SAID = ("未", "没有", "没", "无", "均未", "并未")  # 未收到…申请: the prose states none


def _clause_figure(clause: str, include, exclude, zero: bool) -> int | None:
    """The figure one clause states for a rule (its number after, else before, the rule's words); with `zero`,
    a clause that says none (未收到有关政府信息公开的申请) states 0."""
    if any(w in clause for w in exclude):
        return None
    hit = next((m for w in include if (m := _words(w).search(clause))), None)
    if not hit:
        return None
    after = _FIGURE.search(clause, hit.start())
    before = _FIGURE.findall(clause[:hit.start()])
    if after or before:
        return int(after.group(1) if after else before[-1])
    return 0 if zero and clause[:hit.start()].endswith(NONE_SAID) else None


def stated_figures(text: str, spans: Iterable[tuple[int, int]]) -> dict[str, int]:
    """Figures the prose states for the cells of NARRATIVE_CHECKS, by rule (first statement wins)."""
    clauses = re.split(r"[，。；、,;！？!?]", re.sub(r"\s+", "", prose(text, spans)))
    out: dict[str, int] = {}
    for rule, (include, exclude, _) in NARRATIVE_CHECKS.items():
        for clause in clauses:
            if (value := _clause_figure(clause, include, exclude, zero=False)) is not None:
                out[rule] = value
                break
    return out


def stated_in(sentence: str, cells: set[tuple[str, str, str | None]]) -> int | None:
    """The figure one sentence of a report without tables states for these cells (a NARRATIVE_CHECKS rule's),
    0 where it says none was received; None when it states nothing about them."""
    rule = next((r for r in NARRATIVE_CHECKS.values() if set(r[2]) == cells), None)
    if rule is None:
        return None
    for clause in re.split(r"[，。；,;！？!?]", re.sub(r"\s+", "", sentence)):  # 公民、法人…: one clause
        if (value := _clause_figure(clause, rule[0], rule[1], zero=True)) is not None:
            return value
    return None


def stated_active(text: str, spans: Iterable[tuple[int, int]]) -> dict[str, set[Number]]:
    """Table-2 figures the prose states ('现行有效行政规范性文件698件', '本年度制发的规范性文件88件'), by key."""
    out: dict[str, set[Number]] = {}
    for clause in re.split(r"[，。；、,;\n]", re.sub(r"[ \t]", "", prose(text, spans))):
        rows = [k for w, k in NARRATIVE_ACTIVE_ROWS.items() if w in clause]
        cols = [k for w, k in NARRATIVE_ACTIVE_COLUMNS.items() if w in clause]
        nums = re.findall(r"(\d+)件", clause)
        if len(set(rows)) == 1 and len(cols) == 1 and len(nums) == 1:
            out.setdefault(rows[0] + cols[0], set()).add(int(nums[0]))
    return out
