"""The roll-up job as it was before history blocks (SQL GROUP BY into one row per bucket).

Kept only so the writer bench can measure before and after in one run on the same machine.
"""

from __future__ import annotations

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from msp_console.db.models import MetricRollup1h, MetricRollup5m, MetricSample


def legacy_rollup(s: Session, t: int, since_s: int | None = None) -> None:
    """The roll-ups of the rows up to ``t``; ``since_s``: where the previous run stopped (the old job
    found it with ``max(bucket)``, a scan of the table this bench does not count)."""
    start_5m = (
        since_s
        if since_s is not None
        else (s.scalar(select(func.min(MetricSample.ts_ms))) or t * 1000) // 300_000 * 300
    )
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


def legacy_retention_deletes(s: Session, t: int) -> None:
    """The old retention's deletes at ``t`` as it ran them: raw rows after 48 hours, 5-minute rows
    after 30 days, hourly rows after 13 months, each by a time range (the tables are keyed by
    series and time: the database looks through them for the rows to go)."""
    s.execute(delete(MetricSample).where(MetricSample.ts_ms < (t - 48 * 3600) * 1000))
    s.execute(delete(MetricRollup5m).where(MetricRollup5m.bucket < t - 30 * 86400))
    s.execute(delete(MetricRollup1h).where(MetricRollup1h.bucket < t - 395 * 86400))


def steady_rows(s: Session, sids: list[int], h0: int) -> int:
    """The old design's tables as a running install holds them before hour ``h0``, for ``sids``:
    raw rows of the last 47 hours, 5-minute rows of 30 days, hourly rows of 13 months (generated
    by the database itself; the values do not matter to what writing costs). Returns the rows."""
    pg = s.get_bind().dialect.name == "postgresql"
    value = "random() * 100" if pg else "abs(random() % 10000) / 100.0"
    total = 0
    rollup_cols = "series_id, bucket, avg, min, max, count"
    three = f"{value}, {value}, {value}"
    for table, first, step, n, cols in (
        ("metric_sample (series_id, ts_ms, value)", (h0 - 47 * 3600) * 1000, 60_000, 47 * 60, value),
        (f"metric_rollup_5m ({rollup_cols})", h0 - 30 * 86400, 300, 30 * 288, f"{three}, 5"),
        (f"metric_rollup_1h ({rollup_cols})", h0 - 395 * 86400, 3600, 395 * 24, f"{three}, 60"),
    ):
        nums = (
            f"generate_series(0, {n - 1}) AS n(k)"
            if pg
            else "(WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n"
            f" WHERE k < {n - 1}) SELECT k FROM n) AS n"
        )
        for i in range(0, len(sids), 50):
            ids = ",".join(str(int(x)) for x in sids[i : i + 50])
            result = s.execute(
                text(
                    f"INSERT INTO {table} SELECT m.id, {int(first)} + {int(step)} * n.k, {cols}"
                    f" FROM metric_series AS m, {nums} WHERE m.id IN ({ids}) ORDER BY m.id, n.k"
                )
            )
            total += int(getattr(result, "rowcount", 0) or 0)
    return total
