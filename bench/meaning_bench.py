"""How well figures are found by meaning alone (assistant/meaning.py), never by the cue lists.

For every figure-type question (figure, derived, comparison, followup) of eval_sets/full.jsonl and the dev split
of eval_sets/paraphrase.jsonl (the test split is never read) whose expected answer names one canonical figure,
the question is resolved by meaning and the best reading compared with the expected one: top-1 and top-3
accuracy, and accuracy and coverage at or above MARGIN vs below it (the calibration: confident answers must be
right >= 95% of the time). Questions of the other types that ask a count (培训了多少场) must not look like figure
questions: the share the resolver would answer or ask back is printed too. A follow-up that names no figure is
resolved on the turn before it (the conversation's figure).

    python bench/meaning_bench.py --home /tmp/h [--sweep]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import meaning as m  # noqa: E402
from assistant.catalog import Catalog  # noqa: E402
from assistant.normalize import normalized  # noqa: E402
from assistant.plan import understand  # noqa: E402
from index.settings import Settings  # noqa: E402
from index.stores.embed import get_embedder  # noqa: E402
from index.stores.store import Store  # noqa: E402
from index.vocabulary import ACTIVE_2019_EQUIVALENT, FIGURE_MEANINGS, RATES  # noqa: E402

TYPES = ("figure", "derived", "comparison", "followup")
SAME = {v: k for k, v in ACTIVE_2019_EQUIVALENT.items()}  # a 2019 report's key is the 2021 figure's


def _cells(name: str) -> frozenset:
    cells, _ = FIGURE_MEANINGS[name]
    if isinstance(cells, str):
        return frozenset((t, r) for t, r, _ in [*RATES[cells][1], *RATES[cells][2]])
    return frozenset((t, r) for t, r, _ in cells)


BY_CELLS = {_cells(n): n for n in FIGURE_MEANINGS}


def expected(q: dict) -> str | None:
    """The one canonical figure the expected answer names: a rate by its formula, a share by its numerator, else
    the cited cells (any applicant column: the column is a separate word)."""
    formula = (q.get("answer") or {}).get("formula") or ""
    if formula in RATES:
        return formula
    share = re.match(r"100\*\(?([a-z_.+]+)\)?/", formula)
    if share:
        num = share.group(1).split(".")[0]
        return next((n for n in (num, num.removesuffix("_total")) if n in FIGURE_MEANINGS and "+" not in num), None)
    cells = frozenset((c["table"], SAME.get(c["row"], c["row"])) for c in q.get("cite", []) if "table" in c)
    return BY_CELLS.get(cells)


def load(files: list[tuple[Path, str | None]]) -> list[dict]:
    out = []
    for path, split in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            q = json.loads(line)
            if split and q.get("split") != split:
                continue  # never read another split's questions
            q["set"] = path.stem + (f":{split}" if split else "")
            out.append(q)
    return out


def resolve(meaning: m.Meaning, q: dict, catalog: Catalog) -> tuple[m.Resolution, float]:
    """By meaning alone: the question's content (agency mentions stripped), else the turn before it; timed from
    the routed question to the readings (one query embedding, or two for a follow-up)."""
    it = understand(q["question"], q.get("history") or [], catalog)
    text = m.asked(q["question"], it)
    start = time.perf_counter()
    found = meaning.resolve(text, strip=it.mentions)
    turns = [t["content"] for t in q.get("history") or [] if t.get("role") == "user"]
    if turns and not found.confident:  # the conversation's figure, and what this turn adds to it
        before = understand(turns[-1], [], catalog)
        both = normalized(turns[-1], catalog) + "，" + normalized(q["question"], catalog)
        found = meaning.resolve(both, strip=it.mentions + before.mentions)
    return found, (time.perf_counter() - start) * 1000


def score(rows: list[tuple[dict, str, m.Resolution]], margin: float) -> dict:
    n = len(rows)
    top1 = sum(r.readings[:1] and r.readings[0].name == e for _, e, r in rows) if n else 0
    top3 = sum(e in [x.name for x in r.readings] for _, e, r in rows)
    sure = [(e, r) for _, e, r in rows if r.related and r.margin >= margin]
    unsure = [(e, r) for _, e, r in rows if not (r.related and r.margin >= margin)]
    right = sum(r.readings[0].name == e for e, r in sure)
    right_below = sum(bool(r.readings) and r.readings[0].name == e for e, r in unsure)
    top3_below = sum(e in [x.name for x in r.readings] for e, r in unsure)
    return {"n": n, "top1": top1 / n if n else 0, "top3": top3 / n if n else 0,
            "cov": len(sure) / n if n else 0, "acc_above": right / len(sure) if sure else float("nan"),
            "acc_below": right_below / len(unsure) if unsure else float("nan"),
            "top3_below": top3_below / len(unsure) if unsure else float("nan")}


def table(rows: list[tuple[dict, str, m.Resolution]], margin: float) -> str:
    head = f"{'set/type':<22}{'n':>5}{'top1':>7}{'top3':>7}{'cover':>7}{'acc>=':>7}{'acc<':>7}{'top3<':>7}"
    lines = [head, "-" * len(head)]
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(f"{row[0]['set']}/{row[0]['type']}", []).append(row)
    groups["all"] = rows
    for name, rs in groups.items():
        s = score(rs, margin)
        lines.append(f"{name:<22}{s['n']:>5}{s['top1']:>7.3f}{s['top3']:>7.3f}{s['cov']:>7.3f}{s['acc_above']:>7.3f}"
                     f"{s['acc_below']:>7.3f}{s['top3_below']:>7.3f}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--home", required=True)
    ap.add_argument("--sweep", action="store_true", help="also score the variants that were tried")
    ap.add_argument("--misses", action="store_true", help="print the confident misses")
    args = ap.parse_args()
    settings = Settings(home=Path(args.home))
    catalog = Catalog.from_summaries(Store(settings.database_url).reports())
    embedder = get_embedder(settings)
    questions = load([(ROOT / "eval_sets/full.jsonl", None), (ROOT / "eval_sets/paraphrase.jsonl", "dev")])
    figures = [(q, e) for q in questions if q["type"] in TYPES and (e := expected(q))]
    skipped = sum(q["type"] in TYPES for q in questions) - len(figures)
    others = [q for q in questions if q["type"] not in TYPES and q["type"] != "multipart"
              and m.asks_figure(normalized(q["question"], catalog))]
    meaning = m.Meaning(embedder)
    start = time.perf_counter()
    meaning.vectors()
    warm = (time.perf_counter() - start) * 1000
    resolved, times = [], []
    for q, e in figures:
        found, ms = resolve(meaning, q, catalog)
        resolved.append((q, e, found))
        times.append(ms)
    print(f"figure questions: {len(figures)} ({skipped} naming no single canonical figure skipped); "
          f"{len(FIGURE_MEANINGS)} figures, {len(meaning._texts)} descriptions (embedded once: {warm:.0f} ms)")
    print(f"margin {m.MARGIN}, coverage >= {m.MIN_COVERAGE}, cosine >= {m.MIN_COSINE}, lexical weight {m.LEXICAL_WEIGHT}\n")
    print(table(resolved, m.MARGIN))
    intents = [(q, understand(q["question"], q.get("history") or [], catalog)) for q in others]
    tripped = [(q, meaning.resolve(m.asked(q["question"], it), it.mentions)) for q, it in intents
               if m.wants(q["question"], it, catalog.romanised_places())]
    sure = sum(r.confident for _, r in tripped)
    asked = sum(r.related and not r.confident for _, r in tripped)
    print(f"\nother types asking a count (narrative, precedent, unanswerable): {len(others)}; the hook's condition holds "
          f"for {len(tripped)}: the resolver would answer {sure}, ask back {asked}, leave {len(tripped) - sure - asked} alone")
    print("\n" + hook_table(meaning, questions, catalog))
    t = np.array(times)
    print(f"resolver latency per question (query embedding + scoring): p50 {np.percentile(t, 50):.1f} ms, "
          f"p95 {np.percentile(t, 95):.1f} ms, max {t.max():.1f} ms")
    if args.misses:
        for q, e, r in resolved:
            if r.confident and r.readings[0].name != e:
                print(f"  miss {q['id']}: {q['question']} -> {r.readings[0].name} (margin {r.margin}) expected {e}")
        for q, r in tripped:
            if r.related:
                print(f"  other {q['id']}: {q['question']} -> {[x.name for x in r.readings]} margin {r.margin} "
                      f"coverage {r.coverage} cosine {r.cosine}")
    if args.sweep:
        sweep(embedder, figures, catalog)
    return 0


def hook_table(meaning: m.Meaning, questions: list[dict], catalog: Catalog) -> str:
    """What the hook (assistant.meaning.reread) does to every question of the sets, next to the cue lists: left
    alone, a cell the cue lists did not find (right or wrong by the expected figure), a weak word's cell
    replaced, or a question back."""
    counts: dict[str, dict[str, int]] = {}
    calls = [0]
    for q in questions:
        it = understand(q["question"], q.get("history") or [], catalog)
        calls[0] += m.wants(q["question"], it, catalog.romanised_places()) and not (
            it.keys and meaning.agrees(m.asked(q["question"], it), it.mentions, it.keys))
        after, unclear = m.reread(q["question"], it, catalog, meaning)
        want = expected(q) if q["type"] in TYPES else None
        if unclear is not None:
            outcome = "ask-back"
        elif after is it:
            outcome = "unchanged"
        else:
            name = next((n for n, (cells, _) in FIGURE_MEANINGS.items() if (cells if isinstance(cells, str) else
                         [c[1] for c in cells]) == (after.rate if after.rate in RATES else [k.row for k in after.keys])),
                        None)
            outcome = ("replaced" if it.keys else "found") + (" right" if name == want else " wrong")
        group = counts.setdefault(q["type"], {})
        group[outcome] = group.get(outcome, 0) + 1
    kinds = ["unchanged", "found right", "found wrong", "replaced right", "replaced wrong", "ask-back"]
    lines = [f"the hook's condition holds for {calls[0]} of {len(questions)} questions (each costs one query embedding)",
             f"{'hook on every question':<24}" + "".join(f"{k:>15}" for k in kinds)]
    for t, c in counts.items():
        lines.append(f"{t:<24}" + "".join(f"{c.get(k, 0):>15}" for k in kinds))
    return "\n".join(lines)


def sweep(embedder, figures, catalog) -> None:
    """The variants tried, each at the margin that keeps confident answers >= 95% right (its coverage)."""
    print("\nvariant                                   top1   top3  margin@95%  cover")
    texts = [(q, e, normalized(q["question"], catalog), understand(q["question"], q.get("history") or [], catalog).mentions)
             for q, e in figures]
    variants = {
        "embedding only (query:/query:)": (1.0, 0.0, False, True),
        "embedding only, descriptions passage:": (1.0, 0.0, True, True),
        "embedding only, question not stripped": (1.0, 0.0, False, False),
        "characters only": (0.0, 1.0, False, True),
        "fused, lexical weight 0.5": (1.0, 0.5, False, True),
        "fused, lexical weight 1.0": (1.0, 1.0, False, True),
        "fused, lexical weight 2.0": (1.0, 2.0, False, True),
        "fused 1.0, question not stripped": (1.0, 1.0, False, False),
    }
    for name, (dense_w, lex_w, passages, stripped) in variants.items():
        meaning = m.Meaning(embedder, None, lexical_weight=lex_w, dense_weight=dense_w)
        if passages:
            meaning._vectors = np.asarray(embedder.embed_passages(meaning._texts), dtype=np.float32)
        results = []
        for _q, e, text, mentions in texts:
            r = meaning.resolve(text, mentions) if stripped else meaning.resolve_text(text, text)
            results.append((e, r))
        top1 = np.mean([bool(r.readings) and r.readings[0].name == e for e, r in results])
        top3 = np.mean([e in [x.name for x in r.readings] for e, r in results])
        ranked = sorted(((r.margin, bool(r.readings) and r.readings[0].name == e) for e, r in results), reverse=True)
        best, right = (0, float("nan")), 0
        for k, (margin, ok) in enumerate(ranked, 1):
            right += ok
            if right / k >= 0.95:
                best = (k, margin)
        print(f"{name:<40}{top1:>6.3f}{top3:>7.3f}{best[1]:>11.2f}{best[0] / len(results):>8.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
