"""The embedding model in a child process, for a server. Importing torch and sentence-transformers and loading the
bundled model take ~5 CPU-s, all of it holding the interpreter's lock: in the serving process it ran after (or
between) the catalogue, jieba and the first questions, one thread at a time on one core. The child loads it on the
other core from the server's first line on, then embeds what the server sends it: the same model through the same
`get_embedder` (sentence-transformers), so the same vectors bit for bit; the server itself never imports torch.

    emb = WorkerEmbedder(settings)          # the child starts loading at once
    emb.embed_queries(["平潭今年收到多少申请"])   # waits for it the first time

Frames on the child's stdin/stdout are a 4-byte length and a pickle. One thread of the server owns the pipe, so a
question stopped at its budget (an asynchronous exception in its own thread) never leaves half a frame behind. A
child that dies is replaced by the model loaded in the server (logged), so questions keep their answers.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
from concurrent.futures import Future
from pathlib import Path

import numpy as np

from index.errors import NianbaoError
from index.settings import Settings
from index.stores.embed import HASH_MODEL, Embedder, EncodeCache, get_embedder

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]


class WorkerGone(Exception):
    """The child closed its end of the pipe (it was killed, or crashed)."""


def _send(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("<I", len(data)) + data)
    stream.flush()


def _recv(stream):
    head = stream.read(4)
    if len(head) < 4:
        raise WorkerGone("the embedding worker closed its pipe")
    (n,) = struct.unpack("<I", head)
    data = stream.read(n)
    if len(data) < n:
        raise WorkerGone("the embedding worker closed its pipe mid-frame")
    return pickle.loads(data)


class WorkerEmbedder:
    """An `Embedder` whose model runs in a child process (see the module docstring)."""

    def __init__(self, settings: Settings):
        self._settings, self.name = settings, settings.embedding_model
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        self._ready: Future = Future()  # the child's dim, or why it could not load
        self._fallback: Embedder | None = None
        self._fallback_lock = threading.Lock()
        self._queue_lock, self._gone = threading.Lock(), False  # no request is queued once the pipe's thread ends
        self._queries = EncodeCache()  # as in process: a narrative question embeds its query 2-3 times
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen([sys.executable, "-m", "index.stores.embed_worker"], env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        threading.Thread(target=self._serve_pipe, name="nianbao-embed-pipe", daemon=True).start()

    # ---- the one thread that talks to the child ----------------------------------------------------
    def _serve_pipe(self) -> None:
        proc = self.process
        try:
            _send(proc.stdin, self._settings)
            kind, value = _recv(proc.stdout)
        except (WorkerGone, OSError, ValueError) as e:  # ValueError: closed meanwhile
            self._ready.set_exception(WorkerGone(str(e)))
            return
        (self._ready.set_result if kind == "ready" else self._ready.set_exception)(
            value if kind == "ready" else NianbaoError(value))
        while kind == "ready":
            what, texts, fut = self._requests.get()
            if what == "close":
                break
            try:
                _send(proc.stdin, (what, texts))
                status, value = _recv(proc.stdout)
            except (WorkerGone, OSError, ValueError) as e:  # ValueError: closed meanwhile
                fut.set_exception(WorkerGone(str(e)))
                break
            (fut.set_result if status == "ok" else fut.set_exception)(value if status == "ok" else NianbaoError(value))
        self._fail_pending()

    def _fail_pending(self) -> None:
        """Requests queued behind the last exchange are answered in process."""
        with self._queue_lock:
            self._gone = True
        while True:
            try:
                _, _, fut = self._requests.get_nowait()
            except queue.Empty:
                return
            if fut is not None:
                fut.set_exception(WorkerGone("the embedding worker stopped"))

    # ---- Embedder ------------------------------------------------------------------------------------
    @property
    def dim(self) -> int:
        try:
            return int(_wait(self._ready))
        except WorkerGone:
            return self._in_process().dim

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._queries.encode(texts, lambda todo: self._call("queries", todo), self.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._call("passages", list(texts))

    def _call(self, what: str, texts: list[str]) -> np.ndarray:
        if self._fallback is None:
            try:
                _wait(self._ready)
                fut: Future = Future()
                with self._queue_lock:
                    if self._gone:
                        raise WorkerGone("the embedding worker stopped")
                    self._requests.put((what, texts, fut))
                return _wait(fut)
            except WorkerGone as e:
                log.error("the embedding worker stopped (%s): loading the model in the server instead", e)
        model = self._in_process()
        return model.embed_queries(texts) if what == "queries" else model.embed_passages(texts)

    def _in_process(self) -> Embedder:
        with self._fallback_lock:
            if self._fallback is None:
                self._fallback = get_embedder(self._settings)
            return self._fallback

    def close(self) -> None:
        """Stop the child (it also stops by itself when the server's end of the pipe closes)."""
        self._requests.put(("close", None, None))
        try:
            self.process.stdin.close()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()


def _wait(fut: Future):
    """The future's result, waited for in short steps: a budget's asynchronous exception lands between them."""
    while True:
        try:
            return fut.result(timeout=0.1)
        except TimeoutError:
            continue


def serving_embedder(settings: Settings) -> Embedder | None:
    """The embedder a server opens its stores with: the model in a child process, started now; None (the stores open
    the model themselves, in process) for the hashing stand-in or where no process can be started."""
    if settings.embedding_model.startswith(HASH_MODEL):
        return None
    try:
        return WorkerEmbedder(settings)
    except OSError as e:  # no process could be started: the model loads in the server, as without a worker
        log.warning("could not start the embedding worker (%s): the model loads in the server", e)
        return None


# ---- the child -------------------------------------------------------------------------------------

def main() -> int:
    """Load the model, say so (or why not), then answer requests until the server closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C on the server reaches its whole group: the server decides
    out = os.fdopen(os.dup(1), "wb")  # the frames; anything a library prints goes to stderr
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        _serve(sys.stdin.buffer, out)
    except (WorkerGone, BrokenPipeError):  # the server went away
        pass
    return 0


def _serve(inp, out) -> None:
    settings = _recv(inp)
    try:
        model = get_embedder(settings)
    except Exception as e:  # noqa: BLE001  (the server raises it at its first embedding)
        _send(out, ("error", str(e) if isinstance(e, NianbaoError) else f"{type(e).__name__}: {e}"))
        return
    _send(out, ("ready", model.dim))
    while True:
        what, texts = _recv(inp)
        try:
            vecs = model.embed_queries(texts) if what == "queries" else model.embed_passages(texts)
        except Exception as e:  # noqa: BLE001
            _send(out, ("error", f"{type(e).__name__}: {e}"))
            continue
        _send(out, ("ok", np.ascontiguousarray(vecs, dtype=np.float32)))

if __name__ == "__main__":
    sys.exit(main())

