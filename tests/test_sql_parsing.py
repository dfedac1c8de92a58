"""The parsing rules of the spec, as the util.* SQL functions apply them (shared by gate and dbt)."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_warehouse.db import connect


@pytest.fixture(scope="module")
def db(make_database):
    return make_database(with_units=False)


def _one(sql: str, value):
    with connect() as conn:
        return conn.execute(sql, (value,)).fetchone()[0]


@pytest.mark.parametrize("text, expected", [
    ("02/06/2025", date(2025, 6, 2)), ("2/6/2025", date(2025, 6, 2)), ("02-06-2025", date(2025, 6, 2)),
    ("2-6-2025 08:15", date(2025, 6, 2)), ("02/06/2025 08:15:59", date(2025, 6, 2)),
    ("2025-06-02", date(2025, 6, 2)), ("2025-06-02 08:15:00", date(2025, 6, 2)),
    ("2025-06-02T08:15:00", date(2025, 6, 2)), (" 29/02/2024 ", date(2024, 2, 29)),
    ("06/31/2025", None),            # never month first
    ("31/06/2025", None), ("29/02/2025", None), ("2025-13-01", None), ("02.06.2025", None),
    ("45814", None), ("", None), (None, None),
])
def test_parse_date(db, text, expected):
    assert _one("select util.parse_date(%s)", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đã trả kết quả", 10), ("đã trả kết quả", 10), ("ĐÃ XỬ LÝ XONG", 9), ("Đang xử lý", 4),
    ("Công dân yêu cầu rút hồ sơ", 7), ("Không được tiếp nhận", 3), ("10", 10), (" 4 ", 4),
    ("11", None), ("Đang chờ duyệt", None), ("Yêu cầu thực hiện nghĩa vụ tài chính", 6),
])
def test_parse_status(db, text, expected):
    assert _one("select util.parse_dossier_status(%s)", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Trực tiếp", 1), ("TRỰC TUYẾN", 2), ("Bưu chính công ích", 3), ("BCCI", 3), ("2", 2), ("Email", None),
])
def test_parse_channel(db, text, expected):
    assert _one("select util.parse_channel(%s)", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Có", True), ("x", True), ("X", True), ("1", True), ("TRUE", True), ("Đã", True),
    ("Không", False), ("", False), (None, False), ("0", False), ("FALSE", False), ("Chưa", False),
    ("có thể", None),
])
def test_parse_yes_no(db, text, expected):
    assert _one("select util.parse_yes_no(%s)", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Toàn trình", "toan_trinh"), ("4", "toan_trinh"), ("Một phần", "mot_phan"), ("3", "mot_phan"),
    ("Cung cấp thông tin", "cung_cap_thong_tin"), ("2", "cung_cap_thong_tin"), ("5", None),
])
def test_parse_service_level(db, text, expected):
    assert _one("select util.parse_service_level(%s)", text) == expected


def test_nfd_labels_are_read(db):
    import unicodedata
    assert _one("select util.parse_dossier_status(%s)", unicodedata.normalize("NFD", "Đã trả kết quả")) == 10


def test_init_is_idempotent(db):
    from cchc_warehouse.db import migrate
    assert migrate() == migrate()
