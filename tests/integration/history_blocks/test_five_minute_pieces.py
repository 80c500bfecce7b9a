"""The open 2-day span's 5-minute buckets are kept as 4-hour pieces, merged when the span ends.

Sealing an hour then re-encodes at most a piece, not a 2-day block. What a chart
reads must not change: the same buckets before the merge, after it, after a merge split across
runs, and with late samples joining a piece or a finished span.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from sqlalchemy import func, select

from msp_console.app import App
from msp_console.db import block_codec
from msp_console.db.metric_blocks import PIECE_S, merge_pieces, rollup, seal
from msp_console.db.metric_reads import read_hours, read_rollups
from msp_console.db.models import MetricBlock, MetricSample
from msp_console.db.models.monitoring_history import BLOCK_SPAN_S, FIVE_MIN
from tests.integration.history_blocks.test_sealing_batch import UNITS, _hour, _insert, _series

SPAN = BLOCK_SPAN_S[FIVE_MIN]
S0 = 20_420 * 86400  # 2025-11-28 00:00 UTC: a span start (2-day spans from the epoch)
assert S0 % SPAN == 0


class Sent:
    """Every sample inserted, per series: the reference the reads are held to."""

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def add(self, app: App, rows: list[dict[str, object]]) -> None:
        _insert(app, rows)
        self.rows += rows

    def five_minutes(self, sid: int, t0: int, t1: int) -> tuple[np.ndarray, np.ndarray]:
        """(bucket starts, averages) of ``sid``'s samples in [t0, t1]."""
        mine = sorted((int(r["ts_ms"]), float(r["value"])) for r in self.rows if r["series_id"] == sid)  # type: ignore[call-overload]
        ts = np.array([t // 1000 for t, _v in mine], dtype=np.int64)
        values = np.array([v for _t, v in mine])
        starts, avg, *_rest = rollup(ts, values, 300)
        keep = (starts >= t0) & (starts <= t1)
        return starts[keep], avg[keep]


def _seal(app: App, cut_s: int, how: Callable[..., object] = seal) -> None:
    with app.db.transaction() as s:
        how(s, cut_s)


def _five_blocks(app: App, sid: int) -> list[int]:
    with app.db.read() as s:
        return list(
            s.scalars(
                select(MetricBlock.start)
                .where(MetricBlock.series_id == sid, MetricBlock.resolution == FIVE_MIN)
                .order_by(MetricBlock.start)
            )
        )


def _assert_reads(app: App, sent: Sent, sids: list[int], t0: int, t1: int) -> None:
    with app.db.read() as s:
        five = read_rollups(s, sids, FIVE_MIN, t0, t1)
        hours = read_hours(s, sids, t0, t1)
    units = dict(zip(sids, [UNITS[i % len(UNITS)] for i in range(len(sids))], strict=True))
    for sid in sids:
        ts, avg = sent.five_minutes(sid, t0, t1)
        tol = block_codec.precision(units[sid]) * (1 + 1e-9)
        assert five[sid][0].tolist() == ts.tolist()
        assert five[sid][1] == pytest.approx(avg, abs=tol, rel=1e-12, nan_ok=True)
        assert hours[sid][0].tolist() == sorted({int(t) // 3600 * 3600 for t in ts.tolist()})


def test_an_open_span_is_kept_as_hourly_pieces_merged_when_it_ends(app: App) -> None:
    rng = np.random.default_rng(7)
    sids = _series(app, 8)[:6]  # series 3 has one sample an hour, series 4 is silent
    sent = Sent()
    for h in range(5):
        sent.add(app, _hour(rng, sids, S0 + 3600 * h, 1e300))
        _seal(app, S0 + 3600 * (h + 1) + 90)
    assert _five_blocks(app, sids[0]) == [S0, S0 + PIECE_S]  # hours 0-3, then 4
    assert _five_blocks(app, sids[4]) == []
    # A late sample joins its piece (inside a bucket that has samples already).
    sent.add(app, [{"series_id": sids[0], "ts_ms": (S0 + 3600 + 61) * 1000 + 7, "value": 40.0}])
    _seal(app, S0 + 5 * 3600 + 95)
    assert _five_blocks(app, sids[0]) == [S0, S0 + PIECE_S]
    _assert_reads(app, sent, sids, S0, S0 + SPAN)

    # The rest of the span: the seal of its last hour merges every piece into the span's block.
    for h in range(5, 48):
        sent.add(app, _hour(rng, sids, S0 + 3600 * h, 1e300))
        _seal(app, S0 + 3600 * (h + 1) + 90)
    assert _five_blocks(app, sids[0]) == [S0]
    assert _five_blocks(app, sids[3]) == [S0]
    with app.db.read() as s:
        data, points = s.execute(
            select(MetricBlock.data, MetricBlock.points).where(
                MetricBlock.series_id == sids[0], MetricBlock.resolution == FIVE_MIN
            )
        ).one()
        assert s.scalar(select(func.count()).select_from(MetricSample)) == 0
    ts, (_avg, _lo, _hi, count) = block_codec.decode(data)
    assert points == len(ts) == len(sent.five_minutes(sids[0], S0, S0 + SPAN)[0])
    assert int(count.sum()) == len([r for r in sent.rows if r["series_id"] == sids[0]])
    _assert_reads(app, sent, sids, S0 - 3600, S0 + SPAN + 3600)

    # A late sample of the finished span goes straight into its block.
    sent.add(app, [{"series_id": sids[1], "ts_ms": (S0 + 5 * 3600 + 1) * 1000, "value": 0.5}])
    sent.add(app, _hour(rng, sids, S0 + SPAN, 1e300))
    _seal(app, S0 + SPAN + 3600 + 90)
    assert _five_blocks(app, sids[1]) == [S0, S0 + SPAN]
    _assert_reads(app, sent, sids, S0, S0 + SPAN + 3600)


def test_a_merge_split_across_runs_reads_the_same_at_every_step(app: App) -> None:
    rng = np.random.default_rng(8)
    sids = _series(app, 3)
    sent = Sent()
    for h in range(36, 47):  # the open span's last 11 sealed hours: three pieces a series
        sent.add(app, _hour(rng, sids, S0 + 3600 * h, 1e300))
        _seal(app, S0 + 3600 * (h + 1) + 90)
    assert [_five_blocks(app, sid) for sid in sids] == [[S0 + 3600 * h for h in (36, 40, 44)]] * 3
    end = S0 + SPAN + 90  # the span has ended

    def merge_four(s, cut):  # type: ignore[no-untyped-def]
        return merge_pieces(s, cut, limit=4)

    _seal(app, end, merge_four)  # series 0's three pieces and series 1's first
    assert [len(_five_blocks(app, sid)) for sid in sids] == [1, 3, 3]
    _assert_reads(app, sent, sids, S0, S0 + SPAN)
    # A late sample of hour 46 while series 1 is half merged: it goes into the span's block,
    # beside the hour's piece (one bucket in two places until the merge ends).
    sent.add(app, [{"series_id": sids[1], "ts_ms": (S0 + 46 * 3600 + 3) * 1000 + 1, "value": 9.0}])
    _seal(app, end, lambda s, cut: seal(s, cut) and 0)
    _assert_reads(app, sent, sids, S0, S0 + SPAN)
    _seal(app, end, merge_four)
    _assert_reads(app, sent, sids, S0, S0 + SPAN)
    _seal(app, end, merge_four)
    assert [_five_blocks(app, sid) for sid in sids] == [[S0]] * 3
    _assert_reads(app, sent, sids, S0, S0 + SPAN)
    _seal(app, end, merge_four)  # nothing left: changes nothing
    _assert_reads(app, sent, sids, S0, S0 + SPAN)
