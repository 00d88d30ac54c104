"""The table parser on every input shape of the corpus, and on small texts that isolate one rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from index.parse.load import load_file
from index.parse.report import parse_file, parse_report_tables
from index.parse.sections import split_sections
from index.parse.tables import TableParse, parse_tables
from index.vocabulary import REQUEST_COLUMN_KEYS, REVIEW_KEYS

REPORTS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus" / "reports"


def report(prefix: str) -> tuple[str, int]:
    path = next(REPORTS.glob(f"{prefix}_*"))
    return load_file(path).text, int(re.search(r"_(\d{4})\.", path.name).group(1))


def parse(prefix: str, neighbours: list[TableParse] | None = None) -> TableParse:
    text, year = report(prefix)
    template = "2021" if year >= 2021 else "2019" if year >= 2019 else "pre2019"
    return parse_tables(text, split_sections(text, template), template, year=year, neighbours=neighbours)


def values(tp: TableParse, table: str) -> dict[str, object]:
    return {c.key: c.value for c in tp.cells if c.table == table}


def row(tp: TableParse, key: str) -> list:
    got = values(tp, "requests")
    return [got[f"{key}.{c}"] for c in REQUEST_COLUMN_KEYS]


def test_worked_example_one_cell_per_line():
    tp = parse("00")
    assert tp.template == "2021" and not tp.ambiguous
    assert row(tp, "new_received") == [91, 12, 0, 0, 0, 10, 113]
    assert row(tp, "denied_process_info") == [1, 0, 0, 0, 0, 1, 2]
    assert row(tp, "other_misc") == [10, 0, 0, 0, 0, 9, 19]
    active = values(tp, "active")
    assert (active["normative_issued"], active["normative_repealed"], active["normative_in_force"]) == (32, 10, 153)
    review = values(tp, "review_litigation")
    assert review["review_other"] == 1 and review["review_total"] == 1 and review["direct_suit_total"] == 0


@pytest.mark.parametrize("prefix", ["00", "01", "05", "06", "14", "16", "22", "34"])
def test_raw_is_exactly_the_cited_text(prefix):
    text, _ = report(prefix)
    tp = parse(prefix)
    assert tp.cells
    for c in tp.cells:
        assert c.start is None or text[c.start:c.end] == c.raw, c
    for a in tp.ambiguous:
        assert text[a.start:a.end] == a.text


@pytest.mark.parametrize("prefix", ["22", "34", "35", "37", "38", "39", "41", "42", "44", "45", "47", "49"])
def test_every_2019_plus_report_has_three_full_tables(prefix):
    tp = parse(prefix)
    req = values(tp, "requests")
    rows = {k.split(".")[0] for k in req}
    assert len(rows) in (23, 25)
    assert all(f"{r}.{c}" in req for r in rows for c in REQUEST_COLUMN_KEYS)
    assert ("other" in rows) != ("other_misc" in rows)
    assert set(values(tp, "review_litigation")) == set(REVIEW_KEYS)
    assert len(values(tp, "active")) >= 7


@pytest.mark.parametrize("prefix", ["07", "10", "13", "23", "28", "32"])
def test_pre2019_reports_have_no_standard_tables(prefix):
    tp = parse(prefix)
    assert tp.template == "pre2019" and tp.cells == [] and tp.ambiguous == []


def test_html_spans_and_blank_cells():
    """22: colspan copies collapse back to one cell; &nbsp; cells are null, not 0."""
    tp = parse("22")
    assert tp.template == "2019"
    active = values(tp, "active")
    assert (active["regulations_new_made"], active["regulations_new_published"],
            active["regulations_total_published"]) == (13, 13, 524)
    assert (active["procurement_items"], active["procurement_amount"]) == (6, 251000)
    assert row(tp, "new_received") == [821, 35, None, None, 2, 1, 859]
    assert row(tp, "granted") == [258, 12, None, None, 1, 1, None]  # the report leaves 总计 blank
    assert row(tp, "other") == [None] * 7
    review = values(tp, "review_litigation")
    assert [review[k] for k in REVIEW_KEYS[:10]] == [5, None, None, 2, 7, 8, None, None, 1, 9]


def test_markdown_rows_detached_from_labels_keep_template_order():
    """05: value rows float away from their labels; they are assigned in the template's row order."""
    tp = parse("05")
    assert row(tp, "denied_internal_affairs") == [1, 0, 0, 0, 0, 0, 1]
    assert row(tp, "unable_not_held") == [4, 0, 0, 0, 0, 0, 4]
    assert row(tp, "other_overdue_correction") == [8, 2, 0, 0, 0, 0, 10]
    assert row(tp, "carried_forward") == [1, 0, 0, 0, 0, 0, None]  # the empty total stays null
    assert values(tp, "active")["licensing_decisions"] == 97
    assert values(tp, "review_litigation")["review_upheld"] == 1


