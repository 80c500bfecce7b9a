"""Each figure of the service report on a hand-made history (pure rules, no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msp_console.billing.report_text import Words
from msp_console.domain.backup_kinds import BACKUP_CHECK_KINDS, is_backup_check
from msp_console.domain.billing.report_figures import (
    PROBLEM_STATES,
    CheckHistory,
    backup_day_states,
    episodes,
    measure,
    window_intervals,
)
from msp_console.domain.billing.report_period import local_midnight, report_period
from msp_console.domain.errors import ValidationError
from msp_console.domain.maintenance import MaintenanceWindow

H = 3600.0


def utc(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def history(
    initial: str, *changes: tuple[datetime, str], kind: str = "ping", created: datetime | None = None
):
    return CheckHistory(1, 1, "ping", kind, created or utc(1, 1), initial, tuple(changes))


# -- the period ----------------------------------------------------------------------------------
def test_month_in_progress_covers_only_the_elapsed_days() -> None:
    now = datetime(2026, 12, 3, 15, 30, tzinfo=UTC)
    p = report_period(2026, 12, now)
    assert p.partial and p.last == date(2026, 12, 3) and p.end == now
    assert [d for d, _a, _b in p.days()] == [date(2026, 12, d) for d in (1, 2, 3)]
    assert p.days()[-1][2] == now  # today ends at the report's moment
    assert Words("it").span(p.first, p.last) == "1–3 dicembre 2026"
    assert Words("en").span(p.first, p.last) == "1–3 December 2026"


def test_a_past_month_is_whole_and_a_future_one_is_refused() -> None:
    now = datetime(2026, 12, 3, tzinfo=UTC)
    p = report_period(2026, 11, now)
    assert not p.partial and len(p.days()) == 30 and p.end == local_midnight(date(2026, 12, 1))
    with pytest.raises(ValidationError, match="not started"):
        report_period(2027, 1, now)


def test_dst_change_days_last_23_and_25_hours() -> None:
    march = {d: (b - a).total_seconds() / H for d, a, b in report_period(2026, 3, utc(5, 1)).days()}
    october = {d: (b - a).total_seconds() / H for d, a, b in report_period(2026, 10, utc(12, 1)).days()}
    assert march[date(2026, 3, 29)] == 23 and october[date(2026, 10, 25)] == 25
    assert sum(october.values()) == 31 * 24 + 1


def test_weeks_run_monday_to_sunday_clipped_to_the_month() -> None:
    weeks = report_period(2026, 12, utc(12, 9, 12)).weeks()  # 1 December 2026 is a Tuesday
    assert weeks == [(date(2026, 12, 1), date(2026, 12, 6)), (date(2026, 12, 7), date(2026, 12, 9))]


# -- availability --------------------------------------------------------------------------------
def test_availability_over_a_dst_day_counts_the_real_hours() -> None:
    p = report_period(2026, 10, utc(12, 1))
    h = history("OK", (utc(10, 25, 10), "CRITICAL"), (utc(10, 25, 11), "OK"))
    got = measure(h, p.start, p.end, [])
    assert got.down_s == H and got.known_s == (31 * 24 + 1) * H
    assert got.availability == pytest.approx(1 - 1 / 745)


def test_maintenance_is_left_out_of_availability_and_counted_apart() -> None:
    start, end = utc(11, 1), utc(11, 2)
    h = history("OK", (utc(11, 1, 2), "CRITICAL"), (utc(11, 1, 4), "OK"))
    window = MaintenanceWindow(utc(11, 1, 1), utc(11, 1, 3), client_id=1)
    got = measure(h, start, end, window_intervals(window, start, end))
    assert got.maintenance_s == 2 * H and got.down_s == H and got.up_s == 21 * H
    assert episodes(h, start, end, window_intervals(window, start, end)) == []  # began in maintenance


def test_a_weekly_window_repeats_inside_the_span() -> None:
    sunday = MaintenanceWindow(utc(11, 1, 2), utc(11, 1, 4), "FREQ=WEEKLY;BYDAY=SU", client_id=1)
    spans = window_intervals(sunday, utc(11, 1), utc(12, 1))
    assert [a.day for a, _b in spans] == [1, 8, 15, 22, 29]
    assert all(b - a == timedelta(hours=2) for a, b in spans)


def test_time_without_a_known_state_is_not_counted_as_up() -> None:
    h = history("", (utc(11, 16), "OK"))  # first result on the 16th
    got = measure(h, utc(11, 1), utc(12, 1), [])
    assert got.unknown_s == 15 * 24 * H and got.up_s == 15 * 24 * H and got.availability == 1.0


def test_a_first_result_at_the_very_start_counts_from_it() -> None:
    h = history("", (utc(11, 13), "OK"))
    got = measure(h, utc(11, 13), utc(11, 14), [])
    assert got.up_s == 24 * H and got.unknown_s == 0


def test_machine_added_mid_month_counts_from_its_addition() -> None:
    h = history("", (utc(11, 16, 0, 1), "OK"), (utc(11, 20), "CRITICAL"), (utc(11, 20, 6), "OK"))
    got = measure(h, utc(11, 16), utc(12, 1), [])
    assert got.unknown_s == 60 and got.down_s == 6 * H
    assert got.availability == pytest.approx(1 - 6 / (15 * 24 - 1 / 60))


# -- problems -------------------------------------------------------------------------------------
def test_a_problem_is_caught_once_however_its_state_moves() -> None:
    h = history(
        "OK",
        (utc(11, 3, 1), "WARNING"),
        (utc(11, 3, 2), "CRITICAL"),
        (utc(11, 3, 3), "OK"),
        (utc(11, 9), "UNREACHABLE"),
    )
    found = episodes(h, utc(11, 1), utc(12, 1), [])
    assert [(e.started, e.worst, e.ended) for e in found] == [
        (utc(11, 3, 1), "CRITICAL", utc(11, 3, 3)),
        (utc(11, 9), "UNREACHABLE", None),
    ]


def test_a_flapping_check_is_one_problem() -> None:
    moves = []
    for k in range(20):  # down and up every 3 minutes for an hour
        moves += [
            (utc(11, 5, 10) + timedelta(minutes=6 * k), "CRITICAL"),
            (utc(11, 5, 10, 3) + timedelta(minutes=6 * k), "OK"),
        ]
    moves.append((utc(11, 6), "WARNING"))  # the next day: a new problem
    found = episodes(history("OK", *moves), utc(11, 1), utc(12, 1), [])
    assert [(e.started, e.ended) for e in found] == [
        (utc(11, 5, 10), utc(11, 5, 10, 3) + timedelta(minutes=6 * 19)),
        (utc(11, 6), None),
    ]


def test_a_problem_open_before_the_span_is_not_caught_in_it() -> None:
    h = history("CRITICAL", (utc(11, 2), "OK"))
    assert episodes(h, utc(11, 1), utc(12, 1), []) == []


def test_problem_states_are_the_problems_tab_ones() -> None:
    from msp_console.domain.monitoring_state import PROBLEMS

    assert {s.value for s in PROBLEMS} == PROBLEM_STATES


# -- backups --------------------------------------------------------------------------------------
def test_a_backup_day_is_ok_when_the_check_is_ok_at_the_end_of_the_day() -> None:
    p = report_period(2026, 12, utc(12, 4, 12))
    days = [(a, b) for _d, a, b in p.days()]
    backup = history(
        "OK",
        (utc(12, 2, 3), "CRITICAL"),  # failed in the night, fixed before midnight: OK
        (utc(12, 2, 9), "OK"),
        (utc(12, 3, 22), "WARNING"),  # still late at midnight (23:00 UTC is local midnight)
        kind="backup_age",
        created=utc(11, 20),
    )
    late = CheckHistory(2, 1, "restic", "restic", utc(12, 2, 12), "", ((utc(12, 2, 13), "OK"),))
    assert backup_day_states(days, [backup]) == ["ok", "ok", "failed", "failed"]
    assert backup_day_states(days, [late]) == ["none", "ok", "ok", "ok"]


def test_backup_days_end_at_local_midnight_on_the_dst_change_day() -> None:
    """25 October 2026 lasts 25 hours and ends at 23:00 UTC: a failure at 22:30 UTC is that day's,
    one at 23:30 UTC (00:30 local) is the 26th's."""
    p = report_period(2026, 10, utc(12, 1))
    days = {d: (a, b) for d, a, b in p.days()}
    span = [days[date(2026, 10, 25)], days[date(2026, 10, 26)]]
    late = history("OK", (utc(10, 25, 22, 30), "CRITICAL"), (utc(10, 26, 9), "OK"), kind="borg")
    after = history("OK", (utc(10, 25, 23, 30), "CRITICAL"), kind="borg")
    assert backup_day_states(span, [late]) == ["failed", "ok"]
    assert backup_day_states(span, [after]) == ["ok", "failed"]


