"""Call client about a machine: its own intervention, the next free slot, call + appointment as one."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from msp_console.db.models import Appointment, CallLog, CallTask
from msp_console.domain.errors import ValidationError
from msp_console.services.interventions import AppointmentDraft
from msp_console.services.interventions.call_client import (
    CallPlan,
    free_slot,
    machine_call,
    record_call,
    work_done,
)
from tests.integration.interventions.conftest import World

ROME = ZoneInfo("Europe/Rome")


def rome(d: int, h: int, mi: int = 0) -> datetime:
    return datetime(2026, 11, d, h, mi, tzinfo=ROME)  # 23 November 2026 is a Monday


def count(world: World, model: type) -> int:
    with world.app.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def disk_full_booked_for(w: World, start: datetime) -> CallPlan:
    """Luca reaches the client about a full disk and books the clean-up at ``start``."""
    return CallPlan(
        w.client_id,
        w.server_id,
        "reached",
        new_title="Disk full",
        start=start,
        technician="Luca",
        title="Clean up",
    )


def test_the_machine_s_own_intervention_is_offered_never_another_machine_s(sqlite_world: World) -> None:
    w = sqlite_world
    ivs = w.sched.interventions
    nas_iv = ivs.open(w.client_id, "NAS backup late", machine_ids=[w.nas_id], now=rome(23, 8))
    ctx = machine_call(w.app.db, w.server_id)
    assert ctx.intervention is None  # the NAS's intervention is not srv-01's
    assert ctx.machine_name == "srv-01" and ctx.client_name == "Hotel Bellavista"
    assert ctx.callees[0].name == "Giulia Rossi" and ctx.callees[0].phone == "+39 031 123456"
    assert ctx.callees[-1].contact_id is None  # the main number comes last
    assert ctx.appointment_minutes == 60
    srv_iv = ivs.open(w.client_id, "Disk full", machine_ids=[w.server_id], now=rome(23, 9))
    ctx = machine_call(w.app.db, w.server_id)
    assert ctx.intervention is not None and ctx.intervention.id == srv_iv != nas_iv
    with pytest.raises(ValidationError):  # another machine's intervention is refused
        record_call(w.app.db, CallPlan(w.client_id, w.server_id, "reached", intervention_id=nas_iv))


def test_agreed_time_writes_the_call_the_new_intervention_and_the_appointment_together(
    world: World,
) -> None:
    w = world
    w.sched.appointments.add(
        AppointmentDraft(w.client_id, rome(24, 9), "Other work", 120, technician="Luca"), now=rome(23, 8)
    )
    start, minutes = free_slot(w.app.db, "Luca", after=rome(23, 17, 40))
    assert (start, minutes) == (rome(24, 11), 60)  # Tuesday 09–11 is taken
    done = record_call(
        w.app.db,
        CallPlan(
            w.client_id,
            w.server_id,
            "reached",
            contact_id=w.contact_id,
            note="ok tomorrow at 11",
            new_title="srv-01: disk C: 91%",
            check_ref="check:7",
            priority="P2",
            start=start,
            minutes=minutes,
            technician="Luca",
            title="Clean up disk C:",
        ),
        now=rome(23, 17, 45),
    )
    assert done.state == "scheduled" and done.appointment_id is not None
    view = w.sched.interventions.show(done.intervention_id or 0)
    assert view.machines == ((w.server_id, "srv-01"),) and view.check_ref == "check:7"
    assert machine_call(w.app.db, w.server_id).intervention.planned_appointment_id == done.appointment_id  # type: ignore[union-attr]
    # the slot is now taken: the next one follows it
    assert free_slot(w.app.db, "Luca", after=rome(23, 17, 50))[0] == rome(24, 12)


def test_a_refused_appointment_leaves_nothing_written(world: World) -> None:
    w = world
    w.sched.appointments.add(
        AppointmentDraft(w.client_id, rome(24, 9), "Other work", 120, technician="Luca"), now=rome(23, 8)
    )
    before = (count(w, CallLog), count(w, Appointment))
    with pytest.raises(ValidationError):  # overlaps the technician's other work
        record_call(
            w.app.db,
            disk_full_booked_for(w, rome(24, 10)),
            now=rome(23, 17),
        )
    assert (count(w, CallLog), count(w, Appointment)) == before
    assert w.sched.interventions.list() == []  # the new intervention was rolled back too


def test_work_done_books_the_follow_up_and_its_outcome_closes_or_reschedules(sqlite_world: World) -> None:
    w = sqlite_world
    w.sched.interventions.update_settings(follow_up_time="11:30")
    first = record_call(
        w.app.db,
        disk_full_booked_for(w, rome(24, 14)),
        now=rome(23, 10),
    )
    assert first.appointment_id is not None and first.intervention_id is not None
    due = work_done(w.app.db, first.appointment_id, now=rome(24, 15))
    assert due == rome(25, 11, 30)  # the next business day at the configured hour
    ctx = machine_call(w.app.db, w.server_id)
    assert ctx.awaiting_check
    # not solved: reopened and a new appointment in one action
    again = record_call(
        w.app.db,
        CallPlan(
            w.client_id,
            w.server_id,
            "still_broken",
            intervention_id=first.intervention_id,
            start=rome(26, 9),
            technician="Luca",
            title="Clean up again",
        ),
        now=rome(25, 11, 30),
    )
    assert again.state == "scheduled"
    with w.app.db.read() as s:
        assert s.scalar(select(CallTask.done_at).where(CallTask.kind == "follow_up")) is not None
    assert again.appointment_id is not None
    work_done(w.app.db, again.appointment_id, now=rome(26, 10))
    closed = record_call(
        w.app.db,
        CallPlan(w.client_id, w.server_id, "all_ok", intervention_id=first.intervention_id),
        now=rome(27, 11, 30),
    )
    assert closed.state == "closed" and closed.appointment_id is None
    assert machine_call(w.app.db, w.server_id).intervention is None


def test_the_appointment_length_setting_is_checked(sqlite_world: World) -> None:
    w = sqlite_world
    with pytest.raises(ValidationError):
        w.sched.interventions.update_settings(appointment_minutes=0)
    w.sched.interventions.update_settings(appointment_minutes=90)
    assert free_slot(w.app.db, "Luca", after=rome(23, 9))[1] == 90