def test_cell_notes_keep_their_number_and_raw_text():
    """06: '55（含自然失效 29 件）' was lifted out of a 3-column row; its note names the 废止 column."""
    tp = parse("06")
    cells = {c.key: c for c in tp.cells if c.table == "active"}
    assert [cells[k].value for k in ("regulations_issued", "regulations_repealed", "regulations_in_force")] == [22, 22, 235]
    assert [cells[k].value for k in ("normative_issued", "normative_repealed", "normative_in_force")] == [34, 55, 189]
    assert "含自然失效" in cells["normative_repealed"].raw
    amb = next(a for a in tp.ambiguous if "normative_repealed" in a.keys)  # the choice is shown, not hidden
    assert len(amb.candidates) > 1


def test_pdf_table_rows():
    """01: pdfplumber rows with colspan copies; a single （六）其他处理 row; table 4 printed as is."""
    tp = parse("01")
    req = values(tp, "requests")
    assert "other.total" in req and "other_misc.total" not in req
    assert row(tp, "results_total") == [21, 0, 0, 0, 0, 0, 21]
    assert values(tp, "active")["licensing_decisions"] == 550
    review = values(tp, "review_litigation")
    assert (review["review_upheld"], review["review_corrected"], review["review_total"]) == (10, 1, 0)


def test_glued_table_split_by_its_arithmetic():
    """16: every table-3 row and the 15-cell table-4 run are glued; the identities split them."""
    tp = parse("16")
    assert row(tp, "new_received") == [64, 0, 0, 2, 0, 4, 70]
    assert row(tp, "unable_not_held") == [22, 0, 0, 0, 0, 3, 25]
    review = values(tp, "review_litigation")
    assert [review[k] for k in REVIEW_KEYS[:10]] == [1, 0, 2, 0, 3, 12, 0, 0, 0, 12]
    assert values(tp, "active")["fees_amount_wan"] == 24252.311082


def test_glued_active_run_is_ambiguous_without_evidence():
    tp = parse("16")
    amb = next(a for a in tp.ambiguous if "normative_in_force" in a.keys)
    assert amb.text == "693665" and [69, 3, 665] in amb.candidates and len(amb.candidates) == 10
    assert values(tp, "active")["normative_in_force"] is None


@pytest.mark.parametrize("prefix, run, gone, kept", [
    ("14", "898989", [8, 989, 89], [89, 89, 89]),  # 6 readings of 10 left
    ("15", "7777166", [7, 777, 166], [77, 77, 166]),  # 7 of 15
    ("38", "2211", [2, 21, 1], [2, 2, 11]),  # 2 of 3
])
def test_newly_published_is_part_of_all_published(prefix, run, gone, kept):
    """2019 template: 本年新公开数量 <= 对外公开总数量 drops the readings of a glued 规范性文件 run that publish more
    this year than in all; it decides no cell by itself."""
    amb = next(a for a in parse(prefix).ambiguous if "normative_total_published" in a.keys)
    assert amb.text == run and gone not in amb.candidates and kept in amb.candidates
    assert all(c[1] <= c[2] for c in amb.candidates)


