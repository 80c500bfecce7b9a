"""How fast the ``0004a_history_blocks`` upgrade converts an older database's history.

    .venv/bin/python -m bench.history_conversion [--machines 25] [--days 7] [--events 20000]
        [--database URL]

Builds the schema as the previous version left it (every migration but 0004a), fills it the way
the old writer and roll-up job did — per series a week of 5-minute and hourly roll-up rows and the
last 48 h of raw samples, twenty realistic series per machine (``bench.history_data``), state
events with their output text — then runs the app's own ``upgrade`` (committed batches, a progress
line each) and prints the rows converted per second.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, Table, create_engine, insert, text

from bench.history_bench import _machines
from bench.history_data import machine_minutes
from msp_console.app import App
from msp_console.db import history_conversion
from msp_console.db.migrate import MIGRATIONS, alembic_config, upgrade
from msp_console.services.database import Database

NOW = datetime(2026, 11, 28, 12, 30, 30, tzinfo=UTC)


def old_schema(url: str) -> None:
    engine = create_engine(url)
    script = ScriptDirectory(str(MIGRATIONS))
    mine = "0004a_history_blocks"
    before = script.get_revision(mine).down_revision
    assert isinstance(before, str)
    heads = [h for h in script.get_heads() if h != mine] + [before]
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for head in heads:
            command.upgrade(cfg, head)
    engine.dispose()


def fill(url: str, machines: int, days: int, events: int) -> int:
    """The old rows; returns how many metric rows and events were written."""
    app = App.open(url, upgrade_schema=False)
    fleet = _machines(app, machines)
    rng = np.random.default_rng(3)
    now_s = int(NOW.timestamp())
    start = (now_s - days * 86400) // 60 * 60
    minutes = (now_s - start) // 60
    ts = start + 60 * np.arange(minutes)
    raw = ts >= now_s - 48 * 3600
    written = 0
    engine = app.db.engine
    mark = "?" if engine.dialect.paramstyle == "qmark" else "%s"
    with engine.begin() as conn:
        for _machine, sids in fleet:
            for sid, values in zip(sids, machine_minutes(rng, start, minutes), strict=True):
                v = np.round(values, 3)
                rows = [(sid, int(t) * 1000 + 17, float(x)) for t, x in zip(ts[raw], v[raw], strict=True)]
                conn.exec_driver_sql(
                    f"INSERT INTO metric_sample (series_id, ts_ms, value) VALUES ({mark}, {mark}, {mark})",
                    rows,
                )
                written += len(rows)
                for table, step in (("metric_rollup_5m", 300), ("metric_rollup_1h", 3600)):
                    end = (now_s - 60) // step * step
                    b = ts // step * step
                    keep = ts < end
                    buckets, first = np.unique(b[keep], return_index=True)
                    parts = np.split(v[keep], first[1:])
                    agg = [
                        (sid, int(k), float(p.mean()), float(p.min()), float(p.max()), len(p))
                        for k, p in zip(buckets, parts, strict=True)
                    ]
                    conn.exec_driver_sql(
                        f"INSERT INTO {table} (series_id, bucket, avg, min, max, count)"
                        f" VALUES ({mark}, {mark}, {mark}, {mark}, {mark}, {mark})",
                        agg,
                    )
                    written += len(agg)
        checks = [c for (c,) in conn.execute(text('SELECT id FROM "check"'))]
        old = Table("state_event", MetaData(), autoload_with=conn)
        out = []
        for i in range(events):
            bad = i % 2 == 0
            out.append(
                {
                    "check_id": checks[i % len(checks)],
                    "at": NOW - timedelta(days=days) + timedelta(seconds=i * days * 86400 // max(1, events)),
                    "kind": "hard_change",
                    "state": "CRITICAL" if bad else "OK",
                    "hard_state": "CRITICAL" if bad else "OK",
                    "state_type": "hard",
                    "previous_state": "OK" if bad else "CRITICAL",
                    "previous_hard_state": "OK" if bad else "CRITICAL",
                    "attempt": 3,
                    "output": f"10.0.{i % 250}.{i % 7}:3389: no answer within 10 s"
                    if bad
                    else f"TCP 10.0.{i % 250}.{i % 7}:443 open in {0.3 + (i % 97) / 10:.1f} ms",
                    "notify": True,
                }
            )
        for i in range(0, len(out), 5000):
            conn.execute(insert(old), out[i : i + 5000])
    app.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--machines", type=int, default=25, help="twenty series each")
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--database", help="an empty PostgreSQL database (default: a temporary SQLite file)")
    args = parser.parse_args()
    history_conversion.now = lambda: NOW
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'old.sqlite3'}"
        old_schema(url)
        rows = fill(url, args.machines, args.days, args.events)
        print(
            f"{args.machines * 20} series, {rows:,} metric rows, {args.events:,} events ({url.split(':')[0]})"
        )
        db = Database(url)  # the app's engine (WAL, its own BEGIN on SQLite)
        engine = db.engine
        started, cpu = time.perf_counter(), time.process_time()
        upgrade(engine, lambda step: print(f"  {step}", flush=True))
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        db.dispose()
        print(
            f"upgrade: {took:.1f} s ({cpu:.1f} s CPU): {rows / took:,.0f} metric rows/s,"
            f" with the events {(rows + args.events) / took:,.0f} rows/s"
        )


if __name__ == "__main__":
    main()
