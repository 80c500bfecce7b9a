"""Packs a series' points into one compact block: the layout of monitoring history on disk.

A block holds the timestamps and one or more value columns of one series (raw samples: one
column; roll-ups: avg, min, max, count). Each column becomes integers — values scaled to the
metric's decimal precision (see ``digits_for``), or the float's bits when a value does not fit —
then the smallest of the column, its deltas or its deltas of deltas, zig-zagged, split into byte
planes (all first bytes, then all second bytes, …), and the whole block is compressed with zstd.
Regular timestamps and slowly moving values collapse to almost nothing; noisy values cost about
the bits their noise carries at the stored precision.
"""

from __future__ import annotations

import struct

import numpy as np
import zstandard

FORMAT = 1
_RAW_FLOAT = 255  # a column stored as float64 bits (a value was not finite or too large to scale)
_LIMIT = float(2**52)
_HEAD = struct.Struct("<BIB")
_COL = struct.Struct("<BBIB")
_compressor = zstandard.ZstdCompressor(level=6)
_decompressor = zstandard.ZstdDecompressor()

# Decimal digits kept per unit: bytes and counters (Nagios "c") to 1; percentages, days and ms
# to 0.01; s to 1 ms, h to 3.6 s, unit-less values (load, counts, SNMP values) and any other unit
# to 0.001 — exact for the integers and the rounded values the checks produce.
UNIT_DIGITS = {"%": 2, "d": 2, "ms": 2, "B": 0, "c": 0}
DEFAULT_DIGITS = 3


def digits_for(unit: str) -> int:
    return UNIT_DIGITS.get(unit, DEFAULT_DIGITS)


def precision(unit: str) -> float:
    """The largest error a stored value can carry: half a step of the unit's last digit."""
    return 0.5 * 10.0 ** -digits_for(unit)


def _zigzag(x: np.ndarray) -> np.ndarray:
    return ((x << 1) ^ (x >> 63)).view(np.uint64)


def _unzigzag(u: np.ndarray) -> np.ndarray:
    return (u >> np.uint64(1)).view(np.int64) ^ -(u & np.uint64(1)).view(np.int64)


def _delta(x: np.ndarray) -> np.ndarray:
    d = np.empty_like(x)
    if len(x):
        d[0] = x[0]
        np.subtract(x[1:], x[:-1], out=d[1:])
    return d


def _planes(ints: np.ndarray) -> tuple[tuple[int, int, int, int], bytes]:
    """(column spec, byte planes) of the cheapest of the column, its deltas, its deltas of deltas."""
    best, order, cost = ints, 0, max(int(ints.max(initial=0)), -int(ints.min(initial=0)))
    d = ints
    for o in (1, 2):
        d = _delta(d)
        c = max(int(d.max(initial=0)), -int(d.min(initial=0)))
        if c < cost:
            best, order, cost = d, o, c
        if c == 0:
            break
    step = int(np.gcd.reduce(best[1:])) if len(best) > 2 and cost > 255 else 0  # df's 1 KiB blocks, …
    if 1 < step < 2**32:
        best = best.copy()
        best[1:] //= step
    else:
        step = 1
    z = _zigzag(best)
    width = max(1, (int(z.max(initial=0)).bit_length() + 7) // 8)
    return (0, order, step, width), z.view(np.uint8).reshape(-1, 8)[:, :width].T.tobytes()


def _unplanes(data: memoryview, n: int, order: int, step: int, width: int) -> np.ndarray:
    planes = np.frombuffer(data, dtype=np.uint8, count=n * width).reshape(width, n)
    full = np.zeros((n, 8), dtype=np.uint8)
    full[:, :width] = planes.T
    ints = _unzigzag(full.reshape(-1).view(np.uint64))
    if step > 1:
        ints[1:] *= step
    for _ in range(order):
        ints = np.cumsum(ints)
    return ints


def _scaled(values: np.ndarray, digits: int) -> np.ndarray | None:
    scaled = values * 10.0**digits
    if not np.isfinite(scaled).all() or np.abs(scaled).max(initial=0) >= _LIMIT:
        return None
    return np.rint(scaled).astype(np.int64)


def encode(ts: np.ndarray, columns: list[np.ndarray], digits: list[int]) -> bytes:
    """``ts``: int64 times, ascending; ``columns``: float64 arrays as long; ``digits`` per column."""
    n = len(ts)
    specs: list[tuple[int, int, int, int]] = []
    body: list[bytes] = []
    spec, planes = _planes(np.asarray(ts, dtype=np.int64))
    specs.append(spec)
    body.append(planes)
    scaled = [_scaled(np.asarray(v, dtype=np.float64), d) for v, d in zip(columns, digits, strict=True)]
    for ints, values, d in zip(scaled, columns, digits, strict=True):
        if ints is None:
            bits = np.asarray(values, dtype=np.float64).view(np.int64)
            bits = bits ^ np.concatenate((bits[:1] * 0, bits[:-1]))  # XOR with the previous value
            specs.append((_RAW_FLOAT, 0, 1, 8))
            body.append(_zigzag(bits).view(np.uint8).reshape(-1, 8).T.tobytes())
            continue
        spec, planes = _planes(ints)
        specs.append((d, *spec[1:]))
        body.append(planes)
    head = _HEAD.pack(FORMAT, n, len(columns))
    return _compressor.compress(head + b"".join(_COL.pack(*s) for s in specs) + b"".join(body))


def decode(blob: bytes) -> tuple[np.ndarray, list[np.ndarray]]:
    """(times, columns) as ``encode`` was given them, values to their digits."""
    raw = memoryview(_decompressor.decompress(blob))
    fmt, n, ncols = _HEAD.unpack_from(raw, 0)
    if fmt != FORMAT:
        raise ValueError(f"unknown history block format {fmt}")
    pos = _HEAD.size
    specs = [_COL.unpack_from(raw, pos + i * _COL.size) for i in range(ncols + 1)]
    pos += (ncols + 1) * _COL.size
    ints: list[np.ndarray] = []
    for d, order, step, width in specs:
        if d == _RAW_FLOAT:
            planes = np.frombuffer(raw[pos:], dtype=np.uint8, count=n * 8).reshape(8, n)
            ints.append(_unzigzag(np.ascontiguousarray(planes.T).reshape(-1).view(np.uint64)))
        else:
            ints.append(_unplanes(raw[pos:], n, order, step, width))
        pos += n * width
    cols = []
    for (d, _o, _s, _w), x in zip(specs[1:], ints[1:], strict=True):
        cols.append(np.bitwise_xor.accumulate(x).view(np.float64) if d == _RAW_FLOAT else x / 10.0**d)
    return ints[0], cols
