"""Optional LLM plan proposals (NIANBAO_LLM=openai|local): where the planned intent is weak, the model may
propose one as JSON of the query plan's own schema (`PlanPart`'s fields).

A proposal is used only after it validates against the catalogue: every agency one the question names and the
catalogue holds, every measure a canonical cell key of `index.vocabulary`, the operation one the plan executes.
A year the catalogue does not hold for the agency makes it the usual decline that says what is held, never
another year. The validated plan is executed by the default path, so every number still comes from the cells;
the plan records `proposed_by: "llm"` (`nianbao ask --explain`). A reply that does not parse or validate is
logged and ignored: the routed plan stands. With NIANBAO_LLM=none nothing here runs.

    intent = propose_plan(settings, question, history, understand(question, history, catalog), catalog)
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_core.output_parsers import PydanticOutputParser
from pydantic import Field, ValidationError, create_model

from assistant import llm
from assistant.catalog import Catalog
from assistant.compose import label
from assistant.cues import COUNT_CUES
from assistant.query import OPERATIONS, CellKey, Intent, PlanPart
from assistant.resolve import resolve_targets
from index.settings import Settings
from index.vocabulary import (
    ACTIVE,
    RATES,
    REQUEST_COLUMNS,
    REQUEST_ROW_KEYS,
    REVIEW_KEYS,
    TABLE_NAMES,
    TABLE_NUMBERS,
    cell_labels,
)

log = logging.getLogger(__name__)

NO_PLAN = ("passages", "ask-back", "decline")  # the model's way of saying that no cell answers the question
CROSS_FITS = {"ranking": ("rank",), "precedent": ("sum", "list-which")}  # routed cross kind -> proposals that fit
CROSS_OPERATIONS = ("rank", "sum", "list-which")  # run over the plan's scope of agencies (all when it has none)
EXECUTED = {op: kind for kind, op in OPERATIONS.items() if op not in NO_PLAN} | {"trend": "comparison"}
MAX_AGENCIES_SHOWN = 8  # the catalogue may hold thousands; the prompt shows the few the question can mean
CJK_RUN = re.compile(r"[^\u4e00-\u9fff]+")
MAX_EARLIER_TURNS = 2
YEAR_FIELDS = {"years", "relative", "anchor", "year_word", "span", "shift"}  # when, as the plan read the question
SCOPE_FIELDS = {"scope", "scope_places", "top_n", "ascending", "negated"}  # over which agencies, for a cross operation
ACTIVE_KEYS = {c: (r.label, r.column_labels[i]) for rows in ACTIVE.values() for r in rows
               for i, c in enumerate(r.columns)}


class ProposalRejected(ValueError):
    """A model's plan that does not parse or does not validate against the catalogue (the reason in English)."""


def _from_plan(name: str, description: str, **extra: Any) -> tuple[Any, Any]:
    """A PlanPart field (its type and default) with a description for the model."""
    field = PlanPart.model_fields[name]
    default = {"default_factory": field.default_factory} if field.default_factory else {"default": field.default}
    return field.annotation, Field(**default, description=description, **extra)


PlanProposal = create_model(
    "PlanProposal",
    __doc__="The fields of a query plan part that a model may propose (assistant.plan.PlanPart).",
    operation=_from_plan("operation", "what to compute; passages when no measure holds what is asked",
                         json_schema_extra={"enum": [*EXECUTED, *NO_PLAN]}),
    agencies=_from_plan("agencies", "full agency names exactly as listed; empty for rank/sum/list-which (the question's scope)"),
    years=_from_plan("years", "report years asked (4 digits); empty for each agency's newest report"),
    measures=_from_plan("measures", "canonical cell keys: requests.<row>.<column>, review_litigation.<key>, "
                        "active.<key>; several are summed"),
    rate=_from_plan("rate", "a named rate for operation rate", json_schema_extra={"enum": [*RATES, None]}),
)


# ---- when to ask ---------------------------------------------------------------------------------
def low_confidence(it: Intent) -> bool:
    """Worth a proposal: an agency mention the catalogue could not place, an ask-back with no agencies to offer,
    a count or ranking with no cell named. Never a plan that reads cells, an ask-back with options, a year not
    held or an attribute that no table records (those declines are certain; a model could only substitute)."""
    if it.kind == "decline":
        return it.reason == "unknown_agency"
    if it.kind == "clarify":
        return not it.clarify
    if it.keys or it.rate:
        return False
    asks_count = any(c in it.question for c in COUNT_CUES)
    return it.kind == "ranking" or asks_count and (it.kind == "precedent" or it.kind == "narrative" and bool(it.targets))


