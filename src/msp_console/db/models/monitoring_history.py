"""Compact storage of monitoring history: metric blocks, distinct check outputs, column codes.

A year of 1,000 machines × 10 checks a minute is hundreds of millions of points and tens of
millions of state events; one row per point or an output text per event would need tens of GiB.
Points are packed per series into compressed blocks (``monitoring.block_codec``); a state event
is a row of small integers pointing at its output text, stored once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    Text,
    insert,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.types import TypeDecorator

from msp_console.db.base import Base

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)


def micros(t: datetime) -> int:
    """An aware time as integer microseconds since 1970 (how event times are stored)."""
    return (t - _EPOCH) // _US


def from_micros(us: int) -> datetime:
    return _EPOCH + timedelta(microseconds=us)


# The stored number of each text; append only (the numbers are in every database).
STATES = ("OK", "WARNING", "CRITICAL", "UNKNOWN", "UNREACHABLE", "PENDING")
STATE_TYPES = ("soft", "hard")
EVENT_KINDS = ("soft_change", "hard_change", "flapping_start", "flapping_stop", "ack_cleared")

RAW, FIVE_MIN, HOURLY = 0, 1, 2  # MetricBlock.resolution
BLOCK_SPAN_S = {RAW: 3600, FIVE_MIN: 2 * 86400, HOURLY: 28 * 86400}  # bigger: smaller, see PERFORMANCE.md
STEP_S = {FIVE_MIN: 300, HOURLY: 3600}


class EpochMicros(TypeDecorator[datetime]):
    """An aware datetime stored as integer microseconds since 1970 (8 bytes, any database)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return micros(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else from_micros(int(value))


class Code(TypeDecorator[str]):
    """One of a fixed list of texts, stored as its position (a byte on SQLite, 2 on PostgreSQL)."""

    impl = SmallInteger
    cache_ok = True

    def __init__(self, values: tuple[str, ...]):
        super().__init__()
        self.values = values
        self._codes = {v: i for i, v in enumerate(values)}

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        code = self._codes.get(str(value))
        if code is None:
            raise ValueError(f"'{value}' is not one of {', '.join(self.values)}")
        return code

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.values[int(value)]


def output_digest(text: str) -> int:
    """64 bits of BLAKE2b, as a signed integer (the key an output text is found by)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


class StateOutput(Base):
    """Each distinct check output text once; state events point at it."""

    __tablename__ = "state_output"

    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[int | None] = mapped_column(BigInteger, unique=True)  # NULL: a clash (never seen)
    text: Mapped[str] = mapped_column(Text)


SERIES_INDEX = "ix_metric_block_series"


class MetricBlock(Base):
    """The points of one series over one span (``BLOCK_SPAN_S``), packed by ``block_codec``.

    Raw samples: one block per series per hour; 5-minute roll-ups: per 2 days (the open span's as
    4-hour pieces, ``start`` the piece's, until the span ends); hourly: per 4 weeks.
    """

    __tablename__ = "metric_block"
    __table_args__ = (
        Index(SERIES_INDEX, "series_id", "resolution", "start", unique=True),
        Index("ix_metric_block_resolution_start", "resolution", "start"),  # retention
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("metric_series.id", ondelete="CASCADE"))
    resolution: Mapped[int] = mapped_column(SmallInteger)
    start: Mapped[int] = mapped_column(BigInteger)  # epoch seconds, a multiple of the span
    points: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


OUTPUT_MAX = 4000
ARG = "\x1f"  # where a number was taken out of an output text
# A number standing alone (a measurement: "open in 1.2 ms", "(3 of 3 packets lost)", "91.5 %"),
# not part of an address or a name ("10.0.0.5:443", "sda1").
_NUMBER = re.compile(r"(?<=[ (=])-?\d+(?:\.\d+)?(?=[ )%,;]|$)")


def split_output(text: str) -> tuple[str, str]:
    """(template, numbers): outputs differ mostly by their measurements, templates repeat."""
    text = text[:OUTPUT_MAX]
    if ARG in text:
        return text, ""
    numbers = _NUMBER.findall(text)
    if not numbers:
        return text, ""
    return _NUMBER.sub(ARG, text), " ".join(numbers)


def join_output(template: str, numbers: str | None) -> str:
    if not numbers:
        return template
    parts = template.split(ARG)
    values = numbers.split(" ")
    return "".join(p + (values[i] if i < len(values) else "") for i, p in enumerate(parts))


def output_ids(session: Session, texts: Iterable[str]) -> dict[str, int]:
    """The ``state_output`` id of each text, adding the texts not stored yet (safe under races)."""
    wanted = {t[:OUTPUT_MAX]: output_digest(t[:OUTPUT_MAX]) for t in texts}
    found: dict[str, int] = {}
    for _ in range(2):
        missing = {t: d for t, d in wanted.items() if t not in found}
        if not missing:
            break
        digests = list(set(missing.values()))
        for i in range(0, len(digests), 500):
            rows = session.execute(
                select(StateOutput.id, StateOutput.digest, StateOutput.text).where(
                    StateOutput.digest.in_(digests[i : i + 500])
                )
            )
            by_digest = {d: (oid, text) for oid, d, text in rows}
            for t, d in missing.items():
                hit = by_digest.get(d)
                if hit is not None and hit[1] == t:
                    found[t] = hit[0]
        missing = {t: d for t, d in wanted.items() if t not in found}
        if missing:
            dialect = session.get_bind().dialect.name
            ins = (pg_insert if dialect == "postgresql" else sqlite_insert)(StateOutput)
            session.execute(
                ins.on_conflict_do_nothing(index_elements=["digest"]),
                [{"digest": d, "text": t} for t, d in missing.items()],
            )
    for t in [t for t in wanted if t not in found]:  # a 64-bit digest clash: stored without one
        found[t] = int(
            session.scalar(insert(StateOutput).values(digest=None, text=t).returning(StateOutput.id)) or 0
        )
    return found


def with_outputs(session: Session, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """State event rows for a bulk insert: each ``output`` text becomes its template's id + numbers."""
    parts = [split_output(e["output"]) for e in events]
    ids = output_ids(session, [template for template, _n in parts])
    return [
        {**{k: v for k, v in e.items() if k != "output"}, "output_id": ids[template], "output_args": numbers}
        for e, (template, numbers) in zip(events, parts, strict=True)
    ]
