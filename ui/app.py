"""The Gradio app: a thin adapter over `assistant/` and `index/`. Handlers are plain functions of a
`UIContext` that tests call directly; `build_app` only lays out components and wires them to handlers.
All text from reports is escaped in `ui.render`; the chat shows answers as plain text (no markdown)."""

from __future__ import annotations

import functools
import hmac
import html
import logging
import os
import signal
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from assistant.budget import ask_within
from index.errors import NianbaoError
from index.models import Answer, Citation
from index.settings import Settings
from index.vocabulary import ACTIVE, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_KEYS, TABLE_NUMBERS, cell_labels
from ui import chart, render
from ui import strings as S
from ui.background import BackgroundIngest

log = logging.getLogger(__name__)

ALL = S.ALL
THINKING = S.THINKING
NEED_TOKEN = S.NEED_TOKEN
SOURCE_HINT = render.notice(S.SOURCE_HINT)
SOURCES_LATER = render.notice(S.SOURCES_LATER)  # before the first answer: nothing above to click yet
NO_SOURCES = render.notice(S.NO_SOURCES)  # an answer that cites nothing (declined, out of scope)
REPORT_COLUMNS = S.REPORT_COLUMNS
TEMPLATES = ["2021", "2019", "pre2019"]
DEFAULT_FIGURE = "requests|new_received"
DEFAULT_YEARS = 3  # the comparison opens on the latest this many years held
MIN_UPLOAD_YEAR, MAX_UPLOAD_YEAR = 1990, 2100  # a statistics year typed in the upload form


@dataclass
class UIContext:
    """What the handlers work on: settings, the index (stores + ingest) and the assistant."""

    settings: Settings
    index: Any  # index.ingest.Index
    assistant: Any  # assistant.pipeline.Assistant
    ingest: BackgroundIngest | None = None  # the demo's bundled reports going in behind the server

    @property
    def store(self):
        return self.index.store


