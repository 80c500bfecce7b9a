"""The technician's loop (the article's case 3) driven through the real window, counting what the
technician does: from the red machine to a booked follow-up call in at most 6 actions, to the
closed intervention in at most 9.

Every click and key goes through ``UserActions`` (which counts it). The remote session is a real
process: SRV-01's default profile is a ``custom`` one whose command is ``sleep 1``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton, QWidget
from sqlalchemy import func, select

from msp_console.app import App
from msp_console.db.models import Appointment, CallLog, CallTask, Intervention, SessionLog
from msp_console.domain.health import HealthState
from msp_console.monitoring.model import CheckOutcome
from msp_console.remote.profiles import ProfileSpec, Protocol
from msp_console.remote.store import ProfileStore
from tests.ui.monitoring.conftest import Fleet

pytestmark = pytest.mark.ui

TIMEOUT = 30_000  # generous: a busy machine delays reads, never what the test asserts


class UserActions:
    """Clicks and keys as the technician makes them; each one is counted (and named, for the log)."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.done: list[str] = []

    @property
    def count(self) -> int:
        return len(self.done)

    def click(self, widget: QWidget, what: str, pos: QPoint | None = None) -> None:
        assert widget.isVisible() and widget.isEnabled(), f"{what}: not usable"
        self.done.append(what)
        if pos is None:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)

    def keys(self, widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier, what: str) -> None:
        self.done.append(what)
        self.qtbot.keyClick(widget, key, modifiers)


@pytest.fixture
def loop_window(qtbot, app: App, ids: dict[str, int]) -> Iterator:  # type: ignore[no-untyped-def]
    """The window (no polling of its own) with SRV-01 red, a technician signed in, and SRV-01's
    default remote profile running a real short program."""
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.worker import wait_for_background

    ProfileStore(app.db).add(
        ids["srv"],
        ProfileSpec("Console", Protocol.CUSTOM, options={"template": "sleep 1"}, is_default=True),
    )
    win = MainWindow(app, persist=False)
    win.preferences.set(replace(win.preferences.value, technician="Marco"))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    feature = win.monitoring  # type: ignore[attr-defined]
    with qtbot.waitSignal(feature.controller.reloaded, timeout=TIMEOUT):
        win.reload()
    fleet = Fleet(app)
    fleet.start(feature.controller.submit)
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.CRITICAL, "DISK CRITICAL - / 93% used")
    fleet.run([ids["srv"]])
    qtbot.waitUntil(
        lambda: any(r.machine_id == ids["srv"] and r.is_problem for r in feature.controller.rows.values()),
        timeout=TIMEOUT,
    )
    win.tree.view.expandAll()
    yield win
    assert fleet.engine is not None and fleet.writer is not None
    fleet.engine.stop()
    fleet.writer.stop()
    wait_for_background()


def _machine_point(win, machine_id: int) -> QPoint:  # type: ignore[no-untyped-def]
    view = win.tree.view
    idx = win.tree.proxy.mapFromSource(win.model.index_for("machine", machine_id))
    view.scrollTo(idx)
    return view.visualRect(idx).center()


