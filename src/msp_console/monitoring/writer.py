"""One writer thread persists results in batches: current status, state events, metric samples.

Workers never touch the database; they put frozen ``Processed`` values on a queue. On
PostgreSQL each committed batch also sends ``NOTIFY msp_check_results`` with the check ids,
so consoles learn of new results without polling (see ``team.ResultListener``).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from msp_console.db.models import Check, MetricSample, MetricSeries
from msp_console.db.models import CheckStatus as StatusRow
from msp_console.db.models import StateEvent as EventRow
from msp_console.db.models.monitoring_history import output_ids, split_output
from msp_console.domain.monitoring_state import CheckStatus, EventKind, StateEvent
from msp_console.monitoring.disk_guard import HeldResults
from msp_console.monitoring.model import CheckResult
from msp_console.monitoring.store import status_values
from msp_console.services.database import Database

log = logging.getLogger(__name__)
NOTIFY_CHANNEL = "msp_check_results"


@dataclass(frozen=True, slots=True)
class Processed:
    """A result with the status the state machine derived from it."""

    result: CheckResult
    status: CheckStatus
    events: tuple[StateEvent, ...] = ()
    notify: bool = False


def persist(session: Session, batch: Sequence[Processed]) -> list[int]:
    """Writes a batch in the caller's transaction; skips checks deleted meanwhile. Returns ids."""
    latest: dict[int, Processed] = {}
    for p in batch:
        latest[p.result.check_id] = p  # several runs of one check in a batch: the last is current
    ids = list(latest)
    alive = set(session.scalars(select(Check.id).where(Check.id.in_(ids))))
    rows = {r.check_id: r for r in session.scalars(select(StatusRow).where(StatusRow.check_id.in_(alive)))}
    ack_cleared = {p.result.check_id for p in batch for e in p.events if e.kind is EventKind.ACK_CLEARED}
    for cid in alive:
        p = latest[cid]
        row = rows.get(cid)
        if row is None:
            row = StatusRow(check_id=cid, acked=False, ack_comment="", ack_sticky=False, ack_author="")
            session.add(row)
        for key, value in status_values(p.status, p.result.outcome.duration_ms).items():
            setattr(row, key, value)
        if row.acked and cid in ack_cleared:
            row.acked, row.ack_comment, row.ack_author = False, "", ""
    parts = {e.output: split_output(e.output) for p in batch if p.result.check_id in alive for e in p.events}
    outputs = output_ids(session, [t for t, _n in parts.values()]) if parts else {}
    events = [
        {
            "check_id": p.result.check_id,
            "at": e.at,
            "kind": e.kind.value,
            "state": e.state.value,
            "hard_state": e.hard_state.value,
            "state_type": e.state_type.value,
            "previous_state": e.previous_state.value,
            "previous_hard_state": e.previous_hard_state.value,
            "attempt": e.attempt,
            "output_id": outputs[parts[e.output][0]],
            "output_args": parts[e.output][1],
            "notify": p.notify and e.kind is EventKind.HARD_CHANGE,
        }
        for p in batch
        if p.result.check_id in alive
        for e in p.events
    ]
    if events:
        session.execute(insert(EventRow), events)
    _write_metrics(session, [p for p in batch if p.result.check_id in alive])
    if session.bind is not None and session.bind.dialect.name == "postgresql" and alive:
        for i in range(0, len(ids), 1000):
            payload = ",".join(str(c) for c in ids[i : i + 1000] if c in alive)
            session.execute(text("SELECT pg_notify(:ch, :p)"), {"ch": NOTIFY_CHANNEL, "p": payload})
    return sorted(alive)


def _write_metrics(session: Session, batch: Sequence[Processed]) -> None:
    wanted = {(p.result.check_id, m.name[:200]): m.unit for p in batch for m in p.result.outcome.metrics}
    if not wanted:
        return
    check_ids = {c for c, _n in wanted}
    series = {
        (s.check_id, s.name): s.id
        for s in session.scalars(select(MetricSeries).where(MetricSeries.check_id.in_(check_ids)))
    }
    new = [{"check_id": c, "name": n, "unit": u[:20]} for (c, n), u in wanted.items() if (c, n) not in series]
    if new:
        session.execute(insert(MetricSeries), new)
        series = {
            (s.check_id, s.name): s.id
            for s in session.scalars(select(MetricSeries).where(MetricSeries.check_id.in_(check_ids)))
        }
    samples: dict[tuple[int, int], float] = {}
    for p in batch:
        ts = int(p.result.at.timestamp() * 1000)
        for m in p.result.outcome.metrics:
            samples[(series[(p.result.check_id, m.name[:200])], ts)] = float(m.value)
    existing: set[tuple[int, int]] = set()
    if samples:  # a re-sent batch must not fail on the primary key
        lo = min(ts for _s, ts in samples)
        existing = {
            (int(a), int(b))
            for a, b in session.execute(
                select(MetricSample.series_id, MetricSample.ts_ms).where(
                    MetricSample.ts_ms >= lo, MetricSample.series_id.in_({s for s, _t in samples})
                )
            )
        }
    rows = [
        {"series_id": s, "ts_ms": t, "value": v} for (s, t), v in samples.items() if (s, t) not in existing
    ]
    if rows:
        session.execute(insert(MetricSample), rows)


class ResultWriter:
    """A thread that drains the queue and writes a batch per transaction."""

    def __init__(self, db: Database, batch_size: int = 500, flush_s: float = 0.5):
        self.db, self.batch_size, self.flush_s = db, batch_size, flush_s
        self._queue: queue.Queue[Processed | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.written = 0
        self.failed_batches = 0
        self._idle = threading.Condition()
        self._pending = 0
        self.held: HeldResults[Processed] = HeldResults()  # a full disk's refusals: retried, not lost

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="monitoring-writer", daemon=True)
            self._thread.start()

    def submit(self, item: Processed) -> None:
        with self._idle:
            self._pending += 1
        self._queue.put(item)

    def flush(self, timeout: float = 10.0) -> bool:
        """Waits until everything submitted so far is written (tests and `poll --once`)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Writes what is queued, then ends the thread."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        stopping = False
        while not stopping:
            item = self._queue.get()
            if item is None:
                break
            batch = [item]
            while len(batch) < self.batch_size:
                try:
                    nxt = self._queue.get(timeout=self.flush_s if len(batch) < 50 else 0.01)
                except queue.Empty:
                    break
                if nxt is None:
                    stopping = True
                    break
                batch.append(nxt)
            self._write(batch)

    def _write(self, batch: list[Processed]) -> None:
        dropped = self.held.dropped
        if self.held.waiting():  # the disk was full moments ago: queue behind, try again later
            self.held.add(batch)
            return self._done(self.held.dropped - dropped)
        batch = [*self.held.take(), *batch]
        try:
            with self.db.transaction() as session:
                persist(session, batch)
            self.written += len(batch)
        except Exception as exc:  # the engine must keep running; the next batch may succeed
            if self.held.refused(batch, exc):  # still pending: flush() says they are not written yet
                return self._done(self.held.dropped - dropped)
            self.failed_batches += 1
            log.exception("could not write %d monitoring results", len(batch))
        self._done(len(batch))

    def _done(self, count: int) -> None:
        with self._idle:
            self._pending -= count
            self._idle.notify_all()


def count_rows(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)
