"""`msp-console scheduling settings` and `msp-console sla-plans list|set|assign`."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from msp_console.app import App
from msp_console.cli.common import open_app, print_json
from msp_console.cli.intervention_commands import client_id
from msp_console.domain.errors import ValidationError
from msp_console.services.interventions import Scheduling
from msp_console.services.interventions.plans import parse_targets


def register(sub: argparse._SubParsersAction) -> None:
    sc = sub.add_parser("scheduling", help="business hours, follow-up delay, reopen window, reminders")
    scs = sc.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = scs.add_parser("settings", help="show, or change with the options below")
    p.add_argument("--business-hours", help="e.g. 09:00-18:00")
    p.add_argument("--business-days", help="Monday=0, e.g. 0,1,2,3,4")
    p.add_argument("--timezone", help="e.g. Europe/Rome")
    p.add_argument("--reopen-days", type=int, help="a problem back within N days reopens the intervention")
    p.add_argument("--follow-up-days", type=int, help="business days before the follow-up call")
    p.add_argument("--follow-up-time", help="e.g. 10:00")
    p.add_argument("--retry-minutes", type=int, help="call again after 'no answer'")
    p.add_argument("--reminder-minutes", type=int, help="remind this long before an appointment")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_settings)

    sp = sub.add_parser("sla-plans", help="SLA plans: response/resolution targets per priority")
    sps = sp.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sps.add_parser("list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_plans)
    p = sps.add_parser("set", help="create or change a plan")
    p.add_argument("name")
    p.add_argument(
        "--targets",
        required=True,
        help="P1=60/480,P2=240/1080,P3=480/2700,P4=1080/5400 (business minutes response/resolution)",
    )
    p.add_argument("--default", action="store_true", help="the plan of clients without one")
    p.set_defaults(handler=_set_plan)
    p = sps.add_parser("assign", help="the plan a client's new interventions follow")
    p.add_argument("--client", required=True)
    p.add_argument("name")
    p.set_defaults(handler=_assign)


def _with(args: argparse.Namespace, fn: object) -> int:
    app = open_app(args)
    try:
        assert callable(fn)
        return int(fn(app, Scheduling(app.db)) or 0)
    finally:
        app.close()


def _settings(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        changes: dict[str, object] = {}
        if args.business_hours:
            start, sep, end = args.business_hours.partition("-")
            if not sep:
                raise ValidationError.single("business_hours", "give them like 09:00-18:00")
            changes.update(business_start=start.strip(), business_end=end.strip())
        for option, key in (
            ("business_days", "business_days"),
            ("timezone", "timezone"),
            ("reopen_days", "reopen_days"),
            ("follow_up_days", "follow_up_business_days"),
            ("follow_up_time", "follow_up_time"),
            ("retry_minutes", "retry_minutes"),
            ("reminder_minutes", "reminder_minutes"),
        ):
            value = getattr(args, option)
            if value is not None:
                changes[key] = value
        current = sc.interventions.update_settings(**changes) if changes else sc.interventions.settings()
        if args.json:
            print_json(asdict(current))
        else:
            for key, value in asdict(current).items():
                print(f"{key}: {value}")
        return 0

    return _with(args, go)


def _plans(args: argparse.Namespace) -> int:
    def go(app: App, sc: Scheduling) -> int:
        plans = sc.sla_plans.list()
        if args.json:
            print_json({"plans": [asdict(p) for p in plans]})
            return 0
        for p in plans:
            targets = ", ".join(f"{pr} {r}/{res} min" for pr, r, res in p.targets)
            print(f"{p.name}{' (default)' if p.default else ''}: {targets}")
        return 0

    return _with(args, go)


def _set_plan(args: argparse.Namespace) -> int:
    return _with(
        args, lambda app, sc: sc.sla_plans.save(args.name, parse_targets(args.targets), default=args.default)
    )


def _assign(args: argparse.Namespace) -> int:
    return _with(args, lambda app, sc: sc.sla_plans.assign(client_id(app, args.client), args.name))
