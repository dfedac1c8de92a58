"""sipas_survey: one row per respondent, one column per question (TC1, CC3, ... HL), answers as text or 1-5."""

from __future__ import annotations

from cchc_warehouse.sources.spec import (
    Column,
    ColumnFamily,
    RowCheck,
    RowQuery,
    SourceSpec,
    UnitRef,
    unit_title_fields,
)

ELEMENTS = ("TC", "TT", "CC", "KQ", "PA")

SIPAS_SURVEY = SourceSpec(
    name="sipas_survey",
    title_vi="Phiếu khảo sát mức độ hài lòng (SIPAS)",
    description="Satisfaction-survey responses: one row per respondent, answers per question (1-5).",
    key_column="response_id",
    unit=UnitRef(),
    title_fields=unit_title_fields(),
    unique_key=("response_id",),
    affects_from="surveyed_on",
    columns=(
        Column("response_id", "Mã phiếu", ("Số phiếu", "ID phiếu"), required=True),
        Column("surveyed_on", "Ngày khảo sát", required=True, parse="date"),
        Column("unit_code", "Mã đơn vị", required=True, parse="unit"),
        Column("unit_name", "Tên đơn vị", ("Đơn vị",), parse="unit_name_key", derived="unit_name_key"),
        Column("field_name", "Lĩnh vực"),
        Column("respondent_type", "Đối tượng", parse="applicant_type"),
    ),
    families=(ColumnFamily("answers", r"(tc|tt|cc|kq|pa)\d{1,2}|hl", "likert"),),
    row_checks=(
        RowCheck("surveyed_on:period", "surveyed_on", "surveyed_on_text",
                 "b.surveyed_on >= b.period_month + interval '1 month'", "ngày khảo sát sau kỳ báo cáo của tệp"),
    ),
    queries=(
        RowQuery("select source_row, source_sheet, response_id as value from {batch} where not exists "
                 "(select 1 from jsonb_each(answers) a where a.value <> 'null'::jsonb) order by source_row",
                 "response_id", "phiếu không trả lời câu hỏi nào (không được tính)", severity="warning"),
    ),
)
