"""The whole ingest: files -> parsed reports -> SQLite + Chroma + the lexical index, kept in agreement.

Write order, so that a crash at any point is recoverable: (1) delete the chunks of the version being replaced
and of this report from the vectors and the lexical index, (2) add the new chunks to both (the vectors get the
narrative chunks only, see `DENSE_KINDS`), (3) commit the report to SQLite last. SQLite is the source of truth:
`reconcile()` (run before every write) drops vector/lexical entries whose report is not in SQLite and
re-indexes SQLite reports whose chunks are missing or incomplete.

The lexical index (SQLite FTS5 in the home, or its tables in PostgreSQL in server mode) commits every change as it is made, so there is nothing to save at the end
of a batch and other processes see each report at once. `Index` is the writer over the home's `Stores`
(index/stores/__init__.py); the passages of the next AHEAD_FILES files are embedded together before their writes.

    index = Index(Settings())
    summary = index.ingest_paths(["reports/"])
    print(summary.render())
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from tqdm import tqdm

from index.errors import LoadError, NianbaoError
from index.models import Check, Chunk, Report
from index.parse.checks import continuity_checks
from index.parse.report import as_table_parse, parse_file, parse_report_tables, printable
from index.parse.tables import TableParse
from index.settings import Settings
from index.stores import LazyEmbedder, Stores
from index.stores.chunks import DENSE_KINDS, chunk_report, dense_chunks, index_text
from index.stores.store import Store

log = logging.getLogger(__name__)

AHEAD_FILES = 16  # see Index._embed_ahead
Status = Literal["ingested", "replaced", "unchanged", "failed"]
CONTINUITY_PREFIX = "continuity."
MAX_RESOLVE_VISITS = 2  # re-resolutions per year per ingested file: a chain of years settles, never loops


class FileResult(BaseModel):
    file: str
    status: Status
    report_id: str | None = None
    agency: str | None = None
    year: int | None = None
    chunks: int = 0
    reason: str | None = None  # why it failed (English, names no internals)
    code: str | None = None  # the reason's key, for the page's Chinese (LoadError.code; None: no finer key)
    params: dict = Field(default_factory=dict)  # the values that key's message shows


class IngestSummary(BaseModel):
    """What a batch did, file by file, with the totals the CLI prints."""

    results: list[FileResult] = Field(default_factory=list)
    seconds: float = 0.0

    def _count(self, status: Status) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def ingested(self) -> int:
        return self._count("ingested")

    @property
    def replaced(self) -> int:
        return self._count("replaced")

    @property
    def unchanged(self) -> int:
        return self._count("unchanged")

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def chunks(self) -> int:
        return sum(r.chunks for r in self.results)

    @property
    def ok(self) -> bool:
        return not self.failed

    def totals(self) -> str:
        return (f"{self.ingested} ingested, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{len(self.failed)} failed; {self.chunks} chunks in {self.seconds:.1f} s")

    def render(self) -> str:
        """Each failure on its own line (file and reason), then the totals."""
        return "\n".join([*(f"failed: {r.file}: {r.reason}" for r in self.failed), self.totals()])


def chunk_count(chunks: list[Chunk]) -> int:
    """What the lexical index will hold for these chunks (one entry per chunk id)."""
    return len({c.id for c in chunks})


def dense_count(chunks: list[Chunk]) -> int:
    """What the vector store will hold for these chunks."""
    return chunk_count(dense_chunks(chunks))


def vectors_complete(have: int, chunks_total: int, chunks_dense: int) -> bool:
    """A report's vectors are complete with its narrative chunks, or with every chunk (homes built before
    table rows stopped being embedded keep working without re-embedding)."""
    return have == chunks_dense or (have == chunks_total > 0)


def depends_on_neighbours(report: Report) -> bool:
    """Whether other years' parses could change this report's cells: they only narrow glued runs the report
    and its web page leave open (index/parse/resolve.py), and a run decided without them stays decided."""
    return bool(report.ambiguous) or any(c.source == "neighbour_year" for c in report.cells)


def bundled_reports() -> Path:
    """The sample corpus shipped inside the package (works from a checkout and when installed)."""
    return Path(str(resources.files("index").joinpath("data", "corpus", "reports")))


def find_files(paths: Iterable[str | Path], suffixes: set[str]) -> list[Path]:
    """Files named directly are kept whatever their suffix (the loader says why it refuses one);
    directories are searched recursively for report suffixes."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def empty_folders(paths: Iterable[str | Path], files: list[Path], suffixes: set[str]) -> list[FileResult]:
    """A failed result for each folder named that holds no report file: an ingest of nothing is an error
    (a mistyped folder or the wrong one), not a silent success."""
    out = []
    for p in map(Path, paths):
        if p.is_dir() and not any(f.is_relative_to(p) for f in files):
            types = ", ".join(sorted(suffixes))
            out.append(FileResult(file=printable(p), status="failed", reason=f"no report files ({types}) in this folder",
                                  code="empty_folder", params={"types": sorted(suffixes)}))
    return out


