"""par_national: the PAR index and SIPAS results the ministry publishes for every province each year."""

from __future__ import annotations

from cchc_warehouse.sources.checks import year_of_file
from cchc_warehouse.sources.spec import Column, RowCheck, RowQuery, SourceSpec, TitleField, UnitRef

# Maximum points of the four published components (decision 876/QĐ-BNV).
COMPONENT_MAX = {"appraisal_points": 61.5, "sipas_points": 10, "leader_survey_points": 22, "impact_points": 6.5}
_COMPONENTS = " + ".join(COMPONENT_MAX)

PAR_NATIONAL = SourceSpec(
    name="par_national",
    title_vi="Kết quả Chỉ số CCHC các tỉnh (công bố)",
    description="Published national PAR/SIPAS results: one row per province and year, as published.",
    key_column="province_name",
    cadence="year",
    # provinces by code or by the name valid in the result's year (63 until 30/06/2025, 34 from 01/07/2025)
    unit=UnitRef(code="province_code", name="province_name", level="province"),
    supersede_by="period",
    unique_key=("province_name",),
    columns=(
        Column("year", "Năm", required=True, parse="year"),
        Column("province_code", "Mã tỉnh", parse="unit"),
        Column("province_name", "Tỉnh/Thành phố", ("Tỉnh, thành phố", "Tỉnh"), required=True, parse="unit_name_key",
               derived="province_name_key"),
        Column("appraisal_points", "Điểm thẩm định", parse="decimal"),
        Column("sipas_points", "Điểm SIPAS", parse="decimal"),
        Column("leader_survey_points", "Điểm điều tra lãnh đạo, quản lý", ("Điểm điều tra lãnh đạo quản lý",),
               parse="decimal"),
        Column("impact_points", "Điểm tác động", parse="decimal"),
        Column("index_value", "Chỉ số (%)", ("Chỉ số", "Chỉ số CCHC"), required=True, parse="decimal"),
        Column("rank", "Xếp hạng", parse="count"),
    ),
    title_fields=(TitleField("year", pattern=r"\bnam (\d{4})\b"),),
    row_checks=(
        *(RowCheck(f"{c}:over_max", c, f"{c}_text", f"b.{c} > {m} or b.{c} < 0", f"ngoài khoảng 0–{m} điểm")
          for c, m in COMPONENT_MAX.items()),
        RowCheck("index_value:range", "index_value", "index_value_text", "b.index_value not between 0 and 100",
                 "chỉ số ngoài khoảng 0–100"),
        RowCheck("rank:range", "rank", "rank_text", "b.rank not between 1 and 63",
                 "xếp hạng phải từ 1 đến 63 (số tỉnh, thành phố được xếp hạng)"),
        year_of_file(),
    ),
    queries=(
        RowQuery(f"select source_row, source_sheet, province_name || ': tổng thành phần '"
                 f" || round(({_COMPONENTS})::numeric, 2) || ', chỉ số công bố ' || index_value as value"
                 f" from {{batch}} where abs(({_COMPONENTS}) - index_value) > 0.01 order by source_row",
                 "index_value", "tổng điểm các thành phần khác chỉ số công bố quá 0,01 (giữ nguyên số công bố)",
                 severity="warning"),
    ),
)
