"""LLM plan proposals (assistant/llm_plan.py): which routed plans are weak, validating proposals against the
bundled corpus's real catalogue, and the whole path through the real assistant over the real ingested corpus
with langchain's own fake chat model playing the replies (no LLM is reachable here); the real local model
when its GGUF is cached."""

from __future__ import annotations

import json
import logging

import pytest
from langchain_core.language_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage
from test_llm import _local_settings

from assistant import llm
from assistant.llm_plan import (
    PlanProposal,
    ProposalRejected,
    agencies_in_view,
    build_plan_messages,
    low_confidence,
    measure_key,
    parse_proposal,
    propose_plan,
    validate_proposal,
)
from assistant.pipeline import Assistant
from assistant.plan import understand
from index.ingest import Index
from index.settings import Settings
from index.stores.embed import HashEmbedder

LUCHENG = "温州市鹿城区人民政府办公室"
HONGZE = "淮安市洪泽区人民政府"
# 上访告状 is in no vocabulary list: the router finds no cell for this count (the rows say 信访举报投诉)
PETITION = "鹿城区2022年有几件是来上访告状的？"
RANKING = "2024年哪个单位被上访告状的最多"


def proposal(**fields) -> str:
    return json.dumps({"operation": "value", "agencies": [LUCHENG], "years": [2022], **fields}, ensure_ascii=False)


@pytest.fixture(scope="session")
def plan_index(tmp_path_factory) -> Index:
    index = Index(Settings(home=tmp_path_factory.mktemp("llm-plan") / "home"), embedder=HashEmbedder())
    assert index.ingest_bundled(progress=False).ingested >= 40
    return index


@pytest.fixture
def chat(monkeypatch):
    """Installs langchain's fake chat model as the configured LLM; returns the function that sets its replies."""
    def play(*replies: str) -> FakeListChatModel:
        model = FakeListChatModel(responses=list(replies))
        monkeypatch.setattr(llm, "get_chat_model", lambda settings: model)
        return model
    return play


def assistant_with(index: Index, mode: str) -> Assistant:
    settings = index.settings.model_copy(update={"llm": mode, "llm_base_url": "http://127.0.0.1:9/v1",
                                                 "llm_model": "m", "min_relevance": 0.0})
    return Assistant(settings, index)


def cells(answer) -> set[tuple]:
    return {(c.agency, c.year, c.table, c.row, c.column) for c in answer.citations if c.kind == "cell"}


# ---- which plans are weak --------------------------------------------------------------------------
@pytest.mark.parametrize("question, weak", [
    (PETITION, True),  # a count with no cell named
    ("2022年收到多少申请", True),  # an ask-back with no agencies to offer
    ("北京市海淀区2022年收到多少申请", True),  # an agency the catalogue does not hold
    ("鹿城区2022年收到多少申请", False),  # cells
    ("平潭2011年收到多少申请？", False),  # an ask-back with two agencies to offer
    ("洪泽区2022年收到多少申请", False),  # a year not held: a certain decline
    ("鹿城区2022年申请人的平均年龄多大", False),  # no table records it
    ("鹿城区2022年是怎么做政策解读的", False),  # passages asked, no count
    (RANKING, True),  # a ranking with nothing to rank
    ("平潭的单位里2019年上访告状的合计多少", True),  # a total over a scope, with no cell
    ("哪些单位做过问卷调查", False),  # passages across agencies, no count
])
def test_low_confidence(catalog, question, weak):
    assert low_confidence(understand(question, [], catalog)) is weak


def test_agencies_in_view_come_from_the_catalogues_matching(catalog):
    it = understand(PETITION, [], catalog)
    assert agencies_in_view(it, [it.question], catalog) == [LUCHENG]
    for unknown in ("北京市海淀区2022年收到多少申请", "温州市人民政府2022年收到多少申请", "淮安市清江浦区2024年收到多少申请",
                    "龙湾区政府办2022年依申请公开办了几件？"):  # p5-d-084: trimmed to 区政府办, it offered 鹿城区's office
        it = understand(unknown, [], catalog)
        assert it.reason == "unknown_agency" and agencies_in_view(it, [it.question], catalog) == []  # never 鹿城/淮安市
    assert agencies_in_view(understand("区政府2022年收到多少申请", [], catalog), ["区政府2022年收到多少申请"], catalog) == []


