"""Files in, normalised text out: one loader per file type, one clear LoadError per unreadable file.

Tables of every format come out the same way, so the table parser reads one shape: one line per table row,
cells joined as ``| a | b | c |``; merged cells (rowspan/colspan, PDF and Word merges) repeat their text in
every slot they cover; a row that is one cell across the whole table (a caption such as 第二十条第（一）项)
is a plain line. A cell's text is joined without separators (labels wrapped inside a cell, numbers split
across tags) and the spaces between two Chinese characters are dropped.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field

from index.errors import LoadError
from index.parse.archive import check_pdf_streams, size_text, verified_zip
from index.parse.normalize import normalize_text
from index.parse.script import is_traditional, to_simplified
from index.vocabulary import AGENCY_SUFFIXES, PAGE_FIELDS, REPORT_MARKERS, REQUEST_ROWS, TABLE_NAMES

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 2**20
DOCX_MAX_UNZIPPED = 256 * 2**20  # a report's Word file unpacks to a few MB; more is a zip bomb
PDF_MAX_INFLATED = 256 * 2**20  # the bundled report PDFs inflate to 5x their size; 50 MB x 5 is about this
MIN_CJK = 50  # fewer Chinese characters than this cannot be a report
MIN_CJK_SHARE = 0.3  # of the non-space characters; real reports are 0.59-0.82 in the corpus

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_WIDE = _CJK + "\u3000-\u303f\uff00-\uffef\u2018-\u201d"  # with Chinese punctuation
_CJK_RE = re.compile(f"[{_CJK}]")
_CJK_WIDE_RE = re.compile(f"[{_CJK_WIDE}]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_SAMPLE = 200_000  # characters enough to judge an encoding
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK_WIDE}])\\s+(?=[{_CJK_WIDE}])")


class LoadedDocument(BaseModel):
    """One file's normalised text and what the file itself says about it."""

    path: str
    file_name: str
    suffix: str
    sha256: str  # of the raw bytes
    text: str
    pages: list[tuple[int, int]] = Field(default_factory=list)  # [start, end) of each PDF page in text
    ocr_pages: list[int] = Field(default_factory=list)  # 1-based PDF pages read by OCR (no text layer)
    ocr_spans: list[tuple[int, int, float]] = Field(default_factory=list)  # OCR'd cells/lines: start, end, confidence
    title: str = ""
    published: str | None = None  # ISO date
    source_url: str | None = None


# ---- shared helpers ---------------------------------------------------------------------------------


def clean_cell(text: str) -> str:
    """A table cell as one label: internal line breaks joined, spaces between Chinese characters dropped.
    Lines are stripped one by one: the regex \\s*\\n\\s* is quadratic on a long run of spaces (a hostile cell)."""
    text = "".join(line.strip() for line in text.strip().split("\n"))
    text = _SPACE_BETWEEN_CJK.sub("", text)
    return re.sub(r"\s+", " ", text)


def format_rows(grid: list[list[tuple[object, str]]]) -> list[str]:
    """Rows of (cell identity, text) slots -> lines. A row that is one cell across the table is a caption."""
    lines = []
    for row in grid:
        if not row:
            continue
        first = row[0][0]
        if all(ident is first for ident, _ in row):
            if row[0][1]:
                lines.append(row[0][1])
        else:
            lines.append("| " + " | ".join(text for _, text in row) + " |")
    return lines


