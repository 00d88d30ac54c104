"""Question (+ conversation) -> Intent: which agencies, years, cells and operation, without any model.

Everything is looked up in `index.vocabulary` (figures, applicant types, review outcomes, rates) and in the
`Catalog` (agencies and years held). A follow-up keeps the agency, year and figure the question leaves
out, by routing the earlier user turns first and filling the gaps from them."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from assistant.catalog import Catalog, expand_aliases
from assistant.normalize import is_english, normalize_question
from index.vocabulary import (
    ACTIVE,
    AGENCY_ALIASES,
    QUERY_ACTIVE_ITEMS,
    QUERY_ACTIVE_MEASURES,
    QUERY_COLUMNS,
    QUERY_FIGURE_EXCLUSIONS,
    QUERY_FIGURE_SUMS,
    QUERY_FIGURES,
    QUERY_RATES,
    QUERY_REVIEW_GROUPS,
    QUERY_REVIEW_OUTCOMES,
    QUERY_UNSUPPORTED,
    RATES,
    REQUEST_ROW_KEYS,
)

Kind = Literal["figure", "breakdown", "rate", "change", "ranking", "sum", "comparison", "narrative",
               "precedent", "clarify", "decline"]

# ---- how people phrase the operation (question words, not domain labels) ----------------------
CHANGE_CUES = ("比上年", "较上年", "比上一年", "同比", "增长", "增加", "减少", "下降", "上升", "变化", "增幅",
               "降幅", "多了", "少了", "涨了", "变动")
RANKING_CUES = ("最多", "最少", "最高", "最低", "排名", "排行", "排第", "前五", "前三", "前十", "前几", "第一多")
ASCENDING_CUES = ("最少", "最低")
SCOPE_CUES = ("全区", "全市", "全县", "所有单位", "各单位", "全部单位", "各部门", "所有部门", "全部门", "所有报告",
              "全部报告")
TOTAL_CUES = ("合计", "加起来", "总和", "总共", "一共", "累计")
RANK_SUBJECTS = ("哪个单位", "哪家", "哪个部门", "哪个机关", "哪些单位", "哪些部门", "谁", "排名", "排行", "前")
YEAR_SUBJECTS = ("哪年", "哪一年", "哪个年度", "哪一个年度")
COUNT_CUES = ("多少", "几", "数量")
COMPARE_CUES = ("比较", "对比", "相比", "哪个多", "哪个少", "谁多", "谁少", "哪年多", "哪一年多", "差多少", "差距",
                "哪个更多", "多还是少", "还是")
CONNECTORS = ("以及", "还有", "和", "与", "跟", "及", "、", "同", "对比", "比", "vs", "VS")
APPLICANT_CUES = ("申请人类型", "各类申请人", "申请人构成", "申请人情况", "按申请人", "哪些人", "谁申请", "什么人",
                  "来自", "构成", "分布", "分别", "各类")
OUTCOME_CUES = ("办理结果", "处理结果", "答复结果", "结果分布", "处理情况", "答复情况", "结果如何", "各类结果",
                "复议结果", "诉讼结果")
NARRATIVE_CUES = ("怎么", "怎样", "如何", "什么做法", "做法", "措施", "举措", "经验", "创新", "亮点", "问题", "不足",
                  "改进", "整改", "培训", "为什么", "原因", "哪些工作", "开展", "特色", "计划", "打算", "下一步",
                  "机制", "制度", "介绍", "说说", "讲讲", "有什么", "做了什么", "做过什么", "怎么做", "工作重点",
                  "目标", "成效", "效果", "方面")
PRECEDENT_CUES = ("哪些单位", "哪些部门", "哪些机关", "哪些地方", "哪几个单位", "哪几家", "哪些区", "哪些县",
                  "有哪些单位", "其他单位", "别的单位", "有没有单位", "有单位", "有的单位", "哪些报告", "哪些年", "哪几年",
                  "哪些机构", "哪家单位", "谁做过", "各地", "其他地方", "别的地方")
FIGURE_CUES = ("多少", "几件", "几个", "几起", "几次", "几", "数量", "有没有", "是否", "有无", "数字", "数据",
               "比例", "比率", "占比", "率", "吗")
FOLLOWUP_CUES = ("那", "其中", "呢", "这个", "他们", "它们", "该单位", "这家", "同期")
WEAK_FIGURES = ("申请", "收到", "办理", "答复")
RESULT_ROW_KEYS = set(REQUEST_ROW_KEYS[2:-2])  # granted … other_misc: the rows summed in results_total  # alone, these do not make a question statistical
STOP_WORDS = (
    "请问", "一下", "帮我", "帮忙", "查查", "查一下", "查询", "告诉我", "我想知道", "想知道", "想问", "知道",
    "多少", "几", "件", "个", "是", "的", "了", "吗", "呢", "啊", "呀", "吧", "么", "有没有", "有无", "是否",
    "没有", "被", "在", "其中", "那么", "那", "这个", "这些", "该单位", "它", "他们", "它们", "年度", "报告",
    "年报", "工作", "政府信息公开", "信息公开", "政府信息", "依申请公开", "依申请", "主动公开", "公开", "情况",
    "数量", "数据", "总数", "多", "少", "怎么样", "怎么", "如何", "什么", "哪些", "哪个", "哪家", "单位", "部门",
    "全年", "当年", "本年", "还是", "分别", "都", "过", "又", "也", "我", "你", "您", "最新", "最近", "年",
    "期间", "请",
)
QUESTION_WORDS = ("请问", "一下", "帮我", "告诉我", "想知道", "怎么样", "怎么", "怎样", "如何", "什么", "哪些", "哪个",
                  "有没有", "是否", "吗", "呢", "的", "了", "是", "在", "有", "方面", "年度", "单位", "部门", "工作",
                  "情况", "主要", "具体", "一些", "报告", "年")
RELATIVE_YEARS = {"大前年": -2, "前年": -1, "去年": 0, "今年": 0, "最新": 0, "最近一年": 0}
# the same words when the conversation has named a year: after a turn about 2024, 去年 is 2023
ANCHORED_YEARS = {"大前年": -3, "前年": -2, "去年": -1, "今年": 0}
SHIFT_WORDS = {"再前一年": -1, "前一年": -1, "上一年": -1, "前一年度": -1, "后一年": 1, "下一年": 1, "次年": 1}
SINCE = re.compile(r"((?:19|20)\d{2})\s*年?度?(?:起(?!诉)|[^，。？?,\d]{0,6}?(?:以后|以来|之后))")
RATIO_CUES = ("比例", "占比", "比率", "百分比", "比重", "百分之", "%", "几成", "多少成", "占多少", "占多大", "占了多少",
              "占全部", "占总", "所占")
LIST_WHICH = ("哪些", "哪个", "哪家", "哪几", "谁", "有没有", "是否", "有无")
COLLECTIVE_NOUNS = ("单位", "部门", "机关", "机构", "地方", "政府部门")
PLACE_LINKS = ("的", "内", "里", "下属", "辖区", "各", "所有", "全部", "哪些", "哪个", "哪家", "有哪些", "中", "当中",
               "之中", "省", "市", "县", "区", "地区")
MAX_AGENCY_CHARS = 40  # longest run tried as one agency mention: keeps resolution linear in the question's length
NEGATION_CUES = ("没有收到", "没收到", "没有被", "从未", "为0", "为零", "一件也没有", "零申请", "没有过")
NARRATIVE_STRONG = ("做法", "措施", "举措", "经验", "问题", "不足", "改进", "培训", "创新", "亮点")
TEXT_SOURCE = ("正文", "文中", "文字部分", "报告里说", "报告中说", "报告说", "原文说", "文字说明")  # the prose, not the tables
RANGE_WORDS = {"近三年": 3, "近3年": 3, "最近三年": 3, "近两年": 2, "近2年": 2, "近五年": 5, "近5年": 5,
               "近几年": 3, "历年": 99, "每年": 99, "各年": 99, "逐年": 99}
ORGAN_ENDINGS = ("省", "市", "县", "区", "局", "委", "厅", "办", "镇", "乡", "街道", "政府", "委员会", "管委会",
                 "办公室", "中心", "署", "院")
SUB_UNIT = re.compile(r"^[\u4e00-\u9fff]{1,5}?(?:新区|区|县|市|镇|乡|街道|局|委|办|厅)")
CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
             "六": "6", "七": "7", "八": "8", "九": "9"}
CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


class CellKey(BaseModel):
    table: str
    row: str
    column: str | None = None


class RateSpec(BaseModel):
    """A share the question asks for that no named rate covers: the named cells over their table's total."""

    label: str
    numerator: list[CellKey]
    denominator: list[CellKey]
    formula: str


