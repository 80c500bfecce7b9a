"""Writing parsed invitations into the calendar, by UID: a series, its cancelled (EXDATE) and
moved (RECURRENCE-ID) occurrences, stored as the same per-occurrence rows the calendar's own
"move / cancel this occurrence" makes. Importing the same file twice changes nothing, and an
older copy (lower SEQUENCE, or the same one last modified earlier) never overwrites a newer one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.calendar.ics_import import ParsedEvent
from msp_console.db.models import Appointment
from msp_console.domain.errors import ValidationError
from msp_console.domain.recurrence import expand
from msp_console.services.interventions.appointments import _exception_row
from msp_console.services.interventions.settings import load_settings

RANK = ("created", "updated", "kept_newer", "unchanged")  # what one UID's import counts as, first wins


@dataclass
class UpsertResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_newer: int = 0
    notes: list[str] = field(default_factory=list)


def upsert(
    s: Session, events: list[ParsedEvent], clients: dict[str, int], now: datetime, *, keep_newer: bool = True
) -> UpsertResult:
    """Creates or updates appointments by UID (series first, then their edited occurrences).

    `keep_newer=False` lets the caller decide which copy wins (CalDAV sync compares times itself).
    """
    out = UpsertResult()
    tz = load_settings(s).calendar().tz
    masters = {e.uid: e for e in events if e.recurrence_id is None}
    overridden: dict[str, set[datetime]] = {}
    for ev in events:
        if ev.recurrence_id is not None:
            overridden.setdefault(ev.uid, set()).add(_occurrence(ev, masters.get(ev.uid)))
    outcome: dict[str, str] = {}  # per UID: a series and its occurrences are one appointment
    for ev in sorted(events, key=lambda e: e.recurrence_id is not None):
        what = _one(s, ev, masters, clients, overridden.get(ev.uid, set()), tz, now, keep_newer, out.notes)
        if what is not None:
            before = outcome.get(ev.uid)
            outcome[ev.uid] = min(what, before, key=RANK.index) if before else what
    for what in outcome.values():
        setattr(out, what, getattr(out, what) + 1)
    return out


def _one(
    s: Session,
    ev: ParsedEvent,
    masters: dict[str, ParsedEvent],
    clients: dict[str, int],
    overridden: set[datetime],
    tz: ZoneInfo,
    now: datetime,
    keep_newer: bool,
    notes: list[str],
) -> str | None:
    """Writes one VEVENT; returns what happened to it (one of RANK), None if it was skipped."""
    master = s.scalar(select(Appointment).where(Appointment.uid == ev.uid, Appointment.series_id.is_(None)))
    rid = _occurrence(ev, masters.get(ev.uid)) if ev.recurrence_id is not None else None
    if rid is None:
        row = master
    elif master is None:
        notes.append(
            f"line {ev.line}: {ev.title!r} changes one occurrence of a series "
            "that is not in the calendar: import the whole series first"
        )
        return None
    else:
        row = s.scalar(
            select(Appointment).where(Appointment.series_id == master.id, Appointment.recurrence_id == rid)
        )
    if row is not None and keep_newer and _older(ev, row):
        notes.append(
            f"line {ev.line}: {ev.title!r} (SEQUENCE {ev.sequence}) is older than the calendar's "
            f"copy (SEQUENCE {row.sequence}): kept the calendar's"
        )
        return "kept_newer"
    created = row is None
    if row is None:
        row = Appointment(
            uid=ev.uid, client_id=clients[ev.uid], created_at=now, sequence=ev.sequence, state="planned"
        )
        if master is not None and rid is not None:
            row.series_id = master.id
            row.recurrence_id = rid
        s.add(row)
    changed = apply_event(row, ev, now)
    s.flush()
    if rid is None and row.rrule:
        changed |= _series_occurrences(s, row, ev, tz, overridden, notes)
    if created:
        return "created" if rid is None else "updated"
    return "updated" if changed else "unchanged"


def _occurrence(ev: ParsedEvent, master: ParsedEvent | None) -> datetime:
    """The calendar's start of the occurrence a RECURRENCE-ID names (they differ under drift)."""
    assert ev.recurrence_id is not None
    rid = ev.recurrence_id.astimezone(ZoneInfo("UTC"))
    if master is None:
        return rid
    back = {theirs: ours for ours, theirs in master.drift.moved.items()}
    return back.get(rid, rid)


