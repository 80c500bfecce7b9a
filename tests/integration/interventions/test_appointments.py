"""The calendar: conflicts before saving, recurring series and their exceptions, bad input, reminders."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from msp_console.domain.errors import ValidationError
from msp_console.services.interventions import AppointmentConflict, AppointmentDraft, ReminderJob
from tests.integration.interventions.conftest import World

ROME = ZoneInfo("Europe/Rome")
NOW = datetime(2026, 11, 23, 8, tzinfo=ROME)


def rome(d: int, h: int, mi: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, d, h, mi, tzinfo=ROME)


def draft(w: World, start: datetime, minutes: int = 60, **kw: object) -> AppointmentDraft:
    return AppointmentDraft(
        w.client_id,
        start,
        kw.pop("title", "Check-up"),
        minutes,  # type: ignore[arg-type]
        technician=kw.pop("technician", "Luca"),
        **kw,
    )  # type: ignore[arg-type]


def test_a_technician_conflict_is_reported_before_saving_and_force_books_it(world: World) -> None:
    appts = world.sched.appointments
    first = appts.add(draft(world, rome(24, 14), 60, title="Disk cleanup"), now=NOW)
    clash = draft(world, rome(24, 14, 30), 60, title="Printer")
    found = appts.conflicts(clash)
    assert [(c.appointment_id, c.title, c.start) for c in found] == [(first.id, "Disk cleanup", rome(24, 14))]
    with pytest.raises(AppointmentConflict, match="Luca busy with"):
        appts.add(clash, now=NOW)
    assert len(appts.day(date(2026, 11, 24))) == 1  # nothing written
    assert appts.conflicts(draft(world, rome(24, 15), 30)) == []  # back to back is fine
    assert appts.conflicts(draft(world, rome(24, 14, 30), technician="Anna")) == []
    forced = appts.add(clash, force=True, now=NOW)
    assert len(forced.conflicts) == 1 and len(appts.day(date(2026, 11, 24))) == 2


def test_overlapping_recurring_rules_conflict(world: World) -> None:
    appts = world.sched.appointments
    appts.add(
        draft(world, rome(2, 9), 120, title="Weekly backup test", rrule="FREQ=WEEKLY;BYDAY=MO"), now=NOW
    )
    # monthly on the first Monday at 10:00 overlaps the weekly Monday 9-11 slot
    monthly = draft(
        world, rome(7, 10, month=12), 60, title="Monthly check-up", rrule="FREQ=MONTHLY;BYDAY=1MO"
    )
    found = world.sched.appointments.conflicts(monthly)
    assert found and all(c.title == "Weekly backup test" for c in found)
    assert found[0].start == rome(7, 9, month=12)
    with pytest.raises(AppointmentConflict):
        appts.add(monthly, now=NOW)
    # on Tuesdays there is no clash
    assert appts.conflicts(draft(world, rome(8, 10, month=12), 60, rrule="FREQ=MONTHLY;BYDAY=2TU")) == []


def test_a_series_expands_and_one_occurrence_can_be_moved_or_cancelled(world: World) -> None:
    appts = world.sched.appointments
    sid = appts.add(
        draft(world, rome(23, 10), 60, title="Daily standup", rrule="FREQ=DAILY;COUNT=5"), now=NOW
    ).id
    week = appts.week(date(2026, 11, 23))
    assert [v.start.day for v in week] == [23, 24, 25, 26, 27]
    assert all(v.recurring and v.id == sid for v in week)
    appts.move(sid, rome(25, 16), occurrence=rome(25, 10), now=NOW)
    appts.cancel(sid, occurrence=rome(26, 10), now=NOW)
    week = appts.week(date(2026, 11, 23))
    assert [(v.start.day, v.start.hour) for v in week] == [(23, 10), (24, 10), (25, 16), (27, 10)]
    moved = next(v for v in week if v.start.day == 25)
    assert moved.id != sid and moved.occurrence == rome(25, 10) and moved.uid == week[0].uid
    # moving the whole series shifts every occurrence, the edited one keeps its own time shift
    appts.move(sid, rome(23, 11), now=NOW)
    week = appts.week(date(2026, 11, 23))
    assert [(v.start.day, v.start.hour) for v in week] == [(23, 11), (24, 11), (25, 17), (27, 11)]
    with pytest.raises(ValidationError, match="occurrence: the series has no occurrence"):
        appts.cancel(sid, occurrence=rome(24, 13))


def test_bad_input_is_refused_and_the_past_only_warns(world: World) -> None:
    appts = world.sched.appointments
    with pytest.raises(ValidationError, match="end: the appointment ends before it starts"):
        appts.add(AppointmentDraft(world.client_id, rome(24, 14), "x", end=rome(24, 13)), now=NOW)
    with pytest.raises(ValidationError, match="duration"):
        appts.add(draft(world, rome(24, 14), 0), now=NOW)
    with pytest.raises(ValidationError, match="rrule: "):
        appts.add(draft(world, rome(24, 14), rrule="FREQ=OFTEN"), now=NOW)
    with pytest.raises(ValidationError, match="machine"):
        appts.add(draft(world, rome(24, 14), machine_id=99999), now=NOW)
    assert appts.week(date(2026, 11, 23)) == []
    past = appts.add(draft(world, rome(20, 10)), now=NOW)
    assert past.warnings == ("the appointment is in the past",)
    holiday = appts.add(draft(world, rome(8, 10, month=12), technician=""), now=NOW)
    assert holiday.warnings and "public holiday" in holiday.warnings[0]
    evening = appts.add(draft(world, rome(24, 20), technician=""), now=NOW)
    assert evening.warnings == ("the appointment is outside business hours",)


def test_reminders_fire_before_appointments_snooze_and_come_back_when_missed(world: World) -> None:
    appts, rem = world.sched.appointments, world.sched.reminders
    aid = appts.add(draft(world, rome(24, 14), title="Disk cleanup"), now=NOW).id
    appts.add(draft(world, rome(24, 16), title="Backup test", technician="Anna"), now=NOW)
    assert rem.collect(rome(24, 13)) == []  # first run: nothing old is replayed
    fired = rem.collect(rome(24, 13, 46))
    assert [(r.kind, r.fire_at, r.missed) for r in fired] == [("appointment", rome(24, 13, 45), False)]
    assert rem.collect(rome(24, 13, 47)) == []  # shown once
    rem.snooze(fired[0].key, rome(24, 13, 55))
    assert [r.key for r in rem.collect(rome(24, 13, 56))] == [fired[0].key]
    # the console is closed from 14:00 to 17:00: the 15:45 reminder comes back, marked missed
    rem.collect(rome(24, 14))
    job_seen: list[str] = []
    job = ReminderJob(world.app.db, lambda r: job_seen.append(r.title), clock=lambda: rome(24, 17))
    missed = job.start()
    job.stop()
    assert [(r.missed, r.event_at) for r in missed] == [(True, rome(24, 16))]
    assert job_seen == [missed[0].title] and "Backup test" in job_seen[0]
    assert aid


def test_follow_up_tasks_remind_and_the_today_view_lists_them(world: World) -> None:
    ivs = world.sched.interventions
    iid = ivs.open(world.client_id, "Antivirus signatures old", now=rome(23, 9))
    ivs.transition(iid, "in_progress", now=rome(23, 9, 30))
    ivs.transition(iid, "awaiting_check", now=rome(23, 10))
    world.sched.reminders.collect(rome(24, 9))
    fired = world.sched.reminders.collect(rome(24, 10, 1))
    assert [(r.kind, r.fire_at) for r in fired] == [("follow_up", rome(24, 10))]
    today = world.sched.today(rome(24, 8))
    assert [c.intervention_id for c in today.calls_due] == [iid]
    assert today.day == "2026-11-24"


def test_the_reminder_job_runs_on_apscheduler_and_calls_the_notifier(sqlite_world: World) -> None:
    w = sqlite_world
    lead = timedelta(minutes=w.sched.interventions.settings().reminder_minutes)
    start = datetime.now(ROME).replace(microsecond=0) + lead + timedelta(seconds=2)
    w.sched.appointments.add(draft(w, start, title="Call Giulia back", technician=""))
    fired = threading.Event()
    seen: list[str] = []

    def notify(reminder: object) -> None:
        seen.append(getattr(reminder, "title", ""))
        fired.set()

    job = ReminderJob(w.app.db, notify, interval_seconds=1)
    try:
        assert job.start() == []  # nothing missed
        assert fired.wait(15), "the scheduler never delivered the reminder"
    finally:
        job.stop()
    assert len(seen) == 1 and "Call Giulia back" in seen[0]
