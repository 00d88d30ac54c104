"""Scored question sets (`nianbao eval`): every question goes through the chat's own code path, in one process,
and is scored by what its type promises - a value and the cells behind it, quoted passages, a complete list of
agencies, or a decline. The format and the scoring rules are documented in eval_sets/README.md."""

from __future__ import annotations

import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from index.errors import NianbaoError
from index.models import Answer, Citation, Figure

QuestionType = Literal["figure", "derived", "comparison", "narrative", "precedent", "followup", "unanswerable",
                       "multipart"]
TYPES: tuple[str, ...] = ("figure", "derived", "comparison", "narrative", "precedent", "followup", "unanswerable",
                          "multipart")
RECALL_KS = (1, 3, 5)
DERIVED_TABLE = "derived"  # Figure.table of a value the answer computed (rate, change) rather than read off a cell
EPSILON = 1e-6

Ask = Callable[[str, list[dict]], Answer]


class EvalSetError(NianbaoError):
    """A question file that cannot be read or does not follow the format."""


# ---- the question format --------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Turn(_Strict):
    role: Literal["user", "assistant"]
    content: str


class CellRef(_Strict):
    agency: str
    year: int
    table: str
    row: str
    column: str | None = None


class PassageRef(_Strict):
    agency: str
    year: int
    section: str
    quote: str = Field(min_length=1)


class ReportRef(_Strict):
    agency: str
    year: int


class Expected(_Strict):
    """What a right answer holds; which fields apply depends on the question type."""

    value: float | None = None
    tolerance: float = Field(0.0, ge=0)
    formula: str | None = None  # derived: disclosure_rate | change | growth_rate | review_correction_rate
    unit: str | None = None
    values: dict[str, float] | None = None  # comparison: "agency|year" -> value
    larger: str | None = None  # comparison: the "agency|year" key with the larger value (null when equal)
    quotes: list[str] | None = None  # narrative: exact substrings a right answer's passages contain
    match: Literal["all", "any"] = "all"
    agencies: list[str] | None = None  # precedent: the complete list over the corpus
    reports: list[ReportRef] | None = None  # precedent: the reports that make each agency a precedent
    abstain: bool = False
    parts: list[Part] | None = None  # multipart: each part as a question of its own type


class Part(_Strict):
    """One part of a multipart question, scored against the whole answer."""

    type: QuestionType
    answer: Expected
    cite: list[CellRef | PassageRef] = Field(default_factory=list)


class EvalQuestion(_Strict):
    id: str = Field(min_length=1)
    type: QuestionType
    question: str = Field(min_length=1)
    history: list[Turn] = Field(default_factory=list)
    answer: Expected
    cite: list[CellRef | PassageRef] = Field(default_factory=list)
    notes: str = ""
    split: Literal["dev", "test"] | None = None  # held-out sets: tune on dev, report test

    @property
    def cells(self) -> list[CellRef]:
        return [c for c in self.cite if isinstance(c, CellRef)]

    @property
    def passages(self) -> list[PassageRef]:
        return [c for c in self.cite if isinstance(c, PassageRef)]

    @model_validator(mode="after")
    def _fits_type(self) -> EvalQuestion:
        problem = _type_problem(self)
        if problem:
            raise ValueError(f"a {self.type} question {problem}")
        return self


