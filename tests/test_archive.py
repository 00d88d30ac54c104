"""Compressed containers read by the bytes that actually inflate, not by what they declare: a .docx zip bomb
whose directory lies about its sizes is refused after a few MB of work, python-docx reads only the verified
bytes, and a PDF whose streams inflate past the limit is refused before pdfminer inflates them. The bombs are built at test time (tests/malformed.py): real deflate streams, declared sizes patched down."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
import zlib

import pytest
from malformed import lying_zip_bomb, pdf_bomb

from index.errors import LoadError
from index.parse.archive import MAX_DIRECTORY_BYTES, verified_zip
from index.parse.load import load_file

BOMB_MB = 300  # what the lying member really inflates to
DECLARED = 4096  # what its local header and central directory say


def refused_cheaply(path, data: bytes) -> str:
    """load_file's reason for refusing `data`, asserting it allocated under 16 MB on the way."""
    return refusal_within(path, data, 16 * 2**20).reason


def refusal_within(path, data: bytes, limit: int) -> LoadError:
    """load_file's LoadError for `data`, asserting it allocated under `limit` bytes on the way."""
    path.write_bytes(data)
    tracemalloc.start()
    try:
        with pytest.raises(LoadError) as caught:
            load_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < limit, f"{peak / 2**20:.0f} MB allocated reading a {len(data):,}-byte upload"
    return caught.value


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return lying_zip_bomb(BOMB_MB, DECLARED)


def test_the_bomb_lies(bomb):
    """The fixture is what it claims: small, declaring little, inflating to BOMB_MB."""
    info = zipfile.ZipFile(io.BytesIO(bomb)).getinfo("word/document.xml")
    assert info.file_size == DECLARED and len(bomb) < 2**20
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    inflated = zlib.decompressobj(-zlib.MAX_WBITS)
    total = 0
    for at in range(0, info.compress_size, 2**16):
        chunk = bomb[start + at:start + min(at + 2**16, info.compress_size)]
        while chunk:
            total += len(inflated.decompress(chunk, 2**24))
            chunk = inflated.unconsumed_tail
    assert total == BOMB_MB * 2**20


def test_lying_docx_bomb_is_refused_without_inflating_it(bomb, tmp_path):
    reason = refused_cheaply(tmp_path / "report.docx", bomb)
    assert "zip bomb" in reason and "4,096 bytes" in reason


def test_lying_member_under_the_total_limit_is_still_cut_at_its_declared_size():
    bomb = lying_zip_bomb(3, declared=1000)
    with pytest.raises(LoadError, match="zip bomb"):
        verified_zip(bomb, "x.docx", 256 * 2**20, ".docx")


def test_inflated_total_is_counted_across_members():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(4):
            z.writestr(f"part{i}.xml", bytes(2**20))
    with pytest.raises(LoadError, match=r"would unpack to 4\.0 MB, over the 3\.0 MB limit"):
        verified_zip(buf.getvalue(), "x.docx", 3 * 2**20, ".docx")


def test_the_reader_gets_the_verified_bytes(tmp_path):
    """A real Word file goes through: python-docx reads the repacked archive, same parts, same text."""
    import docx

    document = docx.Document()
    document.add_paragraph("鹿城区人民政府2022年政府信息公开工作年度报告")
    buf = io.BytesIO()
    document.save(buf)
    original = zipfile.ZipFile(buf)
    repacked = zipfile.ZipFile(io.BytesIO(verified_zip(buf.getvalue(), "x.docx", 2**24, ".docx")))
    assert repacked.namelist() == original.namelist()
    assert all(repacked.read(n) == original.read(n) for n in original.namelist())
    assert all(i.compress_type == zipfile.ZIP_STORED for i in repacked.infolist())


def test_truncated_or_flipped_members_are_corrupt():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "政府信息公开".encode() * 2000)
    raw = bytearray(buf.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(raw))).getinfo("word/document.xml")
    raw[info.header_offset + 30 + len(info.filename) + 10] ^= 0xFF
    with pytest.raises(LoadError, match="corrupt .docx"):
        verified_zip(bytes(raw), "x.docx", 2**24, ".docx")


def test_a_directory_of_too_many_entries_is_refused_before_parsing():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for i in range(MAX_DIRECTORY_BYTES // 40):
            z.writestr(f"{i}", b"")
    with pytest.raises(LoadError, match="too many parts"):
        verified_zip(buf.getvalue(), "x.docx", 2**24, ".docx")


def test_pdf_bomb_is_refused_before_pdfminer_inflates_it(tmp_path):
    assert "PDF bomb" in refused_cheaply(tmp_path / "report_2022.pdf", pdf_bomb(300))


def test_report_pdfs_pass_the_stream_check(corpus_dir):
    from index.parse.archive import check_pdf_streams

    for pdf in sorted((corpus_dir / "reports").glob("*.pdf")):
        raw = pdf.read_bytes()
        check_pdf_streams(raw, pdf.name, 10 * len(raw))  # they inflate to about 5x their size
        with pytest.raises(LoadError, match="PDF bomb"):
            check_pdf_streams(raw, pdf.name, len(raw))
