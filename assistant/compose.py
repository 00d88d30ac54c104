"""The Chinese wording of answers: labels of cells as said in a sentence, units, numbers, years, the
sentences for declining and asking back, and the Draft that numbers citations as the text cites them.
No figures are decided here, only how they are said and cited."""

from __future__ import annotations

import re
from collections import OrderedDict

from assistant.catalog import CatalogEntry
from assistant.figures import RESULT_ROWS, Value
from assistant.narrative import MAX_AGENCIES, NUMBER, Passage, Scored, count_clause
from assistant.query import CellKey, Intent
from index.models import Answer, Citation, Figure, Number
from index.vocabulary import COLUMN_LABELS, REQUEST_ROWS, TABLE_NUMBERS, cell_labels

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[.．、])")
_ROWS = {r.key: r for r in REQUEST_ROWS}
MAX_LISTED = 12  # agencies named when listing what the corpus holds
# how an answer to a yes-no question opens (是不是过半了, 有没有超过20件): the claim checked, then the figure
VERDICT = {True: "是的，", False: "不是，"}


def strip_numbering(label: str) -> str:
    return _NUMBERING.sub("", label.strip())


def label(table: str, row: str, column: str | None = None) -> str:
    """A cell's name as said in a sentence: 不予公开（保护第三方合法权益）（商业企业）, 行政复议结果纠正."""
    if table == "requests":
        r = _ROWS.get(row)
        if r is None:
            text = row
        else:
            text = strip_numbering(r.label)
            group = strip_numbering(r.group)
            if group and group != "本年度办理结果" and not r.label.startswith(r.group):
                text = f"{group}（{text}）"
            elif row == "results_total":
                text = "办理结果总计"
            text = text.removesuffix("数量").removeprefix("本年")
        if column and column != "total":
            text += f"（{COLUMN_LABELS.get(column, column)}）"
        return text
    row_label, col_label = cell_labels(table, row, column)
    if table == "review_litigation":
        group = row_label if " " not in row_label else "{}（{}）".format(*row_label.split(" ", 1))
        return group + ("" if col_label == "总计" else col_label)
    return f"{strip_numbering(row_label)}{col_label}"


def unit(table: str, row: str) -> str:
    if row == "fees_amount_wan":
        return "万元"
    if row == "procurement_amount":
        return "元"
    if row.endswith(("_prev_items", "_change", "procurement_items")):
        return "项"
    return "件"


def number(v: Number | None) -> str:
    if v is None:
        return "（空）"
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))
    return str(v)


def amount(v: Number | None, table: str, row: str) -> str:
    return "（表中该格为空）" if v is None else f"{number(v)}{unit(table, row)}"


def report_name(agency: str, year: int) -> str:
    return f"{agency}{year}年度"


def table_number(table: str) -> str:
    return TABLE_NUMBERS.get(table, table)


def newest_note(year: int, word: str | None, newest: int | None) -> str:
    """按最新报告（2024年度）… said whenever the year was not given as a number."""
    if word in (None, "最新", "今年", "去年", "最近一年", "上一年度"):
        return f"按最新报告（{year}年度）"
    if word in ("前年", "大前年") and newest:
        return f"按最新报告（{newest}年度）推算，{word}为{year}年度"
    return ""


CHECK_WORDING = {
    "requests.balance": "本年新收＋上年结转≠办理结果总计＋结转下年度",
    "requests.results_sum": "各项办理结果之和≠办理结果总计",
    "requests.row_total": "各类申请人之和≠总计",
    "review_litigation.totals": "各项结果之和≠总计",
    "continuity.carried": "上年结转数与上一年度报告的结转下年度数不一致",
    "continuity.in_force": "现行有效件数与上一年度报告衔接不上",
}


