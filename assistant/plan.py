"""Question (+ conversation) -> the plan: one `Intent` per part, each saying which agencies, years, cells and
operation it asks, without any model. The words are read by `assistant.read`, the mentions resolved by
`assistant.resolve`; a follow-up keeps the agency, year and figure it leaves out, by planning the earlier user
turns first and filling the gaps from them. A question with several parts (收到多少、其中多少予以公开、有没有被复议)
is split into parts that are each answered; a part that only continues the one before (…，哪个多？) stays with it."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from assistant import compose
from assistant.catalog import Catalog
from assistant.cues import (
    ABOUT_ME,
    AGAINST_OTHERS,
    AGAINST_OWN,
    AGE_SAID_CN,
    AGENCY_PRONOUN,
    AGREE_CUES,
    AHEAD_OF,
    ANCHORED_YEARS,
    ANNUAL_GROWTH,
    APPLICANT_CUES,
    APPLICANT_DETAIL,
    ASCENDING_CUES,
    ASIDE_OPENS,
    BA_LEFT_OUT,
    BEATS,
    BOTH,
    CASE_DETAILS,
    CASE_WHICH,
    CATALOGUE,
    CHANGE_CUES,
    CHANGED_WHAT,
    CHECK_CUES,
    CLAIMED,
    CLAIMED_SPAN,
    CN_SMALL,
    COLLECTIVE_NOUNS,
    COMPARATIVE,
    COMPARE_CUES,
    COMPARED_WITH,
    CONTENT_WHICH,
    COUNT_CUES,
    COUNTED,
    DATA_WORDS,
    DISCLOSABLE,
    DISCLOSED_AFTER,
    DISCLOSED_BEFORE,
    DURATION_ASKED,
    EACH_CUES,
    EARLIEST,
    EITHER_MORE,
    EVENTS_COUNTED,
    EXPLAINS,
    FELL,
    FIGURE_CUES,
    FILING_WORDS,
    FOLLOWUP_CUES,
    FORECAST,
    FOREIGN,
    FORMER,
    FUTURE_COUNT,
    HALF,
    HEAD_COUNTED,
    INCLUDED,
    INFO_ITEMS,
    INTO_NEXT_YEAR,
    ITEM_ORDINAL,
    KIND_TOPICS,
    LANDMARK,
    LATTER,
    LEFT_OUT,
    LIST_WHICH,
    MAGNITUDE_JUDGED,
    MEAN_BOUND,
    MEAN_PER_REPORT,
    MEAN_PER_YEAR,
    MEDIAN_ASKED,
    MENTION_WORDS,
    MINUS_SAID,
    MONEY_ASKED,
    MONTH_SPAN,
    MORE_OR_LESS,
    NARRATIVE_CUES,
    NARRATIVE_STRONG,
    NEGATION_CUES,
    NONE_AT_ALL,
    NOT_RESTRICTING,
    NOT_THIS_NAME,
    NOT_ZERO,
    NUMBERS_TOLD,
    OFFICE_ASKED,
    ONE_CASE,
    OPEN_QUESTION,
    OPINION,
    OTHER_REPORT,
    OUTCOME_CUES,
    OUTSIDE_BODY,
    OWN_FIGURE,
    PART_OF_YEAR,
    PEOPLE_ASKED,
    PER_APPLICANT,
    PER_ITEM,
    PER_MILLE,
    PER_N,
    PER_PERIOD_WORDS,
    PERCENT_ASKED,
    POOLED,
    POST_HELD,
    PRECEDENT_CUES,
    PRIOR_YEAR_SAID,
    PRIOR_YEAR_WORDS,
    QUALIFIED_REQUESTS,
    QUESTION_WORDS,
    QUOTED_REPORT,
    RANGE_WORDS,
    RANK_POSITION,
    RANK_SUBJECTS,
    RANKING_CUES,
    RATE_ASKED,
    REASON_WORDS,
    RECENT_LEADS,
    REFERS_BACK,
    RELATIVE_YEARS,
    REPORT_META,
    REPORT_TITLE,
    REPORT_VERDICT,
    REPORT_WORDS,
    REQUEST_SUBJECTS,
    RESULT_ROW_KEYS,
    RETURN_TO,
    ROSE,
    ROUGHLY,
    ROUND_NUMBERS,
    SAME_YEAR,
    SCOPE_CUES,
    SCOPE_ENDINGS,
    SCOPE_GLOSS,
    SERVICE_ASKED,
    SET_ASIDE,
    SHARE_WORDS,
    SHIFT_SAID,
    SHIFT_WORDS,
    SIDE_MORE,
    SINCE,
    SPAN_WORDS,
    STORY,
    SUB_UNITS,
    SWITCH_LEAD,
    SWITCH_ONLY,
    TABLE_ASKED,
    TABLE_SAID,
    TEMPLATE_SAID,
    TEXT_SOURCE,
    THE_NUMBER_BEFORE,
    THESE_YEARS,
    THRESHOLD,
    THRESHOLD_OPS,
    TIMELINESS,
    TIMES_ASKED,
    TOTAL_CUES,
    UNDER_QUOTED,
    UNIT_ONLY,
    UNITS_WHICH,
    UNTIL,
    VAGUE_CHANGES,
    VERIFY_CUES,
    WEAK_FIGURES,
    WHICH_APPLICANT,
    WHICH_MENTIONED,
    WHICH_REPORTS,
    WHICH_UNITS,
    WHICH_YEARS,
    WHO_APPLIED,
    WHO_ELSE,
    WHO_HAD,
    WHO_HANDLES,
    WHO_IS,
    WHOLE_AREA,
    WHOLE_COUNT,
    WHOLE_WORDS,
    YEAR_FIRST,
    YEAR_SUBJECTS,
    YES_NO_END,
    ZERO_PREMISE,
    ZERO_SAID,
)
from assistant.figures import amount_and_count, outcome_keys, over_columns
from assistant.narrative import ASPECT, WHY_QUESTION, asks_count, topic_words
from assistant.normalize import normalized
from assistant.query import MEAN_MARK, CellKey, Intent, Kind, RateSpec
from assistant.read import (
    EXCLUDED,
    WHOLES,
    asks_holdings,
    asks_share,
    compared_sides,
    figure_keys,
    files,
    find_phrases,
    has,
    is_total,
    left_columns,
    mask,
    mask_spans,
    measure_of_item,
    parse_rank_place,
    parse_top_n,
    parse_years,
    rate_from_parts,
    read_carry,
    remainder_asked,
    rows_left,
    runs,
    said_column,
    said_columns,
    share_of_total,
    small_number,
    topic_of,
    vocabulary,
)
from assistant.resolve import find_agencies, find_scope, left_out, resolve_targets
from index.stores.lexical import word_tags
from index.vocabulary import (
    ACTIVE,
    APPLICANT_COLUMNS,
    PER_PERIOD,
    PERIOD_SPLITS,
    QUERY_ACTIVE_MEASURES,
    QUERY_COLUMN_GROUPS,
    QUERY_COLUMNS,
    QUERY_FIGURE_SUMS,
    QUERY_FIGURES,
    QUERY_RATES,
    QUERY_REVIEW_GROUPS,
    QUERY_REVIEW_OUTCOMES,
    QUERY_UNSUPPORTED,
    RATES,
    REASON_ROWS,
    TEMPLATE_YEARS,
    UNSUPPORTED_EXCEPT,
)

PART_SEPARATORS = re.compile(r"[，,；;。？?！!、]+")
QUESTION_CUE = re.compile(r"多少|(?<![那这举列讲聊])几|吗|有没有|是否|有无|(?<![不没])怎么|怎样|如何|哪些|哪个|哪家|哪年|什么|占比|比例|比重|几成|多少成|呢|谁|"  # not 不怎么上网 (hardly)
                          r"多大|多高|多长|多久|多重|多远|哪|何|啥|(?:对|是|没错|没算错|不错)吧|([\u4e00-\u9fff])[没不]\1")
# 哪天, 为何, 收没收, and a tag question (…应该剩8件，对吧): each asks
MAX_PARTS = 4
# 一、…？二、…？三、…？: a list's numbers opening its clauses, no separators of their own (三 alone asks nothing)
ORDINAL_MARK = re.compile(r"(?:^|(?<=[：:？?。；;！!\s]))(?:[一二三四五六七八九十]|\d{1,2})、")
ORDINAL_DOT = re.compile(r"(?:^|(?<=[：:？?。；;！!\s,，]))(\d{1,2})[.．](?!\d)")
# (1)…(2)…, (a)…(b)…, （一）…（二）…, 1)…2): a list's items however they are numbered (circled ① arrives as (1))
ORDINAL_PAREN = re.compile(r"[(（]\s*([1-9]|[a-hA-H]|[一二三四五六七八九])\s*[)）]|(?:^|(?<=[：:？?。；;！!\s,，]))([1-9]|[a-h])\)")
# 第一，…；第二，…: items counted in words; 项目1=…, 指标2：…: items of a form, labelled and numbered
ORDINAL_WORD = re.compile(r"(?:^|(?<=[：:？?。；;！!\s,，]))(?:第|其)([一二三四五六七八九])[，,、:：]")
ORDINAL_LABEL = re.compile(r"(?:^|(?<=[：:？?。；;！!\s,，]))(?:项目|指标|问题|数据项|字段)\s*([1-9])\s*[=:：]")
ORDINALS = {**{str(i): i for i in range(1, 10)}, **{c: i for i, c in enumerate("abcdefgh", 1)},
            **{c: i for i, c in enumerate("一二三四五六七八九", 1)}}
ITEM = "\x00"  # where a numbered item began, while the clauses are split
# • 新收总数 • 其中维持几件: items of a pasted or typed list, each a clause (·, - and * only where a line begins or after
# a colon: 中国·平潭 is a name, 2019-2021 a span)
BULLET = re.compile(r"\s*(?:[•●▪◦‣∙]|(?:^|(?<=[\n:：]))\s*[·*-])\s*")
RATE_NAMED = re.compile(r"(?:率|占比|比例|比重)$")  # a clause that names a rate and asks nothing of it yet
RATE_CHANGED = re.compile(r"百分点|(?:变|增|减|升|降|涨|跌|提高|下滑)了?(?:多少|几)")
BRACKETED = re.compile(r"[(（][^()（）]{1,40}[)）]")  # what brackets hold is said of one clause, its 、 and ， no parts
HELD_APART = str.maketrans({"、": "\x01", "，": "\x02", ",": "\x03"})
PUT_BACK = str.maketrans({"\x01": "、", "\x02": "，", "\x03": ","})
MAX_AGREE_CHARS = 8  # 两者对得上吗: a clause that only asks whether the figures before it agree
LEADING_JOINER = re.compile(r"^(?:还有|以及|另外|此外|同时|再问一下|再问问|再问)[,，]?")
REQUEST_OPENER = re.compile(r"^(?:另外|顺便)?再?(?:给个|给我|给出|算一下|算算|算个|列一下|加个|告诉我|说一下|说说|讲一下|报一下)")  # 再给个两年合计: asks
COUNT_ASKED = re.compile(r"(?:有|是)(?:多少|几)[件个次项份起]")  # 有几件…的: how many, asked outright
MAX_THING_CHARS = 4  # what a weak count word is said of, when it is a thing the text counts (热线, 群众来信)
HOW_CHANGED = re.compile(r"(?:如何|怎么|怎样)[^，,。？?]{0,12}?(?:变化|变动|增减|涨跌)|(?:变化|变动|增减)(?:如何|怎么样|怎样|情况)"
                         r"|(?:上|前|去)[一1]?年(?:相)?(?:比|比较|对比)(?:起来|一下)?[，,]?(?:怎么样|怎样|如何|咋样)")  # 跟上一年比怎么样
# how something was done (怎么处理的, 如何设置): the text tells it, whatever it names; not 分布是怎样的 (what it is)
HOW_ASKED = re.compile(r"(?:怎么|如何|怎样)(?![样的呢吗?？]|$|变)"
                       r"|(?:干|做)什么用|用来(?:干|做)什么|用(?:在|于)(?:哪|什么)|用途")  # 经费…拿来干什么用: its purpose
CLEFT = re.compile(r"是(?:怎么|怎样|如何|为什么|为何|什么|谁|哪)[^，,]*的$")  # 是怎么来的: a question, not a noun


Reader = Callable[[str, Intent], Intent]  # an earlier turn and its plan -> the plan as its answer read it


def understand(question: str, history: list[dict] | None = None, catalog: Catalog | None = None,
               reader: Reader | None = None) -> Intent:
    """Resolve a question against the catalog, filling what it leaves out from the conversation. `reader` reads
    each earlier turn's figure as the answer to that turn read it (by meaning), so that 换成鹿城呢 asks that figure."""
    catalog = catalog if catalog is not None else Catalog([])
    prev = older = None
    turns = [m.get("content") or "" for m in history or [] if isinstance(m, dict) and m.get("role") == "user"]
    planned_turns: list[Intent] = []
    for turn in turns[-4:]:
        planned = _plan_turn(turn, catalog, prev)
        asked = planned.kind
        planned = resolve_targets(planned, catalog)
        if reader is not None:
            planned = reader(turn, planned)
        if planned.kind == "decline" and planned.reason in ("year_not_held", "previous_year_not_held"):
            if planned.reason == "year_not_held" and prev is not None:
                continue  # 那2021年呢 declined: a year not held is no context for the next question
            planned.kind = asked  # …比上年多了多少 declined for want of a report: 那2024年呢 asks the same change
        older, prev = prev, planned
        planned_turns.append(planned)
    if RETURN_TO.search(question) and prev is not None:  # 换个问题…；回到刚才那个单位: the agency before the switch
        before = next((p for p in reversed(planned_turns[:-1]) if p.agencies and p.agencies != prev.agencies), None)
        older, prev = (None, before) if before is not None else (older, prev)
    it = resolve_targets(_across_turns(question, _plan_turn(question, catalog, prev), older, prev), catalog)
    measured = next((p for p in reversed(planned_turns) if p.keys), None)
    if it.kind == "narrative" and not it.keys and prev is not None and not prev.keys and measured is not None and (
            find_phrases(question, [*QUERY_REVIEW_OUTCOMES, *QUERY_COLUMNS])) and (
            again := resolve_targets(_plan_turn(question, catalog, measured), catalog)).keys:
        it, older, prev = again, None, measured  # 结果维持几件？是不是看成总计了？“结果维持”那一格是多少: an outcome
        # or a column (a part of a figure) said after a turn that asked none (a passage, a doubt) is the last figure's
    it = _against_last(question, _both_turns(question, it, older, prev), prev)
    return _taken_together(question, it, prev, catalog)


@lru_cache(maxsize=8)
def _kind_before_topic(kinds: tuple[str, ...]) -> re.Pattern:
    """A kind word followed by a topic (财政预算), compiled once per catalogue rather than once per kind and question."""
    return re.compile("(?:" + "|".join(map(re.escape, kinds)) + f")(?={KIND_TOPICS})")


