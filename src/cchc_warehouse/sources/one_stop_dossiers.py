"""one_stop_dossiers: dossier listing exported monthly from the one-stop software."""

from __future__ import annotations

from cchc_warehouse.sources.spec import Column, RowCheck, RowQuery, SourceSpec, UnitRef, unit_title_fields
from cchc_warehouse.textnorm import missing_marker_sql

# A unit's count of dossiers in this file against the average of its three previous months (the files that
# reports use: audit.current_coverage), as a warning: half or double is unusual for a monthly export.
VOLUME = """
with cur as (select unit_code, count(*) as n, min(period_month) as pm from {batch} as batch_rows
              where unit_code is not null group by unit_code),
     hist as (select c.unit_code, c.period_start, c.rows as n
                from audit.current_coverage c
               where c.source = 'one_stop_dossiers'
                 and c.period_start >= (select min(pm) from cur) - interval '3 months'
                 and c.period_start < (select min(pm) from cur))
select null::int as source_row, null::text as source_sheet,
       cur.unit_code || ': ' || cur.n || ' hồ sơ, trung bình 3 tháng trước ' || round(avg(hist.n)) as value
  from cur join hist on hist.unit_code = cur.unit_code
 group by cur.unit_code, cur.n
having cur.n < 0.5 * avg(hist.n) or cur.n > 2 * avg(hist.n)"""

ONE_STOP_DOSSIERS = SourceSpec(
    name="one_stop_dossiers",
    title_vi="Danh sách hồ sơ một cửa",
    description="Dossier listings of the one-stop software: one row per dossier in the state the export shows.",
    key_column="dossier_code",
    unit=UnitRef(),
    title_fields=unit_title_fields(),
    unique_key=("dossier_code",),
    indexed=("dossier_code",),                       # fct_dossier recomputes the dossiers of new files by code
    unique_message_vi="mã hồ sơ trùng lặp trong tệp",
    affects_from="received_at",
    state_key="dossier_code",                        # listed every month while open
    columns=(
        Column("dossier_code", "Mã hồ sơ", ("Số hồ sơ", "MaHoSo"), required=True),
        Column("unit_code", "Mã đơn vị", ("Mã cơ quan", "MaDonVi"), required=True, parse="unit"),
        Column("unit_name", "Đơn vị xử lý", ("Cơ quan giải quyết", "Đơn vị"), parse="unit_name_key",
               derived="unit_name_key"),
        Column("procedure_code", "Mã TTHC", ("Mã thủ tục", "MaTTHC"), required=True,
               label_vi="mã thủ tục hành chính"),
        Column("procedure_name", "Tên TTHC", ("Tên thủ tục hành chính", "Thủ tục")),
        Column("field_name", "Lĩnh vực", ("TenLinhVuc",)),
        Column("service_level", "Mức độ", ("Mức độ DVC",), parse="service_level"),
        Column("channel", "Kênh nộp", ("Hình thức nộp", "Kênh thực hiện"), required=True, parse="channel"),
        Column("received_at", "Ngày tiếp nhận", required=True, parse="date",
               readable_vi="ngày tiếp nhận (dd/mm/yyyy hoặc yyyy-mm-dd)"),
        Column("due_at", "Ngày hẹn trả", parse="date", readable_vi="ngày hẹn trả"),
        Column("finished_at", "Ngày kết thúc xử lý", ("Ngày hoàn thành",), parse="date",
               readable_vi="ngày kết thúc xử lý"),
        Column("returned_at", "Ngày trả kết quả", parse="date", readable_vi="ngày trả kết quả"),
        Column("status", "Trạng thái", required=True, parse="dossier_status"),
        Column("has_fee", "Có phí, lệ phí", parse="yes_no"),
        Column("paid_online", "Thanh toán trực tuyến", parse="yes_no"),
        Column("digitized_result", "Số hóa kết quả", ("Kết quả điện tử",), parse="yes_no"),
        Column("applicant_type", "Đối tượng", parse="applicant_type"),
        Column("applicant_name", "Họ tên người nộp", personal=True),
        Column("applicant_id_number", "Số CCCD/Số giấy tờ", ("Số CCCD", "Số giấy tờ"), personal=True),
        Column("applicant_phone", "Số điện thoại", personal=True),
        Column("applicant_address", "Địa chỉ", personal=True),
        # optional, read by the Decision 766 counting (../shared/spec/service-index-766.md)
        Column("supplement_requests", "Số lần yêu cầu bổ sung", parse="count"),
        Column("supplement_wait_days", "Số ngày chờ bổ sung", parse="count"),
        Column("ended_at", "Ngày dừng, rút, từ chối", parse="date", readable_vi="ngày dừng, rút, từ chối"),
        Column("digitised_components", "Số hóa thành phần hồ sơ", parse="yes_no"),
        Column("reused_data", "Tái sử dụng dữ liệu số hóa", parse="yes_no"),
        Column("citizen_data", "Sử dụng dữ liệu dân cư", parse="yes_no"),
        Column("synced_dvcqg", "Đồng bộ DVCQG", parse="yes_no"),
    ),
    row_checks=(
        RowCheck("finished_at:order", "finished_at", "finished_at_text", "b.finished_at < b.received_at",
                 "ngày kết thúc xử lý trước ngày tiếp nhận"),
        RowCheck("due_at:order", "due_at", "due_at_text", "b.due_at < b.received_at",
                 "ngày hẹn trả trước ngày tiếp nhận"),
        RowCheck("returned_at:order", "returned_at", "returned_at_text", "b.returned_at < b.received_at",
                 "ngày trả kết quả trước ngày tiếp nhận"),
        RowCheck("ended_at:order", "ended_at", "ended_at_text", "b.ended_at < b.received_at",
                 "ngày dừng, rút, từ chối trước ngày tiếp nhận"),
        RowCheck("received_at:period", "received_at", "received_at_text",
                 "b.received_at >= b.period_month + interval '1 month'", "ngày tiếp nhận sau kỳ báo cáo của tệp"),
    ),
    queries=(
        RowQuery("select b.source_row, b.source_sheet, b.status_text as value from {batch} b"
                 " join ref.dossier_status s on s.status_code = b.status"
                 " where s.status_group = 'resolved' and b.finished_at is null"
                 f" and (b.finished_at_text is null or {missing_marker_sql('b.finished_at_text')})"
                 " order by b.source_row",
                 "finished_at",
                 "hồ sơ đã giải quyết nhưng thiếu ngày kết thúc xử lý (không được tính là đã giải quyết)",
                 severity="warning"),
        RowQuery("select source_row, source_sheet, returned_at_text || ' < ' || finished_at_text as value"
                 " from {batch} where returned_at < finished_at order by source_row",
                 "returned_at", "ngày trả kết quả trước ngày kết thúc xử lý", severity="warning"),
        RowQuery(VOLUME, "unit_code", "số hồ sơ của đơn vị bất thường so với các tháng trước", severity="warning"),
    ),
)
