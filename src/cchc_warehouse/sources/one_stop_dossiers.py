"""one_stop_dossiers: dossier listing exported monthly from the one-stop software."""

from __future__ import annotations

from cchc_warehouse.sources.spec import Column, SourceSpec, unit_title_fields

ONE_STOP_DOSSIERS = SourceSpec(
    name="one_stop_dossiers",
    title_vi="Danh sách hồ sơ một cửa",
    raw_table="raw.one_stop_dossiers",
    key_column="dossier_code",
    code_from_name={"unit_code": "unit_name"},
    title_fields=unit_title_fields(),
    columns=(
        Column("dossier_code", "Mã hồ sơ", ("Số hồ sơ", "MaHoSo"), required=True),
        Column("unit_code", "Mã đơn vị", ("Mã cơ quan", "MaDonVi"), required=True),
        Column("unit_name", "Đơn vị xử lý", ("Cơ quan giải quyết", "Đơn vị"), parse="unit_name_key",
               typed_name="unit_name_key"),
        Column("procedure_code", "Mã TTHC", ("Mã thủ tục", "MaTTHC"), required=True),
        Column("procedure_name", "Tên TTHC", ("Tên thủ tục hành chính", "Thủ tục")),
        Column("field_name", "Lĩnh vực", ("TenLinhVuc",)),
        Column("service_level", "Mức độ", ("Mức độ DVC",), parse="service_level", typed_name="service_level_code"),
        Column("channel", "Kênh nộp", ("Hình thức nộp", "Kênh thực hiện"), required=True, parse="channel",
               typed_name="channel_code"),
        Column("received_at", "Ngày tiếp nhận", required=True, parse="date", typed_name="received_date"),
        Column("due_at", "Ngày hẹn trả", parse="date", typed_name="due_date"),
        Column("finished_at", "Ngày kết thúc xử lý", ("Ngày hoàn thành",), parse="date", typed_name="finished_date"),
        Column("returned_at", "Ngày trả kết quả", parse="date", typed_name="returned_date"),
        Column("status", "Trạng thái", required=True, parse="dossier_status", typed_name="status_code"),
        Column("has_fee", "Có phí, lệ phí", parse="yes_no", typed_name="has_fee_flag"),
        Column("paid_online", "Thanh toán trực tuyến", parse="yes_no", typed_name="paid_online_flag"),
        Column("digitized_result", "Số hóa kết quả", ("Kết quả điện tử",), parse="yes_no",
               typed_name="digitized_result_flag"),
        Column("applicant_type", "Đối tượng", parse="applicant_type", typed_name="applicant_type_code"),
        Column("applicant_name", "Họ tên người nộp", personal=True),
        Column("applicant_id_number", "Số CCCD/Số giấy tờ", ("Số CCCD", "Số giấy tờ"), personal=True),
        Column("applicant_phone", "Số điện thoại", personal=True),
        Column("applicant_address", "Địa chỉ", personal=True),
    ),
)