def _across_turns(q: str, it: Intent, older: Intent | None, prev: Intent | None) -> Intent:
    """少了多少 / 两年差多少 after two turns asking one figure of one agency in two years (…2024年, 那2023年呢):
    the change between those two years, not from the last one to the year before it."""
    summed = has(q, TOTAL_CUES) is not None
    compared = it.kind in ("change", "comparison") or has(q, COMPARE_CUES) or COMPARATIVE.search(q)
    if not (older and prev and it.followup) or not (summed or compared) or PRIOR_YEAR_SAID.search(q):
        return it
    same = (older.keys, older.rate, older.column) == (prev.keys, prev.rate, prev.column)
    these = bool(it.span and (BOTH.search(q) or THESE_YEARS.search(q) or not _newest_span(it)))  # 这两年加起来被起诉
    # 多少, 两年加起来: the two years just asked (近两年: the newest two)
    if not (same and (older.keys or older.rate) and (it.keys in ([], prev.keys) or these)
            and len(older.targets) == len(prev.targets) == 1):
        return it
    (a1, y1), (a2, y2) = older.targets[0], prev.targets[0]
    if (a1 == a2) == (y1 == y2) or it.agencies != [a2] or (it.years != [y2] and not these) or it.shift or (
            it.span and not these):
        return it  # this turn named its own year or agency, or the two turns differ in both or neither
    if a1 != a2 and it.kind == "change":
        return it  # 增加了多少 after two agencies: a change is of one agency's years
    kind = "sum" if summed else "comparison" if it.kind not in ("change", "comparison") else it.kind
    return it.model_copy(update={"years": sorted({y1, y2}), "agencies": list(dict.fromkeys([a1, a2])), "span": None,
                                 "relative": None, "keys": list(it.keys or prev.keys), "kind": kind,
                                 "rate": prev.rate, "rate_spec": prev.rate_spec, "column": prev.column})


def _both_turns(q: str, it: Intent, older: Intent | None, prev: Intent | None) -> Intent:
    """两个加起来呢 after two turns about one report: the figures of both turns, summed, each cited; 两者差多少 /
    哪个多 after them: the two figures side by side, the difference stated."""
    if not (older and prev) or it.kind in ("decline", "clarify"):
        return it
    if not (older.keys and prev.keys and older.targets == prev.targets and len(prev.targets) == 1
            and it.keys in ([], prev.keys, older.keys)):  # 行政强制呢，比处罚少多少: 处罚 is the turn before's
        return it
    set_beside = (has(q, COMPARE_CUES) or COMPARATIVE.search(q) or DIFF_ASKED.search(q)) and not has(q, TOTAL_CUES)
    if set_beside and older.keys != prev.keys and it.agencies == prev.agencies and not it.years_carried \
            and not parse_years(q)[0]:  # not 跟2021年相比呢: that year set beside
        return _beside(it, [older, prev], {"keys": list(prev.keys), "targets": list(prev.targets),
                                           "years": list(prev.years)})  # 予以公开 -> 不予公开呢 -> 两者差多少
    if not (has(q, TOTAL_CUES) and BOTH.search(q)):
        return it
    both = _summed(it, [older, prev], {"rate": None, "rate_spec": None})
    if asks_share(q) and (spec := share_of_total(q, both.keys, both.column, both.figure_word, asked=True)):
        return both.model_copy(update={"kind": "rate", "rate": "share", "rate_spec": spec})  # 两项合计占办结的几成
    return both


DIFF_ASKED = re.compile(r"比[^，,。？?]{0,8}?(?:多|少|高|低)了?(?:多少|几)")  # 比处罚少多少: a difference
AGAINST_LAST = re.compile(r"比(?:它|这个数?|这|前者|刚才|上面|之前)[^，,。？?]{0,4}?(?:多|少|高|低)")


def _against_last(q: str, it: Intent, prev: Intent | None) -> Intent:
    """那行政强制比它少多少 after 行政处罚多少: this turn's figure beside the last one's, in the same report."""
    if not (prev and it.followup and it.keys and prev.keys and it.keys != prev.keys and len(prev.targets) == 1
            and it.targets == prev.targets and AGAINST_LAST.search(q)) or it.sides:
        return it
    return _beside(it, [it, prev], {})


def _taken_together(q: str, it: Intent, prev: Intent | None, catalog: Catalog) -> Intent:
    """把2022年和2024年也算上，这三年一共 / 那洪泽区和沭阳县呢？三家合计 after a turn about one report: the reports
    named join those asked before, and the figure (or the rate, pooled) is taken over all of them. Only where the
    question says so (算上, 连同, or counts the reports, agencies or years that the union makes) and asks the same
    measure as before, or none of its own."""
    if prev is None or not prev.targets or not (prev.keys or prev.rate) or it.kind in ("decline", "clarify"):
        return it
    if (it.keys and it.keys != prev.keys) or (it.rate and it.rate != prev.rate):
        return it
    agencies = it.agencies or ([] if it.scope_places else list(prev.agencies))
    years = it.years or list(prev.years)
    named = it.pairs or [(a, y) for a in agencies for y in years]
    union = list(dict.fromkeys([*prev.targets, *named]))
    if not named or len(union) == len(prev.targets):
        return it
    counted = WHOLE_COUNT.search(q)
    size = (len({y for _, y in union}) if counted and counted[2] == "年" else len({a for a, _ in union})
            if counted and counted[2] else len(union))  # 三家: agencies; 这三年: years; 三份报告: reports
    says = INCLUDED.search(q) or counted and small_number(counted[1]) == size > 1
    if not says or not (has(q, TOTAL_CUES) or it.rate or prev.rate):
        return it
    rate = it.rate or prev.rate
    together = it.model_copy(update={
        "kind": "rate" if rate else "sum", "keys": list(it.keys or prev.keys), "rate": rate,
        "rate_spec": it.rate_spec or prev.rate_spec, "pooled": bool(rate), "column": it.column or prev.column,
        "agencies": list(dict.fromkeys(a for a, _ in union)), "years": sorted({y for _, y in union}),
        "pairs": union, "targets": [], "scope": [], "scope_places": [], "span": None, "relative": None,
        "followup": True, "figure_word": it.figure_word or prev.figure_word})
    return resolve_targets(together, catalog)


def _beside(it: Intent, figures: list[Intent], update: dict) -> Intent:
    """`it` as the figures asked, each by its own words, side by side in the one report they share."""
    sides = [(i.figure_word or "", list(i.keys)) for i in figures]
    return it.model_copy(update={"kind": "comparison", "sides": sides, "rate": None, "rate_spec": None, **update})


def _summed(it: Intent, figures: list[Intent], update: dict) -> Intent:
    """`it` as the sum of the figures asked before (each cell once), in the report they share."""
    keys: list[CellKey] = []
    for k in (k for i in figures for k in i.keys):
        keys += [k] if k not in keys else []
    words = "、".join(i.figure_word for i in figures if i.figure_word) or None
    return it.model_copy(update={"kind": "figure", "keys": keys, "figure_word": words, "reason": None,
                                 "targets": list(figures[-1].targets), **update})


def _bound(m: re.Match) -> tuple[str, float]:
    """超过100件 -> (">", 100); a share's bound in percent: 3成以上 -> (">=", 30), 过半 -> (">", 50)."""
    if m["round"]:
        return ">=", float(ROUND_NUMBERS[m["round"]])  # 破千: a thousand reached
    word = m["op"] or m["op_of"] or m["op_by"] or "超过"
    amount = (m["n"] or m["n_of"] or m["n_by"] or "一半").replace(" ", "")
    if amount in HALF:
        return THRESHOLD_OPS[word], 50.0
    scale = 10 if amount.endswith("成") else 1
    return THRESHOLD_OPS[word], float(amount.rstrip("%成")) * scale


def _anchor_year(prev: Intent | None) -> int | None:
    """The year the conversation is about: the last year a turn named (2024年…, then 那去年呢 is 2023). Turns
    that only said 去年/前年 keep the reference they had, so those words stay relative to the same year."""
    return prev.anchor if prev is not None else None


def _year_asked_last(prev: Intent) -> int | None:
    """The one year the previous turn read (前一年呢 after 2024年: 2023), which 同一年 / 那年 says again; unlike the
    anchor, a shift counts."""
    said = {y for _, y in prev.targets} or set(prev.years)
    return said.pop() if len(said) == 1 else None


THE_CASES = re.compile(r"(?:那|这|那些|这些)\d+(?:件|起|宗|个|家|位|名)"  # 那31件, 那2家…: the cases or applicants counted, each one
                       r"|(?:最早|最晚|最后|第1|头1|最难|最复杂|最特殊|最典型)的?(?:那|1)?(?:件|起|宗|个(?=申请|案|复议|诉讼|官司|人|申请人))")
# 最早1件申请是哪天 (not 三个一机制的第一个“第一时间”, an item of a practice)
# 行政复议“总计”那一格, 予以公开“法人”这一栏: a cell pointed at by its group and its printed label
CELL_POINTED = re.compile(r"([\u4e00-\u9fff]{2,10}?)[“\"]([^”\"]{1,12})[”\"](?:那|这)?[一1]?(?:格|栏|个|项|行|列)")
VENUE = re.compile(r"(?:在|通过|经由|经|到|于)([\u4e00-\u9fff]{2,10}?)的?(?:门户网站|政府网站|网站|官网|公众号|政务平台|专栏)")
SELF_WORDS = re.compile(r"自己|自身")
# 自己说, 自己觉得, 报告里说: the agency's own assessment is asked, which its report states (not a grade we give)
SELF_ASSESSED = re.compile(r"自己(?:说|觉得|认为|评价|总结|看|讲)|自认为|自评|自我评价|报告(?:里|中)?(?:说|认为|讲|写|提到)")
REPORT_ASKED = re.compile(r"报告(?:里|中|上)?[^，,。？?]{0,4}?(?:说|写|提)")  # …，报告里是这么说的吗: whether it says so
ASKING_OPENS = re.compile(r"(?<![不没])(?:欲知|想知道|想了解|想问一下|想问|请问|请教|麻烦问一下|麻烦问|烦请告知|敬请告知)")


GOAL_SET = re.compile(r"(?:想|要|希望|打算|准备|争取|力争|如何|怎么|怎样)[^，,。？?]{0,4}把[^，,。？?]{0,14}$")
PURPOSE = re.compile(r"(?:^|(?<=[，,。；;！!：:\s]))(?:想|打算|准备|需要|要|希望)(?:举|找|写|引用|收集|搜集|参考|借鉴|整理)"
                     r"[^，,。；;！!？?：:]*")


def _left_out(q: str) -> list[tuple[int, int]]:
    """Where the question says what it leaves out (不算上年结转下来的那些, 把法人那一件去掉); not a clause that only
    follows a 去掉 ending the one before (…去掉，只算自然人的)."""
    return [m.span(1) for m in (*LEFT_OUT.finditer(q), *BA_LEFT_OUT.finditer(q)) if q[m.start(1)] not in CLAUSE_MARKS]


def _column_kept(q: str) -> str:
    """The text with an applicant column said only to be left out masked, where another column is said to be kept
    (要是把法人那一件去掉，只算自然人的呢: 自然人); as it was where none is (不算自然人的: the others, left_columns)."""
    aside = _left_out(q)
    kept = mask(q, aside)
    return kept if aside and said_column(kept, [*QUERY_COLUMNS, *QUERY_COLUMN_GROUPS]) else q


def _set_aside(q: str, context: list[tuple[int, int]]) -> tuple[list[CellKey], str | None, bool] | None:
    """不算上年结转下来的那些，…新收多少 / 如果不算结转到下年度的，办结的有多少: a figure said only to be left out,
    before another that is asked (none where the one left out is a part of the one asked: that is a remainder)."""
    named = [(span, keys) for span in _left_out(q) if (keys := figure_keys(q[span[0]:span[1]])[0])]
    if not named:
        return None
    kept = figure_keys(mask(q, context + [span for span, _ in named]))
    left = [k for _, keys in named for k in keys]
    if not kept[0] or kept[2] or any(k in kept[0] for k in left) or any(
            o in left for k in kept[0] for o in outcome_keys(k)) or any(k.row in RESULT_ROW_KEYS for k in left):
        return None
    return kept


def _context_clauses(q: str) -> list[tuple[int, int]]:
    """Clauses where the asker tells of themself (我2021年去鹿城区府办办过事, 我之前找过淮安市人民政府) before the
    question: no question word in them, and one after them. Their years and agencies are the story's; the
    question's own come first."""
    clauses = [(m.start(), m.group().split("、")[0]) for m in ABOUT_ME.finditer(q)]  # a part's clauses are joined by 、
    return [(a, a + len(said)) for a, said in clauses if STORY.match(said) and not QUESTION_CUE.search(said)
            and QUESTION_CUE.search(q, a + len(said))]



def _checked_clause(q: str) -> tuple[int, int] | None:
    """Where the question asks whether a figure is so: the whole question when it asks no count (是不是过百了), else a
    clause of its own that asks it and no count (大概多少，上千件了吧: the figure, and whether it passes the bound)."""
    if WHY_QUESTION.search(q):
        return None  # 才21件，是不是因为疫情…: whether a cause is so, not the figure
    if not has(q, COUNT_CUES):
        return (0, len(q)) if has(q, VERIFY_CUES) else None
    spans = [m.span() for m in re.finditer(r"[^，,；;。？?！!]+", q)]
    return next(((a, b) for a, b in spans if has(q[a:b], VERIFY_CUES) and not has(q[a:b], COUNT_CUES)
                 and (THRESHOLD.search(q, a, b) or CLAIMED.search(q, a, b))), None)


def _grounds_asked(q: str, it: Intent) -> bool:
    """Why one report's decisions of a kind were made (为什么不予公开, 无法提供 原因): the rows that count that kind's
    grounds answer it; not why a figure changed or differs (为什么比去年多), which no row says."""
    return (all(k.table == "requests" and k.row in REASON_ROWS for k in it.keys) and len(it.years) <= 1
            and not it.span and not COMPARATIVE.search(q) and "比" not in q)


