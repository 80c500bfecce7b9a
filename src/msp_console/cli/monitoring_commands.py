"""`msp-console checks|poll|poller|maintenance|ack`: monitoring without the window."""

from __future__ import annotations

import argparse
import getpass
import json
import signal
import sys
from datetime import UTC, datetime
from typing import Any

from msp_console.cli.common import EXIT_INPUT, EXIT_USAGE, CommandError, open_app, print_json
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.preferences import load_preferences


def register(sub: argparse._SubParsersAction) -> None:
    checks = sub.add_parser("checks", help="add, list or remove the checks of machines")
    csub = checks.add_subparsers(dest="checks_command", metavar="ACTION", required=True)
    add = csub.add_parser("add", help="add a check to CLIENT/MACHINE")
    add.add_argument("machine", metavar="CLIENT/MACHINE")
    add.add_argument(
        "type",
        help="ping, tcp, http, ssh, plugin, backup_age, snmp, restic, borg, proxmox_backup, hyper_backup, "
        "veeam (see docs/checks.md)",
    )
    add.add_argument("--name", default="")
    add.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="K=V",
        help="tcp port; http url, expect_status, contains, verify; ssh/plugin command, port, user; "
        "snmp oid, community; ping count; restic/borg repository, password_ref; proxmox_backup token_id, "
        "token_ref, fingerprint; hyper_backup/veeam user, password_ref, fingerprint (repeatable)",
    )
    add.add_argument("--warn", default="")
    add.add_argument("--crit", default="")
    add.add_argument(
        "--interval", default=None, metavar="SECONDS", help="default: Settings → Polling (60 s as installed)"
    )
    add.set_defaults(handler=_checks_add)
    lst = csub.add_parser("list", help="every check with its current state")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_checks_list)
    rm = csub.add_parser("remove", help="remove a check")
    rm.add_argument("machine", metavar="CLIENT/MACHINE")
    rm.add_argument("name")
    rm.set_defaults(handler=_checks_remove)

    poll = sub.add_parser("poll", help="run every enabled check once now (exit 0 whatever the states)")
    poll.add_argument("--once", action="store_true", required=True)
    poll.add_argument("--json", action="store_true", help="one JSON object per line, one line per check")
    poll.add_argument("--workers", type=int, default=16)
    poll.set_defaults(handler=_poll_once)

    poller = sub.add_parser("poller", help="run the monitoring engine as a service (no window)")
    poller.add_argument(
        "--workers", type=int, default=None, help="checks run at once (default: Settings → Polling, 8)"
    )
    poller.add_argument(
        "--lease-seconds",
        type=float,
        default=60.0,
        help="team mode: a dead poller's machines are taken over after this long",
    )
    poller.add_argument(
        "--refresh-seconds",
        type=float,
        default=10.0,
        help="how often to pick up new checks, leases, acks and maintenance",
    )
    poller.add_argument("--interval-scale", type=float, default=1.0, help=argparse.SUPPRESS)
    poller.add_argument("--name", default=None, help="this poller's name in team mode (default host:pid)")
    poller.set_defaults(handler=_poller)

    maint = sub.add_parser("maintenance", help="scheduled maintenance windows (no alerts inside them)")
    msub = maint.add_subparsers(dest="maintenance_command", metavar="ACTION", required=True)
    madd = msub.add_parser("add", help="a window on CLIENT (all its machines) or CLIENT/MACHINE")
    madd.add_argument("target", metavar="CLIENT[/MACHINE]")
    madd.add_argument("--start", required=True, help="ISO time, e.g. 2026-12-06T02:00+01:00")
    madd.add_argument("--end", required=True, help="ISO time")
    madd.add_argument("--rrule", default="", help="repeat, e.g. FREQ=WEEKLY;BYDAY=SU (RFC 5545)")
    madd.add_argument("--comment", default="")
    madd.set_defaults(handler=_maintenance_add)
    mlist = msub.add_parser("list")
    mlist.add_argument("--json", action="store_true")
    mlist.set_defaults(handler=_maintenance_list)

    ack = sub.add_parser("ack", help="acknowledge a problem (silences its alerts)")
    ack.add_argument("machine", metavar="CLIENT/MACHINE")
    ack.add_argument("check")
    ack.add_argument("--comment", required=True)
    ack.add_argument("--sticky", action="store_true", help="keep until OK (default: until any change)")
    ack.add_argument("--author", default=None)
    ack.set_defaults(handler=_ack)