def agencies_in_view(it: Intent, texts: list[str], catalog: Catalog) -> list[str]:
    """The agencies a proposal may name: those the plan placed or offered; else the catalogue's own matches for
    what the question (and the earlier questions) typed, never for a generic word (区政府) and never a sub-unit of
    a place typed (温州 is not 鹿城区的区府办). The model chooses among them; it never adds an agency."""
    found = [*it.agencies, *it.clarify]
    if not found:  # an unknown agency as the router read it: trimming would drop its place (龙湾区政府办 -> 区政府办)
        mentions = [it.unknown_agency] if it.unknown_agency else [catalog.trim(r) for t in texts for r in CJK_RUN.split(t)]
        for mention in mentions:
            if len(mention) >= 2 and not catalog.is_generic(mention):
                found += [c.agency for c in catalog.candidates(mention)]
    return list(dict.fromkeys(found))[:MAX_AGENCIES_SHOWN]


# ---- the prompt ----------------------------------------------------------------------------------
def measure_lines() -> list[str]:
    """The canonical measures with their Chinese labels, compactly: requests rows and columns apart."""
    rows = "；".join(f"{r} {label('requests', r)}" for r in REQUEST_ROW_KEYS)
    columns = "；".join(f"{k} {name}" for k, name, _ in REQUEST_COLUMNS)
    review = "；".join(f"{k} {''.join(cell_labels('review_litigation', k, None))}" for k in REVIEW_KEYS)
    active = "；".join(f"{k} {row}{column}" for k, (row, column) in ACTIVE_KEYS.items())
    rates = "；".join(f"{k} {name}＝{formula}" for k, (name, _, _, formula) in RATES.items())
    return [f"{TABLE_NUMBERS['requests']} {TABLE_NAMES['requests']}：requests.<行>.<列>",
            f"  行：{rows}", f"  列：{columns}（不分申请人类型用 total）",
            f"{TABLE_NUMBERS['review_litigation']} {TABLE_NAMES['review_litigation']}：review_litigation.<键>",
            f"  {review}",
            f"{TABLE_NUMBERS['active']} {TABLE_NAMES['active']}：active.<键>", f"  {active}",
            f"比率 rate（operation 为 rate）：{rates}"]


PLAN_SYSTEM = """你把关于政府信息公开工作年度报告的问题转换成查询计划，只输出一个 JSON 对象，不要解释。
规则：
1. agencies 只能从“可选单位”里原样抄写全称；问题没有指明其中某个单位时，不要猜，输出 {"operation": "passages"}。
2. years 只写问题里写明的年度（四位数）；问题没写明年度（包括“去年”“最新”）时留空。不要改成别的年度。
3. measures 只能用“统计项”里的键；报告表格没有这一项（例如网站发布条数、培训人次、满意度）时，输出 {"operation": "passages"}。
4. rank/sum/list-which 的 agencies 留空（范围按问题所说）。
5. operation：value 取数，breakdown 分类构成，rate 比率，change 与上年比较，compare 对比，trend 逐年变化，rank 排名，sum 合计，list-which 哪些单位有。"""


def earlier_questions(history: list | None) -> list[str]:
    return [t for role, t in llm.history_turns(history) if role == "user"][-MAX_EARLIER_TURNS:]


def build_plan_messages(question: str, earlier: list[str], agencies: list[str], catalog: Catalog) -> list[BaseMessage]:
    """System rules, then the schema, the candidate agencies with the years held, the measures, the question."""
    schema = json.dumps(PlanProposal.model_json_schema(), ensure_ascii=False)
    shown = "\n".join(f"- {a}（已收录 {catalog.span(a)}）" for a in agencies) or "（无）"
    context = f"此前的问题：{'；'.join(earlier)}\n" if earlier else ""
    user = (f"JSON 格式（JSON Schema）：\n{schema}\n\n可选单位：\n{shown}\n\n统计项：\n" + "\n".join(measure_lines())
            + f"\n\n{context}问题：{question}\nJSON：")
    return [SystemMessage(PLAN_SYSTEM), HumanMessage(user)]


# ---- reading and validating the reply -------------------------------------------------------------
def parse_proposal(reply: str):
    """The reply's JSON object as a PlanProposal (a ```json fence or prose around it is allowed)."""
    parser = PydanticOutputParser(pydantic_object=PlanProposal)
    braces = re.search(r"\{.*\}", reply or "", re.S)
    try:
        return parser.parse(braces.group() if braces else reply or "")
    except (OutputParserException, ValidationError) as e:
        raise ProposalRejected(f"reply is not a plan: {str(e).splitlines()[0][:160]}") from e


