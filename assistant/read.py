"""What a question's words say, before any agency is looked up: its years, the cells it names (from the figure
lexicon in `index.vocabulary`), a share of a table's total, and its content words. Text in, plain values out."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.cues import (
    APPLICANT_CUES,
    CHANGE_CUES,
    CN_DIGITS,
    CN_SMALL,
    COMPARE_CUES,
    COUNT_ASKED,
    COUNTED_THINGS,
    FIGURE_CUES,
    HOLDINGS_ASKING,
    HOLDINGS_NAMED,
    HOLDINGS_WORDS,
    NARRATIVE_CUES,
    NEGATION_CUES,
    NEGATIONS,
    OUTCOME_CUES,
    PARTS_ASKED,
    PER_N,
    PRECEDENT_CUES,
    QUESTION_WORDS,
    RANGE_WORDS,
    RANKING_CUES,
    RATIO_CUES,
    RELATIVE_YEARS,
    RESULT_ROW_KEYS,
    SCOPE_CUES,
    SHARE_OF,
    STAT_WORDS,
    STOP_WORDS,
    TOPIC_FILLERS,
    TOTAL_CUES,
    WEAK_FIGURES,
    YEAR_SUBJECTS,
)
from assistant.figures import group_total
from assistant.query import CellKey, RateSpec
from index.stores.lexical import word_tags
from index.vocabulary import (
    ACTIVE,
    APPLICANT_COLUMNS,
    COLUMN_LABELS,
    QUERY_ACTIVE_ITEMS,
    QUERY_ACTIVE_MEASURES,
    QUERY_COLUMN_GROUPS,
    QUERY_COLUMNS,
    QUERY_FIGURE_EXCLUSIONS,
    QUERY_FIGURE_SUMS,
    QUERY_FIGURES,
    QUERY_RATES,
    QUERY_REVIEW_GROUPS,
    QUERY_REVIEW_OUTCOMES,
    QUERY_UNSUPPORTED,
    RATES,
    ROW_PARTS,
)


def _cn_year(s: str) -> int | None:
    digits = "".join(CN_DIGITS.get(c, "") for c in s)
    return int(digits) if len(digits) == 4 else None


def _two_digit(yy: str) -> int:
    n = int(yy)
    return 2000 + n if n < 70 else 1900 + n


MAX_LISTED = 9  # short years one 年 is said of (19、20、21年); a longer run of pairs is no list of years
YEAR_PATTERNS = [
    (re.compile(r"((?:19|20)\d{2})\s*(?:年度|年)?\s*(?:到|至|-|—|–|~|～)\s*((?:19|20)\d{2})\s*(?:年度|年)?"), "range"),
    (re.compile(r"(?<!\d)(\d{2})\s*(?:到|至|-|—|~)\s*(?:20)?(\d{2})年"), "range2"),  # 19到21年, 19到2021年
    # 23、24两年, 19、20、21这三年: short years listed, then one 年 for them all
    (re.compile(r"(?<![\d.])\d{2}(?:\s*[、和与及跟]\s*\d{2})+\s*(?:这|那)?(?:[两二三四五六七八九]|\d)?(?:个)?年"), "list2"),
    (re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?:年度|年)?"), "year"),
    (re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})年"), "cn"),
    # 22年 is 2022, but 干了30年, 近20年, 30年来 count years: a span of time, no year
    (re.compile(r"(?<![\d.])(?<![了近满足整去快干做])(\d{2})年(?!来|以来|之久|间|整)"), "yy"),
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
            elif kind == "list2":
                found = [_two_digit(y) for y in re.findall(r"\d{2}", m.group())[:MAX_LISTED]]
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


_YEAR = r"((?:19|20)\d{2}|\d{2}|[〇零○Ｏ一二三四五六七八九]{4})\s*(?:年度|年)"
CARRY_PHRASES = [  # a year the requests were carried from or into is not a report asked for: the cell says it
    (re.compile(rf"(?:从|自|由)\s*{_YEAR}\s*(?:结转|转来|转过来|转入|带过来|遗留|留下)|结转自\s*{_YEAR}"), 1, "上年结转"),
    (re.compile(rf"(?:结转|转|留|顺延|带|拖|延|推)(?:到|至|入|进)了?\s*{_YEAR}"), -1, "结转下年度"),
]


CARRY_WORDS = [  # carried without a year: into the next year, or left over from the last (no year implied)
    (re.compile(r"(?:结转|转|留|顺延|带|拖|延|推)(?:到|至|入|进)了?\s*(?:下一?个?年度?|明年|第二年|次年)"), "结转下年度"),
    (re.compile(r"(?:上一?个?年度?|去年|前一年)(?:留下来|留下|遗留|剩下|转过来|结转过来|带过来)"), "上年结转"),
]


def read_carry(q: str) -> tuple[str, list[int]]:
    """The question with `从2021年结转过来` / `结转到2023年` said in the template's words (上年结转, 结转下年度),
    and the report years those phrases imply (the year after the one carried from, before the one carried into)."""
    implied: list[int] = []

    def say(m: re.Match, step: int, words: str) -> str:
        years, _ = parse_years(next(g for g in m.groups() if g) + "年")
        implied.extend(y + step for y in years)
        return words

    for pattern, step, words in CARRY_PHRASES:
        q = pattern.sub(lambda m, step=step, words=words: say(m, step, words), q)
    for pattern, words in CARRY_WORDS:
        q = pattern.sub(words, q)
    return q, implied


def parse_top_n(q: str) -> int | None:
    """前五 / 前3名 / 最多的三个单位 -> how many to list."""
    m = (re.search(r"前\s*(\d+|[一二两三四五六七八九十])", q)
         or re.search(r"(\d+|[两三四五六七八九十])\s*(?:个|家)\s*(?:单位|部门|机关|地方)", q))
    return small_number(m.group(1)) if m else None


def small_number(said: str) -> int | None:
    """3 or 三 -> 3 (a place or a count of ten or fewer, as people say it)."""
    return int(said) if said.isdigit() else CN_SMALL.get(said)


# 排第三的是哪年, 第二多的, 倒数第一, 名列第二: a place in a ranking (not 第二年, 第3项, 第二十条)
RANK_PLACE = re.compile(r"(?:(排(?:名|在)?|名列)(倒数)?|(倒数))第\s*(\d+|[一二两三四五六七八九十])\s*(?:名|位)?"
                        r"|第\s*(\d+|[一二两三四五六七八九十])\s*(?:名|位)?(多|高|少|低)")


def parse_rank_place(q: str) -> tuple[int, bool] | None:
    """排第三 / 第二多 / 倒数第一 -> (the place, counted from the fewest)."""
    m = RANK_PLACE.search(q)
    if not m:
        return None
    n = small_number(m.group(4) or m.group(5))
    return (n, bool(m.group(2) or m.group(3)) or m.group(6) in ("少", "低")) if n else None


def find_phrases(q: str, phrases) -> list[tuple[int, int, str]]:
    """Non-overlapping occurrences, leftmost first and, at one place, the longest phrase (复议被纠正, not 复议)."""
    return [(m.start(), m.end(), m.group()) for m in _alternation(tuple(phrases)).finditer(q)]


@lru_cache(maxsize=256)
def _alternation(phrases: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in ordered) or "(?!)")


def has(q: str, cues) -> str | None:
    return next((c for c in cues if c in q), None)


# 除了企业以外, （不是个人，也不是企业）, 不算自然人的, 自然人以外的: what is left out
EXCLUDED = re.compile(r"除了?[^，,。？?]{1,12}?(?:以外|之外|外(?=的|[，,]|$)|(?=[，,]?的?(?:还|另外|其余|其他|剩下)))|[^，,。？?\s\d年除]{1,8}?(?:以外|之外)"
                      r"|(?:不是|不包括|不含|并非|不算|不计|刨去|刨除|刨掉|除去|扣除|扣掉|去掉|减去|减掉|拿掉|排除)[^，,。？?（）()、]{1,6}|非(?:"
                      + "|".join(map(re.escape, sorted(QUERY_COLUMNS, key=len, reverse=True))) + ")")
OTHER_AGENCIES = re.compile(r"[，,]?的?(?:其他|别的|其余|剩下)的?(?:单位|机关|部门|地方)")
QUOTES = str.maketrans("", "", "“”\"'‘’「」")


def plain_words(q: str) -> str:
    """The question as its figure and column words are read: quotes dropped (“其他”法人组织), what it excludes
    (除了企业以外, 不是个人) masked, 其他类法人 said as the column 其他法人."""
    q = q.translate(QUOTES)
    for m in reversed(list(EXCLUDED.finditer(q))):
        end = m.end()
        if not _names_column(m.group()) and (rest := OTHER_AGENCIES.match(q, end)):
            end = rest.end()  # 除了鹿城区，其他单位…: the other agencies, not the applicant column 其他
        q = q[:m.start()] + "|" * (end - m.start()) + q[end:]
    q = re.sub(r"^(?:那|那么)?(?:其他|别的)(?:单位|机关|部门)", lambda m: "|" * len(m.group()), q)  # 其他单位因为…: agencies
    q = re.sub(r"(?<=[几多少一每两])个人", "|||", q)  # 几个人 counts people: no applicant column
    q = mask(q, [(s, e) for s, e, _ in find_phrases(q, _figures_holding_columns())])  # 商业秘密, 个人隐私
    q = re.sub(r"法人(?:或|或者|和|及)?(?:其他组织)?(?:里|中|当中|里面|里头)?的?其他(?:那|这)?(?:一)?(?:类|种)(?:组织)?",
               "其他组织", q)
    q = _member_of_group().sub("", q)  # 法人或其他组织里“商业企业”那一栏, …里落在其他组织的: the column, not its group
    return re.sub(r"其他[类的]?(?=法人|组织|单位|机构)", "其他", q)  # 法人或其他组织里“其他”那一类: that column


@lru_cache(maxsize=1)
def _member_of_group() -> re.Pattern:
    """法人或其他组织 with 里/中 and a column it heads said after (“其他” as the normal form says it: 其他组织)."""
    members = sorted((w for w, c in QUERY_COLUMNS.items() if c != "natural_person" and w not in QUERY_COLUMN_GROUPS),
                     key=len, reverse=True)
    return re.compile(r"法人(?:或|或者|和|及|与)?其他组织(?:里|中|当中|里面|里头|下面|底下|之下|下)[^，。；,;？?]{0,3}?"
                      rf"(?=(?:{'|'.join(map(re.escape, members))}))")


@lru_cache(maxsize=1)
def _figures_holding_columns() -> tuple[str, ...]:
    """Figure words that hold an applicant word (商业秘密 holds 商业) and name no applicant."""
    return tuple(p for p in QUERY_FIGURES if any(c in p and c != p for c in QUERY_COLUMNS))


def left_columns(q: str) -> tuple[str, ...]:
    """The applicant columns a question keeps when it only says which it leaves out (非自然人, 除了个人以外,
    不是企业提的, 不包括企业、科研机构和律所): every other column, summed like a column group. Empty when it
    excludes none."""
    q = q.translate(QUOTES)
    out = [q[m.start():_listed_on(q, m.end()) if _names_column(m.group()) and not m.group().endswith(CLOSED) else m.end()]
           for m in EXCLUDED.finditer(q)]  # 除了个人以外，企业和其他组织: the list after 以外 is what is kept
    excluded = {QUERY_COLUMNS[p] for text in out for _, _, p in find_phrases(text, list(QUERY_COLUMNS))}
    return tuple(c for c in APPLICANT_COLUMNS if c not in excluded) if excluded else ()


CLOSED = ("以外", "之外", "外")  # 除了…以外 closes what it leaves out


def _names_column(text: str) -> bool:
    return bool(find_phrases(text, list(QUERY_COLUMNS)))


def _listed_on(q: str, end: int) -> int:
    """Where a list of applicant words left out ends (不包括企业,科研机构和法律服务机构: the whole list)."""
    while m := _next_column().match(q, end):
        end = m.end()
    return end


@lru_cache(maxsize=1)
def _next_column() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(QUERY_COLUMNS, key=len, reverse=True)))
    return re.compile(rf"(?:[,，、]|和|或|及|以及)(?!其他|其余|别的|剩下)(?:{words})")  # not 除了个人，“其他”单位


# 没有被纠正的, 未被维持, 除了纠正以外的: the outcome said is the part left out of its group
OUTCOME_DENIED = re.compile(r"(?:(?<!有)没有?被?|未被?|不是被?|并非被?|除了?被?)$")


def remainder_asked(q: str, keys: list[CellKey]) -> list[CellKey] | None:
    """没有被纠正的复议, 行政诉讼里除了维持的: a review or suit outcome said after a negation asks the rest of its group;
    the group's total cells (the outcome's cells being what is subtracted), or None."""
    if not keys or any(k.table != "review_litigation" or k.row.endswith("_total") for k in keys):
        return None
    said = [s for s, _, _ in find_phrases(q, QUERY_REVIEW_OUTCOMES)]
    if not any(OUTCOME_DENIED.search(q[max(0, s - 4):s]) for s in said):
        return None
    return [group_total(k) for k in keys]


def rows_left(q: str) -> tuple[list[CellKey], str, tuple[list[CellKey], list[CellKey]] | None] | None:
    """A total or a group said with the rows it leaves out (除予以公开外的办理结果, 不予公开里除了过程性信息以外的): its
    other rows, the words that say so, and, where what they are left out of is a printed total (办理结果总计), that
    total and the rows left out: a count of the rest is the total less them, as the asker takes it (扣掉予以公开的，
    剩下几件). None when nothing of a row is left out."""
    spans = [m.span() for m in EXCLUDED.finditer(q)]
    gone = {k.row for a, b in spans for k in figure_keys(q[a:b])[0] if k.table == "requests"}
    if not gone:  # most questions leave nothing out: no second reading of their figure
        return None
    base, phrase, _ = figure_keys(mask(q, spans))
    rows = [r for k in base if k.table == "requests"
            for r in (RESULT_ROW_KEYS if k.row == "results_total" else [k.row])]
    kept = [r for r in rows if r not in gone]
    if not kept or len(kept) == len(rows):
        return None
    column = base[0].column or "total"
    said = "".join(q[a:b] for a, b in spans) + (phrase or "")
    totals = [CellKey(table="requests", row=k.row, column=column) for k in base if k.row == "results_total"]
    taken_off = (totals, [CellKey(table="requests", row=r, column=column) for r in rows if r in gone]) if totals else None
    return [CellKey(table="requests", row=r, column=column) for r in kept], said, taken_off


def said_column(q: str, words) -> str | None:
    """The first applicant column or column group the question names (read in its plain words)."""
    return next((p for _, _, p in find_phrases(plain_words(q), words)), None)


def said_columns(q: str) -> dict[str, str]:
    """Every applicant column the question names, in order, with the word that named it first (企业和律师加起来:
    two columns, summed like a group)."""
    named: dict[str, str] = {}
    for _, _, p in find_phrases(plain_words(q), list(QUERY_COLUMNS)):
        named.setdefault(QUERY_COLUMNS[p], p)
    return named


PROCEDURE_NAMED = re.compile(r"依申请(?!(?:公开)?(?:量|件数|数量))")
# 都公开了哪些内容: what was published (a passage), not which requests were granted
CONTENT_PUBLISHED = re.compile(r"(?:都|全)?给?公开了?(?:哪些|什么|啥)(?:样的)?(?:内容|信息|东西|事项|方面|领域|材料)")
UNPAID_FEE = re.compile(r"(?:没有|没|未|不)(?:缴纳|支付|交|缴|付)(?:信息)?处理费")


def figure_keys(q: str) -> tuple[list[CellKey], str | None, bool]:
    """Cells the question names, the phrase that named them, and whether only a weak word did.
    Review groups combine with outcomes (诉讼被纠正); a specific row beats the group holding it
    (因为第三方不予公开 -> denied_third_party, not all of 不予公开)."""
    q = UNPAID_FEE.sub("未缴费", q)  # 没交信息处理费: the fee not paid, before 信息处理费 is set aside as no figure
    q = PROCEDURE_NAMED.sub("|", CONTENT_PUBLISHED.sub("|", q))  # 依申请公开 names the procedure, not a count (依申请公开量
    # counts its requests)
    for phrase in QUERY_FIGURE_EXCLUSIONS:
        q = q.replace(phrase, "|")
    groups = find_phrases(q, QUERY_REVIEW_GROUPS)
    said = {QUERY_REVIEW_GROUPS[p] for _, _, p in groups}  # 行政诉讼…复议后起诉: the narrower group is the one asked
    groups = [g for g in groups if not any(set(o) < set(QUERY_REVIEW_GROUPS[g[2]]) for o in said)]
    if groups:
        outcomes = [o for o in find_phrases(q, QUERY_REVIEW_OUTCOMES)  # 复议（包括被纠正的）: the total, counted in
                    if not q[max(0, o[0] - 3):o[0]].removesuffix("被").endswith(COUNTED_IN)]
        okey = QUERY_REVIEW_OUTCOMES[outcomes[0][2]] if outcomes else "total"
        outcome = outcomes[0][2] if outcomes else ""
        own = [g for g in groups if g[2] != outcome]  # 行政复议的胜诉率: the group said, not the suits 胜诉 implies
        gkeys = list(dict.fromkeys(g for _, _, p in (own or groups) for g in QUERY_REVIEW_GROUPS[p]))
        named = dict.fromkeys(p for _, _, p in groups if p != outcome)  # 败诉 says both: its group and its outcome
        word = "、".join(p for p in named if QUERY_REVIEW_GROUPS[p] != QUERY_REVIEW_GROUPS.get(outcome)) + outcome
        return [CellKey(table="review_litigation", row=f"{g}_{okey}") for g in gkeys], word, False
    active = _active_keys(q)
    if active:
        return [CellKey(table="active", row=k) for k in active[0]], active[1], False
    found: list[tuple[str, list[CellKey]]] = []
    spans: list[tuple[int, int]] = []
    for start, end, p in find_phrases(q, list(QUERY_FIGURES) + list(QUERY_FIGURE_SUMS)):
        said_none = has(q[max(0, start - 2):end], NEGATION_CUES)  # 没有收到申请: the list of zeros asks that figure
        # 也没有结转到下一年的: a figure with no negated figure of its own after 没有 is said to be none (a claim of it;
        # not 不再处理, a verb negated)
        said_none = said_none or q[:start].endswith("没有") and not any(f"{n}{p}" in QUERY_FIGURES for n in NEGATIONS)
        if q[:start].endswith(NEGATIONS) and not q[:start].endswith(("有没有", "有无")) and not said_none:
            continue
        if start and p[0] in "没不未" and len(p) > 1 and q[start - 1] == p[1]:
            continue  # 有没有公开, 公不公开: a yes-no question (A-not-A), not the negated figure
        cells = QUERY_FIGURE_SUMS.get(p) or [QUERY_FIGURES[p]]
        found.append((p, [CellKey(table=t, row=r, column=c) for t, r, c in cells]))
        spans.append((start, end))
    if all(p in WEAK_FIGURES for p, _ in found) and (said := DISCLOSED.search(q)):  # 10件申请里有几件公开了:
        return [CellKey(table="requests", row="granted", column="total")], "予以公开", False  # those granted
    if not found and (said := RECEIVED.search(q)):  # 平潭2021年收了几件: the requests received
        return [CellKey(table="requests", row="new_received", column="total")], said.group(), False
    if not found:
        return [], None, False
    # 新收113加上年结转5，再减去办结110，应该剩8件结转下年: figures said with their values are the asker's working; the
    # figure asked is one whose value is not given (where none is left, 予以公开41件，部分公开24件，合计…, all are asked)
    if unstated := [(f, span) for f, span in zip(found, spans, strict=True) if not STATED_VALUE.match(q, span[1])]:
        found, spans = [f for f, _ in unstated], [span for _, span in unstated]
    rows = [{r for k in ks for r in (k.row, *ROW_PARTS.get(k.row, ()))} for _, ks in found]  # 其他处理里逾期不缴费的:
    kept = [f for f, rs in zip(found, rows, strict=True) if not any(o < rs for o in rows)]  # the part, not its row
    strong = [f for f in kept if f[0] not in WEAK_FIGURES]
    joined = _joined([(f, span) for f, span in zip(found, spans, strict=True)  # 申请（含上年结转）: a weak word too
                      if f in strong or GAP.sub("", q[span[1]:span[1] + 4]).startswith(COUNTED_IN)], q)
    if len(joined) < 2 and (m := COUNTED_AS.search(q)):
        joined = _counted_as(m, [(f, span) for f, span in zip(found, spans, strict=True) if f in strong]) or joined
    if len(joined) > 1:  # 予以公开和部分公开（一共多少）: every cell the joined words name, summed where asked
        keys = [k for i, (_, ks) in enumerate(joined) for k in ks
                if all(k not in other for _, other in joined[:i])]
        return keys, "、".join(p for p, _ in joined), False
    pool = strong or kept
    specific = ([f for f in pool if f[1][0].row not in WHOLES]  # 收到的申请中部分公开多少, 办理结果中予以公开多少
                or [f for f in pool if f[1][0].row != "new_received"])  # 办结的申请: the results, not those received
    phrase, keys = max(specific or pool, key=lambda f: len(f[0]))  # the longest phrase wins
    return keys, phrase, not strong


ACTIVE_KEYS = {c for rows in ACTIVE.values() for r in rows for c in r.columns}


STATED_VALUE = re.compile(r"(?:的|是|为|有|共|:|：)?\s*\d+(?:\.\d+)?(?![\d年.])")  # 新收113, 办结的是110: a value
# given with its figure (not 新收申请2020年…: a year)
WHOLES = ("new_received", "results_total")  # what a part is said to be in: the part is asked
COUNTED_IN = ("包括", "包含", "含", "连同", "算上", "外加")  # 收到申请（含上年结转）: the other counted in
JOINING = ("和", "与", "及", "以及", "、", "跟", "加", "加上", "还有", "同", *COUNTED_IN)
# 把A也当成B / 把A也算作B / 把A算进B里: a what-if that counts A in with the figure asked (A: group 1, B: group 2)
COUNTED_AS = re.compile(r"把(.{2,16}?)(?:这[种类个项])?[的]?(?:也|都|一并|一起)?(?:当成|当作|算作|算成|算进|算入|计入|并入|归入|看作|"
                        r"视为|视作|算在|归到|放进|加进|加到)([^，,。？?；;！!]{1,10})")
DISCLOSED_SAID = re.compile(r"(?:被|予以)?公开(?:的|了)?(?:[里中内]|那[类种]|一类)?(?:的话)?")  # 算作公开: the requests granted

GAP = re.compile(r"^(?:的|总计|总数|数量|件数|数|申请)+|(?:的)$|[\s(（\"“”‘’「」『』]")  # 新收的加上上年结转, 办理结果总计加结转
# 下年度, 予以公开的申请、本机关不掌握的申请, “本年新收”、“结转下年度” (labels quoted as printed): still joined


def _counted_as(m: re.Match, strong: list[tuple[tuple[str, list[CellKey]], tuple[int, int]]]
                ) -> list[tuple[str, list[CellKey]]]:
    """把信访类也当成被拒绝，不予公开的加上它 / 把部分公开也算作公开: the figure counted in (A) and the one it is
    counted with (another figure asked, else B itself; bare 公开 is 予以公开), summed; empty when A names none."""
    inside = [f for f, (s, _) in strong if m.start(1) <= s < m.end(1)]
    if not inside:
        return []
    others = [f for f, (s, _) in strong if not m.start(1) <= s < m.end(1)]
    if not others and DISCLOSED_SAID.fullmatch(m.group(2)):
        others = [("予以公开", [CellKey(table="requests", row="granted", column="total")])]
    said = {tuple((k.table, k.row, k.column) for k in ks): (p, ks) for p, ks in inside[:1] + others}  # 不予公开 said twice
    return list(said.values()) if others else []


# 公开了多少 / 给公开了几件: disclosed, as a count of requests (not 主动公开, 部分公开, 不公开, 依申请公开)
DISCLOSED = re.compile(r"(?<![不未没主动分予请])(?:给|被)?公开了?(?=(?:多少|几)[件个份]?(?:申请)?(?:$|[，,。；;？?！!呢吗]))"
                       r"|(?:(?<=多少|几件|几个|几份)|(?<=多少[件个份]))(?:被|给|获得?)?(?:予以)?公开了?"
                       r"(?=$|[，,。；;？?！!呢吗])")  # 有几件公开了, 其中多少件公开了
# (公开了多少疫情防控信息, 公开了多少条政府信息: what was published, not requests granted)
# 收了几件 / 接到多少个 with nothing after it: the requests received (not 接了多少件12345热线, 收了多少处理费)
RECEIVED = re.compile(r"(?:收|接)(?:了|到|进|收|件)?(?=(?:多少|几)[件个份]?(?:$|[，,。；;？?！!呢吗]))")


QUOTED_APART = re.compile(r"\s*[\"“”‘’']\s*[,，;；]\s*[\"“”‘’']\s*")  # "a","b": a quoted list's items, joined


def _joined(found: list[tuple[tuple[str, list[CellKey]], tuple[int, int]]], q: str) -> list[tuple[str, list[CellKey]]]:
    """The longest run of figure phrases the question joins with 和/、/加 (nothing else between them), each with
    its cells; one phrase or none when the question names its figures apart."""
    best: list = []
    run: list = []
    for (f, (s, e)) in sorted(found, key=lambda t: t[1]):
        between = GAP.sub("", q[run[-1][1][1]:s]) if run else ""
        between = between[1:] if between[:1] in "，," and between[1:] in JOINING else between  # 新收申请数，以及部分公开数
        listed = bool(run) and QUOTED_APART.fullmatch(q[run[-1][1][1]:s]) is not None  # {"本年新收","结转下年度"}
        if run and (between in JOINING or listed) and all(f[1] != g[1] for g, _ in run):
            run.append((f, (s, e)))
        else:
            run = [(f, (s, e))]
        best = run if len(run) > len(best) else best
    return [f for f, _ in best]


def measure_of_item(q: str, keys: list[CellKey]) -> list[CellKey]:
    """Another measure of the active-table item asked before (行政事业性收费上一年项目数量 -> 那本年增减呢): the
    item's cell for the measure this turn names alone; empty when it names none or the item has no such cell."""
    if not keys or any(k.table != "active" for k in keys) or find_phrases(q, QUERY_ACTIVE_ITEMS):
        return []
    suffixes = sorted({x for v in QUERY_ACTIVE_MEASURES.values() for x in v}, key=len, reverse=True)
    for _, _, measure in reversed(find_phrases(q, QUERY_ACTIVE_MEASURES)):
        out = []
        for k in keys:
            base = next((k.row[:-len(x) - 1] for x in suffixes if k.row.endswith(f"_{x}")), None)
            out += [CellKey(table="active", row=f"{base}_{x}") for x in QUERY_ACTIVE_MEASURES[measure]
                    if base and f"{base}_{x}" in ACTIVE_KEYS][:1]
        if out:
            return out
    return []


