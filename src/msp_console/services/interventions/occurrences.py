"""Expanding stored appointments (singles, series and their exceptions) into a date range."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from msp_console.db.models import Appointment, Client, Machine
from msp_console.domain.recurrence import expand
from msp_console.services.interventions.views import AppointmentView

LONGEST = timedelta(days=7)


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    return a_start < b_end and b_start < a_end


def expand_rows(
    s: Session,
    tz: ZoneInfo,
    start: datetime,
    end: datetime,
    *,
    technician: str | None = None,
    include_cancelled: bool = False,
) -> list[AppointmentView]:
    stmt = select(Appointment).where(
        Appointment.start_at < end,
        or_(
            Appointment.start_at >= start - LONGEST,
            Appointment.rrule != "",
            Appointment.series_id.is_not(None),
        ),
    )
    if technician:
        stmt = stmt.where(Appointment.technician == technician)
    rows = list(s.scalars(stmt))
    series = [r for r in rows if r.rrule and r.series_id is None]
    exceptions: dict[int, list[Appointment]] = {}
    singles = []
    for r in rows:
        if r.series_id is not None:
            exceptions.setdefault(r.series_id, []).append(r)
        elif not r.rrule:
            singles.append(r)
    names = {cid: name for cid, name in s.execute(select(Client.id, Client.name))}
    machine_ids = {r.machine_id for r in rows if r.machine_id}
    machines = (
        {
            mid: name
            for mid, name in s.execute(select(Machine.id, Machine.name).where(Machine.id.in_(machine_ids)))
        }
        if machine_ids
        else {}
    )
    out: list[AppointmentView] = []

    def view(r: Appointment, at: datetime, occurrence: datetime | None, recurring: bool) -> None:
        length = timedelta(minutes=r.duration_minutes)
        if not overlaps(at, at + length, start, end):
            return
        if r.state == "cancelled" and not include_cancelled:
            return
        out.append(
            AppointmentView(
                id=r.id,
                uid=r.uid,
                client_id=r.client_id,
                client_name=names.get(r.client_id, ""),
                machine_id=r.machine_id,
                machine_name=machines.get(r.machine_id or 0, ""),
                intervention_id=r.intervention_id,
                title=r.title,
                notes=r.notes,
                on_site=r.on_site,
                technician=r.technician,
                start=at.astimezone(tz),
                end=(at + length).astimezone(tz),
                state=r.state,
                recurring=recurring,
                occurrence=occurrence,
            )
        )

    for r in singles:
        view(r, r.start_at, None, False)
    for r in series:
        own = exceptions.get(r.id, [])
        skip = [e.recurrence_id for e in own if e.recurrence_id]
        for at in expand(
            r.start_at, r.rrule, tz, start, end, duration=timedelta(minutes=r.duration_minutes), exclude=skip
        ):
            view(r, at, at, True)
        for e in own:
            view(e, e.start_at, e.recurrence_id, True)
    loaded = {r.id for r in series}
    for series_id, own in exceptions.items():
        if series_id not in loaded:  # the series starts later, or belongs to another technician
            for e in own:
                view(e, e.start_at, e.recurrence_id, True)
    out.sort(key=lambda v: (v.start, v.id))
    return out
