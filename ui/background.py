"""Ingest in a background thread while the app already serves, so `nianbao demo` answers within seconds:
files go in one at a time (each under the index's writer lock), so a staff upload can interleave and
every finished report is answerable at once. The UI polls `progress_line` for a status line."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ui import strings as S

log = logging.getLogger(__name__)


class BackgroundIngest:
    """One daemon thread ingesting `files` in order into `index`; counts are read by the UI thread.
    `on_finish` is called once from that thread when every file is in (the demo prints it)."""

    def __init__(self, index: Any, files: list[Path], on_finish: Callable[[BackgroundIngest], None] | None = None):
        self.index = index
        self.on_finish = on_finish
        self.files = list(files)
        self.done = 0
        self.failed = 0
        self.finished = not self.files
        self._empty: bool | None = None  # whether the home held no report when the first line was asked for
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="nianbao-ingest", daemon=True)

    def start(self) -> BackgroundIngest:
        if self.files:
            self._thread.start()
        return self

    def join(self, timeout: float | None = None) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """At shutdown: finish the current file and start no other (the next run picks up the rest)."""
        self._stop.set()
        self.join(timeout)

    def _run(self) -> None:
        for path in self.files:
            if self._stop.is_set():
                log.info("background ingest stopped after %d of %d files", self.done, len(self.files))
                return
            try:
                summary = self.index.ingest_paths([path], progress=False)
                self.failed += len(summary.failed)
                for r in summary.failed:
                    log.warning("background ingest: %s failed: %s", r.file, r.reason)
            except Exception:  # one bad file must not stop the rest, nor the server
                log.exception("background ingest of %s failed", path.name)
                self.failed += 1
            self.done += 1
        self.finished = True
        log.info("background ingest finished: %d files, %d failed", self.done, self.failed)
        if self.on_finish is not None:
            self.on_finish(self)

    def _home_was_empty(self) -> bool:
        """A demo resumed halfway already answers from the reports stored before: asked once, then kept."""
        if self._empty is None:
            self._empty = not self.index.store.ids()
        return self._empty

    def progress_line(self) -> str:
        """A Chinese status line for the page, empty once everything is in."""
        if self.finished:
            return ""
        if self.done == 0 and self._home_was_empty():  # nothing to ask about yet: the first report waits for the model
            return S.INGESTING_FIRST.format(total=len(self.files))
        return S.INGESTING.format(done=self.done, total=len(self.files))
