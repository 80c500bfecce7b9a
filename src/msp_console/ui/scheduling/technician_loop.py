"""The technician's loop as the window runs it (the article's case 3):

Call client about a machine (dialog; the call and the agreed appointment saved at once) → at the
appointment, Start opens the machine's remote session with its default profile (logged on its
intervention by the launcher) → when the session's program ends, "Work done?" → yes marks the
appointment done and books the follow-up call → the follow-up's outcome closes the intervention
or agrees a new time, in the same Call client dialog.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from msp_console.preferences import technician_name
from msp_console.services.interventions.call_client import (
    CallRecorded,
    free_slot,
    machine_call,
    open_for_machine,
    record_call,
    work_done,
)
from msp_console.ui.dialogs.background_dialog import open_when_loaded
from msp_console.ui.scheduling.call_client_dialog import CallClientDialog, Problem
from msp_console.ui.scheduling.look import datetime_text, tr
from msp_console.ui.states import state_text

if TYPE_CHECKING:
    from msp_console.remote.sessions import RunningSession
    from msp_console.ui.scheduling.controller import SchedulingController


class TechnicianLoop(QObject):
    dialog_opened = Signal(object)  # the Call client dialog or a question box (tests answer them)
    call_saved = Signal(object)  # CallRecorded
    session_started = Signal(int, int)  # appointment id, session id
    follow_up_booked = Signal(object)  # when the follow-up call is due (datetime or None)

    def __init__(self, ctl: SchedulingController):
        super().__init__(ctl)
        self.ctl = ctl
        self.window = ctl.window
        self.db = ctl.sc.db
        self._starting: dict[int, int] = {}  # machine id → appointment id, until its session starts
        self._sessions: dict[int, int] = {}  # session id → appointment id, until it ends
        self._remote: Any = None

    def technician(self) -> str:
        prefs = getattr(self.window, "preferences", None)
        return technician_name(prefs.value if prefs is not None else None)

    # -- Call client ---------------------------------------------------------------------------
    def problems_of(self, machine_id: int) -> list[Problem]:
        """The machine's current problems, worst first, from the live monitoring rows."""
        monitoring = getattr(self.window, "monitoring", None)
        rows = getattr(getattr(monitoring, "controller", None), "rows", {})
        mine = [r for r in rows.values() if r.machine_id == machine_id and r.is_problem]
        mine.sort(key=lambda r: (-r.state.severity, r.name))
        return [
            Problem(
                f"{r.state.glyph} {state_text(r.state)} · {r.name}",
                f"{r.machine}: {r.name} {state_text(r.state).lower()}",
                f"check:{r.check_id}",
                r.state.name == "CRITICAL",
            )
            for r in mine
        ]

    def call_client(self, machine_id: int, problems: list[Problem] | None = None) -> None:
        """One action from a machine: the dialog opens prefilled (read off the GUI thread)."""
        found = self.problems_of(machine_id) if problems is None else problems
        db, who, cal = self.db, self.technician(), self.ctl.calendar

        def load() -> tuple[Any, tuple[datetime, int]]:
            return machine_call(db, machine_id), free_slot(db, who)

        def build(data: tuple[Any, tuple[datetime, int]]) -> CallClientDialog:
            dlg = CallClientDialog(data[0], found, data[1], who, cal, self.window)
            dlg.write = lambda plan: record_call(db, plan)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.accepted.connect(lambda: self._call_saved(dlg.saved))
            return dlg

        open_when_loaded(
            self.window,
            load,
            build,
            tr("Cannot prepare the call"),
            key=("call-client", machine_id),
            on_open=self.dialog_opened.emit,
        )

    def call_about_intervention(self, client_id: int, intervention_id: int | None) -> None:
        """A follow-up or a retry from the Today page: the Call client dialog of the intervention's
        machine; an intervention about no single machine keeps the plain call log."""
        if intervention_id is None:
            self.ctl.log_call(client_id)
            return
        ivs = self.ctl.sc.interventions

        def opened(view: Any) -> None:
            if len(view.machines) == 1:
                self.call_client(view.machines[0][0])
            else:
                self.ctl.log_call(client_id, intervention_id)

        self.ctl.run(lambda: ivs.show(intervention_id), opened, title=tr("Cannot prepare the call"))

    def _call_saved(self, result: object) -> None:
        if not isinstance(result, CallRecorded):
            return
        if result.appointment_id is not None:
            text = tr("Call saved; appointment #%1 booked.").replace("%1", str(result.appointment_id))
        elif result.state == "closed":
            text = tr("Call saved; intervention #%1 closed.").replace("%1", str(result.intervention_id))
        else:
            text = tr("Call saved.")
        self.ctl.written(text)
        self.call_saved.emit(result)

    # -- Start --------------------------------------------------------------------------------
    def start_for_machine(self, machine_id: int) -> None:
        """Start the planned appointment of the machine's open intervention (Ctrl+Shift+S)."""
        db = self.db

        def load() -> int | None:
            with db.read() as s:
                iv = open_for_machine(s, machine_id)
                return iv.planned_appointment_id if iv is not None else None

        def found(appointment_id: int | None) -> None:
            if appointment_id is None:
                self._tell(
                    tr("Nothing to start"),
                    tr("This machine has no planned appointment. Call the client to agree one first."),
                )
            else:
                self.start(appointment_id, machine_id)

        self.ctl.run(load, found, title=tr("Cannot start"))

    def start_appointment(self, appointment_id: int) -> None:
        """Start from an appointment known by id only (a reminder): its machine is read first."""
        appts = self.ctl.sc.appointments
        self.ctl.run(
            lambda: appts.get(appointment_id).machine_id,
            lambda machine_id: self.start(appointment_id, machine_id),
            title=tr("Cannot start"),
        )

    def start(self, appointment_id: int, machine_id: int | None) -> None:
        """Opens the machine's remote session with its default profile; the launcher logs it on
        the machine's open intervention (which moves to in progress)."""
        if machine_id is None:
            self._tell(
                tr("Nothing to start"),
                tr("This appointment names no machine: open it (Edit…) and choose the machine."),
            )
            return
        from msp_console.ui.remote.connect_menu import connect

        self._watch_sessions()
        self._starting[machine_id] = appointment_id
        self.ctl.message(tr("Opening the remote session…"))

        def done(starting: bool) -> None:
            if not starting:
                self._starting.pop(machine_id, None)

        connect(self.window, self.window.app, machine_id, on_done=done)

    def _watch_sessions(self) -> None:
        if self._remote is not None:
            return
        from msp_console.ui.remote.controller import controller_for

        self._remote = controller_for(self.window.app)
        self._remote.started.connect(self._started)
        self._remote.ended.connect(self._ended)
        self._remote.failed.connect(self._failed)

    def _started(self, session: RunningSession) -> None:
        appointment_id = self._starting.pop(session.machine.id, None)
        if appointment_id is None:
            return
        self._sessions[session.session_id] = appointment_id
        self.ctl.written(tr("Remote session started on %1.").replace("%1", session.machine.path))
        self.session_started.emit(appointment_id, session.session_id)

    def _failed(self, message: str) -> None:
        if not self._starting:
            return
        self._starting.clear()
        self._tell(
            tr("The remote session did not start"),
            message
            + "\n\n"
            + tr("Check the machine's connection profile (Machine → Connect with…) and press Start again."),
        )

    def _ended(self, session: RunningSession) -> None:
        appointment_id = self._sessions.pop(session.session_id, None)
        if appointment_id is None:
            return
        self.ctl.changed.emit()  # the session's length is on the timeline now
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Work done?"),
            tr("The remote session on %1 has ended. Is the work done?").replace("%1", session.machine.path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setObjectName("workDoneBox")
        box.setInformativeText(tr("Yes marks the appointment done and books the follow-up call."))
        box.button(QMessageBox.StandardButton.Yes).setText(tr("&Yes, book the follow-up"))
        box.button(QMessageBox.StandardButton.No).setText(tr("&Not yet"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: Any) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self.finish(appointment_id)
            else:
                self.ctl.message(tr("The appointment stays open: Start it again later."))

        box.buttonClicked.connect(answered)
        self.dialog_opened.emit(box)
        box.open()

    def finish(self, appointment_id: int) -> None:
        """The work is done: the appointment too, and the follow-up call is booked by itself."""
        db, tz = self.db, self.ctl.tz

        def booked(due: datetime | None) -> None:
            if due is None:
                self.ctl.written(tr("Appointment done."))
            else:
                text = tr("Appointment done; follow-up call booked for %1.").replace(
                    "%1", datetime_text(due, tz)
                )
                self.ctl.written(text)
            self.follow_up_booked.emit(due)

        self.ctl.run(lambda: work_done(db, appointment_id), booked, title=tr("Could not save"))

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog_opened.emit(box)
        box.open()


__all__ = ["TechnicianLoop"]
