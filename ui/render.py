"""HTML for the UI, built from the typed models. Everything that comes from a report goes through
`esc` before it is wrapped in our own markup, so report text can never become markup or script."""

from __future__ import annotations

import html

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

CONTEXT_CHARS = 300  # at most this much text either side of a cited passage
CELL_CONTEXT_LINES = 8  # a cell's own line is often just "113 |": show the label lines above it
CELL_CONTEXT_CHARS = 120  # and cap it where a flattened table has no line breaks


def esc(value: object) -> str:
    """HTML-escape anything (quotes too) so it is shown as text."""
    return html.escape("" if value is None else str(value), quote=True)


def format_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table_title(table: str) -> str:
    return f"{TABLE_NUMBERS.get(table, '')} {TABLE_NAMES.get(table, table)}".strip()


def section_title(report: Report | None, key: str | None) -> str:
    if report is not None:
        for s in report.sections:
            if s.key == key:
                return s.heading
    return SECTION_NAMES.get(key or "", key or "")


# ---- plain-text labels (radio choices, chat lines) ---------------------------------------------


def citation_label(c: Citation) -> str:
    """One line naming a citation's source; shown as plain text by Gradio."""
    head = f"[{c.n}] {c.agency} {c.year}年"
    if c.kind == "cell" and c.table:
        row, col = c.row_label, c.column_label
        if row is None and c.row:
            row, col = cell_labels(c.table, c.row, c.column)
        where = " / ".join(x for x in (row, col) if x)
        return f"{head} · {TABLE_NUMBERS.get(c.table, c.table)} {where}"
    quote = c.quote.replace("\n", " ")
    quote = quote if len(quote) <= 24 else quote[:24] + "…"
    return f"{head} · {SECTION_NAMES.get(c.section or '', c.section or '')} “{quote}”"


def answer_message(answer: Answer) -> str:
    """The chat text of an answer: its [n]-marked text, then its notes. The chat (markdown off) still
    renders HTML, so the text is escaped: a quoted `<script>` shows as text."""
    parts = [answer.text.strip()]
    parts += [f"（{n}）" for n in answer.notes if n]
    return esc("\n".join(p for p in parts if p))


# ---- passages ------------------------------------------------------------------------------------


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (newline to newline) around [start, end), capped at CONTEXT_CHARS each side."""
    ps = text.rfind("\n", 0, start) + 1
    pe = text.find("\n", end)
    pe = len(text) if pe < 0 else pe
    return max(ps, start - CONTEXT_CHARS), min(pe, end + CONTEXT_CHARS)


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


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Up to CELL_CONTEXT_LINES lines before [start, end) and two after, capped at CELL_CONTEXT_CHARS each side."""
    ps = start
    for _ in range(CELL_CONTEXT_LINES + 1):
        ps = text.rfind("\n", 0, max(ps - 1, 0)) + 1 if ps > 0 else 0
    pe = end
    for _ in range(3):
        nxt = text.find("\n", pe + 1)
        pe = len(text) if nxt < 0 else nxt
    return max(ps, start - CELL_CONTEXT_CHARS), min(pe, end + CELL_CONTEXT_CHARS)


def render_passage(report: Report, start: int, end: int, bounds=paragraph_bounds) -> str:
    """The text around [start, end) (by default its paragraph) with [start, end) highlighted."""
    ps, pe = bounds(report.text, start, end)
    t = report.text
    lead = "…" if ps > 0 and t[ps - 1] != "\n" else ""
    tail = "…" if pe < len(t) and t[pe] != "\n" else ""
    return (
        f'<p class="nb-passage">{lead}{esc(t[ps:start])}<mark class="nb-hl">{esc(t[start:end])}</mark>'
        f"{esc(t[end:pe])}{tail}</p>"
    )


