"""The scheduling use cases as the GUI runs them: dialogs, then service calls off the GUI thread.

Every tab talks to this one object; after a write it emits ``changed`` and the tabs reload.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog
from shiboken6 import Shiboken

from msp_console.domain.business_calendar import BusinessCalendar
from msp_console.services.interventions import (
    AppointmentChanges,
    AppointmentConflict,
    AppointmentDraft,
    Scheduling,
)
from msp_console.services.interventions.appointment_edit import Scope
from msp_console.services.interventions.views import AppointmentView, SaveResult
from msp_console.ui import locale_format
from msp_console.ui.scheduling import prompts
from msp_console.ui.scheduling.look import tr
from msp_console.ui.scheduling.service_errors import error_text  # the refusals in the user's words
from msp_console.ui.worker import run_in_background

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow


def alive(obj: QObject) -> bool:
    return bool(Shiboken.isValid(obj))


class SchedulingController(QObject):
    changed = Signal()  # something was written: tabs reload
    calendar_loaded = Signal()
    open_intervention_requested = Signal(int)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.sc = Scheduling(window.app.db)
        self.calendar = BusinessCalendar()
        locale_format.set_zone(self.calendar.tz)  # every time on screen in the office's zone
        self.technicians: set[str] = set()
        self.loop: Any = None  # the TechnicianLoop (Call client, Start), set by the feature
        # tests replace this to answer dialogs; returns True when accepted
        self.exec_dialog: Callable[[QDialog], bool] = lambda dlg: dlg.exec() == QDialog.DialogCode.Accepted
        sc = self.sc
        self.run(lambda: sc.interventions.settings().calendar(), self._set_calendar)

    @property
    def tz(self) -> tzinfo:
        return self.calendar.tz

    def _set_calendar(self, calendar: BusinessCalendar) -> None:
        self.calendar = calendar
        locale_format.set_zone(calendar.tz)
        self.calendar_loaded.emit()

    # -- plumbing ----------------------------------------------------------------------------
    def run(
        self,
        fn: Callable[[], Any],
        on_ok: Callable[[Any], None] | None = None,
        *,
        title: str = "",
        on_error: Callable[[Exception], bool] | None = None,
    ) -> None:
        """Runs fn off the GUI thread; a failure the caller does not handle is shown in words."""

        def done(result: Any) -> None:
            if alive(self) and on_ok is not None:  # the window may have closed meanwhile
                on_ok(result)

        def failed(exc: Exception) -> None:
            if not alive(self):
                return
            if on_error is not None and on_error(exc):
                return
            if self.window.persist:
                prompts.warn(self.window, title or tr("Could not save"), error_text(exc))
            else:
                self.window.statusBar().showMessage(error_text(exc), 8000)

        run_in_background(fn, done, failed)

    def message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def written(self, text: str = "") -> None:
        if text:
            self.message(text)
        self.changed.emit()

    # -- inventory from the tree (no database read) -------------------------------------------
    def clients(self) -> list[tuple[int, str]]:
        return [(c.id, c.name) for c in self.window.model.snapshot.clients if not c.archived]

    def machines(self, client_id: int) -> list[tuple[int, str]]:
        for c in self.window.model.snapshot.clients:
            if c.id == client_id:
                found = list(c.machines) + [m for site in c.sites for m in site.machines]
                return sorted(((m.id, m.name) for m in found), key=lambda p: p[1].lower())
        return []

    def open_client(self, client_id: int) -> None:
        self.window.tree_dock.show()
        self.window.tree.select("client", client_id)

    # -- appointments ---------------------------------------------------------------------------
    def new_appointment(
        self,
        client_id: int | None = None,
        *,
        machine_id: int | None = None,
        intervention_id: int | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        title: str = "",
    ) -> None:
        from msp_console.ui.scheduling.appointment_dialog import AppointmentDialog

        if start is None:
            now = datetime.now(self.tz)
            start = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        dlg = AppointmentDialog(self, self.window)
        dlg.prefill(client_id, machine_id, intervention_id, start, end or start + timedelta(hours=1), title)
        if self.exec_dialog(dlg):
            self.save_new(dlg.draft())
        dlg.deleteLater()

    def save_new(self, draft: AppointmentDraft, force: bool = False) -> None:
        sc, tz = self.sc, self.tz

        def conflict(exc: Exception) -> bool:
            if isinstance(exc, AppointmentConflict):
                if prompts.save_despite_conflicts(self.window, exc.conflicts, tz):
                    self.save_new(draft, force=True)
                return True
            return False

        def saved(result: SaveResult) -> None:
            self.written(tr("Appointment #%1 saved.").replace("%1", str(result.id)))

        self.run(lambda: sc.appointments.add(draft, force=force), saved, on_error=conflict)

    def edit_appointment(self, view: AppointmentView) -> None:
        from msp_console.ui.scheduling.appointment_dialog import AppointmentDialog

        dlg = AppointmentDialog(self, self.window, existing=view)
        accepted = self.exec_dialog(dlg)
        action = dlg.action
        changes = dlg.changes() if accepted and action == "save" else None
        dlg.deleteLater()
        if not accepted:
            return
        if action == "done":
            self._finish(view, "done")
        elif action == "cancel":
            self._finish(view, "cancel")
        elif changes is not None and changes != AppointmentChanges():
            self.update_appointment(view, changes)

    def update_appointment(
        self, view: AppointmentView, changes: AppointmentChanges, *, force: bool = False, scope: str = ""
    ) -> None:
        """Saves the dialog's changes: for a series, this occurrence or all; conflicts asked first."""
        if view.recurring and not scope:
            scope = prompts.occurrence_or_series(self.window) or ""
            if not scope:
                return
        appts, tz = self.sc.appointments, self.tz
        service_scope: Scope = "series" if scope == "all" else "one"

        def go() -> SaveResult:
            return appts.update(
                view.id, changes, occurrence=view.occurrence, scope=service_scope, force=force
            )

        def conflict(exc: Exception) -> bool:
            if isinstance(exc, AppointmentConflict):
                if prompts.save_despite_conflicts(self.window, exc.conflicts, tz):
                    self.update_appointment(view, changes, force=True, scope=scope or "single")
                return True
            return False

        self.run(go, lambda _r: self.written(tr("Appointment saved.")), on_error=conflict)

    def _finish(self, view: AppointmentView, how: str) -> None:
        occurrence = view.occurrence if view.recurring and view.occurrence is not None else None
        if view.recurring and how == "cancel":
            scope = prompts.occurrence_or_series(self.window)
            if scope is None:
                return
            if scope == "all":
                occurrence = None
        appts = self.sc.appointments
        fn = appts.complete if how == "done" else appts.cancel
        self.run(lambda: fn(view.id, occurrence=occurrence), lambda _i: self.written())

    def move_appointment(
        self, view: AppointmentView, start: datetime, minutes: int, *, force: bool = False, scope: str = ""
    ) -> None:
        """Drag in the grid or a new time in the dialog: conflicts are shown before saving."""
        if view.recurring and not scope:
            scope = prompts.occurrence_or_series(self.window) or ""
            if not scope:
                self.changed.emit()  # the block goes back where it was
                return
        appts, tz = self.sc.appointments, self.tz

        def go() -> SaveResult:
            if scope == "all":
                row = appts.get(view.id)
                series_id = row.series_id or row.id
                series = appts.get(series_id)
                return appts.move(
                    series_id, series.start_at + (start - view.start), duration_minutes=minutes, force=force
                )
            occurrence = view.occurrence if scope == "one" else None
            return appts.move(view.id, start, duration_minutes=minutes, occurrence=occurrence, force=force)

        def conflict(exc: Exception) -> bool:
            if isinstance(exc, AppointmentConflict):
                if prompts.save_despite_conflicts(self.window, exc.conflicts, tz):
                    self.move_appointment(view, start, minutes, force=True, scope=scope or "single")
                else:
                    self.changed.emit()
                return True
            self.changed.emit()
            return False

        self.run(
            go,
            lambda _r: self.written(tr("Appointment moved.")),
            title=tr("Could not move"),
            on_error=conflict,
        )

    def export_invitation(self, appointment_id: int, path: str) -> None:
        from pathlib import Path

        from msp_console.calendar.ics_export import invitation
        from msp_console.fileio import atomic_write_bytes

        db = self.sc.db

        def go() -> str:
            atomic_write_bytes(Path(path), invitation(db, appointment_id))
            return path

        self.run(
            go,
            lambda p: self.message(tr("Invitation written to %1").replace("%1", p)),
            title=tr("Could not export"),
        )

    # -- interventions --------------------------------------------------------------------------
    def open_intervention(self, intervention_id: int) -> None:
        self.open_intervention_requested.emit(intervention_id)

    def new_intervention(
        self,
        client_id: int | None = None,
        machine_id: int | None = None,
        *,
        title: str = "",
        origin: str = "",
        machine_name: str = "",
    ) -> None:
        """The dialog, pre-filled (from a monitoring problem: its machine, summary and origin)."""
        from msp_console.ui.scheduling.intervention_dialogs import NewInterventionDialog

        if machine_id is None and machine_name and client_id is not None:
            machine_id = next((m for m, name in self.machines(client_id) if name == machine_name), None)
        dlg = NewInterventionDialog(self, self.window)
        dlg.prefill(client_id, machine_id, title=title, origin=origin)
        if self.exec_dialog(dlg):
            values = dlg.values()
            ivs = self.sc.interventions

            def opened(iid: int) -> None:
                self.written(tr("Intervention #%1 opened.").replace("%1", str(iid)))
                self.open_intervention(iid)

            self.run(lambda: ivs.open(**values), opened)
        dlg.deleteLater()

    def log_call(self, client_id: int, intervention_id: int | None = None) -> None:
        """Reads the client's contacts and open interventions, then asks (two keystrokes)."""
        inv, ivs = self.window.app.inventory, self.sc.interventions

        def load() -> tuple[Any, list[Any]]:
            return inv.client_card(client_id), ivs.list(client_id=client_id, active_only=True)

        self.run(
            load, lambda got: self._ask_call(got[0], got[1], intervention_id), title=tr("Cannot log the call")
        )

    def _ask_call(self, card: Any, open_ivs: list[Any], intervention_id: int | None) -> None:
        from msp_console.ui.scheduling.intervention_dialogs import LogCallDialog

        dlg = LogCallDialog(card, open_ivs, intervention_id, self.window)
        if self.exec_dialog(dlg):
            values = dlg.values()
            calls = self.sc.calls

            def logged(result: Any) -> None:
                text = tr("Call logged.")
                if result.task_id is not None:
                    text += " " + tr("A call task was scheduled.")
                self.written(text)
                if result.needs_appointment:
                    self.new_appointment(card.id, intervention_id=values.get("intervention_id"))

            self.run(lambda: calls.log(card.id, **values), logged)
        dlg.deleteLater()

    def transition(self, intervention_id: int, state: str, note: str = "") -> None:
        ivs = self.sc.interventions
        self.run(lambda: ivs.transition(intervention_id, state, note=note), lambda _s: self.written())

    def add_note(self, intervention_id: int, text: str) -> None:
        ivs = self.sc.interventions
        self.run(lambda: ivs.add_note(intervention_id, text), lambda _r: self.written())

    def add_time(self, intervention_id: int, minutes: int, note: str) -> None:
        ivs = self.sc.interventions
        self.run(lambda: ivs.log_time(intervention_id, minutes, note), lambda _r: self.written())


__all__ = ["SchedulingController", "alive", "error_text"]
