"""The agencies and years the store holds, and matching what citizens type (鹿城, 平潭公安局, 鹿成区) to them.

Matching scores character overlap, weighting the generic words of agency names (人民政府, 局, 区 …) low,
so that the distinctive characters decide; a character that is a homophone of one in the name counts as
a typo of it (鹿成区 -> 鹿城区) when pypinyin is installed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pydantic import BaseModel

from index.vocabulary import AGENCY_ALIASES, AGENCY_GENERIC

GENERIC_WEIGHT = 0.25
HOMOPHONE_CREDIT = 0.9
MIN_MENTION_COVERAGE = 0.75  # share of the mention's weight found in the agency name
MIN_DISTINCTIVE = 1.8  # distinctive characters a mention must share with a name (鹿城, 洪泽; not 社会)
TIE_MARGIN = 0.15  # name coverages closer than this are an even match: ask which one
PLACE_SEGMENT = re.compile(r".+?(?:综合实验区|片区|省|市|县|区)")


class CatalogEntry(BaseModel):
    """One stored report as the router and the answerer need it."""

    agency: str
    year: int
    report_id: str = ""
    template: str = ""
    file_name: str = ""
    checks_failed: int = 0
    ambiguous: int = 0
    places: tuple[str, ...] = ()  # stored with the report (index.parse.geography); empty: read from the name
    kinds: tuple[str, ...] = ()


class AgencyCandidate(BaseModel):
    agency: str
    mention_coverage: float  # how much of what was typed is in this name
    name_coverage: float  # how much of this name was typed


@lru_cache(maxsize=4096)
def _pinyin(ch: str) -> str | None:
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # homophone typos are then not recognised; exact characters still are
        return None
    out = lazy_pinyin(ch)
    return out[0] if out and out[0] != ch else None


@lru_cache(maxsize=8192)
def char_weights(text: str) -> dict[str, float]:
    """Weight of each character: low inside a generic word of agency names (人民政府, 局), else 1.
    A character occurring several times keeps its highest weight."""
    generic = [False] * len(text)
    words = sorted(AGENCY_GENERIC, key=len, reverse=True)
    i = 0
    while i < len(text):
        w = next((w for w in words if text.startswith(w, i)), None)
        if w:
            generic[i:i + len(w)] = [True] * len(w)
            i += len(w)
        else:
            i += 1
    out: dict[str, float] = {}
    for ch, g in zip(text, generic, strict=True):
        if not ch.isspace():
            out[ch] = max(out.get(ch, 0.0), GENERIC_WEIGHT if g else 1.0)
    return out


def expand_aliases(text: str) -> str:
    """Replace everyday short forms (科委, 市场监管局) by the words agency names print, longest first."""
    for short in sorted(AGENCY_ALIASES, key=len, reverse=True):
        if short in text:
            text = text.replace(short, AGENCY_ALIASES[short])
    return text


def _trim(run: str, kept) -> str:
    i, j = 0, len(run)
    while i < j and not kept(run[i]):
        i += 1
    while j > i and not kept(run[j - 1]):
        j -= 1
    return run[i:j]


class _Name:
    """An agency name prepared for scoring."""

    def __init__(self, name: str):
        self.name = name
        self.weights = char_weights(name)
        self.chars = frozenset(self.weights)
        self.weight = sum(self.weights.values())
        self._pinyins: dict[str, str] | None = None
        places, rest = [], name
        while (m := PLACE_SEGMENT.match(rest)) and len(m.group()) >= 2:
            places.append(frozenset(c for c, w in char_weights(m.group()).items() if w == 1))
            rest = rest[m.end():]
        self.place_chars = frozenset().union(*places) if places else frozenset()
        self.last_place = places[-1] if places else frozenset()

    def is_above(self, covered: set[str]) -> bool:
        """True when the mention names a place of this agency but not its own (温州市 for a 鹿城区 office):
        the agency is then a sub-unit of what was asked, not the asked one."""
        return bool(covered & self.place_chars) and not covered & self.last_place

    def homophone_of(self, ch: str) -> str | None:
        """The character of this name that sounds like `ch`, if any."""
        py = _pinyin(ch)
        if py is None:
            return None
        if self._pinyins is None:
            self._pinyins = {}
            by_weight = sorted(self.weights.items(), key=lambda cw: -cw[1])  # a distinctive character first;
            for c, _ in by_weight:  # a generic one too (政负 for 政府, 综何 for 综合): slips hit any character
                p = _pinyin(c)
                if p:
                    self._pinyins.setdefault(p, c)
        return self._pinyins.get(py)


class Catalog:
    """What the store holds, by agency and year; built per question from `Store.reports()` (one query)."""

    def __init__(self, entries: Iterable[CatalogEntry]):
        self.entries = sorted(entries, key=lambda e: (e.agency, e.year))
        self._by_agency: dict[str, list[CatalogEntry]] = {}
        for e in self.entries:
            self._by_agency.setdefault(e.agency, []).append(e)
        self._names = [_Name(a) for a in self._by_agency]
        self.charset = frozenset().union(*(n.chars for n in self._names)) if self._names else frozenset()
        self._places: dict[str, list[str]] | None = None
        self._kinds: dict[str, list[str]] | None = None
        self._levels: dict[str, list[str]] | None = None
        self._sounds: frozenset[str] | None = None
        self._romanised: dict[str, str] | None = None  # pinyin of the names' characters (typed homophones)

    def places(self) -> dict[str, list[str]]:
        """Place word (江苏省, 江苏, 平潭) -> the agencies there, longest words first."""
        if self._places is None:
            from index.parse.geography import places_of

            self._places = self._by_word(places_of, {e.agency: e.places for e in self.entries if e.places})
        return self._places

    def nearby_holding(self, agency: str, years: list[int]) -> list[str]:
        """Other agencies of the narrowest place the agency is in that hold these years (平潭县人民政府 has no 2024
        report; 平潭's agencies that do are what the asker may have meant)."""
        groups = sorted((ags for ags in self.places().values() if agency in ags), key=len)
        for ags in groups:
            if found := [a for a in ags if a != agency and set(years) <= set(self.years(a))]:
                return found
        return []

    def kinds(self) -> dict[str, list[str]]:
        """Kind word (公安, 片区, 政府) -> the agencies of that kind, longest words first."""
        if self._kinds is None:
            from index.parse.geography import kinds_of

            self._kinds = self._by_word(kinds_of, {e.agency: e.kinds for e in self.entries if e.kinds})
        return self._kinds

    def levels(self) -> dict[str, list[str]]:
        """Administrative level (province, city, county, township) -> the agencies at it, read from the names."""
        if self._levels is None:
            from index.parse.geography import level_of

            self._levels = {}
            for a in self._by_agency:
                if (level := level_of(a)) is not None:
                    self._levels.setdefault(level, []).append(a)
        return self._levels

    def _by_word(self, words_of, stored: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
        """Word -> agencies, from what the store holds for each agency (a catalogue of bare names reads the names)."""
        by_word: dict[str, list[str]] = {}
        for a in self._by_agency:
            for w in stored.get(a) or words_of(a):
                by_word.setdefault(w, []).append(a)
        return dict(sorted(by_word.items(), key=lambda kv: -len(kv[0])))

    def knows(self, word: str) -> bool:
        """A word the catalogue or the table vocabulary explains (part of an agency name, a place, a figure word)."""
        from index.vocabulary import QUERY_COLUMNS, QUERY_FIGURE_SUMS, QUERY_FIGURES, QUERY_REVIEW_GROUPS

        return (any(word in a for a in self._by_agency) or word in self.places() or word in QUERY_FIGURES
                or word in QUERY_FIGURE_SUMS or word in QUERY_COLUMNS or word in QUERY_REVIEW_GROUPS)

    def romanised_places(self) -> dict[str, str]:
        """hongze -> 洪泽: the catalogue's place words as an English question spells them."""
        if self._romanised is None:  # built once per catalogue: pinyin of every place word
            from index.parse.geography import romanised

            self._romanised = {romanised(p): p for p in self.places() if len(p) >= 2}
        return self._romanised

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, int]]) -> Catalog:
        return cls(CatalogEntry(agency=a, year=int(y)) for a, y in pairs)

    @classmethod
    def from_summaries(cls, summaries: Iterable) -> Catalog:
        """From `Store.reports()` rows (any object with the ReportSummary attributes)."""
        return cls(
            CatalogEntry(agency=s.agency, year=int(s.year), report_id=s.id, template=getattr(s, "template", "") or "",
                         file_name=getattr(s, "file_name", "") or "", checks_failed=getattr(s, "checks_failed", 0) or 0,
                         ambiguous=getattr(s, "ambiguous", 0) or 0, places=tuple(getattr(s, "places", ()) or ()),
                         kinds=tuple(getattr(s, "kinds", ()) or ()))
            for s in summaries
        )

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def agencies(self) -> list[str]:
        return list(self._by_agency)

    def years(self, agency: str) -> list[int]:
        return [e.year for e in self._by_agency.get(agency, [])]

    def all_years(self) -> list[int]:
        return sorted({e.year for e in self.entries})

    def newest(self, agency: str) -> int | None:
        ys = self.years(agency)
        return max(ys) if ys else None

    def entry(self, agency: str, year: int) -> CatalogEntry | None:
        return next((e for e in self._by_agency.get(agency, []) if e.year == year), None)

    def span(self, agency: str) -> str:
        """The years held for an agency as said in answers: 2019–2025年度 or 2022年度."""
        return years_said(self.years(agency))

    def trim(self, run: str) -> str:
        """Drop leading/trailing characters that occur in no agency name (请问…, …那边)."""
        chars = self.charset | frozenset("".join(AGENCY_ALIASES))
        trimmed = _trim(run, lambda ch: ch in chars)
        if len(trimmed) >= 2:
            return trimmed
        if self._sounds is None:  # only then is a typed homophone part of the mention (鹿成 for 鹿城)
            self._sounds = frozenset(p for c in self.charset if (p := _pinyin(c)))
        return _trim(run, lambda ch: ch in chars or (_pinyin(ch) or "") in self._sounds)

    def candidates(self, mention: str, include_sub_units: bool = False) -> list[AgencyCandidate]:
        """Agencies whose name covers the mention well enough, best first."""
        weights = char_weights(expand_aliases(mention))
        total = sum(weights.values())
        if len(weights) < 2:
            return []
        all_generic = all(w < 1 for w in weights.values())
        out = []
        for n in self._names:
            got, exact, similar, covered = 0.0, 0, 0.0, set()
            for c, w in weights.items():
                if c in n.chars:
                    got += w
                    covered.add(c)
                    exact += 1 if w == 1 else 0
                    continue
                h = n.homophone_of(c) if w == 1 else None
                if h is not None:
                    got += HOMOPHONE_CREDIT * w
                    covered.add(h)
                    similar += HOMOPHONE_CREDIT
            q = got / total
            if q < MIN_MENTION_COVERAGE:
                continue
            if any(w == 1 and c in mention and c not in n.chars and n.homophone_of(c) is None
                   for c, w in weights.items()):
                continue  # 上海市教委 is no 上海市科委, 平潭…教育局 no 平潭…环境与国土资源局: every distinctive word is said
            if all_generic:
                if q < 1.0 or len(mention) < 3:
                    continue
            elif exact < 1 or exact + similar < MIN_DISTINCTIVE:
                continue
            if not include_sub_units and n.is_above(covered):
                continue
            a = sum(n.weights[c] for c in covered) / n.weight
            out.append(AgencyCandidate(agency=n.name, mention_coverage=round(q, 4), name_coverage=round(a, 4)))
        out.sort(key=lambda c: (-c.mention_coverage, -c.name_coverage, c.agency))
        return out

    def best(self, mention: str, years: list[int] | None = None, prefer_recent: bool = False) -> list[str]:
        """The agency meant, or the few that match equally well (the caller asks which one), or []."""
        cands = self.candidates(mention)
        if not cands or (self.is_generic(mention) and len(cands) > 1):
            return []
        top = cands[0]
        tied = [c for c in cands if c.mention_coverage == top.mention_coverage
                and top.name_coverage - c.name_coverage < TIE_MARGIN]
        if len(tied) > 1 and years:
            having = [c for c in tied if set(years) <= set(self.years(c.agency))]
            tied = having or tied
        if len(tied) > 1 and prefer_recent:
            newest = max(self.newest(c.agency) or 0 for c in tied)
            tied = [c for c in tied if self.newest(c.agency) == newest]
        return [c.agency for c in tied]

    def is_generic(self, mention: str) -> bool:
        """Only generic words (区政府, 管理局): it names a kind of agency, not one."""
        return all(w < 1 for w in char_weights(expand_aliases(mention)).values())

    def with_prefix(self, mention: str) -> list[str]:
        """Every agency the mention fits at all (for 全区合计 over a place: 平潭 -> all 平潭 agencies)."""
        return [c.agency for c in self.candidates(mention, include_sub_units=True)]


def years_said(ys: list[int]) -> str:
    """Years as answers say them: 2019–2025年度 (a run), 2019、2022年度, or 2022年度."""
    if not ys:
        return ""
    if len(ys) > 1 and ys == list(range(ys[0], ys[-1] + 1)):
        return f"{ys[0]}–{ys[-1]}年度"
    return "、".join(str(y) for y in ys) + "年度"
