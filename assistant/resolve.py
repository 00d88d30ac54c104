"""A question's mentions against the catalogue: which agencies (fuzzy, linear in the question's length), which
place or kind of agency as a collective (江苏的单位, 各片区), which (agency, year) reports to read, and the
declines and questions back the catalogue decides (a year not held is declined, never another year answered)."""

from __future__ import annotations

import re

from assistant.catalog import Catalog, expand_aliases
from assistant.compose import FIXED_DECLINES
from assistant.cues import (
    ADMIN_SUFFIXES,
    AREA_WORDS,
    BUREAUS,
    COLLECTIVE_NOUNS,
    CONNECTORS,
    GOVERNMENT_AT_LARGE,
    LEFT_OUT,
    LEVEL_COLLECTIVES,
    LEVEL_WORDS,
    MAX_AGENCY_CHARS,
    NUMBERED_LINK,
    ORGAN_ENDINGS,
    OWN_OFFICE,
    PLACE_LINKS,
    PLAN_FOR,
    REPORT_WORDS,
    REPORTS_OF,
    SUB_UNIT,
    SWITCH_LEADS,
)
from assistant.query import CellKey, Intent
from assistant.read import find_phrases, runs
from index.parse.geography import county_named, places_of, romanised
from index.stores.lexical import word_tags
from index.vocabulary import AGENCY_ALIASES, AGENCY_GENERIC, QUERY_FIGURES, QUESTION_TERMS


def _looks_like_agency(run: str) -> bool:
    """Ends as an organ's name does (…局, …办), the ending is not a verb after a verb or adverb (继续办, 马上办), and
    it opens as a name does, not with a verb, pronoun or particle (准备片区, 们片区 of 我们片区, 这个局)."""
    if len(run) < 3 or not run.endswith(ORGAN_ENDINGS):
        return False
    words = word_tags(run)
    if words[-1][0] in HALLS:
        return False  # 实体政务大厅: a hall, where 厅 ends no organ's name (办公厅, 教育厅 do)
    *before, (_, last) = words  # 了解龙湾区: a verb may open the run where a place's name follows it
    if words[0][1][:1] in NEVER_OPENS or (len(words) > 1 and words[0][1][:1] == "m" and words[1][1][:1] == "v"):
        return False  # 们查一查政府 (of 我们查一查政府), 月去洪泽区…中心 (of 3月去…): a clause's tail, no name
    return not _verb_ending(run) and not (before and all(flag[:1] in NOT_A_NAME for _, flag in before)
                                          and last not in NAME_TAGS)


HALLS = ("大厅", "展厅", "餐厅", "前厅", "门厅")  # rooms whose 厅 is no department (厅 of a province's 教育厅)
NAME_TAGS = ("ns", "nr", "nt", "nz")  # jieba's places, persons, organisations, other proper names

NOT_A_NAME = "vrkudpc"  # jieba's verbs, pronouns, suffixes, particles, adverbs, prepositions, conjunctions
NEVER_OPENS = "kupc"  # no name opens with a suffix (们), a particle, a preposition or a conjunction

TITLED = re.compile(r"《[^》]+》|“[^”]+”")
_LEADING_TERMS = tuple(sorted(QUESTION_TERMS, key=len, reverse=True))


def _verb_ending(run: str) -> bool:
    words = word_tags(run)
    return len(words) >= 2 and len(words[-1][0]) == 1 and words[-1][1] == "v" and words[-2][1][:1] in "vdtic"


LINKING_CHARS = ("与", "和", "跟", "及", "同", "或", "、")


