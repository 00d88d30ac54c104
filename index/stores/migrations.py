"""Numbered schema migrations of the structured store. The schema is defined only here; the store reflects it.
Append new migrations to MIGRATIONS; never edit one that has shipped (databases in the field ran it)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
)


def _migration_1(conn: Connection) -> None:
    """Reports, sections, cells, ambiguities, checks."""
    md = MetaData()

    def child(name: str, *columns) -> Table:
        """A table of rows that belong to one report, kept in the report's order (`ord`)."""
        owner = ForeignKey("reports.id", ondelete="CASCADE")
        return Table(name, md, Column("report_id", String(64), owner, primary_key=True),
                     Column("ord", Integer, primary_key=True), *columns)

    Table(
        "reports", md,
        Column("id", String(64), primary_key=True),
        Column("file_name", Text, nullable=False),
        Column("file_sha256", String(64), nullable=False),
        Column("agency", Text, nullable=False),
        Column("year", Integer, nullable=False),
        Column("template", String(16), nullable=False),
        Column("title", Text, nullable=False, default=""),
        Column("published", String(32)),
        Column("source_url", Text),
        Column("text", Text, nullable=False),
        Column("ingested_at", String(40), nullable=False),
        # one version per agency and year: two concurrent ingests cannot both insert one
        Index("ix_reports_agency_year", "agency", "year", unique=True),
        Index("ix_reports_file_name", "file_name"),
    )
    child(
        "sections",
        Column("key", String(32), nullable=False),
        Column("heading", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
    )
    child(
        "cells",
        Column("table", String(32), nullable=False),
        Column("row", String(64), nullable=False),
        Column("column", String(64)),  # NULL for the flat tables
        Column("value", Float),  # NULL = left empty in the report; SQL sums work on it directly
        Column("value_is_int", Boolean, nullable=False, default=True),  # read 113 back as 113, not 113.0
        Column("raw", Text, nullable=False, default=""),
        Column("start", Integer),
        Column("end", Integer),
        Column("page", Integer),
        Index("ix_cells_key", "table", "row", "column"),
    )
    child(
        "ambiguities",
        Column("table", String(32), nullable=False),
        Column("keys", Text, nullable=False),  # JSON list
        Column("text", Text, nullable=False),
        Column("candidates", Text, nullable=False),  # JSON list of lists
        Column("reason", Text, nullable=False, default=""),
        Column("start", Integer),
        Column("end", Integer),
    )
    child(
        "checks",
        Column("rule", String(64), nullable=False),
        Column("ok", Boolean, nullable=False),
        Column("detail", Text, nullable=False, default=""),
        Column("cells", Text, nullable=False, default="[]"),  # JSON list of "table:key"
    )
    md.create_all(conn)


def _migration_2(conn: Connection) -> None:
    """A change counter every write transaction raises: readers ask it instead of re-reading the catalog."""
    changes = Table("changes", MetaData(), Column("id", Integer, primary_key=True),
                    Column("generation", Integer, nullable=False))
    changes.create(conn)
    conn.execute(insert(changes).values(id=1, generation=0))


def _migration_3(conn: Connection) -> None:
    """Where a cell's value came from (a second source for glued digits, OCR) and the PDF pages of a report."""
    from sqlalchemy import text

    for table, column, kind in (("cells", "source", "VARCHAR(16)"), ("cells", "confidence", "FLOAT"),
                                ("reports", "pages", "TEXT"), ("reports", "ocr_pages", "TEXT")):
        quoted = conn.dialect.identifier_preparer.quote
        conn.execute(text(f"ALTER TABLE {quoted(table)} ADD COLUMN {quoted(column)} {kind}"))


def _migration_4(conn: Connection) -> None:
    """Where each agency sits and what kind it is (JSON lists), stored with the report so a question scoped by place
    or kind reads them instead of parsing every name; filled here for the reports already stored."""
    import json

    from sqlalchemy import column, table, text, update

    from index.parse.geography import kinds_of, places_of

    quoted = conn.dialect.identifier_preparer.quote
    for name in ("places", "kinds"):
        conn.execute(text(f"ALTER TABLE {quoted('reports')} ADD COLUMN {quoted(name)} TEXT"))
    reports = table("reports", column("id"), column("agency"), column("places"), column("kinds"))
    for rid, agency in conn.execute(select(reports.c.id, reports.c.agency)).all():
        conn.execute(update(reports).where(reports.c.id == rid).values(
            places=json.dumps(list(places_of(agency)), ensure_ascii=False),
            kinds=json.dumps(list(kinds_of(agency)), ensure_ascii=False)))


def _migration_5(conn: Connection) -> None:
    """PostgreSQL only: the lexical index of server mode (index/stores/shared_lexical.py::PostgresLexicalIndex), one
    for every host. `lex_chunks` holds each chunk with its length in tokens and its distinct token ids; `lex_postings`
    one row per (token, chunk) with the chunk's length, the token's count and the chunk's kind (a ranking reads nothing
    else, the cross-report search's kind filter included: the primary key covers them, so it is an index-only scan); `lex_vocab` each token's id and document frequency;
    `lex_stats` the chunks and tokens in all (BM25's average length) and the tokeniser they were made with."""
    if conn.dialect.name != "postgresql":
        return
    from sqlalchemy import text

    for ddl in (
        "CREATE SEQUENCE lex_chunk_n AS integer",
        "CREATE TABLE lex_chunks (n integer PRIMARY KEY, id text NOT NULL UNIQUE, report_id text NOT NULL, "
        "agency text NOT NULL, year integer NOT NULL, template text NOT NULL, section text NOT NULL, kind text NOT NULL, "
        'text text NOT NULL, start integer NOT NULL, "end" integer NOT NULL, ntok integer NOT NULL, '
        "terms integer[] NOT NULL)",
        "CREATE INDEX lex_chunks_report ON lex_chunks (report_id)",
        "CREATE INDEX lex_chunks_agency_year ON lex_chunks (agency, year)",
        "CREATE TABLE lex_vocab (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, token text COLLATE \"C\" NOT NULL "
        "UNIQUE, df integer NOT NULL)",
        "CREATE TABLE lex_postings (tid integer NOT NULL, n integer NOT NULL, ntok integer NOT NULL, tf smallint NOT NULL, "
        "kind smallint NOT NULL, PRIMARY KEY (tid, n) INCLUDE (ntok, tf, kind))",
        "CREATE TABLE lex_stats (id integer PRIMARY KEY CHECK (id = 1), chunks bigint NOT NULL, tokens bigint NOT NULL, "
        "scheme text NOT NULL)",
        "INSERT INTO lex_stats VALUES (1, 0, 0, '')",
    ):
        conn.execute(text(ddl))


MIGRATIONS: list[Callable[[Connection], None]] = [_migration_1, _migration_2, _migration_3, _migration_4, _migration_5]

_VERSION = Table(
    "schema_version", MetaData(),
    Column("version", Integer, primary_key=True),
)


def migrate(conn: Connection) -> int:
    """Run the migrations this database has not seen yet, inside the caller's transaction; return the version."""
    _VERSION.create(conn, checkfirst=True)
    done = conn.scalar(select(_VERSION.c.version).order_by(_VERSION.c.version.desc()).limit(1)) or 0
    for number, step in enumerate(MIGRATIONS, start=1):
        if number > done:
            step(conn)
            conn.execute(insert(_VERSION).values(version=number))
    return len(MIGRATIONS)
