"""The load bench in short form: `nianbao serve` (a subprocess on a free loopback port, the hashing embedder)
answers 5 simulated users asking figure questions for 10 s through gradio_client while a staff user uploads a
report; no errors, every answer right. The same server shows the default bind address is 127.0.0.1 and that an
upload without the staff token is refused. The full form (20 users, 60 s, mixed questions) is bench/load_bench.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from load_bench import bench  # noqa: E402

from index.settings import Settings  # noqa: E402

pytestmark = pytest.mark.slow

REPORTS = ROOT / "index" / "data" / "corpus" / "reports"
SERVED = ["00_lucheng-qu_2022.txt", "04_shuyang-xian_2025.txt", "05_shanghai-kewei_2024.md",
          "06_shanghai-bgt_2025.md", "15_pingtan-syq_2020.txt", "49_pingtan-htp_2024.txt"]


@pytest.fixture(scope="module")
def short_run(tmp_path_factory):
    home = tmp_path_factory.mktemp("load") / "home"
    return bench(home, users=5, seconds=10, types=("figure",), embedding="hash-bigram",
                 reports=[REPORTS / n for n in SERVED])


def test_five_users_ten_seconds_no_errors_all_correct(short_run):
    report, _ = short_run
    print("\n" + report.render())
    assert report.errors == 0, report.error_samples
    assert report.served >= 5
    assert report.correct == report.served
    assert len(report.skipped) <= 3  # only questions about agencies this home does not hold


def test_staff_upload_during_load(short_run):
    report, _ = short_run
    assert report.uploads >= 1 and report.upload_errors == 0, report.error_samples
    assert report.refused_without_token is True


def test_server_binds_loopback_by_default(short_run):
    _, bound = short_run
    assert Settings().host == "127.0.0.1"
    assert bound == {"127.0.0.1"}