def _plan_turn(question: str, catalog: Catalog, prev: Intent | None) -> Intent:
    q, carried = read_carry(AGENCY_PRONOUN.sub("它", normalized(question, catalog)))
    bound = THRESHOLD.search(q)
    templates = list(TEMPLATE_SAID.finditer(q))  # 按2019版表格填的年报: the reports of that template's years, not 2019
    template = templates[0] if templates else None
    context = _context_clauses(q)  # 我2021年去鹿城区办过事，想问他们2022年…: the asker's own story, not the question
    not_years = [m.span() for m in (bound, *templates) if m]  # 超过2000件: a bound
    years, year_spans = parse_years(mask(q, not_years + context))
    if len(templates) > 1 and not years:  # 2019年模板写…，2021年模板写…，这两年哪年多: the templates set side by side,
        template, not_years = None, [bound.span()] if bound else []  # the years they are said by are the years asked
        years, year_spans = parse_years(mask(q, not_years + context))
    if context and not years:
        years, year_spans = parse_years(mask(q, not_years))
    years = years or carried
    years_out = [y for m in LEFT_OUT.finditer(q) if YEAR_FIRST.match(m.group(1))  # 除了2020年: every other year
                 for y in parse_years(m.group(1))[0]]  # (不包括企业2022年…: 企业 left out, the year asked)
    if years_out:
        years = [y for y in (years if set(years) - set(years_out) else catalog.all_years()) if y not in years_out]
    since = SINCE.search(q)
    if template and not years:
        first, last = TEMPLATE_YEARS[next(k for k, g in zip(TEMPLATE_YEARS, template.groups(), strict=True) if g)]
        years, since = [y for y in catalog.all_years() if first <= y <= last], template
    elif since:
        years = [y for y in catalog.all_years() if y >= int(since.group(1))]
    elif since := UNTIL.search(q):  # 2019年以前的报告: the years before it (及以前: and it)
        last = int(since.group(1)) - (0 if since.group(2) else 1)
        years = [y for y in catalog.all_years() if y <= last]
    figure_said = mask(q, [(s, e) for s, e, _ in find_phrases(q, QUERY_FIGURES)] + context)  # 加上上年结转: 上年 is the
    # figure's; 我在准备明年的年报: the story's
    rel_word = has(PRIOR_YEAR_SAID.sub("|", figure_said), sorted(RELATIVE_YEARS, key=len, reverse=True))  # 比去年多吗
    anchor = _anchor_year(prev)
    named_year = max(years) if years and not since else None
    if rel_word in ANCHORED_YEARS and not years and anchor is not None:
        years = [anchor + ANCHORED_YEARS[rel_word]]
    elif not years and anchor is not None and SAME_YEAR.search(q):
        years = [_year_asked_last(prev) or anchor]  # 它那年还有几件要拖到下一年: that year, and 下一年 is the figure's
    range_word = has(re.sub(r"平均每年|每年平均", "平均", q), RANGE_WORDS)  # 近三年平均每年: 每年 is the mean's, no range
    span_match = None if range_word else SPAN_WORDS.search(q)
    titles = [m.span() for m in re.finditer(r"《[^》]*》|“[^”]{2,12}”", q)  # a title or a quoted name names no agency,
              if not REPORT_TITLE.fullmatch(m.group()) and not QUOTED_REPORT.fullmatch(m.group())]  # but the report's
    # own title names whose report it is, and so does an agency quoted with its year (型号“洪泽区2024”)
    set_aside = [m.span(m.lastindex or 1) for m in (*NOT_THIS_NAME.finditer(q), *LANDMARK.finditer(q))]
    gone, gone_spans = left_out(mask(q, set_aside), [], catalog)  # 除公安局外, 除了上海: left out, no agency or scope asked
    set_aside += gone_spans
    scope_places, scope_spans, scope = find_scope(mask(q, set_aside), catalog)
    if glosses := [(e, e + m.end()) for _, e in scope_spans if (m := SCOPE_GLOSS.match(q[e:]))]:
        scope_places, scope_spans, scope = find_scope(mask(q, glosses + set_aside), catalog)  # (管委会、各局): its members, said
        scope_spans += glosses
    kinds = tuple(catalog.kinds())
    topics = [m.span() for m in _kind_before_topic(kinds).finditer(q)] if kinds else []
    masked = mask(q, mask_spans(q, year_spans) + titles + topics + scope_spans + set_aside
                  + [m.span() for m in SELF_WORDS.finditer(q)]  # 平潭实验区自己觉得: 自 is no part of a name
                  + ([span_match.span()] if span_match else []))
    agencies, mentions, clarify, unknown = find_agencies(mask(masked, context), catalog, years, recent=not years)
    venues = [m.span(1) for m in VENUE.finditer(q)]  # 苏平片区…在管委会门户网站公开: where it published, not whose report
    if venues and len(agencies) > 1 and (aside := find_agencies(mask(masked, context + venues), catalog, years,
                                                                recent=not years))[0]:
        agencies, mentions, clarify, unknown = aside
    if context and not (agencies or unknown or clarify):  # 我去过洪泽区…，想问他们…: whose, said in the story only
        agencies, mentions, clarify, unknown = find_agencies(masked, catalog, years, recent=not years)
    if unknown and (said := has(q, MENTION_WORDS)) and q.find(unknown) > q.find(said):
        unknown = None  # 哪些年报里说到了便民服务中心: what the reports say, not whose report
    if unknown and (at := q.find(unknown)) > 0 and q[at - 1] in "”」\"'":
        unknown = None  # “行政复议”服务区, “问政平潭”栏目: what the asker calls the thing quoted, no agency
    if gone and (scope or not agencies):  # 除了管委会以外，哪家收到的最多: every other agency (of the scope said)
        scope = [a for a in scope or catalog.agencies if a not in gone]
    if len(scope) == 1 and not agencies:  # 平潭的公安部门: a kind that only one agency there is
        agencies, mentions, scope, scope_places = scope, scope_places, [], []
    keys, phrase, weak = figure_keys(mask(q, context))  # 我孩子要申请助学贷款，…哪些文件: the story's figure word
    if keys and not rows_left(q) and (aside := _set_aside(q, context)):
        keys, phrase, weak = aside  # 不算上年结转下来的那些，当年新收多少: the figure asked, not the one set aside
    if (pointed := CELL_POINTED.search(q)) and (cell := figure_keys(pointed.group(1) + pointed.group(2)))[0]:
        keys, phrase, weak = cell  # 行政复议“总计”那一格印的是多少？维持10件…: the cell pointed at; the rest reasons
    own_told = any(OWN_FIGURE.search(q, a, b) for a, b in context)  # 我们局有1件按过程性信息不予公开，谁也这样处理过
    if (not keys or weak) and context and (has(q, COUNT_CUES) or own_told) and (
            (told := figure_keys(q))[0] and not (keys and told[2])):
        keys, phrase, weak = told  # 我去年提过申请，…收到几件; 被“本机关不掌握”打发了，…多少件是这么答复的: the story's
    rate_word = next((p for _, _, p in find_phrases(q.replace("的", ""), QUERY_RATES)), None)  # 公开的比例
    if rate_word and _holds_rate_word(q.replace("的", ""), rate_word):
        rate_word = None  # 拒绝公开的比例: a share of a figure outside the rate's numerator that holds its word
    rate = QUERY_RATES[rate_word] if rate_word else rate_from_parts(q)
    told = [m.span() for m in ABOUT_ME.finditer(q)
            if not QUESTION_CUE.search(q, *m.span()) and QUESTION_CUE.search(q, m.end())]
    opened = ASKING_OPENS.search(q)  # …正协助居民了解情况，欲知洪泽区…: the question begins where the asker says it does
    preamble = [(0, opened.start())] if opened and opened.start() > 0 else []
    columns_said = _column_kept(mask(q, told + preamble))  # 我是个律师，…: who asks, not whose requests are counted
    said = said_column(columns_said, [*QUERY_COLUMNS, *QUERY_COLUMN_GROUPS])
    filed = has(q, FIGURE_CUES) and files(q, FILING_WORDS) or PEOPLE_ASKED.search(q)  # 律师提了几件, 有几个人是律师
    if not keys and (said or left_columns(columns_said)) and filed:  # what a type of applicant filed: the requests
        keys, phrase, weak = [CellKey(table="requests", row="new_received", column="total")], said, True
    joined = said_columns(columns_said) if said not in QUERY_COLUMN_GROUPS else {}
    spread, group = _spread_columns(columns_said, said)
    taken_off: tuple[list[CellKey], list[CellKey]] | None = None  # (a printed total, the cells taken off it)
    if spread and keys:  # 法人或其他组织提的申请, 非自然人的申请: the columns, summed
        gone = [c for c in APPLICANT_COLUMNS if c not in spread]
        if said not in QUERY_COLUMN_GROUPS and gone and set(joined) <= set(gone):  # not 除了个人，企业和其他组织…
            rows = [k for k in keys if k.table == "requests"]  # 不是自然人提的: a count of them is the total less those
            taken_off = (over_columns(rows, ["total"]), over_columns(rows, gone)) if rows else None
        keys = over_columns(keys, spread) or keys
        phrase = f"{group}{phrase or ''}" if group else phrase
    elif len(joined) > 1 and keys:  # 企业和律师加起来提了多少: the named columns, summed like a group
        keys = over_columns(keys, list(joined)) or keys
        phrase, said = f"{'和'.join(joined.values())}{'申请' if phrase in QUERY_COLUMNS else phrase or ''}", None
    less: list[CellKey] = []
    rest: list[CellKey] = []
    if keys and not spread and (left := rows_left(q)):  # 除予以公开外的办理结果: its other rows, summed; a count of
        keys, phrase, taken_off = left  # them is the total less those rows (below)
    if not has(q, LIST_WHICH) and (whole := remainder_asked(q, keys)):  # 没有被纠正的复议: the total less those
        keys, less = whole, keys
        rest = [o for k in keys for o in outcome_keys(k) if o not in less]  # 维持、其他结果、尚未审结: what is left
    nths = [int(m.group(1)) for m in ITEM_ORDINAL.finditer(q)]
    if len(keys) > 1 and nths and max(nths) <= len(keys) and len({k.table for k in keys}) == 1:
        keys, phrase = [keys[n - 1] for n in dict.fromkeys(nths)], None  # （三）不予公开第3项, 第1小项和第7小项: the
        # group's rows as the table numbers them
    about_me = [m.span() for m in ABOUT_ME.finditer(q)] + [  # 想举几个…的例子，哪些单位…: the asker's purpose, no topic
        m.span() for m in PURPOSE.finditer(q) if not QUESTION_CUE.search(m.group()) and QUESTION_CUE.search(q, m.end())]
    asked = mask(q, about_me)  # 我是本地的退休职工，…: the asker, not what is asked
    it = Intent(question=q, agencies=agencies, mentions=mentions, clarify=clarify, unknown_agency=unknown,
                years=years, keys=keys, less=less, rest=rest, figure_word=phrase, weak_figure=weak, column=QUERY_COLUMNS.get(said),
                rate=rate, rate_spec=None,
                unsupported=unheld_attribute(asked), top_n=parse_top_n(q), scope=scope, scope_places=scope_places,
                ascending=bool(has(q, ASCENDING_CUES)), negated=bool(has(NOT_ZERO.sub("", (unsaid := mask(q, context)).replace("有没有", "有无")), NEGATION_CUES)
                             or NONE_AT_ALL.search(unsaid)))  # 有没有被起诉: any, not none; 我们区一件都没有: the asker's
    if AGAINST_OWN.search(q) and (own := next((m for a, b in context if (m := OWN_FIGURE.search(q, a, b))), None)):
        it.own = float(own["n"])  # 我们局收了120件，洪泽区比我们少多少: the difference from the asker's figure
    if place := parse_rank_place(q):  # 排第三的是哪年, 倒数第二的是哪家: the ranking's first n, and the nth said
        it.ascending = it.ascending or place[1]  # 排第一, 倒数第一: the most or the fewest, ranked as before
        if place[0] > 1:
            it.nth, it.top_n = place[0], max(it.top_n or 0, place[0])
    if keys and not it.unsupported and (late := TIMELINESS.search(q)) and not has(q, (*NARRATIVE_CUES, "办法", "手段")):
        it.unsupported = late.group()  # 答复有没有超期的: a count no table keeps (how they prevent it is text)
    if (keys or has(q, RANKING_CUES)) and not it.unsupported and (sub := SUB_UNITS.search(q)):
        it.unsupported = sub.group()  # 哪个处室收到的最多, 各乡镇分别多少: the tables count an agency's requests whole
    if keys and not it.unsupported and (money := MONEY_ASKED.search(q)) and not any(
            k.row.endswith(("amount", "amount_wan")) for k in keys):
        it.unsupported = money.group()  # 打官司花了多少律师费: a sum of money, and the figure named is a count
    if keys and not it.unsupported and (took := DURATION_ASKED.search(q)):
        it.unsupported = took.group()  # 那件申请用了几天: a length of time, and the figure named is a count
    paired = [p for k in keys if (p := amount_and_count(k))]
    if paired and PER_ITEM.search(q) and it.unsupported in (None, "平均"):  # 平均每个项目多少钱: amount ÷ items
        (amount, count), it.unsupported = paired[0], None
        it.keys, it.per_item, it.figure_word = [amount], count, None
    elif keys and ANNUAL_GROWTH.search(q) and it.unsupported in (None, "平均"):
        it.annual, it.kind, it.unsupported = True, "change", None  # 近三年年均增长率: a change over the span, per year
    elif keys and (centre := _averaged(q)) and (len(years) > 1 or it.span or span_match or range_word or len(agencies) > 1 and not (
            centre == "mean" and not MEAN_PER_REPORT.search(q))) and it.unsupported in (None, "平均"):
        it.mean, it.unsupported = centre, None  # 2023年和2024年平均每年收到多少: the years' figures, averaged
    elif (keys or prev is not None and prev.keys) and (per := PER_PERIOD_WORDS.search(q)) and it.unsupported in (
            None, "平均"):  # 平均每月收到几件; 那平均下来一个月几件: of the figure asked before
        word = next(g for g in per.groups() if g)
        it.per, it.unsupported = (word.removeprefix("个"), PER_PERIOD[word]), None
    elif (keys or has(q, RANKING_CUES)) and not it.unsupported and (
            period := has(asked, PERIOD_SPLITS) or _part_of_year_asked(asked)):
        it.unsupported = period  # 第一季度收到多少申请: the tables count whole years
    of_requests = not keys and prev is not None and any(k.table == "requests" for k in prev.keys)
    said_of = re.sub(r"^其中", "申请中", q) if of_requests else q  # …予以公开几件？其中有多少是关于征地的: of those requests
    if qualifier := unheld_qualifier(mask(said_of, year_spans), mentions):
        it.unsupported, it.reason = qualifier, "not_classified"  # 网上提交的申请: not a split the tables hold
    elif keys and not it.unsupported and (who := unheld_applicant(mask(q, year_spans), mentions)):
        it.unsupported, it.reason = who, "not_classified"  # 外省的企业提的申请: applicants split by type only
    if bound:  # 超过100件的单位: the bound a listing keeps values against
        it.threshold = _bound(bound)
    elif (mean := MEAN_BOUND.search(q)) and (keys or has(q, QUERY_RATES)) and has(q, LIST_WHICH):
        word = mean["side"] if mean["op"] == "在" and mean["side"] else mean["op"]  # 在平均数以上
        it.threshold = (THRESHOLD_OPS.get(word, ">"), MEAN_MARK)  # 哪几年超过三年平均水平: the listed ones' mean
        it.unsupported = None if it.unsupported == "平均" else it.unsupported
    checked = _checked_clause(q) if keys and not it.rate and not it.negated else None
    if checked and it.threshold and bound and checked[0] <= bound.start() < checked[1]:
        it.claim = it.threshold  # 是不是过百了, 有没有超过20: the figure, and whether it passes the bound
    elif checked and (span := CLAIMED_SPAN.search(mask(q, year_spans + context), *checked)):  # 是在50到100件之间吗
        it.claim = ("in", *sorted((float(span["lo"]), float(span["hi"]))))
    elif checked and (said := CLAIMED.search(mask(q, year_spans + context), *checked)):  # 是不是收到了113件申请: the figure, and whether
        op = "+" if said.group("more") else "~" if said.group("around") or has(q, ROUGHLY) else "="  # it is so
        it.claim = it.threshold or (op, float((said["n"] or said["bare"]).replace("零", "0")))
    if keys and not it.claim and ZERO_PREMISE.search(q):
        it.claim = ("=", 0.0)  # 为什么一件申请都没收到: whether none were, said with the figure
    told_story = mask(q, context)  # 我的申请被…打发了，想知道…有多少件: the asker's story asks no service; the raw
    if service := (not context and SERVICE_ASKED.search(question)) or SERVICE_ASKED.search(told_story):  # question: 我要
        it.unsupported, it.reason = service.group(), "service"  # 帮我写申请书, 我该怎么申请复议, 我申请的那件办了没有
    elif (opinion := OPINION.search(question) or OPINION.search(q)) and not (keys and has(q, COUNT_CUES)) and not (
            SELF_ASSESSED.search(q[:opinion.start()]) or REPORT_ASKED.search(q, opinion.end())) and not (  # 自己说…
            # 做得怎么样, …做得很到位了，报告里是这么说的吗: what the agency said of itself
            GOAL_SET.search(opinion.string[:opinion.start()]) or _judges_itself(opinion, mentions)):  # 我们县想把…管得
        # 更好: a goal, not a rating; 沭阳县2025年怎么评价…工作的: how the agency judges its own work, in its report
        it.unsupported, it.reason = opinion.group(), "opinion"  # 哪个单位做得最好: a judgement no report makes
    elif (judged := MAGNITUDE_JUDGED.search(q)) and len(agencies) <= 1 and len(years) <= 1 and not (
            has(q, CHANGE_CUES) or "比" in q[:judged.start()]):
        it.unsupported, it.reason = judged.group(), "opinion"  # 95件算多还是少: against nothing the reports hold
    elif subject := REQUEST_SUBJECTS.search(q):
        it.unsupported, it.reason = subject.group(), "request_subject"  # 申请最多的是哪一类信息: no table or text sorts them
    elif other := OTHER_REPORT.search(question) or OTHER_REPORT.search(q):
        it.unsupported, it.reason = other.group(), "other_report"  # 法治政府建设年度报告里的复议数: a report not held
    elif meta := REPORT_META.search(q):
        it.unsupported, it.reason = meta.group(), "report_meta"  # 年报的下载链接, 有多少页: the file, not its text
    elif (has(q, ONE_CASE) or THE_CASES.search(q)) and has(q, CASE_DETAILS):  # 那31件…分别是谁申请的
        it.unsupported, it.reason = has(q, CASE_DETAILS), "case_detail"
    elif future := FUTURE_COUNT.search(q):
        it.unsupported, it.reason = future.group(), "future_plan"
    elif forecast := FORECAST.search(q):
        it.unsupported, it.reason = forecast.group(), "forecast"
    elif (detail := APPLICANT_DETAIL.search(asked)) or (detail := PER_APPLICANT.search(asked)):
        it.unsupported, it.reason = detail.group(), "person"  # 申请人是哪个村的: no table or passage says it
    elif case := CASE_WHICH.search(q):
        it.unsupported, it.reason = case.group(), "case_detail"
    elif (who := WHO_IS.search(asked)) and not SET_ASIDE.search(asked[:who.start()]) and not POST_HELD.search(asked):
        it.unsupported, it.reason = who.group(), "person"
    elif (foreign := FOREIGN.search(asked)) and (has(q, COMPARE_CUES) or "比" in q):  # 和美国FOIA的满足率相比:
        it.unsupported, it.reason = foreign.group(), "foreign"  # no other country's reports to set beside it
    elif body := OUTSIDE_BODY.search(asked):
        it.unsupported, it.reason = body.group(1), "outside_body"  # 比那家燃气公司接到的投诉多吗: no report of theirs
    growth = has(q, CHANGE_CUES) and not has(q, SHARE_WORDS)  # 比2023年增长了百分之多少: a growth, not a share
    per_n = PER_N.search(q)
    if not rate and not growth:
        it.rate_spec = share_of_total(q, keys, it.column, phrase)
        it.rate = "share" if it.rate_spec is not None else None
    elif rate == "review_correction_rate" and (suits := _suits_named(keys)):  # 行政诉讼的纠错率: of the suits named
        it.rate, it.rate_spec = "share", _suit_rate(suits)
    if it.rate and it.threshold and (has(q, VERIFY_CUES) or YES_NO_END.search(q)):
        it.claim = it.threshold  # 被纠正的过半了吗: whether the share passes it
    if per_n:
        it.per_n = int(per_n.group(1))  # 10件里有几件: the share, also said per ten
    elif it.rate and PER_MILLE.search(q):
        it.per_n = 1000
    it.pooled = bool(it.rate and POOLED.search(q) and not has(q, EACH_CUES))
    it.times = bool(TIMES_ASKED.search(q))
    if not it.rate and not growth and not it.unsupported and RATE_ASKED.search(q):
        it.keys, it.figure_word, it.textual = [], None, True  # 满意率是多少: a rate no table's cells make, read from the
        # text, never a count, nor a table's rate found by meaning
    it.anchor = named_year or anchor
    it.bounded = bool(since or years_out)  # only the held ones of the years left
    if scope and not years and not rel_word and not range_word and not span_match and any(
            q[s:e].endswith(REPORT_WORDS) for s, e in scope_spans):  # 江苏的报告里, 上海那几份年报: each one held
        it.years, it.bounded = sorted({y for a in scope for y in catalog.years(a)}), True
    if rel_word and years and named_year is None and not since:
        it.year_word = rel_word
    elif (first := has(q, EARLIEST)) and not years and len(agencies) == 1 and (held := catalog.years(agencies[0])):
        it.years = [held[0], held[-1]] if rel_word == "最新" and len(held) > 1 else [held[0]]  # 最早那份和最新那份
        it.year_word = first
    elif rel_word and not years:
        it.relative, it.year_word = RELATIVE_YEARS[rel_word], rel_word
    if range_word and not years:
        it.span, it.year_word = RANGE_WORDS[range_word], range_word
    elif span_match and not years:
        n = next(g for g in span_match.groups() if g)
        it.span, it.year_word = int(n) if n.isdigit() else CN_SMALL[n], span_match.group()
    no_figures = mask(q, [(s, e) for s, e, _ in find_phrases(q, [*QUERY_FIGURES, *QUERY_ACTIVE_MEASURES, *CHANGE_CUES])])
    no_figures = INTO_NEXT_YEAR.sub("|", PRIOR_YEAR_SAID.sub("|", no_figures))  # 跟前一年比: the base of a change,
    # 续住到下一年的: what is carried into it, not a year to move to
    shift_word = has(no_figures, sorted(SHIFT_WORDS, key=len, reverse=True))
    if shift_word and not years:
        it.shift = SHIFT_WORDS[shift_word]
    elif (said_shift := SHIFT_SAID.search(no_figures)) and not years and not rel_word:
        said = said_shift.groupdict()
        said_count = said["count"] or said["that"] or said["count_first"] or "1"  # 前面那年: one year
        n = {"一": 1, "两": 2, "三": 3}.get(said_count) or int(said_count)
        it.shift = -n if said["back"] or said["back_after"] else n
    several = len(agencies) > 1 and len(mentions) == len(agencies)  # one mention per agency (none tied), to map back
    if several and year_spans and (bound := _year_bound(q, year_spans, mentions)
                                   or _years_only_of_last(q, year_spans, mentions, agencies, years, catalog)):
        it.year_bound = agencies[mentions.index(bound)]
    if several and len(years) == len(agencies) == len(year_spans) and not since:  # not a range (19到21年)
        order = sorted(agencies, key=lambda a: q.find(mentions[agencies.index(a)]))
        it.pairs = _reports_listed(q, year_spans, mentions, agencies) or _nearest_before(
            q, year_spans, mentions, agencies) or list(zip(order, years, strict=True))
    elif several and not since and not it.year_bound:
        it.pairs = _reports_listed(q, year_spans, mentions, agencies)
    if it.mean == "mean" and len(it.pairs) > 2 and MEAN_PER_REPORT.search(q):
        it.against_rest = _set_against_rest(q, it.pairs, mentions, agencies)
    named = [(s, e) for words in (mentions, tuple(catalog.places())) for s, e, _ in find_phrases(q, words)]
    bare = re.sub(r"\|+[省市县区]?", "|", mask(q, year_spans + scope_spans + named))
    it.listing = not keys and bool(CATALOGUE.match(bare.strip()) or asks_holdings(bare)) and (
        bool(bare.strip("|的？?")) or bool(scope_spans))
    # 浙江的单位有哪些 (its scope says it all), 收录了哪些报告: the catalogue; a bare agency name (a turn's reply) is not
    if all(k.table == "active" for k in keys) and INFO_ITEMS.search(q):  # no cell or only an active item's:
        keys, it.keys, it.figure_word, it.textual = [], [], None, True  # 公开了多少条采购项目信息: the text counts
    if keys and (events := EVENTS_COUNTED.search(q)) and not figure_keys(events.group(1))[0] and not (
            all(k.table == "active" for k in keys) and events.group(1).startswith(tuple(QUERY_ACTIVE_MEASURES))):
        keys, it.keys, it.figure_word, it.textual = [], [], None, True  # 对规范性文件做了几次专项清理: the times
        # something was done to what a row counts, which the text says (行政强制作出过几次处理决定: the row's own measure)
    if weak and not it.column and not it.unsupported and _counts_a_thing(q, year_spans + scope_spans + about_me + preamble, mentions,
                                                                         catalog):
        it.keys, it.figure_word, it.textual = [], None, True  # 12345热线收到多少件: no request; the text says it
    switch = SWITCH_LEAD.match(q)  # 再看看上海科委的: asks the same again, no topic of its own
    places_said = [(s, e) for s, e, _ in find_phrases(q, [p for p in scope_places if p in catalog.places()])]
    it.topic = topic_of(q, year_spans + about_me + places_said + [m.span() for m in (since, switch) if m], mentions)  # 2020年以来
    it.kind = _operation(q, it)
    if (between := _change_between_years(it.keys, it.years)) and it.kind in ("comparison", "figure"):
        it.keys, it.kind = between, "change"  # 行政处罚 2023 2024 增减: no such column after 2020, the years' change
    if it.kind == "precedent" and (it.claim == ("=", 0.0) or ZERO_SAID.search(q)):  # 哪几份…是零, 哪几年没有复议:
        it.negated, it.claim = True, None  # a listing of the zeros, not a claim
    another = it.kind == "figure" and (not it.keys or it.weak_figure) and _counts_another_thing(asked, catalog)
    if another:
        it.kind, it.keys = "narrative", []  # 有多少个街镇能就近提申请: a count the text states, not a cell
    if prev is not None and not (it.agencies or it.unknown_agency) and WHO_ELSE.search(q):
        _others_asked(it, prev, catalog)  # 还有谁也收了: the same, of every other agency held
    elif prev is not None and not (it.agencies or it.years) and (len(prev.targets) > 1 or len(prev.agencies) == 1 and len(
            prev.years) > 1) and (prev.keys or it.keys) and (centre := _averaged(q)):  # 均值是多少, after 2019到2025年合计:
        # the mean of the reports just summed (or just ranked: …在2019到2021三年里排第几？三年平均每年多少件)
        it.keys, it.figure_word = list(it.keys or prev.keys), it.figure_word or prev.figure_word
        it.agencies, it.years, it.column, it.followup = list(prev.agencies), list(prev.years), it.column or prev.column, True
        it.kind, it.reason, it.unsupported, it.mean = "sum", None, None, centre
    elif prev is not None and _is_followup(q, it):
        if asks_share(q) and it.keys and all(is_total(k) for k in it.keys) and prev.keys:
            it.keys, it.figure_word = [], None  # 那占办理结果总数的比例呢: the total is the denominator
        _inherit(it, prev, q, another or _says_its_own(q, year_spans + named, mentions))  # 上海那边: a place, no
        # subject; 还有…有几个工作人员: what it counts is its own
        if it.keys and not it.rate and asks_share(q):  # 那占办理结果总数的比例呢？
            it.rate_spec = share_of_total(q, it.keys, it.column, it.figure_word)
            it.rate = "share" if it.rate_spec is not None else None
            it.kind = "rate" if it.rate_spec is not None else it.kind
    if it.kind == "comparison" and len(it.agencies) <= 1 and len(it.years) <= 1 and not (it.span or it.shift):
        it.sides = compared_sides(q, it.keys) or it.sides  # 复议和诉讼哪个多: two figures of one report
        it.minus = len(it.sides) == 2 and MINUS_SAID.search(q) is not None
    if it.kind == "precedent" and (beats := BEATS.search(q)) and len(sides := compared_sides(q, it.keys)) == 2:
        it.sides, it.beats = sides, ">" if beats["more"] or beats["more2"] else "<"  # 哪几份的许可多于处罚
    if it.kind == "precedent" and it.keys and not (it.beats or it.agencies or it.threshold or it.rate) and (
            over := _year_over(q, it)):
        it.versus = over  # 2024年比2023年多的有哪些单位: each agency's later year against its earlier
    if it.kind == "rate" and len(it.years) == 1 and PRIOR_YEAR_SAID.search(q) and has(q, CHANGE_CUES):
        it.kind, it.years = "comparison", [it.years[0] - 1, it.years[0]]  # 公开率同比变化多少个百分点: both years' rates
    if it.kind == "ranking" and len(it.agencies) == 1 and has(q, YEAR_SUBJECTS):
        it.kind, it.span = "comparison", it.span or 99  # 哪一年最多: every year of that agency
    if it.kind == "precedent" and it.agencies and not it.scope:  # 鹿城和洪泽这两家，谁…过: only those agencies
        it.scope = list(it.agencies)
    named_sum = it.kind == "sum" and (len(it.agencies) > 1 or len(it.years) > 1 or bool(it.span))
    if it.kind in ("ranking", "sum") and it.mentions and not it.scope and not named_sum and not it.rank_of:
        it.scope = (list(it.agencies) if len(it.agencies) > 1  # 淮安市和沭阳县哪个多: the two named, not 淮安市's districts
                    else [a for m in it.mentions for a in catalog.with_prefix(m)] or list(it.agencies))  # 市级单位里
    held = [a for a in it.scope if not it.years or set(it.years) & set(catalog.years(a))]  # those of the year said
    if (not it.agencies and 1 < len(held) <= MAX_COMPARED and has(q, COMPARE_CUES)
            and not has(q, LIST_WHICH + RANKING_CUES)):  # 上海两家单位的复议情况对比: the scope's agencies side by side
        it.agencies, it.kind = held, "comparison"
    if it.scope and it.kind not in ("ranking", "precedent", "change", "catalogue", "decline", "checks") and not it.agencies:
        listing = has(q, LIST_WHICH) or not it.keys or not has(q, TOTAL_CUES + SCOPE_CUES)
        it.kind = "precedent" if listing else "sum"
        if it.keys and COMPARATIVE.search(q):  # 鹿城区和洪泽区谁收到的申请多: rank them
            it.kind = "ranking"
    if (it.kind in ("sum", "ranking", "rate") or asks_share(q) or has(q, TOTAL_CUES) or it.rank_of) and (
            whole := WHOLE_AREA.search(q)):  # 浙江全省各区县一共, 在温州各个区县里排第几
        it.kind, it.reason, it.unsupported = "decline", "whole_area", whole.group()
    if taken_off and it.kind == "figure" and not it.rate and it.keys == keys:  # 扣掉予以公开的，剩下几件: 总计 − 予以公开
        (it.keys, it.less), it.rest = taken_off, list(keys)
    return it


