"""Loads issued invoices as read models and writes their PDF / FatturaPA files atomically."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from msp_console.billing.document import DocLine, InvoiceDocument
from msp_console.billing.labels import labels
from msp_console.db.models import Client, Contract, Invoice
from msp_console.domain.billing.amounts import TaxedAmount, effective_unit_price, vat_summary
from msp_console.domain.billing.periods import Proration, add_months
from msp_console.domain.errors import FieldError, NotFoundError, ValidationError
from msp_console.fileio import atomic_write_bytes
from msp_console.services.billing.company import load_profile
from msp_console.services.billing.issuing import due_date
from msp_console.services.billing.parties import customer_snapshot, supplier_snapshot
from msp_console.services.database import Database

PARALLEL_FROM = 40  # below this, starting worker processes costs more than it saves
T = TypeVar("T")


def to_document(
    invoice: Invoice, contract: Contract | None, credited: Invoice | None, preview: Session | None = None
) -> InvoiceDocument:
    """The read model of an issued invoice; with `preview` (a session), of a draft as it would print."""
    draft = invoice.status == "draft"
    if draft and preview is None:
        raise ValidationError.single("invoice", f"draft {invoice.id} has no number yet: issue it first")
    supplier, customer = invoice.supplier, invoice.customer
    number, issued_on, due = invoice.number, invoice.issue_date, invoice.due_date
    if draft and preview is not None:
        client = preview.get(Client, invoice.client_id)
        assert client is not None
        supplier, _ = supplier_snapshot(load_profile(preview))
        customer, _ = customer_snapshot(client)
        number = labels(invoice.language)["draft_number"]
        issued_on = invoice.planned_date
        due = due_date(issued_on, invoice.payment_days, invoice.payment_end_of_month)
    assert number is not None and issued_on is not None and customer is not None
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
        number=number,
        issue_date=issued_on,
        due_date=due,
        language=invoice.language,
        currency=invoice.currency,
        supplier=dict(supplier or {}),
        customer=dict(customer),
        lines=lines,
        totals=totals,
        contract_code=contract.code if contract else "",
        sla_plan=contract.sla_plan if contract else "",
        credited_number=(credited.number or "") if credited else "",
        credited_date=credited.issue_date if credited else None,
        reason=invoice.reason,
        draft=draft,
    )


def draft_preview_pdf(db: Database, invoice_id: int) -> bytes:
    """A draft printed as it will look once issued, marked BOZZA/DRAFT and without a number."""
    from msp_console.billing.invoice_pdf import render_invoice_pdf

    with db.read() as session:
        invoice = session.get(Invoice, invoice_id, options=[selectinload(Invoice.lines)])
        if invoice is None:
            raise NotFoundError(f"no invoice with id {invoice_id}")
        contract = session.get(Contract, invoice.contract_id) if invoice.contract_id else None
        credited = session.get(Invoice, invoice.credited_invoice_id) if invoice.credited_invoice_id else None
        doc = to_document(invoice, contract, credited, preview=session)
    return render_invoice_pdf(doc)


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
    report: Path | None = None  # the client's service report of the month, written beside it


Progress = Callable[[int, int], None]  # (done, total), e.g. for the Billing panel's progress bar


def render_pdfs(docs: list[InvoiceDocument]) -> Iterator[bytes]:
    """Renders in worker processes when there are many; yields the PDFs in the order of `docs`."""
    from msp_console.billing.invoice_pdf import render_invoice_pdf

    yield from render_in_workers(render_invoice_pdf, docs)


def render_in_workers(render: Callable[[T], bytes], items: list[T]) -> Iterator[bytes]:
    """``render`` over ``items`` in worker processes when there are many (layout is CPU-bound, one
    core each); yields the results in order as they are ready."""
    workers = min(os.cpu_count() or 1, 8)
    # Workers are forked (cheap, nothing to re-import); forking a process that runs other threads
    # (the GUI, the poller) is unsafe, so there the PDFs are rendered here, one after the other.
    forkable = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if len(items) < PARALLEL_FROM or workers < 2 or not forkable:
        yield from (render(item) for item in items)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(render, items, chunksize=max(1, min(16, len(items) // (workers * 4))))


def write_pdfs(
    db: Database,
    out_dir: Path,
    numbers: list[str] | None = None,
    month: tuple[int, int] | None = None,
    progress: Progress | None = None,
    *,
    with_reports: bool = False,
) -> list[Written]:
    """With ``with_reports``, each client's service report of the invoice's month goes beside its
    invoice PDF (once per client and month; a client with nothing to report gets none)."""
    with db.read() as session:
        docs = load_documents(session, numbers, month)
    reports: dict[tuple[int, int, int], Path | None] = {}
    written = []
    for doc, data in zip(docs, render_pdfs(docs), strict=True):
        path = Path(out_dir) / pdf_name(doc)
        atomic_write_bytes(path, data)
        report = _report_beside(db, doc, Path(out_dir), reports) if with_reports else None
        written.append(Written(doc.number, path, report))
        if progress is not None:
            progress(len(written), len(docs))
    return written


def _report_beside(
    db: Database, doc: InvoiceDocument, out_dir: Path, done: dict[tuple[int, int, int], Path | None]
) -> Path | None:
    from msp_console.services.billing.report_files import write_client_report

    with db.read() as session:
        invoice = session.get(Invoice, doc.invoice_id)
        client_id = invoice.client_id if invoice else 0
    key = (client_id, doc.issue_date.year, doc.issue_date.month)
    if key not in done:
        done[key] = write_client_report(db, client_id, key[1:], out_dir)
    return done[key]


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
