"""What a technician does about a problem: acknowledge, maintenance, check now, trust a host
key, open its intervention, call the client. Database work runs off the GUI thread; the window
shows the result at once through the controller."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from msp_console.monitoring.live import CheckRow
from msp_console.monitoring.service import acknowledge, add_maintenance
from msp_console.preferences import technician_name
from msp_console.ui.monitoring.dialogs import AckDialog, HostKeyDialog, MaintenanceDialog, host_key_problem
from msp_console.ui.worker import run_in_background

if TYPE_CHECKING:
    from msp_console.ui.monitoring.controller import MonitoringController

log = logging.getLogger(__name__)
audit = logging.getLogger("msp_console.audit.hostkeys")


class ProblemActions(QObject):
    message = Signal(str)  # for the status bar
    dialog_opened = Signal(object)  # tests answer dialogs through this
    intervention_shown = Signal(int)  # the intervention about a problem, to bring forward
    call_requested = Signal(int, object)  # client id, the problem's intervention id or None
    machine_call_requested = Signal(int)  # machine id: Call client about that machine's problems
    resume_requested = Signal()  # the technician chose "Resume polling" after a refused Check now

    def __init__(self, controller: MonitoringController, parent_widget: QWidget):
        super().__init__(parent_widget)
        self.controller = controller
        self.db = controller.app.db
        self.parent_widget = parent_widget

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None], what: str) -> None:
        def failed(exc: Exception) -> None:
            QMessageBox.warning(self.parent_widget, what, str(exc))

        run_in_background(fn, done, failed)

    def _user(self) -> str:
        """Who signs acknowledgements and trust decisions: the name set in Settings, else the login."""
        try:
            return technician_name(self.controller.preferences)
        except Exception:
            return "console"

    def _exec(self, dialog: QDialog) -> bool:
        self.dialog_opened.emit(dialog)
        return dialog.exec() == QDialog.DialogCode.Accepted

    # -- acknowledge ---------------------------------------------------------------------------
    def acknowledge(self, rows: list[CheckRow]) -> None:
        rows = [r for r in rows if r.is_problem and not r.acked]
        if not rows:
            return
        what = rows[0].path + " · " + rows[0].name + (f" (+{len(rows) - 1})" if len(rows) > 1 else "")
        dialog = AckDialog(what, self.parent_widget)
        if not self._exec(dialog):
            return
        comment, sticky, author = dialog.comment.text().strip(), dialog.sticky.isChecked(), self._user()

        def write() -> None:
            for r in rows:
                acknowledge(self.db, r.path, r.name, comment, sticky=sticky, author=author)

        def done(_: object) -> None:
            self.controller.mark([r.check_id for r in rows], acked=True, ack_comment=comment)
            self.message.emit(self.tr("Acknowledged: %1").replace("%1", what))

        self._run(write, done, self.tr("Cannot acknowledge"))

    # -- maintenance ---------------------------------------------------------------------------
    def maintenance(self, row: CheckRow) -> None:
        dialog = MaintenanceDialog(row.machine, row.client, self.parent_widget)
        if not self._exec(dialog):
            return
        start, end = dialog.window_times()
        whole = dialog.on_client.isChecked()
        target = row.client if whole else row.path
        comment = dialog.comment.text().strip()

        def done(_: object) -> None:
            now = datetime.now(UTC)
            if start <= now < end:
                ids = [
                    r.check_id
                    for r in self.controller.rows.values()
                    if (r.client_id == row.client_id if whole else r.machine_id == row.machine_id)
                ]
                self.controller.mark(ids, in_maintenance=True)
            self.message.emit(self.tr("Maintenance scheduled on %1").replace("%1", target))

        self._run(
            lambda: add_maintenance(self.db, target, start, end, comment=comment),
            done,
            self.tr("Cannot schedule maintenance"),
        )

    # -- check now -------------------------------------------------------------------------------
    def check_now(self, check_ids: list[int]) -> None:
        if self.controller.host.check_now(check_ids):
            self.message.emit(self.tr("Checking %n check(s) now…", "", len(check_ids)))
        elif self.controller.host.team:
            self.message.emit(self.tr("Team mode: the shared pollers run the checks."))
        else:
            text = self.tr("Polling is paused or starting: resume it to check now.")
            self.message.emit(text)
            if self.controller.host.paused:
                self._offer_resume(text)

    def _offer_resume(self, text: str) -> None:
        """Paused: the answer is a button that resumes, in a window that stays until read."""
        box = QMessageBox(self.parent_widget)
        box.setObjectName("resumePollingBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Check now"))
        box.setText(text)
        resume = box.addButton(self.tr("&Resume polling"), QMessageBox.ButtonRole.AcceptRole)
        resume.clicked.connect(self.resume_requested.emit)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(resume)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.resume_box = box

    # -- host keys ------------------------------------------------------------------------------
    def host_key(self, row: CheckRow) -> bool:
        problem = host_key_problem(row.output)
        if problem is None:
            return False
        dialog = HostKeyDialog(problem, self.parent_widget)
        if not self._exec(dialog):
            if problem.changed:
                audit.warning(
                    "changed host key of %s:%s NOT accepted by %s (presented %s)",
                    problem.host,
                    problem.port,
                    self._user(),
                    problem.fingerprint,
                )
            return False
        note = dialog.decision_note()
        user = self._user()

        def trust() -> None:
            from msp_console.monitoring.hostkeys import HostKeyStore

            HostKeyStore(self.db).trust(problem.host, problem.port, problem.fingerprint)

        def done(_: object) -> None:
            if problem.changed:
                audit.warning(
                    "changed host key of %s:%s accepted by %s: %s -> %s (%s)",
                    problem.host,
                    problem.port,
                    user,
                    problem.old,
                    problem.fingerprint,
                    note,
                )
            else:
                audit.info(
                    "host key of %s:%s trusted by %s: %s",
                    problem.host,
                    problem.port,
                    user,
                    problem.fingerprint,
                )
            self.message.emit(self.tr("Host key of %1 trusted").replace("%1", problem.host))
            self.check_now([row.check_id])

        self._run(trust, done, self.tr("Cannot trust the host key"))
        return True

    # -- interventions -----------------------------------------------------------------------
    def _intervention_of(self, row: CheckRow, then: Callable[[int | None], None]) -> None:
        def find() -> int | None:
            from msp_console.services.interventions import Scheduling

            return Scheduling(self.db).interventions.active_for_check(row.check_id)

        self._run(find, then, self.tr("Cannot read the interventions"))

    def open_intervention(self, row: CheckRow) -> None:
        """The problem's intervention if one is still open, else a new one, pre-filled."""

        def found(iv_id: int | None) -> None:
            if iv_id is None:
                self._new_intervention(row)
            else:
                self.intervention_shown.emit(iv_id)

        self._intervention_of(row, found)

    def call_client(self, row: CheckRow) -> None:
        """Call client about the problem's machine (its problems, its own intervention, a free slot)."""
        self.machine_call_requested.emit(row.machine_id)

    def _new_intervention(self, row: CheckRow) -> None:
        title, ok = QInputDialog.getText(
            self.parent_widget,
            self.tr("Open intervention"),
            self.tr("Title:"),
            text=f"{row.machine}: {row.name} {row.state.value.lower()}",
        )
        if not ok or not title.strip():
            return
        priority = "P2" if row.state.value == "CRITICAL" else "P3"

        def create() -> int:
            from msp_console.services.interventions import Scheduling

            return Scheduling(self.db).interventions.open(
                row.client_id,
                title.strip(),
                machine_ids=[row.machine_id],
                description=f"{row.path} · {row.name}: {row.output}",
                origin="monitoring",
                check_ref=f"check:{row.check_id}",
                priority=priority,
            )

        def done(iv_id: int) -> None:
            self.message.emit(self.tr("Intervention #%1 opened").replace("%1", str(iv_id)))
            self.intervention_shown.emit(iv_id)

        self._run(create, done, self.tr("Cannot open the intervention"))
