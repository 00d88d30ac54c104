"""Passages for narrative questions and narrative precedents: retrieve text chunks, keep the relevant ones,
and quote the sentences that answer best, with offsets into the report text (a chunk's text is
`report.text[start:end]`, so a sentence inside it keeps exact offsets).

Sentences are chosen without the model: by the question's topic words and character bigrams they repeat,
then ranked by their chunk's retrieval cosine. Embedding the 20-40 candidate sentences was ~85% of a cold
narrative answer (~0.5-2 s CPU); on the question sets the lexical choice quotes the expected passage as often.

Relevance: the bundled e5-small model gives unrelated passages cosines close to related ones (measured on
the question sets: answerable narrative questions 0.879-0.956, off-topic questions 0.85-0.91), so a
passage counts when it clears `min_relevance` and either a quoted sentence contains a content word of the
question or the passage is very close (>= STRONG_RELEVANCE)."""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
from pydantic import BaseModel

from assistant.catalog import CatalogEntry
from index.embed import EncodeCache
from index.lexical import load_jieba
from index.vocabulary import QUERY_SECTIONS, SECTION_NAMES

_SENTENCES = EncodeCache()
HAN = re.compile(r"[\u4e00-\u9fff]+")
HARD_END = re.compile(r"[。！？!?；;]+")
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|#)")
MIN_SENTENCE = 8  # characters; shorter pieces are headings or fragments
SHORT_LINE = 22  # a line this short ends a sentence (a heading); longer ones are wrapped PDF lines
MAX_QUOTE = 160  # a longer sentence is cut at a comma near this length
PER_REPORT = 4  # sentences quoted from one report
MAX_REPORTS = 8  # reports listed for a question over the whole corpus
SEARCH_K = 8
CROSS_K = 30
STRONG_RELEVANCE = 0.92  # a passage this close counts even when no sentence repeats the question's words
TOPIC_SHARE = 0.6  # of the topic words a precedent sentence must contain (压力测试: both 压力 and 测试)
TOPIC_BONUS = 0.02  # per point of a sentence's lexical key, added to its chunk's cosine
HEADING_PENALTY = 0.5  # off a heading's lexical key: it repeats the question's words but says nothing
GENERIC_TOPICS = {"开展", "做法", "措施", "举措", "情况", "方面", "工作", "进行", "有关", "相关", "什么", "哪些",
                  "存在", "主要", "具体", "内容", "单位", "部门", "报告", "年度", "一些", "怎么", "如何", "政府",
                  "信息", "公开", "政府信息", "政务"}
BOILERPLATE = ("本地目录", "当前位置", "来源：", "zwgk", "本报告包括", "本报告共分", "全文包括", "本报告根据",
               "本报告由", "本报告所列", "报告全文", "标题:", "下载", "有任何疑问", "邮编", "电话：", "发布日期")
TITLE = "工作年度报告"  # a sentence that is mostly the report's title


class Passage(BaseModel):
    report_id: str
    agency: str
    year: int
    section: str
    text: str  # exactly report.text[start:end]
    start: int
    end: int
    score: float = 0.0

    @property
    def shown(self) -> str:
        """The quote as displayed: wrapped lines joined (the citation keeps the exact text)."""
        return re.sub(r"\s*\n\s*", "", self.text)


Grouped = OrderedDict[tuple[str, int], list[Passage]]


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a chunk: split at 。！？；, and at a line break after a short line or before
    a heading (a wrapped PDF line is not a sentence end); headings and fragments left out."""
    cuts = {m.end() for m in HARD_END.finditer(text)}
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        nxt = text[end + 1:end + 40]
        if len(line.strip()) < SHORT_LINE or HEADING.match(nxt):
            cuts.add(end)
        pos = end + 1
    spans, start = [], 0
    for cut in sorted(cuts | {len(text)}):
        s, e = start, cut
        start = cut
        while s < e and text[s] in " \t\n\u3000":
            s += 1
        while e > s and text[e - 1] in " \t\n\u3000":
            e -= 1
        if e - s >= MIN_SENTENCE and not _boilerplate(text[s:e]):
            spans.append((s, e))
    return spans


def _boilerplate(sentence: str) -> bool:
    """Page chrome and the report's own table of contents (本报告包括总体情况、主动公开…)."""
    return (any(b in sentence for b in BOILERPLATE) or sum(n in sentence for n in SECTION_NAMES.values()) >= 3
            or (TITLE in sentence and len(sentence) < 40))


