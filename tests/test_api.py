"""The HTTP API beside the page, through a real HTTP client against the real server (Gradio's FastAPI app
with the API mounted at /api) over three real reports: ask, list, tables, the OpenAPI page, and staff-only
writes guarded by the same token as the page."""

from __future__ import annotations

import socket

import httpx
import pytest

from index.ingest import Index
from index.settings import Settings
from index.stores.embed import HashEmbedder

TOKEN = "api-staff-token"
REPORTS = ["00_lucheng-qu_2022.txt", "47_pingtan-scj_2024.txt", "01_huaian-hongzequ_2023.pdf"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, corpus_dir):
    """The page and the API served on a free loopback port (hash embedder: these tests are about the API)."""
    from assistant.pipeline import Assistant
    from ui.api import create_api
    from ui.app import UIContext, build_app, launch

    settings = Settings(home=tmp_path_factory.mktemp("api-home"), staff_token=TOKEN)
    index = Index(settings, embedder=HashEmbedder())
    summary = index.ingest_paths([corpus_dir / "reports" / n for n in REPORTS], progress=False)
    assert summary.ok, summary.render()
    assistant = Assistant(settings, index)
    app = build_app(settings, index, assistant)
    port = free_port()
    launch(app, settings, "127.0.0.1", port, block=False, api=create_api(UIContext(settings, index, assistant)))
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        yield client, index
    app.close()


@pytest.fixture
def client(server):
    return server[0]


def report_id(client, agency: str, year: int) -> str:
    return next(r["id"] for r in client.get("/api/reports").json() if r["agency"] == agency and r["year"] == year)


def test_ask_returns_the_answer_with_its_cited_cell(client):
    r = client.post("/api/ask", json={"question": "鹿城区2022年收到多少政府信息公开申请？"})
    assert r.status_code == 200
    answer = r.json()
    assert "113" in answer["text"] and answer["abstained"] is False
    cited = [c for c in answer["citations"] if c["kind"] == "cell" and c["row"] == "new_received"]
    assert cited and cited[0]["agency"] == "温州市鹿城区人民政府办公室" and cited[0]["year"] == 2022
    assert any(f["value"] == 113 and f["citation"] == cited[0]["n"] for f in answer["figures"])


def test_ask_follows_the_history_and_the_filters(client):
    history = [{"role": "user", "content": "鹿城区2022年收到多少政府信息公开申请？"},
               {"role": "assistant", "content": "温州市鹿城区人民政府办公室2022年度新收政府信息公开申请为113件[1]。"}]
    r = client.post("/api/ask", json={"question": "上年结转多少？", "history": history})
    assert r.status_code == 200 and "5" in r.json()["text"], r.json()["text"]
    scoped = client.post("/api/ask", json={"question": "收到多少政府信息公开申请？",
                                           "agency": "温州市鹿城区人民政府办公室", "year": 2022}).json()
    assert "113" in scoped["text"]


def test_ask_declines_what_the_reports_cannot_support(client):
    answer = client.post("/api/ask", json={"question": "鹿城区2030年收到多少政府信息公开申请？"}).json()
    assert answer["abstained"] is True and answer["citations"] == []


def test_ask_refuses_a_malformed_request(client):
    assert client.post("/api/ask", json={"question": ""}).status_code == 422
    assert client.post("/api/ask", json={"history": []}).status_code == 422
    assert client.post("/api/ask", json={"question": "q", "year": "去年"}).status_code == 422


def test_reports_lists_every_stored_report(client):
    reports = client.get("/api/reports").json()
    assert {(r["agency"], r["year"]) for r in reports} == {
        ("温州市鹿城区人民政府办公室", 2022), ("平潭综合实验区市场监督管理局", 2024), ("淮安市洪泽区人民政府", 2023)}
    assert all({"id", "template", "checks_failed", "ambiguous"} <= set(r) for r in reports)


