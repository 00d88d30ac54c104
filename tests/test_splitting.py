"""Glued digit runs: every reading the digits allow, narrowed only by evidence (index/parse/splitting.py)."""

from __future__ import annotations

from index.parse.splitting import (
    decide,
    drop_duplicates,
    prefer,
    split_run,
    split_scored,
    sum_constraint,
    with_blanks,
)

ROW_TOTAL = sum_constraint(range(6), 6)
GROUP_TOTALS = [sum_constraint(range(5 * g, 5 * g + 4), 5 * g + 4) for g in range(3)]


def test_row_total_gives_a_unique_split():
    # 18_pingtan-syq_2023: 一、本年新收 "801000081"
    assert split_run("801000081", 7, [ROW_TOTAL]) == [(80, 1, 0, 0, 0, 0, 81)]
    # without the identity the digits alone allow several readings
    assert len(split_run("801000081", 7)) > 1


def test_spaces_are_hard_boundaries():
    # 15_pingtan-syq_2020: （七）总计 "20 0 00 0 121"
    assert split_run("20 0 00 0 121", 7, [ROW_TOTAL]) == [(20, 0, 0, 0, 0, 1, 21)]
    assert split_run("1 2", 3) == []  # two pieces of one digit cannot make three cells


def test_ambiguous_split_keeps_every_candidate():
    # 14_pingtan-syq_2019: 规范性文件898989 has no identity; gold lists exactly these ten readings
    found = split_run("898989", 3)
    assert len(found) == 10
    assert (89, 89, 89) in found and (8, 9, 8989) in found and (8989, 8, 9) in found


def test_leading_zero_rule():
    assert split_run("105", 2) == [(10, 5)]  # "05" is never a cell
    assert split_run("000", 3) == [(0, 0, 0)]  # "0" alone is
    assert split_run("00", 1) == []


def test_negative_numbers_only_where_allowed():
    # 15_pingtan-syq_2020: 行政事业性收费 "35-15" (上一年项目数量 | 本年增/减)
    assert split_run("35-15", 2, negative=[1]) == [(35, -15)]
    assert split_run("35-15", 2) == []  # a minus sign in a column that cannot be negative
    assert split_run("2648-18538", 3, negative=[1]) == [
        (2648, -1, 8538), (2648, -18, 538), (2648, -185, 38), (2648, -1853, 8)]


def test_decimals_stay_whole():
    # 16_pingtan-syq_2021: 行政事业性收费 "24252.311082" is one 万元 amount
    assert split_run("24252.311082", 1, decimal=[0]) == [(24252.311082,)]
    # 14_pingtan-syq_2019: 政府集中采购 "13575394432.52": the item count and the amount are glued
    found = split_run("13575394432.52", 2, decimal=[1])
    assert len(found) == 10 and (135, 75394432.52) in found
    assert all(isinstance(items, int) for items, _ in found)
    assert split_run("1.5", 2, decimal=[0, 1]) == []  # a decimal point never sits at a cell boundary


def test_atomic_pieces_are_never_cut():
    assert split_run(["12", "3"], 3) == [(1, 2, 3)]
    assert split_run(["12", "3"], 3, atomic=[0]) == []


def test_review_run_split_by_group_totals():
    # 16_pingtan-syq_2021: 行政复议 1/0/2/0/3, 直接起诉 12/0/0/0/12, 复议后起诉 all 0
    assert split_run("10203120001200000", 15, GROUP_TOTALS) == [
        (1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0)]


def test_broken_arithmetic_falls_back_to_the_best_readings():
    # 49_pingtan-htp_2024 prints 总计 0 although 5 + 1 requests: no reading satisfies the row total
    found, broken = split_scored("5100000", 7, [ROW_TOTAL])
    assert found == [(5, 1, 0, 0, 0, 0, 0)] and broken == 1


def test_blank_cells_can_stand_anywhere():
    # 34_pingtan-gaj_2019: "0 00000" prints six cells for seven columns
    found = with_blanks([0, 0, 0, 0, 0, 0], 7)
    assert len(found) == 7 and (None, 0, 0, 0, 0, 0, 0) in found and (0, 0, 0, 0, 0, 0, None) in found


def test_colspan_copies_are_dropped():
    # 22_shanghai-bgt_2019: a colspan-2 cell expanded into two copies
    assert drop_duplicates([13, 13, 13, 524], 3) == [(13, 13, 524)]
    assert drop_duplicates([6, 6, 251000, 251000], 2) == [(6, 251000)]
    assert len(drop_duplicates([5, 5, 3, 3], 3)) == 2  # which copy went is undecidable: both stay


def test_decide_uses_identities_across_rows():
    candidates = {"a": [(1, 2), (12, 0)], "b": [(3,)], "c": [(4,), (15,)]}
    identities = [(["a", "b"], lambda v: v["a"][0] + v["a"][1] == v["b"][0]),
                  (["a", "c"], lambda v: v["a"][0] + 3 == v["c"][0])]
    assert decide(candidates, identities) == {"a": [(1, 2)], "b": [(3,)], "c": [(4,)]}
    tie = decide({"a": [(1,), (2,)]}, [(["a"], lambda v: True)])
    assert tie == {"a": [(1,), (2,)]}  # nothing decides: both remain


def test_prefer_ignores_evidence_nothing_agrees_with():
    cands = [(6, 93, 665), (69, 3, 665), (693, 6, 65)]
    assert prefer(cands, [lambda c: c[2] == 665]) == [(6, 93, 665), (69, 3, 665)]
    assert prefer(cands, [lambda c: c[2] == 393]) == cands  # a narrative figure the table contradicts
    assert prefer(cands, [lambda c: c[2] == 665, lambda c: c[0] == 69]) == [(69, 3, 665)]


def test_a_printed_plus_starts_a_signed_cell_only():
    # issue 18: 行政许可 "0+11" is 0 | +1 | 1; the plus is a boundary like the minus of "2648-18538"
    assert split_run("0+11", 3, negative=[1]) == [(0, 1, 1)]
    assert split_run("0+11", 3) == []  # an unsigned column never takes a sign
    assert split_run("5+0", 2, negative=[1]) == []  # "+0" is no cell, as "-0" is not
