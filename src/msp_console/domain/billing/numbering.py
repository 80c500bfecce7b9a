"""Invoice numbers: progressive per year, formatted by a configurable pattern (default 2026/0001)."""

from __future__ import annotations

import string

DEFAULT_NUMBER_FORMAT = "{year}/{seq:04d}"
_FIELDS = {"year", "seq"}


def check_number_format(pattern: str) -> str:
    """The pattern must contain {seq} and may contain {year}; nothing else in braces."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
        format_number(pattern, 2026, 1)
    except (ValueError, KeyError, IndexError):
        raise ValueError(f"'{pattern}' is not a number format: use e.g. {DEFAULT_NUMBER_FORMAT}") from None
    if "seq" not in names:
        raise ValueError("the number format must contain {seq} (the progressive number)")
    unknown = names - _FIELDS
    if unknown:
        raise ValueError(f"the number format may only use {{year}} and {{seq}}, not {sorted(unknown)}")
    if len(format_number(pattern, 2026, 99999)) > 20:
        raise ValueError("the number format makes numbers longer than 20 characters (FatturaPA limit)")
    return pattern


def format_number(pattern: str, year: int, seq: int) -> str:
    return pattern.format(year=year, seq=seq)


_B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def sdi_progressive(n: int) -> str:
    """The 5-character progressive of an SdI file name (IT<VAT>_<progressive>.xml), base 36."""
    if not 0 < n < 36**5:
        raise ValueError("file progressive out of range")
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = _B36[r] + out
    return out.rjust(5, "0")
