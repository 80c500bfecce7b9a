"""Converts an older database's monitoring history to blocks and compact state events.

Used by the ``0004a_history_blocks`` migration. Works in batches (state events by id, metric
rows by series) and logs its progress; each step first looks at what is already converted, so
an interrupted upgrade runs again and carries on. Nothing is dropped before it is copied.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.orm import Session

from msp_console.db.metric_blocks import seal
from msp_console.db.models.monitoring import MetricSeries, StateEvent
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


def convert_events(conn: Connection) -> int:
    """Copies the set-aside events (same ids) in batches, then drops the old table."""
    if not inspect(conn).has_table(OLD_EVENTS):
        return 0
    old = _old_events()
    new = StateEvent.metadata.tables["state_event"]
    last = int(conn.scalar(select(func.max(new.c.id))) or 0)
    total = int(conn.scalar(select(func.count()).where(old.c.id > last)) or 0)
    done, started = 0, time.monotonic()
    with Session(bind=conn) as session:
        while True:
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
            last = rows[-1].id
            done += len(rows)
            session.commit()
            log.info("state events: %d of %d converted (%.0f s)", done, total, time.monotonic() - started)
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('state_event', 'id'), COALESCE(MAX(id), 1))"
                " FROM state_event"
            )
        )
    conn.execute(text(f"DROP TABLE {OLD_EVENTS}"))
    return done


def now() -> datetime:
    """The conversion's clock (a test sets it to the time its history was written at)."""
    return datetime.now(UTC)


def convert_metrics(conn: Connection) -> int:
    """Seals every metric row but the open hour's into blocks, a batch of series at a time."""
    before = int(now().timestamp()) // 3600 * 3600
    sids = list(conn.scalars(select(MetricSeries.id).order_by(MetricSeries.id)))
    moved, started = 0, time.monotonic()
    with Session(bind=conn) as session:
        for i in range(0, len(sids), SERIES_BATCH):
            part = sids[i : i + SERIES_BATCH]
            report = seal(session, before, (part[0], part[-1]))
            session.commit()
            moved += report.samples + report.rollups
            log.info(
                "metric history: %d of %d series in blocks, %d rows moved (%.0f s)",
                i + len(part),
                len(sids),
                moved,
                time.monotonic() - started,
            )
    return moved
