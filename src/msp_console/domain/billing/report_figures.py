"""The service report's figures from a check's recorded hard states — pure, so each rule is tested
on a hand-made history.

Rules (the same as the Problems tab: hard states only):
- time in maintenance is counted apart and excluded from availability;
- time with no known state (before the first result, PENDING) is excluded too — never guessed;
- CRITICAL and UNREACHABLE are "down"; OK and WARNING are "up"; UNKNOWN is not known;
- a problem is *caught* when the check's hard state moves from a non-problem to WARNING,
  CRITICAL, UNKNOWN or UNREACHABLE inside the covered span and outside maintenance; moves between
  problem states continue the same problem, and so does a relapse less than ``SAME_PROBLEM``
  after a recovery (a flapping check is one problem, not hundreds); it is *solved* when the hard
  state is OK again before the end of the span.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from dateutil.rrule import rrulestr

from msp_console.domain.maintenance import MaintenanceWindow

PROBLEM_STATES = frozenset({"WARNING", "CRITICAL", "UNKNOWN", "UNREACHABLE"})
DOWN_STATES = frozenset({"CRITICAL", "UNREACHABLE"})
UP_STATES = frozenset({"OK", "WARNING"})
SAME_PROBLEM = timedelta(minutes=30)

Interval = tuple[datetime, datetime]


@dataclass(frozen=True, slots=True)
class CheckHistory:
    """One check's hard states: ``initial`` at ``start`` ("" unknown), then the changes after it."""

    check_id: int
    machine_id: int
    name: str
    kind: str
    created_at: datetime
    initial: str
    changes: tuple[tuple[datetime, str], ...]

    def state_at(self, at: datetime) -> str:
        """The hard state in force just before ``at`` ("" when none is known)."""
        state = self.initial
        for when, new in self.changes:
            if when >= at:
                break
            state = new
        return state


@dataclass(frozen=True, slots=True)
class Measure:
    up_s: float = 0.0
    down_s: float = 0.0
    unknown_s: float = 0.0
    maintenance_s: float = 0.0

    @property
    def known_s(self) -> float:
        return self.up_s + self.down_s

    @property
    def availability(self) -> float | None:
        return self.up_s / self.known_s if self.known_s > 0 else None

    def __add__(self, other: Measure) -> Measure:
        return Measure(
            self.up_s + other.up_s,
            self.down_s + other.down_s,
            self.unknown_s + other.unknown_s,
            self.maintenance_s + other.maintenance_s,
        )


@dataclass(frozen=True, slots=True)
class Episode:
    """One problem caught: when it started, its worst state, when it ended (None: still open)."""

    check_id: int
    started: datetime
    worst: str
    ended: datetime | None


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for a, b in sorted(i for i in intervals if i[1] > i[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _overlap(a: datetime, b: datetime, cuts: Sequence[Interval]) -> float:
    total = 0.0
    for c, d in cuts:
        lo, hi = max(a, c), min(b, d)
        if hi > lo:
            total += (hi - lo).total_seconds()
    return total


def _inside(at: datetime, cuts: Sequence[Interval]) -> bool:
    return any(c <= at < d for c, d in cuts)


def window_intervals(window: MaintenanceWindow, start: datetime, end: datetime) -> list[Interval]:
    """Every occurrence of a (possibly recurring) window that touches [start, end), clipped."""
    length = window.end - window.start
    if not window.rrule:
        spans = [(window.start, window.end)]
    else:
        rule = rrulestr(window.rrule, dtstart=window.start.astimezone(UTC))
        spans = [(o, o + length) for o in rule.between(start - length, end, inc=True)]
    return [(max(a, start), min(b, end)) for a, b in spans if b > start and a < end]


def segments(history: CheckHistory, start: datetime, end: datetime) -> list[tuple[datetime, datetime, str]]:
    """(from, to, hard state) pieces covering [start, end)."""
    out = []
    state, cursor = history.state_at(start), start
    for when, new in history.changes:
        if when <= start:
            state = new  # a change at the very start is in force from it
            continue
        if when >= end:
            break
        out.append((cursor, when, state))
        state, cursor = new, when
    if end > cursor:
        out.append((cursor, end, state))
    return out


def measure(
    history: CheckHistory, start: datetime, end: datetime, maintenance: Sequence[Interval]
) -> Measure:
    """Seconds up, down, unknown and in maintenance over [start, end) (start: the machine's
    addition or the period's start, whichever is later)."""
    up = down = unknown = maint = 0.0
    cuts = merge(maintenance)
    for a, b, state in segments(history, start, end):
        in_maint = _overlap(a, b, cuts)
        rest = (b - a).total_seconds() - in_maint
        maint += in_maint
        if state in DOWN_STATES:
            down += rest
        elif state in UP_STATES:
            up += rest
        else:
            unknown += rest
    return Measure(up, down, unknown, maint)


def episodes(
    history: CheckHistory, start: datetime, end: datetime, maintenance: Sequence[Interval]
) -> list[Episode]:
    """Problems caught in [start, end): see the module's rules."""
    cuts = merge(maintenance)
    out: list[Episode] = []
    state = history.initial
    open_at: datetime | None = None
    worst = ""
    for when, new in history.changes:
        if when >= end:
            break
        was_problem, is_problem = state in PROBLEM_STATES, new in PROBLEM_STATES
        if when >= start and is_problem and not was_problem and not _inside(when, cuts):
            last = out[-1] if out else None
            if last is not None and last.ended is not None and when - last.ended < SAME_PROBLEM:
                out.pop()  # back again soon after recovering: the same problem goes on
                open_at, worst = last.started, _worse(last.worst, new)
            else:
                open_at, worst = when, new
        elif open_at is not None and is_problem:
            worst = _worse(worst, new)
        elif open_at is not None and not is_problem:
            if when == open_at:  # over the instant it began (two records at one time): not a problem
                pass
            elif new == "OK":
                out.append(Episode(history.check_id, open_at, worst, when))
            else:  # PENDING again (check reset): the problem's end is not known
                out.append(Episode(history.check_id, open_at, worst, None))
            open_at = None
        state = new
    if open_at is not None:
        out.append(Episode(history.check_id, open_at, worst, None))
    return out


_SEVERITY = {"WARNING": 1, "UNKNOWN": 2, "UNREACHABLE": 3, "CRITICAL": 4}


def _worse(a: str, b: str) -> str:
    return a if _SEVERITY.get(a, 0) >= _SEVERITY.get(b, 0) else b


def backup_day_states(days: Sequence[tuple[datetime, datetime]], checks: Sequence[CheckHistory]) -> list[str]:
    """Per day: "ok", "failed" or "none" (no backup check existed yet) — see domain.backup_kinds."""
    out = []
    for _start, end in days:
        existing = [c for c in checks if c.created_at < end]
        if not existing:
            out.append("none")
        elif all(c.state_at(end) == "OK" for c in existing):
            out.append("ok")
        else:
            out.append("failed")
    return out


def per_week(starts: Iterable[datetime], weeks: Sequence[Interval]) -> list[int]:
    counts = [0] * len(weeks)
    for at in starts:
        for i, (a, b) in enumerate(weeks):
            if a <= at < b:
                counts[i] += 1
                break
    return counts


def minutes(seconds: float) -> int:
    """Whole minutes, rounded half up (a 30-second outage shows as 1 minute, not 0)."""
    return int(timedelta(seconds=seconds + 30) // timedelta(minutes=1))
