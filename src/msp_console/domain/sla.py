"""SLA clocks: response and resolution targets per priority, counted in business time.

The response clock never pauses; the resolution clock pauses while the intervention waits
for the client (and while it is closed, so a reopened ticket resumes where it stopped).
A clock reaching 75 % of its target warns; reaching 100 % is a breach.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from msp_console.domain.business_calendar import BusinessCalendar
from msp_console.domain.errors import FieldError, ValidationError
from msp_console.domain.intervention_state import Priority

WARNING_FRACTION = 0.75


@dataclass(frozen=True, slots=True)
class SlaTarget:
    response: timedelta
    resolution: timedelta


@dataclass(frozen=True, slots=True)
class SlaPlanSpec:
    name: str
    targets: Mapping[Priority, SlaTarget]

    def target(self, priority: Priority) -> SlaTarget:
        return self.targets[priority]


def _h(hours: float) -> timedelta:
    return timedelta(hours=hours)


DEFAULT_PLAN = SlaPlanSpec(
    name="standard",
    targets={
        Priority.P1: SlaTarget(_h(1), _h(8)),
        Priority.P2: SlaTarget(_h(4), _h(18)),
        Priority.P3: SlaTarget(_h(8), _h(45)),
        Priority.P4: SlaTarget(_h(18), _h(90)),
    },
)


def validate_plan(name: str, targets: Mapping[Priority, SlaTarget]) -> SlaPlanSpec:
    errors: list[FieldError] = []
    if not name.strip():
        errors.append(FieldError("name", "an SLA plan needs a name"))
    for p in Priority:
        t = targets.get(p)
        if t is None:
            errors.append(FieldError(p.value, "missing targets"))
            continue
        if t.response <= timedelta(0) or t.resolution <= timedelta(0):
            errors.append(FieldError(p.value, "targets must be positive"))
        elif t.resolution < t.response:
            errors.append(FieldError(p.value, "resolution target is shorter than the response target"))
    if errors:
        raise ValidationError(errors)
    return SlaPlanSpec(name.strip(), dict(targets))


class ClockLevel(StrEnum):
    OK = "ok"
    WARNING = "warning"
    BREACHED = "breached"
    MET = "met"  # stopped before its deadline
    PAUSED = "paused"


@dataclass(frozen=True, slots=True)
class ClockStatus:
    target: timedelta
    elapsed: timedelta
    deadline: datetime | None  # None while paused: it moves when the clock resumes
    stopped_at: datetime | None
    paused: bool

    @property
    def remaining(self) -> timedelta:
        return self.target - self.elapsed

    @property
    def fraction(self) -> float:
        return self.elapsed / self.target if self.target else 1.0

    @property
    def breached(self) -> bool:
        return (
            self.elapsed >= self.target
            and self.target > timedelta(0)
            and (self.stopped_at is None or self.elapsed > self.target)
        )

    @property
    def level(self) -> ClockLevel:
        if self.breached:
            return ClockLevel.BREACHED
        if self.stopped_at is not None:
            return ClockLevel.MET
        if self.paused:
            return ClockLevel.PAUSED
        if self.fraction >= WARNING_FRACTION:
            return ClockLevel.WARNING
        return ClockLevel.OK


Interval = tuple[datetime, datetime | None]


def response_clock(
    cal: BusinessCalendar,
    opened_at: datetime,
    target: timedelta,
    responded_at: datetime | None,
    now: datetime,
) -> ClockStatus:
    """Runs from opening to the first contact; never pauses."""
    until = min(responded_at, now) if responded_at else now
    elapsed = cal.business_time(opened_at, until)
    return ClockStatus(
        target=target,
        elapsed=elapsed,
        deadline=cal.add_business_time(opened_at, target),
        stopped_at=responded_at if responded_at and responded_at <= now else None,
        paused=False,
    )


def resolution_clock(
    cal: BusinessCalendar,
    opened_at: datetime,
    target: timedelta,
    pauses: Iterable[Interval],
    resolved_at: datetime | None,
    now: datetime,
) -> ClockStatus:
    """Runs from opening to resolution, minus the business time spent in pauses.

    `pauses` are [start, end) intervals; an open-ended one (end None) means paused now.
    """
    until = min(resolved_at, now) if resolved_at else now
    paused_time = timedelta(0)
    paused_now = False
    for start, end in pauses:
        if start >= until:
            continue
        stop = until if end is None else min(end, until)
        paused_time += cal.business_time(start, stop)
        if end is None or end > until:
            paused_now = resolved_at is None
    elapsed = cal.business_time(opened_at, until) - paused_time
    deadline = None if paused_now else cal.add_business_time(opened_at, target + paused_time)
    return ClockStatus(
        target=target,
        elapsed=elapsed,
        deadline=deadline,
        stopped_at=resolved_at if resolved_at and resolved_at <= now else None,
        paused=paused_now,
    )