class Intent(BaseModel):
    """What a question asks, resolved against the catalog. `targets` are the (agency, year) reports to read."""

    kind: Kind = "figure"
    question: str = ""
    agencies: list[str] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list)  # what was typed for them
    unknown_agency: str | None = None  # typed, looks like an agency, not in the corpus
    clarify: list[str] = Field(default_factory=list)  # equally good agencies: ask which one
    years: list[int] = Field(default_factory=list)  # explicit years
    relative: int | None = None  # 0 = newest report, -1 = the one before
    anchor: int | None = None  # the year the conversation last named: what 去年/前年 count back from
    year_word: str | None = None  # 去年 …, said back in the answer
    span: int | None = None  # 近三年 -> 3 newest reports
    shift: int = 0  # 前一年呢？ -> one year before the previous turn's
    pairs: list[tuple[str, int]] = Field(default_factory=list)  # 鹿城区2022年和洪泽区2023年
    targets: list[tuple[str, int]] = Field(default_factory=list)
    missing_years: list[tuple[str, int]] = Field(default_factory=list)  # asked but not held
    keys: list[CellKey] = Field(default_factory=list)  # summed when several (打官司 = two groups)
    figure_word: str | None = None  # the phrase that named the figure
    weak_figure: bool = False
    column: str | None = None  # applicant type asked (requests table)
    breakdown: Literal["applicant", "outcome"] | None = None
    rate: str | None = None
    rate_spec: RateSpec | None = None
    ascending: bool = False
    top_n: int | None = None
    scope: list[str] = Field(default_factory=list)  # agencies summed/ranked (empty: all)
    scope_places: list[str] = Field(default_factory=list)  # 江苏的单位: the place words that chose the scope
    unsupported: str | None = None
    negated: bool = False  # 哪些单位没有收到过申请: list the zeros
    topic: str = ""  # the question's content words (压力测试, 培训 人员), for quoting passages
    followup: bool = False
    trend: bool = False  # every held year of a span, then the change from its first to its last
    reason: str | None = None