def _resolve_run(run: str, catalog: Catalog, years: list[int], recent: bool) -> list[tuple[str, list[str]]]:
    """[(text, agencies)] for one leftover run: one agency, several tied ones, or none (unknown)."""
    lead = next((t for t in _LEADING_TERMS if run.startswith(t) and len(run) - len(t) >= 2), None)
    if lead:  # 新闻发布会平潭公安局 (an English question's gloss): a domain term opens the run, the agency follows
        return _resolve_run(run[len(lead):], catalog, years, recent)
    switch = next((w for w in SWITCH_LEADS if run.startswith(w) and len(run) - len(w) >= 3), None)
    if switch:  # 换成沐阳县, 那龙湾区: the words that ask the same of another agency are no part of its name
        return _resolve_run(run[len(switch):], catalog, years, recent)
    if run[:1] in LINKING_CHARS and len(run) >= 4 and (after := _resolve_run(run[1:], catalog, years, recent)) and all(
            len(found) == 1 for _, found in after):  # 鹿城区2022年与平潭管委会2021年: 与 links the two, no part of a name
        return after  # (环境与国土资源局 holds 与); 和平区 stays whole when 平区 names nothing
    if office := OWN_OFFICE.search(run):  # 海坛片区管理局党政办公室: the bureau whose office it is
        return _resolve_run(run[:office.start()] + run[office.end():], catalog, years, recent)
    places = catalog.places()
    outer = next((m.group() for p in sorted(places, key=len, reverse=True) if len(p) >= 2 and run.startswith(p)
                  and (m := re.match(rf"{re.escape(p)}(?:{OUTER_LINK})?", run))
                  and any(len(q) >= 2 and run[m.end():].startswith(q) for q in places)), None)
    if outer:  # 福建平潭县政府, 淮安下面洪泽那个区: the province or city said first only places the one named after it
        (text, found), *rest = _resolve_run(run[len(outer):], catalog, years, recent)
        if found:
            return [(outer + text, found), *rest]
    for sep in CONNECTORS:  # 鹿城区和洪泽区: two agencies when both halves name different ones
        parts = [p for p in run.split(sep) if len(p) >= 2]
        if sep in run and len(parts) > 1:
            split = [r for p in parts for r in _resolve_run(p, catalog, years, recent)]
            if all(found for _, found in split) and len({tuple(f) for _, f in split}) > 1:
                return split
    if (named := PLACE_FIRST.match(run)) and not _known_place(place := named.group(), catalog):
        if len(place) >= 4 and _known_place(place[1:], catalog):  # 了解沐阳县: 解 is a stray, the place follows it
            return _resolve_run(run[1:], catalog, years, recent)
        return [(run, [])]  # 龙湾区政府办: a place the corpus does not hold, however well 区政府办 matches
    trimmed = catalog.trim(run)
    whole = [p for p in places if len(p) > len(trimmed) and p.endswith(trimmed)] if len(trimmed) >= 4 else []
    if len(whole) == 1:  # 综合实验区: a held place said without its first characters names it as the place does
        return [(trimmed, catalog.best(whole[0], years, prefer_recent=recent))]
    if len(trimmed) >= 2:
        best = catalog.best(trimmed, years, prefer_recent=recent)
        if best and not (len(best) > 1 and catalog.is_generic(trimmed)):
            return [(trimmed, best)]
    inside = _inside_words(run)
    cuts = list(range(min(len(run) - 1, MAX_AGENCY_CHARS), 1, -1))
    below = next((c for c in cuts if SUB_UNIT.match(run[c:])), 1)  # 淮安市清江浦区: a unit below the matched one is
    for cut in sorted((c for c in cuts if c > below), key=lambda c: (c in inside, -c)):  # named, not in the corpus
        # 沭阳县清理过期信息: the agency opens the run; a cut between words first (平潭区|监测: not 平潭区监, the market
        # supervision bureau), then inside one (军山片|区, a slip)
        best = catalog.best(run[:cut], years, prefer_recent=recent)
        if len(best) == 1 and not catalog.is_generic(run[:cut]):
            return [(run[:cut], best)]
    later = min((i for p in catalog.places() if len(p) >= 2 and (i := run.find(p)) > 0), default=None)
    if later is not None:  # 关注用户平潭农业农村局 (an English gloss): words before the place the agency opens with
        found = _resolve_run(run[later:], catalog, years, recent)
        if all(agencies for _, agencies in found):
            return found
    return [(run, [])]


def _inside_words(run: str) -> set[int]:
    """The offsets that fall inside one of the run's words as jieba reads it (平潭区|监测…: 4 is inside 监测)."""
    out, at = set(), 0
    for word, _ in word_tags(run):
        out.update(range(at + 1, at + len(word)))
        at += len(word)
    return out


PLACE_FIRST = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:省|市|区|县)")


def _known_place(place: str, catalog: Catalog) -> bool:
    """A place the catalogue holds, holds inside it (请问鹿城区), or begins with one typed with a single slip: any
    character of a longer name (沐阳县), a same-sounding one of a two-character name (平谭实验区, 军山片区; 瓯海 is
    not 上海)."""
    def slips(p: str) -> list[tuple[str, str]]:
        return [(a, b) for a, b in zip(p, place, strict=False) if a != b]

    if len(place) >= 4 and any(place in p for p in catalog.places()):
        return True  # 综合实验区: a held place said without its first characters
    if (county := county_named(place)) and county not in catalog.places():
        return False  # 淮安区 is a district of 淮安市, not the city (洪泽县 is 洪泽区 by its old name: held)
    return any(p in place or (len(place) >= len(p) and len(d := slips(p)) <= 1
                              and (len(p) > 2 or all(romanised(a) == romanised(b) for a, b in d)))
               for p in catalog.places())