def _active_keys(q: str) -> tuple[list[str], str] | None:
    """An active-table item with a measure (规范性文件现行有效, 行政处罚本年增减) -> (keys, phrase); items joined
    by 和/、 before one measure (行政处罚、行政强制各多少个决定) each take it."""
    items = find_phrases(q, QUERY_ACTIVE_ITEMS)
    if not items:
        return None
    taken = [(s, e) for s, e, _ in items]
    measures = [m for m in find_phrases(q, QUERY_ACTIVE_MEASURES) if all(m[1] <= s or m[0] >= e for s, e in taken)]
    for i, (_, _, item) in enumerate(items):
        for _, _, measure in reversed(measures):  # the measure said last is the one asked (项目本年增减)
            for suffix in QUERY_ACTIVE_MEASURES[measure]:
                key = f"{QUERY_ACTIVE_ITEMS[item]}_{suffix}"
                if key in ACTIVE_KEYS:
                    keys, words = [key], [item]
                    for (_, e, _), (s2, _, nxt) in zip(items[i:], items[i + 1:], strict=False):
                        other = f"{QUERY_ACTIVE_ITEMS[nxt]}_{suffix}"
                        if q[e:s2].strip() not in JOINING or other not in ACTIVE_KEYS or other in keys:
                            break
                        keys.append(other)
                        words.append(nxt)
                    if len(keys) == 1 and len(listed := _measures_listed(q, measures, item)) > 1:
                        return [k for _, k in listed], item + "、".join(m for m, _ in listed)  # 制发、废止各多少
                    return keys, "、".join(words) + measure
    return None