def normalize(text: str) -> str:
    """Full-width digits and punctuation to ASCII, no spaces (typed questions are short)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


# ---- years --------------------------------------------------------------------------------------
def _cn_year(s: str) -> int | None:
    digits = "".join(CN_DIGITS.get(c, "") for c in s)
    return int(digits) if len(digits) == 4 else None


def _two_digit(yy: str) -> int:
    n = int(yy)
    return 2000 + n if n < 70 else 1900 + n


YEAR_PATTERNS = [
    (re.compile(r"((?:19|20)\d{2})\s*(?:年度|年)?\s*(?:到|至|-|—|–|~|～)\s*((?:19|20)\d{2})\s*(?:年度|年)?"), "range"),
    (re.compile(r"(?<!\d)(\d{2})\s*(?:到|至|-|—|~)\s*(\d{2})年"), "range2"),
    (re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?:年度|年)?"), "year"),
    (re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})年"), "cn"),
    (re.compile(r"(?<![\d.])(\d{2})年"), "yy"),
]


def parse_years(q: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Explicit years in order of mention, with the spans they occupy."""
    found_at: list[list[int]] = []
    spans: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in spans)

    for pat, kind in YEAR_PATTERNS:
        for m in pat.finditer(q):
            if not free(m.start(), m.end()):
                continue
            if kind == "range":
                a, b = sorted((int(m.group(1)), int(m.group(2))))
                found = list(range(a, b + 1)) if b - a <= 30 else [a, b]
            elif kind == "range2":
                a, b = sorted((_two_digit(m.group(1)), _two_digit(m.group(2))))
                found = list(range(a, b + 1))
            elif kind == "cn":
                y = _cn_year(m.group(1))
                found = [y] if y else []
            elif kind == "yy":
                found = [_two_digit(m.group(1))]
            else:
                found = [int(m.group(1))]
            if found:
                spans.append((m.start(), m.end()))
                found_at.append(found)
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    by_position = [y for i in order for y in found_at[i]]
    return list(dict.fromkeys(by_position)), [spans[i] for i in order]


def parse_top_n(q: str) -> int | None:
    """前五 / 前3名 / 最多的三个单位 -> how many to list."""
    m = (re.search(r"前\s*(\d+|[一二两三四五六七八九十])", q)
         or re.search(r"(\d+|[两三四五六七八九十])\s*(?:个|家)\s*(?:单位|部门|机关|地方)", q))
    if not m:
        return None
    g = m.group(1)
    return int(g) if g.isdigit() else CN_SMALL.get(g)


# ---- phrase matching ----------------------------------------------------------------------------
def find_phrases(q: str, phrases) -> list[tuple[int, int, str]]:
    """Non-overlapping occurrences, leftmost first and, at one place, the longest phrase (复议被纠正, not 复议)."""
    return [(m.start(), m.end(), m.group()) for m in _alternation(tuple(phrases)).finditer(q)]


@lru_cache(maxsize=256)
def _alternation(phrases: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in ordered) or "(?!)")


def _has(q: str, cues) -> str | None:
    return next((c for c in cues if c in q), None)


def figure_keys(q: str) -> tuple[list[CellKey], str | None, bool]:
    """Cells the question names, the phrase that named them, and whether only a weak word did.
    Review groups combine with outcomes (诉讼被纠正); a specific row beats the group holding it
    (因为第三方不予公开 -> denied_third_party, not all of 不予公开)."""
    for phrase in ("依申请", *QUERY_FIGURE_EXCLUSIONS):  # 依申请公开 names the procedure, not a count
        q = q.replace(phrase, "|")
    groups = find_phrases(q, QUERY_REVIEW_GROUPS)
    if groups:
        outcomes = find_phrases(q, QUERY_REVIEW_OUTCOMES)
        gkeys = list(dict.fromkeys(g for _, _, p in groups for g in QUERY_REVIEW_GROUPS[p]))
        okey = QUERY_REVIEW_OUTCOMES[outcomes[0][2]] if outcomes else "total"
        word = "、".join(p for _, _, p in groups) + (outcomes[0][2] if outcomes else "")
        return [CellKey(table="review_litigation", row=f"{g}_{okey}") for g in gkeys], word, False
    active = _active_key(q)
    if active:
        return [CellKey(table="active", row=active[0])], active[1], False
    found: list[tuple[str, list[CellKey]]] = []
    for _, _, p in find_phrases(q, list(QUERY_FIGURES) + list(QUERY_FIGURE_SUMS)):
        cells = QUERY_FIGURE_SUMS.get(p) or [QUERY_FIGURES[p]]
        found.append((p, [CellKey(table=t, row=r, column=c) for t, r, c in cells]))
    if not found:
        return [], None, False
    rows = [{k.row for k in ks} for _, ks in found]
    kept = [f for f, rs in zip(found, rows, strict=True) if not any(o < rs for o in rows)]
    strong = [f for f in kept if f[0] not in WEAK_FIGURES]
    pool = strong or kept
    specific = [f for f in pool if f[1][0].row != "new_received"]  # 收到的申请中部分公开多少
    phrase, keys = max(specific or pool, key=lambda f: len(f[0]))  # the longest phrase wins
    return keys, phrase, not strong


