"""Interventions, call log, appointment calendar, SLA clocks, reminders (no Qt).

The history probe (a client with interventions, calls or appointments is archived, never
deleted) lives with the models, so it is active whenever the tables are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from msp_console.services.database import Database
from msp_console.services.interventions.appointment_edit import KEEP, AppointmentChanges
from msp_console.services.interventions.appointments import (
    AppointmentConflict,
    AppointmentDraft,
    Appointments,
)
from msp_console.services.interventions.calls import Calls, Direction, Outcome
from msp_console.services.interventions.interventions import Interventions
from msp_console.services.interventions.plans import SlaPlans
from msp_console.services.interventions.reminders import ReminderJob, Reminders
from msp_console.services.interventions.today import today
from msp_console.services.interventions.views import AppointmentView, TimelineEntry, TodayView


@dataclass
class Scheduling:
    """All the use cases of this feature on one database (what the GUI holds on to)."""

    db: Database

    def __post_init__(self) -> None:
        self.interventions = Interventions(self.db)
        self.calls = Calls(self.db)
        self.appointments = Appointments(self.db)
        self.reminders = Reminders(self.db)
        self.sla_plans = SlaPlans(self.db)

    def today(self, now: datetime | None = None) -> TodayView:
        return today(self.db, now)

    def week(self, start: date) -> list[AppointmentView]:
        return self.appointments.week(start)

    def timeline(self, intervention_id: int) -> list[TimelineEntry]:
        return self.interventions.timeline(intervention_id)


__all__ = [
    "KEEP",
    "AppointmentChanges",
    "AppointmentConflict",
    "AppointmentDraft",
    "Appointments",
    "Calls",
    "Direction",
    "Interventions",
    "Outcome",
    "ReminderJob",
    "Reminders",
    "Scheduling",
    "SlaPlans",
    "today",
]