# reasons a question is declined whatever else it says (a forecast, a judgement, a report of another kind…)
DECLINED_AS_ASKED = ("future_plan", "forecast", "service", "opinion", "other_report", "request_subject")
ROW_POINTER = re.compile(r"(?:这|该|那)[一1]?(?:行|栏|格|项)(?:数据|数字)?")  # the row the part before named, pointed at
EITHER_OR = re.compile(r"[^，,。；;？?]{1,12}还是[^，,。；;？?]{1,12}[？?]?")  # …哪一类信息？征地还是拆迁？: the choices of the last part


MAX_COMPARED = 4  # a scope of at most this many agencies is compared side by side, not listed


def _spread_columns(q: str, said: str | None) -> tuple[tuple[str, ...], str | None]:
    """The applicant columns a figure is summed over and the group word that names them: a template group said
    (法人或其他组织), or every column but the ones left out (非自然人: the group they make up, where one does)."""
    if said in QUERY_COLUMN_GROUPS:  # 法人或其他组织里不包括企业的: the group's columns not left out
        left = left_columns(q)
        return tuple(c for c in QUERY_COLUMN_GROUPS[said] if not left or c in left), said
    left = left_columns(q)  # 不算自然人的: the column said is the one left out (除了个人以外，“其他”单位: one kept)
    if said and QUERY_COLUMNS.get(said) in left:
        return (), None
    return left, next((w for w, cs in QUERY_COLUMN_GROUPS.items() if set(cs) == set(left)), None) if left else None


def _reports_listed(q: str, year_spans: list[tuple[int, int]], mentions: list[str],
                    agencies: list[str]) -> list[tuple[str, int]]:
    """鹿城2022年、洪泽2023年、洪泽2024年、平潭管委会19到21年: each agency with the years said right after it, when
    every mention has its own years and no year is said before the first; else none (the years are everyone's)."""
    spots = sorted((s, e, agencies[mentions.index(p)]) for s, e, p in find_phrases(q, mentions) if p in mentions)
    if len(spots) < 2 or not year_spans or year_spans[0][0] < spots[0][0]:
        return []
    owned = [(agency, [parse_years(q[a:b])[0] for a, b in year_spans if end <= a < nxt])
             for (_, end, agency), nxt in zip(spots, [s for s, _, _ in spots[1:]] + [len(q)], strict=True)]
    dated = {agency for agency, own in owned if own}  # 我调来洪泽区…，鹿城区2022年、我们洪泽2023年: an agency said once
    if any(not own and agency not in dated for agency, own in owned):  # without years, then with its own, is
        return []  # paired where its years are said
    return list(dict.fromkeys((agency, y) for agency, own in owned for ys in own for y in ys))


