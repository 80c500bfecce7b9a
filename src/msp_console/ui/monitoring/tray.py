"""The tray icon (colour = worst state), desktop notifications, counts in the window title.

``window.tray`` is created here; other features (reminders) reuse it with
``getattr(window, "tray", None)``. Notifications are only for confirmed problems and recoveries
outside maintenance and acknowledgements (the engine's ``notify`` flag), of the kinds chosen in
Settings → Notifications and outside its quiet hours (the controller filters), and not while
"Do not disturb" is on. ``shown`` keeps what was raised (tests and the status bar).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from msp_console.domain.health import HealthState, worst
from msp_console.monitoring.live import CheckRow
from msp_console.ui.states import state_icon, state_text


def counts_text(counts: dict[HealthState, int]) -> str:
    order = (HealthState.CRITICAL, HealthState.UNREACHABLE, HealthState.WARNING, HealthState.UNKNOWN)
    return ", ".join(f"{counts[s]} {state_text(s).lower()}" for s in order if counts.get(s))


LAST_MESSAGE = "mspLastMessage"  # tray property: whose message a click answers ("problem", "reminder")


class Notifier(QObject):
    problem_clicked = Signal(int)  # machine id: the technician clicked a problem's notification

    def __init__(self, window: QMainWindow, title: str):
        super().__init__(window)
        self.window = window
        self.base_title = title
        self.tray = QSystemTrayIcon(state_icon(HealthState.PENDING, 32), window)
        self.tray.setToolTip(title)
        self.tray.activated.connect(lambda _r: self.bring_up())
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        self.tray.messageClicked.connect(self.message_clicked)
        self.do_not_disturb = False
        self.last_problem: CheckRow | None = None
        self.shown: list[tuple[str, str]] = []
        self._worst: HealthState | None = None

    def bring_up(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def set_counts(self, counts: dict[HealthState, int]) -> None:
        text = counts_text(counts)
        state = worst(counts) if counts else HealthState.OK
        if state is not self._worst:
            self._worst = state
            self.tray.setIcon(state_icon(state, 32))
        title = f"{self.base_title} — {text}" if text else self.base_title
        if title == self.window.windowTitle():  # called per batch of results: most change nothing
            return
        self.window.setWindowTitle(title)
        self.tray.setToolTip(title if text else f"{self.base_title} — {state_text(HealthState.OK)}")

    def notify(self, row: CheckRow) -> None:
        if self.do_not_disturb or row.muted:
            return
        if row.hard_state is HealthState.OK:
            title = self.tr("%1 recovered").replace("%1", f"{row.machine} · {row.name}")
            icon = QSystemTrayIcon.MessageIcon.Information
        else:
            title = f"{row.hard_state.glyph} {state_text(row.hard_state)}: {row.machine} · {row.name}"
            icon = (
                QSystemTrayIcon.MessageIcon.Critical
                if row.hard_state is HealthState.CRITICAL
                else QSystemTrayIcon.MessageIcon.Warning
            )
        body = f"{row.client}\n{row.output.splitlines()[0] if row.output else ''}"
        if row.hard_state is not HealthState.OK:
            body += "\n" + self.tr("Click to call the client.")
        self.last_problem = row if row.hard_state is not HealthState.OK else None
        self.tray.setProperty(LAST_MESSAGE, "problem")
        self.shown.append((title, body))
        del self.shown[:-200]
        if self.tray.isVisible() and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, body, icon, 10_000)

    def message_clicked(self) -> None:
        """A click on a problem's notification: the window comes up with Call client open."""
        if self.tray.property(LAST_MESSAGE) != "problem":
            return  # a reminder's message: the reminders answer it
        self.bring_up()
        if self.last_problem is not None:
            self.problem_clicked.emit(self.last_problem.machine_id)

    def icon(self) -> QIcon:
        return self.tray.icon()