def _refuse(exc: Exception) -> CommandError:
    if isinstance(exc, ValidationError):
        return CommandError("; ".join(str(e) for e in exc.errors), EXIT_INPUT)
    return CommandError(str(exc), EXIT_INPUT)


def _checks_add(args: argparse.Namespace) -> int:
    from msp_console.monitoring.params import clean_check, parse_kv
    from msp_console.monitoring.service import add_check

    app = open_app(args)
    try:
        params: dict[str, str] = {}
        for item in args.param:
            params.update(parse_kv(item, sep="\0", field="--param"))
        defaults = load_preferences().check_defaults()
        fields = clean_check(
            args.type, args.name, params, args.warn, args.crit, args.interval, defaults=defaults
        )
        check_id = add_check(app.db, args.machine, fields)
    except (ValidationError, NotFoundError) as exc:
        raise _refuse(exc) from exc
    finally:
        app.close()
    print(
        f"added check '{fields.name}' ({fields.type.value}, every {fields.interval_s} s) to {args.machine} "
        f"[id {check_id}]"
    )
    return 0


def _checks_list(args: argparse.Namespace) -> int:
    from msp_console.monitoring.service import list_checks

    app = open_app(args)
    try:
        views = list_checks(app.db)
    finally:
        app.close()
    if args.json:
        print_json(
            [
                {
                    "id": v.id,
                    "client": v.client,
                    "machine": v.machine,
                    "name": v.name,
                    "type": v.type,
                    "params": v.params,
                    "warn": v.warn,
                    "crit": v.crit,
                    "interval": v.interval_s,
                    "enabled": v.enabled,
                    "state": v.state,
                    "hard_state": v.hard_state,
                    "output": v.output,
                    "last_run": v.last_run.isoformat() if v.last_run else None,
                    "acked": v.acked,
                }
                for v in views
            ]
        )
        return 0
    for v in views:
        params = ";".join(f"{k}={val}" for k, val in sorted(v.params.items()))
        print(
            f"{v.client}/{v.machine}  {v.name}  {v.type}  {params or '-'}  every {v.interval_s}s  "
            f"{v.state}{' (acked)' if v.acked else ''}{'' if v.enabled else ' [disabled]'}"
        )
    return 0


def _checks_remove(args: argparse.Namespace) -> int:
    from msp_console.monitoring.service import remove_check

    app = open_app(args)
    try:
        remove_check(app.db, args.machine, args.name)
    except (ValidationError, NotFoundError) as exc:
        raise _refuse(exc) from exc
    finally:
        app.close()
    print(f"removed check '{args.name}' from {args.machine}")
    return 0


def _poll_once(args: argparse.Namespace) -> int:
    from msp_console.monitoring.engine import Engine
    from msp_console.monitoring.poller import default_runner
    from msp_console.monitoring.store import load_plan, load_statuses, load_world
    from msp_console.monitoring.writer import persist

    app = open_app(args)
    try:
        with app.db.read() as s:
            plan = load_plan(s)
            statuses = load_statuses(s, [p.spec.check_id for p in plan])
            world = load_world(s)
        engine = Engine(default_runner(app.db), workers=max(1, args.workers))
        engine.set_checks(plan, statuses)
        engine.set_world(world)
        results = {p.result.check_id: p for p in engine.run_once()}
        with app.db.transaction() as s:
            persist(s, list(results.values()))
    finally:
        app.close()
    for p in plan:
        done = results.get(p.spec.check_id)
        if done is None:
            continue
        row: dict[str, Any] = {
            "client": p.client,
            "machine": p.machine,
            "check": p.name,
            "state": done.status.state.value,
            "hard_state": done.status.hard_state.value,
            "output": done.result.outcome.output,
            "duration_ms": round(done.result.outcome.duration_ms, 1),
        }
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(
                f"{p.client}/{p.machine}  {p.name}  {row['state']} ({row['hard_state']})  "
                f"{row['duration_ms']} ms  {row['output']}"
            )
    return 0


