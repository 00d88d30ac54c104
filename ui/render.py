"""HTML for the UI, built from the typed models. Everything that comes from a report goes through
`esc` before it is wrapped in our own markup, so report text can never become markup or script."""

from __future__ import annotations

import html
import re

from assistant.narrative import report_sentences
from index.models import Ambiguity, Answer, Cell, Check, Citation, Report
from index.vocabulary import (
    ACTIVE,
    CHECK_LABELS,
    REQUEST_COLUMNS,
    REQUEST_ROWS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
    SECTION_NAMES,
    TABLE_NAMES,
    TABLE_NUMBERS,
    cell_labels,
)
from ui import strings as S

CONTEXT_CHARS = 300  # at most this much text either side of a cited passage
FOLD_NEIGHBOURS = 1  # a folded table keeps the cited row and this many rows either side
MAX_READINGS = 4  # an ambiguous cell lists at most this many candidate values
MAX_CHECK_CELLS = 5  # a failed check names at most this many of its cells


def esc(value: object) -> str:
    """HTML-escape anything (quotes too) so it is shown as text."""
    return html.escape("" if value is None else str(value), quote=True)


def format_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def says_more(raw: str | None) -> bool:
    """Whether a cell's printed text tells more than its number ("55（含自然失效29件）"); a flattened row's
    glued digits ("801000081") do not."""
    return bool(raw) and not re.fullmatch(r"[\d\s.,|-]*", raw or "")


def table_title(table: str) -> str:
    return f"{TABLE_NUMBERS.get(table, '')} {TABLE_NAMES.get(table, table)}".strip()


def section_name(key: str | None) -> str:
    """The Chinese name of a section key; free-form sections of older reports are just 正文."""
    if key == "preamble":
        return S.PREAMBLE
    return SECTION_NAMES.get(key or "", S.SECTION_OTHER)


def section_title(report: Report | None, key: str | None) -> str:
    if report is not None:
        for s in report.sections:
            if s.key == key and s.heading:
                return s.heading
    return section_name(key)


def template_name(template: str) -> str:
    return S.TEMPLATE_NAMES.get(template, template)


# ---- plain-text labels (radio choices, chat lines) ---------------------------------------------


def citation_label(c: Citation) -> str:
    """One line naming a citation's source; shown as plain text by Gradio."""
    head = f"[{c.n}] {c.agency} {c.year}年" + (S.CITED_PAGE.format(page=c.page) if c.page else "")
    if c.kind == "cell" and c.table:
        row, col = c.row_label, c.column_label
        if row is None and c.row:
            row, col = cell_labels(c.table, c.row, c.column)
        where = " / ".join(x for x in (row, col) if x)
        return f"{head} · {TABLE_NUMBERS.get(c.table, c.table)} {where}"
    quote = _joined(c.quote)  # a PDF's wrapped line read on ("过堂式培训", not "过堂式培 训")
    quote = quote if len(quote) <= 24 else quote[:24] + "…"
    return f"{head} · {section_name(c.section)} “{quote}”"


def answer_message(answer: Answer) -> str:
    """The chat text of an answer: its [n]-marked text, then its notes. The chat (markdown off) still
    renders HTML, so the text is escaped: a quoted `<script>` shows as text. A note the text already
    carries is not repeated."""
    text = answer.text.strip()
    parts = [text]
    parts += [f"（{n}）" for n in dict.fromkeys(answer.notes) if n and n not in text]  # some are in the text too
    return esc("\n".join(p for p in parts if p))


# ---- passages ------------------------------------------------------------------------------------


def sentence_context(report: Report, start: int, end: int) -> tuple[int, int] | None:
    """The cited sentence's paragraph: the narrative sentences (the answer's own candidates, so table rows,
    headings and page furniture are none) that run on from [start, end) in its section, up to a heading, a table,
    furniture or a paragraph's end, whole sentences within CONTEXT_CHARS either side. None when [start, end)
    holds no narrative sentence (table text, furniture)."""
    cands = report_sentences(report)
    hit = [i for i, c in enumerate(cands) if c.start < end and start < c.end]
    if not hit:
        return None
    width = _wrap_width(report.text)
    i, j = hit[0], hit[-1]
    while i > 0 and _runs_on(report.text, cands[i - 1], cands[i], width) and start - cands[i - 1].start <= CONTEXT_CHARS:
        i -= 1
    while j + 1 < len(cands) and _runs_on(report.text, cands[j], cands[j + 1], width) \
            and cands[j + 1].end - end <= CONTEXT_CHARS:
        j += 1
    return min(cands[i].start, start), max(cands[j].end, end)