def decode_bytes(raw: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with or without BOM), GBK/GB18030; charset-normalizer only as a
    fallback."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError as e:
                raise LoadError(path, f"starts with a {enc} byte-order mark but is not valid {enc}", "bad_bom", encoding=enc) from e
    if b"\x00" in raw[:65536]:
        text = _utf16_without_bom(raw)
        if text is None:
            raise LoadError(path, "binary content (NUL bytes), not a text report", "binary")
        log.info("%s: decoded as UTF-16 without a byte-order mark", path)
        return text
    for enc in ("utf-8", "gb18030"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_chinese(text) and (enc == "utf-8" or _common_gb_share(text) >= 0.9):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is not None and _looks_chinese(str(best)):
        log.info("%s: decoded as %s (charset-normalizer)", path, best.encoding)
        return str(best)
    raise LoadError(path, "cannot decode the text: not UTF-8 or GBK/GB18030, and no encoding yields Chinese text",
                    "undecodable")


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff]")


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark, else None. Its ASCII characters (digits, line breaks) put their
    NUL byte on one side of each pair (the odd bytes: little-endian), a binary's NULs fall on both sides; the
    side names the byte order, and a strict decode that gives Chinese text without control characters decides."""
    if len(raw) % 2:
        return None
    sample = raw[:65536]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < 2 * min(even, odd):  # a CJK character can have a NUL byte too (一 is U+4E00): not all
        return None
    try:
        text = raw.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    return text if not _CONTROL_RE.search(text) and _looks_chinese(text) else None


def _common_gb_share(text: str) -> float:
    """Share of the Chinese characters in GB2312 (the 6763 common ones): every corpus report is at 1.0,
    other encodings read as GBK (UTF-8, Big5) land near 0.35."""
    cjk = _CJK_RE.findall(text[:_SAMPLE])
    return sum(1 for c in cjk if len(c.encode("gb2312", errors="ignore")) == 2) / len(cjk) if cjk else 1.0


def _looks_chinese(text: str) -> bool:
    """Right decodings of a Chinese report give mostly CJK among the non-ASCII characters; wrong ones don't."""
    non_ascii = count_matches(_NON_ASCII_RE, text)
    return not non_ascii or count_matches(_CJK_WIDE_RE, text) / non_ascii >= 0.8


def count_matches(pattern: re.Pattern, text: str) -> int:
    """How many characters the one-character pattern matches, without findall's list of one string per match
    (a 30 MB Chinese text made 10 million of them: 0.9 GB to refuse a file that is no report)."""
    return len(text) - len(pattern.sub("", text))


# ---- .txt / .md -------------------------------------------------------------------------------------


def load_text_file(raw: bytes, path: str) -> list[str]:
    return [decode_bytes(raw, path)]


# ---- .html / .htm -----------------------------------------------------------------------------------

_DROP_TAGS = {"script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
              "select", "option", "iframe", "object", "svg", "canvas", "head", "title", "meta", "link"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
               "dl", "dt", "dd", "blockquote", "pre", "center", "address", "figure", "figcaption", "caption",
               "hr", "body", "html", "tbody", "thead", "tfoot", "tr", "td", "th"}
_BREAK = "\ue000"  # block boundary marker while walking the tree (a private-use character)


def load_html_file(raw: bytes, path: str) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_bytes(raw, path), "lxml")
    parts: list[str] = []
    _walk_html(soup, parts)
    lines = []
    for line in "".join(parts).split(_BREAK):
        if not line.startswith("| "):  # table rows come formatted
            line = _SPACE_BETWEEN_CJK.sub("", re.sub(r"\s+", " ", line)).strip()
        if line:
            lines.append(line)
    return ["\n".join(lines)]