def _type_problem(q: EvalQuestion) -> str | None:
    a = q.answer
    if q.type in ("figure", "derived", "followup"):
        if a.value is None:
            return "needs answer.value"
        if not q.cells and not q.passages:
            return "needs the cited cells (or, for a number only the text states, passages) in cite"
    elif q.type == "comparison":
        if not a.values or len(a.values) < 2 or any(k.count("|") != 1 for k in a.values):
            return 'needs answer.values with two or more "agency|year" keys'
        if not q.cells:
            return "needs the cited cells in cite"
    elif q.type == "narrative":
        if not a.quotes or not q.passages:
            return "needs answer.quotes and the cited passages in cite"
        lost = [t for t in a.quotes if not any(t in p.quote for p in q.passages)]
        if lost:
            return f"has expected quotes that no cited passage contains: {lost}"
    elif q.type == "precedent":
        if not a.agencies:
            return "needs answer.agencies"
    elif q.type == "multipart":
        if not a.parts or len(a.parts) < 2 or any(p.type == "multipart" for p in a.parts):
            return "needs answer.parts: two or more parts, none itself multipart"
        for p in a.parts:
            problem = _type_problem(EvalQuestion(id=q.id, type=p.type, question=q.question, answer=p.answer,
                                                 cite=p.cite))
            if problem:
                return f"has a {p.type} part that {problem}"
    elif not a.abstain:
        return "needs answer.abstain = true"
    return None


def load_questions(files: Iterable[str | Path]) -> list[EvalQuestion]:
    """Every question of every file, in order; the first malformed line stops with its file and line number."""
    questions: list[EvalQuestion] = []
    seen: dict[str, str] = {}
    for f in files:
        path = Path(f)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise EvalSetError(f"{path}: cannot read the question file ({e})") from e
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                q = EvalQuestion.model_validate(json.loads(line))
            except json.JSONDecodeError as e:
                raise EvalSetError(f"{where}: not valid JSON ({e.msg})") from e
            except ValidationError as e:
                first = e.errors()[0]
                loc = ".".join(str(p) for p in first["loc"]) or "question"
                raise EvalSetError(f"{where}: {loc}: {first['msg']}") from e
            if q.id in seen:
                raise EvalSetError(f"{where}: duplicate id {q.id!r} (first at {seen[q.id]})")
            seen[q.id] = where
            questions.append(q)
    if not questions:
        raise EvalSetError("no questions in " + ", ".join(str(f) for f in files))
    return questions


# ---- results --------------------------------------------------------------------------------------------


class Verdicts(BaseModel):
    """Per-question judgements; None where a judgement does not apply to the question's type."""

    value_ok: bool | None = None
    cells_ok: bool | None = None
    hit_rate: float | None = None
    precision: float | None = None
    declined_ok: bool | None = None
    false_decline: bool = False
    first_relevant: int | None = None  # 1-based rank of the first relevant passage (narrative)
    recall: dict[int, float] = Field(default_factory=dict)  # k -> recall@k (narrative)
    score: float = 0.0


class QuestionResult(BaseModel):
    id: str
    type: str
    question: str
    answer: str = ""
    abstained: bool = False
    citations: list[Citation] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    latency_ms: float = 0.0
    verdicts: Verdicts = Field(default_factory=Verdicts)
    error: str | None = None
    notes: list[str] = Field(default_factory=list)  # the Answer's notes (LLM use, number-guard actions)
    stated_ok: bool | None = None  # value questions: the answer's text itself states the expected value(s)


class TypeSummary(BaseModel):
    type: str
    n: int
    score: float
    value_accuracy: float | None = None
    cell_accuracy: float | None = None
    hit_rate: float | None = None
    citation_precision: float | None = None
    correct_declines: float | None = None
    false_declines: int = 0
    errors: int = 0


class RetrievalSummary(BaseModel):
    """Ranking quality of the passages cited for narrative questions, in citation order."""

    n: int
    recall: dict[int, float]
    mrr: float


