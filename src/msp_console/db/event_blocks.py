"""Packs a check's state events of one month into one compact block, and back, column for column.

A past month's events are read rarely (a service report, an SLA dispute) and never change, so
they need not be rows: a row costs tens of bytes of header and index before any data. The block
is the events' columns — times (µs), kind, states, state type, attempt, notify, output template
id — encoded by ``block_codec`` (deltas of deltas, byte planes, zstd), followed by the outputs'
numbers as one zstd-compressed text with their lengths as a column. Decoding gives back every
column exactly.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class PackedEvent:
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


def encode(events: list[PackedEvent]) -> bytes:
    """``events`` in the order they are to come back (by time, then as recorded)."""
    args = [e.output_args.encode() for e in events]
    cols = [
        [_KINDS[e.kind] for e in events],
        [_STATES[e.state] for e in events],
        [_STATES[e.hard_state] for e in events],
        [_TYPES[e.state_type] for e in events],
        [_STATES[e.previous_state] for e in events],
        [_STATES[e.previous_hard_state] for e in events],
        [e.attempt for e in events],
        [int(e.notify) for e in events],
        [_NO_OUTPUT if e.output_id is None else e.output_id for e in events],
        [len(a) for a in args],
    ]
    ts = np.array([e.at_us for e in events], dtype=np.int64)
    columns = block_codec.encode(ts, [np.array(c, dtype=np.float64) for c in cols], [0] * len(cols))
    text = b"".join(args)
    return _HEAD.pack(FORMAT, len(columns)) + columns + (_compressor.compress(text) if text else b"")


def decode(blob: bytes) -> list[PackedEvent]:
    fmt, size = _HEAD.unpack_from(blob, 0)
    if fmt != FORMAT:
        raise ValueError(f"unknown state event block format {fmt}")
    start = _HEAD.size
    ts, cols = block_codec.decode(blob[start : start + size])
    rest = blob[start + size :]
    text = _decompressor.decompress(rest) if rest else b""
    kind, state, hard, stype, prev, prev_hard, attempt, notify, output, length = (
        c.astype(np.int64).tolist() for c in cols
    )
    ends = np.cumsum(length).tolist()
    out = []
    pos = 0
    for i, at in enumerate(ts.tolist()):
        out.append(
            PackedEvent(
                at,
                EVENT_KINDS[kind[i]],
                STATES[state[i]],
                STATES[hard[i]],
                STATE_TYPES[stype[i]],
                STATES[prev[i]],
                STATES[prev_hard[i]],
                attempt[i],
                bool(notify[i]),
                None if output[i] == _NO_OUTPUT else output[i],
                text[pos : ends[i]].decode(),
            )
        )
        pos = ends[i]
    return out
