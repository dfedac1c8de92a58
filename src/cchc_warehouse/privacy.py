"""Personal data (decree 13/2023/NĐ-CP), defined once: what a personal-looking value is, and how it is masked.

A value looks personal when it holds an ID number (9-digit CMND, 12-digit CCCD), a phone number (0… or +84…, with
or without spaces, dots or dashes) or an e-mail address. Each such match is masked keeping its first and last two
characters: `0912345616` -> `09******16`. The same rule runs in Python (messages the loader writes, unknown columns
it screens) and in SQL (`audit.mask_personal`, generated from PATTERN by `cchc generate`: the gate's queries quote
values through it, so GX results, data docs and reasons never carry them in clear).
"""

from __future__ import annotations

import re

# Written for both Python's re and Postgres' regular expressions (ARE): no named groups, no \b.
ID_NUMBER = r"(?<![0-9])(?:[0-9]{12}|[0-9]{9})(?![0-9])"
PHONE = r"(?<![0-9])(?:\+84|84|0)[ .-]?[1-9](?:[ .-]?[0-9]){8,9}(?![0-9])"
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
PATTERN = f"{EMAIL}|{PHONE}|{ID_NUMBER}"
_COMPILED = re.compile(PATTERN)


def _masked(match: str) -> str:
    return match[:2] + "*" * (len(match) - 4) + match[-2:] if len(match) > 4 else "*" * len(match)


def mask(text: str | None) -> str | None:
    """Every personal-looking part of a text masked: 'gọi 0912345616' -> 'gọi 09******16'."""
    if not text:
        return text
    return _COMPILED.sub(lambda m: _masked(m.group(0)), text)


def looks_personal(text: str | None) -> bool:
    return bool(text) and _COMPILED.search(text) is not None


def mask_sql() -> str:
    """DDL of audit.mask_personal(text): the same rule as mask() (generated, see module doc)."""
    pattern = PATTERN.replace("'", "''")
    return f"""create or replace function audit.mask_personal(value text) returns text
language plpgsql immutable parallel safe as $$
declare
    m text;
    out text := value;
begin
    if value is null or value !~ '{pattern}' then
        return value;
    end if;
    for m in select r[1] from regexp_matches(value, '({pattern})', 'g') as r loop
        out := replace(out, m, case when length(m) > 4
                                    then left(m, 2) || repeat('*', length(m) - 4) || right(m, 2)
                                    else repeat('*', length(m)) end);
    end loop;
    return out;
end $$;
comment on function audit.mask_personal(text) is
    'Personal-looking parts of a text (ID numbers, phones, e-mails) masked keeping two characters at each end '
    '(cchc_warehouse.privacy, one rule for Python and SQL).';
"""
