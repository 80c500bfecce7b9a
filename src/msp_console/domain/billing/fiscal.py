"""Italian fiscal codes a billing profile needs: IBAN, regime, Natura, SdI code, REA data."""

from __future__ import annotations

import re
from decimal import Decimal

from msp_console.domain.errors import InvalidValue

REGIMES = ("RF01", "RF02", *(f"RF{n:02d}" for n in range(4, 21)))
NATURE = (
    "N1",
    "N2.1",
    "N2.2",
    "N3.1",
    "N3.2",
    "N3.3",
    "N3.4",
    "N3.5",
    "N3.6",
    "N4",
    "N5",
    "N6.1",
    "N6.2",
    "N6.3",
    "N6.4",
    "N6.5",
    "N6.6",
    "N6.7",
    "N6.8",
    "N6.9",
    "N7",
)
_IBAN_LENGTHS = {
    "IT": 27,
    "SM": 27,
    "DE": 22,
    "FR": 27,
    "ES": 24,
    "CH": 21,
    "AT": 20,
    "GB": 22,
    "NL": 18,
    "BE": 16,
}


def iban(raw: str) -> str:
    text = re.sub(r"\s", "", raw).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", text):
        raise InvalidValue(
            f"'{raw}' is not an IBAN: two letters, two check digits, then the account", "iban", value=raw
        )
    expected = _IBAN_LENGTHS.get(text[:2])
    if expected and len(text) != expected:
        raise InvalidValue(
            f"'{raw}' is not a valid IBAN: {text[:2]} IBANs have {expected} characters",
            "iban_length",
            value=raw,
            length=str(expected),
        )
    digits = "".join(str(int(c, 36)) for c in text[4:] + text[:4])
    if int(digits) % 97 != 1:
        raise InvalidValue(
            f"'{raw}' is not a valid IBAN: the check digits are wrong", "iban_check", value=raw
        )
    return text


def format_iban(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def regime(raw: str) -> str:
    text = raw.strip().upper()
    if text not in REGIMES:
        raise InvalidValue(
            f"'{raw}' is not a fiscal regime: use RF01 (ordinario) … RF20", "regime", value=raw
        )
    return text


def vat_rate(raw: str | Decimal) -> Decimal:
    text = str(raw).strip().replace("%", "").replace(",", ".")
    try:
        value = Decimal(text).quantize(Decimal("0.01"))
    except ArithmeticError:
        raise InvalidValue(f"'{raw}' is not a VAT rate (write e.g. 22)", "vat_rate", value=str(raw)) from None
    if not Decimal(0) <= value <= Decimal(100):
        raise InvalidValue(f"'{raw}' is not a VAT rate between 0 and 100", "vat_rate", value=str(raw))
    return value


def natura_for(rate: Decimal, raw: str) -> str:
    """0 % needs a Natura code (N1…N7, with sub-codes like N2.2); a positive rate must have none."""
    text = raw.strip().upper()
    if rate == 0:
        if not text:
            raise InvalidValue("a 0 % VAT rate needs a Natura code (N1, N2.1, N2.2, … N7)", "natura_needed")
        if text not in NATURE:
            raise InvalidValue(
                f"'{raw}' is not a Natura code: use one of {', '.join(NATURE)}",
                "natura",
                value=raw,
                allowed=", ".join(NATURE),
            )
        return text
    if text:
        raise InvalidValue("a Natura code is only for a 0 % VAT rate", "natura_not_zero")
    return ""


def sdi_code(raw: str) -> str:
    text = raw.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{7}", text):
        raise InvalidValue(
            f"'{raw}' is not an SdI recipient code: it has 7 letters or digits", "sdi", value=raw
        )
    return text


def province(raw: str) -> str:
    text = raw.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", text):
        raise InvalidValue(
            f"'{raw}' is not a province: use its two-letter code (e.g. MI)", "province", value=raw
        )
    return text


def postal_code_it(raw: str) -> str:
    text = raw.strip()
    if not re.fullmatch(r"[0-9]{5}", text):
        raise InvalidValue(
            f"'{raw}' is not an Italian postal code (CAP): five digits", "postal_code_it", value=raw
        )
    return text
