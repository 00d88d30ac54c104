"""Figures resolved by meaning, with a confidence: a question whose words name no figure of the vocabulary's
cue lists (找不到信息的申请有多少, how many requests were refused) is matched against the descriptions of every
canonical figure (`index.vocabulary.FIGURE_MEANINGS`), by the bundled embedding model and by the characters the
two share, so an unseen paraphrase or an English question finds its cell by nearest neighbour.

Cosines of e5-small between a short question and every description sit within a few hundredths of each other,
so no absolute threshold separates them (bench/meaning_bench.py). What separates them, measured on full and the
paraphrase dev split: both sides stripped of agency, year and question words; each figure's best description
(max-pooling over label, citizen wording, English); both scores z-normalised across the figures of one question
and fused; and the confidence read as the margin of the best figure over the runner-up. Above MARGIN the cell is
used, below it the assistant asks back with the best readings; a question whose content shares too little with
any description (培训了多少场) is not a figure question at all and is left to the passages.

    meaning = Meaning(embedder)
    found = meaning.resolve("鹿城区2022年有多少申请因为信息不存在没法提供？", strip=["鹿城区"])
    found.confident, found.readings[0].label
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
from collections import Counter
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from assistant.cues import (
    CHANGE_CUES,
    COMPARE_CUES,
    CONNECTORS,
    COUNT_CUES,
    COUNTERS,
    FILING_VERBS,
    FOLLOWUP_CUES,
    PEOPLE_ASKED,
    PER_N,
    QUESTION_WORDS,
    RANGE_WORDS,
    RANK_SUBJECTS,
    RANKING_CUES,
    RATIO_CUES,
    RELATIVE_YEARS,
    SAME_YEAR,
    SHIFT_WORDS,
    TOTAL_CUES,
    WEAK_FIGURES,
    YEAR_SUBJECTS,
)
from assistant.figures import with_columns_of
from assistant.normalize import ENGLISH_FUNCTION_WORDS, is_english, lemma
from assistant.query import CellKey, Intent
from assistant.read import files, parse_years, plain_words, share_of_total
from assistant.resolve import resolve_targets
from index.vocabulary import (
    ENGLISH_TERMS,
    FIGURE_MEANING_GENERIC,
    FIGURE_MEANINGS,
    QUERY_COLUMN_GROUPS,
    QUERY_COLUMNS,
    QUERY_FIGURE_EXCLUSIONS,
    RATES,
)

log = logging.getLogger(__name__)

MARGIN = 1.0  # fused z-score of the best figure over the runner-up: at or above it, the answer uses the cell
MIN_COVERAGE = 0.3  # share of the content's character pairs the best reading's description holds, and
MIN_COSINE = 0.92  # its cosine: below either, the content names no figure (培训了多少场: left to the passages)
MIN_COSINE_EN = 0.86  # an English question's cosines to the (mostly Chinese) descriptions run lower
LEXICAL_WEIGHT = 1.0  # the characters' z-score beside the embedding's in the fused score
ASK_BACK = 3  # readings offered when not confident
RATE_WORDS = (*RATIO_CUES, "率")  # a rate is a reading only where the question asks a share
ASKS_FIGURE = (*COUNT_CUES, *RATE_WORDS, "多大", "几成")
# what says nothing about which figure: the agency, years, question and operation words, and the domain's own
# name (every figure is about disclosure); single-character connectors stay (涉及, 比例 keep their characters)
FILLER = (
    *QUERY_FIGURE_EXCLUSIONS, *FIGURE_MEANING_GENERIC, *QUESTION_WORDS, *RANKING_CUES, *RANK_SUBJECTS, *YEAR_SUBJECTS,
    *COUNT_CUES, *RATIO_CUES, *CHANGE_CUES, *COMPARE_CUES, *TOTAL_CUES, *FOLLOWUP_CUES, *RELATIVE_YEARS, *RANGE_WORDS,
    *SHIFT_WORDS, *(c for c in CONNECTORS if len(c) > 1 or c in "和与、"),
    "请问", "一下", "告诉我", "对比一下", "件", "个", "次", "起", "吗", "那么",
)
_FILLER = re.compile("|".join(re.escape(w) for w in sorted(set(FILLER), key=len, reverse=True)))
# the English words whose gloss says nothing about which figure (how many, in, the, district …)
_ENGLISH_FILLER = re.compile(r"\b(?:" + "|".join(re.escape(en) for en, zh in sorted(
    ENGLISH_TERMS.items(), key=lambda t: len(t[0]), reverse=True) if not zh or _FILLER.fullmatch(zh)) + r")\b", re.I)


class Reading(BaseModel):
    """One canonical figure as a possible meaning of the question."""

    name: str
    label: str  # the template's label, as an ask-back shows it
    keys: list[CellKey] = Field(default_factory=list)  # summed when several
    rate: str | None = None  # a RATES key instead of cells
    score: float = 0.0  # fused z-score


class Resolution(BaseModel):
    """The best readings of a question, best first, and how sure the choice of the first is."""

    text: str  # what was matched (the question's content)
    readings: list[Reading] = Field(default_factory=list)
    margin: float = 0.0
    coverage: float = 0.0  # share of the content's character pairs that a description of the best reading holds
    cosine: float = 0.0  # the best reading's nearest description
    floor: float = MIN_COSINE  # the cosine below which nothing is related (lower for English)

    @property
    def related(self) -> bool:
        return bool(self.readings) and self.coverage >= MIN_COVERAGE and self.cosine >= self.floor

    @property
    def confident(self) -> bool:
        return self.related and self.margin >= MARGIN


YEARS_COUNTED = re.compile(r"[这那近]?[两几三四五六七八九十\d]{1,2}个?年度?(?:里|中|间|来|内)?")  # 这三年里: how many years, no figure
COUNTED_IN = re.compile(rf"(?:多少|几)(?:人次|[{COUNTERS}])")  # 多少回, 几宗: the count asked and its measure word, whatever it is


def content(text: str, strip: list[str] | tuple[str, ...] = ()) -> str:
    """The words that can say which figure: without the agency mentions, the years, the question words and what
    the question leaves out (除了企业以外)."""
    text = plain_words(text).replace("|", " ")
    for w in sorted((s for s in strip if s), key=len, reverse=True):
        text = text.replace(w, " ")
    _, spans = parse_years(text)
    for s, e in reversed(spans):
        text = text[:s] + " " + text[e:]
    text = COUNTED_IN.sub(" ", text)
    text = _FILLER.sub(" ", _ENGLISH_FILLER.sub(" ", YEARS_COUNTED.sub(" ", SAME_YEAR.sub(" ", text))))  # 同一年: a year
    return re.sub(r"[\s\W_]+", " ", text).strip()



def _grams(text: str) -> list[str]:
    s = re.sub(r"[\s\W_]+", "", text.lower())
    return list(s) + [s[i:i + 2] for i in range(len(s) - 1)]


def _pairs(text: str) -> set[str]:
    """Character pairs within words; an English word counts as one (its letters say little alone)."""
    return {p for w in text.lower().split() for p in ([w] if w.isascii() else (w[i:i + 2] for i in range(len(w) - 1)))}


def _reading(name: str) -> Reading:
    cells, texts = FIGURE_MEANINGS[name]
    if isinstance(cells, str):
        return Reading(name=name, label=RATES[cells][0], rate=cells)
    return Reading(name=name, label=texts[0], keys=[CellKey(table=t, row=r, column=c) for t, r, c in cells])


def _z(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / (x.std() + 1e-9)


class Meaning:
    """The descriptions of every figure, embedded on the first question that needs them and kept beside the
    model (`cache_dir`), so a later process reads ~350 KB instead of embedding 230 texts (seconds on a loaded CPU)."""

    def __init__(self, embedder, cache_dir: Path | None = None, lexical_weight: float = LEXICAL_WEIGHT,
                 dense_weight: float = 1.0):
        self.embedder, self.cache_dir = embedder, cache_dir
        self.lexical_weight, self.dense_weight = lexical_weight, dense_weight
        self.names = list(FIGURE_MEANINGS)
        self.readings = {n: _reading(n) for n in self.names}
        described = [(i, t) for i, n in enumerate(self.names) for t in FIGURE_MEANINGS[n][1]]
        self._owner = np.array([i for i, _ in described])
        self._texts = [content(t) or t for _, t in described]
        self._pairs = [_pairs(t) for t in self._texts]
        grams = [Counter(_grams(t)) for t in self._texts]
        df = Counter(g for c in grams for g in c)
        self._idf = {g: math.log(len(grams) / n) for g, n in df.items()}
        self._grams = [{g: self._idf[g] for g in c} for c in grams]
        self._norms = [math.sqrt(sum(c.values())) or 1.0 for c in self._grams]
        self._is_rate = np.array([self.readings[n].rate is not None for n in self.names])
        self._vectors: np.ndarray | None = None
        self._lock = threading.Lock()

    def vectors(self) -> np.ndarray:
        """The descriptions' vectors, embedded as queries: question and description are both short phrases."""
        with self._lock:
            if self._vectors is None:
                self._vectors = self._cached() if self.cache_dir else None
            if self._vectors is None:
                self._vectors = np.asarray(self.embedder.embed_queries(self._texts), dtype=np.float32)
                self._save()
            return self._vectors

    def _cache_path(self) -> Path:
        name = getattr(self.embedder, "name", "model")
        digest = hashlib.sha256("\n".join([name, *self._texts]).encode()).hexdigest()[:16]
        return Path(self.cache_dir or ".") / f"figure-meanings-{digest}.npy"

    def _cached(self) -> np.ndarray | None:
        path = self._cache_path()
        try:
            vectors = np.load(path)
        except (OSError, ValueError):
            return None
        return vectors if vectors.shape[0] == len(self._texts) else None

    def _save(self) -> None:
        if not self.cache_dir:
            return
        path = self._cache_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.npy")
            np.save(tmp, self._vectors)
            tmp.replace(path)
        except OSError as e:  # a read-only home still answers; it embeds again next process
            log.warning("could not keep the figure descriptions' vectors at %s: %s", path, e)

    def _pool(self, scores: np.ndarray) -> np.ndarray:
        out = np.full(len(self.names), -np.inf)
        np.maximum.at(out, self._owner, scores)
        return out

    def lexical(self, text: str) -> np.ndarray:
        """IDF-weighted characters and character pairs shared with each description, per figure (max)."""
        asked = set(_grams(text))
        shared = [sum(w for g, w in c.items() if g in asked) / n for c, n in zip(self._grams, self._norms, strict=True)]
        return self._pool(np.array(shared))

    def agrees(self, question: str, strip: list[str], keys: list[CellKey]) -> bool:
        """The characters alone (no embedding, ~1 ms) already point at `keys`: a weak word's figure stands."""
        lex = self.lexical(content(question, strip))
        best = self.readings[self.names[int(np.argmax(lex))]]
        return lex.max() > 0 and same_rows(best.keys, keys)

    def resolve(self, question: str, strip: list[str] | tuple[str, ...] = ()) -> Resolution:
        """The best readings of the question, with the margin of the first over the second."""
        return self.resolve_text(question, content(question, strip))

    def resolve_text(self, question: str, text: str) -> Resolution:
        """The readings of `text` (the question's content); `question` says whether a rate may be one."""
        if not text:
            return Resolution(text=text)
        dense = self._pool(self.vectors() @ np.asarray(self.embedder.embed_queries([text]), dtype=np.float32)[0])
        lex = self.lexical(text)
        asks_rate = any(w in question for w in RATE_WORDS) or PER_N.search(question)  # 10件里有几件: a share too
        allowed = ~self._is_rate if not asks_rate else np.ones(len(self.names), bool)
        fused = np.where(allowed, self.dense_weight * _z(dense) + self.lexical_weight * _z(lex), -np.inf)
        order = [i for i in np.argsort(-fused) if allowed[i]][:ASK_BACK]
        readings = [self.readings[self.names[i]].model_copy(update={"score": round(float(fused[i]), 3)}) for i in order]
        margin = float(fused[order[0]] - fused[order[1]]) if len(order) > 1 else float("inf")
        asked, own = _pairs(text), np.flatnonzero(self._owner == order[0])
        coverage = max(len(asked & self._pairs[j]) for j in own) / len(asked) if asked else 0.0
        return Resolution(text=text, readings=readings, margin=round(margin, 3), coverage=round(coverage, 3),
                          cosine=round(float(dense[order[0]]), 3), floor=MIN_COSINE_EN if text.isascii() else MIN_COSINE)


