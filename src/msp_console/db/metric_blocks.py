"""Sealing metric rows into blocks, and the blocks' retention (reading them: ``metric_reads``).

The writer keeps inserting one row per sample (``metric_sample``): the newest, still open hour
stays row-per-sample. ``seal`` turns every complete hour into one raw block per series and adds
the hour's 5-minute roll-ups to a 4-hour piece while the series' 2-day span is open, merged
into the span's block when it ends (``merge_pieces``), in the same transaction that deletes the
rows — so a point is always in exactly one place. Roll-up rows
found in ``metric_rollup_5m``/``metric_rollup_1h`` (older databases, generated demo history)
are merged the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, and_, delete, select, true
from sqlalchemy.orm import Session

from msp_console.db import block_codec
from msp_console.db.block_batch import decode_many, encode_many
from msp_console.db.models.monitoring import MetricRollup1h, MetricRollup5m, MetricSample
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
_EMPTY: Rollup = (np.zeros(0, np.int64), *(np.zeros(0) for _ in range(4)))  # type: ignore[assignment]
# Pieces merged into their 2-day block per run, oldest first: the end of a span for 20,000
# series (~220,000 pieces) takes three runs of the retention job, each a short write lock.
MERGE_PIECES_PER_RUN = 100_000
# The open span's 5-minute buckets, one block per 4 hours: sealing an hour re-encodes at most
# 4 hours of buckets; 12 pieces a span cost little room (each row and index entry is overhead).
PIECE_S = 4 * 3600


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


def combined(parts: list[Rollup]) -> Rollup:
    """One series' roll-up blocks, in start order, as one set of buckets: concatenated when they
    follow each other (the usual case), else merged bucket by bucket (a late sample's piece inside
    a span already merged, or a merge split across runs)."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return _EMPTY
    joined: Rollup = tuple(np.concatenate(c) for c in zip(*parts, strict=True))  # type: ignore[assignment]
    ts = joined[0]
    if len(parts) == 1 or bool((ts[1:] > ts[:-1]).all()):
        return joined
    return _merge_rollups(joined, _EMPTY)


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
        ids, existing = _load(self.session, wanted)
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
        _store(self.session, ids, rows)
        return len(rows)


def _store(
    session: Session, ids: dict[tuple[int, int, int], int], rows: list[tuple[int, int, int, int, bytes]]
) -> None:
    """Writes the blocks (series, resolution, start, points, data): an existing one is updated in
    place by its id (no index entry moves), a new one inserted.

    Straight through the driver, a thousand blocks an hour: SQLite's ``executemany`` loops in C;
    PostgreSQL gets each write as one statement over arrays, sent in binary (``%b``: no escaping
    of a thousand blobs into text).
    """
    updates = [(n, d, ids[(s, r, t)]) for s, r, t, n, d in rows if (s, r, t) in ids]
    inserts = [(s, r, t, n, d) for s, r, t, n, d in rows if (s, r, t) not in ids]
    conn = session.connection()
    cursor = conn.connection.cursor()
    try:
        if conn.dialect.name != "postgresql":
            if updates:
                cursor.executemany("UPDATE metric_block SET points = ?, data = ? WHERE id = ?", updates)
            if inserts:
                columns = "series_id, resolution, start, points, data"
                cursor.executemany(f"INSERT INTO metric_block ({columns}) VALUES (?, ?, ?, ?, ?)", inserts)
            return
        if updates:
            cursor.execute(
                "UPDATE metric_block AS b SET points = u.points, data = u.data"
                " FROM unnest(%b::int4[], %b::bytea[], %b::int8[]) AS u(points, data, id) WHERE b.id = u.id",
                [list(col) for col in zip(*updates, strict=True)],
            )
        if inserts:
            cursor.execute(
                "INSERT INTO metric_block (series_id, resolution, start, points, data)"
                " SELECT * FROM unnest(%b::int4[], %b::int2[], %b::int8[], %b::int4[], %b::bytea[])",
                [list(col) for col in zip(*inserts, strict=True)],
            )
    finally:
        cursor.close()