ACTIVE_KEYS = {c for rows in ACTIVE.values() for r in rows for c in r.columns}


def _active_key(q: str) -> tuple[str, str] | None:
    """An active-table item with a measure (规范性文件现行有效, 行政处罚本年增减) -> (key, phrase)."""
    items = find_phrases(q, QUERY_ACTIVE_ITEMS)
    if not items:
        return None
    taken = [(s, e) for s, e, _ in items]
    measures = [m for m in find_phrases(q, QUERY_ACTIVE_MEASURES) if all(m[1] <= s or m[0] >= e for s, e in taken)]
    for _, _, item in items:
        for _, _, measure in reversed(measures):  # the measure said last is the one asked (项目本年增减)
            for suffix in QUERY_ACTIVE_MEASURES[measure]:
                key = f"{QUERY_ACTIVE_ITEMS[item]}_{suffix}"
                if key in ACTIVE_KEYS:
                    return key, item + measure
    return None


# ---- agencies -----------------------------------------------------------------------------------
def _mask(q: str, spans: list[tuple[int, int]]) -> str:
    chars = list(q)
    for s, e in spans:
        chars[s:e] = "|" * (e - s)
    return "".join(chars)


def _runs(masked: str) -> list[str]:
    return [r for r in re.split(r"[^\u4e00-\u9fff]+", masked) if len(r) >= 2]


def _looks_like_agency(run: str) -> bool:
    return len(run) >= 3 and run.endswith(ORGAN_ENDINGS)


def _resolve_run(run: str, catalog: Catalog, years: list[int], recent: bool) -> list[tuple[str, list[str]]]:
    """[(text, agencies)] for one leftover run: one agency, several tied ones, or none (unknown)."""
    for sep in CONNECTORS:  # 鹿城区和洪泽区: two agencies when both halves name different ones
        parts = [p for p in run.split(sep) if len(p) >= 2]
        if sep in run and len(parts) > 1:
            split = [r for p in parts for r in _resolve_run(p, catalog, years, recent)]
            if all(found for _, found in split) and len({tuple(f) for _, f in split}) > 1:
                return split
    trimmed = catalog.trim(run)
    if len(trimmed) >= 2:
        best = catalog.best(trimmed, years, prefer_recent=recent)
        if best and not (len(best) > 1 and catalog.is_generic(trimmed)):
            return [(trimmed, best)]
    for cut in range(min(len(run) - 1, MAX_AGENCY_CHARS), 1, -1):  # 沭阳县清理过期信息: the agency opens the run
        if SUB_UNIT.match(run[cut:]):
            break  # 淮安市清江浦区: a unit below the matched one is named, and it is not in the corpus
        best = catalog.best(run[:cut], years, prefer_recent=recent)
        if len(best) == 1 and not catalog.is_generic(run[:cut]):
            return [(run[:cut], best)]
    return [(run, [])]


def find_agencies(masked: str, catalog: Catalog, years: list[int], recent: bool):
    """Agencies named in the question (in order), agencies tied for one mention, an unknown agency."""
    agencies: list[str] = []
    mentions: list[str] = []
    clarify: list[str] = []
    unknown = None
    for run in _runs(masked):
        for text, found in _resolve_run(run, catalog, years, recent):
            if found and not _names_an_agency(text, catalog):
                continue  # 技术 shares two characters with 科学技术委员会 but names no agency
            if len(found) == 1 and found[0] not in agencies:
                agencies.append(found[0])
                mentions.append(text)
            elif len(found) > 1:
                clarify.extend(a for a in found if a not in clarify)
                mentions.append(text)
            elif not found and unknown is None and _looks_like_agency(text):
                unknown = text
    return agencies, mentions, clarify, unknown


def _names_an_agency(text: str, catalog: Catalog) -> bool:
    """Two characters name an agency only as a place (洪泽, 鹿城 or a homophone of one), a kind (公安) or a short
    form (科委); longer mentions are judged by the catalogue's matching."""
    if len(text) > 2:
        return True
    from assistant.geography import romanised

    return (text in catalog.places() or text in catalog.kinds() or text in AGENCY_ALIASES
            or romanised(text) in catalog.romanised_places())


def explained(word: str) -> bool:
    """A word the question vocabulary already reads (figure words, rates, operations, question words)."""
    return bool(find_phrases(word, _vocabulary()))


