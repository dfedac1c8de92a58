"""Text normalisation for Vietnamese headers and labels."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower case, no accents, words separated by one space: 'Ngày  Tiếp-nhận' -> 'ngay tiep nhan'."""
    return _NON_ALNUM.sub(" ", strip_accents(text).lower()).strip()


def header_key(text: str) -> str:
    """Case-, accent-, spacing- and punctuation-insensitive key: 'Mã hồ sơ' and 'MaHoSo' -> 'mahoso'."""
    return fold(text).replace(" ", "")


# Words that name the kind of unit, not the unit: 'UBND huyện Tam Đường', 'Huyện Tam Đường' and 'Tam Đường'
# are the same unit. Departments keep their words ('Sở Tư pháp').
UNIT_PREFIXES = ("uy ban nhan dan", "ubnd", "tinh", "thanh pho", "tp", "thi xa", "tx", "huyen", "quan", "thi tran",
                 "tt", "phuong", "xa", "dac khu")


_QUALIFIER = re.compile(r"^(.+?) (?:tinh|thanh pho|tp) \S.*$")


def unit_name_key(text: str) -> str:
    """'UBND huyện Tam Đường' -> 'tam duong'; 'Phường  Bình-Lư' -> 'binh lu'; 'Sở Tư pháp' -> 'so tu phap'; the
    province a name ends with is not part of it: 'Sở Tư pháp tỉnh Lai Châu' -> 'so tu phap'."""
    key = fold(text)
    changed = True
    while changed:
        changed = False
        for prefix in UNIT_PREFIXES:
            if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
                key = key[len(prefix) + 1:]
                changed = True
    if m := _QUALIFIER.match(key):
        key = m.group(1)
    return key


# Written in a cell where a value is unknown: missing, as a blank is, where the column allows a blank; a required
# column reports it as missing; a yes/no column keeps it unknown, never "no". Compared lower-cased and trimmed; the
# raw table keeps the text as written.
MISSING_MARKERS = ("n/a", "#n/a", "na", "null", "nan", "none")


def missing_marker_sql(text: str) -> str:
    """SQL: the text column holds a missing-value marker (MISSING_MARKERS)."""
    listed = ", ".join(f"'{m}'" for m in MISSING_MARKERS)
    return f"lower(btrim({text})) in ({listed})"
