"""The monthly run: one draft invoice per contract and billed period, safe to repeat.

Idempotence rests on UNIQUE(contract_id, period_start); every missed period since the contract
start is caught up, each with its own dates; partial periods are prorated on actual days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from msp_console.db.models import Client, Contract, ContractLine, Invoice, InvoiceLine
from msp_console.domain.billing.amounts import TaxedAmount, line_amount, vat_summary
from msp_console.domain.billing.periods import (
    BillingPeriod,
    Span,
    days_in_month,
    month_bounds,
    periods_to_bill,
    proration,
)
from msp_console.domain.billing.wording import line_description, period_label, proration_note
from msp_console.services.billing.contracts import line_quantity, lines_at, machine_counts
from msp_console.services.database import Database


@dataclass(frozen=True, slots=True)
class DraftSummary:
    invoice_id: int
    client: str
    contract: str
    period_start: date
    period_end: date
    total: Decimal


def run_month(db: Database, year: int, month: int, *, dry_run: bool = False) -> list[DraftSummary]:
    """Creates the drafts due up to the end of the month; returns only the new ones."""
    for attempt in range(3):
        try:
            with db.transaction() as session:
                created = bill_until(session, month_bounds(year, month)[1])
                if dry_run:
                    session.rollback()
                return created
        except IntegrityError:
            # Someone ran the same month at the same moment: their drafts won the unique key.
            # Running again sees them and creates only what is still missing.
            if attempt == 2:
                raise
    return []


def bill_until(session: Session, until: date) -> list[DraftSummary]:
    contracts = list(
        session.scalars(
            select(Contract)
            .where(Contract.start <= until)
            .options(selectinload(Contract.lines).selectinload(ContractLine.service))
            .order_by(Contract.id)
        )
    )
    if not contracts:
        return []
    billed = {
        (cid, start)
        for cid, start in session.execute(
            select(Invoice.contract_id, Invoice.period_start).where(Invoice.contract_id.is_not(None))
        )
    }
    client_ids = sorted({c.client_id for c in contracts})
    clients = {c.id: c for c in session.scalars(select(Client).where(Client.id.in_(client_ids)))}
    counts = machine_counts(session, client_ids)
    created: list[tuple[Invoice, Contract]] = []
    for contract in contracts:
        period = BillingPeriod(contract.period)
        for span in periods_to_bill(contract.start, contract.end, period, until):
            if (contract.id, span.start) in billed:
                continue
            invoice = draft_for(contract, span, counts)
            if invoice is not None:
                session.add(invoice)
                created.append((invoice, contract))
    session.flush()
    return [
        DraftSummary(
            inv.id,
            clients[c.client_id].name,
            c.code,
            inv.period_start or c.start,
            inv.period_end or c.start,
            inv.total,
        )
        for inv, c in created
    ]


def draft_for(contract: Contract, span: Span, counts: dict[tuple[int, str], int]) -> Invoice | None:
    period = BillingPeriod(contract.period)
    share = proration(span, contract.start, contract.end)
    covered = span.overlap(contract.start, contract.end)
    if covered is None:
        return None
    language = contract.language
    label = period_label(span, share, period.months, language)
    if not share.full:
        label += proration_note(covered, share, language)
    lines: list[InvoiceLine] = []
    for version in lines_at(contract, covered.start):
        qty = line_quantity(version, contract.client_id, counts)
        if qty == 0:
            continue
        service = version.service
        name = version.description or (
            service.name_en if language == "en" and service.name_en else service.name_it
        )
        lines.append(
            InvoiceLine(
                position=len(lines) + 1,
                service_code=service.code,
                description=line_description(name, label),
                quantity=qty,
                unit_price=Decimal(version.unit_price),
                prorate_days=share.days,
                prorate_of=share.of,
                amount=line_amount(qty, Decimal(version.unit_price), share),
                vat_rate=Decimal(version.vat_rate),
                natura=version.natura,
                period_start=covered.start,
                period_end=covered.end,
            )
        )
    if not lines:
        return None
    totals = vat_summary(TaxedAmount(x.amount, x.vat_rate, x.natura) for x in lines)
    day = min(contract.billing_day, days_in_month(span.start.year, span.start.month))
    return Invoice(
        kind="TD01",
        client_id=contract.client_id,
        contract_id=contract.id,
        period_start=span.start,
        period_end=span.end,
        status="draft",
        planned_date=date(span.start.year, span.start.month, day),
        language=language,
        taxable=totals.taxable,
        vat=totals.vat,
        total=totals.total,
        payment_days=contract.payment_days,
        payment_end_of_month=contract.payment_end_of_month,
        lines=lines,
    )
