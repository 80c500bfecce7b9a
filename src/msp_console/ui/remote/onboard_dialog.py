"""Machine → Add Windows machine… / Add Linux machine…: the onboarding script, to copy or save.

The machine and the console's key (made on first use, kept in the OS keyring) are read on the
worker thread before the dialog opens; after that the script is pure text, rebuilt as the
technician types the address (and the user, for Linux). A wrong address shows its refusal under
the field and the script's Copy and Save… wait until it is right.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_console.app import App
from msp_console.domain.errors import ValidationError
from msp_console.remote.console_key import ConsoleKey, ensure_console_key
from msp_console.remote.onboard import Request, check_request, render
from msp_console.remote.onboarding import Target, script_bytes
from msp_console.remote.store import ProfileStore
from msp_console.ui.dialogs.background_dialog import open_when_loaded
from msp_console.ui.validation_text import error_lines
from msp_console.ui.worker import run_in_background


def tr(text: str) -> str:
    return QCoreApplication.translate("OnboardDialog", text)


@dataclass(frozen=True, slots=True)
class OnboardData:
    target: Target
    key: ConsoleKey


class OnboardDialog(QDialog):
    def __init__(self, parent: QWidget | None, kind: str, data: OnboardData):
        super().__init__(parent)
        self.kind, self.target, self.key = kind, data.target, data.key
        self.setObjectName("onboardDialog")
        title = tr("Add Windows machine") if kind == "windows" else tr("Add Linux machine")
        self.setWindowTitle(f"{title} — {self.target.path}")
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        how = (
            tr(
                "Run this PowerShell script once on %1, as administrator. It installs OpenSSH Server, "
                "lets in this console's key and opens TCP port 22 only to the address below; at the "
                "end it prints the host key fingerprint to trust."
            )
            if kind == "windows"
            else tr(
                "Run this shell script once on %1, as root. It lets this console's key in for the "
                "user below, only from the address below and only to run commands; at the end it "
                "prints the host key fingerprint to trust."
            )
        ).replace("%1", self.target.path)
        intro = QLabel(how)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.allow_from = QLineEdit()
        self.allow_from.setObjectName("allowFrom")
        self.allow_from.setPlaceholderText(
            tr("this PC's address, e.g. 192.0.2.10 or 192.0.2.0/24")
            if kind == "linux"
            else tr("empty: the machine's local subnet")
        )
        self.labels = {"allow_from": tr("Allow SSH only from"), "user": tr("User")}
        form.addRow(self.labels["allow_from"], self.allow_from)
        self.user = QLineEdit("root")
        self.user.setObjectName("onboardUser")
        if kind == "linux":
            form.addRow(self.labels["user"], self.user)
        layout.addLayout(form)
        self.errors = QLabel()
        self.errors.setObjectName("onboardErrors")
        self.errors.setStyleSheet("color: #b00020")
        self.errors.setWordWrap(True)
        self.errors.hide()
        layout.addWidget(self.errors)
        self.script = QPlainTextEdit()
        self.script.setObjectName("onboardScript")
        self.script.setReadOnly(True)
        self.script.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.script.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.script, 1)
        fingerprint = QLabel(tr("This console's key: %1").replace("%1", self.key.fingerprint))
        fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(fingerprint)
        self.status = QLabel()
        self.status.setObjectName("onboardStatus")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(tr("&Copy"))
        self.copy_button.setObjectName("copyScript")
        self.save_button = QPushButton(tr("&Save…"))
        self.save_button.setObjectName("saveScript")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.ask_where_to_save)
        self.allow_from.textChanged.connect(self.refresh)
        self.user.textChanged.connect(self.refresh)
        self.saved_to: Path | None = None
        self.refresh()

    def refresh(self) -> None:
        """The script for what is typed now; a refusal instead when a field is wrong."""
        request = Request(self.kind, self.target.path, self.allow_from.text(), self.user.text())
        try:
            address, user = check_request(request)
        except ValidationError as exc:
            self.errors.setText(error_lines(exc.errors, self.labels))
            self.errors.show()
            self.script.setPlainText("")
            self._ready(False)
            return
        self.errors.hide()
        self.script.setPlainText(render(self.kind, self.target, self.key, address, user))
        self._ready(True)

    def _ready(self, ok: bool) -> None:
        self.copy_button.setEnabled(ok)
        self.save_button.setEnabled(ok)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.script.toPlainText())
        self.status.setText(tr("Copied: paste it on the machine."))

    def default_name(self) -> str:
        suffix = ".ps1" if self.kind == "windows" else ".sh"
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in self.target.machine)
        return f"onboard-{safe}{suffix}"

    def ask_where_to_save(self) -> None:
        pattern = tr("PowerShell script (*.ps1)") if self.kind == "windows" else tr("Shell script (*.sh)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the script"), self.default_name(), pattern)
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Written on the worker thread (a network share can be slow); the answer in the status line."""
        from msp_console.fileio import atomic_write_bytes

        data = script_bytes(self.kind, self.script.toPlainText())
        self.save_button.setEnabled(False)

        def done(_: object) -> None:
            self.saved_to = path
            self.save_button.setEnabled(True)
            self.status.setText(tr("Saved to %1").replace("%1", str(path)))

        def failed(error: Exception) -> None:
            self.save_button.setEnabled(True)
            text = tr("The script could not be saved: %1").replace("%1", str(error))
            self.status.setText(text)

        run_in_background(lambda: atomic_write_bytes(path, data, mode=0o600), done, failed)


def open_onboard_dialog(
    parent: QWidget,
    app: App,
    machine_id: int,
    kind: str,
    on_open: Callable[[OnboardDialog], object] | None = None,
    key_source: Callable[[], ConsoleKey] = ensure_console_key,
) -> None:
    """Reads the machine and the console's key off the GUI thread, then opens the dialog."""

    def load() -> OnboardData:
        m = ProfileStore(app.db).machine(machine_id)
        return OnboardData(Target(m.client_name, m.name, m.address), key_source())

    def keyring_trouble(error: Exception) -> bool:
        from msp_console.secrets import KeyringUnavailableError

        if not isinstance(error, KeyringUnavailableError):
            return False
        text = tr(
            "The console's SSH key is kept only in the system keyring, and no usable keyring was "
            "found, so no script was made. Install and unlock one (GNOME Keyring or KWallet on "
            "Linux; on Windows and macOS the system's own), then try again."
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning, tr("Add machine"), text, QMessageBox.StandardButton.Ok, parent
        )
        box.setDetailedText(str(error))  # the keyring's own words, for whoever fixes it
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return True

    open_when_loaded(
        parent,
        load,
        lambda data: OnboardDialog(parent, kind, data),
        tr("Add machine"),
        key=("onboard", machine_id, kind),
        on_error=keyring_trouble,
        on_open=on_open,
    )
