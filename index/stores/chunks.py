"""Passages for retrieval. Narrative is cut into runs of whole sentences inside one section, each
run pointing back at its exact span of the report text. Table digits are useless to an embedding
model, so the table regions are skipped and every table row becomes one readable sentence with its
labels instead ("2023年 平潭综合实验区管委会 收到和处理政府信息公开申请情况 一、本年新收…：自然人80件，…")."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from index.models import Cell, Chunk, Report
from index.vocabulary import SECTION_NAMES, TABLE_NAMES, cell_labels

HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
LETTER = re.compile(r"[^\W\d_]")  # what str.isalpha() counts
DIGIT = re.compile(r"\d")

TARGET_CHARS = 200  # a window closes once it reaches this length…
MAX_CHARS = 350  # …and never grows past this (a longer sentence is cut at commas)
SENTENCE_END = re.compile(r"[。！？；!?;]+[”’）)」』]*|\n+")
SOFT_BREAK = re.compile(r"[，,、：:]")
CONTENT = re.compile(r"[\w\u4e00-\u9fff]")
UNIT = {"requests": "件", "review_litigation": "件", "active": ""}
DENSE_KINDS = ("text",)  # what gets a vector: the assistant searches vectors only for narrative (figures come
# from SQLite), and table rows were half the chunks, so embedding them doubled the ingest for nothing


def chunk_id(report_id: str, start: int, end: int, text: str) -> str:
    """Content hash: the same report text always yields the same ids (re-ingest is a no-op)."""
    return hashlib.sha256(f"{report_id}\x1f{start}\x1f{end}\x1f{text}".encode()).hexdigest()[:32]


def dense_chunks(chunks: Iterable[Chunk]) -> list[Chunk]:
    """The chunks that are embedded into the vector store; the lexical index keeps all of them."""
    return [c for c in chunks if c.kind in DENSE_KINDS]


def index_text(chunk: Chunk) -> str:
    """What the embedder and BM25 see: a passage prefixed with its report and section, so that "平潭
    2023年 存在什么问题" can match narrative as well as table rows (which name them already). Measured on
    the question sets: dense recall@5 0.24 -> 0.80, BM25 0.63 -> 0.79 over the whole corpus."""
    if chunk.kind == "table_row":
        return chunk.text
    return f"{chunk.year}年 {chunk.agency} {SECTION_NAMES.get(chunk.section, '')}：{chunk.text}"


def _make(report: Report, section: str, kind: str, text: str, start: int, end: int) -> Chunk:
    m = report.meta
    return Chunk(id=chunk_id(report.id, start, end, text), report_id=report.id, agency=m.agency, year=m.year,
                 template=m.template, section=section, kind=kind, text=text, start=start, end=end)


# ---- narrative -------------------------------------------------------------------------------------

def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], trimmed of surrounding whitespace, long ones cut softly."""
    spans, pos = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.extend(_cut_long(text, a, b))
    return out