def _change_between_years(keys: list[CellKey], years: list[int]) -> list[CellKey]:
    """An item's 增减 asked of several years none of which has that column (the 2021 template dropped 本年增/减):
    the item's own figure, whose change between the years is asked; else none."""
    if not keys or len(years) < 2 or min(years) < TEMPLATE_YEARS["2021"][0] or not all(
            k.table == "active" and k.row.endswith("_change") for k in keys):
        return []
    own = {r.key: r.columns[0] for r in ACTIVE["2021"]}
    return [CellKey(table="active", row=own[item]) for k in keys if (item := k.row.removesuffix("_change")) in own]


def _nearest_before(q: str, year_spans: list[tuple[int, int]], mentions: list[str],
                    agencies: list[str]) -> list[tuple[str, int]]:
    """Each year with the agency said nearest before it, by its mention or its place's first two characters (我调来
    洪泽区…。鹿城区府办2022年、我们洪泽2023年: 洪泽 2023, not the first mention's); none unless each agency is paired."""
    pairs = []
    for a, b in year_spans:
        said = [(max((m.start() for w in {mention, mention[:2]} for m in re.finditer(re.escape(w), q[:a])), default=-1),
                 agency) for mention, agency in zip(mentions, agencies, strict=True)]
        at, agency = max(said)
        if at < 0:
            return []
        pairs += [(agency, y) for y in parse_years(q[a:b])[0]]
    return pairs if {a for a, _ in pairs} == set(agencies) and len(pairs) == len(year_spans) else []


def _suits_named(keys: list[CellKey]) -> list[str]:
    """The suit groups a question names with no review among them (诉讼的纠错率: the suits' own rate)."""
    groups = list(dict.fromkeys(k.row.rsplit("_", 1)[0] for k in keys if k.table == "review_litigation"))
    return groups if groups and "review" not in groups and len(groups) == len(
        [k for k in keys if k.table == "review_litigation"]) else []


def _suit_rate(suits: list[str]) -> RateSpec:
    return RateSpec(label="行政诉讼纠错率", formula="行政诉讼结果纠正÷行政诉讼总计",
                    numerator=[CellKey(table="review_litigation", row=f"{g}_corrected") for g in suits],
                    denominator=[CellKey(table="review_litigation", row=f"{g}_total") for g in suits])


def _judges_itself(opinion: re.Match, mentions: list[str]) -> bool:
    """怎么评价 said of an agency named in its clause, no 你 asked: the agency's own judgement, which its report states."""
    clause = re.split(r"[，,。；;？?！!：:]", opinion.string[:opinion.start()])[-1]
    return opinion.group().endswith("评价") and "你" not in opinion.group() and any(m in clause for m in mentions)


def unheld_attribute(q: str) -> str | None:
    """An attribute no table holds (年龄, 经费) asked of the agency; not a topic it disclosed (公开了财政预算)."""
    return next((w for w in QUERY_UNSUPPORTED for m in re.finditer(re.escape(w), q)
                 if not SET_ASIDE.search(q[:m.start()]) and not has(q, UNSUPPORTED_EXCEPT.get(w, ())) and (
                     w not in DISCLOSABLE
                     or not (DISCLOSED_BEFORE.search(q[:m.start()]) or DISCLOSED_AFTER.search(q[m.end():])))), None)


def unheld_applicant(q: str, mentions: list[str]) -> str | None:
    """A word for who made the requests that is no applicant type of the table (外省, 残疾人, 60岁以上): the count
    asked is a part no table holds. Content words only (jieba's nouns, places, adjectives); the types, the
    vocabulary and the agencies named are no restriction."""
    from index.stores.lexical import word_tags

    for m in WHO_APPLIED.finditer(q):
        said = next(g for g in m.groups() if g)
        if AGE_SAID_CN.search(said):
            return "年龄"
        rest = mask(said, [(s, e) for words in (_QUALIFIER_WORDS, mentions) for s, e, _ in find_phrases(said, words)])
        for run in runs(rest):
            if word := next((w for w, flag in word_tags(run) if flag in RESTRICTING_TAGS and len(w) >= 2
                             and w not in NOT_RESTRICTING), None):
                return word
    return None


RESTRICTING_TAGS = ("n", "nr", "ns", "nt", "nz", "l", "s", "a", "an", "b")  # b: 民营, 国有, 私营 (企业 by ownership)


def _averaged(q: str) -> Literal["mean", "median"] | None:
    """中位数 -> median; 平均每年, 每份平均, 均值 -> mean; None where neither is asked."""
    if MEDIAN_ASKED.search(q):
        return "median"
    return "mean" if MEAN_PER_YEAR.search(q) or MEAN_PER_REPORT.search(q) else None


def _year_over(q: str, it: Intent) -> tuple[int, int, str] | None:
    """(later, earlier, ">" or "<") where a listing asks which went up or down between two years: the two years
    said, or one said against the year before it (比上年, 同比)."""
    rose, fell = ROSE.search(q), FELL.search(q)
    if bool(rose) == bool(fell):
        return None
    if len(it.years) == 2:
        earlier, later = sorted(it.years)
    elif len(it.years) == 1 and PRIOR_YEAR_SAID.search(q):
        later, earlier = it.years[0], it.years[0] - 1
    else:
        return None
    return later, earlier, ">" if rose else "<"


def unheld_qualifier(q: str, mentions: list[str]) -> str | None:
    """The words of a qualifier on the requests counted that no table splits them by (网上, 房屋征收), else None;
    a qualifier the vocabulary reads (企业, 第三方, 国家秘密) or an agency is not one."""
    for m in QUALIFIED_REQUESTS.finditer(q):
        said = next(g for g in m.groups() if g)
        if said.startswith(("什么", "哪", "怎", "多少", "几")):
            continue  # 申请人是什么类型的: a question about the types the table does split
        rest = mask(said, [(s, e) for words in (_QUALIFIER_WORDS, mentions) for s, e, _ in find_phrases(said, words)])
        if any(len(r) >= 2 for r in runs(rest)):
            return said
    return None


def _years_only_of_last(q: str, year_spans: list[tuple[int, int]], mentions: list[str], agencies: list[str],
                        years: list[int], catalog: Catalog) -> str | None:
    """鹿城、洪泽和平潭管委会2019到2021年: years said right after the last of several agencies, that an agency
    named before it holds none of, are that last agency's (the others are asked as held)."""
    last = max(mentions, key=q.find)
    end = q.find(last) + len(last)
    if not any(s == end for s, _ in year_spans):
        return None
    if any(s == q.find(m) + len(m) for m in mentions if m != last for s, _ in year_spans):
        return None  # 鹿城区府办2021年、洪泽区2023年和2024年: each its own years, none the last one's alone
    others = [a for a, m in zip(agencies, mentions, strict=False) if m != last]
    return last if any(not set(years) & set(catalog.years(a)) for a in others) else None


def _year_bound(q: str, year_spans: list[tuple[int, int]], mentions: list[str]) -> str | None:
    """The one mention every year span is said right against (2019到2021年的平潭管委会, 平潭管委会（2019-2021）),
    when other agencies are named without years; None when the years are said of all of them."""
    def against(m: str) -> bool:
        i = q.find(m)
        j = i + len(m)
        return i >= 0 and all((e <= i and q[e:i] == "的") or (j <= s and q[j:s] in ("（", "("))
                              for s, e in year_spans)  # 2024年淮安和洪泽, 淮安和洪泽2024年: said of both

    bound = [m for m in mentions if against(m)]
    return bound[0] if len(bound) == 1 else None


def _statistical(q: str, it: Intent) -> bool:
    return bool(it.keys) and (not it.weak_figure or has(q, FIGURE_CUES) is not None)


CONDITION_LISTED = re.compile(r"的(?:报告|单位)?(?:有|是|都有|都是)?(?:哪些|哪几|谁)")


def _operation(q: str, it: Intent) -> Kind:
    """The operation the question's wording asks for; a missing figure may still come from the history."""
    stat = _statistical(q, it)
    how = HOW_ASKED.search(q)  # 户籍…这些领域是怎么处理的; not 如何满意度 (how satisfied: the attribute itself)
    told = (it.reason in (None, "not_classified") and (how is not None or OFFICE_ASKED.search(q) and not has(q, RANKING_CUES)) and not has(q, COUNT_CUES)
            and not (it.unsupported and how is not None and q[how.end():].startswith(it.unsupported)))
    if it.reason in DECLINED_AS_ASKED or (it.unsupported and not has(q, NARRATIVE_STRONG) and not (
            has(q, MENTION_WORDS) and it.reason != "person") and not told):
        return "decline"  # 哪些年报提到专项经费: whether the text says it is a search, not a figure to refuse
    if it.listing:
        return "catalogue"
    if WHO_HANDLES.search(q) and len(it.agencies) <= 1 and not (has(q, COUNT_CUES) or has(q, RANKING_CUES)
                                                               or COMPARATIVE.search(q)):
        return "narrative"  # 是谁代表区政府受理申请的: which office does it, which the text says
    if it.mean:
        return "sum"
    if has(q, CHECK_CUES) and has(q, DATA_WORDS):  # 表格里哪些数据对不上: the report's own arithmetic
        return "checks"
    if (shown := TABLE_ASKED.search(q)) and len(it.agencies) == 1 and not it.rate and not has(q, COUNT_CUES) and not (
            it.keys and not it.weak_figure):  # 表3里本机关不掌握那一项: a cell of the table pointed at, not the table
        table = TABLE_SAID.get(shown.group(1) or shown.group(2) or "", "requests")  # 给我看看鹿城区2022年的表三: the table, row by row
        it.keys, it.breakdown = [CellKey(table=table, row="table", column=None)], "table"
        return "breakdown"
    if it.claim and len(it.agencies) <= 1 and not (WHICH_UNITS.search(q) or WHICH_REPORTS.search(q) or has(q, SCOPE_CUES)):
        return "rate" if it.rate else "figure"  # 是不是收到了113件: the figure, said against the number stated
    if has(q, TEXT_SOURCE) and len(it.agencies) <= 1:  # 报告正文里说受理了多少件: the number the prose states
        return "narrative"
    if (it.keys and it.agencies and (len(it.agencies) > 1 or has(q, WHICH_YEARS)) and WHO_HAD.search(q)
            and not has(q, COMPARE_CUES + RANKING_CUES + MORE_OR_LESS)):
        return "precedent"  # 鹿城和洪泽里谁收到过…, 平潭管委会哪几年有…: which of the named ones had it
    if WHICH_APPLICANT.search(q) and len(it.agencies) <= 1 and not it.scope:
        it.breakdown = "applicant"  # 哪类申请人最多: the applicant columns of one report, side by side
        return "breakdown"
    if RANK_POSITION.search(q) and len(it.agencies) == 1 and (it.keys or it.rate):
        it.rank_of = it.agencies[0]  # 洪泽区的申请量在所有单位里排第几: its place among the year's reports
        if len(it.years) > 1 and not has(q, SCOPE_CUES):  # 2021年的在2019到2021三年里排第几: among its own years
            it.scope = list(it.agencies)
        return "ranking"
    if (has(q, RANKING_CUES) or it.nth) and (len(it.agencies) != 1 or has(q, RANK_SUBJECTS) or has(q, YEAR_SUBJECTS)):
        return "ranking"
    if has(q, SCOPE_CUES) and it.rate and not it.agencies and not has(q, TOTAL_CUES):
        return "precedent"  # 2024年各单位的公开率: each report's rate, listed
    if has(q, SCOPE_CUES) and it.keys:  # 所有单位里哪些…: a list of who had it, not a total
        return "precedent" if has(q, LIST_WHICH) else "sum"
    if EXPLAINS.search(q):
        return "narrative"  # 别的单位怎么解释不予公开: how the texts explain it, across agencies, not who counted it
    if not it.agencies and (it.keys or it.rate) and CONDITION_LISTED.search(q) and (
            it.threshold or BEATS.search(q) or ZERO_SAID.search(q) or NOT_ZERO.search(q)):
        return "precedent"  # 新收超过100件的有哪些, 部分公开比予以公开多的有哪些: the reports that meet it, listed
    cue = has(q, PRECEDENT_CUES)
    if cue == "哪些地方" and len(it.agencies) == 1:
        cue = None  # 农业农村局哪些地方做得不行, 平潭有哪些地方可以去查阅: where within the one agency named
    one_report = len(it.agencies) == 1 and len(it.years) == 1 and not (it.keys or it.rate)  # 平潭管委会2021年要求
    if (cue or UNITS_WHICH.search(q)) and not one_report or (  # 每个单位明确哪些人负责: what that report says, not who did
            (WHICH_UNITS.search(q) or WHICH_MENTIONED.search(q)) and not it.agencies) or (
            WHICH_REPORTS.search(q) and (it.keys or it.rate) and (not it.agencies or it.pairs or it.year_bound)):  # of the
        # listed ones (鹿城、洪泽和平潭管委会19到21年这几份里…哪几份: the last one's years, the others' held ones)
        return "precedent"
    if it.keys and not it.weak_figure and re.search(r"情况(?:怎么样|怎样|如何|咋样)", q):
        return "figure"  # 复议情况怎么样: a table figure's situation is its numbers
    if it.keys and HOW_CHANGED.search(q):
        return "change"  # 申请数如何变化: the change of the figure, not a passage
    if len(it.keys) > 1 and (has(q, REASON_WORDS) or (WHY_QUESTION.search(q) and _grounds_asked(q, it))):
        return "figure"  # 不予公开的都是什么原因, 为什么不予公开: each reason row of the sum, as the table counts them
    breakdown = bool(it.keys) and bool(has(q, APPLICANT_CUES + OUTCOME_CUES))  # 申请人构成是怎样的
    counted = has(q, COUNT_CUES) or bool(NUMBERS_TOLD.search(q))
    if has(q, NARRATIVE_CUES) and not counted and not breakdown:
        return "narrative"
    if it.rate:
        return "rate"
    if has(q, NARRATIVE_CUES) and not (stat and counted) and not breakdown:
        return "narrative"
    the_change_cell = bool(it.keys) and all(k.table == "active" and k.row.endswith("_change") for k in it.keys)
    changed = [c for c in CHANGE_CUES if c in q]
    vague = bool(changed) and not it.keys and not has(q, COUNT_CUES) and all(c in VAGUE_CHANGES for c in changed) and any(
        not any(c in w or w in c for c in changed) for w in topic_words(it.topic))  # 变化大吗 alone: a follow-up's
    if it.times and (len(it.agencies) > 1 or it.pairs):
        return "comparison"  # 鹿城的是洪泽的几倍: two agencies' figures, the one over the other
    if (SIDE_MORE.search(q) or MINUS_SAID.search(q)) and len(it.agencies) <= 1 and len(it.years) <= 1 and len(compared_sides(q, it.keys)) == 2:
        return "comparison"  # 予以公开的比不予公开的多几件: two figures of one report, the difference
    if changed and len(set(it.agencies)) > 1 and not has(q, PRIOR_YEAR_WORDS):
        return "comparison"  # 淮安市比沭阳县多出来几件: one agency's figure beside another's, not a change over a year
    if changed and (what := CHANGED_WHAT.search(q)) and not has(q, COUNT_CUES) and not figure_keys(q[what.end():])[0]:
        return "narrative"  # 跟以前比多了什么内容: which things were added, as the text says; no figure's change (多了哪些
        # 申请 still asks the requests' change)
    if (changed or it.times) and not the_change_cell and not vague:  # 行政强制本年增加了几项: the template's 本年增/减 cell;
        # 是不是涨到两倍以上了: a multiple claimed, the later year's figure over the earlier one's
        return "change"  # not 职能变了以后…更新了没有: what changed is said, no figure of it asked
    if (has(q, SCOPE_CUES) and (it.keys or not it.agencies)) or (
            has(q, TOTAL_CUES) and (len(it.agencies) > 1 or len(it.years) > 1 or it.span)):
        return "sum"  # not 平潭管委会…评估全区的政务公开: one agency's own words, no figure to add up
    if len(it.agencies) > 1 or len(it.years) > 1 or it.span or has(q, COMPARE_CUES) or EITHER_MORE.search(q):
        return "comparison"
    summed = len(it.keys) > 1 and all(k.table == "requests" for k in it.keys)  # 除予以公开外的办理结果: rows added
    # 办理结果中予以公开的有多少, 复议结果中纠正了几件: that row, not the results it is in
    one_outcome = bool(it.keys) and all(k.row not in WHOLES and not k.row.endswith("_total") for k in it.keys) and (
        re.search(r"结果(?:中|里|当中|里面|之中)", q))
    listed = {QUERY_REVIEW_OUTCOMES[p] for _, _, p in find_phrases(q, QUERY_REVIEW_OUTCOMES)}  # 结果维持、结果纠正、其他结果:
    if len(listed) > 1 and it.keys and all(k.table == "review_litigation" for k in it.keys) and not has(
            q, TOTAL_CUES + COMPARE_CUES + RANKING_CUES):  # the outcomes of one review or suit, listed: the whole row
        it.breakdown = "outcome"
        return "breakdown"
    if has(q, OUTCOME_CUES) and "、" not in (it.figure_word or "") and not summed and not one_outcome:  # 办理结果总计加
        # 结转下年度: joined figures, not the breakdown
        it.breakdown = "outcome"
        return "breakdown"
    if has(q, APPLICANT_CUES) and not it.column and not (len(it.keys) > 1 and has(q, EACH_CUES)) and all(
            k.column in (None, "total") for k in it.keys):  # 分别: the named ones; 除自然人外…申请人: the columns kept
        it.breakdown = "applicant"
        return "breakdown"
    if CONTENT_WHICH.search(q) and not has(q, FIGURE_CUES):
        return "narrative"  # 为哪个景区的收费标准开了听证会: which thing the text names, not the fee figure
    return "figure" if stat or has(q, FIGURE_CUES) else "narrative"