def _walk_html(root, out: list[str]) -> None:
    """Text and formatted tables in document order. An explicit stack, not recursion: a page nested
    thousands of tags deep is still read (hostile or generated HTML does that)."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    holders = set()  # tables holding tables (page layout); found bottom-up, as bs4's find() per table is quadratic
    for table in root.find_all("table"):
        up = table.parent
        while up is not None and up.name != "table":
            up = up.parent
        if up is not None:
            holders.add(id(up))
    stack = [(iter(root.children), "")]  # (children still to visit, text to add once they are done)
    while stack:
        children, closing = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            out.append(closing)
            continue
        if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            out.append(str(child))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name in _DROP_TAGS:
                continue
            if name == "br":
                out.append(_BREAK)
            elif name == "table" and id(child) not in holders:
                out.append(_BREAK)
                out.extend(line + _BREAK for line in format_rows(_html_grid(child)))
            elif name in _BLOCK_TAGS or name == "table":  # a table holding tables is page layout
                out.append(_BREAK)
                stack.append((iter(child.children), _BREAK))
            else:
                stack.append((iter(child.children), ""))


def _html_grid(table) -> list[list[tuple[object, str]]]:
    """Rows of the table with rowspan/colspan expanded: each covered slot repeats its cell."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    grid: dict[tuple[int, int], tuple[object, str]] = {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in grid:
                c += 1
            text = clean_cell("".join(s for s in cell.stripped_strings))
            rowspan, colspan = _span(cell.get("rowspan")), _span(cell.get("colspan"))
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = (cell, text)
            c += colspan
    if not grid:
        return []
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c), (None, "")) for c in range(width)] for r in range(len(rows))]


def _span(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 100))
    except (TypeError, ValueError):
        return 1


# ---- .pdf -------------------------------------------------------------------------------------------


def load_pdf_file(raw: bytes, path: str) -> list[str]:
    if b"%PDF-" not in raw[:1024]:
        raise LoadError(path, "not a PDF file (no %PDF header)", "not_pdf")
    if b"%%EOF" not in raw[-2048:]:
        raise LoadError(path, "truncated PDF (no %%EOF marker at the end)", "truncated_pdf")
    check_pdf_streams(raw, path, PDF_MAX_INFLATED)
    import pdfplumber

    from index.parse import ocr

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            pages = [ocr.ocr_page(page) if not page.chars and page.images and ocr.available() else _pdf_page_text(page)
                     for page in pdf.pages]
    except LoadError:
        raise
    except Exception as e:  # pdfminer raises many unrelated types for damaged files: the detail goes to the log
        log.info("%s: pdfminer could not read it: %r", path, e)
        raise LoadError(path, "corrupt PDF: its structure cannot be read (truncated or damaged)", "corrupt_pdf") from e
    if not any(p.strip() for p in pages):
        if ocr.available():
            raise LoadError(path, "the PDF has no text layer (a scan?) and no text was read from its pages", "scan_unread")
        raise LoadError(path, "the PDF has no text layer (a scan?); install the OCR extra (nianbao[ocr]) to read it",
                        "scan_needs_ocr")
    kept = drop_page_furniture(pages)
    return [ocr.OcrText(p.lines, k) if isinstance(p, ocr.OcrText) else k for p, k in zip(pages, kept, strict=True)]


_PAGE_NUMBER = re.compile(r"^[-—–－~\s]*(?:第\s*)?(\d{1,4})\s*(?:页)?(?:\s*[,，/]?\s*共\s*\d+\s*页|\s*/\s*\d+)?[-—–－~\s]*$")
_EDGE = 2  # lines at the top and at the bottom of a page where page furniture stands


def drop_page_furniture(pages: list[str]) -> list[str]:
    """Pages without their furniture, so that a table or a sentence running on over a page break reads as
    one: page numbers ("— 3 —", "第3页 共5页", "3/5", a bare "3" on page 3) and running headers or footers
    (an edge line that recurs, digits aside, on at least half of three or more pages); a table continued
    on the next page loses the header rows it repeats there."""
    lines = [p.split("\n") for p in pages]
    edges: dict[str, int] = {}
    for page in lines:
        body = [ln for ln in page if ln.strip()]
        for ln in {_shape(x) for x in body[:_EDGE] + body[-_EDGE:] if not x.lstrip().startswith("|")}:
            edges[ln] = edges.get(ln, 0) + 1
    running = {ln for ln, n in edges.items() if len(pages) >= 3 and n >= max(2, len(pages) / 2)}
    out: list[list[str]] = []
    for i, page in enumerate(lines):
        def furniture(line: str, number: int = i + 1) -> bool:
            m = _PAGE_NUMBER.match(line)
            decorated = m and line.strip() != m.group(1)
            return bool(m and (decorated or int(m.group(1)) in (number, number - 1))) or _shape(line) in running

        filled = [j for j, ln in enumerate(page) if ln.strip()]
        drop = {j for j in filled[:_EDGE] + filled[-_EDGE:] if furniture(page[j])}
        page = [ln for j, ln in enumerate(page) if j not in drop]
        prev = [ln for ln in out[-1] if ln.strip()] if out else []
        first = next((j for j, ln in enumerate(page) if ln.strip()), None)
        if prev and first is not None and page[first].startswith("|") and prev[-1].startswith("|"):
            del page[first:first + _repeated_header(prev, page[first:])]
        out.append(page)
    return ["\n".join(page) for page in out]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip())


