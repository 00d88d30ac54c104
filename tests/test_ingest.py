"""Ingest orchestration over real SQLite, real Chroma and the real lexical index, with the corpus files.
The HashEmbedder stands in for the model in the fast tests; one slow test uses the real model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.ingest import Index, IngestSummary, chunk_count, dense_count
from index.parse.report import parse_file
from index.settings import Settings
from index.stores.chunks import chunk_report
from index.stores.embed import HashEmbedder
from index.stores.lexical import LexicalIndex
from index.stores.retrieve import Retriever

LUCHENG = "00_lucheng-qu_2022.txt"
PINGTAN = [f"{n}_pingtan-syq_{y}.txt" for n, y in ((16, 2021), (17, 2022), (18, 2023))]


def agree(index: Index) -> dict[str, int]:
    """SQLite, Chroma and the lexical index hold the same reports: every chunk in the lexical index, the
    narrative chunks in Chroma, each once. Returns the lexical counts."""
    chunks = {rid: chunk_report(index.store.report(rid)) for rid in index.store.ids()}
    vec, lex = index.vectors.report_ids(), index.lexical.report_ids()
    assert lex == {rid: chunk_count(c) for rid, c in chunks.items()}
    assert vec == {rid: n for rid, c in chunks.items() if (n := dense_count(c))}
    assert index.vectors.count() == sum(vec.values())
    return lex


def copy(corpus_dir: Path, tmp_path: Path, *names: str) -> list[Path]:
    out = tmp_path / "in"
    out.mkdir(exist_ok=True)
    return [Path(shutil.copy(corpus_dir / "reports" / n, out / n)) for n in names]


@pytest.fixture
def index(settings) -> Index:
    return Index(settings, embedder=HashEmbedder())


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory) -> tuple[Index, IngestSummary]:
    idx = Index(Settings(home=tmp_path_factory.mktemp("corpus") / "home"), embedder=HashEmbedder())
    return idx, idx.ingest_bundled(progress=False)


def test_every_bundled_report_ingests(corpus_index, report_files):
    idx, summary = corpus_index
    assert [(r.file, r.reason) for r in summary.failed] == []
    assert summary.ingested == len(report_files) == 41
    counts = agree(idx)
    assert sum(counts.values()) == summary.chunks > 41
    for s in idx.store.reports():
        assert idx.store.report(s.id).sections, s.file_name  # pre-2019 reports too


def test_reingest_touches_nothing(corpus_index):
    idx, _ = corpus_index
    rows, stamps, chunks = idx.store.counts(), {r.id: r.ingested_at for r in idx.store.reports()}, agree(idx)
    again = idx.ingest_bundled(progress=False)
    assert (again.unchanged, again.ingested, again.replaced, again.failed) == (41, 0, 0, [])
    assert again.chunks == 0
    assert idx.store.counts() == rows
    assert {r.id: r.ingested_at for r in idx.store.reports()} == stamps
    assert agree(idx) == chunks


def test_continuity_checks_are_stored_on_both_sides(corpus_index):
    idx, _ = corpus_index
    agency = "平潭综合实验区管委会"
    mid = idx.store.report(idx.store.find(agency, 2022))
    rules = [c for c in mid.checks if c.rule.startswith("continuity.")]
    assert {c.rule for c in rules} >= {"continuity.carried"}
    # the pair 2021 -> 2022 is on 2021's report as well as on 2022's
    first = idx.store.report(idx.store.find(agency, 2021))
    assert any(c.rule == "continuity.carried" for c in first.checks)


def test_changed_file_replaces_the_old_version(index, corpus_dir, tmp_path):
    (path,) = copy(corpus_dir, tmp_path, LUCHENG)
    first = index.ingest_paths([path], progress=False)
    old_id = first.results[0].report_id
    path.write_text(path.read_text(encoding="utf-8") + "\n本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n",
                    encoding="utf-8")
    second = index.ingest_paths([path], progress=False)
    assert (second.replaced, second.ingested, second.failed) == (1, 0, [])
    new_id = second.results[0].report_id
    assert new_id != old_id
    assert set(agree(index)) == {new_id}
    assert index.store.report(new_id).cell("requests", "new_received", "total").value == 113


def test_bad_files_fail_alone(index, corpus_dir, tmp_path):
    (good,) = copy(corpus_dir, tmp_path, LUCHENG)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "in" / "junk.pdf"
    binary.write_bytes(bytes(range(256)) * 64)
    summary = index.ingest_paths([tmp_path / "in"], progress=False)
    assert summary.ingested == 1 and not summary.ok
    failed = {Path(r.file).name: r.reason for r in summary.failed}
    assert set(failed) == {"empty.txt", "junk.pdf"}
    assert all(failed.values())
    assert [r.file_name for r in index.store.reports()] == [good.name]
    agree(index)


def test_remove_clears_every_store_and_neighbour_checks(index, corpus_dir, tmp_path):
    paths = copy(corpus_dir, tmp_path, *PINGTAN)
    summary = index.ingest_paths(paths, progress=False)
    ids = {Path(r.file).name: r.report_id for r in summary.results}
    mid = ids[PINGTAN[1]]
    assert index.remove(mid) is True
    assert index.remove(mid) is False
    assert mid not in agree(index)
    for name in (PINGTAN[0], PINGTAN[2]):  # no continuity check refers to the removed year any more
        assert not any(c.rule.startswith("continuity.") for c in index.store.report(ids[name]).checks)


def test_reconcile_repairs_an_interrupted_ingest(index, corpus_dir, tmp_path):
    from index.parse.report import parse_file
    from index.stores.chunks import chunk_report

    a, b = copy(corpus_dir, tmp_path, *PINGTAN[:2])
    index.ingest_paths([a], progress=False)
    stored = index.store.ids().pop()
    # a crash after the chunks of b were added but before SQLite committed b ...
    orphan = parse_file(b)
    index.vectors.add(chunk_report(orphan))
    index.lexical.add(chunk_report(orphan))
    # ... and a crash halfway through re-indexing a
    index.vectors.delete_report(stored)
    fresh = Index(index.settings, embedder=HashEmbedder())
    assert fresh.reconcile() == {"orphans_removed": 1, "reports_reindexed": 1}
    assert set(agree(fresh)) == {stored}
    assert fresh.ingest_paths([b], progress=False).ingested == 1
    assert len(agree(fresh)) == 2


class CountingEmbedder(HashEmbedder):
    def __init__(self):
        super().__init__()
        self.passages = 0

    def embed_passages(self, texts):
        self.passages += len(texts)
        return super().embed_passages(texts)


def test_a_lost_lexical_entry_costs_no_embedding(settings, corpus_dir, tmp_path):
    index = Index(settings, embedder=CountingEmbedder())
    assert index.ingest_paths(copy(corpus_dir, tmp_path, *PINGTAN), progress=False).ingested == 3
    lex = agree(index)
    assert index.embedder.passages == sum(index.vectors.report_ids().values()) < sum(lex.values())  # no table rows
    # a crash after SQLite committed the last report, before its lexical entries were written
    last = max(index.store.reports(), key=lambda s: s.year).id
    LexicalIndex(settings.lexical_path).delete_report(last)
    fresh = Index(settings, embedder=CountingEmbedder())
    assert fresh.reconcile() == {"orphans_removed": 0, "reports_reindexed": 1}
    assert fresh.embedder.passages == 0 and agree(fresh) == lex
    assert LexicalIndex(settings.lexical_path).report_ids() == lex


def test_missing_path_is_a_failure_not_a_crash(index, tmp_path):
    summary = index.ingest_paths([tmp_path / "nope.txt"], progress=False)
    assert [(Path(r.file).name, r.reason) for r in summary.failed] == [("nope.txt", "no such file")]


@pytest.mark.slow
def test_real_model_ingest_and_search(settings, corpus_dir, tmp_path):
    """The lazily loaded real model embeds the chunks; a paraphrase finds its report, and filters hold."""
    index = Index(settings)
    paths = copy(corpus_dir, tmp_path, LUCHENG, "04_shuyang-xian_2025.txt")
    summary = index.ingest_paths(paths, progress=False)
    assert summary.ingested == 2 and index.embedder.dim == 384
    agree(index)
    lucheng, shuyang = (r.report_id for r in summary.results)
    # The default (hybrid) path: dense alone ranks the 行政复议 table rows of both reports above the passage.
    hits = Retriever(index.vectors, index.lexical, index.settings.retrieval).search("有没有围绕行政复议案例给工作人员办培训", k=3)
    assert hits[0].chunk.report_id == shuyang and "专题培训" in hits[0].chunk.text
    hits = index.vectors.query("工作人员培训", 5, where={"report_id": lucheng})
    assert len(hits) == 5 and {c.report_id for c, _ in hits} == {lucheng}


def test_each_distinct_passage_is_embedded_once(settings, corpus_dir, tmp_path):
    """Passages are embedded ahead for several reports at once and looked up by text hash: an ingest embeds
    each passage once, and a new version of a report embeds only what changed."""
    index = Index(settings, embedder=CountingEmbedder())
    files = copy(corpus_dir, tmp_path, LUCHENG, *PINGTAN)
    assert index.ingest_paths(files, progress=False).ingested == 4
    vec = index.vectors.report_ids()
    assert index.embedder.passages == sum(vec.values()) == index.vectors.stats["embedded"]
    lucheng = files[0]
    old = index.store.find_by_file(lucheng.name)
    lucheng.write_text(lucheng.read_text(encoding="utf-8") + "\n本报告数据统计期限为全年。\n", encoding="utf-8")
    before = index.embedder.passages
    result = index.ingest_paths([lucheng], progress=False).results[0]
    assert result.status == "replaced" and result.report_id not in old
    assert index.embedder.passages - before <= 2  # the new last passage (and the one it overlaps)
    assert index.vectors.report_ids()[result.report_id] == vec[old[0]] + (index.embedder.passages - before > 1)
    agree(index)


def test_a_text_and_its_web_page_are_ingested_as_one_report(tmp_path, paired_report):
    """`nianbao ingest --pair-html`: x.html beside x.txt decides the text's glued runs and is not a report of its
    own; without the option both files are read on their own."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    paired_report(folder, "<td>58</td><td>45</td><td>546</td>")
    index = Index(Settings(home=tmp_path / "home"), embedder=HashEmbedder())
    summary = index.ingest_paths([folder], progress=False, pair_html=True)
    assert len(summary.results) == 1 and summary.ok, summary.render()
    (summary_report,) = index.store.reports()
    cell = index.store.report(summary_report.id).cell("active", "normative_issued")
    assert (cell.value, cell.source) == (58, "html")