def friendly(message: str) -> Callable:
    """Turn any failure inside a handler into one Chinese message for the user, English in the log."""

    def wrap(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except gr.Error:
                raise
            except NianbaoError as e:
                log.warning("%s failed: %s", fn.__name__, e)
                raise gr.Error(message, print_exception=False) from e
            except Exception as e:
                log.exception("%s failed", fn.__name__)
                raise gr.Error(message, print_exception=False) from e

        return inner

    return wrap


# ---- chat ----------------------------------------------------------------------------------------


MAX_SHOWN_QUESTION = 600  # characters of a question the chat shows (the answer path refuses past its own limit)


def start_turn(question: str, history: list[dict]) -> tuple[list[dict], str]:
    """Show the question at once, with a placeholder answer, and clear the textbox."""
    question = (question or "").strip()
    if not question:
        gr.Warning(S.EMPTY_QUESTION)
        return history, ""
    cut = question[:MAX_SHOWN_QUESTION] + ("…" if len(question) > MAX_SHOWN_QUESTION else "")
    shown = render.esc(cut)  # the chat renders HTML even with markdown off; a 100,000-character paste is cut
    return [*history, {"role": "user", "content": shown}, {"role": "assistant", "content": THINKING}], ""


def make_filters(agency: str | None, year: str | int | None) -> dict | None:
    """The chat's scope from the two dropdowns; None when both say 全部."""
    out: dict[str, Any] = {}
    if agency and agency != ALL:
        out["agency"] = agency
    if year not in (None, "", ALL):
        out["year"] = int(year)
    return out or None


def message_text(message: dict) -> str:
    """The plain text of a chat message (shown escaped; Gradio hands content back as typed parts)."""
    content = message.get("content")
    if isinstance(content, list):
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return html.unescape(content) if isinstance(content, str) else ""


def plain_history(history: list[dict]) -> list[dict]:
    """The conversation as role/content text pairs, without the pending placeholder."""
    out = [{"role": m["role"], "content": message_text(m)} for m in history]
    if out and out[-1]["role"] == "assistant" and out[-1]["content"] == THINKING:
        out.pop()
    return out


def citation_choices(citations: list[dict]) -> list[tuple[str, str]]:
    return [(render.citation_label(Citation(**c)), str(i)) for i, c in enumerate(citations)]


def sources_update(citations: list[dict]) -> dict:
    label = S.SOURCES_N.format(n=len(citations)) if citations else S.SOURCES
    return gr.update(choices=citation_choices(citations), value=None, label=label)


def figures_points(answer: Answer) -> tuple[list[chart.Point], str]:
    """The answer's numbers as chart points with the chart's title, when it holds one figure across
    agencies or years (a comparison, a trend over a span); no points otherwise."""
    groups: dict[tuple, list] = {}
    for f in answer.figures:
        if f.value is not None and f.table != "derived":
            groups.setdefault((f.table, f.row, f.column), []).append(f)
    (table, row, column), best = max(groups.items(), key=lambda kv: len(kv[1]), default=((None, None, None), []))
    points = list({(f.agency, f.year): chart.Point(f.agency, f.year, float(f.value)) for f in best}.values())
    if len(points) < 2:
        return [], ""
    return points, figure_title(table, row, column)


def chat_chart_update(answer: Answer) -> dict:
    points, title = figures_points(answer)
    if not points:
        return gr.update(visible=False, value=None)
    return gr.update(value=chart.chart(points, title), visible=True)


def finish_turn(ctx: UIContext, history: list[dict], turns: list[dict], agency: str | None, year: str | None):
    """Answer the pending question. Returns chat, turns, sources radio, source panel, chat chart."""
    if len(history) < 2 or message_text(history[-1]) != THINKING:
        return history, turns, gr.update(), gr.update(), gr.update()
    question = message_text(history[-2])
    try:
        answer: Answer = ask_within(ctx.assistant, ctx.settings, question, plain_history(history[:-2]),
                                    make_filters(agency, year))
    except Exception as e:  # the conversation must go on: show one line, log the cause
        log.exception("answering %r failed: %s", question, e)
        history = [*history[:-1], {"role": "assistant", "content": S.ANSWER_FAILED}]
        return history, turns, sources_update([]), render.notice(S.ERROR_SHORT, "error"), gr.update(visible=False)
    message = render.answer_message(answer)
    coming = ctx.ingest is not None and not ctx.ingest.finished
    if coming and answer.reason == "empty_corpus":  # not 请先导入报告 while the demo is importing them
        message = render.esc(S.NOTHING_IN_YET.format(total=len(ctx.ingest.files)))
    elif coming and not answer.citations:
        message += render.esc("\n" + S.STILL_INGESTING.format(line=ctx.ingest.progress_line()))
    history = [*history[:-1], {"role": "assistant", "content": message}]
    turn = answer.model_dump(mode="json")
    turn["message"] = len(history) - 1
    citations = turn["citations"]
    return history, [*turns, turn], sources_update(citations), source_hint(citations), chat_chart_update(answer)


def select_turn(turns: list[dict], evt: gr.SelectData):
    """Clicking an earlier answer shows its citations in the sources panel."""
    index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
    turn = next((t for t in turns if t.get("message") == index), None)
    if turn is None:
        return gr.update(), gr.update(), gr.update()
    return turn["citations"], sources_update(turn["citations"]), source_hint(turn["citations"])


def source_hint(citations: list[dict]) -> str:
    """What the source panel says before a citation is opened: click one above, or that there is none."""
    return SOURCE_HINT if citations else NO_SOURCES


def current_citations(turns: list[dict]) -> list[dict]:
    return turns[-1]["citations"] if turns else []


@friendly(S.CANNOT_OPEN_CITATION)
def open_citation(ctx: UIContext, choice: str | None, citations: list[dict]) -> str:
    """The source of one citation: a highlighted passage, or the whole table with the cell highlighted."""
    if choice in (None, ""):
        return SOURCE_HINT
    c = Citation(**citations[int(choice)])
    try:
        report = ctx.store.report(c.report_id)
    except NianbaoError:
        report = None
    return render.render_citation(report, c)


def new_conversation():
    """Clear chat, turns, sources and the chart."""
    return [], [], [], sources_update([]), SOURCES_LATER, gr.update(visible=False), ""


# ---- report browser ------------------------------------------------------------------------------


def report_rows(ctx: UIContext, query: str = "") -> pd.DataFrame:
    """The report list in Chinese (template named, no file names or ids), filtered by agency or year."""
    rows = []
    query = (query or "").strip()
    counts = ctx.store.check_counts()  # one GROUP BY, not every full report
    for s in ctx.store.reports():
        if query and query not in s.agency and query not in str(s.year):
            continue
        total = counts.get(s.id, (0, 0))[0]
        rows.append([s.agency, s.year, render.template_name(s.template), total - s.checks_failed, s.checks_failed,
                     s.ambiguous])
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


def report_choices(ctx: UIContext) -> list[tuple[str, str]]:
    return [(S.REPORT_CHOICE.format(agency=s.agency, year=s.year), s.id) for s in ctx.store.reports()]


def delete_choices(ctx: UIContext) -> list[tuple[str, str]]:
    """For staff: the file name and id too, so that two versions of a report can be told apart."""
    return [(S.DELETE_CHOICE.format(agency=s.agency, year=s.year, file=s.file_name, id=s.id), s.id)
            for s in ctx.store.reports()]


@friendly(S.CANNOT_OPEN_REPORT)
def open_report(ctx: UIContext, report_id: str | None) -> str:
    if not report_id:
        return render.notice(S.PICK_REPORT)
    return render.render_report(ctx.store.report(report_id))


def row_report_id(ctx: UIContext, row: list) -> str | None:
    """The report a list row shows: the latest stored one of that agency and year."""
    if len(row) < 2:
        return None
    matches = [s.id for s in ctx.store.reports() if s.agency == str(row[0]) and str(s.year) == str(row[1])]
    return matches[-1] if matches else None


def open_report_row(ctx: UIContext, evt: gr.SelectData):
    """A click on a row of the report list opens that report."""
    report_id = row_report_id(ctx, list(evt.row_value or []))
    return report_id, open_report(ctx, report_id)


LIST_OUTPUTS = 7  # what refresh_lists returns


def refresh_lists(ctx: UIContext, first: bool = False):
    """Everything that lists reports, after a page load, an upload or a deletion; at a page load
    (`first`) the comparison's years are also set to the latest DEFAULT_YEARS held."""
    summaries = ctx.store.reports()
    agencies = sorted({s.agency for s in summaries})
    years = sorted({s.year for s in summaries})
    return (
        report_rows(ctx),
        gr.update(choices=report_choices(ctx)),
        gr.update(choices=[ALL, *agencies]),
        gr.update(choices=[ALL, *map(str, years)]),
        gr.update(choices=agencies),
        gr.update(choices=[str(y) for y in years], **({"value": default_years(ctx)} if first else {})),
        gr.update(choices=delete_choices(ctx)),
    )


def default_years(ctx: UIContext) -> list[str]:
    """The comparison's opening selection: the latest DEFAULT_YEARS years held."""
    years = sorted({s.year for s in ctx.store.reports()})
    return [str(y) for y in years[-DEFAULT_YEARS:]]


# ---- comparison ----------------------------------------------------------------------------------


def figure_choices() -> list[tuple[str, str]]:
    """Every table figure a chart can show: (Chinese label, "table|row") from the vocabulary."""
    out = [(f"{TABLE_NUMBERS['requests']} {cell_labels('requests', r.key, None)[0]}", f"requests|{r.key}")
           for r in REQUEST_ROWS]
    seen = set()
    for rows in ACTIVE.values():
        for r in rows:
            for key in r.columns:
                if key not in seen:
                    seen.add(key)
                    rl, cl = cell_labels("active", key, None)
                    out.append((f"{TABLE_NUMBERS['active']} {rl} {cl}", f"active|{key}"))
    out += [(f"{TABLE_NUMBERS['review_litigation']} {' '.join(cell_labels('review_litigation', k, None))}",
             f"review_litigation|{k}") for k in REVIEW_KEYS]
    return out


def comparison_citations(ctx: UIContext, figure: str, column: str, agencies: list[str], years: list[str]) -> list[Citation]:
    table, _, row = (figure or "").partition("|")
    col = column if table == "requests" else None
    wanted_years = {int(y) for y in years or [] if str(y).isdigit()}
    agencies = set(agencies or [])  # a request may repeat a valid choice many times: look each up once
    out: list[Citation] = []
    for summary, cell in ctx.store.cells(table=table, row=row, column=col):
        if col is None and cell.column is not None:
            continue
        if agencies and summary.agency not in agencies:
            continue
        if wanted_years and summary.year not in wanted_years:
            continue
        rl, cl = cell_labels(table, row, col)
        out.append(Citation(n=len(out) + 1, report_id=summary.id, agency=summary.agency, year=summary.year,
                            kind="cell", table=table, row=row, column=col, row_label=rl, column_label=cl or None,
                            quote=cell.raw or render.format_number(cell.value), start=cell.start, end=cell.end))
    return out


def comparison_values(ctx: UIContext, citations: list[Citation]) -> dict[int, float | None]:
    values: dict[int, float | None] = {}
    for c in citations:
        cell = ctx.store.report(c.report_id).cell(c.table or "", c.row or "", c.column)
        values[c.n] = None if cell is None or cell.value is None else float(cell.value)
    return values


def figure_title(table: str | None, row: str | None, column: str | None) -> str:
    """A figure's Chinese heading: its table, row and (table 3) applicant column."""
    if not table or not row:
        return ""
    labels = [x for x in cell_labels(table, row, column) if x]
    return f"{TABLE_NUMBERS.get(table, '')} {' '.join(labels)}".strip()


@friendly(S.CANNOT_COMPARE)
def compare(ctx: UIContext, figure: str, column: str, agencies: list[str], years: list[str], kind: str):
    """Chart + numbers + citations of one figure across agencies and years.
    Returns the chart, the numbers as HTML, the citations (state) and the sources radio."""
    if not figure:
        return gr.update(visible=False), render.notice(S.PICK_FIGURE), [], sources_update([])
    cites = comparison_citations(ctx, figure, column, agencies, years)
    values = comparison_values(ctx, cites)
    points = [chart.Point(c.agency, c.year, values[c.n]) for c in cites if values[c.n] is not None]
    if not points:
        return gr.update(visible=False), render.notice(S.NO_DATA), [], sources_update([])
    table, _, row = figure.partition("|")
    title = figure_title(table, row, column if table == "requests" else None)
    listing = "".join(
        f"<li>{render.esc(S.COMPARE_ITEM.format(n=c.n, agency=c.agency, year=c.year))}"
        f"<b>{render.esc(render.format_number(values[c.n]))}</b>"
        + (render.esc(S.COMPARE_RAW.format(raw=c.quote)) if render.says_more(c.quote) else "")
        + "</li>" for c in cites
    )
    # each item starts with its [n]: a list numbered by the browser too read "1. [1] …" (no CSS styles nb-plain)
    numbers = (f'<div class="nb-compare"><b>{render.esc(title)}</b>'
               f'<ul class="nb-plain" style="list-style:none;padding-left:0">{listing}</ul></div>')
    dumped = [c.model_dump(mode="json") for c in cites]
    return gr.update(value=chart.chart(points, title, kind), visible=True), numbers, dumped, sources_update(dumped)


# ---- staff: upload and delete --------------------------------------------------------------------


def token_ok(settings: Settings, token: str | None) -> bool:
    """Staff actions need the configured token; with none configured they are off for everyone."""
    expected = settings.staff_token or ""
    return bool(expected) and hmac.compare_digest((token or "").encode(), expected.encode())


def allowed_types(settings: Settings) -> list[str]:
    return [t.strip().lower() for t in settings.upload_types.split(",") if t.strip()]


UPLOAD_REFUSALS = {  # the English of upload_problem's codes, for the API and the log (the page shows S.*)
    "unsupported_type": "unsupported file type {suffix}; accepted: {accepted}",
    "too_big": "the file is over the {mb} MB limit",
    "empty": "the file is empty",
    "not_found": "the file is no longer on the server; choose it again",
}


def upload_problem(settings: Settings, path: Path) -> tuple[str, dict] | None:
    """Why a file may not be uploaded, as a code and its values (UPLOAD_REFUSALS), or None when it may."""
    if not path.is_file():  # a rejected upload is deleted at once; the file box may still name it
        return "not_found", {}
    if path.suffix.lower() not in allowed_types(settings):
        return "unsupported_type", {"suffix": path.suffix.lower(), "accepted": allowed_types(settings)}
    size = path.stat().st_size
    if size > settings.max_upload_mb * 1024 * 1024:
        return "too_big", {"mb": settings.max_upload_mb}
    if size == 0:
        return "empty", {}
    return None


def refusal_text(code: str, params: dict) -> str:
    """upload_problem's code in English: a list of values joined with commas, no suffix said as such."""
    shown = {k: ", ".join(v) if isinstance(v, list) else (v or "(no suffix)") for k, v in params.items()}
    return UPLOAD_REFUSALS[code].format(**shown)


def check_upload(settings: Settings, path: Path) -> str | None:
    """Why a file may not be uploaded (Chinese), or None when it may."""
    problem = upload_problem(settings, path)
    if problem is None:
        return None
    code, params = problem
    if code == "unsupported_type":
        return S.BAD_TYPE.format(types="、".join(params["accepted"]))
    if code == "not_found":
        return S.UPLOAD_GONE
    return S.TOO_BIG.format(mb=params["mb"]) if code == "too_big" else S.EMPTY_FILE


def upload_year(year: str | float | int | None) -> int | None:
    """The year typed in the upload form (2023, ２０２３, 2023年), None when left empty; ValueError otherwise.
    0 is empty too: API clients of the number field it once was send it for none."""
    text = unicodedata.normalize("NFKC", "" if year is None else str(year)).strip().removesuffix("年").strip()
    if text in ("", "0", "0.0"):
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"not a year: {year!r}") from None
    if not value.is_integer() or not MIN_UPLOAD_YEAR <= value <= MAX_UPLOAD_YEAR:
        raise ValueError(f"not a year: {year!r}")
    return int(value)


