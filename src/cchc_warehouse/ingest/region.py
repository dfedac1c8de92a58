"""Where a table's data is, judged row by row on the whole row: one rule for every source.

Exports put furniture around and inside the table: totals, signature blocks and dates of signature below it,
notes, page numbers and repeated header rows of printed pages, group heading rows ('I. CẤP TỈNH'). A row is
data when it looks like the rows of the table (its required values present), and furniture when any of its
cells reads like furniture or its shape is unlike data (required values missing, a few cells of free text).

What happens to furniture depends on where it stands:
- below the last data row (or above the first): dropped, and recorded with its row number and kind;
- between data rows: page furniture (blank, repeated header, page number, group heading, note) is dropped and
  recorded; a total or a signature there is an error naming the row (the table is ambiguous); a row of free
  text is kept as data, so that the gate names what it lacks.
A source that keeps its total row (Biểu 06 'Tổng cộng') keeps it wherever its label stands.

Clean rows never reach Python: a vectorised test (required values present, key cell not furniture-like, not
a copy of the header) passes them as data; only the other rows are classified one by one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from cchc_warehouse.ingest.parsing import nfc as nfc_array
from cchc_warehouse.textnorm import fold, header_key, nfc

# Row kinds, with the Vietnamese label auditors read in the file registry.
DATA, BLANK, HEADER, PAGE, HEADING, NOTE, TOTAL, SIGNATURE, TEXT = (
    "data", "blank", "header", "page", "heading", "note", "total", "signature", "text")
KIND_VI = {
    BLANK: "dòng trống", HEADER: "dòng tiêu đề cột lặp lại", PAGE: "dòng số trang", HEADING: "dòng tiêu đề nhóm",
    NOTE: "dòng ghi chú", TOTAL: "dòng tổng cộng", SIGNATURE: "dòng ký tên, ngày ký", TEXT: "dòng chữ ngoài bảng",
}
PAGE_FURNITURE = (BLANK, HEADER, PAGE, HEADING, NOTE)

# A key cell that may start furniture (lower case, NFC). Written so that Python's re and Arrow's RE2 read it
# alike: the vectorised pre-test and the row classifier use this one pattern.
KEY_FURNITURE = (r"^\s*(tổng|tong|cộng|cong\s|cong$|người|nguoi|thủ trưởng|thu truong|lãnh đạo|lanh dao|ký|ky[ ,]"
                 r"|\(ký|\(ky|xác nhận|xac nhan|ghi chú|ghi chu|lưu ý|chú thích|nguồn|trang\s*\d|\(\d{1,2}\)$"
                 r"|kt\.|tm\.|\*)")
_KEY_FURNITURE = re.compile(KEY_FURNITURE)
# Totals: lower case, accents kept ('cộng' is a total, 'công' is not: 'Công chứng' is a field).
_TOTAL = re.compile(
    r"^(?:tổng cộng|tong cong|tổng điểm|tong diem)(?:\W|$)"
    r"|^(?:tổng số|tong so|tổng|tong|cộng|cong)\s*(?:[:(]|\d|$)"
    r"|^(?:tổng số|tổng cộng|tong so)\s[^:]{1,40}:"
    r"|^cộng\s+(?:cấp|trang|toàn|lĩnh vực|khối|chung|các|nhóm)(?:\W|$)")
# Signature blocks (folded: no case, accents or punctuation).
_SIGNATURE = re.compile(
    r"^(?:nguoi lap(?: bieu)?|nguoi tong hop|nguoi ky|nguoi kiem tra|thu truong(?: co quan| don vi)?"
    r"|lanh dao(?: don vi| co quan)?|ky ghi ro ho ten|ky va ghi ro ho ten|ky ten|ky dong dau|ky ho ten"
    r"|xac nhan(?: cua)?(?: \w+)*|(?:kt|tm|q) (?:giam doc|chu tich|truong|chanh|uy ban|ubnd|thu truong)"
    r"|giam doc|pho giam doc|chu tich|pho chu tich|chanh van phong|truong phong|truong ban)(?: |$)")
_SIGNATURE_DATE = re.compile(r"(?:^| )ngay(?: \d{1,2})? thang(?: \d{1,2})? nam(?: \d{4})?(?: |$)")
_PAGE = re.compile(r"^(?:trang \d+(?: \d+)?|page \d+(?: of \d+)?)$")
_NOTE = re.compile(r"^(?:ghi chu|chu thich|luu y|chu y|nguon(?: so lieu)?)(?: |$)")
_ENUMERATOR = re.compile(r"^(?:[ivxlc]+|[a-đ])$")
_ENUMERATED = re.compile(r"^(?:[IVXLC]+|[A-Z])[.)]\s*\S")
_GROUP_WORDS = re.compile(r"(?:^| )(?:cap tinh|cap huyen|cap xa|so ban nganh|khoi|nhom|ubnd|uy ban nhan dan"
                          r"|huyen|thanh pho|thi xa|phuong|thi tran|xa|don vi|linh vuc|tong hop)(?: |$)")
_NUMBER = re.compile(r"^-?\d[\d.,\s]*%?$")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


def _low(text: str) -> str:
    return " ".join(nfc(text).lower().split())


@dataclass
class TableShape:
    """What a data row of this table looks like, in cell indexes of the file's rows."""
    required: list[tuple[int, ...]]        # each required value: the cells that can give it (a code or its name)
    key: int | None                        # the cell that names a row (dossier code, field, criterion...)
    headers: list[list[str]]               # the header row(s) as written
    keep_totals: bool = False              # a total row is data (checked against the rows by the gate)
    exact: dict[int, str] = field(init=False)
    keys: list[dict[int, str]] = field(init=False)

    def __post_init__(self) -> None:
        last = self.headers[-1] if self.headers else []
        self.exact = {i: h.strip() for i, h in enumerate(last) if h and h.strip()}
        self.keys = [{i: header_key(h) for i, h in enumerate(row) if h and header_key(h)} for row in self.headers]

    def required_present(self, cells: list[str | None]) -> int:
        return sum(1 for group in self.required if any(_cell(cells, i) for i in group))

    def is_full(self, cells: list[str | None]) -> bool:
        return self.required_present(cells) == len(self.required)

    def header_copy(self, cells: list[str | None]) -> bool:
        """The header printed again (page breaks), or the row of column numbers (1) (2) ..."""
        for keys in self.keys:
            if sum(1 for i, k in keys.items() if (c := _cell(cells, i)) and header_key(c) == k) >= 2:
                return True
        texts = [c.strip() for c in cells if c and c.strip()]
        if len(texts) >= 3 and all(_COLUMN_NUMBER.match(t) for t in texts):
            numbers = [int(t.strip("()")) for t in texts]
            return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        return False

    def exact_header_copies(self, cells: list[str | None]) -> int:
        return sum(1 for i, h in self.exact.items() if (c := _cell(cells, i)) and c.strip() == h)