def _shorten(text: str, s: int, e: int) -> tuple[int, int]:
    if e - s <= MAX_QUOTE:
        return s, e
    cut = max(text.rfind("，", s, s + MAX_QUOTE), text.rfind(",", s, s + MAX_QUOTE))
    return (s, cut + 1) if cut > s + MIN_SENTENCE else (s, s + MAX_QUOTE)


def topic_words(topic: str) -> list[str]:
    """Content words of the question's topic: jieba words (2+ characters, not generic), else the runs."""
    runs = [r for r in topic.split() if len(r) >= 2]
    words = [w for r in runs for w in load_jieba().lcut(r) if len(w) >= 2 and w not in GENERIC_TOPICS]
    return list(dict.fromkeys(words))


def topic_hits(sentence: str, topics: list[str]) -> int:
    return sum(1 for t in topics if t in sentence)


def section_hint(question: str) -> str | None:
    """问题/不足 -> the problems section, 复议/诉讼 -> review_litigation, searched first."""
    return next((sec for word, sec in QUERY_SECTIONS.items() if word in question), None)


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


_GENERIC_BIGRAMS = {b for w in GENERIC_TOPICS for b in _bigrams(w)}


def lexical_keys(query: str, topics: list[str], cands: list[tuple[object, int, int]]) -> list[float]:
    """Per candidate: the topic words it contains plus the share of the question's content bigrams it repeats
    (agency names left out: every sentence of a report shares them)."""
    names = {b for chunk, _, _ in cands for b in _bigrams(chunk.agency)}
    qb = {b for b in _bigrams(query) if HAN.fullmatch(b)} - _GENERIC_BIGRAMS - names
    return [topic_hits(t, topics) + (len(qb & _bigrams(t)) / len(qb) if qb else 0.0)
            - (HEADING_PENALTY if HEADING.match(t) or not HARD_END.search(t) else 0.0)
            for t in (chunk.text[s:e] for chunk, s, e in cands)]


def best_sentences(cands: list[tuple[object, int, int]], keys: list[float], top: int) -> list[int]:
    """Indexes of the best candidates, in their order: per report the `top` best by lexical key, ties in
    retrieval order, a sentence repeated by overlapping chunks once; reports past MAX_REPORTS (by their best
    sentence) left out, as no more are quoted."""
    kept: dict[tuple[str, int], int] = {}
    spans, chosen = set(), []
    for i in sorted(range(len(cands)), key=lambda i: -keys[i]):
        chunk, s, e = cands[i]
        key, span = (chunk.agency, chunk.year), (chunk.report_id, chunk.start + s, chunk.start + e)
        if key not in kept and len(kept) >= MAX_REPORTS:
            continue
        if kept.get(key, 0) < top and span not in spans:
            kept[key] = kept.get(key, 0) + 1
            spans.add(span)
            chosen.append(i)
    return sorted(chosen)


def _cosines(embedder, query: str, texts: list[str]) -> np.ndarray:
    """Cosines of the query with passages (chunks a lexical-only search found); passage vectors are cached per
    embedder, so a follow-up question does not re-embed them."""
    q = np.asarray(embedder.embed_queries([query]), dtype=np.float32)[0]
    owner = f"{type(embedder).__qualname__}:{getattr(embedder, 'name', '')}:{id(embedder)}"
    keys = [f"{owner}\x1f{t}" for t in texts]
    p = _SENTENCES.encode(keys, lambda todo: embedder.embed_passages([k.split("\x1f", 1)[1] for k in todo]), len(q))
    return p @ q


