"""Sealing metric rows into blocks, and the blocks' retention (reading them: ``metric_reads``).

The writer keeps inserting one row per sample (``metric_sample``): the newest, still open hour
stays row-per-sample. ``seal`` turns every complete hour into one raw block per series and
merges the hour's 5-minute and hourly roll-ups into the series' day and week blocks, in the same
transaction that deletes the rows — so a point is always in exactly one place. Roll-up rows
found in ``metric_rollup_5m``/``metric_rollup_1h`` (older databases, generated demo history)
are merged the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, and_, delete, insert, or_, select, true, tuple_
from sqlalchemy.orm import Session

from msp_console.db import block_codec
from msp_console.db.models.monitoring import MetricRollup1h, MetricRollup5m, MetricSample, MetricSeries
from msp_console.db.models.monitoring_history import (
    BLOCK_SPAN_S,
    FIVE_MIN,
    HOURLY,
    RAW,
    SERIES_INDEX,
    STEP_S,
    MetricBlock,
)

Rollup = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # ts, avg, min, max, count


@dataclass(frozen=True, slots=True)
class SealReport:
    samples: int  # raw rows moved into blocks
    rollups: int  # roll-up rows moved into blocks
    blocks: int  # blocks written


def rollup(ts_s: np.ndarray, values: np.ndarray, step: int) -> Rollup:
    """Buckets of ``step`` seconds: (start, avg, min, max, count), ``ts_s`` ascending."""
    buckets = ts_s // step * step
    starts, first, count = np.unique(buckets, return_index=True, return_counts=True)
    sums = np.add.reduceat(values, first)
    return (
        starts,
        sums / count,
        np.minimum.reduceat(values, first),
        np.maximum.reduceat(values, first),
        count.astype(np.float64),
    )


def _merge_rollups(a: Rollup, b: Rollup) -> Rollup:
    """Both sets of buckets; a bucket in both is combined (weighted average, min, max, counts)."""
    ts = np.concatenate((a[0], b[0]))
    order = np.argsort(ts, kind="stable")
    ts, avg, lo, hi, n = (np.concatenate((x, y))[order] for x, y in zip(a, b, strict=True))
    starts, first = np.unique(ts, return_index=True)
    if len(starts) == len(ts):
        return ts, avg, lo, hi, n
    total = np.add.reduceat(n, first)
    weighted = np.add.reduceat(avg * n, first)
    return (
        starts,
        weighted / np.where(total == 0, 1, total),
        np.minimum.reduceat(lo, first),
        np.maximum.reduceat(hi, first),
        total,
    )


def merge_raw(
    a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    ts = np.concatenate((a[0], b[0]))
    values = np.concatenate((a[1], b[1]))
    ts, keep = np.unique(ts, return_index=True)  # a sample sent twice is one sample
    return ts, values[keep]


class _Blocks:
    """The blocks one sealing pass touches: loaded once, merged in memory, written once."""

    def __init__(self, session: Session, keep_existing: bool = False):
        self.session = session
        self.keep_existing = keep_existing  # a bucket already in a block is not added to again
        self.raw: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        self.rolled: dict[tuple[int, int, int], Rollup] = {}
        self.done: dict[tuple[int, int], np.ndarray] = {}

    def add_raw(self, sid: int, ts_ms: np.ndarray, values: np.ndarray) -> None:
        hours = ts_ms // 3_600_000 * 3600
        for hour in np.unique(hours):
            pick = hours == hour
            key = (sid, int(hour))
            part = (ts_ms[pick], values[pick])
            self.raw[key] = merge_raw(self.raw[key], part) if key in self.raw else part
        ts_s = ts_ms // 1000
        for res in (FIVE_MIN,):  # hourly ones come from the 5-minute blocks when those expire
            buckets = rollup(ts_s, values, STEP_S[res])
            done = self.done.get((sid, res))
            if done is not None:  # an older database rolled these samples up already
                fresh = ~np.isin(buckets[0], done)
                buckets = tuple(x[fresh] for x in buckets)  # type: ignore[assignment]
            if len(buckets[0]):
                self.add_rollup(sid, res, buckets)

    def add_rollup(self, sid: int, res: int, buckets: Rollup) -> None:
        span = BLOCK_SPAN_S[res]
        starts = buckets[0] // span * span
        for start in np.unique(starts):
            pick = starts == start
            key = (sid, res, int(start))
            part: Rollup = tuple(x[pick] for x in buckets)  # type: ignore[assignment,unused-ignore]
            self.rolled[key] = _merge_rollups(self.rolled[key], part) if key in self.rolled else part

    def write(self, digits: dict[int, int]) -> int:
        wanted = [(sid, RAW, start) for sid, start in self.raw] + list(self.rolled)
        existing = _load(self.session, wanted)
        rows = []
        for (sid, start), (ts, values) in self.raw.items():
            old = existing.get((sid, RAW, start))
            if old is not None:
                ts, values = merge_raw((old[0], old[1][0]), (ts, values))
            rows.append((sid, RAW, start, len(ts), block_codec.encode(ts, [values], [digits[sid]])))
        for (sid, res, start), buckets in self.rolled.items():
            old = existing.get((sid, res, start))
            if old is not None:
                if self.keep_existing:
                    fresh = ~np.isin(buckets[0], old[0])
                    buckets = tuple(x[fresh] for x in buckets)  # type: ignore[assignment]
                buckets = _merge_rollups((old[0], *old[1]), buckets)  # type: ignore[arg-type]
            d = digits[sid]
            encoded = block_codec.encode(buckets[0], list(buckets[1:]), [d, d, d, 0])
            rows.append((sid, res, start, len(buckets[0]), encoded))
        if existing:
            self.session.execute(
                delete(MetricBlock).where(
                    tuple_(MetricBlock.series_id, MetricBlock.resolution, MetricBlock.start).in_(
                        list(existing)
                    )
                )
            )
        if rows:
            self.session.execute(
                insert(MetricBlock),
                [
                    {"series_id": s, "resolution": r, "start": t, "points": n, "data": data}
                    for s, r, t, n, data in rows
                ],
            )
        return len(rows)


def _load(
    session: Session, keys: list[tuple[int, int, int]]
) -> dict[tuple[int, int, int], tuple[np.ndarray, list[np.ndarray]]]:
    """The existing blocks among ``keys`` (series, resolution, start), decoded.

    Asked per resolution with the few block starts a sealing pass touches, so the series index
    finds exactly those blocks (never the rest of a series' history).
    """
    out = {}
    wanted = set(keys)
    by_res: dict[int, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for sid, res, start in keys:
        by_res[res][0].add(sid)
        by_res[res][1].add(start)
    for res, (sid_set, starts) in by_res.items():
        sids = sorted(sid_set)
        for i in range(0, len(sids), 400):
            rows = session.execute(
                select(MetricBlock.series_id, MetricBlock.start, MetricBlock.data)
                .where(
                    MetricBlock.series_id.in_(sids[i : i + 400]),
                    MetricBlock.resolution == res,
                    MetricBlock.start.in_(sorted(starts)),
                )
                .with_hint(MetricBlock, f"INDEXED BY {SERIES_INDEX}", "sqlite")
            )
            for sid, start, data in rows:
                if (sid, res, start) in wanted:
                    out[(sid, res, start)] = block_codec.decode(data)
    return out


def _digits(session: Session, sids: Iterable[int]) -> dict[int, int]:
    ids = list(set(sids))
    out: dict[int, int] = {}
    for i in range(0, len(ids), 900):
        for sid, unit in session.execute(
            select(MetricSeries.id, MetricSeries.unit).where(MetricSeries.id.in_(ids[i : i + 900]))
        ):
            out[sid] = block_codec.digits_for(unit)
    return out


def seal(session: Session, before_s: int, series: tuple[int, int] | None = None) -> SealReport:
    """Moves raw rows older than ``before_s`` (a whole hour) and every roll-up row into blocks.

    ``series``: only the series ids in [first, last] (the migration converts in batches).
    """

    def in_range(col: Any) -> ColumnElement[bool]:
        return and_(col >= series[0], col <= series[1]) if series is not None else true()

    blocks = _Blocks(session)
    cut_ms = before_s // 3600 * 3600 * 1000
    sids: set[int] = set()
    rolled = 0
    for res, table in ((FIVE_MIN, MetricRollup5m), (HOURLY, MetricRollup1h)):
        rows = session.execute(
            select(table.series_id, table.bucket, table.avg, table.min, table.max, table.count)
            .where(in_range(table.series_id))
            .order_by(table.series_id, table.bucket)
        ).all()
        rolled += len(rows)
        by_sid: dict[int, list[tuple[int, float, float, float, int]]] = defaultdict(list)
        for sid, *rest in rows:
            by_sid[sid].append(tuple(rest))  # type: ignore[arg-type]
        for sid, items in by_sid.items():
            sids.add(sid)
            cols = np.array(items, dtype=np.float64)
            blocks.add_rollup(
                sid, res, (cols[:, 0].astype(np.int64), cols[:, 1], cols[:, 2], cols[:, 3], cols[:, 4])
            )
            blocks.done[(sid, res)] = cols[:, 0].astype(np.int64)  # already rolled up from these rows
        if rows:
            session.execute(delete(table).where(in_range(table.series_id)))
    raw = _fetch_raw(session, cut_ms, series)
    if len(raw):
        sid_col = raw[:, 0].astype(np.int64)
        ts_col = raw[:, 1].astype(np.int64)
        cuts = np.flatnonzero(np.diff(sid_col)) + 1
        for lo, hi in zip(np.concatenate(([0], cuts)), np.concatenate((cuts, [len(raw)])), strict=True):
            sid = int(sid_col[lo])
            sids.add(sid)
            blocks.add_raw(sid, ts_col[lo:hi], raw[lo:hi, 2])
    if not sids:
        return SealReport(0, 0, 0)
    written = blocks.write(_digits(session, sids))
    if len(raw):
        session.execute(
            delete(MetricSample).where(MetricSample.ts_ms < cut_ms, in_range(MetricSample.series_id))
        )
    return SealReport(len(raw), rolled, written)


def hourly_from_five(buckets: Rollup) -> Rollup:
    """Hourly buckets (count-weighted averages) from 5-minute ones, ``buckets[0]`` ascending."""
    ts, avg, lo, hi, n = buckets
    hours = ts // 3600 * 3600
    starts, first = np.unique(hours, return_index=True)
    total = np.add.reduceat(n, first)
    return (
        starts,
        np.add.reduceat(avg * n, first) / np.where(total == 0, 1, total),
        np.minimum.reduceat(lo, first),
        np.maximum.reduceat(hi, first),
        total,
    )


def _fetch_raw(session: Session, cut_ms: int, series: tuple[int, int] | None) -> np.ndarray:
    """(series, ms, value) rows older than ``cut_ms`` as one float array (exact: ids and ms times
    are far below 2**53), read straight from the driver: a million rows an hour."""
    conn = session.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"SELECT series_id, ts_ms, value FROM metric_sample WHERE ts_ms < {mark}"
    params: tuple[int, ...] = (cut_ms,)
    if series is not None:
        sql += f" AND series_id >= {mark} AND series_id <= {mark}"
        params += series
    cursor = conn.connection.cursor()  # plain tuples: no row objects for a million rows
    try:
        cursor.execute(sql + " ORDER BY series_id, ts_ms", params)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return np.array(rows, dtype=np.float64).reshape(-1, 3)


def drop_expired(session: Session, now_s: int, keep_s: dict[int, int]) -> int:
    """Deletes the blocks whose whole span is older than their resolution's horizon.

    Expiring 5-minute blocks first become hourly buckets: hourly blocks start where the 5-minute
    ones end (a chart over the last 30 days makes its hours from the 5-minute blocks).
    """
    cut = now_s - keep_s[FIVE_MIN] - BLOCK_SPAN_S[FIVE_MIN]
    expiring = session.execute(
        select(MetricBlock.series_id, MetricBlock.data).where(
            MetricBlock.resolution == FIVE_MIN, MetricBlock.start <= cut
        )
    ).all()
    if expiring:
        blocks = _Blocks(session, keep_existing=True)
        for sid, data in expiring:
            ts, cols = block_codec.decode(data)
            blocks.add_rollup(sid, HOURLY, hourly_from_five((ts, *cols)))  # type: ignore[arg-type]
        blocks.write(_digits(session, {sid for sid, _d in expiring}))
    conditions = [
        and_(MetricBlock.resolution == res, MetricBlock.start + BLOCK_SPAN_S[res] <= now_s - keep)
        for res, keep in keep_s.items()
    ]
    result = session.execute(delete(MetricBlock).where(or_(*conditions)))
    return int(getattr(result, "rowcount", 0) or 0)