MEASURE_GAP = re.compile(r"^(?:的|是|有|为)?(?:多少|几)?[件项个条]?")  # 现行有效多少件、废止多少件: the count said after each


def _measures_listed(q: str, measures: list[tuple[int, int, str]], item: str) -> list[tuple[str, str]]:
    """One item's measures said one after another, joined by 、/和 (规范性文件制发、废止各多少件): each its cell, in the
    order said; the measures of the last such run."""
    run: list[tuple[str, str]] = []
    end = -1
    for s, e, measure in measures:
        key = next((k for x in QUERY_ACTIVE_MEASURES[measure] if (k := f"{QUERY_ACTIVE_ITEMS[item]}_{x}") in ACTIVE_KEYS),
                   None)
        joined = run and MEASURE_GAP.sub("", q[end:s]) in JOINING
        run = (run if joined else []) + ([(measure, key)] if key and key not in (k for _, k in run) else [])
        end = e
    return run


def asks_share(q: str) -> bool:
    """…的比例, 占几成, 占办结的多少: a share is asked."""
    return bool(has(q, RATIO_CUES) or SHARE_OF.search(q))


def share_of_total(q: str, keys: list[CellKey], column: str | None, phrase: str | None,
                   asked: bool = False) -> RateSpec | None:
    """…占几成 / 在全部申请里占多大比重 / what share of …: the named cells over the total of their own table
    (a result over the results' total, an applicant type over all applicants, a review outcome over its group's
    total). Any cell of those tables, never a list of named rates."""
    said_rate = any(f"{w}率" in q for w in (phrase, *QUERY_REVIEW_OUTCOMES) if w)  # 维持率, 败诉率: its share
    if not keys or not (asked or asks_share(q) or said_rate or PER_N.search(q)):  # asked: carried from before
        return None
    named = _all_named_cells(q)
    if not named and all(is_total(k) for k in keys):  # 本机关不掌握在办理结果里占多大比例: the part, not the total
        found = [(p, QUERY_FIGURE_SUMS.get(p) or [QUERY_FIGURES[p]])
                 for _, _, p in find_phrases(q, [*QUERY_FIGURES, *QUERY_FIGURE_SUMS]) if p not in WEAK_FIGURES]
        parts = [(p, [CellKey(table=t, row=r, column=c) for t, r, c in cs]) for p, cs in found]
        parts = [(p, ks) for p, ks in parts if not all(is_total(k) for k in ks)]
        if parts:
            phrase, keys = parts[0]
    if not named and phrase in QUERY_REVIEW_GROUPS and not any(is_total(k) for k in keys):
        phrase = None  # 复议…维持了几件 -> 占比多少: the outcome's own label, not the group's word
    said = whole_said(q)  # 相当于当年新收申请的百分之几, 占新收的多少: the whole the asker names, not a part of the share
    named = [(p, ks) for p, ks in named if not all(k in said for k in ks)]
    words = [p for p, _ in named] or [phrase or ""]
    keys = [k for _, ks in named for k in ks] or [k for k in keys if k not in said] or keys
    if column:
        keys = [k.model_copy(update={"column": column}) if k.table == "requests" else k for k in keys]
    den: list[CellKey] = [k for k in said if k not in keys]
    for k in keys if not den else ():  # else the table's own total
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
    if column and len(words) == 1:  # 予以公开（商业企业）; two cells under one word: 公开(含部分公开)（商业企业）
        name = (label(**keys[0].model_dump()) if len(keys) == 1
                else f"{words[0]}（{COLUMN_LABELS.get(column, column)}）")
    total = "＋".join(label(**d.model_dump()) + ("总计" if d.table == "review_litigation" else "") for d in den)
    shown = f"（{name}）" if "＋" in name else name
    total = f"（{total}）" if len(den) > 1 else total
    return RateSpec(label=f"{name}占比", numerator=keys, denominator=den, formula=f"{shown}÷{total}")


