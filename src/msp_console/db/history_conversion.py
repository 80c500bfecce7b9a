"""Converts an older database's monitoring history to blocks and compact state events.

Used by the ``0004a_history_blocks`` migration. Works in batches (state events by id, metric
rows by series), each batch its own committed transaction when the upgrade allows it
(``committed_batches``), and reports each batch's progress; each step first looks at what is
already converted, so an upgrade interrupted even by a crash or a kill runs again and carries on
from the last committed batch. Nothing is dropped before it is copied.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    exists,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.orm import Session

from msp_console.db.metric_blocks import seal
from msp_console.db.models.monitoring import (
    MetricRollup1h,
    MetricRollup5m,
    MetricSample,
    MetricSeries,
    StateEvent,
)
from msp_console.db.models.monitoring_history import (
    EVENT_KINDS,
    MetricBlock,
    StateOutput,
    output_ids,
    split_output,
)

log = logging.getLogger(__name__)
EVENT_BATCH = 20_000
SERIES_BATCH = 200
OLD_EVENTS = "state_event_old"

Batch = Callable[[], AbstractContextManager[Session]]


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a conversion step stands after a committed batch (``already``: done by an earlier,
    interrupted upgrade before this one started)."""

    what: str  # "state events" or "metric series"
    done: int
    total: int
    already: int
    seconds: float
    rows_moved: int = 0  # metric rows sealed into blocks by this run

    def __str__(self) -> str:
        text = f"converting history: {self.done:,} of {self.total:,} {self.what}"
        if self.rows_moved:
            text += f" ({self.rows_moved:,} rows into blocks)"
        if self.already:
            text += f", {self.already:,} of them converted before an interruption"
        return f"{text} ({self.seconds:.0f} s)"


Report = Callable[[Progress], None]


def committed_batches(engine: Engine) -> Batch:
    """Each batch on its own connection and transaction, committed when the batch ends: what an
    interrupted upgrade has done stays done."""

    @contextmanager
    def batch() -> Iterator[Session]:
        with Session(engine) as session, session.begin():
            yield session

    return batch


def joined_batches(conn: Connection) -> Batch:
    """Batches inside the caller's transaction (an upgrade run in one transaction: all or nothing)."""

    @contextmanager
    def batch() -> Iterator[Session]:
        with Session(bind=conn) as session:
            yield session
            session.commit()  # joins the caller's transaction: only flushes

    return batch


def _report(progress: Report | None, step: Progress) -> None:
    log.info("%s", step)
    if progress is not None:
        progress(step)


def create_history_tables(conn: Connection) -> None:
    """The new tables; the old event table is set aside as ``state_event_old`` until copied."""
    insp = inspect(conn)
    for model in (StateOutput, MetricBlock):
        if not insp.has_table(model.__tablename__):
            model.metadata.tables[model.__tablename__].create(conn)
    columns = {c["name"] for c in insp.get_columns("state_event")}
    if "output" in columns and not insp.has_table(OLD_EVENTS):
        conn.execute(text("DROP INDEX IF EXISTS ix_state_event_at"))
        conn.execute(text("DROP INDEX IF EXISTS ix_state_event_check_id"))
        conn.execute(text(f"ALTER TABLE state_event RENAME TO {OLD_EVENTS}"))
        if conn.dialect.name == "postgresql":  # index-backed names are schema-wide there
            conn.execute(
                text(f"ALTER TABLE {OLD_EVENTS} RENAME CONSTRAINT pk_state_event TO pk_{OLD_EVENTS}")
            )
    if not inspect(conn).has_table("state_event"):
        StateEvent.metadata.tables["state_event"].create(conn)


def _old_events() -> Table:
    return Table(
        OLD_EVENTS,
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("check_id", Integer),
        Column("at", DateTime(timezone=True)),
        Column("kind", String),
        Column("state", String),
        Column("hard_state", String),
        Column("state_type", String),
        Column("previous_state", String),
        Column("previous_hard_state", String),
        Column("attempt", Integer),
        Column("output", Text),
        Column("notify", Boolean),
    )


