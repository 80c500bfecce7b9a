"""Team mode on PostgreSQL: two `msp-console poller` processes share 300 machines.

Every machine has one TCP check against its own loopback port (20 % of them closed). Each
accepted connection is timestamped per port, so a machine checked twice within an interval
shows up as two connections too close together. Then one poller is SIGKILLed and its machines
must be checked again by the other once its leases expire.
"""

from __future__ import annotations

import itertools
import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from msp_console.app import App
from msp_console.db.models import Check, Client, Machine, PollLease
from msp_console.monitoring.team import ResultListener
from tests.support.components import free_port
from tests.support.postgres import PostgresServer

MACHINES = 300
INTERVAL = 4.0  # seconds; the lease lasts one interval
pytestmark = pytest.mark.postgres


class PortFarm:
    """Many listening ports served by one selector thread; records when each was connected to."""

    def __init__(self, count: int):
        self.sel = selectors.DefaultSelector()
        self.socks: list[socket.socket] = []
        self.hits: dict[int, list[float]] = {}
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            s.listen(64)
            s.setblocking(False)
            port = s.getsockname()[1]
            self.hits[port] = []
            self.sel.register(s, selectors.EVENT_READ, port)
            self.socks.append(s)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def ports(self) -> list[int]:
        return list(self.hits)

    def _serve(self) -> None:
        while not self._stop.is_set():
            for key, _ in self.sel.select(0.1):
                try:
                    conn, _ = key.fileobj.accept()  # type: ignore[union-attr]
                except OSError:
                    continue
                self.hits[key.data].append(time.monotonic())
                conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        for s in self.socks:
            s.close()


@pytest.fixture
def team_db(
    postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, PortFarm, dict[int, int]]]:
    monkeypatch.setenv("MSP_CONSOLE_MONITOR_NEW_MACHINES", "0")
    url = postgres_server.create_database(f"msp_team_{os.getpid()}_{time.monotonic_ns()}")
    farm = PortFarm(MACHINES * 4 // 5)
    dead = [free_port() for _ in range(MACHINES - len(farm.ports))]
    app = App.open(url)
    port_of_machine: dict[int, int] = {}
    with app.db.transaction() as s:
        client = Client(name="Rete Grande")
        s.add(client)
        s.flush()
        s.execute(
            insert(Machine),
            [
                {"client_id": client.id, "name": f"m{i:03d}", "address": "127.0.0.1", "kind": "server"}
                for i in range(MACHINES)
            ],
        )
        ids = list(s.scalars(select(Machine.id).order_by(Machine.id)))
        ports = farm.ports + dead
        s.execute(
            insert(Check),
            [
                {
                    "machine_id": m,
                    "type": "tcp",
                    "name": "port",
                    "params": {"port": str(p)},
                    "interval_s": INTERVAL,
                    "retry_interval_s": INTERVAL,
                    "timeout_s": 1.0,
                }
                for m, p in zip(ids, ports, strict=True)
            ],
        )
        port_of_machine = dict(zip(ids, ports, strict=True))
    app.close()
    yield url, farm, port_of_machine
    farm.close()


def start_poller(url: str, name: str, log: Path) -> subprocess.Popen[bytes]:
    code = "import sys; from msp_console.cli import main; sys.exit(main())"
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            code,
            "--database",
            url,
            "poller",
            "--name",
            name,
            "--workers",
            "8",
            "--lease-seconds",
            str(INTERVAL),
            "--refresh-seconds",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )


def _owners(url: str) -> dict[str, list[int]]:
    app = App.open(url, upgrade_schema=False)
    try:
        with app.db.read() as s:
            rows = list(s.execute(select(PollLease.machine_id, PollLease.owner)))
    finally:
        app.close()
    out: dict[str, list[int]] = {}
    for machine_id, owner in rows:
        if owner:
            out.setdefault(owner, []).append(machine_id)
    return out


