"""What 14 daily backups cost on disk against the live database, on the demo's and a bigger database.

    .venv/bin/python -m bench.backup_size [--machines 150] [--checks 4] [--days 16]

Each simulated day writes a day of monitoring results (one per check per minute, two metrics each,
the odd state change) through the monitoring writer's own ``persist``, runs the retention job after
every hour (it seals the closed hour into compressed blocks, as the poller's job does every 5
minutes, so the history lives as blocks and only the open hour as rows), then makes the scheduled
backup (``run_scheduled``, keep 14) — the same code the window's daily job runs. The values look
like real ones: round-trip times with jitter and rare spikes, disk use creeping up by a fraction of
a percent a day, a daily load curve with noise, interface byte counters that only grow, check
durations with a long tail — not uniform random numbers (they would not compress, and no real fleet
reports them). "Bigger": a fleet imported through ``bench.fleet`` (the import bench's CSV) with that
many machines and checks each; "demo": the demo database (``ensure_demo_data``) and its own checks.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from bench.fleet import write_fleet
from msp_console.app import App
from msp_console.db.models import Check, Machine, MetricSeries
from msp_console.domain.health import HealthState
from msp_console.domain.monitoring_state import ApplyContext, CheckStatus, apply
from msp_console.monitoring.model import CheckOutcome, CheckResult, Metric
from msp_console.monitoring.retention import SETTLE_S, run_retention
from msp_console.monitoring.writer import Processed, persist
from msp_console.services import backup_archive
from msp_console.services.backup_schedule import BackupPolicy, backup_files, run_scheduled
from msp_console.services.csv_io import import_csv

START = datetime(2026, 11, 1, tzinfo=UTC)
METRIC_KINDS = ("rtt", "disk", "load", "traffic", "time")


class Fleet:
    """Per check: its machine, two metric kinds, and the state each value drifts from."""

    def __init__(self, checks: list[tuple[int, int]], seed: int = 7):
        self.rng = random.Random(seed)
        self.checks = checks
        self.kinds = [(METRIC_KINDS[i % 5], METRIC_KINDS[(i + 2) % 5]) for i in range(len(checks))]
        self.base = [self.rng.uniform(0.3, 40.0) for _ in checks]
        self.disk = [self.rng.uniform(20.0, 85.0) for _ in checks]
        self.counter = [self.rng.randrange(10**9, 10**12) for _ in checks]
        self.status = [CheckStatus() for _ in checks]
        self.series: dict[tuple[int, str], int] = {}  # (check, metric) → series id, for bulk days

    def value(self, i: int, kind: str, at: datetime) -> Metric:
        rng = self.rng
        if kind == "rtt":
            spike = rng.random() < 0.002
            v = self.base[i] * (1 + abs(rng.gauss(0, 0.15))) * (8 if spike else 1)
            return Metric("rtt", round(v, 3), "ms")
        if kind == "disk":
            self.disk[i] = min(99.0, self.disk[i] + rng.uniform(0, 0.0004))
            return Metric("disk", round(self.disk[i], 1), "%")
        if kind == "load":
            hour = at.hour + at.minute / 60
            day = max(0.0, math.sin((hour - 7) / 12 * math.pi))
            return Metric("load", round(0.05 + 2.5 * day + abs(rng.gauss(0, 0.2)), 2), "")
        if kind == "traffic":
            self.counter[i] += int(rng.lognormvariate(13, 1.2))
            return Metric("bytes_in", float(self.counter[i]), "B")
        return Metric("time", round(rng.lognormvariate(math.log(self.base[i] + 5), 0.3), 3), "ms")

    def minute(self, at: datetime) -> list[Processed]:
        out = []
        for i, (check_id, machine_id) in enumerate(self.checks):
            bad = self.rng.random() < 0.0005 or (
                self.status[i].state is not HealthState.OK and self.rng.random() < 0.7
            )
            state = HealthState.WARNING if bad else HealthState.OK
            metrics = tuple(self.value(i, k, at) for k in self.kinds[i])
            text = f"{metrics[0].name} {metrics[0].value:g} {metrics[0].unit}".strip()
            if bad or self.status[i].state is not HealthState.OK:
                status, events = apply(self.status[i], state, text, at, ApplyContext())
                self.status[i] = status
            else:  # a steady OK check changes nothing but its clock: skip the state machine
                status, events = self.status[i], []
            outcome = CheckOutcome(state, text, metrics, 3.0)
            out.append(Processed(CheckResult(check_id, machine_id, outcome, at), status, tuple(events)))
        return out


def _live_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.stat().st_size


def _checks(app: App, per_machine: int) -> list[tuple[int, int]]:
    with app.db.transaction() as s:
        if per_machine:
            machines = list(s.scalars(select(Machine.id)))
            rows = [
                {"machine_id": m, "type": "tcp", "name": f"c{n}", "params": {"port": str(20 + n)}}
                for m in machines
                for n in range(per_machine)
            ]
            s.execute(insert(Check), rows)
        return [(c.id, c.machine_id) for c in s.scalars(select(Check))]


def _write_day(app: App, fleet: Fleet, midnight: datetime, bulk: bool) -> None:
    """A day of results through ``persist``, each closed hour sealed into blocks by the retention
    job; with ``bulk``, only each hour's first minute goes through ``persist`` (status, state
    events, new series) and the other minutes' samples are inserted straight into the sample table
    (the same rows, ~5x faster on a loaded machine) — sealed into the same blocks."""
    if bulk and not fleet.series:  # one minute through the writer creates the series
        with app.db.transaction() as session:
            persist(session, fleet.minute(midnight - timedelta(minutes=1)))
        with app.db.read() as session:
            fleet.series = {(s.check_id, s.name): s.id for s in session.scalars(select(MetricSeries))}
    for minute in range(0, 1440, 10):  # ten minutes per transaction, as the writer batches
        batch: list[Processed] = []
        rows: list[tuple[int, int, float]] = []
        for m in range(minute, minute + 10):
            results = fleet.minute(midnight + timedelta(minutes=m))
            if bulk and m % 60:
                rows += [
                    (fleet.series[(p.result.check_id, x.name)], int(p.result.at.timestamp() * 1000), x.value)
                    for p in results
                    for x in p.result.outcome.metrics
                ]
            else:
                batch += results
        with app.db.transaction() as session:
            persist(session, batch)
            if rows:
                session.connection().exec_driver_sql(
                    "INSERT INTO metric_sample (series_id, ts_ms, value) VALUES (?, ?, ?)", rows
                )
        if (minute + 10) % 60 == 0:  # the hour is closed: the poller's job seals it into blocks
            run_retention(app.db, midnight + timedelta(minutes=minute + 10, seconds=SETTLE_S + 1))


def simulate(
    label: str, app: App, live: Path, checks: list[tuple[int, int]], days: int, bulk: bool = False
) -> None:
    fleet = Fleet(checks)
    policy = BackupPolicy(keep=14)
    print(f"\n{label}: {len(checks)} checks, 2 metrics each, one result a minute; keep 14")
    print("day  live MB  backups MB  kept  newest full MB  ratio  backup s (CPU s)")
    for day in range(days):
        midnight = START + timedelta(days=day)
        _write_day(app, fleet, midnight, bulk)
        end = midnight + timedelta(days=1)
        run_retention(app.db, end)
        size = _live_size(live)
        started, cpu = time.perf_counter(), time.process_time()
        run = run_scheduled(app.db.url, policy=policy, now=end)
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        files = backup_files(policy.backup_folder())
        total = sum(b.size for b in files)
        newest = run.made.size if run.made else 0
        print(
            f"{day + 1:3d}  {size / 1e6:7.1f}  {total / 1e6:10.2f}  {len(files):4d}  {newest / 1e6:14.2f}"
            f"  {total / size:5.2f}  {took:8.2f} ({cpu:.2f})"
        )
    with sqlite3.connect(live) as conn:
        rows = conn.execute("SELECT count(*) FROM metric_sample").fetchone()[0]
        blocks = conn.execute("SELECT count(*), sum(length(data)) FROM metric_block").fetchone()
    print(f"  history: {blocks[0]} blocks ({(blocks[1] or 0) / 1e6:.1f} MB), {rows} rows (the open hour)")
    levels(live)


def levels(live: Path) -> None:
    """One full backup of the final database at several zstd levels (size and time)."""
    with tempfile.TemporaryDirectory() as tmp:
        for level in (3, 6, 9, 19):
            out = Path(tmp) / f"l{level}.sqlite3.zst"
            started = time.process_time()
            backup_archive.write_full(live, out, level=level)
            took = time.process_time() - started
            size = live.stat().st_size
            print(
                f"  zstd level {level:2d}: {out.stat().st_size / 1e6:6.2f} MB "
                f"({size / out.stat().st_size:4.1f}x smaller), {took:5.2f} s CPU"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--machines", type=int, default=150)
    parser.add_argument("--checks", type=int, default=4, help="checks per machine (bigger database)")
    parser.add_argument("--days", type=int, default=16)
    parser.add_argument("--only", choices=("demo", "bigger"))
    parser.add_argument("--bulk", action="store_true", help="bigger: samples inserted in bulk (faster)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        if args.only != "bigger":
            from msp_console.demo import ensure_demo_data

            os.environ["MSP_CONSOLE_DATA_DIR"] = str(base / "demo-data")
            live = base / "demo.sqlite3"
            app = App.open(f"sqlite:///{live}")
            ensure_demo_data(app, now=START)
            simulate("demo database", app, live, _checks(app, 0), args.days)
            app.close()
        if args.only != "demo":
            os.environ["MSP_CONSOLE_MONITOR_NEW_MACHINES"] = "0"  # the bench adds its own checks
            os.environ["MSP_CONSOLE_DATA_DIR"] = str(base / "big-data")
            live = base / "bigger.sqlite3"
            app = App.open(f"sqlite:///{live}")
            clients_csv, machines_csv = write_fleet(base / "csv", max(1, args.machines // 15), args.machines)
            import_csv(app.db, "clients", clients_csv)
            import_csv(app.db, "machines", machines_csv)
            simulate(
                f"bigger database ({args.machines} machines)",
                app,
                live,
                _checks(app, args.checks),
                args.days,
                bulk=args.bulk,
            )
            app.close()


if __name__ == "__main__":
    main()
