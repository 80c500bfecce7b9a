"""`msp-console sdi send|fetch|receipt|status|channel`: invoices to the SdI by PEC, and its answers.

Exit codes beyond the common ones: 1 when an invoice failed the precheck, was already sent, or a
notification was malformed / unknown / badly signed; 4 when the mail server could not be reached
or refused the login or a message (nothing is lost: the sending is recorded as failed and
retried, the fetch is simply run again).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from msp_console.app import App
from msp_console.cli.common import EXIT_INPUT, EXIT_OK, CommandError, print_json

EXIT_TRANSPORT = 4


def register(sub: argparse._SubParsersAction) -> None:
    from msp_console.cli.billing_commands import _month, _with_app

    sdi = sub.add_parser("sdi", help="send invoices to the SdI by PEC and apply its notifications")
    ssub = sdi.add_subparsers(dest="sdi_command", metavar="ACTION", required=True)

    p = ssub.add_parser(
        "send", help="precheck, then send each issued invoice to the SdI (one PEC message each)"
    )
    p.add_argument("--month", type=_month, metavar="YYYY-MM", help="every invoice issued in that month")
    p.add_argument("numbers", nargs="*", default=[], metavar="NUMBER")
    p.add_argument("--dry-run", action="store_true", help="precheck and show the file names, send nothing")
    p.add_argument(
        "--retry-interrupted",
        action="store_true",
        help="NUMBERs whose sending was cut off and is not in the PEC Sent folder: send them again",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_with_app(_send))

    p = ssub.add_parser("fetch", help="read the PEC inbox and apply the SdI's notifications")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_with_app(_fetch))

    p = ssub.add_parser("receipt", help="apply notifications saved as files (.xml or signed .xml.p7m)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_with_app(_receipt))

    p = ssub.add_parser(
        "fix", help="resend a rejected invoice: same number within 5 days of the rejection, else a new one"
    )
    p.add_argument("number", metavar="NUMBER")
    p.add_argument(
        "--new-number",
        action="store_true",
        help="after the 5 days: issue a new invoice replacing it, and send",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_with_app(_fix))

    p = ssub.add_parser("status", help="the SdI state of each invoice sent, with its history")
    p.add_argument("numbers", nargs="*", default=[], metavar="NUMBER")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_with_app(_status))

    p = ssub.add_parser("channel", help="show or set the SdI's address and the PEC account used")
    p.add_argument(
        "--address", help="the SdI's PEC address for the first sending (default sdi@pec.fatturapa.it)"
    )
    p.add_argument("--account", help="the name of the PEC mail account (see `msp-console mail list`)")
    p.add_argument(
        "--forget-dedicated", action="store_true", help="forget the dedicated address the SdI gave"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_with_app(_channel))


def _send(app: App, args: argparse.Namespace) -> int:
    from msp_console.services.billing import sdi_send

    if not args.numbers and args.month is None:
        raise CommandError("say which invoices: --month YYYY-MM or their numbers", EXIT_INPUT)
    if getattr(args, "retry_interrupted", False):
        if not args.numbers:
            raise CommandError(
                "--retry-interrupted needs the invoice numbers (checked one by one)", EXIT_INPUT
            )
        if not args.dry_run:
            sdi_send.release_interrupted(app.db, args.numbers)
    transports = []

    def connect() -> Any:
        transports.append(_transport(app))
        return transports[-1].deliver

    try:
        outcomes = sdi_send.send(
            app.db,
            None if args.dry_run else connect,
            numbers=args.numbers,
            month=args.month,
            today=date.today(),
        )
    finally:
        for transport in transports:
            transport.close()
    if args.json:
        print_json({"invoices": [_outcome_json(o) for o in outcomes], "dry_run": args.dry_run})
    else:
        for o in outcomes:
            print(f"{o.number:>14}  {o.outcome:9}  {o.file_name}  {o.message_id or o.reason}".rstrip())
            for problem in o.problems:
                print(f"{'':16}{problem}")
        if not outcomes:
            print("nothing to send")
    if any(o.outcome == sdi_send.FAILED for o in outcomes):
        return EXIT_TRANSPORT
    bad = {sdi_send.PRECHECK, sdi_send.ALREADY}
    explicit = bool(args.numbers)
    if any(o.outcome in bad and (explicit or o.outcome == sdi_send.PRECHECK) for o in outcomes):
        return EXIT_INPUT
    return EXIT_OK


def _outcome_json(o: Any) -> dict[str, Any]:
    data = asdict(o)
    data["problems"] = [{"code": p.code, "field": p.field, "message": p.message} for p in o.problems]
    return data


def _fetch(app: App, args: argparse.Namespace) -> int:
    from msp_console.services.billing.sdi_fetch import FetchFailed, fetch

    try:
        report = fetch(app.db, _transport(app).inbox)
    except FetchFailed as exc:
        if args.json:
            print_json({"error": str(exc), "applied": [asdict(a) for a in exc.applied]})
        raise CommandError(str(exc), EXIT_TRANSPORT) from exc
    if args.json:
        print_json({"applied": [asdict(a) for a in report.applied], "messages": report.messages})
    else:
        for a in report.applied:
            print(a.message)
        print(f"{report.messages} message(s) read, {len(report.applied)} notification(s)")
    return EXIT_INPUT if report.problems else EXIT_OK


def _receipt(app: App, args: argparse.Namespace) -> int:
    from msp_console.services.billing.sdi_receipts import APPLIED, DUPLICATE, apply_files

    results = apply_files(app.db, args.files)
    if args.json:
        print_json({"notifications": [asdict(r) for r in results]})
    else:
        for r in results:
            print(r.message)
    return EXIT_OK if all(r.outcome in {APPLIED, DUPLICATE} for r in results) else EXIT_INPUT


def _fix(app: App, args: argparse.Namespace) -> int:
    """Within 5 days: the corrected fiscal data of both parties go with the same number and date.
    After: only with --new-number, a new invoice (new number, today) replaces the rejected one."""
    from sqlalchemy import select

    from msp_console.db.models import Invoice
    from msp_console.services.billing import sdi_fix

    with app.db.read() as session:
        invoice_id = session.scalars(select(Invoice.id).where(Invoice.number == args.number)).first()
    if invoice_id is None:
        raise CommandError(f"no invoice numbered {args.number}", EXIT_INPUT)
    today = date.today()
    choice = sdi_fix.fix_choice(app.db, invoice_id, today)
    if choice.same_number:
        number = sdi_fix.refresh_parties(app.db, invoice_id, today)
    elif args.new_number:
        number = sdi_fix.reissue(app.db, invoice_id, today)
    else:
        raise CommandError(
            f"{args.number} was rejected on {choice.rejected_on}: the 5 days to resend it with the same "
            f"number ended on {choice.last_day}. Run again with --new-number to issue a new invoice that "
            "replaces it, and send that.",
            EXIT_INPUT,
        )
    args.numbers, args.month, args.dry_run = [number], None, False
    return _send(app, args)


def _status(app: App, args: argparse.Namespace) -> int:
    from msp_console.services.billing.sdi_records import status_of

    rows = sorted(status_of(app.db).values(), key=lambda s: s.number)
    if args.numbers:
        rows = [r for r in rows if r.number in set(args.numbers)]
    if args.json:
        print_json({"invoices": [asdict(r) for r in rows]})
        return EXIT_OK
    for r in rows:
        print(f"{r.number:>14}  {r.state:13}  {r.file_name}  {r.error}".rstrip())
        for h in r.history:
            print(f"{'':16}{h.at.astimezone():%Y-%m-%d %H:%M}  {h.kind:7} {h.state:13} {h.detail}".rstrip())
            for code, text in h.errors:
                print(f"{'':20}{code} {text}")
    return EXIT_OK


def _channel(app: App, args: argparse.Namespace) -> int:
    from msp_console.services.billing.sdi_channel import show_channel, update_channel

    if args.address is not None or args.account is not None or args.forget_dedicated:
        update_channel(
            app.db, address=args.address, account=args.account, forget_dedicated=args.forget_dedicated
        )
    info = show_channel(app.db)
    if args.json:
        print_json(info)
    else:
        for key, value in info.items():
            print(f"{key}: {value}")
    return EXIT_OK


def _transport(app: App) -> Any:
    from msp_console.services.billing.sdi_transport import PecTransport, TransportUnavailable

    try:
        return PecTransport.for_channel(app.db)
    except TransportUnavailable as exc:
        raise CommandError(str(exc), EXIT_INPUT) from exc
