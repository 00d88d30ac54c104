"""Shared fixtures: every test gets its own home directory; the bundled corpus is the test data."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "index" / "data" / "corpus"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """No test reads or writes the user's real home; env vars cannot leak in."""
    monkeypatch.setenv("NIANBAO_HOME", str(tmp_path / "home"))
    for var in ("NIANBAO_DB_URL", "NIANBAO_CHROMA_URL", "NIANBAO_LLM"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(home=tmp_path / "home")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def report_files(corpus_dir) -> list[Path]:
    return sorted((corpus_dir / "reports").iterdir())
