"""Agency, statistics year and template of every corpus report, and the user's overrides."""

from __future__ import annotations

import csv
import functools
import json
from pathlib import Path

import pytest

from index.errors import LoadError
from index.parse.load import LoadedDocument, load_file
from index.parse.meta import canonical_agency, detect_meta, detect_template, parse_title, stats_year

CORPUS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus"
MANIFEST = list(csv.DictReader((CORPUS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
GOLD_TEMPLATES = {p.name.split("_")[0]: json.loads(p.read_text(encoding="utf-8"))["report"]["template"]
                  for p in (CORPUS / "gold").glob("*.json")}


@functools.cache
def loaded(name: str) -> LoadedDocument:
    return load_file(CORPUS / "reports" / name)


@pytest.mark.parametrize("row", MANIFEST, ids=lambda r: r["file"])
def test_agency_year_template_match_the_manifest(row):
    meta = detect_meta(loaded(row["file"]))
    assert (meta.agency, meta.year) == (row["agency"], int(row["year"]))
    gold = GOLD_TEMPLATES.get(row["file"].split("_")[0])
    if gold:
        assert meta.template == gold
    expected = "pre2019" if meta.year < 2019 else "2019" if meta.year < 2021 else "2021"
    assert meta.template == expected  # no corpus report prints another template than its year's
    assert meta.places and meta.kinds  # where it sits and what kind it is, stored with the report


def test_all_41_reports_checked():
    assert len(MANIFEST) == 41


def test_year_is_the_statistics_year_not_the_publication_year():
    meta = detect_meta(loaded("44_pingtan-jjf_2022.txt"))
    assert meta.year == 2022 and meta.published == "2023-01-05"
    meta = detect_meta(loaded("22_shanghai-bgt_2019.html"))
    assert meta.year == 2019 and meta.published == "2020-01-31" and meta.template == "2019"


def test_title_forms():
    assert parse_title("(图解)温州市鹿城区人民政府办公室2022年政府信息公开工作年度报告") == ("温州市鹿城区人民政府办公室", 2022)
    assert parse_title("2019年上海市人民政府办公厅政府信息公开工作年度报告") == ("上海市人民政府办公厅", 2019)
    assert parse_title("平潭综合实验区地方税务局2013年信息公开年度报告") == ("平潭综合实验区地方税务局", 2013)
    assert parse_title("平潭综合实验区海坛片区管理局 2024年度政府信息公开工作年度报告") == ("平潭综合实验区海坛片区管理局", 2024)
    assert parse_title("2022年政府信息公开工作年度报告") == (None, 2022)
    assert parse_title("") == (None, None)


def test_agency_names_are_catalogued():
    assert canonical_agency("平潭综合实验区", "") == "平潭综合实验区管委会"
    assert canonical_agency("上海市科委", "") == "上海市科学技术委员会"
    text = "本报告由淮安市洪泽区人民政府办公室编制。淮安市洪泽区洪泽湖大道。淮安市"
    assert canonical_agency("洪泽区人民政府", text) == "淮安市洪泽区人民政府"
    assert canonical_agency("平潭县人民政府", "平潭县人民政府") == "平潭县人民政府"


def test_statistics_period():
    assert stats_year("本报告所列数据的统计期限为2022年1月1日至12月31日。") == 2022
    assert stats_year("统计期限自2019年9月1日起至2019年12月31日止。") == 2019
    assert stats_year("统计周期\n为 2024 年 1 月 1 日至 12 月 31 日") == 2024
    assert stats_year("2023年全年受理申请5件") is None


def test_template_from_table_columns():
    assert detect_template("信息内容 本年制发件数 本年废止件数", 2020) == "2021"
    assert detect_template("信息内容 本年新制作数量 本年新公开数量", 2021) == "2019"
    assert detect_template("信息内容 本年新制作数量", 2016) == "pre2019"
    assert detect_template("", 2020) == "2019" and detect_template("", 2023) == "2021"


def test_overrides_win():
    doc = loaded("00_lucheng-qu_2022.txt")
    meta = detect_meta(doc, {"agency": "某机关", "year": 2021, "template": "2019", "published": "2023-02-01",
                             "source_url": "https://example.gov.cn/r.html", "unknown": "ignored"})
    assert (meta.agency, meta.year, meta.template) == ("某机关", 2021, "2019")
    assert meta.published == "2023-02-01" and meta.source_url == "https://example.gov.cn/r.html"
    assert detect_meta(doc, {"agency": None, "year": None}).agency == "温州市鹿城区人民政府办公室"


def _untitled_report(tmp_path, stats: str) -> LoadedDocument:
    path = tmp_path / "untitled.txt"
    path.write_text("本单位根据《中华人民共和国政府信息公开条例》编制本报告，" + stats
                    + "\n一、总体情况\n全年主动公开政府信息若干条，依申请公开工作平稳有序，未发生行政复议和行政诉讼案件。",
                    encoding="utf-8")
    return load_file(path)


def test_unknown_agency_or_year_asks_for_overrides(tmp_path):
    doc = _untitled_report(tmp_path, "")
    with pytest.raises(LoadError, match="pass --agency/--year") as err:
        detect_meta(doc)
    assert "untitled.txt" in str(err.value)
    meta = detect_meta(doc, {"agency": "某某街道办事处", "year": 2023})
    assert (meta.agency, meta.year, meta.template) == ("某某街道办事处", 2023, "2021")
    doc = _untitled_report(tmp_path, "本报告所列数据的统计期限为2020年1月1日至12月31日。")
    meta = detect_meta(doc, {"agency": "某某街道办事处"})
    assert meta.year == 2020 and meta.template == "2019"


def test_places_and_kinds_come_from_the_agency_name():
    meta = detect_meta(loaded(next(r["file"] for r in MANIFEST if r["agency"] == "平潭综合实验区公安局")))
    assert {"福建省", "福建", "平潭"} <= set(meta.places)
    assert "公安" in meta.kinds
