"""Second sources for cells a glued run left open (index/parse/resolve.py), on minimal tables and corpus reports."""

from __future__ import annotations

from pathlib import Path

from index.models import Ambiguity, Cell
from index.parse.load import load_file
from index.parse.resolve import Evidence, decided_by, resolve
from index.parse.sections import split_sections
from index.parse.tables import TableParse, parse_tables

REPORTS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus" / "reports"


def requests_row(row: str, values: list, ambiguous: dict[str, list]) -> tuple[list[Cell], Ambiguity]:
    cols = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]
    cells = [Cell(table="requests", row=row, column=c, value=None if c in ambiguous else v, raw="262026")
             for c, v in zip(cols, values, strict=True)]
    keys = [f"{row}.{c}" for c in cols if c in ambiguous]
    readings = list(zip(*ambiguous.values(), strict=True))
    return cells, Ambiguity(table="requests", keys=keys, text="262026", candidates=[list(r) for r in readings])


def test_the_narrative_decides_a_requests_total():
    """'本年度共收到申请26件' picks the reading whose total is 26."""
    cells, amb = requests_row("new_received", [0] * 7, {"natural_person": [26, 2], "total": [26, 2]})
    out, left = resolve(cells, [amb], Evidence(stated={"narrative.new_received": 26}))
    got = {c.key: (c.value, c.source) for c in out}
    assert got["new_received.natural_person"] == (26, "narrative") and got["new_received.total"] == (26, "narrative")
    assert got["new_received.commercial"] == (0, None)  # decided by the text itself
    assert left == [] and decided_by(out) == {"html": 0, "narrative": 2, "neighbour_year": 0}


def test_evidence_no_reading_agrees_with_is_ignored():
    cells, amb = requests_row("new_received", [0] * 7, {"natural_person": [26, 2], "total": [26, 2]})
    out, left = resolve(cells, [amb], Evidence(stated={"narrative.new_received": 7}))
    assert left == [amb] and all(c.source is None for c in out)
    assert out[0].value is None and out[0].raw == "262026"  # undecided: no value, its raw run kept


def test_last_years_carried_forward_decides_this_years_carried_over():
    cells, amb = requests_row("carried_over", [0] * 7, {"natural_person": [5, 50], "total": [5, 50]})
    last = TableParse(cells=[Cell(table="requests", row="carried_forward", column=c, value=v)
                             for c, v in (("natural_person", 5), ("total", 5))], template="2021", year=2022)
    out, left = resolve(cells, [amb], Evidence(year=2023, template="2021", neighbours=[last]))
    assert left == [] and {c.key: c.source for c in out if c.source} == {
        "carried_over.natural_person": "neighbour_year", "carried_over.total": "neighbour_year"}
    far = last.model_copy(update={"year": 2020})  # not a neighbouring year: no evidence
    assert resolve(cells, [amb], Evidence(year=2023, template="2021", neighbours=[far]))[1] == [amb]


def test_a_narrowed_run_keeps_the_readings_left_and_says_why():
    cells = [Cell(table="active", row=k, value=None, raw="5845546") for k in
             ("normative_issued", "normative_repealed", "normative_in_force")]
    amb = Ambiguity(table="active", keys=[c.row for c in cells], text="5845546", reason="glued",
                    candidates=[[58, 45, 546], [5, 84, 5546], [584, 5, 546]])
    out, (left,) = resolve(cells, [amb], Evidence(stated_active={"normative_in_force": {546}}))
    assert out[2].value == 546 and out[2].source == "narrative"
    assert left.keys == ["normative_issued", "normative_repealed"] and left.candidates == [[58, 45], [584, 5]]
    assert left.reason == "glued; narrowed by narrative"


def test_the_html_decides_before_the_other_sources():
    cells = [Cell(table="active", row="normative_issued", value=None), Cell(table="active", row="normative_repealed")]
    amb = Ambiguity(table="active", keys=["normative_issued", "normative_repealed"], text="693",
                    candidates=[[69, 3], [6, 93]])
    ev = Evidence(html={("active", "normative_issued"): 6, ("active", "normative_repealed"): 93},
                  stated_active={"normative_issued": {69}})
    out, left = resolve(cells, [amb], ev)
    assert [(c.value, c.source) for c in out] == [(6, "html"), (93, "html")] and left == []