def test_tables_of_a_report_hold_its_cells_checks_and_ambiguities(client):
    rid = report_id(client, "温州市鹿城区人民政府办公室", 2022)
    body = client.get(f"/api/reports/{rid}/tables").json()
    assert body["tables"]["requests"]["new_received"]["total"] == 113
    assert body["report"]["id"] == rid and body["checks"]
    scj = client.get(f"/api/reports/{report_id(client, '平潭综合实验区市场监督管理局', 2024)}/tables").json()
    amb = next(a for a in scj["ambiguous"] if "normative_issued" in a["keys"])
    assert [6, 8, 56] in amb["candidates"] and scj["tables"]["active"]["normative_issued"] is None
    assert client.get("/api/reports/no-such-id/tables").status_code == 404


def test_openapi_page_documents_the_api(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/ask", "/reports", "/reports/{report_id}/tables"} <= set(spec["paths"])
    assert "question" in spec["components"]["schemas"]["AskRequest"]["properties"]
    page = client.get("/api/docs")
    assert page.status_code == 200 and "openapi.json" in page.text
    assert client.get("/").status_code == 200  # the page is still served beside it


def test_writes_need_the_staff_token(server, corpus_dir):
    client, index = server
    rid = report_id(client, "淮安市洪泽区人民政府", 2023)
    assert client.delete(f"/api/reports/{rid}").status_code == 401
    assert client.delete(f"/api/reports/{rid}", headers={"X-Staff-Token": "wrong"}).status_code == 401
    path = corpus_dir / "reports" / "02_huaian-hongzequ_2024.pdf"
    files = {"files": (path.name, path.read_bytes(), "application/pdf")}
    assert client.post("/api/reports", files=files).status_code == 401
    assert rid in index.store.ids() and len(index.store.ids()) == 3

    up = client.post("/api/reports", files=files, headers={"X-Staff-Token": TOKEN})
    assert up.status_code == 200 and up.json()[0]["status"] == "ingested", up.text
    new_id = up.json()[0]["report_id"]
    assert client.get(f"/api/reports/{new_id}/tables").json()["report"]["year"] == 2024
    bad = client.post("/api/reports", files={"files": ("x.exe", b"MZ", "application/octet-stream")},
                      headers={"X-Staff-Token": TOKEN})
    assert bad.json()[0]["status"] == "refused"
    # refused and failed files say why in the API's language, with a key a client can word itself (a refusal
    # was the page's Chinese, 不支持的文件类型, beside failures in English)
    mixed = client.post("/api/reports", headers={"X-Staff-Token": TOKEN}, files=[
        ("files", ("x.exe", b"MZ", "application/octet-stream")), ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("junk.pdf", bytes(range(256)) * 40, "application/pdf"))]).json()
    assert [(r["status"], r["code"]) for r in mixed] == [
        ("refused", "unsupported_type"), ("refused", "empty"), ("failed", "not_pdf")]
    assert mixed[0]["reason"].startswith("unsupported file type .exe; accepted: .txt, ")
    assert all(r["reason"].isascii() for r in mixed), mixed
    gone = client.delete(f"/api/reports/{new_id}", headers={"X-Staff-Token": TOKEN})
    assert gone.status_code == 200 and new_id not in index.store.ids()
    assert client.delete(f"/api/reports/{new_id}", headers={"X-Staff-Token": TOKEN}).status_code == 404


def test_writes_are_off_without_a_configured_token(tmp_path):
    from fastapi.testclient import TestClient

    from ui.api import create_api
    from ui.app import UIContext

    settings = Settings(home=tmp_path / "h")
    api = create_api(UIContext(settings, Index(settings, embedder=HashEmbedder()), None))
    r = TestClient(api).delete("/reports/x", headers={"X-Staff-Token": ""})
    assert r.status_code == 403 and "NIANBAO_STAFF_TOKEN" in r.json()["detail"]