def _mask_spans(q: str, year_spans) -> list[tuple[int, int]]:
    return list(year_spans) + [(s, e) for s, e, _ in find_phrases(q, _vocabulary())]


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, ...]:
    return (*QUERY_FIGURES, *QUERY_FIGURE_SUMS, *QUERY_COLUMNS, *QUERY_REVIEW_GROUPS, *QUERY_REVIEW_OUTCOMES,
             *QUERY_RATES, *QUERY_UNSUPPORTED, *STOP_WORDS, *CHANGE_CUES, *RANKING_CUES, *SCOPE_CUES, *TOTAL_CUES,
             *COMPARE_CUES, *APPLICANT_CUES, *OUTCOME_CUES, *NARRATIVE_CUES, *PRECEDENT_CUES, *FIGURE_CUES,
             *RELATIVE_YEARS, *RANGE_WORDS, *YEAR_SUBJECTS, *QUERY_ACTIVE_ITEMS, *QUERY_ACTIVE_MEASURES, "申请人",
             *RATIO_CUES, "增长率", "变化率", "公开率")


# ---- the route ----------------------------------------------------------------------------------
def route(question: str, history: list[dict] | None = None, catalog: Catalog | None = None) -> Intent:
    """Resolve a question against the catalog, filling what it leaves out from the conversation."""
    catalog = catalog if catalog is not None else Catalog([])
    prev = None
    turns = [m.get("content") or "" for m in history or [] if isinstance(m, dict) and m.get("role") == "user"]
    for turn in turns[-4:]:
        prev = resolve_targets(_parse(turn, catalog, prev), catalog)
    return resolve_targets(_parse(question, catalog, prev), catalog)


def normalized(question: str, catalog: Catalog) -> str:
    """The question as every later step reads it (simplified, Arabic numerals, slips corrected, English glossed)."""
    places = catalog.romanised_places() if is_english(question or "") else None
    return normalize(normalize_question(question, places).text)


def _anchor_year(prev: Intent | None) -> int | None:
    """The year the conversation is about: the last year a turn named (2024年…, then 那去年呢 is 2023). Turns
    that only said 去年/前年 keep the reference they had, so those words stay relative to the same year."""
    return prev.anchor if prev is not None else None