class EvalReport(BaseModel):
    results: list[QuestionResult]
    by_type: list[TypeSummary]
    overall: float
    answerable: int
    false_declines: int
    errors: int
    retrieval: RetrievalSummary | None = None
    latency_p50_ms: float = 0.0
    latency_p95_ms: float = 0.0

    def render(self) -> str:
        """The per-type table `nianbao eval` prints."""
        head = f"{'type':<13}{'n':>5}{'score':>8}{'value':>8}{'cells':>8}{'hit':>8}{'prec':>8}{'decl':>8}{'false':>7}"
        lines = [head, "-" * len(head)]
        for s in self.by_type:
            lines.append(f"{s.type:<13}{s.n:>5}{_fmt(s.score):>8}{_fmt(s.value_accuracy):>8}{_fmt(s.cell_accuracy):>8}"
                         f"{_fmt(s.hit_rate):>8}{_fmt(s.citation_precision):>8}{_fmt(s.correct_declines):>8}"
                         f"{s.false_declines:>7}")
        lines.append("-" * len(head))
        n = sum(s.n for s in self.by_type)
        rate = self.false_declines / self.answerable if self.answerable else 0.0
        lines.append(f"{'overall':<13}{n:>5}{_fmt(self.overall):>8}   false declines {self.false_declines}/"
                     f"{self.answerable} answerable ({rate:.1%}), errors {self.errors}")
        if self.retrieval:
            r = self.retrieval
            ks = "  ".join(f"recall@{k} {_fmt(v)}" for k, v in r.recall.items())
            lines.append(f"retrieval (narrative, n={r.n}): {ks}  MRR {_fmt(r.mrr)}")
        lines.append(f"latency: p50 {self.latency_p50_ms:.0f} ms, p95 {self.latency_p95_ms:.0f} ms")
        return "\n".join(lines)

    def write_jsonl(self, path: str | Path) -> None:
        """One line per question; written to a temporary file first so a failure leaves no half file."""
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for r in self.results:
                fh.write(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n")
        os.replace(tmp, path)


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


# ---- scoring ---------------------------------------------------------------------------------------------


def _close(a: float | None, b: float, tol: float) -> bool:
    return a is not None and math.isfinite(a) and abs(a - b) <= tol + EPSILON


def _same_cell(ref: CellRef, agency: str, year: int, table: str | None, row: str | None, column: str | None) -> bool:
    return (ref.agency, ref.year, ref.table, ref.row, ref.column) == (agency, year, table, row, column)


def _cells_cited(q: EvalQuestion, answer: Answer) -> bool:
    """Every expected cell cited; a number only the text states: its passage cited (overlapping quotes)."""
    cited = [c for c in answer.citations if c.kind == "cell"]
    quoted = [c for c in answer.citations if c.kind == "passage"]
    return (all(any(_same_cell(ref, c.agency, c.year, c.table, c.row, c.column) for c in cited) for ref in q.cells)
            and all(any((c.agency, c.year) == (p.agency, p.year) and (c.quote in p.quote or p.quote in c.quote)
                        for c in quoted) for p in q.passages))


def _value_candidates(q: EvalQuestion, answer: Answer) -> list[float]:
    """The values an answer states for the question: its derived figures; for a figure question also the
    figures of the expected cells, their sum when the question asks for a sum, and the first figure."""
    derived = [f.value for f in answer.figures if f.table == DERIVED_TABLE and f.value is not None]
    if q.type == "derived" or q.answer.formula:
        return derived
    matched = [f.value for ref in q.cells for f in answer.figures
               if f.value is not None and _same_cell(ref, f.agency, f.year, f.table, f.row, f.column)]
    matched += [f.value for ref in q.passages for f in answer.figures  # a passage figure, like a cell's
                if f.value is not None and f.kind == "passage" and (f.agency, f.year) == (ref.agency, ref.year)]
    out = derived + matched
    if len(q.cells) > 1 and len(matched) == len(q.cells):
        out.append(sum(matched))
    firsts = [f.value for f in answer.figures if f.table != DERIVED_TABLE and f.value is not None]
    return out + firsts[:1]


def score_value(q: EvalQuestion, answer: Answer) -> Verdicts:
    """figure, derived, followup: the stated value is right (a change may carry its sign in the wording)."""
    expected = q.answer.value
    candidates = _value_candidates(q, answer)
    if q.answer.formula == "change":
        candidates = [abs(v) for v in candidates]
        expected = abs(expected)
    value_ok = any(_close(v, expected, q.answer.tolerance) for v in candidates)
    cells_ok = _cells_cited(q, answer)
    return Verdicts(value_ok=value_ok, cells_ok=cells_ok, score=(value_ok + cells_ok) / 2)


def score_comparison(q: EvalQuestion, answer: Answer) -> Verdicts:
    """Every compared value is among the answer's figures for that agency and year."""
    def found(key: str, value: float) -> bool:
        agency, year = key.split("|")
        return any(f.agency == agency and str(f.year) == year and _close(f.value, value, q.answer.tolerance)
                   for f in answer.figures)

    value_ok = all(found(k, v) for k, v in (q.answer.values or {}).items())
    cells_ok = _cells_cited(q, answer)
    return Verdicts(value_ok=value_ok, cells_ok=cells_ok, score=(value_ok + cells_ok) / 2)


def _passages(answer: Answer) -> list[Citation]:
    return sorted((c for c in answer.citations if c.kind == "passage"), key=lambda c: c.n)


def score_narrative(q: EvalQuestion, answer: Answer) -> Verdicts:
    """Hit: an expected quote inside a cited passage from a report whose expected passage holds that quote.
    Precision: the share of cited passages from expected reports. Ranks: where hits stand in citation order."""
    quotes = q.answer.quotes or []
    sources = [{(p.agency, p.year) for p in q.passages if t in p.quote} for t in quotes]
    expected_reports = {(p.agency, p.year) for p in q.passages}
    passages = _passages(answer)
    per_passage = [{i for i, t in enumerate(quotes) if t in c.quote and (c.agency, c.year) in sources[i]}
                   for c in passages]
    need = 1 if q.answer.match == "any" else len(quotes)

    def found_within(k: int | None) -> float:
        got: set[int] = set().union(*per_passage[:k]) if per_passage else set()
        return min(len(got), need) / need

    first = next((i + 1 for i, h in enumerate(per_passage) if h), None)
    precision = (sum(1 for c in passages if (c.agency, c.year) in expected_reports) / len(passages)) if passages else 0.0
    hit_rate = found_within(None)
    return Verdicts(hit_rate=hit_rate, precision=precision, first_relevant=first,
                    recall={k: found_within(k) for k in RECALL_KS}, score=hit_rate)


def score_precedent(q: EvalQuestion, answer: Answer) -> Verdicts:
    """Hit rate: expected agencies named in the answer's citations or text. Precision: the share of citations
    from an expected report (or agency, when the question lists no reports)."""
    expected = q.answer.agencies or []
    cited = {c.agency for c in answer.citations}
    found = [a for a in expected if a in cited or a in answer.text]
    hit_rate = len(found) / len(expected)
    if q.answer.reports:
        ok = {(r.agency, r.year) for r in q.answer.reports}
        relevant = [c for c in answer.citations if (c.agency, c.year) in ok]
    else:
        relevant = [c for c in answer.citations if c.agency in expected]
    precision = len(relevant) / len(answer.citations) if answer.citations else 0.0
    return Verdicts(hit_rate=hit_rate, precision=precision, score=hit_rate)


def score_unanswerable(q: EvalQuestion, answer: Answer) -> Verdicts:
    return Verdicts(declined_ok=answer.abstained, score=float(answer.abstained))


def score_multipart(q: EvalQuestion, answer: Answer) -> Verdicts:
    """The mean over the parts, each scored as a question of its type against the whole answer; a part that
    must be declined counts when the answer declines some part (its reason says which)."""
    scores = []
    for p in q.answer.parts or []:
        if p.type == "unanswerable":
            scores.append(float(answer.abstained or bool(answer.reason)))
            continue
        part = EvalQuestion(id=q.id, type=p.type, question=q.question, answer=p.answer, cite=p.cite)
        scores.append(SCORERS[p.type](part, answer).score)
    return Verdicts(score=_mean(scores) or 0.0, hit_rate=_mean(scores))


SCORERS: dict[str, Callable[[EvalQuestion, Answer], Verdicts]] = {
    "figure": score_value, "derived": score_value, "followup": score_value, "comparison": score_comparison,
    "narrative": score_narrative, "precedent": score_precedent, "unanswerable": score_unanswerable,
    "multipart": score_multipart,
}


def _wrong(q: EvalQuestion, false_decline: bool) -> Verdicts:
    """Wrong on every count the question's type has: a declined answerable question, or a failed call."""
    v = Verdicts(false_decline=false_decline and q.type != "unanswerable")
    if q.type == "unanswerable":
        v.declined_ok = False
    elif q.type in ("figure", "derived", "followup", "comparison"):
        v.value_ok, v.cells_ok = False, False
    else:
        v.hit_rate, v.precision = 0.0, 0.0
        if q.type == "narrative":
            v.recall = {k: 0.0 for k in RECALL_KS}
    return v


def score(q: EvalQuestion, answer: Answer) -> Verdicts:
    """The verdicts for one question and the answer it got."""
    if answer.abstained and q.type == "multipart":
        return score_multipart(q, answer)
    if answer.abstained and q.type != "unanswerable":
        return _wrong(q, false_decline=True)
    return SCORERS[q.type](q, answer)


# ---- running ---------------------------------------------------------------------------------------------


def run_question(q: EvalQuestion, ask: Ask) -> QuestionResult:
    """One question through `ask`; an exception is recorded as this question's failure, not the run's."""
    history = [t.model_dump() for t in q.history]
    start = time.perf_counter()
    try:
        answer = ask(q.question, history)
    except Exception as e:  # the run must go on: one broken answer is one wrong question
        ms = (time.perf_counter() - start) * 1000
        return QuestionResult(id=q.id, type=q.type, question=q.question, latency_ms=ms, verdicts=_wrong(q, False),
                              error=f"{type(e).__name__}: {e}")
    ms = (time.perf_counter() - start) * 1000
    return QuestionResult(id=q.id, type=q.type, question=q.question, answer=answer.text,
                          abstained=answer.abstained, citations=answer.citations, figures=answer.figures,
                          latency_ms=round(ms, 2), verdicts=score(q, answer), notes=answer.notes,
                          stated_ok=stated_in_text(q, answer.text))


def stated_in_text(q: EvalQuestion, text: str) -> bool | None:
    """Whether the text states every expected value (as the number guard reads numbers, rounded as written):
    the figures score by the Answer's structured figures, this by what a reader sees, which an LLM rewords."""
    expected = list((q.answer.values or {}).values()) if q.type == "comparison" else [q.answer.value]
    if q.type not in ("figure", "derived", "followup", "comparison") or None in expected:
        return None
    from assistant.guard import find_numbers

    mentions = find_numbers(text)
    return all(any(abs(v - abs(e)) <= max(q.answer.tolerance, 0.5 * 10 ** -m.decimals) + EPSILON
                   for m in mentions for v in m.values) for e in expected)


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def _percentile(xs: list[float], p: float) -> float:
    if not xs:
        return 0.0
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, math.ceil(p * len(s)) - 1))]


