"""Line amounts, the VAT summary per rate and document totals, to the cent (FatturaPA rules).

Each line total is rounded half-up to cents; VAT is computed on each rate's taxable total
(not line by line) and rounded half-up; the document total is the exact sum of those.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from msp_console.domain.billing.periods import Proration
from msp_console.domain.money import ZERO, round_cents

UNIT_PRICE_PLACES = Decimal("0.00000001")  # FatturaPA PrezzoUnitario allows up to 8 decimals


def line_amount(quantity: Decimal, unit_price: Decimal, share: Proration | None = None) -> Decimal:
    value = quantity * unit_price
    if share is not None and not share.full:
        value = value * share.days / share.of
    return round_cents(value)


def effective_unit_price(unit_price: Decimal, share: Proration | None) -> Decimal:
    """The prorated unit price shown in the XML (8 decimals), so that price × qty ≈ line total."""
    if share is None or share.full:
        return unit_price
    return (unit_price * share.days / share.of).quantize(UNIT_PRICE_PLACES)


@dataclass(frozen=True, slots=True)
class TaxedAmount:
    amount: Decimal
    vat_rate: Decimal  # percent, e.g. 22.00
    natura: str = ""  # N1…N7 (with sub-codes) when the rate is 0


@dataclass(frozen=True, slots=True)
class VatGroup:
    vat_rate: Decimal
    natura: str
    taxable: Decimal
    vat: Decimal


@dataclass(frozen=True, slots=True)
class Totals:
    groups: tuple[VatGroup, ...]
    taxable: Decimal
    vat: Decimal
    total: Decimal


def vat_summary(lines: Iterable[TaxedAmount]) -> Totals:
    taxable_by: dict[tuple[Decimal, str], Decimal] = {}
    for line in lines:
        key = (Decimal(line.vat_rate).quantize(Decimal("0.01")), line.natura)
        taxable_by[key] = taxable_by.get(key, ZERO) + line.amount
    groups = tuple(
        VatGroup(rate, natura, round_cents(taxable), round_cents(taxable * rate / 100))
        for (rate, natura), taxable in sorted(taxable_by.items(), key=lambda kv: (-kv[0][0], kv[0][1]))
    )
    taxable = sum((g.taxable for g in groups), ZERO)
    vat = sum((g.vat for g in groups), ZERO)
    return Totals(groups, taxable, vat, taxable + vat)
