"""One file in, one Report out: load -> metadata -> sections -> tables -> checks. No store is touched here;
the ingest passes in the same agency's neighbouring years, whose figures decide some glued digit runs."""

from __future__ import annotations

import bisect
import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from index.errors import LoadError
from index.models import Cell, Report
from index.parse.checks import run_checks
from index.parse.load import load_file
from index.parse.meta import detect_meta
from index.parse.sections import split_sections
from index.parse.tables import TableParse, parse_tables

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
ID_LENGTH = 16  # hex digits of sha256: collisions are out of reach for any realistic corpus

NeighbourLookup = Callable[[str, int], list[TableParse]]  # (agency, year) -> parses of year-1 / year+1


def report_id(text: str, agency: str, year: int) -> str:
    """Same content, same agency and year -> same id, whatever the file is called or wherever it lies."""
    return hashlib.sha256(f"{agency}\n{year}\n{text}".encode()).hexdigest()[:ID_LENGTH]


def printable(path: str | Path) -> str:
    """A path as storable, printable text: Linux names may hold bytes that are not UTF-8 (they become U+FFFD)."""
    return os.fsencode(path).decode("utf-8", "replace")


def as_table_parse(report: Report) -> TableParse:
    """A parsed report as neighbouring-year evidence for another report's tables."""
    return TableParse(cells=report.cells, ambiguous=report.ambiguous, template=report.meta.template,
                      year=report.meta.year)


def parse_file(path: str | Path, overrides: dict | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               neighbours: NeighbourLookup | None = None, html: str | Path | None = None) -> Report:
    """The whole parse of one report file. Raises LoadError (unreadable file, or no agency/year found).
    `html`: the same report as its web page (crawled x.txt beside x.html), whose <td> cells decide runs
    the text glued; an HTML that cannot be read is logged and left out, the report itself is still parsed."""
    path = Path(path)
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    doc = load_file(path, max_bytes)
    meta = detect_meta(doc, overrides)
    report = Report(
        id=report_id(doc.text, meta.agency, meta.year),
        file_name=printable(path.name),
        file_sha256=doc.sha256,
        meta=meta,
        text=doc.text,
        pages=doc.pages,
        ocr_pages=doc.ocr_pages,
        sections=split_sections(doc.text, meta.template),
    )
    found = neighbours(meta.agency, meta.year) if neighbours else None
    paired = html_tables(html, meta.template, meta.year, max_bytes) if html else None
    return parse_report_tables(report, found, keep_template="template" in overrides, html=paired,
                               ocr_spans=doc.ocr_spans)


def html_tables(path: str | Path, template: str, year: int, max_bytes: int = DEFAULT_MAX_BYTES) -> TableParse | None:
    """The tables of a report's HTML page, as evidence for the same report's text; None when unreadable."""
    try:
        doc = load_file(path, max_bytes)
    except LoadError as e:
        log.warning("the paired HTML is left out: %s", e)
        return None
    return parse_tables(doc.text, split_sections(doc.text, template), template, year=year)


def kept_html(report: Report) -> TableParse | None:
    """The cells an earlier parse took from the paired HTML: a re-parse (a neighbouring year arrived) keeps
    them without the HTML file."""
    cells = [c for c in report.cells if c.source == "html"]
    return TableParse(cells=cells, template=report.meta.template, year=report.meta.year) if cells else None


def page_of(offset: int, pages: list[tuple[int, int]]) -> int | None:
    """The 1-based PDF page holding a character offset (None outside every page, or for other formats)."""
    i = bisect.bisect_right([s for s, _ in pages], offset) - 1
    return i + 1 if i >= 0 and offset < pages[i][1] else None


def with_layout(cells: list[Cell], report: Report, ocr_spans: list[tuple[int, int, float]] | None = None) -> list[Cell]:
    """Cells with the page they are printed on and, on a scanned page, the OCR's confidence in their text (the
    least of the OCR'd pieces they were read from). A stored report may lack its page offsets and the OCR's
    spans: what its cells had before (same text, same offsets) still says it."""
    before = {c.start: (c.page, c.confidence) for c in report.cells}
    out = []
    for c in cells:
        if c.start is None:
            out.append(c)
            continue
        page, confidence = before.get(c.start, (None, None))
        if report.pages:
            page = page_of(c.start, report.pages)
        if ocr_spans:
            read = [conf for s, e, conf in ocr_spans if s < max(c.end, c.start + 1) and c.start < e]
            confidence = round(min(read), 3) if read else None
        out.append(c.model_copy(update={"page": page, "confidence": confidence}))
    return out


def parse_report_tables(report: Report, neighbours: list[TableParse] | None = None,
                        keep_template: bool = False, html: TableParse | None = None,
                        ocr_spans: list[tuple[int, int, float]] | None = None) -> Report:
    """(Re)parse a report's tables and run its own checks; the ingest calls this again on a stored report when
    a neighbouring year arrives. The tables' columns correct a template guessed from the year, unless the user
    chose it."""
    m = report.meta
    parsed = parse_tables(report.text, report.sections, m.template, year=m.year, neighbours=neighbours,
                          html=html or kept_html(report))
    update: dict = {"cells": with_layout(parsed.cells, report, ocr_spans), "ambiguous": parsed.ambiguous}
    if parsed.cells and parsed.template != m.template and not keep_template:
        update["meta"] = m.model_copy(update={"template": parsed.template})
        update["sections"] = split_sections(report.text, parsed.template)
    out = report.model_copy(update=update)
    out.checks = run_checks(out)
    return out