def _relevant_chunks(search: Callable, embedder, query: str, k: int, filters: dict,
                     threshold: float) -> list[tuple[object, float]]:
    """(chunk, cosine) of the hits at or above the threshold; a lexical-only hit gets its cosine computed."""
    hits = search(query, k, filters)
    missing = [h for h in hits if getattr(h, "dense", None) is None]
    computed = {}
    if missing:
        cos = _cosines(embedder, query, [h.chunk.text for h in missing])
        computed = {id(h): float(c) for h, c in zip(missing, cos, strict=True)}
    out = []
    for h in hits:
        c = h.dense if getattr(h, "dense", None) is not None else computed[id(h)]
        if c >= threshold:
            out.append((h.chunk, float(c)))
    return out


def quote_sentences(query: str, topics: list[str], chunks: list[tuple[object, float]],
                    per_report: int, precedent: bool) -> Grouped:
    """The best sentences of the relevant chunks (`best_sentences`), grouped by report in order of relevance
    (chunk cosine plus the lexical key)."""
    cands: list[tuple[object, int, int]] = []
    for chunk, _ in chunks:
        if chunk.kind != "text":  # table rows answer figure questions, not narrative ones
            continue
        for s, e in sentences(chunk.text):
            s, e = _shorten(chunk.text, s, e)
            cands.append((chunk, s, e))
    if topics:
        hits = [topic_hits(c.text[s:e], topics) for c, s, e in cands]
        if precedent:  # a precedent must say it: most of the question's content words in the sentence
            need = max(1, math.ceil(TOPIC_SHARE * len(topics)))
            cands = [c for c, h in zip(cands, hits, strict=True) if h >= need]
        elif not any(hits) and max((cos for _, cos in chunks), default=0.0) < STRONG_RELEVANCE:
            return OrderedDict()  # nothing says what was asked about (天气 is in no report)
    if not cands:
        return OrderedDict()
    keys = lexical_keys(query, topics, cands)
    chosen = best_sentences(cands, keys, per_report)
    cos = {id(c): c_cos for c, c_cos in chunks}
    cands, texts = [cands[i] for i in chosen], [cands[i][0].text[cands[i][1]:cands[i][2]] for i in chosen]
    scores = np.array([cos[id(c)] + TOPIC_BONUS * keys[i] for (c, _, _), i in zip(cands, chosen, strict=True)])
    groups: Grouped = OrderedDict()
    for i in np.argsort(-scores, kind="stable"):
        chunk, s, e = cands[i]
        key = (chunk.agency, chunk.year)
        if len(groups.get(key, [])) >= per_report or (key not in groups and len(groups) >= MAX_REPORTS):
            continue
        span = (chunk.start + s, chunk.start + e)
        if any((p.start, p.end) == span for p in groups.get(key, [])):
            continue
        groups.setdefault(key, []).append(Passage(
            report_id=chunk.report_id, agency=chunk.agency, year=chunk.year, section=chunk.section,
            text=texts[i], start=span[0], end=span[1], score=float(scores[i])))
    for key in groups:
        groups[key].sort(key=lambda p: p.start)
    return groups


def relevant_passages(search: Callable, embedder, query: str, topics: list[str], entries: list[CatalogEntry],
                      threshold: float) -> Grouped:
    """Passages of the named reports (one search per report, so each named report is looked at), from the
    section the question points at when that section answers."""
    section = section_hint(query)
    for sec in ([section, None] if section else [None]):
        chunks = []
        for e in entries[:4]:
            filters = {"report_id": e.report_id, "kind": "text", **({"section": sec} if sec else {})}
            chunks += _relevant_chunks(search, embedder, query, SEARCH_K, filters, threshold)
        groups = quote_sentences(query, topics, chunks, PER_REPORT, precedent=False) if chunks else None
        if groups:
            return groups
    return OrderedDict()


def corpus_passages(search: Callable, embedder, query: str, topics: list[str], entries: list[CatalogEntry],
                    threshold: float, precedent: bool) -> Grouped:
    """Across the corpus (or the reports in scope): which reports say it, one or two sentences each."""
    filters: dict = {"kind": "text"}
    if entries:
        filters["report_id"] = sorted({e.report_id for e in entries})
    chunks = _relevant_chunks(search, embedder, query, CROSS_K, filters, threshold)
    return quote_sentences(query, topics, chunks, 2, precedent=precedent)