# 占新收的…, 相当于当年新收申请的百分之几, 是办结总数的几成: the whole a share is said of
WHOLE_SAID = re.compile(r"(?:占|相当于|等于|是)(?:当年|全年|同年|该年|这一年)?([^，,。？?占]{1,12}?)的?"
                        r"(?:多少|几|百分之|比例|比重|\d+\s*(?:%|成)|一半|半数)")


def whole_said(q: str) -> list[CellKey]:
    """The cells of the whole a share names by a figure word of its own (新收, 办结), else none (占全部申请的: the
    weak 申请 leaves the table's own total as the whole)."""
    m = WHOLE_SAID.search(q)
    if not m:
        return []
    keys, _, weak = figure_keys(m.group(1))
    return [] if weak or not keys or any(k.table == "active" for k in keys) else keys


def _all_named_cells(q: str, wholes: bool = False) -> list[tuple[str, list[CellKey]]]:
    """Every figure phrase of a two-part share (不予公开和无法提供两项合计占比), each with its own cells; `wholes` keeps
    a total named beside a part (办结的比予以公开的多几件: two sides), which in a share is the denominator."""
    phrases = [p for _, _, p in find_phrases(q, [*QUERY_FIGURES, *QUERY_FIGURE_SUMS]) if p not in WEAK_FIGURES]
    named = [(p, [CellKey(table=t, row=r, column=c) for t, r, c in (QUERY_FIGURE_SUMS.get(p) or [QUERY_FIGURES[p]])])
             for p in dict.fromkeys(phrases)]
    if not wholes:  # in a share, 占办理结果总计 is the denominator, and 申请有几成是部分公开的: the requests are the whole
        named = [(p, ks) for p, ks in named if not all(is_total(k) for k in ks)]
        if any(k.row in RESULT_ROW_KEYS for _, ks in named for k in ks):
            named = [(p, ks) for p, ks in named if not all(k.row == "new_received" for k in ks)]
    sets = [{(k.table, k.row) for k in ks} for _, ks in named]  # 手里没有而答复不了: the row beats the group holding it
    named = [(p, ks) for (p, ks), mine in zip(named, sets, strict=True) if not any(o < mine for o in sets)]
    distinct: list[tuple[str, list[CellKey]]] = []
    for p, ks in named:  # 全部公开（予以公开）: two words for one cell count it once
        if all(ks != other for _, other in distinct):
            distinct.append((p, ks))
    return distinct if len(distinct) >= 2 else []


