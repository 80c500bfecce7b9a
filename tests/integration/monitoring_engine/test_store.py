"""Writer, status round trip, acks, maintenance and metric retention on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from msp_console.app import App
from msp_console.db import block_codec
from msp_console.db.event_history import block_events
from msp_console.db.metric_reads import read_hours
from msp_console.db.models import (
    CheckStatus as StatusRow,
)
from msp_console.db.models import (
    MetricBlock,
    MetricRollup1h,
    MetricRollup5m,
    MetricSample,
    MetricSeries,
    StateEvent,
    StateOutput,
)
from msp_console.db.models.monitoring_history import FIVE_MIN, HOURLY, RAW, from_micros
from msp_console.domain.errors import ValidationError
from msp_console.domain.health import HealthState
from msp_console.domain.monitoring_state import ApplyContext, CheckStatus, apply
from msp_console.monitoring.model import CheckOutcome, CheckResult, Metric
from msp_console.monitoring.params import clean_check
from msp_console.monitoring.retention import run_retention
from msp_console.monitoring.service import acknowledge, add_check, add_maintenance, list_checks
from msp_console.monitoring.store import load_plan, load_statuses, load_world
from msp_console.monitoring.writer import Processed, ResultWriter, persist

T0 = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def _setup(app: App) -> tuple[int, int]:
    cid = app.inventory.save_client({"name": "Studio Rossi"})
    app.inventory.save_machine(cid, {"name": "fw", "kind": "firewall", "address": "127.0.0.1"})
    app.inventory.save_machine(cid, {"name": "srv", "kind": "server", "address": "127.0.0.1", "parent": "fw"})
    ping = add_check(app.db, "Studio Rossi/fw", clean_check("ping", "", {}))
    tcp = add_check(app.db, "studio rossi/SRV", clean_check("tcp", "", {"port": "22"}, interval="30"))
    return ping, tcp


def _processed(
    check_id: int,
    machine_id: int,
    state: HealthState,
    prev: CheckStatus,
    at: datetime,
    metrics: tuple[Metric, ...] = (),
) -> Processed:
    status, events = apply(prev, state, f"{state.value} output", at, ApplyContext())
    return Processed(
        CheckResult(check_id, machine_id, CheckOutcome(state, status.output, metrics, 3.0), at),
        status,
        tuple(events),
    )


def test_writer_persists_status_events_and_metrics_and_plan_reads_them_back(app: App) -> None:
    ping, tcp = _setup(app)
    with app.db.read() as s:
        plan = {p.spec.check_id: p for p in load_plan(s)}
    assert plan[tcp].spec.params == {"port": "22"} and plan[tcp].policy.interval_s == 30
    assert plan[tcp].parent_id == plan[ping].spec.machine_id and plan[tcp].name == "tcp 22"
    writer = ResultWriter(app.db, flush_s=0.05)
    writer.start()
    status = CheckStatus()
    for i, state in enumerate(
        [HealthState.OK, HealthState.CRITICAL, HealthState.CRITICAL, HealthState.CRITICAL]
    ):
        p = _processed(
            ping,
            plan[ping].spec.machine_id,
            state,
            status,
            T0 + timedelta(minutes=i),
            (Metric("rtt", 1.5 + i, "ms"), Metric("loss", 0.0, "%")),
        )
        status = p.status
        writer.submit(p)
    assert writer.flush()
    writer.stop()
    with app.db.read() as s:
        loaded = load_statuses(s, [ping, tcp])
        events = s.scalars(select(StateEvent).order_by(StateEvent.id)).all()
        samples = s.scalar(select(func.count()).select_from(MetricSample))
        outputs = s.scalar(select(func.count()).select_from(StateOutput))
        world = load_world(s)
    assert loaded[ping] == status  # the whole status round-trips, history included
    assert loaded[tcp].state is HealthState.PENDING
    assert [(e.kind, e.state, e.hard_state) for e in events] == [
        ("hard_change", "OK", "OK"),
        ("soft_change", "CRITICAL", "OK"),
        ("hard_change", "CRITICAL", "CRITICAL"),
    ]
    # The output text of each change reads back; the two CRITICAL changes share one stored text.
    assert [e.output for e in events] == ["OK output", "CRITICAL output", "CRITICAL output"]
    assert outputs == 2
    assert samples == 8
    assert world.down_machines == {plan[ping].spec.machine_id}  # ping hard CRITICAL: fw is down
    assert [v.state for v in list_checks(app.db)] == ["CRITICAL", "PENDING"]


def test_ack_is_kept_by_the_writer_until_the_state_machine_clears_it(app: App) -> None:
    ping, _tcp = _setup(app)
    with pytest.raises(ValidationError, match="only a problem"):
        acknowledge(app.db, "Studio Rossi/fw", "ping", "known", sticky=True, author="anna")
    machine = load_plan_machine(app, ping)
    p = _processed(ping, machine, HealthState.CRITICAL, CheckStatus(), T0)
    with app.db.transaction() as s:
        persist(s, [p])
    acknowledge(app.db, "Studio Rossi/fw", "ping", "ISP outage, ticket 42", sticky=True, author="anna")
    with app.db.transaction() as s:  # a result computed without knowing of the ack keeps it
        persist(s, [_processed(ping, machine, HealthState.CRITICAL, p.status, T0 + timedelta(minutes=1))])
    with app.db.read() as s:
        world = load_world(s)
        assert s.get(StatusRow, ping).acked  # type: ignore[union-attr]
    assert world.acks[ping] is not None and world.acks[ping].comment == "ISP outage, ticket 42"
    acked = load_statuses_one(app, ping)
    ok = _processed(ping, machine, HealthState.OK, acked, T0 + timedelta(minutes=2))
    with app.db.transaction() as s:
        persist(s, [ok])
    assert not load_statuses_one(app, ping).ack


def load_plan_machine(app: App, check_id: int) -> int:
    with app.db.read() as s:
        return next(p.spec.machine_id for p in load_plan(s) if p.spec.check_id == check_id)


def load_statuses_one(app: App, check_id: int) -> CheckStatus:
    with app.db.read() as s:
        return load_statuses(s, [check_id])[check_id]


def test_maintenance_windows_reach_the_engine_context(app: App) -> None:
    ping, tcp = _setup(app)
    add_maintenance(app.db, "Studio Rossi", T0, T0 + timedelta(hours=1), comment="firmware")
    add_maintenance(
        app.db,
        "Studio Rossi/srv",
        T0 + timedelta(days=1),
        T0 + timedelta(days=1, hours=2),
        rrule="FREQ=WEEKLY",
    )
    with pytest.raises(ValidationError, match="end: must be after"):
        add_maintenance(app.db, "Studio Rossi", T0, T0)
    with app.db.read() as s:
        world, plan = load_world(s), {p.spec.check_id: p for p in load_plan(s)}
    assert world.context(plan[ping], T0 + timedelta(minutes=5)).in_maintenance
    assert not world.context(plan[ping], T0 + timedelta(days=8, hours=1)).in_maintenance
    assert world.context(plan[tcp], T0 + timedelta(days=8, hours=1)).in_maintenance


def test_client_with_monitoring_history_is_archived_not_deleted(app: App) -> None:
    ping, _ = _setup(app)
    with app.db.transaction() as s:
        persist(s, [_processed(ping, load_plan_machine(app, ping), HealthState.OK, CheckStatus(), T0)])
    cid = app.inventory.client_id_by_name("Studio Rossi")
    assert app.inventory.delete_client(cid) == "archived"


def test_retention_rolls_up_and_bounds_the_tables(app: App) -> None:
    ping, _ = _setup(app)
    now = datetime(2026, 11, 28, 12, 0, 30, tzinfo=UTC)
    with app.db.transaction() as s:
        s.execute(insert(MetricSeries), [{"check_id": ping, "name": "rtt", "unit": "ms"}])
        series = s.scalar(select(MetricSeries.id))
        # One sample a minute for 3 days, value = minute of the hour (so averages are checkable).
        start = now - timedelta(days=3)
        rows = [
            {
                "series_id": series,
                "ts_ms": int((start + timedelta(minutes=i)).timestamp() * 1000),
                "value": float((start + timedelta(minutes=i)).minute),
            }
            for i in range(3 * 24 * 60)
        ]
        s.execute(insert(MetricSample), rows)
        # Old roll-ups: a 5-minute one from 40 days ago and an hourly one from 14 months ago.
        s.execute(
            insert(MetricRollup5m),
            [
                {
                    "series_id": series,
                    "bucket": int((now - timedelta(days=40)).timestamp()) // 300 * 300,
                    "avg": 1,
                    "min": 1,
                    "max": 1,
                    "count": 5,
                }
            ],
        )
        s.execute(
            insert(MetricRollup1h),
            [
                {
                    "series_id": series,
                    "bucket": int((now - timedelta(days=430)).timestamp()) // 3600 * 3600,
                    "avg": 1,
                    "min": 1,
                    "max": 1,
                    "count": 60,
                }
            ],
        )
    report = run_retention(app.db, now)
    with app.db.read() as s:
        raw = s.scalar(select(func.count()).select_from(MetricSample))
        loose = s.scalar(select(func.count()).select_from(MetricRollup5m)) or 0
        loose += s.scalar(select(func.count()).select_from(MetricRollup1h)) or 0
        raw_ts, _v = _blocks(s, series, RAW)
        five_ts, (_a, five_min, five_max, five_n) = _blocks(s, series, FIVE_MIN)
        stored_ts, (_a, _lo, _hi, stored_n) = _blocks(s, series, HOURLY)
        t0 = int((now - timedelta(days=396)).timestamp())
        hour_ts, hour_avg = read_hours(s, [series], t0, int(now.timestamp()))[series]
    # The open hour (closed 30 s ago, still settling) stays rows; every other row is in a block.
    assert raw == 60 and loose == 0 and report.sealed_rollups == 2
    # Raw blocks hold the last 48 hours (whole hours), not more.
    assert raw_ts.min() >= int((now - timedelta(hours=49)).timestamp() * 1000)
    assert len(raw_ts) == 47 * 60
    # The 40-day-old 5-minute block is gone; complete buckets cover the samples.
    assert five_ts.min() > int((now - timedelta(days=31)).timestamp())
    assert len(five_ts) == (3 * 24 - 1) * 12
    assert (five_n == 5).all() and (five_min + 4 == five_max).all()
    # Hourly: the 14-month-old bucket is gone; the 3 days are there with exact averages.
    # Hourly blocks: the 14-month-old bucket is gone; the 40-day-old 5-minute bucket became its
    # hour when its block expired. The last 3 days' hours come from the 5-minute blocks.
    assert stored_ts.tolist() == [int((now - timedelta(days=40)).timestamp()) // 3600 * 3600]
    assert stored_n.tolist() == [5]
    assert len(hour_ts) == 1 + 3 * 24 - 1
    assert (hour_avg[1:] == 29.5).all()
    again = run_retention(app.db, now)
    assert (again.sealed_samples, again.sealed_rollups, again.blocks_written) == (0, 0, 0)


def _blocks(s: Session, series: int, res: int) -> tuple[np.ndarray, list[np.ndarray]]:
    """Every point of one resolution of a series, from its blocks, oldest first."""
    parts = [
        block_codec.decode(d)
        for d in s.scalars(
            select(MetricBlock.data)
            .where(MetricBlock.series_id == series, MetricBlock.resolution == res)
            .order_by(MetricBlock.start)
        )
    ]
    cols = [np.concatenate([p[1][i] for p in parts]) for i in range(len(parts[0][1]))]
    return np.concatenate([p[0] for p in parts]), cols


def test_deleting_a_machine_or_a_client_without_history_removes_its_checks(app: App) -> None:
    ping, tcp = _setup(app)
    from msp_console.db.models import Check, MaintenanceWindow

    add_maintenance(app.db, "Studio Rossi/srv", T0, T0 + timedelta(hours=1))
    srv = load_plan_machine(app, tcp)
    app.inventory.delete_machine(srv)
    with app.db.read() as s:
        assert set(s.scalars(select(Check.id))) == {ping}
        assert s.scalar(select(func.count()).select_from(MaintenanceWindow)) == 0
    assert app.inventory.delete_client(app.inventory.client_id_by_name("Studio Rossi")) == "deleted"
    with app.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Check)) == 0


def test_retention_keeps_25_months_of_state_changes(app: App) -> None:
    ping, _ = _setup(app)
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)

    def event(days_ago: int) -> dict[str, object]:
        return {
            "check_id": ping,
            "at": now - timedelta(days=days_ago),
            "kind": "hard_change",
            "state": "CRITICAL",
            "hard_state": "CRITICAL",
            "state_type": "hard",
            "previous_state": "OK",
            "previous_hard_state": "OK",
            "attempt": 3,
            "notify": True,
        }

    with app.db.transaction() as s:
        s.execute(insert(StateEvent), [event(800), event(700), event(1)])
    report = run_retention(app.db, now)
    with app.db.read() as s:  # the 700-day-old event is packed into its month's block now
        kept = [e.at for e in s.scalars(select(StateEvent))]
        kept += [from_micros(e.at_us) for _c, e in block_events(s, [ping], None, None)]
    assert report.deleted_events == 1
    assert sorted((now - at).days for at in kept) == [1, 700]


def test_an_event_made_in_a_session_stores_its_output_once(app: App) -> None:
    ping, _ = _setup(app)

    def event(minute: int, text: str) -> StateEvent:
        return StateEvent(
            check_id=ping,
            at=T0 + timedelta(minutes=minute),
            kind="hard_change",
            state="CRITICAL",
            hard_state="CRITICAL",
            state_type="hard",
            previous_state="OK",
            previous_hard_state="OK",
            attempt=3,
            output=text,
        )

    with app.db.transaction() as s:
        s.add_all([event(1, "no reply"), event(2, "no reply"), event(3, "port closed")])
    with app.db.read() as s:
        got = [(e.at, e.output) for e in s.scalars(select(StateEvent).order_by(StateEvent.at))]
        assert s.scalar(select(func.count()).select_from(StateOutput)) == 2
        assert s.scalar(select(func.count()).where(StateEvent.hard_state.in_(["CRITICAL"]))) == 3
    assert got == [
        (T0 + timedelta(minutes=1), "no reply"),
        (T0 + timedelta(minutes=2), "no reply"),
        (T0 + timedelta(minutes=3), "port closed"),
    ]
