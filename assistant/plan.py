"""The query plan: one typed object that says everything a question asks, shown by `nianbao ask --explain`
and returned with every answer (`Answer.plan`), so a reader can see how the question was understood.

A question with several parts (收到多少、其中多少予以公开、有没有被复议) is split here into parts that are
each answered; a part that only continues the one before (…，哪个多？) stays with it."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from assistant.catalog import Catalog
from assistant.route import Intent, route

OPERATIONS = {
    "figure": "value", "breakdown": "breakdown", "rate": "rate", "change": "change", "comparison": "compare",
    "ranking": "rank", "sum": "sum", "precedent": "list-which", "narrative": "passages", "clarify": "ask-back",
    "decline": "decline",
}
PART_SEPARATORS = re.compile(r"[，,；;。？?！!、]+")
QUESTION_CUE = re.compile(r"多少|几|吗|有没有|是否|有无|怎么|怎样|如何|哪些|哪个|哪家|哪年|什么|占比|比例|比重|成|呢|谁|"
                          r"多大|多高|多长|多久|多重|多远")
MAX_PARTS = 4


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
    proposed_by: str | None = None  # "llm": the model proposed this part's plan and the catalogue validated it

    @classmethod
    def of(cls, text: str, it: Intent, answer=None) -> PlanPart:
        """The part as resolved; a decline decided after routing (a fact no report records, a glued cell, the
        time budget) is the part's outcome too."""
        formula = it.rate_spec.formula if it.rate_spec is not None else None
        if it.rate and it.rate_spec is None:
            from index.vocabulary import RATES

            formula = RATES[it.rate][3] if it.rate in RATES else None
        operation = "trend" if it.trend else OPERATIONS.get(it.kind, it.kind)
        reason = it.reason
        if answer is not None and answer.abstained and answer.reason:
            operation = "ask-back" if answer.kind == "clarify" else "decline"
            reason = answer.reason
        return cls(text=text, operation=operation, agencies=it.agencies,
                   scope_places=it.scope_places, scope_size=len(it.scope), years=it.years, year_word=it.year_word,
                   measures=[".".join(x for x in (k.table, k.row, k.column) if x) for k in it.keys], rate=it.rate,
                   formula=formula, targets=it.targets, missing=it.missing_years, reason=reason,
                   proposed_by=getattr(it, "proposed_by", None))


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
                     else "、".join(p.agencies) or "all agencies")
            lines.append(f"part {i}:     {p.operation} | scope: {scope} | years: "
                         f"{p.years or p.year_word or 'newest'} | measures: {', '.join(p.measures) or '-'}"
                         + (f" | rate: {p.formula or p.rate}" if p.rate else "")
                         + (f" | reads: {p.targets}" if p.targets else "")
                         + (f" | not held: {p.missing}" if p.missing else "")
                         + (f" | {p.reason}" if p.reason else "")
                         + (f" | proposed by {p.proposed_by}" if p.proposed_by else ""))
        return "\n".join(lines)


def split_parts(text: str) -> list[str]:
    """Clauses that each ask something; a clause without a question word joins the next (予以公开、部分公开各多少)."""
    segments = [s for s in PART_SEPARATORS.split(text) if s]
    parts: list[str] = []
    pending = ""
    for seg in segments:
        pending += ("、" if pending else "") + seg
        if QUESTION_CUE.search(seg):
            parts.append(pending)
            pending = ""
    if pending:
        if parts:
            parts[-1] += "，" + pending
        else:
            parts.append(pending)
    return parts[:MAX_PARTS] if len(parts) > 1 else [text]


def signature(it: Intent) -> tuple:
    return it.kind, tuple((k.table, k.row, k.column) for k in it.keys), it.rate, it.column, it.breakdown


def plan_parts(question: str, normalized: str, history: list[dict], catalog: Catalog) -> list[tuple[str, Intent]]:
    """(part text, intent) per part; one part unless the clauses ask different things."""
    whole = route(question, history, catalog)
    parts = split_parts(normalized)
    if len(parts) < 2:
        return [(question, whole)]
    out: list[tuple[str, Intent]] = []
    turns = list(history)
    for p in parts:
        it = route(p, turns, catalog)
        if out and signature(it) == signature(out[-1][1]) or (out and it.kind in ("clarify", "decline")
                                                               and it.reason in ("no_agency", "several_agencies")):
            text = out[-1][0] + "，" + p
            out[-1] = (text, route(text, history, catalog))
        else:
            out.append((p, it))
        turns = turns + [{"role": "user", "content": p}, {"role": "assistant", "content": ""}]
    return out if len(out) > 1 else [(question, whole)]
