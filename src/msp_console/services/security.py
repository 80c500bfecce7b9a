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

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.metric_reads import read_raw, read_rollups
from msp_console.db.models import Check, Machine, MetricSeries
from msp_console.db.models.monitoring_history import FIVE_MIN
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
RECENT_MS = 2 * 3600 * 1000
_NAMES = tuple(BY_METRIC)


def machine_points(
    session: Session, machine_ids: Iterable[int], now: datetime | None = None
) -> dict[int, tuple[PointStatus, ...]]:
    """Machine id → its judged points (machines without an ssh check's posture are left out)."""
    ids = list(machine_ids)
    if not ids:
        return {}
    until = now or datetime.now(UTC)
    since_ms = int((until - FRESH).timestamp() * 1000)
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
    latest = _latest(session, list(series), since_ms, int(until.timestamp() * 1000))
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


def _latest(
    session: Session, series_ids: list[int], since_ms: int, until_ms: int
) -> dict[int, tuple[int, float]]:
    """Series → (epoch ms, value) of its newest reading in [since_ms, until_ms]: the last two hours
    first (the usual case, little to decode), then the rest of the window for the series still missing."""
    found: dict[int, tuple[int, float]] = {}
    for low in (max(since_ms, until_ms - RECENT_MS), since_ms):
        missing = [sid for sid in series_ids if sid not in found]
        if not missing:
            break
        for sid, (ts, values) in read_raw(session, dict.fromkeys(missing, low)).items():
            upto = ts <= until_ms
            if upto.any():
                last = int(np.flatnonzero(upto)[-1])
                found[sid] = (int(ts[last]), float(values[last]))
    missing = [sid for sid in series_ids if sid not in found]
    if missing:  # only 5-minute averages left (imported or demo history): the newest bucket
        for sid, (starts, averages) in read_rollups(
            session, missing, FIVE_MIN, since_ms // 1000, until_ms // 1000
        ).items():
            if len(starts):
                found[sid] = (int(starts[-1]) * 1000, float(averages[-1]))
    return found


def client_security(session: Session, client_id: int, now: datetime | None = None) -> SecuritySummary:
    """How many of the client's machines are green on each point (the service report's figure)."""
    ids = list(session.scalars(select(Machine.id).where(Machine.client_id == client_id)))
    return summarize(machine_points(session, ids, now).values())


def security_summary(db: Database, client_id: int, now: datetime | None = None) -> SecuritySummary:
    with db.read() as s:
        return client_security(s, client_id, now)
