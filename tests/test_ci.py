"""`.ci/test` finds the optional GGUF where the app reads it, and docs/llm.md quotes its lines."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from assistant.llm_install import gguf_path
from index.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CI_TEST = (ROOT / ".ci" / "test").read_text(encoding="utf-8")
GGUF_LINES = re.search(r'^GGUF=.*?\bfi\n', CI_TEST, re.MULTILINE | re.DOTALL).group(0)


def ci_gguf(env: dict[str, str]) -> str:
    """The path .ci/test's GGUF line chooses under this environment (only that line is run)."""
    line = GGUF_LINES.splitlines()[0]
    run = subprocess.run(["bash", "-c", f'{line}\nprintf %s "$GGUF"'], env=env, capture_output=True, text=True, check=True)
    return run.stdout


@pytest.mark.parametrize("case", ["gguf", "home", "xdg", "default"])
def test_ci_looks_for_the_gguf_where_the_app_reads_it(tmp_path, monkeypatch, case):
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "user")}
    if case == "gguf":
        env |= {"NIANBAO_LLM_GGUF": str(tmp_path / "elsewhere.gguf"), "NIANBAO_HOME": str(tmp_path / "home")}
    elif case == "home":
        env["NIANBAO_HOME"] = str(tmp_path / "home")
    elif case == "xdg":
        env["XDG_DATA_HOME"] = str(tmp_path / "data")
    for var in ("NIANBAO_LLM_GGUF", "NIANBAO_HOME", "XDG_DATA_HOME", "HOME"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert ci_gguf(env) == str(gguf_path(Settings()))


def test_docs_quote_the_ci_lines():
    assert GGUF_LINES in (ROOT / "docs" / "llm.md").read_text(encoding="utf-8")
    assert "export NIANBAO_LLM_GGUF" in GGUF_LINES  # the tests then use the file .ci/test found