def summarize(results: list[QuestionResult]) -> EvalReport:
    """Per-type and overall numbers from per-question verdicts."""
    by_type = []
    for t in TYPES:
        rs = [r for r in results if r.type == t]
        if not rs:
            continue
        vs = [r.verdicts for r in rs]
        by_type.append(TypeSummary(
            type=t, n=len(rs), score=_mean([v.score for v in vs]) or 0.0,
            value_accuracy=_mean([float(v.value_ok) for v in vs if v.value_ok is not None]),
            cell_accuracy=_mean([float(v.cells_ok) for v in vs if v.cells_ok is not None]),
            hit_rate=_mean([v.hit_rate for v in vs if v.hit_rate is not None]),
            citation_precision=_mean([v.precision for v in vs if v.precision is not None]),
            correct_declines=_mean([float(v.declined_ok) for v in vs if v.declined_ok is not None]),
            false_declines=sum(v.false_decline for v in vs), errors=sum(r.error is not None for r in rs)))
    narrative = [r.verdicts for r in results if r.type == "narrative"]
    retrieval = None
    if narrative:
        retrieval = RetrievalSummary(
            n=len(narrative), recall={k: _mean([v.recall.get(k, 0.0) for v in narrative]) or 0.0 for k in RECALL_KS},
            mrr=_mean([1 / v.first_relevant if v.first_relevant else 0.0 for v in narrative]) or 0.0)
    latencies = [r.latency_ms for r in results if r.error is None]
    return EvalReport(
        results=results, by_type=by_type, overall=_mean([r.verdicts.score for r in results]) or 0.0,
        answerable=sum(r.type != "unanswerable" for r in results),
        false_declines=sum(r.verdicts.false_decline for r in results),
        errors=sum(r.error is not None for r in results), retrieval=retrieval,
        latency_p50_ms=_percentile(latencies, 0.5), latency_p95_ms=_percentile(latencies, 0.95))


