"""Load bench: simulated citizens ask mixed questions (figure, derived, narrative, follow-up; expected answers from
eval_sets/fast.jsonl) against `nianbao serve` on loopback through gradio_client, while one staff user uploads a
report with the staff token (and once without it). Prints requests served, errors, correctness and latency.
With --attack, hostile users join them: some send 100,000-character questions, others upload .docx zip bombs
whose archive lies about its sizes (with the staff token, the worst case); the server's RSS is sampled.

    python bench/load_bench.py                         # 20 users, 60 s, the default embedding model
    python bench/load_bench.py --users 5 --seconds 10 --types figure --embedding hash-bigram
    python bench/load_bench.py --users 30 --attack     # + 4 long-question users and 2 zip-bomb uploaders

Correct means: a figure/derived/follow-up answer states the expected value (as `nianbao eval` reads it), and a
narrative answer is the same text the unloaded server gave. Questions whose unloaded answer is already wrong are
left out of the mix (that is answer quality, not load). The chat endpoint is Gradio's name for the chat handler
(`/answer`); the upload endpoint is `/do_upload`.
"""

from __future__ import annotations

import argparse
import html
import logging
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from pydantic import BaseModel, Field

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))  # tests/malformed.py builds the zip bomb

from assistant.evaluate import EvalQuestion, load_questions, stated_in_text  # noqa: E402
from index.ingest import bundled_reports  # noqa: E402

FAST = ROOT / "eval_sets" / "fast.jsonl"
TYPES = ("figure", "derived", "narrative", "followup")
ASK_API, UPLOAD_API = "/answer", "/do_upload"
THINKING = "正在查找…"  # the placeholder the chat handler answers (ui.app.THINKING)
FAILED_REPLY = "抱歉"  # the chat's one-line apology when answering failed
UPLOAD_OK = ("已导入", "已替换旧版本", "内容未变")
NEED_TOKEN = "需要工作人员令牌"
ALL = "全部"
UPLOAD = "28_pingtan-xian-czj_2009.txt"  # small, and no question of the mix is about its agency
LONG_QUESTION_CHARS = 100_000
TOO_LONG = "问题太长"  # the chat's refusal of an over-long question (assistant.budget.QUESTION_TOO_LONG)
BOMB_MB = 500  # what the bomb's document.xml really inflates to; it declares 4 KB
BOMB_REFUSED = "zip bomb"  # in the upload's reason (index.archive)


class Attack(BaseModel):
    """What the hostile users did and how the server held."""

    long_users: int
    bomb_users: int
    long_sent: int = 0
    long_refused: int = 0  # answered with the length refusal
    long_latencies: list[float] = Field(default_factory=list, repr=False)
    bombs_sent: int = 0
    bombs_refused: int = 0  # refused as a zip bomb
    bomb_latencies: list[float] = Field(default_factory=list, repr=False)
    errors: int = 0
    rss_start_mb: float = 0.0
    rss_max_mb: float = 0.0  # sampled every 0.2 s
    rss_peak_mb: float = 0.0  # the kernel's high-water mark (VmHWM) at the end
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def render(self) -> str:
        def worst(xs: list[float]) -> str:
            return f"{max(xs):.2f} s" if xs else "-"

        return "\n".join([
            f"attack: {self.long_users} users sent {self.long_sent} questions of {LONG_QUESTION_CHARS:,} characters, "
            f"{self.long_refused} refused (slowest {worst(self.long_latencies)}); {self.bomb_users} users uploaded "
            f"{self.bombs_sent} lying zip bombs (declaring 4 KB, inflating to {BOMB_MB} MB), {self.bombs_refused} refused "
            f"(slowest {worst(self.bomb_latencies)}); {self.errors} attack requests failed otherwise",
            f"server RSS {self.rss_start_mb:.0f} MB at the start, {self.rss_max_mb:.0f} MB max sampled, "
            f"{self.rss_peak_mb:.0f} MB peak (VmHWM); load average {'/'.join(f'{x:.1f}' for x in self.load_before)} "
            f"before, {'/'.join(f'{x:.1f}' for x in self.load_after)} after ({os.cpu_count()} cores)",
        ])


