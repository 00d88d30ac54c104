"""OCR for PDF pages without a text layer (scans), as the optional extra `nianbao[ocr]`: rapidocr-onnxruntime,
whose detection and recognition models ship inside its wheel, so nothing is fetched at run time.

A page comes out in the loader's own shape: prose as lines in reading order, every ruled table as
`| a | b |` rows. Tables are found from their ruling lines (OpenCV morphology); each enclosed cell is read
on its own by the recogniser, which keeps lone digits ("0" in a cell of its own) that a whole-page text
detector misses; a merged cell repeats its text in every slot it covers. Every line records the
recogniser's confidence per cell, so a cell parsed from it can say how sure the reading is.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache

from index.parse.normalize import normalize_text

log = logging.getLogger(__name__)

RESOLUTION = 200  # dpi a page is rendered at for OCR
_MIN_CELL = 12  # px: smaller enclosed regions are gaps between ruling lines, not cells
_INK = 10  # dark pixels below which a cell is blank (specks of the scan)
_DARK = 160  # grey level below which a pixel is ink (thin strokes of a scan are pale)
_FRAME = 3  # px of a cell's edge left out (remnants of its ruling lines)
_LINE_GAP = 4  # px: rows of ink this close are one printed line
_CJK_EDGE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@dataclass
class OcrLine:
    """One line of an OCR'd page: its text and, per cell (or the whole line of prose), (start, end, confidence)
    within that text."""

    text: str
    top: float
    spans: list[tuple[int, int, float]] = field(default_factory=list)


class OcrText(str):
    """A page's text read by OCR; `lines` carries the confidences (index.load turns them into offsets)."""

    lines: list[OcrLine]

    def __new__(cls, lines: list[OcrLine], text: str | None = None) -> OcrText:
        obj = super().__new__(cls, "\n".join(line.text for line in lines) if text is None else text)
        obj.lines = lines
        return obj


def confidences(text: str, pages: list[tuple[int, int]], read: list[str]) -> list[tuple[int, int, float]]:
    """(start, end, confidence) in the document's text of every OCR'd cell and line: each page's lines are
    found in order within the page (a line dropped as page furniture is skipped)."""
    out = []
    for (start, end), page in zip(pages, read, strict=True):
        pos = start
        for line in getattr(page, "lines", []):
            wanted = normalize_text(line.text)
            at = text.find(wanted, pos, end) if wanted.strip() else -1
            if at < 0:
                continue
            out += [(at + s, at + e, conf) for s, e, conf in line.spans]
            pos = at + len(line.text)
    return out


@cache
def available() -> bool:
    try:
        import cv2  # noqa: F401
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def ocr_page(page) -> OcrText:
    """A pdfplumber page without a text layer -> its text by OCR."""
    import numpy as np

    gray = np.array(page.to_image(resolution=RESOLUTION).original.convert("L"))
    regions = _table_boxes(gray)
    lines = [line for box in regions for line in _read_table(gray, box)]
    lines += _prose(gray, regions)
    return OcrText(sorted(lines, key=lambda line: line.top))


