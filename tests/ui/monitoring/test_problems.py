"""The Problems tab: severity then age, filters, and what its actions do to notifications."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from msp_console.db.models import Acknowledgement, MaintenanceWindow
from msp_console.domain.health import HealthState
from msp_console.monitoring.model import CheckOutcome
from msp_console.ui.monitoring.dialogs import AckDialog, MaintenanceDialog
from msp_console.ui.monitoring.problems_model import ROW_ROLE
from tests.ui.monitoring.conftest import Fleet

pytestmark = pytest.mark.ui


def answer(feature, fill: Callable[[QDialog], None]) -> None:  # type: ignore[no-untyped-def]
    """Answers the next dialog an action opens (it runs modally)."""

    def on_open(dialog: QDialog) -> None:
        feature.actions.dialog_opened.disconnect(on_open)

        def go() -> None:
            fill(dialog)
            dialog.accept()

        QTimer.singleShot(0, go)

    feature.actions.dialog_opened.connect(on_open)


def problem_rows(tab) -> list:  # type: ignore[no-untyped-def]
    return [tab.proxy.index(r, 0).data(ROW_ROLE) for r in range(tab.proxy.rowCount())]


def test_problems_sorted_by_severity_then_age_and_filtered(qtbot, quiet_window, fleet: Fleet, ids) -> None:  # type: ignore[no-untyped-def]
    feature = quiet_window.monitoring
    fleet.observed[ids["fw"]] = CheckOutcome(HealthState.WARNING, "slow replies")
    fleet.run([ids["fw"]])  # the oldest problem
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.WARNING, "disk 88% full")
    nas = next(
        m.id for c in quiet_window.model.snapshot.clients for m in c.all_machines() if m.name == "NAS-01"
    )
    fleet.observed[nas] = CheckOutcome(HealthState.CRITICAL, "no reply")
    fleet.run([ids["srv"], nas])
    tab = feature.problems
    qtbot.waitUntil(lambda: len(problem_rows(tab)) >= 3, timeout=15_000)
    rows = problem_rows(tab)
    severities = [r.state.severity for r in rows]
    assert severities == sorted(severities, reverse=True)  # critical first
    assert rows[0].machine == "NAS-01"
    warnings = [r for r in rows if r.state is HealthState.WARNING]
    assert warnings[0].machine == "FW-01"  # the older warning first
    assert tab.model.index(0, 5).data()  # how long it has lasted
    tab.state.setCurrentIndex(tab.state.findData(HealthState.CRITICAL.value))
    assert {r.machine for r in problem_rows(tab)} == {"NAS-01"}
    tab.state.setCurrentIndex(0)
    tab.client.setCurrentIndex(tab.client.findData(ids["bellavista"]))
    assert {r.machine for r in problem_rows(tab)} == {"FW-01", "SRV-01"}


def test_acknowledged_problem_is_marked_and_notifies_no_more(
    qtbot, quiet_window, fleet: Fleet, ids, app
) -> None:  # type: ignore[no-untyped-def]
    feature = quiet_window.monitoring
    shown = feature.notifier.shown
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.CRITICAL, "service stopped")
    fleet.run([ids["srv"]])
    tab = feature.problems
    qtbot.waitUntil(lambda: len(problem_rows(tab)) == 2, timeout=15_000)  # SRV-01's ping and system
    assert len(shown) == 2 and all("SRV-01" in title for title, _body in shown)
    tab.view.selectAll()
    answer(feature, lambda d: isinstance(d, AckDialog) and d.comment.setText("vendor ticket 42"))
    tab.buttons["ack"].click()
    qtbot.waitUntil(lambda: all(r.acked for r in problem_rows(tab)), timeout=15_000)
    assert "acknowledged" in tab.model.index(0, 6).data()
    with app.db.read() as s:
        assert set(s.scalars(select(Acknowledgement.comment))) == {"vendor ticket 42"}
    fleet.refresh_world()
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.WARNING, "service slow")  # changes, still a problem
    fleet.run([ids["srv"]])
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.CRITICAL, "service stopped again")
    fleet.run([ids["srv"]])
    qtbot.waitUntil(
        lambda: all(r.output == "service stopped again" for r in problem_rows(tab)), timeout=15_000
    )
    assert len(shown) == 2  # sticky acknowledgement: no more notifications until OK
    assert all(r.acked for r in problem_rows(tab))  # the engine knows the acknowledgement too


def test_maintenance_suppresses_the_notification(qtbot, quiet_window, fleet: Fleet, ids, app) -> None:  # type: ignore[no-untyped-def]
    feature = quiet_window.monitoring
    shown = feature.notifier.shown
    fleet.observed[ids["fw"]] = CheckOutcome(HealthState.WARNING, "slow replies")
    fleet.run([ids["fw"]])
    tab = feature.problems
    qtbot.waitUntil(lambda: bool(problem_rows(tab)), timeout=15_000)
    before = len(shown)
    assert before >= 1 and "FW-01" in shown[0][0]
    tab.view.selectRow(0)

    def fill(d: QDialog) -> None:
        assert isinstance(d, MaintenanceDialog)
        d.on_client.setChecked(True)  # the whole client
        d.comment.setText("firmware upgrade")

    answer(feature, fill)
    tab.buttons["maintenance"].click()
    qtbot.waitUntil(lambda: all(r.in_maintenance for r in problem_rows(tab)), timeout=15_000)
    with app.db.read() as s:
        window = s.scalar(select(MaintenanceWindow))
        assert window is not None and window.machine_id is None and window.comment == "firmware upgrade"
    fleet.refresh_world()
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.CRITICAL, "rebooting")  # same client
    fleet.run([ids["srv"]])
    qtbot.waitUntil(lambda: any(r.machine == "SRV-01" for r in problem_rows(tab)), timeout=15_000)
    assert len(shown) == before  # no notification inside maintenance
    feature.dnd.setChecked(True)
    fleet.observed[ids["fw"]] = CheckOutcome(HealthState.OK, "fine")
    fleet.run([ids["fw"]])
    qtbot.waitUntil(lambda: not any(r.machine == "FW-01" for r in problem_rows(tab)), timeout=15_000)
    assert len(shown) == before  # do not disturb


def test_check_now_without_polling_says_so(qtbot, quiet_window, fleet: Fleet, ids) -> None:  # type: ignore[no-untyped-def]
    feature = quiet_window.monitoring
    quiet_window.tree.select("machine", ids["srv"])
    feature.check_now.trigger()
    assert (
        "resume" in quiet_window.statusBar().currentMessage()
        or "Team" in quiet_window.statusBar().currentMessage()
    )


def test_a_problem_opens_its_intervention_once_and_calls_its_client(
    qtbot, quiet_window, fleet: Fleet, ids, app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from msp_console.services.interventions import Scheduling
    from msp_console.ui.scheduling.feature import feature_of

    feature, scheduling = quiet_window.monitoring, feature_of(quiet_window)
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.CRITICAL, "service stopped")
    fleet.run([ids["srv"]])
    tab = feature.problems
    qtbot.waitUntil(lambda: len(problem_rows(tab)) == 2, timeout=15_000)
    tab.view.selectRow(0)
    row = tab.selected()[0]
    asked: list[str] = []

    def get_text(_parent, _title, _label, text="", **_kw):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "Servizio fermo su SRV-01", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    with qtbot.waitSignal(feature.actions.intervention_shown, timeout=10_000) as shown:
        tab.buttons["intervention"].click()
    first = shown.args[0]
    assert asked == [f"SRV-01: {row.name} critical"]  # pre-filled from the problem
    qtbot.waitUntil(lambda: scheduling.interventions.detail._requested == first, timeout=5_000)
    assert quiet_window.tabs.currentWidget() is scheduling.pages[scheduling.interventions]
    view = Scheduling(app.db).interventions.show(first)
    assert view.origin == "monitoring" and view.priority == "P2"

    quiet_window.tabs.setCurrentIndex(feature.problems_index)
    with qtbot.waitSignal(feature.actions.intervention_shown, timeout=10_000) as again:
        tab.buttons["intervention"].click()
    assert again.args[0] == first and len(asked) == 1  # the open one, not a second intervention

    with qtbot.waitSignal(scheduling.loop.dialog_opened, timeout=10_000) as call:
        tab.buttons["call"].click()  # Call client about the problem's machine, on its intervention
    dialog = call.args[0]
    assert dialog.ctx.machine_id == row.machine_id and dialog.ctx.client_id == row.client_id
    assert dialog.ctx.intervention is not None and dialog.ctx.intervention.id == first
    dialog.reject()