def find_agencies(masked: str, catalog: Catalog, years: list[int], recent: bool):
    """Agencies named in the question (in order), agencies tied for one mention, an unknown agency."""
    agencies: list[str] = []
    mentions: list[str] = []
    clarify: list[str] = []
    unknown = None
    elsewhere: list[tuple[str, str]] = []
    for run in runs(masked):
        for text, found in _resolve_run(run, catalog, years, recent):
            if found and not _names_an_agency(text, catalog):
                continue  # 技术 shares two characters with 科学技术委员会 but names no agency
            if len(found) == 1 and catalog.is_generic(text) and _elsewhere(masked, found[0], catalog):
                elsewhere.append((found[0], text))  # 平潭2012年办公室怎么督促: the office of the place named, not the one
                # agency called 办公室 (unless other agencies are named beside it: then it is one of those listed)
            if len(found) == 1 and found[0] not in agencies:
                agencies.append(found[0])
                mentions.append(text)
            elif len(found) == 1 and _known_place(mentions[agencies.index(found[0])], catalog) and not _known_place(
                    text, catalog):  # 上海那边呢？…市政府办公厅2025年: said where its title names it, for years paired
                mentions[agencies.index(found[0])] = text
            elif len(found) > 1:
                clarify.extend(a for a in found if a not in clarify)
                mentions.append(text)
            elif not found and unknown is None and _looks_like_agency(text):
                unknown = text
    if agencies and set(agencies) <= {a for a, _ in elsewhere}:
        agencies, mentions = [], [m for m in mentions if m not in {t for _, t in elsewhere}]
    if not agencies and not (unknown and _unheld_place_named(unknown, catalog)) and (
            described := _described(masked, catalog)):  # (瓯海区政府办, 温州市瓯海区…: a place not held, named)
        said = max((p for p in catalog.places() if p in masked), key=len, default=described[1])
        return [described[0]], [said], [], None  # 平潭那个县政府: of 平潭's agencies, the county's government
    if unknown and (place := _place_of(masked, unknown, mentions, catalog)) and (
            (described := _described(place + unknown, catalog)) and described[0] in agencies):
        unknown = None  # 洪泽的区政府: the agency named, said again by its kind
    if len(agencies) == len(mentions) and not clarify and unknown is None:
        agencies, mentions, unknown = _placed(masked, agencies, mentions, catalog)
        if unknown is None:
            agencies, mentions = _described_parts(masked, agencies, mentions, catalog)
    if unknown and unknown.endswith(BUREAU_ENDINGS) and (place := _place_of(masked, unknown, mentions, catalog)):
        return [], [], [], place + unknown  # 温州鹿城的公安分局: an agency of a held place that the corpus does not hold
    if unknown and mentions and all(_in_aside(masked, m) for m in mentions) and not _in_aside(masked, unknown):
        return [], [], [], unknown  # 宿迁市人民政府（沭阳的上级）: the agency asked; the one in brackets is an aside
    if unknown and any(_listed_with(masked, unknown, m) for m in mentions):
        return [], [], [], unknown  # 闽侯县2022年和洪泽区2023年哪个多: one of the agencies compared is not held
    if mentions and not unknown and (other := _set_against(masked, catalog, years, recent)):
        return [], [], [], other  # 鹿城区的申请量跟温州市本级比谁多: the other side is not held
    if unknown and mentions and not clarify and PLACE_FIRST.match(unknown) and (
            not any(p in m for m in mentions for p in catalog.places()) or all(m in places_of(unknown) for m in mentions)):
        return [], [], [], unknown  # 北京市人民政府…办公厅: a kind said alone does not outweigh an agency named whole;
        # 龙湾区 (of) 温州: nor does the city it is in
    return agencies, mentions, clarify, unknown


def _elsewhere(masked: str, agency: str, catalog: Catalog) -> bool:
    """Whether the question names held places and the agency is of none of them."""
    named = [agencies for p, agencies in catalog.places().items() if len(p) >= 2 and p in masked]
    return bool(named) and not any(agency in agencies for agencies in named)


def _unheld_place_named(unknown: str, catalog: Catalog) -> bool:
    """A name of its own (福州市公安局, 温州龙湾区: an agency or a place the corpus does not hold), not a held place
    said with a word for its area (温州市区, 平潭岛上): that one is described by what follows, not declined."""
    if not PLACE_FIRST.match(unknown):
        return False
    held = max((p for p in catalog.places() if unknown.startswith(p)), key=len, default="")
    return not held or unknown[len(held):] not in AREA_WORDS


