"""Figures from the structured store: cell lookups per report (one query per table), the template's own
key for a figure, the report's failed checks on a cell, and the arithmetic of derived figures."""

from __future__ import annotations

from pydantic import BaseModel

from assistant.catalog import CatalogEntry
from assistant.query import MEAN_MARK, CellKey
from index.models import Ambiguity, Cell, Check, Number, Report
from index.vocabulary import (
    ACTIVE,
    ACTIVE_2019_EQUIVALENT,
    COLUMN_LABELS,
    RATES,
    RECEIVED_SIDE,
    REQUEST_ROW_KEYS,
    ROW_PARTS,
)

CellMap = dict[tuple[str, str, str | None], Cell]


class Value(BaseModel):
    """One cell read for one report, with what the report itself says is wrong around it."""

    entry: CatalogEntry
    key: CellKey  # the key as stored (after the template's equivalent)
    cell: Cell | None = None
    failed: list[Check] = []  # the report's own failed checks that involve this cell
    ambiguity: Ambiguity | None = None  # the parser could not decide this cell

    @property
    def value(self) -> Number | None:
        return self.cell.value if self.cell else None

    @property
    def found(self) -> bool:
        """A cell with a value, or a printed blank; a cell whose glued digits the parser could not split is
        not found (its candidate readings are in `ambiguity`), never read as blank or 0."""
        return self.cell is not None and not (self.cell.value is None and len({r or 0 for r in self.readings()}) > 1)

    def readings(self) -> list[Number | None]:
        """The values this cell takes in the readings the parser left open (empty when it is not ambiguous)."""
        a = self.ambiguity
        ref = self.key.row if self.key.column is None else f"{self.key.row}.{self.key.column}"
        if a is None or ref not in a.keys:
            return []
        i = a.keys.index(ref)
        return list(dict.fromkeys(c[i] if i < len(c) else None for c in a.candidates))


def template_key(key: CellKey, template: str) -> CellKey:
    """An active key of one template asked of a report printed in the other reads the same figure's key there
    (the answer names the report's own label)."""
    same = ACTIVE_2019_EQUIVALENT if template == "2019" else _AS_2021 if template == "2021" else {}
    return CellKey(table=key.table, row=same[key.row], column=key.column) if key.row in same else key


_AS_2021 = {v: k for k, v in ACTIVE_2019_EQUIVALENT.items()}


def amount_and_count(key: CellKey) -> tuple[CellKey, CellKey] | None:
    """The amount and the count printed in one row (采购总金额 beside 采购项目数量) that holds `key`: what an
    average per item divides; None for a row without both."""
    if key.table != "active":
        return None
    row = next((r for rows in ACTIVE.values() for r in rows if key.row in r.columns), None)
    amount = next((c for c in (row.columns if row else ()) if c.endswith(("_amount", "_amount_wan"))), None)
    count = next((c for c in (row.columns if row else ()) if c.endswith("_items")), None)
    return (CellKey(table="active", row=amount), CellKey(table="active", row=count)) if amount and count else None


def parts_of(keys: list[CellKey]) -> list[CellKey]:
    """The rows a report may print instead of the asked ones (（六）其他处理 as its three rows): read and summed
    when the asked row itself is not printed, each part cited."""
    return [CellKey(table=k.table, row=part, column=k.column) for k in keys
            for part in (ROW_PARTS.get(k.row, (k.row,)) if k.table == "requests" else (k.row,))]


def with_column(keys: list[CellKey], column: str | None) -> list[CellKey]:
    """The asked applicant type replaces the 总计 column of requests-table keys."""
    if not column:
        return keys
    return [CellKey(table=k.table, row=k.row, column=column) if k.table == "requests" else k for k in keys]


def over_columns(keys: list[CellKey], columns) -> list[CellKey]:
    """The requests-table keys spread over several applicant columns (法人或其他组织, 非自然人: summed as one)."""
    return [CellKey(table=k.table, row=k.row, column=c) for k in keys if k.table == "requests" for c in columns]


def with_columns_of(keys: list[CellKey], like: list[CellKey]) -> list[CellKey]:
    """Keys found after a column group was read (one row over several columns) keep that group's columns."""
    columns = list(dict.fromkeys(k.column for k in like if k.table == "requests"))
    if len(columns) < 2 or len({k.row for k in like}) != 1:
        return keys
    return over_columns(keys, columns) + [k for k in keys if k.table != "requests"]


class Facts(BaseModel):
    """What the figure path needs of one report, kept in memory (ids are content hashes: never stale)."""

    cells: CellMap
    checks: list[Check] = []
    ambiguous: list[Ambiguity] = []

    @classmethod
    def of(cls, report: Report) -> Facts:
        return cls(cells={(c.table, c.row, c.column): c for c in report.cells},
                   checks=[c for c in report.checks if not c.ok], ambiguous=report.ambiguous)


def failed_checks(checks: list[Check], cell: Cell) -> list[Check]:
    """The report's own failed checks that name this cell ("requests:new_received.total")."""
    ref = f"{cell.table}:{cell.key}"
    return [c for c in checks if not c.ok and ref in c.cells]


def find_ambiguity(ambiguous: list[Ambiguity], key: CellKey) -> Ambiguity | None:
    ref = key.row if key.column is None else f"{key.row}.{key.column}"
    return next((a for a in ambiguous if a.table == key.table and ref in a.keys), None)