def test_prompt_shows_schema_measures_and_only_the_agencies_in_view(catalog):
    system, user = build_plan_messages(PETITION, [], [LUCHENG], catalog)
    assert "JSON" in system.text and "passages" in system.text
    body = user.text
    assert json.dumps(PlanProposal.model_json_schema(), ensure_ascii=False) in body
    assert f"- {LUCHENG}（已收录 2022年度）" in body and HONGZE not in body
    assert "rejected_petition 不予处理（信访举报投诉类申请）" in body and "natural_person 自然人" in body
    assert "review_corrected 行政复议结果纠正" in body and "penalty_decisions 行政处罚本年处理决定数量" in body
    assert "disclosure_rate 公开率" in body and body.rstrip().endswith(f"问题：{PETITION}\nJSON：")


# ---- validation against the bundled catalogue --------------------------------------------------------
def validated(catalog, reply: str, question: str = PETITION):
    routed = understand(question, [], catalog)
    return validate_proposal(parse_proposal(reply), routed, agencies_in_view(routed, [routed.question], catalog), catalog)


def test_a_valid_proposal_becomes_an_intent_over_the_catalogue(catalog):
    it = validated(catalog, proposal(measures=["requests.rejected_petition.total"]))
    assert it.proposed_by == "llm"
    assert (it.kind, it.targets, it.missing_years) == ("figure", [(LUCHENG, 2022)], [])
    assert [(k.table, k.row, k.column) for k in it.keys] == [("requests", "rejected_petition", "total")]
    short = validated(catalog, proposal(agencies=["鹿城区"], operation="rate", rate="disclosure_rate"))
    assert (short.kind, short.agencies, short.rate) == ("rate", [LUCHENG], "disclosure_rate")
    rates = validated(catalog, proposal(operation="compare", rate="review_correction_rate"))
    assert (rates.kind, rates.rate, rates.keys, rates.targets) == ("rate", "review_correction_rate", [],
                                                                   [(LUCHENG, 2022)])
    breakdown = validated(catalog, proposal(operation="breakdown", measures=["requests.results_total.total"]))
    assert (breakdown.kind, breakdown.breakdown) == ("breakdown", "outcome")
    ranking = validated(catalog, proposal(operation="rank", agencies=[], years=[2024],
                                          measures=["requests.rejected_petition.total"]), RANKING)
    assert (ranking.kind, ranking.scope, ranking.years, ranking.targets) == ("ranking", [], [2024], [])
    total = validated(catalog, proposal(operation="sum", agencies=[], years=[2019], measures=["requests.new_received.total"]),
                      "平潭的单位里2019年上访告状的合计多少")
    assert (total.kind, total.scope_places, len(total.scope)) == ("sum", ["平潭"], 16)


def test_a_year_not_held_is_the_usual_decline_never_another_year(catalog):
    """The year is the question's (2021, read by the router); the model names the agency, which holds only 2022."""
    routed = understand("2021年有几件是来上访告状的？", [], catalog)
    assert routed.kind == "clarify" and routed.years == [2021]
    it = validate_proposal(parse_proposal(proposal(years=[2021], measures=["requests.rejected_petition.total"])),
                           routed, [LUCHENG], catalog)
    assert (it.kind, it.reason, it.targets, it.missing_years) == ("decline", "year_not_held", [], [(LUCHENG, 2021)])
    change = validated(catalog, proposal(operation="change", measures=["requests.new_received.total"]))
    assert (change.kind, change.reason) == ("decline", "previous_year_not_held")  # 2021 is not held either


def test_years_stay_as_the_question_says_them(catalog):
    newest = validated(catalog, proposal(years=[], measures=["requests.rejected_petition.total"]),
                       "鹿城区去年有几件是来上访告状的？")
    assert (newest.relative, newest.year_word, newest.targets) == (0, "去年", [(LUCHENG, 2022)])
    for years, question in (([2021], PETITION), ([], PETITION), ([2022], "鹿城区去年有几件是来上访告状的？")):
        with pytest.raises(ProposalRejected, match="not the question's"):
            validated(catalog, proposal(years=years, measures=["requests.rejected_petition.total"]), question)