def html_pairs(files: list[Path]) -> dict[Path, Path]:
    """x.txt / x.md / x.pdf -> x.html (or .htm) beside it, among the files found."""
    found = set(files)
    pages = {f.with_suffix(""): f for f in files if f.suffix.lower() in (".html", ".htm")}
    return {f: pages[f.with_suffix("")] for f in files
            if f.suffix.lower() not in (".html", ".htm") and f.with_suffix("") in pages and pages[f.with_suffix("")] in found}


class Index:
    """The writer over the home's `Stores`: ingest, re-index, remove, reconcile. Also hands out the stores
    (`store`, `vectors`, `lexical`, `embedder`, `retriever`) to the readers that still take an `Index`."""

    def __init__(self, settings: Settings, embedder=None, stores: Stores | None = None):
        self.settings = settings
        self.stores = stores or Stores(settings, embedder)
        self._reconciled = False
        self._html: dict[Path, Path] = {}  # report file -> its paired web page (ingest_paths(pair_html=True))
        self.ahead = AHEAD_FILES  # files whose passages are embedded together (0: each report on its own)
        self._parsed: dict[Path, tuple[Report | Exception, list[TableParse]]] = {}  # parsed ahead, not yet stored

    @property
    def embedder(self):
        return self.stores.embedder

    @property
    def store(self) -> Store:
        return self.stores.store

    @property
    def vectors(self):
        return self.stores.vectors

    @property
    def lexical(self):
        return self.stores.lexical

    @property
    def retriever(self):
        return self.stores.retriever

    def change_stamp(self) -> int:
        return self.stores.change_stamp()

    def _writing(self):
        return self.stores.writing()

    # ---- keeping the three stores in agreement -------------------------------------------------
    def _index_chunks(self, report_ids: list[str], chunks: list, progress: bool, vectors: bool = True) -> None:
        """Replace these reports' chunks in both indexes."""
        if vectors and len(report_ids) > 1:  # a new version: its unchanged passages keep their vectors
            self.vectors.keep([index_text(c) for c in dense_chunks(chunks)])
        for rid in report_ids:
            if vectors:
                self.vectors.replace_report(rid, dense_chunks(c for c in chunks if c.report_id == rid), progress)
            self.lexical.delete_report(rid)
        if chunks:
            self.lexical.add(chunks)

    def reconcile(self, progress: bool = False) -> dict[str, int]:
        """Make Chroma and the lexical index agree with SQLite after a crash or an interrupted run."""
        with self._writing():
            return self._reconcile(progress)

    def _reconcile(self, progress: bool) -> dict[str, int]:
        stored = self.store.ids()
        vec, lex = self.vectors.report_ids(), self.lexical.report_ids()
        lex_dense = self.lexical.report_ids(kinds=DENSE_KINDS)
        orphans = sorted((set(vec) | set(lex)) - stored)
        for rid in orphans:
            self.vectors.delete_report(rid)
            self.lexical.delete_report(rid)
        repaired = 0
        for rid in sorted(stored):
            have_vec, have_lex = vec.get(rid, 0), lex.get(rid, 0)
            if have_lex > 0 and vectors_complete(have_vec, have_lex, lex_dense.get(rid, 0)):
                continue
            chunks = chunk_report(self.store.report(rid))
            total, dense = chunk_count(chunks), dense_count(chunks)
            vec_ok = vectors_complete(have_vec, total, dense)
            if vec_ok and have_lex == total:
                continue
            log.warning("re-indexing report %s: %d vector and %d lexical chunks, %d and %d expected%s", rid,
                        have_vec, have_lex, dense, total, " (lexical only)" if vec_ok else "")
            self._index_chunks([rid], chunks, progress, vectors=not vec_ok)
            repaired += 1
        self._reconciled = True
        return {"orphans_removed": len(orphans), "reports_reindexed": repaired}

    # ---- ingest --------------------------------------------------------------------------------
    def ingest_paths(self, paths: Iterable[str | Path], overrides: dict | None = None,
                     progress: bool = True, pair_html: bool = False) -> IngestSummary:
        """Parse and index every report file under `paths`; a bad file is recorded and the batch goes on.
        `pair_html`: a crawled x.txt (or .md, .pdf) beside its web page x.html is one report, whose page's
        <td> cells decide the glued digit runs of the text (index/parse/resolve.py); the page is not ingested alone."""
        start = time.perf_counter()
        suffixes = {s.strip().lower() for s in self.settings.upload_types.split(",") if s.strip()}
        paths = list(paths)
        files = find_files(paths, suffixes)
        self._html = html_pairs(files) if pair_html else {}
        files = [f for f in files if f not in set(self._html.values())]
        summary = IngestSummary(results=empty_folders(paths, files, suffixes))
        if isinstance(self.embedder, LazyEmbedder):
            self.embedder.announce = progress
        with self._writing():
            if not self._reconciled:
                self._reconcile(progress)
            counts = (self.vectors.report_ids(), self.lexical.report_ids())
            bar = tqdm(files, desc="reports", unit="report", disable=not progress)
            try:
                for i, f in enumerate(bar):
                    if self.ahead and i % self.ahead == 0:
                        self._embed_ahead(files[i:i + self.ahead], overrides)
                    bar.set_postfix_str(f.name[:40])
                    summary.results.append(self._ingest_file(f, overrides, counts, progress))
            finally:
                self.vectors.forget_ahead()
                self._parsed.clear()
        summary.seconds = time.perf_counter() - start
        return summary

    def _embed_ahead(self, files: list[Path], overrides: dict | None) -> None:
        """Parse the next files and embed their narrative passages together, sorted by length (per report, a
        batch was padded to its longest passage: 31% of the tokens on the bundled corpus, 3% across 41
        reports). Their writes then find the vectors by text hash, and their own turns the parse (`_parse`):
        each file is read once."""
        texts = []
        for f in files:
            seen: list[list[TableParse]] = []

            def lookup(agency: str, year: int, seen: list = seen) -> list[TableParse]:
                seen.append(self._neighbour_parses(agency, year))
                return seen[-1]

            try:
                report = self._read(f, overrides, lookup)
            except Exception as e:  # reported by the file's own turn
                self._parsed[f] = (e, [])
                continue
            self._parsed[f] = (report, seen[0] if seen else [])
            texts += [index_text(c) for c in dense_chunks(chunk_report(report))]
        if texts:
            self.vectors.embed_ahead(texts)

    def ingest_bundled(self, progress: bool = True) -> IngestSummary:
        return self.ingest_paths([bundled_reports()], progress=progress)

    def _ingest_file(self, path: Path, overrides: dict | None, counts: tuple[dict, dict],
                     progress: bool) -> FileResult:
        """One file, never raising: a bad file or a failed write becomes a failed result with one reason, and a
        failed write leaves the three stores as they were (see `_recover`)."""
        shown = printable(path)
        try:
            report, chunks = self._parse(path, overrides)
        except NianbaoError as e:
            return FileResult(file=shown, status="failed", reason=getattr(e, "reason", None) or str(e),
                              code=getattr(e, "code", None), params=getattr(e, "params", {}))
        except Exception as e:  # a parser bug on one odd file must not stop the batch
            log.warning("unexpected error parsing %s: %r", shown, e, exc_info=True)
            return FileResult(file=shown, status="failed", reason="could not be parsed: an unexpected error (logged)",
                              code="unexpected")
        m = report.meta
        done = dict(file=shown, report_id=report.id, agency=m.agency, year=m.year)
        n = chunk_count(chunks)
        vec, lex = counts
        status: Status | None = None  # set once the report itself is stored
        try:
            if (self.store.summary(report.id) and lex.get(report.id) == n
                    and vectors_complete(vec.get(report.id, 0), n, dense_count(chunks))):
                status = "unchanged"
            else:
                old = self.store.superseded(report)
                self._write_report(report, chunks, old, counts, progress)
                status = "replaced" if old else "ingested"
            self._refresh_neighbours(m.agency, m.year, counts, progress)  # unchanged: repairs a crash after commit
        except Exception as e:
            log.warning("storing %s failed: %r", shown, e, exc_info=not isinstance(e, NianbaoError))
            self._recover(counts, progress)
            if status is None:
                why = str(e) if isinstance(e, NianbaoError) else "an unexpected error (logged)"
                return FileResult(status="failed", reason=f"could not be stored: {why}", code="store_failed", **done)
        return FileResult(status=status, chunks=0 if status == "unchanged" else n, **done)

    def _parse(self, path: Path, overrides: dict | None) -> tuple[Report, list[Chunk]]:
        """The file's parse made ahead (`_embed_ahead`), else made now. A report stored since then in the same
        batch may be a neighbouring year: where one can decide its cells, its tables are resolved again."""
        if path not in self._parsed:
            report = self._read(path, overrides, self._neighbour_parses)
            return report, chunk_report(report)
        report, seen = self._parsed.pop(path)
        if isinstance(report, Exception):
            raise report
        m = report.meta
        if depends_on_neighbours(report) and (now := self._neighbour_parses(m.agency, m.year)) != seen:
            report = parse_report_tables(report, now, keep_template=True)
        return report, chunk_report(report)

    def _read(self, path: Path, overrides: dict | None, neighbours) -> Report:
        if not path.exists():
            raise LoadError(printable(path), "a broken link (its target is missing)" if path.is_symlink() else "no such file",
                            "not_found")
        if not path.is_file():
            raise LoadError(printable(path), "not a regular file (a folder, pipe or device)", "not_regular")
        return parse_file(path, overrides, max_bytes=self.settings.max_upload_mb * 1024 * 1024,
                          neighbours=neighbours, html=self._html.get(path))

    def _recover(self, counts: tuple[dict, dict], progress: bool) -> None:
        """After a write failed halfway: make Chroma and the lexical index agree with SQLite again (the failed
        transaction left SQLite as it was) and refresh the chunk counts the batch relies on."""
        try:
            self._reconcile(progress)
            for have, fresh in zip(counts, (self.vectors.report_ids(), self.lexical.report_ids()), strict=True):
                have.clear()
                have.update(fresh)
        except Exception as e:  # the next ingest reconciles again
            self._reconciled = False
            log.error("could not reconcile the stores after a failed write: %r", e)

    def _write_report(self, report: Report, chunks: list[Chunk], old: list[str], counts: tuple[dict, dict],
                      progress: bool, rewrite: bool = False) -> None:
        """Chunks first, SQLite last (see the module docstring for why this order survives a crash)."""
        self._index_chunks([*old, report.id], chunks, progress)
        self.store.upsert(report, rewrite=rewrite)
        for c, n in zip(counts, (dense_count(chunks), chunk_count(chunks)), strict=True):
            for rid in old:
                c.pop(rid, None)
            c[report.id] = n

    # ---- the same agency's neighbouring years ---------------------------------------------------
    def _neighbour_parses(self, agency: str, year: int) -> list[TableParse]:
        """Stored parses of year-1 and year+1: evidence that decides some glued digit runs of table 2."""
        out = []
        for y in (year - 1, year + 1):
            rid = self.store.find(agency, y)
            if rid:
                out.append(as_table_parse(self.store.report(rid)))
        return out

    def _refresh_neighbours(self, agency: str, year: int, counts: tuple[dict, dict], progress: bool) -> None:
        """A new year can decide its neighbours' ambiguous cells: re-resolve their tables (re-indexing their
        table-row chunks when cells change, which may in turn decide theirs), then recompute the continuity
        checks of every year touched."""
        queue, visits, touched = [year - 1, year + 1], dict.fromkeys(range(year - 1, year + 2), 0), {year}
        while queue:
            y = queue.pop(0)
            if visits.get(y, 0) >= MAX_RESOLVE_VISITS:
                continue
            visits[y] = visits.get(y, 0) + 1
            rid = self.store.find(agency, y)
            stored = self.store.report(rid) if rid else None
            if stored is None or not stored.ambiguous:
                continue
            fresh = parse_report_tables(stored, self._neighbour_parses(agency, y), keep_template=True)
            fresh.checks += [c for c in stored.checks if c.rule.startswith(CONTINUITY_PREFIX)]  # until refreshed
            if (fresh.cells, fresh.ambiguous) != (stored.cells, stored.ambiguous):
                log.info("report %s (%s %d): neighbouring years changed its table cells", rid, agency, y)
                self._write_report(fresh, chunk_report(fresh), [], counts, progress, rewrite=True)
                touched.add(y)
                queue += [y - 1, y + 1]
        for y in sorted(touched):
            self._refresh_continuity(agency, y)

    def _refresh_continuity(self, agency: str, year: int) -> None:
        """Recompute the continuity checks of this year's report and of its neighbours (each pair is stored on
        both sides, so either report shows a break with the other)."""
        reports: dict[int, Report | None] = {}

        def get(y: int) -> Report | None:
            if y not in reports:
                rid = self.store.find(agency, y)
                reports[y] = self.store.report(rid) if rid else None
            return reports[y]

        for y in (year - 1, year, year + 1):
            cur = get(y)
            if cur is None:
                continue
            checks: list[Check] = [c for c in cur.checks if not c.rule.startswith(CONTINUITY_PREFIX)]
            for prev, nxt in ((get(y - 1), cur), (cur, get(y + 1))):
                if prev is not None and nxt is not None:  # say which pair: the check is stored on both sides
                    span = f"{prev.meta.year}->{nxt.meta.year}: "
                    checks += [c.model_copy(update={"detail": span + c.detail}) for c in continuity_checks(prev, nxt)]
            if checks != cur.checks:
                self.store.set_checks(cur.id, checks)

    # ---- removal -------------------------------------------------------------------------------
    def remove(self, report_id: str) -> bool:
        """Remove a report from SQLite first (the truth), then from the vectors and the lexical index."""
        with self._writing():
            summary = self.store.summary(report_id)
            if summary is None:
                return False
            self.store.delete(report_id)
            self._index_chunks([report_id], [], progress=False)
            self._refresh_continuity(summary.agency, summary.year)
            return True
