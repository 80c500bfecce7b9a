"""Business hours in the MSP's time zone, with Italian public holidays from the `holidays` library.

SLA targets are counted in business time, so this is where weekends, holidays and the DST
changes are absorbed: windows are built in wall-clock time and measured in real (UTC) seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

UTC = ZoneInfo("UTC")

DEFAULT_TZ = "Europe/Rome"


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> dict[date, str]:
    return dict(holidays.country_holidays(country, years=year).items())


@dataclass(frozen=True)
class BusinessCalendar:
    """Working days and hours; `country` '' disables holidays."""

    tz_name: str = DEFAULT_TZ
    start: time = time(9, 0)
    end: time = time(18, 0)
    weekdays: frozenset[int] = field(default_factory=lambda: frozenset({0, 1, 2, 3, 4}))
    country: str = "IT"

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("business hours: the end must come after the start")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.tz_name)

    def holiday_name(self, day: date) -> str | None:
        if not self.country:
            return None
        return _holidays(self.country, day.year).get(day)

    def is_business_day(self, day: date) -> bool:
        return day.weekday() in self.weekdays and self.holiday_name(day) is None

    def window(self, day: date) -> tuple[datetime, datetime]:
        """The day's business window as aware datetimes (wall clock in the calendar's zone)."""
        return datetime.combine(day, self.start, self.tz), datetime.combine(day, self.end, self.tz)

    def windows(self, start: datetime, end: datetime) -> Iterator[tuple[datetime, datetime]]:
        """The business intervals overlapping [start, end), clipped."""
        day = start.astimezone(self.tz).date()
        last = end.astimezone(self.tz).date()
        while day <= last:
            if self.is_business_day(day):
                lo, hi = self.window(day)
                lo, hi = max(lo, start), min(hi, end)
                if lo < hi:
                    yield lo, hi
            day += timedelta(days=1)

    def business_time(self, start: datetime, end: datetime) -> timedelta:
        """Business time elapsed between two instants (zero when end <= start)."""
        if end <= start:
            return timedelta(0)
        total = timedelta(0)
        for lo, hi in self.windows(start, end):
            total += hi.astimezone(UTC) - lo.astimezone(UTC)
        return total

    def add_business_time(self, start: datetime, amount: timedelta) -> datetime:
        """The instant when `amount` of business time has passed after `start`."""
        if amount < timedelta(0):
            raise ValueError("business time to add must not be negative")
        day = start.astimezone(self.tz).date()
        remaining = amount
        for _ in range(3660):  # ten years of days: a guard, never reached with sane targets
            if self.is_business_day(day):
                lo, hi = self.window(day)
                lo = max(lo, start)
                if lo < hi:
                    available = hi.astimezone(UTC) - lo.astimezone(UTC)
                    if remaining <= available:
                        return (lo.astimezone(UTC) + remaining).astimezone(self.tz)
                    remaining -= available
            day += timedelta(days=1)
        raise ValueError("business time too long to place in the calendar")

    def next_business_day_at(self, after: datetime, at: time | None = None) -> datetime:
        """The next business day strictly after `after`'s local date, at `at` (default opening)."""
        day = after.astimezone(self.tz).date() + timedelta(days=1)
        while not self.is_business_day(day):
            day += timedelta(days=1)
        return datetime.combine(day, at or self.start, self.tz)

    def is_business_time(self, moment: datetime) -> bool:
        local = moment.astimezone(self.tz)
        if not self.is_business_day(local.date()):
            return False
        lo, hi = self.window(local.date())
        return lo <= moment < hi