class BenchReport(BaseModel):
    users: int
    seconds: float
    served: int = 0
    errors: int = 0
    correct: int = 0
    by_type: dict[str, int] = Field(default_factory=dict)
    latencies: list[float] = Field(default_factory=list, repr=False)
    uploads: int = 0
    upload_errors: int = 0
    refused_without_token: bool | None = None
    skipped: list[str] = Field(default_factory=list)  # questions whose unloaded answer was already wrong
    error_samples: list[str] = Field(default_factory=list)
    attack: Attack | None = None

    def percentile(self, p: float) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else 0.0
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(p) - 1]

    def render(self) -> str:
        mix = ", ".join(f"{k} {v}" for k, v in sorted(self.by_type.items()))
        lines = [
            f"{self.users} users for {self.seconds:.0f} s: {self.served} requests served ({mix}), {self.errors} errors, "
            f"{self.correct}/{self.served} correct",
            f"latency p50 {self.percentile(50):.2f} s, p95 {self.percentile(95):.2f} s, max "
            f"{max(self.latencies, default=0):.2f} s; {self.served / max(self.seconds, 1e-9):.1f} requests/s",
            f"staff: {self.uploads} uploads with the token, {self.upload_errors} failed; without the token: "
            f"{'refused' if self.refused_without_token else 'NOT refused' if self.refused_without_token is False else 'not tried'}",
        ]
        if self.skipped:
            lines.append(f"left out (already wrong unloaded): {', '.join(self.skipped)}")
        if self.attack is not None:
            lines.append(self.attack.render())
        lines += [f"error: {e}" for e in self.error_samples]
        return "\n".join(lines)



# ---- the server -------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", *args]