def _set_against_rest(q: str, pairs: list[tuple[str, int]], mentions: list[str],
                      agencies: list[str]) -> tuple[str, int] | None:
    """The report named first, where what is said between it and the next agency named compares (平潭管委会2021年
    新收的申请数，高于鹿城2022、洪泽2023、洪泽2024这几家的平均水平吗): it is set against the others' mean, not in it."""
    first = pairs[0][0]
    mention = mentions[agencies.index(first)]
    if (said := q.find(mention)) < 0:
        return None
    start = said + len(mention)
    after = [i for a in agencies if a != first and (i := q.find(mentions[agencies.index(a)], start)) >= 0]
    return pairs[0] if after and AGAINST_OTHERS.search(q[start:min(after)]) else None


def _others_asked(it: Intent, prev: Intent, catalog: Catalog) -> None:
    """还有谁也…, 还有哪些报告也这样, who else: the previous turn's question (its figure and the condition on it, or its
    topic, or its arithmetic check) asked of every agency held but the ones it was about, as a list of those it
    holds for; the years are this turn's own (2019年以后还有谁), else every held year."""
    it.followup, it.kind = True, "checks" if prev.kind == "checks" else "precedent"
    it.scope = [a for a in (it.scope or catalog.agencies) if a not in prev.agencies]
    it.agencies, it.mentions = [], []
    if not (it.keys or it.rate):
        it.keys, it.figure_word, it.column = list(prev.keys), prev.figure_word, prev.column
        it.rate, it.rate_spec, it.threshold = prev.rate, prev.rate_spec, it.threshold or prev.threshold
        it.negated = it.negated or prev.negated or prev.claim == ("=", 0.0)
        if (beats := BEATS.search(prev.question)) and len(sides := compared_sides(prev.question, prev.keys)) == 2:
            it.sides, it.beats = sides, ">" if beats["more"] or beats["more2"] else "<"  # 是不是部分公开比予以公开多
        it.topic = prev.topic


def _newest_span(it: Intent) -> bool:
    """A span said of the newest years (近三年, 最近两年), not of the years a conversation just asked (三年, 这两年)."""
    return (it.year_word or "").startswith(RECENT_LEADS)


def _is_followup(q: str, it: Intent) -> bool:
    if it.kind in ("precedent", "ranking", "sum") and it.keys and not (it.span and (BOTH.search(q) or THESE_YEARS.search(q))):
        return False  # not 这两年加起来…, 这3年的行政强制一共: the years just asked
    return bool(has(q, FOLLOWUP_CUES) or REFERS_BACK.search(q)) or len(q) <= 14 or not (
        it.agencies or it.clarify or it.unknown_agency)  # 同一项: the figure before, of the agency now named


OTHERS_SAID = re.compile(r"另外|其他|其余|别的")


def _inherit(it: Intent, prev: Intent, q: str, own: bool) -> None:
    """Fill from the previous turn what this one leaves out (agency, year, figure, operation)."""
    it.followup = True
    switched = bool(it.agencies) and it.agencies != prev.agencies  # 那洪泽区呢: the same asked of another agency
    if (prev.kind == "narrative" and switched and not (it.keys or own or it.rate) and it.kind in ("narrative", "figure")
            and not topic_words(it.topic) and SWITCH_ONLY.search(q)):  # a turn that says more asks that
        it.kind, it.topic, it.asked = "narrative", prev.topic, prev.asked or prev.question  # 那洪泽区呢: the same
    if it.scope_places and OTHERS_SAID.search(q):  # 那江苏另外三份报告呢: the place's agencies but those just asked of
        it.scope = [a for a in it.scope if a not in prev.agencies] or it.scope
    if not (it.agencies or it.clarify or it.unknown_agency or it.scope_places):
        it.agencies, it.mentions = list(prev.agencies), list(prev.mentions)
        if not prev.agencies:
            it.clarify = list(prev.clarify)
        if len(prev.agencies) > 1 and (one := has(q, FORMER + LATTER)):  # 前者的公开率呢: the first named, 后者 the last
            order = sorted(prev.agencies, key=lambda a: prev.question.find(prev.mentions[prev.agencies.index(a)])
                           if len(prev.mentions) == len(prev.agencies) else 0)
            it.agencies = [order[0] if one in FORMER else order[-1]]
            it.mentions = [prev.mentions[prev.agencies.index(it.agencies[0])]] if len(prev.mentions) == len(prev.agencies) else []
    if it.span and not it.years and len(prev.years) > 1 and (THESE_YEARS.search(q) or (  # 这3年里排第二的, 三年平均
            it.span == len(prev.years) and not _newest_span(it))):  # 每年 after 2019到2021:
        it.years, it.span, it.year_word = list(prev.years), None, None  # the years just asked (近三年: the newest 3)
    if not (it.years or it.relative is not None or it.span):
        it.years, it.relative, it.span = list(prev.years), prev.relative, prev.span
        if prev.kind == "change" and len(prev.years) > 1 and it.keys and prev.anchor in prev.years and not (
                SWITCH_ONLY.match(q) or it.kind == "change"):  # …比2024年增长多少？结转到下年的有几件: the year asked
            it.years = [prev.anchor]
        it.years_carried = bool(it.years) and it.agencies != prev.agencies  # 那洪泽区呢: the year was another's
        it.year_word = it.year_word or prev.year_word
        if it.shift:
            it.years = [y + it.shift for y in it.years] or [y + it.shift for _, y in prev.targets[:1]]
            it.relative = None if it.years else (prev.relative or 0) + it.shift
    compared = bool(COMPARED_WITH.search(q)) or (it.times and bool(it.years))  # 那21年的是它的几倍: of the year before
    if compared:  # 跟2020年比呢: the year or agency named beside the one asked before
        if (len(it.agencies) == len(it.years) == len(prev.targets) == 1 and it.agencies != prev.agencies
                and it.years != [prev.targets[0][1]]):  # 这个数比淮安市2024年多还是少: one report beside the other
            it.pairs = [prev.targets[0], (it.agencies[0], it.years[0])]
        if it.years and prev.years and set(it.years) != set(prev.years):
            it.years = sorted({*prev.years, *it.years})
            it.anchor = prev.anchor if prev.anchor is not None else it.anchor  # 比2024年增长: 2025 is still the year asked
        if it.agencies and prev.agencies and set(it.agencies) != set(prev.agencies):
            it.agencies = list(dict.fromkeys([*prev.agencies, *it.agencies]))
            it.mentions = list(dict.fromkeys([*prev.mentions, *it.mentions]))
    outcomes = bool(prev.keys) and not it.keys and has(q, OUTCOME_CUES) and all(k.table == "requests" for k in prev.keys)
    by_rows = len(prev.keys) > 1 and has(q, REASON_WORDS) or outcomes or prev.keys[:1] and (
        has(q, OUTCOME_CUES) or find_phrases(q, QUERY_REVIEW_OUTCOMES)) and all(
        k.table == "review_litigation" for k in prev.keys)  # …不予公开 -> 都是什么原因; 被起诉了吗 -> 结果怎样, 维持加纠正呢
    percent_of_change = bool(prev.keys) and not prev.rate and not it.keys and bool(PERCENT_ASKED.search(q)) and not has(
        q, SHARE_WORDS) and bool(set(it.years) - set(prev.years)) and bool(prev.years)  # 那2024年跟它比，往下掉了百分之几
    back = bool(prev.keys) and bool(REFERS_BACK.search(q))  # 这项降到多少了, 再穿越到2021年看看，同一项是多少: the figure before
    asks_narrative = not (by_rows or compared or percent_of_change or back) and (  # 主动公开了哪些内容: a topic of its own
        (it.kind == "narrative" and (has(q, NARRATIVE_CUES) or not it.keys and topic_words(it.topic)
                                     and has(q, OPEN_QUESTION) is not None))
        or (not it.keys and own))  # 和2023年比怎么样: the figure
    if asks_narrative and not it.keys and prev.keys and not topic_words(it.topic) and not has(q, NARRATIVE_STRONG):
        # 为什么这么少: why that figure is so (not 存在什么问题: the report's own problems)
        it.keys, it.figure_word, it.topic = list(prev.keys), prev.figure_word, f"{prev.figure_word or ''}{it.topic}"
    if not it.keys and (measured := measure_of_item(q, prev.keys)):  # 收费项目上一年几项 -> 那本年增减了多少
        it.keys, it.figure_word = measured, None
    within = any(w in q for w in ("其中", "里头", "里面"))  # 那里头法人递的: the columns of the figure just asked
    kept = _column_kept(q)
    columns, group = _spread_columns(kept, said_column(kept, [*QUERY_COLUMNS, *QUERY_COLUMN_GROUPS]))
    column_of_prev = it.weak_figure and (it.column or columns) and prev.keys[:1] and prev.keys[0].table == "requests" \
        and (within or not PEOPLE_ASKED.search(q))  # …公开了多少，有多少人是律师: who applied, not who got it
    # 按申请人类型拆开看看: the figure before, by applicant (申请人 is no figure of its own)
    by_applicant = it.breakdown == "applicant" and it.weak_figure and all(k.table == "requests" for k in prev.keys)
    if prev.keys and not asks_narrative and (not it.keys or column_of_prev or by_applicant):
        it.keys, it.figure_word, it.weak_figure = list(prev.keys), prev.figure_word, prev.weak_figure
        it.per, it.per_item, it.per_n = it.per or prev.per, it.per_item or prev.per_item, it.per_n or prev.per_n  # 平均每月…
        if columns:  # 那法人呢, 非自然人的呢
            it.keys, it.column = over_columns(it.keys, columns) or it.keys, None
            it.figure_word = f"{group}申请" if group else "所问各类申请人的申请"
        elif not it.column and prev.column and not has(q, WHOLE_WORDS):  # 其中企业的呢 -> 那前一年呢: still 企业
            it.column = prev.column
        if it.kind in ("figure", "narrative"):
            it.kind, it.breakdown = prev.kind, prev.breakdown
            it.rate = it.rate or prev.rate
            if it.kind in ("narrative", "precedent", "clarify", "decline"):
                it.kind = "figure"
        if it.column and it.kind == "breakdown" and it.breakdown == "applicant":
            it.kind, it.breakdown = "figure", None
        if percent_of_change:  # the figure before, from its year to the one named now, in per cent
            it.kind, it.years = "change", sorted({*prev.years, *it.years})
        if outcomes:  # 收到多少申请 -> 结果怎么样: the outcome rows of those requests
            it.kind, it.breakdown = "breakdown", "outcome"
        if by_rows and len(it.keys) > 1 and has(q, RANKING_CUES) and len(it.agencies) <= 1:  # 最多的原因是什么:
            it.kind, it.sides = "comparison", [("", [k]) for k in it.keys]  # its rows side by side, the most named
    elif prev.rate and not it.keys and it.kind in ("narrative", "figure") and not asks_narrative:
        it.kind, it.rate = "rate", prev.rate  # …的公开率 -> 前一年是多少: the rate, a year earlier
    if prev.rate == "review_correction_rate" and not it.rate and (suits := _suits_named(it.keys)) \
            and has(q, FOLLOWUP_CUES):  # 复议纠错率 -> 那诉讼的呢: the same rate, of the suits
        it.kind, it.rate, it.rate_spec = "rate", "share", _suit_rate(suits)
    if it.rate == "share" and it.rate_spec is None:  # a share taken from the part before takes its cells too,
        column = it.column or (prev.column if it.keys == prev.keys else None)  # or this turn's (…自然人占比 -> 那企业呢)
        changed = column != prev.column or it.keys != prev.keys
        it.rate_spec = (share_of_total(prev.question, it.keys, column, it.figure_word) if changed else None) \
            or prev.rate_spec
        it.rate = "share" if it.rate_spec is not None else None
    if it.kind == "narrative" and not asks_narrative and it.keys:  # 企业申请的呢？
        it.kind = "figure"
    if prev.rate == "share" and it.kind == "figure" and it.keys and it.rate is None and has(q, FOLLOWUP_CUES):
        it.rate_spec = share_of_total(q, it.keys, it.column, it.figure_word, asked=True)  # …予以公开的占比 -> 部分公开呢
        it.rate, it.kind = ("share", "rate") if it.rate_spec is not None else (None, it.kind)
    outcomes = list(dict.fromkeys(QUERY_REVIEW_OUTCOMES[p] for _, _, p in find_phrases(q, QUERY_REVIEW_OUTCOMES)))
    groups = {k.row.rsplit("_", 1)[0] for k in it.keys if k.table == "review_litigation"}
    if outcomes and groups and all(k.table == "review_litigation" for k in it.keys):  # 那被纠错的呢？ 维持加纠正呢
        it.keys = [CellKey(table="review_litigation", row=f"{g}_{o}") for g in sorted(groups) for o in outcomes]
        it.kind, it.breakdown = ("figure", None) if it.kind in ("breakdown", "narrative") else (it.kind, it.breakdown)
    if not it.scope and prev.scope and not it.agencies and it.kind in ("ranking", "sum", "precedent", "figure"):
        it.scope, it.scope_places = list(prev.scope), list(prev.scope_places)  # …，哪家最多: the same agencies
        it.kind = "ranking" if it.kind == "figure" else it.kind
    if it.column is None and prev.column and ("其中" in q or asks_share(q)):  # …律师事务所提的，占多少
        it.column = prev.column
    if prev.reason == "case_detail" and has(q, CASE_DETAILS):  # …申请人叫什么、要的是什么信息: the same case
        it.unsupported, it.reason, it.kind = has(q, CASE_DETAILS), "case_detail", "decline"
    if it.kind == "figure" and (len(it.agencies) > 1 or len(it.years) > 1 or it.span):
        it.kind = "sum" if has(q, TOTAL_CUES) else "comparison"  # 那本机关不掌握的合计多少: the years inherited, added


