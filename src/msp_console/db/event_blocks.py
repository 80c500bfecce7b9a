"""Packs a check's state events of one month into one compact block, and back, column for column.

A past month's events are read rarely (a service report, an SLA dispute) and never change, so
they need not be rows: a row costs tens of bytes of header and index before any data. The block
is the events' columns — times (µs), their codes (kind, states, state type, notify, attempt as one
integer), output template id — encoded by ``block_codec`` (deltas of deltas, byte planes, zstd),
followed by the outputs' numbers as one zstd-compressed text with their lengths as a column.
Decoding gives back every column exactly.
"""

from __future__ import annotations

import struct
from typing import NamedTuple

import numpy as np
import zstandard

from msp_console.db import block_codec
from msp_console.db.models.monitoring_history import EVENT_KINDS, STATE_TYPES, STATES

FORMAT = 1
_HEAD = struct.Struct("<BI")  # format, length of the columns' part
_NO_OUTPUT = -1  # an event without an output row
_compressor = zstandard.ZstdCompressor(level=9)
_decompressor = zstandard.ZstdDecompressor()
_KINDS = {v: i for i, v in enumerate(EVENT_KINDS)}
_STATES = {v: i for i, v in enumerate(STATES)}
_TYPES = {v: i for i, v in enumerate(STATE_TYPES)}
# One integer per event holds its codes (3 bits each: kind and the four states; 1 bit each: state
# type and notify) with the attempt above them: one column to decode instead of eight.
_ATTEMPT_SHIFT = 17


class PackedEvent(NamedTuple):
    """One state event as stored: the output is its template's id plus the numbers taken out."""

    at_us: int  # microseconds since 1970, UTC
    kind: str
    state: str
    hard_state: str
    state_type: str
    previous_state: str
    previous_hard_state: str
    attempt: int
    notify: bool
    output_id: int | None
    output_args: str


def _code(e: PackedEvent) -> int:
    low = (
        _KINDS[e.kind]
        | _STATES[e.state] << 3
        | _STATES[e.hard_state] << 6
        | _STATES[e.previous_state] << 9
        | _STATES[e.previous_hard_state] << 12
        | _TYPES[e.state_type] << 15
        | int(bool(e.notify)) << 16
    )
    return low | e.attempt << _ATTEMPT_SHIFT  # Python's shifts keep a negative attempt exact


def encode(events: list[PackedEvent]) -> bytes:
    """``events`` in the order they are to come back (by time, then as recorded)."""
    args = [e.output_args.encode() for e in events]
    cols = [
        [_code(e) for e in events],
        [_NO_OUTPUT if e.output_id is None else e.output_id for e in events],
        [len(a) for a in args],
    ]
    ts = np.array([e.at_us for e in events], dtype=np.int64)
    columns = block_codec.encode(ts, [np.array(c, dtype=np.float64) for c in cols], [0] * len(cols))
    text = b"".join(args)
    return _HEAD.pack(FORMAT, len(columns)) + columns + (_compressor.compress(text) if text else b"")


def _columns(blob: bytes) -> tuple[list[int], list[int], list[int], list[int], bytes]:
    fmt, size = _HEAD.unpack_from(blob, 0)
    if fmt != FORMAT:
        raise ValueError(f"unknown state event block format {fmt}")
    start = _HEAD.size
    ts, (code, output, length) = block_codec.decode(blob[start : start + size])
    rest = blob[start + size :]
    text = _decompressor.decompress(rest) if rest else b""
    return (
        ts.tolist(),
        code.astype(np.int64).tolist(),
        output.astype(np.int64).tolist(),
        length.astype(np.int64).tolist(),
        text,
    )


def decode(blob: bytes) -> list[PackedEvent]:
    ts, code, output, length, text = _columns(blob)
    if text.isascii():  # the usual case: slice the text itself, not each number's bytes
        raw: bytes | str = text.decode()
    else:
        raw = text
    args: list[str] = []
    pos = 0
    for n in length:
        part = raw[pos : pos + n]
        args.append(part if isinstance(part, str) else part.decode())
        pos += n
    kinds, states, types = EVENT_KINDS, STATES, STATE_TYPES
    return [
        PackedEvent(
            at,
            kinds[c & 7],
            states[c >> 3 & 7],
            states[c >> 6 & 7],
            types[c >> 15 & 1],
            states[c >> 9 & 7],
            states[c >> 12 & 7],
            c >> _ATTEMPT_SHIFT,
            bool(c >> 16 & 1),
            None if o == _NO_OUTPUT else o,
            a,
        )
        for at, c, o, a in zip(ts, code, output, args, strict=True)
    ]


def decode_hard_states(blob: bytes) -> list[tuple[int, str]]:
    """(time in µs, hard state) of each event: what availability figures need, without the texts."""
    fmt, size = _HEAD.unpack_from(blob, 0)
    if fmt != FORMAT:
        raise ValueError(f"unknown state event block format {fmt}")
    ts, (code, _o, _l) = block_codec.decode(blob[_HEAD.size : _HEAD.size + size])
    states = STATES
    return [
        (at, states[c >> 6 & 7]) for at, c in zip(ts.tolist(), code.astype(np.int64).tolist(), strict=True)
    ]
