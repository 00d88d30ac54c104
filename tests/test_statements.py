"""Figures a report's prose states (index/parse/statements.py): the checks' statements and, for reports without
the standard tables, one sentence's statement including 'none received'."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.parse.load import load_file
from index.parse.statements import stated_active, stated_figures, stated_in
from index.parse.tables import locate_tables

REPORTS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus" / "reports"

RECEIVED = {("requests", "new_received", "total")}
REVIEWS = {("review_litigation", "review_total", None)}


@pytest.mark.parametrize("sentence, cells, value", [
    ("2015年我局共收到有关政府信息公开的申请7条，其中网上申请5条。", RECEIVED, 7),
    ("本年度全局未收到有关政府信息公开的申请，也未发生行政复议。", RECEIVED, 0),
    ("2016年度，本单位没有收到公民、法人或其他组织的信息公开申请。", RECEIVED, 0),
    ("全年受理行政复议申请3件。", REVIEWS, 3),
    ("全年受理行政复议申请3件。", RECEIVED, None),  # a review is no disclosure request
    ("本局网站全年发布信息320条。", RECEIVED, None),
    ("共收到申请8件。", {("requests", "granted", "total")}, None),  # no prose rule for that cell
])
def test_one_sentence_states_a_figure_or_none_received(sentence, cells, value):
    assert stated_in(sentence, cells) == value


def test_the_checks_still_read_only_printed_numbers():
    """未收到…申请 is a statement of 0 only where asked of a report without tables; the checks compare numbers."""
    assert stated_figures("本年度未收到政府信息公开申请。", []) == {}
    assert stated_figures("本年度共收到政府信息公开申请12件。", []) == {"narrative.new_received": 12}


def _stated_active(name: str) -> dict:
    text = load_file(REPORTS / name).text
    return stated_active(text, locate_tables(text).values())


def test_the_list_after_zhudong_gongkai_states_this_years_new_publications():
    """上海市人民政府办公厅 2019 (2019 template): '主动公开规章13件，行政规范性文件60件，市政府其他文件162件' states
    本年新公开数量 of both rows, as its own table prints them (13, 60); the 公报's '部门规范性文件45件' is no statement."""
    assert _stated_active("22_shanghai-bgt_2019.html") == {"regulations_new_published": {13},
                                                            "normative_new_published": {60}}


def test_a_published_list_broken_across_pdf_lines_is_read_whole():
    """上海市人民政府办公厅 2025 prints '…市政府办公厅行' / '政规范性文件 34 件' on two lines."""
    assert _stated_active("06_shanghai-bgt_2025.md") == {"regulations_new_published": {22},
                                                          "normative_new_published": {34}}


def test_category_counts_of_published_information_are_no_table_figures():
    """平潭 2019: '主动公开的政府信息…政策、规范性文件类信息68条' counts information items, not 规范性文件."""
    assert _stated_active("14_pingtan-syq_2019.txt") == {}
