"""The structured store on real SQLite files: round trips of the corpus, idempotent upsert, atomic replace."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, text

from index.errors import StoreError
from index.models import Ambiguity, Cell, Check, Report, ReportMeta, Section
from index.stores.store import Store


@pytest.fixture(scope="module")
def parsed(report_files) -> dict[str, Report]:
    from index.parse.report import parse_file

    return {f.name: parse_file(f) for f in report_files}


@pytest.fixture
def store(settings) -> Store:
    s = Store(settings.database_url)
    yield s
    s.close()


def make_report(rid: str = "r1", agency: str = "测试区人民政府", year: int = 2022, file_name: str = "a.txt",
                total: int | float | None = 113) -> Report:
    return Report(
        id=rid, file_name=file_name, file_sha256="0" * 64, text="一、总体情况\n本年新收申请113件。",
        meta=ReportMeta(agency=agency, year=year, template="2021", published="2023-01-20"),
        sections=[Section(key="overview", heading="一、总体情况", start=0, end=17)],
        cells=[
            Cell(table="requests", row="new_received", column="total", value=total, raw="113", start=13, end=16),
            Cell(table="active", row="fees_amount_wan", value=0.5, raw="0.50"),
            Cell(table="active", row="fees_amount_wan", value=2.0, raw="2.00"),
            Cell(table="active", row="normative_issued", value=None, raw=""),
        ],
        ambiguous=[Ambiguity(table="active", keys=["normative_issued", "normative_repealed"], text="106",
                             candidates=[[10, 6], [1, 6]], reason="glued digits", start=3, end=6)],
        checks=[Check(rule="requests.balance", ok=False, detail="113+0 != 110+0", cells=["requests:new_received.total"]),
                Check(rule="requests.row_total", ok=True)],
    )


def test_every_corpus_report_round_trips(store, parsed):
    for name, report in parsed.items():
        assert store.upsert(report), name
    assert store.counts()["reports"] == len(parsed)
    for name, report in parsed.items():
        assert store.report(report.id) == report, name
    lucheng = next(r for n, r in parsed.items() if n.startswith("00_lucheng"))
    assert store.report(lucheng.id).cell("requests", "new_received", "total").value == 113


def test_values_keep_their_type(store):
    store.upsert(make_report())
    cells = store.report("r1").cells
    assert [type(c.value) for c in cells] == [int, float, float, type(None)]
    assert [c.value for c in cells] == [113, 0.5, 2.0, None]


def test_same_report_again_writes_nothing(store):
    assert store.upsert(make_report()) is True
    before, stamp = store.counts(), store.summary("r1").ingested_at
    assert store.upsert(make_report()) is False
    assert store.counts() == before
    assert store.summary("r1").ingested_at == stamp


def test_new_version_of_agency_year_replaces_without_leftovers(store):
    store.upsert(make_report())
    other = make_report("o1", agency="另一机关", file_name="o.txt")
    store.upsert(other)
    new = make_report("r2", file_name="renamed.txt", total=120)
    new.cells = new.cells[:1]
    new.ambiguous, new.checks = [], []
    assert store.superseded(new) == ["r1"]
    assert store.upsert(new) is True
    assert store.ids() == {"r2", "o1"}
    assert store.counts() == {"reports": 2, "sections": 2, "cells": 1 + 4, "ambiguities": 1, "checks": 2}
    assert store.report("r2") == new


def test_same_file_name_replaces_only_within_the_agency(store):
    store.upsert(make_report("a2022", year=2022, file_name="年报.pdf"))
    store.upsert(make_report("a2023", year=2023, file_name="年报.pdf"))  # the year was corrected: replace
    assert store.ids() == {"a2023"}
    store.upsert(make_report("b2023", agency="另一机关", year=2023, file_name="年报.pdf"))  # a generic name
    assert store.ids() == {"a2023", "b2023"}
    assert sorted(store.find_by_file("年报.pdf")) == ["a2023", "b2023"]


def test_delete_removes_every_row(store):
    store.upsert(make_report())
    assert store.delete("r1") is True
    assert store.delete("r1") is False
    assert store.counts() == {"reports": 0, "sections": 0, "cells": 0, "ambiguities": 0, "checks": 0}
    with pytest.raises(StoreError, match="no report with id r1"):
        store.report("r1")


def test_summaries_cells_and_checks(store):
    store.upsert(make_report("r1", agency="乙区", year=2022))
    store.upsert(make_report("r2", agency="甲区", year=2023, total=7))
    s = store.summary("r1")
    assert (s.agency, s.year, s.template, s.checks_failed, s.ambiguous, s.published) == ("乙区", 2022, "2021", 1, 1, "2023-01-20")
    assert [r.agency for r in store.reports()] == sorted(["甲区", "乙区"])
    assert store.agencies() == sorted(["甲区", "乙区"])
    assert store.find("甲区", 2023) == "r2" and store.find("甲区", 2022) is None
    rows = store.cells("requests", "new_received", "total")
    assert {(s.agency, c.value) for s, c in rows} == {("乙区", 113), ("甲区", 7)}
    assert [c.value for _, c in store.cells("active", "fees_amount_wan", report_ids=["r2"])] == [0.5, 2.0]
    assert store.cells(table="review_litigation") == []
    store.set_checks("r1", [Check(rule="continuity.carried", ok=False, detail="5 != 6")])
    assert store.summary("r1").checks_failed == 1
    assert [c.rule for c in store.report("r1").checks] == ["continuity.carried"]


def test_flaws_are_the_reports_own_failed_checks_and_ambiguities(store, parsed):
    """What a reader of a few cells needs besides them, without the whole report: the checks that are not ok and the
    ambiguities, each in the report's order, for the ids asked; a report with neither is left out."""
    store.upsert(make_report("r1"))
    clean = make_report("r2", agency="甲区", year=2023)
    store.upsert(clean.model_copy(update={"ambiguous": [], "checks": [Check(rule="requests.row_total", ok=True)]}))
    store.set_checks("r1", [Check(rule="a", ok=False, detail="not checked: no table"), Check(rule="b", ok=True),
                            Check(rule="c", ok=False, detail="1 != 2", cells=["requests:new_received.total"])])
    assert store.flaws(["r1", "r2", "r1", "nope"]) == {"r1": (
        [Check(rule="a", ok=False, detail="not checked: no table"),
         Check(rule="c", ok=False, detail="1 != 2", cells=["requests:new_received.total"])],
        make_report().ambiguous)}
    for report in parsed.values():
        store.upsert(report)
    flaws = store.flaws([r.id for r in parsed.values()])
    assert flaws and any(a for _, a in flaws.values()) and any(c for c, _ in flaws.values())
    for report in parsed.values():
        checks, ambiguous = flaws.get(report.id, ([], []))
        assert checks == [c for c in report.checks if not c.ok] and ambiguous == report.ambiguous, report.file_name