def test_next_year_narrows_the_split():
    """16 with 17 (2022: 88 制发, 55 废止, 698 现行有效): 698 - 88 + 55 = 665 fixes 现行有效."""
    nxt = parse("17")
    tp = parse("16", neighbours=[nxt])
    assert values(tp, "active")["normative_in_force"] == 665
    amb = next(a for a in tp.ambiguous if "normative_issued" in a.keys)
    assert sorted(amb.candidates) == [[6, 93], [69, 3]]


def test_narrative_figures_decide_a_run():
    """17: '现行有效行政规范性文件698件' and '制发的规范性文件88件' force 8855698 = 88|55|698."""
    active = values(parse("17"), "active")
    assert (active["normative_issued"], active["normative_repealed"], active["normative_in_force"]) == (88, 55, 698)


def test_previous_year_items_decide_a_2019_run():
    """15's 上一年项目数量 (35 after '35-15') fixes 14's 行政事业性收费350 = 35|0."""
    alone = values(parse("14"), "active")
    assert alone["fees_prev_items"] is None
    with_next = values(parse("14", neighbours=[parse("15")]), "active")
    assert (with_next["fees_prev_items"], with_next["fees_change"]) == (35, 0)
    assert (with_next["penalty_prev_items"], with_next["penalty_change"], with_next["penalty_decisions"]) == (2648, 0, 430)


def test_missing_cells_are_reported_not_invented():
    """34 prints '0 00000': six digits for seven columns."""
    tp = parse("34")
    assert row(tp, "new_received") == [None] * 7
    amb = next(a for a in tp.ambiguous if "new_received.total" in a.keys)
    assert [0, 0, 0, 0, 0, 0, None] in amb.candidates


def test_rows_printed_without_cells_are_null():
    """47: （六）其他处理 rows 2 and 3 have labels but no values; 规章 is not printed at all."""
    tp = parse("47")
    assert row(tp, "other_overdue_fee") == [None] * 7 and row(tp, "other_misc") == [None] * 7
    assert row(tp, "results_total") == [4, 0, 0, 0, 0, 0, 4]
    assert "regulations_issued" not in values(tp, "active")


_SMALL_2019 = """二、主动公开政府信息情况
第二十条第（一）项
| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
| 规章 | 0 | 0 | 0 |
| 规范性文件 | 3 | 3 | 40 |
第二十条第（九）项
| 信息内容 | 采购项目数量 | 采购总金额（万元） |
| 政府集中采购 | 6 | 25.1 |
三、收到和处理政府信息公开申请情况
"""


def test_amounts_in_wan_yuan_become_yuan_and_the_table_names_its_template():
    tp = parse_tables(_SMALL_2019, [], "2021")  # the caller guessed 2021; the columns say 2019
    assert tp.template == "2019"
    active = values(tp, "active")
    assert active["procurement_items"] == 6 and active["procurement_amount"] == 251000
    assert active["normative_total_published"] == 40


def test_glued_requests_rows_with_two_joint_readings_stay_ambiguous():
    glued = {"一、本年新收政府信息公开申请数量": "110000011", "二、上年结转政府信息公开申请数量": "0000000",
             "（一）予以公开": "110000011", "（七）总计": "110000011", "四、结转下年度继续办理": "0000000"}
    text = "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）" + "".join(
        label + run for label, run in glued.items()) + "四、政府信息公开行政复议、行政诉讼情况"
    tp = parse_tables(text, [], "2021")
    # 11|0|0|0|0|0|11 or 1|10|0|0|0|0|11, the same in all three rows: every identity holds either way
    for key in ("new_received", "granted", "results_total"):
        amb = next(a for a in tp.ambiguous if f"{key}.natural_person" in a.keys)
        assert sorted(amb.candidates) == [[1, 10], [11, 0]] and amb.text == "110000011"
        assert row(tp, key) == [None, None, 0, 0, 0, 0, 11]
    assert row(tp, "carried_over") == [0] * 7


def test_prose_that_names_table_labels_is_no_table():
    text = ("一、总体情况\n本年新收政府信息公开申请21件，上年结转政府信息公开申请0件。行政复议2件，结果均为维持。\n"
            "二、主动公开政府信息情况\n全年主动公开行政许可信息2000项，行政处罚信息35条。\n五、存在的主要问题及改进情况\n无。")
    tp = parse_tables(text, [], "2021")
    assert tp.cells == [] and tp.ambiguous == []


