"""Contracts and their versioned lines: a change takes effect from the next period's first day,
so the invoice stays identical while the contract is stable and the history is kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.db.models import Client, Contract, ContractLine, Machine, Service
from msp_console.domain.billing import fiscal
from msp_console.domain.billing.periods import BillingPeriod, is_period_start
from msp_console.domain.errors import FieldError, ValidationError


@dataclass(frozen=True, slots=True)
class LineSpec:
    service: Service
    quantity: Decimal | None = None  # None: the service's rule (machine count) or 1
    unit_price: Decimal | None = None  # None: the catalog price
    vat_rate: Decimal | None = None
    natura: str | None = None
    description: str = ""


def create_contract(
    session: Session,
    client: Client,
    code: str,
    start: date,
    lines: list[LineSpec],
    *,
    end: date | None = None,
    period: BillingPeriod = BillingPeriod.MONTHLY,
    billing_day: int = 1,
    payment_days: int | None = None,  # None: the company's default payment terms
    payment_end_of_month: bool | None = None,
    sla_plan: str = "",
    language: str = "it",
    notes: str = "",
) -> Contract:
    if end is not None and end < start:
        raise ValidationError.single("end", "the contract ends before it starts", "contract_end")
    if not 1 <= billing_day <= 31:
        raise ValidationError.single(
            "billing_day", "the billing day is a day of the month (1–31)", "billing_day"
        )
    if language not in {"it", "en"}:
        raise ValidationError.single(
            "language", "invoices are in Italian (it) or English (en)", "invoice_language"
        )
    if payment_days is None or payment_end_of_month is None:
        from msp_console.services.billing.company import load_profile

        profile = load_profile(session)
        payment_days = profile.payment_days if payment_days is None else payment_days
        if payment_end_of_month is None:
            payment_end_of_month = profile.payment_end_of_month
    contract = Contract(
        client_id=client.id,
        code=code,
        start=start,
        end=end,
        period=period.value,
        billing_day=billing_day,
        payment_days=payment_days,
        payment_end_of_month=payment_end_of_month,
        sla_plan=sla_plan,
        language=language,
        notes=notes,
    )
    session.add(contract)
    session.flush()
    for key, spec in enumerate(lines, start=1):
        session.add(_version(contract, key, start, spec))
    session.flush()
    return contract


def _version(contract: Contract, key: int, valid_from: date, spec: LineSpec) -> ContractLine:
    service = spec.service
    rate = fiscal.vat_rate(spec.vat_rate if spec.vat_rate is not None else service.vat_rate)
    try:
        natura = fiscal.natura_for(rate, spec.natura if spec.natura is not None else service.natura)
    except ValueError as exc:
        raise ValidationError([FieldError.of("natura", exc)]) from None
    price = spec.unit_price if spec.unit_price is not None else service.default_price
    quantity = spec.quantity if spec.quantity is not None else Decimal(1)
    if quantity < 0 or price < 0:
        raise ValidationError.single(
            "quantity", "quantities and prices cannot be negative", "negative_amount"
        )
    return ContractLine(
        contract_id=contract.id,
        line_key=key,
        valid_from=valid_from,
        service_id=service.id,
        service=service,
        description=spec.description,
        quantity=quantity,
        unit_price=price,
        vat_rate=rate,
        natura=natura,
    )


def _check_effective(contract: Contract, effective: date) -> None:
    if not is_period_start(effective, BillingPeriod(contract.period)):
        raise ValidationError.single(
            "effective",
            f"{effective.isoformat()} is not the first day of a {contract.period} period: "
            "changes take effect from the next period",
        )


def add_line(session: Session, contract: Contract, spec: LineSpec, effective: date) -> ContractLine:
    _check_effective(contract, effective)
    key = max((line.line_key for line in contract.lines), default=0) + 1
    line = _version(contract, key, effective, spec)
    contract.lines.append(line)
    session.flush()
    return line


def change_line(
    session: Session,
    contract: Contract,
    line_key: int,
    effective: date,
    *,
    quantity: Decimal | None = None,
    unit_price: Decimal | None = None,
    removed: bool = False,
) -> ContractLine:
    """A new version of a line from `effective` (a period's first day); older versions stay."""
    _check_effective(contract, effective)
    current = version_at(contract, line_key, effective)
    if current is None:
        raise ValidationError.single("line", f"the contract has no line {line_key} on {effective}")
    for old in contract.lines:
        if old.line_key == line_key and old.valid_from == effective:
            contract.lines.remove(old)  # re-changing the same future period replaces that version
            session.flush()
    line = ContractLine(
        contract_id=contract.id,
        line_key=line_key,
        valid_from=effective,
        service_id=current.service_id,
        service=current.service,
        description=current.description,
        quantity=current.quantity if quantity is None else quantity,
        unit_price=current.unit_price if unit_price is None else unit_price,
        vat_rate=current.vat_rate,
        natura=current.natura,
        removed=removed,
    )
    contract.lines.append(line)
    session.flush()
    return line


def version_at(contract: Contract, line_key: int, day: date) -> ContractLine | None:
    versions = [v for v in contract.lines if v.line_key == line_key and v.valid_from <= day]
    if not versions:
        return None
    latest = max(versions, key=lambda v: v.valid_from)
    return None if latest.removed else latest


def lines_at(contract: Contract, day: date) -> list[ContractLine]:
    """The contract's lines in force on `day` (the first day of a billed period)."""
    keys = sorted({v.line_key for v in contract.lines})
    return [v for k in keys if (v := version_at(contract, k, day)) is not None]


def machine_counts(session: Session, client_ids: list[int]) -> dict[tuple[int, str], int]:
    """How many machines of each kind each client has (for per-machine prices)."""
    rows = session.execute(
        select(Machine.client_id, Machine.kind, func.count())
        .where(Machine.client_id.in_(client_ids))
        .group_by(Machine.client_id, Machine.kind)
    )
    return {(cid, kind): n for cid, kind, n in rows}


def line_quantity(line: ContractLine, client_id: int, counts: dict[tuple[int, str], int]) -> Decimal:
    service = line.service
    if service.price_model == "per_machine":
        kinds = [k for k in service.machine_kinds.split(",") if k]
        return Decimal(sum(counts.get((client_id, k), 0) for k in kinds))
    return Decimal(line.quantity)
