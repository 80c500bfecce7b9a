"""Writer, status round trip, acks, maintenance and metric retention on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

from msp_console.app import App
from msp_console.db.models import (
    CheckStatus as StatusRow,
)
from msp_console.db.models import (
    MetricRollup1h,
    MetricRollup5m,
    MetricSample,
    MetricSeries,
    StateEvent,
)
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
        world = load_world(s)
    assert loaded[ping] == status  # the whole status round-trips, history included
    assert loaded[tcp].state is HealthState.PENDING
    assert [(e.kind, e.state, e.hard_state) for e in events] == [
        ("hard_change", "OK", "OK"),
        ("soft_change", "CRITICAL", "OK"),
        ("hard_change", "CRITICAL", "CRITICAL"),
    ]
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
        oldest_raw = s.scalar(select(func.min(MetricSample.ts_ms)))
        fives = s.scalars(select(MetricRollup5m).order_by(MetricRollup5m.bucket)).all()
        hours = s.scalars(select(MetricRollup1h).order_by(MetricRollup1h.bucket)).all()
    assert oldest_raw >= int((now - timedelta(hours=48)).timestamp() * 1000)
    assert raw == 48 * 60
    assert report.deleted_5m == 1 and report.deleted_1h == 1
    # The synthetic 40-day-old bucket is gone; complete buckets cover the samples (the open one waits).
    assert len(fives) == 3 * 24 * 12 - 1
    full = fives[1]
    assert (
        full.count == 5 and full.min + 4 == full.max and full.avg == pytest.approx((full.min + full.max) / 2)
    )
    # The 40-day-old 5-minute bucket was rolled into its hour before it was deleted.
    assert hours[0].count == 5 and hours[0].bucket < int((now - timedelta(days=39)).timestamp())
    hours = hours[1:]
    assert len(hours) == 3 * 24 - 1
    assert all(h.count == 60 and h.avg == pytest.approx(29.5) and h.min == 0 and h.max == 59 for h in hours)
    again = run_retention(app.db, now)
    assert (again.rolled_5m, again.rolled_1h, again.deleted_raw) == (0, 0, 0)


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
            "kind": "state",
            "state": "CRITICAL",
            "hard_state": "CRITICAL",
            "state_type": "HARD",
            "previous_state": "OK",
            "previous_hard_state": "OK",
            "attempt": 3,
            "output": "down",
            "notify": True,
        }

    with app.db.transaction() as s:
        s.execute(insert(StateEvent), [event(800), event(700), event(1)])
    report = run_retention(app.db, now)
    with app.db.read() as s:
        kept = sorted((now - e).days for e in s.scalars(select(StateEvent.at)))
    assert report.deleted_events == 1
    assert kept == [1, 700]
