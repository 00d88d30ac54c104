"""The report's own arithmetic, narrative against table, and year against year (index/parse/checks.py)."""

from __future__ import annotations

from pathlib import Path

from index.models import Ambiguity, Cell
from index.parse.checks import continuity_checks, narrative_figures, run_checks
from index.parse.load import load_file
from index.parse.report import parse_file
from index.parse.sections import split_sections
from index.parse.tables import parse_tables
from index.vocabulary import REQUEST_COLUMN_KEYS, REQUEST_ROW_KEYS, REVIEW_KEYS

REPORTS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus" / "reports"


def checks_of(prefix: str, template: str = "2021") -> dict:
    text = load_file(next(REPORTS.glob(f"{prefix}_*"))).text
    sections = split_sections(text, template)
    tp = parse_tables(text, sections, template)
    return {c.rule: c for c in run_checks(tp.cells, text, sections, tp.ambiguous)}, tp


def cells_of(prefix: str) -> list[Cell]:
    return parse_file(next(REPORTS.glob(f"{prefix}_*"))).cells


def requests_table(rows: dict[str, list]) -> list[Cell]:
    """A 2019-template table 3 of zeros, with the given rows replaced."""
    keys = [k for k in REQUEST_ROW_KEYS if k not in ("other_overdue_correction", "other_overdue_fee", "other_misc")]
    return [Cell(table="requests", row=r, column=c, value=rows.get(r, [0] * 7)[i])
            for r in keys for i, c in enumerate(REQUEST_COLUMN_KEYS)]


def test_report_that_breaks_its_arithmetic_is_recorded_not_fixed():
    """05 leaves the 结转下年度 total empty: balance and row total fail, the empty cell stays null."""
    checks, tp = checks_of("05")
    balance = checks["requests.balance"]
    assert not balance.ok
    assert balance.detail == ("total: new_received 34 + carried_over 2 = 36 ≠ results_total 35 + "
                              "carried_forward null(0) = 35")
    assert "requests:carried_forward.total" in balance.cells
    assert checks["requests.row_total"].detail == "carried_forward: total null(0) ≠ sum of six columns 1"
    assert checks["requests.results_sum"].ok
    assert next(c for c in tp.cells if c.key == "carried_forward.total").value is None


def test_review_totals_as_printed():
    checks, _ = checks_of("01")
    review = checks["review_litigation.totals"]
    assert not review.ok
    assert review.detail == ("review: total 0 ≠ upheld+corrected+other+pending 11; "
                             "post_review_suit: total 0 ≠ upheld+corrected+other+pending 5")


def test_results_sum_failure_names_the_columns():
    checks, _ = checks_of("15", "2019")
    assert checks["requests.results_sum"].detail == (
        "natural_person: results_total 20 ≠ sum of result rows 26; total: results_total 21 ≠ sum of result rows 27")
    assert checks["requests.balance"].ok and checks["requests.row_total"].ok
    assert checks["requests.row_total"].detail == "all 23 rows: total = sum of the six applicant columns"


def test_checks_never_change_the_cells():
    cells = requests_table({"new_received": [2, 0, 0, 0, 0, 0, 2], "granted": [2, 0, 0, 0, 0, 0, 2],
                            "results_total": [0, 0, 0, 0, 0, 0, 0]})  # 38_pingtan-jsp_2020's own slip
    before = [c.model_copy() for c in cells]
    checks = {c.rule: c for c in run_checks(cells)}
    assert not checks["requests.balance"].ok and not checks["requests.results_sum"].ok
    assert checks["requests.row_total"].ok
    assert checks["requests.results_sum"].detail.startswith("natural_person: results_total 0 ≠ sum of result rows 2")
    assert cells == before
    assert "review_litigation.totals" not in checks  # no table 4 printed: no check of it


def test_ambiguous_cells_skip_their_identities():
    cells = requests_table({"new_received": [None, None, 0, 0, 0, 0, 11], "results_total": [11, 0, 0, 0, 0, 0, 11],
                            "granted": [11, 0, 0, 0, 0, 0, 11]})
    amb = Ambiguity(table="requests", keys=["new_received.natural_person", "new_received.commercial"],
                    text="110000011", candidates=[[11, 0], [1, 10]])
    checks = {c.rule: c for c in run_checks(cells, ambiguous=[amb])}
    balance = checks["requests.balance"]
    assert not balance.ok and balance.status == "not_checked" and not balance.cells  # no verdict, no failure
    assert balance.detail.startswith("not checked, ambiguous cells: natural_person, commercial")
    assert checks["requests.row_total"].status == "not_checked" and "new_received" in checks["requests.row_total"].detail
    assert checks["requests.results_sum"].status == "ok"  # reads no undecided cell
    without = {c.rule: c for c in run_checks(cells)}
    assert not without["requests.balance"].ok  # read as blanks they would fail


def test_review_check_only_when_the_table_exists():
    cells = [Cell(table="review_litigation", row=k, value=v) for k, v in zip(REVIEW_KEYS, [2, 1, 3, 1, 7] + [0] * 10,
                                                                                 strict=True)]
    (check,) = run_checks(cells)
    assert check.rule == "review_litigation.totals" and check.ok
    cells[4] = Cell(table="review_litigation", row="review_total", value=6)
    (check,) = run_checks(cells)
    assert not check.ok and check.detail == "review: total 6 ≠ upheld+corrected+other+pending 7"