def upload_overrides(agency: str | None, year: str | float | int | None, template: str | None) -> dict:
    out: dict[str, Any] = {}
    if agency and agency.strip():
        out["agency"] = agency.strip()
    if (y := upload_year(year)) is not None:
        out["year"] = y
    if template and template != ALL:
        out["template"] = template
    return out


def file_paths(files: Any) -> list[Path]:
    """Gradio hands over paths (str) or file objects with .name, one or many."""
    if not files:
        return []
    items = files if isinstance(files, list) else [files]
    return [Path(getattr(f, "name", f)) for f in items]


def failure_reason(result: Any) -> str:
    """Why a file failed, in Chinese: its code's message with its values, never the English reason (the log
    has that); a failure without a known code says so in general terms."""
    template = S.LOAD_REASONS.get(getattr(result, "code", None) or "")
    if template is None:
        return S.UNKNOWN_REASON
    params = {k: S.LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list | tuple) else v
              for k, v in (getattr(result, "params", None) or {}).items()}
    if "suffix" in params and not params["suffix"]:
        params["suffix"] = S.NO_SUFFIX
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a code raised without the values its message shows
        log.warning("upload reason %r lacks its values: %r", result.code, params)
        return S.UNKNOWN_REASON


def render_upload_result(ctx: UIContext, results: list[Any], rejected: list[tuple[str, str]]) -> str:
    """Per file: why it was refused or failed, else its parsed tables and checks (a report that came in
    twice in one batch is shown once)."""
    parts = [render.notice(S.UNPARSABLE.format(name=name, why=why), "error") for name, why in rejected]
    shown: set[str] = set()
    for r in results:
        name = Path(r.file).name
        if r.status == "failed" or not r.report_id:
            log.warning("upload of %s failed: %s", name, r.reason)
            parts.append(render.notice(S.UNPARSABLE.format(name=name, why=failure_reason(r)), "error"))
            continue
        parts.append(render.notice(f"{name}：{S.UPLOAD_STATUS.get(r.status, r.status)}"))
        if r.report_id not in shown:
            shown.add(r.report_id)
            parts.append(render.render_report(ctx.store.report(r.report_id)))
    return "".join(parts) or render.notice(S.NOTHING_INGESTED)


