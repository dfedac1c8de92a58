"""service_index_stats: the counts the national portal scores for the Decision 766 service index, per unit and
evaluation period (a month, a quarter or a year), optionally with the points the portal published
(../shared/spec/service-index-766.md, section 8)."""

from __future__ import annotations

import csv
import functools

from cchc_warehouse.config import paths
from cchc_warehouse.periods import sql_period_grain, sql_period_last_month, sql_period_start
from cchc_warehouse.sources.spec import Column, RowCheck, RowQuery, SourceSpec, TitleField, UnitRef, unit_title_fields


def _count(name: str, header: str, *aliases: str) -> Column:
    """A count; its header may also start with 'Số' ('Số hồ sơ đúng hạn')."""
    extra = tuple(f"Số {h[:1].lower()}{h[1:]}" for h in (header, *aliases) if not h.lower().startswith("số "))
    return Column(name, header, (*aliases, *extra), parse="count")


def _points(name: str, header: str, *aliases: str) -> Column:
    return Column(name, header, aliases, parse="decimal")


# (numerator, denominator, message) of every rate the scheme scores: a part never exceeds its total
PARTS = (
    ("tthc_published_on_time", "tthc_to_publish", "TTHC công bố đúng hạn nhiều hơn TTHC phải công bố"),
    ("tthc_public_on_time", "tthc_to_make_public", "TTHC công khai đúng hạn nhiều hơn TTHC phải công khai"),
    ("tthc_content_full", "tthc_public", "TTHC công khai đầy đủ nội dung nhiều hơn tổng số TTHC công khai"),
    ("dossiers_synced", "dossiers_to_sync", "hồ sơ đồng bộ DVCQG nhiều hơn hồ sơ phải đồng bộ"),
    ("dossiers_on_time", "dossiers_total", "hồ sơ đúng hạn nhiều hơn tổng số hồ sơ"),
    ("services_with_dossiers", "services_total", "DVCTT có hồ sơ nhiều hơn tổng số DVCTT"),
    ("dossiers_paid_online", "dossiers_with_fee", "hồ sơ thanh toán trực tuyến nhiều hơn hồ sơ có nghĩa vụ tài chính"),
    ("tthc_paid_online", "tthc_with_fee", "TTHC có thanh toán trực tuyến nhiều hơn TTHC có phí, lệ phí"),
    ("tthc_fee_data", "tthc_with_fee", "TTHC có dữ liệu phí nhiều hơn TTHC có phí, lệ phí"),
    ("dossiers_e_result", "dossiers_total", "hồ sơ có kết quả điện tử nhiều hơn tổng số hồ sơ"),
    ("dossiers_digitised", "dossiers_total", "hồ sơ số hóa thành phần nhiều hơn tổng số hồ sơ"),
    ("dossiers_reused", "dossiers_total", "hồ sơ tái sử dụng dữ liệu nhiều hơn tổng số hồ sơ"),
    ("dossiers_storage_shared", "dossiers_total", "hồ sơ chia sẻ kho dữ liệu nhiều hơn tổng số hồ sơ"),
    ("dossiers_citizen_data", "dossiers_total", "hồ sơ dùng dữ liệu dân cư nhiều hơn tổng số hồ sơ"),
    ("tthc_citizen_connected", "tthc_citizen_total", "TTHC kết nối dữ liệu dân cư nhiều hơn tổng số TTHC"),
    ("dossiers_satisfied", "dossiers_total", "hồ sơ hài lòng nhiều hơn tổng số hồ sơ"),
    ("pakn_on_time", "pakn_total", "PAKN xử lý đúng hạn nhiều hơn số PAKN"),
    ("pakn_satisfied", "pakn_total", "PAKN hài lòng nhiều hơn số PAKN"),
)
# published points: column -> the scheme's group
PUBLISHED = {"pub_publicity": "PUBLICITY", "pub_progress": "PROGRESS", "pub_online": "ONLINE",
             "pub_payment": "PAYMENT", "pub_digital": "DIGITAL", "pub_satisfaction": "SATISFACTION"}