def _window_manager_reactivates(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    """A desktop's window manager gives the focus back to the window when a dialog closes; the
    offscreen platform has none, so the test does it (not a user action)."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=TIMEOUT)


def _count(app: App, model: type) -> int:
    with app.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_from_the_red_machine_to_the_closed_intervention(qtbot, loop_window, app: App, ids) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.scheduling.feature import feature_of

    win = loop_window
    scheduling = feature_of(win)
    loop = scheduling.loop
    user = UserActions(qtbot)
    opened: list[QWidget] = []
    loop.dialog_opened.connect(opened.append)
    shortcuts = scheduling.log_call.shortcut().toString()
    assert shortcuts == "Ctrl+Shift+L"

    # 1–2: the red machine, then Call client (Ctrl+Shift+L)
    user.click(win.tree.view.viewport(), "select the red machine SRV-01", _machine_point(win, ids["srv"]))
    assert win.tree.current_ref().id == ids["srv"]
    with qtbot.waitSignal(loop.dialog_opened, timeout=TIMEOUT):
        user.keys(
            win.tree.view,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            "Ctrl+Shift+L: Call client",
        )
    dialog = opened[-1]
    assert dialog.objectName() == "callClientDialog"
    assert "tel:+390464555124" in dialog.phone.text()  # the primary contact, click-to-call
    assert "SRV-01" in dialog.findChild(QWidget, "callMachine").text()
    assert "Critical" in dialog.problem_list.text()
    assert dialog.new_title.text().startswith("SRV-01:")  # no intervention yet: one made from the problem
    assert dialog.outcome_buttons["agreed"].isChecked() and dialog.slot_box.isVisible()
    assert dialog.time.text().count(":") == 1  # typed as 14:30
    # 3: Enter saves the call, the new intervention and the appointment at once
    with qtbot.waitSignal(loop.call_saved, timeout=TIMEOUT) as saved:
        user.keys(dialog.save_button, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "Enter: save")
    booked = saved.args[0]
    assert booked.appointment_id is not None and booked.state == "scheduled"

    # 4–5: at the appointment, the Today page's Start
    today = scheduling.today
    _window_manager_reactivates(qtbot, win)
    # Today re-reads itself when the call is saved: that read may land before or after the
    # tab is brought forward, so wait for what the user sees, not for one particular read.
    user.keys(win.tree.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier, "Ctrl+1: Today")
    assert win.tabs.currentWidget() is scheduling.pages[today]
    qtbot.waitUntil(
        lambda: getattr(today.current_appointment(), "id", None) == booked.appointment_id,
        timeout=TIMEOUT,
    )
    start = next(b for b in today.appointments.findChildren(QPushButton) if "Start" in b.text())
    with qtbot.waitSignal(loop.session_started, timeout=TIMEOUT):
        user.click(start, "Start")
    # the program ends by itself (sleep 1): "Work done?"
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=TIMEOUT)
    box = opened[-1]
    assert box.objectName() == "workDoneBox"
    assert isinstance(box, QMessageBox)
    # 6: yes → the appointment is done and the follow-up call is booked
    with qtbot.waitSignal(loop.follow_up_booked, timeout=TIMEOUT) as follow:
        user.click(box.button(QMessageBox.StandardButton.Yes), "Yes, work done")
    assert follow.args[0] is not None
    to_follow_up = user.count
    with app.db.read() as s:
        task = s.scalars(select(CallTask).where(CallTask.kind == "follow_up")).one()
        assert task.done_at is None and task.intervention_id == booked.intervention_id
        assert s.get(Intervention, booked.intervention_id).state == "awaiting_check"

    # 7–8: the follow-up call, from the same machine: "Solved" is the first answer
    _window_manager_reactivates(qtbot, win)
    with qtbot.waitSignal(loop.dialog_opened, timeout=TIMEOUT):
        user.keys(
            win.tabs,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            "Ctrl+Shift+L: Call client",
        )
    follow_dialog = opened[-1]
    assert follow_dialog.outcome_buttons["solved"].isChecked() and not follow_dialog.slot_box.isVisible()
    with qtbot.waitSignal(loop.call_saved, timeout=TIMEOUT) as closed:
        user.keys(follow_dialog.save_button, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "Enter: save")
    assert closed.args[0].state == "closed"
    to_closed = user.count

    print(
        f"\nuser actions: {to_follow_up} to the booked follow-up call, {to_closed} to the closed intervention"
    )
    for n, what in enumerate(user.done, start=1):
        print(f"  {n}. {what}")
    assert to_follow_up <= 6
    assert to_closed <= 9

    with app.db.read() as s:
        iv = s.get(Intervention, booked.intervention_id)
        assert iv is not None and iv.state == "closed"
        assert [m.machine_id for m in iv.machines] == [ids["srv"]]
        calls = list(s.scalars(select(CallLog).order_by(CallLog.id)))
        assert [(c.outcome, c.intervention_id) for c in calls] == [
            ("reached", iv.id),
            ("all_ok", iv.id),
        ]
        appointment = s.scalars(select(Appointment)).one()
        assert (appointment.state, appointment.technician, appointment.machine_id) == (
            "done",
            "Marco",
            ids["srv"],
        )
        session = s.scalars(select(SessionLog)).one()
        assert session.intervention_id == iv.id and session.machine_id == ids["srv"]
        assert session.ended_at is not None and session.exit_code == 0
        follow_up = s.scalars(select(CallTask).where(CallTask.kind == "follow_up")).one()
        assert follow_up.done_at is not None  # booked, then done by the follow-up call
    assert _count(app, CallLog) == 2 and _count(app, Appointment) == 1


def test_the_call_dialog_keeps_what_was_typed_when_the_save_is_refused(
    qtbot, loop_window, app: App, ids
) -> None:  # type: ignore[no-untyped-def]
    from msp_console.services.interventions import AppointmentDraft, Scheduling
    from msp_console.ui.scheduling.feature import feature_of

    loop = feature_of(loop_window).loop
    opened: list[QWidget] = []
    loop.dialog_opened.connect(opened.append)
    with qtbot.waitSignal(loop.dialog_opened, timeout=TIMEOUT):
        loop.call_client(ids["srv"])
    dialog = opened[-1]
    # someone else books Marco at the proposed time meanwhile
    start = dialog.start()
    Scheduling(app.db).appointments.add(
        AppointmentDraft(ids["ferramenta"], start, "Other client", 60, technician="Marco")
    )
    dialog.note.setText("ok for the afternoon")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=TIMEOUT)
    assert dialog.isVisible() and dialog.note.text() == "ok for the afternoon"
    assert "busy" in dialog.error.text() or "impegnato" in dialog.error.text()
    assert _count(app, CallLog) == 0 and _count(app, Appointment) == 1  # nothing of the call written
    dialog.time.setText("")
    assert not dialog.save_button.isEnabled()  # a time that is not a time cannot be saved
    qtbot.keyClicks(dialog.time, "14:30")  # digits typed in the field are the time, not outcome keys
    assert dialog.time.text() == "14:30" and dialog.outcome_buttons["agreed"].isChecked()
    assert dialog.start() is not None and dialog.start().strftime("%H:%M") == "14:30"
    assert dialog.save_button.isEnabled()
    dialog.reject()
    assert QApplication.activeModalWidget() is not dialog
    assert dialog.buttons.standardButtons() & QDialogButtonBox.StandardButton.Save


def _book(app: App, machine_id: int):  # type: ignore[no-untyped-def]
    """A call that agreed Marco's next free slot for the machine (written through the services)."""
    from msp_console.services.interventions.call_client import CallPlan, free_slot, record_call

    start, minutes = free_slot(app.db, "Marco")
    plan = CallPlan(
        0,
        machine_id,
        "reached",
        new_title="Problem",
        start=start,
        minutes=minutes,
        technician="Marco",
        title="Work",
    )
    with app.db.read() as s:
        from msp_console.db.models import Machine

        machine = s.get(Machine, machine_id)
        assert machine is not None
        return record_call(app.db, replace(plan, client_id=machine.client_id))


def _awaiting_check(app: App, ids: dict[str, int]) -> int:
    """SRV-01's intervention after the work: its follow-up call booked (written through the services)."""
    from msp_console.services.interventions.call_client import work_done

    booked = _book(app, ids["srv"])
    assert booked.appointment_id is not None and booked.intervention_id is not None
    work_done(app.db, booked.appointment_id)
    return booked.intervention_id


def test_not_solved_reopens_and_books_the_next_slot_in_one_save(qtbot, loop_window, app: App, ids) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.scheduling.feature import feature_of

    iid = _awaiting_check(app, ids)
    loop = feature_of(loop_window).loop
    user = UserActions(qtbot)
    with qtbot.waitSignal(loop.dialog_opened, timeout=TIMEOUT) as opened:
        loop.call_client(ids["srv"])
    dialog = opened.args[0]
    assert dialog.ctx.intervention.id == iid and dialog.outcome_buttons["solved"].isChecked()
    user.keys(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.NoModifier, "2: not solved")
    assert dialog.outcome_buttons["not_solved"].isChecked() and dialog.slot_box.isVisible()
    with qtbot.waitSignal(loop.call_saved, timeout=TIMEOUT) as saved:
        user.keys(dialog.save_button, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "Enter: save")
    assert user.count == 2
    again = saved.args[0]
    assert again.intervention_id == iid and again.state == "scheduled" and again.appointment_id is not None
    with app.db.read() as s:
        appointments = list(s.scalars(select(Appointment).order_by(Appointment.start_at)))
        assert [a.state for a in appointments] == ["done", "planned"]
        assert appointments[1].start_at > appointments[0].start_at  # the next free slot, after the first
        states = [e.to_state for e in s.get(Intervention, iid).events if e.kind == "state"]
        assert states[-2:] == ["reopened", "scheduled"]
        follow_up = s.scalars(select(CallTask).where(CallTask.kind == "follow_up")).one()
        assert follow_up.done_at is not None


def test_start_without_a_connection_profile_says_what_to_do(qtbot, loop_window, app: App, ids) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.scheduling.feature import feature_of

    booked = _book(app, ids["fw"])
    loop = feature_of(loop_window).loop
    with qtbot.waitSignal(loop.dialog_opened, timeout=TIMEOUT) as opened:
        loop.start(booked.appointment_id or 0, ids["fw"])
    box = opened.args[0]
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Connect with" in box.text() or "Connetti con" in box.text()  # what to do next
    box.close()


def test_a_problem_notification_click_opens_call_client(qtbot, loop_window, ids) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.scheduling.feature import feature_of

    win = loop_window
    notifier = win.monitoring.notifier
    row = next(
        r for r in win.monitoring.controller.rows.values() if r.machine_id == ids["srv"] and r.is_problem
    )
    notifier.notify(row)
    loop = feature_of(win).loop
    with qtbot.waitSignal(loop.dialog_opened, timeout=TIMEOUT) as opened:
        notifier.message_clicked()  # what the tray's messageClicked calls
    assert opened.args[0].ctx.machine_id == ids["srv"]
    opened.args[0].reject()


def test_the_loop_keys_are_in_the_shortcuts_dialog(loop_window) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.shortcuts_dialog import shortcut_table

    rows = {(keys, what) for keys, what, _menu in shortcut_table(loop_window)}
    assert ("Ctrl+Shift+L", "Call client…") in rows
    assert ("Ctrl+Shift+S", "▶ Start the appointment") in rows
    assert ("Ctrl+1", "Today") in rows


def test_a_client_call_never_guesses_among_several_interventions(qtbot, app: App, ids) -> None:  # type: ignore[no-untyped-def]
    from msp_console.services.interventions import Scheduling
    from msp_console.ui.scheduling.intervention_dialogs import LogCallDialog

    ivs = Scheduling(app.db).interventions
    ivs.open(ids["bellavista"], "FW-01 VPN", machine_ids=[ids["fw"]])
    ivs.open(ids["bellavista"], "SRV-01 disk", machine_ids=[ids["srv"]])
    open_ivs = ivs.list(client_id=ids["bellavista"], active_only=True)
    dialog = LogCallDialog(app.inventory.client_card(ids["bellavista"]), open_ivs, None)
    qtbot.addWidget(dialog)
    assert dialog.intervention.currentData() is None  # not the first one: it may be another machine's
    one = LogCallDialog(app.inventory.client_card(ids["bellavista"]), open_ivs[:1], None)
    qtbot.addWidget(one)
    assert one.intervention.currentData() == open_ivs[0].id


def test_an_appointment_reminder_offers_start(qtbot, loop_window, app: App, ids) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from msp_console.services.interventions.views import Reminder
    from msp_console.ui.scheduling.feature import feature_of

    booked = _book(app, ids["srv"])
    scheduling = feature_of(loop_window)
    now = datetime.now(UTC)
    start = now  # the reminder names the appointment by id; its time only labels it
    reminder = Reminder(
        f"appointment:{booked.appointment_id}:{start.isoformat()}",
        "appointment",
        "Clean up",
        now,
        start,
        False,
    )
    scheduling.reminders.ask_start(reminder)
    box = loop_window.findChild(QMessageBox, "reminderStartBox")
    assert box is not None and box.isVisible()
    start_button = next(b for b in box.buttons() if "Start" in b.text() or "Avvia" in b.text())
    with qtbot.waitSignal(scheduling.loop.session_started, timeout=TIMEOUT) as started:
        start_button.click()
    assert started.args[0] == booked.appointment_id
    with qtbot.waitSignal(scheduling.loop.dialog_opened, timeout=TIMEOUT) as asked:  # sleep 1 ends
        pass
    assert asked.args[0].objectName() == "workDoneBox"
    asked.args[0].button(QMessageBox.StandardButton.No).click()
