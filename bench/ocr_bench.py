"""OCR scored against the gold: scanned versions of the bundled PDF reports, parsed as any upload is.

    python bench/ocr_bench.py [--dpi 150] [REPORT.pdf ...]

Each PDF (default: every bundled PDF that has a gold file) is rasterised page by page (pdfium, the renderer
pdfplumber itself uses; the same job as `pdftoppm`) into an image-only PDF, a scan with no text layer. That
file goes through index.report.parse_file, which OCRs its pages (the `ocr` extra), and its cells are scored
against gold/ exactly as tests/test_gold.py scores the text layer. Prints per report and in total.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.parse.ocr import available  # noqa: E402
from index.parse.report import parse_file  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus"


def rasterise(pdf: Path, out: Path, dpi: int) -> Path:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    pages = [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
    target = out / pdf.name
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=dpi)
    return target


def gold_cells(gold: dict) -> dict[tuple[str, str], object]:
    skip = {(a["table"], k) for a in gold.get("ambiguous", []) + gold.get("resolved_ambiguities", [])
            for k in a.get("keys") or [a["key"]]}
    out = {}
    for table, rows in gold["tables"].items():
        for row, value in rows.items():
            items = {f"{row}.{c}": v for c, v in value.items()} if isinstance(value, dict) else {row: value}
            out.update({(table, k): v for k, v in items.items() if (table, k) not in skip})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--dpi", type=int, default=150)
    args = ap.parse_args(argv)
    if not available():
        print("the OCR extra is not installed: pip install 'nianbao[ocr]'")
        return 1
    golds = {p.name[:2]: p for p in (CORPUS / "gold").glob("*.json")}
    pdfs = args.pdfs or sorted(p for p in (CORPUS / "reports").glob("*.pdf") if p.name[:2] in golds)
    right = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            scan = rasterise(pdf, Path(tmp), args.dpi)
            start = time.perf_counter()
            report = parse_file(scan)
            seconds = time.perf_counter() - start
            gold = gold_cells(json.loads(golds[pdf.name[:2]].read_text(encoding="utf-8")))
            mine = {(c.table, c.key): c.value for c in report.cells}
            wrong = [f"{t}:{k} gold {v!r} read {mine.get((t, k), 'absent')!r}" for (t, k), v in gold.items()
                     if mine.get((t, k), "absent") != v or (mine.get((t, k)) is None) != (v is None)]
            ok = len(gold) - len(wrong)
            right, total = right + ok, total + len(gold)
            confs = [c.confidence for c in report.cells if c.confidence is not None]
            low = min(confs) if confs else float("nan")
            print(f"{pdf.name:<32} OCR pages {report.ocr_pages}  {ok:4d}/{len(gold):<4d} {100 * ok / len(gold):6.2f}%  "
                  f"lowest cell confidence {low:.3f}  {seconds:5.1f} s")
            for w in wrong[:8]:
                print("   ", w)
    print(f"{'TOTAL':<32} {right}/{total} = {100 * right / total:.2f}% of gold cells at {args.dpi} dpi")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
