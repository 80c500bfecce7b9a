"""The monitoring state machine: what a technician sees and when he is paged."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msp_console.domain.errors import ValidationError
from msp_console.domain.health import HealthState as H
from msp_console.domain.maintenance import MaintenanceWindow, in_maintenance, validate_window, weekly
from msp_console.domain.monitoring_state import (
    FLAP_WINDOW,
    Ack,
    ApplyContext,
    CheckPolicy,
    CheckStatus,
    EventKind,
    StateType,
    acknowledge,
    apply,
    client_state,
    flap_percent,
    is_down,
    machine_state,
    should_notify,
)

T0 = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
CTX = ApplyContext(CheckPolicy(max_attempts=3, interval_s=60, retry_interval_s=15))


def run(states: list[H], ctx: ApplyContext = CTX, start: CheckStatus | None = None):
    status, all_events, notified = start or CheckStatus(), [], []
    for i, s in enumerate(states):
        new, events = apply(status, s, f"obs {i}", T0 + timedelta(minutes=i), ctx)
        notified.append(should_notify(status, new, events, ctx))
        all_events.append(events)
        status = new
    return status, all_events, notified


def test_never_polled_is_pending():
    assert CheckStatus().state is H.PENDING
    assert machine_state([]) is H.PENDING
    assert machine_state([H.PENDING, H.PENDING]) is H.PENDING


def test_first_ok_is_hard_ok_and_no_alert():
    status, events, notified = run([H.OK])
    assert (status.state, status.hard_state, status.state_type) == (H.OK, H.OK, StateType.HARD)
    assert events[0][0].kind is EventKind.HARD_CHANGE
    assert notified == [False]


def test_soft_then_hard_after_three_attempts_with_retry_interval():
    status, events, notified = run([H.OK, H.CRITICAL, H.CRITICAL])
    assert (status.state, status.hard_state, status.state_type, status.attempt) == (
        H.CRITICAL,
        H.OK,
        StateType.SOFT,
        2,
    )
    assert status.next_run == status.last_run + timedelta(seconds=15)
    assert notified == [False, False, False]
    status, events, notified = run([H.OK, H.CRITICAL, H.CRITICAL, H.CRITICAL])
    assert (status.hard_state, status.state_type, status.attempt) == (H.CRITICAL, StateType.HARD, 3)
    assert status.next_run == status.last_run + timedelta(seconds=60)
    assert notified == [False, False, False, True]
    assert [e.kind for e in events[3]] == [EventKind.HARD_CHANGE]


def test_soft_recovery_is_not_an_alert():
    status, _events, notified = run([H.OK, H.WARNING, H.OK])
    assert (status.state, status.hard_state) == (H.OK, H.OK)
    assert not any(notified)


def test_hard_problem_changing_severity_is_confirmed_at_once_and_recovery_alerts():
    status, _events, notified = run([H.OK, H.WARNING, H.WARNING, H.WARNING, H.CRITICAL, H.OK])
    assert notified == [False, False, False, True, True, True]
    assert status.hard_state is H.OK


def test_max_attempts_one_is_hard_immediately():
    ctx = ApplyContext(CheckPolicy(max_attempts=1))
    status, _e, notified = run([H.OK, H.CRITICAL], ctx)
    assert status.state_type is StateType.HARD and status.hard_state is H.CRITICAL
    assert notified[-1]


def test_pending_check_with_soft_problem_keeps_hard_pending():
    status, _e, _n = run([H.CRITICAL])
    assert (status.state, status.hard_state, status.state_type) == (H.CRITICAL, H.PENDING, StateType.SOFT)


def test_parent_down_turns_problems_into_unreachable_without_alert():
    ctx = ApplyContext(CTX.policy, parent_down=True)
    status, _e, notified = run([H.OK, H.CRITICAL, H.CRITICAL, H.CRITICAL], ctx)
    assert status.hard_state is H.UNREACHABLE
    assert not any(notified)
    ok, _, _ = run([H.OK], ctx)
    assert ok.state is H.OK


def test_is_down_and_rollups():
    assert is_down([H.CRITICAL]) and is_down([H.OK, H.UNREACHABLE])
    assert not is_down([H.WARNING, H.OK]) and not is_down([])
    assert machine_state([H.OK, H.WARNING, H.PENDING]) is H.WARNING
    assert client_state([H.OK, H.CRITICAL, H.UNREACHABLE]) is H.CRITICAL


def test_maintenance_silences_alerts_but_state_still_changes():
    ctx = ApplyContext(CTX.policy, in_maintenance=True)
    status, _e, notified = run([H.OK, H.CRITICAL, H.CRITICAL, H.CRITICAL], ctx)
    assert status.hard_state is H.CRITICAL and not any(notified)


def _hard_critical() -> CheckStatus:
    return run([H.OK, H.CRITICAL, H.CRITICAL, H.CRITICAL])[0]


def test_sticky_ack_lasts_until_ok():
    status = acknowledge(_hard_critical(), Ack("anna", "disk ordered", sticky=True))
    for s in (H.WARNING, H.CRITICAL):
        new, events = apply(status, s, "", T0 + timedelta(hours=1), CTX)
        assert new.ack is not None and not should_notify(status, new, events, CTX)
        status = new
    new, events = apply(status, H.OK, "", T0 + timedelta(hours=2), CTX)
    assert new.ack is None and EventKind.ACK_CLEARED in [e.kind for e in events]


def test_non_sticky_ack_ends_at_any_state_change():
    status = acknowledge(_hard_critical(), Ack("anna", "known", sticky=False))
    same, _ = apply(status, H.CRITICAL, "", T0 + timedelta(hours=1), CTX)
    assert same.ack is not None
    changed, events = apply(same, H.WARNING, "", T0 + timedelta(hours=2), CTX)
    assert changed.ack is None and should_notify(same, changed, events, CTX)


def test_only_problems_can_be_acknowledged():
    with pytest.raises(ValueError, match="only a problem"):
        acknowledge(run([H.OK])[0], Ack("a", "b", sticky=True))


def test_flapping_starts_and_stops_and_silences_alerts():
    ctx = ApplyContext(CheckPolicy(max_attempts=1))
    flips = [H.OK, H.CRITICAL] * 8
    status, events, notified = run(flips, ctx)
    assert status.flapping
    kinds = [e.kind for evs in events for e in evs]
    assert EventKind.FLAPPING_START in kinds
    assert not notified[-1]
    status, events, _ = run([H.OK] * FLAP_WINDOW, ctx, start=status)
    assert not status.flapping
    assert EventKind.FLAPPING_STOP in [e.kind for evs in events for e in evs]


def test_flap_percent_weights_recent_changes_more():
    old_change = (H.CRITICAL,) + (H.OK,) * 20
    new_change = (H.OK,) * 20 + (H.CRITICAL,)
    assert flap_percent(new_change) > flap_percent(old_change) > 0
    assert flap_percent((H.OK,) * 21) == 0.0
    assert flap_percent((H.OK, H.CRITICAL) * 10 + (H.OK,)) == pytest.approx(100.0)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([H.OK, H.WARNING, H.CRITICAL, H.UNKNOWN]), min_size=1, max_size=60),
    st.integers(min_value=1, max_value=5),
)
def test_invariants_hold_for_any_sequence(states, attempts):
    ctx = ApplyContext(CheckPolicy(max_attempts=attempts))
    status = CheckStatus()
    run_of_same = 0
    for i, s in enumerate(states):
        new, _events = apply(status, s, "", T0 + timedelta(minutes=i), ctx)
        run_of_same = (
            run_of_same + 1
            if s is not H.OK and (i > 0 and states[i - 1] is not H.OK)
            else (1 if s is not H.OK else 0)
        )
        assert new.state is s
        assert 1 <= new.attempt <= attempts
        assert len(new.history) <= FLAP_WINDOW
        if s is H.OK:
            assert new.hard_state is H.OK and new.state_type is StateType.HARD
        if new.state_type is StateType.SOFT:
            assert new.hard_state in (H.OK, H.PENDING)
        if run_of_same >= attempts:  # enough consecutive problems are always confirmed
            assert new.state_type is StateType.HARD and new.hard_state is not H.OK
        status = new


# -- maintenance windows ------------------------------------------------------------------------
def test_one_off_window_covers_machine_or_whole_client():
    w = MaintenanceWindow(T0, T0 + timedelta(hours=2), machine_id=7)
    assert in_maintenance([w], 7, 1, T0 + timedelta(minutes=30))
    assert not in_maintenance([w], 7, 1, T0 + timedelta(hours=2))
    assert not in_maintenance([w], 8, 1, T0 + timedelta(minutes=30))
    whole = MaintenanceWindow(T0, T0 + timedelta(hours=2), client_id=1)
    assert in_maintenance([whole], 8, 1, T0) and not in_maintenance([whole], 8, 2, T0)


def test_recurring_weekly_window():
    w = weekly("sunday", time(2, 0), timedelta(hours=2), since=T0)  # T0 is a Saturday
    assert w.start == datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
    w = MaintenanceWindow(w.start, w.end, w.rrule, machine_id=3)
    assert in_maintenance([w], 3, 1, datetime(2026, 12, 13, 3, 59, tzinfo=UTC))
    assert not in_maintenance([w], 3, 1, datetime(2026, 12, 13, 4, 0, tzinfo=UTC))
    assert not in_maintenance([w], 3, 1, datetime(2026, 12, 14, 3, 0, tzinfo=UTC))
    assert not in_maintenance([w], 3, 1, datetime(2026, 11, 28, 3, 0, tzinfo=UTC))  # before it began


def test_recurring_rrule_monthly_first_monday():
    start = datetime(2026, 12, 7, 22, 0, tzinfo=UTC)
    w = MaintenanceWindow(start, start + timedelta(hours=1), "FREQ=MONTHLY;BYDAY=1MO", client_id=1)
    assert w.active_at(datetime(2027, 1, 4, 22, 30, tzinfo=UTC))
    assert not w.active_at(datetime(2027, 1, 11, 22, 30, tzinfo=UTC))


def test_bad_windows_are_refused_with_the_field():
    with pytest.raises(ValidationError, match="end: must be after"):
        validate_window(T0, T0)
    with pytest.raises(ValidationError, match="rrule"):
        validate_window(T0, T0 + timedelta(hours=1), "FREQ=SOMETIMES")
    with pytest.raises(ValidationError, match="weekday"):
        weekly("someday", time(1), timedelta(hours=1), T0)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from([H.OK, H.WARNING, H.CRITICAL, H.UNKNOWN]), min_size=1, max_size=40),
    st.booleans(),
)
def test_never_an_alert_inside_maintenance_or_behind_a_down_parent(states, in_maintenance):
    ctx = ApplyContext(
        CheckPolicy(max_attempts=2), in_maintenance=in_maintenance, parent_down=not in_maintenance
    )
    _status, _events, notified = run(states, ctx)
    assert not any(notified)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([H.OK, H.WARNING, H.CRITICAL]), min_size=1, max_size=40))
def test_alerts_are_only_confirmed_problems_or_recoveries(states):
    ctx = ApplyContext(CheckPolicy(max_attempts=2, flap_high=101.0, flap_low=100.0))  # flapping off
    status = CheckStatus()
    for i, s in enumerate(states):
        new, events = apply(status, s, "", T0 + timedelta(minutes=i), ctx)
        if should_notify(status, new, events, ctx):
            assert new.state_type is StateType.HARD
            assert new.hard_state in (H.WARNING, H.CRITICAL) or (
                new.hard_state is H.OK and status.hard_state in (H.WARNING, H.CRITICAL)
            )
        status = new
