"""Reading .ics files into appointments: every broken line is reported with its number, and a
file with any error imports nothing.

Invitations from Outlook/Exchange, Google Calendar and Thunderbird are read as they are: folded
lines, Windows zone names, EXDATE (a cancelled occurrence), RECURRENCE-ID (one occurrence moved
or cancelled), METHOD:CANCEL, and SEQUENCE so an older copy never overwrites a newer one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.calendar.ics_export import CLIENT_PROP, TECH_PROP
from msp_console.calendar.ics_lines import check
from msp_console.calendar.ics_series import Drift, check_rule, drift
from msp_console.db.base import utcnow
from msp_console.db.models import Appointment, Client
from msp_console.domain.errors import FieldError, ValidationError
from msp_console.services.database import Database
from msp_console.services.interventions.settings import load_settings

DEFAULT_MINUTES = 60
UTC = ZoneInfo("UTC")
UNSUPPORTED = {
    "RDATE": "extra dates (RDATE) cannot be kept by a repeating appointment",
    "EXRULE": "exclusion rules (EXRULE) are obsolete and not supported; use EXDATE",
}


@dataclass(frozen=True)
class ParsedEvent:
    line: int
    uid: str
    start: datetime
    end: datetime
    title: str
    notes: str
    cancelled: bool
    rrule: str
    recurrence_id: datetime | None
    sequence: int
    last_modified: datetime | None
    client_name: str
    technician: str
    on_site: bool
    exdates: tuple[datetime, ...] = ()
    drift: Drift = field(default_factory=lambda: Drift({}, False))
    alarms: int = 0


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int = 0
    kept_newer: int = 0
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "kept_newer": self.kept_newer,
            "notes": list(self.notes),
        }


def _aware(value: date | datetime, tz: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    return datetime.combine(value, time(9, 0), tz)  # an all-day entry lands at opening time


def _dates(ev: Event, name: str, tz: ZoneInfo) -> tuple[datetime, ...]:
    """All values of a multi-valued date property (one line with commas, or several lines)."""
    value = ev.get(name)
    if value is None:
        return ()
    lists = value if isinstance(value, list) else [value]
    return tuple(_aware(d.dt, tz).astimezone(UTC) for dl in lists for d in dl.dts)


def parse_ics(data: bytes, tz: ZoneInfo) -> list[ParsedEvent]:
    """All events of the file, or a ValidationError listing every problem with its line."""
    checked = check(data)
    if checked.errors:
        raise ValidationError(checked.errors)
    try:
        cal = Calendar.from_ical(checked.text)
    except ValueError as exc:
        raise ValidationError.single("file", f"cannot read the calendar: {exc}") from None
    errors: list[FieldError] = []
    out: list[ParsedEvent] = []
    cancel_all = checked.method == "CANCEL"
    for line, props, ev in zip(checked.events, checked.props, cal.walk("VEVENT"), strict=False):
        parsed = _event(ev, line, props, tz, cancel_all, errors)
        if parsed is not None:
            out.append(parsed)
    if errors:
        raise ValidationError(errors)
    return out


def _event(
    ev: Event, line: int, props: dict[str, int], tz: ZoneInfo, cancel_all: bool, errors: list[FieldError]
) -> ParsedEvent | None:
    before = len(errors)
    for prop, problem in getattr(ev, "errors", []):
        name = str(prop or "VEVENT").upper()
        errors.append(FieldError(name, problem, props.get(name, line)))
    for name, why in UNSUPPORTED.items():
        if ev.get(name) is not None:
            errors.append(FieldError(name, why, props.get(name, line)))
    if ev.get("dtstart") is None:
        errors.append(FieldError("DTSTART", "the event has no start (DTSTART is missing)", line))
        return None
    rid_line = props.get("RECURRENCE-ID", line)
    if ev.get("recurrence-id") is not None and str(ev["recurrence-id"].params.get("RANGE", "")).upper():
        errors.append(FieldError("RECURRENCE-ID", "RANGE=THISANDFUTURE is not supported", rid_line))
    try:
        start = _aware(ev.decoded("dtstart"), tz)
        if ev.get("dtend") is not None:
            end = _aware(ev.decoded("dtend"), tz)
        elif ev.get("duration") is not None:
            end = start + ev.decoded("duration")
        else:
            end = start + timedelta(minutes=DEFAULT_MINUTES)
        rid = _aware(ev.decoded("recurrence-id"), tz) if ev.get("recurrence-id") is not None else None
        modified = _aware(ev.decoded("last-modified"), UTC) if ev.get("last-modified") is not None else None
        exdates = _dates(ev, "exdate", tz)
    except (ValueError, TypeError, AttributeError) as exc:
        errors.append(FieldError("VEVENT", f"unreadable date: {exc}", line))
        return None
    if end <= start:
        errors.append(FieldError("DTEND", "the event ends before it starts", props.get("DTEND", line)))
    rule = ev.get("rrule")
    if isinstance(rule, list):
        errors.append(FieldError("RRULE", "more than one RRULE: give one rule per event", props["RRULE"]))
        rule = None
    text = rule.to_ical().decode() if rule is not None else ""
    if text:
        errors.extend(check_rule(text, start, tz, props.get("RRULE", line)))
    if len(errors) > before:
        return None
    return ParsedEvent(
        line=line,
        uid=str(ev.get("uid") or f"{uuid.uuid4()}@msp-console-import"),
        start=start,
        end=end,
        title=str(ev.get("summary") or "(no title)"),
        notes=str(ev.get("description") or ""),
        cancelled=cancel_all or str(ev.get("status") or "").upper() == "CANCELLED",
        rrule=text,
        recurrence_id=rid,
        sequence=int(ev.get("sequence") or 0),
        last_modified=modified,
        client_name=str(ev.get(CLIENT_PROP) or ""),
        technician=str(ev.get(TECH_PROP) or ""),
        on_site=str(ev.get("location") or "").strip().lower() in ("on site", "on-site", "presso il cliente"),
        exdates=exdates if text else (),
        drift=drift(start, text, tz) if text and rid is None else Drift({}, False),
        alarms=len(ev.walk("VALARM")),
    )


def resolve_clients(s: Session, events: list[ParsedEvent], default_client_id: int | None) -> dict[str, int]:
    """uid → client id; every event needs a client (from X-MSP-CLIENT, the appointment already
    imported with that UID, or the default)."""
    errors: list[FieldError] = []
    out: dict[str, int] = {}
    for ev in events:
        cid = s.scalar(select(Appointment.client_id).where(Appointment.uid == ev.uid).limit(1))
        if cid is not None and not ev.client_name:
            out.setdefault(ev.uid, cid)
            continue
        if ev.client_name:
            cid = s.scalar(select(Client.id).where(func.lower(Client.name) == ev.client_name.lower()))
            if cid is None and default_client_id is None:
                errors.append(FieldError(CLIENT_PROP, f"no client named {ev.client_name!r}", ev.line))
        cid = cid or default_client_id
        if cid is None and not ev.client_name:
            errors.append(
                FieldError(CLIENT_PROP, "the event names no client: choose one to import into", ev.line)
            )
        if cid is not None:
            out.setdefault(ev.uid, cid)
    if errors:
        raise ValidationError(errors)
    return out


def import_ics(
    db: Database, data: bytes, *, default_client_id: int | None = None, now: datetime | None = None
) -> ImportReport:
    from msp_console.calendar.ics_apply import upsert

    now = now or utcnow()
    with db.transaction() as s:
        settings = load_settings(s)
        events = parse_ics(data, settings.calendar().tz)
        clients = resolve_clients(s, events, default_client_id)
        result = upsert(s, events, clients, now)
        notes = list(result.notes)
        alarms = sum(e.alarms for e in events)
        if alarms:
            notes.append(
                f"{alarms} reminder(s) (VALARM) not kept: every appointment is reminded "
                f"{settings.reminder_minutes} minutes before (Settings)"
            )
        return ImportReport(result.created, result.updated, result.unchanged, result.kept_newer, tuple(notes))
