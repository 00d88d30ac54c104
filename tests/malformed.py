"""A seeded generator of malformed report files for the bad-input tests (tests/test_malformed.py).

Every input is written under a folder at test time (nothing large is committed) and says what the ingest must do
with it: `fail` (one clear English reason), `ok` (an odd but legitimate report: it is stored) or `any` (either,
but a failure still needs a clear reason). Mutations start from the bundled corpus, so they look like reports.

    cases = generate(tmp_path / "bad", seed=9)
    summary = index.ingest_paths([p for c in cases for p in c.paths], progress=False)
"""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

CORPUS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus" / "reports"
TEXTS = ["00_lucheng-qu_2022.txt", "04_shuyang-xian_2025.txt", "17_pingtan-syq_2022.txt", "05_shanghai-kewei_2024.md"]
SMALL = "29_pingtan-xian-jyj_2012.txt"  # 12 chunks: the carrier of the odd file names, cheap to store 20 times
PDFS = ["01_huaian-hongzequ_2023.pdf", "02_huaian-hongzequ_2024.pdf", "03_huaian-shi_2024.pdf"]
HTML = "22_shanghai-bgt_2019.html"
SUFFIXES = [".txt", ".md", ".html", ".htm", ".pdf", ".docx"]
HUGE_MB = 100

Expect = Literal["fail", "ok", "any"]


@dataclass
class Case:
    kind: str
    paths: list[Path]
    expect: Expect
    note: str = ""
    names: list[str] = field(default_factory=list)


class _Writer:
    """Writes numbered files into one folder and records each as a case."""

    def __init__(self, folder: Path, rng: random.Random):
        self.folder, self.rng, self.cases, self.n = folder, rng, [], 0
        folder.mkdir(parents=True, exist_ok=True)

    def write(self, kind: str, suffix: str, data: bytes | str, expect: Expect, note: str = "",
              name: str | None = None) -> Path:
        self.n += 1
        path = self.folder / (name or f"{kind}-{self.n:03d}{suffix}")
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.cases.append(Case(kind, [path], expect, note))
        return path


def _text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def _unique(text: str, rng: random.Random) -> str:
    """The same report with one more sentence: a new content hash, so it is stored as its own version."""
    return text + f"\n本报告所列数据的统计期限为全年（批次{rng.randrange(10**9)}）。\n"


def _junk(rng: random.Random, size: int) -> bytes:
    return rng.randbytes(size)


def _zero_byte(w: _Writer) -> None:
    for suffix in SUFFIXES:
        w.write("empty", suffix, b"", "fail")
    for suffix, data in ((".txt", "   \n\t\n  "), (".txt", "\ufeff"), (".md", "\n" * 1000), (".html", "<html></html>"),
                         (".html", "<!-- -->"), (".txt", "\u200b\u200b\u200b")):
        w.write("blank", suffix, data, "fail")


def _binary_junk(w: _Writer) -> None:
    rng = w.rng
    for i in range(30):
        suffix = SUFFIXES[i % len(SUFFIXES)]
        w.write("junk", suffix, _junk(rng, rng.choice([1, 7, 512, 4096, 65536, 300_000])), "fail")
    for suffix in (".txt", ".html", ".md"):  # well-known binary formats under a text name
        w.write("png-as-text", suffix, b"\x89PNG\r\n\x1a\n" + _junk(rng, 2048), "fail")
        w.write("gzip-as-text", suffix, b"\x1f\x8b\x08\x00" + _junk(rng, 2048), "fail")
        w.write("elf-as-text", suffix, b"\x7fELF\x02\x01\x01" + b"\x00" * 64 + _junk(rng, 1024), "fail")


