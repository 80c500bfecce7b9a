"""Time spent in each monitoring state over a month, from state changes: the service report's
uptime and backup-OK days. Time with no known state is reported as unknown, never guessed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

DOWN = frozenset({"CRITICAL", "UNREACHABLE", "DOWN"})
UNKNOWN = ""


def state_durations(
    initial: str | None, changes: Sequence[tuple[datetime, str]], start: datetime, end: datetime
) -> dict[str, timedelta]:
    """`initial` is the state at `start` (None: unknown); `changes` are (when, new state), sorted."""
    totals: dict[str, timedelta] = {}
    state, cursor = initial or UNKNOWN, start
    for at, new_state in changes:
        if at <= start:
            state = new_state
            continue
        if at >= end:
            break
        totals[state] = totals.get(state, timedelta()) + (at - cursor)
        state, cursor = new_state, at
    totals[state] = totals.get(state, timedelta()) + (end - cursor)
    return {k: v for k, v in totals.items() if v > timedelta()}


def uptime_ratio(durations: dict[str, timedelta]) -> float | None:
    """Share of the known time not spent down; None when no time at all is known."""
    known = sum((v for k, v in durations.items() if k != UNKNOWN), timedelta())
    if known <= timedelta():
        return None
    down = sum((v for k, v in durations.items() if k in DOWN), timedelta())
    return 1 - down / known


def ok_days(
    initial: str | None, changes: Sequence[tuple[datetime, str]], days: Sequence[tuple[datetime, datetime]]
) -> tuple[int, int]:
    """(days entirely OK, days with a known state all day long) — e.g. for a backup check."""
    good = known = 0
    state = initial
    ordered = list(changes)
    for day_start, day_end in days:
        before = [s for at, s in ordered if at <= day_start]
        current = before[-1] if before else state
        durations = state_durations(
            current, [c for c in ordered if day_start < c[0] < day_end], day_start, day_end
        )
        if UNKNOWN in durations:
            continue
        known += 1
        if set(durations) == {"OK"}:
            good += 1
    return good, known
