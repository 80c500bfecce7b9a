"""The read model of an issued invoice or credit note that every renderer takes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from msp_console.domain.billing.amounts import Totals


@dataclass(frozen=True, slots=True)
class DocLine:
    position: int
    description: str
    quantity: Decimal
    unit_price: Decimal  # the list price of the contract
    effective_unit_price: Decimal  # prorated, up to 8 decimals (the XML's PrezzoUnitario)
    amount: Decimal
    vat_rate: Decimal
    natura: str
    period_start: date | None
    period_end: date | None


@dataclass(frozen=True, slots=True)
class InvoiceDocument:
    invoice_id: int
    kind: str  # TD01 invoice, TD04 credit note
    number: str
    issue_date: date
    due_date: date | None
    language: str
    currency: str
    supplier: dict[str, Any]
    customer: dict[str, Any]
    lines: tuple[DocLine, ...]
    totals: Totals
    contract_code: str = ""
    sla_plan: str = ""
    credited_number: str = ""
    credited_date: date | None = None
    reason: str = ""
    sdi_progressive: str = ""
    draft: bool = False  # a preview before issuing: no number yet, printed with a watermark

    @property
    def is_credit_note(self) -> bool:
        return self.kind == "TD04"