# a check's detail is written for developers (new_received 113 + carried_over 5 ≠ …): its words as the page says them
DETAIL_WORDS = {
    "sum of result rows": "各项结果之和", "last year's": "上年报告的", "this year's": "本年报告的",
    "results_total": "办理结果总计", "new_received": "新收", "carried_over": "上年结转", "carried_forward": "结转下年度",
    "post_review_suit": "复议后起诉", "direct_suit": "直接起诉", "review": "行政复议", "narrative": "正文",
    "table": "表格", "total": "总计", "upheld": "维持", "corrected": "纠正", "other": "其他", "pending": "尚未审结",
    "issued": "制发", "repealed": "废止", "in_force": "现行有效", "ambiguous cells": "数字粘连的格子",
    "not checked": "未核对", **COLUMN_LABELS,
}
_DETAIL = re.compile("|".join(re.escape(w) for w in sorted(DETAIL_WORDS, key=len, reverse=True)))


def detail_words(detail: str) -> str:
    """A check's detail in the page's words (the figures and ≠ as the check wrote them)."""
    said = _DETAIL.sub(lambda m: DETAIL_WORDS[m.group()], detail)
    return re.sub(r"(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])", "·", said)  # 新收.总计 -> 新收·总计, 96171.6 kept


def check_words(rule: str) -> str:
    """A check rule as the page says it (a narrative rule: 正文数字与表格不一致)."""
    return CHECK_WORDING.get(rule, "正文数字与表格不一致" if rule.startswith("narrative.") else rule)


def check_note(table: str, rules: list[str], report: str = "") -> str:
    """注：该报告表三自身合计不一致 … (the figure is quoted as printed, never corrected)."""
    said = [check_words(r) for r in rules]
    own = [r for r in rules if not r.startswith(("continuity.", "narrative."))]
    what = "自身合计不一致" if own else "数字与其他来源不一致"
    return f"注：{report + '报告' if report else '该报告'}{table_number(table)}{what}（{'；'.join(dict.fromkeys(said))}），以上数字按报告原文引用。"


def listing(names: list[str], limit: int = MAX_LISTED) -> str:
    shown = "、".join(names[:limit])
    return shown + (f"等{len(names)}个" if len(names) > limit else "")


def decline_unknown_agency(mention: str, agencies: list[str]) -> str:
    return f"已收录的报告中没有“{mention}”的年度报告，无法回答。现有单位：{listing(agencies)}。"


def decline_year(agency: str, years: list[int], held: str, nearby: list[str] = ()) -> str:
    ys = "、".join(f"{y}年度" for y in years)
    text = f"已收录的报告中没有{agency}{ys}的报告，不能用其他年份的数字代替。现有：{held}。"
    return text + (f"同一地方有{ys}报告的单位：{listing(nearby)}。" if nearby else "")


def decline_unsupported(word: str) -> str:
    return f"政府信息公开年度报告的统计表不包含“{word}”这类数据，无法回答。"


def decline_not_stated(scope: str) -> str:
    return f"{scope}的报告中有相关的文字，但没有写明所问的这个数目，无法回答。"


def decline_cause(scope: str, what: str) -> str:
    return f"{scope}的报告只列出了{what}的数字，没有说明原因，无法回答“为什么”。"


def decline_cause_told(scope: str) -> str:
    return f"{scope}的报告写了相关情况，但没有说明原因，无法回答“为什么”。以下是报告原文中的相关内容："


