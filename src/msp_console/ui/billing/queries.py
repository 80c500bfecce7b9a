"""What the panel reads besides the billing API: the dry run with its per-invoice amounts.

No Qt here: these run on the worker thread and return frozen rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from msp_console.db.models import Client, Invoice
from msp_console.domain.billing.periods import month_bounds
from msp_console.services.billing.ledger import InvoiceRow, list_invoices
from msp_console.services.billing.run import bill_until
from msp_console.services.billing.sdi_records import SdiStatus
from msp_console.services.database import Database


@dataclass(frozen=True, slots=True)
class PreviewRow:
    client: str
    contract: str
    period_start: date
    period_end: date
    lines: int
    taxable: Decimal
    vat: Decimal
    total: Decimal


def preview_month(db: Database, year: int, month: int) -> list[PreviewRow]:
    """The drafts a run would create (like ``run_month(dry_run=True)``), with their amounts."""
    with db.transaction() as session:
        created = bill_until(session, month_bounds(year, month)[1])
        rows = []
        for d in created:
            invoice = session.get(Invoice, d.invoice_id, options=[selectinload(Invoice.lines)])
            assert invoice is not None
            rows.append(
                PreviewRow(
                    d.client,
                    d.contract,
                    d.period_start,
                    d.period_end,
                    len(invoice.lines),
                    Decimal(invoice.taxable),
                    Decimal(invoice.vat),
                    Decimal(invoice.total),
                )
            )
        session.rollback()
        return rows


@dataclass(frozen=True, slots=True)
class DraftLine:
    position: int
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    vat_rate: Decimal


@dataclass(frozen=True, slots=True)
class InvoiceDetail:
    id: int
    number: str | None
    kind: str
    status: str
    client: str
    lines: tuple[DraftLine, ...]


def invoice_detail(db: Database, invoice_id: int) -> InvoiceDetail:
    with db.read() as session:
        invoice = session.get(Invoice, invoice_id, options=[selectinload(Invoice.lines)])
        if invoice is None:
            raise LookupError(f"no invoice with id {invoice_id}")
        client = session.get(Client, invoice.client_id)
        return InvoiceDetail(
            invoice.id,
            invoice.number,
            invoice.kind,
            invoice.status,
            client.name if client else "",
            tuple(
                DraftLine(
                    x.position,
                    x.description,
                    Decimal(x.quantity),
                    Decimal(x.unit_price),
                    Decimal(x.amount),
                    Decimal(x.vat_rate),
                )
                for x in invoice.lines
            ),
        )


def client_names(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Client.name).order_by(Client.name)))


def client_name(db: Database, client_id: int) -> str:
    with db.read() as session:
        client = session.get(Client, client_id)
        return client.name if client else ""


def invoice_pdfs(
    db: Database, invoice_ids: list[int], progress: Callable[[int, int], None] | None = None
) -> list[bytes]:
    """The PDF of each invoice as it prints: issued ones from their frozen data, drafts as a
    BOZZA/DRAFT preview. Rendered here, in this thread (the GUI process must not fork)."""
    from msp_console.billing.invoice_pdf import render_invoice_pdf
    from msp_console.services.billing.documents import draft_preview_pdf, load_documents

    pdfs = []
    for n, invoice_id in enumerate(invoice_ids, start=1):
        with db.read() as session:
            invoice = session.get(Invoice, invoice_id)
            if invoice is None:
                raise LookupError(f"no invoice with id {invoice_id}")
            number = invoice.number if invoice.status != "draft" else None
            docs = load_documents(session, [number]) if number else []
        pdfs.append(render_invoice_pdf(docs[0]) if docs else draft_preview_pdf(db, invoice_id))
        if progress is not None:
            progress(n, len(invoice_ids))
    return pdfs


def month_rows(db: Database, year: int, month: int) -> list[InvoiceRow]:
    """The month's documents, plus older drafts still waiting (a catch-up run dates them in
    earlier months; "Issue month" issues them too, so the list shows them)."""
    rows = list_invoices(db, month=(year, month))
    first = date(year, month, 1)
    waiting = [r for r in list_invoices(db, status="draft") if r.planned_date < first]
    return waiting + rows


def month_view(db: Database, year: int, month: int) -> tuple[list[InvoiceRow], dict[int, SdiStatus]]:
    """The month's rows and, for the issued ones, their SdI state and history."""
    from msp_console.services.billing.sdi_records import status_of

    rows = month_rows(db, year, month)
    return rows, status_of(db, [r.id for r in rows if r.status != "draft"])
