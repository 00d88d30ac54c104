"""The scoring of `nianbao eval`: real questions from eval_sets/full.jsonl, answered by a scripted `ask` that
returns fixed Answers (right, wrong, declined, failing), and the numbers the report must then show."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from assistant import evaluate
from assistant.evaluate import EvalSetError, load_questions, run_eval
from index.models import Answer, Citation, Figure

FULL = Path(__file__).resolve().parents[1] / "eval_sets" / "full.jsonl"
LUCHENG, HONGZE, HUAIAN = "温州市鹿城区人民政府办公室", "淮安市洪泽区人民政府", "淮安市人民政府"
SHUYANG, PINGTAN = "沭阳县人民政府", "平潭综合实验区管委会"
IDS = ["lucheng-2022-new", "lucheng-2022-suit", "lucheng-2022-rate", "hongzequ-2024-penalty-change",
       "cmp-lucheng-hongzequ-new", "lucheng-2022-training", "open-training", "prec-review-corrected",
       "fu-lucheng-commercial", "na-haidian-2022", "na-lucheng-age"]


@pytest.fixture
def question_file(tmp_path) -> Path:
    lines = {json.loads(line)["id"]: line for line in FULL.read_text(encoding="utf-8").splitlines()}
    path = tmp_path / "some.jsonl"
    path.write_text("\n".join(lines[i] for i in IDS) + "\n", encoding="utf-8")
    return path


def cells(q: str, *specs, derived: list[tuple[str, float]] = ()) -> Answer:
    """An answer citing cells (agency, year, table, row, column, value) with one Figure each."""
    cits = [Citation(n=i, report_id="r", agency=a, year=y, kind="cell", table=t, row=r, column=c, quote=str(v))
            for i, (a, y, t, r, c, v) in enumerate(specs, 1)]
    figs = [Figure(agency=a, year=y, table=t, row=r, column=c, value=v, citation=i)
            for i, (a, y, t, r, c, v) in enumerate(specs, 1)]
    figs += [Figure(agency=specs[0][0], year=specs[0][1], table="derived", row=name, value=v, citation=1)
             for name, v in derived]
    return Answer(question=q, text="…", citations=cits, figures=figs, kind="figure")


def passages(q: str, *specs) -> Answer:
    """An answer quoting passages (agency, year, quote), in citation order."""
    cits = [Citation(n=i, report_id="r", agency=a, year=y, kind="passage", section="overview", quote=t)
            for i, (a, y, t) in enumerate(specs, 1)]
    return Answer(question=q, text="…", citations=cits, kind="narrative")


def declined(q: str) -> Answer:
    return Answer(question=q, text="语料中没有该单位的报告。", abstained=True, reason="agency not in corpus", kind="decline")


RL, R = "review_litigation", "requests"
RIGHT = {
    "鹿城区2022年新收了多少政府信息公开申请？": cells("q", (LUCHENG, 2022, R, "new_received", "total", 113)),
    "鹿城区2022年有没有因为信息公开打官司？": cells("q", (LUCHENG, 2022, RL, "direct_suit_total", None, 0),
                                                   (LUCHENG, 2022, RL, "post_review_suit_total", None, 0)),
    "鹿城区2022年的政府信息公开申请公开率是多少？": cells(
        "q", (LUCHENG, 2022, R, "granted", "total", 41), (LUCHENG, 2022, R, "partially_granted", "total", 24),
        (LUCHENG, 2022, R, "results_total", "total", 110), derived=[("disclosure_rate", 59.1)]),
    "洪泽区2024年行政处罚决定比上年减少了多少？": cells(
        "q", (HONGZE, 2023, "active", "penalty_decisions", None, 4119),
        (HONGZE, 2024, "active", "penalty_decisions", None, 2776), derived=[("change", 1343)]),
    "鹿城区2022年和洪泽区2023年，哪个收到的信息公开申请多？": cells(
        "q", (LUCHENG, 2022, R, "new_received", "total", 113), (HONGZE, 2023, R, "new_received", "total", 21)),
    "鹿城区怎么提高政务公开工作人员的专业素质？": passages(
        "q", (LUCHENG, 2022, "率全市之先举办依申请公开案例答辩比赛，邀请全区36家单位政务公开工作负责人登台竞技")),
    "各单位都是怎么培训政务公开工作人员的？": passages("q", (HUAIAN, 2024, "针对具体问题，创新开展调研式培训、过堂式培")),
    "哪些单位的行政复议被纠正过？": cells(
        "q", (HONGZE, 2024, RL, "review_corrected", None, 1), (HUAIAN, 2024, RL, "review_corrected", None, 64),
        (SHUYANG, 2025, RL, "review_corrected", None, 10), (PINGTAN, 2024, RL, "review_corrected", None, 1)),
    "企业申请的呢？": cells("q", (LUCHENG, 2022, R, "new_received", "commercial", 12)),
    "北京市海淀区2022年收到多少政府信息公开申请？": declined("q"),
    "鹿城区2022年申请人的平均年龄是多少？": declined("q"),
}


def scripted(table: dict, seen: list | None = None):
    def ask(question: str, history: list[dict]) -> Answer:
        if seen is not None:
            seen.append((question, history))
        answer = table[question]
        if isinstance(answer, Exception):
            raise answer
        return answer
    return ask


def summary(report, type_):
    return next(s for s in report.by_type if s.type == type_)


def result(report, id_):
    return next(r for r in report.results if r.id == id_)


def test_right_answers_score_one_everywhere(question_file):
    seen: list = []
    report = run_eval([question_file], scripted(RIGHT, seen))
    assert len(report.results) == len(IDS) and report.errors == 0
    assert report.overall == 1.0 and report.false_declines == 0 and report.answerable == 9
    for s in report.by_type:
        assert s.score == 1.0, s
    assert summary(report, "figure").value_accuracy == 1.0 and summary(report, "figure").cell_accuracy == 1.0
    assert summary(report, "unanswerable").correct_declines == 1.0
    assert summary(report, "narrative").citation_precision == 1.0
    assert report.retrieval.recall == {1: 1.0, 3: 1.0, 5: 1.0} and report.retrieval.mrr == 1.0
    # the follow-up got its conversation, the others none
    history = dict(seen)["企业申请的呢？"]
    assert [t["role"] for t in history] == ["user", "assistant"] and "鹿城区" in history[0]["content"]
    assert dict(seen)["鹿城区2022年新收了多少政府信息公开申请？"] == []


def test_wrong_value_right_cell_scores_half(question_file):
    answers = dict(RIGHT)
    answers["鹿城区2022年新收了多少政府信息公开申请？"] = cells("q", (LUCHENG, 2022, R, "new_received", "total", 118))
    answers["企业申请的呢？"] = cells("q", (LUCHENG, 2022, R, "new_received", "natural_person", 12))
    report = run_eval([question_file], scripted(answers))
    v = result(report, "lucheng-2022-new").verdicts
    assert (v.value_ok, v.cells_ok, v.score) == (False, True, 0.5)
    v = result(report, "fu-lucheng-commercial").verdicts  # the right number, but from the wrong cell
    assert (v.value_ok, v.cells_ok, v.score) == (True, False, 0.5)
    figure = summary(report, "figure")
    assert figure.n == 2 and figure.value_accuracy == 0.5 and figure.cell_accuracy == 1.0 and figure.score == 0.75
    assert report.overall == pytest.approx(10 / 11)


def test_sum_and_sign_of_a_change(question_file):
    answers = dict(RIGHT)
    answers["洪泽区2024年行政处罚决定比上年减少了多少？"] = cells(
        "q", (HONGZE, 2023, "active", "penalty_decisions", None, 4119),
        (HONGZE, 2024, "active", "penalty_decisions", None, 2776), derived=[("change", -1343)])
    answers["鹿城区2022年的政府信息公开申请公开率是多少？"] = cells(  # the inputs but no derived value
        "q", (LUCHENG, 2022, R, "granted", "total", 41), (LUCHENG, 2022, R, "partially_granted", "total", 24),
        (LUCHENG, 2022, R, "results_total", "total", 110))
    report = run_eval([question_file], scripted(answers))
    assert result(report, "hongzequ-2024-penalty-change").verdicts.value_ok is True
    v = result(report, "lucheng-2022-rate").verdicts
    assert (v.value_ok, v.cells_ok) == (False, True)
    assert result(report, "lucheng-2022-suit").verdicts.value_ok is True  # 0 + 0 from two cells


def test_declines_right_and_wrong(question_file):
    answers = dict(RIGHT)
    answers["鹿城区2022年新收了多少政府信息公开申请？"] = declined("q")
    answers["哪些单位的行政复议被纠正过？"] = declined("q")
    answers["鹿城区2022年申请人的平均年龄是多少？"] = cells("q", (LUCHENG, 2022, R, "new_received", "total", 113))
    report = run_eval([question_file], scripted(answers))
    assert report.false_declines == 2 and summary(report, "figure").false_declines == 1
    assert result(report, "lucheng-2022-new").verdicts.score == 0.0
    assert result(report, "prec-review-corrected").verdicts.hit_rate == 0.0
    unanswerable = summary(report, "unanswerable")
    assert unanswerable.correct_declines == 0.5 and unanswerable.score == 0.5
    assert report.overall == pytest.approx(8 / 11)


def test_narrative_hits_precision_and_ranks(question_file):
    answers = dict(RIGHT)
    answers["鹿城区怎么提高政务公开工作人员的专业素质？"] = passages(
        "q", (HONGZE, 2023, "实行政府信息公开工作人员跟班学习制度"), (HONGZE, 2024, "不断提高各单位政府信息公开工作人员"),
        (LUCHENG, 2022, "率全市之先举办依申请公开案例答辩比赛"))
    # 淮安市's sentence attributed to 沭阳县, another expected report: precise, but no hit
    answers["各单位都是怎么培训政务公开工作人员的？"] = passages("q", (SHUYANG, 2025, "创新开展调研式培训"))
    report = run_eval([question_file], scripted(answers))
    v = result(report, "lucheng-2022-training").verdicts
    assert v.hit_rate == 1.0 and v.precision == pytest.approx(1 / 3) and v.first_relevant == 3
    assert v.recall == {1: 0.0, 3: 1.0, 5: 1.0}
    v = result(report, "open-training").verdicts
    assert v.hit_rate == 0.0 and v.precision == 1.0 and v.first_relevant is None
    assert report.retrieval.n == 2
    assert report.retrieval.recall == {1: 0.0, 3: 0.5, 5: 0.5} and report.retrieval.mrr == pytest.approx(1 / 6)
    assert summary(report, "narrative").citation_precision == pytest.approx(2 / 3)


def test_precedent_hit_rate_and_precision(question_file):
    answers = dict(RIGHT)
    answer = cells("q", (HUAIAN, 2024, RL, "review_corrected", None, 64), (LUCHENG, 2022, RL, "review_other", None, 1),
                   (PINGTAN, 2021, RL, "review_corrected", None, 0))
    answer.text = "淮安市人民政府（2024年）复议被纠正64件；沭阳县人民政府2025年10件。"
    answers["哪些单位的行政复议被纠正过？"] = answer
    report = run_eval([question_file], scripted(answers))
    v = result(report, "prec-review-corrected").verdicts
    # found: 淮安市 (cited), 沭阳县 (named in the text), 平潭 (cited, though its 2021 report is not a precedent)
    assert v.hit_rate == 0.75 and v.score == 0.75
    assert v.precision == pytest.approx(1 / 3)  # only the 淮安市 2024 citation is from an expected report


def test_a_failing_answer_is_one_wrong_question(question_file):
    answers = dict(RIGHT)
    answers["鹿城区2022年新收了多少政府信息公开申请？"] = RuntimeError("store is locked")
    answers["北京市海淀区2022年收到多少政府信息公开申请？"] = ValueError("boom")
    report = run_eval([question_file], scripted(answers))
    assert report.errors == 2 and len(report.results) == len(IDS)
    r = result(report, "lucheng-2022-new")
    assert r.error == "RuntimeError: store is locked" and r.verdicts.score == 0.0 and not r.verdicts.false_decline
    assert result(report, "na-haidian-2022").verdicts.declined_ok is False
    assert report.false_declines == 0 and report.overall == pytest.approx(9 / 11)


def test_results_jsonl_and_table(question_file, tmp_path):
    report = run_eval([question_file], scripted(RIGHT))
    out = tmp_path / "results.jsonl"
    report.write_jsonl(out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == IDS
    first = rows[0]
    assert {"id", "question", "answer", "abstained", "citations", "figures", "latency_ms", "verdicts"} <= set(first)
    assert first["figures"][0]["value"] == 113 and first["citations"][0]["row"] == "new_received"
    assert first["verdicts"]["value_ok"] is True
    table = report.render()
    for word in ("figure", "narrative", "unanswerable", "overall", "recall@3", "MRR", "false declines 0/9"):
        assert word in table


def test_main_prints_writes_and_exits_on_min_score(question_file, tmp_path, monkeypatch, capsys, settings):
    answers = dict(RIGHT)
    answers["鹿城区2022年新收了多少政府信息公开申请？"] = declined("q")
    monkeypatch.setattr(evaluate, "build_assistant", lambda s: scripted(answers))
    out = tmp_path / "r.jsonl"
    args = argparse.Namespace(files=[str(question_file)], out=str(out), min_score=0.95)
    assert evaluate.main(args, settings) == 1
    assert "overall" in capsys.readouterr().out and len(out.read_text(encoding="utf-8").splitlines()) == len(IDS)
    assert evaluate.main(argparse.Namespace(files=[str(question_file)], out=None, min_score=0.9), settings) == 0
    assert evaluate.main(argparse.Namespace(files=[str(question_file)], out=None, min_score=None), settings) == 0


def test_bad_question_files_are_refused_with_their_line(tmp_path, question_file):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "type": "figure", "question": "q", "answer": {}, "cite": []}\n', encoding="utf-8")
    with pytest.raises(EvalSetError, match=r"bad.jsonl:1: .*answer.value"):
        load_questions([bad])
    bad.write_text("\n{not json\n", encoding="utf-8")
    with pytest.raises(EvalSetError, match=r"bad.jsonl:2: not valid JSON"):
        load_questions([bad])
    with pytest.raises(EvalSetError, match="duplicate id 'lucheng-2022-new'"):
        load_questions([question_file, question_file])
    with pytest.raises(EvalSetError, match="cannot read"):
        load_questions([tmp_path / "missing.jsonl"])
    bad.write_text('{"id": "n", "type": "narrative", "question": "q", "answer": {"quotes": ["甲乙"]}, "cite": '
                   '[{"agency": "a", "year": 2022, "section": "overview", "quote": "丙丁"}]}\n', encoding="utf-8")
    with pytest.raises(EvalSetError, match="no cited passage contains"):
        load_questions([bad])


def test_a_number_only_the_text_states_scores_like_a_cell(tmp_path):
    """A figure question citing a passage: the answer's passage figure is its value, the passage its cell."""
    q = {"id": "hotline", "type": "figure", "question": "平潭农业农村局2020年受理了多少12345热线？",
         "answer": {"value": 244}, "cite": [{"agency": "平潭综合实验区农业农村局", "year": 2020, "section": "overview",
                                            "quote": "共受理各类12345市民服务热线244起"}]}
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps(q, ensure_ascii=False) + "\n", encoding="utf-8")
    (question,) = load_questions([path])
    quote = "2020年，共受理各类12345市民服务热线244起，按时办结率100%。"
    cit = Citation(n=1, report_id="r", agency="平潭综合实验区农业农村局", year=2020, kind="passage", quote=quote)

    def answer(value):
        fig = Figure(agency=cit.agency, year=2020, table="passage", row="共受理各类12345市民服务热线244起", value=value,
                     citation=1, kind="passage", unit="起")
        return Answer(question=q["question"], text="…", citations=[cit], figures=[fig], kind="narrative")

    assert evaluate.score(question, answer(244)).score == 1.0
    assert evaluate.score(question, answer(245)).score == 0.5