def compared_sides(q: str, keys: list[CellKey]) -> list[tuple[str, list[CellKey]]]:
    """The figures a comparison within one report sets side by side, each with its word: two applicant columns
    of the asked rows (个人申请和企业申请哪个多), two review groups (复议和诉讼), or two request figures
    (予以公开和部分公开); empty when the question names fewer than two."""
    columns: dict[tuple[str, ...], str] = {}  # 法人多还是自然人多: a column group is one side, summed
    for _, _, p in find_phrases(plain_words(q), [*QUERY_COLUMNS, *QUERY_COLUMN_GROUPS]):
        columns.setdefault(QUERY_COLUMN_GROUPS.get(p) or (QUERY_COLUMNS[p],), p)
    rows = list(dict.fromkeys(k.row for k in keys if k.table == "requests"))
    if len(columns) > 1 and rows:
        return [(w, [CellKey(table="requests", row=r, column=c) for r in rows for c in cs]) for cs, w in columns.items()]
    groups: dict[tuple[str, ...], str] = {}
    for _, _, p in find_phrases(q, QUERY_REVIEW_GROUPS):
        groups.setdefault(QUERY_REVIEW_GROUPS[p], p)
    if len(groups) > 1:
        outcomes = find_phrases(q, QUERY_REVIEW_OUTCOMES)
        okey = QUERY_REVIEW_OUTCOMES[outcomes[0][2]] if outcomes else "total"
        return [(p, [CellKey(table="review_litigation", row=f"{g}_{okey}") for g in gs]) for gs, p in groups.items()]
    return _all_named_cells(q, wholes=True)


