"""The query plan: scope from geography, years relative to the conversation, shares of a table's total,
questions of several parts. Pure and fast over the bundled corpus's MANIFEST catalogue."""

from __future__ import annotations

import pytest

from assistant.plan import plan_parts, split_parts
from assistant.route import route

LUCHENG = "温州市鹿城区人民政府办公室"
HONGZE = "淮安市洪泽区人民政府"
SYQ = "平潭综合实验区管委会"


def turn(q: str) -> list[dict]:
    return [{"role": "user", "content": q}, {"role": "assistant", "content": "…"}]


def test_places_come_from_the_administrative_divisions(catalog):
    places = catalog.places()
    assert set(places["江苏"]) == {"淮安市人民政府", HONGZE, "沭阳县人民政府"}  # 沭阳 is in 宿迁, Jiangsu
    assert len(places["平潭"]) == len({a for a in catalog.agencies if "平潭" in a})
    assert places["浙江省"] == [LUCHENG]


@pytest.mark.parametrize("question, place, size", [
    ("平潭的单位里哪些被复议过？", "平潭", 16),
    ("江苏的单位哪些被起诉过", "江苏", 3),
    ("2024年福建省各部门中有哪些收到过企业申请", "福建省", 16),
])
def test_a_place_as_a_collective_is_every_agency_there(catalog, question, place, size):
    it = route(question, [], catalog)
    assert it.kind == "precedent" and it.scope_places == [place] and len(it.scope) == size and not it.agencies


def test_two_places_in_one_scope(catalog):
    it = route("江苏和浙江的单位中谁被起诉过", [], catalog)
    assert it.scope_places == ["江苏", "浙江"] and LUCHENG in it.scope and HONGZE in it.scope


def test_a_place_alone_is_still_one_agency(catalog):
    it = route("平潭2023年收到多少申请", [], catalog)
    assert it.kind == "figure" and it.targets == [(SYQ, 2023)] and not it.scope


def test_relative_years_follow_the_conversation(catalog):
    h = turn("平潭实验区2024年收到多少申请")
    assert route("那去年呢？", h, catalog).targets == [(SYQ, 2023)]
    assert route("前年呢？", h + turn("那去年呢？"), catalog).targets == [(SYQ, 2022)]
    assert route("平潭实验区去年收到多少申请", [], catalog).targets == [(SYQ, 2025)]  # no year named: the newest


@pytest.mark.parametrize("question, numerator, denominator", [
    ("鹿城区2022年予以公开的占几成？", ["granted"], ["results_total"]),
    ("2022年鹿城区企业申请在全部申请里占多大比重", ["new_received"], ["new_received"]),
    ("鹿城区2022年不予公开和无法提供两项合计占比多少", None, ["results_total"]),
    ("洪泽区2023年复议被纠正的比例", ["review_corrected"], ["review_total"]),
])
def test_a_share_is_over_its_own_tables_total(catalog, question, numerator, denominator):
    it = route(question, [], catalog)
    assert it.kind == "rate" and (it.rate_spec is not None or it.rate)
    if it.rate_spec is not None:
        if numerator:
            assert [k.row for k in it.rate_spec.numerator] == numerator
        else:
            assert len(it.rate_spec.numerator) == 11  # eight 不予公开 rows and three 无法提供 rows
        assert [k.row for k in it.rate_spec.denominator] == denominator


def test_clauses_without_a_question_word_stay_together():
    assert split_parts("予以公开、部分公开各多少") == ["予以公开、部分公开各多少"]
    assert split_parts("收到多少、其中多少予以公开、有没有被复议") == ["收到多少", "其中多少予以公开", "有没有被复议"]


def test_parts_that_ask_different_things_are_planned_apart(catalog):
    q = "鹿城区2022年收到多少申请、其中多少予以公开、有没有被复议？"
    parts = plan_parts(q, q, [], catalog)
    assert [it.kind for _, it in parts] == ["figure", "figure", "figure"]
    assert [it.keys[0].row for _, it in parts] == ["new_received", "granted", "review_total"]
    assert all(it.targets == [(LUCHENG, 2022)] for _, it in parts)


def test_a_continuation_is_not_a_part(catalog):
    q = "鹿城区和洪泽区2023年分别收到多少申请，哪个多？"
    assert len(plan_parts(q, q, [], catalog)) == 1


def test_a_kind_of_agency_is_a_scope(catalog):
    it = route("哪些片区收到过政府信息公开申请？", [], catalog)
    assert it.kind == "precedent" and len(it.scope) == 4 and all("片区" in a for a in it.scope)
    assert route("江苏的政府哪些被起诉过", [], catalog).scope_places == ["江苏"]


def test_a_kind_only_one_agency_has_is_that_agency(catalog):
    it = route("平潭的公安部门收到多少申请", [], catalog)
    assert it.kind == "figure" and it.agencies == ["平潭综合实验区公安局"] and not it.scope


def test_a_continuation_keeps_the_scope(catalog):
    parts = plan_parts("各区县政府2024年收到多少申请，哪家最多", "各区县政府2024年收到多少申请，哪家最多", [], catalog)
    assert [it.kind for _, it in parts] == ["precedent", "ranking"]
    assert parts[0][1].scope == parts[1][1].scope and len(parts[1][1].scope) == 6


def test_two_shared_characters_name_no_agency(catalog):
    """技术 shares two characters with 上海市科学技术委员会; a place (洪泽) or a short form (科委) does name one."""
    assert route("有没有单位用技术手段提醒依申请件快超期了？", [], catalog).agencies == []
    assert route("洪泽2023年收到多少申请", [], catalog).agencies == ["淮安市洪泽区人民政府"]
    assert route("科委2024年收到多少申请", [], catalog).agencies == ["上海市科学技术委员会"]
    assert route("鹿成2022年收到多少申请", [], catalog).agencies == ["温州市鹿城区人民政府办公室"]  # a homophone slip
