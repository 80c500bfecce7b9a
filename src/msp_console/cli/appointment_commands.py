"""`msp-console appointments …` and `msp-console caldav sync` (registered by intervention_commands)."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from msp_console.app import App
from msp_console.cli.common import CommandError, open_app, print_json
from msp_console.cli.intervention_commands import client_id, jsonable, machine_id, parse_when
from msp_console.fileio import atomic_write_bytes
from msp_console.services.interventions import (
    AppointmentChanges,
    AppointmentConflict,
    AppointmentDraft,
    Scheduling,
)


def register(sub: argparse._SubParsersAction) -> None:
    ap = sub.add_parser("appointments", help="the appointment calendar: add, list, move, cancel, .ics")
    aps = ap.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = aps.add_parser("add", help="add an appointment (refused on a technician conflict unless --force)")
    p.add_argument("--client", required=True)
    p.add_argument("--machine")
    p.add_argument("--intervention", type=int)
    p.add_argument("--start", required=True, help="ISO date-time, e.g. 2026-11-24T14:00")
    p.add_argument("--duration", type=int, required=True, help="minutes")
    p.add_argument("--title", required=True)
    p.add_argument("--on-site", action="store_true", help="at the client's (default: remote)")
    p.add_argument("--technician", default="")
    p.add_argument("--notes", default="")
    p.add_argument("--rrule", default="", help="RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=1MO")
    p.add_argument("--force", action="store_true", help="book even if the technician is busy")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_add)
    p = aps.add_parser("list", help="appointments in a range (default: the next 7 days)")
    p.add_argument("--from", dest="start", help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", help="last day included (YYYY-MM-DD)")
    p.add_argument("--technician")
    p.add_argument("--cancelled", action="store_true", help="include cancelled ones")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)
    p = aps.add_parser("move", help="move an appointment, one occurrence (--occurrence) or a whole series")
    p.add_argument("id", type=int)
    p.add_argument("--start", required=True)
    p.add_argument("--duration", type=int)
    p.add_argument("--occurrence", help="original start of the occurrence to move")
    p.add_argument("--force", action="store_true")
    p.set_defaults(handler=_move)
    p = aps.add_parser(
        "edit", help="change an appointment's fields, one occurrence (--occurrence) or a series (--series)"
    )
    p.add_argument("id", type=int)
    p.add_argument("--title")
    p.add_argument("--technician", help="'' for nobody")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--on-site", dest="on_site", action="store_const", const=True, help="at the client's")
    where.add_argument("--remote", dest="on_site", action="store_const", const=False, help="remotely")
    p.add_argument("--notes")
    p.add_argument("--duration", type=int, help="minutes")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--occurrence", help="original start of the one occurrence to change")
    scope.add_argument("--series", action="store_true", help="change every occurrence of the series")
    p.add_argument("--force", action="store_true", help="save even if the technician is busy")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_edit)
    p = aps.add_parser("cancel", help="cancel an appointment or one occurrence")
    p.add_argument("id", type=int)
    p.add_argument("--occurrence")
    p.set_defaults(handler=_cancel)
    p = aps.add_parser("done", help="mark the work done (the follow-up call gets scheduled)")
    p.add_argument("id", type=int)
    p.add_argument("--occurrence")
    p.set_defaults(handler=_done)
    p = aps.add_parser("export", help="write an iCalendar file (a range, or one invitation with --id)")
    p.add_argument("--ics", required=True, type=Path)
    p.add_argument("--from", dest="start")
    p.add_argument("--to", dest="end")
    p.add_argument("--id", type=int, help="one appointment as an invitation (REQUEST or CANCEL)")
    p.add_argument("--organizer", default="", help="your e-mail address, for --id invitations")
    p.set_defaults(handler=_export)
    p = aps.add_parser(
        "import", help="read an iCalendar file or invitation (all or nothing; the same UID updates)"
    )
    p.add_argument("--ics", required=True, type=Path)
    p.add_argument("--client", help="client for events that name none")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_import)

    cd = sub.add_parser("caldav", help="two-way sync with a CalDAV server")
    cds = cd.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = cds.add_parser("sync", help="sync now (the password comes from the OS keyring)")
    p.add_argument("--url", help="server URL (remembered)")
    p.add_argument("--user", help="user name (remembered)")
    p.add_argument("--calendar", default="MSP Console")
    p.add_argument("--client", help="client for events created elsewhere")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_caldav_sync)
    p = cds.add_parser("set-password", help="store the CalDAV password in the OS keyring (asked, not echoed)")
    p.add_argument("--user", required=True)
    p.set_defaults(handler=_caldav_password)


def _with(args: argparse.Namespace, fn: Callable[[App, Scheduling], int]) -> int:
    app = open_app(args)
    try:
        return int(fn(app, Scheduling(app.db)) or 0)
    finally:
        app.close()


def _day(text: str | None, default: date) -> date:
    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date like 2026-11-24") from None


def _range(sc: Scheduling, start: str | None, end: str | None) -> tuple[datetime, datetime]:
    tz = sc.appointments.tz()
    first = _day(start, datetime.now(tz).date())
    last = _day(end, first + timedelta(days=6))
    if last < first:
        raise CommandError("--to is before --from")
    return datetime.combine(first, time(0), tz), datetime.combine(last + timedelta(days=1), time(0), tz)


def _add(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        cid = client_id(app, args.client)
        draft = AppointmentDraft(
            cid,
            parse_when(app, args.start, "--start"),
            args.title,
            args.duration,
            machine_id=machine_id(app, cid, args.machine) if args.machine else None,
            intervention_id=args.intervention,
            on_site=args.on_site,
            technician=args.technician,
            notes=args.notes,
            rrule=args.rrule,
        )
        try:
            result = sc.appointments.add(draft, force=args.force)
        except AppointmentConflict as exc:
            raise CommandError(f"{exc} — use --force to book it anyway") from None
        if args.json:
            print_json(jsonable(asdict(result)))
        else:
            print(f"appointment #{result.id} added")
            for w in result.warnings:
                print(f"warning: {w}")
            for c in result.conflicts:
                print(f"warning: {c.technician} is also busy with #{c.appointment_id} {c.title}")
        return 0

    return _with(args, go)


def _list(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        lo, hi = _range(sc, args.start, args.end)
        rows = sc.appointments.between(lo, hi, technician=args.technician, include_cancelled=args.cancelled)
        if args.json:
            print_json({"appointments": [jsonable(asdict(r)) for r in rows]})
            return 0
        for r in rows:
            print(
                f"#{r.id:<5} {r.start:%a %Y-%m-%d %H:%M}-{r.end:%H:%M}  {r.client_name}: {r.title}  "
                f"{'on site' if r.on_site else 'remote'}  {r.technician or '-'}  {r.state}"
                + ("  (recurring)" if r.recurring else "")
            )
        return 0

    return _with(args, go)


def _move(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        occurrence = _occurrence(app, args)
        try:
            result = sc.appointments.move(
                args.id,
                parse_when(app, args.start, "--start"),
                duration_minutes=args.duration,
                occurrence=occurrence,
                force=args.force,
            )
        except AppointmentConflict as exc:
            raise CommandError(f"{exc} — use --force to move it anyway") from None
        print(f"appointment #{result.id} moved")
        for w in result.warnings:
            print(f"warning: {w}")
        return 0

    return _with(args, go)


def _edit(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        occurrence = _occurrence(app, args)
        changes = AppointmentChanges(
            title=args.title,
            technician=args.technician,
            on_site=args.on_site,
            notes=args.notes,
            duration_minutes=args.duration,
        )
        if changes == AppointmentChanges():
            raise CommandError(
                "nothing to change: give --title, --technician, --on-site/--remote, --notes or --duration"
            )
        try:
            result = sc.appointments.update(
                args.id,
                changes,
                occurrence=occurrence,
                scope="series" if args.series else "one",
                force=args.force,
            )
        except AppointmentConflict as exc:
            raise CommandError(f"{exc} — use --force to save it anyway") from None
        if args.json:
            print_json(jsonable(asdict(result)))
            return 0
        print(f"appointment #{result.id} changed")
        for w in result.warnings:
            print(f"warning: {w}")
        for c in result.conflicts:
            print(f"warning: {c.technician} is also busy with #{c.appointment_id} {c.title}")
        return 0

    return _with(args, go)


def _occurrence(app: App, args: argparse.Namespace) -> datetime | None:
    """The --occurrence of a recurring appointment, when given."""
    return parse_when(app, args.occurrence, "--occurrence") if args.occurrence else None


def _cancel(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        occurrence = _occurrence(app, args)
        print(f"appointment #{sc.appointments.cancel(args.id, occurrence=occurrence)} cancelled")
        return 0

    return _with(args, go)


def _done(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        occurrence = _occurrence(app, args)
        print(f"appointment #{sc.appointments.complete(args.id, occurrence=occurrence)} done")
        return 0

    return _with(args, go)


def _export(args: argparse.Namespace) -> int:
    from msp_console.calendar.ics_export import export_range, invitation

    def go(app: App, sc: Scheduling) -> int:
        if args.id is not None:
            data = invitation(app.db, args.id, organizer=args.organizer)
        else:
            lo, hi = _range(sc, args.start, args.end)
            data = export_range(app.db, lo, hi)
        atomic_write_bytes(args.ics, data)
        print(f"wrote {args.ics}")
        return 0

    return _with(args, go)


def _import(args: argparse.Namespace) -> int:
    from msp_console.calendar.ics_import import import_ics

    def go(app: App, sc: Scheduling) -> int:
        try:
            data = args.ics.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {args.ics}: {exc.strerror}") from None
        cid = client_id(app, args.client) if args.client else None
        report = import_ics(app.db, data, default_client_id=cid)
        if args.json:
            print_json(report.as_dict())
        else:
            print(
                f"imported {report.created} new, updated {report.updated}, unchanged {report.unchanged}"
                + (f", kept {report.kept_newer} newer" if report.kept_newer else "")
            )
            for note in report.notes:
                print(f"note: {note}")
        return 0

    return _with(args, go)


def _caldav_sync(args: argparse.Namespace) -> int:
    from msp_console import secrets
    from msp_console.calendar.caldav_sync import secret_ref, sync

    def go(app: App, sc: Scheduling) -> int:
        with app.db.transaction() as s:
            stored = {"caldav_url": args.url, "caldav_user": args.user}
            _remember(s, stored)
            url, user = _recall(s)
        if not url or not user:
            raise CommandError("give --url and --user the first time (they are remembered)")
        try:
            password = secrets.get_secret(secret_ref(user))
        except secrets.KeyringUnavailableError as exc:
            raise CommandError(str(exc)) from None
        if password is None:
            raise CommandError(
                f"no CalDAV password in the keyring for {user}: run "
                f"`msp-console caldav set-password --user {user}`"
            )
        cid = client_id(app, args.client) if args.client else None
        try:
            report = sync(app.db, url, user, password, calendar_name=args.calendar, default_client_id=cid)
        except Exception as exc:  # network and server errors: say what failed, not a traceback
            if isinstance(exc, CommandError):
                raise
            raise CommandError(f"CalDAV sync with {url} failed: {type(exc).__name__}: {exc}") from None
        if args.json:
            print_json(report.as_dict())
        else:
            print(
                f"pushed {report.pushed}, pulled {report.pulled}, cancelled here {report.cancelled_locally}"
            )
            for c in report.conflicts:
                print(f"conflict: {c}")
            for sk in report.skipped:
                print(f"skipped: {sk}")
        return 0

    return _with(args, go)


def _remember(s: Session, values: dict[str, str | None]) -> None:
    from msp_console.db.models import SchedulingSetting

    for key, value in values.items():
        if value:
            row = s.get(SchedulingSetting, key) or SchedulingSetting(key=key)
            row.value = value
            s.add(row)


def _recall(s: Session) -> tuple[str, str]:
    from msp_console.db.models import SchedulingSetting

    url = s.get(SchedulingSetting, "caldav_url")
    user = s.get(SchedulingSetting, "caldav_user")
    return (url.value if url else "", user.value if user else "")


def _caldav_password(args: argparse.Namespace) -> int:
    from msp_console import secrets
    from msp_console.calendar.caldav_sync import secret_ref

    password = getpass.getpass(f"CalDAV password for {args.user}: ")
    if not password:
        raise CommandError("empty password: nothing stored")
    try:
        secrets.set_secret(secret_ref(args.user), password)
    except secrets.KeyringUnavailableError as exc:
        raise CommandError(str(exc)) from None
    print("stored in the OS keyring")
    return 0


__all__ = ["register"]