@pytest.mark.parametrize("reply, reason", [
    (proposal(agencies=["北京市海淀区人民政府"], measures=["requests.new_received.total"]), "not in the catalogue"),
    (proposal(agencies=[HONGZE], measures=["requests.new_received.total"]), "not one the question names"),
    (proposal(agencies=["平潭"], measures=["requests.new_received.total"]), "not in the catalogue"),  # two agencies tie
    (proposal(measures=["requests.rejected_petition"]), "not a canonical cell key"),  # no column
    (proposal(measures=["requests.new_received.men"]), "not a canonical cell key"),
    (proposal(measures=["review_litigation.review_total.total"]), "not a canonical cell key"),
    (proposal(measures=["active.petitions"]), "not a canonical cell key"),
    (proposal(operation="guess", measures=["requests.new_received.total"]), "not one the plan executes"),
    (proposal(operation="rate"), "without a named rate"),
    (proposal(rate="approval_rate", operation="rate"), "not a named rate"),
    (proposal(), "without a measure"),
    (proposal(operation="change", rate="disclosure_rate"), "without a measure"),
    (proposal(agencies=[], measures=["requests.new_received.total"]), "without an agency"),
    (proposal(operation="rank", agencies=[], measures=["requests.new_received.total"]), "does not fit"),
    (proposal(years=[22], measures=["requests.new_received.total"]), "not the question's"),
    ("我觉得大概是3件吧", "not a plan"),
    ('{"operation": "value", "years": "去年"}', "not a plan"),
])
def test_proposals_that_do_not_validate_are_rejected(catalog, reply, reason):
    with pytest.raises(ProposalRejected, match=reason):
        validated(catalog, reply)


@pytest.mark.parametrize("reply, reason", [
    (proposal(years=[2024], measures=["requests.rejected_petition.total"]), "does not fit the question's ranking"),
    (proposal(operation="sum", agencies=[], years=[2024], measures=["requests.rejected_petition.total"]), "does not fit"),
    (proposal(operation="rank", years=[2024], measures=["requests.rejected_petition.total"]), "cross operation"),
])
def test_a_ranking_stays_a_ranking_over_the_questions_scope(catalog, reply, reason):
    with pytest.raises(ProposalRejected, match=reason):
        validated(catalog, reply, RANKING)


def test_replies_may_wrap_the_json():
    fenced = f"好的，计划如下：\n```json\n{proposal(measures=['requests.granted.total'])}\n```"
    assert parse_proposal(fenced).measures == ["requests.granted.total"]
    assert measure_key("active.penalty_decisions").row == "penalty_decisions"


# ---- through the real assistant, with langchain's fake chat model --------------------------------------
def test_a_validated_proposal_is_executed_from_the_cells(plan_index, chat):
    """The model's JSON names the cell; the number comes from the store (the 999 it adds is never used)."""
    model = chat(proposal(measures=["requests.rejected_petition.total"], value=999), "[1]")
    answer = assistant_with(plan_index, "openai").ask(PETITION)
    assert not answer.abstained and cells(answer) == {(LUCHENG, 2022, "requests", "rejected_petition", "total")}
    by_vocabulary = assistant_with(plan_index, "none").ask("鹿城区2022年有几个申请是信访举报投诉类的，不予处理？")
    assert [f.value for f in answer.figures] == [f.value for f in by_vocabulary.figures] == [1]
    assert "999" not in answer.text and f"{answer.figures[0].value}件" in answer.text
    part = answer.plan.parts[0]
    assert (part.proposed_by, part.operation, part.measures) == ("llm", "value", ["requests.rejected_petition.total"])
    assert "proposed by llm" in answer.plan.explain()
    assert model.i == 0  # both replies used: the plan, then the wording (which fell back to the default text)


