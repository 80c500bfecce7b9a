"""The next free slot: business hours, holidays, other appointments, quarter-hour starts."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from msp_console.domain.business_calendar import BusinessCalendar
from msp_console.domain.free_slot import next_free_slot, round_up

ROME = ZoneInfo("Europe/Rome")
CAL = BusinessCalendar()  # Mon–Fri 09–18, Italian holidays


def rome(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=ROME)


def test_a_free_afternoon_gives_the_next_quarter_hour() -> None:
    assert next_free_slot(CAL, [], rome(11, 24, 14, 7), 60) == rome(11, 24, 14, 15)
    assert round_up(rome(11, 24, 14, 30)) == rome(11, 24, 14, 30)


def test_before_opening_the_slot_is_the_opening() -> None:
    assert next_free_slot(CAL, [], rome(11, 24, 6, 40), 60) == rome(11, 24, 9)


def test_work_that_does_not_fit_before_closing_goes_to_the_next_business_day() -> None:
    # Friday 17:20, one hour: Saturday and Sunday are skipped
    assert next_free_slot(CAL, [], rome(11, 27, 17, 20), 60) == rome(11, 30, 9)


def test_holidays_are_skipped() -> None:
    # Monday 7 December 17:30 → Tuesday 8 December (Immacolata) is a holiday → Wednesday 9
    assert next_free_slot(CAL, [], rome(12, 7, 17, 30), 60) == rome(12, 9, 9)
    # Christmas Eve evening → 25 and 26 are holidays, 27 is a Sunday → Monday 28
    assert next_free_slot(CAL, [], rome(12, 24, 18), 30) == rome(12, 28, 9)


def test_other_appointments_of_the_technician_are_avoided() -> None:
    busy = [(rome(11, 24, 9), rome(11, 24, 10, 10)), (rome(11, 24, 11), rome(11, 24, 12))]
    # 10:10 rounds up to 10:15; 10:15–11:15 would overlap the 11:00 one → after it, 12:00
    assert next_free_slot(CAL, busy, rome(11, 24, 8), 60) == rome(11, 24, 12)
    # 45 minutes fit between them
    assert next_free_slot(CAL, busy, rome(11, 24, 8), 45) == rome(11, 24, 10, 15)


def test_a_full_day_moves_to_the_next() -> None:
    busy = [(rome(11, 24, 9), rome(11, 24, 18))]
    assert next_free_slot(CAL, busy, rome(11, 24, 9), 30) == rome(11, 25, 9)


def test_busy_times_in_utc_compare_with_local_slots() -> None:
    utc = ZoneInfo("UTC")
    busy = [(datetime(2026, 11, 24, 8, tzinfo=utc), datetime(2026, 11, 24, 9, tzinfo=utc))]  # 09–10 Rome
    assert next_free_slot(CAL, busy, rome(11, 24, 9), 60) == rome(11, 24, 10)


def test_work_longer_than_a_business_day_is_refused() -> None:
    with pytest.raises(ValueError):
        next_free_slot(CAL, [], rome(11, 24, 9), 10 * 60, horizon_days=5)
    with pytest.raises(ValueError):
        next_free_slot(CAL, [], rome(11, 24, 9), 0)


def test_the_slot_is_always_inside_business_time() -> None:
    start = rome(11, 20, 16, 50)
    for hours in range(0, 24 * 10, 7):
        moment = start + timedelta(hours=hours)
        slot = next_free_slot(CAL, [], moment, 90)
        assert slot >= moment
        assert CAL.is_business_time(slot) and CAL.is_business_time(slot + timedelta(minutes=89))