def _older(ev: ParsedEvent, row: Appointment) -> bool:
    if ev.sequence != (row.sequence or 0):
        return ev.sequence < (row.sequence or 0)
    return bool(ev.last_modified and row.updated_at and ev.last_modified < row.updated_at)


def apply_event(row: Appointment, ev: ParsedEvent, now: datetime) -> bool:
    """Writes the event's fields; True when something the user sees changed."""
    state = row.state
    if ev.cancelled:
        state = "cancelled"
    elif row.state == "cancelled" or not row.state:
        state = "planned"
    wanted = {
        "title": ev.title[:200],
        "notes": ev.notes,
        "start_at": ev.start,
        "duration_minutes": max(1, int((ev.end - ev.start).total_seconds() // 60)),
        "rrule": ev.rrule if ev.recurrence_id is None else "",
        "technician": ev.technician or row.technician or "",
        "on_site": ev.on_site,
        "state": state,
    }
    if ev.cancelled and row.id is not None:  # a cancellation may carry less (no RRULE): keep the rest
        wanted = {"state": "cancelled"}
    changed = [name for name, value in wanted.items() if getattr(row, name, None) != value]
    for name in changed:
        setattr(row, name, wanted[name])
    row.sequence = max(row.sequence or 0, ev.sequence)
    if changed or row.updated_at is None:
        row.updated_at = ev.last_modified or now
    return bool(changed) and row.id is not None


def _series_occurrences(
    s: Session,
    series: Appointment,
    ev: ParsedEvent,
    tz: ZoneInfo,
    overridden: set[datetime],
    notes: list[str],
) -> bool:
    """EXDATEs become cancelled occurrences; occurrences the calendar's clock would misplace are
    stored at the invitation's time; edited occurrences no longer on the rule are dropped, and
    those of a cancelled series are cancelled with it."""
    changed = False
    for exc in list(s.scalars(select(Appointment).where(Appointment.series_id == series.id))):
        rid = exc.recurrence_id
        if rid is not None and rid not in overridden and not _on_rule(series, rid, tz):
            s.delete(exc)
            changed = True
        elif series.state == "cancelled" and exc.state == "planned":  # the whole series was cancelled
            exc.state, changed = "cancelled", True
    back = {theirs: ours for ours, theirs in ev.drift.moved.items()}
    for when in ev.exdates:
        occurrence = back.get(when, when)
        try:
            row = _exception_row(s, series, occurrence)
        except ValidationError:
            notes.append(
                f"line {ev.line}: EXDATE {when.astimezone(tz):%Y-%m-%d %H:%M} is not an occurrence "
                f"of {ev.title!r}: ignored"
            )
            continue
        if row.state != "cancelled":
            row.state, changed = "cancelled", True
    excluded = {back.get(w, w) for w in ev.exdates}
    if ev.drift.moved and ev.drift.endless:
        notes.append(
            f"line {ev.line}: {ev.title!r} repeats without end in another time zone; it follows "
            f"{tz.key}'s clock, so {len(ev.drift.moved)} occurrence(s) in the next two years "
            "are an hour off the organiser's time"
        )
    elif ev.drift.moved:
        for ours, theirs in ev.drift.moved.items():
            if ours in excluded or ours in overridden:
                continue
            row = _exception_row(s, series, ours)
            if row.start_at != theirs:
                row.start_at, changed = theirs, True
    s.flush()
    return changed


def _on_rule(series: Appointment, occurrence: datetime, tz: ZoneInfo) -> bool:
    return occurrence in expand(
        series.start_at, series.rrule, tz, occurrence, occurrence + timedelta(seconds=1)
    )
