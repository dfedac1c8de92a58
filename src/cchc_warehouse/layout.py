"""Find where the table starts in a messy export and what each column holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .periods import month_from_title
from .sources.spec import Column, ColumnFamily, SourceSpec

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
    title_lines: list[str] = field(default_factory=list)
    delimiter: str | None = None

    @property
    def title_period(self) -> date | None:
        return month_from_title(self.title_lines)

    @property
    def header_map(self) -> dict[str, str]:
        titled = {name: f"{value} (dòng tiêu đề)" for name, value in self.constants.items()}
        return {**titled, **{col.name: self.headers[i] for i, col in self.columns.items()}}

    @property
    def kept_indexes(self) -> list[int]:
        return [*self.columns, *self.families, *self.extra]


def _score(row: list, spec: SourceSpec) -> int:
    return len({c.name for cell in row if cell and (c := spec.match(str(cell)))})


def find_layout(rows: list[list], spec: SourceSpec) -> Layout:
    """rows: the first rows of the file. Raises LayoutError when no usable header is found."""
    best_i, best = -1, 0
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        s = _score(row, spec)
        if s > best:
            best_i, best = i, s
    if best < 2:
        raise LayoutError(
            f"không tìm thấy dòng tiêu đề cột trong {HEADER_SEARCH_ROWS} dòng đầu "
            f"(cần các cột như {', '.join(repr(c.header) for c in spec.required)})"
        )
    headers = ["" if h is None else str(h).strip() for h in rows[best_i]]
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
    titles = [t for t in (" ".join(str(c) for c in r if c) for r in rows[:best_i]) if t.strip()]
    constants: dict[str, str] = {}
    for tf in spec.title_fields:
        if tf.column in seen:
            continue
        for line in titles:
            if value := tf.find(line):
                constants[tf.column] = value
                break
    missing = [c for c in spec.required if c.name not in seen and c.name not in constants]
    if missing:
        raise LayoutError(
            f"dòng {header_row} (dòng tiêu đề cột): thiếu cột bắt buộc "
            + ", ".join(f"'{c.header}'" for c in missing)
        )
    return Layout(header_row=header_row, headers=headers, columns=columns, extra=extra, dropped=dropped,
                  title_lines=titles, families=families, constants=constants)
