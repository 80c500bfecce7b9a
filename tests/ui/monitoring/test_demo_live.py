"""The demo: generated history, and a simulator that never reaches beyond the live loopback PC."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from msp_console.app import App
from msp_console.db.models import MetricRollup1h, MetricRollup5m, StateEvent
from msp_console.demo import ensure_demo_data
from msp_console.domain.health import HealthState
from msp_console.monitoring import demo_sim
from msp_console.monitoring.live import load_check_rows, problems
from msp_console.monitoring.model import CheckOutcome, CheckSpec
from msp_console.monitoring.store import load_plan
from msp_console.settings import demo_database_path
from msp_console.ui.monitoring.engine_host import demo_runner

pytestmark = pytest.mark.ui


def test_demo_has_history_and_its_simulator_polls_only_loopback(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = App.open(f"sqlite:///{demo_database_path()}")
    try:
        assert demo_sim.is_demo_database(app.db.url)
        ensure_demo_data(app)
        with app.db.read() as s:
            assert (s.scalar(select(func.count()).select_from(StateEvent)) or 0) > 20
            assert (s.scalar(select(func.count()).select_from(MetricRollup1h)) or 0) > 10_000
            assert (s.scalar(select(func.count()).select_from(MetricRollup5m)) or 0) > 1_000
            rows = load_check_rows(s)
            plan = load_plan(s)
        live = [r for r in rows if r.machine == "questo-pc"]
        assert live and all(r.state is HealthState.OK for r in live)  # checked for real at creation
        story = {(r.machine, r.state) for r in problems(rows)}
        assert ("srv-studio", HealthState.CRITICAL) in story  # the backup that stopped
        assert ("nas-01", HealthState.WARNING) in story  # the disk filling up
        muted = {r.machine for r in problems(rows) if r.muted}
        assert muted == {"srv-cantina", "srv-erp"}  # acknowledged / in maintenance
        runner = demo_runner(app)
        real: list[str] = []

        def recording(spec: CheckSpec) -> CheckOutcome:
            real.append(spec.host)
            return CheckOutcome(HealthState.OK, "real")

        runner.real = recording
        outcomes = [runner(p.spec) for p in plan]
        assert set(real) == {"127.0.0.1"}  # nothing else is ever polled for real
        assert all(o.output for o in outcomes)
        later = demo_sim.DemoRunner(runner.names, None, runner.epoch, clock=lambda: runner.epoch + 7 * 86400)
        nas = next(p.spec for p in plan if p.machine == "nas-01" and p.spec.type.value == "ssh")
        assert later(nas).state is HealthState.CRITICAL  # a week on, the disk is full
    finally:
        app.close()
