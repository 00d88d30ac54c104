"""Crash safety: `nianbao ingest` is killed with SIGKILL at seeded random moments, again and again, then re-run to
completion. Afterwards SQLite, Chroma and the lexical index agree report by report, nothing is stored twice, the
reports stored before the kills are untouched, and the result is what one uninterrupted ingest stores."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_ingest import agree

from index.ingest import Index, chunk_count
from index.settings import Settings
from index.stores.chunks import chunk_report

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "index" / "data" / "corpus" / "reports"
BEFORE = ["00_lucheng-qu_2022.txt", "04_shuyang-xian_2025.txt", "05_shanghai-kewei_2024.md"]
BATCH = [f"{n}_pingtan-syq_{y}.txt" for n, y in zip(range(11, 21), range(2016, 2026), strict=True)]
KILLS = 5
SEED = 9


def ingest_command(home: Path, *paths: Path) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", "ingest", *map(str, paths), "--home", str(home), "--quiet"]


def hash_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    return {**env, "NIANBAO_EMBEDDING_MODEL": "hash-bigram"}


def open_index(home: Path) -> Index:
    return Index(Settings(home=home, embedding_model="hash-bigram"))


def copy(names: list[str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in names:
        shutil.copy(REPORTS / n, folder / n)
    return folder


def cells(index: Index, rid: str) -> list[tuple]:
    return [(c.table, c.row, c.column, c.value) for c in index.store.report(rid).cells]


def stored_state(index: Index) -> dict[str, tuple]:
    """What an ingest leaves behind, per report: file, agency, year, cells, checks, chunk count."""
    out = {}
    for s in index.store.reports():
        r = index.store.report(s.id)
        out[s.id] = (s.file_name, s.agency, s.year, cells(index, s.id), [(c.rule, c.ok) for c in r.checks],
                     chunk_count(chunk_report(r)))
    return out


def store_counts(index: Index) -> tuple[int, int, int]:
    """Reports in SQLite, Chroma and the lexical index as a kill left them (opening an Index repairs nothing)."""
    return len(index.store.ids()), len(index.vectors.report_ids()), len(index.lexical.report_ids())


def assert_agree(index: Index) -> None:
    """Same report ids and chunk counts in all three stores; no chunk or report stored twice."""
    lex = agree(index)
    assert index.lexical.count() == sum(lex.values())  # chunk ids are unique in the index's table
    summaries = index.store.reports()
    assert len({(s.agency, s.year) for s in summaries}) == len({s.file_name for s in summaries}) == len(summaries)


def test_kill_9_mid_ingest_then_rerun(tmp_path):
    home = tmp_path / "home"
    env = hash_env()
    before_dir, batch_dir = copy(BEFORE, tmp_path / "before"), copy(BATCH, tmp_path / "batch")
    subprocess.run(ingest_command(home, before_dir), env=env, cwd=ROOT, check=True, capture_output=True, timeout=300)
    first = open_index(home)
    before = {rid: cells(first, rid) for rid in first.store.ids()}
    assert len(before) == len(BEFORE)
    del first

    clean = open_index(tmp_path / "clean")  # the reference: one uninterrupted ingest; its time spaces the kills
    clean.ingest_paths([before_dir], progress=False)
    seconds = clean.ingest_paths([batch_dir], progress=False).seconds

    rng = random.Random(SEED)
    killed, states = 0, [store_counts(open_index(home))]
    for _ in range(3 * KILLS):
        if killed == KILLS:
            break
        left = len(BATCH) + len(BEFORE) - states[-1][0]  # reports still to store: the kill lands within their time
        proc = subprocess.Popen(ingest_command(home, batch_dir), env=env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 3.0 + seconds * left / len(BATCH)))  # imports, parsing, any store's write
        if proc.poll() is None:
            proc.kill()
            killed += 1
        proc.wait(timeout=60)
        states.append(store_counts(open_index(home)))
    states = states[1:]
    done = subprocess.run(ingest_command(home, batch_dir), env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    torn = sum(len(set(state)) > 1 for state in states)
    print(f"\n{killed} kill -9 survived, {torn} of them left the stores disagreeing; reports in (SQLite, Chroma, "
          f"lexical) after each: {states}; final run: {done.stdout.strip()}")
    assert done.returncode == 0, done.stderr[-2000:]
    assert killed == KILLS

    index = open_index(home)
    assert_agree(index)
    assert {rid: cells(index, rid) for rid in before} == before  # untouched by the kills
    assert len(index.store.ids()) == len(BEFORE) + len(BATCH)

    assert stored_state(index) == stored_state(clean)
