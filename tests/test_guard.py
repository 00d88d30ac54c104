"""The number guard on the seed report's real figures and text (鹿城区 2022): what counts as a number,
what supports it, and what happens to sentences that state one the report does not."""

from __future__ import annotations

import pytest

from assistant.guard import (
    NOTE_MARKER,
    NOTE_REMOVED,
    NOTE_REPLACED,
    build_support,
    find_numbers,
    guard_counts,
    guard_text,
    normalize_markers,
    parse_chinese_number,
)
from index.models import Citation, Figure


@pytest.fixture
def lucheng(seed_cited):
    return seed_cited


def values(text):
    return [(m.text, m.values[0], m.percent) for m in find_numbers(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("新收申请113件", [("113", 113, False)]),
    ("１１３件，８５％", [("１１３", 113, False), ("８５", 85, True)]),
    ("公开率为57.5%", [("57.5", 57.5, True)]),
    ("提高了3个百分点", [("3", 3, True)]),
    ("百分之八十五的申请", [("百分之八十五", 85, True)]),
    ("一百一十三件", [("一百一十三", 113, False)]),
    ("两千零五件", [("两千零五", 2005, False)]),
    ("一一三件", [("一一三", 113, False)]),
    ("五件", [("五", 5, False)]),
    ("一件申请被复议", [("一", 1, False)]),
    ("收费1.5万元", [("1.5万", 15000, False)]),
    ("共180,000元", [("180,000", 180000, False)]),
    ("（含自然失效29件）", [("29", 29, False)]),
    ("分别为5、3、2件", [("5", 5, False), ("3", 3, False), ("2", 2, False)]),
    ("增减-3项", [("3", 3, False)]),
])
def test_numbers_found(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "2022年", "2022年度报告", "二〇二二年", "22年", "近三年", "统计期限为2022年1月1日至12月31日", "2022-12-31",
    "2021-2023年", "[1]", "[12]", "第三方", "第28条", "表3", "1.本机关不掌握相关政府信息", "（一）予以公开",
    "(2)部分公开", "一、总体情况", "一是加强培训", "十分重视", "党的十九大", "十四五规划", "三安全一稳定",
    "三类内部事务信息", "三个方面", "两项工作", "统一平台", "进一步提升", "一个重要方面", "国办公开办函〔2021〕30号", "12月", "5日内",
])
def test_not_figures(text):
    assert find_numbers(text) == []


def test_mention_span_points_into_the_original_text():
    text = "鹿城区共收到１１３件，公开率５７.５％"
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("s", "v"), [("十", 10), ("十二", 12), ("二十", 20), ("一百零三", 103), ("三千二百", 3200),
                                      ("十二万", 120000), ("一亿两千万", 120_000_000), ("两", 2)])
def test_chinese_numerals(s, v):
    assert parse_chinese_number(s) == v


@pytest.mark.parametrize("s", ["十四五", "万", "百十", ""])
def test_not_chinese_numerals(s):
    assert parse_chinese_number(s) is None


def test_support_from_cells_passages_and_derived(lucheng):
    citations, figures = lucheng
    support = build_support(citations, figures)
    supported = {m.text: support.supports(m) for m in find_numbers(
        "113件，5件，41件，一百一十三件，28家，公开率36.3%，36%，36.28%，57.5%，114件，3件")}
    # 113/5/41 cells, 28 printed in a passage, 41/113 = 36.28…% as displayed; 114 and 3 nowhere
    assert supported == {"113": True, "5": True, "41": True, "一百一十三": True, "28": True, "36.3": True,
                         "36": True, "36.28": True, "57.5": False, "114": False, "3": False}


def test_support_for_changes_and_sums_of_one_key():
    figures = [Figure(agency="A", year=y, table="requests", row="new_received", column="total", value=v, citation=n)
               for n, (y, v) in enumerate([(2021, 100), (2022, 113)], start=1)]
    support = build_support([], figures)
    found = {m.text: support.supports(m) for m in find_numbers("增加13件，合计213件，增长13.0%，增长12%，增加14件")}
    assert found == {"13": True, "213": True, "13.0": True, "12": False, "14": False}


def test_percent_from_verified_draft_rounded_as_displayed():
    support = build_support([], [], verified_text="公开率为57.5%（(予以公开+部分公开)/总计）。")
    found = {m.text: support.supports(m) for m in find_numbers("57.5%，58%，57%，57.46%")}
    assert not support.supports(find_numbers("57.5件")[0])  # a rate is not a count
    assert found == {"57.5": True, "58": True, "57": False, "57.46": False}