def server_env(embedding: str | None, token: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    env["NIANBAO_STAFF_TOKEN"] = token
    if embedding:
        env["NIANBAO_EMBEDDING_MODEL"] = embedding
    return env


def ensure_corpus(home: Path, env: dict[str, str], reports: list[Path] | None = None) -> None:
    """Ingest the bundled corpus (or the given reports) into a home that holds none yet."""
    if (home / "nianbao.sqlite").exists():
        return
    paths = [str(p) for p in reports] if reports else [str(bundled_reports())]
    subprocess.run(cli("ingest", *paths, "--home", str(home), "--quiet"), env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, timeout=1800)


def start_server(home: Path, port: int, env: dict[str, str], timeout: float = 180) -> subprocess.Popen:
    """`nianbao serve` with no --host (the default bind), ready when its page answers."""
    log = open(home / "serve.log", "w")  # noqa: SIM115 - closed with the process by the caller's stop_server
    proc = subprocess.Popen(cli("serve", "--home", str(home), "--port", str(port)), env=env, cwd=ROOT,
                            stdout=log, stderr=subprocess.STDOUT)
    proc.log = log  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nianbao serve exited with {proc.returncode}; see {home / 'serve.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
    stop_server(proc)
    raise RuntimeError(f"nianbao serve did not answer within {timeout:.0f} s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    proc.log.close()  # type: ignore[attr-defined]


def listening_addresses(port: int) -> set[str]:
    """Addresses with a socket listening on `port` (Linux /proc/net/tcp*): 127.0.0.1, 0.0.0.0, ::, …"""
    out = set()
    for name in ("tcp", "tcp6"):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                raw = bytes.fromhex(addr)
                words = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))  # per-word little-endian
                out.add(socket.inet_ntop(socket.AF_INET if len(raw) == 4 else socket.AF_INET6, words))
    return out


# ---- the users ----------------------------------------------------------------------------------------------


def message(role: str, text: str) -> dict:
    return {"role": role, "content": [{"type": "text", "text": html.escape(text)}]}  # Gradio 6: typed parts


def chat_history(question: str, earlier: list[tuple[str, str]] = ()) -> list[dict]:
    """The chat as the page holds it when the question was just sent: earlier turns, the question, the placeholder."""
    turns = [message(role, content) for role, content in earlier]
    return [*turns, message("user", question), {"role": "assistant", "content": [{"type": "text", "text": THINKING}]}]


def reply_text(chat: list[dict]) -> str:
    content = chat[-1].get("content") if chat else ""
    if isinstance(content, list):
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return html.unescape(content or "")


def ask(client, q: EvalQuestion) -> str:
    return ask_text(client, q.question, [(t.role, t.content) for t in q.history])


def ask_text(client, question: str, earlier: list[tuple[str, str]] = ()) -> str:
    chat, *_ = client.predict(chat_history(question, earlier), ALL, ALL, api_name=ASK_API)
    return reply_text(chat)


def is_correct(q: EvalQuestion, text: str, baseline: dict[str, str]) -> bool:
    stated = stated_in_text(q, text)
    return stated if stated is not None else text == baseline[q.id]


def pick_questions(types: tuple[str, ...], avoid_agency: str | None) -> list[EvalQuestion]:
    out = []
    for q in load_questions([FAST]):
        agencies = {c.agency for c in q.cite}
        if q.type in types and avoid_agency not in agencies:
            out.append(q)
    return out


def baseline_answers(url: str, questions: list[EvalQuestion]) -> tuple[dict[str, str], list[str]]:
    """Each question asked once on the unloaded server: its text, and the ids already wrong then."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    texts = {q.id: ask(client, q) for q in questions}
    wrong = [q.id for q in questions if stated_in_text(q, texts[q.id]) is False or texts[q.id].startswith(FAILED_REPLY)]
    return texts, wrong


def citizen(url: str, questions: list[EvalQuestion], baseline: dict[str, str], deadline: float, seed: int,
            report: BenchReport, lock: threading.Lock) -> None:
    from gradio_client import Client

    rng = random.Random(seed)
    try:
        client = Client(url, verbose=False)
    except Exception as e:
        with lock:
            report.errors += 1
            report.error_samples.append(f"client: {e!r}"[:300])
        return
    while time.monotonic() < deadline:
        q = rng.choice(questions)
        start = time.perf_counter()
        try:
            text, problem = ask(client, q), None
        except Exception as e:
            text, problem = "", f"{q.id}: {e!r}"
        took = time.perf_counter() - start
        if problem is None and (not text or text.startswith(FAILED_REPLY)):
            problem = f"{q.id}: the chat answered {text[:80]!r}"
        with lock:
            report.served += problem is None
            report.errors += problem is not None
            if problem is None:
                report.latencies.append(took)
                report.by_type[q.type] = report.by_type.get(q.type, 0) + 1
                report.correct += is_correct(q, text, baseline)
            elif len(report.error_samples) < 5:
                report.error_samples.append(problem[:300])


def staff(url: str, token: str, upload: Path, deadline: float, every: float, report: BenchReport,
          lock: threading.Lock) -> None:
    """Two versions of one report uploaded with the token, alternately; after the first, one upload without the
    token (it must be refused)."""
    from gradio_client import Client, handle_file

    client = Client(url, verbose=False)
    folder = Path(tempfile.mkdtemp(prefix="nianbao-upload-"))
    versions = []
    for i, extra in enumerate(("", "\n本报告数据统计期限为全年。\n")):
        path = folder / f"v{i}" / upload.name
        path.parent.mkdir()
        path.write_text(upload.read_text(encoding="utf-8") + extra, encoding="utf-8")
        versions.append(path)
    try:
        n = 0
        while n == 0 or time.monotonic() < deadline:  # at least one upload, however slow the server is
            out = client.predict([handle_file(str(versions[n % 2]))], token, "", None, ALL, api_name=UPLOAD_API)
            with lock:
                report.uploads += 1
                if not any(ok in out for ok in UPLOAD_OK):
                    report.upload_errors += 1
                    report.error_samples.append(f"upload: {html.unescape(out)[:200]}")
            if n == 0:
                refused = client.predict([handle_file(str(versions[1]))], "not-the-token", "", None, ALL,
                                         api_name=UPLOAD_API)
                with lock:
                    report.refused_without_token = NEED_TOKEN in refused and not any(ok in refused for ok in UPLOAD_OK)
            n += 1
            time.sleep(min(every, max(0.0, deadline - time.monotonic())))
    except Exception as e:
        with lock:
            report.upload_errors += 1
            report.error_samples.append(f"upload: {e!r}"[:300])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def long_asker(url: str, deadline: float, seed: int, attack: Attack, lock: threading.Lock) -> None:
    """Sends 100,000 random Chinese characters as a question, again and again."""
    from gradio_client import Client

    rng = random.Random(seed)
    client = Client(url, verbose=False)
    while time.monotonic() < deadline:
        text = "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(LONG_QUESTION_CHARS))
        start = time.perf_counter()
        try:
            reply, problem = ask_text(client, text), None
        except Exception as e:
            reply, problem = "", repr(e)
        with lock:
            attack.long_sent += 1
            attack.long_latencies.append(time.perf_counter() - start)
            attack.long_refused += TOO_LONG in reply
            attack.errors += problem is not None
            if problem is not None:
                attack.long_latencies.pop()


def bomber(url: str, token: str, bomb: Path, deadline: float, attack: Attack, lock: threading.Lock) -> None:
    """Uploads the lying zip bomb, again and again (with the staff token: the loader is reached)."""
    from gradio_client import Client, handle_file

    client = Client(url, verbose=False)
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            out, problem = html.unescape(client.predict([handle_file(str(bomb))], token, "", None, ALL,
                                                        api_name=UPLOAD_API)), None
        except Exception as e:
            out, problem = "", repr(e)
        with lock:
            attack.bombs_sent += 1
            attack.bomb_latencies.append(time.perf_counter() - start)
            attack.bombs_refused += BOMB_REFUSED in out and not any(ok in out for ok in UPLOAD_OK)
            attack.errors += problem is not None


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def watch_rss(pid: int, stop: threading.Event, attack: Attack) -> None:
    while not stop.wait(0.2):
        try:
            attack.rss_max_mb = max(attack.rss_max_mb, rss_mb(pid))
        except OSError:
            return


def run_load(url: str, users: int, seconds: float, questions: list[EvalQuestion], token: str,
             upload: Path | None = None, upload_every: float = 10.0, seed: int = 9,
             attack: Attack | None = None, bomb: Path | None = None, server_pid: int | None = None) -> BenchReport:
    """Drive a running server; the staff user uploads `upload` (if given) alongside the citizens, and the
    hostile users of `attack` (if given) send long questions and upload `bomb`."""
    baseline, wrong = baseline_answers(url, questions)
    mix = [q for q in questions if q.id not in wrong]
    if not mix:
        raise RuntimeError("every question was already answered wrongly on the unloaded server")
    report = BenchReport(users=users, seconds=seconds, skipped=wrong, attack=attack)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=citizen, args=(url, mix, baseline, deadline, seed + i, report, lock))
               for i in range(users)]
    if upload is not None:
        threads.append(threading.Thread(target=staff, args=(url, token, upload, deadline, upload_every, report, lock)))
    stop = threading.Event()
    if attack is not None:
        threads += [threading.Thread(target=long_asker, args=(url, deadline, seed + 1000 + i, attack, lock))
                    for i in range(attack.long_users)]
        threads += [threading.Thread(target=bomber, args=(url, token, bomb, deadline, attack, lock))
                    for _ in range(attack.bomb_users)]
        attack.load_before = os.getloadavg()
        if server_pid is not None:
            attack.rss_start_mb = rss_mb(server_pid)
            threading.Thread(target=watch_rss, args=(server_pid, stop, attack), daemon=True).start()
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report.seconds = time.monotonic() - start
    stop.set()
    if attack is not None:
        attack.load_after = os.getloadavg()
        if server_pid is not None:
            attack.rss_peak_mb = rss_mb(server_pid, "VmHWM")
    return report


def bench(home: Path, users: int, seconds: float, types: tuple[str, ...] = TYPES, embedding: str | None = None,
          reports: list[Path] | None = None, upload: Path | None = None, seed: int = 9,
          attack: Attack | None = None) -> tuple[BenchReport, set[str]]:
    """Ingest (if needed), serve on a free loopback port, drive it; returns the report and the bound addresses."""
    from index.parse.report import parse_file

    token = f"bench-{random.Random(seed).randrange(10**12)}"
    env = server_env(embedding, token)
    home.mkdir(parents=True, exist_ok=True)
    ensure_corpus(home, env, reports)
    upload = upload or bundled_reports() / UPLOAD
    questions = pick_questions(types, parse_file(upload).meta.agency)
    bomb = None
    if attack is not None:
        from malformed import lying_zip_bomb

        bomb = home / "attack" / "年度报告.docx"
        bomb.parent.mkdir(exist_ok=True)
        bomb.write_bytes(lying_zip_bomb(BOMB_MB))
    port = free_port()
    proc = start_server(home, port, env)
    try:
        bound = listening_addresses(port)
        url = f"http://127.0.0.1:{port}/"
        return run_load(url, users, seconds, questions, token, upload, seed=seed, attack=attack, bomb=bomb,
                        server_pid=proc.pid), bound
    finally:
        stop_server(proc)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--users", type=int, default=20)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--types", default=",".join(TYPES), help=f"question types from fast.jsonl ({', '.join(TYPES)})")
    p.add_argument("--home", type=Path, help="a home to serve (the bundled corpus is ingested if it holds none); "
                                             "default: a temporary one")
    p.add_argument("--embedding", help="NIANBAO_EMBEDDING_MODEL for the server (e.g. hash-bigram); default: the "
                                       "settings' default")
    p.add_argument("--seed", type=int, default=9)
    p.add_argument("--attack", action="store_true", help="add hostile users: --long-users sending 100,000-character "
                                                         "questions, --bomb-users uploading lying .docx zip bombs")
    p.add_argument("--long-users", type=int, default=4)
    p.add_argument("--bomb-users", type=int, default=2)
    args = p.parse_args(argv)
    logging.getLogger("jieba").setLevel(logging.WARNING)  # jieba logs its dictionary load to stderr by default
    home = args.home or Path(tempfile.mkdtemp(prefix="nianbao-load-"))
    types = tuple(t.strip() for t in args.types.split(",") if t.strip())
    attack = Attack(long_users=args.long_users, bomb_users=args.bomb_users) if args.attack else None
    report, bound = bench(home, args.users, args.seconds, types, args.embedding, seed=args.seed, attack=attack)
    print(report.render())
    print(f"server bound to {', '.join(sorted(bound)) or '?'} (default host); home {home}")
    held = attack is None or (attack.errors == 0 and attack.long_refused == attack.long_sent
                              and attack.bombs_refused == attack.bombs_sent)
    return 0 if report.errors == report.upload_errors == 0 and report.correct == report.served and held else 1


if __name__ == "__main__":
    sys.exit(main())