@friendly(S.UPLOAD_FAILED)
def upload_reports(ctx: UIContext, files: Any, token: str | None, agency: str | None = None,
                   year: str | float | None = None, template: str | None = None, progress: Callable | None = None) -> str:
    """Ingest uploaded report files (staff only) and show their parsed tables and checks."""
    if not token_ok(ctx.settings, token):
        log.warning("upload refused: missing or wrong staff token")
        gr.Warning(NEED_TOKEN)
        return render.notice(S.NO_TOKEN_UPLOAD, "error")
    paths = file_paths(files)
    if not paths:
        return render.notice(S.NO_FILES)
    try:
        overrides = upload_overrides(agency, year, template)
    except ValueError:
        return render.notice(S.BAD_YEAR.format(year=year), "error")
    checked = [(p, check_upload(ctx.settings, p)) for p in paths]
    rejected = [(p.name, why) for p, why in checked if why]
    accepted = [p for p, why in checked if not why]
    results = []
    for i, path in enumerate(accepted):
        if progress is not None:
            progress(i / len(accepted), desc=S.PARSING.format(name=path.name, i=i + 1, n=len(accepted)))
        got = ctx.index.ingest_paths([path], overrides, progress=False).results
        if not any(r.status != "failed" and r.report_id for r in got):
            discard_upload(ctx.settings, path)
        results += got
    for path, why in checked:
        if why:
            discard_upload(ctx.settings, path)
    return render_upload_result(ctx, results, rejected)


