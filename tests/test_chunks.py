"""Chunking: exact offsets into the report text, whole sentences inside one section, table digits kept
out of the narrative, one readable sentence per table row, content-hash ids."""

from __future__ import annotations

import pytest

from index.models import Cell, Report, ReportMeta, Section
from index.stores.chunks import MAX_CHARS, chunk_report, index_text
from index.vocabulary import cell_labels


def _by_file(reports, prefix):
    return next(r for r in reports if r.file_name.startswith(prefix))


def test_text_chunks_quote_the_report_exactly(parsed_reports):
    for r in parsed_reports:
        chunks = chunk_report(r)
        assert chunks, r.file_name
        for c in chunks:
            assert (c.report_id, c.agency, c.year, c.template) == (r.id, r.meta.agency, r.meta.year, r.meta.template)
            if c.kind == "text":
                assert r.text[c.start:c.end] == c.text, (r.file_name, c.start)
                assert len(c.text) <= MAX_CHARS
                assert c.text == c.text.strip()


def test_text_chunks_stay_inside_one_section(parsed_reports):
    for r in parsed_reports:
        spans = {s.key: (s.start, s.end) for s in r.sections}
        for c in chunk_report(r):
            if c.kind == "text" and c.section in spans:
                a, b = spans[c.section]
                assert a <= c.start and c.end <= b, (r.file_name, c.section, c.start)


def test_table_cells_are_not_chunked_as_raw_digits(parsed_reports):
    for r in parsed_reports:
        cells = [(x.start, x.end) for x in r.cells if x.start is not None]
        for c in chunk_report(r):
            if c.kind == "text":
                assert not any(c.start <= a and b <= c.end for a, b in cells), (r.file_name, c.text[:60])


def test_every_table_row_becomes_one_labelled_sentence(parsed_reports):
    r = _by_file(parsed_reports, "00_lucheng")
    rows = [c for c in chunk_report(r) if c.kind == "table_row"]
    assert len(rows) == len({(x.table, cell_labels(x.table, x.row, x.column)[0]) for x in r.cells})
    new = next(c for c in rows if "本年新收" in c.text)
    assert new.text == ("2022年 温州市鹿城区人民政府办公室 收到和处理政府信息公开申请情况 "
                        "一、本年新收政府信息公开申请数量：自然人91件，商业企业12件，其他10件，总计113件")
    assert new.section == "requests"
    cells = [x for x in r.cells if x.table == "requests" and x.row == "new_received" and x.start is not None]
    assert (new.start, new.end) == (min(x.start for x in cells), max(x.end for x in cells))
    normative = next(c for c in rows if "行政规范性文件" in c.text)
    assert "本年制发件数32" in normative.text and "本年废止件数10" in normative.text and "现行有效件数153" in normative.text
    review = next(c for c in rows if "行政复议：" in c.text)
    assert "其他结果1件" in review.text and "总计1件" in review.text


def test_pre2019_report_without_tables_is_all_narrative(parsed_reports):
    r = _by_file(parsed_reports, "07_pingtan-xian_2011")
    chunks = chunk_report(r)
    assert {c.kind for c in chunks} == {"text"}
    assert any("公众查阅点利用率不高" in c.text for c in chunks)


def test_ids_are_content_hashes(parsed_reports):
    r = _by_file(parsed_reports, "18_pingtan-syq_2023")
    first, again = chunk_report(r), chunk_report(r.model_copy(deep=True))
    assert [c.id for c in first] == [c.id for c in again]
    assert len({c.id for c in first}) == len(first)
    changed = r.model_copy(update={"id": "another-report"})
    assert not {c.id for c in first} & {c.id for c in chunk_report(changed)}


def _report(text: str, sections: list[Section], cells: list[Cell] | None = None) -> Report:
    return Report(id="r1", file_name="t.txt", file_sha256="0", text=text, sections=sections, cells=cells or [],
                  meta=ReportMeta(agency="测试局", year=2023, template="2021"))


def test_windows_are_whole_sentences_with_one_sentence_overlap():
    sentences = [f"第{i}句话讲的是政府信息公开工作的一个具体方面，内容比较充实，长度大约五十个汉字左右吧。" for i in range(12)]
    body = "".join(sentences)
    text = "五、存在的主要问题及改进情况\n" + body
    r = _report(text, [Section(key="problems", heading="五、存在的主要问题及改进情况", start=0, end=len(text))])
    chunks = chunk_report(r)
    assert len(chunks) >= 3
    for c in chunks:
        assert c.text.endswith("。") and 0 < len(c.text) <= MAX_CHARS
    for a, b in zip(chunks, chunks[1:], strict=False):
        assert b.start < a.end  # consecutive windows share the boundary sentence
        assert r.text[b.start:a.end].endswith("。")
    assert chunks[-1].end == len(text)


def test_a_sentence_longer_than_a_window_is_cut_at_commas():
    long = "，".join(f"第{i}项措施加强了政务公开平台建设" for i in range(40)) + "。"
    r = _report(long, [Section(key="overview", heading="一、总体情况", start=0, end=len(long))])
    chunks = chunk_report(r)
    assert len(chunks) > 1 and all(len(c.text) <= MAX_CHARS for c in chunks)
    assert all(r.text[c.start:c.end] == c.text for c in chunks)


def test_hand_made_table_region_is_replaced_by_row_sentences():
    narrative = "三、收到和处理政府信息公开申请情况\n本年度收到申请的情况如下表。\n"
    table = "一、本年新收政府信息公开申请数量 5 0 0 0 0 1 6\n"
    text = narrative + table + "以上申请均已按时办结。"
    first = text.index(" 5") + 1
    cells = [Cell(table="requests", row="new_received", column=col, value=v, raw=str(v), start=s, end=s + 1)
             for col, v, s in (("natural_person", 5, first), ("other_org", 1, first + 10), ("total", 6, first + 12))]
    assert [text[c.start:c.end] for c in cells] == ["5", "1", "6"]
    r = _report(text, [Section(key="requests", heading="三、收到和处理政府信息公开申请情况", start=0, end=len(text))], cells)
    chunks = chunk_report(r)
    texts = [c.text for c in chunks if c.kind == "text"]
    assert texts and not any(" 5 0 0" in t for t in texts)
    assert any("按时办结" in t for t in texts)
    (row,) = [c for c in chunks if c.kind == "table_row"]
    assert row.text == "2023年 测试局 收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量：自然人5件，其他1件，总计6件"
    assert (row.start, row.end) == (cells[0].start, cells[-1].end)


@pytest.mark.parametrize("text", ["", "   \n  ", "| 1 | 2 | 3 |"])
def test_empty_or_digit_only_text_gives_no_chunks(text):
    r = _report(text, [Section(key="overview", heading="", start=0, end=len(text))])
    assert chunk_report(r) == []


def test_index_text_names_report_and_section(parsed_reports):
    r = _by_file(parsed_reports, "18_pingtan-syq_2023")
    chunks = chunk_report(r)
    problem = next(c for c in chunks if c.kind == "text" and c.section == "problems")
    assert index_text(problem) == f"2023年 平潭综合实验区管委会 存在的主要问题及改进情况：{problem.text}"
    row = next(c for c in chunks if c.kind == "table_row")
    assert index_text(row) == row.text  # a row sentence names its report and table already
