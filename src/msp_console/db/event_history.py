"""State events as one history: recent ones as rows, past months packed into blocks.

The writer inserts rows; the retention job (``pack_events``) packs each check's events of every
month before the previous calendar month (UTC) into one ``StateEventBlock``. So the machine view
(30 days) and last month's service report — made in the first days of the next month — read rows,
an event that arrives late for last month still lands in a row, and a block is written once,
when its month is packed. Readers get rows and blocks through the functions here, merged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, exists, func, insert, select, tuple_
from sqlalchemy.orm import Session

from msp_console.db import event_blocks
from msp_console.db.event_blocks import PackedEvent
from msp_console.db.models.monitoring import Check, StateEvent, StateEventBlock
from msp_console.db.models.monitoring_history import StateOutput, from_micros, join_output, micros

CHECK_BATCH = 50  # checks packed per round: at most 50 × 25 months × ~120 events in memory
PACK_EVENTS_PER_RUN = 50_000  # ≤ 1 s CPU: the job holds the write lock; a big backlog takes several runs


def month_start(t: datetime) -> datetime:
    t = t.astimezone(UTC)
    return datetime(t.year, t.month, 1, tzinfo=UTC)


def pack_cut(now: datetime) -> datetime:
    """Events before this are packed: the first day of the previous calendar month (UTC)."""
    this = month_start(now)
    return month_start(this - timedelta(days=1))


@dataclass(frozen=True, slots=True)
class PackReport:
    events: int  # rows packed (and deleted)
    blocks: int  # blocks written
    done: bool  # nothing older than the cut is left as rows


def pack_events(session: Session, now: datetime, *, limit: int | None = None) -> PackReport:
    """Packs the rows older than ``pack_cut(now)``, check by check, up to about ``limit`` rows
    (``PACK_EVENTS_PER_RUN``); ``done`` says whether any are left for the next run."""
    limit = PACK_EVENTS_PER_RUN if limit is None else limit
    cut = pack_cut(now)
    checks = list(
        session.scalars(
            select(Check.id)
            .where(exists().where(StateEvent.check_id == Check.id, StateEvent.at < cut))
            .order_by(Check.id)
        )
    )
    t = StateEvent.__table__
    cols = (
        t.c.check_id,
        t.c.at,
        t.c.kind,
        t.c.state,
        t.c.hard_state,
        t.c.state_type,
        t.c.previous_state,
        t.c.previous_hard_state,
        t.c.attempt,
        t.c.notify,
        t.c.output_id,
        t.c.output_args,
    )
    packed = blocks = 0
    for i in range(0, len(checks), CHECK_BATCH):
        batch = checks[i : i + CHECK_BATCH]
        groups: dict[tuple[int, int], list[PackedEvent]] = defaultdict(list)
        ids: list[int] = []
        for eid, cid, at, *rest in session.execute(
            select(t.c.id, *cols)
            .where(t.c.check_id.in_(batch), t.c.at < cut)
            .order_by(t.c.check_id, t.c.at, t.c.id)
        ):
            groups[(cid, int(month_start(at).timestamp()))].append(PackedEvent(micros(at), *rest))
            ids.append(eid)
        if not groups:
            continue
        old = {
            (b.check_id, b.start): event_blocks.decode(b.data)
            for b in session.scalars(
                select(StateEventBlock).where(
                    tuple_(StateEventBlock.check_id, StateEventBlock.start).in_(list(groups))
                )
            )
        }
        if old:
            session.execute(
                delete(StateEventBlock).where(
                    tuple_(StateEventBlock.check_id, StateEventBlock.start).in_(list(old))
                )
            )
        rows = []
        for (cid, start), events in groups.items():
            # Events already packed come first at the same microsecond: they were recorded first.
            merged = sorted([*old.get((cid, start), []), *events], key=lambda e: e.at_us)
            rows.append(block_row(cid, start, merged))
            packed += len(events)
        session.execute(insert(StateEventBlock), rows)
        blocks += len(rows)
        for j in range(0, len(ids), 1000):  # exactly the rows packed, whatever was added meanwhile
            session.execute(delete(StateEvent).where(StateEvent.id.in_(ids[j : j + 1000])))
        if packed >= limit and i + CHECK_BATCH < len(checks):
            return PackReport(packed, blocks, False)
    return PackReport(packed, blocks, True)


def block_row(check_id: int, start: int, events: list[PackedEvent]) -> dict[str, object]:
    """The ``state_event_block`` row of a check's month (``events`` in time order)."""
    return {
        "check_id": check_id,
        "start": start,
        "first_at": events[0].at_us,
        "events": len(events),
        "data": event_blocks.encode(events),
    }


