"""The next free slot of a technician: inside business hours, off holidays, clear of other work.

Pure (no I/O): the caller hands in the business calendar and the technician's busy intervals.
Slots start on a quarter hour of the calendar's wall clock, so what is proposed reads like a time
a person would agree on the phone ("14:30", never "14:07").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from msp_console.domain.business_calendar import BusinessCalendar

STEP = timedelta(minutes=15)
HORIZON_DAYS = 90


def round_up(moment: datetime, step: timedelta = STEP) -> datetime:
    """The first wall-clock multiple of ``step`` at or after ``moment`` (in the moment's zone)."""
    base = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    elapsed = moment - base
    steps = -(-elapsed // step)  # ceiling division of timedeltas
    return base + steps * step


def next_free_slot(
    calendar: BusinessCalendar,
    busy: Iterable[tuple[datetime, datetime]],
    after: datetime,
    minutes: int,
    *,
    step: timedelta = STEP,
    horizon_days: int = HORIZON_DAYS,
) -> datetime:
    """The earliest start at or after ``after`` where ``minutes`` of work fit in one business
    window without overlapping any of ``busy`` (start, end). Raises ValueError when the horizon
    holds no such slot (or the work is longer than a business day)."""
    if minutes <= 0:
        raise ValueError("the duration must be a positive number of minutes")
    length = timedelta(minutes=minutes)
    taken = sorted((s, e) for s, e in busy if e > s)
    tz = calendar.tz
    local_after = after.astimezone(tz)
    day = local_after.date()
    for _ in range(horizon_days + 1):
        if calendar.is_business_day(day):
            lo, hi = calendar.window(day)
            candidate = round_up(max(lo, local_after), step)
            while candidate + length <= hi:
                end = candidate + length
                clash = [e for s, e in taken if s < end and candidate < e]
                if not clash:
                    return candidate
                candidate = round_up(max(clash).astimezone(tz), step)
        day += timedelta(days=1)
    raise ValueError(f"no free slot of {minutes} min in the next {horizon_days} days")


__all__ = ["STEP", "next_free_slot", "round_up"]