def test_a_folder_without_reports_is_a_failure(index, tmp_path):
    """A folder named on the command line (or by mistake) that holds no report file fails with a reason,
    instead of a silent '0 ingested, 0 failed' and exit 0."""
    empty = tmp_path / "no-reports"
    empty.mkdir()
    (empty / "notes.xlsx").write_bytes(b"PK\x03\x04")
    summary = index.ingest_paths([empty], progress=False)
    assert not summary.ok
    (result,) = summary.failed
    assert Path(result.file).name == "no-reports" and result.code == "empty_folder"
    assert result.reason.startswith("no report files (") and ".pdf" in result.reason


def test_each_file_is_read_once_and_stored_as_a_fresh_parse_stores_it(corpus_dir, tmp_path, monkeypatch):
    """The parse made ahead (to embed passages together) is the one stored: each file is loaded once. Three
    consecutive years with glued runs: a year stored earlier in the batch decides cells of the next, whose
    tables are resolved again, and every report is stored as parsing each file in its own turn stores it."""
    import index.parse.report as report_module

    files = copy(corpus_dir, tmp_path, "14_pingtan-syq_2019.txt", "15_pingtan-syq_2020.txt", "16_pingtan-syq_2021.txt")
    loads: list[str] = []
    load_file = report_module.load_file
    monkeypatch.setattr(report_module, "load_file", lambda path, *a: loads.append(Path(path).name) or load_file(path, *a))
    stored = []
    for ahead, home in ((16, "ahead"), (0, "each-in-its-turn")):
        index = Index(Settings(home=tmp_path / home), embedder=HashEmbedder())
        index.ahead = ahead
        loads.clear()
        assert index.ingest_paths(files, progress=False).ingested == 3
        assert sorted(loads) == sorted(f.name for f in files)
        stored.append([index.store.report(rid) for rid in sorted(index.store.ids())])
    assert stored[0] == stored[1]
    # 2020 parsed ahead before 2019 was stored, read in its turn once 2019 is: resolved with 2019's cells
    index = Index(Settings(home=tmp_path / "turn"), embedder=HashEmbedder())
    index.ingest_paths(files[:1], progress=False)
    alone, fresh = parse_file(files[1]), parse_file(files[1], neighbours=index._neighbour_parses)
    index._parsed[files[1]] = (alone, [])
    assert index._parse(files[1], None)[0] == fresh and fresh.cells != alone.cells
