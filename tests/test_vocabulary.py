"""The vocabulary is the one place labels live: the printed labels of a cell follow the report's template."""

from index.vocabulary import ACTIVE, cell_labels


def test_shared_active_key_takes_the_label_of_the_reports_template():
    assert cell_labels("active", "licensing_decisions", None, "2021") == ("行政许可", "本年处理决定数量")
    assert cell_labels("active", "licensing_decisions", None, "2019") == ("行政许可", "处理决定数量")


def test_every_active_key_has_a_label_in_its_own_template():
    for template, rows in ACTIVE.items():
        for r in rows:
            for key, label in zip(r.columns, r.column_labels, strict=True):
                assert cell_labels("active", key, None, template) == (r.label, label)


def test_request_and_review_cells_are_labelled():
    assert cell_labels("requests", "new_received", "commercial") == ("一、本年新收政府信息公开申请数量", "商业企业")
    row, column = cell_labels("review_litigation", "review_corrected", None)
    assert "行政复议" in row and column == "结果纠正"
