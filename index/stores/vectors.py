"""Chroma: one collection of chunk vectors, cosine space, embedded by our own embedder (Chroma's default
embedding function would download a model). Embedded `PersistentClient` under the home by default; a
server (`HttpClient`) when `NIANBAO_CHROMA_URL` is set, with the same code.

    vs = VectorStore(settings, get_embedder(settings))
    vs.add(chunk_report(report), progress=True)
    vs.query("平潭依申请公开存在什么问题", k=5, where={"year": 2023})  # [(Chunk, cosine), …]
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from urllib.parse import urlparse

import numpy as np
from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from index.errors import StoreError
from index.models import Chunk
from index.settings import Settings
from index.stores.chunks import index_text

log = logging.getLogger(__name__)

FILTER_KEYS = ("agency", "year", "section", "template", "report_id", "kind")
META_KEYS = (*FILTER_KEYS, "start", "end")
PAGE = 5000  # rows per `get` when listing the whole collection
Progress = bool | Callable[[int, int], None]


def chroma_where(filters: dict | None) -> dict | None:
    """{"agency": "…", "year": [2023, 2024]} -> Chroma's where ($and of equalities / $in)."""
    if not filters:
        return None
    clauses = []
    for key, value in filters.items():
        if key not in FILTER_KEYS:
            raise ValueError(f"unknown filter {key!r}; use one of {', '.join(FILTER_KEYS)}")
        if value is None:
            continue
        if isinstance(value, list | tuple | set):
            values = list(value)
            clauses.append({key: {"$in": values}} if len(values) != 1 else {key: values[0]})
        else:
            clauses.append({key: value})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def text_hash(text: str) -> str:
    """What a vector is cached under: the exact text the model embeds (prefix and all)."""
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _chunk(cid: str, text: str, meta: dict) -> Chunk:
    return Chunk(id=cid, text=text, **{k: meta[k] for k in META_KEYS})


