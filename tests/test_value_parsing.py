"""The parsing rules of the spec (cchc_warehouse.parsing), case by case."""

from __future__ import annotations

import unicodedata
from datetime import date

import pyarrow as pa
import pytest

from cchc_warehouse.ingest import parsing


def one(rule, text):
    return rule(pa.array([text], pa.string())).to_pylist()[0]


@pytest.mark.parametrize("text, expected", [
    ("02/06/2025", date(2025, 6, 2)), ("2/6/2025", date(2025, 6, 2)), ("02-06-2025", date(2025, 6, 2)),
    ("2-6-2025 08:15", date(2025, 6, 2)), ("02/06/2025 08:15:59", date(2025, 6, 2)),
    ("2025-06-02", date(2025, 6, 2)), ("2025-06-02 08:15:00", date(2025, 6, 2)),
    ("2025-06-02T08:15:00", date(2025, 6, 2)), (" 29/02/2024 ", date(2024, 2, 29)),
    ("29/02/2000", date(2000, 2, 29)), ("31/12/2025", date(2025, 12, 31)),
    ("06/31/2025", None),            # never month first
    ("31/06/2025", None), ("29/02/2025", None), ("29/02/1900", None), ("2025-13-01", None),
    ("02.06.2025", None), ("45814", None), ("", None), (None, None), ("02/06/2025 25", None),
])
def test_parse_date(text, expected):
    assert one(parsing.parse_date, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đã trả kết quả", 10), ("đã trả kết quả", 10), ("ĐÃ XỬ LÝ XONG", 9), ("Đang xử lý", 4),
    ("Công dân yêu cầu rút hồ sơ", 7), ("Không được tiếp nhận", 3), ("10", 10), (" 4 ", 4),
    ("11", None), ("Đang chờ duyệt", None), ("Yêu cầu thực hiện nghĩa vụ tài chính", 6),
    (unicodedata.normalize("NFD", "Đã trả kết quả"), 10), (None, None),
])
def test_parse_status(text, expected):
    assert one(parsing.parse_status, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Trực tiếp", 1), ("TRỰC TUYẾN", 2), ("Bưu chính công ích", 3), ("BCCI", 3), ("2", 2), ("Email", None),
])
def test_parse_channel(text, expected):
    assert one(parsing.parse_channel, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Có", True), ("x", True), ("X", True), ("1", True), ("TRUE", True), ("Đã", True),
    ("Không", False), ("", False), (None, False), ("0", False), ("FALSE", False), ("Chưa", False),
    ("có thể", None),
])
def test_parse_yes_no(text, expected):
    assert one(parsing.parse_yes_no, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Toàn trình", "toan_trinh"), ("4", "toan_trinh"), ("Một phần", "mot_phan"), ("3", "mot_phan"),
    ("Cung cấp thông tin", "cung_cap_thong_tin"), ("2", "cung_cap_thong_tin"), ("5", None),
])
def test_parse_service_level(text, expected):
    assert one(parsing.parse_service_level, text) == expected


def test_rules_apply_per_row_through_distinct_values():
    values = pa.array(["01/06/2025", None, "31/06/2025", "01/06/2025", "2025-06-30"] * 3)
    assert parsing.parse_date(values).to_pylist() == [date(2025, 6, 1), None, None, date(2025, 6, 1),
                                                      date(2025, 6, 30)] * 3


def test_nfc_only_when_needed():
    nfd = unicodedata.normalize("NFD", "Lai Châu")
    out = parsing.nfc(pa.array([nfd, "ABC", None])).to_pylist()
    assert out == ["Lai Châu", "ABC", None] and unicodedata.is_normalized("NFC", out[0])
    plain = pa.array(["Lai Châu"])
    assert parsing.nfc(plain) is plain


def test_fold():
    assert parsing.fold(pa.array(["  ĐÃ Trả  kết-quả "])).to_pylist() == ["da tra ket qua"]


@pytest.mark.parametrize("source,text,expected", [
    ("one_stop_dossiers", "2025-06", (date(2025, 6, 1), {})),
    ("par_scores", "2024", (date(2024, 1, 1), {})),
    # an evaluation period is filed under its last month and given to the files as their label
    ("service_index_stats", "2026-08", (date(2026, 8, 1), {"period": "2026-08"})),
    ("service_index_stats", "2026-Q3", (date(2026, 9, 1), {"period": "2026-Q3"})),
    ("service_index_stats", "Quý III/2026", (date(2026, 9, 1), {"period": "2026-Q3"})),
    ("service_index_stats", "2026", (date(2026, 12, 1), {"period": "2026"})),
])
def test_requested_period(source, text, expected):
    from cchc_warehouse.ingest.load import requested_period
    from cchc_warehouse.sources import get_source

    assert requested_period(get_source(source), text) == expected


def test_requested_period_rejects_what_is_no_period():
    from cchc_warehouse.ingest.load import requested_period
    from cchc_warehouse.periods import PeriodError
    from cchc_warehouse.sources import get_source

    with pytest.raises(PeriodError, match="kỳ đánh giá không hợp lệ: '2026-Q5'"):
        requested_period(get_source("service_index_stats"), "2026-Q5")
    with pytest.raises(PeriodError):
        requested_period(get_source("one_stop_dossiers"), "06/2025x")


def test_gx_is_imported_without_executing_scipy_stats_or_altair():
    """The gate's GX import defers scipy.stats and altair (gate/lazy_imports.py); they still work when read."""
    import subprocess
    import sys

    code = ("import sys; from cchc_warehouse.gate.run import gx_module; gx_module(); "
            "kinds = [type(sys.modules[m]).__name__ for m in ('scipy.stats', 'altair')]; "
            "import scipy.stats; print(*kinds, scipy.stats.norm.cdf(0))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    assert out == ["_LazyModule", "_LazyModule", "0.5"]
