"""Two-way sync of the appointment calendar with a CalDAV server (Nextcloud, Radicale…).

Change detection is by content: each synced appointment keeps a fingerprint of the event as
last seen on the server (in `caldav_etag`), and local edits are those made after the last sync.
When both sides changed, the later LAST-MODIFIED wins and the conflict is logged.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from msp_console.calendar.ics_apply import upsert
from msp_console.calendar.ics_export import family_ics
from msp_console.calendar.ics_import import ParsedEvent, parse_ics, resolve_clients
from msp_console.db.base import utcnow
from msp_console.db.models import Appointment
from msp_console.domain.errors import ValidationError
from msp_console.services.database import Database
from msp_console.services.interventions.settings import get_instant, load_settings, put_instant

log = logging.getLogger(__name__)
LAST_SYNC = "caldav.last_sync"
DEFAULT_CALENDAR = "MSP Console"


def secret_ref(username: str) -> str:
    """The keyring reference of the CalDAV password (the password itself never leaves the keyring)."""
    return "caldav:" + (re.sub(r"[^\w.@-]", "_", username) or "user")


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    cancelled_locally: int = 0
    conflicts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "cancelled_locally": self.cancelled_locally,
            "conflicts": self.conflicts,
            "skipped": self.skipped,
        }


def fingerprint(events: list[ParsedEvent]) -> str:
    """What matters of an event, independent of how a server re-serialises it (SEQUENCE left out:
    some clients bump it on every save)."""
    parts = sorted(
        "|".join(
            [
                e.uid,
                e.start.isoformat(),
                e.end.isoformat(),
                e.title,
                e.notes,
                str(e.cancelled),
                e.rrule,
                e.recurrence_id.isoformat() if e.recurrence_id else "",
            ]
            + ([",".join(d.isoformat() for d in e.exdates)] if e.exdates else [])  # same as before without
        )
        for e in events
    )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]


def connect(url: str, username: str, password: str) -> Any:
    import caldav

    # auth_type="basic": without it every first request waits for the server's delayed 401.
    return caldav.DAVClient(url=url, username=username, password=password, auth_type="basic")


def open_calendar(client: Any, name: str = DEFAULT_CALENDAR) -> Any:
    principal = client.principal()
    for cal in principal.calendars():
        if cal.get_display_name() == name:
            return cal
    return principal.make_calendar(name=name)


@dataclass
class _Remote:
    obj: Any
    events: list[ParsedEvent]

    @property
    def last_modified(self) -> datetime | None:
        stamps = [e.last_modified for e in self.events if e.last_modified]
        return max(stamps) if stamps else None


class CalDavSync:
    def __init__(self, db: Database, calendar: Any, *, default_client_id: int | None = None):
        self.db = db
        self.calendar = calendar
        self.default_client_id = default_client_id

    def run(self, now: datetime | None = None) -> SyncReport:
        now = now or utcnow()
        report = SyncReport()
        with self.db.read() as s:
            settings = load_settings(s)
            last = get_instant(s, LAST_SYNC)
        tz = settings.calendar().tz
        remote: dict[str, _Remote] = {}
        for obj in self.calendar.events():
            try:
                events = parse_ics(obj.data.encode() if isinstance(obj.data, str) else obj.data, tz)
            except ValidationError as exc:
                report.skipped.append(f"{obj.url}: {exc}")
                continue
            if events:
                remote[events[0].uid] = _Remote(obj, events)
        with self.db.read() as s:
            masters = list(s.scalars(select(Appointment).where(Appointment.series_id.is_(None))))
            changed = {a.id for a in masters if last is None or a.updated_at > last}
            edited = select(Appointment.series_id).where(Appointment.series_id.is_not(None))
            if last is not None:
                edited = edited.where(Appointment.updated_at > last)
            changed |= {sid for sid in s.scalars(edited) if sid}
            local = [(a.id, a.uid, a.caldav_etag, a.caldav_href, a.state, a.updated_at) for a in masters]
        for aid, uid, etag, href, state, updated in local:
            r = remote.pop(uid, None)
            local_changed = aid in changed
            if r is None:
                if href and not local_changed:
                    self._cancel_local(aid, now)
                    report.cancelled_locally += state != "cancelled"
                elif state != "cancelled" or href:
                    self._push(aid, None, report)
                continue
            remote_changed = fingerprint(r.events) != etag
            if local_changed and remote_changed:
                remote_time = r.last_modified
                winner = "server" if remote_time and remote_time > updated else "local"
                message = (
                    f"{uid}: changed on both sides; {winner} copy kept (local {updated.isoformat()}, "
                    f"server {remote_time.isoformat() if remote_time else 'unknown'})"
                )
                log.warning("CalDAV conflict: %s", message)
                report.conflicts.append(message)
                if winner == "server":
                    self._pull(r, report, now)
                else:
                    self._push(aid, r.obj, report)
            elif local_changed:
                self._push(aid, r.obj, report)
            elif remote_changed:
                self._pull(r, report, now)
        for r in remote.values():  # created on the server (a phone, another console)
            self._pull(r, report, now)
        with self.db.transaction() as s:
            put_instant(s, LAST_SYNC, now)
        return report

    def _push(self, appointment_id: int, existing: Any, report: SyncReport) -> None:
        data = family_ics(self.db, appointment_id).decode()
        if existing is not None:
            existing.data = data
            existing.save(increase_seqno=False)  # SEQUENCE is ours: it already counts our changes
            obj = existing
        else:
            obj = self.calendar.save_event(data, increase_seqno=False)
        with self.db.transaction() as s:
            row = s.get(Appointment, appointment_id)
            if row is not None:
                row.caldav_href = str(obj.url)
                row.caldav_etag = fingerprint(parse_ics(data.encode(), load_settings(s).calendar().tz))
        report.pushed += 1

    def _pull(self, r: _Remote, report: SyncReport, now: datetime) -> None:
        try:
            with self.db.transaction() as s:
                clients = resolve_clients(s, r.events, self.default_client_id)
                upsert(s, r.events, clients, now, keep_newer=False)  # the newer side was chosen above
                for row in s.scalars(
                    select(Appointment).where(
                        Appointment.uid == r.events[0].uid, Appointment.series_id.is_(None)
                    )
                ):
                    row.caldav_href = str(r.obj.url)
                    row.caldav_etag = fingerprint(r.events)
                    row.updated_at = min(row.updated_at, now)
        except ValidationError as exc:
            report.skipped.append(f"{r.events[0].uid}: {exc}")
            return
        report.pulled += 1

    def _cancel_local(self, appointment_id: int, now: datetime) -> None:
        """Deleted on the server: kept here as cancelled (history is never deleted)."""
        with self.db.transaction() as s:
            row = s.get(Appointment, appointment_id)
            if row is not None and row.state != "cancelled":
                row.state = "cancelled"
                row.sequence += 1
                row.caldav_href = ""
                row.updated_at = now


def sync(
    db: Database,
    url: str,
    username: str,
    password: str,
    *,
    calendar_name: str = DEFAULT_CALENDAR,
    default_client_id: int | None = None,
    now: datetime | None = None,
) -> SyncReport:
    client = connect(url, username, password)
    return CalDavSync(db, open_calendar(client, calendar_name), default_client_id=default_client_id).run(now)
