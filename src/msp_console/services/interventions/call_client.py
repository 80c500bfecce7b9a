"""Call client about a machine: who to call, the machine's own intervention, the next free slot,
and the call + agreed appointment written as one unit of work (the technician's loop, case 3).

The intervention offered is always the one open *for that machine* (or a new one made from its
problem), never another machine's of the same client.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.base import utcnow
from msp_console.db.models import (
    Appointment,
    CallTask,
    Client,
    Contact,
    Intervention,
    InterventionMachine,
    Machine,
)
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.domain.free_slot import next_free_slot
from msp_console.services.database import Database
from msp_console.services.interventions.appointments import AppointmentDraft, Appointments
from msp_console.services.interventions.calls import Calls, Outcome
from msp_console.services.interventions.interventions import ACTIVE, Interventions
from msp_console.services.interventions.occurrences import expand_rows
from msp_console.services.interventions.settings import load_settings

SLOT_HORIZON = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class Callee:
    contact_id: int | None  # None: the client's main number
    name: str
    role: str
    phone: str


@dataclass(frozen=True, slots=True)
class OpenIntervention:
    id: int
    title: str
    state: str
    planned_appointment_id: int | None  # its next planned appointment, if any


@dataclass(frozen=True, slots=True)
class MachineCall:
    """What the Call client dialog shows, read in one go off the GUI thread."""

    client_id: int
    client_name: str
    machine_id: int
    machine_name: str
    callees: tuple[Callee, ...]  # the primary contact first, the main number last
    intervention: OpenIntervention | None
    appointment_minutes: int

    @property
    def awaiting_check(self) -> bool:
        """The work is done: this call is the follow-up (solved / not solved)."""
        return self.intervention is not None and self.intervention.state in ("awaiting_check", "in_progress")


@dataclass(frozen=True)
class CallPlan:
    """The dialog's answer. ``start`` set = a time was agreed: an appointment is booked too."""

    client_id: int
    machine_id: int
    outcome: Outcome | str
    contact_id: int | None = None
    note: str = ""
    intervention_id: int | None = None
    new_title: str = ""  # no intervention open for the machine: one is opened with this title
    new_description: str = ""
    check_ref: str = ""
    priority: str = "P3"
    start: datetime | None = None
    minutes: int = 60
    technician: str = ""
    title: str = ""


@dataclass(frozen=True, slots=True)
class CallRecorded:
    call_id: int
    intervention_id: int | None
    appointment_id: int | None
    state: str | None


def machine_call(db: Database, machine_id: int) -> MachineCall:
    """The client, its contacts (with a number) and the machine's own open intervention."""
    with db.read() as s:
        machine = s.get(Machine, machine_id)
        if machine is None:
            raise NotFoundError(f"machine {machine_id} not found")
        client = s.get(Client, machine.client_id)
        assert client is not None
        contacts = sorted(
            s.scalars(select(Contact).where(Contact.client_id == client.id)),
            key=lambda c: (not c.is_primary, c.name.casefold()),
        )
        callees = [Callee(c.id, c.name, c.role, c.phone or c.mobile) for c in contacts]
        callees.append(Callee(None, client.name, "", client.phone))
        iv = open_for_machine(s, machine_id)
        return MachineCall(
            client.id,
            client.name,
            machine.id,
            machine.name,
            tuple(callees),
            iv,
            load_settings(s).appointment_minutes,
        )


def open_for_machine(s: Session, machine_id: int) -> OpenIntervention | None:
    """The most recently opened active intervention naming this machine, with its next planned
    appointment (what Start and the follow-up act on)."""
    iv = s.scalar(
        select(Intervention)
        .join(InterventionMachine, InterventionMachine.intervention_id == Intervention.id)
        .where(InterventionMachine.machine_id == machine_id, Intervention.state.in_(ACTIVE))
        .order_by(Intervention.opened_at.desc(), Intervention.id.desc())
        .limit(1)
    )
    if iv is None:
        return None
    planned = s.scalar(
        select(Appointment.id)
        .where(Appointment.intervention_id == iv.id, Appointment.state == "planned")
        .order_by(Appointment.start_at)
        .limit(1)
    )
    return OpenIntervention(iv.id, iv.title, iv.state, planned)


