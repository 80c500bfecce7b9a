"""`msp-console interventions|calls|today …` (and, via appointment_commands, appointments|caldav)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from msp_console.app import App
from msp_console.cli.common import CommandError, open_app, print_json
from msp_console.db.models import Contact, Machine
from msp_console.services.interventions import Scheduling
from msp_console.services.interventions.views import InterventionView


def register(sub: argparse._SubParsersAction) -> None:
    iv = sub.add_parser("interventions", help="interventions (tickets): list, show, open, move, close")
    ivs = iv.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = ivs.add_parser("list", help="interventions, newest first")
    p.add_argument("--state", help="only this state (open, contacted, scheduled, …)")
    p.add_argument("--client", help="only this client (name or id)")
    p.add_argument("--active", action="store_true", help="leave out closed interventions")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)
    p = ivs.add_parser("show", help="one intervention with its SLA clocks and timeline")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_show)
    p = ivs.add_parser("open", help="open an intervention")
    p.add_argument("--client", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--machine", action="append", default=[], help="machine name (repeatable)")
    p.add_argument("--description", default="")
    p.add_argument("--priority", default="P3", help="P1 … P4 (default P3)")
    p.add_argument("--origin", default="client_call", help="monitoring, client_call or planned")
    p.add_argument("--check-ref", default="", help="the monitoring check it comes from")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_open)
    p = ivs.add_parser("move", help="change the state (refused if the move is not allowed)")
    p.add_argument("id", type=int)
    p.add_argument("state")
    p.add_argument("--note", default="")
    p.set_defaults(handler=_move)
    p = ivs.add_parser("close", help="close an intervention")
    p.add_argument("id", type=int)
    p.add_argument("--note", default="")
    p.set_defaults(handler=_close)
    p = ivs.add_parser("note", help="add a note to the timeline")
    p.add_argument("id", type=int)
    p.add_argument("text")
    p.set_defaults(handler=_note)
    p = ivs.add_parser("time", help="log time spent")
    p.add_argument("id", type=int)
    p.add_argument("minutes", type=int)
    p.add_argument("--note", default="")
    p.set_defaults(handler=_time)

    calls = sub.add_parser("calls", help="log calls and list the calls to make")
    cs = calls.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = cs.add_parser("log", help="log a call")
    p.add_argument("--client", required=True)
    p.add_argument(
        "--outcome",
        required=True,
        help="reached, no_answer, call_back_later; after the work: all_ok or still_broken",
    )
    p.add_argument("--intervention", type=int)
    p.add_argument("--contact", default="", help="contact name")
    p.add_argument("--direction", default="outbound", choices=("outbound", "inbound"))
    p.add_argument("--note", default="")
    p.add_argument("--call-back-at", help="ISO date-time for call_back_later")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_log_call)
    p = cs.add_parser("due", help="retries, call-backs and follow-ups due by the end of today")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_due)

    today = sub.add_parser("today", help="the morning page: whom to call, appointments, SLA alerts")
    today.add_argument("--json", action="store_true")
    today.set_defaults(handler=_today)

    from msp_console.cli import appointment_commands, sla_commands

    appointment_commands.register(sub)
    sla_commands.register(sub)


# -- helpers shared with appointment_commands ---------------------------------------------------
def client_id(app: App, text: str) -> int:
    return int(text) if text.isdigit() else app.inventory.client_id_by_name(text)


def machine_id(app: App, cid: int, name: str) -> int:
    with app.db.read() as s:
        mid = s.scalar(
            select(Machine.id).where(
                Machine.client_id == cid, func.lower(Machine.name) == name.strip().lower()
            )
        )
    if mid is None:
        raise CommandError(f"the client has no machine named {name!r}")
    return int(mid)


def parse_when(app: App, text: str, field: str) -> datetime:
    """ISO date-time; without an offset it is read in the business time zone."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{field}: {text!r} is not an ISO date-time like 2026-11-24T14:00") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=Scheduling(app.db).appointments.tz())
    return value


