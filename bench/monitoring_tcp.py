"""Monitoring engine benchmarks: TCP checks per minute, and the database size after a year.

.venv/bin/python -m bench.monitoring_tcp throughput [--checks 20000] [--interval 60] [--duration 150]
.venv/bin/python -m bench.monitoring_tcp dbsize [--database URL] [--machines 10] [--events 100000]

throughput: the real engine (APScheduler jobs with jitter → worker pool → real `tcp` check →
state machine → writer into SQLite) polls ``--checks`` TCP checks on 127.0.0.1 every
``--interval`` s; 80 % point at listening ports (served by a separate process, so its CPU is not
counted), 20 % at closed ports. Reports completed checks per minute over the last full minute,
the worst lateness (start of a run minus its scheduled time) and the engine's CPU.

dbsize: stores a sample of machines' realistic history the way the app does (open-hour rows,
raw/5-minute/hourly blocks, state events as rows for the current and previous month and as month
blocks before; ``bench.history_bench``), measures bytes per point and per event on the real
database, and extrapolates to the steady state the retention policy allows
for 1,000 machines × 10 checks, one run a minute; then times a machine's 30-day and 24-hour chart
reads and the writer's CPU per 1,000 samples before (rows + SQL roll-ups) and after (rows +
sealing into blocks). The last line is always ``total after one year …: N GiB``.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import selectors
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select, text

from msp_console.app import App
from msp_console.db.models import (
    Check,
    Client,
    Machine,
)


# -- a port farm in its own process ------------------------------------------------------------
def serve_ports(count: int) -> None:
    sel = selectors.DefaultSelector()
    ports = []
    for _ in range(count):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen(1024)
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
        ports.append(s.getsockname()[1])
    print(",".join(map(str, ports)), flush=True)
    while True:
        for key, _ in sel.select(1.0):
            try:
                conn, _ = key.fileobj.accept()  # type: ignore[union-attr]
                conn.close()
            except OSError:
                pass


def closed_ports(count: int) -> list[int]:
    out = []
    for _ in range(count):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            out.append(s.getsockname()[1])
    return out


def throughput(args: argparse.Namespace) -> None:
    from msp_console.monitoring.engine import Engine
    from msp_console.monitoring.poller import default_runner
    from msp_console.monitoring.store import load_plan, load_statuses
    from msp_console.monitoring.writer import ResultWriter

    farm = subprocess.Popen(
        [sys.executable, "-m", "bench.monitoring_tcp", "_serve", "200"], stdout=subprocess.PIPE, text=True
    )
    assert farm.stdout is not None
    open_ports = [int(p) for p in farm.stdout.readline().split(",")]
    dead_ports = closed_ports(50)
    os.environ["MSP_CONSOLE_MONITOR_NEW_MACHINES"] = "0"
    with tempfile.TemporaryDirectory() as tmp:
        app = App.open(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        machines = args.checks // 10
        with app.db.transaction() as s:
            client = Client(name="Bench")
            s.add(client)
            s.flush()
            s.execute(
                insert(Machine),
                [{"client_id": client.id, "name": f"m{i}", "address": "127.0.0.1"} for i in range(machines)],
            )
            ids = list(s.scalars(select(Machine.id)))
            rows = []
            for n in range(args.checks):
                dead = n % 5 == 0  # 20 % of the targets refuse
                port = random.choice(dead_ports) if dead else random.choice(open_ports)
                rows.append(
                    {
                        "machine_id": ids[n % machines],
                        "type": "tcp",
                        "name": f"c{n}",
                        "params": {"port": str(port)},
                        "interval_s": args.interval,
                        "retry_interval_s": args.interval,
                        "timeout_s": 2.0,
                    }
                )
            s.execute(insert(Check), rows)
        with app.db.read() as s:
            plan = load_plan(s)
            statuses = load_statuses(s, [p.spec.check_id for p in plan])
        done: list[float] = []
        writer = ResultWriter(app.db)
        engine = Engine(
            default_runner(app.db),
            workers=args.workers,
            writer=writer,
            sinks=[lambda r: done.append(time.monotonic())],
        )
        engine.set_checks(plan, statuses)
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.monotonic()
        engine.start()
        time.sleep(args.duration)
        t1 = time.monotonic()
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        engine.stop()
        app.close()
    farm.kill()
    last_minute = sum(1 for t in done if t1 - 60 <= t <= t1)
    cpu = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
    print(
        f"checks: {args.checks} every {args.interval:g} s "
        f"(target rate {args.checks * 60 / args.interval:,.0f}"
        f"/min), 20 % to closed ports, {args.workers} workers, {args.duration:g} s run"
    )
    print(f"completed in the last full minute: {last_minute:,}")
    print(f"completed overall: {len(done):,} in {t1 - t0:.0f} s; written by the writer: {writer.written:,}")
    print(
        f"worst lateness: {engine.stats.max_late_s:.2f} s; runs later than one interval: "
        f"{engine.stats.late_over_interval}; skipped (previous run still busy): {engine.stats.skipped_busy}"
    )
    print(
        f"engine process CPU: {cpu:.1f} s over {t1 - t0:.0f} s = {100 * cpu / (t1 - t0):.0f} % of one core "
        f"({1000 * cpu / max(1, len(done)):.2f} ms per check)"
    )


# -- database size ----------------------------------------------------------------------------------
MACHINES, CHECKS_PER_MACHINE, METRICS_PER_CHECK = 1_000, 10, 2
EVENTS_PER_CHECK_PER_DAY = 4
EVENT_ROW_DAYS = 46  # events stay rows for the current and the previous calendar month


def _size(app: App) -> int:
    with app.db.engine.connect() as c:
        if app.db.is_sqlite:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            pages = c.exec_driver_sql("PRAGMA page_count").scalar() or 0
            free = c.exec_driver_sql("PRAGMA freelist_count").scalar() or 0
            size = c.exec_driver_sql("PRAGMA page_size").scalar() or 0
            return int((pages - free) * size)
        return int(c.execute(text("SELECT pg_database_size(current_database())")).scalar() or 0)


def dbsize(args: argparse.Namespace) -> None:
    from bench.history_bench import DAYS, measure, writer_cpu
    from msp_console.db.models.monitoring_history import BLOCK_SPAN_S, FIVE_MIN, HOURLY

    os.environ["MSP_CONSOLE_MONITOR_NEW_MACHINES"] = "0"
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'size.sqlite3'}"
        app = App.open(url)
        m = measure(app, args.machines, args.events)
        dialect = app.db.engine.dialect.name
        app.close()
    cpu: dict[bool, tuple[float, float]] = {}
    for steady in (False, True):  # a new install's empty tables, then a running install's
        with tempfile.TemporaryDirectory() as tmp:
            before_app = App.open(args.database_cpu_before or f"sqlite:///{Path(tmp) / 'before.sqlite3'}")
            after_app = App.open(args.database_cpu or f"sqlite:///{Path(tmp) / 'after.sqlite3'}")
            cpu[steady] = writer_cpu(before_app, after_app, 25, steady)
            before_app.close()
            after_app.close()
    n_series = MACHINES * CHECKS_PER_MACHINE * METRICS_PER_CHECK
    checks = MACHINES * CHECKS_PER_MACHINE
    steady = {  # (what, bytes per point, points)
        "open hour (rows)": ("open", n_series * 30),  # on average half an hour is not sealed yet
        # A block goes when its whole span is past the horizon: on average half a span more is kept.
        "raw blocks, 48 h": ("raw", n_series * (48 * 60 + 30)),
        "5-min blocks, 30 d": ("5m", n_series * 288 * (30 + BLOCK_SPAN_S[FIVE_MIN] // 86400 // 2)),
        # Hourly blocks start where the 5-minute ones end (the last 30 days' hours come from those).
        "hourly blocks, 13 mo": ("1h", n_series * 24 * (395 + BLOCK_SPAN_S[HOURLY] // 86400 // 2 - 31)),
        # Rows since the previous month's first day (31 to 62 days, 46 on average), blocks before.
        "state events, rows": ("event", checks * EVENTS_PER_CHECK_PER_DAY * EVENT_ROW_DAYS),
        "state events, blocks": ("event_block", checks * EVENTS_PER_CHECK_PER_DAY * (365 - EVENT_ROW_DAYS)),
    }
    print(
        f"database: {dialect}; sample: {args.machines} machines × 20 realistic series × {DAYS} days, "
        f"{args.events:,} state events with realistic outputs"
    )
    total = 0.0
    for label, (key, rows) in steady.items():
        size = rows * m.per_point[key]
        total += size
        print(f"{label:22s} {m.per_point[key]:6.2f} B/point × {rows:>13,} = {size / 2**30:6.2f} GiB")
    samples = n_series * 60 * 24 * 365
    n_events = sum(rows for label, (_k, rows) in steady.items() if label.startswith("state"))
    events = sum(rows * m.per_point[k] for label, (k, rows) in steady.items() if label.startswith("state"))
    points = sum(rows for label, (_k, rows) in steady.items() if not label.startswith("state"))
    print(f"bytes per stored metric point, all resolutions: {(total - events) / points:.2f}")
    print(
        f"bytes per state event: {events / n_events:.1f} at steady state (as rows only: "
        f"{m.per_point['event']:.1f}; in blocks: {m.per_point['event_block']:.2f}, "
        f"{m.per_point['events_per_block']:.0f} events a block)"
    )
    print(f"(a year of samples taken: {samples:,})")
    (tr, tb), (rr, rb) = m.timeline_ms, m.report_ms
    print(
        f"machine timeline, 30 days, DB time / CPU: all rows {tr[0]:.1f} / {tr[1]:.1f} ms, "
        f"rows + blocks {tb[0]:.1f} / {tb[1]:.1f} ms"
    )
    print(
        f"service report history of a client ({args.machines} machines), a month 3 months back, "
        f"DB time / CPU: all rows {rr[0]:.1f} / {rr[1]:.1f} ms, rows + blocks {rb[0]:.1f} / {rb[1]:.1f} ms"
    )
    print(
        f"chart of one machine (10 checks, 20 series), DB time / whole call CPU: "
        f"30 days {m.chart_30d_ms[0]:.1f} / {m.chart_30d_ms[1]:.1f} ms, "
        f"24 h {m.chart_24h_ms[0]:.1f} / {m.chart_24h_ms[1]:.1f} ms"
    )
    for steady, label in ((False, "empty tables (a new install)"), (True, "tables at their running size")):
        before_cpu, after_cpu = cpu[steady]
        print(
            f"writer CPU per 1,000 samples (rows + roll-up job), {label}: before {before_cpu * 1000:.1f} ms, "
            f"after {after_cpu * 1000:.1f} ms (ratio after/before {after_cpu / before_cpu:.2f})"
        )
    print(
        f"total after one year (steady state, {MACHINES:,} machines × {CHECKS_PER_MACHINE} checks/min, "
        f"{METRICS_PER_CHECK} metrics per check, {EVENTS_PER_CHECK_PER_DAY} state events per check per day): "
        f"{total / 2**30:.2f} GiB"
    )


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "_serve":
        serve_ports(int(sys.argv[2]))
        return
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    tp = sub.add_parser("throughput")
    tp.add_argument("--checks", type=int, default=20_000)
    tp.add_argument("--interval", type=float, default=60.0)
    tp.add_argument("--duration", type=float, default=150.0)
    tp.add_argument("--workers", type=int, default=8)
    ds = sub.add_parser("dbsize")
    ds.add_argument("--database")
    ds.add_argument("--machines", type=int, default=10, help="machines in the measured sample")
    ds.add_argument("--events", type=int, default=100_000, help="state events in the measured sample")
    ds.add_argument(
        "--database-cpu", help="database for the writer CPU bench's blocks (default: a new SQLite file)"
    )
    ds.add_argument(
        "--database-cpu-before",
        help="database for the writer CPU bench's old row design (default: a new SQLite file)",
    )
    args = parser.parse_args()
    throughput(args) if args.what == "throughput" else dbsize(args)


if __name__ == "__main__":
    main()
