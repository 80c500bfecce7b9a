"""Team mode on PostgreSQL: pollers share machines through leases; consoles LISTEN for results.

Each poller heartbeats in ``poller_node`` and holds leases in ``poll_lease`` (one row per
machine). Every ``renew`` it extends its leases, gives back machines above its fair share
(total / live pollers) and claims expired or free ones with ``FOR UPDATE SKIP LOCKED``, so two
pollers never claim the same machine and a dead poller's machines are free once its leases
expire (the lease lasts one check interval). A machine handed over keeps its ``next_run`` in
``check_status``, so the new owner does not check it again before its interval is up.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from msp_console.db.models import Check, Client, Machine, PollerNode, PollLease
from msp_console.monitoring.writer import NOTIFY_CHANNEL
from msp_console.services.database import Database


@dataclass(frozen=True, slots=True)
class LeaseChange:
    owned: frozenset[int]
    gained: frozenset[int]
    lost: frozenset[int]


class LeaseManager:
    def __init__(self, db: Database, owner: str, lease_s: float):
        self.db, self.owner, self.lease_s = db, owner, lease_s
        self.owned: frozenset[int] = frozenset()
        self.renewed_at: datetime | None = None

    def renew(self, now: datetime) -> LeaseChange:
        until = now + timedelta(seconds=self.lease_s)
        with self.db.transaction() as s:
            s.execute(
                pg_insert(PollerNode)
                .values(name=self.owner, heartbeat=now)
                .on_conflict_do_update(index_elements=["name"], set_={"heartbeat": now})
            )
            s.execute(
                delete(PollerNode).where(PollerNode.heartbeat < now - timedelta(seconds=10 * self.lease_s))
            )
            alive = (
                s.scalar(
                    select(func.count())
                    .select_from(PollerNode)
                    .where(PollerNode.heartbeat >= now - timedelta(seconds=self.lease_s))
                )
                or 1
            )
            monitored = (
                select(Machine.id)
                .join(Client, Machine.client_id == Client.id)
                .where(
                    Client.archived.is_(False),
                    select(Check.id).where(Check.machine_id == Machine.id, Check.enabled.is_(True)).exists(),
                )
            )
            ids = list(s.scalars(monitored.order_by(Machine.id)))
            if ids:
                s.execute(
                    pg_insert(PollLease)
                    .values([{"machine_id": m, "owner": "", "lease_until": None} for m in ids])
                    .on_conflict_do_nothing()
                )
            share = math.ceil(len(ids) / max(1, alive))
            mine = list(
                s.scalars(
                    select(PollLease.machine_id)
                    .where(PollLease.owner == self.owner, PollLease.lease_until >= now)
                    .order_by(PollLease.machine_id)
                )
            )
            id_set = set(ids)
            mine = [m for m in mine if m in id_set]
            release = mine[share:]
            keep = mine[:share]
            if release:
                s.execute(
                    update(PollLease)
                    .where(PollLease.machine_id.in_(release), PollLease.owner == self.owner)
                    .values(owner="", lease_until=None)
                )
            if keep:
                s.execute(
                    update(PollLease)
                    .where(PollLease.machine_id.in_(keep), PollLease.owner == self.owner)
                    .values(lease_until=until)
                )
            claimed: list[int] = []
            want = share - len(keep)
            if want > 0:
                free = or_(PollLease.lease_until.is_(None), PollLease.lease_until < now)
                claimed = list(
                    s.scalars(
                        select(PollLease.machine_id)
                        .where(and_(free, PollLease.machine_id.in_(ids)))
                        .order_by(PollLease.machine_id)
                        .limit(want)
                        .with_for_update(skip_locked=True)
                    )
                )
                if claimed:
                    s.execute(
                        update(PollLease)
                        .where(PollLease.machine_id.in_(claimed))
                        .values(owner=self.owner, lease_until=until)
                    )
        owned = frozenset(keep) | frozenset(claimed)
        change = LeaseChange(owned, owned - self.owned, self.owned - owned)
        self.owned, self.renewed_at = owned, now
        return change

    def release_all(self) -> None:
        with self.db.transaction() as s:
            s.execute(
                update(PollLease).where(PollLease.owner == self.owner).values(owner="", lease_until=None)
            )
            s.execute(delete(PollerNode).where(PollerNode.name == self.owner))
        self.owned = frozenset()


class ResultListener:
    """Yields batches of check ids with new results, as the writer commits them (PostgreSQL)."""

    def __init__(self, url: str):
        import psycopg

        self._conn = psycopg.connect(_libpq_url(url), autocommit=True)
        self._conn.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def poll(self, timeout_s: float = 1.0) -> set[int]:
        """Waits up to ``timeout_s`` for notifications; returns the changed check ids (maybe none)."""
        ids: set[int] = set()
        for note in self._conn.notifies(timeout=timeout_s, stop_after=1):
            ids.update(int(x) for x in note.payload.split(",") if x)
        for note in self._conn.notifies(timeout=0.01):  # drain what arrived together
            ids.update(int(x) for x in note.payload.split(",") if x)
        return ids

    def __iter__(self) -> Iterator[set[int]]:
        while not self._conn.closed:
            ids = self.poll(1.0)
            if ids:
                yield ids

    def fileno(self) -> int:
        return self._conn.fileno()

    def close(self) -> None:
        self._conn.close()


def _libpq_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)
