"""The old schema and a week of row-per-sample history, for the conversion tests.

A database at the schema before ``0004a_history_blocks`` gets a week of monitoring history the
way the old code stored it (raw samples for 48 h, 5-minute and hourly roll-up rows, state events
with their output text); ``reads_the_same`` opens it with this version (which upgrades it) and
checks the charts, the state timeline and the monthly service report show the same figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, Table, create_engine, func, insert, select
from sqlalchemy.orm import Session

from msp_console.app import App
from msp_console.db.migrate import MIGRATIONS, alembic_config
from msp_console.db.models import (
    Check,
    Client,
    Machine,
    MetricRollup1h,
    MetricRollup5m,
    MetricSample,
    MetricSeries,
    StateEvent,
)
from msp_console.monitoring.live import state_timeline
from msp_console.monitoring.metric_history import machine_series
from msp_console.services.billing.service_report import gather

NOW = datetime(2026, 11, 28, 12, 30, 30, tzinfo=UTC)  # in the open hour: it stays rows
MINE = "0004a_history_blocks"


@pytest.fixture
def old_engine(database_url: str) -> Iterator[Engine]:
    """The database as the previous version left it: every migration but this one (and those
    that come after it)."""
    engine = create_engine(database_url)
    script = ScriptDirectory(str(MIGRATIONS))
    before_mine = script.get_revision(MINE).down_revision
    assert isinstance(before_mine, str)
    after_mine = {r.revision for r in script.iterate_revisions("heads", MINE)}
    heads = [h for h in script.get_heads() if h not in after_mine] + [before_mine]
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for head in heads:
            command.upgrade(cfg, head)
    yield engine
    engine.dispose()


def week_of_history(engine: Engine) -> dict[str, Any]:
    """Rows exactly as the old writer and roll-up job wrote them; returns what was written."""
    meta = MetaData()
    old = {n: Table(n, meta, autoload_with=engine) for n in ("state_event", "metric_sample")}
    rng = np.random.default_rng(4)
    with Session(engine) as session:  # these models did not change
        client = Client(name="Studio Bianchi")
        session.add(client)
        session.flush()
        machine_row = Machine(client_id=client.id, name="srv01", kind="server", address="10.0.0.5")
        session.add(machine_row)
        session.flush()
        checks = {}
        for name, kind in (("ping", "ping"), ("disks", "ssh")):
            check = Check(machine_id=machine_row.id, type=kind, name=name, params={})
            session.add(check)
            session.flush()
            checks[name] = check.id
        series = {}
        for check_id, name, unit in (
            (checks["ping"], "rtt", "ms"),
            (checks["disks"], "disk_used_pct:/", "%"),
        ):
            row = MetricSeries(check_id=check_id, name=name, unit=unit)
            session.add(row)
            session.flush()
            series[name] = row.id
        machine = machine_row.id
        session.commit()
    with engine.begin() as c:
        minutes = 7 * 1440
        start = int((NOW - timedelta(days=7)).timestamp()) // 60 * 60
        ts = start + 60 * np.arange(minutes)
        values = {
            "rtt": np.round(0.4 + np.abs(rng.normal(0, 0.05, minutes)), 3),
            "disk_used_pct:/": np.round(61 + np.cumsum(rng.gamma(1, 0.0004, minutes)), 2),
        }
        now_s = int(NOW.timestamp())
        end_5m = (now_s - 60) // 300 * 300
        end_1h = (now_s - 60) // 3600 * 3600
        for name, sid in series.items():
            v = values[name]
            raw = ts >= now_s - 48 * 3600
            c.execute(
                insert(old["metric_sample"]),
                [
                    {"series_id": sid, "ts_ms": int(x) * 1000 + 17, "value": float(y)}
                    for x, y in zip(ts[raw], v[raw], strict=True)
                ],
            )
            for table, step, end in (
                (MetricRollup5m.__table__, 300, end_5m),
                (MetricRollup1h.__table__, 3600, end_1h),
            ):
                assert isinstance(table, Table)
                b = ts // step * step
                rows = []
                for bucket in np.unique(b[ts < end]):
                    part = v[b == bucket]
                    rows.append(
                        {
                            "series_id": sid,
                            "bucket": int(bucket),
                            "avg": float(part.mean()),
                            "min": float(part.min()),
                            "max": float(part.max()),
                            "count": len(part),
                        }
                    )
                c.execute(insert(table), rows)
        events = []
        for day, hours in ((3, 2), (5, 1)):
            down = NOW.replace(hour=9, minute=0, second=0) - timedelta(days=day)
            for at, state, prev, text in (
                (down, "CRITICAL", "OK", "no reply (3 of 3 packets lost)"),
                (down + timedelta(hours=hours), "OK", "CRITICAL", f"rtt {0.4 + day / 100:.2f} ms, loss 0 %"),
            ):
                events.append(
                    {
                        "check_id": checks["ping"],
                        "at": at,
                        "kind": "hard_change",
                        "state": state,
                        "hard_state": state,
                        "state_type": "hard",
                        "previous_state": prev,
                        "previous_hard_state": prev,
                        "attempt": 3,
                        "output": text,
                        "notify": True,
                    }
                )
        c.execute(insert(old["state_event"]), events)
    return {"machine": machine, "series": series, "events": events}


def charts(engine: Engine, machine: int) -> dict[str, list[tuple[float, float]]]:
    """What the old machine_series drew: 24 h from 5-minute rows plus newer raw rows, 30 d hourly."""
    out = {}
    with engine.connect() as c:
        series = Table("metric_series", MetaData(), autoload_with=c)
        sids: dict[str, int] = {name: sid for name, sid in c.execute(select(series.c.name, series.c.id))}
        for name, sid in sids.items():
            t0 = int((NOW - timedelta(hours=24)).timestamp())
            five = [
                (float(b), float(a))
                for b, a in c.execute(
                    select(MetricRollup5m.bucket, MetricRollup5m.avg)
                    .where(MetricRollup5m.series_id == sid, MetricRollup5m.bucket >= t0)
                    .order_by(MetricRollup5m.bucket)
                )
            ]
            after = int(five[-1][0]) + 300
            five += [
                (ts / 1000.0, float(v))
                for ts, v in c.execute(
                    select(MetricSample.ts_ms, MetricSample.value)
                    .where(MetricSample.series_id == sid, MetricSample.ts_ms >= after * 1000)
                    .order_by(MetricSample.ts_ms)
                )
            ]
            t0 = int((NOW - timedelta(days=30)).timestamp())
            hours = [
                (float(b), float(a))
                for b, a in c.execute(
                    select(MetricRollup1h.bucket, MetricRollup1h.avg)
                    .where(MetricRollup1h.series_id == sid, MetricRollup1h.bucket >= t0)
                    .order_by(MetricRollup1h.bucket)
                )
            ]
            out[f"{name} 24h"], out[f"{name} 30d"] = five, hours
    return out


def same(before: list[tuple[float, float]], after: tuple[tuple[float, float], ...], precision: float) -> None:
    assert [t for t, _v in after] == [t for t, _v in before]
    assert max(abs(a[1] - b[1]) for a, b in zip(after, before, strict=True)) <= precision * (1 + 1e-9)


def reads_the_same(database_url: str, written: dict[str, Any], before: dict[str, Any]) -> None:
    """Opens (and so upgrades) the database; its charts, events and report match ``before``."""
    app = App.open(database_url)
    try:
        with app.db.read() as s:
            series = {
                x.name: x for x in machine_series(s, written["machine"], NOW - timedelta(hours=24), NOW)
            }
            month = {x.name: x for x in machine_series(s, written["machine"], NOW - timedelta(days=30), NOW)}
            events = s.scalars(select(StateEvent).order_by(StateEvent.at)).all()
            timeline = state_timeline(s, written["machine"], NOW - timedelta(days=30))
            loose = sum(
                s.scalar(select(func.count()).select_from(m)) or 0 for m in (MetricRollup5m, MetricRollup1h)
            )
        same(before["rtt 24h"], series["rtt"].points, 0.005)
        same(before["disk_used_pct:/ 24h"], series["disk_used_pct:/"].points, 0.005)
        for name in ("rtt", "disk_used_pct:/"):
            # The same hours, plus the open hour made from its 5-minute buckets (charts no longer
            # wait for the hour to be rolled up).
            hours = month[name].points
            same(before[f"{name} 30d"], hours[: len(before[f"{name} 30d"])], 0.005)
            assert [t for t, _v in hours[len(before[f"{name} 30d"]) :]] == [
                before[f"{name} 30d"][-1][0] + 3600
            ]
        assert loose == 0  # every roll-up row is in a block now
        assert [(e.at, e.state, e.previous_state, e.output) for e in events] == [
            (e["at"], e["state"], e["previous_state"], e["output"])
            for e in sorted(written["events"], key=lambda e: e["at"])
        ]
        assert [v.output for v in timeline][-1] == "no reply (3 of 3 packets lost)"
        report = gather(app.db, "Studio Bianchi", 2026, 11)
        line = report.machines[0]
        assert line.problems == 2  # two hard problems in November
        assert line.down_s == 3 * 3600  # the two outages written before the conversion: 2 h + 1 h
        assert line.availability is not None and line.availability < 1
    finally:
        app.close()