# declines whose reason says it all: no report records these, whatever the agency or year asked
FIXED_DECLINES = {
    "person": "政府信息公开年度报告只统计数量和结果，不记录申请人、负责人等个人的姓名或身份，无法回答。",
    "case_detail": "政府信息公开年度报告只统计案件的数量和结果，不记录某一件案件的申请人、申请内容等细节，无法回答。",
    "future_plan": "政府信息公开年度报告统计的是当年已经完成的工作，对今后工作的打算没有统计数字，无法回答。",
    "service": "政府信息公开年度报告只记录各单位一年的工作和统计数字，不代写文书、不提供办事指引，也不记录某个人的申请办到了哪一步；"
               "这些请咨询该单位或查阅《政府信息公开条例》。",
    "opinion": "政府信息公开年度报告记录的是各单位自己报告的工作和数字，不对单位作评价或排名；可以比较具体的数字（如收到的申请、"
               "行政复议被纠正的件数），或看某单位在报告里自己说的不足。",
    "report_meta": "这里回答的是年报里写的内容和数字，不提供报告的下载链接，也不统计报告的页数、字数；每条回答都注明出处报告，"
                   "原文可在该单位的政府信息公开网站查阅。",
    "whole_area": "已收录的只是部分单位的年度报告，不包括一个省、市或各区县的全部单位，无法合计或排名；可以问已收录单位各自的数字，"
                  "或在已收录单位中比较。",
    "outside_body": "已收录的是行政机关的政府信息公开年度报告，不包括企业、银行、学校、医院等其他单位，无法与它们比较；"
                    "可以比较已收录机关的数字。",
    "request_subject": "政府信息公开年度报告统计申请的数量、申请人类型和办理结果，不按申请的内容或领域分类，无法回答；"
                       "可以问收到多少申请、各类申请人各多少、办理结果如何。",
    "other_report": "已收录的只有各单位的政府信息公开工作年度报告，没有政府工作报告、预决算、审计、统计公报或法治政府建设等其他报告，"
                    "无法回答其中的内容；可以问政府信息公开年度报告里的数字和内容。",
    "forecast": "政府信息公开年度报告只统计已经发生的数字，不对以后或假设情况下的数字作推测；可以问已收录年度的数字和变化。",
    "foreign": "已收录的只有我国行政机关的政府信息公开年度报告，没有其他国家或地区的信息公开数据，无法比较；可以比较已收录机关的数字。",
    "file_export": "这里不生成文件、图表，也不发送邮件；以上是报告中的数字，可直接复制使用。",
}


def decline_missing_cell(agency: str, year: int, what: str, template: str) -> str:
    form = {"pre2019": "2019年以前的格式，没有统一的统计表", "2019": "2019年版表格", "2021": "2021年版表格"}
    return f"{report_name(agency, year)}报告中没有“{what}”这一项（该报告为{form.get(template, template)}）。"


def ambiguous_cell(v: Value) -> str:
    """A cell whose printed digits run together with its neighbours': the raw run and the readings the report's
    arithmetic leaves open, never a blank or a guess."""
    a = v.ambiguity
    readings = [number(r) if r is not None else "空白" for r in v.readings()]
    shown = "或".join(readings[:4]) + ("等" if len(readings) > 4 else "")
    return (f"{report_name(v.entry.agency, v.entry.year)}报告中“{label(**v.key.model_dump())}”一格，报告原文此处数字粘连"
            f"（“{a.text if a else ''}”），可能是{shown}，报告本身无法确定，因此不给出确切数字。")


def trend_sentence(first: int, last: int, a: Number, b: Number, diff: Number, pct: float | None, u: str) -> str:
    """From the span's first held year to its last (never called 比上年: the years need not be adjacent)."""
    if diff == 0:
        return f"{first}年度到{last}年度持平（均为{number(a)}{u}）。"
    way, rate = ("增加", "增长") if diff > 0 else ("减少", "下降")
    tail = f"，{rate}{abs(pct)}%" if pct is not None else ""
    return f"从{first}年度的{number(a)}{u}到{last}年度的{number(b)}{u}，{way}{number(abs(diff))}{u}{tail}。"


def steps_sentence(points: list[tuple[int, Number]], u: str = "") -> str | None:
    """Year by year over three or more of one agency's years (是不是一直在涨, 哪一年跌了多少): whether each step went
    the same way, and by how much each went, its subtraction shown."""
    if len(points) < 3:
        return None
    steps = [(x, y, a, b) for (x, a), (y, b) in zip(points, points[1:], strict=False)]
    said = "，".join(f"{y}年度较{x}年度" + (f"{'增加' if b > a else '减少'}{number(round(abs(b - a), 2))}{u}（{number(max(a, b))}−{number(min(a, b))}）"
                                           if b != a else "持平") for x, y, a, b in steps)
    if all(b > a for *_, a, b in steps):
        return f"逐年都在增加：{said}。"
    if all(b < a for *_, a, b in steps):
        return f"逐年都在减少：{said}。"
    return f"并非逐年同向变化：{said}。"