def measure_key(measure: str) -> CellKey:
    """The cell a canonical measure key names (requests.granted.total, review_litigation.review_corrected,
    active.penalty_decisions); anything else is rejected."""
    table, _, rest = measure.partition(".")
    row, _, column = rest.partition(".")
    columns = {k for k, _, _ in REQUEST_COLUMNS}
    if table == "requests" and row in REQUEST_ROW_KEYS and column in columns:
        return CellKey(table=table, row=row, column=column)
    if (table == "review_litigation" and row in REVIEW_KEYS or table == "active" and row in ACTIVE_KEYS) and not column:
        return CellKey(table=table, row=row)
    raise ProposalRejected(f"measure {measure!r} is not a canonical cell key")


def _agency(name: str, allowed: list[str], catalog: Catalog) -> str:
    """The catalogue's agency for a proposed name, if it is one the question can mean."""
    found = [name] if name in catalog.agencies else catalog.best(name)
    if len(found) != 1:
        raise ProposalRejected(f"agency {name!r} is not in the catalogue")
    if found[0] not in allowed:
        raise ProposalRejected(f"agency {found[0]!r} is not one the question names")
    return found[0]


def validate_proposal(proposal, routed: Intent, allowed: list[str], catalog: Catalog) -> Intent:
    """The proposal as an intent resolved against the catalogue, or ProposalRejected. `allowed`: the agencies in
    view (`agencies_in_view`). A ranking or list the plan read keeps its scope; a question about named
    agencies stays about them."""
    kind = EXECUTED.get(proposal.operation)
    if kind is None:
        raise ProposalRejected(f"operation {proposal.operation!r} is not one the plan executes")
    cross = proposal.operation in CROSS_OPERATIONS
    fits = CROSS_FITS.get(routed.kind)  # a ranking or list the question asked stays one; a question about agencies too
    if (proposal.operation not in fits) if fits else cross:
        raise ProposalRejected(f"operation {proposal.operation!r} does not fit the question's {routed.kind}")
    if cross and proposal.agencies:
        raise ProposalRejected("agencies named for a cross operation (its scope is the question's)")
    agencies = list(dict.fromkeys(_agency(a, allowed, catalog) for a in proposal.agencies))
    keys = [measure_key(m) for m in proposal.measures]
    if proposal.rate is not None and proposal.rate not in RATES:
        raise ProposalRejected(f"rate {proposal.rate!r} is not a named rate")
    if kind == "rate" and proposal.rate is None:
        raise ProposalRejected("operation rate without a named rate")
    if proposal.rate and kind == "comparison":
        kind = "rate"  # rates of several reports are compared by the rate's own execution
    if not keys and kind != "rate":
        raise ProposalRejected(f"operation {proposal.operation!r} without a measure")
    if not cross and not agencies:
        raise ProposalRejected(f"operation {proposal.operation!r} without an agency")
    if set(proposal.years) != set(routed.years):  # the question's years as read; never another or a guessed one
        raise ProposalRejected(f"years {proposal.years} are not the question's {routed.years}")
    breakdown = ("outcome" if keys[0].row == "results_total" else "applicant") if kind == "breakdown" else None
    kept = YEAR_FIELDS | {"question", "topic"} | (SCOPE_FIELDS if cross else set())
    it = Intent(**routed.model_dump(include=kept), kind=kind, keys=keys, agencies=agencies, rate=proposal.rate,
                trend=proposal.operation == "trend", breakdown=breakdown, proposed_by="llm")
    return resolve_targets(it, catalog)  # a year not held: the usual decline with what is held


# ---- the entry point ------------------------------------------------------------------------------
def propose_plan(settings: Settings, question: str, history: list | None, routed: Intent, catalog: Catalog,
                 model: BaseChatModel | None = None) -> Intent:
    """The model's validated plan where the routed one is weak (`low_confidence`); else, or when the LLM is off,
    fails, or proposes nothing valid, the routed intent itself."""
    if (settings.llm == "none" and model is None) or not low_confidence(routed):
        return routed
    earlier = earlier_questions(history)
    allowed = agencies_in_view(routed, [*earlier, routed.question or question], catalog)
    if not allowed and routed.kind not in CROSS_FITS:  # the model could name no catalogued agency either
        return routed
    messages = build_plan_messages(question, earlier, allowed, catalog)
    try:
        reply = llm.invoke_with_timeout(model or llm.get_chat_model(settings), messages, settings.llm_timeout)
    except Exception as e:  # an optional backend: the routed plan stands
        log.warning("LLM plan proposal failed, keeping the routed plan: %s: %s", type(e).__name__, e)
        return routed
    try:
        proposal = parse_proposal(reply)
        if proposal.operation in NO_PLAN:
            log.info("LLM proposed no plan (%s) for %r", proposal.operation, question)
            return routed
        return validate_proposal(proposal, routed, allowed, catalog)
    except ProposalRejected as e:
        log.warning("LLM plan proposal ignored for %r: %s; reply: %r", question, e, reply[:200])
        return routed
