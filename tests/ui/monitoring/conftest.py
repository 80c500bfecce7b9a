"""Live-health fixtures: the window on the UI test database (no background polling: results are
fed by a real Engine with a scripted runner), and a scripted fleet to drive it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import pytest

from msp_console.app import App
from msp_console.domain.health import HealthState
from msp_console.monitoring.engine import Engine
from msp_console.monitoring.model import CheckOutcome, CheckSpec
from msp_console.monitoring.store import load_plan, load_statuses, load_world
from msp_console.monitoring.writer import Processed, ResultWriter

pytestmark = pytest.mark.ui


@dataclass
class Fleet:
    """What each machine's checks observe next (machine id → outcome); OK when not said."""

    app: App
    observed: dict[int, CheckOutcome] = field(default_factory=dict)
    engine: Engine | None = None
    writer: ResultWriter | None = None

    def runner(self, spec: CheckSpec) -> CheckOutcome:
        return self.observed.get(spec.machine_id, CheckOutcome(HealthState.OK, "all fine"))

    def start(self, sink: Callable[[Processed], None]) -> Engine:
        """A real engine over the database's checks, hard at the first result (1 attempt)."""
        with self.app.db.read() as s:
            plan = [replace(p, policy=replace(p.policy, max_attempts=1)) for p in load_plan(s)]
            statuses = load_statuses(s, [p.spec.check_id for p in plan])
            world = load_world(s)
        self.writer = ResultWriter(self.app.db)
        self.writer.start()
        self.engine = Engine(self.runner, workers=4, on_processed=sink, writer=self.writer)
        self.engine.set_checks(plan, statuses)
        self.engine.set_world(world)
        return self.engine

    def refresh_world(self) -> None:
        assert self.engine is not None
        with self.app.db.read() as s:
            self.engine.set_world(load_world(s))

    def run(self, machine_ids: list[int] | None = None) -> list[Processed]:
        assert self.engine is not None
        with self.app.db.read() as s:
            ids = [p.spec.check_id for p in load_plan(s, machine_ids)]
        done = self.engine.run_once(ids, timeout_s=10)
        self.writer.flush()  # in the database too, as the background engine's writer would
        return done


@pytest.fixture
def quiet_window(qtbot, app: App, ids: dict[str, int]) -> Iterator:  # type: ignore[no-untyped-def]
    """The main window with live monitoring installed but no polling of its own (persist=False)."""
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.worker import wait_for_background

    win = MainWindow(app, persist=False)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    feature = win.monitoring  # type: ignore[attr-defined]
    win.tabs.setCurrentIndex(feature.problems_index)  # a hidden Problems tab is rebuilt only when shown
    with qtbot.waitSignal(feature.controller.reloaded, timeout=10_000):
        win.reload()
    yield win
    wait_for_background()


@pytest.fixture
def fleet(app: App, quiet_window) -> Iterator[Fleet]:  # type: ignore[no-untyped-def]
    f = Fleet(app)
    f.start(quiet_window.monitoring.controller.submit)
    yield f
    assert f.engine is not None
    f.engine.stop()
    assert f.writer is not None
    f.writer.stop()
