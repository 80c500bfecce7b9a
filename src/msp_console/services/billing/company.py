"""The MSP's own fiscal profile (cedente/prestatore), validated field by field."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from msp_console.db.models import CompanyProfile
from msp_console.domain import validation
from msp_console.domain.billing import fiscal
from msp_console.domain.billing.numbering import check_number_format
from msp_console.domain.errors import FieldError, InvalidValue, ValidationError
from msp_console.domain.money import parse_amount
from msp_console.services.database import Database


def _text(limit: int) -> Callable[[str], str]:
    def clean(raw: str) -> str:
        text = raw.strip()
        if len(text) > limit:
            raise InvalidValue(f"too long: at most {limit} characters", "too_long", limit=str(limit))
        return text

    return clean


def _country(raw: str) -> str:
    text = raw.strip().upper()
    if len(text) != 2 or not text.isalpha():
        raise InvalidValue(
            f"'{raw}' is not a country: use its two-letter ISO code (IT)", "country", value=raw
        )
    return text


def _choice(*values: str) -> Callable[[str], str]:
    def clean(raw: str) -> str:
        text = raw.strip().upper()
        if text and text not in values:
            raise InvalidValue(f"'{raw}' must be one of {', '.join(values)}", "choice", value=raw)
        return text

    return clean


def _logo(raw: str) -> str:
    text = raw.strip()
    if not text:
        return ""
    path = Path(text).expanduser()
    if not path.is_file():
        raise InvalidValue(f"'{raw}': no such file", "no_file", value=raw)
    if path.suffix.lower() not in {".png", ".jpg", ".jpeg"}:
        raise InvalidValue("the logo must be a PNG or JPEG image", "logo_kind")
    return str(path.resolve())


def _capital(raw: str) -> Decimal | None:
    return parse_amount(raw) if raw.strip() else None


def _days(raw: str) -> int:
    if not raw.strip().isdigit() or int(raw) > 365:
        raise InvalidValue(f"'{raw}' is not a number of days (0–365)", "days_range", value=raw)
    return int(raw)


def _bool(raw: str) -> bool:
    text = raw.strip().lower()
    if text in {"1", "yes", "true", "si", "sì", "y"}:
        return True
    if text in {"0", "no", "false", "n", ""}:
        return False
    raise InvalidValue(f"'{raw}' is not yes/no", "yes_no", value=raw)


def _optional(check: Callable[[str], Any]) -> Callable[[str], Any]:
    return lambda raw: check(raw) if raw.strip() else ""


# field -> cleaner; the CLI option of each field is --field-name.
FIELDS: dict[str, Callable[[str], Any]] = {
    "name": _text(200),
    "vat_number": _optional(validation.vat_number),
    "tax_code": _optional(validation.tax_code),
    "address": _text(300),
    "postal_code": _text(12),
    "city": _text(100),
    "province": _optional(fiscal.province),
    "country": _country,
    "regime": fiscal.regime,
    "rea_office": _optional(fiscal.province),
    "rea_number": _text(20),
    "share_capital": _capital,
    "sole_shareholder": _choice("SU", "SM"),
    "liquidation": _choice("LS", "LN"),
    "iban": _optional(fiscal.iban),
    "bank": _text(200),
    "email": _optional(validation.email),
    "pec": _optional(validation.email),
    "phone": _text(40),
    "logo_path": _logo,
    "invoice_footer": _text(2000),
    "payment_days": _days,
    "payment_end_of_month": _bool,
    "number_format": check_number_format,
}


def load_profile(session: Session) -> CompanyProfile:
    profile = session.get(CompanyProfile, 1)
    if profile is None:
        profile = CompanyProfile(id=1)
        session.add(profile)
        session.flush()
    return profile


def update_profile(db: Database, changes: Mapping[str, str]) -> dict[str, Any]:
    """Cleans every given field; writes all of them or, on any problem, none."""
    cleaned: dict[str, Any] = {}
    errors: list[FieldError] = []
    for field, raw in changes.items():
        if field not in FIELDS:
            errors.append(FieldError(field, "unknown field"))
            continue
        try:
            cleaned[field] = FIELDS[field](raw)
        except ValueError as exc:
            errors.append(FieldError.of(field, exc))
    if errors:
        raise ValidationError(errors)
    with db.transaction() as session:
        profile = load_profile(session)
        for field, value in cleaned.items():
            setattr(profile, field, value)
        return profile_dict(profile)


def profile_dict(profile: CompanyProfile) -> dict[str, Any]:
    return {field: getattr(profile, field) for field in FIELDS}


def supplier_problems(data: Mapping[str, Any]) -> list[FieldError]:
    """What is missing before the MSP can issue an invoice (FatturaPA needs all of these)."""
    required = {
        "name": "company name",
        "vat_number": "VAT number",
        "address": "address",
        "postal_code": "postal code",
        "city": "city",
        "country": "country",
    }
    errors = [
        FieldError(
            f"company.{f}",
            f"the {label} is missing from the company profile",
            code="supplier_missing",
            params={"field": f},
        )
        for f, label in required.items()
        if not data.get(f)
    ]
    if data.get("country") == "IT" and data.get("postal_code"):
        try:
            fiscal.postal_code_it(str(data["postal_code"]))
        except ValueError as exc:
            errors.append(FieldError("company.postal_code", str(exc)))
    return errors
