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
from ui import render
from ui.background import BackgroundIngest

log = logging.getLogger(__name__)

ALL = "全部"
THINKING = "正在查找…"
NEED_TOKEN = "需要工作人员令牌"
STAFF_OFF = "本服务器未设置工作人员令牌（NIANBAO_STAFF_TOKEN），上传、删除和重新导入已停用。"
EXAMPLES = [
    "鹿城区2022年收到多少政府信息公开申请？",
    "鹿城区2022年有没有被行政复议？",
    "鹿城区如何开展依申请公开压力测试？",
    "淮安市2024年不予公开的申请有多少件？",
    "平潭综合实验区2019年到2025年新收申请数量的变化",
]
SOURCE_HINT = render.notice("点击上方的引用，查看它在报告中的原文或表格单元格。")
REPORT_COLUMNS = ["机关", "年度", "模板", "校验通过", "校验未通过", "存疑单元格", "文件", "编号"]
TEMPLATES = ["2021", "2019", "pre2019"]


@dataclass
class UIContext:
    """What the handlers work on: settings, the index (stores + ingest) and the assistant."""

    settings: Settings
    index: Any  # index.ingest.Index
    assistant: Any  # assistant.answer.Assistant
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


def start_turn(question: str, history: list[dict]) -> tuple[list[dict], str]:
    """Show the question at once, with a placeholder answer, and clear the textbox."""
    question = (question or "").strip()
    if not question:
        gr.Warning("请输入问题。")
        return history, ""
    shown = render.esc(question)  # the chat renders HTML even with markdown off
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
    label = f"引用来源（{len(citations)}）" if citations else "引用来源"
    return gr.update(choices=citation_choices(citations), value=None, label=label)


def figures_frame(answer: Answer) -> pd.DataFrame:
    """The answer's numbers as chart rows, when it compares one figure across agencies or years."""
    groups: dict[tuple, list] = {}
    for f in answer.figures:
        if f.value is not None and f.table != "derived":
            groups.setdefault((f.table, f.row, f.column), []).append(f)
    best = max(groups.values(), key=len, default=[])
    if len({(f.agency, f.year) for f in best}) < 2:
        best = []
    rows = [{"机关": f.agency, "年度": str(f.year), "数值": float(f.value), "标签": f"{f.agency} {f.year}"} for f in best]
    return pd.DataFrame(rows, columns=["机关", "年度", "数值", "标签"])


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
        history = [*history[:-1], {"role": "assistant", "content": "抱歉，回答这个问题时出错了，请换个问法或稍后再试。"}]
        return history, turns, sources_update([]), render.notice("出错了。", "error"), gr.update(visible=False)
    message = render.answer_message(answer)
    if not answer.citations and ctx.ingest is not None and not ctx.ingest.finished:
        message += render.esc(f"\n（{ctx.ingest.progress_line()}请稍后再问。）")
    history = [*history[:-1], {"role": "assistant", "content": message}]
    turn = answer.model_dump(mode="json")
    turn["message"] = len(history) - 1
    citations = turn["citations"]
    frame = figures_frame(answer)
    chart = gr.update(value=frame, visible=True) if len(frame) >= 2 else gr.update(visible=False)
    return history, [*turns, turn], sources_update(citations), SOURCE_HINT, chart


def select_turn(turns: list[dict], evt: gr.SelectData):
    """Clicking an earlier answer shows its citations in the sources panel."""
    index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
    turn = next((t for t in turns if t.get("message") == index), None)
    if turn is None:
        return gr.update(), gr.update(), gr.update()
    return turn["citations"], sources_update(turn["citations"]), SOURCE_HINT


def current_citations(turns: list[dict]) -> list[dict]:
    return turns[-1]["citations"] if turns else []


@friendly("无法打开这条引用。")
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
    return [], [], [], sources_update([]), SOURCE_HINT, gr.update(visible=False), ""


# ---- report browser ------------------------------------------------------------------------------