def _poller(args: argparse.Namespace) -> int:
    from msp_console.monitoring.poller import Poller

    if args.workers is None:
        args.workers = load_preferences().poll_workers
    if args.workers < 1 or args.lease_seconds <= 0 or args.refresh_seconds <= 0:
        raise CommandError("--workers, --lease-seconds and --refresh-seconds must be positive", EXIT_USAGE)
    app = open_app(args)
    poller = Poller(
        app.db,
        workers=args.workers,
        owner=args.name,
        lease_s=args.lease_seconds,
        refresh_s=min(args.refresh_seconds, args.lease_seconds / 3),
        interval_scale=args.interval_scale,
    )

    def stop(signum: int, _frame: Any) -> None:
        poller.request_stop()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        poller.start()
        mode = "team mode" if poller.team else "single poller"
        print(
            f"poller running ({mode}, {args.workers} workers, {len(poller.engine.check_ids)} checks); "
            "stop with Ctrl+C or SIGTERM",
            file=sys.stderr,
            flush=True,
        )
        while not poller.wait(1.0):
            pass
    finally:
        poller.stop()
        app.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("poller stopped", file=sys.stderr)
    return 0


def _parse_time(text: str, field: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{field}: '{text}' is not an ISO time (e.g. 2026-12-06T02:00+01:00)") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _maintenance_add(args: argparse.Namespace) -> int:
    from msp_console.monitoring.service import add_maintenance

    start, end = _parse_time(args.start, "--start"), _parse_time(args.end, "--end")
    app = open_app(args)
    try:
        window_id = add_maintenance(app.db, args.target, start, end, args.rrule, args.comment)
    except (ValidationError, NotFoundError) as exc:
        raise _refuse(exc) from exc
    finally:
        app.close()
    repeat = f", repeating {args.rrule}" if args.rrule else ""
    print(f"maintenance window {window_id} on {args.target}: {start.isoformat()} → {end.isoformat()}{repeat}")
    return 0


def _maintenance_list(args: argparse.Namespace) -> int:
    from msp_console.monitoring.service import list_maintenance

    app = open_app(args)
    try:
        windows = list_maintenance(app.db)
    finally:
        app.close()
    if args.json:
        print_json(
            [
                {
                    "id": w.id,
                    "client": w.client,
                    "machine": w.machine,
                    "start": w.start.isoformat(),
                    "end": w.end.isoformat(),
                    "rrule": w.rrule,
                    "comment": w.comment,
                }
                for w in windows
            ]
        )
        return 0
    for w in windows:
        target = f"{w.client}/{w.machine}" if w.machine else w.client
        print(
            f"{w.id}  {target}  {w.start.isoformat()} → {w.end.isoformat()}  {w.rrule or 'once'}  {w.comment}"
        )
    return 0


def _ack(args: argparse.Namespace) -> int:
    from msp_console.monitoring.service import acknowledge

    author = args.author or getpass.getuser()
    app = open_app(args)
    try:
        acknowledge(app.db, args.machine, args.check, args.comment, sticky=args.sticky, author=author)
    except (ValidationError, NotFoundError) as exc:
        raise _refuse(exc) from exc
    finally:
        app.close()
    print(f"acknowledged {args.machine} {args.check} ({'until OK' if args.sticky else 'until it changes'})")
    return 0
