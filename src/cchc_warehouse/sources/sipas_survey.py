"""sipas_survey: one row per respondent, one column per question (TC1, CC3, ... HL), answers as text or 1-5."""

from __future__ import annotations

from cchc_warehouse.sources.spec import Column, ColumnFamily, SourceSpec, unit_title_fields

ELEMENTS = ("TC", "TT", "CC", "KQ", "PA")

SIPAS_SURVEY = SourceSpec(
    name="sipas_survey",
    title_vi="Phiếu khảo sát mức độ hài lòng (SIPAS)",
    raw_table="raw.sipas_survey",
    key_column="response_id",
    unique_key=("response_id",),
    columns=(
        Column("response_id", "Mã phiếu", ("Số phiếu", "ID phiếu"), required=True),
        Column("surveyed_on", "Ngày khảo sát", required=True, parse="date", typed_name="surveyed_date"),
        Column("unit_code", "Mã đơn vị", required=True),
        Column("unit_name", "Tên đơn vị", ("Đơn vị",), parse="unit_name_key", typed_name="unit_name_key"),
        Column("field_name", "Lĩnh vực"),
        Column("respondent_type", "Đối tượng", parse="applicant_type", typed_name="respondent_type_code"),
    ),
    families=(ColumnFamily("answers", "answer_scores", r"(tc|tt|cc|kq|pa)\d{1,2}|hl", "likert"),),
    code_from_name={"unit_code": "unit_name"},
    title_fields=unit_title_fields(),
)
