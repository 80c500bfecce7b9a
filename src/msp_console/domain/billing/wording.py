"""How a billed period reads on an invoice line, in Italian or English (Babel month names)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from msp_console.domain.billing.periods import Proration, Span

LOCALES = {"it": "it_IT", "en": "en_GB"}


def locale_of(language: str) -> str:
    return LOCALES.get(language, "it_IT")


def short_date(d: date, language: str) -> str:
    return d.strftime("%d/%m/%Y")


def month_name(d: date, language: str) -> str:
    return format_date(d, "LLLL yyyy", locale=locale_of(language))


def period_label(period: Span, share: Proration, months: int, language: str) -> str:
    """'novembre 2026', 'novembre 2026 (dal 15/11/2026 al 30/11/2026: 16/30 giorni)', or a date range."""
    it = language != "en"
    if months == 1:
        label = month_name(period.start, language)
    else:
        a, b = short_date(period.start, language), short_date(period.end, language)
        label = f"periodo {a} – {b}" if it else f"period {a} – {b}"
    return label


def proration_note(covered: Span, share: Proration, language: str) -> str:
    a, b = short_date(covered.start, language), short_date(covered.end, language)
    if language != "en":
        return f" (dal {a} al {b}: {share.days}/{share.of} giorni)"
    return f" ({a} to {b}: {share.days}/{share.of} days)"


def line_description(name: str, label: str) -> str:
    return f"{name} — {label}"


def money(amount: Decimal, language: str, currency: str = "EUR") -> str:
    """'€ 1.234,50' in Italian (as Italian invoices print it), '€1,234.50' in English."""
    if language == "en":
        return format_currency(amount, currency, locale="en_GB")
    return format_currency(amount, currency, format="¤\u00a0#,##0.00", locale="it_IT", currency_digits=False)


def number(value: Decimal, language: str, places: int = 2) -> str:
    fmt = "#,##0." + "0" * places if places else "#,##0"
    return format_decimal(value, format=fmt, locale=locale_of(language))


def quantity(value: Decimal, language: str) -> str:
    """1 -> '1', 2.5 -> '2,5' (it) / '2.5' (en): no trailing zeros."""
    return format_decimal(value, format="#,##0.####", locale=locale_of(language))