def _table_boxes(gray) -> list[tuple[int, int, int, int]]:
    """(x, y, w, h) of the ruled tables of a page image."""
    import cv2

    h, w = gray.shape
    ink = cv2.adaptiveThreshold(255 - gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    rules = _rules(ink, w, h)
    found, _ = cv2.findContours(rules, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = [cv2.boundingRect(c) for c in found]
    return [b for b in boxes if b[2] > w / 5 and b[3] > 3 * _MIN_CELL]


def _rules(ink, w: int, h: int):
    import cv2

    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(10, w // 40), 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(10, h // 80))))
    return cv2.dilate(horizontal | vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))


def _read_table(gray, box: tuple[int, int, int, int]) -> list[OcrLine]:
    """The table's rows as `| a | b |` lines, each cell read on its own."""
    import cv2

    x, y, w, h = box
    crop = gray[y:y + h, x:x + w]
    ink = cv2.adaptiveThreshold(255 - crop, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    rules = _rules(ink, w, h)
    rules[:2, :] = rules[-2:, :] = rules[:, :2] = rules[:, -2:] = 255  # a table split over pages lacks an edge
    n, _, stats, _ = cv2.connectedComponentsWithStats(255 - rules, connectivity=4)
    boxes = [(cx, cy, cx + cw, cy + ch) for cx, cy, cw, ch, _ in stats[1:n] if cw >= _MIN_CELL and ch >= _MIN_CELL]
    crops = [_text_lines(crop[y0:y1, x0:x1]) for x0, y0, x1, y1 in boxes]
    read = _recognise([line for lines in crops for line in lines])
    cells, k = [], 0
    for (x0, y0, x1, y1), lines in zip(boxes, crops, strict=True):
        got, k = read[k:k + len(lines)], k + len(lines)
        text = "".join(t for t, _ in got)
        cells.append((x0, y0, x1, y1, text, min((c for _, c in got), default=1.0)))
    if not cells:
        return []
    xs, ys = _edges([c[0] for c in cells]), _edges([c[1] for c in cells])
    grid: dict[tuple[int, int], tuple[int, str, float]] = {}
    for i, (x0, y0, x1, y1, text, conf) in enumerate(cells):
        for r, top in enumerate(ys):
            for c, left in enumerate(xs):
                if y0 - 4 <= top < y1 - 4 and x0 - 4 <= left < x1 - 4:
                    grid[(r, c)] = (i, text, conf)
    out = []
    for r, top in enumerate(ys):
        row = [grid.get((r, c), (-1 - c, "", 1.0)) for c in range(len(xs))]
        if all(ident == row[0][0] for ident, _, _ in row):  # one cell across the table: a caption
            if row[0][1]:
                out.append(OcrLine(row[0][1], y + top, [(0, len(row[0][1]), row[0][2])]))
            continue
        text, spans = "|", []
        for _, cell, conf in row:
            text += " "
            spans.append((len(text), len(text) + len(cell), conf))
            text += cell + " |"
        out.append(OcrLine(text, y + top, spans))
    return out


def _edges(values: list[int], tolerance: int = 6) -> list[int]:
    out: list[int] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _text_lines(img) -> list:
    """A cell's printed lines as tight crops (a label wraps over two or three lines; the recogniser reads one
    line at a time); none for a blank cell. Rows of ink closer than _LINE_GAP belong to one line (a light
    stroke of a "7" leaves a pale row inside a glyph)."""
    import numpy as np

    inner = img[_FRAME:-_FRAME, _FRAME:-_FRAME] if min(img.shape) > 2 * _FRAME + 4 else img
    dark = inner < _DARK
    if dark.sum() < _INK:
        return []
    bands: list[list[int]] = []
    for i in np.nonzero(dark.any(axis=1))[0]:
        if bands and i - bands[-1][1] <= _LINE_GAP:
            bands[-1][1] = i
        else:
            bands.append([i, i])
    out = []
    for top, bottom in bands:
        if bottom - top < 3:
            continue  # a speck
        band = inner[top:bottom + 1]
        xs = np.nonzero((band < _DARK).any(axis=0))[0]
        out.append(np.pad(band[:, max(0, xs.min() - 4):xs.max() + 5], 8, constant_values=255))
    return out


def _recognise(images: list) -> list[tuple[str, float]]:
    """Text and confidence of each single-line image, recognised in batches."""
    import cv2

    if not images:
        return []
    found, _ = _engine().text_rec([cv2.cvtColor(i, cv2.COLOR_GRAY2BGR) for i in images])
    return [(_clean(text), float(conf)) for text, conf in found]


def _clean(text: str) -> str:
    text = normalize_text(text).replace("|", "")
    return re.sub(r"(?<=\d)\s+(?=\d)", "", text.strip())


def _prose(gray, tables: list[tuple[int, int, int, int]]) -> list[OcrLine]:
    """Text outside the tables, grouped into lines by their vertical position."""
    found, _ = _engine()(gray)
    boxes = []
    for quad, text, conf in found or []:
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        cx, cy = sum(xs) / 4, sum(ys) / 4
        if any(x <= cx <= x + w and y <= cy <= y + h for x, y, w, h in tables):
            continue
        boxes.append((min(ys), max(ys), min(xs), _clean(text), float(conf)))
    lines: list[list[tuple]] = []
    for box in sorted(boxes):
        if lines and box[0] < (lines[-1][0][0] + lines[-1][0][1]) / 2:
            lines[-1].append(box)
        else:
            lines.append([box])
    out = []
    for line in lines:
        parts = sorted(line, key=lambda b: b[2])
        text = ""
        for b in parts:
            joint = "" if not text or (_CJK_EDGE.match(text[-1]) and _CJK_EDGE.match(b[3][:1] or "a")) else " "
            text += joint + b[3]
        out.append(OcrLine(text, parts[0][0], [(0, len(text), min(b[4] for b in parts))]))
    return out
