"""The same code against servers: a real PostgreSQL (`initdb` + `pg_ctl` into a temporary folder) and a real
Chroma server (`chroma run`), both on free loopback ports, started once for this module — or the ones named by
NIANBAO_TEST_DB_URL (an admin URL: each test creates its own database there) and NIANBAO_TEST_CHROMA_URL.
Where a server cannot start the tests skip, saying what failed.

The store and ingest tests of test_store.py/test_ingest.py and the figure answers of test_pipeline.py run here
unchanged: this module's `settings`, `store`, `index` and `assistant` fixtures point them at the servers."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import test_ingest
import test_pipeline
import test_store

from assistant.pipeline import Assistant
from index.ingest import Index, chunk_count, dense_count
from index.settings import Settings
from index.stores.chunks import chunk_report
from index.stores.embed import HASH_MODEL, HashEmbedder
from index.stores.store import Store

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
START_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log_tail(path: Path, lines: int = 5) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return "(no log)"


# ---- PostgreSQL ----------------------------------------------------------------------------------
def _pg_bindir() -> Path | None:
    exe = shutil.which("pg_ctl")
    if exe:
        return Path(exe).resolve().parent
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


def _as_postgres_user() -> list[str]:
    """PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user the package creates."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.skip("PostgreSQL cannot run as root and runuser is missing")
    try:
        subprocess.run([runuser, "-u", "postgres", "--", "true"], check=True, capture_output=True)
    except subprocess.CalledProcessError:
        pytest.skip("PostgreSQL cannot run as root and there is no `postgres` user (apt-get install postgresql)")
    return [runuser, "-u", "postgres", "--"]


@pytest.fixture(scope="module")
def postgres() -> str:
    """Admin URL of a PostgreSQL server: the one named by NIANBAO_TEST_DB_URL or a fresh cluster of our own."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]')")
    if os.environ.get("NIANBAO_TEST_DB_URL"):
        yield os.environ["NIANBAO_TEST_DB_URL"]
        return
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed: no pg_ctl on PATH or under /usr/lib/postgresql (apt-get install postgresql)")
    prefix = _as_postgres_user()
    root = Path(tempfile.mkdtemp(prefix="nianbao-pg-"))
    if prefix:
        shutil.chown(root, "postgres")
    data, log, port = root / "data", root / "server.log", _free_port()
    try:
        subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                        "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True, text=True)
        # -F: no fsync (a throwaway cluster); the socket lives in our folder, TCP on loopback only
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", str(START_SECONDS),
                        "-o", f"-F -k {root} -h 127.0.0.1 -p {port}", "start"], check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as e:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"PostgreSQL did not start ({Path(e.cmd[len(prefix)]).name}: {(e.stderr or '').strip()[-300:]} "
                    f"{_log_tail(log)})")
    yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                   capture_output=True)
    shutil.rmtree(root, ignore_errors=True)


def new_database(admin_url: str) -> str:
    """A fresh, empty database on the server: every test starts from nothing, as with a new SQLite file."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"nianbao_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        # code-point collation, as SQLite sorts: agency lists come out in the same order on both
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


