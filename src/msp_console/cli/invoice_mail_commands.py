"""`msp-console invoices send|remind|mail-text`: invoices e-mailed to clients from a mail account."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from msp_console.app import App
from msp_console.cli.common import EXIT_INPUT, CommandError, print_json


def register(isub: Any, with_app: Callable[..., Any], month: Callable[[str], Any]) -> None:
    p = isub.add_parser(
        "send", help="e-mail each client the PDF of its invoices (courtesy copy; never twice unless --again)"
    )
    p.add_argument("numbers", nargs="*", metavar="NUMBER")
    p.add_argument("--month", type=month, metavar="YYYY-MM", help="every document issued in that month")
    p.add_argument("--account", metavar="NAME", help="the mail account (default: the one in the settings)")
    p.add_argument("--again", action="store_true", help="also those already e-mailed")
    p.add_argument("--dry-run", action="store_true", help="list what would be sent, send nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=with_app(_send))

    p = isub.add_parser(
        "remind", help="e-mail a polite reminder listing the invoices unpaid N days after their due date"
    )
    p.add_argument("--days", type=int, metavar="N", help="days after the due date (default: the setting, 15)")
    p.add_argument("--account", metavar="NAME")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=with_app(_remind))

    p = isub.add_parser("timeline", help="what happened to an invoice after issuing (e-mails sent…)")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=with_app(_timeline))

    p = isub.add_parser("mail-text", help="show or change the e-mail texts and the reminder settings")
    p.add_argument("--kind", choices=["courtesy", "reminder"])
    p.add_argument("--language", dest="text_language", choices=["it", "en"])
    p.add_argument("--subject", help="new subject ({placeholders} as listed)")
    p.add_argument("--body-file", type=Path, metavar="FILE", help="new body, read from a UTF-8 file")
    p.add_argument("--reset", action="store_true", help="back to the default text")
    p.add_argument("--reminder-days", type=int, metavar="N")
    p.add_argument("--reminder-interval", type=int, metavar="M", help="never remind again within M days")
    p.add_argument("--service-report", choices=["on", "off"], help="attach the month's service report")
    p.add_argument("--account", metavar="NAME", help="the mail account invoices leave from")
    p.set_defaults(handler=with_app(_texts))


def _refuse_demo(args: argparse.Namespace) -> None:
    if getattr(args, "demo", False):
        raise CommandError("the demo never sends e-mail (its clients' addresses are made up)", EXIT_INPUT)


def _account(app: App, args: argparse.Namespace) -> Any:
    from msp_console.mail.invoice_mail import choose_account

    return choose_account(app.db, args.account)


def _report(outcomes: list[Any], as_json: bool, verb: str) -> int:
    if as_json:
        print_json([dataclasses.asdict(o) for o in outcomes])
    else:
        for o in outcomes:
            what = ", ".join(o.numbers)
            files = f" [{', '.join(o.attachments)}]" if o.attachments else ""
            reason = f": {o.reason}" if o.reason else ""
            print(f"{o.status.upper():10} {what}  {o.client} <{o.to}>{files}{reason}")
        sent = sum(o.status == "sent" for o in outcomes)
        print(f"{sent} e-mail(s) {verb}" if outcomes else "nothing to send")
    return EXIT_INPUT if any(o.status == "failed" for o in outcomes) else 0


def _send(app: App, args: argparse.Namespace) -> int:
    from msp_console.mail.errors import MailError
    from msp_console.mail.invoice_mail import send_courtesy_copies

    _refuse_demo(args)
    if bool(args.numbers) == (args.month is not None):
        raise CommandError("give either invoice numbers or --month YYYY-MM", EXIT_INPUT)
    try:
        outcomes = send_courtesy_copies(
            app.db,
            numbers=list(args.numbers) or None,
            month=args.month,
            account=_account(app, args),
            again=args.again,
            dry_run=args.dry_run,
        )
    except MailError as exc:
        raise CommandError(str(exc), EXIT_INPUT) from None
    return _report(outcomes, args.json, "sent")


def _remind(app: App, args: argparse.Namespace) -> int:
    from msp_console.mail.errors import MailError
    from msp_console.mail.invoice_mail import send_reminders

    _refuse_demo(args)
    try:
        outcomes = send_reminders(app.db, days=args.days, account=_account(app, args), dry_run=args.dry_run)
    except MailError as exc:
        raise CommandError(str(exc), EXIT_INPUT) from None
    return _report(outcomes, args.json, "sent")


_TIMELINE_WORDS = {
    "courtesy_sent": "courtesy copy e-mailed to {to} ({attachments})",
    "reminder_sent": "payment reminder e-mailed to {to} (with {invoices})",
}


def _timeline(app: App, args: argparse.Namespace) -> int:
    from msp_console.services.billing.ledger import find_by_number
    from msp_console.services.billing.timeline import events_of

    with app.db.read() as session:
        invoice_id = find_by_number(session, args.number).id
    events = events_of(app.db, invoice_id)
    if args.json:
        print_json([dataclasses.asdict(e) for e in events])
        return 0
    for e in events:
        values = {k: ", ".join(map(str, v)) if isinstance(v, list) else v for k, v in e.params.items()}
        template = _TIMELINE_WORDS.get(e.code, e.code + " {params}")
        text = template.format_map({"params": e.params, **values})
        print(f"{e.at.astimezone():%Y-%m-%d %H:%M}  {text}  {e.message_id}".rstrip())
    if not events:
        print(f"nothing recorded for {args.number} since it was issued")
    return 0


def _texts(app: App, args: argparse.Namespace) -> int:
    from msp_console.mail import texts

    settings = texts.load_mailing_settings(app.db)
    changes: dict[str, Any] = {}
    if args.reminder_days is not None:
        changes["reminder_days"] = args.reminder_days
    if args.reminder_interval is not None:
        changes["reminder_interval_days"] = args.reminder_interval
    if args.service_report is not None:
        changes["attach_service_report"] = args.service_report == "on"
    if args.account is not None:
        changes["account"] = args.account
    if changes:
        texts.save_mailing_settings(app.db, dataclasses.replace(settings, **changes))
        settings = texts.load_mailing_settings(app.db)
    editing = args.subject is not None or args.body_file is not None or args.reset
    if editing:
        if not (args.kind and args.text_language):
            raise CommandError("say which text: --kind courtesy|reminder --language it|en", EXIT_INPUT)
        current = texts.load_template(app.db, args.kind, args.text_language)
        if args.reset:
            texts.save_template(app.db, args.kind, args.text_language, "", "")
        else:
            body = args.body_file.read_text(encoding="utf-8") if args.body_file else current.body
            texts.save_template(app.db, args.kind, args.text_language, args.subject or current.subject, body)
    print(
        f"account: {settings.account or '(the first ordinary account)'}; service report attached: "
        f"{'on' if settings.attach_service_report else 'off'}; reminders {settings.reminder_days} days "
        f"after the due date, never again within {settings.reminder_interval_days} days"
    )
    for kind in [args.kind] if args.kind else list(texts.KINDS):
        for lang in [args.text_language] if args.text_language else list(texts.LANGUAGES):
            t = texts.load_template(app.db, kind, lang)
            placeholders = ", ".join("{" + p + "}" for p in texts.placeholders(kind, lang))
            print(f"\n--- {kind} / {lang}{' (customised)' if t.customised else ''} — {placeholders}")
            print(f"Subject: {t.subject}\n\n{t.body}")
    return 0