def _active_2019(row: str) -> TableParse:
    text = f"二、主动公开政府信息情况 第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量{row}\n三、收到和处理政府信息公开申请情况"
    return parse_tables(text, split_sections(text, "2019"), "2019", year=2020)


def test_signed_change_glued_to_its_neighbours():
    """Issue 18: '行政许可0+11' is 0 | +1 | 1 (the printed plus starts the change cell; it used to be lost)."""
    tp = _active_2019("行政许可0+11")
    assert values(tp, "active") == {"licensing_prev_items": 0, "licensing_change": 1, "licensing_decisions": 1}
    assert not tp.ambiguous
    cells = {c.key: c for c in tp.cells}
    assert cells["licensing_change"].raw == "0+11"  # a split run cites the whole run


def test_count_and_amount_in_one_line():
    """Issue 18: '政府集中采购 2笔 984361元': the count's unit ends its cell; the amount is kept, in 元."""
    text = ("二、主动公开政府信息情况 第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购 2笔 984361元\n"
            "三、收到和处理政府信息公开申请情况")
    tp = parse_tables(text, split_sections(text, "2019"), "2019", year=2020)
    assert values(tp, "active") == {"procurement_items": 2, "procurement_amount": 984361}
    assert not tp.ambiguous
    cells = {c.key: c for c in tp.cells}
    assert cells["procurement_items"].raw == "2笔" and cells["procurement_amount"].raw == "984361元"
    text = text.replace("984361元", "98.4361万元")
    tp = parse_tables(text, split_sections(text, "2019"), "2019", year=2020)
    assert values(tp, "active") == {"procurement_items": 2, "procurement_amount": 984361}  # 万元 scaled, not 笔


# ---- second sources (issue 18) ---------------------------------------------------------------------
def test_the_reports_html_decides_a_glued_run(tmp_path, paired_report):
    txt = paired_report(tmp_path, "<td>58</td><td>45</td><td>546</td>")
    alone = parse_file(txt)
    assert alone.cell("active", "normative_issued").value is None
    report = parse_file(txt, html=txt.with_suffix(".html"))
    cells = [report.cell("active", f"normative_{c}") for c in ("issued", "repealed", "in_force")]
    assert [c.value for c in cells] == [58, 45, 546] and {c.source for c in cells} == {"html"}
    assert cells[0].raw == "5845546"  # the citation stays in the report's own text
    assert not any("normative_issued" in a.keys for a in report.ambiguous)
    assert next(c for c in report.checks if c.rule == "requests.balance").ok
    again = parse_report_tables(report)  # a neighbour arrives: the re-parse keeps what the HTML decided
    assert again.cell("active", "normative_issued").value == 58 and again.cell("active", "normative_issued").source == "html"


def test_an_html_that_no_reading_allows_decides_nothing(tmp_path, paired_report):
    txt = paired_report(tmp_path, "<td>57</td><td>45</td><td>546</td>")  # 5745546 is not what the text printed
    report = parse_file(txt, html=txt.with_suffix(".html"))
    assert report.cell("active", "normative_issued").value is None
    amb = next(a for a in report.ambiguous if "normative_issued" in a.keys)
    assert [58, 45, 546] in amb.candidates and amb.text == "5845546"  # both readings and the raw run kept
    broken = tmp_path / "x.html"
    broken.write_bytes(b"\x00\x01")
    assert parse_file(txt, html=broken).cell("active", "normative_issued").value is None  # logged, left out


def test_each_decided_cell_names_its_source():
    nxt = parse("17")
    tp = parse("16", neighbours=[nxt])
    cell = next(c for c in tp.cells if c.key == "normative_in_force")
    assert cell.value == 665 and cell.source == "neighbour_year"
    assert next(c for c in parse("17").cells if c.key == "normative_issued").source == "narrative"
    assert all(c.source is None for c in parse("00").cells)  # nothing was open