def decline_unrecorded(word: str) -> str:
    return f"已收录的年度报告中都没有关于“{word}”的记录，无法回答。"


def decline_empty_scope(words: list[str], held: dict[str, list[str]]) -> str:
    """江苏的公安部门 when no report of one is held: say so, and what the place does hold."""
    there = "".join(f"{p}已收录：{listing(agencies, 8)}。" for p, agencies in held.items())
    return f"已收录的报告中没有符合“{'、'.join(words)}”的单位，无法回答。{there}"


def decline_irrelevant(scope: str) -> str:
    return f"在{scope}的报告中没有找到与问题足够相关的内容，无法回答。"


def clarify_agencies(options: list[tuple[str, str]]) -> str:
    lines = "\n".join(f"{i}. {a}（{span}）" for i, (a, span) in enumerate(options, 1))
    return f"有几个单位都符合，您问的是哪一个？\n{lines}"


def clarify_no_agency(examples: list[str]) -> str:
    return f"请说明是哪个单位的报告，例如：{listing(examples, 5)}。"


# ---- the answer being written ------------------------------------------------------------------
class Draft:
    """An answer being written: text pieces, citations numbered in order of first use, figures, notes."""

    def __init__(self, question: str, kind: str):
        self.question, self.kind = question, kind
        self.parts: list[str] = []
        self.citations: list[Citation] = []
        self.figures: list[Figure] = []
        self.notes: list[str] = []
        self._seen: dict[tuple, int] = {}

    def markers(self, vs: list[Value]) -> str:
        """The [n] markers of the values found, each cell cited once (the values the report does not hold: none)."""
        return "".join(f"[{self.cite_cell(v)}]" for v in vs if v.found)

    def cite_cell(self, v: Value) -> int:
        c, e = v.cell, v.entry
        ident = (e.report_id, c.table, c.row, c.column)
        if ident not in self._seen:
            rl, cl = cell_labels(c.table, c.row, c.column)
            self.citations.append(Citation(
                n=len(self.citations) + 1, report_id=e.report_id, agency=e.agency, year=e.year, kind="cell",
                table=c.table, row=c.row, column=c.column, row_label=rl, column_label=cl, quote=c.raw,
                start=c.start, end=c.end, check_failed=[f.rule for f in v.failed], page=c.page))
            self._seen[ident] = len(self.citations)
            self.figures.append(Figure(agency=e.agency, year=e.year, table=c.table, row=c.row, column=c.column,
                                       value=c.value, citation=self._seen[ident]))
        return self._seen[ident]

    def cite_passage(self, p: Passage) -> int:
        ident = (p.report_id, p.start, p.end)
        if ident not in self._seen:
            self.citations.append(Citation(
                n=len(self.citations) + 1, report_id=p.report_id, agency=p.agency, year=p.year, kind="passage",
                section=p.section, quote=p.text, start=p.start, end=p.end, page=p.page))
            self._seen[ident] = len(self.citations)
        return self._seen[ident]

    def derived(self, e: CatalogEntry, name: str, value: Number | None, first_input: int | None = None,
                at: int = 0) -> None:
        """A computed figure (rate, change, sum): listed before the cells (`at`: its place among the computed
        figures of a listing), citing its first input cell (by default the first cell cited of e's report)."""
        if first_input is None:
            first_input = next(c.n for c in self.citations if c.report_id == e.report_id)
        self.figures.insert(at, Figure(agency=e.agency, year=e.year, table="derived", row=name, value=value,
                                       citation=first_input))

    def check_notes(self, values: list[Value]) -> None:
        by_table: OrderedDict[tuple[str, str], list] = OrderedDict()
        for v in values:
            for f in v.failed:
                by_table.setdefault((v.entry.report_id, v.cell.table), [])
                if f not in by_table[(v.entry.report_id, v.cell.table)]:
                    by_table[(v.entry.report_id, v.cell.table)].append(f)
        several = len({v.entry.report_id for v in values}) > 1
        names = {v.entry.report_id: report_name(v.entry.agency, v.entry.year) for v in values}
        for (rid, table), checks in by_table.items():
            note = check_note(table, [c.rule for c in checks], names[rid] if several else "")
            if note not in self.parts:
                self.parts.append(note)
                self.notes.append(note)

    def answer(self, abstained: bool = False, reason: str | None = None) -> Answer:
        return Answer(question=self.question, text="\n".join(p for p in self.parts if p), abstained=abstained,
                      reason=reason, citations=self.citations, figures=self.figures, kind=self.kind,
                      notes=self.notes)


