"""Metric history of one machine for charts: the roll-up table that fits the span.

24 h and 7 d read 5-minute averages (plus raw samples newer than the last roll-up, so a chart
is never minutes behind); 30 d reads hourly averages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.db.metric_reads import read_hours, read_raw, read_rollups
from msp_console.db.models import Check, MetricSeries
from msp_console.db.models.monitoring_history import FIVE_MIN, HOURLY

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
    res = HOURLY if t1 - t0 > 8 * 86400 else FIVE_MIN
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
    sids = [sid for sid, *_ in series]
    if not sids:
        return []
    buckets = (
        read_rollups(session, sids, FIVE_MIN, t0, t1)
        if res == FIVE_MIN
        else read_hours(session, sids, t0, t1)
    )
    sparse = [sid for sid in sids if res == FIVE_MIN and not len(buckets[sid][0])]
    hourly = read_hours(session, sparse, t0, t1) if sparse else {}  # older or sparse series
    points: dict[int, list[tuple[float, float]]] = {}
    for sid in sids:
        ts, avg = hourly[sid] if sid in hourly else buckets[sid]
        points[sid] = list(zip(ts.astype(float).tolist(), avg.tolist(), strict=True))
    if res == FIVE_MIN:  # plus raw samples newer than the last roll-up: never minutes behind
        after = {sid: (int(p[-1][0]) + 300 if p else t0) * 1000 for sid, p in points.items()}
        for sid, (raw_ts, raw_v) in read_raw(session, after).items():
            points[sid].extend(zip((raw_ts / 1000.0).tolist(), raw_v.tolist(), strict=True))
    out = [Series(name, check, unit, tuple(points[sid])) for sid, name, check, unit in series]
    return out


def series_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(MetricSeries)) or 0)
