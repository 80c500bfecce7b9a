"""The monitoring state machine (Icinga-style), pure: no clock, no database, no network.

One observation of a check goes in (``apply``), the new status and what changed come out.
Soft → hard after ``max_attempts`` non-OK results in a row (retried at the shorter retry
interval meanwhile); flapping by percent of state changes over the last 20 results;
acknowledgements; maintenance and parent dependencies arrive through ``ApplyContext``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from msp_console.domain.health import HealthState, worst

FLAP_WINDOW = 21  # 21 results hold the last 20 state changes (or non-changes)
PROBLEMS = frozenset(
    {HealthState.WARNING, HealthState.CRITICAL, HealthState.UNKNOWN, HealthState.UNREACHABLE}
)
_DOWN = frozenset({HealthState.CRITICAL, HealthState.UNREACHABLE})
# Problems that raise an alert. UNREACHABLE does not: the parent's own CRITICAL is the one alert
# for everything behind it.
ALERTING = frozenset({HealthState.WARNING, HealthState.CRITICAL, HealthState.UNKNOWN})


class StateType(StrEnum):
    SOFT = "soft"
    HARD = "hard"


class EventKind(StrEnum):
    SOFT_CHANGE = "soft_change"  # observed state changed, not yet confirmed
    HARD_CHANGE = "hard_change"  # confirmed change: what notifications are about
    FLAPPING_START = "flapping_start"
    FLAPPING_STOP = "flapping_stop"
    ACK_CLEARED = "ack_cleared"


@dataclass(frozen=True, slots=True)
class CheckPolicy:
    max_attempts: int = 3
    interval_s: float = 60.0
    retry_interval_s: float = 20.0
    flap_low: float = 20.0  # percent: flapping stops below this
    flap_high: float = 30.0  # percent: flapping starts above this


@dataclass(frozen=True, slots=True)
class Ack:
    author: str
    comment: str
    sticky: bool  # sticky: until OK; not sticky: until any state change


@dataclass(frozen=True, slots=True)
class CheckStatus:
    state: HealthState = HealthState.PENDING
    hard_state: HealthState = HealthState.PENDING
    state_type: StateType = StateType.HARD
    attempt: int = 0
    output: str = ""
    last_run: datetime | None = None
    next_run: datetime | None = None
    last_change: datetime | None = None
    last_hard_change: datetime | None = None
    history: tuple[HealthState, ...] = ()  # newest last, at most FLAP_WINDOW
    flapping: bool = False
    ack: Ack | None = None


@dataclass(frozen=True, slots=True)
class ApplyContext:
    policy: CheckPolicy = CheckPolicy()
    in_maintenance: bool = False
    parent_down: bool = False  # the machine's parent is hard-down: problems become UNREACHABLE


@dataclass(frozen=True, slots=True)
class StateEvent:
    kind: EventKind
    at: datetime
    state: HealthState
    hard_state: HealthState
    state_type: StateType
    attempt: int
    output: str
    previous_state: HealthState
    previous_hard_state: HealthState


def observed_state(raw: HealthState, ctx: ApplyContext) -> HealthState:
    """Behind a parent that is down a failing check is UNREACHABLE, not a CRITICAL of its own."""
    if ctx.parent_down and raw in PROBLEMS:
        return HealthState.UNREACHABLE
    return raw


def flap_percent(history: tuple[HealthState, ...]) -> float:
    """Percent of state changes over the last 20 transitions, oldest weighted 0.8, newest 1.2.

    A short history counts its missing (older) transitions as "no change", so a new check is
    not called flapping for its first change.
    """
    slots = FLAP_WINDOW - 1
    changes = [a != b for a, b in itertools.pairwise(history)][-slots:]
    offset = slots - len(changes)
    weights = [0.8 + 0.4 * i / (slots - 1) for i in range(slots)]
    total = sum(w for w, changed in zip(weights[offset:], changes, strict=True) if changed)
    return 100.0 * total / sum(weights)


def apply(
    previous: CheckStatus, state: HealthState, output: str, now: datetime, ctx: ApplyContext = ApplyContext()
) -> tuple[CheckStatus, list[StateEvent]]:
    """Folds one observation into the status; returns the new status and its events."""
    policy = ctx.policy
    seen = observed_state(state, ctx)
    prev_state, prev_hard = previous.state, previous.hard_state
    if seen is HealthState.OK:
        state_type, attempt, hard = StateType.HARD, 1, HealthState.OK
    elif previous.state_type is StateType.HARD and prev_hard in PROBLEMS:
        # Already a confirmed problem: a different problem state is confirmed at once.
        state_type, attempt, hard = StateType.HARD, max(previous.attempt, policy.max_attempts), seen
    else:
        attempt = previous.attempt + 1 if previous.state_type is StateType.SOFT else 1
        if attempt >= policy.max_attempts:
            state_type, attempt, hard = StateType.HARD, policy.max_attempts, seen
        else:
            # Not confirmed yet: the hard state stays what it was (PENDING on a never-polled check).
            state_type, hard = StateType.SOFT, prev_hard
    history = (*previous.history, seen)[-FLAP_WINDOW:]
    percent = flap_percent(history)
    flapping = percent > policy.flap_high if not previous.flapping else percent >= policy.flap_low
    changed, hard_changed = seen != prev_state, hard != prev_hard
    interval = policy.retry_interval_s if state_type is StateType.SOFT else policy.interval_s
    status = CheckStatus(
        state=seen,
        hard_state=hard,
        state_type=state_type,
        attempt=attempt,
        output=output,
        last_run=now,
        next_run=now + timedelta(seconds=interval),
        last_change=now if changed else previous.last_change,
        last_hard_change=now if hard_changed else previous.last_hard_change,
        history=history,
        flapping=flapping,
        ack=_keep_ack(previous.ack, seen, hard, changed or hard_changed),
    )

    def event(kind: EventKind) -> StateEvent:
        return StateEvent(kind, now, seen, hard, state_type, attempt, output, prev_state, prev_hard)

    events: list[StateEvent] = []
    if hard_changed:
        events.append(event(EventKind.HARD_CHANGE))
    elif changed:
        events.append(event(EventKind.SOFT_CHANGE))
    if flapping != previous.flapping:
        events.append(event(EventKind.FLAPPING_START if flapping else EventKind.FLAPPING_STOP))
    if previous.ack is not None and status.ack is None:
        events.append(event(EventKind.ACK_CLEARED))
    return status, events


def _keep_ack(ack: Ack | None, seen: HealthState, hard: HealthState, changed: bool) -> Ack | None:
    if ack is None or seen is HealthState.OK or hard is HealthState.OK:
        return None
    if not ack.sticky and changed:
        return None
    return ack


def acknowledge(status: CheckStatus, ack: Ack) -> CheckStatus:
    """Only a problem can be acknowledged; acknowledging OK or PENDING changes nothing."""
    if status.state not in PROBLEMS:
        raise ValueError(f"only a problem can be acknowledged (the check is {status.state.value})")
    return replace(status, ack=ack)


def should_notify(
    previous: CheckStatus, current: CheckStatus, events: list[StateEvent], ctx: ApplyContext
) -> bool:
    """Alert only on a confirmed WARNING, CRITICAL or UNKNOWN or a recovery from one; never inside
    maintenance, while acknowledged, or while flapping (a flapping check would page every few
    minutes). Which of them reach the technician's desktop is their choice (Settings →
    Notifications: by default WARNING, CRITICAL and recoveries)."""
    if ctx.in_maintenance or current.ack is not None or current.flapping:
        return False
    if not any(e.kind is EventKind.HARD_CHANGE for e in events):
        return False
    if current.hard_state in ALERTING:
        return True
    return current.hard_state is HealthState.OK and previous.hard_state in ALERTING


def is_down(host_hard_states: list[HealthState]) -> bool:
    """A machine is down when one of its host checks (ping, else tcp) is hard CRITICAL/UNREACHABLE."""
    return any(s in _DOWN for s in host_hard_states)


def machine_state(check_states: list[HealthState]) -> HealthState:
    """Worst of its checks; PENDING when it has none or none has run yet."""
    return worst(check_states)


def client_state(machine_states: list[HealthState]) -> HealthState:
    return worst(machine_states)