def decline(question: str, text: str, reason: str, kind: str = "decline") -> Answer:
    return Answer(question=question, text=text, abstained=True, reason=reason, kind=kind)


def context_sentence(d: Draft, context: list[Value]) -> str:
    shown = [v for v in context if v.found and (v.value or v.key.column == "total")]
    if not shown:
        return ""
    if shown[0].key.row == "carried_over":
        v = shown[0]
        return f"，另有上年结转申请{amount(v.value, 'requests', 'carried_over')}[{d.cite_cell(v)}]"
    return "，其中" + "，".join(f"{part_label(v)}{amount(v.value, v.key.table, v.key.row)}[{d.cite_cell(v)}]"
                              for v in shown)


def part_label(v: Value) -> str:
    """The label of one part of a breakdown, without what the sentence already said (其他结果, 商业企业)."""
    k = v.key
    if k.table == "review_litigation":
        rl, cl = cell_labels(k.table, k.row, k.column)
        return cl if k.row.startswith("review_") else f"{rl.split()[-1]}{cl}"
    if k.table == "requests" and k.column not in (None, "total") and k.row not in RESULT_ROWS:
        return cell_labels(k.table, k.row, k.column)[1]
    return label(k.table, k.row, None)


def comparison_summary(rows: list[tuple[CatalogEntry, Number | None]], it: Intent, keys: list[CellKey]) -> str:
    known = [(e, v) for e, v in rows if v is not None]
    if len(known) < 2:
        return ""
    u = "个百分点" if it.rate else unit(keys[0].table, keys[0].row)
    if len(known) == 2:
        (e1, v1), (e2, v2) = known
        n1 = report_name(e1.agency, e1.year) if e1.agency != e2.agency else f"{e1.year}年度"
        n2 = report_name(e2.agency, e2.year) if e1.agency != e2.agency else f"{e2.year}年度"
        if v1 == v2:
            return "两者相同。"
        diff = round(abs(v1 - v2), 4)
        more, less = (n1, n2) if v1 > v2 else (n2, n1)
        return f"{more}比{less}{'高' if it.rate else '多'}{number(diff)}{u}。"
    top, bottom = max(v for _, v in known), min(v for _, v in known)
    one_agency = len({e.agency for e, _ in known}) == 1

    def named(value: Number) -> str:  # every report holding it: a tie is said, not broken by order
        tied = [e for e, v in known if v == value]
        if one_agency:
            return "、".join(str(e.year) for e in tied) + "年度"
        return "、".join(report_name(e.agency, e.year) for e in tied)

    most, least = ("最高", "最低") if it.rate else ("最多", "最少")
    def shown(v: Number) -> str:
        return f"{number(v)}{'%' if it.rate else u}"

    if top == bottom:
        return f"各份报告相同（{shown(top)}）。"
    said = f"{most}的是{named(top)}（{shown(top)}），{least}的是{named(bottom)}（{shown(bottom)}）。"
    if it.nth and it.nth <= len(known):  # 排第三的是哪年: the place asked, ties named
        placed = sorted((v for _, v in known), reverse=not it.ascending)[it.nth - 1]
        said = f"{order_said(it.ascending, bool(it.rate))}排第{it.nth}的是{named(placed)}（{shown(placed)}）。" + said
    return said


