"""What a recurring invitation needs beyond its RRULE: the rules the calendar can keep, and the
occurrences whose time the calendar's own expansion would get wrong.

The calendar repeats a series on the wall clock of its own time zone (Settings). An invitation
written in another zone (UTC from some web calendars, New York from a supplier) keeps its clock
instead, so around the DST changes the two disagree by an hour: for a series that ends, those
occurrences are stored as moved ones, for an endless one the user is told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from msp_console.domain.errors import FieldError, ValidationError
from msp_console.domain.recurrence import MAX_OCCURRENCES, expand, parse_rrule

UTC = ZoneInfo("UTC")
TOO_OFTEN = ("SECONDLY", "MINUTELY", "HOURLY")
HORIZON = timedelta(days=2 * 366)  # how far an endless series is compared


@dataclass(frozen=True)
class Drift:
    """Occurrences the calendar's clock would place wrongly: calendar start → the invitation's."""

    moved: dict[datetime, datetime]
    endless: bool


def check_rule(text: str, start: datetime, tz: ZoneInfo, line: int) -> list[FieldError]:
    """Refuses what an appointment cannot store, with the RRULE's line."""
    freq = ""
    for part in text.upper().split(";"):
        key, _, value = part.partition("=")
        if key == "FREQ":
            freq = value
    if freq in TOO_OFTEN:
        return [
            FieldError(
                "RRULE",
                f"repeats {freq.lower()}: appointments repeat at most daily (FREQ=DAILY), "
                "import it as separate events",
                line,
            )
        ]
    try:
        parse_rrule(text, start, tz)
    except ValidationError as exc:
        return [FieldError("RRULE", e.message, line) for e in exc.errors]
    return []


def drift(start: datetime, text: str, tz: ZoneInfo) -> Drift:
    """Compares the invitation's own expansion (in its zone) with the calendar's."""
    if isinstance(start.tzinfo, ZoneInfo) and start.tzinfo.key == tz.key:
        return Drift({}, False)
    try:
        own = rrulestr(text, dtstart=start)
    except (ValueError, TypeError):
        return Drift({}, False)  # dateutil cannot compare it (e.g. a naive UNTIL): keep the calendar's
    bounded = "COUNT=" in text.upper() or "UNTIL=" in text.upper()
    if bounded:
        theirs = list(islice(own, MAX_OCCURRENCES))
    else:
        theirs = own.between(start, start + HORIZON, inc=True)[:MAX_OCCURRENCES]
    if not theirs:
        return Drift({}, not bounded)
    ours = expand(start, text, tz, start, theirs[-1] + timedelta(hours=2))
    moved = {
        a.astimezone(UTC): b.astimezone(UTC)
        for a, b in zip(ours, theirs, strict=False)
        if a.astimezone(UTC) != b.astimezone(UTC)
    }
    return Drift(moved, not bounded)
