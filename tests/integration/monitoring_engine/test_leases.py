"""Lease arithmetic of team mode on PostgreSQL, with the clock in the test's hands."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from msp_console.app import App
from msp_console.db.models import Check, Client, Machine
from msp_console.monitoring.team import LeaseManager
from tests.support.postgres import PostgresServer

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_app(postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MSP_CONSOLE_MONITOR_NEW_MACHINES", "0")
    app = App.open(postgres_server.create_database(f"msp_leases_{id(monkeypatch)}"))
    with app.db.transaction() as s:
        client = Client(name="Leases")
        s.add(client)
        s.flush()
        s.execute(insert(Machine), [{"client_id": client.id, "name": f"m{i}"} for i in range(31)])
        ids = list(s.scalars(select(Machine.id)))
        # 30 monitored machines; one without checks is nobody's business.
        s.execute(
            insert(Check), [{"machine_id": m, "type": "ping", "name": "ping", "params": {}} for m in ids[:30]]
        )
    yield app
    app.close()


def test_pollers_split_fairly_never_overlap_and_take_over_expired_leases(pg_app: App) -> None:
    a, b = LeaseManager(pg_app.db, "a", 60), LeaseManager(pg_app.db, "b", 60)
    assert len(a.renew(T0).owned) == 30  # alone: everything
    assert b.renew(T0 + timedelta(seconds=1)).owned == frozenset()  # all leased to a, none free
    shrink = a.renew(T0 + timedelta(seconds=20))  # a sees b alive: gives back above its share
    assert len(shrink.owned) == 15 and len(shrink.lost) == 15
    grow = b.renew(T0 + timedelta(seconds=21))
    assert len(grow.owned) == 15 and not (grow.owned & a.owned)
    # a dies (no more renewals); after one lease its machines go to b.
    assert b.renew(T0 + timedelta(seconds=50)).owned == grow.owned  # a's leases still valid
    taken = b.renew(T0 + timedelta(seconds=20 + 61))
    assert len(taken.owned) == 30 and taken.gained == shrink.owned
    b.release_all()
    assert len(LeaseManager(pg_app.db, "c", 60).renew(T0 + timedelta(seconds=82)).owned) == 30
