"""Second sources for the cells a glued digit run left open. The text alone cannot split "693665" into
规范性文件's three cells; three other sources can, each only among the readings the digits allow:

- "html": the same report's page as HTML, where every cell is its own <td> (an ingest pairs x.txt with x.html);
- "narrative": the report's own sentences ("共收到申请26件", "现行有效行政规范性文件698件");
- "neighbour_year": the same agency's other years (next year's 上一年项目数量 = this year's + 本年增/减;
  现行有效 = last year's + 制发 - 废止; 上年结转 = last year's 结转下年度). Not one of them: 对外公开总数量 as last
  year's plus this year's 本年新公开数量, which the corpus's one pair printed unglued in both years breaks
  (平潭综合实验区管委会 2019 -> 2020, 规章 0|0|0 -> 0|0|7).

Each is soft evidence, applied in that order: it narrows the readings only when some reading agrees with it
(a source can be wrong too). A cell it decides records the source (Cell.source); a run still undecided keeps
its remaining readings and its raw text in the Ambiguity, and its cells stay blank-valued, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from index.models import Ambiguity, Cell, Number
from index.vocabulary import ACTIVE, NARRATIVE_CHECKS, REQUEST_COLUMN_KEYS

SOURCES = ("html", "narrative", "neighbour_year")
Values = tuple[Number | None, ...]
Test = Callable[[dict[str, Number | None]], bool]  # over the table's cells with one reading filled in


class Parse(Protocol):
    """What a neighbouring year's parse offers (index.tables.TableParse)."""

    year: int | None
    template: str

    def candidates(self, table: str, keys: list[str]) -> list[Values]: ...


@dataclass
class Evidence:
    html: dict[tuple[str, str], Number | None] = field(default_factory=dict)  # cells the HTML decided
    stated: dict[str, int] = field(default_factory=dict)  # narrative rule -> figure (index.statements)
    stated_active: dict[str, set[Number]] = field(default_factory=dict)  # table-2 key -> figures stated
    year: int | None = None
    template: str = ""
    neighbours: list[Parse] = field(default_factory=list)


def resolve(cells: list[Cell], ambiguous: list[Ambiguity], ev: Evidence) -> tuple[list[Cell], list[Ambiguity]]:
    """Cells and ambiguities after the second sources had their say (the inputs are not changed)."""
    by_key = {(c.table, c.key): c.model_copy() for c in cells}
    left: list[Ambiguity] = []
    for amb in ambiguous:
        if all(by_key[(amb.table, k)].value is not None for k in amb.keys if (amb.table, k) in by_key):
            left.append(amb)  # the text already chose (a note named the column): nothing open
            continue
        readings = [tuple(c) for c in amb.candidates]
        used: list[str] = []
        decider: dict[int, str] = {}  # column -> the source after which its readings agree
        for source, test in _tests(amb, ev):
            full = [_table_with(by_key, amb, r) for r in readings]
            kept = [r for r, f in zip(readings, full, strict=True) if test(f)]
            if kept and len(kept) < len(readings):
                readings = kept
                used.append(source)
                for i in range(len(amb.keys)):
                    if len({r[i] for r in readings}) == 1:
                        decider.setdefault(i, source)
        for i, source in decider.items():
            cell = by_key[(amb.table, amb.keys[i])]
            cell.value, cell.source = readings[0][i], source
        rest = [i for i in range(len(amb.keys)) if i not in decider]
        if rest:
            note = f"; narrowed by {', '.join(used)}" if used else ""
            left.append(amb.model_copy(update={
                "keys": [amb.keys[i] for i in rest], "reason": amb.reason + note,
                "candidates": [list(c) for c in dict.fromkeys(tuple(r[i] for i in rest) for r in readings)]}))
    return [by_key[(c.table, c.key)] for c in cells], left


