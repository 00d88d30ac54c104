"""The report's own arithmetic, its narrative against its tables, and one year against the next.

A failed check is recorded with the figures that disagree, never "fixed": reports do break their own
identities, and a reader needs to see where. Cells the parser could not decide (Ambiguity) make no
identity fail; the identities that read them are skipped and say so.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.models import NOT_CHECKED, Ambiguity, Cell, Check, Number, Report, Section
from index.parse.statements import stated_figures
from index.parse.tables import locate_tables
from index.vocabulary import (
    APPLICANT_COLUMNS,
    NARRATIVE_CHECKS,
    REQUEST_COLUMN_KEYS,
    REQUEST_ROW_KEYS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
)

_BALANCE = ("new_received", "carried_over", "results_total", "carried_forward")
_RESULTS = REQUEST_ROW_KEYS[REQUEST_ROW_KEYS.index("carried_over") + 1:REQUEST_ROW_KEYS.index("results_total")]


class _Table:
    """Cells of one report by (table, key), with the keys the parser left ambiguous."""

    def __init__(self, cells: Sequence[Cell], ambiguous: Sequence[Ambiguity] = ()):
        self.values = {(c.table, c.key): c.value for c in cells}
        self.unsure = {(a.table, k) for a in ambiguous for k in a.keys}

    def has(self, table: str, key: str) -> bool:
        return (table, key) in self.values

    def known(self, table: str, key: str) -> bool:
        """Printed with a value (not blank, not left undecided by the parser)."""
        return self.values.get((table, key)) is not None

    def get(self, table: str, key: str) -> Number:
        return self.values.get((table, key)) or 0

    def show(self, table: str, key: str) -> str:
        v = self.values.get((table, key))
        return "null(0)" if v is None else _fmt(v)

    def unsure_of(self, table: str, keys: Sequence[str]) -> bool:
        return any((table, k) in self.unsure for k in keys)


def _fmt(v: Number) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def _check(rule: str, fails: list[tuple[str, list[str]]], ok_detail: str, skipped: list[str]) -> Check:
    """A rule with a unit left unread (its cells undecided) has no verdict unless another unit failed:
    it reads "not checked", never ok."""
    unread = f"ambiguous cells: {', '.join(skipped)}"
    if fails:
        detail = "; ".join(d for d, _ in fails) + (f" (not checked, {unread})" if skipped else "")
    elif skipped:
        detail = f"{NOT_CHECKED}, {unread}; the rule: {ok_detail}"
    else:
        detail = ok_detail
    return Check(rule=rule, ok=not fails and not skipped, detail=detail, cells=[c for _, cs in fails for c in cs])


def _requests_checks(t: _Table) -> list[Check]:
    rows = [r for r in REQUEST_ROW_KEYS if t.has("requests", f"{r}.total")]
    results = [r for r in _RESULTS if r in rows]
    out = []
    fails, skipped = [], []
    for c in REQUEST_COLUMN_KEYS:
        keys = [f"{r}.{c}" for r in _BALANCE]
        if t.unsure_of("requests", keys):
            skipped.append(c)
            continue
        nr, co, rt, cf = (t.get("requests", k) for k in keys)
        if nr + co != rt + cf:
            s = [t.show("requests", k) for k in keys]
            fails.append((f"{c}: new_received {s[0]} + carried_over {s[1]} = {_fmt(nr + co)} ≠ results_total "
                          f"{s[2]} + carried_forward {s[3]} = {_fmt(rt + cf)}", [f"requests:{k}" for k in keys]))
    out.append(_check("requests.balance", fails,
                      "all 7 columns: new_received + carried_over = results_total + carried_forward", skipped))
    out.append(_sums(t, "requests", "requests.results_sum",
                     [(c, f"results_total.{c}", [f"{r}.{c}" for r in results]) for c in REQUEST_COLUMN_KEYS],
                     "{name}: results_total {total} ≠ sum of result rows {parts}",
                     f"all 7 columns: results_total = sum of the {len(results)} result rows"))
    out.append(_sums(t, "requests", "requests.row_total",
                     [(r, f"{r}.total", [f"{r}.{c}" for c in APPLICANT_COLUMNS]) for r in rows],
                     "{name}: total {total} ≠ sum of six columns {parts}",
                     f"all {len(rows)} rows: total = sum of the six applicant columns"))
    return out


def _review_check(t: _Table) -> Check:
    outcomes = [o for o, _ in REVIEW_OUTCOMES if o != "total"]
    return _sums(t, "review_litigation", "review_litigation.totals",
                 [(g, f"{g}_total", [f"{g}_{o}" for o in outcomes]) for g, _ in REVIEW_GROUPS],
                 "{name}: total {total} ≠ upheld+corrected+other+pending {parts}",
                 "all 3 groups: total = upheld + corrected + other + pending")


def _sums(t: _Table, table: str, rule: str, units: list[tuple[str, str, list[str]]], fail: str, ok: str) -> Check:
    """One 'total = sum of parts' identity over several units (columns, rows or groups)."""
    fails, skipped = [], []
    for name, total, parts in units:
        if t.unsure_of(table, [*parts, total]):
            skipped.append(name)
            continue
        summed = sum(t.get(table, k) for k in parts)
        if t.get(table, total) != summed:
            fails.append((fail.format(name=name, total=t.show(table, total), parts=_fmt(summed)),
                          [f"{table}:{k}" for k in [total, *parts]]))
    return _check(rule, fails, ok, skipped)


# ---- narrative -------------------------------------------------------------------------------------------
def narrative_figures(text: str, sections: Sequence[Section] | None = None) -> dict[str, int]:
    """Figures the report's prose states for the checked cells (first statement wins), tables excluded."""
    return stated_figures(text, locate_tables(text, list(sections or [])).values())