def free_slot(
    db: Database, technician: str, minutes: int | None = None, after: datetime | None = None
) -> tuple[datetime, int]:
    """(start, minutes): the technician's next free slot in business hours from ``after`` (now)."""
    after = after or utcnow()
    with db.read() as s:
        settings = load_settings(s)
        cal = settings.calendar()
        length = minutes or settings.appointment_minutes
        busy = [
            (v.start, v.end)
            for v in expand_rows(
                s, cal.tz, after, after + SLOT_HORIZON, technician=technician.strip() or None
            )
            if v.state != "cancelled"
        ]
    try:
        start = next_free_slot(cal, busy, after, length, horizon_days=SLOT_HORIZON.days)
    except ValueError as exc:
        raise ValidationError.single("start", str(exc)) from None
    return start, length


class _OneUnit(Database):
    """Hands one open session to every use case: what they write commits or rolls back together."""

    def __init__(self, session: Session, db: Database):  # shares the engine, opens no session
        self.url, self.engine, self._session = db.url, db.engine, session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        yield self._session
        self._session.flush()

    @contextmanager
    def read(self) -> Iterator[Session]:
        yield self._session


def record_call(db: Database, plan: CallPlan, *, now: datetime | None = None) -> CallRecorded:
    """The call, the intervention it is about (opened from the problem when the machine has none)
    and, when a time was agreed, the appointment: all written, or nothing."""
    now = now or utcnow()
    if plan.start is not None and not plan.title.strip():
        raise ValidationError.single("title", "an appointment needs a title", "appointment.no_title")
    with db.transaction() as s:
        unit = _OneUnit(s, db)
        iid = plan.intervention_id
        if iid is None and plan.new_title.strip():
            iid = Interventions(unit).open(
                plan.client_id,
                plan.new_title,
                machine_ids=[plan.machine_id],
                description=plan.new_description,
                origin="monitoring" if plan.check_ref else "client_call",
                check_ref=plan.check_ref,
                priority=plan.priority,
                now=now,
            )
        elif iid is not None:
            linked = s.scalar(
                select(InterventionMachine.machine_id).where(
                    InterventionMachine.intervention_id == iid,
                    InterventionMachine.machine_id == plan.machine_id,
                )
            )
            if linked is None:
                raise ValidationError.single("intervention", "the intervention is about another machine")
        result = Calls(unit).log(
            plan.client_id,
            plan.outcome,
            intervention_id=iid,
            contact_id=plan.contact_id,
            note=plan.note,
            now=now,
        )
        appointment_id = None
        if plan.start is not None:
            draft = AppointmentDraft(
                plan.client_id,
                plan.start,
                plan.title,
                plan.minutes,
                machine_id=plan.machine_id,
                intervention_id=iid,
                technician=plan.technician,
                notes=plan.note,
            )
            appointment_id = Appointments(unit).add(draft, now=now).id
        state = s.get(Intervention, iid).state if iid is not None else None  # type: ignore[union-attr]
        return CallRecorded(result.call_id, iid, appointment_id, state)


def work_done(db: Database, appointment_id: int, *, now: datetime | None = None) -> datetime | None:
    """The appointment's work is done: marked so, and the follow-up call booked by itself. Returns
    when the follow-up is due (None when the appointment has no intervention)."""
    Appointments(db).complete(appointment_id, now=now)
    with db.read() as s:
        row = s.get(Appointment, appointment_id)
        if row is None or row.intervention_id is None:
            return None
        return s.scalar(
            select(CallTask.due_at)
            .where(
                CallTask.intervention_id == row.intervention_id,
                CallTask.kind == "follow_up",
                CallTask.done_at.is_(None),
            )
            .order_by(CallTask.due_at.desc())
            .limit(1)
        )


__all__ = [
    "CallPlan",
    "CallRecorded",
    "Callee",
    "MachineCall",
    "OpenIntervention",
    "free_slot",
    "machine_call",
    "open_for_machine",
    "record_call",
    "work_done",
]
