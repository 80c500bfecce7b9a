"""Billing periods aligned to the calendar (month, quarter, year), billed in advance, and proration.

A partial first or last period is prorated on the actual days of the billed period, so a
contract starting on 15 November pays 16/30 of November.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class BillingPeriod(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        return {"monthly": 1, "quarterly": 3, "yearly": 12}[self.value]


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(d: date, months: int) -> date:
    """Same day n months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, days_in_month(year, month + 1)))


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, days_in_month(year, month))


def parse_month(text: str) -> tuple[int, int]:
    """'2026-11' -> (2026, 11); ValueError with a message for the user otherwise."""
    try:
        year_s, month_s = text.strip().split("-")
        year, month = int(year_s), int(month_s)
        date(year, month, 1)
    except ValueError:
        raise ValueError(f"'{text}' is not a month: write YYYY-MM, e.g. 2026-11") from None
    return year, month


@dataclass(frozen=True, slots=True)
class Span:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlap(self, start: date, end: date | None) -> Span | None:
        lo = max(self.start, start)
        hi = self.end if end is None else min(self.end, end)
        return Span(lo, hi) if lo <= hi else None


def period_containing(d: date, period: BillingPeriod) -> Span:
    months = period.months
    first_month = (d.month - 1) // months * months + 1
    start = date(d.year, first_month, 1)
    end = add_months(start, months) - timedelta(days=1)
    return Span(start, end)


def next_period_start(d: date, period: BillingPeriod) -> date:
    """First day of the period after the one containing d: when a contract change takes effect."""
    return period_containing(d, period).end + timedelta(days=1)


def is_period_start(d: date, period: BillingPeriod) -> bool:
    return period_containing(d, period).start == d


def periods_to_bill(start: date, end: date | None, period: BillingPeriod, until: date) -> Iterator[Span]:
    """Every period overlapping [start, end] that begins on or before `until` (billing in advance)."""
    current = period_containing(start, period)
    while current.start <= until and (end is None or current.start <= end):
        yield current
        nxt = current.end + timedelta(days=1)
        current = period_containing(nxt, period)


@dataclass(frozen=True, slots=True)
class Proration:
    """Days billed out of the period's days; 1/1 when the whole period is billed."""

    days: int
    of: int

    @property
    def full(self) -> bool:
        return self.days == self.of


def proration(period: Span, start: date, end: date | None) -> Proration:
    covered = period.overlap(start, end)
    return Proration(covered.days if covered else 0, period.days)