def _repeated_header(before: list[str], page: list[str]) -> int:
    """How many of the page's first rows repeat the header rows of the table the previous page ends in."""
    start = len(before)
    while start and before[start - 1].startswith("|"):
        start -= 1
    n = 0
    while n < len(page) and start + n < len(before) and page[n] == before[start + n] and not re.search(r"\d", page[n]):
        n += 1
    return n


def _pdf_page_text(page) -> str:
    """Page text in reading order, with each ruled table's rows as `| … |` lines in place of its text."""
    blocks: list[tuple[float, int, str]] = []  # (top, order, line)
    regions = []
    for n, table in enumerate(page.find_tables()):
        found = _pdf_table_rows(table)
        if found is None:
            continue
        (x0, top, x1, bottom), lines = found
        regions.append((x0, top, x1, bottom))
        blocks.extend((top, 1000 * (n + 1) + i, line) for i, line in enumerate(lines))
    for i, line in enumerate(page.extract_text_lines()):
        mid = (line["top"] + line["bottom"]) / 2
        inside = any(t <= mid <= b and line["x0"] < x1 and line["x1"] > x0 for x0, t, x1, b in regions)
        if not inside:
            blocks.append((line["top"], i, line["text"]))
    blocks.sort(key=lambda b: (round(b[0], 1), b[1]))
    return "\n".join(text for _, _, text in blocks)


def _pdf_table_rows(table) -> tuple[tuple[float, float, float, float], list[str]] | None:
    """The table's data rows (first to last row with two or more cells) as lines, and their region.

    A page frame drawn around prose is found as a one-column table: it has no such rows and is skipped."""
    cells = table.cells
    xs = sorted({c[0] for c in cells})  # pdfplumber's own columns and rows: exact edges
    tops = sorted({c[1] for c in cells})
    texts = table.extract()
    grid: dict[tuple[int, int], tuple[object, str]] = {}
    starts = [0] * len(tops)  # cells starting in each row
    for cell in cells:
        x0, top, x1, bottom = cell
        r, c = tops.index(top), xs.index(x0)
        raw = texts[r][c] if r < len(texts) and c < len(texts[r]) else None
        text = clean_cell(raw or "")
        starts[r] += 1
        ident = object()
        for rr, y in enumerate(tops):
            if top <= y < bottom - 0.5:
                for cc, x in enumerate(xs):
                    if x0 <= x < x1 - 0.5:
                        grid[(rr, cc)] = (ident, text)
    data_rows = [r for r, n in enumerate(starts) if n >= 2]
    if not data_rows:
        return None
    first, last = data_rows[0], data_rows[-1]
    rows = [[grid.get((r, c), (None, "")) for c in range(len(xs))] for r in range(first, last + 1)]
    bottom = max(c[3] for c in cells if first <= tops.index(c[1]) <= last)
    return (table.bbox[0], tops[first], table.bbox[2], bottom), format_rows(rows)


# ---- .docx ------------------------------------------------------------------------------------------