def discard_upload(settings: Settings, path: Path) -> None:
    """Delete a file that was not imported, at once, when it lies in the upload folder (<home>/uploads, where
    Gradio puts what the page uploads) with the folder Gradio made for it; a path elsewhere is left alone.
    Files that were imported stay until Gradio deletes them (upload_keep_s)."""
    folder = settings.upload_cache.resolve()
    try:
        path = path.resolve()
        if path == folder or not path.is_relative_to(folder) or not path.is_file():
            return
        path.unlink()
        if path.parent != folder and not any(path.parent.iterdir()):
            path.parent.rmdir()
    except OSError as e:  # the next start sweeps what is left
        log.warning("could not delete the rejected upload %s: %s", path.name, e)


def files_still_there(files: Any) -> list | None:
    """After an upload: the file box keeps only the files still on the server (the rejected ones were deleted,
    and a second click would name files that are gone). It reads and writes the box's own file data, not
    preprocessed: Gradio's File.preprocess leaves an empty temporary file in the upload folder per file."""
    items = files if isinstance(files, list) else [files] if files else []
    kept = [f for f in items if Path(f.get("path", "") if isinstance(f, dict) else str(f)).is_file()]
    return kept or None


@friendly(S.DELETE_FAILED)
def delete_report(ctx: UIContext, report_id: str | None, token: str | None) -> str:
    """Remove one report from every store (staff only)."""
    if not token_ok(ctx.settings, token):
        log.warning("delete refused: missing or wrong staff token")
        gr.Warning(NEED_TOKEN)
        return render.notice(S.NO_TOKEN_DELETE, "error")
    if not report_id:
        return render.notice(S.PICK_DELETE)
    summary = ctx.store.summary(report_id)
    if summary is None:
        return render.notice(S.ALREADY_GONE)
    ctx.index.remove(report_id)
    log.info("deleted report %s (%s %s)", report_id, summary.agency, summary.year)
    return render.notice(S.DELETED.format(agency=summary.agency, year=summary.year, file=summary.file_name))


# ---- background ingest (nianbao demo) -------------------------------------------------------------


def ingest_status(ingest: BackgroundIngest | None) -> str:
    """The progress line as it is now (empty when nothing is being ingested): read at every page load,
    so a page opened after the ingest never shows a stale count."""
    line = ingest.progress_line() if ingest is not None else ""
    return render.notice(line) if line else ""


def status_after_action(ingest: BackgroundIngest | None) -> str:
    """The status line once the user acts (asks, starts afresh, compares, uploads, deletes): what a finished
    ingest brought in has been read and goes; a running ingest's progress stays."""
    return "" if ingest is None or ingest.finished else ingest_status(ingest)