def _load(
    session: Session, keys: list[tuple[int, int, int]]
) -> tuple[dict[tuple[int, int, int], int], dict[tuple[int, int, int], tuple[np.ndarray, list[np.ndarray]]]]:
    """The existing blocks among ``keys`` (series, resolution, start): their ids, and decoded.

    Asked per resolution with the few block starts a sealing pass touches, so the series index
    finds exactly those blocks (never the rest of a series' history).
    """
    ids: dict[tuple[int, int, int], int] = {}
    blobs: list[bytes] = []
    wanted = set(keys)
    by_res: dict[int, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for sid, res, start in keys:
        by_res[res][0].add(sid)
        by_res[res][1].add(start)
    for res, (sids, starts) in by_res.items():
        rows = _select_in(
            session,
            f"SELECT id, series_id, start, data FROM metric_block{{hint}} WHERE resolution = {int(res)}"
            " AND {series_id} AND {start}",
            series_id=sorted(sids),
            start=sorted(starts),
        )
        for block_id, sid, start, data in rows:
            if (sid, res, start) in wanted:
                ids[(sid, res, start)] = block_id
                blobs.append(data)
    return ids, dict(zip(ids, decode_many(blobs), strict=True))


def _digits(session: Session, sids: Iterable[int]) -> dict[int, int]:
    rows = _select_in(session, "SELECT id, unit FROM metric_series WHERE {id}", id=sorted(set(sids)))
    return {sid: block_codec.digits_for(unit) for sid, unit in rows}


def _select_in(session: Session, sql: str, **lists: list[int]) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` whose ``{column}`` placeholders become "column is one of these integers".

    Through the driver, as one statement: a sealing pass asks for a thousand series at once,
    which costs far more to render and bind through SQL expressions than to run. PostgreSQL
    gets one array per list; SQLite, batches of bound values in an IN list (the series index
    named, as its planner otherwise may pick the retention index).
    """
    conn = session.connection()
    cursor = conn.connection.cursor()
    try:
        if conn.dialect.name == "postgresql":
            where = {name: f"{name} = ANY(%b::int8[])" for name in lists}
            cursor.execute(sql.format(hint="", **where), list(lists.values()), binary=True)  # type: ignore[call-arg]
            return list(cursor.fetchall())
        first, *rest = lists
        out: list[tuple[Any, ...]] = []
        for i in range(0, len(lists[first]), 400):
            chunk = {first: lists[first][i : i + 400], **{name: lists[name] for name in rest}}
            where = {name: f"{name} IN ({','.join('?' * len(values))})" for name, values in chunk.items()}
            cursor.execute(
                sql.format(hint=f" INDEXED BY {SERIES_INDEX}" if "metric_block" in sql else "", **where),
                [v for values in chunk.values() for v in values],
            )
            out += cursor.fetchall()
        return out
    finally:
        cursor.close()


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
    if not sids:  # no roll-up rows (the usual run): every series' hours in one vectorised pass
        written = _seal_rows(session, raw, cut_ms // 1000) if len(raw) else 0
    else:
        written = _seal_series(session, blocks, sids, raw)
    if len(raw):
        session.execute(
            delete(MetricSample).where(MetricSample.ts_ms < cut_ms, in_range(MetricSample.series_id))
        )
    written += merge_pieces(session, cut_ms // 1000)
    return SealReport(len(raw), rolled, written)


def merge_pieces(session: Session, cut_s: int, limit: int = MERGE_PIECES_PER_RUN) -> int:
    """Merges the 4-hour 5-minute pieces of the 2-day spans ended by ``cut_s`` into the spans'
    blocks; returns the blocks written. Oldest first, at most ``limit`` pieces a run.

    Looks back two spans (a piece older than that — a console off for days — stays a valid
    block of its own until it expires). Every piece is a complete block, so a run that stops
    half-way leaves nothing a chart would miss.
    """
    span = BLOCK_SPAN_S[FIVE_MIN]
    open_start = cut_s // span * span
    found = session.execute(
        select(MetricBlock.id, MetricBlock.series_id, MetricBlock.start, MetricBlock.data)
        .where(
            MetricBlock.resolution == FIVE_MIN,
            MetricBlock.start >= open_start - 2 * span,
            MetricBlock.start < open_start,
            MetricBlock.start % span != 0,  # a span's block starts on the span
        )
        .order_by(MetricBlock.series_id, MetricBlock.start)
        .limit(limit)
    ).all()
    if not found:
        return 0
    by_span: dict[tuple[int, int], list[int]] = defaultdict(list)  # (series, span start) -> rows
    for i, (_id, sid, start, _data) in enumerate(found):
        by_span[(sid, start // span * span)].append(i)
    pieces = decode_many([bytes(row[3]) for row in found])
    ids, existing = _load(session, [(sid, FIVE_MIN, start) for sid, start in by_span])
    digits = _digits(session, {sid for sid, _s in by_span})
    keys: list[tuple[int, int, int, int]] = []
    todo: list[tuple[np.ndarray, list[np.ndarray], list[int]]] = []
    for (sid, start), rows in by_span.items():
        parts: list[Rollup] = [(p[0], *p[1]) for p in (pieces[i] for i in rows)]  # type: ignore[misc]
        got = existing.get((sid, FIVE_MIN, start))
        if got is not None:
            parts.insert(0, (got[0], *got[1]))  # type: ignore[arg-type]
        buckets = combined(parts)
        d = digits[sid]
        keys.append((sid, FIVE_MIN, start, len(buckets[0])))
        todo.append((buckets[0], list(buckets[1:]), [d, d, d, 0]))
    _store(session, ids, [(*k, blob) for k, blob in zip(keys, encode_many(todo), strict=True)])
    _delete_blocks(session, [row[0] for row in found])
    return len(keys)


def _delete_blocks(session: Session, ids: list[int]) -> None:
    """Deletes blocks by id: one array statement on PostgreSQL, the driver's C loop on SQLite
    (a hundred thousand ids are more than an IN list may bind)."""
    conn = session.connection()
    cursor = conn.connection.cursor()
    try:
        if conn.dialect.name == "postgresql":
            cursor.execute("DELETE FROM metric_block WHERE id = ANY(%b::int8[])", [ids])
        else:
            cursor.executemany("DELETE FROM metric_block WHERE id = ?", [(i,) for i in ids])
    finally:
        cursor.close()


def _seal_series(session: Session, blocks: _Blocks, sids: set[int], raw: np.ndarray) -> int:
    """Raw rows merged series by series with the roll-up rows an older database still had."""
    if len(raw):
        sid_col = raw[:, 0].astype(np.int64)
        ts_col = raw[:, 1].astype(np.int64)
        cuts = np.flatnonzero(np.diff(sid_col)) + 1
        for lo, hi in zip(np.concatenate(([0], cuts)), np.concatenate((cuts, [len(raw)])), strict=True):
            sid = int(sid_col[lo])
            sids.add(sid)
            blocks.add_raw(sid, ts_col[lo:hi], raw[lo:hi, 2])
    return blocks.write(_digits(session, sids))


def _runs(*keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first, end) index of each run of equal ``keys`` in rows sorted by them."""
    change = np.zeros(len(keys[0]), dtype=bool)
    change[0] = True
    for k in keys:
        change[1:] |= k[1:] != k[:-1]
    first = np.flatnonzero(change)
    return first, np.append(first[1:], len(keys[0]))


def _seal_rows(session: Session, raw: np.ndarray, cut_s: int) -> int:
    """Raw rows (series, ms, value), ordered by series and time, into their blocks, all at once.

    One raw block per series and hour; the 5-minute buckets of all series come from one set of
    ``reduceat`` calls: an hour of a finished 2-day span joins the span's block — exactly what
    ``_Blocks`` makes of the same rows series by series (the tests compare both) — an hour of
    the open span joins its 4-hour piece, merged when the span ends (``merge_pieces``).
    """
    sid = raw[:, 0].astype(np.int64)
    ts = raw[:, 1].astype(np.int64)
    values = np.ascontiguousarray(raw[:, 2])
    hour = ts // 3_600_000 * 3600
    raw_lo, raw_hi = _runs(sid, hour)
    raw_keys = list(zip(sid[raw_lo].tolist(), hour[raw_lo].tolist(), strict=True))
    first, end = _runs(sid, ts // 300_000)
    count = end - first
    five: Rollup = (
        ts[first] // 300_000 * 300,
        np.add.reduceat(values, first) / count,
        np.minimum.reduceat(values, first),
        np.maximum.reduceat(values, first),
        count.astype(np.float64),
    )
    five_sid = sid[first]
    # An hour of a span still open joins its 4-hour piece (no 2-day block decoded and encoded
    # again every hour); hours of a finished span go straight into its block.
    span = BLOCK_SPAN_S[FIVE_MIN]
    span_start = five[0] // span * span
    block_start = np.where(span_start + span <= cut_s, span_start, five[0] // PIECE_S * PIECE_S)
    five_lo, five_hi = _runs(five_sid, block_start)
    five_keys = list(zip(five_sid[five_lo].tolist(), block_start[five_lo].tolist(), strict=True))
    digits = _digits(session, {s for s, _h in raw_keys})
    ids, existing = _load(
        session, [(s, RAW, h) for s, h in raw_keys] + [(s, FIVE_MIN, t) for s, t in five_keys]
    )
    keys: list[tuple[int, int, int, int]] = []
    todo: list[tuple[np.ndarray, list[np.ndarray], list[int]]] = []
    for (s, h), lo, hi in zip(raw_keys, raw_lo.tolist(), raw_hi.tolist(), strict=True):
        pair = ts[lo:hi], values[lo:hi]
        old = existing.get((s, RAW, h))
        if old is not None:  # samples that came after their hour was sealed
            pair = merge_raw((old[0], old[1][0]), pair)
        keys.append((s, RAW, h, len(pair[0])))
        todo.append((pair[0], [pair[1]], [digits[s]]))
    for (s, start), lo, hi in zip(five_keys, five_lo.tolist(), five_hi.tolist(), strict=True):
        buckets: Rollup = tuple(x[lo:hi] for x in five)  # type: ignore[assignment]
        got = existing.get((s, FIVE_MIN, start))
        if got is not None:  # the hour's piece so far, or the finished span's block
            buckets = combined([(got[0], *got[1]), buckets])  # type: ignore[list-item]
        d = digits[s]
        keys.append((s, FIVE_MIN, start, len(buckets[0])))
        todo.append((buckets[0], list(buckets[1:]), [d, d, d, 0]))
    data = encode_many(todo)
    _store(session, ids, [(*k, blob) for k, blob in zip(keys, data, strict=True)])
    return len(keys)


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


_ROW = np.dtype([("sid", np.int64), ("ms", np.int64), ("value", np.float64)])


def _fetch_raw(session: Session, cut_ms: int, series: tuple[int, int] | None) -> np.ndarray:
    """(series, ms, value) rows older than ``cut_ms``, ordered by both, as one float array (exact:
    ids and ms times are far below 2**53), read straight from the driver: a million rows an hour.

    PostgreSQL packs each column into one binary string (its values' 8-byte send format, in
    order) that numpy reads in place: no Python object per value. SQLite's rows go into the
    array without a list of tuples in between.
    """
    where = f"ts_ms < {int(cut_ms)}"
    if series is not None:
        where += f" AND series_id >= {int(series[0])} AND series_id <= {int(series[1])}"
    conn = session.connection()
    cursor = conn.connection.cursor()  # plain tuples: no row objects for a million rows
    try:
        if conn.dialect.name == "postgresql":
            cursor.execute(
                "SELECT string_agg(int8send(series_id::int8), ''), string_agg(int8send(ts_ms::int8), ''),"
                " string_agg(float8send(value::float8), '') FROM (SELECT series_id, ts_ms, value"
                f" FROM metric_sample WHERE {where} ORDER BY series_id, ts_ms) AS rows",
                binary=True,  # type: ignore[call-arg]  # psycopg: the bytes as they are, not hex text
            )
            row = cursor.fetchone()
            sid, ms, value = row if row is not None and row[0] is not None else (b"", b"", b"")
            out = np.empty((len(sid) // 8, 3), dtype=np.float64)
            out[:, 0] = np.frombuffer(sid, ">i8")
            out[:, 1] = np.frombuffer(ms, ">i8")
            out[:, 2] = np.frombuffer(value, ">f8")
            # The three aggregates take the rows side by side in the order they come, which is the
            # subquery's in practice; a sort keyed once per aggregate would sort a million rows thrice.
            ds, dt = np.diff(out[:, 0]), np.diff(out[:, 1])
            if not ((ds > 0) | ((ds == 0) & (dt > 0))).all():
                out = out[np.lexsort((out[:, 1], out[:, 0]))]
            return out
        cursor.execute(
            f"SELECT series_id, ts_ms, value FROM metric_sample WHERE {where} ORDER BY series_id, ts_ms"
        )
        rows = np.fromiter(cursor, _ROW)  # type: ignore[call-overload]
    finally:
        cursor.close()
    out = np.empty((len(rows), 3), dtype=np.float64)
    out[:, 0], out[:, 1], out[:, 2] = rows["sid"], rows["ms"], rows["value"]
    return out


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
    gone = 0
    for res, keep in keep_s.items():  # "start <= …", not "start + span <= …": a range of the index
        result = session.execute(
            delete(MetricBlock).where(
                MetricBlock.resolution == res, MetricBlock.start <= now_s - keep - BLOCK_SPAN_S[res]
            )
        )
        gone += int(getattr(result, "rowcount", 0) or 0)
    return gone