def load_docx_file(raw: bytes, path: str) -> list[str]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    verified = verified_zip(raw, path, DOCX_MAX_UNZIPPED, ".docx")  # python-docx reads only checked bytes
    try:
        document = docx.Document(io.BytesIO(verified))
    except Exception as e:  # zipfile, lxml and python-docx each raise their own types: the detail goes to the log
        log.info("%s: python-docx could not read it: %r", path, e)
        raise LoadError(path, _docx_problem(e), "corrupt_docx") from e
    lines = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            grid = [[(cell._tc, clean_cell(cell.text)) for cell in row.cells] for row in table.rows]
            lines.extend(format_rows(grid))
    return ["\n".join(lines)]


def _docx_problem(e: Exception) -> str:
    if isinstance(e, zipfile.BadZipFile):
        return "corrupt .docx: a part of the archive is damaged"
    if type(e).__name__ == "XMLSyntaxError":
        return "corrupt .docx: its document XML cannot be read"
    if isinstance(e, KeyError):
        return "corrupt .docx: the archive lacks the parts of a Word document"
    return "corrupt .docx: it cannot be read as a Word document"


# ---- the file type table and the entry point --------------------------------------------------------

LOADERS: dict[str, Callable[[bytes, str], list[str]]] = {
    ".txt": load_text_file,
    ".md": load_text_file,
    ".html": load_html_file,
    ".htm": load_html_file,
    ".pdf": load_pdf_file,
    ".docx": load_docx_file,
}


def load_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedDocument:
    """Read one report file into normalised text. Raises LoadError naming the file and the reason."""
    p = Path(path)
    name = str(path)
    suffix = p.suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None:
        raise LoadError(name, f"unsupported file type {suffix or '(no suffix)'}; accepted: {', '.join(LOADERS)}",
                        "unsupported_type", suffix=suffix, accepted=list(LOADERS))
    if not p.exists():
        raise LoadError(name, "file not found", "not_found")
    if not p.is_file():
        raise LoadError(name, "not a regular file", "not_regular")
    size = p.stat().st_size
    if size == 0:
        raise LoadError(name, "the file is empty", "empty")
    if size > max_bytes:
        raise LoadError(name, f"the file is {size_text(size)}, over the {size_text(max_bytes)} limit", "too_big",
                        size=size_text(size), limit=size_text(max_bytes))
    raw = p.read_bytes()
    read = loader(raw, name)
    if is_traditional("".join(read)):  # before anything matches a label; a simplified report is left as it is
        log.info("%s: in traditional characters, read as simplified", name)
        read = [to_simplified(part) for part in read]
    parts = [normalize_text(part) for part in read]
    text = "\n".join(parts)
    _check_report_text(text, name)
    pages = _page_offsets(parts) if suffix == ".pdf" else []
    scanned = [i + 1 for i, part in enumerate(read) if hasattr(part, "lines")]
    if scanned:
        from index.parse.ocr import confidences

        log.info("%s: pages %s read by OCR", name, scanned)
    fields = find_page_fields(text)
    return LoadedDocument(
        path=name, file_name=p.name, suffix=suffix, sha256=hashlib.sha256(raw).hexdigest(), text=text,
        pages=pages, ocr_pages=scanned, ocr_spans=confidences(text, pages, read) if scanned else [],
        title=fields.get("title", ""), published=fields.get("published"),
        source_url=fields.get("source_url"),
    )


def _page_offsets(parts: list[str]) -> list[tuple[int, int]]:
    offsets, pos = [], 0
    for part in parts:
        offsets.append((pos, pos + len(part)))
        pos += len(part) + 1
    return offsets


