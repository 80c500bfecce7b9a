"""The appointment calendar: add, move, cancel, complete; recurring series; technician conflicts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.base import utcnow
from msp_console.db.models import Appointment, Intervention, Machine
from msp_console.domain.errors import FieldError, NotFoundError, ValidationError
from msp_console.domain.intervention_state import InterventionState, can_transition
from msp_console.domain.recurrence import parse_rrule
from msp_console.services.database import Database
from msp_console.services.interventions.core import add_event, get_client, move
from msp_console.services.interventions.occurrences import expand_rows, overlaps
from msp_console.services.interventions.settings import SchedulingSettings, load_settings
from msp_console.services.interventions.views import AppointmentView, Conflict, SaveResult

if TYPE_CHECKING:
    from msp_console.services.interventions.appointment_edit import AppointmentChanges, Scope

S = InterventionState
MAX_DURATION = timedelta(days=7)
CONFLICT_HORIZON = timedelta(days=366)


class AppointmentConflict(ValidationError):
    """The technician is busy then; saving again with force=True books it anyway."""

    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = conflicts
        what = "; ".join(
            f"{c.technician} busy with #{c.appointment_id} {c.title!r} at {c.start:%Y-%m-%d %H:%M}"
            for c in conflicts[:5]
        )
        super().__init__([FieldError("start", f"conflict: {what}")])


@dataclass(frozen=True)
class AppointmentDraft:
    client_id: int
    start: datetime
    title: str
    duration_minutes: int | None = None
    end: datetime | None = None
    machine_id: int | None = None
    intervention_id: int | None = None
    on_site: bool = False
    technician: str = ""
    notes: str = ""
    rrule: str = ""

    def minutes(self) -> int:
        if self.end is not None:
            return int((self.end - self.start).total_seconds() // 60)
        return int(self.duration_minutes or 0)


class Appointments:
    def __init__(self, db: Database):
        self.db = db

    # -- checks ---------------------------------------------------------------------------
    def validate(self, draft: AppointmentDraft, now: datetime | None = None) -> tuple[str, ...]:
        """Raises on what cannot be saved; returns warnings (in the past, outside hours, holiday)."""
        now = now or utcnow()
        errors: list[FieldError] = []
        if draft.start.tzinfo is None:
            errors.append(FieldError("start", "give the start with its time zone"))
        if not draft.title.strip():
            errors.append(FieldError("title", "an appointment needs a title", code="appointment.no_title"))
        if draft.end is not None and draft.end <= draft.start:
            errors.append(
                FieldError("end", "the appointment ends before it starts", code="appointment.ends_first")
            )
        elif draft.minutes() <= 0:
            errors.append(
                FieldError(
                    "duration",
                    "the duration must be a positive number of minutes",
                    code="appointment.duration",
                )
            )
        elif timedelta(minutes=draft.minutes()) > MAX_DURATION:
            errors.append(
                FieldError(
                    "duration", "an appointment cannot last more than 7 days", code="appointment.too_long"
                )
            )
        with self.db.read() as s:
            settings = load_settings(s)
            if draft.rrule:
                try:
                    parse_rrule(draft.rrule, draft.start, settings.calendar().tz)
                except ValidationError as exc:
                    errors.extend(exc.errors)
        if errors:
            raise ValidationError(errors)
        return _warnings(settings, draft.start, now)

    def conflicts(self, draft: AppointmentDraft, *, ignore_id: int | None = None) -> list[Conflict]:
        """Other appointments of the same technician overlapping any occurrence of the draft."""
        if not draft.technician.strip():
            return []
        with self.db.read() as s:
            tz = load_settings(s).calendar().tz
            length = timedelta(minutes=draft.minutes())
            starts = [draft.start]
            if draft.rrule:
                from msp_console.domain.recurrence import expand

                starts = expand(draft.start, draft.rrule, tz, draft.start, draft.start + CONFLICT_HORIZON)
            if not starts:
                return []
            others = [
                v
                for v in expand_rows(
                    s, tz, starts[0], starts[-1] + length, technician=draft.technician.strip()
                )
                if ignore_id is None or (v.id != ignore_id and _series_id(s, v.id) != ignore_id)
            ]
            found: dict[tuple[int, datetime], Conflict] = {}
            for st in starts:
                for v in others:
                    if overlaps(st, st + length, v.start, v.end):
                        found[(v.id, v.start)] = Conflict(v.technician, v.id, v.title, v.start, v.end)
            return sorted(found.values(), key=lambda c: c.start)

    # -- writing --------------------------------------------------------------------------
    def add(self, draft: AppointmentDraft, *, force: bool = False, now: datetime | None = None) -> SaveResult:
        now = now or utcnow()
        warnings = self.validate(draft, now)
        conflicts = self.conflicts(draft)
        if conflicts and not force:
            raise AppointmentConflict(conflicts)
        with self.db.transaction() as s:
            client = get_client(s, draft.client_id)
            _check_links(s, draft.client_id, draft.machine_id, draft.intervention_id, client.name)
            row = Appointment(
                uid=f"{uuid.uuid4()}@msp-console",
                client_id=draft.client_id,
                machine_id=draft.machine_id,
                intervention_id=draft.intervention_id,
                title=draft.title.strip(),
                notes=draft.notes,
                on_site=draft.on_site,
                technician=draft.technician.strip(),
                start_at=draft.start,
                duration_minutes=draft.minutes(),
                state="planned",
                rrule=_clean_rule(draft.rrule),
                created_at=now,
                updated_at=now,
            )
            s.add(row)
            s.flush()
            if draft.intervention_id is not None:
                _link_intervention(s, row, now, load_settings(s))
            return SaveResult(row.id, tuple(conflicts), warnings)

    def move(
        self,
        appointment_id: int,
        start: datetime,
        *,
        duration_minutes: int | None = None,
        occurrence: datetime | None = None,
        force: bool = False,
        now: datetime | None = None,
    ) -> SaveResult:
        """Moves one appointment, one occurrence of a series (`occurrence`), or the whole series."""
        now = now or utcnow()
        with self.db.read() as s:
            row = _get(s, appointment_id)
            draft = AppointmentDraft(
                row.client_id,
                start,
                row.title,
                duration_minutes or row.duration_minutes,
                technician=row.technician,
                rrule=row.rrule if occurrence is None else "",
            )
        warnings = self.validate(draft, now)
        conflicts = self.conflicts(draft, ignore_id=appointment_id)
        if conflicts and not force:
            raise AppointmentConflict(conflicts)
        with self.db.transaction() as s:
            row = _get(s, appointment_id)
            target = _exception_row(s, row, occurrence) if occurrence is not None else row
            if occurrence is None and row.rrule:
                delta = start - row.start_at
                for exc in s.scalars(select(Appointment).where(Appointment.series_id == row.id)):
                    exc.recurrence_id = exc.recurrence_id + delta if exc.recurrence_id else None
                    exc.start_at += delta
            target.start_at = start
            target.duration_minutes = draft.minutes()
            _touch(s, target, now)
            _log(
                s,
                target,
                now,
                f"appointment moved to {start:%Y-%m-%d %H:%M %Z}: {target.title}",
                "appointment_moved",
                {"start": start.isoformat(), "title": target.title},
            )
            return SaveResult(target.id, tuple(conflicts), warnings)

    def update(
        self,
        appointment_id: int,
        changes: AppointmentChanges,
        *,
        occurrence: datetime | None = None,
        scope: Scope = "one",
        force: bool = False,
        now: datetime | None = None,
    ) -> SaveResult:
        """Changes any field of one appointment, one occurrence of a series, or the whole series
        (checked like add; SEQUENCE raised so invitations and CalDAV see the change)."""
        from msp_console.services.interventions.appointment_edit import update

        return update(
            self,
            appointment_id,
            changes,
            occurrence=occurrence,
            scope=scope,
            force=force,
            now=now or utcnow(),
        )

    def cancel(
        self, appointment_id: int, *, occurrence: datetime | None = None, now: datetime | None = None
    ) -> int:
        now = now or utcnow()
        with self.db.transaction() as s:
            row = _get(s, appointment_id)
            target = _exception_row(s, row, occurrence) if occurrence is not None else row
            target.state = "cancelled"
            _touch(s, target, now)
            _log(
                s,
                target,
                now,
                f"appointment cancelled: {target.title}",
                "appointment_cancelled",
                {"title": target.title},
            )
            return target.id

    def complete(
        self, appointment_id: int, *, occurrence: datetime | None = None, now: datetime | None = None
    ) -> int:
        """Marks the work done; a linked intervention then waits for its follow-up call."""
        now = now or utcnow()
        with self.db.transaction() as s:
            row = _get(s, appointment_id)
            target = _exception_row(s, row, occurrence) if occurrence is not None else row
            target.state = "done"
            _touch(s, target, now)
            iv = s.get(Intervention, target.intervention_id) if target.intervention_id else None
            if iv is not None:
                settings = load_settings(s)
                add_event(
                    s,
                    iv,
                    now,
                    "appointment",
                    f"appointment done: {target.title}",
                    ref_id=target.id,
                    code="appointment_done",
                    params={"title": target.title},
                )
                if iv.state in (S.SCHEDULED.value, S.CONTACTED.value, S.REOPENED.value, S.OPEN.value):
                    move(s, iv, S.IN_PROGRESS, now, settings, "work started")
                if iv.state == S.IN_PROGRESS.value:
                    move(s, iv, S.AWAITING_CHECK, now, settings, "work done")
            return target.id

    # -- reading --------------------------------------------------------------------------
    def between(
        self,
        start: datetime,
        end: datetime,
        *,
        technician: str | None = None,
        include_cancelled: bool = False,
    ) -> list[AppointmentView]:
        with self.db.read() as s:
            tz = load_settings(s).calendar().tz
            return expand_rows(s, tz, start, end, technician=technician, include_cancelled=include_cancelled)

    def day(self, day: date) -> list[AppointmentView]:
        tz = self.tz()
        start = datetime.combine(day, time(0), tz)
        return self.between(start, datetime.combine(day + timedelta(days=1), time(0), tz))

    def week(self, start: date) -> list[AppointmentView]:
        """Seven days from `start` (the GUI passes the Monday it shows)."""
        tz = self.tz()
        lo = datetime.combine(start, time(0), tz)
        return self.between(lo, datetime.combine(start + timedelta(days=7), time(0), tz))

    def tz(self) -> ZoneInfo:
        with self.db.read() as s:
            return load_settings(s).calendar().tz

    def get(self, appointment_id: int) -> Appointment:
        """The stored row, detached (for exports)."""
        with self.db.read() as s:
            row = _get(s, appointment_id)
            s.expunge(row)
            return row


def _warnings(settings: SchedulingSettings, start: datetime, now: datetime) -> tuple[str, ...]:
    out = []
    cal = settings.calendar()
    if start < now:
        out.append("the appointment is in the past")
    local = start.astimezone(cal.tz)
    holiday = cal.holiday_name(local.date())
    if holiday:
        out.append(f"{local:%Y-%m-%d} is a public holiday ({holiday})")
    elif not cal.is_business_time(start):
        out.append("the appointment is outside business hours")
    return tuple(out)


def _clean_rule(text: str) -> str:
    body = text.strip()
    return body[6:] if body.upper().startswith("RRULE:") else body


def _get(s: Session, appointment_id: int) -> Appointment:
    row = s.get(Appointment, appointment_id)
    if row is None:
        raise NotFoundError(f"appointment {appointment_id} not found")
    return row


def _series_id(s: Session, appointment_id: int) -> int | None:
    row = s.get(Appointment, appointment_id)
    return row.series_id if row else None


def _check_links(
    s: Session, client_id: int, machine_id: int | None, intervention_id: int | None, client_name: str
) -> None:
    if machine_id is not None:
        m = s.get(Machine, machine_id)
        if m is None or m.client_id != client_id:
            raise ValidationError.single("machine", f"machine {machine_id} is not one of {client_name}'s")
    if intervention_id is not None:
        iv = s.get(Intervention, intervention_id)
        if iv is None or iv.client_id != client_id:
            raise ValidationError.single(
                "intervention", f"intervention {intervention_id} is not {client_name}'s"
            )


def _link_intervention(s: Session, row: Appointment, now: datetime, settings: SchedulingSettings) -> None:
    iv = s.get(Intervention, row.intervention_id)
    if iv is None:
        return
    tz = settings.calendar().tz
    add_event(
        s,
        iv,
        now,
        "appointment",
        f"appointment {row.start_at.astimezone(tz):%Y-%m-%d %H:%M} "
        f"({'on site' if row.on_site else 'remote'}): {row.title}",
        ref_id=row.id,
        code="appointment_on_site" if row.on_site else "appointment_remote",
        params={"start": row.start_at.isoformat(), "title": row.title},
    )
    if iv.state != S.SCHEDULED.value and can_transition(S(iv.state), S.SCHEDULED):
        move(s, iv, S.SCHEDULED, now, settings, "appointment agreed")


def _exception_row(s: Session, row: Appointment, occurrence: datetime) -> Appointment:
    """The row that overrides one occurrence of a series (created on first edit)."""
    series = s.get(Appointment, row.series_id) if row.series_id else row
    assert series is not None
    if not series.rrule:
        raise ValidationError.single(
            "occurrence", "this appointment does not repeat", "appointment.not_repeating"
        )
    existing = s.scalar(
        select(Appointment).where(Appointment.series_id == series.id, Appointment.recurrence_id == occurrence)
    )
    if existing is not None:
        return existing
    tz = load_settings(s).calendar().tz
    from msp_console.domain.recurrence import expand

    if occurrence not in expand(
        series.start_at, series.rrule, tz, occurrence, occurrence + timedelta(seconds=1)
    ):
        raise ValidationError.single(
            "occurrence", f"the series has no occurrence at {occurrence.isoformat()}"
        )
    exc = Appointment(
        uid=series.uid,
        client_id=series.client_id,
        machine_id=series.machine_id,
        intervention_id=series.intervention_id,
        title=series.title,
        notes=series.notes,
        on_site=series.on_site,
        technician=series.technician,
        start_at=occurrence,
        duration_minutes=series.duration_minutes,
        state=series.state,
        rrule="",
        series_id=series.id,
        recurrence_id=occurrence,
        sequence=series.sequence,
    )
    s.add(exc)
    s.flush()
    return exc


def _touch(s: Session, row: Appointment, now: datetime) -> None:
    row.sequence += 1
    row.updated_at = now
    if row.series_id:
        series = s.get(Appointment, row.series_id)
        if series is not None:
            series.sequence = max(series.sequence, row.sequence)
            series.updated_at = now


def _log(
    s: Session,
    row: Appointment,
    now: datetime,
    text: str,
    code: str | None = None,
    params: dict[str, Any] | None = None,
) -> None:
    iv = s.get(Intervention, row.intervention_id) if row.intervention_id else None
    if iv is not None:
        add_event(s, iv, now, "appointment", text, ref_id=row.id, code=code, params=params)


__all__ = ["AppointmentConflict", "AppointmentDraft", "Appointments"]
