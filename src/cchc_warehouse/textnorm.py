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
