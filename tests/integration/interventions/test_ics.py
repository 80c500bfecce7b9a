"""iCalendar: invitations with a stable UID and rising SEQUENCE, range export, strict import."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from msp_console.calendar.ics_export import export_range, invitation
from msp_console.calendar.ics_import import import_ics
from msp_console.db.models import Appointment
from msp_console.domain.errors import ValidationError
from msp_console.services.interventions import AppointmentDraft
from tests.integration.interventions.conftest import World

ROME = ZoneInfo("Europe/Rome")
NOW = datetime(2026, 11, 23, 8, tzinfo=ROME)


def rome(d: int, h: int, mi: int = 0) -> datetime:
    return datetime(2026, 11, d, h, mi, tzinfo=ROME)


def only_event(data: bytes) -> tuple[Calendar, object]:
    cal = Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == 1
    return cal, events[0]


def test_invitation_update_and_cancellation_share_the_uid_with_rising_sequence(sqlite_world: World) -> None:
    w = sqlite_world
    appts = w.sched.appointments
    aid = appts.add(
        AppointmentDraft(
            w.client_id,
            rome(24, 14),
            "Disk cleanup",
            60,
            machine_id=w.server_id,
            technician="Luca",
            notes="bring coffee",
        ),
        now=NOW,
    ).id
    cal, ev = only_event(invitation(w.app.db, aid, organizer="tech@msp.example", now=NOW))
    assert cal["method"] == "REQUEST"
    assert str(ev["organizer"]) == "mailto:tech@msp.example"
    assert str(ev["attendee"]) == "mailto:giulia.rossi@bellavista.example"
    assert ev["attendee"].params["CN"] == "Giulia Rossi"
    assert ev.decoded("dtstart") == rome(24, 14) and ev.decoded("dtend") == rome(24, 15)
    assert str(ev["dtstart"].params["TZID"]) == "Europe/Rome"
    assert cal.walk("VTIMEZONE"), "the zone travels with the invitation"
    assert str(ev["summary"]) == "Disk cleanup" and "srv-01" in str(ev["description"])
    uid, seq = str(ev["uid"]), int(ev["sequence"])
    appts.move(aid, rome(24, 16), now=NOW)
    _, moved = only_event(invitation(w.app.db, aid, now=NOW))
    assert str(moved["uid"]) == uid and int(moved["sequence"]) == seq + 1
    assert moved.decoded("dtstart") == rome(24, 16)
    appts.cancel(aid, now=NOW)
    cal, cancelled = only_event(invitation(w.app.db, aid, now=NOW))
    assert cal["method"] == "CANCEL" and str(cancelled["status"]) == "CANCELLED"
    assert str(cancelled["uid"]) == uid and int(cancelled["sequence"]) == seq + 2


def test_range_export_reads_back_and_round_trips_through_import(world: World) -> None:
    appts = world.sched.appointments
    appts.add(AppointmentDraft(world.client_id, rome(24, 9), "Backup test", 30, technician="Anna"), now=NOW)
    sid = appts.add(
        AppointmentDraft(world.client_id, rome(23, 17), "Daily log review", 15, rrule="FREQ=DAILY;COUNT=5"),
        now=NOW,
    ).id
    appts.move(sid, rome(25, 18), occurrence=rome(25, 17), now=NOW)
    appts.add(AppointmentDraft(world.client_id, rome(30, 9), "Next week", 30), now=NOW)
    data = export_range(world.app.db, rome(23, 0), rome(28, 0), now=NOW)
    cal = Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == [
        "Backup test",
        "Daily log review",
        "Daily log review",
    ]
    master = next(e for e in events if e.get("rrule"))
    assert master["rrule"].to_ical() == b"FREQ=DAILY;COUNT=5"
    override = next(e for e in events if e.get("recurrence-id"))
    assert override.decoded("recurrence-id") == rome(25, 17) and override.decoded("dtstart") == rome(25, 18)
    # importing the same file again matches by UID: nothing created, nothing changed
    report = import_ics(world.app.db, data, now=NOW)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    week = appts.week(date(2026, 11, 23))
    assert len(week) == 6 and next(v.start for v in week if v.start.day == 25) == rome(25, 18)


GOOD = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VEVENT\r
UID:phone-1@example\r
DTSTART;TZID=Europe/Rome:20261126T110000\r
DURATION:PT45M\r
SUMMARY:Call from the phone\r
X-MSP-CLIENT:Hotel Bellavista\r
END:VEVENT\r
"""


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # a good event first, then a broken line: the good one is not imported either
        (
            GOOD + "BEGIN:VEVENT\r\nUID:2\r\nDTSTART:20261127T100000Z\r\nSUMMARY Call back\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n",
            "line 14: line: broken line 'SUMMARY Call back'",
        ),
        (
            GOOD.replace("DTSTART;TZID=Europe/Rome:20261126T110000\r\n", "") + "END:VCALENDAR\r\n",
            "line 4: DTSTART: the event has no start",
        ),
        (GOOD, "line 1: BEGIN: BEGIN:VCALENDAR is never closed"),
        ("hello\r\n", "line 1: file: not an iCalendar file"),
        (
            GOOD.replace("DURATION:PT45M", "DTEND;TZID=Europe/Rome:20261126T100000") + "END:VCALENDAR\r\n",
            "line 7: DTEND: the event ends before it starts",
        ),
    ],
)
def test_a_broken_file_imports_nothing_and_says_which_line(
    sqlite_world: World, body: str, message: str
) -> None:
    w = sqlite_world
    with pytest.raises(ValidationError) as err:
        import_ics(w.app.db, body.encode(), now=NOW)
    assert message in str(err.value)
    with w.app.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Appointment)) == 0


def test_an_event_needs_a_known_client(sqlite_world: World) -> None:
    w = sqlite_world
    text = GOOD.replace("Hotel Bellavista", "Nobody S.r.l.") + "END:VCALENDAR\r\n"
    with pytest.raises(ValidationError, match=r"line 4: X-MSP-CLIENT: no client named 'Nobody S\.r\.l\.'"):
        import_ics(w.app.db, text.encode(), now=NOW)
    report = import_ics(w.app.db, text.encode(), default_client_id=w.client_id, now=NOW)
    assert report.created == 1
    [view] = w.sched.appointments.day(date(2026, 11, 26))
    assert (view.title, view.start, view.end - view.start) == (
        "Call from the phone",
        rome(26, 11),
        timedelta(minutes=45),
    )
