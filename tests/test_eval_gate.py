"""The quality gate CI holds the assistant to: the fast question set, answered over the real bundled corpus
with the real model, must keep its score. A regression in parsing, routing or retrieval shows up here as a
lower number, with the per-type table printed for the log."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluate import run_eval
from assistant.pipeline import Assistant

SETS = Path(__file__).resolve().parents[1] / "eval_sets"
FAST = SETS / "fast.jsonl"
MIN_OVERALL = 0.93  # measured 0.907 when the set was written, 0.977 after the question-understanding work
MIN_PARAPHRASE_DEV = 0.90  # the held-out set's dev half (0.929, 0.945 measured); its test half is reported, never gated
MIN_PARAPHRASE2_DEV = 0.85  # the second held-out set's dev half (0.761 before tuning on it, 0.840, 0.894 after)
MIN_PARAPHRASE3_DEV = 0.88  # the third (0.810 before tuning on it, 0.920 after)
MIN_PARAPHRASE4_DEV = 0.86  # the fourth (0.813 before tuning on it, 0.893 after)
MIN_PARAPHRASE5_DEV = 0.84  # the fifth (0.765 before tuning on it, 0.878 after)
MIN_PARAPHRASE6_DEV = 0.82  # the sixth (0.690 before tuning on it, 0.858 after; 10 of its misses are glued cells)
MIN_PARAPHRASE7_DEV = 0.93  # the seventh (0.861 before tuning on it, 0.983 after)
MIN_PARAPHRASE8_DEV = 0.95  # the eighth (0.882 before tuning on it, 0.986 after)
MIN_PARAPHRASE9_DEV = 0.95  # the ninth (0.822 before tuning on it, 0.975 after)
MIN_PARAPHRASE10_DEV = 0.95  # the tenth (0.891 before tuning on it, 0.980 after)
MIN_PARAPHRASE11_DEV = 0.85  # the eleventh (0.817 measured whole twice before tuning on it, 0.883 after)
MIN_PARAPHRASE12_DEV = 0.90  # the twelfth (0.758 measured whole twice before tuning on it, 0.933 after)
MIN_PARAPHRASE13_DEV = 0.92  # the thirteenth (0.787 measured whole twice before tuning on it, 0.975 after)
MIN_PARAPHRASE14_DEV = 0.90  # the fourteenth (0.822 measured whole twice before tuning on it, 0.931 after)
MIN_PARAPHRASE15_DEV = 0.93  # the fifteenth (0.744 measured whole twice before tuning on it, 0.983 after)
MIN_PARAPHRASE16_DEV = 0.92  # the sixteenth (0.689 measured whole twice before tuning on it, 0.956 after)
MIN_PARAPHRASE17_DEV = 0.90  # the seventeenth (0.579 measured whole twice before tuning on it, 0.933 after)
MIN_PARAPHRASE18_DEV = 0.93  # the eighteenth (0.704 measured whole twice before tuning on it, 0.997 after)
MIN_PARAPHRASE19_DEV = 0.93  # the nineteenth (0.879 measured whole twice before tuning on it, 0.971 after)
MIN_PARAPHRASE20_DEV = 0.88  # the twentieth (0.771 measured whole twice before tuning on it, 0.933 after; 3 glued cells)
MIN_PARAPHRASE21_DEV = 0.85  # the twenty-first (0.714 / 0.731 measured whole twice before tuning on it, 0.900 after; 4 glued cells)
MIN_PARAPHRASE22_DEV = 0.85  # the twenty-second (0.724 / 0.740 measured whole twice before tuning on it, 0.917 after; 2 glued cells)
MIN_PARAPHRASE23_DEV = 0.85  # the twenty-third (0.728 / 0.728 measured whole twice before tuning on it, 0.928 after; glued cells)
MIN_PARAPHRASE24_DEV = 0.90  # the twenty-fourth (dev 0.818 measured whole on arrival, read then; 0.967 after tuning on it)
MIN_PARAPHRASE25_DEV = 0.88  # the twenty-fifth (dev 0.772 on arrival, 0.763 after the first change, 0.938 after; 2 glued cells)
MIN_PARAPHRASE26_DEV = 0.80  # the twenty-sixth (dev 0.725 on arrival and after the next change, 0.850 after; 6 glued cells)
MIN_PARAPHRASE27_DEV = 0.90  # the twenty-seventh (dev 0.825 on arrival, 0.967 after tuning on it; 1 glued cell)
MIN_PARAPHRASE28_DEV = 0.85  # the twenty-eighth (dev 0.625 on arrival, 0.900 after tuning on it; 4 glued cells)
MIN_PARAPHRASE29_DEV = 0.80  # the twenty-ninth (dev 0.704 on arrival, 0.858 after tuning on it; 6 glued cells)
MIN_PARAPHRASE30_DEV = 0.78  # the thirtieth (dev 0.725 on arrival and after the next change, 0.825 after; 5 glued cells)
MIN_PARAPHRASE31_DEV = 0.85  # the thirty-first (dev 0.775 on arrival and after the next change, 0.917 after; 4 glued cells)
MIN_PARAPHRASE32_DEV = 0.88  # the thirty-second (dev 0.883 on arrival and after the next change, 0.950 after; 2 glued cells)
MIN_PARAPHRASE33_DEV = 0.88  # the thirty-third (dev 0.842 on arrival and after the next change, 0.942 after; 2 glued cells)
MIN_PARAPHRASE34_DEV = 0.88  # the thirty-fourth (dev 0.833 on arrival and after the next change, 0.906 after; 4 glued cells)
MIN_PARAPHRASE35_DEV = 0.92  # the thirty-fifth (dev 0.875 on arrival, 0.858 after the next change, 0.942 after; 2 glued)
MIN_PARAPHRASE36_DEV = 0.88  # the thirty-sixth (dev 0.883 on arrival and after the next change, 0.908 after; 1 glued cell)
MIN_PARAPHRASE37_DEV = 0.93  # the thirty-seventh (dev 0.875 on arrival and after the next change, 0.964 after; 2 glued)
MIN_PARAPHRASE38_DEV = 0.92  # the thirty-eighth (dev 0.917 on arrival, 0.950 after tuning on it)
MIN_PARAPHRASE39_DEV = 0.95  # the thirty-ninth (dev 0.967 on arrival, 0.983 after)
MIN_PARAPHRASE40_DEV = 0.90  # the fortieth (dev 0.783 on arrival, 0.933 after; handwriting look-alikes still misread)
MIN_PARAPHRASE41_DEV = 0.93  # the forty-first (dev 0.831 on arrival, 0.967 after)
MIN_PARAPHRASE42_DEV = 0.95  # the forty-second (dev 0.933 on arrival, 0.983 after)
MIN_PARAPHRASE43_DEV = 0.75  # the forty-third (dev 0.662 on arrival, 0.796 after; formulas of its own no plan computes)
MIN_PARAPHRASE44_DEV = 0.85  # the forty-fourth (dev 0.842 on arrival, 0.892 after)
MIN_PARAPHRASE45_DEV = 0.80  # the forty-fifth (dev 0.650 on arrival, 0.850 after; SMS initials still misread)
MIN_FIGURES = 0.95  # figure, derived, comparison, followup and unanswerable all scored 1.0


@pytest.mark.slow
def test_fast_eval_set_keeps_its_score(corpus_index):
    report = run_eval([FAST], Assistant(corpus_index.settings, corpus_index))
    print("\n" + report.render())
    assert report.errors == 0
    assert report.overall >= MIN_OVERALL
    exact = {s.type: s.score for s in report.by_type if s.type not in ("narrative", "precedent")}
    assert exact and all(v >= MIN_FIGURES for v in exact.values()), exact


@pytest.mark.slow
@pytest.mark.parametrize("name, minimum", [("paraphrase.jsonl", MIN_PARAPHRASE_DEV),
                                           ("paraphrase2.jsonl", MIN_PARAPHRASE2_DEV),
                                           ("paraphrase3.jsonl", MIN_PARAPHRASE3_DEV),
                                           ("paraphrase4.jsonl", MIN_PARAPHRASE4_DEV),
                                           ("paraphrase5.jsonl", MIN_PARAPHRASE5_DEV),
                                           ("paraphrase6.jsonl", MIN_PARAPHRASE6_DEV),
                                           ("paraphrase7.jsonl", MIN_PARAPHRASE7_DEV),
                                           ("paraphrase8.jsonl", MIN_PARAPHRASE8_DEV),
                                           ("paraphrase9.jsonl", MIN_PARAPHRASE9_DEV),
                                           ("paraphrase10.jsonl", MIN_PARAPHRASE10_DEV),
                                           ("paraphrase11.jsonl", MIN_PARAPHRASE11_DEV),
                                           ("paraphrase12.jsonl", MIN_PARAPHRASE12_DEV),
                                           ("paraphrase13.jsonl", MIN_PARAPHRASE13_DEV),
                                           ("paraphrase14.jsonl", MIN_PARAPHRASE14_DEV),
                                           ("paraphrase15.jsonl", MIN_PARAPHRASE15_DEV),
                                           ("paraphrase16.jsonl", MIN_PARAPHRASE16_DEV),
                                           ("paraphrase17.jsonl", MIN_PARAPHRASE17_DEV),
                                           ("paraphrase18.jsonl", MIN_PARAPHRASE18_DEV),
                                           ("paraphrase19.jsonl", MIN_PARAPHRASE19_DEV),
                                           ("paraphrase20.jsonl", MIN_PARAPHRASE20_DEV),
                                           ("paraphrase21.jsonl", MIN_PARAPHRASE21_DEV),
                                           ("paraphrase22.jsonl", MIN_PARAPHRASE22_DEV),
                                           ("paraphrase23.jsonl", MIN_PARAPHRASE23_DEV),
                                           ("paraphrase24.jsonl", MIN_PARAPHRASE24_DEV),
                                           ("paraphrase25.jsonl", MIN_PARAPHRASE25_DEV),
                                           ("paraphrase26.jsonl", MIN_PARAPHRASE26_DEV),
                                           ("paraphrase27.jsonl", MIN_PARAPHRASE27_DEV),
                                           ("paraphrase28.jsonl", MIN_PARAPHRASE28_DEV),
                                           ("paraphrase29.jsonl", MIN_PARAPHRASE29_DEV),
                                           ("paraphrase30.jsonl", MIN_PARAPHRASE30_DEV),
                                           ("paraphrase31.jsonl", MIN_PARAPHRASE31_DEV),
                                           ("paraphrase32.jsonl", MIN_PARAPHRASE32_DEV),
                                           ("paraphrase33.jsonl", MIN_PARAPHRASE33_DEV),
                                           ("paraphrase34.jsonl", MIN_PARAPHRASE34_DEV),
                                           ("paraphrase35.jsonl", MIN_PARAPHRASE35_DEV),
                                           ("paraphrase36.jsonl", MIN_PARAPHRASE36_DEV),
                                           ("paraphrase37.jsonl", MIN_PARAPHRASE37_DEV),
                                           ("paraphrase38.jsonl", MIN_PARAPHRASE38_DEV),
                                           ("paraphrase39.jsonl", MIN_PARAPHRASE39_DEV),
                                           ("paraphrase40.jsonl", MIN_PARAPHRASE40_DEV),
                                           ("paraphrase41.jsonl", MIN_PARAPHRASE41_DEV),
                                           ("paraphrase42.jsonl", MIN_PARAPHRASE42_DEV),
                                           ("paraphrase43.jsonl", MIN_PARAPHRASE43_DEV),
                                           ("paraphrase44.jsonl", MIN_PARAPHRASE44_DEV),
                                           ("paraphrase45.jsonl", MIN_PARAPHRASE45_DEV)])
def test_held_out_dev_halves_keep_their_score(corpus_index, name, minimum):
    """Questions written without reading assistant/ (dev halves: the ones tuned on) must not slip back."""
    from assistant.evaluate import load_questions, run_questions

    dev = [q for q in load_questions([SETS / name]) if q.split == "dev"]
    report = run_questions(dev, Assistant(corpus_index.settings, corpus_index))
    print("\n" + report.render())
    assert report.errors == 0 and report.overall >= minimum
