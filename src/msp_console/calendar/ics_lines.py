""".ics files as mail programs write them, made ready for `icalendar`: unfolded, checked line by
line (errors carry the physical line number), and with Windows time-zone names in TZID mapped to
IANA zones.

Unfolding is done on bytes, before decoding, because Outlook folds at 75 octets and may cut a
UTF-8 character in two. Windows names ("W. Europe Standard Time") are mapped with the CLDR
windowsZones table that `tzlocal` ships and keeps current, so an invitation keeps the zone's
whole history instead of the single rule written in its VTIMEZONE block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tzlocal.windows_tz import win_tz

from msp_console.domain.errors import FieldError

_PARAM = r';[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*'
CONTENT_LINE = re.compile(rf"^[A-Za-z0-9-]+(?:{_PARAM})*:")
TZID_PARAM = re.compile(r';TZID=("[^"]*"|[^";:,]*)', re.IGNORECASE)


@dataclass
class CheckedFile:
    """The unfolded text for icalendar, and where each VEVENT starts in the original file."""

    text: str = ""
    events: list[int] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)
    method: str = ""
    props: list[dict[str, int]] = field(default_factory=list)  # per VEVENT: property → its line


def logical_lines(data: bytes) -> tuple[list[tuple[int, str]], list[FieldError]]:
    """(first physical line number, decoded content line) for every unfolded line."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    raw: list[tuple[int, bytearray]] = []
    for number, physical in enumerate(data.splitlines(), start=1):
        if physical[:1] in (b" ", b"\t") and raw:
            raw[-1][1].extend(physical[1:])
        elif physical.strip():
            raw.append((number, bytearray(physical)))
    out: list[tuple[int, str]] = []
    errors: list[FieldError] = []
    for number, line in raw:
        try:
            out.append((number, line.decode("utf-8")))
        except UnicodeDecodeError as exc:
            errors.append(FieldError("file", f"not UTF-8 text (byte {exc.start} of the line)", number))
    return out, errors


def iana_zone(name: str) -> str | None:
    """The IANA name for a TZID: itself if the system knows it, else the CLDR mapping of a
    Windows name; None if neither (then only the file's own VTIMEZONE can define it)."""
    try:
        ZoneInfo(name)
        return name
    except (ZoneInfoNotFoundError, ValueError):
        return win_tz.get(name)


def check(data: bytes) -> CheckedFile:
    """Syntax of every content line, BEGIN/END nesting and the zones every TZID names."""
    lines, errors = logical_lines(data)
    out = CheckedFile(errors=errors)
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        out.errors = [FieldError("file", "not an iCalendar file (it must start with BEGIN:VCALENDAR)", 1)]
        return out
    stack: list[tuple[str, int]] = []
    defined: set[str] = set()
    unknown: dict[str, int] = {}
    text: list[str] = []
    for number, line in lines:
        match = CONTENT_LINE.match(line)
        if not match:
            out.errors.append(FieldError("line", f"broken line {line[:60]!r} (expected NAME:value)", number))
            continue
        name, value = line[: match.end() - 1], line[match.end() :]  # a quoted parameter may hold ':'
        key = name.split(";")[0].upper()
        if key == "BEGIN":
            stack.append((value.strip().upper(), number))
            if value.strip().upper() == "VEVENT":
                out.events.append(number)
                out.props.append({})
        elif key == "END":
            _close(stack, value, number, out.errors)
        elif key == "TZID" and stack and stack[-1][0] == "VTIMEZONE":
            defined.add(value.strip())
        elif key == "METHOD" and len(stack) == 1:
            out.method = value.strip().upper()
        elif stack and stack[-1][0] == "VEVENT":
            out.props[-1].setdefault(key, number)
        name = TZID_PARAM.sub(partial(_mapped, number=number, unknown=unknown), name)
        text.append(f"{name}:{value}")
    for what, number in stack:
        out.errors.append(FieldError("BEGIN", f"BEGIN:{what} is never closed", number))
    for zone, number in unknown.items():
        if zone not in defined:
            out.errors.append(
                FieldError(
                    "TZID",
                    f"unknown time zone {zone!r} (neither an IANA nor a Windows name, "
                    "and the file has no VTIMEZONE for it)",
                    number,
                )
            )
    out.text = "\r\n".join(text) + "\r\n"
    return out


def _mapped(match: re.Match[str], *, number: int, unknown: dict[str, int]) -> str:
    value = match.group(1)
    zone = value.strip('"')
    iana = iana_zone(zone)
    if iana is None:
        unknown.setdefault(zone, number)
        return f";TZID={value}"
    return f";TZID={iana}"


def _close(stack: list[tuple[str, int]], value: str, number: int, errors: list[FieldError]) -> None:
    if not stack or stack[-1][0] != value.strip().upper():
        opened = "BEGIN:" + stack[-1][0] if stack else "anything"
        errors.append(FieldError("END", f"END:{value.strip()} does not close {opened}", number))
    else:
        stack.pop()
