"""Bad input, at volume: 200+ generated malformed files (tests/malformed.py) go through one Index (real SQLite,
real Chroma, the real lexical index, the hashing embedder). Each gets one clear English reason or, when it is a
legitimate if odd report, is stored; nothing escapes, nothing is half-written, and the Index keeps working."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from malformed import HUGE_MB, generate
from test_ingest import agree

from index.errors import LoadError
from index.ingest import Index
from index.parse.load import load_file
from index.settings import Settings
from index.stores.embed import HashEmbedder
from index.stores.lexical import LexicalIndex

CORPUS = Path(__file__).resolve().parents[1] / "index" / "data" / "corpus" / "reports"
LUCHENG = CORPUS / "00_lucheng-qu_2022.txt"
INTERNALS = re.compile(r"Error|Exception|Traceback|<string>|could not be parsed|unexpected error|0x[0-9a-f]{6}")


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    """Every malformed input ingested in one batch, in one Index."""
    root = tmp_path_factory.mktemp("malformed")
    cases = generate(root / "in", seed=9)
    index = Index(Settings(home=root / "home"), embedder=HashEmbedder())
    summary = index.ingest_paths([p for c in cases for p in c.paths], progress=False)
    return cases, index, summary


def clear_reason(reason: str | None) -> bool:
    """One line of plain English that names no Python internals."""
    return (bool(reason) and "\n" not in reason and len(reason) <= 200 and not INTERNALS.search(reason)
            and re.search(r"[a-z]{2,} [a-z]{2,}", reason, re.IGNORECASE) is not None)


def test_every_input_gets_one_clear_outcome(bad_run):
    cases, _, summary = bad_run
    assert len(cases) >= 200
    assert len(summary.results) == len(cases)  # one result per input: none skipped, none doubled
    wrong, unclear = [], []
    for case, result in zip(cases, summary.results, strict=True):
        failed = result.status == "failed"
        if (case.expect == "fail" and not failed) or (case.expect == "ok" and failed):
            wrong.append((case.kind, case.note, result.status, result.reason))
        if failed and not clear_reason(result.reason):
            unclear.append((case.kind, result.reason))
    outcomes = Counter("failed" if r.status == "failed" else "stored" for r in summary.results)
    print(f"\n{len(cases)} malformed inputs: {outcomes['failed']} refused with a reason, {outcomes['stored']} stored; "
          f"{len(Counter(c.kind for c in cases))} kinds; {summary.seconds:.1f} s")
    assert wrong == []
    assert unclear == []


@pytest.mark.parametrize(("kind", "reason"), [
    ("huge", f"the file is {HUGE_MB:.1f} MB, over the 50.0 MB limit"),
    ("docx-zip-bomb", "the .docx would unpack to 300.0 MB, over the 256.0 MB limit"),
    ("pdf-bomb", "the PDF's compressed streams inflate to more than the 256.0 MB limit (a PDF bomb?)"),
    ("docx-lying-bomb", "the .docx is a zip bomb: a part inflates past the 4,096 bytes its archive declares"),
    ("pdf-truncated", "truncated PDF (no %%EOF marker at the end)"),
    ("empty", "the file is empty"),
    ("fifo", "not a regular file (a folder, pipe or device)"),
    ("dangling-link", "a broken link (its target is missing)"),
    ("html-script-only", "no text in the file"),
])
def test_reasons_say_what_is_wrong(bad_run, kind, reason):
    cases, _, summary = bad_run
    got = {r.reason for c, r in zip(cases, summary.results, strict=True) if c.kind == kind}
    assert got == {reason}


def test_odd_but_legitimate_reports_are_stored_with_their_names(bad_run):
    cases, index, summary = bad_run
    stored = {c.kind for c, r in zip(cases, summary.results, strict=True) if r.status != "failed"}
    assert {"gbk", "utf16-bom", "letters-in-cells", "odd-name", "undecodable-name", "docx-good",
            "html-nested", "dotdot-path"} <= stored
    # the last odd name was stored, unchanged; the undecodable one as printable text
    names = {r.file_name for r in index.store.reports()}
    assert "\ufffd\ufffd-not-utf8.txt" in names
    results = [r for c, r in zip(cases, summary.results, strict=True) if c.kind == "undecodable-name"]
    assert results[0].file.endswith("\ufffd\ufffd-not-utf8.txt") and results[0].file.encode("utf-8")


def test_no_partial_rows_anywhere(bad_run):
    """SQLite, Chroma and the lexical index hold the same reports with the chunk counts the reports make, and
    SQLite holds no child rows of a report it does not hold."""
    _, index, _ = bad_run
    ids = index.store.ids()
    assert ids
    assert_agree(index, ids)
    db = sqlite3.connect(index.settings.database_url.removeprefix("sqlite:///"))
    try:
        for table in ("sections", "cells", "ambiguities", "checks"):
            owners = {row[0] for row in db.execute(f"SELECT DISTINCT report_id FROM {table}")}
            assert owners <= ids, table
    finally:
        db.close()


def test_the_same_index_still_ingests_and_answers(bad_run, tmp_path):
    from assistant.pipeline import Assistant

    _, index, _ = bad_run
    good = tmp_path / LUCHENG.name
    good.write_bytes(LUCHENG.read_bytes())
    summary = index.ingest_paths([good], progress=False)
    assert summary.ok and summary.results[0].status in ("ingested", "replaced")
    answer = Assistant(index.settings, index).ask("鹿城区2022年新收了多少政府信息公开申请？")
    assert [f.value for f in answer.figures if f.row == "new_received"] == [113]
    assert any(c.kind == "cell" for c in answer.citations)


def test_size_limit_refuses_before_reading(tmp_path, monkeypatch):
    """A file over the limit is refused from its size: its bytes are never read."""
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(HUGE_MB * 2**20)  # sparse: no 100 MB written for this one

    def no_reading(self):
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(LoadError, match="over the 50.0 MB limit"):
        load_file(huge)


def _new_version(tmp_path) -> tuple[Index, Path, str]:
    index = Index(Settings(home=tmp_path / "home"), embedder=HashEmbedder())
    path = tmp_path / LUCHENG.name
    path.write_bytes(LUCHENG.read_bytes())
    old_id = index.ingest_paths([path], progress=False).results[0].report_id
    path.write_text(LUCHENG.read_text(encoding="utf-8") + "\n本报告数据统计期限为全年。\n", encoding="utf-8")
    return index, path, old_id


def _disk_full(*args, **kwargs):
    raise OSError("No space left on device")


def test_a_write_failing_halfway_leaves_the_old_version(tmp_path, monkeypatch):
    """The new version's chunks are already in Chroma when SQLite fails: the file is reported failed with a
    reason, the stores agree again, and the version stored before is the one that answers."""
    index, path, old_id = _new_version(tmp_path)
    monkeypatch.setattr(index.store, "upsert", _disk_full)
    result = index.ingest_paths([path], progress=False).results[0]
    assert result.status == "failed"
    assert result.reason == "could not be stored: an unexpected error (logged)"
    assert index.store.ids() == {old_id}
    monkeypatch.undo()
    assert_agree(index, {old_id})  # Chroma and the lexical index were put back at once
    again = index.ingest_paths([path], progress=False).results[0]
    assert again.status == "replaced"
    assert_agree(index, {again.report_id})


def test_a_failed_lexical_write_loses_nothing(tmp_path, monkeypatch):
    """The lexical index commits each report's chunks before SQLite does: a failed write there (the disk stays
    full, so the repair fails too) fails the report alone, SQLite keeps the old version, and once there is room
    the next start repairs the lexical index and the next ingest stores the new version."""
    index, path, old_id = _new_version(tmp_path)
    monkeypatch.setattr(index.lexical, "add", _disk_full)
    result = index.ingest_paths([path], progress=False).results[0]
    assert result.status == "failed" and result.reason == "could not be stored: an unexpected error (logged)"
    assert index.store.ids() == {old_id}
    monkeypatch.undo()
    fresh = Index(index.settings, embedder=HashEmbedder())
    assert fresh.reconcile()["reports_reindexed"] == 1
    assert_agree(fresh, {old_id})
    assert set(LexicalIndex(index.settings.lexical_path).report_ids()) == {old_id}
    again = fresh.ingest_paths([path], progress=False).results[0]
    assert again.status == "replaced"
    assert_agree(fresh, {again.report_id})


def assert_agree(index: Index, ids: set[str]) -> None:
    assert index.store.ids() == ids
    agree(index)


def test_every_refusal_has_a_chinese_message(bad_run):
    """The page never shows the English reason: every refused input carries a code whose Chinese message the
    staff tab shows, with the values it names."""
    from ui import app as ui
    from ui import strings as S

    cases, _, summary = bad_run
    uncoded, english = [], []
    for case, result in zip(cases, summary.results, strict=True):
        if result.status != "failed":
            continue
        if result.code not in S.LOAD_REASONS:
            uncoded.append((case.kind, result.code, result.reason))
        shown = ui.failure_reason(result)
        if shown == S.UNKNOWN_REASON or re.search(r"[a-z]{3,} [a-z]{2,}", shown, re.IGNORECASE):
            english.append((case.kind, shown))
    assert uncoded == []
    assert english == []