PARAGRAPH_END = "。！？!?；;：:"


def _runs_on(text: str, a, b, width: int) -> bool:
    """Whether sentence b goes on a's paragraph: same section and nothing between them but spaces, or a line
    break that only wraps a line (a PDF's: the line is full and does not end a sentence)."""
    gap = text[a.end:b.start]
    if a.section != b.section or gap.strip():
        return False
    if "\n" not in gap:
        return True
    line = text[text.rfind("\n", 0, a.end) + 1:a.end].rstrip()
    return not line.endswith(tuple(PARAGRAPH_END)) and len(line) >= 0.8 * width


def _wrap_width(text: str) -> int:
    """How long a full line of the report is (a PDF's wrap width; the 75th percentile of its prose lines)."""
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip() and "|" not in line)
    return lengths[3 * len(lengths) // 4] if lengths else 0


def locate(report: Report, c: Citation) -> tuple[int, int] | None:
    """Offsets of a citation in the report text: its own when valid, else where its quote occurs."""
    n = len(report.text)
    if c.start is not None and c.end is not None and 0 <= c.start < c.end <= n:
        return c.start, c.end
    if c.quote:
        i = report.text.find(c.quote)
        if i >= 0:
            return i, i + len(c.quote)
    return None


def _joined(text: str) -> str:
    """Text as read: a wrapped line's break joined (the context never crosses a paragraph's end)."""
    return re.sub(r"[ \t\u3000]*\n\s*", "", text)


def render_passage(report: Report, start: int, end: int) -> str:
    """The cited sentence's paragraph with [start, end) highlighted; cited table text as a table."""
    t = report.text
    if "|" in t[start:end]:
        return render_table_text(t[start:end])
    bounds = sentence_context(report, start, end)
    if bounds is None:  # no narrative sentence: the cited text alone, as read
        return f'<p class="nb-passage"><mark class="nb-hl">{esc(_joined(t[start:end]).strip())}</mark></p>'
    ps, pe = bounds
    return (
        f'<p class="nb-passage">{esc(_joined(t[ps:start]))}<mark class="nb-hl">{esc(_joined(t[start:end]))}</mark>'
        f"{esc(_joined(t[end:pe]))}</p>"
    )


def render_table_text(raw: str) -> str:
    """Cited text that is a table printed as `cell | cell |` lines: its rows as a table (a row's label printed
    once where the report repeats it across merged cells)."""
    rows = []
    for line in raw.split("\n"):
        cells = [x.strip() for x in line.strip().strip("|").split("|")] if "|" in line else [line.strip()]
        cells = [x for n, x in enumerate(cells) if x and (n == 0 or x != cells[n - 1])]
        if cells:
            rows.append("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in cells) + "</tr>")
    return f'<div class="nb-scroll"><table class="nb-table nb-hl-rows">{"".join(rows)}</table></div>'


def source_header(report: Report, extra: str = "") -> str:
    m = report.meta
    return (
        f'<div class="nb-src-head"><b>{esc(m.agency)}</b> {m.year}年 · {esc(m.title or S.WHOLE_TEXT)}'
        f"{(' · ' + extra) if extra else ''}</div>"
    )


# ---- tables --------------------------------------------------------------------------------------


def failed_cells(report: Report, table: str) -> dict[str, list[str]]:
    """cell key -> rules of the report's failed checks that name it, for one table."""
    out: dict[str, list[str]] = {}
    for ch in report.checks:
        if ch.ok:
            continue
        for ref in ch.cells:
            t, _, key = ref.partition(":")
            if t == table and key:
                out.setdefault(key, []).append(ch.rule)
    return out


def readings(report: Report, table: str) -> dict[str, tuple[Ambiguity, list[str]]]:
    """cell key -> (its ambiguity, the distinct values the printing allows for that cell)."""
    out: dict[str, tuple[Ambiguity, list[str]]] = {}
    for a in report.ambiguous:
        if a.table != table:
            continue
        for i, key in enumerate(a.keys):
            values = [format_number(c[i]) if c[i] is not None else S.EMPTY_CELL for c in a.candidates if i < len(c)]
            out[key] = (a, list(dict.fromkeys(values)))
    return out


def readings_text(values: list[str]) -> str:
    shown = S.AMBIGUOUS_OR.join(values[:MAX_READINGS])
    return shown + ("…" if len(values) > MAX_READINGS else "")


def ambiguity_line(a: Ambiguity, values: list[str]) -> str:
    """One sentence: the printing is ambiguous, these are its readings (never shown as blank)."""
    return S.AMBIGUOUS_READINGS.format(text=a.text, readings=S.AMBIGUOUS_OR.join(values))


def check_table(rule: str) -> str:
    return CHECK_LABELS[rule][0] if rule in CHECK_LABELS else rule.split(".", 1)[0]


def table_checks(report: Report, table: str) -> list[Check]:
    """The checks about one table: by rule, or because a failure names one of its cells."""
    return [ch for ch in report.checks
            if check_table(ch.rule) == table or any(r.split(":", 1)[0] == table for r in ch.cells)]


class _TableContext:
    """What every cell of one rendered table needs: values, failures, ambiguities, the highlight."""

    def __init__(self, report: Report, table: str, highlight: str | None):
        self.table = table
        self.cells: dict[str, Cell] = {c.key: c for c in report.cells if c.table == table}
        self.failed = failed_cells(report, table)
        self.ambiguous = readings(report, table)
        self.highlight = highlight
        self.used: set[str] = set()

    def td(self, key: str) -> str:
        self.used.add(key)
        cell = self.cells.get(key)
        classes = ["nb-cell"]
        titles = []
        if key in self.failed:
            classes.append("nb-fail")
            titles.append(S.CELL_FAILED + "、".join(check_label(r) for r in self.failed[key]))
        if cell is not None and says_more(cell.raw):
            titles.append(S.CELL_RAW + cell.raw)
        value = esc(format_number(cell.value)) if cell is not None else ""
        if key in self.ambiguous and (cell is None or cell.value is None):
            classes.append("nb-amb")
            values = self.ambiguous[key][1]
            titles.append(S.CELL_AMBIGUOUS)
            value = (f'<span class="nb-amb-mark">{esc(S.AMBIGUOUS_CELL)}</span>'
                     f'<span class="nb-amb-vals">{esc(readings_text(values))}</span>')
        if key == self.highlight:
            classes.append("nb-hl-cell")
            value = f'<mark class="nb-hl">{value or esc(S.EMPTY_CELL)}</mark>'
        title = f' title="{esc("；".join(titles))}"' if titles else ""
        return f'<td class="{" ".join(classes)}" data-key="{esc(key)}"{title}>{value}</td>'

    def leftover_rows(self) -> list[str]:
        """Cells the layout below does not place (unknown keys): listed so nothing parsed is hidden."""
        return [f"<tr><th colspan=2>{esc(key)}</th>{self.td(key)}</tr>" for key in self.cells if key not in self.used]


def _requests_body(ctx: _TableContext, template: str) -> tuple[str, list[str]]:
    head = f"<tr><th>{S.ROW_HEAD}</th>" + "".join(f"<th>{esc(lab)}</th>" for _, lab, _ in REQUEST_COLUMNS) + "</tr>"

    def has_cells(row: str) -> bool:
        return any(f"{row}.{col}" in ctx.cells for col, _, _ in REQUEST_COLUMNS)

    rows = []
    for r in REQUEST_ROWS:
        keys = [f"{r.key}.{col}" for col, _, _ in REQUEST_COLUMNS]
        split = any(c.group == r.label and has_cells(c.key) for c in REQUEST_ROWS)  # 2021: （六） is split
        if not has_cells(r.key) and (template not in r.templates or split):
            continue
        label = cell_labels("requests", r.key, None)[0]
        rows.append(f"<tr><th>{esc(label)}</th>" + "".join(ctx.td(k) for k in keys) + "</tr>")
    return head, rows


def _active_body(ctx: _TableContext, template: str, spans: bool) -> tuple[str, list[str]]:
    """Table 2; `spans` groups a row label over its columns (off when rows may be folded away)."""
    rows = []
    for r in ACTIVE.get(template, ACTIVE["2021"]):
        for i, (key, clab) in enumerate(zip(r.columns, r.column_labels, strict=False)):
            if spans:
                label = f'<th rowspan="{len(r.columns)}">{esc(r.label)}</th>' if i == 0 else ""
            else:
                label = f"<th>{esc(r.label)}</th>"
            rows.append(f"<tr>{label}<th>{esc(clab)}</th>{ctx.td(key)}</tr>")
    return f"<tr><th>{S.ROW_HEAD}</th><th>{S.COLUMN_HEAD}</th><th>{S.VALUE_HEAD}</th></tr>", rows


def _review_body(ctx: _TableContext) -> tuple[str, list[str]]:
    head = "<tr><th></th>" + "".join(f"<th>{esc(lab)}</th>" for _, lab in REVIEW_OUTCOMES) + "</tr>"
    rows = [
        f"<tr><th>{esc(glab)}</th>" + "".join(ctx.td(f"{g}_{o}") for o, _ in REVIEW_OUTCOMES) + "</tr>"
        for g, glab in REVIEW_GROUPS
    ]
    return head, rows


def fold(rows: list[str]) -> list[str]:
    """Mark rows away from the highlighted one `nb-far`: a narrow screen hides them until 显示全表."""
    hit = next((i for i, r in enumerate(rows) if "nb-hl-cell" in r), None)
    if hit is None:
        return rows
    return [r if abs(i - hit) <= FOLD_NEIGHBOURS else r.replace("<tr>", '<tr class="nb-far">', 1)
            for i, r in enumerate(rows)]


def render_table(report: Report, table: str, highlight: str | None = None) -> str:
    """One of the three tables as an HTML table; failed-check cells marked, `highlight` (a Cell.key) marked.
    With a highlight the table folds on a narrow screen to the cited row and its neighbours."""
    ctx = _TableContext(report, table, highlight)
    template = report.meta.template
    if table == "requests":
        head, rows = _requests_body(ctx, template)
    elif table == "active":
        head, rows = _active_body(ctx, template, spans=highlight is None)
    else:
        head, rows = _review_body(ctx)
    rows += ctx.leftover_rows()
    caption = esc(table_title(table))
    if highlight is None:
        return (f'<div class="nb-scroll"><table class="nb-table" data-table="{esc(table)}"><caption>{caption}</caption>'
                f'{head}{"".join(rows)}</table></div>')
    return (f'<div class="nb-fold"><label class="nb-fold-toggle"><input type="checkbox"> {S.SHOW_ALL_ROWS}</label>'
            f'<div class="nb-scroll"><table class="nb-table" data-table="{esc(table)}"><caption>{caption}</caption>'
            f'{head}{"".join(fold(rows))}</table></div></div>')


def check_label(rule: str) -> str:
    return CHECK_LABELS[rule][1] if rule in CHECK_LABELS else rule


def check_cells(report: Report | None, ch: Check) -> str:
    """The cells a failed check names, in the report's own words with their values."""
    if report is None or not ch.cells:
        return ""
    names = []
    for ref in ch.cells:
        table, _, key = ref.partition(":")
        row, _, column = key.partition(".")
        labels = " ".join(x for x in cell_labels(table, row, column or None) if x)
        cell = report.cell(table, row, column or None)
        value = format_number(cell.value) if cell is not None and cell.value is not None else S.EMPTY_CELL
        names.append(f"{labels}＝{value}")
    more = S.CHECK_MORE.format(n=len(names)) if len(names) > MAX_CHECK_CELLS else ""
    return S.CHECK_CELLS.format(cells="；".join(names[:MAX_CHECK_CELLS]) + more)


def render_checks(checks: list[Check], report: Report | None = None) -> str:
    """The report's own checks in Chinese; a failure names its cells and their values. The parser's
    arithmetic (English, cell keys) stays in the title for staff."""
    if not checks:
        return f'<p class="nb-muted">{S.NO_CHECKS}</p>'
    items = []
    for ch in checks:
        mark, cls = (S.CHECK_OK, "nb-ok") if ch.ok else (S.CHECK_BAD, "nb-bad")
        detail = "" if ch.ok else f' <span class="nb-muted">{esc(check_cells(report, ch))}</span>'
        items.append(f'<li class="{cls}" data-rule="{esc(ch.rule)}" title="{esc(ch.rule)}：{esc(ch.detail)}">'
                     f"{mark} {esc(check_label(ch.rule))}{detail}</li>")
    return f'<ul class="nb-checks">{"".join(items)}</ul>'


def render_ambiguities(items: list[Ambiguity]) -> str:
    if not items:
        return ""
    lis = []
    for a in items:
        labels = "、".join(" ".join(x for x in cell_labels(a.table, *(k.split(".", 1) if "." in k else (k, None))) if x)
                          for k in a.keys)
        cands = "；".join("、".join(format_number(v) if v is not None else S.EMPTY_CELL for v in cand)
                         for cand in a.candidates[:MAX_READINGS * 2])
        more = "…" if len(a.candidates) > MAX_READINGS * 2 else ""
        lis.append(f'<li title="{esc(a.reason)}">“{esc(a.text)}”（{esc(labels)}）：{esc(cands)}{more}</li>')
    return f'<div class="nb-amb-list"><b>{S.AMBIGUOUS_LIST}</b><ul>{"".join(lis)}</ul></div>'


# ---- citations -----------------------------------------------------------------------------------


def render_cell_citation(report: Report, c: Citation) -> str:
    """The cited cell inside its table (folded on a phone), its labels, what the report printed when that
    differs from the value, an ambiguous printing's candidate readings, and the table's checks."""
    table = c.table or ""
    key = c.row if c.column is None else f"{c.row}.{c.column}"
    row_label, col_label = (c.row_label, c.column_label)
    if row_label is None and c.row:
        row_label, col_label = cell_labels(table, c.row, c.column)
    cell = report.cell(table, c.row or "", c.column)
    ambiguous = readings(report, table).get(key or "")
    if cell is not None and cell.value is not None:
        value = format_number(cell.value)
    elif ambiguous:
        value = S.AMBIGUOUS_CELL
    else:
        value = c.quote or S.EMPTY_CELL
    labels = " / ".join(esc(x) for x in (row_label, col_label) if x)
    parts = [
        source_header(report, esc(table_title(table))),
        f'<div class="nb-cell-label">{labels}：<b class="nb-cell-value">{esc(value)}</b></div>',
    ]
    if ambiguous:
        parts.append(f'<div class="nb-amb-note">{esc(ambiguity_line(*ambiguous))}</div>')
    elif cell is not None and says_more(cell.raw):
        parts.append(f'<div class="nb-raw">{S.CELL_RAW}{esc(cell.raw)}</div>')
    parts.append(render_table(report, table, highlight=key))
    parts.append(f'<div class="nb-sub">{S.TABLE_CHECKS}</div>' + render_checks(table_checks(report, table), report))
    return f'<div class="nb-source" data-kind="cell">{"".join(parts)}</div>'


def render_passage_citation(report: Report, c: Citation) -> str:
    """The paragraph around a cited passage with the cited sentence highlighted."""
    span = locate(report, c)
    head = source_header(report, esc(section_title(report, c.section)))
    if span is None:
        body = f'<p class="nb-passage"><mark class="nb-hl">{esc(c.quote)}</mark></p>'
    else:
        body = render_passage(report, *span)
    return f'<div class="nb-source" data-kind="passage">{head}{body}</div>'


def render_citation(report: Report | None, c: Citation) -> str:
    if report is None:
        return notice(S.PASSAGE_GONE)
    if c.kind == "cell" and c.table and c.row:
        return render_cell_citation(report, c)
    return render_passage_citation(report, c)


def notice(text: str, kind: str = "info") -> str:
    """A one-line message in our own markup (text is escaped)."""
    return f'<div class="nb-notice nb-{esc(kind)}">{esc(text)}</div>'


# ---- whole reports -------------------------------------------------------------------------------


def render_sections(report: Report) -> str:
    items = []
    for s in report.sections:
        body = esc(report.text[s.start:s.end])
        items.append(
            f'<details class="nb-section" data-section="{esc(s.key)}"><summary>{esc(s.heading or S.PREAMBLE)}</summary>'
            f'<div class="nb-text">{body}</div></details>'
        )
    if not items:
        items.append(f'<details class="nb-section"><summary>{S.WHOLE_TEXT}</summary>'
                     f'<div class="nb-text">{esc(report.text)}</div></details>')
    return "".join(items)


def render_report(report: Report) -> str:
    """A report: meta, its checks, sections (collapsed) and its three tables, failed checks marked."""
    m = report.meta
    failed = sum(1 for c in report.checks if not c.ok)
    meta = S.REPORT_META.format(template=template_name(m.template), ok=len(report.checks) - failed, failed=failed,
                                ambiguous=len(report.ambiguous))
    if report.ocr_pages:
        meta += S.OCR_PAGES.format(pages="、".join(str(p) for p in report.ocr_pages))
    tables = [t for t in TABLE_NAMES if any(c.table == t for c in report.cells)]
    parts = [f'<div class="nb-report" data-report="{esc(report.id)}">', source_header(report),
             f'<div class="nb-report-meta">{esc(meta)}</div>']
    parts.append(f"<h4>{S.SECTIONS}</h4>" + render_sections(report))
    if tables:
        parts.append(f"<h4>{S.TABLES}</h4>")
        parts += [render_table(report, t) for t in tables]
    else:
        why = S.NO_TABLES_PRE2019 if m.template == "pre2019" else ""
        parts.append(notice(S.NO_TABLES.format(why=why)))
    parts.append(f"<h4>{S.CHECKS}</h4>" + render_checks(report.checks, report))
    parts.append(render_ambiguities(report.ambiguous))
    parts.append("</div>")
    return "".join(parts)


CSS = """
.nb-source, .nb-report { font-size: 14px; line-height: 1.6; }
.nb-src-head { margin-bottom: 6px; }
.nb-passage { white-space: pre-wrap; background: var(--block-background-fill); padding: 8px; border-radius: 6px; }
mark.nb-hl { background: #ffe066; color: #000; padding: 0 2px; }
.nb-scroll { overflow-x: auto; max-width: 100%; }
table.nb-table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
table.nb-table caption { text-align: left; font-weight: bold; padding: 4px 0; }
table.nb-table th, table.nb-table td { border: 1px solid #bbb; padding: 2px 6px; }
table.nb-table td { text-align: right; min-width: 2.5em; }
td.nb-hl-cell { outline: 3px solid #e8a400; background: #fff3bf; }
td.nb-fail { background: #ffd6d6; }
td.nb-amb { background: #e7dcff; }
.nb-amb-mark { display: block; font-size: 11px; color: #5b2d9e; }
.nb-amb-vals { font-size: 12px; }
.nb-amb-note { margin: 4px 0; padding: 4px 8px; border-left: 3px solid #7b4fc9; background: #f3eeff; }
.nb-raw { color: #555; }
.nb-fold-toggle { display: none; font-size: 13px; cursor: pointer; }
@media (max-width: 700px) {
  table.nb-table { font-size: 12px; }
  table.nb-table th, table.nb-table td { padding: 2px 3px; }
  table.nb-table td { min-width: 1.8em; }
  table.nb-table tr > th:first-child { min-width: 6.5em; }
  .nb-fold-toggle { display: inline-block; }
  .nb-fold:not(:has(.nb-fold-toggle input:checked)) tr.nb-far { display: none; }
}
.nb-checks li.nb-bad { color: #b00020; }
.nb-checks li.nb-ok { color: #1b7f3b; }
.nb-text { white-space: pre-wrap; max-height: 24em; overflow-y: auto; font-size: 13px; }
.nb-notice { padding: 6px 8px; border-radius: 6px; background: var(--block-background-fill); }
.nb-notice.nb-error { color: #b00020; }
.nb-sub { font-weight: bold; margin-top: 8px; }
.nb-muted { color: #777; }
/* the chat's label (对话) and its buttons float over the top of the chat: the messages scroll below them */
#nb-chat [role=log] { margin-top: 30px; height: calc(100% - 30px); }
"""
