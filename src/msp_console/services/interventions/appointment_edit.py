"""Editing an existing appointment: any field, of one occurrence or of the whole series.

Kept apart from appointments.py (add / move / cancel) so each module stays small; it reuses
their checks so an edit is refused or warned about exactly like a new booking.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.models import Appointment, Intervention
from msp_console.domain.errors import ValidationError
from msp_console.domain.recurrence import expand
from msp_console.services.interventions import appointments as ap
from msp_console.services.interventions.core import add_event, get_client
from msp_console.services.interventions.settings import load_settings
from msp_console.services.interventions.views import SaveResult

if TYPE_CHECKING:
    from msp_console.services.interventions.appointments import Appointments

Scope = Literal["one", "series"]


class Keep(enum.Enum):
    """'Leave this link as it is' (None already means 'no machine / no intervention')."""

    KEEP = 0


KEEP = Keep.KEEP
FIELDS = ("client_id", "machine_id", "intervention_id", "title", "notes", "on_site", "technician")


@dataclass(frozen=True)
class AppointmentChanges:
    """The fields to change; None (or KEEP for the links) leaves a field as it is.

    `start` is the new start of the occurrence being edited; for a whole series the series
    shifts by the same amount. `rrule` ("" = no longer repeats) applies to a series only.
    """

    title: str | None = None
    technician: str | None = None
    on_site: bool | None = None
    notes: str | None = None
    duration_minutes: int | None = None
    start: datetime | None = None
    client_id: int | None = None
    machine_id: int | Keep | None = KEEP
    intervention_id: int | Keep | None = KEEP
    rrule: str | None = None

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name in FIELDS:
            value = getattr(self, name)
            if value is not None and value is not KEEP:
                out[name] = value.strip() if isinstance(value, str) else value
            elif value is None and name in ("machine_id", "intervention_id"):
                out[name] = None
        return out


def update(
    appts: Appointments,
    appointment_id: int,
    changes: AppointmentChanges,
    *,
    occurrence: datetime | None,
    scope: Scope,
    force: bool,
    now: datetime,
) -> SaveResult:
    with appts.db.read() as s:
        target, reference = _locate(s, appointment_id, occurrence, scope)
        draft = _draft(target, reference, changes, scope)
        ignore = target.series_id or target.id
    warnings = appts.validate(draft, now)
    conflicts = appts.conflicts(draft, ignore_id=ignore)
    if conflicts and not force:
        raise ap.AppointmentConflict(conflicts)
    with appts.db.transaction() as s:
        located, reference = _locate(s, appointment_id, occurrence, scope)
        if scope == "one" and occurrence is not None and located.rrule:
            located = ap._exception_row(s, located, occurrence)
        client = get_client(s, draft.client_id)
        ap._check_links(s, draft.client_id, draft.machine_id, draft.intervention_id, client.name)
        old_intervention = located.intervention_id
        what = _apply(s, located, reference, draft, changes, scope, now)
        ap._touch(s, located, now)
        if draft.intervention_id is not None and draft.intervention_id != old_intervention:
            ap._link_intervention(s, located, now, load_settings(s))
        elif what:
            ap._log(
                s,
                located,
                now,
                f"appointment changed ({', '.join(what)}): {located.title}",
                "appointment_changed",
                {"fields": what, "title": located.title},
            )
        previous = s.get(Intervention, old_intervention) if old_intervention else None
        if previous is not None and old_intervention != draft.intervention_id:
            add_event(
                s,
                previous,
                now,
                "appointment",
                f"appointment unlinked: {located.title}",
                ref_id=located.id,
                code="appointment_unlinked",
                params={"title": located.title},
            )
        return SaveResult(located.id, tuple(conflicts), warnings)


def _locate(
    s: Session, appointment_id: int, occurrence: datetime | None, scope: Scope
) -> tuple[Appointment, datetime]:
    """The row to change (the series for scope 'series') and the start the caller saw."""
    row = ap._get(s, appointment_id)
    if occurrence is not None and not (row.rrule or row.series_id):
        raise ValidationError.single(
            "occurrence", "this appointment does not repeat", "appointment.not_repeating"
        )
    if scope == "series":
        series = ap._get(s, row.series_id) if row.series_id else row
        if row.series_id:
            return series, row.start_at
        return series, occurrence or series.start_at
    if row.rrule and occurrence is None:
        raise ValidationError.single(
            "occurrence",
            "this appointment repeats: say which occurrence, or edit the whole series",
            "appointment.which_occurrence",
        )
    if row.rrule and occurrence is not None:
        existing = s.scalar(
            select(Appointment).where(
                Appointment.series_id == row.id, Appointment.recurrence_id == occurrence
            )
        )
        return row, existing.start_at if existing is not None else occurrence
    return row, row.start_at


def _draft(
    row: Appointment, reference: datetime, changes: AppointmentChanges, scope: Scope
) -> ap.AppointmentDraft:
    """The appointment as it will be, checked like a new one (for one occurrence: at that time)."""
    one_occurrence = scope == "one" and bool(row.rrule or row.series_id)
    if changes.rrule is not None and one_occurrence:
        raise ValidationError.single(
            "rrule",
            "change the repetition on the whole series, not one occurrence",
            "appointment.series_rule",
        )
    if scope == "one" and row.rrule:  # an occurrence not yet edited: it starts at `reference`
        start = changes.start or reference
        rule = ""
    elif scope == "series":
        start = row.start_at + ((changes.start - reference) if changes.start else timedelta(0))
        rule = row.rrule if changes.rrule is None else ap._clean_rule(changes.rrule)
    else:
        start = changes.start or row.start_at
        rule = row.rrule if changes.rrule is None else ap._clean_rule(changes.rrule)
    c = changes
    return ap.AppointmentDraft(
        client_id=row.client_id if c.client_id is None else c.client_id,
        start=start,
        title=row.title if c.title is None else c.title.strip(),
        duration_minutes=c.duration_minutes if c.duration_minutes is not None else row.duration_minutes,
        machine_id=row.machine_id if isinstance(c.machine_id, Keep) else c.machine_id,
        intervention_id=row.intervention_id if isinstance(c.intervention_id, Keep) else c.intervention_id,
        on_site=row.on_site if c.on_site is None else c.on_site,
        technician=row.technician if c.technician is None else c.technician.strip(),
        notes=row.notes if c.notes is None else c.notes,
        rrule=rule,
    )


def _apply(
    s: Session,
    row: Appointment,
    reference: datetime,
    draft: ap.AppointmentDraft,
    changes: AppointmentChanges,
    scope: Scope,
    now: datetime,
) -> list[str]:
    """Writes the draft into the row; for a series, its edited occurrences follow what they shared."""
    changed = [name for name, value in changes.values().items() if getattr(row, name) != value]
    if changes.duration_minutes is not None and changes.duration_minutes != row.duration_minutes:
        changed.append("duration")
    new_start = draft.start
    if new_start != row.start_at:
        changed.append("time")
    if draft.rrule != row.rrule and not row.series_id:
        changed.append("repetition")
    if scope == "series" and not row.series_id:
        _follow(s, row, draft, changes, now)
    for name, value in changes.values().items():
        setattr(row, name, value)
    row.duration_minutes = draft.minutes()
    row.start_at = new_start
    if not row.series_id:
        row.rrule = draft.rrule
    return [c.removesuffix("_id") for c in changed]


def _follow(
    s: Session, series: Appointment, draft: ap.AppointmentDraft, changes: AppointmentChanges, now: datetime
) -> None:
    """Edited occurrences keep their own changes but take the series' new values elsewhere; those
    no longer on the (new) rule are dropped, and they shift with the series' start."""
    delta = draft.start - series.start_at
    tz = load_settings(s).calendar().tz
    for exc in list(s.scalars(select(Appointment).where(Appointment.series_id == series.id))):
        if delta:
            exc.recurrence_id = exc.recurrence_id + delta if exc.recurrence_id else None
            exc.start_at += delta
        on_rule = (
            bool(draft.rrule)
            and exc.recurrence_id is not None
            and exc.recurrence_id
            in expand(
                draft.start, draft.rrule, tz, exc.recurrence_id, exc.recurrence_id + timedelta(seconds=1)
            )
        )
        if not on_rule:
            s.delete(exc)
            continue
        for name, value in changes.values().items():
            if getattr(exc, name) == getattr(series, name):
                setattr(exc, name, value)
        if changes.duration_minutes and exc.duration_minutes == series.duration_minutes:
            exc.duration_minutes = changes.duration_minutes
        exc.sequence += 1
        exc.updated_at = now
    s.flush()


__all__ = ["KEEP", "AppointmentChanges", "Keep", "Scope", "update"]