def _in_aside(masked: str, said: str) -> bool:
    """Said inside brackets (an aside about what the question asks, not what it asks)."""
    at = masked.find(said)
    return at >= 0 and masked.rfind("(", 0, at) > masked.rfind(")", 0, at)


def _listed_with(masked: str, unknown: str, mention: str) -> bool:
    """The unknown agency and a mention are items of one list (闽侯县2022年和洪泽区, 洪泽区、闽侯县): only years
    and a joining word between them."""
    a, b = masked.find(unknown), masked.find(mention)
    if a < 0 or b < 0:
        return False
    first, second = (unknown, mention) if a < b else (mention, unknown)
    start = min(a, b) + len(first)
    gap = masked[start:masked.find(second, start)].replace("|", "")
    return bool(gap) and JOINED.fullmatch(gap) is not None


def _place_of(masked: str, unknown: str, mentions: list[str], catalog: Catalog) -> str | None:
    """The mention said just before an unknown bureau's name (nothing but 的 between) when it names a place."""
    at = masked.find(unknown)
    for mention in mentions:
        end = masked.rfind(mention, 0, at) + len(mention)
        if end >= len(mention) and set(masked[end:at]) <= {"的", "之", "|"} and at - end <= MAX_PLACE_GAP and (
                _known_place(mention, catalog)):
            return mention
    return None


def _placed(masked: str, agencies: list[str], mentions: list[str],
            catalog: Catalog) -> tuple[list[str], list[str], str | None]:
    """平潭的公安局, 淮安的洪泽区: a place said just before an agency (nothing but 的 between) says where that agency
    is, no agency of its own (joined by 和 or 、 it still is one); where no agency of that kind is there (上海的公安局),
    the two name one agency the corpus does not hold."""
    places, kept, at = catalog.places(), [], 0
    for i, (agency, mention) in enumerate(zip(agencies, mentions, strict=True)):
        start = masked.find(mention, at) + len(mention)
        at = max(at, start)
        if i + 1 < len(agencies) and mention in places and agencies[i + 1] != agency:
            after = mentions[i + 1]
            gap = masked[start:masked.find(after, start)]
            if gap and set(re.sub(OUTER_LINK, "", gap)) <= {"|"} and len(gap) <= MAX_PLACE_GAP:  # 淮安下辖的洪泽区
                if agencies[i + 1] in places[mention]:
                    continue
                if after in catalog.kinds() or after in AGENCY_ALIASES:  # a kind of agency, none of it there
                    return [], [], mention + after
        kept.append(i)
    return [agencies[i] for i in kept], [mentions[i] for i in kept], None


def _described_parts(masked: str, agencies: list[str], mentions: list[str],
                     catalog: Catalog) -> tuple[list[str], list[str]]:
    """温州那个区的府办和洪泽区: each joined part that names no agency, or only a place whose kind it says after it
    (平潭那个管市场监管的局), names the one agency there of that kind; all in the order said."""
    places = catalog.places()
    for segment in JOINED.split(masked):
        said = [i for i, m in enumerate(mentions) if m in segment]
        bare = len(said) == 1 and mentions[said[0]] in places
        if (bare or not said) and (described := _described(segment, catalog)) \
                and described[0] not in agencies:
            kept = [i for i in range(len(agencies)) if not (bare and i == said[0])]
            agencies = [agencies[i] for i in kept] + [described[0]]
            mentions = [mentions[i] for i in kept] + [described[1]]
    order = sorted(range(len(agencies)), key=lambda i: masked.find(mentions[i]))
    return [agencies[i] for i in order], [mentions[i] for i in order]


OUTER_LINK = "下面的|下辖的|所辖的|下面|下辖|所辖|那边的|那边|这边的|这边|边|的"  # 淮安下面洪泽…, 淮安那边的教育局: what may
# stand between a place and a place or an agency in it (那 of 那边 may come masked: 边 is left)
GOVERNMENT_LEVEL = re.compile(r"([省市区县])(?:人民)?政府(?!办)|(?:那个|这个|下面的?|下辖的?|所辖的?|\|+)([区县])(?![\u4e00-\u9fff])")
BUREAU_ENDINGS = ("局", "委", "委员会", "厅")  # 公安分局, 财政局: a bureau of its own (公开办 may be an office's section)
MAX_PLACE_GAP = 3  # 的, 那边, 下面的: what may stand between a place and the agency it places
JOINED = re.compile(r"以及|还有|[和与、跟及]")
# 跟温州市本级比, 和温州市政府相比: the agency a comparison sets the one asked against
SET_AGAINST = re.compile(r"(?:跟|和|与|同)([\u4e00-\u9fff]{2,12}?)(?:的[\u4e00-\u9fff]{0,6}?)?(?:比|相比|对比|比较|相较)")


