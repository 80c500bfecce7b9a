"""Settings of the interventions feature, stored as key/value rows (all with sane defaults)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.models import SchedulingSetting
from msp_console.domain.business_calendar import BusinessCalendar
from msp_console.domain.errors import ValidationError

LAST_REMINDER_RUN = "reminders.last_run"


@dataclass(frozen=True)
class SchedulingSettings:
    timezone: str = "Europe/Rome"
    business_start: str = "09:00"
    business_end: str = "18:00"
    business_days: str = "0,1,2,3,4"  # Monday = 0
    holiday_country: str = "IT"
    reopen_days: int = 7  # a problem returning within N days of closing reopens the intervention
    follow_up_business_days: int = 1
    follow_up_time: str = "10:00"
    appointment_minutes: int = 60  # what a remote appointment agreed on the phone lasts
    retry_minutes: int = 60  # "no answer" → try again after this long
    reminder_minutes: int = 15  # before an appointment

    def calendar(self) -> BusinessCalendar:
        return BusinessCalendar(
            tz_name=self.timezone,
            start=_time("business_start", self.business_start),
            end=_time("business_end", self.business_end),
            weekdays=frozenset(int(d) for d in self.business_days.split(",") if d.strip()),
            country=self.holiday_country,
        )

    @property
    def follow_up_at(self) -> time:
        return _time("follow_up_time", self.follow_up_time)


def _time(field: str, text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise ValidationError.single(field, f"{text!r} is not a time like 09:00") from None


def load_settings(session: Session) -> SchedulingSettings:
    stored = {r.key: r.value for r in session.scalars(select(SchedulingSetting))}
    values: dict[str, object] = {}
    for f in fields(SchedulingSettings):
        if f.name in stored:
            values[f.name] = int(stored[f.name]) if f.type in ("int", int) else stored[f.name]
    return replace(SchedulingSettings(), **values)  # type: ignore[arg-type]


def save_settings(session: Session, **changes: object) -> SchedulingSettings:
    current = load_settings(session)
    known = {f.name for f in fields(SchedulingSettings)}
    for key, value in changes.items():
        if key not in known:
            raise ValidationError.single(key, "unknown setting")
        if isinstance(value, int) and value < 0:
            raise ValidationError.single(key, "must not be negative")
    if "appointment_minutes" in changes and not 5 <= int(str(changes["appointment_minutes"])) <= 8 * 60:
        raise ValidationError.single("appointment_minutes", "an appointment lasts 5 minutes to 8 hours")
    updated = replace(current, **changes)  # type: ignore[arg-type]
    updated.calendar()  # validates hours and days
    _time("follow_up_time", updated.follow_up_time)
    for key, value in changes.items():
        _put(session, key, str(value))
    return updated


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(SchedulingSetting, key)
    if row is None:
        session.add(SchedulingSetting(key=key, value=value))
    else:
        row.value = value


def get_instant(session: Session, key: str) -> datetime | None:
    row = session.get(SchedulingSetting, key)
    return datetime.fromisoformat(row.value) if row and row.value else None


def put_instant(session: Session, key: str, value: datetime) -> None:
    _put(session, key, value.isoformat())
