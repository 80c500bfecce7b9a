"""``block_codec.encode`` for many blocks at once, byte for byte the same blocks.

Sealing an hour encodes two blocks per series (thousands an hour); one numpy call chain per
block costs more in per-call overhead than in work on its 12–600 points. Here the blocks of
equal length and column count are the rows of 2-D arrays: every step of the codec (scaling,
deltas, choosing the order, common step, zig-zag, width, byte planes) runs once per group, and
only the header packing and the zstd call stay per block.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from msp_console.db.block_codec import (
    _COL,
    _HEAD,
    _LIMIT,
    _RAW_FLOAT,
    FORMAT,
    _compressor,
    _decompressor,
    decode,
    encode,
)

Block = tuple[np.ndarray, Sequence[np.ndarray], Sequence[int]]  # ts, columns, digits per column
_WIDTH_AT = [np.uint64(2 ** (8 * k)) for k in range(1, 8)]  # a zig-zagged value this big needs k+1 bytes


_SPEC = np.dtype([("d", "u1"), ("order", "u1"), ("step", "<u4"), ("width", "u1")])  # _COL, packed
assert _SPEC.itemsize == _COL.size


def encode_many(blocks: Sequence[Block]) -> list[bytes]:
    """``[encode(*b) for b in blocks]``, computed per group of blocks of one shape.

    Within a group, the blocks whose columns came out equally wide are laid out side by side in
    one byte array (header, column specs, planes), so each block costs one zstd call.
    """
    out: list[bytes] = [b""] * len(blocks)
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (ts, cols, _d) in enumerate(blocks):
        groups[(len(ts), len(cols))].append(i)
    for (n, ncols), idx in groups.items():
        if n == 0:
            for i in idx:
                ts0, cols0, digits0 = blocks[i]
                out[i] = encode(ts0, list(cols0), list(digits0))
            continue
        rows = len(idx)
        ts = np.array([blocks[i][0] for i in idx], dtype=np.int64).reshape(rows, n)
        specs = np.zeros((rows, ncols + 1), dtype=_SPEC)
        planes = [_ints_rows(ts, specs[:, 0])]
        for c in range(ncols):
            values = np.array([blocks[i][1][c] for i in idx], dtype=np.float64).reshape(rows, n)
            specs["d"][:, c + 1] = [blocks[i][2][c] for i in idx]
            planes.append(_column_rows(values, specs[:, c + 1]))
        head = np.frombuffer(_HEAD.pack(FORMAT, n, ncols), dtype=np.uint8)
        spec_bytes = specs.view(np.uint8).reshape(rows, -1)
        widths, which = np.unique(specs["width"], axis=0, return_inverse=True)
        for k, wide in enumerate(widths.tolist()):
            members = np.flatnonzero(which.reshape(-1) == k)
            laid = np.concatenate(
                [
                    np.broadcast_to(head, (len(members), len(head))),
                    spec_bytes[members],
                    *(
                        plane[members, :w].reshape(len(members), -1)
                        for plane, w in zip(planes, wide, strict=True)
                    ),
                ],
                axis=1,
            )
            for row, m in zip(laid, members.tolist(), strict=True):
                out[idx[m]] = _compressor.compress(row.data)
    return out


def _column_rows(values: np.ndarray, spec: np.ndarray) -> np.ndarray:
    """The byte planes (rows, 8, n) of a value column; ``spec`` (its digits set) gets filled in.

    A row is scaled to integers at its digits, or kept as the float's bits when it does not scale.
    """
    scaled = values * np.array([10.0**d for d in spec["d"].tolist()])[:, None]
    with np.errstate(invalid="ignore"):
        fits = np.isfinite(scaled).all(axis=1) & (np.abs(scaled).max(axis=1) < _LIMIT)
    if fits.all():
        return _ints_rows(np.rint(scaled).astype(np.int64), spec)
    planes = np.zeros((len(values), 8, values.shape[1]), dtype=np.uint8)
    if fits.any():
        rows = np.flatnonzero(fits)
        part = spec[rows]
        planes[rows] = _ints_rows(np.rint(scaled[rows]).astype(np.int64), part)
        spec[rows] = part
    rows = np.flatnonzero(~fits)
    bits = values[rows].view(np.int64)
    prev = np.zeros_like(bits)
    prev[:, 1:] = bits[:, :-1]
    planes[rows] = _planes_of(_zigzag(bits ^ prev))
    spec["d"][rows], spec["order"][rows], spec["step"][rows], spec["width"][rows] = _RAW_FLOAT, 0, 1, 8
    return planes


def _zigzag(x: np.ndarray) -> np.ndarray:
    return ((x << 1) ^ (x >> 63)).view(np.uint64)


def _planes_of(z: np.ndarray) -> np.ndarray:
    """(rows, 8, n): per row, all first bytes, then all second bytes, … (little-endian values)."""
    return np.ascontiguousarray(z.view(np.uint8).reshape(len(z), -1, 8).transpose(0, 2, 1))


def _delta_rows(x: np.ndarray) -> np.ndarray:
    d = np.empty_like(x)
    d[:, 0] = x[:, 0]
    np.subtract(x[:, 1:], x[:, :-1], out=d[:, 1:])
    return d


def _ints_rows(ints: np.ndarray, spec: np.ndarray) -> np.ndarray:
    """``block_codec._planes`` of every row: the byte planes; order, step and width go to ``spec``."""
    rows, n = ints.shape
    d1 = _delta_rows(ints)
    d2 = _delta_rows(d1)
    c0, c1, c2 = (np.maximum(c.max(axis=1), -c.min(axis=1)) for c in (ints, d1, d2))
    order = np.zeros(rows, dtype=np.int64)
    cost = c0.copy()
    pick = c1 < cost
    order[pick], cost[pick] = 1, c1[pick]
    pick = c2 < cost  # c1 == 0 leaves nothing below it: as the scalar loop's early stop
    order[pick], cost[pick] = 2, c2[pick]
    best = np.where((order == 0)[:, None], ints, np.where((order == 1)[:, None], d1, d2))
    step = np.ones(rows, dtype=np.int64)
    if n > 2:
        wide = cost > 255
        if wide.any():
            gcd = np.gcd.reduce(best[:, 1:], axis=1)
            use = wide & (gcd > 1) & (gcd < 2**32)
            if use.any():
                best[use, 1:] //= gcd[use, None]
                step[use] = gcd[use]
    z = _zigzag(best)
    top = z.max(axis=1)
    spec["order"], spec["step"] = order, step
    spec["width"] = 1 + sum((top >= w).astype(np.int64) for w in _WIDTH_AT)
    return _planes_of(z)


def decode_many(blobs: Sequence[bytes]) -> list[tuple[np.ndarray, list[np.ndarray]]]:
    """``[decode(b) for b in blobs]``: blocks of one layout (length, columns, their widths) are
    stacked into one byte array and decoded together."""
    out: list[tuple[np.ndarray, list[np.ndarray]]] = [(np.empty(0, np.int64), [])] * len(blobs)
    groups: dict[tuple[int, int, bytes], list[tuple[int, bytes]]] = defaultdict(list)
    for i, blob in enumerate(blobs):
        raw = _decompressor.decompress(blob)
        fmt, n, ncols = _HEAD.unpack_from(raw, 0)
        if fmt != FORMAT or n == 0:
            out[i] = decode(blob)  # the scalar decoder's answer, or its error
            continue
        widths = raw[_HEAD.size + 6 : _HEAD.size + (ncols + 1) * _COL.size : _COL.size]
        groups[(n, ncols, widths)].append((i, raw))
    for (n, ncols, widths), members in groups.items():
        rows = len(members)
        laid = np.frombuffer(b"".join([raw for _i, raw in members]), dtype=np.uint8).reshape(rows, -1)
        specs = (
            laid[:, _HEAD.size : _HEAD.size + (ncols + 1) * _COL.size].copy().view(_SPEC)
        )  # (rows, ncols + 1)
        pos = _HEAD.size + (ncols + 1) * _COL.size
        columns = []
        for c, width in enumerate(widths):
            full = np.zeros((rows, n, 8), dtype=np.uint8)
            full[:, :, :width] = laid[:, pos : pos + n * width].reshape(rows, width, n).transpose(0, 2, 1)
            pos += n * width
            x = _unzigzag_rows(full.reshape(rows, n * 8).view(np.uint64))
            d, order, step = (specs[name][:, c].astype(np.int64) for name in ("d", "order", "step"))
            stepped = step > 1
            if stepped.any():
                x[stepped, 1:] *= step[stepped, None]
            for k in (1, 2):
                again = order >= k
                if again.any():
                    x[again] = np.cumsum(x[again], axis=1)
            if c == 0:
                columns.append(x)
                continue
            floats = d == _RAW_FLOAT
            values = np.empty((rows, n), dtype=np.float64)
            if floats.any():
                values[floats] = np.bitwise_xor.accumulate(x[floats], axis=1).view(np.float64)
            if not floats.all():
                scaled = ~floats
                values[scaled] = x[scaled] / np.array([10.0**v for v in d[scaled].tolist()])[:, None]
            columns.append(values)
        for r, (i, _raw) in enumerate(members):
            out[i] = (columns[0][r], [col[r] for col in columns[1:]])
    return out


def _unzigzag_rows(u: np.ndarray) -> np.ndarray:
    return (u >> np.uint64(1)).view(np.int64) ^ -(u & np.uint64(1)).view(np.int64)