@functools.cache
def group_maxima() -> dict[str, float]:
    """The largest maximum any scheme version gives each group (dbt seed svc766_scheme: the scheme is data)."""
    out: dict[str, float] = {}
    with open(paths().dbt_project / "seeds" / "svc766_scheme.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["group_code"]] = max(out.get(row["group_code"], 0.0), float(row["group_max"]))
    return out


def _part_check(part: str, total: str, message: str) -> RowCheck:
    return RowCheck(f"{part}:le_{total}", part, f"concat_ws(' > ', b.{part}_text, b.{total}_text)",
                    f"b.{part} > b.{total}", message)


def _points_checks() -> tuple[RowCheck, ...]:
    maxima = group_maxima()
    checks = [RowCheck(f"{col}:range", col, f"{col}_text",
                       f"b.{col} < 0 or b.{col} > {maxima.get(group, 100)}",
                       f"điểm công bố ngoài khoảng 0–{maxima.get(group, 100):g} điểm của nhóm")
              for col, group in PUBLISHED.items()]
    checks.append(RowCheck("pub_total:range", "pub_total", "pub_total_text", "b.pub_total < 0 or b.pub_total > 100",
                           "tổng điểm công bố ngoài khoảng 0–100"))
    return tuple(checks)


_GROUP_SUM = " + ".join(f"coalesce({c}, 0)" for c in PUBLISHED)
_ALL_GROUPS = " and ".join(f"{c} is not null" for c in PUBLISHED)

SERVICE_INDEX_STATS = SourceSpec(
    name="service_index_stats",
    title_vi="Thống kê chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)",
    description="Counts the national portal scores for the Decision 766 service index, per unit and evaluation "
                "period (month, quarter or year), with the points it published where given.",
    key_column="unit_code",
    unit=UnitRef(),
    title_fields=(*unit_title_fields(), TitleField("period", labels=("ky danh gia", "ky bao cao"))),
    unique_key=("unit_code", "period"),
    unique_message_vi="đơn vị có hai dòng cho cùng kỳ đánh giá trong tệp",
    period_label="period",
    # the row's period (its label, else the file's), its first day, length and last month; the label the file was
    # given (--period) or titled with, which every row must match
    view_columns=(
        ("period_start", f"coalesce({sql_period_start('r.period')}, f.period_month)"),
        ("period_grain", f"coalesce({sql_period_grain('r.period')}, 'month')"),
        ("period_last_month", f"coalesce({sql_period_last_month('r.period')}, f.period_month)"),
        ("period_label_given", "f.period_label"),
    ),
    columns=(
        Column("unit_code", "Mã đơn vị", ("Mã ĐV", "Mã cơ quan"), required=True, parse="unit"),
        Column("unit_name", "Tên đơn vị", ("Đơn vị", "Cơ quan"), parse="unit_name_key", derived="unit_name_key"),
        Column("period", "Kỳ đánh giá", ("Kỳ báo cáo",), parse="eval_period"),
        _count("tthc_published_on_time", "TTHC công bố đúng hạn"),
        _count("tthc_to_publish", "TTHC phải công bố"),
        _count("tthc_public_on_time", "TTHC công khai đúng hạn"),
        _count("tthc_to_make_public", "TTHC phải công khai"),
        _count("tthc_content_full", "TTHC công khai đầy đủ nội dung"),
        _count("tthc_public", "Tổng số TTHC công khai"),
        _count("dossiers_synced", "Hồ sơ đồng bộ DVCQG"),
        _count("dossiers_to_sync", "Hồ sơ phải đồng bộ"),
        _count("dossiers_total", "Tổng số hồ sơ", "Số hồ sơ tiếp nhận, giải quyết", "Hồ sơ xử lý"),
        _count("dossiers_on_time", "Hồ sơ đúng hạn", "Đúng hạn"),
        _count("tthc_total", "Số TTHC", "Tổng số TTHC"),
        _count("tthc_partial", "TTHC DVCTT một phần", "Một phần"),
        _count("tthc_full", "TTHC DVCTT toàn trình", "Toàn trình"),
        _count("services_with_dossiers", "DVCTT có hồ sơ", "Số DVCTT phát sinh hồ sơ"),
        _count("services_total", "Tổng số DVCTT"),
        _count("dossiers_online", "Hồ sơ trực tuyến", "Nộp trực tuyến"),
        _count("dossiers_direct", "Hồ sơ trực tiếp", "Nộp trực tiếp"),
        _count("dossiers_postal", "Hồ sơ BCCI", "Bưu chính công ích"),
        _count("dossiers_with_fee", "Hồ sơ có nghĩa vụ tài chính", "Hồ sơ có phí, lệ phí"),
        _count("dossiers_paid_online", "Hồ sơ thanh toán trực tuyến"),
        _count("tthc_with_fee", "TTHC có phí, lệ phí"),
        _count("tthc_paid_online", "TTHC có thanh toán trực tuyến"),
        _count("tthc_fee_data", "TTHC có dữ liệu phí"),
        _count("dossiers_e_result", "Hồ sơ có kết quả điện tử", "Kết quả điện tử"),
        _count("dossiers_digitised", "Hồ sơ số hóa thành phần", "Số hóa hồ sơ"),
        _count("dossiers_reused", "Hồ sơ tái sử dụng dữ liệu", "Tái sử dụng"),
        _count("dossiers_storage_shared", "Hồ sơ chia sẻ kho dữ liệu"),
        _count("dossiers_citizen_data", "Hồ sơ dùng dữ liệu dân cư"),
        _count("tthc_citizen_connected", "TTHC kết nối dữ liệu dân cư"),
        _count("tthc_citizen_total", "Tổng số TTHC (dữ liệu dân cư)"),
        Column("certified_copy", "Chứng thực bản sao điện tử", parse="yes_no_given"),
        _count("dossiers_satisfied", "Hồ sơ hài lòng"),
        _count("pakn_total", "Số PAKN", "Phản ánh, kiến nghị"),
        _count("pakn_on_time", "PAKN xử lý đúng hạn"),
        _count("pakn_satisfied", "PAKN hài lòng"),
        _count("pakn_on_procedures", "PAKN về TTHC"),
        _count("pakn_on_conduct", "PAKN về hành vi cán bộ"),
        _points("pub_publicity", "Điểm công khai, minh bạch"),
        _points("pub_progress", "Điểm tiến độ"),
        _points("pub_online", "Điểm DVCTT"),
        _points("pub_payment", "Điểm thanh toán trực tuyến"),
        _points("pub_digital", "Điểm số hóa"),
        _points("pub_satisfaction", "Điểm hài lòng"),
        _points("pub_total", "Tổng điểm", "Điểm 766", "Chỉ số 766"),
    ),
    row_checks=(
        *(_part_check(p, t, m) for p, t, m in PARTS),
        _part_check("tthc_partial", "tthc_total", "TTHC DVCTT một phần nhiều hơn số TTHC"),
        _part_check("tthc_full", "tthc_total", "TTHC DVCTT toàn trình nhiều hơn số TTHC"),
        RowCheck("tthc_online:le_total", "tthc_full",
                 "concat_ws(' ', b.tthc_partial_text, '+', b.tthc_full_text, '>', b.tthc_total_text)",
                 "b.tthc_partial + b.tthc_full > b.tthc_total", "TTHC DVCTT một phần và toàn trình nhiều hơn số TTHC"),
        RowCheck("pakn:classified_le_total", "pakn_on_conduct",
                 "concat_ws(' ', b.pakn_on_procedures_text, '+', b.pakn_on_conduct_text, '>', b.pakn_total_text)",
                 "coalesce(b.pakn_on_procedures, 0) + coalesce(b.pakn_on_conduct, 0) > b.pakn_total",
                 "PAKN về TTHC và về hành vi cán bộ nhiều hơn số PAKN"),
        *_points_checks(),
        RowCheck("period:file", "period", "period_text",
                 "b.period is not null and (b.period_label_given is not null and b.period <> b.period_label_given"
                 " or b.period_last_month <> b.period_month)",
                 "kỳ đánh giá của dòng khác kỳ của tệp"),
    ),
    queries=(
        RowQuery(f"select source_row, source_sheet, 'tổng ' || pub_total || ' ≠ cộng các nhóm '"
                 f" || ({_GROUP_SUM}) as value from {{batch}}"
                 f" where {_ALL_GROUPS} and pub_total is not null and abs(pub_total - ({_GROUP_SUM})) > 0.01"
                 f" order by source_row",
                 "pub_total", "tổng điểm công bố khác tổng điểm các nhóm quá 0,01 (giữ nguyên số công bố)",
                 severity="warning"),
    ),
)
