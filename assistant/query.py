"""The typed objects a question becomes: `Intent` (what one part asks, resolved against the catalogue: the input
of `assistant.execute`) and `QueryPlan` (every part, as `nianbao ask --explain` and `Answer.plan` show it)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from index.vocabulary import RATES

MEAN_MARK = -1.0  # a listing's bound said as the listed values' mean (超过三年平均水平), set once they are read

Kind = Literal["figure", "breakdown", "rate", "change", "ranking", "sum", "comparison", "narrative",
               "precedent", "checks", "catalogue", "clarify", "decline"]

OPERATIONS = {
    "figure": "value", "breakdown": "breakdown", "rate": "rate", "change": "change", "comparison": "compare",
    "ranking": "rank", "sum": "sum", "precedent": "list-which", "narrative": "passages", "checks": "checks",
    "catalogue": "catalogue", "clarify": "ask-back",
    "decline": "decline",
}


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
    bounded: bool = False  # 2020年以来, 2019年以前: a range of years, of which only the held ones are asked
    english: str | None = None  # the question as typed in English: its meaning, which the Chinese gloss thins, is searched
    unglossed: list[str] = Field(default_factory=list)  # its words the glossary lacks (of a one-part question: the
    # parts of several cannot tell whose word each is)
    asked: str | None = None  # 那洪泽区呢 after a question read by its passages: the question the passages answer
    years_carried: bool = False  # 他们怎么培训 -> 那洪泽区呢: the year came with the turn before, for another agency
    shift: int = 0  # 前一年呢？ -> one year before the previous turn's
    pairs: list[tuple[str, int]] = Field(default_factory=list)  # 鹿城区2022年和洪泽区2023年
    year_bound: str | None = None  # 鹿城、洪泽和2019到2021年的平潭管委会: the one agency the years are said of
    targets: list[tuple[str, int]] = Field(default_factory=list)
    missing_years: list[tuple[str, int]] = Field(default_factory=list)  # asked but not held
    keys: list[CellKey] = Field(default_factory=list)  # summed when several (打官司 = two groups)
    less: list[CellKey] = Field(default_factory=list)  # 没有被纠正的复议: cells subtracted from the keys' sum
    rest: list[CellKey] = Field(default_factory=list)  # …and the cells that make up what is left, shown beside it
    sides: list[tuple[str, list[CellKey]]] = Field(default_factory=list)  # 复议和诉讼哪个多: one report, two figures
    figure_word: str | None = None  # the phrase that named the figure
    weak_figure: bool = False
    column: str | None = None  # applicant type asked (requests table)
    breakdown: Literal["applicant", "outcome"] | None = None
    rate: str | None = None
    rate_spec: RateSpec | None = None
    pooled: bool = False  # 两年加起来的比例: one rate over the targets' cells summed, not one per report
    ascending: bool = False
    top_n: int | None = None
    nth: int | None = None  # 排第三的是哪年, 倒数第一: the place in the ranking that is asked (1 = the first)
    rank_of: str | None = None  # 洪泽区的申请量排第几: the agency whose place in the ranking is asked
    scope: list[str] = Field(default_factory=list)  # agencies summed/ranked (empty: all)
    scope_places: list[str] = Field(default_factory=list)  # 江苏的单位: the place words that chose the scope
    unsupported: str | None = None
    negated: bool = False  # 哪些单位没有收到过申请: list the zeros
    minus: bool = False  # 办理结果总计减去本年新收: the first side less the second, signed, in the order said
    beats: Literal[">", "<"] | None = None  # 哪几份的许可多于处罚: the reports whose first side is more (or less)
    claim: tuple[str, float] | tuple[str, float, float] | None = None  # 是不是收到了113件, 有没有超过100件: what the asker states, said 是/不是
    threshold: tuple[str, float] | None = None  # 超过100件的有哪些: (">", 100); a listing keeps what passes it
    per: tuple[str, int] | None = None  # 平均每月: ("月", 12), the year's figure averaged over its parts
    per_item: CellKey | None = None  # 平均每个项目多少钱: the count in the amount's row that it is divided by
    listing: bool = False  # 收录了哪些单位: the catalogue is asked, no figure or passage
    # 这两年平均每年: the figure over the years said, averaged (their sum over their count); 中位数: their middle value
    mean: Literal["mean", "median"] | None = None
    per_n: int | None = None  # 10件里有几件: a share also said as so many of every 10
    times: bool = False  # 翻了几倍, 是2024年的几倍: a change also said as the later figure over the earlier
    textual: bool = False  # 多少条…信息, 12345热线收到多少件: the text counts it; no table cell is looked for by meaning
    topic: str = ""  # the question's content words (压力测试, 培训 人员), for quoting passages
    followup: bool = False
    trend: bool = False  # every held year of a span, then the change from its first to its last
    # 2024年比2023年多的有哪些单位, 比上年减少了的单位: (later year, earlier year, ">" or "<"), each agency's two years
    versus: tuple[int, int, str] | None = None
    # 平潭管委会2021年…高于鹿城2022、洪泽2023这几家的平均水平吗: the report set against the mean of the others listed
    against_rest: tuple[str, int] | None = None
    own: float | None = None  # 我们局收了120件，洪泽区比我们少多少: the asker's own figure, the cell set against it
    annual: bool = False  # 年均增长率: with a trend, the compound rate a year from its first year to its last
    reason: str | None = None
    proposed_by: Literal["llm"] | None = None  # the model proposed this plan and the catalogue validated it


class PlanPart(BaseModel):
    """One answerable part of a question, resolved against the catalogue."""

    text: str
    operation: str
    agencies: list[str] = Field(default_factory=list)
    scope_places: list[str] = Field(default_factory=list)
    scope_size: int = 0  # agencies a list-which / rank / sum runs over (0: every agency)
    years: list[int] = Field(default_factory=list)
    year_word: str | None = None
    measures: list[str] = Field(default_factory=list)  # table.row.column
    rate: str | None = None
    formula: str | None = None
    targets: list[tuple[str, int]] = Field(default_factory=list)
    missing: list[tuple[str, int]] = Field(default_factory=list)
    reason: str | None = None
    bound: str | None = None  # a listing's bound: "> 100" (超过100件)
    years_of: str | None = None  # the one named agency the years are said of (2019到2021年的平潭管委会)
    claim: str | None = None  # what the asker states, checked: "= 113" (是不是113件)
    rank_of: str | None = None  # the agency whose place in a ranking is asked (排第几)
    against: str | None = None  # what the figure is set against: the others' mean, or the asker's own figure
    proposed_by: str | None = None  # "llm": the model proposed this part's plan and the catalogue validated it

    @classmethod
    def of(cls, text: str, it: Intent, answer=None) -> PlanPart:
        """The part as resolved; a decline decided after routing (a fact no report records, a glued cell, the
        time budget) is the part's outcome too, as is an answer from the text where routing declined a figure."""
        formula = it.rate_spec.formula if it.rate_spec is not None else None
        if it.rate and it.rate_spec is None:
            formula = RATES[it.rate][3] if it.rate in RATES else None
        if it.per:
            formula = f"÷{it.per[1]}（平均每{it.per[0]}）"
        if it.times:
            formula = "后一年度 ÷ 前一年度（倍）"
        operation = "trend" if it.trend else OPERATIONS.get(it.kind, it.kind)
        reason, keys = it.reason, it.keys
        if answer is not None and answer.abstained and answer.reason:
            operation = "ask-back" if answer.kind == "clarify" else "decline"
            reason = answer.reason
        elif answer is not None and not answer.abstained and it.kind == "decline":  # 撤回: no row counts it, the text
            operation, reason, keys = OPERATIONS["narrative"], "read in the text", []  # that does answered
        return cls(text=text, operation=operation, agencies=it.agencies,
                   scope_places=it.scope_places, scope_size=len(it.scope), years=it.years, year_word=it.year_word,
                   measures=[".".join(x for x in (k.table, k.row, it.column if it.column and k.table == "requests" else k.column) if x)
                             for k in keys], rate=it.rate,
                   formula=formula, targets=it.targets, missing=it.missing_years, reason=reason,
                   bound=(f"{it.threshold[0]} {'mean' if it.threshold[1] == MEAN_MARK else format(it.threshold[1], 'g')}"
                          if it.threshold else None), years_of=it.year_bound,
                   claim=f"{it.claim[0]} {' '.join(f'{n:g}' for n in it.claim[1:])}" if it.claim else None, rank_of=it.rank_of,
                   against=(f"{it.against_rest[0]} {it.against_rest[1]} vs the others' mean" if it.against_rest
                            else f"the asker's own figure {it.own:g}" if it.own is not None else None),
                   proposed_by=it.proposed_by)