def _cell(cells: list[str | None], i: int) -> str | None:
    v = cells[i] if i < len(cells) else None
    return v if v and v.strip() else None


def classify(cells: list[str | None], shape: TableShape, after_signature: bool = False) -> str:
    """The kind of one row (see the module's docstring). after_signature: a signature row stands above it with
    no data in between (the names under a signature are not data)."""
    cells = [nfc(c) if c else c for c in cells]
    texts = [c for c in cells if c and c.strip()]
    if not texts:
        return BLANK
    full = shape.is_full(cells)
    key = _cell(cells, shape.key) if shape.key is not None else None
    # one label alone is never a record, even in a column that could name the row's unit ('Người lập biểu')
    lone_label = len(texts) == 1 and bool(_SIGNATURE.match(fold(texts[0])) or _TOTAL.match(_low(texts[0])))
    if (full and not lone_label and not shape.keep_totals and shape.exact_header_copies(cells) < 2
            and not (key and _KEY_FURNITURE.match(_low(key)))):
        return DATA                                   # what the vectorised pre-test passes
    if shape.header_copy(cells):
        return HEADER
    lows = [_low(t) for t in texts]
    folds = [fold(t) for t in texts]
    if any(_TOTAL.match(t) for t in lows):
        return TOTAL
    if any(_SIGNATURE.match(f) or _SIGNATURE_DATE.search(f) for f in folds):
        return SIGNATURE
    if len(texts) <= 2 and any(_PAGE.match(f) for f in folds):
        return PAGE
    if not full and any(_NOTE.match(f) or t.startswith(("*", "(*")) for f, t in zip(folds, lows, strict=True)):
        return NOTE
    if full:
        return DATA
    if after_signature and len(texts) <= 3:
        return TEXT                                   # names under 'Người lập biểu' / 'Thủ trưởng đơn vị'
    if _heading(texts, folds):
        return HEADING
    if len(texts) <= 2 and shape.required_present(cells) <= 1:
        return TEXT
    return DATA


def _total_label(cells: list[str | None]) -> str:
    return next(c.strip() for c in cells if c and c.strip() and _TOTAL.match(_low(c)))


def _heading(texts: list[str], folds: list[str]) -> bool:
    """A group heading: a label or two, no figures, written as a heading ('I. CẤP TỈNH', 'II | Cải cách TTHC',
    'UBND huyện Tam Đường', 'Khối sở, ban, ngành')."""
    if len(set(texts)) > 2 or any(_NUMBER.match(t.strip()) for t in texts):
        return False
    if any(_ENUMERATOR.match(f) for f in folds) and len(texts) == 2:
        return True
    for t, f in zip(texts, folds, strict=True):
        letters = [ch for ch in t if ch.isalpha()]
        if _ENUMERATED.match(t.strip()) or _GROUP_WORDS.search(f):
            return True
        if len(letters) >= 4 and all(ch.isupper() for ch in letters) and " " in t.strip():
            return True
    return False