def drop_expired_blocks(session: Session, cut: datetime) -> int:
    """Deletes the blocks whose whole month is before ``cut``."""
    result = session.execute(
        delete(StateEventBlock).where(
            StateEventBlock.check_id.in_(select(Check.id)),  # per check: the primary key serves it
            StateEventBlock.start < int(month_start(cut).timestamp()),
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _blocks(
    session: Session, check_ids: Sequence[int], since: datetime | None, until: datetime | None
) -> list[tuple[int, bytes]]:
    if not check_ids:
        return []
    q = select(StateEventBlock.check_id, StateEventBlock.data).where(StateEventBlock.check_id.in_(check_ids))
    if since is not None:
        q = q.where(StateEventBlock.start >= int(month_start(since).timestamp()))
    if until is not None:
        q = q.where(StateEventBlock.start <= int(until.timestamp()))
    return [
        (cid, data)
        for cid, data in session.execute(q.order_by(StateEventBlock.check_id, StateEventBlock.start))
    ]


def block_events(
    session: Session, check_ids: Sequence[int], since: datetime | None, until: datetime | None
) -> list[tuple[int, PackedEvent]]:
    """(check id, event) of the blocks that may hold events in [since, until], in time order per
    check; the caller filters the exact bounds it needs."""
    return [
        (cid, e) for cid, data in _blocks(session, check_ids, since, until) for e in event_blocks.decode(data)
    ]


def block_hard_states(
    session: Session, check_ids: Sequence[int], since: datetime | None, until: datetime | None
) -> list[tuple[int, int, str]]:
    """(check id, µs, hard state) of the same events as ``block_events``, without their texts."""
    return [
        (cid, at, state)
        for cid, data in _blocks(session, check_ids, since, until)
        for at, state in event_blocks.decode_hard_states(data)
    ]


def last_block_states(session: Session, check_ids: Sequence[int], at: datetime) -> dict[int, tuple[int, str]]:
    """Per check, (µs, hard state) of its last packed event at or before ``at`` (found in the
    newest block that starts by then)."""
    if not check_ids:
        return {}
    limit = micros(at)
    newest = (
        select(StateEventBlock.check_id, func.max(StateEventBlock.start).label("start"))
        .where(StateEventBlock.check_id.in_(check_ids), StateEventBlock.first_at <= limit)
        .group_by(StateEventBlock.check_id)
        .subquery()
    )
    out = {}
    for cid, data in session.execute(
        select(StateEventBlock.check_id, StateEventBlock.data).join(
            newest,
            (StateEventBlock.check_id == newest.c.check_id) & (StateEventBlock.start == newest.c.start),
        )
    ):
        before = [e for e in event_blocks.decode_hard_states(data) if e[0] <= limit]
        out[cid] = before[-1]  # first_at <= limit: there is one
    return out


def first_block_times(session: Session, check_ids: Sequence[int]) -> dict[int, datetime]:
    """Per check, the time of its first packed event."""
    if not check_ids:
        return {}
    return {
        cid: from_micros(first)
        for cid, first in session.execute(
            select(StateEventBlock.check_id, func.min(StateEventBlock.first_at))
            .where(StateEventBlock.check_id.in_(check_ids))
            .group_by(StateEventBlock.check_id)
        )
    }


def outputs(session: Session, events: Iterable[PackedEvent]) -> list[str]:
    """The output texts of packed events (templates read once each)."""
    events = list(events)
    ids = list({e.output_id for e in events if e.output_id is not None})
    texts: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        rows = session.execute(
            select(StateOutput.id, StateOutput.text).where(StateOutput.id.in_(ids[i : i + 500]))
        )
        texts.update({oid: text for oid, text in rows})
    return [
        "" if e.output_id is None else join_output(texts.get(e.output_id, ""), e.output_args) for e in events
    ]