def is_total(k: CellKey) -> bool:
    return k.row.endswith("_total") or k.row == "results_total"


def rate_from_parts(q: str) -> str | None:
    """予以公开加部分公开占比多少 names a rate by its parts."""
    if not asks_share(q):
        return None
    rows = {QUERY_FIGURES[p][1] for _, _, p in find_phrases(q, QUERY_FIGURES)}
    rows -= {k.row for k in whole_said(q)}  # 部分公开是予以公开的百分之多少: one part over the other, said as its whole
    return next((name for name, (_, num, _, _) in RATES.items()
                 if len(num) > 1 and {r for _, r, _ in num} <= rows), None)


NOUN_TAGS = ("n", "nz", "l")  # jieba's tags of a thing counted (通气会 is tagged l)
MEASURE_CHARS = "个场次件名条篇家项起份期批位种类"  # 篇文章 is one jieba word: the thing is 文章
COUNT_LEAD = ("有", "是", "为", "共", "一共", "总共", "共计", "大概", "大约", "约", "达", "到底", "究竟", "的")


def counted_head(q: str, names: list[str]) -> str | None:
    """The thing a count asks for: the last noun named after the count (几场新闻通气会 -> 通气会, 有多少起是问农机购置
    补贴的 -> 补贴, 多少篇文章 -> 文章), else the noun the count follows at once (访问量有多少 -> 访问量; not 节目 of
    节目开了几期, whose verb counts something else); None where no noun is said there. Agency `names` are no thing
    counted."""
    from index.stores.lexical import word_tags

    found = list(COUNT_ASKED.finditer(q))
    if not found:
        return None
    nouns = [w.lstrip(MEASURE_CHARS) for w, flag in word_tags(found[-1].group(1))  # not a word of the agency's name
             if flag in NOUN_TAGS and not any(w in n for n in names)]  # (English glossed: 多少政策平潭综合实验区2024年)
    if head := next((w for w in reversed(nouns) if len(w) >= 2), None):
        return None if head in RATIO_CUES else head  # 占全区的比例是多少: a share is asked, no thing counted
    before = [(w, flag) for w, flag in word_tags(q[:found[-1].start()]) if w not in COUNT_LEAD]
    if before and before[-1][1] in NOUN_TAGS and len(before[-1][0]) >= 2 and before[-1][0] not in names:
        return None if before[-1][0] in RATIO_CUES else before[-1][0]
    return None