def test_each_cell_credits_the_source_that_decided_it():
    """The narrative fixes 现行有效; the neighbouring year then splits the other two: each cell says which."""
    cells = [Cell(table="active", row=k, value=None) for k in
             ("normative_issued", "normative_repealed", "normative_in_force")]
    amb = Ambiguity(table="active", keys=[c.row for c in cells], text="6936650",
                    candidates=[[69, 3, 665], [6, 93, 665], [6, 9, 3665]])
    last = TableParse(cells=[Cell(table="active", row=k, value=v) for k, v in
                             (("normative_issued", 1), ("normative_repealed", 2), ("normative_in_force", 599))],
                      template="2021", year=2020)
    ev = Evidence(stated_active={"normative_in_force": {665}}, year=2021, template="2021", neighbours=[last])
    out, left = resolve(cells, [amb], ev)
    assert [(c.value, c.source) for c in out] == [(69, "neighbour_year"), (3, "neighbour_year"), (665, "narrative")]
    assert left == []


def test_the_published_list_decides_a_glued_2019_template_row():
    """上海市人民政府办公厅 2019 with its first table-2 rows glued as a crawled page prints them ('规章1313524'): the
    prose's '主动公开规章13件，行政规范性文件60件' (本年新公开数量) leaves one reading of each run, the one its ruled
    table prints; without the prose '6060368' reads as 60|60|368, 606|0|368, 6|0|60368 …"""
    text = load_file(REPORTS / "22_shanghai-bgt_2019.html").text
    glued = text.replace("| 规章 | 13 | 13 | 13 | 524 |", "规章1313524").replace(
        "| 规范性文件 | 60 | 60 | 60 | 368 |", "规范性文件6060368")
    assert glued.count("1313524") == glued.count("6060368") == 1
    parsed = parse_tables(glued, split_sections(glued, "2019"), "2019", year=2019)
    got = {c.key: (c.value, c.source) for c in parsed.cells if c.key.startswith(("regulations", "normative"))}
    assert got == {f"{row}_{col}": (v, "narrative")
                   for row, values in (("regulations", (13, 13, 524)), ("normative", (60, 60, 368)))
                   for col, v in zip(("new_made", "new_published", "total_published"), values, strict=True)}
    assert not [a for a in parsed.ambiguous if a.table == "active"]


def test_the_total_published_of_two_years_is_no_second_source():
    """对外公开总数量 = last year's + 本年新公开数量 is broken by the corpus's one pair that prints a 2019-template row
    unglued in both years (平潭 2019 规章 000 -> 2020 规章 007): the 规范性文件 runs of those years stay open."""
    def parse(name: str, neighbours: list[TableParse] = ()) -> TableParse:
        text = load_file(REPORTS / name).text
        return parse_tables(text, split_sections(text, "2019"), "2019", year=int(name[-8:-4]),
                            neighbours=list(neighbours))

    first, second = parse("14_pingtan-syq_2019.txt"), parse("15_pingtan-syq_2020.txt")
    keys = [f"regulations_{c}" for c in ("new_made", "new_published", "total_published")]
    (made, published, total), = second.candidates("active", keys)
    assert first.candidates("active", keys) == [(0, 0, 0)] and (made, published, total) == (0, 0, 7)
    for name, other in (("14_pingtan-syq_2019.txt", second), ("15_pingtan-syq_2020.txt", first)):
        parsed = parse(name, [other])
        assert {"normative_new_published", "normative_total_published"} <= {
            k for a in parsed.ambiguous if a.table == "active" for k in a.keys}


def test_a_place_said_with_its_level_means_the_agencies_titled_with_it(catalog):
    from assistant.resolve import find_scope

    _, _, scope = find_scope("平潭县那几个局的年报里，哪几家全年没收到申请？", catalog)
    assert set(scope) == {"平潭县财政局", "平潭县教育局", "平潭县民政局"}
    assert set(find_scope("平潭县那几个县直局的年报里，哪几家没收到申请？", catalog)[2]) == set(scope)
    assert len(find_scope("平潭的单位2024年谁的复议最多？", catalog)[2]) > 10  # the zone's agencies too


def test_a_places_townships_in_a_year_none_of_them_reported_are_read_in_its_governments_report(catalog):
    """平潭的乡镇 in 2016: no township report that year, so the zone's own report, which tells of its townships, is
    read; in a year a township did report, the townships themselves are the scope."""
    from assistant.plan import understand

    it = understand("2016年平潭那几个乡镇一共公开了几条信息？", [], catalog)
    assert it.kind == "narrative" and it.targets == [("平潭综合实验区管委会", 2016)]
    it = understand("2020年平潭那几个乡镇一共公开了几条信息？", [], catalog)
    assert "平潭综合实验区君山片区管理局" in it.scope and not it.targets
