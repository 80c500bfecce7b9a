"""Results from worker threads reach the right tree rows, with counts, tooltips and no jumps."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from msp_console.domain.health import HealthState
from msp_console.monitoring.model import CheckOutcome
from msp_console.ui.models.client_tree import Column, Role
from tests.ui.monitoring.conftest import Fleet

pytestmark = pytest.mark.ui


def test_results_from_worker_threads_update_the_right_rows(
    qtbot, quiet_window, fleet: Fleet, ids, qtlog
) -> None:  # type: ignore[no-untyped-def]
    win = quiet_window
    model = win.model
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    win.tree.select("machine", ids["fw"])
    bar = win.tree.view.verticalScrollBar()
    scroll = bar.value()
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.CRITICAL, "no reply (3 of 3 packets lost)")
    batch = fleet.run()  # the real engine judges them; now hand them over from four threads at once
    assert batch
    controller = win.monitoring.controller
    threads = [
        threading.Thread(target=lambda part=batch[i::4]: [controller.submit(p) for p in part])
        for i in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    srv = model.index_for("machine", ids["srv"], Column.STATE)
    qtbot.waitUntil(lambda: srv.data() == "Critical", timeout=15_000)
    fw = model.index_for("machine", ids["fw"], Column.STATE)
    assert fw.data() == "OK"
    hotel = model.index_for("client", ids["bellavista"], Column.STATE)
    assert hotel.data() == "1 critical"
    assert "no reply" in (model.index_for("machine", ids["srv"]).data(Qt.ItemDataRole.ToolTipRole) or "")
    assert "since" in model.index_for("machine", ids["srv"]).data(Qt.ItemDataRole.ToolTipRole)
    ref = win.tree.current_ref()
    assert ref is not None and (ref.kind, ref.id) == ("machine", ids["fw"])  # the selection stayed
    assert bar.value() == scroll
    assert not [r for r in qtlog.records if "FAIL" in r.message], [r.message for r in qtlog.records]
    del tester


def test_clients_count_their_problem_machines_and_failing_clients_go_first(
    qtbot, quiet_window, fleet: Fleet, ids
) -> None:  # type: ignore[no-untyped-def]
    win = quiet_window
    model = win.model
    ferr_machines = [
        m.id for c in model.snapshot.clients if c.id == ids["ferramenta"] for m in c.all_machines()
    ]
    assert len(ferr_machines) >= 3
    fleet.observed[ferr_machines[0]] = CheckOutcome(HealthState.CRITICAL, "down")
    fleet.observed[ferr_machines[1]] = CheckOutcome(HealthState.CRITICAL, "down")
    fleet.observed[ferr_machines[2]] = CheckOutcome(HealthState.WARNING, "slow")
    fleet.run()
    ferr = model.index_for("client", ids["ferramenta"], Column.STATE)
    qtbot.waitUntil(lambda: ferr.data() == "2 critical, 1 warning", timeout=15_000)
    assert model.problem_counts() == {HealthState.CRITICAL: 2, HealthState.WARNING: 1}
    assert "2 critical, 1 warning" in win.windowTitle()
    win.monitoring.failing_first.setChecked(True)
    proxy = win.tree.proxy
    first = proxy.index(0, 0).data(Role.REF)
    assert (first.kind, first.id) == ("client", ids["ferramenta"])
    win.monitoring.failing_first.setChecked(False)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == sorted(names, key=str.casefold) or names[0] != first.name


def test_toolbar_has_check_now_and_pause_before_call(quiet_window) -> None:  # type: ignore[no-untyped-def]
    """UI.md's toolbar: … New, Check now, Pause polling, Call, Appointment, Run invoices."""
    from PySide6.QtWidgets import QToolBar

    feature = quiet_window.monitoring
    toolbar = quiet_window.findChild(QToolBar, "mainToolbar")
    names = [a.objectName() or a.text() for a in toolbar.actions() if not a.isSeparator()]
    check, pause = feature.check_now.text(), feature.pause.text()
    assert names.index(check) < names.index(pause) < names.index("callAction")
    feature.pause.trigger()  # the toolbar button is the menu's checkable action
    assert feature.pause.isChecked() and feature.controller.host.paused
    feature.pause.trigger()
    assert not feature.controller.host.paused
