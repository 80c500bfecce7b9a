"""Demo billing: the MSP's profile, a contract per demo client from last month, billed and issued."""

from __future__ import annotations

import contextlib
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from msp_console.db.models import Client, Contract
from msp_console.domain.billing.periods import add_months
from msp_console.services.billing.catalog import find_service
from msp_console.services.billing.company import update_profile
from msp_console.services.billing.contracts import LineSpec, create_contract
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.run import run_month

PROFILE = {
    "name": "Assistenza Informatica Demo S.r.l.",
    "vat_number": "01234567897",
    "tax_code": "01234567897",
    "address": "Via dell'Esempio 1",
    "postal_code": "20121",
    "city": "Milano",
    "province": "MI",
    "country": "IT",
    "regime": "RF01",
    "rea_office": "MI",
    "rea_number": "1234567",
    "share_capital": "10000",
    "sole_shareholder": "SM",
    "liquidation": "LN",
    "iban": "IT60X0542811101000000123456",
    "bank": "Banca di Esempio",
    "email": "amministrazione@demo.example",
    "phone": "02 1234567",
    "invoice_footer": "Dati di esempio: questa fattura è generata dalla demo di MSP Console.",
}
PRICES = {"MONITORING": "350", "BACKUP": "25", "SECURITY": "12", "EMAIL": "4.50"}


def add_billing_demo(app: object, today: date | None = None) -> None:
    from msp_console.app import App

    assert isinstance(app, App)
    today = today or date.today()
    previous = add_months(date(today.year, today.month, 1), -1)
    update_profile(app.db, PROFILE)
    with app.db.transaction() as s:
        if s.scalar(select(Contract.id).limit(1)) is not None:
            return
        services = [svc for code in PRICES if (svc := find_service(s, code)) is not None]
        for n, client in enumerate(s.scalars(select(Client).order_by(Client.name))):
            lines = [
                LineSpec(svc, Decimal(3 + n) if svc.code == "EMAIL" else None, Decimal(PRICES[svc.code]))
                for svc in services
            ][: 2 + n % 3]
            start = previous.replace(day=15) if n == 2 else previous  # one prorated first month
            language = "en" if n == 5 else "it"
            create_contract(
                s, client, f"DEMO-{n + 1:03d}", start, lines, sla_plan="Standard", language=language
            )
    run_month(app.db, previous.year, previous.month)
    with app.db.read() as s:
        ids = drafts_of_month(s, previous.year, previous.month)
    # A demo client with incomplete fiscal data keeps its drafts; the panel shows why.
    with contextlib.suppress(ValueError):
        issue(app.db, ids, today)
    from msp_console.services.billing.sdi_demo import add_sdi_demo

    add_sdi_demo(app.db)