def convert_events(batch: Batch, progress: Report | None = None) -> int:
    """Copies the set-aside events (same ids) in batches, then drops the old table."""
    old = _old_events()
    new = StateEvent.metadata.tables["state_event"]
    with batch() as session:
        if not inspect(session.connection()).has_table(OLD_EVENTS):
            return 0
        last = int(session.scalar(select(func.max(new.c.id))) or 0)
        total = int(session.scalar(select(func.count()).select_from(old)) or 0)
        already = int(session.scalar(select(func.count()).where(old.c.id <= last)) or 0)
    done, started = already, time.monotonic()
    while True:
        with batch() as session:
            conn = session.connection()
            last = int(conn.scalar(select(func.max(new.c.id))) or 0)  # what is committed, not what we think
            rows = conn.execute(
                select(old).where(old.c.id > last).order_by(old.c.id).limit(EVENT_BATCH)
            ).all()
            if not rows:
                break
            parts = [split_output(r.output or "") for r in rows]
            ids = output_ids(session, [t for t, _n in parts])
            conn.execute(
                insert(new),
                [
                    {
                        "id": r.id,
                        "check_id": r.check_id,
                        "at": r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC),
                        "kind": r.kind if r.kind in EVENT_KINDS else "hard_change",
                        "state": r.state,
                        "hard_state": r.hard_state,
                        "state_type": r.state_type.lower(),
                        "previous_state": r.previous_state,
                        "previous_hard_state": r.previous_hard_state,
                        "attempt": r.attempt,
                        "output_id": ids[template],
                        "output_args": numbers,
                        "notify": bool(r.notify),
                    }
                    for r, (template, numbers) in zip(rows, parts, strict=True)
                ],
            )
        done += len(rows)
        _report(progress, Progress("state events", done, total, already, time.monotonic() - started))
    with batch() as session:
        conn = session.connection()
        if conn.dialect.name == "postgresql":
            conn.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('state_event', 'id'), COALESCE(MAX(id), 1))"
                    " FROM state_event"
                )
            )
        conn.execute(text(f"DROP TABLE {OLD_EVENTS}"))
    return done - already


def now() -> datetime:
    """The conversion's clock (a test sets it to the time its history was written at)."""
    return datetime.now(UTC)


def _unsealed_series(session: Session, cut_ms: int) -> list[int]:
    """Series with rows still to seal: index probes per series, no scan of the big tables."""
    sid = MetricSeries.id
    return list(
        session.scalars(
            select(sid)
            .where(
                exists().where(MetricRollup5m.series_id == sid)
                | exists().where(MetricRollup1h.series_id == sid)
                | exists().where(MetricSample.series_id == sid, MetricSample.ts_ms < cut_ms)
            )
            .order_by(sid)
        )
    )


def convert_metrics(batch: Batch, progress: Report | None = None) -> int:
    """Seals every metric row but the open hour's into blocks, a batch of series at a time."""
    before = int(now().timestamp()) // 3600 * 3600
    with batch() as session:
        pending = _unsealed_series(session, before * 1000)
        sid = MetricSeries.id
        sealed = set(session.scalars(select(sid).where(exists().where(MetricBlock.series_id == sid))))
    already = len(sealed - set(pending))  # sealed by an earlier, interrupted run
    total = already + len(pending)
    moved, started = 0, time.monotonic()
    for i in range(0, len(pending), SERIES_BATCH):
        part = pending[i : i + SERIES_BATCH]
        with batch() as session:
            report = seal(session, before, (part[0], part[-1]))
        moved += report.samples + report.rollups
        step = Progress(
            "metric series", already + i + len(part), total, already, time.monotonic() - started, moved
        )
        _report(progress, step)
    return moved