def _table_with(by_key: dict[tuple[str, str], Cell], amb: Ambiguity, reading: Values) -> dict[str, Number | None]:
    values = {k: c.value for (t, k), c in by_key.items() if t == amb.table}
    values.update(zip(amb.keys, reading, strict=True))
    return values


def _tests(amb: Ambiguity, ev: Evidence) -> Iterator[tuple[str, Test]]:
    """(source, test) pairs that read this ambiguity's cells, in the order of SOURCES."""
    mine = [k for k in amb.keys if (amb.table, k) in ev.html]
    if mine:
        yield "html", lambda v: all(v[k] == ev.html[(amb.table, k)] for k in mine)
    for key in amb.keys:
        if amb.table == "active" and key in ev.stated_active:
            yield "narrative", lambda v, k=key: v[k] in ev.stated_active[k]
    for rule, figure in ev.stated.items():
        refs = [row if col is None else f"{row}.{col}" for t, row, col in NARRATIVE_CHECKS[rule][2] if t == amb.table]
        if refs and set(refs) & set(amb.keys):
            yield "narrative", lambda v, refs=refs, figure=figure, rule=rule: _states(v, refs, figure, rule)
    for nb in ev.neighbours:
        if nb.year is not None and ev.year is not None and abs(nb.year - ev.year) == 1:
            yield from (("neighbour_year", t) for t in _neighbour_tests(amb, ev, nb))


def _states(v: dict[str, Number | None], refs: list[str], figure: int, rule: str) -> bool:
    if any(k not in v for k in refs):
        return False
    total = sum(_n(v[k]) for k in refs)
    # many reports count 受理 including last year's carried-over requests (as index.checks accepts)
    return figure == total or (rule == "narrative.new_received" and figure == total + _n(v.get("carried_over.total")))


def _neighbour_tests(amb: Ambiguity, ev: Evidence, nb: Parse) -> Iterator[Test]:
    earlier = nb.year == ev.year - 1
    if amb.table == "requests":
        # 上年结转 = last year's 结转下年度, column by column
        mine, theirs = ("carried_over", "carried_forward") if earlier else ("carried_forward", "carried_over")
        for col in REQUEST_COLUMN_KEYS:
            if f"{mine}.{col}" in amb.keys and (seen := nb.candidates("requests", [f"{theirs}.{col}"])):
                yield lambda v, k=f"{mine}.{col}", seen=seen: any(v[k] == o[0] for o in seen)
        return
    if amb.table != "active" or nb.template != ev.template:
        return
    for row in ACTIVE.get(ev.template, []):
        cols = list(row.columns)
        if not set(cols) & set(amb.keys) or not (theirs := nb.candidates("active", cols)):
            continue
        if ev.template == "2019" and len(cols) >= 2 and cols[1].endswith("_change"):
            # next year's 上一年项目数量 = this year's 上一年项目数量 + 本年增/减
            if earlier:
                yield lambda v, c=cols, t=theirs: any(_n(v[c[0]]) == _n(o[0]) + _n(o[1]) for o in t)
            else:
                yield lambda v, c=cols, t=theirs: any(_n(o[0]) == _n(v[c[0]]) + _n(v[c[1]]) for o in t)
        elif ev.template == "2021" and len(cols) == 3 and cols[2].endswith("_in_force"):
            # 现行有效 = last year's 现行有效 + 制发 - 废止
            if earlier:
                yield lambda v, c=cols, t=theirs: any(_n(v[c[2]]) == _n(o[2]) + _n(v[c[0]]) - _n(v[c[1]]) for o in t)
            else:
                yield lambda v, c=cols, t=theirs: any(_n(o[2]) == _n(v[c[2]]) + _n(o[0]) - _n(o[1]) for o in t)


def _n(v: Number | None) -> Number:
    return v or 0


def decided_by(cells: list[Cell]) -> dict[str, int]:
    """How many cells each second source decided (for reports and the corpus count)."""
    out = dict.fromkeys(SOURCES, 0)
    for c in cells:
        if c.source in out:
            out[c.source] += 1
    return out
