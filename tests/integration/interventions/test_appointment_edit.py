"""Editing an existing appointment: any field, one occurrence or the whole series, conflicts, SEQUENCE."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from msp_console.domain.errors import ValidationError
from msp_console.services.interventions import AppointmentChanges, AppointmentConflict, AppointmentDraft
from tests.integration.interventions.conftest import World

ROME = ZoneInfo("Europe/Rome")
NOW = datetime(2026, 11, 23, 8, tzinfo=ROME)


def rome(d: int, h: int, mi: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, d, h, mi, tzinfo=ROME)


def book(w: World, start: datetime, title: str, technician: str = "Luca", rrule: str = "") -> int:
    draft = AppointmentDraft(w.client_id, start, title, 60, technician=technician, rrule=rrule)
    return w.sched.appointments.add(draft, now=NOW).id


def test_editing_a_single_appointment_changes_its_fields_and_raises_sequence(world: World) -> None:
    appts = world.sched.appointments
    iv = world.sched.interventions.open(world.client_id, "Backup fails", now=NOW)
    aid = world.sched.appointments.add(
        AppointmentDraft(world.client_id, rome(24, 10), "Check", 60, technician="Luca", intervention_id=iv),
        now=NOW,
    ).id
    before = appts.get(aid).sequence
    result = appts.update(
        aid,
        AppointmentChanges(
            title="Replace backup disk",
            technician="Anna",
            on_site=True,
            notes="bring a 4 TB disk",
            duration_minutes=90,
            machine_id=world.nas_id,
        ),
        now=NOW,
    )
    assert result.id == aid and result.conflicts == ()
    (v,) = appts.day(date(2026, 11, 24))
    assert (v.title, v.technician, v.on_site, v.notes, v.machine_name) == (
        "Replace backup disk",
        "Anna",
        True,
        "bring a 4 TB disk",
        "nas-01",
    )
    assert v.start == rome(24, 10) and v.end == rome(24, 11, 30)
    assert appts.get(aid).sequence > before
    timeline = [e.summary for e in world.sched.timeline(iv)]
    assert any("appointment changed" in t and "Replace backup disk" in t for t in timeline)


def test_bad_edits_are_refused_and_nothing_is_written(world: World) -> None:
    appts = world.sched.appointments
    aid = book(world, rome(24, 10), "Check")
    with pytest.raises(ValidationError, match="title"):
        appts.update(aid, AppointmentChanges(title="  "), now=NOW)
    with pytest.raises(ValidationError, match="positive"):
        appts.update(aid, AppointmentChanges(duration_minutes=0), now=NOW)
    appts.update(aid, AppointmentChanges(machine_id=world.server_id), now=NOW)
    other = world.app.inventory.save_client({"name": "Altro Srl"})
    with pytest.raises(ValidationError, match="not one of"):  # srv-01 is not Altro's machine
        appts.update(aid, AppointmentChanges(client_id=other), now=NOW)
    (v,) = appts.day(date(2026, 11, 24))
    assert v.title == "Check" and v.client_id == world.client_id
    with pytest.raises(ValidationError, match="does not repeat"):
        appts.update(aid, AppointmentChanges(title="x"), occurrence=rome(24, 10), now=NOW)
    late = appts.update(aid, AppointmentChanges(title="Old check"), now=rome(25, 9))
    assert "the appointment is in the past" in late.warnings


def test_one_occurrence_or_the_whole_weekly_series(world: World) -> None:
    appts = world.sched.appointments
    sid = book(world, rome(2, 9), "Weekly backup test", rrule="FREQ=WEEKLY;BYDAY=MO")
    series_seq = appts.get(sid).sequence
    with pytest.raises(ValidationError, match="repeats"):
        appts.update(sid, AppointmentChanges(title="x"), now=NOW)  # which one?
    one = appts.update(
        sid,
        AppointmentChanges(title="Backup test + restore", technician="Anna", start=rome(30, 14)),
        occurrence=rome(30, 9),
        scope="one",
        now=NOW,
    )
    assert one.id != sid  # the exception row
    week = {v.start: v for v in appts.between(rome(23, 0), rome(8, 0, month=12))}
    assert week[rome(30, 14)].title == "Backup test + restore" and week[rome(30, 14)].technician == "Anna"
    assert week[rome(7, 9, month=12)].title == "Weekly backup test"
    assert rome(30, 9) not in week
    assert appts.get(sid).sequence > series_seq

    # the whole series: every occurrence renamed, on site and moved one hour; the edited one keeps
    # its own title and technician but follows the shared on-site change and the shift
    appts.update(
        sid,
        AppointmentChanges(title="Backup check", on_site=True, start=rome(7, 10, month=12)),
        occurrence=rome(7, 9, month=12),
        scope="series",
        now=NOW,
    )
    views = appts.between(rome(23, 0), rome(15, 0, month=12))
    starts = [(v.start, v.title, v.technician, v.on_site) for v in views]
    assert (rome(7, 10, month=12), "Backup check", "Luca", True) in starts
    assert (rome(14, 10, month=12), "Backup check", "Luca", True) in starts
    assert (rome(30, 15), "Backup test + restore", "Anna", True) in starts
    assert (rome(23, 10), "Backup check", "Luca", True) in starts
    assert len(views) == 4
    with pytest.raises(ValidationError, match="whole series"):
        appts.update(sid, AppointmentChanges(rrule="FREQ=DAILY"), occurrence=rome(14, 10, month=12))


def test_a_conflict_is_refused_then_forced(world: World) -> None:
    appts = world.sched.appointments
    book(world, rome(24, 10), "Server update", technician="Anna")
    aid = book(world, rome(24, 10, 30), "Printer", technician="Luca")
    with pytest.raises(AppointmentConflict, match="Anna busy with"):
        appts.update(aid, AppointmentChanges(technician="Anna"), now=NOW)
    assert appts.get(aid).technician == "Luca"
    forced = appts.update(aid, AppointmentChanges(technician="Anna"), force=True, now=NOW)
    assert [c.title for c in forced.conflicts] == ["Server update"]
    assert appts.get(aid).technician == "Anna"


def test_ics_invitation_carries_the_new_sequence(world: World) -> None:
    from icalendar import Calendar

    from msp_console.calendar.ics_export import invitation

    aid = book(world, rome(24, 10), "Check")
    first = Calendar.from_ical(invitation(world.app.db, aid)).walk("VEVENT")[0]
    world.sched.appointments.update(aid, AppointmentChanges(title="Check and patch"), now=NOW)
    second = Calendar.from_ical(invitation(world.app.db, aid)).walk("VEVENT")[0]
    assert second["uid"] == first["uid"] and str(second["summary"]) == "Check and patch"
    assert int(second["sequence"]) > int(first["sequence"])


def test_linking_an_intervention_by_editing_schedules_it(world: World) -> None:
    appts = world.sched.appointments
    aid = book(world, rome(24, 10), "Check")
    iv = world.sched.interventions.open(world.client_id, "Slow network", now=NOW)
    appts.update(aid, AppointmentChanges(intervention_id=iv), now=NOW)
    shown = world.sched.interventions.show(iv)
    assert shown.state == "scheduled"
    assert any(e.kind == "appointment" and "Check" in e.summary for e in shown.timeline)
    appts.update(aid, AppointmentChanges(intervention_id=None), now=NOW)  # unlinked again
    assert appts.get(aid).intervention_id is None
    assert "appointment unlinked: Check" in [e.summary for e in world.sched.timeline(iv)]