def ingest_tick(ctx: UIContext, ingest: BackgroundIngest, seen: int):
    """Every tick: the status line; the report lists when another report is in; the timer stops at the end.
    Returns timer, status line, seen count, then the list updates."""
    status = ingest_status(ingest)
    timer = gr.update(active=not ingest.finished)
    if ingest.done == seen and not ingest.finished:
        return (timer, status, seen, *[gr.update()] * LIST_OUTPUTS)
    return (timer, status, ingest.done, *refresh_lists(ctx))


# ---- layout --------------------------------------------------------------------------------------


def build_app(settings: Settings, index: Any, assistant: Any, ingest: BackgroundIngest | None = None) -> gr.Blocks:
    """The Blocks app; every event calls one handler above with the shared context. With `ingest` running,
    a status line shows its progress and the lists refresh as reports arrive."""
    ctx = UIContext(settings, index, assistant, ingest)
    staff = bool(settings.staff_token)
    with gr.Blocks(title=S.TITLE) as app:
        gr.Markdown(S.HEADING)
        status_line = gr.HTML("", elem_id="nb-ingest-status")  # filled at each page load, then by the timer
        turns = gr.State([])
        citations = gr.State([])
        with gr.Tab(S.TAB_CHAT, id="chat"):
            with gr.Row():
                with gr.Column(scale=5):
                    with gr.Row():
                        agency = gr.Dropdown([ALL], value=ALL, label=S.AGENCY, elem_id="nb-filter-agency")
                        year = gr.Dropdown([ALL], value=ALL, label=S.YEAR, elem_id="nb-filter-year")
                        new_chat = gr.Button(S.NEW_CHAT, elem_id="nb-new-chat", scale=0)
                    # no "share" (to Hugging Face: nothing to share to offline); copy one answer, or all of them
                    chatbot = gr.Chatbot(label=S.CHAT, height=460, render_markdown=False, elem_id="nb-chat",
                                         placeholder=S.CHAT_PLACEHOLDER, buttons=["copy", "copy_all"])
                    with gr.Row():
                        question = gr.Textbox(label=S.QUESTION, placeholder=S.QUESTION_PLACEHOLDER, show_label=False, scale=5,
                                              elem_id="nb-question")
                        send = gr.Button(S.SEND, variant="primary", scale=1, elem_id="nb-send")
                    examples = gr.Examples(S.EXAMPLES, inputs=[question], label=S.EXAMPLES_LABEL)
                    chat_chart = gr.Plot(label=S.CHAT_CHART, visible=False, elem_id="nb-chat-chart")
                with gr.Column(scale=4):
                    sources = gr.Radio([], label=S.SOURCES, elem_id="nb-sources")
                    source = gr.HTML(SOURCES_LATER, elem_id="nb-source")
        with gr.Tab(S.TAB_BROWSE, id="browse"):
            report_filter = gr.Textbox(label=S.REPORT_FILTER, placeholder=S.REPORT_FILTER_HINT,
                                       elem_id="nb-report-filter")
            reports = gr.Dataframe(pd.DataFrame(columns=REPORT_COLUMNS), interactive=False, label=S.REPORT_LIST,
                                   elem_id="nb-report-list", max_height=420)
            report_pick = gr.Dropdown([], label=S.OPEN_REPORT, elem_id="nb-report-pick")
            report_view = gr.HTML(render.notice(S.PICK_REPORT), elem_id="nb-report-view")
        with gr.Tab(S.TAB_COMPARE, id="compare") as compare_tab:
            with gr.Row():
                figure = gr.Dropdown(figure_choices(), value=DEFAULT_FIGURE, label=S.FIGURE, elem_id="nb-figure")
                column = gr.Dropdown([(lab, k) for k, lab, _ in REQUEST_COLUMNS], value="total",
                                     label=S.REQUEST_COLUMN)
            with gr.Row():
                cmp_agencies = gr.Dropdown([], multiselect=True, label=S.CMP_AGENCIES, elem_id="nb-cmp-agencies")
                cmp_years = gr.Dropdown([], multiselect=True, label=S.CMP_YEARS, elem_id="nb-cmp-years")
                chart_kind = gr.Radio([S.BAR, S.LINE], value=S.BAR, label=S.CHART_KIND, elem_id="nb-chart-kind")
            run_compare = gr.Button(S.COMPARE, variant="primary", elem_id="nb-compare")
            plot = gr.Plot(visible=False, show_label=False, elem_id="nb-compare-chart")
            numbers = gr.HTML("", elem_id="nb-compare-numbers")
            cmp_cites = gr.State([])
            cmp_sources = gr.Radio([], label=S.SOURCES, elem_id="nb-cmp-sources")
            cmp_source = gr.HTML("", elem_id="nb-cmp-source")
        with gr.Tab(S.TAB_STAFF, id="staff"):
            gr.Markdown((S.STAFF_ON if staff else S.STAFF_OFF)
                        + S.STAFF_LIMITS.format(types="、".join(allowed_types(settings)), mb=settings.max_upload_mb))
            token = gr.Textbox(type="password", label=S.TOKEN, elem_id="nb-token", interactive=staff)
            # no file_types: Gradio refuses other types in the browser with an English toast ("Invalid file type")
            # and the upload then said 请先选择文件; check_upload names the allowed types in Chinese instead
            files = gr.File(file_count="multiple", label=S.FILES, elem_id="nb-upload", interactive=staff)
            with gr.Row():
                up_agency = gr.Textbox(label=S.UP_AGENCY)
                up_year = gr.Textbox(label=S.UP_YEAR, placeholder=S.UP_YEAR_HINT, elem_id="nb-up-year")  # a Number shows 0
                up_template = gr.Dropdown([(S.AUTO_TEMPLATE, ALL), *[(render.template_name(t), t) for t in TEMPLATES]], value=ALL,
                                          label=S.UP_TEMPLATE)
            upload = gr.Button(S.UPLOAD, variant="primary", elem_id="nb-upload-btn", interactive=staff)
            upload_view = gr.HTML("", elem_id="nb-upload-result")
            with gr.Row():
                delete_pick = gr.Dropdown([], label=S.DELETE_PICK, elem_id="nb-delete-pick")
                delete = gr.Button(S.DELETE, variant="stop", elem_id="nb-delete-btn", interactive=staff)
            delete_view = gr.HTML("")

        lists = [reports, report_pick, agency, year, cmp_agencies, cmp_years, delete_pick]
        refresh = functools.partial(refresh_lists, ctx)
        app.load(functools.partial(ingest_status, ingest), outputs=[status_line], queue=False)
        if ingest is not None and not ingest.finished:
            timer = gr.Timer(2.0)
            seen = gr.State(-1)
            timer.tick(functools.partial(ingest_tick, ctx, ingest), [seen], [timer, status_line, seen, *lists],
                       queue=False, show_progress="hidden")

        answer_outputs = [chatbot, turns, sources, source, chat_chart]

        def answer(history, turns_v, agency_v, year_v):
            return finish_turn(ctx, history, turns_v, agency_v, year_v)

        def keep_citations(turns_v):
            return current_citations(turns_v)

        # "answer" and "do_upload" are named explicitly: bench/load_bench.py and API clients call them.
        # Every way of asking shares one concurrency group of its own, so uploads and other events cannot take
        # its slots (and its slots are not shared with theirs).
        chat_group = {"concurrency_id": "chat", "concurrency_limit": chat_workers(settings)}
        for trigger, api_name in ((send.click, "answer"), (question.submit, "answer_enter")):
            (trigger(start_turn, [question, chatbot], [chatbot, question], queue=False)
             .then(answer, [chatbot, turns, agency, year], answer_outputs, api_name=api_name, **chat_group)
             .then(keep_citations, [turns], [citations], queue=False))
        (examples.load_input_event
         .then(start_turn, [question, chatbot], [chatbot, question], queue=False)
         .then(answer, [chatbot, turns, agency, year], answer_outputs, **chat_group)
         .then(keep_citations, [turns], [citations], queue=False))
        chatbot.select(select_turn, [turns], [citations, sources, source], queue=False)
        sources.input(functools.partial(open_citation, ctx), [sources, citations], [source])
        # 新对话, the chat's own trash button and a changed filter all start the conversation afresh: the
        # trash button alone would empty the messages shown and leave the turns behind them
        fresh = [chatbot, turns, citations, sources, source, chat_chart, question]
        for trigger in (new_chat.click, chatbot.clear, agency.input, year.input):
            trigger(new_conversation, None, fresh, queue=False)

        def pick_row(evt: gr.SelectData):
            return open_report_row(ctx, evt)

        reports.select(pick_row, None, [report_pick, report_view])
        report_filter.input(functools.partial(report_rows, ctx), [report_filter], [reports], queue=False,
                            show_progress="hidden")
        report_pick.input(functools.partial(open_report, ctx), [report_pick], [report_view])

        compare_inputs = [figure, column, cmp_agencies, cmp_years, chart_kind]
        compare_outputs = [plot, numbers, cmp_cites, cmp_sources]
        run_compare.click(functools.partial(compare, ctx), compare_inputs, compare_outputs)
        compare_tab.select(functools.partial(compare, ctx), compare_inputs, compare_outputs)  # a chart at once
        # the page load sets the latest years; a chart drawn by a tab opened before that is drawn again with them
        (app.load(functools.partial(refresh_lists, ctx, True), outputs=lists)
         .then(functools.partial(compare, ctx), compare_inputs, compare_outputs))
        cmp_sources.input(functools.partial(open_citation, ctx), [cmp_sources, cmp_cites], [cmp_source])

        def do_upload(files_v, token_v, agency_v, year_v, template_v, progress=gr.Progress()):  # noqa: B008
            return upload_reports(ctx, files_v, token_v, agency_v, year_v, template_v, progress)

        upload.click(do_upload, [files, token, up_agency, up_year, up_template], [upload_view], api_name="do_upload",
                     concurrency_limit=1, concurrency_id="ingest").then(
            files_still_there, [files], [files], queue=False, preprocess=False, postprocess=False).then(
            refresh, None, lists)
        delete.click(functools.partial(delete_report, ctx), [delete_pick, token], [delete_view],
                     concurrency_limit=1, concurrency_id="ingest").then(refresh, None, lists)
        # wired last: tests look up a control's handler as the first function listening to it
        acted = functools.partial(status_after_action, ingest)
        for trigger in (send.click, question.submit, examples.load_input_event.then, new_chat.click,
                        run_compare.click, upload.click, delete.click):
            trigger(acted, None, [status_line], queue=False, show_progress="hidden")
    return app


