"""A migrated database with one client, a contact and two machines (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from msp_console.app import App
from msp_console.services.interventions import Scheduling
from tests.support.radicale import RadicaleServer, start_radicale


@dataclass
class World:
    app: App
    sched: Scheduling
    client_id: int
    contact_id: int
    server_id: int
    nas_id: int


def make_world(app: App) -> World:
    inv = app.inventory
    cid = inv.save_client(
        {"name": "Hotel Bellavista", "vat_number": "01234567897", "city": "Como", "phone": "+39 031 123456"}
    )
    contact = inv.save_contact(
        cid,
        {
            "name": "Giulia Rossi",
            "phone": "+39 031 123456",
            "primary": True,
            "email": "giulia.rossi@bellavista.example",
        },
    )
    srv = inv.save_machine(cid, {"name": "srv-01", "kind": "server", "address": "127.0.0.2"})
    nas = inv.save_machine(cid, {"name": "nas-01", "kind": "nas", "address": "127.0.0.3"})
    return World(app, Scheduling(app.db), cid, contact, srv, nas)


@pytest.fixture
def world(database_url: str) -> Iterator[World]:
    app = App.open(database_url)
    try:
        yield make_world(app)
    finally:
        app.close()


@pytest.fixture
def sqlite_world(sqlite_url: str) -> Iterator[World]:
    app = App.open(sqlite_url)
    try:
        yield make_world(app)
    finally:
        app.close()


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RadicaleServer]:
    server = start_radicale(tmp_path_factory.mktemp("radicale"))
    try:
        yield server
    finally:
        server.stop()
