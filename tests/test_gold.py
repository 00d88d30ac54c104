"""The parser against the hand-checked gold tables of the bundled corpus (issue 2, "Done when").

Every gold cell outside `ambiguous`/`resolved_ambiguities` must be exact (null and 0 are different
answers); every gold check's `ok` must match ours; a cell of `resolved_ambiguities` is either right or
reported as an Ambiguity whose candidates hold the value the rendered table shows. `pytest -s` prints
the per-file accuracy. Reports are parsed as the pipeline does, from the real loader and sections,
with the same agency's neighbouring years (from MANIFEST.tsv) as cross-year evidence.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import pytest

from index.parse.checks import run_checks
from index.parse.load import load_file
from index.parse.sections import split_sections
from index.parse.tables import TableParse, parse_tables

CORPUS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus"
GOLD = sorted((CORPUS / "gold").glob("*.json"))
TARGET = 0.995


def _manifest() -> dict[str, dict]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as f:
        return {row["file"][:2]: row for row in csv.DictReader(f, delimiter="\t")}


def _report_path(number: str) -> Path:
    """Gold and report names differ (gold/00_lucheng_2022.json <-> reports/00_lucheng-qu_2022.txt)."""
    return next((CORPUS / "reports").glob(f"{number}_*"))


def _template_of(year: int) -> str:
    return "2021" if year >= 2021 else "2019" if year >= 2019 else "pre2019"


@cache
def _text(number: str) -> str:
    return load_file(_report_path(number)).text


@cache
def _first_pass(number: str) -> TableParse:
    """A report parsed on its own: what a neighbouring year contributes."""
    year = int(_manifest()[number]["year"])
    text = _text(number)
    return parse_tables(text, split_sections(text, _template_of(year)), _template_of(year), year=year)


def parse_with_neighbours(number: str, template: str, year: int) -> TableParse:
    manifest = _manifest()
    agency = manifest[number]["agency"]
    neighbours = [_first_pass(n) for n, row in manifest.items()
                  if n != number and row["agency"] == agency and abs(int(row["year"]) - year) == 1]
    text = _text(number)
    return parse_tables(text, split_sections(text, template), template, year=year, neighbours=neighbours)


def _gold_cells(gold: dict) -> dict[tuple[str, str], object]:
    out = {}
    for table, rows in gold["tables"].items():
        for row, value in rows.items():
            if isinstance(value, dict):
                out.update({(table, f"{row}.{col}"): v for col, v in value.items()})
            else:
                out[(table, row)] = value
    return out


def _excluded(gold: dict) -> set[tuple[str, str]]:
    return {(a["table"], k) for a in gold.get("ambiguous", []) + gold.get("resolved_ambiguities", [])
            for k in a.get("keys") or [a["key"]]}


def _same(mine, theirs) -> bool:
    return (mine is None) == (theirs is None) and mine == theirs


def _score(path: Path) -> tuple[int, int, list[str]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    parsed = parse_with_neighbours(path.name[:2], gold["report"]["template"], gold["report"]["year"])
    mine = {(c.table, c.key): c.value for c in parsed.cells}
    skip = _excluded(gold)
    wrong = [f"{t}:{k} gold {v!r} parsed {mine.get((t, k), 'absent')!r}"
             for (t, k), v in _gold_cells(gold).items() if (t, k) not in skip and not _same(mine.get((t, k), "absent"), v)]
    total = sum(1 for key in _gold_cells(gold) if key not in skip)
    return total - len(wrong), total, wrong


def test_gold_cell_accuracy():
    right = total = 0
    lines = []
    for path in GOLD:
        r, n, wrong = _score(path)
        right, total = right + r, total + n
        lines.append(f"{path.name:34s} {r:4d}/{n:<4d} {100 * r / n:6.2f}%" + (f"  e.g. {wrong[0]}" if wrong else ""))
    print("\ngold cell accuracy (outside ambiguous / resolved_ambiguities)")
    print("\n".join(lines))
    print(f"{'TOTAL':34s} {right:4d}/{total:<4d} {100 * right / total:6.2f}%")
    assert total > 2500
    assert right / total >= TARGET


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name[:2])
def test_gold_checks_agree(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    number, template = path.name[:2], gold["report"]["template"]
    parsed = parse_with_neighbours(number, template, gold["report"]["year"])
    text = _text(number)
    checks = {c.rule: c for c in run_checks(parsed.cells, text, split_sections(text, template), parsed.ambiguous)}
    for expected in gold["checks"]:
        assert expected["rule"] in checks, expected["rule"]
        assert checks[expected["rule"]].ok == expected["ok"], (expected, checks[expected["rule"]])


@pytest.mark.parametrize("path", [p for p in GOLD if json.loads(p.read_text(encoding="utf-8")).get("resolved_ambiguities")],
                         ids=lambda p: p.name[:2])
def test_resolved_ambiguities_right_or_reported(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    parsed = parse_with_neighbours(path.name[:2], gold["report"]["template"], gold["report"]["year"])
    mine = {(c.table, c.key): c.value for c in parsed.cells}
    for case in gold["resolved_ambiguities"]:
        for key, chosen in zip(case["keys"], case["chosen"], strict=True):
            if _same(mine.get((case["table"], key)), chosen):
                continue
            amb = next((a for a in parsed.ambiguous if a.table == case["table"] and key in a.keys), None)
            assert amb is not None, f"{key}: parsed {mine.get((case['table'], key))!r}, gold {chosen!r}, not ambiguous"
            assert chosen in {cand[amb.keys.index(key)] for cand in amb.candidates}, (key, chosen, amb)
            assert mine.get((case["table"], key)) is None  # undecided cells carry no guessed value


def test_gold_ambiguities_never_hide_a_wrong_value():
    """Where gold itself lists a cell (or a whole row) as uncertain, what we report is one of gold's
    candidates or left undecided."""
    columns = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        parsed = parse_with_neighbours(path.name[:2], gold["report"]["template"], gold["report"]["year"])
        mine = {(c.table, c.key): c.value for c in parsed.cells}
        for case in gold.get("ambiguous", []):
            keys = case.get("keys") or [case["key"]]
            readings = [c if len(keys) > 1 else [c] for c in case["candidates"]]
            for i, key in enumerate(keys):
                if (case["table"], key) in mine:
                    got, options = mine[(case["table"], key)], {r[i] for r in readings}
                else:  # a whole requests row
                    got = tuple(mine[(case["table"], f"{key}.{c}")] for c in columns)
                    options = {tuple(r[i]) for r in readings}
                assert got in options or got is None or (isinstance(got, tuple) and None in got), (path.name, key, got)
