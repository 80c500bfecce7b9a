"""Read and write one client's contract for the editor (no Qt: runs on any thread).

Line changes go through the contract service as new versions from the next period's first day
(the product's promise: an invoice stays identical within a stable contract)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from msp_console.db.models import Client, Contract, ContractLine, Invoice
from msp_console.domain.billing.periods import BillingPeriod, next_period_start
from msp_console.domain.errors import ValidationError
from msp_console.services.billing.catalog import list_services
from msp_console.services.billing.contracts import LineSpec, add_line, change_line, create_contract, lines_at
from msp_console.services.database import Database


@dataclass(frozen=True, slots=True)
class ServiceView:
    id: int
    code: str
    name: str
    price_model: str
    default_price: Decimal
    vat_rate: Decimal


@dataclass(frozen=True, slots=True)
class LineView:
    key: int | None  # None: a new line
    service_id: int
    description: str
    quantity: Decimal
    unit_price: Decimal
    removed: bool = False


@dataclass(frozen=True, slots=True)
class Version:
    valid_from: date
    line_key: int
    service: str
    quantity: Decimal
    unit_price: Decimal
    removed: bool


@dataclass(frozen=True, slots=True)
class ContractView:
    id: int | None
    code: str
    start: date
    end: date | None
    period: str
    billing_day: int
    payment_days: int
    payment_end_of_month: bool
    sla_plan: str
    language: str
    notes: str
    lines: tuple[LineView, ...]
    history: tuple[Version, ...]
    invoiced: bool
    effective: date  # when a change made today takes effect


@dataclass(frozen=True, slots=True)
class EditorData:
    client_id: int
    client: str
    contract: ContractView
    services: tuple[ServiceView, ...]


def effective_from(contract_start: date, period: str, today: date) -> date:
    """The first day of the next period (or the start, if the contract has not started yet)."""
    if contract_start > today:
        return contract_start
    return next_period_start(today, BillingPeriod(period))


def load_editor(db: Database, client_id: int, today: date | None = None, language: str = "it") -> EditorData:
    """The client's newest contract, or a new one (in ``language``, the default from Settings)."""
    today = today or date.today()
    with db.read() as s:
        client = s.get(Client, client_id)
        if client is None:
            raise LookupError(f"no client with id {client_id}")
        services = tuple(
            ServiceView(x.id, x.code, x.name_it, x.price_model, Decimal(x.default_price), Decimal(x.vat_rate))
            for x in list_services(s)
            if x.active
        )
        contract = s.scalars(
            select(Contract)
            .where(Contract.client_id == client_id)
            .options(selectinload(Contract.lines).selectinload(ContractLine.service))
            .order_by(Contract.end.is_not(None), Contract.start.desc())
        ).first()
        if contract is None:
            start = next_period_start(today, BillingPeriod.MONTHLY)
            from msp_console.services.billing.company import load_profile

            profile = load_profile(s)
            view = ContractView(
                None, f"{client.name[:20].upper().replace(' ', '-')}-{start.year}", start, None,
                "monthly", 1, profile.payment_days, profile.payment_end_of_month, "", language, "",
                (), (), False, start,
            )  # fmt: skip
            return EditorData(client.id, client.name, view, services)
        effective = effective_from(contract.start, contract.period, today)
        current = lines_at(contract, effective)
        invoiced = s.scalar(select(Invoice.id).where(Invoice.contract_id == contract.id).limit(1)) is not None
        history = tuple(
            Version(v.valid_from, v.line_key, v.description or v.service.name_it, Decimal(v.quantity),
                    Decimal(v.unit_price), v.removed)
            for v in sorted(contract.lines, key=lambda v: (v.valid_from, v.line_key))
        )  # fmt: skip
        view = ContractView(
            contract.id, contract.code, contract.start, contract.end, contract.period, contract.billing_day,
            contract.payment_days, contract.payment_end_of_month, contract.sla_plan, contract.language,
            contract.notes,
            tuple(LineView(v.line_key, v.service_id, v.description, Decimal(v.quantity),
                           Decimal(v.unit_price)) for v in current),
            history, invoiced, effective,
        )  # fmt: skip
        return EditorData(client.id, client.name, view, services)


def save_contract(db: Database, client_id: int, wanted: ContractView) -> date:
    """Creates the contract, or applies the header edits now and line edits from the next period.
    Returns the date the line changes take effect."""
    if not wanted.lines or all(x.removed for x in wanted.lines):
        raise ValidationError.single("lines", "a contract needs at least one service", "contract_no_service")
    with db.transaction() as s:
        client = s.get(Client, client_id)
        if client is None:
            raise LookupError(f"no client with id {client_id}")
        services = {x.id: x for x in list_services(s)}

        def spec(line: LineView) -> LineSpec:
            return LineSpec(
                services[line.service_id], line.quantity, line.unit_price, description=line.description
            )

        if wanted.id is None:
            if s.scalar(select(Contract.id).where(Contract.code == wanted.code)) is not None:
                raise ValidationError.single(
                    "code", f"a contract {wanted.code} exists already", "contract_exists", name=wanted.code
                )
            create_contract(
                s, client, wanted.code.strip(), wanted.start,
                [spec(x) for x in wanted.lines if not x.removed],
                end=wanted.end, period=BillingPeriod(wanted.period), billing_day=wanted.billing_day,
                payment_days=wanted.payment_days, payment_end_of_month=wanted.payment_end_of_month,
                sla_plan=wanted.sla_plan, language=wanted.language, notes=wanted.notes,
            )  # fmt: skip
            return wanted.start
        contract = s.scalars(
            select(Contract)
            .where(Contract.id == wanted.id)
            .options(selectinload(Contract.lines).selectinload(ContractLine.service))
        ).one()
        if wanted.end is not None and wanted.end < contract.start:
            raise ValidationError.single("end", "the contract ends before it starts", "contract_end")
        if wanted.language not in {"it", "en"}:
            raise ValidationError.single(
                "language", "invoices are in Italian (it) or English (en)", "invoice_language"
            )
        contract.end, contract.sla_plan, contract.notes = wanted.end, wanted.sla_plan, wanted.notes
        contract.language, contract.payment_days = wanted.language, wanted.payment_days
        contract.payment_end_of_month = wanted.payment_end_of_month
        effective = wanted.effective
        current = {v.line_key: v for v in lines_at(contract, effective)}
        for line in wanted.lines:
            if line.key is None:
                if not line.removed:
                    add_line(s, contract, spec(line), effective)
                continue
            old = current.get(line.key)
            if old is None:
                continue
            if line.removed:
                change_line(s, contract, line.key, effective, removed=True)
            elif line.quantity != Decimal(old.quantity) or line.unit_price != Decimal(old.unit_price):
                change_line(
                    s, contract, line.key, effective, quantity=line.quantity, unit_price=line.unit_price
                )
        return effective