def order_said(ascending: bool, rate: bool = False) -> str:
    """The direction a ranking counts places in, as the answer says it (从多到少, or 从高到低 for a rate)."""
    return ("从低到高" if ascending else "从高到低") if rate else ("从少到多" if ascending else "从多到少")


def merge(answers: list[Answer], question: str) -> Answer:
    """The answers to a question's parts as one: each part's paragraph in order, its [n] markers and figures
    renumbered after the previous parts' citations; it abstains only when every part does."""
    texts, citations, figures, notes = [], [], [], []
    for a in answers:
        offset = len(citations)
        texts.append(re.sub(r"\[(\d+)\]", lambda m, o=offset: f"[{int(m.group(1)) + o}]", a.text))
        citations += [c.model_copy(update={"n": c.n + offset}) for c in a.citations]
        figures += [f.model_copy(update={"citation": f.citation + offset}) for f in a.figures]
        notes += [n for n in a.notes if n not in notes]
    declined = [a for a in answers if a.abstained]
    return Answer(question=question, text="\n\n".join(texts), abstained=len(declined) == len(answers),
                  reason=";".join(a.reason or "" for a in declined) or None, citations=citations, figures=figures,
                  kind=next((a.kind for a in answers if not a.abstained), answers[0].kind), notes=notes)


# ---- narrative answers -----------------------------------------------------------------------------------
def extractive(question: str, quotes: list[Scored], several: bool) -> Answer:
    """The answer line first - the best sentence, or for a count the clause stating it with its number and
    unit as printed (a passage figure) - then the supporting quotes, best first."""
    d = Draft(question, "narrative")
    several = several or len({(q.sentence.agency, q.sentence.year) for q in quotes}) > 1  # years read in turn
    best = quotes[0].sentence
    p = best.passage(quotes[0].score)
    n = d.cite_passage(p)
    name = report_name(best.agency, best.year)
    count = count_clause(question, best.text, best.agency)
    if count:
        clause, value, unit_ = count
        d.parts.append(f"据{name}报告，{clause}[{n}]。")
        if len(NUMBER.findall(clause)) == 1:  # 由42分钟缩至19分钟 is quoted, not made one figure
            d.figures.append(Figure(agency=best.agency, year=best.year, table="passage", row=clause, value=value,
                                    citation=n, kind="passage", unit=unit_))
        rest = quotes
    else:
        d.parts.append(f"据{name}报告：{p.shown}[{n}]")
        rest = quotes[1:]
    if rest:
        d.parts.append("相关原文：" if count else "另见：")
        for i, q in enumerate(rest, 1):
            s = q.sentence
            where = f"（{report_name(s.agency, s.year)}）" if several else ""
            qp = s.passage(q.score)
            d.parts.append(f"{i}. “{qp.shown}”{where}[{d.cite_passage(qp)}]")
    return d.answer()


def by_agency(question: str, kind: str, best: list[Scored]) -> Answer:
    """One best sentence per agency, best first; past MAX_AGENCIES the agencies are named and cited only."""
    d = Draft(question, kind)
    d.parts.append(f"共有{len(best)}个单位的报告提到相关内容：")
    for s in best[:MAX_AGENCIES]:
        p = s.sentence.passage(s.score)
        d.parts.append(f"- {s.sentence.agency}（{s.sentence.year}年度）：“{p.shown}”[{d.cite_passage(p)}]")
    rest = best[MAX_AGENCIES:]
    if rest:
        named = "、".join(f"{s.sentence.agency}（{s.sentence.year}年度）[{d.cite_passage(s.sentence.passage(s.score))}]"
                         for s in rest)
        d.parts.append(f"另有：{named}。")
    return d.answer()


def clarify_figure(question: str, labels: list[str]) -> Answer:
    """The figure's meaning is unclear (assistant/meaning.py): the 2-3 best readings by the template's labels,
    for the user to pick, never a guess."""
    lines = "\n".join(f"{i}. {label_}" for i, label_ in enumerate(labels, 1))
    text = f"您问的是哪一项？\n{lines}\n请用其中一项的名称再问一次。"
    return decline(question, text, "figure_unclear", kind="clarify")
