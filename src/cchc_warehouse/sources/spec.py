"""How a source file is described: its columns, their header names and aliases."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..textnorm import header_key

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
class SourceSpec:
    name: str
    title_vi: str
    raw_table: str
    columns: tuple[Column, ...]
    key_column: str                # a data row has it; trailing rows without it are footer rows
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

    @staticmethod
    def looks_personal(header: str) -> bool:
        key = header_key(header)
        return any(marker in key for marker in PERSONAL_HEADER_MARKERS)