def too_close(hits: list[float], since: float, until: float) -> list[float]:
    """Gaps between consecutive checks of one machine shorter than a quarter interval.

    Two pollers checking one machine run on independent phases, so across 240 ports and several
    intervals they would leave many such gaps; one run delayed by a busy CPU leaves a gap of
    interval minus the delay, which stays above a quarter interval.
    """
    times = [t for t in hits if since <= t <= until]
    return [b - a for a, b in itertools.pairwise(times) if b - a < INTERVAL / 4]


def test_two_pollers_share_without_double_checks_and_take_over_a_dead_one(team_db, tmp_path: Path) -> None:
    url, farm, port_of_machine = team_db
    listener = ResultListener(url)
    a = start_poller(url, "poller-a", tmp_path / "a.log")
    b = start_poller(url, "poller-b", tmp_path / "b.log")
    try:
        t0 = time.monotonic()
        notified: set[int] = set()
        by_owner: dict[str, list[int]] = {}
        # Until every check has reported and the pollers have split the machines (a loaded CI box
        # may take a while to start two processes), then two more intervals of sharing.
        settled_at = None
        while time.monotonic() - t0 < 90:
            notified |= listener.poll(0.5)  # consoles hear about results without polling the tables
            by_owner = _owners(url)
            split = (
                set(by_owner) == {"poller-a", "poller-b"}
                and abs(len(by_owner["poller-a"]) - len(by_owner["poller-b"])) <= 2
            )
            if settled_at is None and split and len(notified) == MACHINES and all(farm.hits.values()):
                settled_at = time.monotonic()
            if settled_at is not None and time.monotonic() - settled_at > 2 * INTERVAL:
                break
        shared_until = time.monotonic()
        assert set(by_owner) == {"poller-a", "poller-b"}, by_owner.keys()
        assert abs(len(by_owner["poller-a"]) - len(by_owner["poller-b"])) <= 2  # a fair share each
        assert len(notified) == MACHINES  # every check reported (the dead ports too)
        # Every open port was checked, never twice within an interval.
        for port, hits in farm.hits.items():
            assert hits, f"port {port} never checked"
            assert not too_close(hits, t0, shared_until), f"port {port} checked twice: {hits}"
            in_window = [t for t in hits if settled_at is not None and settled_at <= t <= shared_until]
            assert len(in_window) <= (shared_until - (settled_at or t0)) / INTERVAL + 2, hits

        a.send_signal(signal.SIGKILL)
        a.wait(5)
        killed_at = time.monotonic()
        a_ports = [port_of_machine[m] for m in by_owner["poller-a"] if port_of_machine[m] in farm.hits]
        deadline = killed_at + 2 * INTERVAL + 20.0
        while time.monotonic() < deadline and not all(
            any(t > killed_at + INTERVAL for t in farm.hits[p]) for p in a_ports
        ):
            time.sleep(0.2)
        taken_over = [max((t for t in farm.hits[p] if t > killed_at + 0.5), default=None) for p in a_ports]
        missing = [p for p, t in zip(a_ports, taken_over, strict=True) if t is None]
        assert not missing, f"{len(missing)} of poller-a's machines were not taken over"
        firsts = [min(t for t in farm.hits[p] if t > killed_at + 0.5) - killed_at for p in a_ports]
        print(
            f"take-over: first check of a dead poller's machine after {max(firsts):.1f} s (max), "
            f"lease {INTERVAL} s"
        )
        # Lease expiry (one interval) + the next lease round + the overdue spread; loose on a busy box.
        assert max(firsts) <= 2 * INTERVAL + 8.0
        time.sleep(INTERVAL)
        for port, hits in farm.hits.items():
            assert not too_close(hits, t0, time.monotonic()), f"port {port} checked twice: {hits}"
        b.send_signal(signal.SIGTERM)
        assert b.wait(15) == 0  # clean shutdown on SIGTERM
        assert "poller stopped" in (tmp_path / "b.log").read_text()
    finally:
        listener.close()
        for p in (a, b):
            if p.poll() is None:
                p.kill()
                p.wait(5)