def test_backup_kinds_are_one_list_by_stored_value() -> None:
    assert {"backup_age", "restic", "borg", "veeam", "windows_backup"} <= BACKUP_CHECK_KINDS
    assert is_backup_check("proxmox_backup") and not is_backup_check("ping")


# -- words ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("seconds", "it", "en"),
    [
        (0, "0 min", "0 mins"),
        (29, "0 min", "0 mins"),
        (60, "1 min", "1 min"),
        (3600, "1 h", "1 hr"),
        (3600 + 15 * 60, "1 h 15 min", "1 hr 15 mins"),
        (26 * 3600, "1 giorno 2 h", "1 day 2 hrs"),
    ],
)
def test_durations_read_as_durations(seconds: float, it: str, en: str) -> None:
    assert Words("it").duration(seconds) == it
    assert Words("en").duration(seconds) == en


def test_check_kinds_are_words_in_both_languages() -> None:
    for kind in ["ping", "tcp", "http", "ssh", "plugin", "snmp", *BACKUP_CHECK_KINDS]:
        assert Words("it").word("check", kind) != kind or kind == "snmp"
        assert Words("en").word("check", kind) != kind or kind == "snmp"


def test_availability_with_downtime_never_prints_100_percent() -> None:
    assert Words("it").percent(0.999999) == "99,99 %"
    assert Words("it").percent(1.0) == "100,00 %"
    assert Words("en").percent(0.9958) == "99.58%"