def jsonable(value: Any) -> Any:
    if isinstance(value, timedelta):
        return int(value.total_seconds() // 60)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _run(args: argparse.Namespace, fn: Any) -> int:
    app = open_app(args)
    try:
        return int(fn(app, Scheduling(app.db)) or 0)
    finally:
        app.close()


# -- handlers -----------------------------------------------------------------------------------
def _list(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        cid = client_id(app, args.client) if args.client else None
        rows = sc.interventions.list(state=args.state, client_id=cid, active_only=args.active)
        if args.json:
            print_json({"interventions": [jsonable(asdict(r)) for r in rows]})
        for r in [] if args.json else rows:
            print(
                f"#{r.id:<5} {r.priority}  {r.state:<18} {r.client_name}: {r.title}  "
                f"(opened {r.opened_at:%Y-%m-%d %H:%M})"
            )
        return 0

    return _run(args, go)


def _show(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        view = sc.interventions.show(args.id)
        if args.json:
            print_json(jsonable(asdict(view)))
        else:
            _print_view(view, sc.appointments.tz())
        return 0

    return _run(args, go)


def _print_view(v: InterventionView, tz: Any) -> None:
    print(f"#{v.id} {v.title}  [{v.state}, {v.priority}, SLA {v.sla_plan}]")
    print(f"client: {v.client_name}   machines: {', '.join(n for _, n in v.machines) or '-'}")
    for c in v.clocks:
        due = f"due {c.deadline.astimezone(tz):%Y-%m-%d %H:%M}" if c.deadline else "paused"
        print(
            f"  {c.name:<10} {c.level:<8} {int(c.elapsed.total_seconds() // 60)} of "
            f"{int(c.target.total_seconds() // 60)} business min, {due}"
        )
    print(f"next: {', '.join(v.allowed_next)}")
    for e in v.timeline:
        print(f"  {e.at.astimezone(tz):%Y-%m-%d %H:%M}  {e.kind:<11} {e.summary}")


def _open(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        cid = client_id(app, args.client)
        mids = [machine_id(app, cid, m) for m in args.machine]
        iid = sc.interventions.open(
            cid,
            args.title,
            machine_ids=mids,
            description=args.description,
            origin=args.origin,
            check_ref=args.check_ref,
            priority=args.priority,
        )
        if args.json:
            print_json({"id": iid})
        else:
            print(f"opened intervention #{iid}")
        return 0

    return _run(args, go)


def _move(args: argparse.Namespace) -> int:
    return _run(
        args,
        lambda app, sc: print(
            f"#{args.id} is now {sc.interventions.transition(args.id, args.state.lower(), note=args.note)}"
        ),
    )


def _close(args: argparse.Namespace) -> int:
    return _run(
        args, lambda app, sc: print(f"#{args.id} is now {sc.interventions.close(args.id, note=args.note)}")
    )


def _note(args: argparse.Namespace) -> int:
    return _run(args, lambda app, sc: sc.interventions.add_note(args.id, args.text))


def _time(args: argparse.Namespace) -> int:
    return _run(args, lambda app, sc: sc.interventions.log_time(args.id, args.minutes, args.note))


def _log_call(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        cid = client_id(app, args.client)
        contact_id = None
        if args.contact:
            with app.db.read() as s:
                contact_id = s.scalar(
                    select(Contact.id).where(
                        Contact.client_id == cid, func.lower(Contact.name) == args.contact.strip().lower()
                    )
                )
        back = parse_when(app, args.call_back_at, "--call-back-at") if args.call_back_at else None
        result = sc.calls.log(
            cid,
            args.outcome,
            intervention_id=args.intervention,
            contact_id=contact_id,
            contact_name=args.contact,
            direction=args.direction,
            note=args.note,
            call_back_at=back,
        )
        if args.json:
            print_json(asdict(result))
        else:
            print(
                f"call #{result.call_id} logged"
                + (f"; intervention now {result.state}" if result.state else "")
                + (f"; call task #{result.task_id} scheduled" if result.task_id else "")
                + ("; it needs a new appointment" if result.needs_appointment else "")
            )
        return 0

    return _run(args, go)


def _due(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        rows = sc.today().calls_due
        if args.json:
            print_json({"calls": [jsonable(asdict(r)) for r in rows]})
        for r in [] if args.json else rows:
            print(
                f"{r.due_at.astimezone(sc.appointments.tz()):%Y-%m-%d %H:%M}  {r.kind:<10} {r.client_name}"
                f"  {r.phone}  {r.note}"
            )
        return 0

    return _run(args, go)


def _today(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        view = sc.today()
        if args.json:
            print_json(jsonable(asdict(view)))
            return 0
        tz = sc.appointments.tz()
        print(f"Today {view.day}")
        print("Problems to call:")
        for p in view.problems_to_call:
            print(f"  {p.client_name} {p.machine_name}  {p.summary}  tel:{p.phone}")
        print("Appointments:")
        for a in view.appointments:
            print(
                f"  {a.start.astimezone(tz):%H:%M}-{a.end.astimezone(tz):%H:%M}  {a.client_name}: {a.title}"
                f"  {'on site' if a.on_site else 'remote'}  {a.technician}"
            )
        print("Calls due:")
        for c in view.calls_due:
            print(f"  {c.due_at.astimezone(tz):%H:%M}  {c.kind}  {c.client_name}  tel:{c.phone}")
        print("SLA alerts:")
        for al in view.sla_alerts:
            print(f"  #{al.intervention_id} {al.client_name}: {al.title}  {al.clock.name} {al.clock.level}")
        return 0

    return _run(args, go)