def chat_workers(settings: Settings) -> int:
    """Questions answered at once: the setting, or four per core. Answering is short CPU work under the GIL,
    so more slots do not add throughput; they keep one slow question from queueing the quick ones behind it."""
    return settings.chat_workers or 4 * (os.cpu_count() or 1)


def use_upload_cache(app: gr.Blocks, settings: Settings) -> Path:
    """Uploads go to <home>/uploads, not the system temp folder: Gradio deletes each file `upload_keep_s` after
    it came (checking as often) and all of them when the server stops; what a killed server left is swept here.
    Gradio reads that folder from GRADIO_TEMP_DIR when a request comes, and each block keeps its own copy."""
    folder = settings.upload_cache
    folder.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - settings.upload_keep_s
    for path in sorted(folder.rglob("*"), reverse=True):  # files before the folders holding them
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    os.environ["GRADIO_TEMP_DIR"] = str(folder)
    for component in (app, *app.blocks.values()):
        component.GRADIO_CACHE = str(folder)
    app.delete_cache = (settings.upload_keep_s, settings.upload_keep_s)
    return folder


def api_routes(api: Any | None) -> dict:
    """Gradio's own FastAPI app with the HTTP API mounted at /api in front of the page's routes."""
    from starlette.routing import Mount

    return {"routes": [Mount("/api", app=api)]} if api is not None else {}