class QueryPlan(BaseModel):
    question: str
    normalized: str
    language: str = "zh"
    changes: list[str] = Field(default_factory=list)  # what normalisation changed (繁->简, 申情->申请)
    parts: list[PlanPart] = Field(default_factory=list)

    def explain(self) -> str:
        """The plan as a few readable lines (the CLI's --explain)."""
        lines = [f"question:   {self.question}", f"normalised: {self.normalized} ({self.language})"]
        lines += [f"changed:    {c}" for c in self.changes]
        for i, p in enumerate(self.parts, 1):
            scope = (f"{'、'.join(p.scope_places)} ({p.scope_size} agencies)" if p.scope_places
                     else "、".join(p.agencies) or (f"{p.scope_size} agencies" if p.scope_size else "all agencies"))
            lines.append(f"part {i}:     {p.operation} | scope: {scope} | years: "
                         f"{p.years or p.year_word or ('every held year' if p.operation == 'list-which' else 'newest')} | measures: {', '.join(p.measures) or '-'}"
                         + (f" | rate: {p.formula or p.rate}" if p.rate else "")
                         + (f" | keeps values {p.bound}" if p.bound else "")
                         + (f" | years of {p.years_of} only" if p.years_of else "")
                         + (f" | checks the stated {p.claim}" if p.claim else "")
                         + (f" | place of {p.rank_of}" if p.rank_of else "")
                         + (f" | against: {p.against}" if p.against else "")
                         + (f" | reads: {p.targets}" if p.targets else "")
                         + (f" | not held: {p.missing}" if p.missing else "")
                         + (f" | {p.reason}" if p.reason else "")
                         + (f" | proposed by {p.proposed_by}" if p.proposed_by else ""))
        return "\n".join(lines)

