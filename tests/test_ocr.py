"""Scanned PDFs (index/parse/ocr.py): pages without a text layer are read by OCR when the `ocr` extra is installed,
and refused with a clear message when it is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.errors import LoadError
from index.parse import ocr
from index.parse.load import load_file
from index.parse.ocr import OcrLine, OcrText, confidences

REPORTS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus" / "reports"


def scan(tmp_path: Path, name: str, pages: list[int] | None = None, dpi: int = 150) -> Path:
    """An image-only copy of a bundled PDF (its pages rendered as pictures: what a scanner makes)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(REPORTS / name))
    images = [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in (pages or range(len(doc)))]
    out = tmp_path / name
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi)
    return out


def test_without_the_extra_a_scan_is_refused_saying_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(LoadError, match=r"no text layer.*nianbao\[ocr\]"):
        load_file(scan(tmp_path, "01_huaian-hongzequ_2023.pdf", [4]))


def test_confidences_land_on_the_cells_of_the_final_text():
    lines = [OcrLine("| 行政许可 | 550 |", 0, [(2, 6, 0.99), (9, 12, 0.61)]), OcrLine("— 2 —", 9, [(0, 5, 0.9)])]
    page = OcrText(lines, "前文\n| 行政许可 | 550 |")  # the footer line was dropped as page furniture
    text = "封面\n" + page
    spans = confidences(text, [(0, 2), (3, len(text))], ["封面", page])
    assert [(text[s:e], c) for s, e, c in spans] == [("行政许可", 0.99), ("550", 0.61)]


@pytest.mark.slow
def test_a_scanned_page_reads_back_its_table(tmp_path):
    """Page 4 of 01 rasterised at 150 dpi: the tail of table 3 read cell by cell, with confidences."""
    pytest.importorskip("rapidocr_onnxruntime")
    doc = load_file(scan(tmp_path, "01_huaian-hongzequ_2023.pdf", [3]))
    assert doc.ocr_pages == [1] and doc.ocr_spans
    row = next(line for line in doc.text.split("\n") if "信访举报投诉类申请" in line)
    assert row.endswith("| 1 | 0 | 0 | 0 | 0 | 0 | 1 |")
    assert all(0 <= c <= 1 for _, _, c in doc.ocr_spans)