def test_migrations_run_once(settings):
    Store(settings.database_url).upsert(make_report())
    again = Store(settings.database_url)
    assert again.ids() == {"r1"}
    with create_engine(settings.database_url).connect() as conn:
        assert conn.execute(text("select version from schema_version")).scalars().all() == [1, 2, 3, 4, 5]
        assert conn.execute(text("pragma journal_mode")).scalar() == "wal"


def test_threads_share_one_store(store):
    errors: list[Exception] = []

    def work(i: int) -> None:
        try:
            for j in range(5):
                store.upsert(make_report(f"t{i}-{j}", agency=f"机关{i}", year=2000 + j, file_name=f"{j}.txt"))
                store.cells("requests", "new_received", "total")
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.ids()) == 30


def test_bad_url_is_a_store_error():
    with pytest.raises(StoreError, match="cannot open the structured store"):
        Store("sqlite:////proc/no/such/dir/x.sqlite")


def test_containing_is_a_complete_phrase_search(store, parsed):
    for r in parsed.values():
        store.upsert(r)
    expected = {r.id for r in parsed.values() if "压力测试" in r.text and "依申请" in r.text}
    assert expected and set(store.containing(["压力测试", "依申请"])) == expected
    some = sorted(expected)[:1]
    assert store.containing(["压力测试"], some) == some
    assert store.containing(["100%_不存在"]) == []  # LIKE wildcards are taken literally


def test_containing_reads_the_texts_once_and_sees_every_write(store, parsed, monkeypatch):
    """Phrases are searched in the texts held in memory (no query over the texts per phrase), as of the last write
    (a report stored or removed afterwards is seen); a store above the memory cap is searched in SQL alike."""
    from sqlalchemy import event

    from index.stores import store as store_module

    reports = sorted(parsed.values(), key=lambda r: r.id)
    for r in reports[1:]:
        store.upsert(r)
    store.containing(["政府信息公开"])
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    got = store.containing(["培训", "依申请"])
    assert not [q for q in statements if "LIKE" in q.upper() or "reports.text" in q]
    assert set(got) == {r.id for r in reports[1:] if "培训" in r.text and "依申请" in r.text}
    store.upsert(reports[0])
    assert set(store.containing(["依申请"])) == {r.id for r in reports if "依申请" in r.text}
    store.delete(reports[1].id)
    memory = store.containing(["依申请"])
    assert reports[1].id not in memory
    monkeypatch.setattr(store_module, "TEXTS_IN_MEMORY", 0)
    assert store.containing(["依申请"]) == memory  # the same reports in the same order (agency, year) from SQL


def test_migration_4_fills_places_of_reports_stored_before_it(tmp_path):
    """A database written before places were stored gets them from the agency names when it is opened."""
    from sqlalchemy import insert

    from index.stores import migrations

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    with create_engine(url).begin() as conn:
        migrations._VERSION.create(conn)
        for number, step in enumerate(migrations.MIGRATIONS[:3], start=1):
            step(conn)
            conn.execute(insert(migrations._VERSION).values(version=number))
        conn.execute(text("insert into reports (id, file_name, file_sha256, agency, year, template, title, text, "
                          "ingested_at) values ('old', 'a.txt', 'x', '温州市鹿城区人民政府办公室', 2022, '2021', '', "
                          "'', '2026-01-01')"))
    summary = Store(url).summary("old")
    assert {"浙江省", "浙江", "温州", "鹿城区"} <= set(summary.places)
    assert "政府" in summary.kinds


def test_places_are_stored_and_read_back(store):
    report = make_report()
    report.meta.places, report.meta.kinds = ["某省", "某市"], ["公安"]
    store.upsert(report)
    assert (store.summary(report.id).places, store.report(report.id).meta.kinds) == (["某省", "某市"], ["公安"])