def _set_against(masked: str, catalog: Catalog, years: list[int], recent: bool) -> str | None:
    """The other side of a comparison when it is named like an agency and the corpus holds none of that name."""
    for m in SET_AGAINST.finditer(masked):
        said = m.group(1)
        if _looks_like_agency(said) and not any(found for _, found in _resolve_run(said, catalog, years, recent)):
            return said
    return None


def _described(text: str, catalog: Catalog) -> tuple[str, str] | None:
    """An agency described rather than named: a place, then words of its kind further on (温州那个区的府办); the
    one agency there of that kind and the place word, else None."""
    places = catalog.places()
    place = max((p for p in places if p in text), key=len, default=None)
    if place is None:
        return None
    rest = expand_aliases(text[text.find(place) + len(place):])
    said = find_phrases(rest, [*catalog.kinds(), *AGENCY_GENERIC])  # 人民政府 is read whole: 民政 is no kind in it
    kinds = [k for _, _, k in said if len(k) >= 2 and k not in AGENCY_GENERIC]
    if not kinds and (level := GOVERNMENT_LEVEL.search(text[text.find(place):])):  # 那个县政府: that level's government
        kinds = [f"{level.group(1) or level.group(2)}人民政府"]  # 宿迁下面那个县: the county's government
    there = [a for a in places[place] if any(k in a for k in kinds)]
    return (there[0], place) if len(there) == 1 else None


def _names_an_agency(text: str, catalog: Catalog) -> bool:
    """Two characters name an agency only as a place (洪泽, 鹿城 or a homophone of one), a kind (公安) or a short
    form (科委); longer mentions are judged by the catalogue's matching."""
    if len(text) > 2:  # 公共安全 shares 公 and 安 with 公安局 but names no agency: no organ, place, kind or short form
        return (text.endswith(ORGAN_ENDINGS) or _known_place(text, catalog) or
                any(w in text for w in catalog.kinds()) or any(w in text for w in AGENCY_ALIASES))
    return (text in catalog.places() or text in catalog.kinds() or text in AGENCY_ALIASES
            or romanised(text) in catalog.romanised_places())


