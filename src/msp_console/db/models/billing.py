"""Billing tables: the MSP's company profile, service catalog, contracts (versioned lines),
invoices with their lines, and the per-year counter that makes numbers gapless."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from msp_console.db.base import Base, UTCDateTime, utcnow
from msp_console.db.client_history import register_history_probe

Money = Numeric(12, 2)


class CompanyProfile(Base):
    """The MSP itself (cedente/prestatore): one row, id 1."""

    __tablename__ = "company_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    vat_number: Mapped[str] = mapped_column(String(20), default="")
    tax_code: Mapped[str] = mapped_column(String(16), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    postal_code: Mapped[str] = mapped_column(String(12), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    province: Mapped[str] = mapped_column(String(2), default="")
    country: Mapped[str] = mapped_column(String(2), default="IT")
    regime: Mapped[str] = mapped_column(String(4), default="RF01")
    rea_office: Mapped[str] = mapped_column(String(2), default="")
    rea_number: Mapped[str] = mapped_column(String(20), default="")
    share_capital: Mapped[Decimal | None] = mapped_column(Money, default=None)
    sole_shareholder: Mapped[str] = mapped_column(String(2), default="")  # SU / SM
    liquidation: Mapped[str] = mapped_column(String(2), default="LN")  # LS / LN
    iban: Mapped[str] = mapped_column(String(34), default="")
    bank: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    pec: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    logo_path: Mapped[str] = mapped_column(String(500), default="")
    invoice_footer: Mapped[str] = mapped_column(Text, default="")
    payment_days: Mapped[int] = mapped_column(Integer, default=30)
    payment_end_of_month: Mapped[bool] = mapped_column(Boolean, default=False)
    number_format: Mapped[str] = mapped_column(String(40), default="{year}/{seq:04d}")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Service(Base):
    """A catalog entry; the price model says how a contract line's quantity is found."""

    __tablename__ = "billing_service"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_it: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    price_model: Mapped[str] = mapped_column(String(20), default="fixed")  # fixed | per_machine | per_unit
    machine_kinds: Mapped[str] = mapped_column(String(200), default="")  # comma list for per_machine
    unit_label: Mapped[str] = mapped_column(String(40), default="")
    default_price: Mapped[Decimal] = mapped_column(Numeric(14, 6), default=Decimal(0))
    vat_rate: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal(22))
    natura: Mapped[str] = mapped_column(String(5), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Contract(Base):
    __tablename__ = "contract"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date, default=None)
    period: Mapped[str] = mapped_column(String(10), default="monthly")
    billing_day: Mapped[int] = mapped_column(Integer, default=1)
    payment_days: Mapped[int] = mapped_column(Integer, default=30)
    payment_end_of_month: Mapped[bool] = mapped_column(Boolean, default=False)
    sla_plan: Mapped[str] = mapped_column(String(100), default="")
    language: Mapped[str] = mapped_column(String(2), default="it")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    lines: Mapped[list[ContractLine]] = relationship(
        back_populates="contract",
        cascade="all, delete-orphan",
        order_by="(ContractLine.line_key, ContractLine.valid_from)",
    )


