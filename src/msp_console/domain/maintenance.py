"""Scheduled maintenance windows: one-off, or recurring by an RFC 5545 RRULE.

A recurring window repeats ``end - start`` long at every occurrence of its rule, the rule
anchored at ``start`` (so "FREQ=WEEKLY;BYDAY=SU" with start Sunday 02:00 and end 04:00
means every Sunday 02:00–04:00 UTC).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from dateutil.rrule import rrulestr

from msp_console.domain.errors import ValidationError

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class MaintenanceWindow:
    start: datetime
    end: datetime
    rrule: str = ""
    machine_id: int | None = None
    client_id: int | None = None
    comment: str = ""

    def covers(self, machine_id: int, client_id: int) -> bool:
        return self.machine_id == machine_id or (self.machine_id is None and self.client_id == client_id)

    def active_at(self, now: datetime) -> bool:
        if not self.rrule:
            return self.start <= now < self.end
        if now < self.start:
            return False
        rule = rrulestr(self.rrule, dtstart=self.start.astimezone(UTC))
        last = rule.before(now.astimezone(UTC), inc=True)
        return last is not None and now < last + (self.end - self.start)


def in_maintenance(
    windows: Iterable[MaintenanceWindow], machine_id: int, client_id: int, now: datetime
) -> bool:
    return any(w.covers(machine_id, client_id) and w.active_at(now) for w in windows)


def validate_window(start: datetime, end: datetime, rrule: str = "") -> None:
    """Refuses windows that could never make sense; messages name the field."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValidationError.single("start", "times must carry a time zone")
    if end <= start:
        raise ValidationError.single("end", "must be after the start")
    if rrule:
        try:
            rrulestr(rrule, dtstart=start.astimezone(UTC))
        except (ValueError, TypeError) as exc:
            raise ValidationError.single("rrule", f"not a valid RRULE: {exc}") from exc
        if end - start > timedelta(days=7) and "WEEKLY" in rrule.upper():
            raise ValidationError.single("end", "a weekly window cannot last more than a week")


def weekly(weekday: str, at: time, duration: timedelta, since: datetime) -> MaintenanceWindow:
    """Every WEEKDAY at AT (UTC) for DURATION, starting from the first such time after SINCE."""
    day = weekday.strip().upper()[:2]
    if day not in WEEKDAYS:
        raise ValidationError.single("weekday", f"expected one of {', '.join(WEEKDAYS)}")
    first = since.astimezone(UTC).replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    while first.weekday() != WEEKDAYS.index(day) or first < since:
        first += timedelta(days=1)
    return MaintenanceWindow(first, first + duration, f"FREQ=WEEKLY;BYDAY={day}")