def _holds_rate_word(q: str, rate_word: str) -> bool:
    """The rate's first word ends a longer figure phrase (拒绝公开的比例: 拒绝公开 ends in 公开) that is not the
    rate's own numerator: the question asks that figure's share."""
    i = q.find(rate_word)
    window = q[max(0, i - 4):i + 2]
    numerator = {r for _, r, _ in RATES[QUERY_RATES[rate_word]][1]}
    for p in (p for p in [*QUERY_FIGURES, *QUERY_FIGURE_SUMS] if len(p) > 2 and window.endswith(p)):
        rows = {r for _, r, _ in QUERY_FIGURE_SUMS.get(p) or [QUERY_FIGURES[p]]}
        if p not in WEAK_FIGURES and not rows & numerator:
            return True
    return False


def _counts_another_thing(q: str, catalog: Catalog) -> bool:
    """The question counts something no table counts (多少个街镇, 几家网点): not requests or cases, not agencies."""
    m = COUNTED.search(q)
    if m is None:
        return False
    noun = re.sub(r"^(?:是|为|属于|来自)", "", m.group(1))  # 几个是企业: the column said after the count
    known = [*QUERY_FIGURES, *QUERY_COLUMNS, *COLLECTIVE_NOUNS, *catalog.kinds(), "申请", "案", "件", "报告", "年",
             "人是", "人为", "人属于"]  # 有几个人是企业: applicants
    return not any(noun.startswith(w) or w.startswith(noun[:2]) for w in known)


def _says_its_own(q: str, year_spans: list[tuple[int, int]], mentions: list[str]) -> bool:
    """A turn with a subject of its own beyond agencies, years, applicant, figure and follow-up words
    (收没收信息处理费), which therefore does not take the previous turn's figure (企业的呢 and 2021年呢 do)."""
    said = [(s, e) for words in (_TURN_WORDS, mentions) for s, e, _ in find_phrases(q, words)]  # one pattern each
    said += [m.span() for pattern in (SHIFT_SAID, NUMBERS_TOLD, THE_NUMBER_BEFORE, UNDER_QUOTED) for m in pattern.finditer(q)]
    # 那一栏: a cell pointed at; 这21笔入账里: the figure before, by its value, whatever the asker calls its units;
    # “其他组织”科目下面: what the asker calls the quoted column
    masked = mask(q, list(year_spans) + said)
    rest = [(m.group(), q[m.end():m.end() + 1]) for m in re.finditer(r"[\u4e00-\u9fff]{2,}", masked)]
    return any(len(r) >= 3 and not _predicate(r) for r, _ in rest) or any(
        _is_noun(r) and r not in _VOCABULARY_TEXT and after not in ASPECT_WORDS for r, after in rest if len(r) == 2)


ASPECT_WORDS = tuple(ASPECT)  # 贡献了: a word before its aspect particle is said as a verb


def _predicate(run: str) -> bool:
    """A run that only says what was done (打进来的, 递交的, 资助了): verbs, or one word used as a verb before its
    aspect particle, with their particles; no subject of its own (这里头商业企业递交的有几件 asks the figure before)."""
    tags = word_tags(run)
    words = [(w, f) for w, f in tags if not f.startswith("u")]
    aspect = len(tags) > len(words) and tags[len(words)][0] in ASPECT_WORDS if words else False
    return bool(words) and (all(f.startswith("v") and f != "vn" for _, f in words) or len(words) == 1 and aspect)



def _counts_a_thing(q: str, spans, mentions: list[str], catalog: Catalog) -> bool:
    """A weak figure word (收到, 办理) said of a noun no table counts (热线, 公众号, 来信): the noun is what is counted.
    Agencies and places (鹿城区和洪泽区) are never that noun."""
    rest = runs(mask(q, list(spans) + [(s, e) for s, e, _ in find_phrases(q, [*mentions, *vocabulary()])]))
    rest = [r for r in rest if not catalog.best(r)]
    if (head := HEAD_COUNTED.search(q)) and not figure_keys(head.group(1))[0] and not find_phrases(
            head.group(1), [*QUERY_COLUMNS, *COLLECTIVE_NOUNS, "申请", "案件"]) and all(
            f.startswith("n") for _, f in word_tags(head.group(1))) and not catalog.knows(head.group(1)):
        return True  # 办理这些事的工作人员有几名: the noun the clause describes is counted, however long the clause
    if sum(map(len, rest)) > MAX_THING_CHARS and not all(f in ("n", "nz", "vn") for r in rest for _, f in word_tags(r)):
        return False  # 让补正过、可补完还是看不明白的: a figure described at length, for the meaning layer to read (人大代表
        # 建议, common nouns only, no place or organisation, is a thing named, however long)
    return any(_is_noun(r[i:i + 2]) and r[i:i + 2] not in _VOCABULARY_TEXT and not catalog.knows(r[i:i + 2])
               for r in rest for i in range(len(r) - 1))


@lru_cache(maxsize=1024)
def _is_noun(word: str) -> bool:
    """A two-character word the dictionary tags as a noun (热线), not a particle pair or a verb; one inside the
    vocabulary's own phrases (结果, of 其他结果) is no subject of its own."""
    tagged = word_tags(word)
    return len(tagged) == 1 and tagged[0][1].startswith(("n", "vn"))


_VOCABULARY_TEXT = "|".join(vocabulary())
_TURN_WORDS = (*vocabulary(), *QUERY_COLUMN_GROUPS, *FOLLOWUP_CUES, *SHIFT_WORDS, *QUESTION_WORDS, "其中", "里面", "里头")
_QUALIFIER_WORDS = tuple(w for w in _TURN_WORDS if len(w) >= 2)  # 老年人 holds 年, which names no year there


ASKS_FIRST = re.compile(r"^(?:多少|几)")
CLAUSE_MARKS = "，,。？?！!；;：:、"
ASKED_HERE = re.compile(r"(?:多少|几)[件个项次条份宗起]?(?:呢|啊|呀)?")


def _clauses_unsaid(text: str) -> str:
    """新收多少上年结转的多少办结了多少: a question dictated or typed without punctuation. Where a clause that has
    named its figure asks its number and another figure follows at once, a comma opens the next clause (not in
    有多少予以公开的, whose figure comes after the question word)."""
    figures = [(s, e) for s, e, p in find_phrases(text, [*QUERY_FIGURES, *QUERY_FIGURE_SUMS]) if p not in WEAK_FIGURES]
    cut, out = 0, []
    for m in ASKED_HERE.finditer(text):
        clause = max(cut, 1 + max(text.rfind(ch, 0, m.start()) for ch in CLAUSE_MARKS))  # the clause it ends
        named = any(clause <= s and e <= m.start() for s, e in figures)
        if named and any(s == m.end() for s, _ in figures):
            out.append(text[cut:m.end()])
            cut = m.end()
    return "，".join([*out, text[cut:]]) if out else text


def split_parts(text: str) -> list[str]:
    """Clauses that each ask something; a clause without a question word joins the next (予以公开、部分公开各多少), and
    so does a scope said first (平潭的几个片区里，谁…); two questions joined by 以及/还有 are two clauses."""
    for numbered in (ORDINAL_DOT, ORDINAL_PAREN, ORDINAL_WORD, ORDINAL_LABEL):  # 1.新收 2.公开率: numbered so only where
        # they count 1, 2, 3…
        marks = [ORDINALS.get((m.group(1) or m.group(m.lastindex)).lower()) for m in numbered.finditer(text)]
        if len(marks) >= 2 and marks == list(range(1, len(marks) + 1)):
            text = numbered.sub(f"；{ITEM}", text)
    if len(BULLET.findall(text)) >= 2:
        text = BULLET.sub(f"；{ITEM}", text)
    unmarked = ORDINAL_MARK.sub(f"；{ITEM}", _clauses_unsaid(text))  # 一、…；二、…: each numbered item a clause
    unmarked = BRACKETED.sub(lambda m: m.group().translate(HELD_APART), unmarked)  # 左边（新收、上年结转）合起来: one item
    pieces = [p.translate(PUT_BACK) for p in PART_SEPARATORS.split(unmarked)]
    asked = [bool(re.search(r"[？?]", sep)) for sep in PART_SEPARATORS.findall(unmarked)] + [False]
    segments, marked, opened, joins = [], [], [], []  # marked: ends in a question mark; opened: an item or 还有… begins
    for s, mark in zip(pieces, asked, strict=True):
        item = s.startswith(ITEM)
        joined = LEADING_JOINER.match(s.removeprefix(ITEM))
        s = LEADING_JOINER.sub("", s.removeprefix(ITEM))  # ，还有洪泽区…: the joiner opens the clause, no part of a name
        if s:
            split = _joined_questions(s)
            segments += split
            marked += [False] * (len(split) - 1) + [mark]
            opened += [item or bool(REQUEST_OPENER.match(split[0])) or (bool(joined) and bool(QUESTION_CUE.search(split[0])))
                       ] + [True] * (len(split) - 1)
            joins += [bool(joined) or s.startswith(("和", "及"))] + [False] * (len(split) - 1)
    if each := _asked_of_each(segments, unmarked.translate(PUT_BACK)):
        return each[:MAX_PARTS]
    parts: list[str] = []
    pending, pending_from = "", 0  # the clauses not yet a part, and the first of them
    if len(segments) >= 3 and _asks_agreement(segments[-1]) and len(segments[-1]) <= MAX_AGREE_CHARS:
        # 新收加上年结转，和办结加结转下年度，对得上吗: each sum a part, then whether they agree
        return [re.sub(r"^(?:和|与|跟|同)", "", seg) for seg in segments][-MAX_PARTS:]
    for i, seg in enumerate(segments):
        asks_own = ASKS_FIRST.match(seg) and _names_a_measure(seg, strong=True) and not EXCLUDED.search(pending)
        if (opened[i] or asks_own) and pending and not pending.endswith(SCOPE_ENDINGS) and _names_a_measure(pending):
            # 合计申请，多少予以公开: a listed item, then one asked (not 除了60岁以上的，多少…: what the next leaves out)
            parts.append(pending)  # 新收申请数和结转数，还有他们的网站怎么管的: the figures named are asked as they are
            pending = ""
        if i and marked[i - 1] and marked[i] and pending and not parts and _names_a_measure(pending) and \
                _names_a_measure(seg):  # 本年新收？行政处罚决定？: figures listed each with its question mark
            parts.append(pending)
            pending = ""
        pending_from = pending_from if pending else i
        pending += ("，" if pending.endswith(SCOPE_ENDINGS) else "、" if pending and not pending.endswith((":", "："))
                    else "") + seg  # 2024年：(1)新收…: the colon already joins what the items are of
        rate_named = (i < len(segments) - 1 and RATE_NAMED.search(seg) is not None  # 个人申请所占比例，2021年比
                      and RATE_CHANGED.search(segments[i + 1]) is not None  # 2020年变了几个百分点: one rate's change
                      and not _names_a_measure(segments[i + 1]))
        noun_phrase = rate_named or (seg.endswith("的") and i < len(segments) - 1 and not CLEFT.search(seg)  # …要什么的，有几件:
                       and not has(seg, ("吗", "呢", "有没有", "是否"))  # what the next clause asks of (是怎么来的 asks)
                       and not COUNT_ASKED.search(seg))  # 有几件申请是社会公益组织提的: a count asked, a part of its own
        listed = marked[i] and i > 0 and marked[i - 1] and parts  # …几件？申请人的平均年龄？: questions listed by ？
        refined = i == 0 and i < len(segments) - 1 and _refines_switch(seg, segments[1])
        if (QUESTION_CUE.search(seg) or listed or opened[i] and REQUEST_OPENER.match(seg)) and not seg.endswith(
                SCOPE_ENDINGS) and not noun_phrase and not refined:
            parts.append(pending)
            pending = ""
    if pending:
        last_item = opened[-1] or joins[pending_from]  # …，多少不掌握，和公开率; …，以及2024年…的件数: an item
        if parts and not (last_item and _names_a_measure(pending)):  # 1.新收 2.公开率 3.复议数: the last item too
            parts[-1] += "，" + pending
        else:
            parts.append(pending)
    return parts[:MAX_PARTS] if len(parts) > 1 else [text]


# …分别对还是错, …两项各是多少, …各多少: a closing question asked of each statement before it
ASKED_OF_EACH = re.compile(r"分别|各(?:是|为|有)?(?:多少|几)|每一?项|[两二三四2-4](?:项|个数|个数字|者)|二者|两者")


def _asked_of_each(segments: list[str], text: str) -> list[str] | None:
    """判断：(1)新收113件；(2)被起诉过。分别对还是错 / 既没人申请复议，也没有结转的，对吧？两项各是多少: statements that
    each name a figure, then one question asked of each of them; each statement is a part, asked that question
    (not where the closing question compares, sums or checks the figures against each other)."""
    named = [i for i, seg in enumerate(segments) if _names_a_measure(seg)]
    if len(named) < 2 or EXCLUDED.search("，".join(segments)):  # 除了…的那2件，其余几件分别…: one remainder
        return None
    tail = "，".join(segments[named[-1] + 1:])
    if any(QUESTION_CUE.search(segments[i]) for i in named) or has(tail, ("占", "比例", "比重", "百分之")):
        return None  # statements only (a clause that asks is a part already); 各占多少: shares of one whole
    if not ASKED_OF_EACH.search(tail) or _names_a_measure(tail) or "比" in tail or has(
            tail, (*COMPARE_CUES, *TOTAL_CUES, *AGREE_CUES)):  # 两者之比, 两者哪个多: of the figures together
        return None
    at, cuts = 0, []  # 本年新收、上年结转，各是多少: figures listed in one clause are asked side by side, not apart
    for seg in segments:
        found = text.find(seg, at)
        if found < 0:
            return None
        cuts.append(text[at:found])
        at = found + len(seg)
    if any(set(re.sub(r"\s", "", cuts[i])) <= {"、"} for i in named[1:]):
        return None
    bounds = [*named[1:], named[-1] + 1]
    parts = ["，".join(segments[a:b]) for a, b in zip(named, bounds, strict=True)]
    parts[0] = "，".join([*segments[:named[0]], parts[0]])
    return [f"{p}，{tail}" for p in parts]


def _refines_switch(first: str, then: str) -> bool:
    """那洪泽区和沭阳县呢？三家的纠正件数合计多少 / 上海那边呢？…这一项加起来: the 那…呢 clause names the reports,
    the next says how the figure asked before is taken over them; one question, not two."""
    return (first.endswith("呢") and not COUNT_ASKED.search(first) and not has(first, ("多少", "几"))
            and not _names_a_measure(first)  # 部分公开的呢？两个加起来多少: a figure asked, then the two summed
            and bool(REFERS_BACK.search(then) or WHOLE_COUNT.search(then) or has(then, TOTAL_CUES)))


def _names_a_measure(text: str, strong: bool = False) -> bool:
    """Whether the text names a figure or a rate; `strong`: by more than a weak word (申请, 收到)."""
    keys, _, weak = figure_keys(text)
    return bool(keys and not (strong and weak) or has(text, QUERY_RATES))


