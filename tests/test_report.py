"""One file -> one Report (index/parse/report.py): pages of PDF cells."""

from __future__ import annotations

from pathlib import Path

from index.parse.report import page_of, parse_file, parse_report_tables

REPORTS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus" / "reports"


def test_pdf_cells_carry_their_page_across_a_table_split_over_pages():
    """01 (5 pages): table 2 runs from page 2 onto page 3, table 3 from page 3 onto page 4."""
    report = parse_file(REPORTS / "01_huaian-hongzequ_2023.pdf")
    assert len(report.pages) == 5 and all(c.page for c in report.cells)
    page = {c.key: c.page for c in report.cells}
    assert (page["licensing_decisions"], page["penalty_decisions"]) == (2, 3)
    assert (page["unable_needs_creation.total"], page["unable_unclear.total"]) == (3, 4)
    assert report.cell("requests", "unable_unclear", "total").value == 0  # the row after the break is read
    assert page["review_total"] == 4
    for c in report.cells:
        start, end = report.pages[c.page - 1]
        assert start <= c.start < end
    stored = report.model_copy(update={"pages": []})  # a store that keeps only the cells' pages
    assert [c.page for c in parse_report_tables(stored).cells] == [c.page for c in report.cells]


def test_other_formats_have_no_pages():
    report = parse_file(REPORTS / "00_lucheng-qu_2022.txt")
    assert report.pages == [] and all(c.page is None for c in report.cells)
    assert page_of(5, [(0, 4), (5, 9)]) == 2 and page_of(4, [(0, 4), (5, 9)]) is None