# ---- Chroma --------------------------------------------------------------------------------------
def _heartbeat(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def chroma(tmp_path_factory) -> str:
    """URL of a Chroma server: the one named by NIANBAO_TEST_CHROMA_URL or `chroma run` of our own."""
    if os.environ.get("NIANBAO_TEST_CHROMA_URL"):
        yield os.environ["NIANBAO_TEST_CHROMA_URL"]
        return
    exe = shutil.which("chroma")
    if exe is None:
        pytest.skip("the chroma CLI is not installed (it comes with the chromadb package)")
    root, port = tmp_path_factory.mktemp("chroma-server"), _free_port()
    log = root / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([exe, "run", "--path", str(root / "data"), "--host", "127.0.0.1", "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while not _heartbeat(url):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.skip(f"the Chroma server did not start (exit {proc.poll()}): {_log_tail(log)}")
        time.sleep(0.3)
    yield url
    proc.kill()  # a throwaway server: no graceful shutdown to wait for
    proc.wait(timeout=30)


def server_settings(home: Path, db_url: str, chroma_url: str, collection: str | None = None, **kw) -> Settings:
    return Settings(home=home, db_url=db_url, chroma_url=chroma_url,
                    collection=collection or f"t{uuid.uuid4().hex[:12]}", **kw)


# ---- the fixtures the imported tests ask for, pointed at the servers -----------------------------
@pytest.fixture
def settings(tmp_path, postgres, chroma) -> Settings:
    return server_settings(tmp_path / "home", new_database(postgres), chroma)


@pytest.fixture
def store(settings) -> Store:
    s = Store(settings.database_url)
    yield s
    s.close()


@pytest.fixture
def index(settings) -> Index:
    return Index(settings, embedder=HashEmbedder())


@pytest.fixture(scope="module")
def parsed(parsed_reports) -> dict:
    """test_store's corpus fixture, from the session's parse."""
    return {r.file_name: r for r in parsed_reports}


# The store and ingest tests, unchanged, on the servers (this module's fixtures are the ones they get).
REUSED = {
    test_store: ("test_every_corpus_report_round_trips", "test_values_keep_their_type",
                 "test_same_report_again_writes_nothing", "test_new_version_of_agency_year_replaces_without_leftovers",
                 "test_same_file_name_replaces_only_within_the_agency", "test_delete_removes_every_row",
                 "test_summaries_cells_and_checks", "test_threads_share_one_store"),
    test_ingest: ("test_changed_file_replaces_the_old_version", "test_bad_files_fail_alone",
                  "test_remove_clears_every_store_and_neighbour_checks", "test_reconcile_repairs_an_interrupted_ingest"),
    test_pipeline: ("test_seed_new_requests_with_carried_over", "test_seed_three_turn_conversation",
                  "test_seed_disclosure_rate_shows_formula_and_cites_inputs"),  # over `assistant` below
}
globals().update({name: getattr(module, name) for module, names in REUSED.items() for name in names})


def test_the_stores_are_the_servers(settings, index):
    """Guards the rest of this module: nothing here silently fell back to the embedded stores."""
    assert index.store._engine.dialect.name == "postgresql"
    assert index.vectors.client.get_settings().chroma_server_http_port == int(settings.chroma_url.rsplit(":", 1)[1])
    assert index.vectors.client.heartbeat() > 0
    assert not settings.chroma_path.exists() and not (settings.home / "nianbao.sqlite").exists()


def test_migrations_run_once_even_when_two_processes_start_together(settings):
    from sqlalchemy import create_engine, text

    with ThreadPoolExecutor(4) as pool:  # four connections racing to migrate an empty database
        stores = list(pool.map(lambda _: Store(settings.database_url), range(4)))
    stores[0].upsert(test_store.make_report())
    assert {frozenset(s.ids()) for s in stores} == {frozenset({"r1"})}
    engine = create_engine(settings.database_url)
    with engine.connect() as conn:
        assert conn.execute(text("select version from schema_version")).scalars().all() == [1, 2, 3, 4, 5]
    engine.dispose()


def test_writers_on_two_hosts_take_turns(settings):
    """Store.lock() is what keeps a second host's ingest out while one is writing."""
    import threading

    first, second = Store(settings.database_url), Store(settings.database_url)
    got = threading.Event()

    def wait_for_lock():
        with second.lock():
            got.set()

    with first.lock():
        waiter = threading.Thread(target=wait_for_lock)
        waiter.start()
        assert not got.wait(1.0)
    assert got.wait(30)
    waiter.join()


# ---- a part of the corpus on the servers: figure answers from PostgreSQL -------------------------
SERVER_CORPUS = ("00_lucheng-qu_2022.txt", "04_shuyang-xian_2025.txt", "05_shanghai-kewei_2024.md",
                 "06_shanghai-bgt_2025.md", "17_pingtan-syq_2022.txt", "18_pingtan-syq_2023.txt",
                 "19_pingtan-syq_2024.txt", "22_shanghai-bgt_2019.html", "47_pingtan-scj_2024.txt",
                 "49_pingtan-htp_2024.txt")


@pytest.fixture(scope="module")
def server_index(tmp_path_factory, corpus_dir, postgres, chroma) -> Index:
    home = tmp_path_factory.mktemp("servers") / "home"
    index = Index(server_settings(home, new_database(postgres), chroma), embedder=HashEmbedder())
    summary = index.ingest_paths([corpus_dir / "reports" / n for n in SERVER_CORPUS], progress=False)
    assert summary.ingested == len(SERVER_CORPUS) and summary.ok, summary.render()
    return index


@pytest.fixture(scope="module")
def assistant(server_index) -> Assistant:
    return Assistant(server_index.settings.model_copy(update={"min_relevance": 0.0}), server_index)


def test_corpus_on_the_servers_agrees_and_answers(server_index, assistant):
    vec = test_ingest.agree(server_index)
    assert len(vec) == len(SERVER_CORPUS)
    a = assistant.ask("鹿城区2022年收到多少政府信息公开申请？")
    assert a.figures[0].value == 113 and "113" in a.text
    hits = assistant.retriever().search("首创依申请公开办理压力测试", k=3)
    assert hits[0].chunk.agency == test_pipeline.LUCHENG and "压力测试" in hits[0].chunk.text


def test_ranking_sums_cells_across_reports_in_postgresql(server_index, assistant):
    a = assistant.ask("2024年哪个单位收到的申请最多？")
    received = {s.agency: c.value for s, c in server_index.store.cells("requests", "new_received", "total")
                if s.year == 2024 and c.value is not None}
    values = [f.value for f in a.figures if f.row == "new_received"]
    assert len(received) >= 3 and values == sorted(received.values(), reverse=True)[:len(values)]
    assert a.figures[0].agency == max(received, key=received.get) and all(c.year == 2024 for c in a.citations)


def test_real_model_retrieval_is_the_same_on_the_server(settings, real_embedder, parsed):
    """The bundled model's vectors, stored in the Chroma server and copied as they are into an embedded store,
    rank the same there with the same cosines (retrieval quality itself is test_retrieve.py's subject)."""
    from index.stores.vectors import VectorStore

    chunks = chunk_report(parsed["00_lucheng-qu_2022.txt"])
    server = VectorStore(settings, real_embedder)
    server.add(chunks)
    embedded = VectorStore(settings.model_copy(update={"chroma_url": None}), real_embedder)
    stored = server.collection.get(include=["embeddings", "documents", "metadatas"])
    embedded.collection.add(**{k: stored[k] for k in ("ids", "embeddings", "documents", "metadatas")})
    question = "区府办怎样提升工作人员的业务能力"
    server_hits, embedded_hits = server.query(question, 5), embedded.query(question, 5)
    assert [c.id for c, _ in server_hits] == [c.id for c, _ in embedded_hits]
    assert [x for _, x in server_hits] == pytest.approx([x for _, x in embedded_hits], abs=1e-5)
    assert len(server_hits) == 5 and server.count() == len({c.id for c in chunks})


def test_shared_lexical_index_follows_the_store(tmp_path, parsed):
    """Committed additions and removals arrive; this host's own uncommitted chunks are left alone."""
    from index.stores.shared_lexical import SharedLexicalIndex

    a, b, c = (parsed[n] for n in ("00_lucheng-qu_2022.txt", "17_pingtan-syq_2022.txt", "18_pingtan-syq_2023.txt"))
    n = {r.id: chunk_count(chunk_report(r)) for r in (a, b, c)}
    store = Store(f"sqlite:///{tmp_path / 'shared.sqlite'}")
    store.upsert(a)
    lex = SharedLexicalIndex(tmp_path / "lexical", store)
    assert lex.contains("压力测试")  # a new home, asked before any search (the assistant's coverage check)
    assert lex.report_ids() == {a.id: n[a.id]}
    lex.add(chunk_report(b))  # an ingest on this host, before its commit
    store.upsert(c)  # another host adds one report and removes another
    store.delete(a.id)
    assert lex.report_ids() == {b.id: n[b.id], c.id: n[c.id]}
    assert lex.query("首创依申请公开办理压力测试", k=5, where={"report_id": a.id}) == []


# ---- two hosts ingesting at once ----------------------------------------------------------------
def _ingest_process(home: Path, folder: Path, settings: Settings) -> subprocess.Popen:
    env = {**os.environ, "NIANBAO_DB_URL": settings.db_url, "NIANBAO_CHROMA_URL": settings.chroma_url,
           "NIANBAO_COLLECTION": settings.collection, "NIANBAO_EMBEDDING_MODEL": HASH_MODEL}
    return subprocess.Popen([sys.executable, "-m", "assistant.cli", "--home", str(home), "ingest", str(folder), "--quiet"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_hosts_ingesting_at_once_neither_duplicate_nor_lose(settings, report_files, parsed_reports, tmp_path):
    """Two `nianbao ingest` processes, each with its own home (two machines), one PostgreSQL and one Chroma server,
    overlapping and distinct reports at the same time: every report once, its chunks complete, in every store."""
    names = [f.name for f in report_files if f.suffix == ".txt"]
    batches = {"a": names[0:5], "b": names[3:8]}  # 2 reports in both; one agency's 2011 and 2012 split
    procs = {}
    for host, batch in batches.items():
        folder = tmp_path / f"in-{host}"
        folder.mkdir()
        for n in batch:
            shutil.copy(report_files[0].parent / n, folder / n)
        procs[host] = _ingest_process(tmp_path / f"home-{host}", folder, settings)
    outputs = {host: p.communicate(timeout=240) for host, p in procs.items()}
    for host, p in procs.items():
        assert p.returncode == 0, outputs[host]

    expected = {r.id for r in parsed_reports if r.file_name in set(batches["a"]) | set(batches["b"])}
    store = Store(settings.database_url)
    assert store.ids() == expected and len(store.reports()) == 8
    assert Counter((s.agency, s.year) for s in store.reports()).most_common(1)[0][1] == 1
    want = {rid: chunk_report(store.report(rid)) for rid in expected}
    for host in batches:  # what each host serves from: the shared vectors and its own lexical index
        idx = Index(settings.model_copy(update={"home": tmp_path / f"home-{host}", "embedding_model": HASH_MODEL}))
        assert idx.vectors.report_ids() == {rid: dense_count(c) for rid, c in want.items()}
        assert idx.lexical.report_ids() == {rid: chunk_count(c) for rid, c in want.items()}
        assert idx.vectors.count() == sum(map(dense_count, want.values()))  # no chunk stored twice
