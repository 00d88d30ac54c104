"""The structured store: exact cells, sections and checks of every report, through SQLAlchemy Core so a
PostgreSQL URL replaces the SQLite default without code changes.

    store = Store("sqlite:///home/nianbao.sqlite")
    store.upsert(report)                       # False when this exact content is already stored
    store.cells("requests", "new_received", "total")   # [(ReportSummary, Cell), …] across agencies
"""

from __future__ import annotations

import json
import threading
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import (
    Connection,
    Engine,
    MetaData,
    and_,
    case,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from index.errors import StoreError
from index.models import Ambiguity, Cell, Check, Report, ReportMeta, Section
from index.stores.migrations import migrate


class ReportSummary(BaseModel):
    """One stored report as lists and citations need it (no text, no cells)."""

    id: str
    agency: str
    year: int
    template: str
    file_name: str
    title: str = ""
    published: str | None = None
    source_url: str | None = None
    ingested_at: str = ""
    checks_failed: int = 0
    ambiguous: int = 0
    places: list[str] = []  # where the agency sits (index.parse.geography), stored with the report
    kinds: list[str] = []


_CHILDREN = ("sections", "cells", "ambiguities", "checks")
TEXTS_IN_MEMORY = 5000  # reports whose texts `containing` searches in memory (1,000 reports: ~6M characters)


class _Texts:
    """Every stored report's text in one string (ordered by agency and year) and, per phrase searched, the reports
    that hold it: one `str.find` a report that holds it, jumping to the next report (C speed)."""

    def __init__(self, stamp: int, rows: list[tuple[str, str]]):
        self.stamp = stamp
        self.ids = [i for i, _ in rows]
        self.joined = "\x00".join(t for _, t in rows)
        self.starts = list(accumulate((len(t) + 1 for _, t in rows[:-1]), initial=0))
        self.seen: dict[str, set[int]] = {}

    def holding(self, phrase: str) -> set[int]:
        if phrase not in self.seen:
            out: set[int] = set()
            at = self.joined.find(phrase) if phrase else -1
            while at != -1:
                n = bisect_right(self.starts, at) - 1
                out.add(n)
                at = self.joined.find(phrase, self.starts[n + 1]) if n + 1 < len(self.starts) else -1
            if not phrase:
                out = set(range(len(self.ids)))
            if len(self.seen) > 4096:
                self.seen.clear()
            self.seen[phrase] = out
        return self.seen[phrase]
_CELL_FIELDS = ("table", "row", "column", "value", "value_is_int", "raw", "start", "end", "page", "source",
                "confidence")
_SQLITE_BUSY_MS = 30_000
_WRITER_LOCK = 7166  # PostgreSQL advisory lock key of the writers (7165: migrations)


def _sqlite_engine(url: str) -> Engine:
    """WAL (readers never wait for the writer), foreign keys, a busy timeout, and BEGIN IMMEDIATE for writes
    so two ingesting processes serialise instead of failing on a lock upgrade."""
    path = make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": _SQLITE_BUSY_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


def _dump_value(v) -> tuple[float | None, bool]:
    return (None if v is None else float(v)), not isinstance(v, float)


def _load_value(v, is_int: bool):
    return None if v is None else (int(v) if is_int else float(v))


class Store:
    """Reports, sections, cells, ambiguities and checks; one transaction per write, safe across threads."""

    def __init__(self, url: str):
        self.url = url
        try:
            self._engine = _sqlite_engine(url) if url.startswith("sqlite") else create_engine(url, pool_pre_ping=True)
            with self._write() as conn:
                if conn.dialect.name == "postgresql":  # two processes starting at once migrate one after the other
                    conn.execute(text("SELECT pg_advisory_xact_lock(7165)"))
                migrate(conn)
            md = MetaData()
            md.reflect(self._engine, only=("reports", "changes", *_CHILDREN))
        except (SQLAlchemyError, OSError) as e:
            raise StoreError(f"cannot open the structured store {make_url(url).render_as_string()}: {e}") from e
        self._t = md.tables
        self._texts_lock = threading.Lock()
        self._held_texts: _Texts | None = None

    @property
    def engine(self) -> Engine:
        """The connection pool (the PostgreSQL lexical index keeps its tables in the same database)."""
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    # ---- transactions -------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite); commits on success, rolls back on any error."""
        with self._engine.connect().execution_options(write=True) as conn, conn.begin():
            yield conn
            if "changes" in getattr(self, "_t", {}):  # (not yet during the migrations that create it)
                t = self._t["changes"]
                conn.execute(update(t).where(t.c.id == 1).values(generation=t.c.generation + 1))

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Held by a writer for a whole ingest or removal, so writers on other hosts sharing this PostgreSQL
        database take turns (a session advisory lock, released even if the process dies). SQLite needs none:
        its writers share one home, whose lock file serialises them."""
        if self._engine.dialect.name != "postgresql":
            yield
            return
        with self._engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _WRITER_LOCK})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _WRITER_LOCK})
                conn.commit()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """One read transaction: a consistent snapshot across the several queries of e.g. `report()`."""
        with self._engine.connect() as conn, conn.begin():
            yield conn

    # ---- writes -------------------------------------------------------------------------------
    def superseded(self, report: Report) -> list[str]:
        """Ids of stored versions that `upsert(report)` would replace (same agency+year, or same file and agency)."""
        with self._read() as conn:
            return self._superseded(conn, report)

    def _superseded(self, conn: Connection, report: Report) -> list[str]:
        r, m = self._t["reports"].c, report.meta
        same = or_(and_(r.agency == m.agency, r.year == m.year), and_(r.file_name == report.file_name, r.agency == m.agency))
        return list(conn.scalars(select(r.id).where(same, r.id != report.id)))

    def upsert(self, report: Report, rewrite: bool = False) -> bool:
        """Store the report; False (nothing written) when this id is already stored. An older version of the same
        report is deleted in the same transaction, so readers see the old or the new one, never both or neither.
        `rewrite=True` replaces a stored report of the same id (its tables re-resolved with a new neighbour)."""
        for attempt in range(3):
            try:
                with self._write() as conn:
                    stored = conn.scalar(select(self._t["reports"].c.id).where(self._t["reports"].c.id == report.id))
                    if stored and not rewrite:
                        return False
                    self._delete(conn, [*self._superseded(conn, report), *([report.id] if stored else [])])
                    self._insert(conn, report)
                    return True
            except IntegrityError as e:  # another process inserted the same report meanwhile: look again
                if attempt == 2:
                    raise StoreError(f"cannot store report {report.id} ({report.file_name}): {e.orig}") from e
            except SQLAlchemyError as e:
                raise StoreError(f"cannot store report {report.id} ({report.file_name}): {e}") from e
        return False

    def _insert(self, conn: Connection, report: Report) -> None:
        m, rid = report.meta, report.id
        conn.execute(insert(self._t["reports"]).values(
            id=rid, file_name=report.file_name, file_sha256=report.file_sha256, agency=m.agency, year=m.year,
            template=m.template, title=m.title, published=m.published, source_url=m.source_url, text=report.text,
            ingested_at=datetime.now(UTC).isoformat(timespec="microseconds"),
            pages=json.dumps(report.pages), ocr_pages=json.dumps(report.ocr_pages),
            places=json.dumps(m.places, ensure_ascii=False), kinds=json.dumps(m.kinds, ensure_ascii=False),
        ))
        rows = {
            "sections": [dict(report_id=rid, ord=i, **s.model_dump()) for i, s in enumerate(report.sections)],
            "cells": [self._cell_row(rid, i, c) for i, c in enumerate(report.cells)],
            "ambiguities": [
                dict(report_id=rid, ord=i, table=a.table, keys=json.dumps(a.keys), text=a.text,
                     candidates=json.dumps(a.candidates), reason=a.reason, start=a.start, end=a.end)
                for i, a in enumerate(report.ambiguous)
            ],
            "checks": self._check_rows(rid, report.checks),
        }
        for name, values in rows.items():
            if values:
                conn.execute(insert(self._t[name]), values)

    @staticmethod
    def _cell_row(rid: str, i: int, c: Cell) -> dict:
        value, is_int = _dump_value(c.value)
        return dict(report_id=rid, ord=i, table=c.table, row=c.row, column=c.column, value=value,
                    value_is_int=is_int, raw=c.raw, start=c.start, end=c.end, page=c.page, source=c.source,
                    confidence=c.confidence)

    @staticmethod
    def _check_rows(rid: str, checks: list[Check]) -> list[dict]:
        return [dict(report_id=rid, ord=i, rule=c.rule, ok=c.ok, detail=c.detail, cells=json.dumps(c.cells))
                for i, c in enumerate(checks)]

    def _delete(self, conn: Connection, ids: list[str]) -> None:
        if not ids:
            return
        for name in _CHILDREN:  # explicit, not only ON DELETE CASCADE: correct even where foreign keys are off
            conn.execute(delete(self._t[name]).where(self._t[name].c.report_id.in_(ids)))
        conn.execute(delete(self._t["reports"]).where(self._t["reports"].c.id.in_(ids)))

    def delete(self, report_id: str) -> bool:
        """Remove one report and everything under it; False when it was not stored."""
        with self._write() as conn:
            found = conn.scalar(select(func.count()).where(self._t["reports"].c.id == report_id))
            self._delete(conn, [report_id])
            return bool(found)

    def set_checks(self, report_id: str, checks: list[Check]) -> None:
        """Replace a report's checks (its own plus the cross-year ones, which change as neighbours come and go)."""
        t = self._t["checks"]
        with self._write() as conn:
            conn.execute(delete(t).where(t.c.report_id == report_id))
            if checks:
                conn.execute(insert(t), self._check_rows(report_id, checks))

    # ---- reads --------------------------------------------------------------------------------
    def _summary_columns(self):
        r, ck, am = self._t["reports"], self._t["checks"], self._t["ambiguities"]
        failed = select(func.count()).where(ck.c.report_id == r.c.id, ck.c.ok.is_(False),  # "not checked" is no failure
                                           ~ck.c.detail.like("not checked%")).scalar_subquery()
        ambiguous = select(func.count()).where(am.c.report_id == r.c.id).scalar_subquery()
        cols = [r.c[n] for n in ("id", "agency", "year", "template", "file_name", "title", "published",
                                 "source_url", "ingested_at", "places", "kinds")]
        return [*cols, failed.label("checks_failed"), ambiguous.label("ambiguous")]

    @staticmethod
    def _summary(row) -> ReportSummary:
        m = row._mapping
        return ReportSummary(**{k: json.loads(m[k] or "[]") if k in ("places", "kinds") else m[k]
                                for k in ReportSummary.model_fields})

    def reports(self, agency: str | None = None) -> list[ReportSummary]:
        """Every stored report (or one agency's), by agency then year."""
        r = self._t["reports"]
        q = select(*self._summary_columns()).order_by(r.c.agency, r.c.year)
        if agency is not None:
            q = q.where(r.c.agency == agency)
        with self._read() as conn:
            return [self._summary(row) for row in conn.execute(q)]

    def summary(self, report_id: str) -> ReportSummary | None:
        r = self._t["reports"]
        with self._read() as conn:
            row = conn.execute(select(*self._summary_columns()).where(r.c.id == report_id)).first()
        return self._summary(row) if row else None

    def ids(self) -> set[str]:
        with self._read() as conn:
            return set(conn.scalars(select(self._t["reports"].c.id)))

    def agencies(self) -> list[str]:
        r = self._t["reports"]
        with self._read() as conn:
            return list(conn.scalars(select(r.c.agency).distinct().order_by(r.c.agency)))

    def find(self, agency: str, year: int) -> str | None:
        """The id of an agency's report for one year, if stored."""
        r = self._t["reports"].c
        with self._read() as conn:
            return conn.scalar(select(r.id).where(r.agency == agency, r.year == year))

    def containing(self, phrases: list[str], report_ids: list[str] | None = None) -> list[str]:
        """Ids of the reports whose text holds every phrase, by agency and year: a complete phrase search (which
        reports mention 压力测试), where a retriever's top k is not. Read from every text held in memory once per
        process and write (`_Texts`: ~5 ms a phrase at 1,000 reports, where a LIKE over the table took ~25-60 ms),
        each phrase's reports kept, so the several calls of one open question scan each word once; a store of more
        than TEXTS_IN_MEMORY reports is searched in SQL (a LIKE, ASCII letters in any case on SQLite)."""
        texts = self._texts()
        if texts is None:
            r = self._t["reports"].c
            q = select(r.id).where(*(r.text.contains(p, autoescape=True) for p in phrases)).order_by(r.agency, r.year)
            if report_ids is not None:
                q = q.where(r.id.in_(report_ids))
            with self._read() as conn:
                return list(conn.scalars(q))
        found = set(range(len(texts.ids)))
        for p in phrases:
            found &= texts.holding(p)
        wanted = None if report_ids is None else set(report_ids)
        return [texts.ids[i] for i in sorted(found) if wanted is None or texts.ids[i] in wanted]

    def _texts(self) -> _Texts | None:
        """Every report's text, joined, as of the last write (`change_stamp`); None above TEXTS_IN_MEMORY."""
        stamp = self.change_stamp()
        held = self._held_texts
        if held is not None and held.stamp == stamp:
            return held
        with self._texts_lock:
            held = self._held_texts
            if held is not None and held.stamp == stamp:
                return held
            r = self._t["reports"].c
            with self._read() as conn:
                if conn.scalar(select(func.count()).select_from(self._t["reports"])) > TEXTS_IN_MEMORY:
                    return None
                rows = conn.execute(select(r.id, r.text).order_by(r.agency, r.year)).all()
            self._held_texts = _Texts(stamp, [(i, t or "") for i, t in rows])
            return self._held_texts

    def find_by_file(self, file_name: str) -> list[str]:
        r = self._t["reports"].c
        with self._read() as conn:
            return list(conn.scalars(select(r.id).where(r.file_name == file_name)))

    def report(self, report_id: str) -> Report:
        """The full report as parsed: text, sections, cells, ambiguities, checks in their original order."""
        t = self._t
        with self._read() as conn:
            row = conn.execute(select(t["reports"]).where(t["reports"].c.id == report_id)).first()
            if row is None:
                raise StoreError(f"no report with id {report_id}")
            children = {
                name: conn.execute(select(t[name]).where(t[name].c.report_id == report_id).order_by(t[name].c.ord)).all()
                for name in _CHILDREN
            }
        m = row._mapping
        return Report(
            id=m["id"], file_name=m["file_name"], file_sha256=m["file_sha256"], text=m["text"],
            pages=[tuple(p) for p in json.loads(m["pages"] or "[]")], ocr_pages=json.loads(m["ocr_pages"] or "[]"),
            meta=ReportMeta(agency=m["agency"], year=m["year"], template=m["template"], title=m["title"],
                            published=m["published"], source_url=m["source_url"],
                            places=json.loads(m["places"] or "[]"), kinds=json.loads(m["kinds"] or "[]")),
            sections=[Section(key=s.key, heading=s.heading, start=s.start, end=s.end) for s in children["sections"]],
            cells=[self._cell(c._mapping) for c in children["cells"]],
            ambiguous=[self._ambiguity(a) for a in children["ambiguities"]],
            checks=[self._check(c) for c in children["checks"]],
        )

    @staticmethod
    def _ambiguity(a) -> Ambiguity:
        return Ambiguity(table=a.table, keys=json.loads(a.keys), text=a.text, candidates=json.loads(a.candidates),
                         reason=a.reason, start=a.start, end=a.end)

    @staticmethod
    def _check(c) -> Check:
        return Check(rule=c.rule, ok=c.ok, detail=c.detail, cells=json.loads(c.cells))

    @staticmethod
    def _cell(m, prefix: str = "") -> Cell:
        f = {n: m[prefix + n] for n in _CELL_FIELDS}
        return Cell(table=f["table"], row=f["row"], column=f["column"], value=_load_value(f["value"], f["value_is_int"]),
                    raw=f["raw"], start=f["start"], end=f["end"], page=f["page"], source=f["source"],
                    confidence=f["confidence"])

    def cells(self, table: str | None = None, row: str | None = None, column: str | None = None,
              report_ids: list[str] | None = None) -> list[tuple[ReportSummary, Cell]]:
        """Matching cells of every (or the given) report with the report's summary, in one query, for sums and
        rankings across agencies and years. `column=None` does not filter; flat-table cells have column None."""
        c, r = self._t["cells"], self._t["reports"]
        q = (select(*self._summary_columns(), *[c.c[n].label(f"cell_{n}") for n in _CELL_FIELDS])
             .join_from(r, c, c.c.report_id == r.c.id)
             .order_by(r.c.agency, r.c.year, c.c.ord))
        for col, want in (("table", table), ("row", row), ("column", column)):
            if want is not None:
                q = q.where(c.c[col] == want)
        if report_ids is not None:
            q = q.where(c.c.report_id.in_(list(report_ids)))
        with self._read() as conn:
            rows = conn.execute(q).all()
        return [(self._summary(x), self._cell(x._mapping, "cell_")) for x in rows]

    def flaws(self, report_ids: list[str]) -> dict[str, tuple[list[Check], list[Ambiguity]]]:
        """report id -> (its checks that are not ok, its ambiguities), each in the report's own order, in two
        queries: what a reader of a few cells needs besides the cells to say what the report itself gets wrong,
        without loading the whole report (its text, sections and every cell). Ids without either are left out."""
        ck, am = self._t["checks"], self._t["ambiguities"]
        out: dict[str, tuple[list[Check], list[Ambiguity]]] = {}
        ids = list(dict.fromkeys(report_ids))
        with self._read() as conn:
            for n in range(0, len(ids), 5000):  # far inside SQLite's bound variables
                part = ids[n:n + 5000]
                for c in conn.execute(select(ck).where(ck.c.report_id.in_(part), ck.c.ok.is_(False))
                                      .order_by(ck.c.report_id, ck.c.ord)):
                    out.setdefault(c.report_id, ([], []))[0].append(self._check(c))
                for a in conn.execute(select(am).where(am.c.report_id.in_(part)).order_by(am.c.report_id, am.c.ord)):
                    out.setdefault(a.report_id, ([], []))[1].append(self._ambiguity(a))
        return out

    def change_stamp(self) -> int:
        """Raised by every committed write of any process: a reader that saw this number before has seen
        everything (one indexed row; on SQLite and PostgreSQL alike)."""
        t = self._t["changes"]
        with self._read() as conn:
            return int(conn.scalar(select(t.c.generation).where(t.c.id == 1)) or 0)

    def check_counts(self) -> dict[str, tuple[int, int]]:
        """report id -> (checks, failed checks), in one query (a report list needs no full report)."""
        ck = self._t["checks"]
        failed = func.sum(case((and_(ck.c.ok.is_(False), ~ck.c.detail.like("not checked%")), 1), else_=0))
        q = select(ck.c.report_id, func.count(), failed).group_by(ck.c.report_id)
        with self._read() as conn:
            return {rid: (int(n), int(bad or 0)) for rid, n, bad in conn.execute(q)}

    def counts(self) -> dict[str, int]:
        """Row count per table (tests and `nianbao reports` use it to see that nothing was rewritten)."""
        with self._read() as conn:
            return {n: conn.scalar(select(func.count()).select_from(self._t[n])) for n in ("reports", *_CHILDREN)}
