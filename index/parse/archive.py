"""Compressed containers read without trusting what they declare: zip (.docx; .xlsx or .ofd alike if a loader
for them is added) and the deflate streams of a PDF. A zip's directory states each member's sizes, and a zip bomb lies there: Python's zipfile inflates a
member in one call of up to 2 GB before it cuts to the declared size. Here every member is inflated in small
steps, counting the bytes that actually come out, and refused the moment they pass the size its directory
declares or the whole passes the limit. The format's own reader (python-docx) then gets a fresh archive built
from the verified bytes, never the uploaded one. pdfminer inflates each FlateDecode stream of a PDF in one call
with no limit; `check_pdf_streams` inflates them all first, in steps, and refuses the file past a total."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from index.errors import LoadError

MAX_DIRECTORY_BYTES = 2**20  # a Word file's central directory is a few KB; each entry costs a Python object
_STEP = 2**20  # most bytes one inflate step may produce
_FEED = 2**16  # compressed bytes fed per step (the unconsumed rest is copied each step)
_EOCD, _ZIP64_LOCATOR = b"PK\x05\x06", b"PK\x06\x07"
_LOCAL_HEADER = b"PK\x03\x04"
_PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")


def verified_zip(raw: bytes, path: str, max_inflated: int, kind: str) -> bytes:
    """`raw` repacked (stored, uncompressed) from members inflated under the limits; LoadError otherwise.
    `kind` names the format in messages (".docx")."""
    _check_directory_size(raw, path, kind)
    try:
        source = zipfile.ZipFile(io.BytesIO(raw))
        members = source.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise LoadError(path, f"corrupt {kind}: not a zip archive, or a damaged one", "corrupt_archive", kind=kind) from e
    declared = sum(i.file_size for i in members)
    if declared > max_inflated:
        raise LoadError(path, f"the {kind} would unpack to {size_text(declared)}, over the {size_text(max_inflated)} limit",
                        "unpacks_too_big", kind=kind)
    out = io.BytesIO()
    inflated = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in members:
            if info.is_dir():
                continue
            data = _inflate(raw, info, path, kind, max_inflated - inflated)
            inflated += len(data)
            target.writestr(zipfile.ZipInfo(info.filename, info.date_time), data)
    return out.getvalue()


def _inflate(raw: bytes, info: zipfile.ZipInfo, path: str, kind: str, room: int) -> bytes:
    """One member's bytes, inflated step by step; refused past its declared size or the room left."""
    if info.flag_bits & 0x1:
        raise LoadError(path, f"the {kind} is encrypted", "encrypted", kind=kind)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise LoadError(path, f"corrupt {kind}: a part uses an unsupported compression", "corrupt_archive", kind=kind)
    start = info.header_offset
    if raw[start:start + 4] != _LOCAL_HEADER:
        raise LoadError(path, f"corrupt {kind}: a part of the archive is damaged", "corrupt_archive", kind=kind)
    start += 30 + int.from_bytes(raw[start + 26:start + 28], "little") + int.from_bytes(raw[start + 28:start + 30], "little")
    packed = memoryview(raw)[start:start + info.compress_size]
    limit = min(info.file_size, room)
    if info.compress_type == zipfile.ZIP_STORED:
        parts, done = [bytes(packed)], True
    else:
        parts, done = _inflate_steps(packed, limit, path, kind)
    data = b"".join(parts)
    if len(data) > limit:
        raise _over(path, kind, info, room)
    if not done or len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        raise LoadError(path, f"corrupt {kind}: a part of the archive is damaged", "corrupt_archive", kind=kind)
    return data


def _inflate_steps(packed: memoryview, limit: int, path: str, kind: str) -> tuple[list[bytes], bool]:
    """Raw deflate, _FEED input bytes and at most _STEP output bytes a step; stops once past `limit`
    (the caller refuses). Returns the parts and whether the deflate stream ended."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    parts: list[bytes] = []
    count = 0
    try:
        for at in range(0, len(packed), _FEED):
            pending = packed[at:at + _FEED]
            while pending and not inflater.eof:
                part = inflater.decompress(pending, _STEP)
                pending = inflater.unconsumed_tail
                parts.append(part)
                count += len(part)
                if count > limit:
                    return parts, False
            if inflater.eof:
                break
    except zlib.error as e:
        raise LoadError(path, f"corrupt {kind}: a part of the archive is damaged", "corrupt_archive", kind=kind) from e
    return parts, inflater.eof


def _over(path: str, kind: str, info: zipfile.ZipInfo, room: int) -> LoadError:
    if info.file_size <= room:
        return LoadError(path, f"the {kind} is a zip bomb: a part inflates past the "
                               f"{size_text(info.file_size)} its archive declares", "unpacks_too_big", kind=kind)
    return LoadError(path, f"the {kind} unpacks to more than the {size_text(room)} limit", "unpacks_too_big", kind=kind)


def _check_directory_size(raw: bytes, path: str, kind: str) -> None:
    """Refuse a central directory too big to be a document's before zipfile builds an object per entry."""
    end = raw.rfind(_EOCD, max(0, len(raw) - 65_557))
    if end < 0:
        raise LoadError(path, f"corrupt {kind}: not a zip archive, or a damaged one", "corrupt_archive", kind=kind)
    size = int.from_bytes(raw[end + 12:end + 16], "little")
    locator = end - 20
    if size == 0xFFFFFFFF and locator >= 0 and raw[locator:locator + 4] == _ZIP64_LOCATOR:
        record = int.from_bytes(raw[locator + 8:locator + 16], "little")
        size = int.from_bytes(raw[record + 40:record + 48], "little")
    if size > MAX_DIRECTORY_BYTES:
        raise LoadError(path, f"the {kind} lists too many parts ({size_text(size)} of archive directory)",
                        "unpacks_too_big", kind=kind)


def size_text(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n:,} bytes"


def check_pdf_streams(raw: bytes, path: str, max_inflated: int) -> None:
    """Refuse a PDF whose deflate streams inflate past `max_inflated` in all (a PDF bomb), before pdfminer
    inflates each whole. Every stream that starts as zlib data is counted, images and fonts included: which
    ones pdfminer will decode is not knowable without parsing the file, and parsing is what is at stake."""
    room = max_inflated
    for m in _PDF_STREAM.finditer(raw):
        start = m.end()
        if raw[start:start + 1] != b"x":  # every zlib stream starts with 0x78 (deflate, 32 KB window)
            continue
        inflater = zlib.decompressobj()
        for at in range(start, len(raw), _FEED):
            pending = raw[at:at + _FEED]
            try:
                while pending and not inflater.eof:
                    room -= len(inflater.decompress(pending, _STEP))
                    pending = inflater.unconsumed_tail
                    if room < 0:
                        raise LoadError(path, f"the PDF's compressed streams inflate to more than the "
                                              f"{size_text(max_inflated)} limit (a PDF bomb?)", "unpacks_too_big", kind="PDF")
            except zlib.error:
                break  # not zlib after all, or damaged: pdfminer decides, within what was counted
            if inflater.eof:
                break