def part_named(q: str, names: list[str]) -> list[list[str]]:
    """What a sentence stating the count must say for its number to be the part asked, as groups of words of which
    it must say one each: the whole and each word of the part (热线里有多少起是问农机购置补贴的 -> 热线, 农机, 补贴),
    or one of the words of a clause said before the thing counted (给出好评的纳税人有多少人次 -> 好评; the thing
    itself a sentence may leave unsaid: 电话咨询3200人次). [] where no part is asked; words of the agency `names`
    are whose count it is."""
    from index.stores.lexical import word_tags

    def words(text: str, tags: tuple[str, ...]) -> list[str]:
        return [w for w, flag in word_tags(text) if flag in tags and len(w) >= 2 and w not in LIGHT_VERBS
                and not any(w in n for n in names)]

    for pattern, whole, part in PARTS_ASKED:
        if m := pattern.search(q):
            said = words(m.group(part), (*PART_TAGS, "v", "d"))
            if not whole:
                return [said] if said else []
            return [[w] for w in words(m.group(whole), PART_TAGS)[-1:] + said]
    return []


PART_TAGS = (*NOUN_TAGS, "ns", "nr", "nt", "nz", "vn")
LIGHT_VERBS = ("属于", "给出", "进行", "作出", "做出", "提出", "表示", "涉及", "关于", "有关")  # say nothing of the part