def test_a_proposed_ranking_reads_every_report_of_the_year(plan_index, chat):
    chat(proposal(operation="rank", agencies=[], years=[2024], measures=["requests.rejected_petition.total"]), "[1]")
    answer = assistant_with(plan_index, "openai").ask(RANKING)
    held = {(s.agency, s.year) for s in plan_index.store.reports() if s.year == 2024}
    assert answer.kind == "ranking" and len(held) >= 3
    assert {(a, y) for a, y, *_ in cells(answer)} <= held and {c[3] for c in cells(answer)} == {"rejected_petition"}
    assert f"共比较{len(held)}份报告" in answer.text
    assert (answer.plan.parts[0].operation, answer.plan.parts[0].proposed_by) == ("rank", "llm")


def test_a_proposal_needing_a_year_not_held_declines_saying_what_is_held(plan_index, chat):
    chat(proposal(operation="change", measures=["requests.rejected_petition.total"]))
    answer = assistant_with(plan_index, "openai").ask(PETITION)
    assert answer.abstained and not answer.citations and not answer.figures
    assert "2021年度" in answer.text and "现有：2022年度" in answer.text
    part = answer.plan.parts[0]
    assert (part.operation, part.reason, part.proposed_by, part.missing) == (
        "decline", "previous_year_not_held", "llm", [(LUCHENG, 2021)])


@pytest.mark.parametrize("reply, logged", [
    (proposal(agencies=[HONGZE], measures=["requests.new_received.total"]), "not one the question names"),
    (proposal(agencies=["北京市海淀区人民政府"], measures=["requests.new_received.total"]), "not in the catalogue"),
    ("我觉得大概是3件吧", "reply is not a plan"),
    ('{"operation": "passages"}', "proposed no plan"),
])
def test_an_invalid_proposal_leaves_the_default_answer(plan_index, chat, caplog, reply, logged):
    chat(reply, "[1]")
    default = assistant_with(plan_index, "none").ask(PETITION)
    with caplog.at_level(logging.INFO, logger="assistant.llm_plan"):
        answer = assistant_with(plan_index, "openai").ask(PETITION)
    assert answer.citations == default.citations and answer.figures == default.figures
    assert answer.plan.parts[0].proposed_by is None and answer.plan.parts[0] == default.plan.parts[0]
    assert logged in caplog.text


def test_the_default_path_never_asks_the_model(plan_index, monkeypatch):
    replies = iter([AIMessage(content=proposal(measures=["requests.new_received.total"]))])
    monkeypatch.setattr(llm, "get_chat_model", lambda settings: GenericFakeChatModel(messages=replies))
    calls = []
    monkeypatch.setattr("assistant.llm_plan.propose_plan", lambda *a, **k: calls.append(a))
    assistant = assistant_with(plan_index, "none")
    for question in (PETITION, "2022年收到多少申请", "北京市海淀区2022年收到多少申请"):
        assert assistant.ask(question).plan.parts[0].proposed_by is None
    assert calls == [] and next(replies, None) is not None


def test_the_model_is_not_asked_when_no_agency_is_in_view(plan_index, catalog, monkeypatch):
    replies = iter([AIMessage(content=proposal(agencies=[LUCHENG], measures=["requests.new_received.total"]))])
    model = GenericFakeChatModel(messages=replies)
    settings = assistant_with(plan_index, "openai").settings
    routed = understand("温州市人民政府2022年收到多少申请", [], catalog)
    assert low_confidence(routed) and propose_plan(settings, routed.question, [], routed, catalog, model=model) is routed
    assert next(replies, None) is not None  # not consumed: 温州市人民政府 is never answered with 鹿城区's office


# ---- the real local model (skipped unless its GGUF is cached and llama-cpp-python installed) -------------
@pytest.mark.slow
def test_local_model_proposal_is_validated_or_ignored(tmp_path, catalog):
    settings = _local_settings(tmp_path)
    routed = understand(PETITION, [], catalog)
    it = propose_plan(settings, PETITION, [], routed, catalog)
    assert it is routed or (it.proposed_by == "llm" and set(it.agencies) <= {LUCHENG}
                            and all(t == (LUCHENG, 2022) for t in it.targets))
