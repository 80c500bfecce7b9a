"""After a rejection (NotificaScarto): fix and resend, as the Agenzia's rules allow.

A file the SdI rejected was never an issued invoice. Within 5 days of the rejection it may be
corrected and sent again with the same number and date: the parties' fiscal data frozen in it
are read again from the client's record and the company profile (where the technician fixed the
VAT number, tax code or recipient code the SdI refused). After 5 days a new invoice is needed:
the same lines under a new number and today's date, saying which rejected invoice it replaces;
the rejected one is marked *replaced* and can no longer be sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from msp_console.db.models import Client, Invoice
from msp_console.db.models.sdi import SdiEvent, SdiTransmission
from msp_console.domain.billing import sdi_states
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.services.billing.company import load_profile
from msp_console.services.billing.issuing import assign_number, lock_counter
from msp_console.services.billing.ledger import copy_line
from msp_console.services.billing.parties import customer_snapshot, supplier_snapshot
from msp_console.services.billing.sdi_records import latest, record_event
from msp_console.services.database import Database


@dataclass(frozen=True, slots=True)
class FixChoice:
    number: str
    rejected_on: date
    same_number: bool  # True: within the 5 days, resend with the same number and date
    last_day: date  # the last day the same number may be resent
    errors: tuple[tuple[str, str], ...]


def _rejected(session: Session, invoice_id: int) -> tuple[Invoice, SdiTransmission, SdiEvent]:
    invoice = session.get(Invoice, invoice_id, options=[selectinload(Invoice.lines)])
    if invoice is None:
        raise NotFoundError(f"no invoice with id {invoice_id}")
    last = latest(session, invoice_id)
    if last is None or last.state != sdi_states.REJECTED:
        raise ValidationError.single(
            "number", f"{invoice.number} was not rejected by the SdI: nothing to fix", "sdi_not_rejected"
        )
    event = session.scalars(
        select(SdiEvent)
        .where(SdiEvent.transmission_id == last.id, SdiEvent.kind == "NS")
        .order_by(SdiEvent.id.desc())
        .limit(1)
    ).one()
    return invoice, last, event


def fix_choice(db: Database, invoice_id: int, today: date) -> FixChoice:
    with db.read() as session:
        invoice, _, event = _rejected(session, invoice_id)
        rejected_on = event.at.date()
        return FixChoice(
            invoice.number or "",
            rejected_on,
            sdi_states.resend_with_same_number(rejected_on, today),
            rejected_on + timedelta(days=sdi_states.RESEND_SAME_NUMBER_DAYS),
            tuple((str(c), str(d)) for c, d in (event.errors or [])),
        )


def refresh_parties(db: Database, invoice_id: int, today: date) -> str:
    """Same number: the fiscal data of both parties read again (the fix); returns the number."""
    with db.transaction() as session:
        invoice, _, event = _rejected(session, invoice_id)
        if not sdi_states.resend_with_same_number(event.at.date(), today):
            raise ValidationError.single(
                "number",
                f"{invoice.number} was rejected more than {sdi_states.RESEND_SAME_NUMBER_DAYS} days ago: "
                "it needs a new number",
                "sdi_fix_too_late",
            )
        client = session.get(Client, invoice.client_id)
        assert client is not None
        supplier, supplier_errors = supplier_snapshot(load_profile(session))
        customer, customer_errors = customer_snapshot(client)
        if supplier_errors or customer_errors:
            raise ValidationError(supplier_errors + customer_errors)
        # A Core UPDATE: the ORM guard keeps issued invoices unchanged; a rejected one was never issued.
        session.execute(
            update(Invoice).where(Invoice.id == invoice.id).values(supplier=supplier, customer=customer)
        )
        return invoice.number or ""


def reissue(db: Database, invoice_id: int, today: date) -> str:
    """After the 5 days: a new invoice with the same lines, a new number and today's date."""
    with db.transaction() as session:
        lock_counter(session, today.year)
        old, transmission, _ = _rejected(session, invoice_id)
        new = Invoice(
            kind=old.kind,
            client_id=old.client_id,
            contract_id=None,  # the contract's period stays with the rejected invoice
            period_start=old.period_start,
            period_end=old.period_end,
            status="draft",
            planned_date=today,
            language=old.language,
            currency=old.currency,
            taxable=old.taxable,
            vat=old.vat,
            total=old.total,
            payment_days=old.payment_days,
            payment_end_of_month=old.payment_end_of_month,
            credited_invoice_id=old.credited_invoice_id,
            reason=(
                f"Sostituisce la fattura {old.number} del {old.issue_date:%d/%m/%Y}, scartata dal SdI"
                + (f". {old.reason}" if old.reason else "")
            ),
            lines=[copy_line(line) for line in old.lines],
        )
        session.add(new)
        session.flush()
        assign_number(session, new, today)
        record_event(transmission, "replaced", sdi_states.REPLACED, detail=f"replaced by {new.number}")
        return new.number or ""
