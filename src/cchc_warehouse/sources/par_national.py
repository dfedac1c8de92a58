"""par_national: the PAR index and SIPAS results the ministry publishes for every province each year."""

from __future__ import annotations

from cchc_warehouse.sources.spec import Column, SourceSpec, TitleField

PAR_NATIONAL = SourceSpec(
    name="par_national",
    title_vi="Kết quả Chỉ số CCHC các tỉnh (công bố)",
    raw_table="raw.par_national",
    key_column="province_name",
    cadence="year",
    unique_key=("province_name",),
    columns=(
        Column("year", "Năm", required=True, parse="year", typed_name="year_value"),
        Column("province_code", "Mã tỉnh"),
        Column("province_name", "Tỉnh/Thành phố", ("Tỉnh, thành phố", "Tỉnh"), required=True, parse="unit_name_key",
               typed_name="province_name_key"),
        Column("appraisal_points", "Điểm thẩm định", parse="decimal", typed_name="appraisal_points_value"),
        Column("sipas_points", "Điểm SIPAS", parse="decimal", typed_name="sipas_points_value"),
        Column("leader_survey_points", "Điểm điều tra lãnh đạo, quản lý", ("Điểm điều tra lãnh đạo quản lý",),
               parse="decimal", typed_name="leader_survey_points_value"),
        Column("impact_points", "Điểm tác động", parse="decimal", typed_name="impact_points_value"),
        Column("index_value", "Chỉ số (%)", ("Chỉ số", "Chỉ số CCHC"), required=True, parse="decimal",
               typed_name="index_percent"),
        Column("rank", "Xếp hạng", parse="count", typed_name="rank_value"),
    ),
    title_fields=(TitleField("year", pattern=r"\bnam (\d{4})\b"),),
)