def source_header(report: Report, extra: str = "") -> str:
    m = report.meta
    return (
        f'<div class="nb-src-head"><b>{esc(m.agency)}</b> {m.year}年 · {esc(m.title or report.file_name)}'
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


def ambiguous_keys(report: Report, table: str) -> set[str]:
    return {k for a in report.ambiguous if a.table == table for k in a.keys}


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
        self.ambiguous = ambiguous_keys(report, table)
        self.highlight = highlight
        self.used: set[str] = set()

    def td(self, key: str) -> str:
        self.used.add(key)
        cell = self.cells.get(key)
        classes = ["nb-cell"]
        titles = []
        if key in self.failed:
            classes.append("nb-fail")
            titles.append("未通过校验：" + "、".join(self.failed[key]))
        if key in self.ambiguous:
            classes.append("nb-amb")
            titles.append("数字无法唯一拆分")
        if cell is not None and cell.raw and cell.raw != format_number(cell.value):
            titles.append("原文：" + cell.raw)
        value = esc(format_number(cell.value)) if cell is not None else ""
        if key == self.highlight:
            classes.append("nb-hl-cell")
            value = f'<mark class="nb-hl">{value or "（空）"}</mark>'
        title = f' title="{esc("；".join(titles))}"' if titles else ""
        return f'<td class="{" ".join(classes)}" data-key="{esc(key)}"{title}>{value}</td>'

    def leftover_rows(self) -> str:
        """Cells the layout below does not place (unknown keys): listed so nothing parsed is hidden."""
        rows = []
        for key in self.cells:
            if key not in self.used:
                rows.append(f"<tr><th colspan=2>{esc(key)}</th>{self.td(key)}</tr>")
        return "".join(rows)


def _requests_body(ctx: _TableContext, template: str) -> str:
    head = "<tr><th>项目</th>" + "".join(f"<th>{esc(lab)}</th>" for _, lab, _ in REQUEST_COLUMNS) + "</tr>"
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
    return head + "".join(rows)


def _active_body(ctx: _TableContext, template: str) -> str:
    rows = []
    for r in ACTIVE.get(template, ACTIVE["2021"]):
        for i, (key, clab) in enumerate(zip(r.columns, r.column_labels, strict=False)):
            label = f'<th rowspan="{len(r.columns)}">{esc(r.label)}</th>' if i == 0 else ""
            rows.append(f"<tr>{label}<th>{esc(clab)}</th>{ctx.td(key)}</tr>")
    return "<tr><th>项目</th><th>指标</th><th>数值</th></tr>" + "".join(rows)


def _review_body(ctx: _TableContext) -> str:
    head = "<tr><th></th>" + "".join(f"<th>{esc(lab)}</th>" for _, lab in REVIEW_OUTCOMES) + "</tr>"
    rows = [
        f"<tr><th>{esc(glab)}</th>" + "".join(ctx.td(f"{g}_{o}") for o, _ in REVIEW_OUTCOMES) + "</tr>"
        for g, glab in REVIEW_GROUPS
    ]
    return head + "".join(rows)


def render_table(report: Report, table: str, highlight: str | None = None) -> str:
    """One of the three tables as an HTML table; failed-check cells marked, `highlight` (a Cell.key) marked."""
    ctx = _TableContext(report, table, highlight)
    template = report.meta.template
    if table == "requests":
        body = _requests_body(ctx, template)
    elif table == "active":
        body = _active_body(ctx, template)
    else:
        body = _review_body(ctx)
    body += ctx.leftover_rows()
    caption = esc(table_title(table))
    return f'<table class="nb-table" data-table="{esc(table)}"><caption>{caption}</caption>{body}</table>'


def render_checks(checks: list[Check]) -> str:
    if not checks:
        return '<p class="nb-muted">无校验结果。</p>'
    items = []
    for ch in checks:
        mark, cls = ("✓ 通过", "nb-ok") if ch.ok else ("✗ 未通过", "nb-bad")
        # the parser's arithmetic (English, cell keys): shown for failures, a tooltip for passes
        detail = f' <code class="nb-muted">{esc(ch.detail)}</code>' if ch.detail and not ch.ok else ""
        label = CHECK_LABELS.get(ch.rule, ("", ch.rule))[1]
        items.append(f'<li class="{cls}" data-rule="{esc(ch.rule)}" title="{esc(ch.rule)}：{esc(ch.detail)}">'
                     f"{mark} {esc(label)}{detail}</li>")
    return f'<ul class="nb-checks">{"".join(items)}</ul>'


def render_ambiguities(items: list[Ambiguity]) -> str:
    if not items:
        return ""
    lis = []
    for a in items:
        cands = "；".join(
            "、".join(f"{k}={format_number(v)}" for k, v in zip(a.keys, cand, strict=False)) for cand in a.candidates
        )
        lis.append(f'<li title="{esc(a.reason)}">“{esc(a.text)}”：{esc(cands)}</li>')  # the reason is the parser's English
    return f'<div class="nb-amb-list"><b>无法唯一拆分的数字</b><ul>{"".join(lis)}</ul></div>'


# ---- citations -----------------------------------------------------------------------------------


def render_cell_citation(report: Report, c: Citation) -> str:
    """The cited cell inside its whole table, with labels, the raw text and the table's checks."""
    table = c.table or ""
    key = c.row if c.column is None else f"{c.row}.{c.column}"
    row_label, col_label = (c.row_label, c.column_label)
    if row_label is None and c.row:
        row_label, col_label = cell_labels(table, c.row, c.column)
    cell = report.cell(table, c.row or "", c.column)
    value = format_number(cell.value) if cell else c.quote
    labels = " / ".join(esc(x) for x in (row_label, col_label) if x)
    parts = [
        source_header(report, esc(table_title(table))),
        f'<div class="nb-cell-label">{labels}：<b class="nb-cell-value">{esc(value)}</b></div>',
        render_table(report, table, highlight=key),
    ]
    span = (cell.start, cell.end) if cell and cell.start is not None and cell.end is not None else None
    span = span or locate(report, c)
    if span:
        parts.append('<div class="nb-sub">原文位置</div>' + render_passage(report, *span, bounds=line_bounds))
    parts.append('<div class="nb-sub">本表校验</div>' + render_checks(table_checks(report, table)))
    amb = [a for a in report.ambiguous if a.table == table]
    parts.append(render_ambiguities(amb))
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
        return notice("这条引用的报告已不在库中。")
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
            f'<details class="nb-section" data-section="{esc(s.key)}"><summary>{esc(s.heading or "（标题与前言）")}</summary>'
            f'<div class="nb-text">{body}</div></details>'
        )
    if not items:
        items.append(f'<details class="nb-section"><summary>全文</summary><div class="nb-text">{esc(report.text)}</div></details>')
    return "".join(items)


