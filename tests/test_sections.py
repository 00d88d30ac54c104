"""The six standard sections (and free-form ones) with offsets into the normalised text."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from index.models import Section
from index.parse.load import load_file
from index.parse.meta import detect_meta
from index.parse.sections import split_sections
from index.vocabulary import SECTIONS

CORPUS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus"
REPORTS = sorted((CORPUS / "reports").iterdir())
STANDARD = [k for k, _, _ in SECTIONS]


@functools.cache
def parsed(name: str) -> tuple[str, str, list[Section]]:
    doc = load_file(CORPUS / "reports" / name)
    template = detect_meta(doc).template
    return doc.text, template, split_sections(doc.text, template)


def keys(name: str) -> list[str]:
    return [s.key for s in parsed(name)[2]]


def test_lucheng_six_sections_point_to_their_headings():
    text, _, sections = parsed("00_lucheng-qu_2022.txt")
    assert [s.key for s in sections] == ["preamble", *STANDARD]
    assert [s.heading for s in sections[1:]] == [h for _, h, _ in SECTIONS]
    for s in sections[1:]:
        assert text[s.start: s.start + len(s.heading)] == s.heading
        assert text[s.start - 1] == "\n"
    requests = next(s for s in sections if s.key == "requests")
    assert "一、本年新收政府信息公开申请数量" in text[requests.start: requests.end]  # table rows do not split it
    assert "部分公开" in text[requests.start: requests.end] and "结转下年度继续办理" in text[requests.start: requests.end]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_sections_cover_the_text_without_overlap(path):
    text, template, sections = parsed(path.name)
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for a, b in zip(sections, sections[1:], strict=False):
        assert a.end == b.start and a.start < a.end
    assert len({s.key for s in sections}) == len(sections)
    for s in sections[1:]:
        assert s.heading and text[s.start: s.start + len(s.heading)] == s.heading  # exact, citable
    assert len(sections) >= 4  # every corpus report has numbered top-level headings
    if template != "pre2019":
        assert {"overview", "active", "requests", "review_litigation"} <= set(keys(path.name))


@pytest.mark.parametrize("name", ["14_pingtan-syq_2019.txt", "41_pingtan-nyn_2020.txt", "22_shanghai-bgt_2019.html",
                                  "01_huaian-hongzequ_2023.pdf", "47_pingtan-scj_2024.txt"])
def test_inline_and_other_formats_get_the_six_sections(name):
    """Crawled pages run the report on one line; the numbered rows of table 三 never split it."""
    assert keys(name) == ["preamble", *STANDARD]


def test_nonstandard_order_maps_by_heading_words():
    assert keys("05_shanghai-kewei_2024.md") == [
        "preamble", "overview", "s2", "s3", "s4", "s5", "s6", "active", "requests", "review_litigation", "other"]
    text, _, sections = parsed("05_shanghai-kewei_2024.md")
    active = next(s for s in sections if s.key == "active")
    assert active.heading == "一、主动公开政府信息情况" and "本年制发件数" in text[active.start: active.end]
    # 苏平片区: an extra 五、信息处理费收取情况, problems moved to 六, no 其他事项 section
    assert keys("45_pingtan-spp_2023.txt") == [
        "preamble", "overview", "active", "requests", "review_litigation", "s5", "problems"]
    assert parsed("45_pingtan-spp_2023.txt")[2][5].heading == "五、信息处理费收取情况"


def test_sub_lists_and_missing_headings():
    """06 restarts 一、 inside 总体情况 and prints no 五、 heading: neither breaks the sequence."""
    assert keys("06_shanghai-bgt_2025.md") == [
        "preamble", "overview", "active", "requests", "review_litigation", "other"]


def test_pre2019_free_form_sections():
    assert keys("10_pingtan-syq_2015.txt") == [
        "preamble", "overview", "active", "requests", "s4", "review_litigation", "problems", "s7"]
    text, _, sections = parsed("10_pingtan-syq_2015.txt")
    assert [s.heading for s in sections[1:]] == [
        "一、 概述", "二、主动公开政府信息情况", "三、政府信息依申请公开工作情况", "四、政府信息公开的收费及减免情况",
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况", "六、主要问题和改进措施", "七、平潭综合实验区政府信息公开情况统计表"]
    assert keys("24_pingtan-syq_2012.txt")[2] == "s2"  # 二、重点领域政府信息公开情况
    assert keys("09_pingtan-dishuiju_2013.txt") == [
        "preamble", "overview", "active", "requests", "s4", "review_litigation", "s6"]


def test_text_without_headings_is_one_preamble():
    text = "本机关全年未收到政府信息公开申请。"
    assert split_sections(text, "pre2019") == [Section(key="preamble", heading="", start=0, end=len(text))]


def test_parenthesised_top_level_numbering():
    text = "前言。\n（一）总体情况\n甲。\n（二）主动公开政府信息情况\n乙。\n（三）存在的主要问题及改进情况\n丙。"
    sections = split_sections(text, "pre2019")
    assert [s.key for s in sections] == ["preamble", "overview", "active", "problems"]
    assert text[sections[2].start:].startswith("（二）主动公开政府信息情况")


def test_a_numbered_list_inside_a_section_is_not_a_section():
    text = ("一、总体情况\n全年工作如下。\n一、加强领导\n甲。\n二、完善制度\n乙。\n"
            "二、主动公开政府信息情况\n丙。\n三、工作机制保障\n丁。\n| 四、结转下年度继续办理 | 0 |\n")
    sections = split_sections(text, "2021")
    assert [(s.key, s.heading) for s in sections] == [
        ("overview", "一、总体情况"), ("active", "二、主动公开政府信息情况"), ("s3", "三、工作机制保障")]


def _unnumbered(name: str) -> tuple[str, list[Section], list[Section]]:
    """A corpus report with the numbers of its standard headings removed: (text, sections as numbered,
    sections found without numbers)."""
    text, template, numbered = parsed(name)
    plain = text
    for s in sorted((s for s in numbered if s.key in STANDARD), key=lambda s: -s.start):
        number = re.match(r"[一二三四五六七八九十]+、\s*", plain[s.start:])
        plain = plain[:s.start] + plain[s.start + number.end():]
    return plain, numbered, split_sections(plain, template)


@pytest.mark.parametrize("name", ["00_lucheng-qu_2022.txt", "01_huaian-hongzequ_2023.pdf", "04_shuyang-xian_2025.txt",
                                  "15_pingtan-syq_2020.txt", "22_shanghai-bgt_2019.html", "06_shanghai-bgt_2025.md"])
def test_unnumbered_headings_are_found_by_their_topic_words(name):
    """Issue 18: line headings ("总体情况" on its own line) and headings run into one line of crawled text;
    the preamble's list of the report's parts ("包括总体情况、主动公开…") is no heading."""
    plain, numbered, found = _unnumbered(name)
    assert [s.key for s in found] == [s.key for s in numbered]
    for s, n in zip(found[1:], numbered[1:], strict=True):
        assert plain[s.start:].startswith(s.heading) and n.heading.endswith(s.heading)


def test_unnumbered_sub_headings_and_prose_lines_are_no_sections():
    text = ("本报告依据条例编制。\n总体情况\n甲。\n（二）依申请公开方面\n乙。\n"
            "市科委政府信息依申请公开工作已形成健全的接收申请\n## 主动公开政府信息情况\n丙。\n"
            "**收到和处理政府信息公开申请情况**\n丁。")
    found = split_sections(text, "2021")
    assert [(s.key, s.heading) for s in found] == [
        ("preamble", ""), ("overview", "总体情况"), ("active", "主动公开政府信息情况"),
        ("requests", "收到和处理政府信息公开申请情况")]
