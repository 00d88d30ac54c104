"""Typed contracts between the stages: report -> sections -> cells + chunks -> citations -> answer."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Template = Literal["2019", "2021", "pre2019"]
TableName = Literal["active", "requests", "review_litigation"]
Number = int | float


class Section(BaseModel):
    """One of the six standard sections (or a free-form heading in a pre-2019 report)."""

    key: str  # overview | active | requests | review_litigation | problems | other | s1, s2 ... (pre-2019)
    heading: str
    start: int  # character offsets into Report.text
    end: int


class Cell(BaseModel):
    """One table cell in canonical keys. Flat tables (active, review_litigation) have column=None."""

    table: TableName
    row: str
    column: str | None = None
    value: Number | None = None  # None = left empty in the report (checks treat it as 0)
    raw: str = ""  # the text the value was read from ("55（含自然失效29件）", "801000081")
    start: int | None = None  # character offsets of `raw` into Report.text
    end: int | None = None
    page: int | None = None  # 1-based page of a PDF the cell is printed on
    # what decided a cell its own text left open (a glued run): "html" | "narrative" | "neighbour_year"
    source: str | None = None
    confidence: float | None = None  # the OCR recogniser's confidence in the cell's text (scanned pages only)

    @property
    def key(self) -> str:
        return self.row if self.column is None else f"{self.row}.{self.column}"


class Ambiguity(BaseModel):
    """Cells the text cannot decide: never guessed silently, reported with every candidate."""

    table: TableName
    keys: list[str]  # cell keys as Cell.key ("normative_issued", "new_received.total")
    text: str  # the raw text that could not be split
    candidates: list[list[Number | None]]  # one list of values (aligned with keys) per candidate
    reason: str = ""
    start: int | None = None
    end: int | None = None


NOT_CHECKED = "not checked"  # how a Check's detail opens when undecided cells left it without a verdict


class Check(BaseModel):
    """One arithmetic identity of the report (spec checks 1-4, narrative, cross-year). `ok` is True only
    when every unit of the rule was read and held; one left unread for undecided cells makes the rule
    "not checked" (ok False, detail opening with NOT_CHECKED), which is no failure."""

    rule: str  # requests.balance | requests.results_sum | requests.row_total | review_litigation.totals
    # | narrative.<what> | continuity.carried | continuity.in_force
    ok: bool
    detail: str = ""
    cells: list[str] = Field(default_factory=list)  # "table:key" of the cells involved in failures

    @property
    def status(self) -> Literal["ok", "failed", "not_checked"]:
        """Three verdicts from the stored fields (no column of its own): passed, failed, or not checked."""
        if self.ok:
            return "ok"
        return "not_checked" if self.detail.startswith(NOT_CHECKED) else "failed"


class ReportMeta(BaseModel):
    agency: str
    year: int
    template: Template
    title: str = ""
    published: str | None = None  # ISO date when the file states it
    source_url: str | None = None
    places: list[str] = Field(default_factory=list)  # 浙江省, 浙江, 温州市, 温州, 鹿城区, 鹿城: where the agency sits
    kinds: list[str] = Field(default_factory=list)  # 公安局, 公安; 片区; 政府: what kind of agency its name says


class Report(BaseModel):
    """A parsed report: normalised text, sections, exact cells and the report's own checks."""

    id: str  # sha256(agency, year, normalised text)[:16]: stable across re-ingest and renames
    file_name: str
    file_sha256: str
    meta: ReportMeta
    text: str  # normalised text: the coordinate system of every offset
    pages: list[tuple[int, int]] = Field(default_factory=list)  # [start, end) of each PDF page in text
    ocr_pages: list[int] = Field(default_factory=list)  # 1-based PDF pages read by OCR: the report shows "OCR"

    def page_at(self, offset: int) -> int | None:
        """The 1-based PDF page holding a character offset of the text (None without pages)."""
        return next((i for i, (a, b) in enumerate(self.pages, 1) if a <= offset < b), None)
    sections: list[Section] = Field(default_factory=list)
    cells: list[Cell] = Field(default_factory=list)
    ambiguous: list[Ambiguity] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)

    def cell(self, table: str, row: str, column: str | None = None) -> Cell | None:
        for c in self.cells:
            if c.table == table and c.row == row and c.column == column:
                return c
        return None

    def tables_json(self) -> dict:
        """The spec's export shape of the tables (requests nested by row, others flat)."""
        out: dict[str, dict] = {}
        for c in self.cells:
            t = out.setdefault(c.table, {})
            if c.column is None:
                t[c.row] = c.value
            else:
                t.setdefault(c.row, {})[c.column] = c.value
        return out

    def export(self) -> dict:
        """`nianbao tables --json`: report, tables, checks, ambiguous."""
        return {
            "report": {"agency": self.meta.agency, "year": self.meta.year, "template": self.meta.template},
            "tables": self.tables_json(),
            "checks": [c.model_dump(include={"rule", "ok", "detail"}) for c in self.checks],
            "ambiguous": [a.model_dump(exclude={"start", "end"}) for a in self.ambiguous],
        }


class Chunk(BaseModel):
    """A retrievable passage: a run of sentences in one section, or one table row as a sentence."""

    id: str  # content hash (report id + offsets + text)
    report_id: str
    agency: str
    year: int
    template: Template
    section: str
    kind: Literal["text", "table_row"] = "text"
    text: str
    start: int
    end: int


class Citation(BaseModel):
    n: int
    report_id: str
    agency: str
    year: int
    kind: Literal["cell", "passage"]
    table: str | None = None
    row: str | None = None
    column: str | None = None
    row_label: str | None = None
    column_label: str | None = None
    section: str | None = None
    quote: str = ""  # the cell's raw text, or the quoted passage
    start: int | None = None
    end: int | None = None
    check_failed: list[str] = Field(default_factory=list)  # rules of the report's checks that failed for this cell
    page: int | None = None  # 1-based PDF page of the cell or passage (None for formats without pages)


class Figure(BaseModel):
    """A number the answer states: a cell's (or one computed from cells, table="derived"), or one printed in a
    passage (kind="passage", table="passage", row = the clause that states it), each citing its source."""

    agency: str
    year: int
    table: str
    row: str
    column: str | None = None
    value: Number | None
    citation: int  # Citation.n
    kind: Literal["cell", "passage"] = "cell"
    unit: str | None = None  # as printed beside a passage's number (场, 件, 元)


class Answer(BaseModel):
    question: str
    text: str  # natural Chinese with [n] markers
    abstained: bool = False
    reason: str | None = None  # why it declined (also in text)
    citations: list[Citation] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    kind: str = ""  # figure | derived | comparison | narrative | precedent | clarify | decline
    notes: list[str] = Field(default_factory=list)  # e.g. "按最新报告（2024年度）", guard removals
    plan: Any = None  # assistant.plan.QueryPlan: how the question was understood (--explain, the API)
