"""Figures a report's prose states (index/parse/statements.py): the checks' statements and, for reports without
the standard tables, one sentence's statement including 'none received'."""

from __future__ import annotations

import pytest

from index.parse.statements import stated_figures, stated_in

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
