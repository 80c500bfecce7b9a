"""The long-lived monitoring service: engine + writer + periodic refresh (+ leases in team mode).

The GUI (desktop, SQLite) and `msp-console poller` both run a ``Poller``. Every ``refresh_s``
a control thread reloads which checks to run (new or removed checks, leases on PostgreSQL),
maintenance windows, acks and which machines are down (for parent dependencies), and every
``retention_s`` rolls metrics up (keeping less while the database's disk is low: ``disk_guard``).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from msp_console.monitoring.disk_guard import DiskWatch
from msp_console.monitoring.engine import Engine, Runner, Sink
from msp_console.monitoring.model import CheckOutcome, CheckSpec
from msp_console.monitoring.retention import run_retention
from msp_console.monitoring.store import PlannedCheck, load_plan, load_statuses, load_world
from msp_console.monitoring.team import LeaseManager
from msp_console.monitoring.writer import ResultWriter
from msp_console.services.database import Database

log = logging.getLogger(__name__)


def default_runner(db: Database) -> Runner:
    """The real checks (imported lazily: paramiko and pysnmp are slow to import)."""
    from msp_console.monitoring.checks import run_check
    from msp_console.monitoring.checks.context import CheckContext
    from msp_console.monitoring.hostkeys import HostKeyStore
    from msp_console.remote.console_key import KeyCache

    ctx = CheckContext(hostkeys=HostKeyStore(db), console_key=KeyCache())

    def run(spec: CheckSpec) -> CheckOutcome:
        return run_check(spec, ctx)

    return run


def scale_plan(plan: list[PlannedCheck], factor: float) -> list[PlannedCheck]:
    if factor == 1.0:
        return plan
    return [
        replace(
            p,
            policy=replace(
                p.policy,
                interval_s=max(0.5, p.policy.interval_s * factor),
                retry_interval_s=max(0.5, p.policy.retry_interval_s * factor),
            ),
        )
        for p in plan
    ]


class Poller:
    def __init__(
        self,
        db: Database,
        runner: Runner | None = None,
        *,
        workers: int = 8,
        sinks: Sequence[Sink] = (),
        team: bool | None = None,
        owner: str | None = None,
        lease_s: float = 60.0,
        refresh_s: float = 10.0,
        retention_s: float = 300.0,
        interval_scale: float = 1.0,
    ):
        self.db = db
        self.writer = ResultWriter(db)
        self.engine = Engine(runner or default_runner(db), workers=workers, sinks=sinks, writer=self.writer)
        self.team = (not db.is_sqlite) if team is None else team
        self.leases = (
            LeaseManager(db, owner or f"{socket.gethostname()}:{os.getpid()}", lease_s) if self.team else None
        )
        self.refresh_s, self.retention_s = refresh_s, retention_s
        self.interval_scale = interval_scale  # < 1 only in tests and benchmarks: faster rounds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_retention = 0.0
        self.disk = DiskWatch(db.url)
        self._claimed: frozenset[int] = frozenset()

    def refresh(self) -> None:
        now = datetime.now(UTC)
        machines = None
        if self.leases is not None:
            owned = self.leases.renew(now).owned
            # A machine just claimed is run from the next round on: by then the previous owner's
            # last result is written, so its next_run is known and it is not checked twice.
            machines, self._claimed = owned & self._claimed, owned
        with self.db.read() as s:
            plan = scale_plan(load_plan(s, machines), self.interval_scale)
            wanted = {p.spec.check_id for p in plan}
            new_ids = wanted - self.engine.check_ids
            statuses = load_statuses(s, new_ids) if new_ids else {}
            world = load_world(s)
        self.engine.set_world(world)
        self.engine.set_checks(plan, statuses)

    def start(self) -> None:
        self._stop.clear()
        self.refresh()
        self.engine.start()
        self._thread = threading.Thread(target=self._loop, name="monitoring-control", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(30)
            self._thread = None
        self.engine.stop()
        if self.leases is not None:
            try:
                self.leases.release_all()
            except Exception:
                log.exception("could not release leases (they expire on their own)")

    def request_stop(self) -> None:
        """Safe from a signal handler: the owner of the poller then calls ``stop()``."""
        self._stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._stop.wait(timeout)

    def _drop_if_leases_lapsed(self) -> None:
        """Team mode: without a renewal for a whole lease, other pollers own our machines now."""
        if self.leases is None or self.leases.renewed_at is None:
            return
        if (datetime.now(UTC) - self.leases.renewed_at).total_seconds() >= self.leases.lease_s:
            log.warning("leases lapsed (database unreachable?): stopping checks until renewed")
            self.engine.set_checks([], {})
            self._claimed = frozenset()

    def _loop(self) -> None:
        clock = 0.0
        while not self._stop.wait(self.refresh_s):
            clock += self.refresh_s
            try:
                self.refresh()
                if clock - self._last_retention >= self.retention_s:
                    self._last_retention = clock
                    run_retention(self.db, datetime.now(UTC), **self.disk.horizons())
            except Exception:  # a database hiccup must not end monitoring; try again next round
                log.exception("monitoring refresh failed")
                self._drop_if_leases_lapsed()
