"""How many ambiguous cells (glued digit runs the text alone cannot split) each second source decides.

    python bench/second_sources.py [DIR]

Every report of DIR (default: the bundled corpus) is parsed as the ingest does: first alone, then again with
the same agency's neighbouring years as evidence, and with its HTML page when one lies beside it
(x.txt + x.html). Prints per report and in total: cells left open by the text, decided by each source
(html, narrative, neighbour_year), still undecided. Cells a printed note decided are the text's own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.errors import NianbaoError  # noqa: E402
from index.ingest import bundled_reports  # noqa: E402
from index.models import Report  # noqa: E402
from index.parse.report import as_table_parse, parse_file  # noqa: E402
from index.parse.resolve import SOURCES, decided_by  # noqa: E402


def undecided(report: Report) -> int:
    values = {(c.table, c.key): c.value for c in report.cells}
    return sum(1 for a in report.ambiguous for k in a.keys if values.get((a.table, k)) is None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", type=Path, default=bundled_reports())
    args = ap.parse_args(argv)
    files = sorted(p for p in args.dir.iterdir() if p.is_file())
    paired = {p.with_suffix(".html") for p in files if p.suffix != ".html" and p.with_suffix(".html").exists()}
    files = [p for p in files if p not in paired]
    alone: dict[tuple[str, int], Report] = {}
    for f in files:
        try:
            r = parse_file(f)
        except NianbaoError as e:
            print(f"{f.name}: failed: {e}")
            continue
        alone[(r.meta.agency, r.meta.year)] = r

    def neighbours(agency: str, year: int):
        return [as_table_parse(alone[(agency, y)]) for y in (year - 1, year + 1) if (agency, y) in alone]

    total = dict.fromkeys(SOURCES, 0)
    left = 0
    print(f"{'report':<36} {'open':>5} " + " ".join(f"{s:>14}" for s in SOURCES) + f" {'undecided':>10}")
    for f in files:
        html = f.with_suffix(".html")
        r = parse_file(f, neighbours=neighbours, html=html if html in paired else None)
        counts, rest = decided_by(r.cells), undecided(r)
        if not any(counts.values()) and not rest:
            continue
        for s in SOURCES:
            total[s] += counts[s]
        left += rest
        print(f"{f.name:<36} {sum(counts.values()) + rest:>5} " + " ".join(f"{counts[s]:>14}" for s in SOURCES)
              + f" {rest:>10}")
    print(f"{'TOTAL':<36} {sum(total.values()) + left:>5} " + " ".join(f"{total[s]:>14}" for s in SOURCES)
          + f" {left:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
