"""Reading .ics files into appointments: every broken line is reported with its number, and a
file with any error imports nothing.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.calendar.ics_export import CLIENT_PROP, TECH_PROP
from msp_console.db.base import utcnow
from msp_console.db.models import Appointment, Client
from msp_console.domain.errors import FieldError, ValidationError
from msp_console.services.database import Database
from msp_console.services.interventions.settings import load_settings

_PARAM = r';[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*'
CONTENT_LINE = re.compile(rf"^[A-Za-z0-9-]+(?:{_PARAM})*:")
DEFAULT_MINUTES = 60


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


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated}


def check_lines(text: str) -> tuple[list[FieldError], list[int]]:
    """Syntax of every content line, and BEGIN/END nesting; returns the VEVENT start lines."""
    errors: list[FieldError] = []
    events: list[int] = []
    stack: list[tuple[str, int]] = []
    logical: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t") and logical:
            logical[-1] = (logical[-1][0], logical[-1][1] + raw[1:])
        elif raw.strip():
            logical.append((number, raw))
    if not logical or logical[0][1].strip().upper() != "BEGIN:VCALENDAR":
        return [FieldError("file", "not an iCalendar file (it must start with BEGIN:VCALENDAR)", 1)], []
    for number, line in logical:
        if not CONTENT_LINE.match(line):
            errors.append(FieldError("line", f"broken line {line[:60]!r} (expected NAME:value)", number))
            continue
        name, _, value = line.partition(":")
        key = name.split(";")[0].upper()
        if key == "BEGIN":
            stack.append((value.strip().upper(), number))
            if value.strip().upper() == "VEVENT":
                events.append(number)
        elif key == "END":
            if not stack or stack[-1][0] != value.strip().upper():
                errors.append(
                    FieldError(
                        "END",
                        f"END:{value.strip()} does not close "
                        f"{'BEGIN:' + stack[-1][0] if stack else 'anything'}",
                        number,
                    )
                )
            else:
                stack.pop()
    for what, number in stack:
        errors.append(FieldError("BEGIN", f"BEGIN:{what} is never closed", number))
    return errors, events


def _aware(value: date | datetime, tz: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    return datetime.combine(value, time(9, 0), tz)  # an all-day entry lands at opening time


def parse_ics(data: bytes, tz: ZoneInfo) -> list[ParsedEvent]:
    """All events of the file, or a ValidationError listing every problem with its line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError.single("file", f"not UTF-8 text (byte {exc.start})") from None
    errors, starts = check_lines(text)
    if errors:
        raise ValidationError(errors)
    try:
        cal = Calendar.from_ical(text)
    except ValueError as exc:
        raise ValidationError.single("file", f"cannot read the calendar: {exc}") from None
    out: list[ParsedEvent] = []
    for line, ev in zip(starts, cal.walk("VEVENT"), strict=False):
        for _, problem in getattr(ev, "errors", []):
            errors.append(FieldError("VEVENT", problem, line))
        if ev.get("dtstart") is None:
            errors.append(FieldError("DTSTART", "the event has no start (DTSTART is missing)", line))
            continue
        try:
            start = _aware(ev.decoded("dtstart"), tz)
            if ev.get("dtend") is not None:
                end = _aware(ev.decoded("dtend"), tz)
            elif ev.get("duration") is not None:
                end = start + ev.decoded("duration")
            else:
                end = start + timedelta(minutes=DEFAULT_MINUTES)
            rid = _aware(ev.decoded("recurrence-id"), tz) if ev.get("recurrence-id") is not None else None
            modified = ev.decoded("last-modified") if ev.get("last-modified") is not None else None
        except (ValueError, TypeError) as exc:
            errors.append(FieldError("VEVENT", f"unreadable date: {exc}", line))
            continue
        if end <= start:
            errors.append(FieldError("DTEND", "the event ends before it starts", line))
            continue
        rrule = ev.get("rrule")
        out.append(
            ParsedEvent(
                line=line,
                uid=str(ev.get("uid") or f"{uuid.uuid4()}@msp-console-import"),
                start=start,
                end=end,
                title=str(ev.get("summary") or "(no title)"),
                notes=str(ev.get("description") or ""),
                cancelled=str(ev.get("status") or "").upper() == "CANCELLED",
                rrule=rrule.to_ical().decode() if rrule is not None else "",
                recurrence_id=rid,
                sequence=int(ev.get("sequence") or 0),
                last_modified=modified,
                client_name=str(ev.get(CLIENT_PROP) or ""),
                technician=str(ev.get(TECH_PROP) or ""),
                on_site=str(ev.get("location") or "").strip().lower()
                in ("on site", "on-site", "presso il cliente"),
            )
        )
    if errors:
        raise ValidationError(errors)
    return out


def resolve_clients(s: Session, events: list[ParsedEvent], default_client_id: int | None) -> dict[str, int]:
    """uid → client id; every event needs a client (from X-MSP-CLIENT or the default)."""
    errors: list[FieldError] = []
    out: dict[str, int] = {}
    for ev in events:
        cid = None
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


def upsert(s: Session, events: list[ParsedEvent], clients: dict[str, int], now: datetime) -> tuple[int, int]:
    """Creates or updates appointments by UID (series first, then their edited occurrences)."""
    created = updated = 0
    for ev in sorted(events, key=lambda e: e.recurrence_id is not None):
        master = s.scalar(
            select(Appointment).where(Appointment.uid == ev.uid, Appointment.series_id.is_(None))
        )
        if ev.recurrence_id is None:
            row = master
        elif master is None:
            continue  # an edited occurrence without its series: nothing to attach it to
        else:
            row = s.scalar(
                select(Appointment).where(
                    Appointment.series_id == master.id, Appointment.recurrence_id == ev.recurrence_id
                )
            )
        if row is None:
            row = Appointment(
                uid=ev.uid, client_id=clients[ev.uid], created_at=now, sequence=ev.sequence, state="planned"
            )
            if master is not None and ev.recurrence_id is not None:
                row.series_id = master.id
                row.recurrence_id = ev.recurrence_id
            s.add(row)
            created += 1
        else:
            updated += 1
        apply_event(row, ev, now)
        s.flush()
    return created, updated


def apply_event(row: Appointment, ev: ParsedEvent, now: datetime) -> None:
    row.title = ev.title[:200]
    row.notes = ev.notes
    row.start_at = ev.start
    row.duration_minutes = max(1, int((ev.end - ev.start).total_seconds() // 60))
    row.rrule = ev.rrule if ev.recurrence_id is None else ""
    row.technician = ev.technician or row.technician or ""
    row.on_site = ev.on_site
    if ev.cancelled:
        row.state = "cancelled"
    elif row.state == "cancelled" or not row.state:
        row.state = "planned"
    row.sequence = max(row.sequence or 0, ev.sequence)
    row.updated_at = ev.last_modified or now


def import_ics(
    db: Database, data: bytes, *, default_client_id: int | None = None, now: datetime | None = None
) -> ImportReport:
    now = now or utcnow()
    with db.transaction() as s:
        tz = load_settings(s).calendar().tz
        events = parse_ics(data, tz)
        clients = resolve_clients(s, events, default_client_id)
        created, updated = upsert(s, events, clients, now)
        return ImportReport(created, updated)