def files(q: str, words: tuple[str, ...]) -> bool:
    """A word for filing a request said: a one-character verb (提, 递, 交) only where a word begins with it (律师递了几件,
    公司交上来的, 提交; not 快递, 传递)."""
    from index.stores.lexical import load_jieba

    verbs = tuple(w for w in words if len(w) == 1)
    return any(len(w) > 1 and w in q for w in words) or any(t.startswith(verbs) for t in load_jieba().lcut(q, HMM=False))


def explained(word: str, question: str = "") -> bool:
    """A word the question vocabulary already reads (figure words, rates, operations, question words), or one
    inside a phrase of it the question says (法庭 in 被告上法庭, where 被告 took the words' first reading)."""
    return bool(find_phrases(word, vocabulary())) or any(word in p for p in vocabulary() if p in question)


def mask_spans(q: str, year_spans) -> list[tuple[int, int]]:
    return list(year_spans) + [(s, e) for s, e, _ in find_phrases(q, vocabulary())]


@lru_cache(maxsize=1)
def vocabulary() -> tuple[str, ...]:
    """Every word the question path reads as a figure, a column, an operation or a cue."""
    return (*QUERY_FIGURES, *QUERY_FIGURE_SUMS, *QUERY_COLUMNS, *QUERY_REVIEW_GROUPS, *QUERY_REVIEW_OUTCOMES,
             *QUERY_RATES, *QUERY_UNSUPPORTED, *STOP_WORDS, *CHANGE_CUES, *RANKING_CUES, *SCOPE_CUES, *TOTAL_CUES,
             *COMPARE_CUES, *APPLICANT_CUES, *OUTCOME_CUES, *NARRATIVE_CUES, *PRECEDENT_CUES, *FIGURE_CUES,
             *RELATIVE_YEARS, *RANGE_WORDS, *YEAR_SUBJECTS, *QUERY_ACTIVE_ITEMS, *QUERY_ACTIVE_MEASURES, "申请人",
             *RATIO_CUES, *COUNTED_THINGS, *STAT_WORDS, "增长率", "变化率", "公开率")


def mask(q: str, spans: list[tuple[int, int]]) -> str:
    chars = list(q)
    for s, e in spans:
        chars[s:e] = "|" * (e - s)
    return "".join(chars)


def runs(masked: str) -> list[str]:
    return [r for r in re.split(r"[^\u4e00-\u9fff]+", masked) if len(r) >= 2]


def topic_of(q: str, year_spans, mentions: list[str]) -> str:
    """What the question is about once the agency, the years and the question words are taken out."""
    words = [*QUESTION_WORDS, *TOPIC_FILLERS, *PRECEDENT_CUES, *FIGURE_CUES, *RELATIVE_YEARS, *RANGE_WORDS, *mentions]
    masked = mask(q, list(year_spans) + [(s, e) for s, e, _ in find_phrases(q, words)])
    return " ".join(runs(masked))


def asks_holdings(masked: str) -> bool:
    """Whether the question, its scope and years masked, asks only what the corpus holds (HOLDINGS_WORDS)."""
    words = [w for w, _ in word_tags(masked) if re.search(r"[\u4e00-\u9fff]", w)]
    return (bool(words) and all(w in HOLDINGS_WORDS for w in words) and any(w in HOLDINGS_ASKING for w in words)
            and any(w in HOLDINGS_NAMED for w in words))
