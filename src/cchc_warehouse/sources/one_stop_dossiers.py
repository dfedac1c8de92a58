"""one_stop_dossiers: dossier listing exported monthly from the one-stop software."""

from __future__ import annotations

from .spec import Column, SourceSpec

ONE_STOP_DOSSIERS = SourceSpec(
    name="one_stop_dossiers",
    title_vi="Danh sách hồ sơ một cửa",
    raw_table="raw.one_stop_dossiers",
    key_column="dossier_code",
    columns=(
        Column("dossier_code", "Mã hồ sơ", ("Số hồ sơ", "MaHoSo"), required=True),
        Column("unit_code", "Mã đơn vị", ("Mã cơ quan", "MaDonVi"), required=True),
        Column("unit_name", "Đơn vị xử lý", ("Cơ quan giải quyết", "Đơn vị")),
        Column("procedure_code", "Mã TTHC", ("Mã thủ tục", "MaTTHC"), required=True),
        Column("procedure_name", "Tên TTHC", ("Tên thủ tục hành chính", "Thủ tục")),
        Column("field_name", "Lĩnh vực", ("TenLinhVuc",)),
        Column("service_level", "Mức độ", ("Mức độ DVC",)),
        Column("channel", "Kênh nộp", ("Hình thức nộp", "Kênh thực hiện"), required=True),
        Column("received_at", "Ngày tiếp nhận", required=True),
        Column("due_at", "Ngày hẹn trả"),
        Column("finished_at", "Ngày kết thúc xử lý", ("Ngày hoàn thành",)),
        Column("returned_at", "Ngày trả kết quả"),
        Column("status", "Trạng thái", required=True),
        Column("has_fee", "Có phí, lệ phí"),
        Column("paid_online", "Thanh toán trực tuyến"),
        Column("digitized_result", "Số hóa kết quả", ("Kết quả điện tử",)),
        Column("applicant_type", "Đối tượng"),
        Column("applicant_name", "Họ tên người nộp", personal=True),
        Column("applicant_id_number", "Số CCCD/Số giấy tờ", ("Số CCCD", "Số giấy tờ"), personal=True),
        Column("applicant_phone", "Số điện thoại", personal=True),
        Column("applicant_address", "Địa chỉ", personal=True),
    ),
)
