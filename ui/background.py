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
        self.ok = 0  # files that brought at least one report in (new, replaced or already held)
        self.held: set[tuple[str, int]] = set()  # (agency, year) of every report in from these files
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
                held = {(r.agency, r.year) for r in summary.results if r.status != "failed" and r.report_id}
                self.ok += bool(held)
                self.held |= {(a, y) for a, y in held if a and y is not None}
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
        """A Chinese status line for the page: how far the ingest is, then what it brought in (empty when
        there was nothing to ingest)."""
        if self.finished:
            return self.summary_line() if self.files else ""
        if self.done == 0 and self._home_was_empty():  # nothing to ask about yet: the first report waits for the model
            return S.INGESTING_FIRST.format(total=len(self.files))
        return S.INGESTING.format(done=self.done, total=len(self.files))

    def summary_line(self) -> str:
        """What the finished ingest brought in: how many files went in or failed, and each agency's years."""
        years: dict[str, list[int]] = {}
        for agency, year in sorted(self.held):
            years.setdefault(agency, []).append(year)
        items = S.INGEST_DONE_SEPARATOR.join(S.INGEST_DONE_ITEM.format(agency=a, years=year_spans(ys))
                                             for a, ys in years.items())
        return S.INGEST_DONE.format(total=len(self.files), ok=self.ok, failed=len(self.files) - self.ok,
                                    why=S.INGEST_DONE_WHY if self.ok < len(self.files) else "",
                                    which=S.INGEST_DONE_WHICH.format(items=items) if items else "")


def year_spans(years: list[int]) -> str:
    """Sorted years with runs of consecutive ones joined: 2011—2013、2015、2019—2025."""
    spans: list[list[int]] = []
    for y in sorted(set(years)):
        if spans and y == spans[-1][-1] + 1:
            spans[-1].append(y)
        else:
            spans.append([y])
    return S.LIST_SEPARATOR.join(str(s[0]) if len(s) == 1 else S.YEAR_RANGE.format(first=s[0], last=s[-1])
                                 for s in spans)
