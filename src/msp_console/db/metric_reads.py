"""Reading a series' points back from its blocks (and the rows not sealed yet), for charts.

Every query goes through the (series, resolution, start) index: a chart reads its machine's
few blocks, whatever the size of the database.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db import block_codec
from msp_console.db.block_batch import decode_many
from msp_console.db.metric_blocks import Rollup, combined, hourly_from_five, merge_raw
from msp_console.db.models.monitoring import MetricRollup1h, MetricRollup5m, MetricSample
from msp_console.db.models.monitoring_history import (
    BLOCK_SPAN_S,
    FIVE_MIN,
    HOURLY,
    RAW,
    SERIES_INDEX,
    MetricBlock,
)


def read_hours(
    session: Session, sids: list[int], t0: int, t1: int
) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Hourly (bucket starts, averages) in [t0, t1]: hourly blocks, then hours made from the
    5-minute blocks after the last hourly bucket."""
    hourly = read_rollups(session, sids, HOURLY, t0, t1)
    out = {}
    five = _decoded(session, sids, FIVE_MIN, t0, t1)
    for sid in sids:
        ts, avg = hourly[sid]
        if sid in five and len(five[sid][0]):
            h = hourly_from_five(five[sid])
            after = (h[0] > (ts[-1] if len(ts) else t0 - 1)) & (h[0] >= t0) & (h[0] <= t1)
            ts, avg = np.concatenate((ts, h[0][after])), np.concatenate((avg, h[1][after]))
        out[sid] = (ts, avg)
    return out


def _decoded(session: Session, sids: list[int], res: int, t0: int, t1: int) -> dict[int, Rollup]:
    """The buckets of the series' roll-up blocks that overlap [t0, t1] (2-day blocks and the
    open span's 4-hour pieces), ascending."""
    rows = session.execute(
        select(MetricBlock.series_id, MetricBlock.data)
        .where(
            MetricBlock.series_id.in_(sids),
            MetricBlock.resolution == res,
            MetricBlock.start > t0 - BLOCK_SPAN_S[res],
            MetricBlock.start <= t1,
        )
        .order_by(MetricBlock.start)
        .with_hint(MetricBlock, f"INDEXED BY {SERIES_INDEX}", "sqlite")  # not the retention index
    ).all()
    parts: dict[int, list[Rollup]] = defaultdict(list)
    for (sid, _data), (ts, cols) in zip(rows, decode_many([bytes(r[1]) for r in rows]), strict=True):
        parts[sid].append((ts, *cols))  # type: ignore[arg-type]
    return {sid: combined(p) for sid, p in parts.items()}


def read_rollups(
    session: Session, sids: list[int], res: int, t0: int, t1: int
) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """(bucket starts, averages) in [t0, t1] per series, from blocks and not yet sealed rows."""
    parts = _decoded(session, sids, res, t0, t1)
    table = MetricRollup5m if res == FIVE_MIN else MetricRollup1h
    loose: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for sid, bucket, mean in session.execute(
        select(table.series_id, table.bucket, table.avg).where(
            table.series_id.in_(sids), table.bucket >= t0, table.bucket <= t1
        )
    ):
        loose[sid].append((bucket, mean))
    out = {}
    for sid in sids:
        ts_parts: list[np.ndarray] = [parts[sid][0]] if sid in parts else []
        avg_parts: list[np.ndarray] = [parts[sid][1]] if sid in parts else []
        if loose[sid]:
            ts_parts.append(np.array([b for b, _ in loose[sid]], dtype=np.int64))
            avg_parts.append(np.array([a for _, a in loose[sid]], dtype=np.float64))
        if not ts_parts:
            out[sid] = (np.zeros(0, dtype=np.int64), np.zeros(0))
            continue
        ts = np.concatenate(ts_parts)
        avg = np.concatenate(avg_parts)
        order = np.argsort(ts, kind="stable")
        ts, avg = ts[order], avg[order]
        keep = (ts >= t0) & (ts <= t1)
        out[sid] = (ts[keep], avg[keep])
    return out


def read_raw(session: Session, from_ms: dict[int, int]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Per series, raw samples at or after its ``from_ms``: sealed hours' blocks, then open rows."""
    if not from_ms:
        return {}
    sids = list(from_ms)
    low = min(from_ms.values())
    ts_parts: dict[int, list[np.ndarray]] = defaultdict(list)
    v_parts: dict[int, list[np.ndarray]] = defaultdict(list)
    for sid, start, data in session.execute(
        select(MetricBlock.series_id, MetricBlock.start, MetricBlock.data)
        .where(
            MetricBlock.series_id.in_(sids),
            MetricBlock.resolution == RAW,
            MetricBlock.start > low // 1000 - BLOCK_SPAN_S[RAW],
        )
        .order_by(MetricBlock.start)
        .with_hint(MetricBlock, f"INDEXED BY {SERIES_INDEX}", "sqlite")
    ):
        if (start + BLOCK_SPAN_S[RAW]) * 1000 <= from_ms[sid]:
            continue  # older than this series needs
        ts, (values,) = block_codec.decode(data)
        ts_parts[sid].append(ts)
        v_parts[sid].append(values)
    rows: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for sid, ts_ms, value in session.execute(
        select(MetricSample.series_id, MetricSample.ts_ms, MetricSample.value)
        .where(MetricSample.series_id.in_(sids), MetricSample.ts_ms >= low)
        .order_by(MetricSample.series_id, MetricSample.ts_ms)
    ):
        rows[sid].append((ts_ms, value))
    out = {}
    for sid in sids:
        if rows[sid]:
            ts_parts[sid].append(np.array([r[0] for r in rows[sid]], dtype=np.int64))
            v_parts[sid].append(np.array([r[1] for r in rows[sid]], dtype=np.float64))
        if not ts_parts[sid]:
            out[sid] = (np.zeros(0, dtype=np.int64), np.zeros(0))
            continue
        ts, values = merge_raw(
            (np.concatenate(ts_parts[sid]), np.concatenate(v_parts[sid])),
            (np.zeros(0, np.int64), np.zeros(0)),
        )
        keep = ts >= from_ms[sid]
        out[sid] = (ts[keep], values[keep])
    return out
