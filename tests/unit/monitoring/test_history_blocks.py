"""History blocks read back what went in, within each unit's stated precision, and stay small."""

from __future__ import annotations

import math

import numpy as np
import pytest

from msp_console.db import block_batch, block_codec
from msp_console.db.metric_blocks import rollup
from msp_console.db.models.monitoring_history import join_output, split_output

T0 = 1_796_000_000


@pytest.mark.parametrize(
    ("unit", "step"),
    [("%", 0.01), ("d", 0.01), ("ms", 0.01), ("s", 0.001), ("h", 0.001), ("", 0.001), ("B", 1), ("c", 1)],
)
def test_values_come_back_within_the_units_precision(unit: str, step: float) -> None:
    rng = np.random.default_rng(7)
    values = rng.uniform(0, 500, 600) * rng.choice([1, 1e6], 600)  # unrounded, small and large
    ts = (T0 + 60 * np.arange(600)) * 1000 + rng.integers(0, 900, 600)
    back_ts, (back,) = block_codec.decode(block_codec.encode(ts, [values], [block_codec.digits_for(unit)]))
    assert (back_ts == ts).all()
    assert np.abs(back - values).max() <= step / 2 * (1 + 1e-9)
    assert block_codec.precision(unit) == pytest.approx(step / 2)


def test_values_the_checks_already_rounded_come_back_bit_for_bit() -> None:
    rng = np.random.default_rng(3)
    disk = np.round(60 + np.cumsum(rng.normal(0, 0.01, 1440)), 2)  # ssh check: round(pct, 2)
    load = np.round(rng.gamma(1.2, 0.3, 1440), 3)  # round(load, 3)
    ts = (T0 + 60 * np.arange(1440)) * 1000
    _ts, (d, lo) = block_codec.decode(block_codec.encode(ts, [disk, load], [2, 3]))
    assert d.tolist() == disk.tolist() and lo.tolist() == load.tolist()


def test_values_that_do_not_scale_are_kept_as_floats() -> None:
    values = np.array([1e300, -math.inf, 0.1, math.nan, 2.5])
    ts = np.arange(5, dtype=np.int64)
    _ts, (back,) = block_codec.decode(block_codec.encode(ts, [values], [3]))
    assert np.array_equal(back, values, equal_nan=True)


def test_a_steady_series_costs_a_fraction_of_a_byte_per_point() -> None:
    ts = T0 + 300 * np.arange(288)
    disk = np.full(288, 71.35)
    blob = block_codec.encode(ts, [disk, disk, disk, np.full(288, 5.0)], [2, 2, 2, 0])
    assert len(blob) < 100  # 288 five-minute buckets × 4 columns


def test_rollups_are_average_min_max_and_count_per_bucket() -> None:
    ts = T0 // 300 * 300 + 60 * np.arange(10)
    starts, avg, lo, hi, n = rollup(ts, np.arange(10, dtype=np.float64), 300)
    assert starts.tolist() == [ts[0], ts[0] + 300]
    assert avg.tolist() == [2.0, 7.0] and lo.tolist() == [0, 5] and hi.tolist() == [4, 9]
    assert n.tolist() == [5, 5]


@pytest.mark.parametrize(
    "text",
    [
        "TCP 10.0.3.4:443 open in 1.2 ms",
        "no reply (3 of 3 packets lost)",
        "disk / 91.5 % used; load 0.42, mem 61 %",
        "HTTP 200 in 87 ms",
        "10.0.0.1:3389: connection refused (nothing listens on that port)",
        "CRITICAL - sda1=-3 x=4",
        "odd \x1f text 5 ms",
        "",
    ],
)
def test_an_output_comes_back_from_its_template_and_numbers(text: str) -> None:
    template, numbers = split_output(text)
    assert join_output(template, numbers) == text


def test_outputs_that_differ_by_their_measurements_share_a_template() -> None:
    a, b = split_output("TCP 10.0.3.4:443 open in 1.2 ms"), split_output("TCP 10.0.3.4:443 open in 17.0 ms")
    assert a[0] == b[0] and "10.0.3.4:443" in a[0]
    assert (a[1], b[1]) == ("1.2", "17.0")


def test_many_blocks_encoded_at_once_are_the_same_bytes_and_read_back_the_same() -> None:
    rng = np.random.default_rng(21)
    blocks = []
    for i in range(400):
        n = int(rng.choice([1, 2, 3, 12, 60, 288]))
        ts = (T0 + 60 * np.arange(n)) * 1000 + rng.integers(0, 900, n)
        cols = [rng.gamma(2.0, 3.0, n).round(i % 4) for _ in range(1 if i % 2 else 4)]
        if i % 7 == 1:
            cols[0][-1] = math.nan  # stored as float bits
        if i % 7 == 2:
            cols[-1] = cols[-1] * 1e17  # too large to scale
        if i % 7 == 3:
            cols[0] = np.round(rng.normal(0, 1e6, n)) * 1024  # a common step
        blocks.append((ts, cols, [i % 4] * len(cols)))
    batch = block_batch.encode_many(blocks)
    assert batch == [block_codec.encode(*b) for b in blocks]
    for one, many in zip((block_codec.decode(b) for b in batch), block_batch.decode_many(batch), strict=True):
        assert one[0].tolist() == many[0].tolist()
        assert [c.view(np.int64).tolist() for c in one[1]] == [c.view(np.int64).tolist() for c in many[1]]
