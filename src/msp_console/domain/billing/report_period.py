"""The span a monthly service report covers: the whole month once it is over, only the elapsed
days (up to the moment of the report) while it is in progress.

Days are the client's local days (Europe/Rome), so a DST change day lasts 23 or 25 hours and the
figures count the hours that really passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from msp_console.domain.billing.periods import month_bounds
from msp_console.domain.errors import ValidationError

LOCAL_ZONE = ZoneInfo("Europe/Rome")


def local_midnight(day: date) -> datetime:
    """The start of ``day`` in the client's zone, as a UTC time."""
    return datetime(day.year, day.month, day.day, tzinfo=LOCAL_ZONE).astimezone(UTC)


def local_date(at: datetime) -> date:
    return at.astimezone(LOCAL_ZONE).date()


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    month_first: date
    month_last: date
    last: date  # the last day covered: the month's last, or today while the month is in progress
    start: datetime  # UTC, local midnight of the 1st
    end: datetime  # UTC, local midnight after the last day, or the moment of the report

    @property
    def first(self) -> date:
        return self.month_first

    @property
    def partial(self) -> bool:
        """True while the month is in progress: only the elapsed days are reported."""
        return self.last < self.month_last

    def days(self) -> list[tuple[date, datetime, datetime]]:
        """Each covered local day with its UTC start and end (today ends at the report's moment)."""
        out = []
        day = self.month_first
        while day <= self.last:
            start, end = local_midnight(day), local_midnight(day + timedelta(days=1))
            out.append((day, start, min(end, self.end)))
            day += timedelta(days=1)
        return out

    def weeks(self) -> list[tuple[date, date]]:
        """Monday-to-Sunday weeks clipped to the covered days (the first and last may be short)."""
        out: list[tuple[date, date]] = []
        day = self.month_first
        while day <= self.last:
            end = min(day + timedelta(days=6 - day.weekday()), self.last)
            out.append((day, end))
            day = end + timedelta(days=1)
        return out


def report_period(year: int, month: int, now: datetime) -> ReportPeriod:
    """Refuses a month that has not started yet (nothing to report, and no empty PDF)."""
    if not 1 <= month <= 12:
        raise ValidationError.single("month", "the month is a number from 1 to 12")
    first, last = month_bounds(year, month)
    today = local_date(now)
    if first > today:
        raise ValidationError.single(
            "month",
            f"{year}-{month:02d} has not started yet: there is nothing to report",
            "report_not_started",
            month=f"{year}-{month:02d}",
        )
    start = local_midnight(first)
    if today <= last:
        return ReportPeriod(first, last, today, start, now.astimezone(UTC))
    return ReportPeriod(first, last, last, start, local_midnight(last + timedelta(days=1)))