def run_questions(questions: list[EvalQuestion], ask, progress: bool = False) -> EvalReport:
    ask = getattr(ask, "ask", ask)  # an Assistant or its ask method: the same code path either way
    results = []
    for i, q in enumerate(questions, 1):
        results.append(run_question(q, ask))
        if progress and (i % 25 == 0 or i == len(questions)):
            print(f"  {i}/{len(questions)} questions", file=sys.stderr)
    return summarize(results)


def run_eval(files: Iterable[str | Path], ask) -> EvalReport:
    """Score `ask(question, history) -> Answer` (or an Assistant) on the question files."""
    return run_questions(load_questions(files), ask)


# ---- CLI -------------------------------------------------------------------------------------------------


def build_assistant(settings):
    """The chat's assistant over the store in settings.home; the bundled reports are ingested into an empty
    store first, since the question sets are written over them."""
    from assistant.pipeline import Assistant
    from index.ingest import Index

    index = Index(settings)
    if not index.store.reports():
        print("the store is empty: ingesting the bundled sample reports …", file=sys.stderr)
        index.ingest_bundled(progress=True)
    return Assistant(settings, index)


def select_per_type(questions: list[EvalQuestion], n: int | None) -> list[EvalQuestion]:
    """At most n questions of each type, evenly spread over the file (a stated, repeatable subset)."""
    if not n:
        return questions
    chosen: set[str] = set()
    for t in TYPES:
        of_type = [q for q in questions if q.type == t]
        step = max(1.0, len(of_type) / n)
        chosen |= {of_type[int(i * step)].id for i in range(min(n, len(of_type)))}
    return [q for q in questions if q.id in chosen]


