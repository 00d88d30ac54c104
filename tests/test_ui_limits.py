"""Gradio's upload route on a real `nianbao serve` (a subprocess on a free loopback port, the hashing embedder),
over plain HTTP as any anonymous client could: files over max_upload_mb are refused, what is accepted lands in
<home>/uploads (not the system temp folder), is deleted after upload_keep_s, and is gone once the server stops."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from load_bench import free_port, server_env, start_server, stop_server  # noqa: E402

from assistant.pipeline import Assistant  # noqa: E402
from index.ingest import Index  # noqa: E402
from index.settings import Settings  # noqa: E402
from index.stores.embed import HashEmbedder  # noqa: E402
from ui.app import build_app, chat_workers  # noqa: E402

KEEP_S = 3


@pytest.fixture
def server(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = server_env("hash-bigram", "staff-token") | {"NIANBAO_MAX_UPLOAD_MB": "1", "NIANBAO_UPLOAD_KEEP_S": str(KEEP_S)}
    port = free_port()
    proc = start_server(home, port, env)
    try:
        yield f"http://127.0.0.1:{port}", home, proc
    finally:
        if proc.poll() is None:
            stop_server(proc)


def upload(url: str, name: str, data: bytes) -> httpx.Response:
    return httpx.post(f"{url}/gradio_api/upload", files={"files": (name, data)}, timeout=30)


def wait_for(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:
        time.sleep(0.2)
    return check()


def test_uploads_are_bounded_kept_under_the_home_and_deleted(server):
    url, home, proc = server
    too_big = upload(url, "big.txt", b"a" * (2**20 + 1))
    assert too_big.status_code == 413, too_big.text

    first = upload(url, "report.txt", "政府信息公开".encode() * 100)
    assert first.status_code == 200, first.text
    kept = Path(first.json()[0])
    assert kept.is_file() and kept.is_relative_to(home / "uploads"), kept
    assert wait_for(lambda: not kept.exists(), KEEP_S * 2 + 5), f"{kept} still there after {KEEP_S * 2 + 5} s"

    second = Path(upload(url, "again.txt", b"x" * 100).json()[0])
    assert second.is_file()
    stop_server(proc)  # SIGTERM, as a service manager stops it
    assert proc.returncode == 0
    assert not second.exists(), "the upload outlived the server"


def test_chat_answers_in_a_concurrency_group_of_its_own(tmp_path):
    settings = Settings(home=tmp_path / "home", chat_workers=6)
    index = Index(settings, embedder=HashEmbedder())
    app = build_app(settings, index, Assistant(settings, index))
    answering = [f for f in app.fns.values() if f.name == "answer"]
    assert len(answering) == 3  # the send button, the Enter key, the examples
    assert {(f.concurrency_id, f.concurrency_limit) for f in answering} == {("chat", 6)}
    assert all(f.name == "answer" for f in app.fns.values() if f.concurrency_id == "chat")
    assert chat_workers(settings.model_copy(update={"chat_workers": 0})) >= 4