def report_rows(ctx: UIContext) -> pd.DataFrame:
    rows = []
    for s in ctx.store.reports():
        total = len(ctx.store.report(s.id).checks)
        rows.append([s.agency, s.year, s.template, total - s.checks_failed, s.checks_failed, s.ambiguous,
                     s.file_name, s.id])
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


def report_choices(ctx: UIContext) -> list[tuple[str, str]]:
    return [(f"{s.agency} {s.year}年（{s.file_name}）", s.id) for s in ctx.store.reports()]


@friendly("无法打开这份报告。")
def open_report(ctx: UIContext, report_id: str | None) -> str:
    if not report_id:
        return render.notice("请选择一份报告。")
    return render.render_report(ctx.store.report(report_id))


def open_report_row(ctx: UIContext, evt: gr.SelectData):
    """A click on a row of the report list opens that report (the id is the row's last column)."""
    row = evt.row_value or []
    report_id = str(row[-1]) if row else None
    return report_id, open_report(ctx, report_id)


LIST_OUTPUTS = 7  # what refresh_lists returns


def refresh_lists(ctx: UIContext):
    """Everything that lists reports, after a page load, an upload or a deletion."""
    summaries = ctx.store.reports()
    agencies = sorted({s.agency for s in summaries})
    years = sorted({s.year for s in summaries})
    choices = report_choices(ctx)
    return (
        report_rows(ctx),
        gr.update(choices=choices),
        gr.update(choices=[ALL, *agencies]),
        gr.update(choices=[ALL, *map(str, years)]),
        gr.update(choices=agencies),
        gr.update(choices=[str(y) for y in years]),
        gr.update(choices=choices),
    )


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
    wanted_years = {int(y) for y in years or []}
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


@friendly("无法生成比较图。")
def compare(ctx: UIContext, figure: str, column: str, agencies: list[str], years: list[str], kind: str):
    """Chart + numbers + citations of one figure across agencies and years.
    Returns bar plot, line plot, the numbers as HTML, the citations (state) and the sources radio."""
    if not figure:
        return gr.update(visible=False), gr.update(visible=False), render.notice("请选择一个指标。"), [], sources_update([])
    cites = comparison_citations(ctx, figure, column, agencies, years)
    values = comparison_values(ctx, cites)
    rows = [{"机关": c.agency, "年度": str(c.year), "数值": values[c.n], "标签": f"{c.agency} {c.year}"}
            for c in cites if values[c.n] is not None]
    frame = pd.DataFrame(rows, columns=["机关", "年度", "数值", "标签"])
    if frame.empty:
        msg = render.notice("所选机关和年度没有这个指标的数据。")
        return gr.update(visible=False), gr.update(visible=False), msg, [], sources_update([])
    label = dict(figure_choices()).get(figure) or figure
    listing = "".join(
        f"<li>[{c.n}] {render.esc(c.agency)} {c.year}年：<b>{render.esc(render.format_number(values[c.n]))}</b>"
        f"（原文：{render.esc(c.quote)}）</li>" for c in cites
    )
    numbers = f'<div class="nb-compare"><b>{render.esc(label)}</b><ol class="nb-plain">{listing}</ol></div>'
    line = kind == "折线图"
    dumped = [c.model_dump(mode="json") for c in cites]
    return (
        gr.update(value=frame, visible=not line),
        gr.update(value=frame, visible=line),
        numbers,
        dumped,
        sources_update(dumped),
    )


# ---- staff: upload and delete --------------------------------------------------------------------


def token_ok(settings: Settings, token: str | None) -> bool:
    """Staff actions need the configured token; with none configured they are off for everyone."""
    expected = settings.staff_token or ""
    return bool(expected) and hmac.compare_digest((token or "").encode(), expected.encode())


def allowed_types(settings: Settings) -> list[str]:
    return [t.strip().lower() for t in settings.upload_types.split(",") if t.strip()]


