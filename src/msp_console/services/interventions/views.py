"""Frozen read models of interventions, calls, appointments, SLA clocks and the Today page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any


@dataclass(frozen=True, slots=True)
class SlaClockView:
    name: str  # "response" or "resolution"
    level: str  # ok / warning / breached / met / paused
    target: timedelta
    elapsed: timedelta
    remaining: timedelta
    deadline: datetime | None
    breached_at: datetime | None  # recorded once, kept after reopening


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime
    kind: str  # state / call / appointment / session / note / time / sla
    summary: str
    from_state: str = ""
    to_state: str = ""
    ref_id: int | None = None
    minutes: int = 0
    code: str = ""  # what happened, for the screen to word in its language ("" on old rows)
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class InterventionSummary:
    id: int
    client_id: int
    client_name: str
    title: str
    priority: str
    state: str
    origin: str
    opened_at: datetime
    closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class InterventionView:
    id: int
    client_id: int
    client_name: str
    machines: tuple[tuple[int, str], ...]
    title: str
    description: str
    origin: str
    check_ref: str
    priority: str
    state: str
    sla_plan: str
    opened_at: datetime
    responded_at: datetime | None
    closed_at: datetime | None
    clocks: tuple[SlaClockView, ...]
    allowed_next: tuple[str, ...]
    timeline: tuple[TimelineEntry, ...]


@dataclass(frozen=True, slots=True)
class CallResult:
    call_id: int
    task_id: int | None  # retry / call-back / follow-up task created
    state: str | None  # the intervention's state afterwards
    needs_appointment: bool  # follow-up said "still broken"


@dataclass(frozen=True, slots=True)
class CallTaskView:
    id: int
    kind: str  # retry / call_back / follow_up
    client_id: int
    client_name: str
    intervention_id: int | None
    due_at: datetime
    phone: str
    note: str


@dataclass(frozen=True, slots=True)
class AppointmentView:
    id: int  # the row: the series for an unmodified occurrence, the exception row otherwise
    uid: str
    client_id: int
    client_name: str
    machine_id: int | None
    machine_name: str
    intervention_id: int | None
    title: str
    notes: str
    on_site: bool
    technician: str
    start: datetime
    end: datetime
    state: str
    recurring: bool
    occurrence: datetime | None  # original start of this occurrence of a series, None if single


@dataclass(frozen=True, slots=True)
class Conflict:
    technician: str
    appointment_id: int
    title: str
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class SaveResult:
    id: int
    conflicts: tuple[Conflict, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProblemToCall:
    client_id: int
    client_name: str
    machine_name: str
    summary: str
    since: datetime
    intervention_id: int | None
    phone: str
    # a monitoring problem, for the screen to word: WARNING/CRITICAL, the check, its output
    state: str = ""
    check_name: str = ""
    output: str = ""


@dataclass(frozen=True, slots=True)
class SlaAlert:
    intervention_id: int
    client_name: str
    title: str
    clock: SlaClockView


@dataclass(frozen=True, slots=True)
class TodayView:
    day: str  # ISO date in the business time zone
    problems_to_call: tuple[ProblemToCall, ...]
    appointments: tuple[AppointmentView, ...]
    calls_due: tuple[CallTaskView, ...]
    sla_alerts: tuple[SlaAlert, ...]


@dataclass(frozen=True, slots=True)
class Reminder:
    key: str
    kind: str  # appointment / follow_up / retry / call_back
    title: str
    fire_at: datetime
    event_at: datetime
    missed: bool  # its time passed while the console was closed
    # what the title says, for the screen to word in its language (`title` is the English line)
    client: str = ""
    subject: str = ""  # the appointment's title, or the call task's note
    on_site: bool = False
