"""The engine with injected runners: hung checks, soft retries, clean start/stop."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from msp_console.domain.health import HealthState
from msp_console.domain.monitoring_state import CheckPolicy, CheckStatus, StateType
from msp_console.monitoring.engine import Engine
from msp_console.monitoring.model import CheckOutcome, CheckResult, CheckSpec, CheckType
from msp_console.monitoring.store import PlannedCheck


def planned(
    check_id: int,
    *,
    interval: float = 60.0,
    retry: float = 20.0,
    timeout: float = 0.3,
    host: str = "127.0.0.1",
) -> PlannedCheck:
    spec = CheckSpec(check_id, 100 + check_id, CheckType.TCP, host, {"port": "1"}, timeout=timeout)
    return PlannedCheck(spec, CheckPolicy(3, interval, retry), 1, "Client", f"m{check_id}", "tcp", None)


def wait_for(predicate, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def test_a_hung_check_does_not_block_the_others():
    release = threading.Event()

    def runner(spec: CheckSpec) -> CheckOutcome:
        if spec.check_id <= 2:  # ignores its own timeout: hangs until the test ends
            release.wait(30)
        return CheckOutcome(HealthState.OK, "fine")

    seen: list[CheckResult] = []
    engine = Engine(runner, workers=2, sinks=[seen.append], grace_s=0.2)
    engine.set_checks([planned(i) for i in range(1, 11)], {})
    try:
        results = {p.result.check_id: p for p in engine.run_once()}
        # Both workers were stuck on the hung checks, yet all ten checks reported.
        assert sorted(results) == list(range(1, 11))
        for cid in (1, 2):
            assert results[cid].result.outcome.state is HealthState.CRITICAL
            assert "no result within the 0.3 s timeout" in results[cid].result.outcome.output
        assert all(results[c].result.outcome.state is HealthState.OK for c in range(3, 11))
        assert not release.is_set()  # the hung runners were still hanging when the others finished
        assert len(seen) == 10
    finally:
        release.set()


def test_results_reach_the_sink_from_the_scheduler_and_soft_problems_retry_sooner():
    calls: dict[int, list[float]] = {1: [], 2: []}

    def runner(spec: CheckSpec) -> CheckOutcome:
        calls[spec.check_id].append(time.monotonic())
        state = HealthState.CRITICAL if spec.check_id == 2 else HealthState.OK
        return CheckOutcome(state, state.value)

    seen: list[CheckResult] = []
    engine = Engine(runner, workers=2, sinks=[seen.append])
    # Long interval, short retry: only a soft problem can run more than once in the test.
    overdue = CheckStatus(next_run=datetime.now(UTC))
    engine.set_checks(
        [planned(1, interval=1.0, retry=60), planned(2, interval=30, retry=0.5)], {1: overdue, 2: overdue}
    )
    engine.start()
    try:
        assert wait_for(lambda: len(calls[2]) >= 3, 15)
        assert engine.status(2).state_type is StateType.HARD
        assert engine.status(2).hard_state is HealthState.CRITICAL
        assert wait_for(lambda: len(calls[1]) >= 2, 10)
    finally:
        engine.stop()
    assert {r.check_id for r in seen} == {1, 2}
    assert all(isinstance(r, CheckResult) for r in seen)


def test_start_stop_cycles_leak_no_threads_and_stop_cancels_queued_work():
    started = threading.Event()

    def slow(spec: CheckSpec) -> CheckOutcome:
        started.set()
        time.sleep(0.05)
        return CheckOutcome(HealthState.OK, "ok")

    before = threading.active_count()
    for _ in range(4):
        engine = Engine(slow, workers=4)
        engine.set_checks([planned(i, interval=0.5) for i in range(1, 41)], {})
        engine.start()
        assert wait_for(started.is_set, 5)
        engine.stop()
        assert engine.pool.queued == 0
    assert wait_for(lambda: threading.active_count() <= before, 5), threading.enumerate()


def test_parent_down_makes_children_unreachable_in_the_engine():
    from msp_console.monitoring.store import WorldView

    engine = Engine(lambda spec: CheckOutcome(HealthState.CRITICAL, "refused"), workers=1)
    child = planned(1)
    child = PlannedCheck(child.spec, child.policy, 1, "Client", "pc", "tcp", parent_id=55)
    engine.set_checks([child], {})
    engine.set_world(WorldView(down_machines=frozenset({55})))
    (p,) = engine.run_once()
    assert p.status.state is HealthState.UNREACHABLE and not p.notify