def find_scope(q: str, catalog: Catalog) -> tuple[list[str], list[tuple[int, int]], list[str]]:
    """A place named as a collective (江苏的单位, 平潭各部门, 淮安和温州的单位中), optionally narrowed by a kind of
    agency that several of its names share (平潭的片区管理局里, 平潭的公安部门): its words, their spans, and every
    agency there. A place followed by no collective is an agency mention, resolved elsewhere."""
    places = catalog.places()
    if not places:
        return [], [], []
    alternation = "|".join(re.escape(p) for p in places)
    links = "|".join(re.escape(w) for w in sorted(PLACE_LINKS, key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in sorted(COLLECTIVE_NOUNS, key=len, reverse=True))
    connector = "|".join(re.escape(c) for c in ("和", "与", "、", "及", "跟", "或"))
    head = rf"((?:{alternation})(?:(?:{links}){{0,2}}(?:{connector})(?:{alternation}))*)(?:{links}){{0,3}}"
    pattern = re.compile(head + rf"([\u4e00-\u9fff]{{0,6}}?)(?:{nouns}|(?=里|中|们|当中|之中|哪|谁|有没有|是否|，|,))")
    after = re.compile(rf"(?:哪些|哪个|哪家|各|所有|全部)(?:{nouns})(?:在|位于|属于)?((?:{alternation})(?:(?:{connector})(?:{alternation}))*)()")
    words, spans, agencies = [], [], []
    for m in [*pattern.finditer(q), *after.finditer(q)]:
        named = re.findall(alternation, m.group(1))
        there = [a for p in named for a in places[p]]
        kind = m.group(2)
        if kind:
            of_kind = [a for a in there if kind in a or expand_aliases(kind) in a]
            if len(of_kind) < 2 and not m.group(0).endswith(tuple(COLLECTIVE_NOUNS)):
                continue  # 平潭公安局里: one agency, not a kind
            there = of_kind or there
        words += named
        spans.append((m.start(1), m.end(2)))
        agencies += [a for a in there if a not in agencies]
    kind_words, kind_spans, of_kind = _find_kinds(q, catalog)
    if of_kind:
        agencies = [a for a in agencies if a in of_kind] if agencies else of_kind
        words, spans = words + kind_words, spans + kind_spans
    return words, spans, agencies


def _find_kinds(q: str, catalog: Catalog) -> tuple[list[str], list[tuple[int, int]], list[str]]:
    """A kind of agency asked as a collective: 哪些公安部门, 各片区, 各区县政府, 公安系统里."""
    kinds = catalog.kinds()
    if not kinds:
        return [], [], []
    alternation = "|".join(re.escape(k) for k in kinds)
    nouns = "|".join(re.escape(w) for w in ("部门", "机关", "系统", "单位", "们"))
    pattern = re.compile(rf"(?:哪些|哪个|哪家|哪几个|各个|各|所有|全部)(?:区县|县区|级|地)?({alternation})(?!信息)"
                         rf"|({alternation})(?:{nouns})")
    words, spans, agencies = [], [], []
    for m in pattern.finditer(q):
        word = m.group(1) or m.group(2)
        words.append(word)
        spans.append(m.span())
        agencies += [a for a in kinds[word] if a not in agencies]
    return words, spans, agencies


def _parse(question: str, catalog: Catalog, prev: Intent | None) -> Intent:
    q = normalized(question, catalog)
    years, year_spans = parse_years(q)
    since = SINCE.search(q)
    if since:
        years = [y for y in catalog.all_years() if y >= int(since.group(1))]
    rel_word = _has(q, sorted(RELATIVE_YEARS, key=len, reverse=True))
    anchor = _anchor_year(prev)
    named_year = max(years) if years and not since else None
    if rel_word in ANCHORED_YEARS and not years and anchor is not None:
        years = [anchor + ANCHORED_YEARS[rel_word]]
    range_word = _has(q, RANGE_WORDS)
    titles = [m.span() for m in re.finditer(r"《[^》]*》", q)]  # a title names no agency (《问政平潭》)
    scope_places, scope_spans, scope = find_scope(q, catalog)
    masked = _mask(q, _mask_spans(q, year_spans) + titles + scope_spans)
    agencies, mentions, clarify, unknown = find_agencies(masked, catalog, years, recent=not years)
    if len(scope) == 1 and not agencies:  # 平潭的公安部门: a kind that only one agency there is
        agencies, mentions, scope, scope_places = scope, scope_places, [], []
    keys, phrase, weak = figure_keys(q)
    rate_word = next((p for _, _, p in find_phrases(q, QUERY_RATES)), None)
    rate = QUERY_RATES[rate_word] if rate_word else _rate_from_parts(q)
    it = Intent(question=q, agencies=agencies, mentions=mentions, clarify=clarify, unknown_agency=unknown,
                years=years, keys=keys, figure_word=phrase, weak_figure=weak,
                column=next((QUERY_COLUMNS[p] for _, _, p in find_phrases(q, QUERY_COLUMNS)), None),
                rate=rate, rate_spec=None,
                unsupported=_has(q, QUERY_UNSUPPORTED), top_n=parse_top_n(q), scope=scope, scope_places=scope_places,
                ascending=bool(_has(q, ASCENDING_CUES)), negated=bool(_has(q, NEGATION_CUES)))
    if not rate:
        it.rate_spec = share_of_total(q, keys, it.column, phrase)
        it.rate = "share" if it.rate_spec is not None else None
    it.anchor = named_year or anchor
    if rel_word and years and named_year is None and not since:
        it.year_word = rel_word
    elif rel_word and not years:
        it.relative, it.year_word = RELATIVE_YEARS[rel_word], rel_word
    if range_word and not years:
        it.span, it.year_word = RANGE_WORDS[range_word], range_word
    no_figures = _mask(q, [(s, e) for s, e, _ in find_phrases(q, [*QUERY_FIGURES, *CHANGE_CUES])])
    shift_word = _has(no_figures, sorted(SHIFT_WORDS, key=len, reverse=True))
    if shift_word and not years:
        it.shift = SHIFT_WORDS[shift_word]
    if len(agencies) > 1 and len(years) == len(agencies) and not since:
        order = sorted(agencies, key=lambda a: q.find(mentions[agencies.index(a)]))
        it.pairs = list(zip(order, years, strict=True))
    it.kind = _operation(q, it)
    it.topic = _topic(q, year_spans, mentions)
    if prev is not None and _is_followup(q, it):
        if _has(q, RATIO_CUES) and it.keys and all(_is_total(k) for k in it.keys) and prev.keys:
            it.keys, it.figure_word = [], None  # 那占办理结果总数的比例呢: the total is the denominator
        _inherit(it, prev, q)
        if it.keys and not it.rate and _has(q, RATIO_CUES):  # 那占办理结果总数的比例呢？
            it.rate_spec = share_of_total(q, it.keys, it.column, it.figure_word)
            it.rate = "share" if it.rate_spec is not None else None
            it.kind = "rate" if it.rate_spec is not None else it.kind
    if it.kind == "ranking" and len(it.agencies) == 1 and _has(q, YEAR_SUBJECTS):
        it.kind, it.span = "comparison", it.span or 99  # 哪一年最多: every year of that agency
    if it.kind in ("ranking", "sum") and it.mentions and not it.scope:
        it.scope = [a for m in it.mentions for a in catalog.with_prefix(m)]
    if it.scope and it.kind not in ("ranking", "precedent") and not it.agencies:
        listing = _has(q, LIST_WHICH) or not it.keys or not _has(q, TOTAL_CUES + SCOPE_CUES)
        it.kind = "precedent" if listing else "sum"
    return it


def share_of_total(q: str, keys: list[CellKey], column: str | None, phrase: str | None) -> RateSpec | None:
    """…占几成 / 在全部申请里占多大比重 / what share of …: the named cells over the total of their own table
    (a result over the results' total, an applicant type over all applicants, a review outcome over its group's
    total). Any cell of those tables, never a list of named rates."""
    if not keys or not _has(q, RATIO_CUES):
        return None
    named = _all_named_cells(q)
    if not named and all(_is_total(k) for k in keys):  # 本机关不掌握在办理结果里占多大比例: the part, not the total
        found = [(p, QUERY_FIGURE_SUMS.get(p) or [QUERY_FIGURES[p]])
                 for _, _, p in find_phrases(q, [*QUERY_FIGURES, *QUERY_FIGURE_SUMS]) if p not in WEAK_FIGURES]
        parts = [(p, [CellKey(table=t, row=r, column=c) for t, r, c in cs]) for p, cs in found]
        parts = [(p, ks) for p, ks in parts if not all(_is_total(k) for k in ks)]
        if parts:
            phrase, keys = parts[0]
    words = [p for p, _ in named] or [phrase or ""]
    keys = [k for _, ks in named for k in ks] or keys
    if column:
        keys = [k.model_copy(update={"column": column}) if k.table == "requests" else k for k in keys]
    den: list[CellKey] = []
    for k in keys:
        if k.table == "requests" and k.row in RESULT_ROW_KEYS:
            d = CellKey(table="requests", row="results_total", column=k.column or "total")
        elif k.table == "requests" and k.column not in (None, "total"):
            d = CellKey(table="requests", row=k.row, column="total")
        elif k.table == "review_litigation" and not k.row.endswith("_total"):
            d = CellKey(table="review_litigation", row=k.row.rsplit("_", 1)[0] + "_total")
        else:
            return None
        if d not in den:
            den.append(d)
    from assistant.compose import label

    name = "＋".join(w for w in words if w) or label(**keys[0].model_dump())
    if column and len(words) == 1:
        name = label(**keys[0].model_dump())
    total = "＋".join(label(**d.model_dump()) + ("总计" if d.table == "review_litigation" else "") for d in den)
    shown = f"（{name}）" if "＋" in name else name
    return RateSpec(label=f"{name}占比", numerator=keys, denominator=den, formula=f"{shown}÷{total}")


def _all_named_cells(q: str) -> list[tuple[str, list[CellKey]]]:
    """Every figure phrase of a two-part share (不予公开和无法提供两项合计占比), each with its own cells."""
    phrases = [p for _, _, p in find_phrases(q, [*QUERY_FIGURES, *QUERY_FIGURE_SUMS]) if p not in WEAK_FIGURES]
    named = [(p, [CellKey(table=t, row=r, column=c) for t, r, c in (QUERY_FIGURE_SUMS.get(p) or [QUERY_FIGURES[p]])])
             for p in dict.fromkeys(phrases)]
    named = [(p, ks) for p, ks in named if not all(_is_total(k) for k in ks)]  # 占办理结果总计: the denominator
    return named if len(named) >= 2 else []


def _is_total(k: CellKey) -> bool:
    return k.row.endswith("_total") or k.row == "results_total"


def _rate_from_parts(q: str) -> str | None:
    """予以公开加部分公开占比多少 names a rate by its parts."""
    if not _has(q, RATIO_CUES):
        return None
    rows = {QUERY_FIGURES[p][1] for _, _, p in find_phrases(q, QUERY_FIGURES)}
    return next((name for name, (_, num, _, _) in RATES.items()
                 if len(num) > 1 and {r for _, r, _ in num} <= rows), None)


def _topic(q: str, year_spans, mentions: list[str]) -> str:
    """What the question is about once the agency, the years and the question words are taken out."""
    words = [*QUESTION_WORDS, *PRECEDENT_CUES, *FIGURE_CUES, *RELATIVE_YEARS, *RANGE_WORDS, *mentions]
    masked = _mask(q, list(year_spans) + [(s, e) for s, e, _ in find_phrases(q, words)])
    return " ".join(_runs(masked))


def _statistical(q: str, it: Intent) -> bool:
    return bool(it.keys) and (not it.weak_figure or _has(q, FIGURE_CUES) is not None)


def _operation(q: str, it: Intent) -> Kind:
    """The operation the question's wording asks for; a missing figure may still come from the history."""
    stat = _statistical(q, it)
    if it.unsupported and not _has(q, NARRATIVE_STRONG):
        return "decline"
    if _has(q, TEXT_SOURCE) and len(it.agencies) <= 1:  # 报告正文里说受理了多少件: the number the prose states
        return "narrative"
    if _has(q, RANKING_CUES) and (len(it.agencies) != 1 or _has(q, RANK_SUBJECTS) or _has(q, YEAR_SUBJECTS)):
        return "ranking"
    if _has(q, SCOPE_CUES) and it.keys:
        return "sum"
    if _has(q, PRECEDENT_CUES):
        return "precedent"
    breakdown = bool(it.keys) and bool(_has(q, APPLICANT_CUES + OUTCOME_CUES))  # 申请人构成是怎样的
    if _has(q, NARRATIVE_CUES) and not _has(q, COUNT_CUES) and not breakdown:
        return "narrative"
    if it.rate:
        return "rate"
    if _has(q, NARRATIVE_CUES) and not (stat and _has(q, COUNT_CUES)) and not breakdown:
        return "narrative"
    if _has(q, CHANGE_CUES):
        return "change"
    if _has(q, SCOPE_CUES) or (_has(q, TOTAL_CUES) and len(it.agencies) > 1):
        return "sum"
    if len(it.agencies) > 1 or len(it.years) > 1 or it.span or _has(q, COMPARE_CUES):
        return "comparison"
    if _has(q, OUTCOME_CUES):
        it.breakdown = "outcome"
        return "breakdown"
    if _has(q, APPLICANT_CUES) and not it.column:
        it.breakdown = "applicant"
        return "breakdown"
    return "figure" if stat or _has(q, FIGURE_CUES) else "narrative"


def _is_followup(q: str, it: Intent) -> bool:
    if it.kind in ("precedent", "ranking", "sum") and it.keys:
        return False
    return bool(_has(q, FOLLOWUP_CUES)) or len(q) <= 14 or not (it.agencies or it.clarify or it.unknown_agency)


def _inherit(it: Intent, prev: Intent, q: str) -> None:
    """Fill from the previous turn what this one leaves out (agency, year, figure, operation)."""
    it.followup = True
    if not (it.agencies or it.clarify or it.unknown_agency):
        it.agencies, it.mentions = list(prev.agencies), list(prev.mentions)
        if not prev.agencies:
            it.clarify = list(prev.clarify)
    if not (it.years or it.relative is not None or it.span):
        it.years, it.relative, it.span = list(prev.years), prev.relative, prev.span
        it.year_word = it.year_word or prev.year_word
        if it.shift:
            it.years = [y + it.shift for y in it.years] or [y + it.shift for _, y in prev.targets[:1]]
            it.relative = None if it.years else (prev.relative or 0) + it.shift
    asks_narrative = _has(q, NARRATIVE_CUES) and it.kind == "narrative"
    column_of_prev = it.weak_figure and it.column and prev.keys[:1] and prev.keys[0].table == "requests"
    if prev.keys and not asks_narrative and (not it.keys or column_of_prev):
        it.keys, it.figure_word, it.weak_figure = list(prev.keys), prev.figure_word, prev.weak_figure
        if it.kind in ("figure", "narrative"):
            it.kind, it.breakdown = prev.kind, prev.breakdown
            it.rate = it.rate or prev.rate
            if it.kind in ("narrative", "precedent", "clarify", "decline"):
                it.kind = "figure"
        if it.column and it.kind == "breakdown" and it.breakdown == "applicant":
            it.kind, it.breakdown = "figure", None
    elif prev.rate and it.kind == "narrative" and not asks_narrative:
        it.kind, it.rate = "rate", prev.rate
    if it.kind == "narrative" and not asks_narrative and it.keys:  # 企业申请的呢？
        it.kind = "figure"
    outcome = next((QUERY_REVIEW_OUTCOMES[p] for _, _, p in find_phrases(q, QUERY_REVIEW_OUTCOMES)), None)
    groups = {k.row.rsplit("_", 1)[0] for k in it.keys if k.table == "review_litigation"}
    if outcome and groups and all(k.table == "review_litigation" for k in it.keys):  # 那被纠错的呢？
        it.keys = [CellKey(table="review_litigation", row=f"{g}_{outcome}") for g in sorted(groups)]
        it.kind, it.breakdown = ("figure", None) if it.kind in ("breakdown", "narrative") else (it.kind, it.breakdown)
    if not it.scope and prev.scope and not it.agencies and it.kind in ("ranking", "sum", "precedent", "figure"):
        it.scope, it.scope_places = list(prev.scope), list(prev.scope_places)  # …，哪家最多: the same agencies
        it.kind = "ranking" if it.kind == "figure" else it.kind
    if it.column is None and prev.column and "其中" in q:
        it.column = prev.column
    if it.kind == "figure" and (len(it.agencies) > 1 or len(it.years) > 1 or it.span):
        it.kind = "comparison"


def resolve_targets(it: Intent, catalog: Catalog) -> Intent:
    """(agency, year) reports to read; the declines and questions back that the catalog decides."""
    if it.kind == "decline":
        it.reason = "unsupported_figure"
        return it
    cross = it.kind in ("ranking", "sum", "precedent") or (it.kind == "narrative" and not it.agencies)
    if it.unknown_agency and not it.agencies:
        it.kind, it.reason = "decline", "unknown_agency"
        return it
    if cross:
        if it.clarify and not it.scope:
            it.scope = list(it.clarify)
        return it
    if it.clarify and not it.agencies:
        it.kind, it.reason = "clarify", "several_agencies"
        return it
    if not it.agencies:
        if it.kind != "narrative":
            it.kind, it.reason = "clarify", "no_agency"
        return it
    if it.kind == "change" and not it.keys:  # 比上年增长多少: the headline figure
        t, r, c = QUERY_FIGURES["新收"]
        it.keys = [CellKey(table=t, row=r, column=c)]
    if it.kind in ("figure", "breakdown", "comparison") and not it.keys:
        it.kind = "narrative"
    targets, missing = [], []
    for a in it.agencies:
        held = catalog.years(a)
        if it.pairs:
            want = [y for pa, y in it.pairs if pa == a]
        elif it.kind == "change" and len(it.years) >= 3 and len(it.agencies) == 1:  # 2019年到2025年的变化: a trend
            it.kind, it.trend = "comparison", True
            want = [y for y in it.years if y in held]
        elif it.kind == "change" and len(it.years) >= 2:
            want = [min(it.years), max(it.years)]
        elif it.years:
            want = list(it.years)
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
        if missing and not targets:  # never another year's passages in place of the year asked
            it.kind, it.reason = "decline", "year_not_held"
        return it
    if missing and it.kind == "change":
        it.kind, it.reason = "decline", "previous_year_not_held"
    elif missing and not (it.kind == "comparison" and len(targets) >= 1 and it.span):
        it.kind, it.reason = "decline", "year_not_held"
    return it