def render_report(report: Report) -> str:
    """A report: meta, its checks, sections (collapsed) and its three tables, failed checks marked."""
    m = report.meta
    failed = sum(1 for c in report.checks if not c.ok)
    summary = (
        f'<div class="nb-report-meta">模板：{esc(m.template)} · 文件：{esc(report.file_name)} · '
        f"校验 {len(report.checks) - failed} 通过 / {failed} 未通过 · 存疑单元格 {len(report.ambiguous)}</div>"
    )
    tables = [t for t in TABLE_NAMES if any(c.table == t for c in report.cells)]
    parts = [f'<div class="nb-report" data-report="{esc(report.id)}">', source_header(report), summary]
    parts.append('<h4>章节</h4>' + render_sections(report))
    if tables:
        parts.append("<h4>统计表</h4>")
        parts += [render_table(report, t) for t in tables]
    else:
        why = "（2019年以前的报告没有统一表格）" if m.template == "pre2019" else ""
        parts.append(notice(f"这份报告没有解析出标准统计表{why}。"))
    parts.append("<h4>校验</h4>" + render_checks(report.checks))
    parts.append(render_ambiguities(report.ambiguous))
    parts.append("</div>")
    return "".join(parts)


CSS = """
.nb-source, .nb-report { font-size: 14px; line-height: 1.6; }
.nb-src-head { margin-bottom: 6px; }
.nb-passage { white-space: pre-wrap; background: var(--block-background-fill); padding: 8px; border-radius: 6px; }
mark.nb-hl { background: #ffe066; color: #000; padding: 0 2px; }
table.nb-table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
table.nb-table caption { text-align: left; font-weight: bold; padding: 4px 0; }
table.nb-table th, table.nb-table td { border: 1px solid #bbb; padding: 2px 6px; }
table.nb-table td { text-align: right; min-width: 2.5em; }
td.nb-hl-cell { outline: 3px solid #e8a400; background: #fff3bf; }
td.nb-fail { background: #ffd6d6; }
td.nb-amb { background: #e7dcff; }
.nb-checks li.nb-bad { color: #b00020; }
.nb-checks li.nb-ok { color: #1b7f3b; }
.nb-text { white-space: pre-wrap; max-height: 24em; overflow-y: auto; font-size: 13px; }
.nb-notice { padding: 6px 8px; border-radius: 6px; background: var(--block-background-fill); }
.nb-notice.nb-error { color: #b00020; }
.nb-sub { font-weight: bold; margin-top: 8px; }
.nb-muted { color: #777; }
"""