def find_scope(q: str, catalog: Catalog) -> tuple[list[str], list[tuple[int, int]], list[str]]:
    """A place named as a collective (江苏的单位, 平潭各部门, 淮安和温州的单位中), optionally narrowed by a kind of
    agency that several of its names share (平潭的片区管理局里, 平潭的公安部门): its words, their spans, and every
    agency there. A place followed by no collective is an agency mention, resolved elsewhere."""
    places = catalog.places()
    if not places:
        return [], [], []
    alternation = "|".join(re.escape(p) for p in places)
    links = _place_links()
    nouns = "|".join(re.escape(w) for w in sorted(COLLECTIVE_NOUNS, key=len, reverse=True))
    connector = "|".join(re.escape(c) for c in ("和", "与", "、", "及", "跟", "或"))
    head = rf"((?:{alternation})(?:(?:{links}){{0,2}}(?:{connector})(?:{alternation}))*)(?:{links}){{0,3}}"
    pattern = re.compile(head + rf"([\u4e00-\u9fff]{{0,6}}?)(?:{nouns}|(?=里|中|们|当中|之中|哪|谁|有没有|是否|，|,))")
    kinds = "|".join(re.escape(k) for k in sorted(catalog.kinds(), key=len, reverse=True))
    marks = "|".join(re.escape(w) for w in sorted(set(PLACE_LINKS) - set(ADMIN_SUFFIXES), key=len, reverse=True))
    bare = re.compile(rf"((?:{alternation})(?:(?:{connector})(?:{alternation}))*)"
                      rf"(?:{links}){{0,2}}(?:{marks})((?:{kinds})(?:(?:{connector})?(?:{kinds}))?)(?!信息)"
                      if kinds else r"(?!)")  # 江苏的政府: a kind several agencies there share, no collective noun
    after = re.compile(rf"(?:哪些|哪个|哪家|各|所有|全部)(?:{nouns})(?:在|位于|属于)?((?:{alternation})(?:(?:{connector})(?:{alternation}))*)()")
    words, spans, agencies = [], [], []
    for m in [*pattern.finditer(q), *after.finditer(q), *bare.finditer(q)]:
        if any(s <= m.start() < e for s, e in spans):  # 江苏的政府哪些: read once
            continue
        if m.group(2) and m.group(0).endswith(REPORT_WORDS) and not m.group(0).endswith(REPORTS_OF) and not (
                re.fullmatch(rf"[\u4e00-\u9fff]*?(?:{kinds}|局)的?", m.group(2)) if kinds else False):
            continue  # 平潭管委会最早那份报告: one agency's report; 江苏的报告, 平潭县那几个局的年报: a place's
        named = re.findall(alternation, m.group(1))
        there = [a for p in named for a in (_titled(p, places[p]) or places[p])]
        kind = m.group(2) if m.group(2) and not _at_large(q, m.start(2)) else ""
        if m.group(0).endswith(REPORT_WORDS):  # 那几个局的年报: the kind is 局 (not 洪泽区政府办的，…: a mention)
            kind = kind.removesuffix("的")
        if kind in BUREAUS:  # 那几个县直局的年报: the bureaus there, as 各局 says
            there, kind = [a for a in there if a.endswith("局")], ""
        if kind:
            said = re.findall(kinds, kind) if re.search(connector, kind) else [kind]  # 公安和财政: either; 片区管理局: one
            of_kind = [a for a in there if _of_kind(a, said)]
            shared = sum(_of_kind(a, said) for a in catalog.agencies) >= 2  # 片区管理局: several elsewhere are one
            if len(of_kind) < 2 and not m.group(0).endswith(tuple(COLLECTIVE_NOUNS)) and (of_kind or not shared):
                continue  # 平潭公安局里: one agency, not a kind
            if not of_kind and shared:  # 上海的片区管理局: a kind held elsewhere, none there
                named, there = named + said, []
            there = of_kind or there
        plain = not kind and not m.group(0).endswith(tuple(COLLECTIVE_NOUNS))
        if m.re is pattern and (len(there) == 1 and (plain or m.group(0).endswith(REPORTS_OF)) or plain and q[
                m.end():m.end() + 1] in ("，", ",") and m.group(1).endswith(("市", "县", "区"))):
            continue  # 2024年的洪泽区，哪个…, 洪泽区这几份年报: the agency of that name, no scope of its place
        if m.group(0).endswith(BUREAUS):  # 平潭县各局: its bureaus, not its government
            there = [a for a in there if a.endswith("局")]
        words += named
        spans.append((min(m.start(1), m.start()), m.end()))  # the collective noun too (上海的两家单位)
        agencies += [a for a in there if a not in agencies]
    kind_words, kind_spans, of_kind = _find_kinds(q, catalog)
    if of_kind:
        agencies = [a for a in agencies if a in of_kind] if agencies or words else of_kind  # 江苏的公安部门: none
        words, spans = words + kind_words, spans + kind_spans
    level_words, level_spans, at_level = _find_levels(q, catalog)
    if level_words:
        agencies = [a for a in agencies if a in at_level] if agencies else at_level
        words, spans = words + level_words, spans + level_spans
    return list(dict.fromkeys(words)), spans, agencies  # 江苏的财政和公安部门: 公安 said once


def _titled(place: str, there: list[str]) -> list[str]:
    """平潭县的局: a place said with its level (县, 市, 区) whose name some of its agencies carry in their titles
    (平潭县财政局) means those, not every agency inside its borders (the zone's own bureaus)."""
    return [a for a in there if a.startswith(place)] if place.endswith(("省", "市", "县", "区")) else []


def _place_links() -> str:
    """What may stand between a place and its collective (的, 下属, 那几个, 那2家), as a regex alternation."""
    return "|".join([*(re.escape(w) for w in sorted(PLACE_LINKS, key=len, reverse=True)), NUMBERED_LINK])


def left_out(q: str, scope: list[str], catalog: Catalog) -> tuple[list[str], list[tuple[int, int]]]:
    """The agencies of a scope (every agency when none is said) that the question leaves out, by name or kind
    (平潭的单位里除公安局外, 不算管委会的话), and the spans that say so: those name no agency asked. A left-out
    phrase that names none (除了个人以外: an applicant column) is left to the figure's reading."""
    out, spans = [], []
    for m in LEFT_OUT.finditer(q):
        said = m.group(1)
        named = find_agencies(said, catalog, [], recent=True)[0]
        kinds = [k for k in catalog.kinds() if k in said]
        there = catalog.places().get(said.removesuffix("的"), [])  # 除了上海: every agency there, not one of them
        gone = [a for a in scope or catalog.agencies if a in named or a in there or _of_kind(a, kinds)]
        if gone:
            out += [a for a in gone if a not in out]
            spans.append(m.span())
    return out, spans


