"""The fiscal data of both parties, checked and frozen into the invoice when it is issued."""

from __future__ import annotations

from typing import Any

from msp_console.db.models import Client, CompanyProfile
from msp_console.domain import validation
from msp_console.domain.billing import fiscal
from msp_console.domain.errors import FieldError
from msp_console.services.billing.company import profile_dict, supplier_problems


def supplier_snapshot(profile: CompanyProfile) -> tuple[dict[str, Any], list[FieldError]]:
    data = profile_dict(profile)
    data["share_capital"] = str(data["share_capital"]) if data["share_capital"] is not None else ""
    return data, supplier_problems(data)


def customer_snapshot(client: Client) -> tuple[dict[str, Any], list[FieldError]]:
    """What FatturaPA needs to know about the client; problems are named by client field."""
    errors: list[FieldError] = []
    where = f"client '{client.name}'"

    def bad(field: str, message: str, code: str = "") -> None:
        params = {"client": client.name, "field": field}
        errors.append(FieldError(f"{where}: {field}", message, code=code, params=params))

    country = (client.country or "IT").upper()
    vat, tax = client.vat_number.strip(), client.tax_code.strip()
    if not vat and not tax:
        bad("vat_number", "the VAT number (or at least the tax code) is missing", "customer_no_vat")
    if vat:
        try:
            vat = validation.vat_number(vat, country)
        except ValueError as exc:
            bad("vat_number", str(exc))
    for field in ("address", "postal_code", "city"):
        if not getattr(client, field).strip():
            bad(field, "is missing (FatturaPA needs the full address)", "customer_missing")
    sdi = client.sdi_code.strip().upper()
    if country == "IT":
        if client.postal_code.strip():
            try:
                fiscal.postal_code_it(client.postal_code)
            except ValueError as exc:
                bad("postal_code", str(exc))
        if sdi:
            try:
                sdi = fiscal.sdi_code(sdi)
            except ValueError as exc:
                bad("sdi_code", str(exc))
        elif not client.pec.strip():
            sdi = "0000000"  # the SdI delivers to the client's reserved area
    else:
        sdi = "XXXXXXX"  # foreign client: the code FatturaPA prescribes
    data = {
        "name": client.name,
        "vat_number": vat,
        "tax_code": tax,
        "address": client.address.strip(),
        "postal_code": client.postal_code.strip(),
        "city": client.city.strip(),
        "province": client.province.strip().upper()[:2] if country == "IT" else "",
        "country": country,
        "sdi_code": sdi or "0000000",
        "pec": client.pec.strip(),
        "email": client.email.strip(),
    }
    return data, errors
