"""`msp-console company|invoices|report`: the billing side of the console, scriptable."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from msp_console.app import App
from msp_console.cli.common import EXIT_INPUT, CommandError, open_app, print_json
from msp_console.domain.billing.periods import parse_month
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.domain.money import parse_amount
from msp_console.services.billing import company as company_service
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.ledger import (
    InvoiceRow,
    credit_note,
    delete_drafts,
    edit_draft_line,
    list_invoices,
    mark_paid,
    mark_sent,
)
from msp_console.services.billing.run import run_month

Handler = Callable[[App, argparse.Namespace], int]


def _month(text: str) -> tuple[int, int]:
    try:
        return parse_month(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write YYYY-MM-DD") from None


def _with_app(handler: Handler) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        app = open_app(args)
        try:
            return handler(app, args)
        except ValidationError as exc:
            lines = "\n".join(f"  {e}" for e in exc.errors)
            if any(e.field.startswith("company.") for e in exc.errors):  # the window has a button
                lines += "\n  complete the company profile with `msp-console company set`"
            raise CommandError(f"refused, nothing was changed:\n{lines}", EXIT_INPUT) from exc
        except NotFoundError as exc:
            raise CommandError(str(exc), EXIT_INPUT) from exc
        finally:
            app.close()

    return run


def register(sub: argparse._SubParsersAction) -> None:
    _register_company(sub)
    inv = sub.add_parser("invoices", help="monthly run, issuing, credit notes, PDF and FatturaPA")
    isub = inv.add_subparsers(dest="invoices_command", metavar="ACTION", required=True)

    p = isub.add_parser("run", help="create the draft invoices due up to the end of a month (repeatable)")
    p.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    p.add_argument("--dry-run", action="store_true", help="show what would be created, write nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_with_app(_run))

    p = isub.add_parser("issue", help="number and issue drafts (by month, or by draft id)")
    p.add_argument("--month", type=_month, metavar="YYYY-MM", help="every draft dated in that month")
    p.add_argument("ids", nargs="*", type=int, default=[], metavar="ID")
    p.add_argument("--date", type=_day, help="issue date (default: today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_with_app(_issue))

    p = isub.add_parser("list", help="list invoices and credit notes")
    p.add_argument("--month", type=_month, metavar="YYYY-MM")
    p.add_argument("--status", choices=["draft", "issued", "sent", "paid", "overdue"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_with_app(_list))

    p = isub.add_parser("credit-note", help="issue a credit note (TD04) for an issued invoice")
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    p.add_argument(
        "--line",
        type=int,
        action="append",
        dest="lines",
        metavar="N",
        help="credit only this line (repeatable); default: the whole invoice",
    )
    p.add_argument("--date", type=_day, help="date of the credit note (default: today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_with_app(_credit))

    p = isub.add_parser("mark-paid", help="record the payment of an invoice")
    p.add_argument("number")
    p.add_argument("--date", type=_day, required=True)
    p.set_defaults(handler=_with_app(_paid))

    p = isub.add_parser("delete", help="delete draft invoices (issued ones need a credit note)")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.set_defaults(handler=_with_app(_delete))

    p = isub.add_parser("edit", help="change a line of a draft (issued invoices cannot change)")
    p.add_argument("id", type=int)
    p.add_argument("--line", type=int, required=True, metavar="N")
    p.add_argument("--description")
    p.add_argument("--quantity", type=_decimal)
    p.add_argument("--unit-price", type=_decimal)
    p.set_defaults(handler=_with_app(_edit))

    p = isub.add_parser("mark-sent", help="record that invoices were sent to the client / the SdI")
    p.add_argument("numbers", nargs="+", metavar="NUMBER")
    p.set_defaults(handler=_with_app(_sent))

    from msp_console.cli import billing_documents, contract_commands, invoice_mail_commands

    billing_documents.register(isub, sub, _with_app, _month)
    invoice_mail_commands.register(isub, _with_app, _month)
    contract_commands.register(sub, _with_app, _day)


def _register_company(sub: argparse._SubParsersAction) -> None:
    comp = sub.add_parser("company", help="the MSP's own fiscal profile printed on every invoice")
    csub = comp.add_subparsers(dest="company_command", metavar="ACTION", required=True)
    s = csub.add_parser("set", help="change some fields (others stay as they are)")
    for field in company_service.FIELDS:
        s.add_argument("--" + field.replace("_", "-"), dest=field, metavar="VALUE")
    s.set_defaults(handler=_with_app(_company_set))
    show = csub.add_parser("show")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_with_app(_company_show))


def _company_set(app: App, args: argparse.Namespace) -> int:
    changes = {f: getattr(args, f) for f in company_service.FIELDS if getattr(args, f) is not None}
    if not changes:
        raise CommandError("nothing to change: give at least one --field", EXIT_INPUT)
    company_service.update_profile(app.db, changes)
    print(f"company profile updated: {', '.join(sorted(changes))}")
    return 0


def _company_show(app: App, args: argparse.Namespace) -> int:
    with app.db.transaction() as session:
        data = company_service.profile_dict(company_service.load_profile(session))
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key:22} {'' if value is None else value}")
    return 0


def _run(app: App, args: argparse.Namespace) -> int:
    year, month = args.month
    drafts = run_month(app.db, year, month, dry_run=args.dry_run)
    if args.json:
        print_json(
            {
                "created": [
                    {
                        "id": d.invoice_id,
                        "client": d.client,
                        "contract": d.contract,
                        "period_start": d.period_start.isoformat(),
                        "period_end": d.period_end.isoformat(),
                        "total": str(d.total),
                    }
                    for d in drafts
                ],
                "dry_run": args.dry_run,
            }
        )
        return 0
    verb = "would create" if args.dry_run else "created"
    print(f"{verb} {len(drafts)} draft invoice(s)")
    for d in drafts:
        print(f"  {d.invoice_id:>6}  {d.client}  {d.contract}  {d.period_start} – {d.period_end}  {d.total}")
    return 0


def _issue(app: App, args: argparse.Namespace) -> int:
    if (args.month is None) == (not args.ids):
        raise CommandError("give either --month YYYY-MM or the draft ids to issue", EXIT_INPUT)
    ids = list(args.ids)
    if args.month is not None:
        with app.db.read() as session:
            ids = drafts_of_month(session, *args.month)
    done = issue(app.db, ids, args.date or date.today())
    if args.json:
        print_json(
            {
                "issued": [
                    {
                        "id": i.invoice_id,
                        "number": i.number,
                        "date": i.issue_date.isoformat(),
                        "total": str(i.total),
                    }
                    for i in done
                ]
            }
        )
        return 0
    print(f"issued {len(done)} invoice(s)")
    for i in done:
        print(f"  {i.number}  {i.issue_date}  {i.total}")
    return 0


def row_json(row: InvoiceRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "number": row.number,
        "client": row.client,
        "status": row.status,
        "date": (row.issue_date or row.planned_date).isoformat(),
        "due_date": row.due_date.isoformat() if row.due_date else None,
        "paid_date": row.paid_date.isoformat() if row.paid_date else None,
        "period_start": row.period_start.isoformat() if row.period_start else None,
        "period_end": row.period_end.isoformat() if row.period_end else None,
        "taxable": str(row.taxable),
        "vat": str(row.vat),
        "total": str(row.total),
        "credits": row.credited,
    }


def _list(app: App, args: argparse.Namespace) -> int:
    rows = list_invoices(app.db, month=args.month, status=args.status)
    if args.json:
        print_json({"invoices": [row_json(r) for r in rows]})
        return 0
    for r in rows:
        when, number = r.issue_date or r.planned_date, r.number or f"(draft {r.id})"
        print(f"{number:>14}  {r.kind}  {when}  {r.status:8}  {r.total:>12}  {r.client}")
    return 0


def _credit(app: App, args: argparse.Namespace) -> int:
    note = credit_note(app.db, args.number, args.reason, args.date or date.today(), args.lines)
    if args.json:
        print_json({"number": note.number, "credits": args.number, "total": str(note.total)})
    else:
        print(f"credit note {note.number} issued for {args.number}: {note.total}")
    return 0


def _paid(app: App, args: argparse.Namespace) -> int:
    mark_paid(app.db, args.number, args.date)
    print(f"{args.number} marked paid on {args.date}")
    return 0


def _decimal(text: str) -> Decimal:
    try:
        return parse_amount(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _edit(app: App, args: argparse.Namespace) -> int:
    invoice = edit_draft_line(
        app.db,
        args.id,
        args.line,
        description=args.description,
        quantity=args.quantity,
        unit_price=args.unit_price,
    )
    print(f"draft {args.id} updated: total {invoice.total}")
    return 0


def _sent(app: App, args: argparse.Namespace) -> int:
    mark_sent(app.db, args.numbers)
    print(f"marked sent: {', '.join(args.numbers)}")
    return 0


def _delete(app: App, args: argparse.Namespace) -> int:
    count = delete_drafts(app.db, args.ids)
    print(f"deleted {count} draft(s)")
    return 0
