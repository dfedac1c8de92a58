"""How a source is declared, once: its columns with their headers, aliases and parsing rules, the unit it names,
how a newer file supersedes an older one, and the checks of its own beyond those every source gets.

Everything else follows from the declaration: the raw table and its typed view (cchc_warehouse.schema writes
sql/ from it), the dbt source and the `sources` seed, the reader's header matching, the quality gate's suite.

One naming rule from the file to the marts: a column a parsing rule types keeps its name for the typed value
and `<name>_text` for the text as received (`received_at_text` '02/06/2025' -> `received_at` 2025-06-02); a
value of another meaning derived from a text (a unit name's matching key, 'Không áp dụng' in a note) takes its
own name beside the text, which keeps the column's name (`unit_name` -> `unit_name_key`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc_warehouse.textnorm import fold, header_key

# Headers that carry personal data whatever the source: dropped before anything is written
# (decree 13/2023/ND-CP), even when the column is not part of the contract.
PERSONAL_HEADER_MARKERS = (
    "hoten", "hovaten", "tennguoinop", "nguoinop", "cccd", "cmnd", "sogiayto", "sodinhdanh",
    "hochieu", "dienthoai", "sdt", "email", "thudientu", "diachi", "noio", "ngaysinh",
    "cmtnd", "sodt", "chuhoso", "thuongtru", "tamtru", "quequan", "nguyenquan", "hokhau", "tennguoi",
    "nguoidenghi", "nguoiyeucau", "nguoinhan", "nguoidaidien",
)
PERSONAL_HEADER_KEYS = ("dt", "dtdd", "mail", "ten", "hoten")     # whole headers too short to look for inside others

# Postgres type of the value each parsing rule gives (cchc_warehouse.ingest.parsing.RULES); 'unit' is resolved
# against the unit registry when a file is loaded (audit.file_unit) and reaches the typed view, not raw.
SQL_TYPES = {
    "date": "date", "dossier_status": "smallint", "channel": "smallint", "service_level": "text",
    "applicant_type": "text", "yes_no": "boolean", "count": "bigint", "decimal": "numeric", "year": "integer",
    "month": "date", "eval_period": "text", "yes_no_given": "boolean",
    "criterion_code": "text", "likert": "smallint", "plan_status": "text", "deadline": "date",
    "not_applicable": "boolean", "unit_name_key": "text", "unit": None,
}
# What a value should look like, for the gate's 'not readable' messages.
READABLE_VI = {
    "count": "số nguyên không âm, không quá 1.000 tỷ (ví dụ 1.234)",
    "decimal": "số (ví dụ 87,27 hoặc 87.27)",
    "year": "năm (yyyy)",
    "month": "tháng (mm/yyyy, yyyy-mm hoặc Tháng m/yyyy)",
    "date": "ngày (dd/mm/yyyy hoặc yyyy-mm-dd)",
    "eval_period": "kỳ đánh giá (Tháng 8/2026, 08/2026, Quý 3/2026, Quý III/2026, 2026-Q3 hoặc Năm 2026)",
    "yes_no_given": "giá trị có/không (Có, Không, x, 1, 0)",
    "criterion_code": "mã tiêu chí (1, 1.2, 1.2.3 hoặc số La Mã I, II)",
    "likert": "câu trả lời (Rất không hài lòng … Rất hài lòng, hoặc 1–5)",
    "plan_status": "kết quả thực hiện (Hoàn thành, Hoàn thành quá hạn, Đang thực hiện, Chưa thực hiện)",
    "deadline": "thời hạn (ngày, Quý I–IV, Tháng 1–12 hoặc Cả năm)",
    "applicant_type": "đối tượng (Công dân, Tổ chức, Doanh nghiệp)",
    "dossier_status": "trạng thái (mã 1–10 hoặc tên trạng thái)",
    "channel": "kênh nộp (Trực tiếp, Trực tuyến, Bưu chính công ích hoặc 1/2/3)",
    "service_level": "mức độ dịch vụ (Toàn trình, Một phần, Cung cấp thông tin hoặc 4/3/2)",
    "yes_no": "giá trị có/không",
}


@dataclass(frozen=True)
class Column:
    name: str                      # canonical name
    header: str                    # header as the spec writes it
    aliases: tuple[str, ...] = ()
    required: bool = False
    personal: bool = False         # never stored
    parse: str | None = None       # rule of cchc_warehouse.ingest.parsing.RULES
    derived: str | None = None     # the parsed value has another meaning: its own column name (unit_name_key)
    depends: tuple[str, ...] = ()  # typed columns the rule also reads (a deadline 'Quý III' needs the plan's year)
    readable_vi: str | None = None  # what a value looks like, when the rule's general wording does not say enough
    label_vi: str | None = None    # how messages name the column in a sentence ('mã thủ tục hành chính')

    @property
    def keys(self) -> set[str]:
        return {header_key(h) for h in (self.name, self.header, *self.aliases)}

    @property
    def text_name(self) -> str:
        """The raw column holding the text as received."""
        return f"{self.name}_text" if self.parse and not self.derived else self.name

    @property
    def value_name(self) -> str | None:
        """The column holding the typed (or derived) value; None for a plain text column."""
        return self.derived or (self.name if self.parse else None)

    @property
    def sql_type(self) -> str | None:
        return SQL_TYPES[self.parse] if self.parse else None

    @property
    def in_raw(self) -> bool:
        """The typed value is written to raw (a unit reference is resolved in the typed view)."""
        return self.parse is not None and self.sql_type is not None

    @property
    def label(self) -> str:
        if self.label_vi:
            return self.label_vi
        h = self.header
        return h if len(h) > 1 and h[1].isupper() else h[:1].lower() + h[1:]


@dataclass(frozen=True)
class ColumnFamily:
    """Columns recognised by a header pattern rather than a name (survey questions TC1, CC3, HL...): their
    text goes to one JSON column {header: text} (`<name>_text`) and the parsed values to another (`<name>`)."""
    name: str
    pattern: str                   # regular expression on header_key (lower case, no accents, no spaces)
    parse: str

    @property
    def text_name(self) -> str:
        return f"{self.name}_text"

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
class UnitRef:
    """The unit each row names: a code column, and a name column giving the code when the code is blank (the
    unit-name rules of the registry); names_in_code: the code column itself may hold a name ('Đơn vị chủ trì:
    Sở Nội vụ'); level: only units of that level (published national results name provinces)."""
    code: str = "unit_code"
    name: str | None = "unit_name"
    names_in_code: bool = False
    level: str | None = None


@dataclass(frozen=True)
class RowCheck:
    """A condition on one row, checked in the source's single scan of a file's rows: `bad` (SQL over the typed
    view as `b`) marks the failing rows, `value` (SQL) is what the message quotes."""
    key: str
    column: str | None
    value: str
    bad: str
    message_vi: str


@dataclass(frozen=True)
class RowQuery:
    """A check over a file's rows as a whole: a query over `{batch}` (the file's rows of the typed view) returning
    (source_row, source_sheet, value) for each problem."""
    query: str
    column: str | None
    message_vi: str
    severity: str = "critical"     # critical blocks the file, warning is stored and reported


@dataclass(frozen=True)
class SourceSpec:
    name: str
    title_vi: str
    columns: tuple[Column, ...]
    key_column: str                # names a row (dossier code, field, criterion): a row without it is suspect
    cadence: str = "month"         # month | year: the period a file reports on
    unique_key: tuple[str, ...] = ()        # unique within one file
    unique_message_vi: str | None = None
    families: tuple[ColumnFamily, ...] = ()
    title_fields: tuple[TitleField, ...] = ()
    all_sheets: bool = False       # xlsx: every sheet with a table (e.g. one sheet per unit)
    header_rows: int = 1           # 2: a group row over a column row (report forms)
    keep_totals: bool = False      # the table's total row is data (checked against the rows by the gate)
    unit: UnitRef | None = None
    # Supersession: a newer accepted file replaces an older one for the (unit, period) pairs it covers
    # ('unit_period'), or for the whole period ('period': a province-wide plan, published national results).
    # period_column: the typed column giving a row's period when it is not the file's.
    supersede_by: str = "unit_period"
    period_column: str | None = None
    # period_label: the raw column holding a row's evaluation period as a canonical label (periods.eval_period_label:
    # a month, quarter or year); rows of different lengths over the same days supersede separately
    period_label: str | None = None
    # the typed date column whose month is the earliest a row can change (a dossier's reception: a June listing
    # can change March's counts); default: the row's period
    affects_from: str | None = None
    # state_key: the column naming one thing a source lists again in file after file while it lasts (a dossier, in
    # every monthly listing until it ends): its newest row is its state, and a row repeating the state before it
    # (its row_state: dbt macros/row_state.sql, columns in macros/state_declarations.generated.sql) changes no
    # month; the build's window then starts at the reception of what did change, not at the oldest dossier still
    # open (int_one_stop__touched_dossiers)
    state_key: str | None = None
    # dates a row may carry: from this day to this long after the file's period (every date column, blocking)
    plausible_dates: tuple[str, str] = ("2000-01-01", "2 years")
    view_columns: tuple[tuple[str, str], ...] = ()   # (name, SQL over the raw row `r`) added by the typed view
    # raw columns with a btree index: the key incremental models look rows up by (a dossier's code across files)
    indexed: tuple[str, ...] = ()
    required_when: tuple[tuple[str, str], ...] = ()  # (column, SQL over `b`) where 'missing' is not just NULL
    row_checks: tuple[RowCheck, ...] = ()
    queries: tuple[RowQuery, ...] = ()
    description: str = ""
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
    def raw_table(self) -> str:
        return f"raw.{self.name}"

    @property
    def typed_view(self) -> str:
        return f"raw.{self.name}_typed"

    @property
    def stored_columns(self) -> list[Column]:
        return [c for c in self.columns if not c.personal]

    @property
    def required(self) -> list[Column]:
        return [c for c in self.columns if c.required]

    @property
    def code_from_name(self) -> dict[str, str]:
        """{code column: name column} when rows may name their unit instead of coding it."""
        return {self.unit.code: self.unit.name} if self.unit and self.unit.name else {}

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
        return key in PERSONAL_HEADER_KEYS or any(marker in key for marker in PERSONAL_HEADER_MARKERS)
