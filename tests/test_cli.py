"""The `nianbao` command line: flags -> library calls, one-line errors, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import CommandUnavailable, _module, main
from index.stores.embed import HashEmbedder

LUCHENG = "00_lucheng-qu_2022.txt"


@pytest.fixture
def hash_model(monkeypatch):
    """Orchestration tests: the hashing stand-in instead of loading the real model."""
    monkeypatch.setattr("index.stores.embed.get_embedder", lambda settings: HashEmbedder())


def test_tables_json_prints_the_spec_shape(corpus_dir, capsys):
    assert main(["tables", str(corpus_dir / "reports" / LUCHENG), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["report"] == {"agency": "温州市鹿城区人民政府办公室", "year": 2022, "template": "2021"}
    assert data["tables"]["requests"]["new_received"]["total"] == 113
    assert data["tables"]["active"]["normative_in_force"] == 153
    assert {c["rule"] for c in data["checks"]} >= {"requests.balance", "requests.row_total"}
    assert "ambiguous" in data


def test_tables_readable(corpus_dir, capsys):
    assert main(["tables", str(corpus_dir / "reports" / LUCHENG)]) == 0
    out = capsys.readouterr().out
    assert "温州市鹿城区人民政府办公室 2022年度" in out
    assert "一、本年新收政府信息公开申请数量 总计: 113" in out


def test_tables_override_year(corpus_dir, capsys):
    assert main(["tables", str(corpus_dir / "reports" / LUCHENG), "--json", "--year", "2021"]) == 0
    assert json.loads(capsys.readouterr().out)["report"]["year"] == 2021


def test_ingest_batch_with_bad_files_exits_1(hash_model, corpus_dir, tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(corpus_dir / "reports" / LUCHENG, src)
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.txt").write_bytes(bytes(range(256)) * 40)
    assert main(["ingest", str(src), "--quiet"]) == 1
    out, err = capsys.readouterr()
    failures = [line for line in err.splitlines() if line.startswith("failed: ")]
    assert len(failures) == 2
    assert any("empty.txt" in line for line in failures) and any("junk.txt" in line for line in failures)
    assert "1 ingested, 0 replaced, 0 unchanged, 2 failed" in out

    assert main(["reports"]) == 0
    listing = capsys.readouterr().out
    assert "温州市鹿城区人民政府办公室  2022" in listing and "1 reports" in listing

    assert main(["ingest", str(src / LUCHENG), "--quiet"]) == 0
    assert "0 ingested, 0 replaced, 1 unchanged, 0 failed" in capsys.readouterr().out


def test_home_flag_and_remove(hash_model, corpus_dir, tmp_path, capsys):
    home = tmp_path / "elsewhere"
    assert main(["--home", str(home), "ingest", str(corpus_dir / "reports" / LUCHENG), "--quiet"]) == 0
    assert (home / "nianbao.sqlite").is_file()
    capsys.readouterr()
    assert main(["reports", "--json", "--home", str(home)]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert main(["--home", str(home), "remove", report["id"]]) == 0
    assert main(["--home", str(home), "remove", report["id"]]) == 1
    assert capsys.readouterr().err.strip() == f"error: no report with id {report['id']}"


def test_errors_are_one_line_without_traceback(tmp_path, capsys):
    assert main(["tables", str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_invalid_setting_is_one_line(monkeypatch, capsys):
    monkeypatch.setenv("NIANBAO_RETRIEVAL", "psychic")
    assert main(["reports"]) == 1
    assert capsys.readouterr().err.startswith("error: invalid setting: retrieval")


def test_missing_module_is_named():
    with pytest.raises(CommandUnavailable, match="'nianbao ask' is unavailable: module assistant.nothing"):
        _module("assistant.nothing", "ask")


def test_console_script_help():
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "--help"], capture_output=True, text=True, check=True)
    for command in ("tables", "ingest", "reports", "remove", "ask", "eval", "serve", "demo"):
        assert command in out.stdout


@pytest.mark.slow
def test_demo_prints_the_url_it_serves(tmp_path):
    """`nianbao demo` says where it serves (and that the bundled reports are going in) as soon as the page
    is up; the end of the ingest is announced by BackgroundIngest.on_finish (tests/test_ui.py)."""
    import os
    import socket
    import time
    from pathlib import Path

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NIANBAO_EMBED_THREADS": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "demo", "--home", str(tmp_path / "home"),
                             "--port", str(port)], cwd=Path(__file__).resolve().parents[1], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        lines, deadline = [], time.monotonic() + 180
        while time.monotonic() < deadline and not any("serving on" in x for x in lines):
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
            lines.append(line)
        said = "".join(lines)
        assert f"nianbao: serving on http://127.0.0.1:{port}/" in said, said
        assert "/api/docs" in said
        assert httpx.get(f"http://127.0.0.1:{port}/api/reports", timeout=30).status_code == 200
        assert "bundled reports in the background" in proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def test_a_reader_that_stops_early_gets_no_error_line(corpus_dir):
    """`nianbao tables FILE | head -1`: the closed pipe ends the command quietly (it printed
    'error: [Errno 32] Broken pipe')."""
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "tables", str(corpus_dir / "reports" / LUCHENG)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[1])
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Broken pipe" not in err and "Traceback" not in err and "Exception ignored" not in err, err