@dataclass
class Skipped:
    row: int
    kind: str
    sheet: str | None = None


@dataclass
class _Pending:
    row: int
    kind: str
    index: int                 # position in its batch (for TEXT rows written later)
    batch: object              # the batch holding it
    text: str | None = None    # the cell that made it furniture (totals, signatures), for messages


class TableRegion:
    """Feeds on the batches of one table in order; tells which rows are data and records the rest."""

    def __init__(self, shape: TableShape, sheet: str | None = None) -> None:
        self.shape = shape
        self.sheet = sheet
        self.skipped: list[Skipped] = []
        self.errors: list[str] = []
        self.late_rows: list[tuple[object, int]] = []   # TEXT rows found to stand between data rows
        self.total_labels: dict[int, str] = {}       # kept total rows of the last batch: index -> label
        self._pending: list[_Pending] = []
        self._after_signature = False
        self._seen_data = False

    def suspects(self, cells: list[pa.Array], n: int) -> list[int]:
        """Rows the vectorised pre-test cannot pass as data."""
        if n == 0:
            return []
        if self.shape.keep_totals:
            return list(range(n))
        width = len(cells)

        def missing(group: tuple[int, ...]) -> pa.Array:
            return functools.reduce(pc.and_, [pc.is_null(cells[i]) if i < width else pa.array([True] * n)
                                              for i in group])
        masks = [missing(g) for g in self.shape.required]
        if self.shape.key is not None and self.shape.key < width:
            lowered = pc.utf8_lower(nfc_array(cells[self.shape.key]))
            # furniture-like, or blank (a row naming its unit by name only): looked at one by one
            key = pc.fill_null(pc.match_substring_regex(lowered, KEY_FURNITURE), True)
            masks.append(key)
        copies = [pc.cast(pc.fill_null(pc.equal(pc.utf8_trim_whitespace(nfc_array(cells[i])), h), False), pa.int8())
                  for i, h in self.shape.exact.items() if i < width]
        if len(copies) >= 2:
            masks.append(pc.greater_equal(functools.reduce(pc.add, copies), 2))
        if not masks:
            return list(range(n))
        suspect = functools.reduce(pc.or_, masks)
        return pc.indices_nonzero(suspect).to_pylist()

    def feed(self, numbers: list[int] | None, rows: Iterator[tuple[int, list[str | None]]], n: int,
             batch: object, suspects: list[int]) -> list[int]:
        """Classify the suspect rows of a batch of n rows ((index, cells) in order); returns the indexes of
        the batch's rows that are data. numbers: the batch's row numbers."""
        assert numbers is not None
        not_data: set[int] = set()
        self.total_labels: dict[int, str] = {}
        prev = -1
        for i, cells in rows:
            if i - prev > 1:                        # clean rows stand between: data
                self._data_seen()
            prev = i
            kind = classify(cells, self.shape, self._after_signature)
            if kind == DATA or (kind == TOTAL and self.shape.keep_totals):
                if kind == TOTAL:
                    self.total_labels[i] = _total_label(cells)
                self._data_seen()
                continue
            not_data.add(i)
            text = None
            if kind in (TOTAL, SIGNATURE):
                text = next((c.strip() for c in cells if c and c.strip()), None)
            self._pending.append(_Pending(numbers[i], kind, i, batch, text))
            if kind == SIGNATURE:
                self._after_signature = True
        if n - 1 > prev:
            self._data_seen()
        return [i for i in range(n) if i not in not_data]

    def _data_seen(self) -> None:
        """A data row follows the pending rows: they stood between data rows (or above the first one)."""
        leading = not self._seen_data
        for p in self._pending:
            if p.kind in PAGE_FURNITURE or (leading and p.kind == TOTAL):
                self.skipped.append(Skipped(p.row, p.kind, self.sheet))
            elif p.kind == TEXT:
                self.late_rows.append((p.batch, p.index))
            else:
                where = "trên dòng dữ liệu đầu tiên" if leading else "nằm giữa các dòng dữ liệu"
                shown = f" ('{p.text[:60]}')" if p.text else ""
                self.errors.append(
                    f"dòng {p.row}: {KIND_VI[p.kind]}{shown} {where}; bảng không rõ ràng — chuyển dòng này xuống "
                    "dưới dòng dữ liệu cuối cùng hoặc xóa nó")
        self._pending.clear()
        self._after_signature = False
        self._seen_data = True

    def finish(self) -> None:
        """End of the table: what is still pending stands below the last data row."""
        for p in self._pending:
            self.skipped.append(Skipped(p.row, p.kind, self.sheet))
        self._pending.clear()
