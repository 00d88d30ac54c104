"""Input-method slips against the corpus: a character typed for another of the same sound (出理费 for 处理费, 再线访谈
for 在线访谈, 平坛 for 平潭, 问卷调察 for 问卷调查) leaves a pair of characters that no stored report prints. Such a pair
is read as the word of the same sound, one character changed, that the reports do print often — found in the lexical
index's vocabulary (jieba words and character bigrams with their document frequencies), so it holds for the words
of whatever reports are stored, not for a list. A character inside a dictionary word of the question (季 of 季度) is
never changed, and neither is a pair some report prints.

    text, changes = correct_slips("哪些单位搞过再线访谈", lexical.frequencies)  # -> 在线访谈, ["再线->在线"]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from index.stores.lexical import load_jieba

HAN = re.compile(r"[\u4e00-\u9fff]+")
MIN_DF = 3  # chunks that must print the word read instead (a word of the reports, not a stray pair)
COMMON_PAIR = 20  # a pair printed this often is a word of the reports even where jieba's dictionary lacks it (片区)
SIDE_WORD = 50  # a pair typed that jieba's dictionary knows this well is meant (上课, 老师), never a slip


@lru_cache(maxsize=1)
def _by_sound() -> dict[str, tuple[str, ...]]:
    """Characters by the toneless pinyin of their commonest reading (施 is shi, not its rare yi), read once from
    pypinyin's table (~40,000 entries)."""
    from pypinyin.pinyin_dict import pinyin_dict

    out: dict[str, list[str]] = {}
    for code, readings in pinyin_dict.items():
        ch = chr(code)
        if not HAN.fullmatch(ch):
            continue
        out.setdefault(_toneless(readings.split(",")[0]), []).append(ch)
    return {k: tuple(v) for k, v in out.items()}


def _toneless(reading: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c)).replace("ü", "v")


@lru_cache(maxsize=8192)
def sounds_like(ch: str) -> tuple[str, ...]:
    """Other characters whose commonest reading is `ch`'s, tones aside (在 for 再, 潭 for 坛, 查 for 察): a
    character's rare readings (有 wěi, 还 fú, 施 yì) are not what its typist said nor what an input method offers."""
    from pypinyin.pinyin_dict import pinyin_dict

    reading = pinyin_dict.get(ord(ch), "").split(",")[0]
    return tuple(c for c in _by_sound().get(_toneless(reading), ()) if c != ch) if reading else ()


FUNCTION_TAGS = ("u", "p", "c", "r", "y", "q", "m", "e", "o", "f")  # jieba's tags of grammar words (了 些 在 哪 多 里)
GRAMMAR = "是有"  # verbs that are grammar: 办是怎么 is no slip for 办事
YEAR = re.compile(r"(?<=[\d〇零一二三四五六七八九十])年")


def _loose(run: str, years: set[int]) -> tuple[list[bool], list[bool]]:
    """Per character of a run: whether it stands alone in jieba's dictionary cut (no HMM guessing), so that a
    slip may have made it (a character of a dictionary word, 季 of 季度, 公 of 公开, or the 年 of a year, is taken);
    and whether it may be the slip itself or the neighbour it makes a pair with (not a grammar word: 了 些 在 哪 是 过)."""
    from jieba import posseg

    loose, open_ = [], []
    for t in posseg.cut(run, HMM=False):
        one = len(t.word) == 1
        loose += [one] * len(t.word)
        open_ += [one and not t.flag.startswith(FUNCTION_TAGS) and t.word not in GRAMMAR] * len(t.word)
    for p in years:
        loose[p] = open_[p] = False
    return loose, open_


def _word(pair: str, df: int) -> bool:
    """A pair the reports print as a word of jieba's dictionary."""
    return df >= MIN_DF and load_jieba().dt.FREQ.get(pair, 0) > 0


def correct_slips(text: str, frequencies: Callable[[list[str]], dict[str, int]]) -> tuple[str, list[str]]:
    """The text with each slip read as the corpus's word (see the module); `frequencies(tokens)`: the chunks
    holding each token the lexical index holds. A loose character is read as another of its sound when no
    pair it makes with a loose neighbour is printed by any report and one it would make is a word the reports
    print (or, beside a word, a three-character word they print: 公开览 -> 公开栏); the commonest such word wins.
    Two look-ups: the pairs typed, then every reading of them."""
    load_jieba().dt.check_initialized()
    runs = [(m.start(), m.group()) for m in HAN.finditer(text)]
    pairs = {run[i:i + 2] for _, run in runs for i in range(len(run) - 1)}
    if not pairs:
        return text, []
    typed = frequencies(sorted(pairs))
    options: list[tuple[int, int, str]] = []  # (at, character read, word it makes)
    for start, run in runs:
        loose, open_ = _loose(run, {m.start() - start for m in YEAR.finditer(text, start, start + len(run))})
        for p, ch in enumerate(run):
            if not open_[p]:
                continue
            sides = [q for q in (p - 1, p + 1) if 0 <= q < len(run) and open_[q]]  # 过 of 办过事: no pair
            if any(typed.get(_pair(run, p, q, ch), 0) or load_jieba().dt.FREQ.get(_pair(run, p, q, ch), 0) >= SIDE_WORD
                   for q in sides):
                continue  # 海坛: a pair some report prints (or a common word) is meant
            for alt in sounds_like(ch):
                options += [(start + p, alt, _pair(run, p, q, alt)) for q in sides]
                if p >= 2 and not loose[p - 1]:
                    options.append((start + p, alt, run[p - 2:p] + alt))
                if p + 2 < len(run) and not loose[p + 1]:
                    options.append((start + p, alt, alt + run[p + 1:p + 3]))
    if not options:
        return text, []
    found = frequencies(sorted({w for *_, w in options}))
    best: dict[int, tuple[int, str, str]] = {}
    for at, alt, word in options:
        df = found.get(word, 0)
        if (_word(word, df) if len(word) == 2 else df >= MIN_DF) and df > best.get(at, (0,))[0]:
            best[at] = (df, alt, word)
    chars, changes = list(text), []
    for at, (_, alt, word) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        if any(text[q] != chars[q] for q in range(max(0, at - 2), min(len(chars), at + 3))):
            continue  # one slip per word: a neighbour already read otherwise
        changes.append(f"{text[at]}->{alt}({word})")
        chars[at] = alt
    return "".join(chars), changes


def _pair(run: str, p: int, q: int, ch: str) -> str:
    """The pair character `ch` at p makes with its neighbour q."""
    return ch + run[q] if q > p else run[q] + ch


def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (shen, qing, lv): what a run typed in pinyin is made of."""
    return frozenset(_by_sound())
