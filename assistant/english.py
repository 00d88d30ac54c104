"""An English question gets an English answer: one line per figure (agency, year, what, value, [n]), built
from the answer's figures and citations, never from its Chinese wording; the Chinese answer follows as the
original. A decline says in English why, with the Chinese reason after it."""

from __future__ import annotations

from assistant.compose import VERDICT
from index.models import Answer, Figure

REASONS = {
    "year_not_held": "the reports held do not include that year for this agency",
    "previous_year_not_held": "the previous year's report, needed for a change, is not held",
    "unknown_agency": "no report of that agency is held",
    "empty_scope": "no report of an agency of that place and kind is held",
    "unsupported_figure": "the annual reports' tables do not record this",
    "missing_cell": "that report does not contain this item",
    "ambiguous_cell": "the report prints this figure ambiguously",
    "not_relevant": "no passage of the reports is relevant enough",
    "no_agency": "the question names no agency the reports cover",
    "several_agencies": "the question fits several agencies",
    "person": "the reports name no individuals (applicants, officials)",
    "future_plan": "the reports count the year's work done; plans for later years carry no figures",
    "outside_body": "the reports held are government agencies' reports; companies, banks, schools and hospitals publish none "
                    "here to compare with",
    "foreign": "only Chinese agencies' disclosure reports are held; no other country's figures are here to compare with",
    "forecast": "the reports count what has happened; they make no forecast of later or hypothetical figures",
    "request_subject": "the reports count requests by applicant and outcome, never by what they were about",
    "other_report": "only the agencies' government-information-disclosure annual reports are held, not work reports, "
                    "budgets, audits, statistical bulletins or rule-of-law reports",
    "report_meta": "the assistant answers from what the reports say; it gives no download links or page counts of them",
    "whole_area": "the reports held are some agencies' reports, not every agency of a province, city or its districts",
    "service": "the reports record a year's work and figures; they draft nothing, give no procedural or legal advice and "
               "do not track anyone's own request",
    "opinion": "the reports state each agency's own work and figures; they rate no agency (ask for a figure to compare)",
    "case_detail": "the reports count cases; they do not record one case's details",
    "cause_not_stated": "the reports give the figures but do not say why",
    "zero_denominator": "the rate's denominator is zero in that report, so there is no rate to give",
    "not_stated": "the reports' text speaks of it but does not state the number asked",
    "figure_unclear": "the question could mean several of the tables' figures; which one is meant (listed below)",
    "file_export": "no file, chart or e-mail is made here; the figures are given above as the reports print them",
}
VERDICTS = {True: "Yes. ", False: "No. "}  # the claim checked, as compose.VERDICT opens the Chinese answer
DERIVED = {"share": "share", "disclosure_rate": "disclosure rate", "review_correction_rate": "review correction rate",
           "completion_rate": "completion rate", "average": "average per period",
           "change": "change from the previous year", "change_pct": "change from the previous year (%)",
           "sum": "total", "remainder": "the rest (total less the part named)",
           "range": "spread (the largest less the smallest)"}


def words(key: str | None) -> str:
    """A canonical key as English words: new_received -> new received (the keys are English by design)."""
    return (key or "").replace("_", " ").strip()


def figure_line(f: Figure, pct: bool) -> str:
    value = "n/a" if f.value is None else (f"{f.value}%" if pct else f"{f.value}")
    if f.table == "derived":
        what = DERIVED.get(f.row, words(f.row))
    else:
        what = words(f.row) + (f" ({words(f.column)})" if f.column and f.column != "total" else "")
        what = f"{words(f.table)}: {what}"
    return f"- {f.agency} {f.year}: {what} = {value} [{f.citation}]"


COUNTED = ("change", "sum", "average", "mean", "median", "remainder", "yuan", "ratio", "range")  # derived counts, not percentages


def render(answer: Answer) -> Answer:
    """The same answer with an English lead; citations, figures and the plan unchanged."""
    if answer.abstained:
        reason = REASONS.get((answer.reason or "").split(";")[0], "the reports cannot support an answer")
        lead = f"Declined: {reason}."
    elif answer.figures:
        derived = [f for f in answer.figures if f.table == "derived"]
        cells = [f for f in answer.figures if f.table != "derived"]
        shown = cells if answer.kind in ("precedent", "figure") and cells else derived or cells
        shown += [f for f in derived if f.row == "average" and f not in shown]  # 113 and its 9.4 a month
        lines = [figure_line(f, pct=f.table == "derived" and f.row not in COUNTED)
                 for f in shown[:12]]
        source = "text (cited passages" if all(f.table == "passage" for f in shown) else "tables (cited cells"
        lead = f"From the reports' {source} in brackets):\n" + "\n".join(lines)
    elif not any(c.kind == "passage" for c in answer.citations):  # a listing that found none quotes no passage
        lead = "From the reports' tables:"
    else:
        lead = "The reports say (quoted passages in Chinese, cited in brackets):"
    verdict = next((VERDICTS[ok] for ok, zh in VERDICT.items() if answer.text.startswith(zh)), "")
    text = f"{verdict}{lead}\n\n原文 (Chinese):\n{answer.text}"
    return answer.model_copy(update={"text": text})