def _check_report_text(text: str, path: str) -> None:
    if not text.strip():
        raise LoadError(path, "no text in the file", "no_text")
    cjk = count_matches(_CJK_RE, text)
    visible = len(re.sub(r"\s", "", text))
    if cjk < MIN_CJK or cjk / visible < MIN_CJK_SHARE:
        raise LoadError(path, f"too little Chinese text to be a report ({cjk} CJK characters of {visible})", "too_little_chinese",
                        cjk=cjk, visible=visible)
    if not any(m in text for m in REPORT_MARKERS) and not any(k in text for k in _table_keywords()):
        raise LoadError(path, "not a 政府信息公开 annual report: no 信息公开 and no statistics-table labels", "not_a_report")


def _table_keywords() -> list[str]:
    return list(TABLE_NAMES.values()) + [a for r in REQUEST_ROWS for a in r.aliases]


# ---- what the page itself says: title, publication date, source URL -------------------------------

_HEAD_LINES, _HEAD_CHARS = 40, 3000  # page fields and titles stand at the top
_DATE = r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"


def find_page_fields(text: str) -> dict[str, str]:
    """Title, ISO publication date and source URL from the labelled fields and the top of the text."""
    head_lines = [ln.strip() for ln in text[:_HEAD_CHARS].split("\n", _HEAD_LINES)[:_HEAD_LINES]]
    head = "\n".join(head_lines)
    fields: dict[str, str] = {}
    title = _labelled(head, PAGE_FIELDS["title"], r"([^\n]+)") or find_title(head_lines)
    if title:
        fields["title"] = title
    for label in PAGE_FIELDS["published"]:
        m = re.search(rf"(?<!统计){label}\s*[:：]\s*{_DATE}", head)
        if m and (iso := _iso_date(*m.groups())):
            fields["published"] = iso
            break
    else:
        for line in head_lines[:12]:
            m = re.fullmatch(rf"[（(]?{_DATE}日?[)）]?", line)
            if m and (iso := _iso_date(*m.groups())):
                fields["published"] = iso
                break
    url = _labelled(head, PAGE_FIELDS["source_url"], r"(https?://[^\s<>\"'）)]+)")
    if url:
        fields["source_url"] = url
    return fields


def _labelled(head: str, labels: tuple[str, ...], value: str) -> str | None:
    for label in labels:
        m = re.search(rf"^{label}\s*[:：]\s*{value}", head, re.MULTILINE)
        if m and m.group(1).strip():
            return m.group(1).strip()
    return None


def _iso_date(y: str, m: str, d: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


_TITLE_END = re.compile(r"(?:信息公开|政务公开).{0,8}报告$")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
_SENTENCE_PUNCT = re.compile(r"[，。；：:！？,;]")


def find_title(lines: list[str]) -> str:
    """The report title among the first lines: a line ending in …信息公开…报告, joined with the line(s)
    before it when the title wraps ("2024 年上海市科委政府信息公开工作" / "年度报告") or the agency
    stands on its own line above ("洪泽区人民政府" / "2023 年政府信息公开工作年度报告")."""
    for j, line in enumerate(lines):
        core = line.lstrip("#").strip()
        if not core.endswith("报告") or len(core) > 80 or _SENTENCE_PUNCT.search(core):
            continue
        parts = [core]
        while not _TITLE_END.search(_joined(parts)) and len(parts) < 3 and _title_line(lines, j - len(parts)):
            parts.insert(0, _title_line(lines, j - len(parts)))
        if not _TITLE_END.search(_joined(parts)):
            continue
        above = _title_line(lines, j - len(parts))
        if above and len(parts) < 3 and (not _YEAR.search(_joined(parts)) or (
                above.endswith(AGENCY_SUFFIXES) and not _YEAR.search(above))):
            parts.insert(0, above)
        return "".join(parts)
    return ""


def _joined(parts: list[str]) -> str:
    return re.sub(r"\s", "", "".join(parts))


def _title_line(lines: list[str], i: int) -> str:
    """Line i if it can be part of a title (short, no sentence punctuation), else ""."""
    if i < 0:
        return ""
    line = lines[i].lstrip("#").strip()
    return line if line and len(line) <= 30 and not _SENTENCE_PUNCT.search(line) else ""
