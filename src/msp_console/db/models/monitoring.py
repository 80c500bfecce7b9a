"""Monitoring: configured checks, their current status, the state-change log, acks,
maintenance windows, poller leases (team mode) and metric samples with roll-ups.

Metric tables store time as integer epoch (ms for raw samples, s for roll-up buckets): they
are by far the biggest tables, and integers are compact and bucket the same way on SQLite
and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    event,
    exists,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from msp_console.db.base import Base, UTCDateTime, utcnow
from msp_console.db.client_history import register_history_probe
from msp_console.db.models.machine import Machine
from msp_console.db.models.monitoring_history import (
    EVENT_KINDS,
    OUTPUT_MAX,
    STATE_TYPES,
    STATES,
    Code,
    EpochMicros,
    StateOutput,
    join_output,
    output_ids,
    split_output,
)


class Check(Base):
    __tablename__ = "check"
    __table_args__ = (UniqueConstraint("machine_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    machine_id: Mapped[int] = mapped_column(ForeignKey("machine.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    warn: Mapped[str] = mapped_column(String(100), default="")
    crit: Mapped[str] = mapped_column(String(100), default="")
    interval_s: Mapped[int] = mapped_column(Integer, default=60)
    retry_interval_s: Mapped[int] = mapped_column(Integer, default=20)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)
    timeout_s: Mapped[float] = mapped_column(Float, default=10.0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    credential_ref: Mapped[str] = mapped_column(String(200), default="")  # keyring reference only
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CheckStatus(Base):
    """The current state of one check (one row per check that has run at least once)."""

    __tablename__ = "check_status"

    check_id: Mapped[int] = mapped_column(ForeignKey("check.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[str] = mapped_column(String(12), default="PENDING")
    hard_state: Mapped[str] = mapped_column(String(12), default="PENDING")
    state_type: Mapped[str] = mapped_column(String(4), default="hard")
    attempt: Mapped[int] = mapped_column(Integer, default=0)
    output: Mapped[str] = mapped_column(Text, default="")
    duration_ms: Mapped[float] = mapped_column(Float, default=0.0)
    last_run: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    next_run: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_change: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_hard_change: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    history: Mapped[str] = mapped_column(String(300), default="")  # last results, for flapping
    flapping: Mapped[bool] = mapped_column(Boolean, default=False)
    acked: Mapped[bool] = mapped_column(Boolean, default=False)
    ack_comment: Mapped[str] = mapped_column(Text, default="")
    ack_sticky: Mapped[bool] = mapped_column(Boolean, default=False)
    ack_author: Mapped[str] = mapped_column(String(100), default="")


class StateEvent(Base):
    """One change of a check's state; tens of bytes: codes, integer time, a shared output template."""

    __tablename__ = "state_event"
    # SQLite: one (check, time) index. PostgreSQL: a row costs 28 bytes of header there, and a
    # (check, time) B-tree as much again; a check-id B-tree (deduplicated: ~7 bytes an event)
    # with a BRIN range index on time (events arrive in time order) serves the same queries.
    __table_args__ = (
        Index("ix_state_event_check_id_at", "check_id", "at").ddl_if(dialect="sqlite"),
        Index("ix_state_event_check_id", "check_id").ddl_if(dialect="postgresql"),
        Index("ix_state_event_at_brin", "at", postgresql_using="brin").ddl_if(dialect="postgresql"),
    )

    # Column order packs the row (PostgreSQL aligns each column; no NULLs: no null bitmap).
    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("check.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(EpochMicros)
    output_id: Mapped[int | None] = mapped_column(ForeignKey("state_output.id"), default=None)
    kind: Mapped[str] = mapped_column(Code(EVENT_KINDS))
    state: Mapped[str] = mapped_column(Code(STATES))
    hard_state: Mapped[str] = mapped_column(Code(STATES))
    state_type: Mapped[str] = mapped_column(Code(STATE_TYPES))
    previous_state: Mapped[str] = mapped_column(Code(STATES))
    previous_hard_state: Mapped[str] = mapped_column(Code(STATES))
    attempt: Mapped[int] = mapped_column(SmallInteger)
    notify: Mapped[bool] = mapped_column(Boolean, default=False)
    output_args: Mapped[str] = mapped_column(Text, default="")  # the output's numbers
    output_row: Mapped[StateOutput | None] = relationship(lazy="joined")

    @property
    def output(self) -> str:
        """The check's output text at the change (stored once for all events that share it)."""
        pending = self.__dict__.get("_pending_output")
        if pending is not None:
            return str(pending)
        if self.output_row is None:
            return ""
        return join_output(self.output_row.text, self.output_args)

    @output.setter
    def output(self, text: str) -> None:
        self.__dict__["_pending_output"] = text[:OUTPUT_MAX]


class StateEventBlock(Base):
    """A check's state events of one past month (UTC), packed by ``db.event_blocks``.

    Events stay rows while they are recent (``db.event_history.PACK_AFTER``); older months are
    one of these each, read through ``db.event_history``. ``first_at`` lets a reader find the
    block holding the last event before a time without decoding the others.
    """

    __tablename__ = "state_event_block"
    __table_args__ = {"sqlite_with_rowid": False}

    check_id: Mapped[int] = mapped_column(ForeignKey("check.id", ondelete="CASCADE"), primary_key=True)
    start: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # epoch s: the month's 1st, 00:00 UTC
    first_at: Mapped[int] = mapped_column(BigInteger)  # its first event, µs since 1970
    events: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


@event.listens_for(Session, "before_flush")
def _store_outputs(session: Session, _context: object, _instances: object) -> None:
    """New or edited events get their output's row (found by digest, or added)."""
    pending = [e for e in session.new | session.dirty if isinstance(e, StateEvent)]
    for e in pending:
        if e in session.new and e.output_id is None and e.__dict__.get("_pending_output") is None:
            e.__dict__["_pending_output"] = ""  # every event points at a text, if only ""
    pending = [e for e in pending if e.__dict__.get("_pending_output") is not None]
    if not pending:
        return
    parts = {e: split_output(e.__dict__.pop("_pending_output")) for e in pending}
    ids = output_ids(session, [template for template, _n in parts.values()])
    for e, (template, numbers) in parts.items():
        e.output_id, e.output_args = ids[template], numbers
        e.output_row = session.get(StateOutput, e.output_id)


class Acknowledgement(Base):
    """Who acknowledged what and why (kept after the ack ends, as history)."""

    __tablename__ = "acknowledgement"

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("check.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(100), default="")
    comment: Mapped[str] = mapped_column(Text)
    sticky: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(12))


class MaintenanceWindow(Base):
    """On one machine, or (machine_id NULL) on a whole client; ``rrule`` makes it recurring."""

    __tablename__ = "maintenance_window"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    machine_id: Mapped[int | None] = mapped_column(
        ForeignKey("machine.id", ondelete="CASCADE"), index=True, default=None
    )
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    rrule: Mapped[str] = mapped_column(String(300), default="")
    comment: Mapped[str] = mapped_column(Text, default="")


class PollLease(Base):
    """Team mode: which poller checks a machine, until when (renewed while the poller lives)."""

    __tablename__ = "poll_lease"

    machine_id: Mapped[int] = mapped_column(ForeignKey("machine.id", ondelete="CASCADE"), primary_key=True)
    owner: Mapped[str] = mapped_column(String(100), default="", index=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class PollerNode(Base):
    """Team mode: the live pollers (heartbeat), so each takes a fair share of the machines."""

    __tablename__ = "poller_node"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    heartbeat: Mapped[datetime] = mapped_column(UTCDateTime)


class MetricSeries(Base):
    __tablename__ = "metric_series"
    __table_args__ = (UniqueConstraint("check_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("check.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(20), default="")


class MetricSample(Base):
    """Raw samples, kept 48 hours."""

    __tablename__ = "metric_sample"
    __table_args__ = {"sqlite_with_rowid": False}

    series_id: Mapped[int] = mapped_column(
        ForeignKey("metric_series.id", ondelete="CASCADE"), primary_key=True
    )
    ts_ms: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    value: Mapped[float] = mapped_column(Float)


class _Rollup:
    series_id: Mapped[int] = mapped_column(
        ForeignKey("metric_series.id", ondelete="CASCADE"), primary_key=True
    )
    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # epoch seconds of the start
    avg: Mapped[float] = mapped_column(Float)
    min: Mapped[float] = mapped_column(Float)
    max: Mapped[float] = mapped_column(Float)
    count: Mapped[int] = mapped_column(Integer)


class MetricRollup5m(_Rollup, Base):
    """5-minute roll-ups, kept 30 days."""

    __tablename__ = "metric_rollup_5m"
    __table_args__ = {"sqlite_with_rowid": False}


class MetricRollup1h(_Rollup, Base):
    """Hourly roll-ups, kept 13 months."""

    __tablename__ = "metric_rollup_1h"
    __table_args__ = {"sqlite_with_rowid": False}


def _client_has_monitoring_history(session: Session, client_id: int) -> bool:
    """State events (rows or packed blocks) prove what was seen and when: archived, not deleted."""
    return any(
        session.scalar(
            select(
                exists().where(
                    model.check_id == Check.id,
                    Check.machine_id == Machine.id,
                    Machine.client_id == client_id,
                )
            )
        )
        for model in (StateEvent, StateEventBlock)
    )


register_history_probe(_client_has_monitoring_history)
