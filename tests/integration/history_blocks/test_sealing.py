"""Sealing: a complete hour becomes blocks; a sample arriving after its hour was sealed joins it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

from msp_console.app import App
from msp_console.db.models import Check, Client, Machine, MetricSample, MetricSeries
from msp_console.monitoring.metric_history import machine_series
from msp_console.monitoring.retention import run_retention

HOUR = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def _series(app: App) -> tuple[int, int]:
    with app.db.transaction() as s:
        client = Client(name="Studio Neri")
        s.add(client)
        s.flush()
        machine = Machine(client_id=client.id, name="nas", address="10.0.0.9")
        s.add(machine)
        s.flush()
        check = Check(machine_id=machine.id, type="ping", name="ping", params={})
        s.add(check)
        s.flush()
        series = MetricSeries(check_id=check.id, name="rtt", unit="ms")
        s.add(series)
        s.flush()
        return machine.id, series.id


def _samples(app: App, series: int, minutes: range, value: float) -> None:
    with app.db.transaction() as s:
        s.execute(
            insert(MetricSample),
            [
                {
                    "series_id": series,
                    "ts_ms": int((HOUR + timedelta(minutes=m)).timestamp() * 1000),
                    "value": value,
                }
                for m in minutes
            ],
        )


def test_a_late_sample_joins_its_sealed_hour_and_its_five_minutes(app: App) -> None:
    machine, series = _series(app)
    _samples(app, series, range(0, 60), 1.0)
    first = run_retention(app.db, HOUR + timedelta(hours=1, minutes=2))
    _samples(app, series, range(60, 61), 2.0)  # the next hour's first sample: still open
    with app.db.transaction() as s:  # a sample of 10:02:30 that the writer got late
        s.execute(
            insert(MetricSample),
            [
                {
                    "series_id": series,
                    "ts_ms": int((HOUR + timedelta(minutes=2, seconds=30)).timestamp() * 1000),
                    "value": 7.0,
                }
            ],
        )
    second = run_retention(app.db, HOUR + timedelta(hours=1, minutes=3))
    with app.db.read() as s:
        rows = s.scalar(select(func.count()).select_from(MetricSample))
        chart = machine_series(s, machine, HOUR, HOUR + timedelta(hours=1, minutes=5))[0].points
    assert (first.sealed_samples, second.sealed_samples) == (60, 1)
    assert rows == 1  # 11:00 is the open hour
    buckets = dict(chart)
    assert buckets[HOUR.timestamp()] == pytest.approx((5 * 1.0 + 7.0) / 6)  # 6 samples now
    assert buckets[(HOUR + timedelta(minutes=5)).timestamp()] == 1.0
    assert chart[-1] == ((HOUR + timedelta(hours=1)).timestamp(), 2.0)  # the open hour's raw sample
