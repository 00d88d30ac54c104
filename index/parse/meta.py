"""Who published the report, for which statistics year, on which template.

The agency and the year come from the title ("XX2022年政府信息公开工作年度报告",
"2019年上海市人民政府办公厅政府信息公开工作年度报告"), else from the statistics period and the page's own
labelled fields. The year is the 统计年度, never the publication year. A user's overrides always win.
"""

from __future__ import annotations

import re

from index.errors import LoadError
from index.models import ReportMeta, Template
from index.parse.geography import kinds_of, places_of
from index.parse.load import LoadedDocument
from index.vocabulary import ACTIVE_2019, ACTIVE_2021, AGENCY_CANONICAL, PAGE_FIELDS, STATS_PERIOD_WORDS

_OVERRIDABLE = ("agency", "year", "template", "title", "published", "source_url")
_TITLE = re.compile(r"^(?P<pre>.*?)(?P<year>(?:19|20)\d{2})年度?(?P<post>.*?)(?:政府)?(?:信息|政务)公开")
_TAG = re.compile(r"^(?:[(（【\[][^)）】\]]{1,6}[)）】\]])+")  # "(图解)", "【专题】" before the title
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,40}")
_COUNTY_LEVEL = re.compile(r"^[\u4e00-\u9fff]{1,4}[区县旗]")  # "洪泽区人民政府": may need its city in front


def detect_meta(doc: LoadedDocument, overrides: dict | None = None) -> ReportMeta:
    """Agency, statistics year and template of one loaded report; overrides (non-None values) win.

    Raises LoadError when the agency or the year cannot be found and was not given."""
    given = {k: v for k, v in (overrides or {}).items() if k in _OVERRIDABLE and v is not None}
    title_agency, title_year = parse_title(doc.title)
    agency = given.get("agency") or title_agency or _agency_from_fields(doc.text)
    year = given.get("year") or title_year or stats_year(doc.text)
    if not agency or not year:
        missing = "agency" if not agency else "year"
        raise LoadError(doc.path, f"cannot tell the {missing} (agency/year); pass --agency/--year", f"no_{missing}")
    if "agency" not in given:
        agency = canonical_agency(agency, doc.text)
    year = int(year)
    return ReportMeta(
        agency=agency,
        year=year,
        template=given.get("template") or detect_template(doc.text, year),
        title=given.get("title") or doc.title,
        published=given.get("published") or doc.published,
        source_url=given.get("source_url") or doc.source_url,
        places=list(places_of(agency)),
        kinds=list(kinds_of(agency)),
    )


def parse_title(title: str) -> tuple[str | None, int | None]:
    """("温州市鹿城区人民政府办公室", 2022) from "(图解)温州市鹿城区人民政府办公室2022年政府信息公开工作年度报告"."""
    t = _TAG.sub("", re.sub(r"\s", "", title))
    m = _TITLE.search(t)
    if not m:
        return None, None
    name = m.group("pre") or m.group("post")
    name_match = _CJK_NAME.fullmatch(name or "")
    return (name if name_match else None), int(m.group("year"))


def stats_year(text: str) -> int | None:
    """The year of the statistics period: "统计期限为2022年1月1日至12月31日" -> 2022 (the end's year)."""
    words = "|".join(STATS_PERIOD_WORDS)
    m = re.search(rf"(?:{words})\D{{0,12}}?((?:19|20)\d{{2}})\s*年[^。]{{0,30}}?(?:至|到|-|—)\s*((?:19|20)\d{{2}}\s*年)?",
                  text)
    if not m:
        return None
    end = m.group(2)
    return int(end[:4]) if end else int(m.group(1))


def detect_template(text: str, year: int) -> Template:
    """"2021" (国办公开办函〔2021〕30号) from 2021 on, "2019" for 2019/2020, "pre2019" before; the table-2
    column labels a report prints win over its year."""
    if year < 2019:
        return "pre2019"
    only_2021 = {lab for r in ACTIVE_2021 for lab in r.column_labels} - {lab for r in ACTIVE_2019 for lab in r.column_labels}
    only_2019 = {lab for r in ACTIVE_2019 for lab in r.column_labels} - {lab for r in ACTIVE_2021 for lab in r.column_labels}
    compact = re.sub(r"\s", "", text)
    if any(lab in compact for lab in only_2021 if len(lab) > 4):
        return "2021"
    if any(lab in compact for lab in only_2019 if len(lab) > 4):
        return "2019"
    return "2021" if year >= 2021 else "2019"


def canonical_agency(name: str, text: str) -> str:
    """The catalogued form of a printed name: known short forms and misreadings mapped, and a county-level
    name given its city when the report itself writes it so ("洪泽区人民政府" -> "淮安市洪泽区人民政府")."""
    name = AGENCY_CANONICAL.get(name, name)
    if _COUNTY_LEVEL.match(name):
        compact = re.sub(r"\s", "", text)
        found = re.findall(rf"([\u4e00-\u9fff]{{1,3}})市{re.escape(name)}", compact)
        # "由淮安市洪泽区…": of the possible city names the one the text uses most on its own is right
        cities = {p[-n:] + "市" for p in found for n in (2, 3) if len(p) >= n}
        if cities:
            best = max(cities, key=lambda c: (compact.count(c), -len(c)))
            name = best + name
    return name


def _agency_from_fields(text: str) -> str | None:
    """The page's labelled publisher ("发布机构: …", "来源：…") when the title does not name the agency."""
    head = text[:3000]
    for label in PAGE_FIELDS["agency"]:
        m = re.search(rf"{label}\s*[:：]\s*([\u4e00-\u9fff]{{2,40}})", head)
        if m:
            return m.group(1)
    return None