def read(entry: CatalogEntry, key: CellKey, facts: Facts) -> Value:
    k = template_key(key, entry.template)
    cell = facts.cells.get((k.table, k.row, k.column))
    return Value(entry=entry, key=k, cell=cell, failed=failed_checks(facts.checks, cell) if cell else [],
                 ambiguity=find_ambiguity(facts.ambiguous, k) if cell is None or cell.value is None else None)


def summable(keys: list[CellKey]) -> bool:
    """Whether the cells' sum means something unasked: not when they stand on both sides of the table's balance
    (新收申请数以及部分公开数: a request received and one answered), nor a total beside the rows it totals."""
    rows = {k.row for k in keys if k.table == "requests"}
    received = rows.intersection(RECEIVED_SIDE)
    return not (received and rows - received) and not ("results_total" in rows and len(rows) > 1)


def total(values: list[Value]) -> Number | None:
    """Sum of the cells (an empty cell counts 0, as the report's own checks count it); None if none found."""
    found = [v for v in values if v.found]
    if not found:
        return None
    s = sum(v.value or 0 for v in found)
    return round(s, 4) if isinstance(s, float) else s


def passes(value: Number | None, bound: tuple[str, float] | tuple[str, float, float]) -> bool:
    """Whether a value passes a listing's bound (超过100件: > 100) or lies in a span said (50到100之间: both held)."""
    op, n, *upper = bound
    if value is None:
        return False
    if op == "in":
        return n <= value <= upper[0]
    if op == "+":  # 700多: from 700 up to the next step of its last non-zero place (800)
        digits = str(int(n))
        return n <= value < n + 10 ** (len(digits) - len(digits.rstrip("0")))
    if op == "~":  # 100左右, 大约100: within a tenth either way
        return abs(value - n) <= 0.1 * n
    return {">": value > n, ">=": value >= n, "<": value < n, "<=": value <= n, "=": value == n}[op]


def against_mean(bound: tuple[str, float] | None, values: list[Number | None]) -> tuple[str, float] | None:
    """The bound with the mean of the values in place of MEAN_MARK (other bounds as they are), and the sum it
    comes from, so the words that print the bound (bound_words) show how it was computed."""
    if not bound or bound[1] != MEAN_MARK:
        return bound
    held = [v for v in values if v is not None]
    formula = f"（{'＋'.join(_shown(v) for v in held)}）÷{len(held)}"
    return (bound[0], round(sum(held) / len(held), 1), formula) if held else None


def _shown(n: Number) -> str:
    return str(int(n) if float(n).is_integer() else n)


def bound_words(bound: tuple, unit: str = "") -> str:
    op, n, *formula = bound
    mean = f"所列报告的平均值{_shown(n)}{unit}（{formula[0]}）" if formula else f"{_shown(n)}{unit}"
    return {">": "大于", ">=": "不少于", "<": "少于", "<=": "不多于"}[op] + mean


def percent(numerator: Number, denominator: Number) -> float | None:
    if not denominator:
        return None
    return round(100.0 * numerator / denominator, 1)


def rate_keys(rate: str) -> tuple[list[CellKey], list[CellKey]]:
    _, num, den, _ = RATES[rate]
    return [CellKey(table=t, row=r, column=c) for t, r, c in num], [CellKey(table=t, row=r, column=c) for t, r, c in den]


def rate_parts(it) -> tuple[str, list[CellKey], list[CellKey], str]:
    """(label, numerator cells, denominator cells, formula) of the rate an intent asks: a named rate of the
    vocabulary, or the share of a table's total that the question built (`Intent.rate_spec`)."""
    if it.rate_spec is not None:
        s = it.rate_spec
        return s.label, list(s.numerator), list(s.denominator), s.formula
    label, _, _, formula = RATES[it.rate]
    num, den = rate_keys(it.rate)
    if it.column and any(k.table == "requests" for k in num + den):  # 自然人申请的公开率: that column's cells
        label = f"{label}（{COLUMN_LABELS[it.column]}）"
        num, den = with_column(num, it.column), with_column(den, it.column)
    return label, num, den, formula



def change(prev: Number | None, cur: Number | None) -> tuple[Number | None, float | None]:
    """Difference and percentage change from the previous year (None when the previous is 0 or missing)."""
    if prev is None or cur is None:
        return None, None
    diff = cur - prev
    diff = round(diff, 4) if isinstance(diff, float) else diff
    return diff, percent(diff, prev) if prev else None


def group_total(key: CellKey) -> CellKey:
    """The total of the review/litigation group a cell of it is in (review_upheld -> review_total)."""
    return CellKey(table=key.table, row=f"{key.row.rsplit('_', 1)[0]}_total")


def outcome_keys(key: CellKey) -> list[CellKey]:
    """The outcomes of a review/litigation total (结果维持 … 尚未审结), for 其他结果1件 style detail."""
    group = key.row.rsplit("_", 1)[0]
    return [CellKey(table=key.table, row=f"{group}_{o}") for o in ("upheld", "corrected", "other", "pending")]


RESULT_ROWS = [k for k in REQUEST_ROW_KEYS if k not in ("new_received", "carried_over", "results_total",
                                                          "carried_forward")]


def context_keys(keys: list[CellKey]) -> list[CellKey]:
    """Cells said alongside the asked one: 上年结转 with 新收 (the seed's 113 + 5), the outcomes of a
    review/litigation total (1件，其他结果1件)."""
    if len(keys) == 1 and keys[0].table == "requests" and keys[0].row == "new_received":
        return [CellKey(table="requests", row="carried_over", column=keys[0].column)]
    return [k for key in keys if key.table == "review_litigation" and key.row.endswith("_total")
            for k in outcome_keys(key)]
