"""The monitoring engine: schedule → run (bounded pool, hard timeout) → judge → sinks + writer.

Workers only see frozen values. The engine keeps each check's ``CheckStatus`` in memory,
folds every outcome in with the pure state machine, then hands the ``CheckResult`` to every
sink (any thread may receive it) and the ``Processed`` value to the writer.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from msp_console.domain.health import HealthState
from msp_console.domain.monitoring_state import CheckStatus, StateType, apply, should_notify
from msp_console.monitoring.model import CheckOutcome, CheckResult, CheckSpec
from msp_console.monitoring.pool import Task, WorkerPool
from msp_console.monitoring.scheduler import CheckScheduler
from msp_console.monitoring.store import PlannedCheck, WorldView
from msp_console.monitoring.writer import Processed, ResultWriter

log = logging.getLogger(__name__)
Runner = Callable[[CheckSpec], CheckOutcome]
Sink = Callable[[CheckResult], None]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class EngineStats:
    dispatched: int = 0
    completed: int = 0
    skipped_busy: int = 0  # a run came due while the previous one was still queued or running
    max_late_s: float = 0.0  # start of a run minus its scheduled time
    late_over_interval: int = 0


class Engine:
    def __init__(
        self,
        runner: Runner,
        *,
        workers: int = 8,
        sinks: Sequence[Sink] = (),
        writer: ResultWriter | None = None,
        grace_s: float = 1.0,
        on_processed: Callable[[Processed], None] | None = None,
    ):
        self.runner = runner
        self.sinks = list(sinks)
        self.writer = writer
        self.grace_s = grace_s
        self.on_processed = on_processed
        self.pool = WorkerPool(workers)
        self.scheduler = CheckScheduler(self._dispatch)
        self.stats = EngineStats()
        self._lock = threading.Lock()
        self._planned: dict[int, PlannedCheck] = {}
        self._status: dict[int, CheckStatus] = {}
        self._in_flight: set[int] = set()
        self._world = WorldView()
        self._running = False

    # -- configuration ------------------------------------------------------------------------
    def set_checks(self, planned: Iterable[PlannedCheck], statuses: dict[int, CheckStatus]) -> None:
        """Replaces the set of checks this engine runs (adds, removes, or re-times jobs)."""
        new = {p.spec.check_id: p for p in planned}
        with self._lock:
            old = self._planned
            self._planned = new
            for cid, st in statuses.items():
                if cid in new and cid not in self._status:
                    self._status[cid] = st
            for cid in set(self._status) - set(new):
                del self._status[cid]
        if not self._running:
            return
        for cid in set(old) - set(new):
            self.scheduler.remove(cid)
        for cid, p in new.items():
            if cid not in old or old[cid].policy.interval_s != p.policy.interval_s:
                self.scheduler.add(cid, p.policy.interval_s, self._status.get(cid, CheckStatus()).next_run)

    def add_sink(self, sink: Sink) -> None:
        """Subscribes another receiver (e.g. the GUI's bridge); called from worker threads."""
        self.sinks = [*self.sinks, sink]

    def set_world(self, world: WorldView) -> None:
        """Maintenance, parents and acks made elsewhere (another console, the CLI)."""
        with self._lock:
            self._world = world
            for cid, st in self._status.items():
                ack = world.acks.get(cid)
                if ack is not None and st.ack is None:
                    self._status[cid] = replace(st, ack=ack)

    def status(self, check_id: int) -> CheckStatus:
        with self._lock:
            return self._status.get(check_id, CheckStatus())

    @property
    def check_ids(self) -> set[int]:
        with self._lock:
            return set(self._planned)

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> None:
        if self._running:
            return
        if self.writer is not None:
            self.writer.start()
        self.pool.start()
        self.scheduler.start()
        self._running = True
        with self._lock:
            planned = list(self._planned.values())
            statuses = dict(self._status)
        for p in planned:
            self.scheduler.add(
                p.spec.check_id, p.policy.interval_s, statuses.get(p.spec.check_id, CheckStatus()).next_run
            )

    def stop(self, join_s: float = 5.0) -> None:
        """Stops scheduling, cancels queued runs, waits for running ones, flushes the writer."""
        if not self._running:
            return
        self._running = False
        self.scheduler.stop()
        self.pool.stop(join_s)
        with self._lock:
            self._in_flight.clear()
        if self.writer is not None:
            self.writer.stop()

    # -- running -------------------------------------------------------------------------------
    def run_once(
        self, check_ids: Iterable[int] | None = None, timeout_s: float | None = None
    ) -> list[Processed]:
        """Runs the given (default: all) checks now and waits for their results (``poll --once``)."""
        with self._lock:
            targets = [
                self._planned[c]
                for c in (check_ids if check_ids is not None else self._planned)
                if c in self._planned
            ]
        out: list[Processed] = []
        done = threading.Condition()

        def collect(p: Processed) -> None:
            with done:
                out.append(p)
                done.notify_all()

        started_pool = not self._running
        if started_pool:
            self.pool.start()
        try:
            now = utcnow()
            for p in targets:
                self._submit(p, now, collect)
            limit = timeout_s or (max((p.spec.timeout for p in targets), default=0) + self.grace_s) * (
                1 + len(targets) // max(1, self.pool.size)
            )
            with done:
                done.wait_for(lambda: len(out) >= len(targets), limit + 5)
        finally:
            if started_pool:
                self.pool.stop(join_s=1.0)  # a runner hung past its deadline was already reported
        return out

    def _dispatch(self, check_id: int, scheduled: datetime) -> None:
        with self._lock:
            planned = self._planned.get(check_id)
            if planned is None:
                return
            if check_id in self._in_flight:
                self.stats.skipped_busy += 1
                return
        self._submit(planned, scheduled, None)

    def _submit(
        self, planned: PlannedCheck, scheduled: datetime, extra: Callable[[Processed], None] | None
    ) -> None:
        cid = planned.spec.check_id
        with self._lock:
            self._in_flight.add(cid)
            self.stats.dispatched += 1
        started: list[float] = []

        def run() -> CheckOutcome:
            late = (utcnow() - scheduled).total_seconds()
            with self._lock:
                self.stats.max_late_s = max(self.stats.max_late_s, late)
                if late > planned.policy.interval_s:
                    self.stats.late_over_interval += 1
            started.append(time.monotonic())
            try:
                return self.runner(planned.spec)
            except Exception as exc:  # a broken runner is UNKNOWN, not a dead worker
                log.exception("check %s failed", cid)
                return CheckOutcome(HealthState.UNKNOWN, f"check failed: {exc or type(exc).__name__}")

        def overrun() -> CheckOutcome:
            waited = (time.monotonic() - started[0]) * 1000 if started else 0.0
            return CheckOutcome(
                HealthState.CRITICAL,
                f"{planned.spec.host}: no result within the {planned.spec.timeout:g} s timeout",
                duration_ms=round(waited, 1),
            )

        def deliver(outcome: CheckOutcome) -> None:
            processed = self._judge(planned, outcome)
            with self._lock:
                self._in_flight.discard(cid)
                self.stats.completed += 1
            self._hand_out(processed)
            if extra is not None:
                extra(processed)

        self.pool.submit(Task(run, deliver, overrun, planned.spec.timeout + self.grace_s))

    def _judge(self, planned: PlannedCheck, outcome: CheckOutcome) -> Processed:
        now = utcnow()
        cid = planned.spec.check_id
        with self._lock:
            previous = self._status.get(cid, CheckStatus())
            ctx = self._world.context(planned, now)
            status, events = apply(previous, outcome.state, outcome.output, now, ctx)
            self._status[cid] = status
        notify = should_notify(previous, status, events, ctx)
        result = CheckResult(cid, planned.spec.machine_id, outcome, now)
        if self._running and status.next_run is not None and status.state_type is StateType.SOFT:
            self.scheduler.run_at(cid, status.next_run)
        return Processed(result, status, tuple(events), notify)

    def _hand_out(self, processed: Processed) -> None:
        for sink in self.sinks:
            try:
                sink(processed.result)
            except Exception:
                log.exception("a monitoring sink failed")
        if self.on_processed is not None:
            self.on_processed(processed)
        if self.writer is not None:
            self.writer.submit(processed)