# -- properties -----------------------------------------------------------------------------------
STATES = st.sampled_from(["OK", "WARNING", "CRITICAL", "UNKNOWN", "UNREACHABLE", "PENDING"])


@settings(max_examples=200, deadline=None)
@given(
    initial=st.sampled_from(["", "OK", "CRITICAL"]),
    moves=st.lists(st.tuples(st.integers(0, 30 * 24 * 60), STATES), max_size=30),
    maint=st.lists(st.tuples(st.integers(0, 30 * 24 * 60), st.integers(1, 600)), max_size=3),
)
def test_every_second_is_counted_once_and_every_problem_start_is_caught(
    initial: str, moves: list[tuple[int, str]], maint: list[tuple[int, int]]
) -> None:
    start, end = utc(11, 1), utc(12, 1)
    changes = tuple(sorted((start + timedelta(minutes=m), s) for m, s in moves))
    h = CheckHistory(1, 1, "c", "ping", start, initial, changes)
    cuts = [(start + timedelta(minutes=a), start + timedelta(minutes=a + n)) for a, n in maint]
    got = measure(h, start, end, cuts)
    total = got.up_s + got.down_s + got.unknown_s + got.maintenance_s
    assert total == pytest.approx((end - start).total_seconds())
    found = episodes(h, start, end, cuts)
    assert all(e.ended is None or e.ended > e.started for e in found)
    assert sorted(e.started for e in found) == [e.started for e in found]
