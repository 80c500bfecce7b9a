"""Service reports for 200 clients with 1,000 machines in all, a month of history (target ≤ 60 s).

.venv/bin/python -m bench.service_reports [--clients 200] [--machines 1000] [--database URL]

"1,000 machines" is the whole fleet (5 per client on average, 1–9 each): the MSP this console is
for. Each machine has a ping check and one service check (TCP, HTTP or SSH), each client's first
machine is a server with a nightly backup check; each check has November 2026 full of hard and soft
state changes (a problem every few days, flapping on some), every client a weekly maintenance window,
interventions and remote sessions, and the SSH machines a Defender signature-age series. Times the
same call as ``msp-console report --month 2026-11 --out DIR``.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from msp_console.app import App
from msp_console.db.models import (
    Check,
    Client,
    Contract,
    Intervention,
    Machine,
    MaintenanceWindow,
    MetricRollup5m,
    MetricSeries,
    SessionLog,
    StateEvent,
)
from msp_console.services.billing.company import update_profile
from msp_console.services.billing.report_files import write_service_reports

MONTH = (2026, 11)
START = datetime(2026, 10, 31, 23, tzinfo=UTC)  # 1 November, local midnight
END = datetime(2026, 11, 30, 23, tzinfo=UTC)
NOW = datetime(2026, 12, 3, 9, tzinfo=UTC)


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``parts`` sizes from 1 to 9 adding up to ``total``."""
    sizes = [total // parts] * parts
    for i in range(total - sum(sizes)):
        sizes[i % parts] += 1
    for _ in range(parts * 3):
        a, b = rng.randrange(parts), rng.randrange(parts)
        if sizes[a] > 1 and sizes[b] < 9:
            sizes[a] -= 1
            sizes[b] += 1
    return sizes


def _events(check_id: int, rng: random.Random, flapping: bool) -> list[dict[str, Any]]:
    out = [_event(check_id, START - timedelta(days=20), "OK", "OK", "hard", "PENDING", "PENDING")]
    t = START + timedelta(minutes=rng.randint(0, 3000))
    gap = (20, 200) if flapping else (600, 6000)
    while t < END:
        bad = rng.choice(["WARNING", "CRITICAL", "CRITICAL", "UNREACHABLE"])
        out.append(_event(check_id, t, bad, "OK", "soft", "OK", "OK"))  # first attempt
        out.append(_event(check_id, t + timedelta(minutes=2), bad, bad, "hard", bad, "OK"))
        back = t + timedelta(minutes=rng.randint(5, 240))
        out.append(_event(check_id, back, "OK", "OK", "hard", bad, bad))
        t = back + timedelta(minutes=rng.randint(*gap))
    return out


def _event(
    cid: int, at: datetime, state: str, hard: str, kind: str, prev: str, prev_hard: str
) -> dict[str, Any]:
    return {
        "check_id": cid,
        "at": at,
        "kind": "state",
        "state": state,
        "hard_state": hard,
        "state_type": kind,
        "previous_state": prev,
        "previous_hard_state": prev_hard,
        "attempt": 1,
        "output": "",
        "notify": False,
    }


def seed(app: App, clients: int, machines: int) -> dict[str, int]:
    rng = random.Random(20261130)
    update_profile(app.db, {"name": "Rossi Informatica S.r.l.", "vat_number": "01234567897"})
    counts = {"checks": 0, "events": 0, "rollups": 0}
    events: list[dict[str, Any]] = []
    rollups: list[dict[str, Any]] = []
    with app.db.transaction() as s:
        for n, size in enumerate(_split(machines, clients, rng)):
            client = Client(name=f"Cliente {n:03d} S.r.l.", created_at=datetime(2025, 1, 1, tzinfo=UTC))
            s.add(client)
            s.flush()
            s.add(Contract(client_id=client.id, code=f"C-{n:03d}", start=date(2025, 1, 1)))
            sunday = datetime(2026, 11, 1, 1, tzinfo=UTC)
            s.add(
                MaintenanceWindow(
                    client_id=client.id,
                    start=sunday,
                    end=sunday + timedelta(hours=2),
                    rrule="FREQ=WEEKLY;BYDAY=SU",
                )
            )
            ids = []
            for k in range(size):
                kind = "server" if k == 0 else rng.choice(["workstation", "laptop", "nas", "printer"])
                m = Machine(
                    client_id=client.id,
                    name=f"m{k:02d}",
                    kind=kind,
                    address=f"10.{n // 250}.{n % 250}.{k + 1}",
                    created_at=datetime(2025, 1, 1, tzinfo=UTC),
                )
                s.add(m)
                s.flush()
                ids.append(m.id)
                kinds = ["ping", rng.choice(["tcp", "http", "ssh"])] + (["backup_age"] if k == 0 else [])
                for ck in kinds:
                    c = Check(machine_id=m.id, type=ck, name=ck, created_at=datetime(2025, 1, 1, tzinfo=UTC))
                    s.add(c)
                    s.flush()
                    counts["checks"] += 1
                    events += _events(c.id, rng, flapping=rng.random() < 0.02)
                    if ck == "ssh":
                        series = MetricSeries(check_id=c.id, name="defender_signature_age", unit="d")
                        s.add(series)
                        s.flush()
                        for b in range(int((END - timedelta(days=2)).timestamp()), int(END.timestamp()), 300):
                            rollups.append(
                                {
                                    "series_id": series.id,
                                    "bucket": b,
                                    "avg": 1.0,
                                    "min": 1.0,
                                    "max": 1.0,
                                    "count": 5,
                                }
                            )
            for j in range(3):
                opened = START + timedelta(days=rng.randint(0, 28), hours=9)
                s.add(
                    Intervention(
                        client_id=client.id, title=f"Intervento {j}", origin="monitoring", state="closed",
                        opened_at=opened, closed_at=opened + timedelta(hours=rng.randint(1, 30)),
                        resolution_due_at=opened + timedelta(hours=8),
                        resolution_breached_at=opened + timedelta(hours=8) if rng.random() < 0.2 else None,
                    )
                )  # fmt: skip
            for _ in range(5):
                begun = START + timedelta(days=rng.randint(0, 28), hours=10)
                s.add(
                    SessionLog(
                        machine_id=rng.choice(ids),
                        protocol="rdp",
                        started_at=begun,
                        ended_at=begun + timedelta(minutes=rng.randint(5, 90)),
                    )
                )
        for i in range(0, len(events), 5000):
            s.execute(insert(StateEvent), events[i : i + 5000])
        for i in range(0, len(rollups), 5000):
            s.execute(insert(MetricRollup5m), rollups[i : i + 5000])
    counts.update(events=len(events), rollups=len(rollups))
    return counts


def _read_only(app: App) -> int:
    """The figures without the PDFs: what the database part costs."""
    from msp_console.domain.billing.report_period import report_period
    from msp_console.services.billing.service_report import build_report, clients_with_contract

    period = report_period(*MONTH, NOW)
    with app.db.read() as s:
        return len([build_report(s, c, period) for c in clients_with_contract(s, period)])


def _cpu() -> float:
    """This process and its finished PDF workers."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--machines", type=int, default=1000)
    parser.add_argument("--database", help="a database URL (default: a fresh SQLite file)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        app = App.open(url)
        try:
            t0 = time.perf_counter()
            counts = seed(app, args.clients, args.machines)
            print(
                f"seeded {args.clients} clients, {args.machines} machines, {counts['checks']} checks, "
                f"{counts['events']} state events, {counts['rollups']} metric roll-ups "
                f"in {time.perf_counter() - t0:.1f} s"
            )
            c0, t0 = _cpu(), time.perf_counter()
            read = _read_only(app)
            elapsed, cpu = time.perf_counter() - t0, _cpu() - c0
            print(f"reading alone: {read} reports' figures in {elapsed:.2f} s, CPU {cpu:.2f} s")
            out = Path(tmp) / "reports"
            out.mkdir()
            c0, t0 = _cpu(), time.perf_counter()
            run = write_service_reports(app.db, MONTH, out, now=NOW)
            wall, cpu = time.perf_counter() - t0, _cpu() - c0
        finally:
            app.close()
        size = sum(p.stat().st_size for _c, p in run.written)
        print(f"{len(run.written)} reports written, {len(run.refused)} refused, {size / 1e6:.1f} MB")
        per = wall / max(len(run.written), 1) * 1000
        print(f"wall {wall:.2f} s, CPU {cpu:.2f} s ({per:.0f} ms per client)")
        print(f"load average {os.getloadavg()[0]:.1f}")
        print(f"target ≤ 60 s: {'met' if wall <= 60 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
