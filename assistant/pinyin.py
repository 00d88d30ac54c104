"""A question typed in toneless pinyin (na qiye shenqing de ne, pingtan guanweihui 2020 nian …): an input method that
never converted, read as the Chinese it spells. Words come from jieba's dictionary (the commonest word of each spelling)
with the question vocabulary's terms and the catalogue's places first, so that it holds for whatever is asked rather
than for a list of phrases. English (every word a pinyin syllable run is rare: how, many, requests are none) is left
to the English path.

    read_pinyin("na qiye shenqing de ne", {})  # -> "那企业申请的呢"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

TOKEN = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]+")
MIN_WORDS = 3  # a pinyin sentence, not a term typed in pinyin inside a Chinese one (那 bufen gongkai 的呢)
MIN_UNENGLISH = 2  # runs that are pinyin and no English word (qiye, shenqing): na, de, ne alone are English too
MAX_JOIN = 3  # tokens read together as one word (guan wei hui)
MIN_FREQ = 10  # jieba's count for a word to be read from its spelling (管委会 is 57; the table takes ~3 s once)
MAX_WORD = 4
MEASURES = {"jian": "件", "ge": "个", "ci": "次", "xiang": "项", "tiao": "条", "fen": "份", "qi": "起", "nian": "年", "jia": "家"}
RIVAL = 10  # a homophone this much rarer than the commonest is no rival, printed or not (海市 for 还是)
MAX_CANDIDATES = 8  # homophones kept per spelling, for the reports' own words to choose among
Frequencies = Callable[[list[str]], dict[str, int]]


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    from index.stores.slips import syllables

    return syllables()


@lru_cache(maxsize=4096)
def is_pinyin(run: str) -> bool:
    """Whether the run splits into pinyin syllables (shenqing = shen + qing; how, many, requests do not)."""
    ok = [True] + [False] * len(run)
    for i in range(len(run)):
        if ok[i]:
            for j in range(i + 1, min(len(run), i + 6) + 1):
                if run[i:j] in _syllables():
                    ok[j] = True
    return ok[-1]


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    """Spelling (toneless, no spaces) -> the dictionary words spelled so, commonest first; the question vocabulary's
    term first of all (fuyi is 复议, whatever else sounds like it). Built on the first pinyin question (~3 s)."""
    from pypinyin import lazy_pinyin

    from assistant.normalize import terms_by_spelling
    from index.stores.lexical import load_jieba

    jieba = load_jieba()
    jieba.initialize()  # its dictionary is read on first use, not on import
    spelled: dict[str, list[tuple[int, str]]] = {}
    for w, f in jieba.dt.FREQ.items():
        if f >= MIN_FREQ and len(w) <= MAX_WORD and re.fullmatch(r"[\u4e00-\u9fff]+", w):
            spelled.setdefault("".join(lazy_pinyin(w)).replace("ü", "v"), []).append((f, w))
    words = {k: tuple(w for _, w in sorted(v, reverse=True)[:MAX_CANDIDATES]) for k, v in spelled.items()}
    for k, term in terms_by_spelling().items():
        words[k] = (term, *(w for w in words.get(k, ()) if w != term))
    return words


def _word(key: str, joined: int, places: dict[str, str], frequencies: Frequencies | None) -> str | None:
    """The word a spelling reads as: a place, else the commonest candidate the reports print (还是, and 征地 rather
    than the commoner 政敌, which no report prints); a run of several typed words is read together only as a word the
    reports print (zui duo de is 最 多 的, not 夺得)."""
    if said := places.get(key):
        return said
    candidates = _words().get(key, ())
    if not candidates:
        return None
    if frequencies is None:
        return candidates[0] if joined == 1 else None
    from index.stores.lexical import load_jieba

    freq = load_jieba().dt.FREQ
    close = [w for w in candidates if len(w) > 1 and freq.get(w, 0) * RIVAL >= freq.get(candidates[0], 0)]
    printed = frequencies(close) if close else {}  # single characters are no evidence: the index keeps pairs
    best = next((w for w in close if printed.get(w, 0)), None)
    return best or (candidates[0] if joined == 1 else None)


TONE_MARKED = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")
TONE_NUMBERED = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z]+[1-5])+(?![A-Za-z0-9])")  # shen1qing3, xia4


def toneless(text: str) -> str:
    """Pinyin written with its tones (xíngzhèng qiángzhì, shen1qing3 xin1shou1) as an input method takes it, toneless
    (xingzheng qiangzhi, shenqing xinshou): the spellings every later step reads. A run is untoned only when each of
    its letter groups is pinyin (B2, FY2 are not)."""
    text = text.translate(TONE_MARKED)

    def untoned(m: re.Match) -> str:
        groups = re.findall(r"[A-Za-z]+", m.group())
        return "".join(groups) if all(is_pinyin(g.lower()) for g in groups) else m.group()

    return TONE_NUMBERED.sub(untoned, text)


def read_pinyin(text: str, places: dict[str, str], frequencies: Frequencies | None = None) -> str | None:
    """The question in Chinese where it is typed in pinyin (at least MIN_WORDS runs, every run pinyin, some of
    them no English word); None otherwise. `places` maps romanised place names (pingtan) to Chinese (平潭);
    `frequencies(words)`: how many stored passages print each (the lexical index), which chooses among homophones."""
    from assistant.normalize import is_english_word

    tokens = TOKEN.findall(text)
    latin = [t.lower() for t in tokens if t.isascii() and t.isalpha()]
    if len(latin) < MIN_WORDS or not all(is_pinyin(t) for t in latin) or sum(
            1 for t in latin if len(t) >= 3 and not is_english_word(t)) < MIN_UNENGLISH:
        return None
    out, i = [], 0
    while i < len(tokens):
        if tokens[i].lower() == "ji" and i + 1 < len(tokens) and tokens[i + 1].lower() in MEASURES:
            out.append("几" + MEASURES[tokens[i + 1].lower()])  # ji jian, ji ge: how many (not 即见, the commonest)
            i += 2
            continue
        for n in range(MAX_JOIN, 0, -1):
            run = tokens[i:i + n]
            if len(run) == n and all(t.isascii() and t.isalpha() for t in run) and (
                    said := _word("".join(run).lower(), n, places, frequencies)):
                out.append(said)
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    read = "".join(out)
    return read if not re.search(r"[A-Za-z]{2,}", read) else None


INITIALS = re.compile(r"(?<![A-Za-z])([A-Za-z]{2,5})(?![A-Za-z])(\s*[区县市]?)")
YEAR_AFTER = re.compile(r"\s*(?:19|20)?\d{2}(?![\d%.件个项次条份])")  # lc22, pt 19: a short year said after the place
AGENCY_WORD_AFTER = re.compile(r"\s*(?:gov|govt|government|district|county|city|office)\b", re.IGNORECASE)
MIN_TERM_INITIALS = 3  # xzxk: shorter letter runs name too many terms


@lru_cache(maxsize=1)
def _terms_by_initials() -> dict[str, str]:
    """xzxk -> 行政许可: the question vocabulary's terms by the first letters of their syllables, where one term alone
    has them."""
    from assistant.normalize import terms_by_sound

    found: dict[str, str | None] = {}
    for sound, term in terms_by_sound().items():
        key = "".join(s[0] for s in sound)
        if len(key) >= MIN_TERM_INITIALS:
            found[key] = None if key in found and found[key] != term else term
    return {k: v for k, v in found.items() if v}


def initials(word: str) -> str:
    """The first letters of a word's syllables (洪泽 -> hz, 本机关不掌握 -> bjgbzw)."""
    from pypinyin import lazy_pinyin

    return "".join(s[0] for s in lazy_pinyin(word) if s)


def read_initials(text: str, places: tuple[str, ...]) -> str:
    """Abbreviations by pinyin initials in a Chinese question (HZ区 -> 洪泽区, xzxk -> 行政许可): a place of the
    catalogue before 区/县/市, or a term of the question vocabulary, where exactly one has those initials; English
    words and anything else are left as typed."""
    from assistant.normalize import is_english_word

    def read(m: re.Match) -> str:
        run, after = m.group(1).lower(), m.group(2)
        if YEAR_AFTER.match(m.string, m.end()) and not after.strip() and len(
                named := {p for p in places if initials(p) == run}) == 1:
            return f"{named.pop()}{after}"  # lc 22, pt 19: a place, as the short year after it says, even where the
            # letters make an English word (pt)
        if is_english_word(run):
            return m.group()
        if after.strip() or AGENCY_WORD_AFTER.match(m.string, m.end()):  # HZ区, HZ gov: a place, as its agency word says
            named = {p for p in places if initials(p) == run}
            return f"{named.pop()}{after.strip() or ' '}" if len(named) == 1 else m.group()
        term = _terms_by_initials().get(run)
        return term + after if term else m.group()
    return INITIALS.sub(read, text)
