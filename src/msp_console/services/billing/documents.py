"""Loads issued invoices as read models and writes their PDF / FatturaPA files atomically."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from msp_console.billing.document import DocLine, InvoiceDocument
from msp_console.db.models import Contract, Invoice
from msp_console.domain.billing.amounts import TaxedAmount, effective_unit_price, vat_summary
from msp_console.domain.billing.periods import Proration, add_months
from msp_console.domain.errors import FieldError, NotFoundError, ValidationError
from msp_console.fileio import atomic_write_bytes
from msp_console.services.database import Database

PARALLEL_FROM = 40  # below this, starting worker processes costs more than it saves


def to_document(invoice: Invoice, contract: Contract | None, credited: Invoice | None) -> InvoiceDocument:
    if invoice.number is None or invoice.issue_date is None or invoice.customer is None:
        raise ValidationError.single("invoice", f"draft {invoice.id} has no number yet: issue it first")
    lines = tuple(
        DocLine(
            line.position,
            line.description,
            Decimal(line.quantity),
            Decimal(line.unit_price),
            effective_unit_price(Decimal(line.unit_price), Proration(line.prorate_days, line.prorate_of)),
            Decimal(line.amount),
            Decimal(line.vat_rate),
            line.natura,
            line.period_start,
            line.period_end,
        )
        for line in invoice.lines
    )
    totals = vat_summary(TaxedAmount(x.amount, x.vat_rate, x.natura) for x in lines)
    return InvoiceDocument(
        invoice_id=invoice.id,
        kind=invoice.kind,
        number=invoice.number,
        issue_date=invoice.issue_date,
        due_date=invoice.due_date,
        language=invoice.language,
        currency=invoice.currency,
        supplier=dict(invoice.supplier or {}),
        customer=dict(invoice.customer),
        lines=lines,
        totals=totals,
        contract_code=contract.code if contract else "",
        sla_plan=contract.sla_plan if contract else "",
        credited_number=(credited.number or "") if credited else "",
        credited_date=credited.issue_date if credited else None,
        reason=invoice.reason,
    )


def load_documents(
    session: Session, numbers: list[str] | None = None, month: tuple[int, int] | None = None
) -> list[InvoiceDocument]:
    stmt = select(Invoice).where(Invoice.status != "draft").options(selectinload(Invoice.lines))
    if numbers:
        stmt = stmt.where(Invoice.number.in_(numbers))
    elif month is not None:
        first = date(month[0], month[1], 1)
        stmt = stmt.where(Invoice.issue_date >= first, Invoice.issue_date < add_months(first, 1))
    invoices = list(session.scalars(stmt.order_by(Invoice.year, Invoice.seq)))
    if numbers:
        found = {i.number for i in invoices}
        missing = [n for n in numbers if n not in found]
        if missing:
            raise NotFoundError(f"no issued invoice numbered {', '.join(missing)}")
    contract_ids = {i.contract_id for i in invoices if i.contract_id}
    contracts = {c.id: c for c in session.scalars(select(Contract).where(Contract.id.in_(contract_ids)))}
    credited_ids = {i.credited_invoice_id for i in invoices if i.credited_invoice_id}
    credited = {c.id: c for c in session.scalars(select(Invoice).where(Invoice.id.in_(credited_ids)))}
    return [
        to_document(i, contracts.get(i.contract_id or 0), credited.get(i.credited_invoice_id or 0))
        for i in invoices
    ]


def pdf_name(doc: InvoiceDocument) -> str:
    prefix = "Nota_di_credito" if doc.is_credit_note else "Fattura"
    if doc.language == "en":
        prefix = "Credit_note" if doc.is_credit_note else "Invoice"
    return f"{prefix}_{doc.number.replace('/', '-')}.pdf"


@dataclass(frozen=True, slots=True)
class Written:
    number: str
    path: Path


def render_pdfs(docs: list[InvoiceDocument]) -> list[bytes]:
    """Renders in worker processes when there are many (layout is CPU-bound, one core each)."""
    from msp_console.billing.invoice_pdf import render_invoice_pdf

    workers = min(os.cpu_count() or 1, 8)
    if len(docs) < PARALLEL_FROM or workers < 2:
        return [render_invoice_pdf(doc) for doc in docs]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(render_invoice_pdf, docs, chunksize=max(1, len(docs) // (workers * 4))))


def write_pdfs(
    db: Database, out_dir: Path, numbers: list[str] | None = None, month: tuple[int, int] | None = None
) -> list[Written]:
    with db.read() as session:
        docs = load_documents(session, numbers, month)
    written = []
    for doc, data in zip(docs, render_pdfs(docs), strict=True):
        path = Path(out_dir) / pdf_name(doc)
        atomic_write_bytes(path, data)
        written.append(Written(doc.number, path))
    return written


@dataclass(frozen=True, slots=True)
class XmlOutcome:
    written: list[Written]
    refused: dict[str, list[FieldError]]  # invoice number -> what the schema found wrong


def write_fatturapa(
    db: Database, out_dir: Path, numbers: list[str] | None = None, month: tuple[int, int] | None = None
) -> XmlOutcome:
    """Writes one valid FatturaPA file per document; an invalid one is reported and not written."""
    from msp_console.billing.fatturapa import file_name, render_fatturapa

    with db.read() as session:
        docs = load_documents(session, numbers, month)
    written, refused = [], {}
    for doc in docs:
        data, errors = render_fatturapa(doc)
        if errors:
            refused[doc.number] = errors
            continue
        path = Path(out_dir) / file_name(doc)
        atomic_write_bytes(path, data)
        written.append(Written(doc.number, path))
    if written:
        with db.transaction() as session:
            for item in written:
                invoice = session.scalars(select(Invoice).where(Invoice.number == item.number)).one()
                if invoice.sdi_file != item.path.name:
                    invoice.sdi_file = item.path.name
    return XmlOutcome(written, refused)
