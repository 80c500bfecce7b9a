"""Reminders: N minutes before an appointment, and when a call is due; snooze; missed while closed.

The last time reminders were collected is stored, so at the next start everything whose time
passed while the console was closed comes back once, marked `missed`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from msp_console.db.base import utcnow
from msp_console.db.models import CallTask, Client, ReminderState
from msp_console.domain.errors import ValidationError
from msp_console.services.database import Database
from msp_console.services.interventions.occurrences import expand_rows
from msp_console.services.interventions.settings import (
    LAST_REMINDER_RUN,
    get_instant,
    load_settings,
    put_instant,
)
from msp_console.services.interventions.views import Reminder

log = logging.getLogger(__name__)
MISSED_AFTER = timedelta(minutes=2)  # fired this late means the console was not running
LOOKBACK = timedelta(days=2)  # how far back a snoozed or missed reminder is looked for
FIRST_RUN_WINDOW = timedelta(minutes=1)

Notifier = Callable[[Reminder], None]


class Reminders:
    def __init__(self, db: Database):
        self.db = db

    def pending(self, since: datetime, until: datetime, now: datetime | None = None) -> list[Reminder]:
        """Reminders whose (snoozed) time falls in (since, until], dismissed ones left out."""
        now = now or until
        with self.db.read() as s:
            settings = load_settings(s)
            tz = settings.calendar().tz
            lead = timedelta(minutes=settings.reminder_minutes)
            candidates: list[Reminder] = []
            for a in expand_rows(s, tz, since - LOOKBACK, until + lead + LOOKBACK):
                if a.state != "planned":
                    continue
                key = f"appointment:{a.id}:{(a.occurrence or a.start).astimezone(tz).isoformat()}"
                where = "on site" if a.on_site else "remote"
                candidates.append(
                    Reminder(
                        key,
                        "appointment",
                        f"{a.start:%H:%M} {a.client_name}: {a.title} ({where})",
                        a.start - lead,
                        a.start,
                        False,
                        a.client_name,
                        a.title,
                        a.on_site,
                    )
                )
            tasks = s.execute(
                select(CallTask, Client.name)
                .join(Client, Client.id == CallTask.client_id)
                .where(CallTask.done_at.is_(None), CallTask.due_at <= until)
            )
            for task, client_name in tasks:
                candidates.append(
                    Reminder(
                        f"task:{task.id}",
                        task.kind,
                        f"Call {client_name}: {task.note}",
                        task.due_at,
                        task.due_at,
                        False,
                        client_name,
                        task.note,
                    )
                )
            states = {r.key: r for r in s.scalars(select(ReminderState))}
        out = []
        for r in candidates:
            st = states.get(r.key)
            if st is not None and st.dismissed_at is not None:
                continue
            fire = st.snoozed_until if st is not None and st.snoozed_until is not None else r.fire_at
            if since < fire <= until:
                out.append(replace(r, fire_at=fire, missed=now - fire > MISSED_AFTER))
        out.sort(key=lambda r: (r.fire_at, r.key))
        return out

    def collect(self, now: datetime | None = None) -> list[Reminder]:
        """What to show now: everything due since the last collection (which is then moved to now)."""
        now = now or utcnow()
        with self.db.transaction() as s:
            last = get_instant(s, LAST_REMINDER_RUN) or now - FIRST_RUN_WINDOW
            put_instant(s, LAST_REMINDER_RUN, now)
        if last >= now:
            return []
        return self.pending(last, now, now)

    def snooze(self, key: str, until: datetime) -> None:
        if until.tzinfo is None:
            raise ValidationError.single("until", "give the snooze time with its time zone")
        with self.db.transaction() as s:
            row = s.get(ReminderState, key) or ReminderState(key=key)
            row.snoozed_until = until
            row.dismissed_at = None
            s.add(row)

    def dismiss(self, key: str, now: datetime | None = None) -> None:
        with self.db.transaction() as s:
            row = s.get(ReminderState, key) or ReminderState(key=key)
            row.dismissed_at = now or utcnow()
            s.add(row)


class ReminderJob:
    """Runs `Reminders.collect` every minute on an APScheduler background scheduler.

    The notifier is injected: the GUI passes a desktop-notification function, tests a list.append.
    """

    def __init__(
        self,
        db: Database,
        notifier: Notifier,
        *,
        interval_seconds: int = 60,
        scheduler: Any | None = None,
        clock: Callable[[], datetime] = utcnow,
    ):
        self.reminders = Reminders(db)
        self.notifier = notifier
        self.interval_seconds = interval_seconds
        self.clock = clock
        self._own_scheduler = scheduler is None
        if scheduler is None:
            from apscheduler.schedulers.background import BackgroundScheduler

            scheduler = BackgroundScheduler(timezone="UTC", daemon=True)  # never keeps a process alive
        self.scheduler = scheduler
        self.job_id = "msp-console-reminders"

    def run_once(self) -> list[Reminder]:
        fired = self.reminders.collect(self.clock())
        for reminder in fired:
            try:
                self.notifier(reminder)
            except Exception:  # one broken notification must not stop the others
                log.exception("reminder notification failed: %s", reminder.key)
        return fired

    def start(self) -> list[Reminder]:
        """Shows what was missed while closed, then keeps checking every interval."""
        missed = self.run_once()
        self.scheduler.add_job(
            self.run_once,
            "interval",
            seconds=self.interval_seconds,
            id=self.job_id,
            replace_existing=True,
            max_instances=1,
            coalesce=True,
        )
        if self._own_scheduler and not self.scheduler.running:
            self.scheduler.start()
        return missed

    def stop(self) -> None:
        if self.scheduler.get_job(self.job_id):
            self.scheduler.remove_job(self.job_id)
        if self._own_scheduler and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
