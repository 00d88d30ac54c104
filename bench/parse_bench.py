"""Parse time per report over the bundled corpus (load -> meta -> sections -> tables -> checks), no store.

    python bench/parse_bench.py [--repeat 3] [DIR]

Each report is parsed `repeat` times and its best time is kept (the least disturbed by other load on the
machine); the median and p95 are over reports.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.errors import NianbaoError  # noqa: E402
from index.ingest import bundled_reports  # noqa: E402
from index.parse.report import parse_file  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: the value at or above q of the sorted list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def time_parse(path: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        parse_file(path)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", type=Path, default=bundled_reports())
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    files = sorted(p for p in args.dir.iterdir() if p.is_file())
    times: dict[str, float] = {}
    for f in files:
        try:
            times[f.name] = time_parse(f, args.repeat)
        except NianbaoError as e:
            print(f"{f.name}: failed: {e}")
            continue
        print(f"{f.name:<36} {times[f.name] * 1000:8.1f} ms")
    if not times:
        return 1
    ms = [t * 1000 for t in times.values()]
    by_suffix: dict[str, list[float]] = {}
    for name, t in times.items():
        by_suffix.setdefault(Path(name).suffix, []).append(t * 1000)
    print(f"\n{len(ms)} reports parsed (best of {args.repeat}): median {statistics.median(ms):.1f} ms, "
          f"p95 {percentile(ms, 0.95):.1f} ms, max {max(ms):.1f} ms, total {sum(ms) / 1000:.2f} s")
    for suffix, vals in sorted(by_suffix.items()):
        print(f"  {suffix:<6} {len(vals):3d} reports, median {statistics.median(vals):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