def _find_levels(q: str, catalog: Catalog) -> tuple[list[str], list[tuple[int, int]], list[str]]:
    """An administrative level said of a collective (区县级的单位, 江苏的区县级政府, 市级部门里): the agencies at that
    level, narrowed by a place said just before it and a kind said after it."""
    kinds, places = catalog.kinds(), catalog.places()
    after = "|".join(re.escape(w) for w in [*sorted(kinds, key=len, reverse=True), *COLLECTIVE_NOUNS, "们"])
    levels = "|".join(re.escape(w) for w in sorted(LEVEL_WORDS, key=len, reverse=True))
    words, spans, agencies = [], [], []
    for m in re.finditer(rf"({levels})(?:的)?({after})?", q):
        if not m.group(2) and m.group(1) not in LEVEL_COLLECTIVES:
            continue
        at = catalog.levels().get(LEVEL_WORDS[m.group(1)], [])
        if m.group(2) in kinds:
            at = [a for a in at if a in kinds[m.group(2)]]
        start = m.start()
        links = _place_links()
        place = next((p for p in places if re.search(rf"{re.escape(p)}(?:{links}){{0,3}}$", q[:start])), None)
        if place:
            at, start = [a for a in at if a in places[place]], q.rfind(place, 0, start)
        words += [place, m.group(1)] if place else [m.group(1)]  # 平潭各乡镇: the place is said of the scope too
        spans.append((start, m.end()))
        agencies += [a for a in at if a not in agencies]
    return words, spans, agencies


GOVERNMENT_KINDS = ("政府", "管委会")  # the organ whose report covers a place's parts (its townships, its departments)


def _place_governments(it: Intent, catalog: Catalog) -> list[str]:
    """The government of the place said, for the years asked, where the agencies of the scope (平潭各乡镇) hold none of
    those years: what it reports of its parts is the only account of them the corpus holds."""
    if not (it.scope and it.years and it.scope_places) or any(catalog.entry(a, y) for a in it.scope for y in it.years):
        return []
    places = catalog.places()
    governments = {a for k in GOVERNMENT_KINDS for a in catalog.kinds().get(k, [])}
    named = dict.fromkeys(a for p in it.scope_places for a in places.get(p, []) if a not in it.scope)
    return [a for a in named if a in governments and any(catalog.entry(a, y) for y in it.years)]


def _of_kind(agency: str, kinds: list[str]) -> bool:
    return any(k in agency or expand_aliases(k) in agency for k in kinds)


def _at_large(q: str, at: int) -> bool:
    """The kind word at `at` opens 政府部门/政府机关: a place's public bodies at large (平潭的政府部门), not the agencies
    called 政府."""
    return q.startswith(GOVERNMENT_AT_LARGE, at)


def _find_kinds(q: str, catalog: Catalog) -> tuple[list[str], list[tuple[int, int]], list[str]]:
    """A kind of agency asked as a collective: 哪些公安部门, 各片区, 各区县政府, 公安系统里."""
    kinds = catalog.kinds()
    if not kinds:
        return [], [], []
    alternation = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in ("部门", "机关", "系统", "单位", "们"))
    pattern = re.compile(rf"(?:哪些|哪个|哪家|哪几个|各个|各|所有|全部)(?:区县|县区|级|地)?({alternation})(?!信息)"
                         rf"(?:{alternation})?|({alternation})(?:{nouns})")  # 各片区管理局: one kind, said in full
    words, spans, agencies = [], [], []
    for m in pattern.finditer(q):
        word = m.group(1) or m.group(2)
        if _at_large(q, m.start(1) if m.group(1) else m.start(2)):
            continue
        words.append(word)
        spans.append(m.span())
        agencies += [a for a in kinds[word] if a not in agencies]
    return words, spans, agencies


