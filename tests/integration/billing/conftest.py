"""Billing fixtures: an app with the MSP's profile filled in, and clients with valid fiscal data."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session

from msp_console.app import App
from msp_console.db.models import Client
from msp_console.domain.validation import italian_vat_check_digit
from msp_console.services.billing.company import update_profile

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
    "bank": "Banca Popolare di Sondrio",
    "regime": "RF01",
    "rea_office": "MI",
    "rea_number": "1987654",
    "share_capital": "20000",
    "sole_shareholder": "SM",
    "liquidation": "LN",
    "phone": "02 8765 4321",
    "pec": "amministrazione@pec.rossiinformatica.it",
}


def vat_for(n: int) -> str:
    base = f"{n:010d}"
    return base + str(italian_vat_check_digit(base))


def add_client(session: Session, name: str, n: int, **extra: Any) -> Client:
    fields: dict[str, Any] = {
        "vat_number": vat_for(5566778800 + n),
        "address": f"Via Roma {n}",
        "postal_code": "80122",
        "city": "Napoli",
        "province": "NA",
        "sdi_code": "T04ZHR3",
    }
    fields.update(extra)
    client = Client(name=name, **fields)
    session.add(client)
    session.flush()
    return client


@pytest.fixture
def billing_app(database_url: str) -> Iterator[App]:
    app = App.open(database_url)
    update_profile(app.db, COMPANY)
    try:
        yield app
    finally:
        app.close()


@pytest.fixture
def sqlite_billing_app(sqlite_url: str) -> Iterator[App]:
    app = App.open(sqlite_url)
    update_profile(app.db, COMPANY)
    try:
        yield app
    finally:
        app.close()


@pytest.fixture
def rng() -> random.Random:
    return random.Random(20261128)