def _cut_long(text: str, a: int, b: int) -> Iterable[tuple[int, int]]:
    while b - a > MAX_CHARS:
        breaks = [m.end() for m in SOFT_BREAK.finditer(text, a + TARGET_CHARS // 2, a + MAX_CHARS)]
        cut = breaks[-1] if breaks else a + MAX_CHARS
        yield a, cut
        a = cut
    yield a, b


def _windows(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Group sentences into windows of TARGET..MAX chars; consecutive windows share one sentence."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        j = i + 1
        while j < len(spans) and spans[j - 1][1] - spans[i][0] < TARGET_CHARS \
                and spans[j][1] - spans[i][0] <= MAX_CHARS:
            j += 1
        out.append((spans[i][0], spans[j - 1][1]))
        if j >= len(spans):
            break
        i = j - 1 if j - 1 > i else j  # overlap: the next window repeats this one's last sentence
    return out


def _narrative(report: Report, section: str, ranges: list[tuple[int, int]]) -> list[Chunk]:
    chunks = []
    for a, b in ranges:
        for s, e in _windows(_sentences(report.text, a, b)):
            text = report.text[s:e]
            if CONTENT.search(text) and not _mostly_digits(text):
                chunks.append(_make(report, section, "text", text, s, e))
    return chunks


def _mostly_digits(text: str) -> bool:
    """Leftover raw table text (digit runs, `|` cells) says nothing to a reader. Counted by regex (C speed): an
    open question reads up to 200 reports' sentences the first time."""
    cjk = len(HAN_CHAR.findall(text))
    letters = len(LETTER.findall(text)) - cjk
    return (cjk < 2 and letters < 3) or (cjk < 4 and len(DIGIT.findall(text)) > len(text) / 3)


# ---- table regions and rows ------------------------------------------------------------------------

def _spans(report: Report) -> list[tuple[int, int]]:
    """Offsets of everything read as a table cell (or an undecidable digit run)."""
    spans = [(c.start, c.end) for c in report.cells if c.start is not None and c.end is not None]
    spans += [(a.start, a.end) for a in report.ambiguous if a.start is not None and a.end is not None]
    return spans


def _table_regions(report: Report, start: int, end: int) -> list[tuple[int, int]]:
    """The table part of a section: from the line of its first cell to the line of its last one."""
    inside = [(a, b) for a, b in _spans(report) if start <= a and b <= end]
    if not inside:
        return []
    text = report.text
    lo, hi = min(a for a, _ in inside), max(b for _, b in inside)
    line_start = text.rfind("\n", start, lo) + 1 or start
    line_end = text.find("\n", hi, end)
    if "\n" not in text[start:end]:  # one long line (crawled page text): keep to the cells themselves
        line_start, line_end = lo, hi
    return [(max(line_start, start), end if line_end < 0 else line_end)]


def _subtract(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], start
    for a, b in sorted(holes):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        out.append((pos, end))
    return out


def _number(v: float | int | None) -> str:
    if v is None:
        return "空"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:g}" if isinstance(v, float) else str(v)


def _row_sentence(report: Report, table: str, label: str, cells: list[Cell]) -> str:
    unit = UNIT.get(table, "")
    parts = []
    for c in cells:
        col = cell_labels(c.table, c.row, c.column)[1]
        if table == "requests" and not c.value and c.column != "total":
            continue  # seven mostly-zero columns drown the row; zeros stay in the store
        parts.append(f"{col}{_number(c.value)}{unit if c.value is not None else ''}")
    m = report.meta
    return f"{m.year}年 {m.agency} {TABLE_NAMES.get(table, table)} {label}：{'，'.join(parts)}"


def _row_groups(cells: list[Cell]) -> dict[tuple[str, str], list[Cell]]:
    """Cells by (table, printed row label): requests rows by row key, flat tables by their row label."""
    groups: dict[tuple[str, str], list[Cell]] = {}
    for c in cells:
        label = cell_labels(c.table, c.row, c.column)[0]
        groups.setdefault((c.table, label), []).append(c)
    return groups


def _table_rows(report: Report, section_of: dict[str, str]) -> list[Chunk]:
    chunks = []
    for (table, label), cells in _row_groups(report.cells).items():
        located = [c for c in cells if c.start is not None and c.end is not None]
        if located:
            start, end = min(c.start for c in located), max(c.end for c in located)
        else:
            start = end = 0
        text = _row_sentence(report, table, label, cells)
        chunks.append(_make(report, section_of.get(table, table), "table_row", text, start, end))
    return chunks


def chunk_report(report: Report) -> list[Chunk]:
    """All passages of a report: narrative runs per section (text outside sections under key ""),
    then one sentence per table row. Deterministic, so re-chunking yields the same ids."""
    sections = sorted(report.sections, key=lambda s: s.start)
    chunks = text_chunks(report)
    section_of: dict[str, str] = {}
    for c in sorted((c for c in report.cells if c.start is not None), key=lambda c: c.start):
        # a table printed under another heading (附表 in 六、其他) keeps that section's key
        section_of.setdefault(c.table, next((s.key for s in sections if s.start <= c.start < s.end), c.table))
    chunks += _table_rows(report, section_of)
    return chunks


def text_chunks(report: Report) -> list[Chunk]:
    """The narrative runs alone (what sentence-level evidence reads; no table-row sentences to build)."""
    sections = sorted(report.sections, key=lambda s: s.start)
    ranges: list[tuple[str, int, int]] = []
    pos = 0
    for s in sections:
        if s.start > pos:
            ranges.append(("", pos, s.start))
        ranges.append((s.key, max(s.start, pos), s.end))
        pos = max(pos, s.end)
    if pos < len(report.text):
        ranges.append(("", pos, len(report.text)))
    chunks: list[Chunk] = []
    for key, a, b in ranges:
        if b > a:
            chunks += _narrative(report, key, _subtract(a, b, _table_regions(report, a, b)))
    return chunks