def check_upload(settings: Settings, path: Path) -> str | None:
    """Why a file may not be uploaded (Chinese), or None when it may."""
    if path.suffix.lower() not in allowed_types(settings):
        return f"不支持的文件类型（允许：{'、'.join(allowed_types(settings))}）"
    size = path.stat().st_size if path.exists() else 0
    if size > settings.max_upload_mb * 1024 * 1024:
        return f"文件超过 {settings.max_upload_mb} MB 上限"
    if size == 0:
        return "文件为空"
    return None


def upload_overrides(agency: str | None, year: float | int | None, template: str | None) -> dict:
    out: dict[str, Any] = {}
    if agency and agency.strip():
        out["agency"] = agency.strip()
    if year:
        out["year"] = int(year)
    if template and template != ALL:
        out["template"] = template
    return out


def file_paths(files: Any) -> list[Path]:
    """Gradio hands over paths (str) or file objects with .name, one or many."""
    if not files:
        return []
    items = files if isinstance(files, list) else [files]
    return [Path(getattr(f, "name", f)) for f in items]


def render_upload_result(ctx: UIContext, results: list[Any], rejected: list[tuple[str, str]]) -> str:
    """Per file: why it was refused or failed, else its parsed tables and checks."""
    parts = [render.notice(f"{name}：{why}", "error") for name, why in rejected]
    status_text = {"ingested": "已导入", "replaced": "已替换旧版本", "unchanged": "内容未变，已在库中"}
    for r in results:
        name = Path(r.file).name
        if r.status == "failed" or not r.report_id:
            log.warning("upload of %s failed: %s", name, r.reason)
            parts.append(render.notice(f"{name}：无法解析（{r.reason or '未知原因'}）", "error"))
            continue
        parts.append(render.notice(f"{name}：{status_text.get(r.status, r.status)}"))
        parts.append(render.render_report(ctx.store.report(r.report_id)))
    return "".join(parts) or render.notice("没有文件被导入。")


@friendly("上传失败，请检查文件后重试。")
def upload_reports(ctx: UIContext, files: Any, token: str | None, agency: str | None = None,
                   year: float | None = None, template: str | None = None, progress: Callable | None = None) -> str:
    """Ingest uploaded report files (staff only) and show their parsed tables and checks."""
    if not token_ok(ctx.settings, token):
        log.warning("upload refused: missing or wrong staff token")
        gr.Warning(NEED_TOKEN)
        return render.notice(NEED_TOKEN + "，未导入任何文件。", "error")
    paths = file_paths(files)
    if not paths:
        return render.notice("请先选择要上传的报告文件。")
    checked = [(p, check_upload(ctx.settings, p)) for p in paths]
    rejected = [(p.name, why) for p, why in checked if why]
    accepted = [p for p, why in checked if not why]
    overrides = upload_overrides(agency, year, template)
    results = []
    for i, path in enumerate(accepted):
        if progress is not None:
            progress(i / len(accepted), desc=f"正在解析 {path.name}（{i + 1}/{len(accepted)}）")
        results += ctx.index.ingest_paths([path], overrides, progress=False).results
    return render_upload_result(ctx, results, rejected)


@friendly("删除失败。")
def delete_report(ctx: UIContext, report_id: str | None, token: str | None) -> str:
    """Remove one report from every store (staff only)."""
    if not token_ok(ctx.settings, token):
        log.warning("delete refused: missing or wrong staff token")
        gr.Warning(NEED_TOKEN)
        return render.notice(NEED_TOKEN + "，未删除任何报告。", "error")
    if not report_id:
        return render.notice("请选择要删除的报告。")
    summary = ctx.store.summary(report_id)
    if summary is None:
        return render.notice("这份报告已不在库中。")
    ctx.index.remove(report_id)
    log.info("deleted report %s (%s %s)", report_id, summary.agency, summary.year)
    return render.notice(f"已删除：{summary.agency} {summary.year}年（{summary.file_name}）")


# ---- background ingest (nianbao demo) -------------------------------------------------------------