def _pdfs(w: _Writer) -> None:
    rng = w.rng
    for name in PDFS:
        raw = (CORPUS / name).read_bytes()
        for frac in (0.0005, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999):  # truncated: the end marker is gone
            w.write("pdf-truncated", ".pdf", raw[:max(8, int(len(raw) * frac))], "fail")
        cut = raw[:int(len(raw) * rng.uniform(0.2, 0.8))] + b"\n%%EOF\n"  # truncated, a false end marker added
        w.write("pdf-truncated-eof", ".pdf", cut, "any")
        if name == PDFS[0]:
            continue  # the slowest to parse: its truncations are enough
        data = bytearray(raw)  # bytes flipped inside: the parser may recover or not
        start = rng.randrange(len(raw) // 4, len(raw) // 2)
        data[start:start + 4096] = rng.randbytes(4096)
        w.write("pdf-corrupt", ".pdf", bytes(data), "any")
    for body in (b"", b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj", _junk(rng, 5000),
                 b"trailer << /Root 1 0 R /Size 99999999999 >>\nstartxref\n999999999"):
        w.write("pdf-hollow", ".pdf", b"%PDF-1.7\n" + body + b"\n%%EOF\n", "fail")
    w.write("pdf-text", ".pdf", "%PDF-1.4\n" + _text(TEXTS[0]) + "\n%%EOF", "fail", "report text behind a PDF header")
    w.write("pdf-bomb", ".pdf", pdf_bomb(300), "fail", "a content stream inflating to 300 MB")
    w.write("html-as-pdf", ".pdf", (CORPUS / HTML).read_bytes(), "fail")


def _huge(w: _Writer) -> None:
    """A 100 MB text report: the size limit refuses it from its size, before reading it."""
    path = w.write("huge", ".txt", b"", "fail", f"{HUGE_MB} MB")
    block = (_text(TEXTS[0]) * 4).encode("utf-8")
    with path.open("wb") as f:
        while f.tell() < HUGE_MB * 2**20:
            f.write(block)


def _nested_html(w: _Writer) -> None:
    report = _text(TEXTS[0])
    body = "".join(f"<p>{line}</p>" for line in report.splitlines())
    for depth, tag in ((1000, "div"), (5000, "span"), (3000, "table"), (20000, "i")):
        if tag == "table":
            opening, closing = "<table><tr><td>" * depth, "</td></tr></table>" * depth
        else:
            opening, closing = f"<{tag}>" * depth, f"</{tag}>" * depth
        w.write("html-nested", ".html", f"<html><body>{opening}{body}{closing}</body></html>", "any", f"{tag} x{depth}")
    w.write("html-unclosed", ".html", "<div>" * 10000 + body, "any", "10000 unclosed divs")
    w.write("html-script-only", ".html", "<html><script>" + "var a='信息公开';" * 2000 + "</script></html>", "fail")
    wide = "<table><tr>" + "".join(f"<td colspan='1000'>{i}</td>" for i in range(300)) + "</tr></table>"
    w.write("html-wide-table", ".html", f"<html><body>{wide}{body}</body></html>", "any", "300 cells x colspan 1000")
    tall = "<table>" + "<tr><td rowspan='100000'>1</td><td>2</td></tr>" * 200 + "</table>"
    w.write("html-tall-table", ".html", f"<html><body>{body}{tall}</body></html>", "any", "200 rows with huge rowspans")
    w.write("html-entities", ".html", "<p>" + "&#x0;&#xD800;&#99999999;&amp;&nbsp;" * 500 + body + "</p>", "any")


def _encodings(w: _Writer) -> None:
    rng = w.rng
    for i, name in enumerate(TEXTS):
        text = _unique(_text(name), rng)
        suffix = Path(name).suffix
        if i % 2 == 0:  # the legitimate encodings, on half the texts (each one is a full ingest)
            w.write("gbk", suffix, text.encode("gb18030"), "ok", "GB18030 is how many reports are saved")
            w.write("utf8-bom", suffix, b"\xef\xbb\xbf" + _unique(text, rng).encode("utf-8"), "ok")
            w.write("utf16-bom", suffix, _unique(text, rng).encode("utf-16"), "ok")
        w.write("utf16-no-bom", suffix, text.encode("utf-16-le" if i % 2 else "utf-16-be"), "ok")
        w.write("utf32", suffix, text.encode("utf-32"), "any")
        w.write("big5", suffix, text.encode("big5", errors="replace"), "any")
        w.write("shift-jis", suffix, text.encode("shift_jis", errors="replace"), "any")
        w.write("mojibake", suffix, text.encode("utf-8").decode("latin-1").encode("utf-8"), "any")
        w.write("cp500", suffix, text.encode("cp500", errors="replace"), "fail")
        data = bytearray(text.encode("utf-8"))
        for _ in range(50):  # stray invalid bytes in otherwise good UTF-8
            data[rng.randrange(len(data))] = rng.choice([0x80, 0xC0, 0xFE, 0xFF])
        w.write("bad-utf8", suffix, bytes(data), "any")
        w.write("bom-mismatch", suffix, b"\xff\xfe" + text.encode("utf-8")[:-1], "fail", "UTF-16 mark, UTF-8 body")
    w.write("nul-inside", ".txt", _text(TEXTS[0]).encode("utf-8").replace("。".encode(), b"\x00", 3), "fail")


_NUMBER = re.compile(r"\d+")


def _tables_gone(text: str) -> str:
    """The report with its statistics tables removed: table rows and any line carrying several numbers."""
    keep = [ln for ln in text.splitlines() if not ln.lstrip().startswith("|") and len(_NUMBER.findall(ln)) < 4]
    return "\n".join(keep)


def _letters_in_cells(text: str, rng: random.Random) -> str:
    def swap(m: re.Match) -> str:
        return rng.choice(["O", "l", "abc", "N/A", "十三", "x" * len(m.group()), "1O3", "—"]) if rng.random() < 0.5 else m.group()

    return "\n".join(_NUMBER.sub(swap, ln) if ln.lstrip().startswith("|") or len(_NUMBER.findall(ln)) >= 4 else ln
                     for ln in text.splitlines())


def _odd_reports(w: _Writer) -> None:
    """Legitimate if odd reports: every table missing, letters where numbers belong, cells cut short."""
    rng = w.rng
    for i, name in enumerate(TEXTS):
        text, suffix = _text(name), Path(name).suffix
        w.write("tables-missing", suffix, _unique(_tables_gone(text), rng), "any", "every table removed")
        w.write("letters-in-cells", suffix, _unique(_letters_in_cells(text, rng), rng), "ok")
        w.write("one-line", suffix, _unique(text.replace("\n", " "), rng), "any", "no line breaks at all")
        if i % 2:
            w.write("cut-short", suffix, text[:len(text) // 3], "any", "first third only")
            w.write("control-chars", suffix, _unique(re.sub("。", "。\x0b\x1b[31m\x07", text), rng), "any")
        else:
            w.write("doubled", suffix, _unique(text + "\n" + text, rng), "any", "the report twice in one file")
    w.write("no-report", ".txt", "这是一份普通的通知。" * 40, "fail", "Chinese, but not a report")
    w.write("english", ".txt", "Annual report on government information disclosure. " * 100, "fail")
    w.write("short", ".txt", "政府信息公开工作年度报告", "fail")
    w.write("numbers-only", ".txt", "\n".join(" ".join(str(rng.randrange(1000)) for _ in range(12)) for _ in range(200)), "fail")
    w.write("long-line", ".txt", "政府信息公开" * 50_000, "any", "300 000 characters on one line")


def _names(w: _Writer) -> None:
    """Odd file names and paths (../, Unicode, control characters, bytes that are not UTF-8) around a real report."""
    rng = w.rng
    text = _text(SMALL)
    names = ["..报告.txt", "...txt", "-rf.txt", " leading space.txt", "trailing space .txt", "报告 (1) [副本].txt",
             "%s%n{0}{}.txt", "$(echo hi).txt", "a'b\"c.txt", "\u202etxt.exe.txt", "zero\u200bwidth.txt",
             "e\u0301\u0301\u0301.txt", "🧾📄年报.txt", "ＦＵＬＬ年报.txt", "line\nbreak.txt", "tab\there.txt",
             "年" * 80 + ".txt", "CON.txt", "UPPER.TXT", "a" * 240 + ".md"]
    for name in names:
        w.write("odd-name", Path(name).suffix, _unique(text, rng), "ok", repr(name), name=name)
    sub = w.folder / "sub"
    sub.mkdir(exist_ok=True)
    (sub / "inside.txt").write_bytes(_unique(text, rng).encode("utf-8"))
    w.cases.append(Case("dotdot-path", [w.folder / "sub" / ".." / "sub" / "inside.txt"], "ok", "sub/../sub/inside.txt"))
    w.cases.append(Case("dotdot-missing", [w.folder / ".." / ".." / "no-such-report.txt"], "fail", "../../ to nowhere"))
    raw_name = os.fsencode(w.folder) + b"/\xff\xfe-not-utf8.txt"
    with open(raw_name, "wb") as f:
        f.write(_unique(text, rng).encode("utf-8"))
    w.cases.append(Case("undecodable-name", [Path(os.fsdecode(raw_name))], "ok", "file name bytes not UTF-8"))


def _not_files(w: _Writer) -> None:
    """Things with a report's name that are not regular files: a FIFO (reading it would block), dangling and
    looping links, a link to a device."""
    fifo = w.folder / "fifo.txt"
    os.mkfifo(fifo)
    dangling = w.folder / "dangling.txt"
    dangling.symlink_to(w.folder / "nowhere.txt")
    loop = w.folder / "loop.txt"
    loop.symlink_to(loop)
    device = w.folder / "zero.txt"
    device.symlink_to("/dev/zero")
    for kind, path in (("fifo", fifo), ("dangling-link", dangling), ("link-loop", loop), ("device", device)):
        w.cases.append(Case(kind, [path], "fail"))
    for suffix in (".exe", ".doc", ".pdf.exe", ""):
        w.write("unsupported", suffix, _text(TEXTS[0]), "fail", f"suffix {suffix or '(none)'}")


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


_CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       b'<Default Extension="xml" ContentType="application/xml"/>'
       b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         b'Target="word/document.xml"/></Relationships>')


def _docx(w: _Writer) -> None:
    rng = w.rng
    good = _good_docx(_unique(_text(TEXTS[0]), rng))
    w.write("docx-good", ".docx", good, "ok", "a real Word file, as a control")
    w.write("docx-junk-zip", ".docx", _zip({"junk.bin": _junk(rng, 4096), "x/y.txt": b"hello"}), "fail")
    w.write("docx-empty-zip", ".docx", _zip({}), "fail")
    w.write("docx-bad-xml", ".docx", _zip({"[Content_Types].xml": _CT, "_rels/.rels": _RELS,
                                           "word/document.xml": b"<w:document><w:body><w:p>"}), "fail")
    w.write("docx-no-document", ".docx", _zip({"[Content_Types].xml": _CT, "_rels/.rels": _RELS}), "fail")
    w.write("docx-junk-document", ".docx", _zip({"[Content_Types].xml": _CT, "_rels/.rels": _RELS,
                                                 "word/document.xml": _junk(rng, 3000)}), "fail")
    for frac in (0.1, 0.5, 0.9):
        w.write("docx-truncated", ".docx", good[:int(len(good) * frac)], "fail")
    flipped = bytearray(good)
    for j in range(len(good) // 3, len(good) // 3 + 200):
        flipped[j] = rng.randrange(256)
    w.write("docx-corrupt", ".docx", bytes(flipped), "fail")
    w.write("docx-is-text", ".docx", _text(TEXTS[0]), "fail", "plain text named .docx")
    w.write("docx-blank", ".docx", _good_docx(""), "fail", "a Word file with no text")
    bomb = _zip({"[Content_Types].xml": _CT, "_rels/.rels": _RELS, "word/document.xml": b"<" + b"a" * 20_000_000})
    w.write("docx-inflating", ".docx", bomb, "fail", "20 MB of XML in a small zip")
    w.write("docx-zip-bomb", ".docx", _zip_bomb(300), "fail", "300 MB of zeros in a small zip")
    w.write("docx-lying-bomb", ".docx", lying_zip_bomb(100), "fail", "declares 4 KB, inflates to 100 MB")


def _zip_bomb(mb: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/media/image1.png", "w", force_zip64=True) as f:
            block = bytes(2**20)
            for _ in range(mb):
                f.write(block)
    return buf.getvalue()


def lying_zip_bomb(real_mb: int, declared: int = 4096) -> bytes:
    """A real Word file whose document.xml declares `declared` bytes (local header and central directory) but
    inflates to `real_mb` MB; its CRC is the declared prefix's, so a reader stopping at the declared size sees
    a consistent member."""
    parts = zipfile.ZipFile(io.BytesIO(_good_docx("")))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in parts.namelist():
            if name != "word/document.xml":
                z.writestr(name, parts.read(name))
        with z.open("word/document.xml", "w") as f:
            block = bytes(2**20)
            for _ in range(real_mb):
                f.write(block)
    raw = bytearray(buf.getvalue())
    _patch_sizes(raw, "word/document.xml", declared, zlib.crc32(bytes(declared)))
    return bytes(raw)


def _patch_sizes(raw: bytearray, name: str, size: int, crc: int) -> None:
    """Set `name`'s uncompressed size and CRC in both its local header and its central directory entry."""
    local = zipfile.ZipFile(io.BytesIO(bytes(raw))).getinfo(name).header_offset
    raw[local + 14:local + 18] = crc.to_bytes(4, "little")
    raw[local + 22:local + 26] = size.to_bytes(4, "little")
    end = raw.rindex(b"PK\x05\x06")
    entry = int.from_bytes(raw[end + 16:end + 20], "little")  # the central directory's start
    while raw[entry + 46:entry + 46 + len(name)] != name.encode():
        entry += 46 + sum(int.from_bytes(raw[entry + k:entry + k + 2], "little") for k in (28, 30, 32))
    raw[entry + 16:entry + 20] = crc.to_bytes(4, "little")
    raw[entry + 24:entry + 28] = size.to_bytes(4, "little")


def pdf_bomb(real_mb: int) -> bytes:
    """A one-page PDF whose content stream is a line of text and then `real_mb` MB of spaces, deflated."""
    deflate = zlib.compressobj(9)
    body = deflate.compress(b"BT /F1 12 Tf 72 720 Td (report) Tj ET\n")
    body += b"".join(deflate.compress(b" " * 2**20) for _ in range(real_mb)) + deflate.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%b\nendstream" % (len(body), body)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%b\nendobj\n" % (n, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _good_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def generate(folder: Path, seed: int = 9) -> list[Case]:
    """Write every malformed input under `folder`; the same seed writes the same bytes."""
    w = _Writer(Path(folder), random.Random(seed))
    for make in (_zero_byte, _binary_junk, _pdfs, _huge, _nested_html, _encodings, _odd_reports, _names, _not_files,
                 _docx):
        make(w)
    return w.cases
