"""Recurring appointments with RFC 5545 RRULE semantics (python-dateutil does the expansion).

Expansion happens in wall-clock time in the calendar's zone, so a monthly check-up at 10:00
stays at 10:00 across DST changes; results are aware datetimes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from msp_console.domain.errors import ValidationError

MAX_OCCURRENCES = 5000  # a guard against an unbounded rule expanded over a huge range


def parse_rrule(text: str, dtstart: datetime, tz: ZoneInfo) -> rrule:
    """Parses an RRULE value (with or without the 'RRULE:' prefix); clear error on nonsense."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body:
        raise ValidationError.single("rrule", "the recurrence rule is empty", "recurrence.empty")
    local = dtstart.astimezone(tz).replace(tzinfo=None)
    if "UNTIL=" in body.upper():
        body = _naive_until(body, tz)
    try:
        rule = rrulestr(body, dtstart=local)
    except (ValueError, TypeError) as exc:
        raise ValidationError.single("rrule", f"not a valid RRULE ({exc})") from None
    if not isinstance(rule, rrule):
        raise ValidationError.single("rrule", "give one RRULE, not a set")
    return rule


def _naive_until(body: str, tz: ZoneInfo) -> str:
    """dateutil wants UNTIL in the same (naive) frame as DTSTART: convert a UTC 'Z' value."""
    parts = []
    for part in body.split(";"):
        key, _, value = part.partition("=")
        if key.upper() == "UNTIL" and value.upper().endswith("Z"):
            try:
                utc = datetime.strptime(value.upper(), "%Y%m%dT%H%M%SZ").replace(tzinfo=ZoneInfo("UTC"))
            except ValueError:
                raise ValidationError.single("rrule", f"UNTIL={value} is not a date-time") from None
            value = utc.astimezone(tz).strftime("%Y%m%dT%H%M%S")
        parts.append(f"{key}={value}")
    return ";".join(parts)


def expand(
    dtstart: datetime,
    rule_text: str,
    tz: ZoneInfo,
    range_start: datetime,
    range_end: datetime,
    *,
    duration: timedelta = timedelta(0),
    exclude: Iterable[datetime] = (),
) -> list[datetime]:
    """Occurrence starts whose [start, start+duration) overlaps [range_start, range_end)."""
    rule = parse_rrule(rule_text, dtstart, tz)
    skip = {e.astimezone(ZoneInfo("UTC")) for e in exclude}
    lo = (range_start - duration).astimezone(tz).replace(tzinfo=None)
    hi = range_end.astimezone(tz).replace(tzinfo=None)
    out: list[datetime] = []
    for naive in rule.between(lo, hi, inc=True):
        start = naive.replace(tzinfo=tz)
        if start + duration <= range_start and duration > timedelta(0):
            continue
        if start >= range_end or start.astimezone(ZoneInfo("UTC")) in skip:
            continue
        out.append(start)
        if len(out) >= MAX_OCCURRENCES:
            break
    return out


def describe(rule_text: str) -> str:
    """A short human label ('weekly', 'monthly'…) for lists; the RRULE itself is the truth."""
    freq = ""
    for part in rule_text.upper().removeprefix("RRULE:").split(";"):
        key, _, value = part.partition("=")
        if key == "FREQ":
            freq = value.lower()
    return freq or "recurring"
