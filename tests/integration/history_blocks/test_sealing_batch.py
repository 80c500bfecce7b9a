"""Sealing all series of an hour at once stores exactly what sealing them one by one stored.

The per-series path (``_Blocks``, still used while roll-up rows of an older database remain) is
the reference: same blocks, byte for byte, on the same rows — gaps, NaN, a lone sample, values
too large to scale, a late sample joining a sealed hour and its 5-minute bucket.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from msp_console.app import App
from msp_console.db import block_codec
from msp_console.db.metric_blocks import _Blocks, _fetch_raw, _seal_series, seal
from msp_console.db.models import Check, Client, Machine, MetricBlock, MetricSample, MetricSeries
from msp_console.db.models.monitoring_history import RAW

H0 = int(datetime(2026, 11, 30, 23, 0, tzinfo=UTC).timestamp())  # the next hour opens a new 2-day block
UNITS = ["ms", "%", "B", "", "s", "c"]


def _series(app: App, n: int) -> list[int]:
    with app.db.transaction() as s:
        client = Client(name="Rossi Impianti")
        s.add(client)
        s.flush()
        machine = Machine(client_id=client.id, name="srv", address="10.0.0.4")
        s.add(machine)
        s.flush()
        check = Check(machine_id=machine.id, type="ping", name="ping", params={})
        s.add(check)
        s.flush()
        series = [MetricSeries(check_id=check.id, name=f"m{i}", unit=UNITS[i % len(UNITS)]) for i in range(n)]
        s.add_all(series)
        s.flush()
        return [x.id for x in series]


def _hour(rng: np.random.Generator, sids: list[int], hour: int, odd: float) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for k, sid in enumerate(sids):
        if k == 3:
            minutes = np.array([17])  # a series with one sample
        elif k == 4:
            continue  # a series silent this hour
        else:
            minutes = np.flatnonzero(rng.random(60) > (0.4 if k % 3 == 0 else 0.02))  # gaps
        values = rng.gamma(2.0, 3.0, len(minutes)).round(k % 4)
        if k % 5 == 1 and len(values) > 2:
            values[1] = odd
        if k == 7:
            values = values * 1e16  # does not scale: stored as floats
        for m, v in zip(minutes.tolist(), values.tolist(), strict=True):
            rows.append(
                {"series_id": sid, "ts_ms": (hour + 60 * m) * 1000 + int(rng.integers(0, 60_000)), "value": v}
            )
    return rows


def _insert(app: App, rows: list[dict[str, object]]) -> None:
    with app.db.transaction() as s:
        s.execute(insert(MetricSample), rows)


def _per_series(s: Session, before_s: int) -> None:
    raw = _fetch_raw(s, before_s // 3600 * 3600 * 1000, None)
    _seal_series(s, _Blocks(s), set(raw[:, 0].astype(np.int64).tolist()), raw)
    s.execute(delete(MetricSample).where(MetricSample.ts_ms < before_s // 3600 * 3600 * 1000))


def _blocks_after(
    app: App, sealing: Callable[[Session], object], keep: bool
) -> dict[tuple[int, int, int], tuple[int, bytes]]:
    with app.db.engine.connect() as conn:
        s = Session(bind=conn)
        sealing(s)
        s.flush()
        out = {
            (sid, res, start): (points, bytes(data))
            for sid, res, start, points, data in s.execute(
                select(
                    MetricBlock.series_id,
                    MetricBlock.resolution,
                    MetricBlock.start,
                    MetricBlock.points,
                    MetricBlock.data,
                )
            )
        }
        conn.commit() if keep else conn.rollback()
    return out


def test_sealing_all_series_at_once_stores_what_sealing_each_stored(app: App) -> None:
    rng = np.random.default_rng(14)
    sids = _series(app, 40)
    odd = math.inf if app.db.is_sqlite else math.nan  # SQLite stores NaN as NULL: no such sample
    first = _hour(rng, sids, H0, odd)
    _insert(app, first)
    cut = H0 + 3600 + 90
    reference = _blocks_after(app, lambda s: _per_series(s, cut), keep=False)
    batched = _blocks_after(app, lambda s: seal(s, cut), keep=True)
    assert batched == reference
    assert len([k for k in batched if k[1] == RAW]) == len({r["series_id"] for r in first})
    # The next hour, plus late samples of the sealed one: one inside a sealed 5-minute bucket,
    # one repeating a sealed sample's time (the sealed one stays), one for the silent series.
    second = _hour(rng, sids, H0 + 3600, odd)
    late: list[dict[str, object]] = [
        {"series_id": sids[0], "ts_ms": (H0 + 125) * 1000, "value": 99.5},
        {"series_id": sids[5], "ts_ms": first[-1]["ts_ms"], "value": 12.0},
        {"series_id": sids[4], "ts_ms": (H0 + 3000) * 1000, "value": 3.25},
    ]
    late = [
        r for r in late if r["ts_ms"] not in {x["ts_ms"] for x in first if x["series_id"] == r["series_id"]}
    ]
    late.append({"series_id": sids[-1], "ts_ms": first[-1]["ts_ms"], "value": 12.0})  # sealed time again
    _insert(app, second + late)
    cut = H0 + 7200 + 90
    reference = _blocks_after(app, lambda s: _per_series(s, cut), keep=False)
    batched = _blocks_after(app, lambda s: seal(s, cut), keep=True)
    assert batched == reference
    # And what went in comes back: every sample of the first hour, NaN/inf included, to the unit's digits.
    units = dict(zip(sids, [UNITS[i % len(UNITS)] for i in range(len(sids))], strict=True))
    for sid in sids:
        sent = sorted((r["ts_ms"], r["value"]) for r in first if r["series_id"] == sid)
        if not sent:
            continue
        ts, (values,) = block_codec.decode(batched[(sid, RAW, H0)][1])
        got = dict(zip(ts.tolist(), values.tolist(), strict=True))
        for t, v in sent:
            if not math.isfinite(v):  # type: ignore[arg-type]
                assert got[t] == v or (math.isnan(got[t]) and math.isnan(v))  # type: ignore[arg-type]
            else:
                assert got[t] == pytest.approx(
                    v, abs=block_codec.precision(units[sid]) * (1 + 1e-9), rel=1e-12
                )
