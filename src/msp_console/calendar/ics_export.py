"""Appointments as iCalendar: an invitation per appointment (REQUEST/CANCEL) or a whole range.

The UID is stable, and every change raises SEQUENCE, so a client's mail program updates or
removes the event it already has instead of adding a copy.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vRecur, vText
from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console import __version__
from msp_console.db.base import utcnow
from msp_console.db.models import Appointment, Client, Contact, Machine
from msp_console.domain.errors import NotFoundError
from msp_console.services.database import Database
from msp_console.services.interventions.occurrences import expand_rows
from msp_console.services.interventions.settings import load_settings

PRODID = f"-//MSP Console//{__version__}//EN"
CLIENT_PROP = "X-MSP-CLIENT"
TECH_PROP = "X-MSP-TECHNICIAN"


def new_calendar(method: str | None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    return cal


def event_for(
    row: Appointment, tz: ZoneInfo, client_name: str, machine_name: str = "", now: datetime | None = None
) -> Event:
    ev = Event()
    ev.add("uid", row.uid)
    ev.add("dtstamp", now or utcnow())
    start = row.start_at.astimezone(tz)
    ev.add("dtstart", start)
    ev.add("dtend", start + timedelta(minutes=row.duration_minutes))
    ev.add("sequence", row.sequence)
    ev.add("last-modified", row.updated_at.astimezone(ZoneInfo("UTC")))
    ev.add("summary", row.title)
    description = row.notes
    if machine_name:
        description = f"{machine_name}\n{description}".strip()
    if description:
        ev.add("description", description)
    ev.add("location", "On site" if row.on_site else "Remote")
    ev.add("status", "CANCELLED" if row.state == "cancelled" else "CONFIRMED")
    ev.add(CLIENT_PROP, client_name)
    if row.technician:
        ev.add(TECH_PROP, row.technician)
    if row.rrule and row.series_id is None:
        ev.add("rrule", vRecur.from_ical(row.rrule))
    if row.recurrence_id is not None:
        ev.add("recurrence-id", row.recurrence_id.astimezone(tz))
    return ev


def _family(s: Session, row: Appointment) -> list[Appointment]:
    """A series and its edited occurrences travel together under one UID."""
    master = s.get(Appointment, row.series_id) if row.series_id else row
    assert master is not None
    rows = [master]
    if master.rrule:
        rows += list(
            s.scalars(
                select(Appointment)
                .where(Appointment.series_id == master.id)
                .order_by(Appointment.recurrence_id)
            )
        )
    return rows


def _add(cal: Calendar, s: Session, rows: list[Appointment], tz: ZoneInfo, now: datetime) -> None:
    for r in rows:
        client = s.get(Client, r.client_id)
        machine = s.get(Machine, r.machine_id) if r.machine_id else None
        cal.add_component(
            event_for(r, tz, client.name if client else "", machine.name if machine else "", now)
        )


def invitation(
    db: Database, appointment_id: int, *, organizer: str = "", now: datetime | None = None
) -> bytes:
    """The .ics to send the client: METHOD:REQUEST, or CANCEL once the appointment is cancelled.

    The client's primary contact (with an e-mail) is the attendee; `organizer` is the MSP's address.
    """
    now = now or utcnow()
    with db.read() as s:
        row = s.get(Appointment, appointment_id)
        if row is None:
            raise NotFoundError(f"appointment {appointment_id} not found")
        tz = load_settings(s).calendar().tz
        master = _family(s, row)[0]
        method = "CANCEL" if master.state == "cancelled" else "REQUEST"
        cal = new_calendar(method)
        _add(cal, s, _family(s, row), tz, now)
        attendees = [
            (c.name, c.email)
            for c in s.scalars(
                select(Contact)
                .where(Contact.client_id == master.client_id, Contact.email != "")
                .order_by(Contact.is_primary.desc(), Contact.name)
            )
        ][:1]
        for ev in cal.walk("VEVENT"):
            if organizer:
                ev.add("organizer", vCalAddress(f"mailto:{organizer}"))
            for name, email in attendees:
                who = vCalAddress(f"mailto:{email}")
                who.params["CN"] = vText(name)
                who.params["ROLE"] = vText("REQ-PARTICIPANT")
                ev.add("attendee", who)
        cal.add_missing_timezones()
        return cal.to_ical()


def export_range(db: Database, start: datetime, end: datetime, *, now: datetime | None = None) -> bytes:
    """Every appointment with an occurrence in [start, end): series go out once, with their RRULE."""
    now = now or utcnow()
    with db.read() as s:
        tz = load_settings(s).calendar().tz
        seen: list[int] = []
        for view in expand_rows(s, tz, start, end, include_cancelled=True):
            row = s.get(Appointment, view.id)
            master_id = row.series_id if row is not None and row.series_id else view.id
            if master_id not in seen:
                seen.append(master_id)
        cal = new_calendar("PUBLISH")
        for master_id in seen:
            master = s.get(Appointment, master_id)
            if master is not None:
                _add(cal, s, _family(s, master), tz, now)
        cal.add_missing_timezones()
        return cal.to_ical()


def family_ics(db: Database, appointment_id: int, *, now: datetime | None = None) -> bytes:
    """One calendar object (no METHOD) for CalDAV: the event and its edited occurrences."""
    with db.read() as s:
        row = s.get(Appointment, appointment_id)
        if row is None:
            raise NotFoundError(f"appointment {appointment_id} not found")
        tz = load_settings(s).calendar().tz
        cal = new_calendar(None)
        _add(cal, s, _family(s, row), tz, now or utcnow())
        cal.add_missing_timezones()
        return cal.to_ical()
