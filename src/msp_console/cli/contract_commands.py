"""`msp-console contracts|catalog`: contracts with versioned lines, and the service catalog."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from msp_console.app import App
from msp_console.cli.common import EXIT_INPUT, CommandError, print_json
from msp_console.db.models import Client, Contract, ContractLine
from msp_console.domain.billing.periods import BillingPeriod
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.domain.money import parse_amount
from msp_console.preferences import load_preferences
from msp_console.services.billing.catalog import PRICE_MODELS, add_service, find_service, list_services
from msp_console.services.billing.contracts import LineSpec, add_line, change_line, create_contract, lines_at


def _amount(text: str) -> Decimal:
    try:
        return parse_amount(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: Any, with_app: Callable[..., Any], day: Callable[[str], date]) -> None:
    con = sub.add_parser("contracts", help="flat-rate contracts: list, add, change a line, history")
    csub = con.add_subparsers(dest="contracts_command", metavar="ACTION", required=True)
    p = csub.add_parser("list", help="contracts and the lines in force today")
    p.add_argument("--client", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=with_app(_list))

    p = csub.add_parser("add", help="a new contract; --line SERVICE[:QUANTITY[:PRICE]] (repeatable)")
    p.add_argument("--client", required=True)
    p.add_argument("--code", required=True)
    p.add_argument("--start", type=day, required=True)
    p.add_argument("--end", type=day)
    p.add_argument("--period", choices=[x.value for x in BillingPeriod], default="monthly")
    p.add_argument("--line", action="append", required=True, dest="lines", metavar="SERVICE[:QTY[:PRICE]]")
    p.add_argument("--billing-day", type=int, default=1)
    p.add_argument("--payment-days", type=int, help="default: the company's payment terms")
    p.add_argument(
        "--end-of-month",
        action="store_true",
        default=None,
        help="payment due at the end of the month (default: the company's terms)",
    )
    p.add_argument("--sla-plan", default="")
    p.add_argument(
        "--language",
        choices=["it", "en"],
        default=None,
        help="the invoices' language (default: Settings → Invoices)",
    )
    p.add_argument("--notes", default="")
    p.set_defaults(handler=with_app(_add))

    p = csub.add_parser("change", help="change a line from the first day of a period (history kept)")
    p.add_argument("code")
    p.add_argument("--line", type=int, required=True, metavar="N")
    p.add_argument("--from", dest="effective", type=day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--quantity", type=_amount)
    p.add_argument("--unit-price", type=_amount)
    p.add_argument("--remove", action="store_true", help="the line ends before that period")
    p.set_defaults(handler=with_app(_change))

    p = csub.add_parser("add-line", help="add a service to a contract from the first day of a period")
    p.add_argument("code")
    p.add_argument("--line", required=True, metavar="SERVICE[:QTY[:PRICE]]")
    p.add_argument("--from", dest="effective", type=day, required=True, metavar="YYYY-MM-DD")
    p.set_defaults(handler=with_app(_add_line))

    cat = sub.add_parser("catalog", help="the services contracts are made of")
    ksub = cat.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    p = ksub.add_parser("list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=with_app(_catalog_list))
    p = ksub.add_parser("add", help="a custom service")
    p.add_argument("name")
    p.add_argument("--name-en", default="")
    p.add_argument("--price-model", choices=PRICE_MODELS, default="fixed")
    p.add_argument("--machine-kinds", default="", help="for per_machine: e.g. server,nas")
    p.add_argument("--unit", default="", dest="unit_label")
    p.add_argument("--price", type=_amount, default=Decimal(0))
    p.add_argument("--vat-rate", type=_amount, default=Decimal(22))
    p.add_argument("--natura", default="", help="required with a 0 %% rate: N1, N2.1, N2.2 … N7")
    p.set_defaults(handler=with_app(_catalog_add))


def _spec(session: Any, text: str) -> LineSpec:
    name, *rest = text.split(":")
    service = find_service(session, name)
    if service is None:
        raise ValidationError.single("line", f"no service '{name}' in the catalog (see `catalog list`)")
    try:
        qty = parse_amount(rest[0]) if len(rest) > 0 and rest[0] else None
        price = parse_amount(rest[1]) if len(rest) > 1 and rest[1] else None
    except ValueError as exc:
        raise ValidationError.single("line", f"{text}: {exc}") from None
    return LineSpec(service, qty, price)


def _contract(session: Any, code: str) -> Contract:
    contract = session.scalars(
        select(Contract)
        .where(Contract.code == code)
        .options(selectinload(Contract.lines).selectinload(ContractLine.service))
    ).first()
    if contract is None:
        raise NotFoundError(f"no contract with code {code}")
    return contract


def _add(app: App, args: argparse.Namespace) -> int:
    with app.db.transaction() as s:
        client = s.scalars(select(Client).where(Client.name == args.client)).first()
        if client is None:
            raise NotFoundError(f"no client named '{args.client}'")
        if s.scalar(select(Contract.id).where(Contract.code == args.code)) is not None:
            raise ValidationError.single("code", f"a contract {args.code} exists already")
        create_contract(
            s,
            client,
            args.code,
            args.start,
            [_spec(s, x) for x in args.lines],
            end=args.end,
            period=BillingPeriod(args.period),
            billing_day=args.billing_day,
            payment_days=args.payment_days,
            payment_end_of_month=args.end_of_month,
            sla_plan=args.sla_plan,
            language=args.language or load_preferences().invoice_language,
            notes=args.notes,
        )
    print(f"contract {args.code} added for {args.client}")
    return 0


def _change(app: App, args: argparse.Namespace) -> int:
    if args.quantity is None and args.unit_price is None and not args.remove:
        raise CommandError("nothing to change: give --quantity, --unit-price or --remove", EXIT_INPUT)
    with app.db.transaction() as s:
        change_line(
            s,
            _contract(s, args.code),
            args.line,
            args.effective,
            quantity=args.quantity,
            unit_price=args.unit_price,
            removed=args.remove,
        )
    print(f"contract {args.code} line {args.line} changed from {args.effective}")
    return 0


def _add_line(app: App, args: argparse.Namespace) -> int:
    with app.db.transaction() as s:
        contract = _contract(s, args.code)
        line = add_line(s, contract, _spec(s, args.line), args.effective)
    print(f"contract {args.code}: line {line.line_key} added from {args.effective}")
    return 0


def _line_json(line: ContractLine) -> dict[str, Any]:
    return {
        "line": line.line_key,
        "service": line.service.code,
        "name": line.description or line.service.name_it,
        "quantity": str(line.quantity),
        "unit_price": str(line.unit_price),
        "vat_rate": str(line.vat_rate),
        "natura": line.natura,
        "valid_from": line.valid_from.isoformat(),
        "removed": line.removed,
    }


def _list(app: App, args: argparse.Namespace) -> int:
    today = date.today()
    with app.db.read() as s:
        stmt = (
            select(Contract, Client.name)
            .join(Client, Client.id == Contract.client_id)
            .options(selectinload(Contract.lines).selectinload(ContractLine.service))
            .order_by(Client.name, Contract.code)
        )
        if args.client:
            stmt = stmt.where(Client.name == args.client)
        data: list[dict[str, Any]] = [
            {
                "code": c.code,
                "client": name,
                "start": c.start.isoformat(),
                "end": c.end.isoformat() if c.end else None,
                "period": c.period,
                "sla_plan": c.sla_plan,
                "language": c.language,
                "lines": [_line_json(x) for x in lines_at(c, max(today, c.start))],
                "history": [_line_json(x) for x in c.lines],
            }
            for c, name in s.execute(stmt)
        ]
    if args.json:
        print_json({"contracts": data})
        return 0
    for c in data:
        print(f"{c['code']}  {c['client']}  {c['period']}  {c['start']} – {c['end'] or '…'}")
        for line in c["lines"]:
            print(
                f"    {line['line']}. {line['name']}  {line['quantity']} × {line['unit_price']}  "
                f"IVA {line['natura'] or line['vat_rate'] + '%'}"
            )
    return 0


def _catalog_list(app: App, args: argparse.Namespace) -> int:
    with app.db.read() as s:
        rows = [
            {
                "code": x.code,
                "name_it": x.name_it,
                "name_en": x.name_en,
                "price_model": x.price_model,
                "machine_kinds": x.machine_kinds,
                "unit": x.unit_label,
                "price": str(x.default_price),
                "vat_rate": str(x.vat_rate),
                "natura": x.natura,
            }
            for x in list_services(s)
        ]
    if args.json:
        print_json({"services": rows})
    else:
        for r in rows:
            print(f"{r['code']:14} {r['price_model']:12} {r['name_it']}")
    return 0


def _catalog_add(app: App, args: argparse.Namespace) -> int:
    with app.db.transaction() as s:
        try:
            service = add_service(
                s,
                args.name,
                price_model=args.price_model,
                machine_kinds=args.machine_kinds,
                unit_label=args.unit_label,
                default_price=args.price,
                vat_rate=args.vat_rate,
                natura=args.natura,
                name_en=args.name_en,
            )
        except ValueError as exc:
            raise ValidationError.single("service", str(exc)) from None
        code = service.code
    print(f"service {code} added")
    return 0