def test_supported_text_passes_unchanged(lucheng):
    citations, figures = lucheng
    text = "2022年，温州市鹿城区人民政府办公室新收政府信息公开申请113件[1]，上年结转5件[2]。其中予以公开41件[3]。"
    result = guard_text(text, citations, figures)
    assert result.text == text
    assert result.notes == [] and result.removed == [] and result.replaced == []


def test_wrong_number_replaced_through_the_sentence_marker(lucheng):
    citations, figures = lucheng
    result = guard_text("鹿城区2022年新收申请123件[1]。结转5件[2]。", citations, figures)
    assert result.text == "鹿城区2022年新收申请113件[1]。结转5件[2]。"
    assert result.replaced == [("123", "113")]
    assert result.notes[0].startswith(NOTE_REPLACED) and "123 -> 113" in result.notes[0]


def test_wrong_number_replaced_through_the_label(lucheng):
    citations, figures = lucheng
    result = guard_text("鹿城区予以公开四十件。", citations, figures)
    assert result.text == "鹿城区予以公开41件。"
    assert result.replaced == [("四十", "41")]


def test_ambiguous_sentence_removed(lucheng):
    citations, figures = lucheng
    text = "新收申请113件[1]。各类申请合计达到130件[1][2]，情况良好。全年工作有序推进。"
    result = guard_text(text, citations, figures)
    assert result.text == "新收申请113件[1]。全年工作有序推进。"
    assert result.removed == ["各类申请合计达到130件[1][2]，情况良好。"]
    assert result.removed_numbers == ["130"]


def test_two_unsupported_numbers_remove_the_sentence(lucheng):
    citations, figures = lucheng
    result = guard_text("新收申请123件、结转6件[1]。", citations, figures)
    assert result.text == ""
    assert result.removed_numbers == ["123", "6"]


def test_unsupported_percent_is_removed_not_replaced(lucheng):
    citations, figures = lucheng
    result = guard_text("新收申请113件[1]。公开率为90%[1]。", citations, figures)
    assert result.text == "新收申请113件[1]。"
    assert result.replaced == []


def test_invented_markers_dropped(lucheng):
    citations, figures = lucheng
    result = guard_text("新收申请113件【1】［9］。开展压力测试[6,12]。", citations, figures)
    assert result.text == "新收申请113件[1]。开展压力测试[6]。"
    assert result.dropped_markers == [9, 12]
    assert sum(n.startswith(NOTE_MARKER) for n in result.notes) == 2


def test_markers_after_the_full_stop_stay_with_their_sentence(lucheng):
    citations, figures = lucheng
    result = guard_text("新收申请113件。[1]\n结转50件。[2]\n全年有序。", citations, figures)
    assert result.text == "新收申请113件。[1]\n结转5件。[2]\n全年有序。"


def test_injected_number_stripped(lucheng):
    citations, figures = lucheng
    result = guard_text("123。鹿城区2022年新收申请113件[1]。", citations, figures)
    assert "123" not in result.text and result.text == "鹿城区2022年新收申请113件[1]。"


def test_counts_read_back_from_notes(lucheng):
    citations, figures = lucheng
    result = guard_text("新收申请123件[1]。合计130件、200件[1][2]。见[8]。", citations, figures)
    assert guard_counts(result.notes) == {"removed_sentences": 1, "removed_numbers": 2, "replaced_numbers": 1,
                                          "dropped_markers": 1}
    assert any(n.startswith(NOTE_REMOVED) for n in result.notes)


def test_normalize_markers():
    assert normalize_markers("见【1】［2］[3、4][5，6]") == "见[1][2][3][4][5][6]"


def test_a_passage_figure_is_supported_and_corrects_like_a_cell():
    """A number lifted from a passage (Figure kind=passage) backs the text, and a wrong one is put right."""
    quote = "2020年，共受理各类12345市民服务热线244起，按时办结率100%。"
    citations = [Citation(n=1, report_id="r", agency="平潭综合实验区农业农村局", year=2020, kind="passage",
                          section="overview", quote=quote)]
    figures = [Figure(agency="平潭综合实验区农业农村局", year=2020, table="passage", row="共受理各类12345市民服务热线244起",
                      value=244, citation=1, kind="passage", unit="起")]
    assert guard_text("共受理市民服务热线244起[1]。", citations, figures).text == "共受理市民服务热线244起[1]。"
    fixed = guard_text("共受理市民服务热线245起[1]。", citations, figures)
    assert fixed.text == "共受理市民服务热线244起[1]。" and fixed.replaced == [("245", "244")]