def same_rows(a: list[CellKey], b: list[CellKey]) -> bool:
    """The same figure (rows), whatever applicant column either asks."""
    return [k.row for k in a] == [k.row for k in b]


def asks_figure(question: str) -> bool:
    return any(w in question for w in ASKS_FIGURE)


def wants(question: str, it: Intent, places: dict[str, str] | None = None) -> bool:
    """The hook's condition: the question asks a figure and the cue lists found none, or only a weak word with
    more said beside it (收到多少申请 says nothing more; 申请里因为涉密没公开的 does), or an English question some
    of whose words the glossary dropped (turn down because the papers were classified)."""
    if it.kind in ("decline", "clarify") or (it.followup and not it.mentions) or it.rate or it.textual or not (
            asks_figure(it.question or question) or it.claim):  # 是不是7件…: a number stated is a figure asked
        return False
    if not it.keys:
        return True
    if it.kind == "narrative":  # the router chose the passages although a figure was named (报告正文里说…)
        return False
    if is_english(question):
        return bool(unglossed(question, places or {}))
    rest = content(it.question, [*it.mentions, *WEAK_FIGURES, *QUERY_COLUMNS, *QUERY_COLUMN_GROUPS]).split()
    return it.weak_figure and max(map(len, rest), default=0) >= 2  # a word of its own, not 也 and 提


