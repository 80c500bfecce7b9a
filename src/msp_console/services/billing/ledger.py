"""After issuing: credit notes (TD04), payments, listing; and editing or deleting drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from msp_console.db.models import Client, Invoice, InvoiceLine
from msp_console.domain.billing.amounts import TaxedAmount, vat_summary
from msp_console.domain.billing.periods import add_months
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.domain.money import ZERO
from msp_console.services.billing.issuing import assign_number, lock_counter
from msp_console.services.database import Database


@dataclass(frozen=True, slots=True)
class InvoiceRow:
    id: int
    kind: str
    number: str | None
    client: str
    status: str  # draft, issued, sent, paid, or overdue (issued/sent and past the due date)
    planned_date: date
    issue_date: date | None
    due_date: date | None
    paid_date: date | None
    period_start: date | None
    period_end: date | None
    taxable: Decimal
    vat: Decimal
    total: Decimal
    credited: str | None = None


def effective_status(invoice: Invoice, today: date) -> str:
    if invoice.status in {"issued", "sent"} and invoice.due_date is not None and invoice.due_date < today:
        return "overdue"
    return invoice.status


def find_by_number(session: Session, number: str) -> Invoice:
    invoice = session.scalars(
        select(Invoice).where(Invoice.number == number.strip()).options(selectinload(Invoice.lines))
    ).first()
    if invoice is None:
        raise NotFoundError(f"no invoice numbered {number}")
    return invoice


def list_invoices(
    db: Database,
    *,
    month: tuple[int, int] | None = None,
    status: str | None = None,
    today: date | None = None,
) -> list[InvoiceRow]:
    today = today or date.today()
    with db.read() as session:
        stmt = select(Invoice, Client.name).join(Client, Client.id == Invoice.client_id)
        if month is not None:
            first = date(month[0], month[1], 1)
            day = func.coalesce(Invoice.issue_date, Invoice.planned_date)
            stmt = stmt.where(day >= first, day < add_months(first, 1))
        numbers = {i: n for i, n in session.execute(select(Invoice.id, Invoice.number))}
        rows = []
        for inv, client_name in session.execute(stmt.order_by(Invoice.year, Invoice.seq, Invoice.id)):
            st = effective_status(inv, today)
            if status is not None and st != status:
                continue
            rows.append(
                InvoiceRow(
                    inv.id,
                    inv.kind,
                    inv.number,
                    client_name,
                    st,
                    inv.planned_date,
                    inv.issue_date,
                    inv.due_date,
                    inv.paid_date,
                    inv.period_start,
                    inv.period_end,
                    inv.taxable,
                    inv.vat,
                    inv.total,
                    numbers.get(inv.credited_invoice_id) if inv.credited_invoice_id else None,
                )
            )
        return rows


def credited_so_far(session: Session, invoice_id: int) -> dict[int, Decimal]:
    """Per line of an invoice, how much earlier credit notes already gave back."""
    rows = session.execute(
        select(InvoiceLine.credited_line_id, InvoiceLine.amount)
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(Invoice.credited_invoice_id == invoice_id, Invoice.status != "draft")
    )
    done: dict[int, Decimal] = {}
    for line_id, amount in rows:  # summed in Decimal, not in SQL (SQLite would sum floats)
        if line_id is not None:
            done[line_id] = done.get(line_id, ZERO) + Decimal(amount)
    return done


_LINE_FIELDS = (
    "position", "service_code", "description", "quantity", "unit_price", "prorate_days", "prorate_of",
    "amount", "vat_rate", "natura", "period_start", "period_end", "credited_line_id",
)  # fmt: skip


def copy_line(line: InvoiceLine, **changes: object) -> InvoiceLine:
    """A new line like ``line`` (for a credit note, or an invoice replacing a rejected one)."""
    values = {name: getattr(line, name) for name in _LINE_FIELDS}
    values.update(changes)
    return InvoiceLine(**values)


def credit_note(
    db: Database, number: str, reason: str, issue_date: date, positions: list[int] | None = None
) -> Invoice:
    """Issues a TD04 cancelling the whole invoice, or only the lines at `positions`."""
    if not reason.strip():
        raise ValidationError.single(
            "reason", "a credit note needs a reason (it is printed on it)", "credit_reason"
        )
    with db.transaction() as session:
        lock_counter(session, issue_date.year)
        original = find_by_number(session, number)
        if original.kind != "TD01" or original.status == "draft":
            raise ValidationError.single("number", f"{number} is not an issued invoice")
        done = credited_so_far(session, original.id)
        if positions and len(set(positions)) != len(positions):
            raise ValidationError.single("line", "a line is already credited by this same note (given twice)")
        wanted = positions or [line.position for line in original.lines]
        by_position = {line.position: line for line in original.lines}
        lines: list[InvoiceLine] = []
        for pos in wanted:
            line = by_position.get(pos)
            if line is None:
                raise ValidationError.single("line", f"invoice {number} has no line {pos}")
            if done.get(line.id, ZERO) >= line.amount:
                if positions:
                    raise ValidationError.single("line", f"line {pos} of {number} is already credited")
                continue
            lines.append(
                copy_line(
                    line,
                    position=len(lines) + 1,
                    amount=line.amount - done.get(line.id, ZERO),
                    credited_line_id=line.id,
                )
            )
        if not lines:
            raise ValidationError.single(
                "number", f"{number} is already fully credited", "fully_credited", number=number
            )
        totals = vat_summary(TaxedAmount(x.amount, x.vat_rate, x.natura) for x in lines)
        note = Invoice(
            kind="TD04",
            client_id=original.client_id,
            contract_id=None,
            status="draft",
            planned_date=issue_date,
            language=original.language,
            taxable=totals.taxable,
            vat=totals.vat,
            total=totals.total,
            payment_days=0,
            credited_invoice_id=original.id,
            reason=reason.strip(),
            lines=lines,
        )
        session.add(note)
        session.flush()
        assign_number(session, note, issue_date)
        note.due_date = None
        return note


def mark_paid(db: Database, number: str, paid: date) -> None:
    with db.transaction() as session:
        invoice = find_by_number(session, number)
        if invoice.status == "draft" or invoice.kind != "TD01":
            raise ValidationError.single("number", f"{number} is not an issued invoice")
        if invoice.issue_date and paid < invoice.issue_date:
            raise ValidationError.single(
                "date", "the payment date is before the invoice date", "paid_before_issued"
            )
        invoice.status, invoice.paid_date = "paid", paid


def mark_sent(db: Database, numbers: list[str]) -> None:
    with db.transaction() as session:
        for number in numbers:
            invoice = find_by_number(session, number)
            if invoice.status == "issued":
                invoice.status = "sent"


def delete_drafts(db: Database, invoice_ids: list[int]) -> int:
    with db.transaction() as session:
        for invoice_id in invoice_ids:
            invoice = session.get(Invoice, invoice_id)
            if invoice is None:
                raise NotFoundError(f"no invoice with id {invoice_id}")
            if invoice.status != "draft":
                raise ValidationError.single(
                    "id",
                    f"invoice {invoice.number} is issued: issue a credit note instead of deleting it",
                    "issued_delete",
                    number=invoice.number or "",
                )
            session.delete(invoice)
        return len(invoice_ids)


def edit_draft_line(
    db: Database,
    invoice_id: int,
    position: int,
    *,
    description: str | None = None,
    quantity: Decimal | None = None,
    unit_price: Decimal | None = None,
) -> Invoice:
    """Drafts are editable; the totals are recomputed from the lines."""
    from msp_console.domain.billing.amounts import line_amount
    from msp_console.domain.billing.periods import Proration

    with db.transaction() as session:
        invoice = session.get(Invoice, invoice_id, options=[selectinload(Invoice.lines)])
        if invoice is None:
            raise NotFoundError(f"no invoice with id {invoice_id}")
        if invoice.status != "draft":
            raise ValidationError.single(
                "id",
                f"invoice {invoice.number} is issued and cannot change",
                "issued_change",
                number=invoice.number or "",
            )
        line = next((x for x in invoice.lines if x.position == position), None)
        if line is None:
            raise ValidationError.single("line", f"the draft has no line {position}")
        if description is not None:
            line.description = description
        if quantity is not None:
            line.quantity = quantity
        if unit_price is not None:
            line.unit_price = unit_price
        line.amount = line_amount(
            Decimal(line.quantity), Decimal(line.unit_price), Proration(line.prorate_days, line.prorate_of)
        )
        totals = vat_summary(TaxedAmount(x.amount, x.vat_rate, x.natura) for x in invoice.lines)
        invoice.taxable, invoice.vat, invoice.total = totals.taxable, totals.vat, totals.total
        return invoice
