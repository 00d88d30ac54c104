"""Loading real report files of every format, and one clear LoadError for each kind of bad input."""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

import pytest

from index.errors import LoadError
from index.parse.load import LOADERS, LoadedDocument, load_file
from index.parse.normalize import normalize_text

CORPUS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus"
REPORTS = sorted((CORPUS / "reports").iterdir())
MANIFEST = {r["file"]: r for r in csv.DictReader((CORPUS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t")}


@functools.cache
def loaded(name: str) -> LoadedDocument:
    return load_file(CORPUS / "reports" / name)


def table_rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip()[1:-1].split("|")] for line in text.split("\n") if line.startswith("| ")]


# ---- the corpus --------------------------------------------------------------------------------------


def test_corpus_is_complete():
    assert len(REPORTS) == 41
    assert {p.name for p in REPORTS} == set(MANIFEST)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_every_corpus_file_loads(path):
    doc = loaded(path.name)
    assert doc.sha256 == MANIFEST[path.name]["sha256"]  # the hash is of the raw bytes
    assert doc.suffix == path.suffix and doc.file_name == path.name
    assert "信息公开" in doc.text
    assert doc.title and "报告" in doc.title
    assert normalize_text(doc.text) == doc.text  # already normalised: offsets stay valid
    assert (doc.pages != []) == (path.suffix == ".pdf")


@pytest.mark.parametrize("name", ["01_huaian-hongzequ_2023.pdf", "02_huaian-hongzequ_2024.pdf", "03_huaian-shi_2024.pdf"])
def test_pdf_pages_cover_the_text(name):
    doc = loaded(name)
    assert doc.pages[0][0] == 0 and doc.pages[-1][1] == len(doc.text)
    for (_, end), (start, _) in zip(doc.pages, doc.pages[1:], strict=False):
        assert start == end + 1  # pages joined with one newline
    assert "一、总体情况" in doc.text[slice(*doc.pages[0])]
    assert "六、其他需要报告的事项" in doc.text[slice(*doc.pages[-1])]


def test_pdf_footers_are_removed():
    for name in ("01_huaian-hongzequ_2023.pdf", "03_huaian-shi_2024.pdf"):
        assert not re.search(r"^- \d+ -$", loaded(name).text, re.MULTILINE)


def test_pdf_ruled_tables_become_rows():
    text = loaded("01_huaian-hongzequ_2023.pdf").text
    rows = table_rows(text)
    assert ["规章", "0", "0", "0"] in rows
    assert ["行政规范性文件", "0", "5", "5"] in rows
    assert ["行政事业性收费", "7730.28"] in rows
    new = next(r for r in rows if r[0] == "一、本年新收政府信息公开申请数量")
    assert new[-7:] == ["21", "0", "0", "0", "0", "0", "21"]
    # labels wrapped inside a cell are one label; the vertical group label too
    assert any("5.要求行政机关确认或重新出具已获取信息" in r for r in rows)
    assert any(r[0] == "三、本年度办理结果" and "6.属于四类过程性信息" in r for r in rows)
    # the header split across lines (商业/企业, 科研/机构) is one label per cell
    assert any(r[-7:] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"] for r in rows)
    # table 四 values as printed (the report's own totals are wrong: never our business here)
    assert ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"] in rows
    # the page frame around prose is not a table: headings stay plain lines
    assert "\n一、总体情况\n" in text and "\n五、存在的主要问题及改进情况\n" in text


def test_pdf_table_caption_rows_are_plain_lines():
    text = loaded("02_huaian-hongzequ_2024.pdf").text
    assert "\n第二十条第（一）项\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n" in text
    assert "| 行政规范性文件 | 3 | 0 | 8 |" in text


def test_html_fragment_tables_become_rows():
    doc = loaded("22_shanghai-bgt_2019.html")
    rows = table_rows(doc.text)
    new = next(r for r in rows if r[0].startswith("一、本年新收"))
    assert new[-1] == "859" and new[3] == "821"
    carried = next(r for r in rows if r[0].startswith("二、上年结转"))
    assert carried[-1] == "18" and carried[4:9] == ["", "", "", "", ""]  # &nbsp; cells are empty
    total = next(r for r in rows if "（七）总计" in r)
    assert total[-1] == "805"
    assert next(r for r in rows if r[0].startswith("四、结转下年度"))[-1] == "72"
    # rowspan: the group label is repeated into every row it spans
    assert sum(1 for r in rows if r[0] == "三、本年度办理结果") == 20  # (一) … (七), 2019 template
    # colspan: 本年新公开数量 spans two slots in the header and in the value rows
    assert ["信息内容", "本年新制作数量", "本年新公开数量", "本年新公开数量", "对外公开总数量"] in rows
    assert ["规章", "13", "13", "13", "524"] in rows
    assert ["政府集中采购", "6", "6", "251000元", "251000元"] in rows
    assert "\n第二十条第（九）项\n" in doc.text  # a full-width caption row is a plain line
    assert "《上海市贯彻<长江三角洲区域一体化发展规划纲要>实施方案》" in doc.text  # entities decoded
    assert doc.text.startswith("2019年上海市人民政府办公厅政府信息公开工作年度报告\n发布日期：2020-01-31\n")
    assert doc.published == "2020-01-31"


def _write_report_html(path: Path) -> None:
    path.write_text(
        """<html><head><title>t</title><script>var x = "信息公开 999";</script><style>p{}</style></head><body>
        <nav>首页 &gt; 政务公开</nav>
        <div class="article"><h1>某某区人民政府2022年政府信息公开工作年度报告</h1>
        <p>本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为2022年1月1日至12月31日。&lt;附表&gt;</p>
        <p>一、总体情况</p><p>全年主动公开政府信息<span>1</span><span>2</span>条。</p>
        <table><tr><td colspan="2">第二十条第（一）项</td><td>x</td></tr>
        <tr><td rowspan="2">规<span>章</span></td><td><span>1</span><span>2</span></td><td>&nbsp;</td></tr>
        <tr><td><p>3</p></td><td>本年新<br/>制作数量</td></tr></table>
        <script>document.write("<p>99</p>")</script></div>
        <footer>版权所有</footer></body></html>""",
        encoding="utf-8",
    )


def test_html_spans_entities_and_chrome(tmp_path):
    path = tmp_path / "r.html"
    _write_report_html(path)
    text = load_file(path).text
    assert text.split("\n")[0] == "某某区人民政府2022年政府信息公开工作年度报告"
    assert "全年主动公开政府信息12条。" in text  # inline spans join without spaces
    assert "<附表>" in text
    assert "| 第二十条第（一）项 | 第二十条第（一）项 | x |" in text
    assert "| 规章 | 12 |  |" in text  # number split across spans; &nbsp; cell empty
    assert "| 规章 | 3 | 本年新制作数量 |" in text  # rowspan repeated; <br> inside a cell joins
    for chrome in ("首页", "版权所有", "999", "99", "document", "var x"):
        assert chrome not in text


def test_docx_paragraphs_and_tables_in_body_order(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某某县人民政府2023年政府信息公开工作年度报告")
    d.add_paragraph("本报告根据《中华人民共和国政府信息公开条例》编制。一、总体情况")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "第二十条第（一）项"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "规章"
    t.cell(1, 1).text, t.cell(1, 2).text = "１２", "0"
    t.cell(2, 1).text, t.cell(2, 2).text = "3", "本年新\n制作数量"
    d.add_paragraph("二、主动公开政府信息情况")
    path = tmp_path / "r.docx"
    d.save(path)
    lines = load_file(path).text.split("\n")
    assert lines == [
        "某某县人民政府2023年政府信息公开工作年度报告",
        "本报告根据《中华人民共和国政府信息公开条例》编制。一、总体情况",
        "第二十条第（一）项",
        "| 规章 | 12 | 0 |",
        "| 规章 | 3 | 本年新制作数量 |",
        "二、主动公开政府信息情况",
    ]


# ---- encodings and normalisation ---------------------------------------------------------------------


@pytest.mark.parametrize("encoding,prefix", [("gbk", b""), ("gb18030", b""), ("utf-8", b"\xef\xbb\xbf"),
                                             ("utf-16-le", b"\xff\xfe"), ("utf-16-le", b""), ("utf-16-be", b"")])
def test_encodings_load_to_the_same_text(tmp_path, encoding, prefix):
    source = CORPUS / "reports" / "00_lucheng-qu_2022.txt"
    copy = tmp_path / f"copy-{encoding}-{len(prefix)}.txt"
    copy.write_bytes(prefix + source.read_text(encoding="utf-8").encode(encoding))
    assert load_file(copy).text == loaded(source.name).text


def test_normalize_text():
    s = "共收到申请１２３件，占比４５．６％，ＡＢｃ\u3000（含）“三安全一稳定”；\r\n第二行\r第三行\u200b\ufeff"
    assert normalize_text(s) == "共收到申请123件，占比45.6%，ABc （含）“三安全一稳定”；\n第二行\n第三行"
    assert normalize_text("金额1，234元，共5，6件") == "金额1,234元，共5，6件"  # only a thousands comma
    assert normalize_text("正文<!--[if !supportLists]-->一、<!--[endif]-->概述") == "正文一、概述"
    assert normalize_text("上文\n— 1 —\n| 0 | 1 |\n- 2 -\n第 3 页\n第4页 共6页\n下文") == "上文\n| 0 | 1 |\n下文"
    once = normalize_text(s)
    assert normalize_text(once) == once


def test_word_comments_removed_from_crawled_text():
    assert "<!--" not in loaded("11_pingtan-syq_2016.txt").text


def test_page_fields():
    doc = loaded("07_pingtan-xian_2011.txt")
    assert doc.title == "平潭县人民政府2011年政府信息公开工作年度报告"
    assert doc.published == "2012-04-18"
    assert doc.source_url == "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201204/t20120418_80716.htm"
    assert loaded("04_shuyang-xian_2025.txt").published == "2026-01-23"  # the date line under the title
    assert loaded("01_huaian-hongzequ_2023.pdf").title == "洪泽区人民政府2023 年政府信息公开工作年度报告"
    assert loaded("05_shanghai-kewei_2024.md").title == "2024 年上海市科委政府信息公开工作年度报告"
    assert loaded("00_lucheng-qu_2022.txt").published is None


# ---- bad input: one clear reason naming the file -----------------------------------------------------

REPORT_TEXT = (CORPUS / "reports" / "00_lucheng-qu_2022.txt").read_text(encoding="utf-8")
PDF = (CORPUS / "reports" / "01_huaian-hongzequ_2023.pdf").read_bytes()

BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "nul.txt": (b"\x00\x01binary\x00" * 200, "binary"),
    "nul-one-side.txt": (b"".join(bytes((i % 31 + 1, 0)) for i in range(600)), "binary"),  # control characters
    "utf-16-junk.txt": (REPORT_TEXT.encode("utf-16-le")[:4000] + bytes(range(256)) * 8, "binary"),
    "random.txt": (bytes(range(128, 256)) * 40, "cannot decode"),
    "wrong-encoding.txt": (REPORT_TEXT.encode("gbk") + b"\xff\xfe\xff", "cannot decode"),
    "english.txt": (b"An English document about something else entirely. " * 40, "too little Chinese"),
    "not-a-report.md": ("今天天气很好，我们去公园散步，看到很多花开了。".encode() * 20, "not a 政府信息公开 annual report"),
    "truncated.pdf": (PDF[: len(PDF) // 2], "truncated PDF"),
    "corrupt.pdf": (b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n", "corrupt PDF"),
    "fake.pdf": (b"just text pretending to be a PDF %%EOF", "not a PDF"),
    "corrupt.docx": (b"PK\x03\x04 not really a zip", "corrupt .docx"),
    "report.xyz": (b"whatever", "unsupported file type .xyz"),
    "no-chinese.html": (b"<html><body><p>hello</p><table><tr><td>1</td></tr></table></body></html>",
                        "too little Chinese"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_raises_load_error_with_reason(tmp_path, name):
    content, reason = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError) as err:
        load_file(path)
    assert reason in err.value.reason
    assert name in str(err.value) and err.value.path == str(path)


def test_missing_file(tmp_path):
    with pytest.raises(LoadError, match="file not found"):
        load_file(tmp_path / "nothing.txt")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 2**20 + 1)  # sparse: 50 MB that cost nothing to make
    with pytest.raises(LoadError, match=r"50\.0 MB, over the 50\.0 MB limit"):
        load_file(path)
    small = tmp_path / "small.txt"
    small.write_text(REPORT_TEXT, encoding="utf-8")
    with pytest.raises(LoadError, match="over the 1,000 bytes limit"):
        load_file(small, max_bytes=1000)


def test_directory_is_not_a_report(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(LoadError, match="not a regular file"):
        load_file(folder)


def test_every_suffix_has_a_loader_and_case_does_not_matter(tmp_path):
    assert set(LOADERS) == {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}
    upper = tmp_path / "REPORT.TXT"
    upper.write_text(REPORT_TEXT, encoding="utf-8")
    assert load_file(upper).suffix == ".txt"


def test_page_furniture_is_dropped_and_a_continued_table_loses_its_repeated_header():
    """Issue 18: page numbers and running headers stand between a table's rows where it crosses a page."""
    from index.parse.load import drop_page_furniture

    header = "| 信息内容 | 本年处理决定数量 |"
    pages = [
        "某某区人民政府公报\n一、总体情况\n全年工作。\n" + header + "\n| 行政许可 | 550 |\n— 1 —",
        "某某区人民政府公报\n" + header + "\n| 行政处罚 | 4119 |\n第2页 共3页",
        "某某区人民政府公报\n六、其他需要报告的事项\n本年收费 3 元。\n3",
    ]
    assert drop_page_furniture(pages) == [
        "一、总体情况\n全年工作。\n" + header + "\n| 行政许可 | 550 |",
        "| 行政处罚 | 4119 |",
        "六、其他需要报告的事项\n本年收费 3 元。",
    ]
    # a number that is no page number, and a line that recurs on too few pages, stay
    assert drop_page_furniture(["甲\n12", "乙\n页眉", "丙"]) == ["甲\n12", "乙\n页眉", "丙"]


def test_a_cell_of_a_million_spaces_is_cleaned_at_once():
    """A hostile table cell: the old \\s*\\n\\s* regex took minutes on a long run of spaces with no line break."""
    import time

    from index.parse.load import clean_cell

    start = time.perf_counter()
    assert clean_cell("本年新收" + " " * 1_000_000 + "申请\n  数量") == "本年新收申请数量"
    assert time.perf_counter() - start < 1.0
    assert clean_cell(" a \n b\t\n\n c ") == "abc" and clean_cell("政府 信息\n公开 x") == "政府信息公开 x"


def test_a_large_text_that_is_no_report_is_refused_in_little_memory(tmp_path):
    """A 12 MB Chinese text (a novel, not a report) is refused without a Python string per character: counting
    the Chinese characters with findall held 4 million one-character strings (355 MB here, 29x the file;
    98 MB now; 0.9 GB for a 30 MB file)."""
    from test_archive import refusal_within

    novel = ("春天来了，小河边的柳树发芽了，孩子们在草地上放风筝。\n" * 160_000).encode("utf-8")
    assert refusal_within(tmp_path / "novel.txt", novel, 15 * len(novel)).code == "not_a_report"