def launch(app: gr.Blocks, settings: Settings, host: str | None = None, port: int | None = None,
           block: bool = True, api: Any | None = None):
    """Queue and start the server (127.0.0.1 unless told otherwise), with `api` (ui.api) at /api; returns
    Gradio's (app, url, share). Uploads are bounded: max_upload_mb each, kept under the home, deleted after
    upload_keep_s."""
    app.queue(default_concurrency_limit=4)
    use_upload_cache(app, settings)
    return app.launch(
        app_kwargs=api_routes(api),
        server_name=host or settings.host,
        server_port=port or settings.port,
        prevent_thread_lock=not block,
        show_error=settings.debug,
        max_file_size=f"{settings.max_upload_mb}mb",
        css=render.CSS,
        footer_links=[],
        quiet=not settings.debug,
    )


def serve(settings: Settings, host: str | None = None, port: int | None = None, block: bool = True,
          ingest: list[Path] | None = None, announce: Callable[[str], None] | None = None):
    """Open the index and the assistant over `settings.home` and serve the page and the API; `ingest` files
    (the demo's bundled reports) go in behind the running server, so the page is up before they are all in.
    `announce` (the CLI's print) hears the URL once serving and when the background ingest is done. The embedding
    model loads in a worker process started first (index/stores/embed_worker.py), on the other core meanwhile."""
    from index.stores.embed_worker import serving_embedder

    embedder = serving_embedder(settings)  # first: the model loads in its own process while the rest starts here
    from assistant.pipeline import Assistant
    from index.ingest import Index
    from ui.api import create_api

    say = announce or (lambda line: log.info("%s", line))
    index = Index(settings, embedder=embedder)
    assistant = Assistant(settings, index)
    background = BackgroundIngest(index, ingest or [], on_finish=lambda job: say(
        f"bundled reports ingested: {job.done - job.failed} of {len(job.files)} in, {job.failed} failed"))
    app = build_app(settings, index, assistant, background)
    api = create_api(UIContext(settings, index, assistant, background))
    started = launch(app, settings, host, port, block=False, api=api)
    url = started[1] if isinstance(started, tuple) and len(started) > 1 else f"http://{host}:{port}/"
    say(f"serving on {url} (API: {url.rstrip('/')}/api/docs)")
    if background.files:
        say(f"ingesting {len(background.files)} bundled reports in the background; the page lists them as they arrive")
    background.start()  # after the server is up: the ingest thread would slow its start on a busy machine
    threading.Thread(target=assistant.warm, name="nianbao-warm", daemon=True).start()  # the model, before a question
    if block:
        if threading.current_thread() is threading.main_thread():
            # a service manager stops with SIGTERM: close as on Ctrl-C, so Gradio deletes the uploads it holds
            signal.signal(signal.SIGTERM, signal.default_int_handler)
        app.block_thread()
        background.stop()
        if embedder is not None:
            embedder.close()
    return started