LISTED = re.compile(r"、|以及|及|还有")  # 新收、结转下年度以及复议: a list's joints (和 more often joins what is summed)


def listed_figures(q: str) -> list[str]:
    """Figures of different tables listed in one clause (新收、结转下年度、行政复议总数分别是多少; a search box's
    新收/结转/复议): each item a part of its own, asking what the clause asks (是多少 where it says nothing); none
    when the items are of one table (新收、结转各多少 is answered side by side) or are added or compared."""
    if has(re.sub(r"\([^)]*\)", "", q), TOTAL_CUES + COMPARE_CUES + RANKING_CUES):
        return []  # …、行政诉讼总数（两类加一起）: a sum inside one item's brackets is that item's
    items = [i for i in LISTED.split(q) if i] or [q]
    if len(items) < 2:  # 收到申请和复议数分别多少: 和 joins figures of two tables, each its own
        items = [i for i in re.split(r"和|与|跟", q) if i]
        if len(items) != 2 or not all(keys := [figure_keys(i)[0] for i in items]) or len(
                {k.table for ks in keys for k in ks}) < 2:
            return []  # most questions list nothing: no reading of their figure per item
    *head, last = items
    tail = re.split(r"和|与|跟", last, maxsplit=1)  # 予以公开数、不予公开数和行政诉讼数: a list's last joint is 和
    if len(tail) == 2 and all(figure_keys(t)[0] for t in tail):
        items = [*head, *tail]
    keys = [figure_keys(i)[0] for i in items]
    if not all(keys) or len({k.table for ks in keys for k in ks}) < 2:
        return []
    asked = QUESTION_CUE.search(items[-1])
    tail = items[-1][asked.start():] if asked else "是多少"
    return [i if QUESTION_CUE.search(i) else f"{i}{tail}" for i in items]


RATE_JOINT = re.compile(r"^(?:和|与|及|以及|跟|、|，|,)")


def listed_rates(q: str) -> list[str]:
    """Rates listed in one clause (复议纠错率和诉讼纠错率各是多少, 公开率、办结率分别多少): each rate a part of its own,
    with its own qualifier (复议, 诉讼) and what the clause says around them (鹿城区和洪泽区的公开率、办结率哪个高: each
    compared); none for one rate, or where the rates are set against each other (公开率比纠错率高吗: COMPARE_CUES)."""
    rates = find_phrases(q, QUERY_RATES)
    if len(rates) < 2 or has(q, COMPARE_CUES + RANKING_CUES):
        return []
    joints = [q[a[1]:b[0]] for a, b in zip(rates, rates[1:], strict=False)]
    if not all(RATE_JOINT.match(j) and len(j) <= MAX_RATE_QUALIFIER for j in joints):
        return []
    start = rates[0][0]
    own = next((w for s, e, w in find_phrases(q[:start], RATE_QUALIFIERS) if e == start), "")  # 复议 of 复议纠错率
    head, tail = q[:start - len(own)], q[rates[-1][1]:]
    qualifiers = [own, *(RATE_JOINT.sub("", j) for j in joints)]
    return [f"{head}{qualifier}{rate}{tail}" for qualifier, (_, _, rate) in zip(qualifiers, rates, strict=True)]


MAX_RATE_QUALIFIER = 8
RATE_QUALIFIERS = (*QUERY_REVIEW_GROUPS, *QUERY_COLUMNS, *QUERY_COLUMN_GROUPS)


def _with_parts_before(p: str, it: Intent, before: list[Intent], catalog: Catalog) -> Intent:
    """A part that refers to the parts before it: 两者合计多少 sums their figures (in the report they share);
    跟洪泽区2023年比哪个多 compares the report the part before asked about with the one it names."""
    last = before[-1] if before else None
    if last is None or not last.targets:
        return it
    figures = [i for i in before if i.keys and i.targets == last.targets and not i.rate]
    if has(p, TOTAL_CUES) and len(figures) >= 2 and it.kind in ("decline", "narrative", "figure") and not (
            it.keys and it.keys != last.keys):
        return _summed(it, figures, {"unsupported": None, "agencies": list(last.agencies)})
    if (whose := LATTER_OF_FORMER.search(p)) and asks_share(p) and len(figures) >= 2:
        num, den = (figures[-1], figures[-2]) if whose.group(1) == "后者" else (figures[-2], figures[-1])
        words = [compose.label(**i.keys[0].model_dump()) if len(i.keys) == 1 else i.figure_word or "" for i in (num, den)]
        spec = RateSpec(label=f"{words[0]}占{words[1]}的比例", numerator=list(num.keys), denominator=list(den.keys),
                        formula=f"{words[0]}÷{words[1]}")  # 后者占前者百分之几: the parts' own figures, one over the other
        return it.model_copy(update={"kind": "rate", "rate": "share", "rate_spec": spec, "keys": list(num.keys),
                                     "targets": list(last.targets), "agencies": list(last.agencies), "reason": None,
                                     "unsupported": None, "column": None,  # two sums over the years: one rate of them
                                     "pooled": num.kind == den.kind == "sum"})
    if _asks_agreement(p) and len(figures) >= 2 and it.kind in ("decline", "narrative", "figure"):
        return _beside(it, figures[-2:], {"unsupported": None, "reason": None, "agencies": list(last.agencies),
                                          "targets": list(last.targets)})  # 两者对得上吗: the two side by side
    if it.times and "它" in p and len(it.agencies) == len(it.years) == len(last.targets) == 1 and (
            it.agencies != last.agencies) and it.keys in ([], last.keys):  # 洪泽区2024年收了多少？鹿城2022年的是它的几倍
        pairs = [(it.agencies[0], it.years[0]), last.targets[0]]  # this part's report over the one the part before asked
        return resolve_targets(it.model_copy(update={
            "kind": "comparison", "keys": list(last.keys), "agencies": [a for a, _ in pairs], "years": [y for _, y in pairs],
            "pairs": pairs, "targets": [], "sides": [], "missing": [], "reason": None, "unsupported": None}), catalog)
    if it.kind == "comparison" and len(it.targets) == 1 and len(last.targets) == 1 and it.targets != last.targets \
            and it.keys == last.keys:
        pairs = [last.targets[0], it.targets[0]]
        return resolve_targets(it.model_copy(update={"agencies": list(dict.fromkeys(a for a, _ in pairs)),
                                                     "years": [y for _, y in pairs], "pairs": pairs,
                                                     "targets": [], "sides": []}), catalog)
    return it


def _part_of_year_asked(q: str) -> str | None:
    """A month or a day said in the clause that asks (3月份收到多少), or a span of months anywhere (1到6月，也就是头半年，…):
    a part of the year the tables do not split; a date said in a clause that asks nothing (稿子定在4月1日发，…) only tells
    when something else happened."""
    if span := MONTH_SPAN.search(q):
        return span.group()
    for clause in re.split(r"[，,。；;！!？?：:]", q):
        if (m := PART_OF_YEAR.search(clause)) and QUESTION_CUE.search(clause):
            return m.group()
    return None


LATTER_OF_FORMER = re.compile(r"(后者|前者)(?:占|是|为)?(?:了)?(?:前者|后者)")  # 后者占前者百分之几


def _asks_agreement(p: str) -> bool:
    """两者一致吗, 对得上吗: whether the figures asked before agree, naming none of its own."""
    return has(p, AGREE_CUES) is not None and not figure_keys(p)[0]


def _joined_questions(segment: str) -> list[str]:
    """收到多少申请以及复议纠错率是多少: each side of 以及/还有/另外/同时 that asks something of its own."""
    halves = re.split(r"以及|还有|另外|同时", segment, maxsplit=1)
    if len(halves) == 2 and all(QUESTION_CUE.search(h) for h in halves):
        return [halves[0], *_joined_questions(halves[1])]
    return [segment]


def signature(it: Intent) -> tuple:
    return it.kind, tuple((k.table, k.row, k.column) for k in it.keys), it.rate, it.column, it.breakdown


def _each_share(q: str, it: Intent) -> list[tuple[str, Intent]]:
    """个人和企业各占多少: one share per applicant type named, each over the same total (not the share of their sum)."""
    spec = it.rate_spec
    if it.rate != "share" or spec is None or not has(q, (*EACH_CUES, "各占", "各自占")):
        return []
    columns = list(dict.fromkeys(k.column for k in spec.numerator))
    if len(columns) < 2 or any(c in (None, "total") for c in columns):
        return []
    words, whole = said_columns(q), spec.formula.split("÷", 1)[1]
    parts = []
    for c in columns:
        keys, word = [k for k in spec.numerator if k.column == c], words.get(c, c)
        part = RateSpec(label=f"{word}申请占比", numerator=keys, denominator=spec.denominator, formula=f"{word}申请÷{whole}")
        parts.append((f"{word}占比", it.model_copy(update={"rate_spec": part, "keys": keys, "column": c})))
    return parts


def _each_held(it: Intent) -> list[tuple[str, Intent]]:
    """鹿城区2022年和2021年分别多少, with 2021 not held: each report asked is a part, the held ones answered and the
    others declined, rather than the whole question declined for one report."""
    if not (it.kind == "decline" and it.reason == "year_not_held" and it.targets and it.keys and has(it.question, EACH_CUES)):
        return []
    kind = "rate" if it.rate else "figure"
    parts = {t: it.model_copy(update={"kind": kind, "reason": None, "targets": [t], "missing_years": [], "years": [t[1]],
                                      "pairs": []}) for t in it.targets}
    parts |= {t: it.model_copy(update={"targets": [], "missing_years": [t], "years": [t[1]], "pairs": []})
              for t in it.missing_years}
    said = {y: i for i, y in enumerate(it.years)}
    return [(f"{a}{y}年", parts[(a, y)]) for a, y in sorted(parts, key=lambda t: said.get(t[1], len(said)))]


def _each_told(it: Intent) -> list[tuple[str, Intent]]:
    """平潭管委会2015年和2016年各主动公开了多少条: what the text tells, asked of each report named, one part each
    (one passage search over both finds one report's sentence)."""
    if it.kind != "narrative" or len(it.targets) < 2 or len(it.targets) > MAX_PARTS or not has(it.question, EACH_CUES + ("各",)):
        return []
    return [(f"{a}{y}年", it.model_copy(update={"targets": [(a, y)], "agencies": [a], "years": [y], "pairs": []}))
            for a, y in it.targets]


# …收了多少、公开了多少，鹿城区的呢？: the agency said last, in a clause of its own
AGENCY_LAST = re.compile(r"[,，;；:：]([^,，;；:：?？。!！]{2,16}?)(?:的呢|的|呢|那边|那里|这边)?([?？。!！]*)$")


def _agency_said_last(text: str, catalog: Catalog) -> str:
    """The agency moved before a question that names no other, so every part reads it (not only the last)."""
    m = AGENCY_LAST.search(text)
    if not m or m.start() < 4:
        return text
    said, rest = m.group(1), text[:m.start()]
    agencies, mentions, _, _ = find_agencies(said, catalog, [], recent=True)
    if len(agencies) != 1 or mentions != [said] or find_agencies(rest, catalog, [], recent=True)[0] or find_scope(rest, catalog)[2]:
        return text
    return f"{said}{rest}{m.group(2)}"


def plan_parts(question: str, normalized: str, history: list[dict], catalog: Catalog,
               reader: Reader | None = None) -> list[tuple[str, Intent]]:
    """(part text, intent) per part; one part unless the clauses ask different things."""
    if (moved := _agency_said_last(normalized, catalog)) != normalized:
        question = normalized = moved
    whole = understand(question, history, catalog, reader)
    if each := _each_share(whole.question, whole) or _each_held(whole) or _each_told(whole):
        return each
    parts = [item for p in split_parts(normalized)  # 收到申请和复议数各多少，…: a clause as said, its items parts
             for item in ((p in normalized and (listed_figures(p) or listed_rates(p))) or [p])]
    if len(parts) < 2:
        return [(question, whole)]
    out: list[tuple[str, Intent, list[dict]]] = []  # part, its intent, the turns it was read after
    turns = list(history)
    for p in parts:
        if out and out[-1][1].keys and out[-1][1].figure_word and (at := ROW_POINTER.search(p)) and not figure_keys(p)[0]:
            p = f"{p[:at.start()]}“{out[-1][1].figure_word}”{p[at.end():]}"  # …怎么写“属于国家秘密”的：哪些报告里这一行不是零
        it = understand(p, turns, catalog, reader)
        if it.kind == "narrative" and it.keys and not it.textual and not QUESTION_CUE.search(p):
            it.kind = "figure"  # 合计申请，多少予以公开…: a measure listed among questions asks its value as they do
        same = bool(out) and signature(it) == signature(out[-1][1])  # …，哪个多？ or the same figure asked again
        latin = bool(re.search(r"[A-Za-z]{2,}", p))  # 区GDP是多少: something of its own, though no Chinese word says it
        continues = same and not latin and (not it.topic or bool(it.keys) and it.targets == out[-1][1].targets)
        unresolved = bool(out) and it.kind in ("clarify", "decline") and it.reason in ("no_agency", "several_agencies")
        same_decline = bool(out) and it.kind == out[-1][1].kind == "decline" and it.reason == out[-1][1].reason
        across = bool(out) and out[-1][1].kind == "precedent" and not out[-1][1].agencies  # 哪个单位搞过…？怎么搞的？
        how_across = across and it.kind == "narrative" and not (it.agencies or it.clarify or it.keys)
        agrees = bool(out) and _asks_agreement(p)  # 对得上吗: of the parts before, a part of its own
        in_unit = bool(out) and UNIT_ONLY.fullmatch(p) is not None and not figure_keys(p)[0]  # …经费，账上是多少万元:
        # the amount the part before asks, in a unit
        either = bool(out) and EITHER_OR.fullmatch(p) is not None and not (it.keys or it.rate or re.search(r"\d", p))
        aspects = bool(out) and it.kind == out[-1][1].kind == "narrative" and it.targets == out[-1][1].targets and (
            f"{out[-1][0]}、{p}" in normalized) and not any(asks_count(t) for t in (out[-1][0], p))
        # 多久查一次、多久通报一次: one passage asked of, in two aspects (not 怎么培训的、培训了几次: a count of its own)
        last = out[-1][1] if out else None
        scoped_later = bool(last) and last.kind == it.kind == "narrative" and not (
            last.agencies or last.years or last.keys or last.scope) and bool(it.agencies) and not it.keys and not (
            ASIDE_OPENS.match(out[-1][0]))  # 不问经办人是谁，…: what is not asked is no topic of the next
        # 政策文件和解读材料怎么同步发布，平潭2018年有什么好做法: the topic said first, whose it is said after
        verdict = bool(last) and last.kind == "narrative" and REPORT_VERDICT.match(p.rstrip("?？")) is not None
        if last and last.rank_of and AHEAD_OF.search(p):
            continue  # …排第几？比它多的是哪几家: the ranking lists those ahead of it
        if last and {it.kind, last.kind} == {"figure", "breakdown"} and it.keys == last.keys \
                and it.targets == last.targets:  # 有没有人申请复议？复议结果怎样: the outcomes answer both
            out[-1] = (out[-1][0] + "，" + p, it if it.kind == "breakdown" else last, out[-1][2])
        elif (continues or unresolved or same_decline or how_across or aspects or either or scoped_later or verdict
              or in_unit) and not agrees:  # …叫什么、要的是什么
            text, before = out[-1][0] + "，" + p, out[-1][2]
            out[-1] = (text, understand(text, before, catalog, reader), before)
        else:
            out.append((p, _with_parts_before(p, it, [i for _, i, _ in out], catalog), turns))
        turns = turns + [{"role": "user", "content": p}, {"role": "assistant", "content": ""}]
    return [(p, it) for p, it, _ in out] if len(out) > 1 else [(question, whole)]