class ContractLine(Base):
    """One version of a contract line; a change adds a version valid from a period's first day."""

    __tablename__ = "contract_line"
    __table_args__ = (UniqueConstraint("contract_id", "line_key", "valid_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    line_key: Mapped[int] = mapped_column(Integer)  # stable across versions of the same line
    valid_from: Mapped[date] = mapped_column(Date)
    service_id: Mapped[int] = mapped_column(ForeignKey("billing_service.id", ondelete="RESTRICT"))
    description: Mapped[str] = mapped_column(String(300), default="")  # blank: the service's name
    quantity: Mapped[Decimal] = mapped_column(Numeric(12, 4), default=Decimal(1))
    unit_price: Mapped[Decimal] = mapped_column(Numeric(14, 6))
    vat_rate: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal(22))
    natura: Mapped[str] = mapped_column(String(5), default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)  # this version ends the line
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    contract: Mapped[Contract] = relationship(back_populates="lines")
    service: Mapped[Service] = relationship()


class InvoiceCounter(Base):
    """Last number given per year; its row is locked while a number is assigned."""

    __tablename__ = "invoice_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_date: Mapped[date | None] = mapped_column(Date, default=None)
    files_sent: Mapped[int] = mapped_column(Integer, default=0)


class Invoice(Base):
    __tablename__ = "invoice"
    __table_args__ = (
        UniqueConstraint("contract_id", "period_start"),
        UniqueConstraint("year", "seq"),
        CheckConstraint("status in ('draft','issued','sent','paid')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(4), default="TD01")  # TD01 invoice, TD04 credit note
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id", ondelete="RESTRICT"))
    period_start: Mapped[date | None] = mapped_column(Date, default=None)
    period_end: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(10), default="draft", index=True)
    number: Mapped[str | None] = mapped_column(String(20), unique=True, default=None)
    year: Mapped[int | None] = mapped_column(Integer, default=None)
    seq: Mapped[int | None] = mapped_column(Integer, default=None)
    planned_date: Mapped[date] = mapped_column(Date)  # the billing day; issue date once issued
    issue_date: Mapped[date | None] = mapped_column(Date, default=None)
    due_date: Mapped[date | None] = mapped_column(Date, default=None)
    paid_date: Mapped[date | None] = mapped_column(Date, default=None)
    language: Mapped[str] = mapped_column(String(2), default="it")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    taxable: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    vat: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    total: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    payment_days: Mapped[int] = mapped_column(Integer, default=30)
    payment_end_of_month: Mapped[bool] = mapped_column(Boolean, default=False)
    credited_invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"), default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    # Fiscal data of both parties frozen at issue time, so reprints never change.
    supplier: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    customer: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    sdi_file: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    lines: Mapped[list[InvoiceLine]] = relationship(
        back_populates="invoice", cascade="all, delete-orphan", order_by="InvoiceLine.position"
    )


class InvoiceLine(Base):
    __tablename__ = "invoice_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    service_code: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(String(1000))
    quantity: Mapped[Decimal] = mapped_column(Numeric(12, 4))
    unit_price: Mapped[Decimal] = mapped_column(Numeric(14, 6))
    prorate_days: Mapped[int] = mapped_column(Integer, default=1)
    prorate_of: Mapped[int] = mapped_column(Integer, default=1)
    amount: Mapped[Decimal] = mapped_column(Money)
    vat_rate: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    natura: Mapped[str] = mapped_column(String(5), default="")
    period_start: Mapped[date | None] = mapped_column(Date, default=None)
    period_end: Mapped[date | None] = mapped_column(Date, default=None)
    credited_line_id: Mapped[int | None] = mapped_column(ForeignKey("invoice_line.id"), default=None)

    invoice: Mapped[Invoice] = relationship(back_populates="lines")


# Issued invoices are legal documents: only their payment/transmission state may change.
_MUTABLE_AFTER_ISSUE = {"status", "paid_date", "sdi_file"}


class ImmutableInvoiceError(RuntimeError):
    """Something tried to change or delete an issued invoice (a credit note corrects it)."""


def _was_issued(invoice: Invoice) -> bool:
    history = inspect(invoice).attrs.status.history
    before = history.deleted[0] if history.deleted else invoice.status
    return before != "draft"


@event.listens_for(Session, "before_flush")
def _refuse_changes_to_issued(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in session.dirty:
        if isinstance(obj, Invoice) and session.is_modified(obj) and _was_issued(obj):
            state = inspect(obj)
            changed = {a.key for a in state.attrs if a.history.has_changes()} - _MUTABLE_AFTER_ISSUE
            changed.discard("lines")
            if changed:
                raise ImmutableInvoiceError(
                    f"invoice {obj.number} is issued: {', '.join(sorted(changed))} cannot change"
                )
        if isinstance(obj, InvoiceLine) and session.is_modified(obj) and _was_issued(obj.invoice):
            raise ImmutableInvoiceError(f"invoice {obj.invoice.number} is issued: its lines cannot change")
    for obj in session.deleted:
        if isinstance(obj, Invoice) and _was_issued(obj):
            raise ImmutableInvoiceError(f"invoice {obj.number} is issued: it cannot be deleted")
        if isinstance(obj, InvoiceLine) and obj.invoice is not None and _was_issued(obj.invoice):
            raise ImmutableInvoiceError(f"invoice {obj.invoice.number} is issued: its lines cannot change")
    for obj in session.new:
        if (
            isinstance(obj, InvoiceLine)
            and obj.invoice is not None
            and obj.invoice.id is not None
            and _was_issued(obj.invoice)
        ):
            raise ImmutableInvoiceError(f"invoice {obj.invoice.number} is issued: no line can be added")


def _client_has_billing_history(session: Session, client_id: int) -> bool:
    """Invoices are fiscal records and contracts explain them: such a client is archived, not deleted."""
    for model in (Invoice, Contract):
        if session.scalar(select(model.id).where(model.client_id == client_id).limit(1)) is not None:
            return True
    return False


register_history_probe(_client_has_billing_history)