def ingest_tick(ctx: UIContext, ingest: BackgroundIngest, seen: int):
    """Every tick: the status line; the report lists when another report is in; the timer stops at the end.
    Returns timer, status line, seen count, then the list updates."""
    line = ingest.progress_line()
    status = render.notice(line) if line else ""
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
    with gr.Blocks(title="年报问答 nianbao") as app:
        gr.Markdown("## 年报问答 · 政府信息公开工作年度报告\n每个数字都注明出处：点击引用即可查看原文段落或表格单元格。")
        ingest_status = gr.HTML(render.notice(ingest.progress_line()) if ingest and not ingest.finished else "",
                                elem_id="nb-ingest-status")
        turns = gr.State([])
        citations = gr.State([])
        with gr.Tab("问答", id="chat"):
            with gr.Row():
                with gr.Column(scale=5):
                    with gr.Row():
                        agency = gr.Dropdown([ALL], value=ALL, label="机关", elem_id="nb-filter-agency")
                        year = gr.Dropdown([ALL], value=ALL, label="年度", elem_id="nb-filter-year")
                        new_chat = gr.Button("新对话", elem_id="nb-new-chat", scale=0)
                    chatbot = gr.Chatbot(label="对话", height=460, render_markdown=False, elem_id="nb-chat",
                                         placeholder="请用中文提问，例如下面的示例问题。")
                    with gr.Row():
                        question = gr.Textbox(placeholder="输入问题，按回车发送", show_label=False, scale=5,
                                              elem_id="nb-question")
                        send = gr.Button("发送", variant="primary", scale=1, elem_id="nb-send")
                    examples = gr.Examples(EXAMPLES, inputs=[question], label="示例问题")
                    chat_chart = gr.BarPlot(x="标签", y="数值", color="机关", label="答案中的数字", visible=False,
                                            elem_id="nb-chat-chart")
                with gr.Column(scale=4):
                    sources = gr.Radio([], label="引用来源", elem_id="nb-sources")
                    source = gr.HTML(SOURCE_HINT, elem_id="nb-source")
        with gr.Tab("报告浏览", id="browse"):
            reports = gr.Dataframe(pd.DataFrame(columns=REPORT_COLUMNS), interactive=False, label="报告列表（点击表头排序，点击一行打开）",
                                   elem_id="nb-report-list", max_height=420, show_search="search")
            report_pick = gr.Dropdown([], label="打开报告", elem_id="nb-report-pick")
            report_view = gr.HTML(render.notice("请选择一份报告。"), elem_id="nb-report-view")
        with gr.Tab("数据比较", id="compare"):
            with gr.Row():
                figure = gr.Dropdown(figure_choices(), label="指标", elem_id="nb-figure")
                column = gr.Dropdown([(lab, k) for k, lab, _ in REQUEST_COLUMNS], value="total",
                                     label="申请人类型（仅表三）")
            with gr.Row():
                cmp_agencies = gr.Dropdown([], multiselect=True, label="机关（不选为全部）")
                cmp_years = gr.Dropdown([], multiselect=True, label="年度（不选为全部）")
                chart_kind = gr.Radio(["柱状图", "折线图"], value="柱状图", label="图表")
            run_compare = gr.Button("比较", variant="primary", elem_id="nb-compare")
            bar = gr.BarPlot(x="标签", y="数值", color="机关", visible=False)
            line = gr.LinePlot(x="年度", y="数值", color="机关", visible=False)
            numbers = gr.HTML("")
            cmp_cites = gr.State([])
            cmp_sources = gr.Radio([], label="引用来源")
            cmp_source = gr.HTML("")
        with gr.Tab("工作人员", id="staff"):
            gr.Markdown(("上传或删除报告需要工作人员令牌。" if staff else STAFF_OFF)
                        + f"允许的文件类型：{'、'.join(allowed_types(settings))}；单个文件不超过 {settings.max_upload_mb} MB。")
            token = gr.Textbox(type="password", label="工作人员令牌", elem_id="nb-token", interactive=staff)
            files = gr.File(file_count="multiple", file_types=allowed_types(settings), label="报告文件",
                            elem_id="nb-upload", interactive=staff)
            with gr.Row():
                up_agency = gr.Textbox(label="机关（可选，覆盖自动识别）")
                up_year = gr.Number(None, label="年度（可选）", precision=0)
                up_template = gr.Dropdown([ALL, *TEMPLATES], value=ALL, label="模板（可选）")
            upload = gr.Button("上传并解析", variant="primary", elem_id="nb-upload-btn", interactive=staff)
            upload_view = gr.HTML("", elem_id="nb-upload-result")
            with gr.Row():
                delete_pick = gr.Dropdown([], label="要删除的报告", elem_id="nb-delete-pick")
                delete = gr.Button("删除报告", variant="stop", elem_id="nb-delete-btn", interactive=staff)
            delete_view = gr.HTML("")

        lists = [reports, report_pick, agency, year, cmp_agencies, cmp_years, delete_pick]
        refresh = functools.partial(refresh_lists, ctx)
        app.load(refresh, outputs=lists)
        if ingest is not None and not ingest.finished:
            timer = gr.Timer(2.0)
            seen = gr.State(-1)
            timer.tick(functools.partial(ingest_tick, ctx, ingest), [seen], [timer, ingest_status, seen, *lists],
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
        new_chat.click(new_conversation, None, [chatbot, turns, citations, sources, source, chat_chart, question],
                       queue=False)
        for control in (agency, year):
            control.input(new_conversation, None, [chatbot, turns, citations, sources, source, chat_chart, question],
                          queue=False)

        def pick_row(evt: gr.SelectData):
            return open_report_row(ctx, evt)

        reports.select(pick_row, None, [report_pick, report_view])
        report_pick.input(functools.partial(open_report, ctx), [report_pick], [report_view])

        run_compare.click(functools.partial(compare, ctx), [figure, column, cmp_agencies, cmp_years, chart_kind],
                          [bar, line, numbers, cmp_cites, cmp_sources])
        cmp_sources.input(functools.partial(open_citation, ctx), [cmp_sources, cmp_cites], [cmp_source])

        def do_upload(files_v, token_v, agency_v, year_v, template_v, progress=gr.Progress()):  # noqa: B008
            return upload_reports(ctx, files_v, token_v, agency_v, year_v, template_v, progress)

        upload.click(do_upload, [files, token, up_agency, up_year, up_template], [upload_view], api_name="do_upload",
                     concurrency_limit=1, concurrency_id="ingest").then(refresh, None, lists)
        delete.click(functools.partial(delete_report, ctx), [delete_pick, token], [delete_view],
                     concurrency_limit=1, concurrency_id="ingest").then(refresh, None, lists)
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


def launch(app: gr.Blocks, settings: Settings, host: str | None = None, port: int | None = None,
           block: bool = True):
    """Queue and start the server (127.0.0.1 unless told otherwise); returns Gradio's (app, url, share).
    Uploads are bounded: max_upload_mb each, kept under the home, deleted after upload_keep_s."""
    app.queue(default_concurrency_limit=4)
    use_upload_cache(app, settings)
    return app.launch(
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
          ingest: list[Path] | None = None):
    """Open the index and the assistant over `settings.home` and serve the chat; `ingest` files (the demo's
    bundled reports) go in behind the running server, so the page is up before they are all in."""
    from assistant.answer import Assistant
    from index.ingest import Index

    index = Index(settings)
    assistant = Assistant(settings, index)
    background = BackgroundIngest(index, ingest or [])
    app = build_app(settings, index, assistant, background)
    log.info("serving on http://%s:%s", host or settings.host, port or settings.port)
    started = launch(app, settings, host, port, block=False)
    background.start()  # after the server is up: the ingest thread would slow its start on a busy machine
    if block:
        if threading.current_thread() is threading.main_thread():
            # a service manager stops with SIGTERM: close as on Ctrl-C, so Gradio deletes the uploads it holds
            signal.signal(signal.SIGTERM, signal.default_int_handler)
        app.block_thread()
        background.stop()
    return started
