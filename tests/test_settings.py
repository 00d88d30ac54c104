"""Settings document themselves: every field has a description, the README's table and `--help` list
every one of them with that description, and the enumerated ones refuse unknown values."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from index.settings import Settings, settings_help, settings_rows, settings_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_described():
    missing = [var for var, _, desc in settings_rows() if len(desc) < 10]
    assert not missing, f"settings without a description in index/settings.py: {missing}"


def test_readme_settings_table_is_current():
    """Regenerate with `python -m index.settings` and paste it under README's ## Settings."""
    assert settings_table() in README.read_text(encoding="utf-8")


def test_help_lists_every_setting(capsys):
    from assistant.cli import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    for var, _, desc in settings_rows():
        assert var in out and desc.split()[0] in out
    assert settings_help().splitlines()[1].strip() in out


@pytest.mark.parametrize("field", ["retrieval", "llm"])
def test_enumerated_settings_refuse_unknown_values(field, tmp_path):
    with pytest.raises(ValidationError):
        Settings(home=tmp_path, **{field: "nonsense"})


def test_enumerated_settings_read_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NIANBAO_RETRIEVAL", "lexical")
    assert Settings(home=tmp_path).retrieval == "lexical"
