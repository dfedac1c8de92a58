"""Find where the table starts in a messy export and what each column holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from cchc_warehouse.ingest import parsing
from cchc_warehouse.periods import month_from_title
from cchc_warehouse.sources.spec import Column, ColumnFamily, SourceSpec, looks_like_code

HEADER_SEARCH_ROWS = 40


class LayoutError(ValueError):
    """The file cannot be read as this source (message in Vietnamese, names the row/column)."""


@dataclass
class Layout:
    header_row: int                         # 1-based row number as a person counts rows
    headers: list[str]
    columns: dict[int, Column]              # cell index -> contract column kept in raw
    extra: dict[int, str] = field(default_factory=dict)   # cell index -> unknown header kept in extra
    families: dict[int, tuple[ColumnFamily, str]] = field(default_factory=dict)  # cell index -> (family, key)
    constants: dict[str, str] = field(default_factory=dict)   # column -> value given by a title row
    dropped: list[str] = field(default_factory=list)      # personal-data headers, never written
    title_lines: list[str] = field(default_factory=list)   # the rows above the header, each as one line
    header_rows: list[list[str]] = field(default_factory=list)   # the header row(s) as written
    column_numbers: dict[int, str] = field(default_factory=dict)   # the printed column numbers (1) (2) …
    delimiter: str | None = None

    @property
    def title_period(self) -> date | None:
        return month_from_title(self.title_lines)

    @property
    def header_map(self) -> dict[str, str]:
        titled = {name: f"{value} (dòng tiêu đề)" for name, value in self.constants.items()}
        def shown(i: int) -> str:        # a form's printed column number names the column too: '… / Tổng số (3)'
            n = self.column_numbers.get(i)
            return f"{self.headers[i]} ({n.strip('()')})" if n else self.headers[i]
        return {**titled, **{col.name: shown(i) for i, col in self.columns.items()}}

    @property
    def kept_indexes(self) -> list[int]:
        return [*self.columns, *self.families, *self.extra]


def _score(row: list, spec: SourceSpec) -> int:
    return len({c.name for cell in row if cell and (c := spec.match(str(cell)))})


def _two_row_header(group: list, column: list) -> list[str]:
    """A grouped header (group row over column row, merged cells left blank after their first cell) as one
    row: 'Số hồ sơ đã giải quyết' over 'Trước hạn' -> 'Số hồ sơ đã giải quyết / Trước hạn'; a cell with
    nothing below keeps its group label ('STT', 'Lĩnh vực' spanning both rows)."""
    out, current = [], ""
    for j in range(max(len(group), len(column))):
        g = str(group[j]).strip() if j < len(group) and group[j] is not None else ""
        c = str(column[j]).strip() if j < len(column) and column[j] is not None else ""
        current = g or (current if c else "")
        out.append(f"{current} / {c}" if current and c else (c or current))
    return out


_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


def _is_column_number_row(row: list) -> bool:
    """The row of column numbers forms print under their header: (1) (2) ... or 1 2 3 ..."""
    cells = [str(c).strip() for c in row if c is not None and str(c).strip()]
    if len(cells) < 3 or not all(_COLUMN_NUMBER.match(c) for c in cells):
        return False
    numbers = [int(c.strip("()")) for c in cells]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def find_layout(rows: list[list], spec: SourceSpec, given: dict[str, str] | None = None) -> Layout:
    """rows: the first rows of the file; given: values set by configuration for columns the file may lack
    (e.g. the unit code of a report form). Raises LayoutError when no usable header is found."""
    best_i, best, merged = -1, 0, None
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        s = _score(row, spec)
        if s > best:
            best_i, best, merged = i, s, None
        if spec.header_rows == 2 and i + 1 < len(rows):
            two = _two_row_header(row, rows[i + 1])
            s = _score(two, spec)
            if s > best:
                best_i, best, merged = i, s, two
    if best < 2:
        raise LayoutError(
            f"không tìm thấy dòng tiêu đề cột trong {HEADER_SEARCH_ROWS} dòng đầu "
            f"(cần các cột như {', '.join(repr(c.header) for c in spec.required)})"
        )
    titles_end = best_i
    as_text = [["" if h is None else str(h).strip() for h in row] for row in rows[best_i:best_i + 2]]
    if merged is not None:
        headers = merged
        header_rows = as_text[:2]
        best_i += 1                      # the column row ends the header
    else:
        headers = as_text[0]
        header_rows = as_text[:1]
    numbers: dict[int, str] = {}
    if best_i + 1 < len(rows) and _is_column_number_row(rows[best_i + 1]):
        best_i += 1                      # data starts below the column numbers
        numbers = {i: str(c).strip() for i, c in enumerate(rows[best_i]) if c is not None and str(c).strip()}
    header_row = best_i + 1
    columns: dict[int, Column] = {}
    families: dict[int, tuple[ColumnFamily, str]] = {}
    extra: dict[int, str] = {}
    dropped: list[str] = []
    seen: dict[str, int] = {}
    for i, h in enumerate(headers):
        if not h:
            continue
        col = spec.match(h)
        if col is not None:
            if col.name in seen:
                raise LayoutError(
                    f"dòng {header_row}: cột {headers[seen[col.name]]!r} và cột {h!r} "
                    f"cùng là '{col.header}'"
                )
            seen[col.name] = i
            if col.personal:
                dropped.append(h)
            else:
                columns[i] = col
        elif fam := spec.family(h):
            families[i] = fam
        elif spec.looks_personal(h):
            dropped.append(h)
        else:
            extra[i] = h
    titles = [t for t in (" ".join(str(c) for c in r if c) for r in rows[:titles_end]) if t.strip()]
    # each cell on its own first ('Đơn vị báo cáo: Sở Tư pháp' beside 'Đơn vị nhận báo cáo: …'), then whole rows
    title_cells = [str(c).strip() for r in rows[:titles_end] for c in r if c is not None and str(c).strip()]
    constants: dict[str, str] = {}
    for tf in spec.title_fields:
        if tf.column in seen or tf.column in constants or (tf.name_column and tf.name_column in seen):
            continue
        for line in [*title_cells, *titles]:
            if value := tf.find(line):
                target = tf.name_column if tf.name_column and not looks_like_code(value) else tf.column
                constants.setdefault(target, value)
                break
    for name, value in (given or {}).items():
        if name in seen:
            continue
        if name in constants and not _same_value(spec.column(name), constants[name], value):
            raise LayoutError(f"{spec.column(name).header} trong tiêu đề ({constants[name]}) khác giá trị được "
                              f"chỉ định ({value})")
        constants[name] = value
    by_name = {code for code, name in spec.code_from_name.items()
               if code not in seen and code not in constants and (name in seen or name in constants)}
    missing = [c for c in spec.required if c.name not in seen and c.name not in constants and c.name not in by_name]
    if missing:
        raise LayoutError(
            f"dòng {header_row} (dòng tiêu đề cột): thiếu cột bắt buộc "
            + ", ".join(f"'{c.header}'" for c in missing)
        )
    return Layout(header_row=header_row, headers=headers, columns=columns, extra=extra, dropped=dropped,
                  title_lines=titles, families=families, constants=constants, header_rows=header_rows,
                  column_numbers=numbers)


def _same_value(col: Column, titled: str, given: str) -> bool:
    """A value the title writes and one the load was given are the same when the column's own parsing rule types
    them alike ('Tháng 2/2025' and '2025-02' are one evaluation period); a column without a rule compares text."""
    if titled == given:
        return True
    if not col.parse or col.depends:
        return False
    a, b = parsing.parse(col.parse, pa.array([titled, given], pa.string())).to_pylist()
    return a is not None and a == b
