"""Metric history of one machine for charts: the roll-up table that fits the span.

24 h and 7 d read 5-minute averages (plus raw samples newer than the last roll-up, so a chart
is never minutes behind); 30 d reads hourly averages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.db.models import Check, MetricRollup1h, MetricRollup5m, MetricSample, MetricSeries

CHARTED = (
    "size",
    "disk_used_pct",
    "load1_per_core",
    "mem_used_pct",
    "rtt",
    "age",
    "cpu_pct",
    "time",
    "defender_signature_age",  # also read by the service report (antivirus age at month end)
)


@dataclass(frozen=True, slots=True)
class Series:
    name: str  # e.g. "disk_used_pct:/" or "rtt"
    check: str
    unit: str
    points: tuple[tuple[float, float], ...]  # (epoch seconds, value), oldest first


def charted(name: str) -> bool:
    return name.split(":", 1)[0] in CHARTED


def machine_series(session: Session, machine_id: int, start: datetime, end: datetime) -> list[Series]:
    t0, t1 = int(start.timestamp()), int(end.timestamp())
    table = MetricRollup1h if t1 - t0 > 8 * 86400 else MetricRollup5m
    series = [
        (sid, name, check, unit)
        for sid, name, check, unit in session.execute(
            select(MetricSeries.id, MetricSeries.name, Check.name, MetricSeries.unit)
            .join(Check, MetricSeries.check_id == Check.id)
            .where(Check.machine_id == machine_id)
            .order_by(Check.name, MetricSeries.name)
        )
        if charted(name)
    ]
    out = []
    for sid, name, check, unit in series:
        points = _buckets(session, table, sid, t0, t1)
        if not points and table is MetricRollup5m:  # only hourly history (older or sparse series)
            points = _buckets(session, MetricRollup1h, sid, t0, t1)
        if table is MetricRollup5m:
            after = int(points[-1][0]) + 300 if points else t0
            raw = session.execute(
                select(MetricSample.ts_ms, MetricSample.value)
                .where(MetricSample.series_id == sid, MetricSample.ts_ms >= after * 1000)
                .order_by(MetricSample.ts_ms)
            )
            points.extend((ts / 1000.0, float(v)) for ts, v in raw)
        out.append(Series(name, check, unit, tuple(points)))
    return out


def _buckets(session: Session, table: Any, sid: int, t0: int, t1: int) -> list[tuple[float, float]]:
    return [
        (float(b), float(v))
        for b, v in session.execute(
            select(table.bucket, table.avg)
            .where(table.series_id == sid, table.bucket >= t0, table.bucket <= t1)
            .order_by(table.bucket)
        )
    ]


def series_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(MetricSeries)) or 0)