def test_narrative_figures_agree_with_the_table():
    checks, _ = checks_of("03")
    for rule, detail in [("narrative.new_received", "narrative 3119 = table new_received.total 3119"),
                         ("narrative.carried_over", "narrative 34 = table carried_over.total 34"),
                         ("narrative.review_total", "narrative 351 = table review_total 351"),
                         ("narrative.litigation_total",
                          "narrative 46 = table direct_suit_total + post_review_suit_total 46")]:
        assert checks[rule].ok and checks[rule].detail == detail


def test_narrative_that_disagrees_fails():
    """02: the narrative says 受理 17, table 3 says 95 new requests."""
    checks, _ = checks_of("02")
    assert not checks["narrative.new_received"].ok
    assert checks["narrative.new_received"].detail == "narrative 17 ≠ table new_received.total 95"
    assert checks["narrative.new_received"].cells == ["requests:new_received.total"]


def test_narrative_counting_carried_over_requests():
    """04: '共受理 749 件' = 713 new + 36 carried over."""
    checks, _ = checks_of("04")
    assert checks["narrative.new_received"].ok and "carried_over" in checks["narrative.new_received"].detail


def test_narrative_figures_ignore_the_tables_and_other_counts():
    text = load_file(next(REPORTS.glob("16_*"))).text
    assert narrative_figures(text) == {"narrative.new_received": 70}  # '本年度全区共收到70件申请'
    text14 = load_file(next(REPORTS.glob("14_*"))).text
    assert narrative_figures(text14) == {}  # '受理各类群众诉求259起' is no information request


def test_run_checks_takes_a_report():
    report = parse_file(next(REPORTS.glob("00_*")))
    rules = {c.rule: c.ok for c in run_checks(report)}
    assert rules == {"requests.balance": True, "requests.results_sum": True, "requests.row_total": True,
                     "review_litigation.totals": True, "narrative.new_received": True}


def test_continuity_between_years():
    """01 (2023) -> 02 (2024): carried 0 = 0; 现行有效 5 + 3 - 0 = 8."""
    checks = {c.rule: c for c in continuity_checks(cells_of("01"), cells_of("02"))}
    assert checks["continuity.carried"].ok
    assert checks["continuity.in_force"].ok
    assert "normative: 5 + issued 3 - repealed 0 = 8 = in_force 8" in checks["continuity.in_force"].detail


def test_continuity_failure_is_recorded():
    """18 prints 现行有效 470 although 2022's 698 + 77 - 132 = 643."""
    prev = [Cell(table="active", row="normative_in_force", value=698),
            Cell(table="requests", row="carried_forward", column="total", value=0)]
    cur = [Cell(table="active", row=k, value=v) for k, v in
           (("normative_issued", 77), ("normative_repealed", 132), ("normative_in_force", 470))]
    cur.append(Cell(table="requests", row="carried_over", column="total", value=1))
    checks = {c.rule: c for c in continuity_checks(prev, cur)}
    assert not checks["continuity.in_force"].ok
    assert checks["continuity.in_force"].detail == "normative: 698 + issued 77 - repealed 132 = 643 ≠ in_force 470"
    assert not checks["continuity.carried"].ok
    assert checks["continuity.carried"].cells == ["requests:carried_over.total"]


def test_continuity_skips_undecided_cells():
    prev = [Cell(table="active", row="normative_in_force", value=698)]
    cur = [Cell(table="active", row="normative_issued", value=77), Cell(table="active", row="normative_repealed"),
           Cell(table="active", row="normative_in_force")]
    assert continuity_checks(prev, cur) == []


def test_a_review_run_left_ambiguous_is_not_checked_never_ok():
    """Issue 18: 17 digits for the 15 cells of table 4; the group stays ambiguous, so its totals have no
    verdict (it used to read ok). Built from report 15 with its table-4 run replaced."""
    text = load_file(next(REPORTS.glob("15_*"))).text
    text = text.replace("000000000000000 五、", "11000110000000000 五、")
    sections = split_sections(text, "2019")
    tp = parse_tables(text, sections, "2019")
    amb = next(a for a in tp.ambiguous if a.table == "review_litigation")
    assert amb.keys == ["review_upheld", "review_corrected"] and sorted(amb.candidates) == [[1, 10], [11, 0]]
    (check,) = [c for c in run_checks(tp.cells, text, sections, tp.ambiguous) if c.rule == "review_litigation.totals"]
    assert not check.ok and check.status == "not_checked" and "review" in check.detail
    broken = Cell(table="review_litigation", row="direct_suit_total", value=5)
    cells = [broken if c.key == "direct_suit_total" else c for c in tp.cells]
    (check,) = [c for c in run_checks(cells, ambiguous=tp.ambiguous) if c.rule == "review_litigation.totals"]
    assert check.status == "failed" and "review_litigation:direct_suit_total" in check.cells  # a failure still shows
