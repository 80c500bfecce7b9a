"""The roll-up job as it was before history blocks (SQL GROUP BY into one row per bucket).

Kept only so the writer bench can measure before and after in one run on the same machine.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from msp_console.db.models import MetricRollup1h, MetricRollup5m, MetricSample


def legacy_rollup(s: Session, t: int) -> None:
    start_5m = (s.scalar(select(func.min(MetricSample.ts_ms))) or t * 1000) // 300_000 * 300
    end_5m = (t - 60) // 300 * 300
    bucket = (MetricSample.ts_ms // 300_000) * 300
    q5 = (
        select(
            MetricSample.series_id,
            bucket,
            func.avg(MetricSample.value),
            func.min(MetricSample.value),
            func.max(MetricSample.value),
            func.count(),
        )
        .where(MetricSample.ts_ms >= start_5m * 1000, MetricSample.ts_ms < end_5m * 1000)
        .group_by(MetricSample.series_id, bucket)
    )
    s.execute(insert(MetricRollup5m).from_select(["series_id", "bucket", "avg", "min", "max", "count"], q5))
    start_1h = start_5m // 3600 * 3600
    end_1h = (t - 60) // 3600 * 3600
    hour = (MetricRollup5m.bucket // 3600) * 3600
    total = func.sum(MetricRollup5m.count)
    q1 = (
        select(
            MetricRollup5m.series_id,
            hour,
            func.sum(MetricRollup5m.avg * MetricRollup5m.count) / total,
            func.min(MetricRollup5m.min),
            func.max(MetricRollup5m.max),
            total,
        )
        .where(MetricRollup5m.bucket >= start_1h, MetricRollup5m.bucket < end_1h)
        .group_by(MetricRollup5m.series_id, hour)
    )
    s.execute(insert(MetricRollup1h).from_select(["series_id", "bucket", "avg", "min", "max", "count"], q1))
