"""par_scores: a unit's PAR-index scoring sheet for a year (criterion tree, max and obtained points)."""

from __future__ import annotations

from cchc_warehouse.sources.checks import points, year_of_file
from cchc_warehouse.sources.spec import Column, RowCheck, RowQuery, SourceSpec, TitleField, UnitRef, unit_title_fields

_PARENT = r"regexp_replace(c.criterion_code, '\.[^.]+$', '')"


def _sums(column: str, what: str) -> RowQuery:
    """A parent's points equal the sum of its children's (a 'Không áp dụng' child left out of obtained points)."""
    skip = "" if column == "max_points" else " and not coalesce(c.not_applicable, false)"
    return RowQuery(
        f"select p.source_row, p.source_sheet, p.criterion_code_text || ': ' || p.{column}"
        f" || ' ≠ tổng các tiêu chí con ' || sum(c.{column}) as value"
        " from {batch} p join {batch} c"
        " on c.unit_code is not distinct from p.unit_code and c.source_sheet is not distinct from p.source_sheet"
        f" and {_PARENT} = p.criterion_code and c.criterion_code like '%.%'{skip}"
        f" where p.{column} is not null"
        f" group by p.unit_code, p.source_sheet, p.source_row, p.criterion_code_text, p.{column}"
        f" having count(c.{column}) = count(*) and abs(p.{column} - sum(c.{column})) > 0.005"
        " order by p.source_sheet, p.source_row",
        column, f"{what} của tiêu chí cha khác tổng {what} các tiêu chí con")


PAR_SCORES = SourceSpec(
    name="par_scores",
    title_vi="Bảng điểm Chỉ số CCHC",
    description="PAR-index scoring sheets: one row per criterion of a unit's sheet for a year.",
    key_column="criterion_code",
    cadence="year",
    all_sheets=True,
    unit=UnitRef(),
    unique_key=("unit_code", "criterion_code"),
    columns=(
        Column("unit_code", "Mã đơn vị", required=True, parse="unit"),
        Column("unit_name", "Tên đơn vị", ("Đơn vị",), parse="unit_name_key", derived="unit_name_key"),
        Column("year", "Năm", required=True, parse="year"),
        Column("criterion_code", "STT", ("Mã tiêu chí",), required=True, parse="criterion_code"),
        Column("criterion_name", "Tiêu chí", ("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Nội dung"), required=True),
        Column("max_points", "Điểm tối đa", required=True, parse="decimal"),
        Column("self_points", "Điểm tự đánh giá", ("Điểm tự chấm",), parse="decimal"),
        Column("appraised_points", "Điểm thẩm định", ("Điểm đánh giá của Hội đồng",), parse="decimal"),
        Column("survey_points", "Điểm điều tra XHH", parse="decimal"),
        Column("note", "Ghi chú", parse="not_applicable", derived="not_applicable"),
    ),
    title_fields=(
        *unit_title_fields(),
        TitleField("year", pattern=r"\bnam (\d{4})\b"),
    ),
    row_checks=(
        *points("self_points", "điểm tự đánh giá"), *points("appraised_points", "điểm thẩm định"),
        *points("survey_points", "điểm điều tra xã hội học"),
        RowCheck("max_points:negative", "max_points", "max_points_text", "b.max_points <= 0",
                 "điểm tối đa phải dương"),
        year_of_file(),
    ),
    queries=(
        RowQuery(
            "select c.source_row, c.source_sheet, c.criterion_code_text as value from {batch} c left join {batch} p"
            " on p.unit_code is not distinct from c.unit_code and p.source_sheet is not distinct from c.source_sheet"
            f" and p.criterion_code = {_PARENT}"
            " where c.criterion_code like '%.%' and p.criterion_code is null order by c.source_sheet, c.source_row",
            "criterion_code", "tiêu chí con không có tiêu chí cha trong bảng điểm"),
        _sums("max_points", "điểm tối đa"),
        _sums("self_points", "điểm tự đánh giá"),
        _sums("appraised_points", "điểm thẩm định"),
    ),
)
