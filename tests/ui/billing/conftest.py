"""Billing panel fixtures: the UI test database plus the MSP's profile and two clients with
valid fiscal data, each with a monthly contract that started two months ago."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from msp_console.app import App
from msp_console.db.models import Client
from msp_console.domain.billing.periods import add_months
from msp_console.domain.validation import italian_vat_check_digit
from msp_console.services.billing.catalog import find_service
from msp_console.services.billing.company import update_profile
from msp_console.services.billing.contracts import LineSpec, create_contract

pytestmark = pytest.mark.ui

COMPANY = {
    "name": "Rossi Informatica S.r.l.",
    "vat_number": "01234567897",
    "tax_code": "01234567897",
    "address": "Via Giuseppe Garibaldi 42",
    "postal_code": "20121",
    "city": "Milano",
    "province": "MI",
    "country": "IT",
    "iban": "IT60X0542811101000000123456",
    "regime": "RF01",
}


def _vat(n: int) -> str:
    base = f"{n:010d}"
    return base + str(italian_vat_check_digit(base))


@pytest.fixture
def contract_start() -> date:
    return add_months(date.today().replace(day=1), -1)


@pytest.fixture
def billed(app: App, contract_start: date) -> dict[str, Any]:
    """Two clients ready to invoice: 'Alfa' (2 services) and 'Beta' (monitoring only)."""
    update_profile(app.db, COMPANY)
    ids = {}
    with app.db.transaction() as s:
        monitoring, email = find_service(s, "MONITORING"), find_service(s, "EMAIL")
        assert monitoring is not None and email is not None
        for n, (name, lines) in enumerate(
            (
                (
                    "Alfa Ricambi S.r.l.",
                    [
                        LineSpec(monitoring, None, Decimal("1000.00")),
                        LineSpec(email, Decimal(3), Decimal("25")),
                    ],
                ),
                ("Beta Servizi S.n.c.", [LineSpec(monitoring, None, Decimal("350"))]),
            ),
            start=1,
        ):
            client = Client(
                name=name, vat_number=_vat(5566778800 + n), address=f"Via Roma {n}", postal_code="80122",
                city="Napoli", province="NA", sdi_code="T04ZHR3",
            )  # fmt: skip
            s.add(client)
            s.flush()
            create_contract(s, client, f"C-{n:03d}", contract_start, lines, sla_plan="Standard")
            ids[name] = client.id
    return ids
