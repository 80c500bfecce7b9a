"""SLA maths in business hours: weekends, Italian holidays, DST changes in Europe/Rome, pauses."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from msp_console.domain.business_calendar import BusinessCalendar
from msp_console.domain.errors import ValidationError
from msp_console.domain.intervention_state import Priority
from msp_console.domain.sla import (
    DEFAULT_PLAN,
    ClockLevel,
    SlaTarget,
    resolution_clock,
    response_clock,
    validate_plan,
)

ROME = ZoneInfo("Europe/Rome")
CAL = BusinessCalendar()
H = timedelta(hours=1)


def rome(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=ROME)


def test_italian_holidays_come_from_the_library() -> None:
    assert CAL.holiday_name(date(2026, 4, 25))  # Liberazione
    assert CAL.holiday_name(date(2026, 4, 6))  # Easter Monday 2026 (moves every year)
    assert CAL.holiday_name(date(2027, 3, 29))  # Easter Monday 2027
    assert CAL.holiday_name(date(2026, 12, 8))  # Immacolata
    assert CAL.holiday_name(date(2026, 11, 27)) is None
    assert not CAL.is_business_day(date(2026, 6, 2))  # Festa della Repubblica, a Tuesday
    assert CAL.is_business_day(date(2026, 6, 3))


def test_friday_evening_to_monday_morning_crosses_the_weekend() -> None:
    # Friday 27 Nov 2026 17:00 + 2 business hours → Monday 30 Nov 10:00
    assert CAL.add_business_time(rome(2026, 11, 27, 17), 2 * H) == rome(2026, 11, 30, 10)
    assert CAL.business_time(rome(2026, 11, 27, 17), rome(2026, 11, 30, 10)) == 2 * H


def test_a_holiday_is_skipped_like_a_weekend() -> None:
    # Thursday 24 Dec 17:00 + 2h: 25 (Christmas), 26 (Santo Stefano, Sat), 27 Sun → Mon 28 10:00
    assert CAL.add_business_time(rome(2026, 12, 24, 17), 2 * H) == rome(2026, 12, 28, 10)
    # Monday 1 June 2026 17:00 + 2h: 2 June is Festa della Repubblica → Wednesday 3 June 10:00
    assert CAL.add_business_time(rome(2026, 6, 1, 17), 2 * H) == rome(2026, 6, 3, 10)


def test_outside_hours_the_clock_starts_at_the_next_opening() -> None:
    assert CAL.add_business_time(rome(2026, 11, 28, 22), 30 * timedelta(minutes=1)) == rome(
        2026, 11, 30, 9, 30
    )
    assert CAL.business_time(rome(2026, 11, 28, 0), rome(2026, 11, 29, 23)) == timedelta(0)


@pytest.mark.parametrize(
    ("friday", "monday"),
    [
        (rome(2026, 3, 27, 17), rome(2026, 3, 30, 10)),  # spring forward on Sunday 29 March
        (rome(2026, 10, 23, 17), rome(2026, 10, 26, 10)),  # fall back on Sunday 25 October
    ],
)
def test_dst_weekends_do_not_change_business_time(friday: datetime, monday: datetime) -> None:
    assert CAL.add_business_time(friday, 2 * H) == monday
    assert CAL.business_time(friday, monday) == 2 * H
    assert monday.utcoffset() != friday.utcoffset()


def test_dst_change_inside_business_hours_counts_real_time() -> None:
    # A calendar open on Sundays 00:00-06:00: the spring-forward night has only 5 real hours.
    night = BusinessCalendar(start=time(0), end=time(6), weekdays=frozenset({6}), country="")
    assert night.business_time(rome(2026, 3, 29, 0), rome(2026, 3, 29, 6)) == 5 * H
    assert night.business_time(rome(2026, 10, 25, 0), rome(2026, 10, 25, 6)) == 7 * H


def test_response_clock_warns_at_75_percent_and_breaches_at_the_deadline() -> None:
    opened = rome(2026, 11, 27, 16)  # Friday, P2: 4 business hours → Monday 11:00
    target = DEFAULT_PLAN.target(Priority.P2).response
    at_75 = response_clock(CAL, opened, target, None, rome(2026, 11, 30, 10))  # 3h of 4h
    assert at_75.deadline == rome(2026, 11, 30, 11)
    assert at_75.level is ClockLevel.WARNING
    early = response_clock(CAL, opened, target, None, rome(2026, 11, 29, 12))  # Sunday: 2h
    assert early.level is ClockLevel.OK
    assert early.remaining == 2 * H
    late = response_clock(CAL, opened, target, None, rome(2026, 11, 30, 11))
    assert late.level is ClockLevel.BREACHED
    met = response_clock(CAL, opened, target, rome(2026, 11, 30, 9, 30), rome(2026, 12, 2, 9))
    assert met.level is ClockLevel.MET and met.elapsed == 2.5 * H


def test_resolution_clock_pauses_while_waiting_for_the_client() -> None:
    opened = rome(2026, 11, 23, 9)  # Monday
    target = 8 * H
    pauses = [(rome(2026, 11, 23, 13), rome(2026, 11, 24, 13))]  # 9 business hours waiting
    clock = resolution_clock(CAL, opened, target, pauses, None, rome(2026, 11, 24, 15))
    assert clock.elapsed == 6 * H  # 4h Monday morning + 2h Tuesday afternoon
    assert clock.deadline == rome(2026, 11, 24, 17)
    assert clock.level is ClockLevel.WARNING
    paused_now = resolution_clock(
        CAL, opened, target, [(rome(2026, 11, 23, 13), None)], None, rome(2026, 11, 25, 9)
    )
    assert paused_now.paused and paused_now.deadline is None
    assert paused_now.elapsed == 4 * H and paused_now.level is ClockLevel.PAUSED


def test_plan_validation_names_the_priority() -> None:
    good = {p: SlaTarget(H, 2 * H) for p in Priority}
    assert validate_plan(" gold ", good).name == "gold"
    bad = dict(good)
    bad[Priority.P2] = SlaTarget(3 * H, 2 * H)
    del bad[Priority.P4]
    with pytest.raises(ValidationError) as err:
        validate_plan("", bad)
    text = str(err.value)
    assert "name:" in text and "P2: resolution target is shorter" in text and "P4: missing" in text
