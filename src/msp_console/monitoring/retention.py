"""Metric roll-up and retention, so the database stays bounded.

Raw samples are kept 48 hours, 5-minute roll-ups 30 days, hourly roll-ups 13 months; the
state-change log 25 months (what the service reports and SLA disputes look back on).
Roll-ups are computed by the database (GROUP BY integer bucket) for complete buckets only,
from a watermark (the newest bucket already rolled up), so running the job often is cheap
and running it twice changes nothing. Samples arriving later than ``settle_s`` after their
bucket closed are not rolled up (the writer is seconds behind, not minutes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, select, text

from msp_console.db.models import MetricRollup1h, MetricRollup5m, MetricSample, StateEvent
from msp_console.services.database import Database

RAW_KEEP_S = 48 * 3600
FIVE_MIN_KEEP_S = 30 * 86400
HOURLY_KEEP_S = 395 * 86400  # 13 months
STATE_EVENTS_KEEP_S = 760 * 86400  # 25 months: this month and last year's same month stay provable
SETTLE_S = 60
_LOCK_KEY = 0x6D73_7072  # team mode: one poller at a time runs the job


@dataclass(frozen=True, slots=True)
class RetentionReport:
    rolled_5m: int
    rolled_1h: int
    deleted_raw: int
    deleted_5m: int
    deleted_1h: int
    deleted_events: int = 0


def run_retention(
    db: Database, now: datetime, *, raw_keep_s: int = RAW_KEEP_S, five_min_keep_s: int = FIVE_MIN_KEEP_S
) -> RetentionReport:
    """``raw_keep_s``/``five_min_keep_s``: shorter horizons while the disk is low (``disk_guard``)."""
    t = int(now.timestamp())
    with db.transaction() as s:
        if not db.is_sqlite and not s.scalar(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": _LOCK_KEY}):
            return RetentionReport(0, 0, 0, 0, 0, 0)  # another poller is rolling up right now
        done_5m = s.scalar(select(func.max(MetricRollup5m.bucket)))
        start_5m = (
            (done_5m + 300)
            if done_5m is not None
            else ((s.scalar(select(func.min(MetricSample.ts_ms))) or t * 1000) // 300_000 * 300)
        )
        end_5m = (t - SETTLE_S) // 300 * 300
        rolled_5m = 0
        if end_5m > start_5m:
            bucket = (MetricSample.ts_ms // 300_000) * 300
            q = (
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
            res = s.execute(
                insert(MetricRollup5m).from_select(["series_id", "bucket", "avg", "min", "max", "count"], q)
            )
            rolled_5m = _count(res)
        done_1h = s.scalar(select(func.max(MetricRollup1h.bucket)))
        start_1h = (
            (done_1h + 3600)
            if done_1h is not None
            else ((s.scalar(select(func.min(MetricRollup5m.bucket))) or t) // 3600 * 3600)
        )
        end_1h = (t - SETTLE_S) // 3600 * 3600
        rolled_1h = 0
        if end_1h > start_1h:
            hour = (MetricRollup5m.bucket // 3600) * 3600
            total = func.sum(MetricRollup5m.count)
            q = (
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
            res = s.execute(
                insert(MetricRollup1h).from_select(["series_id", "bucket", "avg", "min", "max", "count"], q)
            )
            rolled_1h = _count(res)
        # Delete only what has been rolled up (never lose data the job has not summarised yet).
        raw_cut = min(t - raw_keep_s, end_5m) * 1000
        five_cut = min(t - five_min_keep_s, end_1h)
        d_raw = s.execute(delete(MetricSample).where(MetricSample.ts_ms < raw_cut))
        d_5m = s.execute(delete(MetricRollup5m).where(MetricRollup5m.bucket < five_cut))
        d_1h = s.execute(delete(MetricRollup1h).where(MetricRollup1h.bucket < t - HOURLY_KEEP_S))
        events_cut = datetime.fromtimestamp(t - STATE_EVENTS_KEEP_S, UTC)
        d_events = s.execute(delete(StateEvent).where(StateEvent.at < events_cut))
        return RetentionReport(
            rolled_5m,
            rolled_1h,
            _count(d_raw),
            _count(d_5m),
            _count(d_1h),
            _count(d_events),
        )


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
