"""The HTTP API beside the page, mounted at /api on the same server: ask a question, list the reports,
read a report's tables; staff upload and delete with the same token as the page (header X-Staff-Token).
FastAPI writes the OpenAPI description at /api/openapi.json and its page at /api/docs."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from pydantic import BaseModel, Field

from assistant.budget import ask_within
from index.errors import NianbaoError
from index.models import Ambiguity, Answer, Check
from index.stores.store import ReportSummary

log = logging.getLogger(__name__)


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000, description="The question, in Chinese.")
    history: list[Turn] = Field(default_factory=list, description="Earlier turns of the conversation, oldest first.")
    agency: str | None = Field(None, description="Only this agency's reports (as listed by GET /api/reports).")
    year: int | None = Field(None, ge=1990, le=2100, description="Only reports of this year.")


class ReportTables(BaseModel):
    report: ReportSummary
    tables: dict[str, dict[str, Any]] = Field(description="table -> row -> value, or row -> column -> value "
                                                          "for the requests table; null is an empty cell")
    checks: list[Check]
    ambiguous: list[Ambiguity] = Field(description="cells the printing cannot decide, with every candidate reading")


class UploadResult(BaseModel):
    file: str
    status: str = Field(description="ingested, replaced, unchanged, failed (could not be read or stored) or "
                                    "refused (type, size or empty, before reading)")
    report_id: str | None = None
    reason: str | None = Field(None, description="why it failed or was refused, in English")
    code: str | None = Field(None, description="the reason as a key (empty, too_big, unsupported_type, not_pdf, "
                                               "not_a_report, no_agency, …) for a client's own wording")


def create_api(ctx: Any) -> FastAPI:
    """The API over one `ui.app.UIContext` (the same index and assistant the page uses)."""
    from ui.app import make_filters, refusal_text, token_ok, upload_problem

    api = FastAPI(title="nianbao API", version="1", docs_url="/docs", openapi_url="/openapi.json",
                  description="Questions about government information-disclosure annual reports, answered "
                              "with the table cells and passages they come from.")

    def staff(x_staff_token: Annotated[str | None, Header()] = None) -> None:
        if not ctx.settings.staff_token:
            raise HTTPException(403, "staff actions are off: the server has no NIANBAO_STAFF_TOKEN")
        if not token_ok(ctx.settings, x_staff_token):
            log.warning("API write refused: missing or wrong staff token")
            raise HTTPException(401, "missing or wrong X-Staff-Token")

    @api.post("/ask", response_model=Answer, summary="Answer one question, citing its sources")
    def ask(body: AskRequest) -> Answer:
        filters = make_filters(body.agency, body.year)
        return ask_within(ctx.assistant, ctx.settings, body.question, [t.model_dump() for t in body.history], filters)

    @api.get("/reports", response_model=list[ReportSummary], summary="Every stored report")
    def reports() -> list[ReportSummary]:
        return ctx.store.reports()

    @api.get("/reports/{report_id}/tables", response_model=ReportTables, summary="A report's parsed tables")
    def tables(report_id: str) -> ReportTables:
        summary = ctx.store.summary(report_id)
        if summary is None:
            raise HTTPException(404, f"no report with id {report_id}")
        report = ctx.store.report(report_id)
        return ReportTables(report=summary, tables=report.tables_json(), checks=report.checks,
                            ambiguous=report.ambiguous)

    @api.post("/reports", response_model=list[UploadResult], dependencies=[Depends(staff)],
              summary="Upload report files (staff)")
    def upload(files: Annotated[list[UploadFile], File()]) -> list[UploadResult]:
        out: list[UploadResult] = []
        with tempfile.TemporaryDirectory(prefix="nianbao-upload-") as tmp:
            for f in files:
                path = Path(tmp) / Path(f.filename or "report.txt").name
                with path.open("wb") as dst:
                    shutil.copyfileobj(f.file, dst)
                problem = upload_problem(ctx.settings, path)
                if problem:  # the same checks as the page, said in English like the rest of the API
                    out.append(UploadResult(file=path.name, status="refused", reason=refusal_text(*problem),
                                            code=problem[0]))
                    continue
                try:
                    results = ctx.index.ingest_paths([path], progress=False).results
                except NianbaoError as e:
                    log.warning("API upload of %s failed: %s", path.name, e)
                    results = []
                    out.append(UploadResult(file=path.name, status="failed", reason=str(e)))
                out += [UploadResult(file=path.name, status=r.status, report_id=r.report_id, reason=r.reason,
                                     code=r.code) for r in results]
        return out

    @api.delete("/reports/{report_id}", dependencies=[Depends(staff)], summary="Remove a report (staff)")
    def delete(report_id: str) -> dict:
        if ctx.store.summary(report_id) is None:
            raise HTTPException(404, f"no report with id {report_id}")
        ctx.index.remove(report_id)
        log.info("API deleted report %s", report_id)
        return {"deleted": report_id}

    return api