def _rate(xs: list[bool | None]) -> float | None:
    return _mean([float(x) for x in xs if x is not None])


def llm_use(report: EvalReport) -> dict[str, int]:
    """How often the LLM's wording was used or fell back, and what the number guard did, over a run."""
    from assistant.guard import guard_counts
    from assistant.llm import NOTE_FALLBACK, NOTE_LLM

    counts = {"reworded": 0, "fell_back": 0, "removed_sentences": 0, "removed_numbers": 0, "replaced_numbers": 0,
              "dropped_markers": 0}
    for r in report.results:
        counts["reworded"] += NOTE_LLM in r.notes
        counts["fell_back"] += any(n.startswith(NOTE_FALLBACK) for n in r.notes)
        for k, v in guard_counts(r.notes).items():
            counts[k] += v
    return counts


def render_llm_comparison(reports: dict[str, EvalReport]) -> str:
    """Per type: the score and how often the text states the expected value, per LLM mode; then the LLM's
    use, the guard's actions and the latency of each mode."""
    modes = list(reports)
    head = f"{'type':<13}{'n':>5}" + "".join(f"{'score:' + m:>14}" for m in modes) + "".join(
        f"{'stated:' + m:>14}" for m in modes)
    lines = [head, "-" * len(head)]
    first = reports[modes[0]]
    for s in first.by_type:
        per = {m: [r for r in reports[m].results if r.type == s.type] for m in modes}
        scores = "".join(f"{_fmt(_mean([r.verdicts.score for r in per[m]])):>14}" for m in modes)
        stated = "".join(f"{_fmt(_rate([r.stated_ok for r in per[m]])):>14}" for m in modes)
        lines.append(f"{s.type:<13}{s.n:>5}{scores}{stated}")
    lines.append("-" * len(head))
    n = len(first.results)
    lines.append(f"{'overall':<13}{n:>5}" + "".join(f"{_fmt(reports[m].overall):>14}" for m in modes)
                 + "".join(f"{_fmt(_rate([r.stated_ok for r in reports[m].results])):>14}" for m in modes))
    for m in modes:
        c = llm_use(reports[m])
        lines.append(f"{m}: LLM wording used {c['reworded']}/{n}, fell back {c['fell_back']}; number guard removed "
                     f"{c['removed_sentences']} sentences ({c['removed_numbers']} numbers), replaced "
                     f"{c['replaced_numbers']} numbers, dropped {c['dropped_markers']} markers; latency p50 "
                     f"{reports[m].latency_p50_ms:.0f} ms, p95 {reports[m].latency_p95_ms:.0f} ms")
    return "\n".join(lines)