def _narrative_checks(t: _Table, text: str, sections: Sequence[Section] | None) -> list[Check]:
    out = []
    for rule, figure in narrative_figures(text, sections).items():
        refs = NARRATIVE_CHECKS[rule][2]
        keys = [(table, row if col is None else f"{row}.{col}") for table, row, col in refs]
        if not all(t.has(*k) for k in keys) or any(t.unsure_of(*k[:1], [k[1]]) for k in keys):
            continue
        value = sum(t.get(*k) for k in keys)
        names = " + ".join(k for _, k in keys)
        ok = figure == value
        detail = f"narrative {figure} {'=' if ok else '≠'} table {names} {_fmt(value)}"
        if not ok and rule == "narrative.new_received":
            with_carried = value + t.get("requests", "carried_over.total")
            if figure == with_carried:  # many reports count 受理 including last year's carried-over requests
                ok, detail = True, f"narrative {figure} = table new_received.total + carried_over.total {_fmt(with_carried)}"
        out.append(Check(rule=rule, ok=ok, detail=detail, cells=[] if ok else [f"{a}:{b}" for a, b in keys]))
    return out


def run_checks(cells: Sequence[Cell] | Report, text: str = "", sections: Sequence[Section] | None = None,
               ambiguous: Sequence[Ambiguity] = ()) -> list[Check]:
    """The spec's four identities (for the tables the report has) plus narrative-vs-table checks.
    Takes a Report, or its cells, text and sections."""
    if isinstance(cells, Report):
        cells, text, sections, ambiguous = cells.cells, cells.text, cells.sections, cells.ambiguous
    t = _Table(cells, ambiguous)
    tables = {c.table for c in cells}
    out: list[Check] = []
    if "requests" in tables:
        out += _requests_checks(t)
    if "review_litigation" in tables:
        out.append(_review_check(t))
    if text:
        out += _narrative_checks(t, text, sections)
    return out


def continuity_checks(prev: Sequence[Cell] | Report, cur: Sequence[Cell] | Report) -> list[Check]:
    """Last year's report against this year's: 结转下年度 = 上年结转, and (2021 template)
    现行有效 = last year's 现行有效 + 制发 - 废止 for 规章 and 行政规范性文件."""
    p = _Table(prev.cells if isinstance(prev, Report) else prev)
    c = _Table(cur.cells if isinstance(cur, Report) else cur)
    out = []
    if p.known("requests", "carried_forward.total") and c.known("requests", "carried_over.total"):
        a, b = p.get("requests", "carried_forward.total"), c.get("requests", "carried_over.total")
        out.append(Check(
            rule="continuity.carried", ok=a == b,
            detail=f"last year's carried_forward.total {p.show('requests', 'carried_forward.total')} "
                   f"{'=' if a == b else '≠'} this year's carried_over.total {c.show('requests', 'carried_over.total')}",
            cells=[] if a == b else ["requests:carried_over.total"]))
    fails, held = [], []
    for row in ("regulations", "normative"):
        keys = [f"{row}_in_force", f"{row}_issued", f"{row}_repealed"]
        if not (p.known("active", keys[0]) and all(c.known("active", k) for k in keys)):
            continue
        before, now, issued, repealed = (p.get("active", keys[0]), *(c.get("active", k) for k in keys))
        line = f"{row}: {_fmt(before)} + issued {_fmt(issued)} - repealed {_fmt(repealed)} = " \
               f"{_fmt(before + issued - repealed)}"
        if before + issued - repealed == now:
            held.append(f"{line} = in_force {_fmt(now)}")
        else:
            fails.append((f"{line} ≠ in_force {_fmt(now)}", [f"active:{k}" for k in keys]))
    if fails or held:
        out.append(Check(rule="continuity.in_force", ok=not fails,
                         detail="; ".join([d for d, _ in fails] + held), cells=[x for _, cs in fails for x in cs]))
    return out
