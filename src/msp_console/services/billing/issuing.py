"""Issuing: a number given in the same transaction that marks the invoice issued.

Numbers are progressive per year with no gap and no duplicate: the year's counter row is
locked (SELECT … FOR UPDATE on PostgreSQL; on SQLite the first statement is a write, which
takes the database write lock) so two technicians issuing at once are serialised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from msp_console.db.models import Client, Invoice, InvoiceCounter
from msp_console.domain.billing.numbering import format_number
from msp_console.domain.billing.periods import add_months, days_in_month
from msp_console.domain.errors import FieldError, ValidationError
from msp_console.services.billing.company import load_profile
from msp_console.services.billing.parties import customer_snapshot, supplier_snapshot
from msp_console.services.database import Database

ISSUE_CHUNK = 50  # invoices numbered per transaction: fewer commits, a short counter lock


@dataclass(frozen=True, slots=True)
class Issued:
    invoice_id: int
    number: str
    issue_date: date
    total: Decimal


def due_date(issue: date, days: int, end_of_month: bool) -> date:
    due = issue + timedelta(days=days)
    if end_of_month:
        due = date(due.year, due.month, days_in_month(due.year, due.month))
    return due


def lock_counter(session: Session, year: int) -> InvoiceCounter:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(InvoiceCounter)
        .values(year=year, last_seq=0, files_sent=0)
        .on_conflict_do_nothing(index_elements=["year"])
    )
    counter = session.scalars(
        select(InvoiceCounter)
        .where(InvoiceCounter.year == year)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    return counter


def check_ready(session: Session, invoice: Invoice) -> list[FieldError]:
    client = session.get(Client, invoice.client_id)
    assert client is not None
    _, supplier_errors = supplier_snapshot(load_profile(session))
    _, customer_errors = customer_snapshot(client)
    return supplier_errors + customer_errors


def assign_number(session: Session, invoice: Invoice, issue_date: date) -> None:
    """Numbers `invoice` (already locked, draft) inside the caller's transaction."""
    counter = lock_counter(session, issue_date.year)
    if counter.last_date is not None and issue_date < counter.last_date:
        raise ValidationError.single(
            "date",
            f"{issue_date.isoformat()} is before the last issued invoice of {issue_date.year} "
            f"({counter.last_date.isoformat()}): numbers must follow the dates",
            "issue_date_order",
            day=issue_date.isoformat(),
            last=counter.last_date.isoformat(),
        )
    profile = load_profile(session)
    client = session.get(Client, invoice.client_id)
    assert client is not None
    supplier, supplier_errors = supplier_snapshot(profile)
    customer, customer_errors = customer_snapshot(client)
    if supplier_errors or customer_errors:
        raise ValidationError(supplier_errors + customer_errors)
    counter.last_seq += 1
    counter.last_date = issue_date
    invoice.year, invoice.seq = issue_date.year, counter.last_seq
    invoice.number = format_number(profile.number_format, issue_date.year, counter.last_seq)
    invoice.issue_date = issue_date
    invoice.due_date = due_date(issue_date, invoice.payment_days, invoice.payment_end_of_month)
    invoice.supplier, invoice.customer = supplier, customer
    invoice.status = "issued"


def drafts_of_month(session: Session, year: int, month: int) -> list[int]:
    """Drafts dated in the month or before it (the periods a run caught up), oldest first."""
    first = date(year, month, 1)
    return list(
        session.scalars(
            select(Invoice.id)
            .where(Invoice.status == "draft", Invoice.planned_date < add_months(first, 1))
            .order_by(Invoice.planned_date, Invoice.id)
        )
    )


def issue(
    db: Database,
    invoice_ids: list[int],
    issue_date: date,
    progress: Callable[[int, int], None] | None = None,
) -> list[Issued]:
    """Checks every draft first (nothing is issued if one is not ready), then numbers them in
    transactions of ISSUE_CHUNK: a crash leaves whole invoices issued and the rest drafts, never a gap."""
    with db.read() as session:
        errors: list[FieldError] = []
        for invoice_id in invoice_ids:
            invoice = session.get(Invoice, invoice_id)
            if invoice is None:
                errors.append(FieldError(f"invoice {invoice_id}", "no such invoice"))
            elif invoice.status != "draft":
                continue
            else:
                errors += check_ready(session, invoice)
        if errors:
            unique = list(dict.fromkeys(errors))
            raise ValidationError(unique)
    issued: list[Issued] = []
    for chunk_start in range(0, len(invoice_ids), ISSUE_CHUNK):
        with db.transaction() as session:
            lock_counter(session, issue_date.year)  # the write lock comes first
            for invoice_id in invoice_ids[chunk_start : chunk_start + ISSUE_CHUNK]:
                invoice = session.get(
                    Invoice,
                    invoice_id,
                    with_for_update=True,
                    populate_existing=True,
                    options=[selectinload(Invoice.lines)],
                )
                if invoice is None or invoice.status != "draft":
                    continue  # issued meanwhile by someone else
                assign_number(session, invoice, issue_date)
                issued.append(Issued(invoice.id, invoice.number or "", issue_date, invoice.total))
        if progress is not None:  # after the commit: what it reports is really issued
            progress(min(chunk_start + ISSUE_CHUNK, len(invoice_ids)), len(invoice_ids))
    return issued
