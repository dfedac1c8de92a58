"""How a source file is described: its columns, their header names and aliases."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc_warehouse.textnorm import fold, header_key

# Headers that carry personal data whatever the source: dropped before anything is written
# (decree 13/2023/ND-CP), even when the column is not part of the contract.
PERSONAL_HEADER_MARKERS = (
    "hoten", "hovaten", "tennguoinop", "nguoinop", "cccd", "cmnd", "sogiayto", "sodinhdanh",
    "hochieu", "dienthoai", "sdt", "email", "thudientu", "diachi", "noio", "ngaysinh",
)


@dataclass(frozen=True)
class Column:
    name: str                      # canonical name, also the raw table column
    header: str                    # header as the spec writes it
    aliases: tuple[str, ...] = ()
    required: bool = False
    personal: bool = False
    parse: str | None = None       # rule of cchc_warehouse.parsing.RULES giving the typed column
    typed_name: str | None = None  # raw column holding the typed value

    @property
    def keys(self) -> set[str]:
        return {header_key(h) for h in (self.name, self.header, *self.aliases)}


@dataclass(frozen=True)
class ColumnFamily:
    """Columns recognised by a header pattern rather than a name (survey questions TC1, CC3, HL...): their
    text goes to one JSON column {header: text} and the parsed values to another {header: value}."""
    name: str                      # raw jsonb column of the texts
    typed_name: str                # raw jsonb column of the parsed values
    pattern: str                   # regular expression on header_key (lower case, no accents, no spaces)
    parse: str

    def key(self, header: str) -> str | None:
        k = header_key(header)
        return k.upper() if re.fullmatch(self.pattern, k) else None


_CODE = re.compile(r"^(?=\S*\d)[\w.\-/]+$")


def looks_like_code(value: str) -> bool:
    """A unit code rather than a name: one word with a digit ('12.STP', 'H44', '000.00.08.H29', '12')."""
    return bool(_CODE.match(value.strip()))


@dataclass(frozen=True)
class TitleField:
    """A value a file may give in a title row above the table instead of a column, e.g. 'Mã đơn vị: 12.STP'
    (label before a colon) or 'KẾ HOẠCH CCHC NĂM 2025' (pattern on the folded line, group 1). name_column: the
    label may give a code or a name ('Đơn vị: 12.STP', 'Đơn vị: Sở Tư pháp tỉnh Lai Châu'); a name goes to that
    column and the code is found from it by the unit-name rules."""
    column: str
    labels: tuple[str, ...] = ()   # folded labels: 'ma don vi'
    pattern: str | None = None     # on the folded line
    name_column: str | None = None

    def find(self, line: str) -> str | None:
        label, colon, value = line.partition(":")
        if colon and fold(label) in self.labels and value.strip():
            value = " ".join(value.split())
            if self.column.endswith("_code") and (self.name_column is None or looks_like_code(value.split()[0])):
                return value.split()[0]
            return value
        if self.pattern and (m := re.search(self.pattern, fold(line))):
            return m.group(1)
        return None


UNIT_TITLE_LABELS = ("don vi", "don vi bao cao", "co quan", "co quan bao cao", "ten don vi", "ten co quan")


def unit_title_fields() -> tuple[TitleField, TitleField]:
    """'Mã đơn vị: 12.STP' (a code), and 'Đơn vị: …' / 'Đơn vị báo cáo: …' (a code or a name)."""
    return (TitleField("unit_code", labels=("ma don vi", "ma co quan", "ma dv")),
            TitleField("unit_code", labels=UNIT_TITLE_LABELS, name_column="unit_name"))


@dataclass(frozen=True)
class SourceSpec:
    name: str
    title_vi: str
    raw_table: str
    columns: tuple[Column, ...]
    key_column: str                # a data row has it; trailing rows without it are footer rows
    cadence: str = "month"         # month | year: the period a file reports on
    unique_key: tuple[str, ...] = ()        # contract columns unique within one file
    families: tuple[ColumnFamily, ...] = ()
    title_fields: tuple[TitleField, ...] = ()
    all_sheets: bool = False       # xlsx: every sheet with a table (e.g. one sheet per unit)
    header_rows: int = 1           # 2: a group row over a column row (report forms)
    keep_totals: bool = False      # a 'Tổng cộng' row below the table is data (checked against the rows)
    # a code a file may give by name only: {'unit_code': 'unit_name'} (resolved against ref.unit after loading)
    code_from_name: dict[str, str] = field(default_factory=dict)
    lookup: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup: dict[str, Column] = {}
        for col in self.columns:
            for key in col.keys:
                if key in lookup:
                    raise ValueError(f"{self.name}: header key {key!r} is ambiguous")
                lookup[key] = col
        object.__setattr__(self, "lookup", lookup)

    @property
    def stored_columns(self) -> list[Column]:
        return [c for c in self.columns if not c.personal]

    @property
    def required(self) -> list[Column]:
        return [c for c in self.columns if c.required]

    def match(self, header: str) -> Column | None:
        return self.lookup.get(header_key(header))

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def family(self, header: str) -> tuple[ColumnFamily, str] | None:
        for fam in self.families:
            if key := fam.key(header):
                return fam, key
        return None

    @staticmethod
    def looks_personal(header: str) -> bool:
        key = header_key(header)
        return any(marker in key for marker in PERSONAL_HEADER_MARKERS)