def unglossed(question: str, places: dict[str, str]) -> list[str]:
    """The content words of an English question that neither the glossary nor a place name covers."""
    known = {w for term in ENGLISH_TERMS for w in term.split()} | set(ENGLISH_FUNCTION_WORDS)
    return [w for w in re.findall(r"[a-z]+", content(question).lower())
            if len(w) > 2 and w not in known and lemma(w) not in known and w not in places]


def _names_a_thing(question: str, places: dict[str, str]) -> bool:
    """An English question names a word of content the glossary lacks and the dictionary knows (grievances), not
    a typo (aplications), an acronym (FOI) or a place's possessive (Pingtan's)."""
    from assistant.bilingual import asked_words, translations  # bilingual reads this module's unglossed

    return any(translations(w) for w in asked_words(question, places))


def asked(question: str, it: Intent) -> str:
    """What is matched: the routed question, or an English question as typed (the multilingual model reads it;
    the gloss keeps only the words of its glossary)."""
    return question if is_english(question) else (it.question or question)


def reread(question: str, it: Intent, catalog, meaning: Meaning | None) -> tuple[Intent, Resolution | None]:
    """The intent with its figure found by meaning where the cue lists found none: confident -> the reading's
    cells (the plan's reason says so, with the margin); related but unsure -> a question back (kind clarify,
    reason figure_unclear); unrelated -> unchanged."""
    if meaning is None or not wants(question, it, catalog.romanised_places() if is_english(question) else None):
        return it, None
    entries = [catalog.entry(a, y) for a, y in it.targets]
    if entries and all(e is not None and e.template == "pre2019" for e in entries):
        return it, None  # reports without the standard tables: the number is in their text, not a cell to choose
    if it.keys and meaning.agrees(asked(question, it), it.mentions, it.keys):
        return it, None
    said = [*QUERY_COLUMNS, *QUERY_COLUMN_GROUPS] if it.column else []  # the column is read: it says no row
    filed = files(it.question, FILING_VERBS) or PEOPLE_ASKED.search(it.question)  # 递了几件, 有几个人是
    if it.column and filed and [k.row for k in it.keys] == ["new_received"]:
        return it, None  # 公益组织递了几件, 有几个人是律师: what a type of applicant filed is its requests, nothing to choose
    found = meaning.resolve(asked(question, it), strip=[*it.mentions, *said])
    # how many grievances of fishermen did it handle: a thing the glossary lacks is counted, as 办理了多少件人大代表建议
    # counts it in Chinese; the text states it, no cell
    if it.weak_figure and it.kind == "figure" and not found.related and is_english(question) and _names_a_thing(
            question, catalog.romanised_places()):
        return it.model_copy(update={"kind": "narrative", "keys": [], "figure_word": None, "textual": True}), None
    if not (found.related or (it.keys and found.cosine >= found.floor)):  # a weak word already says: requests
        return it, None
    best = found.readings[0]
    if it.keys and not it.weak_figure and {k.row for k in best.keys} < {k.row for k in it.keys}:
        return it, None  # lawsuits filed against …: a sum the glossary named holds the reading; as in Chinese, it stands
    # beside a weak word the question is about requests already: the model's cosine and a clear margin suffice
    sure = found.confident or (bool(it.keys) and found.cosine >= found.floor and found.margin >= MARGIN)
    if not sure:
        if it.keys and any(same_rows(r.keys, it.keys) for r in found.readings):
            return it, None  # a weak word's figure stands when the meaning is no clearer and still allows it
        if it.keys and not found.related:
            return it, None
        return it.model_copy(update={"kind": "clarify", "reason": "figure_unclear"}), found
    if it.keys and same_rows(it.keys, best.keys):
        return it, None
    reason = f"figure_by_meaning:{best.name} margin={found.margin}"
    update = {"keys": with_columns_of(best.keys, it.keys), "figure_word": best.label, "weak_figure": False, "reason": reason,
              "rate": best.rate, "rate_spec": None}
    if best.rate:
        kind = "comparison" if len(it.targets) > 1 or len(it.agencies) > 1 else "rate"
    elif it.kind in ("ranking", "sum", "precedent", "change", "comparison"):
        kind = it.kind
    else:
        spec = share_of_total(it.question, best.keys, it.column, best.label)
        update.update(rate="share" if spec else None, rate_spec=spec)
        kind = "rate" if spec else ("comparison" if len(it.targets) > 1 or len(it.agencies) > 1 else "figure")
    updated = it.model_copy(update={**update, "kind": kind, "targets": [], "missing_years": []})
    return resolve_targets(updated, catalog), None
