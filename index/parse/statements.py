"""Figures the report's own prose states ("本年度共收到申请26件", "现行有效行政规范性文件698件"), the tables
excluded. The checks compare them with the tables; the resolver lets them decide cells a glued run left open."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
    """Table-2 figures the prose states ('现行有效行政规范性文件698件', '本年度制发的规范性文件88件',
    '主动公开规章13件，行政规范性文件60件'), by key."""
    body = prose(text, spans)
    out: dict[str, set[Number]] = {}
    for clause in re.split(r"[，。；、,;\n]", re.sub(r"[ \t]", "", body)):
        rows = [k for w, k in NARRATIVE_ACTIVE_ROWS.items() if w in clause]
        cols = [k for w, k in NARRATIVE_ACTIVE_COLUMNS.items() if w in clause]
        nums = re.findall(r"(\d+)件", clause)
        if len(set(rows)) == 1 and len(cols) == 1 and len(nums) == 1:
            out.setdefault(rows[0] + cols[0], set()).add(int(nums[0]))
    for key, figure in _published_this_year(re.sub(r"\s+", "", body)):
        out.setdefault(key, set()).add(figure)
    return out


PUBLISHED = "主动公开"  # the 2019 template's 本年新公开数量 as the prose says it
NOT_THIS_YEAR = ("累计", "历年", "现行有效", "截至")  # a count over the years, not this year's publications
_LISTED = re.compile(r"(\D*?)(\d+)件")


def _published_this_year(body: str) -> Iterator[tuple[str, int]]:
    """The list a sentence's 主动公开 heads ('全年主动公开市政府规章22件、…行政规范性文件34件、人事任免文件196件'):
    each item '<documents> N件' whose documents are the agency's 规章 or 规范性文件 states that row's
    本年新公开数量 (key `<row>_new_published`; a 2021-template table has no such column). The list ends at the
    first clause that is no such item; a department's documents (部门规范性文件) are not the agency's row."""
    for sentence in re.split(r"[。；;！？!?]", body):
        if any(w in sentence for w in NOT_THIS_YEAR):
            continue
        for head in sentence.split(PUBLISHED)[1:]:  # a heading line (（一）主动公开方面) joins the sentence after it
            for item in re.split(r"[，、,]", head):
                if not (m := _LISTED.fullmatch(item)):
                    break
                documents = m.group(1)
                row = next((k for w, k in NARRATIVE_ACTIVE_ROWS.items() if documents.endswith(w)), None)
                if row and "部门" not in documents:
                    yield f"{row}_new_published", int(m.group(2))
