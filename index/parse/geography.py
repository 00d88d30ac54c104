"""Where an agency sits: province, city and county from its name, and the place words people use for them.

`jionlp.parse_location` knows China's administrative divisions (鹿城区 -> 浙江省 温州市; 平潭 -> 福建省 福州市
平潭县), so a question scoped by place (江苏的单位, 平潭的各部门) selects every agency there, including agencies
never seen in development. The zone and area names that are not administrative divisions (综合实验区, 片区)
come from the name itself."""

from __future__ import annotations

import contextlib
import io
import re
from functools import lru_cache

from pypinyin import lazy_pinyin

PLACE_SUFFIXES = ("综合实验区", "自治州", "自治县", "地区", "新区", "片区", "省", "市", "县", "区", "州", "盟", "旗")
NAME_SEGMENT = re.compile(r".+?(?:综合实验区|片区|省|市|县|区)")


@lru_cache(maxsize=1)
def _jionlp():
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp  # prints a banner on import

    return jionlp


def _parser():
    return _jionlp().parse_location


@lru_cache(maxsize=8192)
def _located(name: str) -> dict:
    """The divisions the parser reads in a name ({province, city, county}); {} for a name it cannot read."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return _parser()(name)
    except Exception:  # an odd name gives no division; callers fall back on the name's own segments
        return {}


@lru_cache(maxsize=8192)
def places_of(agency: str) -> tuple[str, ...]:
    """Every place word an agency belongs to, full and short (浙江省, 浙江, 温州市, 温州, 鹿城区, 鹿城)."""
    found: list[str] = []
    loc = _located(agency)
    for level in ("province", "city", "county"):
        if loc.get(level):
            found.append(loc[level])
    rest = agency
    while (m := NAME_SEGMENT.match(rest)) and len(m.group()) >= 2:
        found.append(m.group())
        rest = rest[m.end():]
    out: list[str] = []
    for p in found:
        for w in (p, short_place(p)):
            if len(w) >= 2 and w not in out:
                out.append(w)
    return tuple(out)


@lru_cache(maxsize=8192)
def level_of(agency: str) -> str | None:
    """The administrative level an agency's name places it at: province (a municipality's own bodies too:
    上海市科学技术委员会), city, county, or township for an area below a county (片区); None when the name names
    no division."""
    if "片区" in agency or re.search(r"[镇乡]|街道", agency):
        return "township"
    loc = _located(agency)
    if loc.get("county"):
        return "county"
    if loc.get("city") and loc.get("city") != loc.get("province"):
        return "city"
    return "province" if loc.get("province") else None


def county_named(place: str) -> str | None:
    """The county-level division a typed district or county name names, by its current name (洪泽县 -> 洪泽区,
    淮安区 -> 淮安区); None where the division parser does not know that very name."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}[区县]", place) or place.endswith("片区"):
        return None
    county = _located(place).get("county")
    return county if county and county[:2] == place[:2] else None


def short_place(place: str) -> str:
    """淮安市 -> 淮安, 平潭综合实验区 -> 平潭, 上海市 -> 上海 (what people type)."""
    for suffix in PLACE_SUFFIXES:
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            return place[: -len(suffix)]
    return place


def romanised(place: str) -> str:
    """洪泽 -> hongze, 淮安 -> huaian: how an English question spells a place."""
    return "".join(lazy_pinyin(place))


KIND_ENDINGS = ("管理局", "委员会", "办公厅", "办公室", "局", "委", "厅", "办")


def kinds_of(agency: str) -> tuple[str, ...]:
    """The kind of agency a name says once its places are taken off (公安局 -> 公安局, 公安; 人民政府办公室 ->
    人民政府; 君山片区管理局 -> 片区): what 哪些公安部门 / 各片区 / 各区县政府 select."""
    rest, segments = agency, []
    while (m := NAME_SEGMENT.match(rest)) and len(m.group()) >= 2:
        segments.append(m.group())
        rest = rest[m.end():]
    out = [rest] if len(rest) >= 2 else []
    for end in KIND_ENDINGS:
        if rest.endswith(end) and len(rest) - len(end) >= 2 and rest[: -len(end)] not in ("管理", "人民", "综合"):
            out.append(rest[: -len(end)])
            break
    if any(seg.endswith("片区") for seg in segments):
        out.append("片区")
    if "人民政府" in out:
        out.append("政府")
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def romanised_divisions() -> dict[str, str]:
    """beijing -> 北京, jiangsu -> 江苏: every province, city and county as an English question spells it (the higher
    division where two share a spelling), so a place the corpus does not hold is still read as a place."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        tree = _jionlp().china_location_loader()
    levels: list[list[str]] = [[], [], []]

    def walk(node: dict, depth: int) -> None:
        for name, child in node.items():
            if not name.startswith("_") and depth < len(levels):
                levels[depth].append(name)
                if isinstance(child, dict):
                    walk(child, depth + 1)

    walk(tree, 0)
    out: dict[str, str] = {}
    for names in levels:
        for name in names:
            short = short_place(name)
            if len(short) >= 2:
                out.setdefault(romanised(short), short)
    return out

