"""Reports in traditional characters read as their simplified originals; simplified reports are left alone."""

from __future__ import annotations

import opencc
import pytest

from index.ingest import Index
from index.parse.load import load_file
from index.parse.report import parse_file
from index.parse.script import TRADITIONAL_SHARE, is_traditional, traditional_share
from index.stores.embed import HashEmbedder

S2T = opencc.OpenCC("s2t")


def traditional_copy(source, tmp_path, encoding="utf-8"):
    text = S2T.convert(source.read_text(encoding="utf-8"))
    assert "資訊" in text or "報告" in text  # really traditional
    copy = tmp_path / f"traditional-{source.name}"
    copy.write_bytes(text.encode(encoding))
    return copy


@pytest.mark.parametrize("name", ["04_shuyang-xian_2025.txt", "06_shanghai-bgt_2025.md"])
def test_a_traditional_copy_parses_as_its_simplified_original(corpus_dir, tmp_path, name):
    source = corpus_dir / "reports" / name
    original, copy = parse_file(source), parse_file(traditional_copy(source, tmp_path))
    assert (copy.meta.agency, copy.meta.year, copy.meta.template) == (
        original.meta.agency, original.meta.year, original.meta.template)
    assert copy.text == original.text and copy.sections == original.sections
    assert len(original.cells) > 100 and copy.cells == original.cells


def test_a_traditional_copy_ingests_with_the_original_agency_and_year(settings, corpus_dir, tmp_path):
    source = corpus_dir / "reports" / "00_lucheng-qu_2022.txt"
    summary = Index(settings, embedder=HashEmbedder()).ingest_paths(
        [traditional_copy(source, tmp_path, "gb18030")], progress=False)
    assert summary.ok, summary.render()
    [result] = summary.results
    assert (result.agency, result.year) == ("温州市鹿城区人民政府办公室", 2022)


def test_simplified_reports_are_not_converted(report_files):
    """Every bundled report is far under the threshold, so its text (quotes, offsets) is never touched."""
    for path in report_files:
        text = load_file(path).text
        assert traditional_share(text) == 0.0 and not is_traditional(text), path.name
        assert traditional_share(S2T.convert(text)) > 6 * TRADITIONAL_SHARE, path.name


def test_a_simplified_report_quoting_traditional_words_stays_as_it_is(corpus_dir):
    text = (corpus_dir / "reports" / "00_lucheng-qu_2022.txt").read_text(encoding="utf-8")
    quoting = text.replace("一、总体情况", "一、总体情况\n（台湾地区来函所称“政府資訊公開”“檔案”，按本条例办理。）")
    assert quoting != text and 0 < traditional_share(quoting) < TRADITIONAL_SHARE