def open_client(settings: Settings):
    """The embedded client, or the server one when a URL is configured."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if not url.hostname:
            raise StoreError(f"NIANBAO_CHROMA_URL {settings.chroma_url!r} is not a URL like http://host:8000")
        headers = {"Authorization": f"Bearer {settings.chroma_token}"} if settings.chroma_token else None
        try:
            return chromadb.HttpClient(host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
                                       ssl=url.scheme == "https", headers=headers, settings=chroma_settings)
        except Exception as e:  # connection refused, auth, version mismatch: one message at the edge
            raise StoreError(f"cannot reach the Chroma server at {settings.chroma_url}: {e}") from e
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


class VectorStore:
    """The chunk vectors of every report, with the chunk's metadata for filters."""

    def __init__(self, settings: Settings, embedder, client=None):
        self.settings, self.embedder = settings, embedder
        self.client = client or open_client(settings)
        self.batch_size = settings.embed_batch_size
        self._ahead: dict[str, np.ndarray] = {}  # text hash -> vector embedded ahead of its report's write
        self.stats: Counter = Counter()  # passages embedded and reused (the ingest bench reads them)
        model = getattr(embedder, "name", "unknown")
        self.collection = self.client.get_or_create_collection(
            name=settings.collection, embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}}, metadata={"embedding_model": model})
        built_with = (self.collection.metadata or {}).get("embedding_model")
        if built_with and built_with != model:
            raise StoreError(f"collection {settings.collection!r} holds vectors of {built_with!r}, not {model!r}: "
                             "use another NIANBAO_COLLECTION or re-ingest into an empty home")

    # ---- writing ---------------------------------------------------------------------------------
    def add(self, chunks: Iterable[Chunk], progress: Progress = False) -> int:
        """Store chunks (upsert: the same chunk id twice is stored once), embedding only texts whose vector is
        not known yet (see `known`). Batches are cut from the chunks sorted by length, so short passages are
        not padded to a long one."""
        unique = sorted({c.id: c for c in chunks}.values(), key=lambda c: len(index_text(c)))
        total = len(unique)
        texts = [index_text(c) for c in unique]
        vectors = self.known(texts)
        bar = tqdm(total=total, desc="embedding", unit="chunk", disable=progress is not True, leave=False)
        for i in range(0, total, self.batch_size):
            batch, batch_texts = unique[i:i + self.batch_size], texts[i:i + self.batch_size]
            self.collection.upsert(
                ids=[c.id for c in batch], documents=[c.text for c in batch],
                embeddings=self._vectors(batch_texts, vectors),
                metadatas=[{**{k: getattr(c, k) for k in META_KEYS}, "text_hash": text_hash(t)}
                           for c, t in zip(batch, batch_texts, strict=True)])
            bar.update(len(batch))
            if callable(progress):
                progress(min(i + len(batch), total), total)
        bar.close()
        return total

    def _vectors(self, texts: list[str], known: dict[str, np.ndarray]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if text_hash(t) not in known]
        if todo:
            self.stats["embedded"] += len(todo)
            for h, v in zip(map(text_hash, todo), np.asarray(self.embedder.embed_passages(todo), np.float32),
                            strict=True):
                known[h] = v
        self.stats["reused"] += len(texts) - len(todo)
        return np.stack([known[text_hash(t)] for t in texts])

    def known(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Vectors already computed for these texts, by text hash: embedded ahead in this batch (`embed_ahead`)
        or stored for any chunk of any report (a new version of a report, a report removed and added again,
        boilerplate repeated word for word)."""
        hashes = list(dict.fromkeys(map(text_hash, texts)))
        out = {h: self._ahead[h] for h in hashes if h in self._ahead}
        missing = [h for h in hashes if h not in out]
        for i in range(0, len(missing), PAGE):
            got = self.collection.get(where={"text_hash": {"$in": missing[i:i + PAGE]}},
                                      include=["embeddings", "metadatas"])
            for meta, vec in zip(got["metadatas"], got["embeddings"], strict=True):
                out[meta["text_hash"]] = np.asarray(vec, dtype=np.float32)
        return out

    def embed_ahead(self, texts: list[str]) -> int:
        """Embed now, all together sorted by length, the texts a batch of reports is about to add (those not
        stored yet): one sort over many reports pads far less than one per report. Returns how many."""
        todo = list(dict.fromkeys(texts))
        known = self.known(todo)
        todo = sorted((t for t in todo if text_hash(t) not in known), key=len)
        self.stats["embedded"] += len(todo)
        for i in range(0, len(todo), self.batch_size):
            part = todo[i:i + self.batch_size]
            for t, v in zip(part, np.asarray(self.embedder.embed_passages(part), np.float32), strict=True):
                self._ahead[text_hash(t)] = v
        return len(todo)

    def keep(self, texts: list[str]) -> None:
        """Hold the stored vectors of these texts before their chunks are deleted (a report's new version
        replaces the old one, whose unchanged passages need no embedding)."""
        self._ahead.update(self.known(texts))

    def forget_ahead(self) -> None:
        """Drop the vectors embedded ahead (the end of a batch)."""
        self._ahead.clear()

    def delete_report(self, report_id: str) -> None:
        self.collection.delete(where={"report_id": report_id})

    def replace_report(self, report_id: str, chunks: list[Chunk], progress: Progress = False) -> int:
        """Make the report's vectors exactly these chunks, embedding only the ones not stored yet: a report
        rewritten because a neighbouring year changed its table keeps its narrative, so nothing is embedded."""
        want = {c.id: c for c in chunks}
        have = set(self.collection.get(where={"report_id": report_id}, include=[])["ids"])
        if have - want.keys():
            self.collection.delete(ids=sorted(have - want.keys()))
        return self.add([c for cid, c in want.items() if cid not in have], progress=progress)

    # ---- reading ---------------------------------------------------------------------------------
    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self.embedder.embed_queries([text]), dtype=np.float32)[0]

    def query(self, text: str, k: int = 5, where: dict | None = None,
              vector: np.ndarray | None = None) -> list[tuple[Chunk, float]]:
        """The k nearest chunks with their cosine similarity, best first."""
        n = self.collection.count()
        if n == 0 or k <= 0:
            return []
        vec = self.embed_query(text) if vector is None else vector
        res = self.collection.query(query_embeddings=[vec], n_results=min(k, n), where=chroma_where(where),
                                    include=["documents", "metadatas", "distances"])
        rows = zip(res["ids"][0], res["documents"][0], res["metadatas"][0], res["distances"][0], strict=True)
        return [(_chunk(cid, doc, meta), 1.0 - float(dist)) for cid, doc, meta, dist in rows]

    def cosines(self, vector: np.ndarray, ids: list[str]) -> dict[str, float]:
        """Cosine of the query with the stored ones of these chunks (vectors are normalised), without
        re-embedding them; ids without a vector are left out."""
        if not ids:
            return {}
        got = self.collection.get(ids=list(ids), include=["embeddings"])
        if not got["ids"]:  # e.g. table rows, which only the lexical index holds
            return {}
        emb = np.asarray(got["embeddings"], dtype=np.float32)
        return {cid: float(s) for cid, s in zip(got["ids"], emb @ vector, strict=True)}

    def _all_metadata(self) -> Iterable[dict]:
        offset = 0
        while True:
            got = self.collection.get(include=["metadatas"], limit=PAGE, offset=offset)
            yield from got["metadatas"]
            if len(got["ids"]) < PAGE:
                return
            offset += PAGE

    def report_ids(self) -> dict[str, int]:
        """report id -> number of chunks stored for it."""
        return dict(Counter(m["report_id"] for m in self._all_metadata()))

    def count(self) -> int:
        return self.collection.count()

    def as_langchain_vectorstore(self):
        """The same collection as a langchain-chroma `Chroma` store (our embedder, our client)."""
        from langchain_chroma import Chroma

        return Chroma(client=self.client, collection_name=self.settings.collection,
                      embedding_function=LangchainEmbeddings(self.embedder))


class LangchainEmbeddings(Embeddings):
    """Our embedder behind LangChain's `Embeddings` interface (query/passage prefixes kept apart)."""

    def __init__(self, embedder):
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return np.asarray(self.embedder.embed_passages(list(texts)), dtype=np.float32).tolist()

    def embed_query(self, text: str) -> list[float]:
        return np.asarray(self.embedder.embed_queries([text]), dtype=np.float32)[0].tolist()
