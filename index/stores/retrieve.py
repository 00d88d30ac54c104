"""Retrieval: dense (Chroma), lexical (BM25) or hybrid, which fuses both by reciprocal rank (RRF) or by
a weighted sum of the dense cosine and the scaled BM25 score. Every hit carries its dense cosine (read
from the stored vectors when only BM25 found it), since the answerer declines below a cosine threshold.

    r = Retriever(vectors, lexical, method="hybrid")
    for hit in r.search("平潭依申请公开工作有哪些不足", k=5, filters={"year": 2023}): ...
    r.as_langchain(k=5).invoke("…")  # LangChain Documents with the chunk metadata
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel

from index.models import Chunk
from index.stores.chunks import DENSE_KINDS
from index.stores.vectors import FILTER_KEYS

METHODS = ("dense", "lexical", "hybrid")
FUSIONS = ("rrf", "weighted")
RRF_K = 60  # the usual constant: damps the head of each list so neither ranking dominates
DENSE_WEIGHT = 0.9  # weighted fusion: share of the dense cosine against the max-scaled BM25 score (e5 cosines
# of related passages differ by hundredths, BM25 spans 0..1 after scaling; 0.85-0.96 measured alike)
NAMED_MAX = 16  # a dense search within at most this many named reports reads their vectors by id (below)
POOL = 4  # each list contributes POOL * k candidates (at least MIN_POOL) to the fusion
MIN_POOL = 20


class Hit(BaseModel):
    chunk: Chunk
    score: float
    method: str
    dense: float | None = None  # cosine of query and chunk, where known
    lexical: float | None = None  # BM25 score, where the chunk matched a query token


def _dense_filters(filters: dict | None) -> tuple[dict | None, set[str] | None]:
    """The filters the vector store is asked with, and the kinds its hits are then kept to. The vectors hold the
    DENSE_KINDS alone, so a kind filter that admits them all is no filter there and is left out (Chroma's
    metadata filter cost ~100 ms of a 10 ms search over 28,000 vectors); the hits are still kept to the asked
    kinds, for a home whose vectors predate DENSE_KINDS."""
    kind = (filters or {}).get("kind")
    if kind is None:
        return filters, None
    kinds = {kind} if isinstance(kind, str) else set(kind)
    if not set(DENSE_KINDS) <= kinds:
        return filters, None
    rest = {k: v for k, v in filters.items() if k != "kind"}
    return rest or None, kinds


def _admits(value, wanted) -> bool:
    """A chunk's metadata value against one filter value (None: no filter; a list: any of them), as Chroma's."""
    if wanted is None:
        return True
    return value in wanted if isinstance(wanted, list | tuple | set) else value == wanted


def _rrf(ranked: list[list[str]]) -> dict[str, float]:
    scores: dict[str, float] = {}
    for ids in ranked:
        for rank, cid in enumerate(ids):
            scores[cid] = scores.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
    return scores


def _weighted(dense: dict[str, float], lexical: dict[str, float]) -> dict[str, float]:
    top = max(lexical.values(), default=0.0) or 1.0
    ids = set(dense) | set(lexical)
    return {cid: DENSE_WEIGHT * dense.get(cid, 0.0) + (1 - DENSE_WEIGHT) * lexical.get(cid, 0.0) / top
            for cid in ids}


class Retriever:
    """One search over the chunk stores, by the configured method."""

    def __init__(self, vectors, lexical, method: str = "hybrid", fusion: str = "weighted"):
        if method not in METHODS:
            raise ValueError(f"retrieval method must be one of {', '.join(METHODS)}, not {method!r}")
        if fusion not in FUSIONS:
            raise ValueError(f"fusion must be one of {', '.join(FUSIONS)}, not {fusion!r}")
        self.vectors, self.lexical, self.method, self.fusion = vectors, lexical, method, fusion

    def search(self, query: str, k: int = 5, filters: dict | None = None, method: str | None = None) -> list[Hit]:
        method = method or self.method
        if method not in METHODS:
            raise ValueError(f"retrieval method must be one of {', '.join(METHODS)}, not {method!r}")
        if not query.strip() or k <= 0:
            return []
        if method == "lexical":
            return [Hit(chunk=c, score=s, method=method, lexical=s) for c, s in self.lexical.query(query, k, filters)]
        vector = self.vectors.embed_query(query)
        if method == "dense":
            return [Hit(chunk=c, score=s, method=method, dense=s) for c, s in self._dense(query, k, filters, vector)]
        pool = max(POOL * k, MIN_POOL)
        dense = self._dense(query, pool, filters, vector)
        lexical = self.lexical.query(query, pool, filters)
        chunks = {c.id: c for c, _ in lexical} | {c.id: c for c, _ in dense}
        cos = {c.id: s for c, s in dense}
        cos |= self.vectors.cosines(vector, [cid for cid in chunks if cid not in cos])
        bm25 = {c.id: s for c, s in lexical}
        if self.fusion == "rrf":
            fused = _rrf([[c.id for c, _ in dense], [c.id for c, _ in lexical]])
        else:
            fused = _weighted(cos, bm25)
        best = sorted(fused, key=lambda cid: (-fused[cid], -cos.get(cid, 0.0)))[:k]
        return [Hit(chunk=chunks[cid], score=fused[cid], method=method, dense=cos.get(cid), lexical=bm25.get(cid))
                for cid in best]

    def warm(self) -> None:
        """Load what the first search across every report waits for: the model and the vector index (Chroma reads
        its HNSW files then, ~0.3 s at 28,000 vectors on an idle machine; a search within named reports does not)."""
        if self.method != "lexical":
            self.search("政府信息公开", 1, method="dense")

    def _dense(self, query: str, k: int, filters: dict | None, vector) -> list[tuple[Chunk, float]]:
        where, kinds = _dense_filters(filters)
        named = self._named_chunks(where)
        if named:  # exact cosines of the reports' own vectors, read by id
            cos = self.vectors.cosines(vector, [c.id for c in named])
            found = sorted(((c, cos[c.id]) for c in named if c.id in cos), key=lambda hit: -hit[1])[:k]
        else:
            found = self.vectors.query(query, k, where, vector=vector)
        return found if kinds is None else [(c, s) for c, s in found if c.kind in kinds]

    def _named_chunks(self, where: dict | None) -> list[Chunk] | None:
        """The vector-holding chunks of the reports a filter names (at most NAMED_MAX), the rest of the filter
        applied, from the lexical index (by report, indexed); None where the filter names no report or more.
        Chroma's metadata filter scans: at 280,000 vectors (10,000 reports) a search within one report took
        280-1,800 ms that way, against ~3 ms reading its 20-60 vectors by id, and the result is exact."""
        named = (where or {}).get("report_id")
        if named is None:
            return None
        ids = [named] if isinstance(named, str) else list(named)
        if len(ids) > NAMED_MAX or not set(where) <= set(FILTER_KEYS):  # (Chroma names an unknown key)
            return None
        rest = {key: value for key, value in where.items() if key != "report_id"}
        return [c for rid in ids for c in self.lexical.chunks(rid)
                if c.kind in DENSE_KINDS and all(_admits(getattr(c, key), value) for key, value in rest.items())]

    def as_langchain(self, k: int = 5, filters: dict | None = None):
        """This retriever as a LangChain `BaseRetriever` (Documents carry the chunk's metadata)."""
        return _langchain_class()(retriever=self, k=k, filters=filters)


def hit_document(hit: Hit):
    from langchain_core.documents import Document

    meta = hit.chunk.model_dump(exclude={"text"})
    meta.update(score=hit.score, method=hit.method, dense=hit.dense)
    return Document(page_content=hit.chunk.text, metadata=meta, id=hit.chunk.id)


@cache
def _langchain_class():
    """Defined on first use: importing langchain's retriever machinery costs a second at startup."""
    from typing import Any

    from langchain_core.callbacks import CallbackManagerForRetrieverRun
    from langchain_core.documents import Document
    from langchain_core.retrievers import BaseRetriever

    class NianbaoRetriever(BaseRetriever):
        """Chunks of the annual reports, by the nianbao retriever's configured method."""

        retriever: Any
        k: int = 5
        filters: dict | None = None

        def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                    **kwargs: Any) -> list[Document]:
            k = kwargs.get("k", self.k)
            filters = kwargs.get("filters", self.filters)
            return [hit_document(h) for h in self.retriever.search(query, k, filters)]

    return NianbaoRetriever
