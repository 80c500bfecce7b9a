"""The Today page on the demo data; an intervention's timeline and its allowed next states."""

from __future__ import annotations

import pytest

from msp_console.domain.intervention_state import ALLOWED, InterventionState
from msp_console.ui.scheduling.feature import feature_of
from msp_console.ui.views_registry import show_view

pytestmark = pytest.mark.ui


def test_today_shows_whom_to_call_appointments_calls_due_and_sla_clocks(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    f = feature_of(demo_window)
    today = f.today
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.reload()
    assert demo_window.tabs.tabText(1) == "Today"  # first after the Overview
    view = today.view
    assert view is not None
    problems = today.problems.row_texts()
    # the demo's open and reopened interventions still need a call
    titles = [p.summary for p in view.problems_to_call]
    assert any("Disco C" in t for t in titles) and any("Wi-Fi" in t for t in titles)
    assert len(problems) == len(view.problems_to_call)
    assert all(r[0].startswith(p.client_name) for r, p in zip(problems, view.problems_to_call, strict=True))
    shown = view.appointments or tuple(today.upcoming)  # nothing today: the next day with work
    assert len(today.appointments.row_texts()) == len(shown)
    assert [r[2] for r in today.calls.row_texts()] == [c.client_name for c in view.calls_due]
    assert view.calls_due  # the follow-up call after the work is waiting
    sla = today.sla.row_texts()
    assert sla and all(r[0] for r in sla)  # each alert shows its countdown
    assert len(sla) == len(view.sla_alerts)
    assert any(r[0].startswith("✕") for r in sla)  # a breached clock says so in text, not only colour
    assert "Today" in today.heading.text()


def test_intervention_timeline_shows_a_logged_call(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    f = feature_of(demo_window)
    ctl = f.ctl
    first_open = next(s for s in ctl.sc.interventions.list() if s.state == "open")
    detail = f.interventions.detail
    with qtbot.waitSignal(detail.shown, timeout=10_000):
        show_view(demo_window, f"intervention:{first_open.id}")
    assert detail.view is not None and detail.view.id == first_open.id
    seen: dict[str, object] = {}

    def answer(dlg) -> bool:  # type: ignore[no-untyped-def]
        seen["contact"] = dlg.contact.currentText()
        seen["intervention"] = dlg.intervention.currentData()
        dlg.outcome_buttons["no_answer"].setChecked(True)
        dlg.note.setText("segreteria")
        return True

    ctl.exec_dialog = answer
    with qtbot.waitSignal(detail.shown, timeout=10_000):  # logged, then the detail reloads
        detail.call_button.click()
    assert seen["intervention"] == first_open.id
    assert "★" not in str(seen["contact"]) and seen["contact"]  # the primary contact is preselected
    texts = detail.timeline_texts()
    assert any("No answer" in t and "segreteria" in t for t in texts)  # worded, not the stored code
    assert any("Call again scheduled" in t for t in texts)  # 'no answer' schedules the retry


def test_only_allowed_transitions_are_offered_and_they_work(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    f = feature_of(demo_window)
    detail = f.interventions.detail
    by_state = {s.state: s for s in f.ctl.sc.interventions.list()}
    assert len(by_state) == len(InterventionState)  # the demo has every state
    for state, summary in by_state.items():
        with qtbot.waitSignal(detail.shown, timeout=10_000):
            f.show_intervention(summary.id)
        offered = detail.transition_states()
        assert sorted(offered) == sorted(t.value for t in ALLOWED[InterventionState(state)]), state
    waiting = by_state["waiting_for_client"]
    with qtbot.waitSignal(detail.shown, timeout=10_000):
        f.show_intervention(waiting.id)
    button = detail.transitions_box.findChild(type(detail.call_button), "to-contacted")
    assert button is not None
    with qtbot.waitSignal(detail.shown, timeout=10_000):
        button.click()
    assert detail.view is not None and detail.view.state == "contacted"
    assert "to-waiting_for_client" in [f"to-{s}" for s in detail.transition_states()]
    assert detail.timeline_texts()[0].startswith("Waiting for client → Contacted")


def test_a_monitoring_problem_opens_a_prefilled_intervention(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from PySide6.QtCore import Qt

    from msp_console.services.interventions.views import ProblemToCall

    f = feature_of(demo_window)
    ctl = f.ctl
    client_id, client_name = ctl.clients()[0]
    machine_id, machine_name = ctl.machines(client_id)[0]
    problem = ProblemToCall(
        client_id, client_name, machine_name, "CRITICAL disk: 97% used", datetime.now(UTC), None, ""
    )
    seen: dict[str, object] = {}

    def accept(dlg) -> bool:  # type: ignore[no-untyped-def]
        checked = [
            dlg.machines.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(dlg.machines.count())
            if dlg.machines.item(i).checkState() == Qt.CheckState.Checked
        ]
        seen.update(title=dlg.title.text(), origin=dlg.origin.currentData(), machines=checked)
        return True

    ctl.exec_dialog = accept
    detail = f.interventions.detail
    open_or_new = f.today.problems.row_actions[1][1]
    with qtbot.waitSignal(detail.shown, timeout=10_000):
        open_or_new(problem)
    assert seen == {"title": "CRITICAL disk: 97% used", "origin": "monitoring", "machines": [machine_id]}
    assert detail.view is not None and detail.view.title == "CRITICAL disk: 97% used"
    assert detail.view.machines == ((machine_id, machine_name),) and detail.view.state == "open"


def test_a_call_is_logged_in_two_keystrokes(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog

    f = feature_of(demo_window)
    ctl = f.ctl
    target = next(s for s in ctl.sc.interventions.list() if s.state == "open")
    outcome: list[str] = []

    def keyboard(dlg) -> bool:  # type: ignore[no-untyped-def]
        dlg.show()
        dlg.activateWindow()
        qtbot.waitUntil(dlg.isActiveWindow, timeout=5_000)
        QTest.keyClick(_focused(dlg), Qt.Key.Key_2)  # "no answer"
        QTest.keyClick(_focused(dlg), Qt.Key.Key_Return)  # OK
        outcome.append(dlg.outcome())
        return dlg.result() == QDialog.DialogCode.Accepted

    ctl.exec_dialog = keyboard
    with qtbot.waitSignal(ctl.changed, timeout=10_000):
        ctl.log_call(target.client_id, target.id)
    assert outcome == ["no_answer"]
    timeline = ctl.sc.timeline(target.id)
    assert any(e.kind == "call" and "no_answer" in e.summary for e in timeline)


def _focused(dlg):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget() or dlg


def test_interventions_sort_by_time_left_on_the_resolution_clock(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from msp_console.ui.scheduling.interventions_model import COLUMNS

    tab = feature_of(demo_window).interventions
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.reload()
    col = COLUMNS.index("resolution")
    tab.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    ids = [tab.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(tab.proxy.rowCount())]
    left = {
        r.summary.id: c.remaining
        for r in tab.model.rows
        for c in r.clocks
        if c.name == "resolution" and c.level not in ("met", "paused")
    }
    ordered = [i for i in ids if i in left]
    assert [left[i] for i in ordered] == sorted(left.values())  # the most overdue first
    assert tab.proxy.index(0, col).data().startswith("✕")


def test_marking_an_appointment_done_moves_its_intervention_to_the_follow_up(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    f = feature_of(demo_window)
    ctl = f.ctl
    scheduled = next(s for s in ctl.sc.interventions.list() if s.state == "scheduled")
    view = next(
        v
        for v in ctl.sc.appointments.between(scheduled.opened_at, scheduled.opened_at + timedelta(days=30))
        if v.intervention_id == scheduled.id and v.state == "planned"
    )

    def mark_done(dlg) -> bool:  # type: ignore[no-untyped-def]
        assert dlg.title.text() == view.title and dlg.title.isEnabled()  # shown, editable
        dlg.findChild(type(dlg.export_button), "markDone").click()
        return True

    ctl.exec_dialog = mark_done
    with qtbot.waitSignal(ctl.changed, timeout=10_000):
        ctl.edit_appointment(view)
    shown = ctl.sc.interventions.show(scheduled.id)
    assert shown.state == "awaiting_check"  # the work is done: the follow-up call is scheduled
    assert any("follow-up call scheduled" in e.summary for e in shown.timeline)
