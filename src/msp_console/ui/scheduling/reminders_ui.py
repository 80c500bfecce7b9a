"""Desktop reminders: the service's ReminderJob fires, a tray message shows it, snooze is one click.

The job runs on APScheduler's thread; the notifier hands each reminder to the GUI thread through
a queued signal. Missed reminders (the console was closed) are listed in a small dialog at start.
"""

from __future__ import annotations

import threading
from datetime import timedelta, tzinfo

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from msp_console.db.base import utcnow
from msp_console.services.interventions import ReminderJob
from msp_console.services.interventions.views import Reminder
from msp_console.ui.kind_icons import kind_icon
from msp_console.ui.scheduling.controller import SchedulingController
from msp_console.ui.scheduling.look import datetime_text, time_text, tr
from msp_console.ui.scheduling.timeline_text import task_note_text

SNOOZE = timedelta(minutes=10)


def reminder_text(r: Reminder, tz: tzinfo) -> str:
    """The reminder in the user's language (its stored title is the English line)."""
    if not r.client:
        return r.title
    if r.kind == "appointment":
        where = tr("on site") if r.on_site else tr("remote")
        return f"{time_text(r.event_at.astimezone(tz))} {r.client}: {r.subject} ({where})"
    return tr("Call %1: %2").replace("%1", r.client).replace("%2", task_note_text(r.subject))


class ReminderNotifier(QObject):
    fired = Signal(object)  # Reminder, emitted from the scheduler thread, delivered queued

    def __init__(self, ctl: SchedulingController):
        super().__init__(ctl)
        self.ctl = ctl
        self.job: ReminderJob | None = None
        self.last: Reminder | None = None
        self.tray: QSystemTrayIcon | None = None
        self._lock = threading.Lock()
        self.fired.connect(self._show)

    def start(self) -> None:
        window = self.ctl.window
        tray = getattr(window, "tray", None)
        if isinstance(tray, QSystemTrayIcon):
            self.tray = tray
        elif QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(kind_icon("client"), window)
            self.tray.setToolTip("MSP Console")
            self.tray.show()
            setattr(window, "tray", self.tray)  # noqa: B010 - other features reuse it (getattr(window, "tray"))
        if self.tray is not None:
            self.tray.messageClicked.connect(self._clicked)
        self.job = job = ReminderJob(self.ctl.sc.db, self.fired.emit)
        lock = self._lock

        def begin() -> list[Reminder]:
            with lock:  # the window may close before this runs: then never start the scheduler
                if self.job is not job:
                    return []
                return job.start()

        self.ctl.run(begin, self._missed, title=tr("Reminders are not running"))

    def stop(self) -> None:
        with self._lock:
            job, self.job = self.job, None
        if job is not None:
            job.stop()

    def _missed(self, fired: list[Reminder]) -> None:
        missed = [r for r in fired if r.missed]
        if missed:
            MissedDialog(self, missed, self.ctl.window).show()

    def _show(self, reminder: Reminder) -> None:
        if reminder.missed:
            return  # listed in the missed dialog instead
        self.last = reminder
        title = reminder_text(reminder, self.ctl.tz)
        text = (
            title
            + "\n"
            + tr("Click to snooze %1 minutes.").replace("%1", str(int(SNOOZE.total_seconds() // 60)))
        )
        if self.tray is not None:
            self.tray.setProperty("mspLastMessage", "reminder")  # whose message a click answers
            self.tray.showMessage(
                tr("MSP Console reminder"), text, QSystemTrayIcon.MessageIcon.Information, 15_000
            )
        else:
            self.ctl.message(title)

    def _clicked(self) -> None:
        if self.tray is not None and self.tray.property("mspLastMessage") not in (None, "reminder"):
            return  # a problem's notification: monitoring answers it
        if self.last is None:
            return
        if self.last.kind == "appointment" and self.ctl.loop is not None:
            self.ask_start(self.last)
        else:
            self.snooze(self.last)

    def ask_start(self, reminder: Reminder) -> None:
        """An appointment's reminder: Start its remote session now, or snooze."""
        appointment_id = int(reminder.key.split(":")[1])
        box = QMessageBox(self.ctl.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(tr("Appointment"))
        box.setText(reminder.title)
        box.setObjectName("reminderStartBox")
        start = box.addButton(tr("▶ Start"), QMessageBox.ButtonRole.AcceptRole)
        snooze = box.addButton(
            tr("Snooze %1 minutes").replace("%1", str(int(SNOOZE.total_seconds() // 60))),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(start)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            if button is start:
                self.ctl.loop.start_appointment(appointment_id)
            elif button is snooze:
                self.snooze(reminder)

        box.buttonClicked.connect(answered)
        self.ctl.window.showNormal()
        self.ctl.window.raise_()
        box.open()

    def snooze(self, reminder: Reminder) -> None:
        rem = self.ctl.sc.reminders
        until = utcnow() + SNOOZE
        self.ctl.run(
            lambda: rem.snooze(reminder.key, until), lambda _r: self.ctl.message(tr("Reminder snoozed."))
        )

    def dismiss(self, reminder: Reminder) -> None:
        rem = self.ctl.sc.reminders
        self.ctl.run(lambda: rem.dismiss(reminder.key))


class MissedDialog(QDialog):
    def __init__(self, notifier: ReminderNotifier, missed: list[Reminder], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("missedReminders")
        self.setWindowTitle(tr("Missed reminders"))
        self.notifier = notifier
        self.list = QListWidget()
        tz = notifier.ctl.tz
        for r in missed:
            item = QListWidgetItem(f"{datetime_text(r.event_at, tz)} — {reminder_text(r, tz)}")
            item.setData(256, r)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        snooze = QPushButton(tr("Snooze selected"))
        snooze.clicked.connect(self._snooze)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(snooze, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _snooze(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.notifier.snooze(item.data(256))
            self.list.takeItem(self.list.row(item))
