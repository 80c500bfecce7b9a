"""Recurring appointments: RRULE expansion in wall-clock time, ranges, exceptions, bad rules."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from msp_console.domain.errors import ValidationError
from msp_console.domain.recurrence import expand, parse_rrule

ROME = ZoneInfo("Europe/Rome")


def rome(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=ROME)


def test_monthly_check_up_stays_at_ten_across_dst() -> None:
    got = expand(rome(2026, 1, 5, 10), "FREQ=MONTHLY;BYDAY=1MO", ROME, rome(2026, 1, 1), rome(2027, 1, 1))
    assert len(got) == 12
    assert all(d.astimezone(ROME).hour == 10 and d.weekday() == 0 and d.day <= 7 for d in got)
    utc_hours = {d.astimezone(ZoneInfo("UTC")).hour for d in got}
    assert utc_hours == {8, 9}  # summer and winter time


def test_range_and_count_and_until_limit_the_occurrences() -> None:
    weekly = "RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5"
    got = expand(rome(2026, 11, 2, 9), weekly, ROME, rome(2026, 11, 5), rome(2026, 12, 1))
    assert [d.day for d in got] == [5, 9, 12, 16]  # the 2nd is before the range; COUNT ends at the 16th
    until = "FREQ=DAILY;UNTIL=20261104T235959Z"
    assert len(expand(rome(2026, 11, 2, 9), until, ROME, rome(2026, 11, 1), rome(2026, 12, 1))) == 3


def test_an_occurrence_overlapping_the_range_start_is_included() -> None:
    got = expand(
        rome(2026, 11, 2, 17),
        "FREQ=DAILY;COUNT=3",
        ROME,
        rome(2026, 11, 3, 18),
        rome(2026, 11, 4),
        duration=timedelta(hours=2),
    )
    assert got == [rome(2026, 11, 3, 17)]


def test_excluded_occurrences_are_left_out() -> None:
    got = expand(
        rome(2026, 11, 2, 9),
        "FREQ=DAILY;COUNT=3",
        ROME,
        rome(2026, 11, 1),
        rome(2026, 12, 1),
        exclude=[rome(2026, 11, 3, 9)],
    )
    assert [d.day for d in got] == [2, 4]


@pytest.mark.parametrize("rule", ["", "FREQ=SOMETIMES", "FREQ=DAILY;COUNT=x", "BYDAY=MO"])
def test_broken_rules_are_refused_with_the_field_name(rule: str) -> None:
    with pytest.raises(ValidationError, match=r"^rrule: "):
        parse_rrule(rule, rome(2026, 11, 2, 9), ROME)