def resolve_targets(it: Intent, catalog: Catalog) -> Intent:
    """(agency, year) reports to read; the declines and questions back that the catalog decides."""
    if it.kind == "decline" and it.reason == "not_classified" and _text_only(it, catalog):
        it.kind, it.reason, it.unsupported = "narrative", None, None  # 平潭县2012年网上提交的: its text may say
    elif it.kind == "decline":
        it.reason = it.reason if it.reason in FIXED_DECLINES else "unsupported_figure"
        return it
    cross = (it.kind in ("ranking", "precedent", "catalogue") or (it.kind == "checks" and not it.agencies) or (it.kind == "sum" and (bool(it.scope) or not it.agencies)) or (it.kind == "narrative" and not it.agencies)
             or (it.kind == "change" and bool(it.scope) and not it.agencies))  # 平潭的单位…各变化多少
    if it.unknown_agency and not it.agencies:
        it.kind, it.reason = "decline", "unknown_agency"
        return it
    if it.scope_places and not it.scope and not it.agencies:
        it.kind, it.reason = "decline", "empty_scope"  # 江苏的公安部门: the corpus holds none there, never all of them
        return it
    if cross:
        if it.clarify and not it.scope:
            it.scope = list(it.clarify)
        if hosts := _place_governments(it, catalog):  # 2018年平潭各乡镇公开了多少条: no township reported that year;
            it.kind, it.agencies, it.scope, it.keys = "narrative", hosts, [], []  # the place's government's report tells
            return resolve_targets(it, catalog)  # of them, in its text
        if it.kind == "ranking" and (missing := [(a, y) for a, y in it.pairs if y not in catalog.years(a)]):
            it.kind, it.reason, it.missing_years = "decline", "year_not_held", missing  # 鹿城2021年、洪泽2023年…哪个最多
        return it
    if it.clarify and not it.agencies:
        it.kind, it.reason = "clarify", "several_agencies"
        return it
    if it.kind in ("figure", "breakdown", "comparison") and not it.keys and not it.rate and (
            it.agencies or TITLED.search(it.question)):
        it.kind = "narrative"  # 《问政平潭》做了多少期: no table counts it; a title names it in whichever report says it
    if not it.agencies:
        if it.kind != "narrative":
            it.kind, it.reason = "clarify", "no_agency"  # 2021年有几件是来上访告状的: whose report is asked
        return it
    if it.kind == "change" and not it.keys:  # 比上年增长多少: the headline figure
        t, r, c = QUERY_FIGURES["新收"]
        it.keys = [CellKey(table=t, row=r, column=c)]
    targets, missing = [], []
    for a in it.agencies:
        held = catalog.years(a)
        if it.pairs:
            want = [y for pa, y in it.pairs if pa == a]
        elif it.kind == "change" and (len(it.years) >= 3 or (it.span or 0) >= 3) and len(it.agencies) == 1:
            it.kind, it.trend = "comparison", True  # 2019年到2025年的变化, 近五年是增是减: a trend
            want = [y for y in it.years if y in held] or held[-it.span:]
        elif it.kind == "change" and len(it.years) >= 2:
            want = [min(it.years), max(it.years)]
        elif it.years:
            want = [y for y in it.years if y in held] if it.bounded else []
            want = want or list(it.years)
        elif it.span:
            want = held[-it.span:]
        elif held:
            want = [held[-1] + (it.relative or 0)]
            if it.kind != "narrative" and it.relative is None:
                it.year_word = it.year_word or "最新"
        else:
            want = []
        if it.kind == "change" and len(want) == 1:
            want = [want[0] - 1, want[0]]
        for y in want:
            (targets if y in held else missing).append((a, y))
    it.targets, it.missing_years = targets, missing
    if it.kind == "narrative":
        held = [(a, catalog.newest(a)) for a in it.agencies if catalog.newest(a)]
        if missing and not targets and it.years_carried and held:  # 他们怎么培训 -> 那洪泽区呢: no year of its own was
            it.targets, it.missing_years, it.years, it.year_word = held, [], [], "最新"  # asked: its newest, said so
        elif missing and not targets and PLAN_FOR.search(it.question) and all(
                catalog.entry(a, y - 1) for a, y in missing):  # 对2020年有什么计划: the 2019 report's plans for it,
            it.targets, it.missing_years = [(a, y - 1) for a, y in missing], []  # cited as that report
        elif missing and not targets:  # never another year's passages in place of the year asked
            it.kind, it.reason = "decline", "year_not_held"
        return it
    if missing and it.kind == "change":
        it.kind, it.reason = "decline", "previous_year_not_held"
    elif missing and not (it.kind == "comparison" and len(targets) >= 1 and it.span):
        it.kind, it.reason = "decline", "year_not_held"
    return it


def _text_only(it: Intent, catalog: Catalog) -> bool:
    """The asked reports (or each agency's newest) are all pre-2019 ones, whose counts are in their text."""
    entries = [catalog.entry(a, y) for a in it.agencies for y in (it.years or [catalog.newest(a)])]
    return bool(entries) and all(e is not None and e.template == "pre2019" for e in entries)


def apply_filters(it: Intent, filters: dict | None, catalog: Catalog) -> Intent:
    """UI filters (agency, year) fill what the question leaves out; they never override what it says."""
    if not filters:
        return it
    update = {}
    agency, year = filters.get("agency"), filters.get("year")
    if agency and not it.agencies and agency in catalog.agencies:
        update["agencies"] = [agency]
        update["clarify"] = []
    if year and not it.years and it.relative is None:
        update["years"] = [int(year)]
    if not update:
        return it
    kind = "figure" if it.kind == "clarify" and it.keys else it.kind
    return resolve_targets(it.model_copy(update={**update, "kind": kind, "reason": None}), catalog)


