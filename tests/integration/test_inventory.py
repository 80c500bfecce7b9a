"""Clients, sites, contacts and machines through the service, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select

from msp_console.app import App
from msp_console.db.migrate import current_revision, head_revision
from msp_console.db.models import Contact, Machine, Site
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.services.tree import load_tree


@pytest.fixture
def app(database_url: str):
    app = App.open(database_url)
    yield app
    app.close()


def test_schema_upgrades_from_empty_to_head(app: App) -> None:
    assert current_revision(app.db.engine) == head_revision()
    tables = set(inspect(app.db.engine).get_table_names())
    assert {"client", "site", "contact", "machine", "alembic_version"} <= tables


def test_upgrade_twice_changes_nothing(database_url: str) -> None:
    App.open(database_url).close()
    again = App.open(database_url)
    assert current_revision(again.db.engine) == head_revision()
    again.close()


def test_tree_groups_machines_by_client_and_site(app: App) -> None:
    inv = app.inventory
    cid = inv.save_client({"name": "Hotel Bellavista", "vat_number": "01234567897", "city": "Como"})
    inv.save_site(cid, {"name": "Dependance"})
    inv.save_machine(cid, {"name": "fw-01", "kind": "firewall", "address": "127.0.0.2"})
    inv.save_machine(cid, {"name": "pc-dep", "kind": "workstation", "site": "Dependance", "parent": "fw-01"})
    with app.db.read() as s:
        tree = load_tree(s)
    (client,) = tree.clients
    assert [m.name for m in client.machines] == ["fw-01"]
    assert [(x.name, [m.name for m in x.machines]) for x in client.sites] == [("Dependance", ["pc-dep"])]
    assert client.sites[0].machines[0].parent_name == "fw-01"
    assert tree.machine_count == 2


def test_duplicate_names_are_refused_with_the_field_named(app: App) -> None:
    inv = app.inventory
    cid = inv.save_client({"name": "Ferramenta Colombo"})
    with pytest.raises(ValidationError, match="name: a client named 'FERRAMENTA colombo' already exists"):
        inv.save_client({"name": "FERRAMENTA colombo"})
    inv.save_machine(cid, {"name": "pc1"})
    with pytest.raises(ValidationError, match="already has a machine named"):
        inv.save_machine(cid, {"name": "PC1"})
    other = inv.save_client({"name": "Other"})
    inv.save_machine(other, {"name": "pc1"})  # the same machine name at another client is fine


def test_parent_must_exist_and_cannot_loop(app: App) -> None:
    inv = app.inventory
    cid = inv.save_client({"name": "A"})
    with pytest.raises(ValidationError, match="parent: this client has no machine named 'gw'"):
        inv.save_machine(cid, {"name": "pc1", "parent": "gw"})
    gw = inv.save_machine(cid, {"name": "gw"})
    inv.save_machine(cid, {"name": "pc1", "parent": "gw"})
    with pytest.raises(ValidationError, match="behind itself"):
        inv.save_machine(cid, {"name": "gw", "parent": "pc1"}, machine_id=gw)


def test_one_primary_contact_per_client(app: App) -> None:
    inv = app.inventory
    cid = inv.save_client({"name": "A"})
    inv.save_contact(cid, {"name": "Anna", "phone": "+39 02 123456", "primary": "1"})
    inv.save_contact(cid, {"name": "Bruno", "primary": "1"})
    card = inv.client_card(cid)
    assert [(c.name, c.primary) for c in card.contacts] == [("Bruno", True), ("Anna", False)]


def test_deleting_a_client_leaves_no_orphans(app: App) -> None:
    inv = app.inventory
    cid = inv.save_client({"name": "A"})
    inv.save_site(cid, {"name": "S"})
    inv.save_contact(cid, {"name": "C"})
    inv.save_machine(cid, {"name": "gw"})
    inv.save_machine(cid, {"name": "pc", "parent": "gw", "site": "S"})
    assert inv.delete_client(cid) == "deleted"
    with app.db.read() as s:
        for model in (Site, Contact, Machine):
            assert s.scalar(select(func.count()).select_from(model)) == 0
    with pytest.raises(NotFoundError):
        inv.client_card(cid)


def test_clients_with_history_are_archived_not_deleted(app: App) -> None:
    from msp_console.db import client_history as history

    cid = app.inventory.save_client({"name": "Kept"})
    probe = lambda _s, client_id: client_id == cid  # noqa: E731
    history.register_history_probe(probe)
    try:
        assert app.inventory.delete_client(cid) == "archived"
    finally:
        history._probes.remove(probe)
    assert app.inventory.client_card(cid).archived
    with app.db.read() as s:
        assert load_tree(s).clients == ()
        assert [c.name for c in load_tree(s, include_archived=True).clients] == ["Kept"]


def test_deleting_a_site_keeps_its_machines(app: App) -> None:
    inv = app.inventory
    cid = inv.save_client({"name": "A"})
    sid = inv.save_site(cid, {"name": "S"})
    mid = inv.save_machine(cid, {"name": "pc", "site": "S"})
    assert inv.delete_site(sid) == 1
    assert inv.machine_card(mid).site_id is None


def test_timestamps_come_back_timezone_aware(app: App) -> None:
    cid = app.inventory.save_client({"name": "A"})
    mid = app.inventory.save_machine(cid, {"name": "pc"})
    with app.db.read() as s:
        machine = s.get(Machine, mid)
        assert machine is not None
        assert machine.created_at.tzinfo is not None
        assert machine.created_at.utcoffset().total_seconds() == 0


def test_the_fast_up_to_date_check_agrees_with_alembic(app: App) -> None:
    from msp_console.db.migrate import _heads_from_files, is_up_to_date

    assert "+".join(sorted(_heads_from_files())) == head_revision()
    assert is_up_to_date(app.db.engine)
