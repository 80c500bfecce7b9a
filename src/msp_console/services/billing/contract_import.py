"""`import contracts FILE.csv`: rows of the same client (and contract) become one contract with a
line per service; all-or-nothing, every problem reported as `line N: field: problem`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.models import Client, Contract
from msp_console.domain.billing import fiscal
from msp_console.domain.billing.periods import BillingPeriod, next_period_start
from msp_console.domain.errors import FieldError, ValidationError
from msp_console.domain.money import parse_amount
from msp_console.preferences import load_preferences
from msp_console.services.billing.catalog import add_service, find_service
from msp_console.services.billing.contracts import LineSpec, add_line, change_line, create_contract, lines_at
from msp_console.services.csv_io.importer import ImportReport
from msp_console.services.csv_io.reading import CsvRow, read_rows
from msp_console.services.database import Database

COLUMNS = ("client", "service", "quantity", "unit_price", "vat_rate", "start", "end", "period", "contract")
REQUIRED = ("client", "service", "start")


def parse_day(raw: str) -> date:
    text = raw.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"'{raw}' is not a date: write 2026-11-15 or 15/11/2026")


@dataclass
class _Row:
    line: int
    client: str
    service: str
    quantity: Decimal | None
    unit_price: Decimal | None
    vat_rate: Decimal | None
    start: date
    end: date | None
    period: BillingPeriod
    contract: str


@dataclass
class _Group:
    rows: list[_Row] = field(default_factory=list)


def _clean(row: CsvRow) -> tuple[_Row | None, list[FieldError]]:
    v, errors = row.values, []

    def get(name: str, parse: Callable[[str], Any], default: Any = None) -> Any:
        raw = v.get(name, "").strip()
        if not raw:
            return default
        try:
            return parse(raw)
        except ValueError as exc:
            errors.append(FieldError(name, str(exc), row.line))
            return default

    def nonneg(raw: str) -> Decimal:
        value = parse_amount(raw)
        if value < 0:
            raise ValueError("cannot be negative")
        return value

    client, service = v.get("client", "").strip(), v.get("service", "").strip()
    if not client:
        errors.append(FieldError("client", "is required", row.line))
    if not service:
        errors.append(FieldError("service", "is required", row.line))
    start = get("start", parse_day)
    if start is None and not any(e.field == "start" for e in errors):
        errors.append(FieldError("start", "is required", row.line))
    end = get("end", parse_day)
    if start and end and end < start:
        errors.append(FieldError("end", "is before the start", row.line))
    period = get("period", lambda raw: _period(raw), BillingPeriod.MONTHLY)
    cleaned = _Row(
        row.line,
        client,
        service,
        get("quantity", nonneg),
        get("unit_price", nonneg),
        get("vat_rate", fiscal.vat_rate),
        start or date.min,
        end,
        period,
        v.get("contract", "").strip(),
    )
    return (None if errors else cleaned), errors


def _period(raw: str) -> BillingPeriod:
    text = raw.strip().lower()
    aliases = {"mensile": "monthly", "trimestrale": "quarterly", "annuale": "yearly", "annual": "yearly"}
    try:
        return BillingPeriod(aliases.get(text, text))
    except ValueError:
        raise ValueError(f"'{raw}' is not a period: monthly, quarterly or yearly") from None


def import_contracts(db: Database, kind: str, path: Path, *, dry_run: bool = False) -> ImportReport:
    rows, _ = read_rows(Path(path).read_bytes(), COLUMNS, REQUIRED)
    cleaned: list[_Row] = []
    errors: list[FieldError] = []
    for row in rows:
        item, problems = _clean(row)
        errors += problems
        if item is not None:
            cleaned.append(item)
    groups: dict[tuple[str, str], _Group] = {}
    for item in cleaned:
        groups.setdefault((item.client.lower(), item.contract), _Group()).rows.append(item)
    for group in groups.values():
        first = group.rows[0]
        for item in group.rows[1:]:
            for name in ("start", "end", "period"):
                if getattr(item, name) != getattr(first, name):
                    errors.append(
                        FieldError(name, f"differs from line {first.line} of the same contract", item.line)
                    )
    created = updated = unchanged = 0
    changes: list[str] = []
    with db.transaction() as session:
        for (_client_key, code), group in groups.items():
            first = group.rows[0]
            client = session.scalars(select(Client).where(Client.name == first.client)).first()
            if client is None:
                errors.append(FieldError("client", f"no client named '{first.client}'", first.line))
                continue
            if errors:
                continue
            try:
                outcome = _apply(session, client, code or f"C-{client.id:04d}", group)
            except (ValidationError, ValueError) as exc:
                problems = exc.errors if isinstance(exc, ValidationError) else [FieldError("row", str(exc))]
                errors += [FieldError(e.field, e.message, first.line) for e in problems]
                continue
            created += outcome[0]
            updated += outcome[1]
            unchanged += outcome[2]
            changes += outcome[3]
        if errors:
            raise ValidationError(sorted(errors, key=lambda e: (e.line or 0, e.field)))
        if dry_run:
            session.rollback()
    return ImportReport(kind, len(rows), created, updated, unchanged, dry_run, tuple(changes))


def _spec(session: Session, item: _Row) -> LineSpec:
    service = find_service(session, item.service)
    if service is None:
        service = add_service(
            session,
            item.service,
            default_price=item.unit_price or Decimal(0),
            vat_rate=item.vat_rate if item.vat_rate is not None else Decimal(22),
        )
    if item.vat_rate == 0:
        raise ValueError("vat_rate: 0 % needs a Natura code: set it on the service in the catalog")
    return LineSpec(service, item.quantity, item.unit_price, item.vat_rate)


def _apply(session: Session, client: Client, code: str, group: _Group) -> tuple[int, int, int, list[str]]:
    first = group.rows[0]
    contract = session.scalars(select(Contract).where(Contract.code == code)).first()
    if contract is None:
        create_contract(
            session,
            client,
            code,
            first.start,
            [_spec(session, r) for r in group.rows],
            end=first.end,
            period=first.period,
            language=load_preferences().invoice_language,  # the technician's default for new contracts
        )
        return len(group.rows), 0, 0, [f"+ {client.name}: contract {code}, {len(group.rows)} line(s)"]
    if contract.client_id != client.id:
        raise ValueError(f"contract {code} belongs to another client")
    effective = max(next_period_start(date.today(), BillingPeriod(contract.period)), contract.start)
    current = {v.service.code: v for v in lines_at(contract, effective)}
    created = updated = unchanged = 0
    changes = []
    contract.end = first.end
    for item in group.rows:
        spec = _spec(session, item)
        line = current.get(spec.service.code)
        if line is None:
            add_line(session, contract, spec, effective)
            created += 1
            changes.append(f"+ {client.name}: {spec.service.name_it} from {effective}")
            continue
        qty = spec.quantity if spec.quantity is not None else line.quantity
        price = spec.unit_price if spec.unit_price is not None else line.unit_price
        if Decimal(qty) == Decimal(line.quantity) and Decimal(price) == Decimal(line.unit_price):
            unchanged += 1
            continue
        change_line(session, contract, line.line_key, effective, quantity=qty, unit_price=price)
        updated += 1
        changes.append(f"~ {client.name}: {spec.service.name_it} from {effective}: {qty} × {price}")
    return created, updated, unchanged, changes
