"""Money as Decimal: cents rounded half-up, the way FatturaPA and the Agenzia delle Entrate expect."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def round_cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_amount(raw: str) -> Decimal:
    """Reads '1.234,50' (Italian), '1234,50', '1234.50' or '1,234.50'; raises ValueError for the user."""
    text = raw.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if not text:
        raise ValueError("an amount is required")
    if "," in text and "." in text:
        # The separator that comes last is the decimal one.
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"'{raw}' is not an amount (write e.g. 1234,50 or 1.234,50)") from None
    if not value.is_finite():
        raise ValueError(f"'{raw}' is not an amount")
    return value