def compare_llm(questions: list[EvalQuestion], settings, mode: str) -> dict[str, EvalReport]:
    """The same questions over the same store with NIANBAO_LLM=none and with `mode`. Each assistant first
    answers a narrative and a figure question untimed, so that loading the embedder or the local model is
    not one question's latency."""
    from assistant.pipeline import Assistant

    plain = build_assistant(settings.model_copy(update={"llm": "none"}))
    worded = Assistant(settings.model_copy(update={"llm": mode}), plain.index)
    reports = {}
    for name, assistant in (("none", plain), (mode, worded)):
        print(f"NIANBAO_LLM={name}: warming up, then {len(questions)} questions …", file=sys.stderr)
        for q in {q.type: q for q in reversed(questions)}.values():  # a narrative one loads the embedder
            if q.type in ("narrative", "figure"):
                assistant.ask(q.question, [t.model_dump() for t in q.history])
        reports[name] = run_questions(questions, assistant, progress=True)
    return reports


def main(args, settings) -> int:
    """`nianbao eval FILE... [--out results.jsonl] [--min-score X] [--per-type N] [--compare-llm]`: print the
    table, exit 1 below --min-score. --compare-llm runs the questions with NIANBAO_LLM=none and then with the
    configured LLM (local when none is configured) and prints both tables and the comparison."""
    questions = select_per_type(load_questions(args.files), getattr(args, "per_type", None))
    split = getattr(args, "split", None)
    if split:
        questions = [q for q in questions if q.split == split]
    out = getattr(args, "out", None)
    if getattr(args, "compare_llm", False):
        reports = compare_llm(questions, settings, settings.llm if settings.llm != "none" else "local")
        for mode, report in reports.items():
            print(f"NIANBAO_LLM={mode}\n{report.render()}\n")
            if out:
                report.write_jsonl(Path(out).with_suffix(f".{mode}.jsonl"))
        print(render_llm_comparison(reports))
        report = reports["none"]
    else:
        report = run_questions(questions, build_assistant(settings), progress=True)
        print(report.render())
        if out:
            report.write_jsonl(out)
            print(f"per-question results: {out}", file=sys.stderr)
    min_score = getattr(args, "min_score", None)
    if min_score is not None and report.overall < min_score:
        print(f"overall score {report.overall:.3f} is below --min-score {min_score}", file=sys.stderr)
        return 1
    return 0
