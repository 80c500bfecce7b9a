"""Each machine's security posture as its ssh check last reported it, and a client's summary.

The points are the ssh check's own metrics (see ``domain.posture``), judged with that check's
warn/crit so the card says what the check says. The newest raw sample counts (raw samples are kept
48 hours); a series with only roll-ups (the demo's generated history) falls back to its newest
5-minute average. For the service report: :func:`client_security` over a session, or
:func:`security_summary` over the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.db.models import Check, Machine, MetricRollup5m, MetricSample, MetricSeries
from msp_console.domain.posture import (
    BY_METRIC,
    Point,
    PointStatus,
    SecuritySummary,
    judge_points,
    ranges,
    summarize,
)
from msp_console.domain.thresholds import Range, ThresholdError
from msp_console.services.database import Database

FRESH = timedelta(hours=48)  # an older posture is no longer the machine's
_NAMES = tuple(BY_METRIC)


def machine_points(
    session: Session, machine_ids: Iterable[int], now: datetime | None = None
) -> dict[int, tuple[PointStatus, ...]]:
    """Machine id → its judged points (machines without an ssh check's posture are left out)."""
    ids = list(machine_ids)
    if not ids:
        return {}
    since_ms = int(((now or datetime.now(UTC)) - FRESH).timestamp() * 1000)
    checks = {
        cid: (mid, warn, crit)
        for cid, mid, warn, crit in session.execute(
            select(Check.id, Check.machine_id, Check.warn, Check.crit).where(
                Check.machine_id.in_(ids), Check.type == "ssh", Check.enabled.is_(True)
            )
        )
    }
    if not checks:
        return {}
    series = {
        sid: (cid, name)
        for sid, cid, name in session.execute(
            select(MetricSeries.id, MetricSeries.check_id, MetricSeries.name).where(
                MetricSeries.check_id.in_(list(checks)),
                MetricSeries.name.in_(_NAMES) | MetricSeries.name.like("firewall_on:%"),
            )
        )
    }
    latest = _latest(session, list(series), since_ms)
    last_run: dict[int, int] = {}  # check → when it last reported its posture: only that run's points count
    for sid, (ts, _v) in latest.items():
        cid = series[sid][0]
        last_run[cid] = max(ts, last_run.get(cid, ts))
    values: dict[int, dict[str, float]] = {}
    for sid, (ts, value) in latest.items():
        cid, name = series[sid]
        if ts == last_run[cid]:
            values.setdefault(cid, {})[name] = value
    out: dict[int, list[PointStatus]] = {}
    parsed: dict[tuple[str, str], tuple[dict[str, Range], dict[str, Range]]] = {}
    for cid, found in values.items():
        mid, warn_text, crit_text = checks[cid]
        texts = (warn_text or "", crit_text or "")
        if texts not in parsed:  # most checks share the defaults: parse each text pair once
            try:
                parsed[texts] = ranges(*texts)
            except ThresholdError:  # the check shows UNKNOWN for it; the card uses the defaults
                parsed[texts] = ranges("", "")
        out.setdefault(mid, []).extend(judge_points(found, *parsed[texts]))
    return {mid: _one_per_point(points) for mid, points in out.items()}


def _one_per_point(points: list[PointStatus]) -> tuple[PointStatus, ...]:
    """A machine with two ssh checks: the worse reading of each point."""
    kept: dict[Point, PointStatus] = {}
    for p in points:
        if p.point not in kept or p.state.severity > kept[p.point].state.severity:
            kept[p.point] = p
    return tuple(kept[p] for p in Point if p in kept)


def _latest(session: Session, series_ids: list[int], since_ms: int) -> dict[int, tuple[int, float]]:
    """Series → (epoch ms, value) of its newest reading."""
    if not series_ids:
        return {}
    newest = (
        select(MetricSample.series_id, func.max(MetricSample.ts_ms).label("ts"))
        .where(MetricSample.series_id.in_(series_ids), MetricSample.ts_ms >= since_ms)
        .group_by(MetricSample.series_id)
        .subquery()
    )
    found = {
        sid: (int(ts), float(v))
        for sid, ts, v in session.execute(
            select(MetricSample.series_id, MetricSample.ts_ms, MetricSample.value).join(
                newest, (MetricSample.series_id == newest.c.series_id) & (MetricSample.ts_ms == newest.c.ts)
            )
        )
    }
    rest = [s for s in series_ids if s not in found]
    if rest:
        buckets = (
            select(MetricRollup5m.series_id, func.max(MetricRollup5m.bucket).label("b"))
            .where(MetricRollup5m.series_id.in_(rest), MetricRollup5m.bucket >= since_ms // 1000)
            .group_by(MetricRollup5m.series_id)
            .subquery()
        )
        for sid, bucket, v in session.execute(
            select(MetricRollup5m.series_id, MetricRollup5m.bucket, MetricRollup5m.avg).join(
                buckets,
                (MetricRollup5m.series_id == buckets.c.series_id) & (MetricRollup5m.bucket == buckets.c.b),
            )
        ):
            found[sid] = (int(bucket) * 1000, float(v))
    return found


def client_security(session: Session, client_id: int, now: datetime | None = None) -> SecuritySummary:
    """How many of the client's machines are green on each point (the service report's figure)."""
    ids = list(session.scalars(select(Machine.id).where(Machine.client_id == client_id)))
    return summarize(machine_points(session, ids, now).values())


def security_summary(db: Database, client_id: int, now: datetime | None = None) -> SecuritySummary:
    with db.read() as s:
        return client_security(s, client_id, now)
