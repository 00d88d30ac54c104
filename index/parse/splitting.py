"""Glued digit runs -> cells. Crawled pages print whole table rows with no separator ("801000081");
the only honest way to split them is to enumerate every reading the digits allow and keep those the
report's own arithmetic (and, when given, its narrative and neighbouring years) agrees with. What the
evidence cannot decide stays a list of candidates: the caller reports it as ambiguous.

Rules of a reading: every whitespace-separated piece holds at least one cell; a cell never starts with
"0" unless it is "0" itself (nor "-0…"/"+0…"); a sign (a minus, or the plus some reports print before a
growth: "0+11" is 0 | +1 | 1) starts a cell and only a signed column takes it; a decimal point never sits
at a cell boundary."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from itertools import product

Number = int | float
Values = tuple[Number | None, ...]
# (indices the predicate reads, predicate over those values in that order)
Constraint = tuple[tuple[int, ...], Callable[..., bool]]

MAX_CANDIDATES = 20000  # a run with more readings than this is reported as undecidable, not enumerated forever
_PIECE = re.compile(r"[-+]?[0-9.]+")


def to_number(s: str) -> Number:
    """'12' -> 12, '7730.28' -> 7730.28 (exact decimal text -> nearest float)."""
    return float(Decimal(s)) if "." in s else int(s)


def _valid_cell(s: str, negative_ok: bool, decimal_ok: bool) -> bool:
    signed = s[:1] in ("-", "+")
    body = s[1:] if signed else s
    if not body or (signed and not negative_ok):
        return False
    if "." in body:
        if not decimal_ok or body.count(".") > 1 or body[0] == "." or body[-1] == ".":
            return False
        head = body.split(".", 1)[0]
        return head == "0" or head[0] != "0"
    if signed and body == "0":
        return False
    return body == "0" or body[0] != "0"


def run_pieces(run: str) -> list[str]:
    """Hard boundaries of a run: whitespace, and a sign that starts a new piece ("2648-18538", "0+11")."""
    return _PIECE.findall(run)


def sum_constraint(parts: Sequence[int], total: int) -> Constraint:
    """cells[total] == sum(cells[parts]); an empty cell counts as 0 (the spec's rule for checks)."""
    idx = (*parts, total)
    return idx, lambda *v: sum(x or 0 for x in v[:-1]) == (v[-1] or 0)


def split_run(
    run: str | Sequence[str],
    n: int,
    constraints: Iterable[Constraint] = (),
    *,
    negative: Iterable[int] = (),
    decimal: Iterable[int] = (),
    atomic: Iterable[int] = (),
    limit: int = MAX_CANDIDATES,
) -> list[tuple[Number, ...]]:
    """Every reading of `run` as `n` cells that satisfies all `constraints`.

    `run` is the text (whitespace and minus signs are hard boundaries) or its pieces already cut;
    `negative`/`decimal` are the cell indices that may be negative / carry decimals; `atomic` the piece
    indices that are known to be exactly one cell (a cell of a ruled table). Stops after `limit`
    readings: a result of length `limit` means "too many to decide"."""
    pieces = list(run_pieces(run) if isinstance(run, str) else run)
    neg, dec, whole = frozenset(negative), frozenset(decimal), frozenset(atomic)
    checks: dict[int, list[Constraint]] = {}
    for c in constraints:
        checks.setdefault(max(c[0]), []).append(c)
    out: list[tuple[Number, ...]] = []
    cells: list[Number] = []

    def holds(i: int) -> bool:
        return all(pred(*(cells[j] for j in idx)) for idx, pred in checks.get(i, ()))

    def walk(p: int, pos: int) -> None:
        if len(out) >= limit:
            return
        i = len(cells)
        if p == len(pieces):
            if i == n:
                out.append(tuple(cells))
            return
        piece = pieces[p]
        rest_pieces = len(pieces) - p - 1
        if i + 1 + rest_pieces > n:  # every remaining piece needs a cell of its own
            return
        ends = [len(piece)] if p in whole else range(pos + 1, len(piece) + 1)
        for end in ends:
            text = piece[pos:end]
            at_end = end == len(piece)
            if not at_end and (piece[end] == "." or text.endswith(".")):
                continue
            if not _valid_cell(text, i in neg, i in dec):
                continue
            cells.append(to_number(text))
            if holds(i):
                if at_end:
                    walk(p + 1, 0)
                elif i + 1 < n:
                    walk(p, end)
            cells.pop()

    if pieces:
        walk(0, 0)
    return out


def split_scored(
    run: str | Sequence[str],
    n: int,
    constraints: Sequence[Constraint],
    **kw,
) -> tuple[list[tuple[Number, ...]], int]:
    """Readings satisfying every constraint; when none does (reports break their own arithmetic),
    the readings satisfying the most of them. Returns (readings, number of constraints broken)."""
    strict = split_run(run, n, constraints, **kw)
    if strict or not constraints:
        return strict, 0
    every = split_run(run, n, **kw)
    if not every or len(every) >= kw.get("limit", MAX_CANDIDATES):
        return every, len(constraints)
    scored = [(sum(not pred(*(c[j] for j in idx)) for idx, pred in constraints), c) for c in every]
    best = min(s for s, _ in scored)
    return [c for s, c in scored if s == best], best


def with_blanks(values: Sequence[Number], n: int) -> list[Values]:
    """A ruled row that printed fewer cells than it has: the blank can be at any position."""
    missing = n - len(values)
    if missing <= 0:
        return [tuple(values[:n])]
    out: list[Values] = []

    def place(done: list[Number | None], rest: Sequence[Number], left: int) -> None:
        if len(done) == n:
            out.append(tuple(done))
            return
        if left:
            place([*done, None], rest, left - 1)
        if rest:
            place([*done, rest[0]], rest[1:], left)

    place([], values, missing)
    return list(dict.fromkeys(out))


def drop_duplicates(values: Sequence[Number | None], n: int) -> list[Values]:
    """A row with more cells than columns: an HTML colspan expanded into copies of one cell.
    Remove adjacent repeats until `n` remain; every distinct result is a candidate."""
    seen: set[Values] = set()
    frontier = {tuple(values)}
    while frontier:
        nxt: set[Values] = set()
        for v in frontier:
            if len(v) == n:
                seen.add(v)
                continue
            for i in range(1, len(v)):
                if v[i] == v[i - 1]:
                    nxt.add(v[:i] + v[i + 1:])
        frontier = nxt
    return sorted(seen, key=lambda v: [(x is None, x or 0) for x in v]) or [tuple(values[:n])]


def decide(
    candidates: dict[str, list[Values]],
    identities: Sequence[tuple[Sequence[str], Callable[[dict[str, Values]], bool]]],
    limit: int = 200000,
) -> dict[str, list[Values]]:
    """Joint choice across rows: pick for every row one candidate so that the most identities hold.

    `identities` are (rows read, predicate over {row: values}). Rows with one candidate are fixed;
    the others are enumerated together (up to `limit` combinations). Returns for every row the
    candidates that appear in some best combination: one -> decided, several -> still ambiguous."""
    open_rows = [r for r, c in candidates.items() if len(c) > 1]
    fixed = {r: c[0] for r, c in candidates.items() if len(c) == 1}
    if not open_rows:
        return {r: list(c) for r, c in candidates.items()}
    total = 1
    for r in open_rows:
        total *= len(candidates[r])
    if total > limit:
        return {r: list(c) for r, c in candidates.items()}
    relevant = [(rows, pred) for rows, pred in identities if any(r in open_rows for r in rows)
                and all(r in candidates and candidates[r] for r in rows)]
    best, keep = -1, []
    for combo in product(*(candidates[r] for r in open_rows)):
        chosen = dict(fixed)
        chosen.update(zip(open_rows, combo, strict=True))
        score = sum(1 for _, pred in relevant if pred(chosen))
        if score > best:
            best, keep = score, [combo]
        elif score == best:
            keep.append(combo)
    out = {r: list(c) for r, c in candidates.items()}
    for k, r in enumerate(open_rows):
        out[r] = list(dict.fromkeys(combo[k] for combo in keep))
    return out


def prefer(candidates: list[Values], tests: Iterable[Callable[[Values], bool]]) -> list[Values]:
    """Soft evidence, applied in order: a test narrows the candidates only when some candidate passes
    it (a report, a narrative or a neighbouring year can be wrong; evidence nothing agrees with is
    ignored rather than allowed to empty the list)."""
    for test in tests:
        kept = [c for c in candidates if test(c)]
        if kept:
            candidates = kept
    return candidates
