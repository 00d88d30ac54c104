"""The few exception classes; converted to one message at the edge (CLI, UI)."""


class NianbaoError(Exception):
    """Base: a message meant for the user (English); the edge adds the Chinese UI text."""


class LoadError(NianbaoError):
    """A file could not be read as a report (empty, binary, truncated, too large, not a report).

    `reason` is the English the CLI and the log show; `code` (with `params`) names the reason for the page,
    which shows it in Chinese (ui/strings.py LOAD_REASONS), never the English."""

    def __init__(self, path: str, reason: str, code: str = "unreadable", **params: object):
        self.path, self.reason, self.code, self.params = path, reason, code, params
        super().__init__(f"{path}: {reason}")


class ParseError(NianbaoError):
    """The report was read but its structure could not be parsed."""


class StoreError(NianbaoError):
    """The structured or vector store failed or disagrees with itself."""
