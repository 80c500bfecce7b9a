"""Dialogs of live health: acknowledge a problem, schedule maintenance, trust a host key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from msp_console.ui import locale_format

_UNTRUSTED = re.compile(r"host key not yet trusted: (?P<fp>SHA256:\S+) on (?P<host>[^\s:]+):(?P<port>\d+)")
_CHANGED = re.compile(
    r"host key changed on (?P<host>[^\s:]+):(?P<port>\d+): trusted (?P<old>SHA256:\S+), "
    r"presented (?P<fp>SHA256:\S+)"
)


@dataclass(frozen=True, slots=True)
class HostKeyProblem:
    host: str
    port: int
    fingerprint: str  # what the server presents now
    old: str = ""  # the trusted one, when the key changed

    @property
    def changed(self) -> bool:
        return bool(self.old)


def host_key_problem(output: str) -> HostKeyProblem | None:
    """The host-key question a check's output asks, if any (the engine words it this way)."""
    m = _CHANGED.search(output)
    if m:
        return HostKeyProblem(m["host"], int(m["port"]), m["fp"].rstrip(",;"), m["old"].rstrip(",;"))
    m = _UNTRUSTED.search(output)
    if m:
        return HostKeyProblem(m["host"], int(m["port"]), m["fp"].rstrip(",;)"))
    return None


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class AckDialog(QDialog):
    """Why the problem is known; sticky = until OK, otherwise until the state changes."""

    def __init__(self, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge problem"))
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("e.g. disk ordered, ticket 123"))
        self.sticky = QCheckBox(self.tr("Keep until the check is OK again (sticky)"))
        self.sticky.setChecked(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form = QFormLayout()
        form.addRow(QLabel(what))
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow(self.sticky)
        form.addRow(self.error)
        self.box = _buttons(self, self.tr("Acknowledge"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.box)

    def accept(self) -> None:
        if not self.comment.text().strip():
            self.error.setText(self.tr("Say why (the comment is shown to the whole team)."))
            self.comment.setFocus()
            return
        super().accept()


class MaintenanceDialog(QDialog):
    """A one-off window on the machine or the whole client: from a start, for a duration or to an end."""

    def __init__(self, machine: str, client: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Schedule maintenance"))
        self.on_machine = QRadioButton(self.tr("Machine %1").replace("%1", machine))
        self.on_client = QRadioButton(self.tr("Whole client %1").replace("%1", client))
        self.on_machine.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.on_machine)
        group.addButton(self.on_client)
        now = QDateTime.currentDateTime()
        self.start = QDateTimeEdit(now)
        self.start.setDisplayFormat(locale_format.datetime_pattern())  # like every date on screen
        self.start.setCalendarPopup(True)
        self.hours = QSpinBox()
        self.hours.setRange(0, 24 * 14)
        self.hours.setValue(2)
        self.hours.setSuffix(self.tr(" h"))
        self.end = QDateTimeEdit(now.addSecs(2 * 3600))
        self.end.setDisplayFormat(locale_format.datetime_pattern())
        self.end.setCalendarPopup(True)
        self.hours.valueChanged.connect(
            lambda h: self.end.setDateTime(self.start.dateTime().addSecs(h * 3600))
        )
        self.start.dateTimeChanged.connect(
            lambda dt: self.end.setDateTime(dt.addSecs(self.hours.value() * 3600))
        )
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("e.g. Windows updates and reboot"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form = QFormLayout()
        form.addRow(self.tr("On:"), self.on_machine)
        form.addRow("", self.on_client)
        form.addRow(self.tr("Start:"), self.start)
        form.addRow(self.tr("Duration:"), self.hours)
        form.addRow(self.tr("End:"), self.end)
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow(self.error)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Schedule")))

    def window_times(self) -> tuple[datetime, datetime]:
        start = datetime.fromtimestamp(self.start.dateTime().toSecsSinceEpoch(), UTC)
        end = datetime.fromtimestamp(self.end.dateTime().toSecsSinceEpoch(), UTC)
        return start, end

    def accept(self) -> None:
        start, end = self.window_times()
        if end <= start:
            self.error.setText(self.tr("The end must come after the start."))
            return
        if end - start > timedelta(days=31):
            self.error.setText(self.tr("A window is at most 31 days; use a recurring window for more."))
            return
        super().accept()


class HostKeyDialog(QDialog):
    """Trust a new key (after checking the fingerprint) or — in red — a changed one, explicitly."""

    def __init__(self, problem: HostKeyProblem, parent: QWidget | None = None):
        super().__init__(parent)
        self.problem = problem
        where = f"{problem.host}:{problem.port}"
        layout = QVBoxLayout(self)
        if problem.changed:
            self.setWindowTitle(self.tr("Host key CHANGED"))
            warn = QLabel(
                self.tr(
                    "<b>The host key of %1 has changed.</b><br>This happens after a reinstall — or "
                    "when someone is intercepting the connection. No credentials were sent.<br><br>"
                    "Trusted before: <tt>%2</tt><br>Presented now: <tt>%3</tt><br><br>"
                    "Verify the new fingerprint on the server's console before accepting it."
                )
                .replace("%1", where)
                .replace("%2", problem.old)
                .replace("%3", problem.fingerprint)
            )
            warn.setObjectName("hostKeyWarning")
            warn.setStyleSheet(
                "QLabel#hostKeyWarning { background: #ffebee; color: #b71c1c; border: 2px solid #c62828;"
                " padding: 10px; }"
            )
            warn.setWordWrap(True)
            warn.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(warn)
            self.confirm = QCheckBox(self.tr("I verified the new fingerprint; the change is expected"))
            layout.addWidget(self.confirm)
            self.reason = QLineEdit()
            self.reason.setPlaceholderText(self.tr("Why (logged): e.g. server reinstalled, ticket 812"))
            layout.addWidget(self.reason)
            box = _buttons(self, self.tr("Accept the new key"))
            ok = box.button(QDialogButtonBox.StandardButton.Ok)
            ok.setEnabled(False)

            def update() -> None:
                ok.setEnabled(self.confirm.isChecked() and bool(self.reason.text().strip()))

            self.confirm.toggled.connect(update)
            self.reason.textChanged.connect(update)
            box.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        else:
            self.setWindowTitle(self.tr("Trust host key"))
            text = QLabel(
                self.tr(
                    "%1 presented a host key this console has never seen:<br><br><tt>%2</tt><br><br>"
                    "Compare it with the server's own fingerprint "
                    "(<tt>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</tt>) before trusting it."
                )
                .replace("%1", where)
                .replace("%2", problem.fingerprint)
            )
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(text)
            self.confirm = QCheckBox()
            self.reason = QLineEdit()
            box = _buttons(self, self.tr("Trust this key"))
        layout.addWidget(box)
        self.box = box

    def decision_note(self) -> str:
        return self.reason.text().strip()
