"""par_scores: a unit's PAR-index scoring sheet for a year (criterion tree, max and obtained points)."""

from __future__ import annotations

from cchc_warehouse.sources.spec import Column, SourceSpec, TitleField, unit_title_fields

PAR_SCORES = SourceSpec(
    name="par_scores",
    title_vi="Bảng điểm Chỉ số CCHC",
    raw_table="raw.par_scores",
    key_column="criterion_code",
    cadence="year",
    all_sheets=True,
    unique_key=("unit_code", "criterion_code"),
    code_from_name={"unit_code": "unit_name"},
    columns=(
        Column("unit_code", "Mã đơn vị", required=True),
        Column("unit_name", "Tên đơn vị", ("Đơn vị",), parse="unit_name_key", typed_name="unit_name_key"),
        Column("year", "Năm", required=True, parse="year", typed_name="year_value"),
        Column("criterion_code", "STT", ("Mã tiêu chí",), required=True, parse="criterion_code",
               typed_name="criterion_path"),
        Column("criterion_name", "Tiêu chí", ("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Nội dung"), required=True),
        Column("max_points", "Điểm tối đa", required=True, parse="decimal", typed_name="max_points_value"),
        Column("self_points", "Điểm tự đánh giá", ("Điểm tự chấm",), parse="decimal", typed_name="self_points_value"),
        Column("appraised_points", "Điểm thẩm định", ("Điểm đánh giá của Hội đồng",), parse="decimal",
               typed_name="appraised_points_value"),
        Column("survey_points", "Điểm điều tra XHH", parse="decimal", typed_name="survey_points_value"),
        Column("note", "Ghi chú", parse="not_applicable", typed_name="not_applicable"),
    ),
    title_fields=(
        *unit_title_fields(),
        TitleField("year", pattern=r"\bnam (\d{4})\b"),
    ),
)
