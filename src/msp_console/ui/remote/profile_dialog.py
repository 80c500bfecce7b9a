"""New connection profile: the fields of the protocol, the credential mode, an optional password.

The password goes straight to the OS keyring (never the database); a refused profile shows the
field errors and stays open with what was typed. The machine and its possible jump hosts are read
before the dialog opens (``open_profile_dialog``), and OK writes on the worker thread: the GUI
thread never waits on the database or the keyring.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from msp_console import secrets
from msp_console.app import App
from msp_console.db.models import Machine
from msp_console.domain.errors import ValidationError
from msp_console.remote.profiles import OPTIONS, CredentialMode, ProfileSpec, Protocol, validate
from msp_console.remote.store import MachineRef, ProfileStore, profile_ref
from msp_console.ui.dialogs.background_dialog import BackgroundSave, open_when_loaded
from msp_console.ui.dialogs.scrolled_form import ScrolledForm
from msp_console.ui.labels import credential_mode_text, protocol_text

_TEXT_OPTIONS = ("resolution", "gateway", "key_file", "command", "url", "vendor_id", "template", "client")
_BOOL_OPTIONS = ("fullscreen", "multimon", "drives", "clipboard", "agent_forwarding", "view_only")
_OPTION_LABELS = {  # marked for lupdate; shown through self.tr()
    "resolution": QT_TRANSLATE_NOOP("ProfileDialog", "Resolution"),
    "gateway": QT_TRANSLATE_NOOP("ProfileDialog", "Gateway"),
    "key_file": QT_TRANSLATE_NOOP("ProfileDialog", "Key file"),
    "command": QT_TRANSLATE_NOOP("ProfileDialog", "Command"),
    "url": QT_TRANSLATE_NOOP("ProfileDialog", "URL"),
    "vendor_id": QT_TRANSLATE_NOOP("ProfileDialog", "Vendor ID"),
    "template": QT_TRANSLATE_NOOP("ProfileDialog", "Template"),
    "client": QT_TRANSLATE_NOOP("ProfileDialog", "Client program"),
    "fullscreen": QT_TRANSLATE_NOOP("ProfileDialog", "Full screen"),
    "multimon": QT_TRANSLATE_NOOP("ProfileDialog", "All monitors"),
    "drives": QT_TRANSLATE_NOOP("ProfileDialog", "Share local drives"),
    "clipboard": QT_TRANSLATE_NOOP("ProfileDialog", "Share the clipboard"),
    "agent_forwarding": QT_TRANSLATE_NOOP("ProfileDialog", "Agent forwarding"),
    "view_only": QT_TRANSLATE_NOOP("ProfileDialog", "View only"),
}


# The form's labels, marked so lupdate extracts them (self.tr(label) translates them at run time).
_FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ProfileDialog", "Name"),
    QT_TRANSLATE_NOOP("ProfileDialog", "Protocol"),
    QT_TRANSLATE_NOOP("ProfileDialog", "Host"),
    QT_TRANSLATE_NOOP("ProfileDialog", "Port"),
    QT_TRANSLATE_NOOP("ProfileDialog", "User"),
    QT_TRANSLATE_NOOP("ProfileDialog", "Domain"),
    QT_TRANSLATE_NOOP("ProfileDialog", "Credential"),
    QT_TRANSLATE_NOOP("ProfileDialog", "Shared credential"),
    QT_TRANSLATE_NOOP("ProfileDialog", "Password"),
    QT_TRANSLATE_NOOP("ProfileDialog", "Jump host"),
)


@dataclass(frozen=True, slots=True)
class ProfileFormData:
    machine: MachineRef
    jump_hosts: tuple[tuple[int, str], ...]  # (id, name): the client's other machines


def load_profile_form(app: App, machine_id: int) -> ProfileFormData:
    """What the dialog offers: a database read, for the worker thread."""
    machine = ProfileStore(app.db).machine(machine_id)
    with app.db.read() as s:
        rows = s.execute(
            select(Machine.id, Machine.name)
            .where(Machine.client_id == machine.client_id, Machine.id != machine_id)
            .order_by(Machine.name)
        ).all()
    return ProfileFormData(machine, tuple((mid, name) for mid, name in rows))


def add_profile(app: App, machine_id: int, spec: ProfileSpec, password: str) -> tuple[int, str]:
    """Writes the profile, then its password to the OS keyring (worker thread). Returns the new
    profile's id and, when the keyring refused the password, why ("" otherwise)."""
    profile_id = ProfileStore(app.db).add(machine_id, spec)
    if password and spec.credential_mode is CredentialMode.PROFILE:
        try:
            secrets.set_secret(profile_ref(profile_id), password)
        except secrets.KeyringUnavailableError as exc:
            return profile_id, str(exc)
    return profile_id, ""


def open_profile_dialog(
    parent: QWidget, app: App, machine_id: int, on_open: Callable[[ProfileDialog], object] | None = None
) -> None:
    """Reads the machine and its possible jump hosts on the worker thread, then opens the dialog
    over ``parent``."""

    def load() -> ProfileFormData:
        return load_profile_form(app, machine_id)

    def build(data: ProfileFormData) -> ProfileDialog:
        return ProfileDialog(app, data, parent)

    title = QCoreApplication.translate("ProfileDialog", "New connection profile")
    key = ("profile", id(parent), machine_id)
    open_when_loaded(parent, load, build, title, key=key, on_open=on_open)


class ProfileDialog(QDialog):
    def __init__(self, app: App, data: ProfileFormData, parent: QWidget | None = None):
        """``data``: what ``load_profile_form`` read (off the GUI thread)."""
        super().__init__(parent)
        self.app, self.machine = app, data.machine
        self.machine_id = data.machine.id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New connection profile — %1").replace("%1", self.machine.path))
        self.fields = QWidget(self)  # frozen while the profile is being written
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(self)
        self.protocol = QComboBox(self)
        for p in Protocol:
            self.protocol.addItem(protocol_text(p.value), p)
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.machine.address or self.tr("host name or address"))
        self.port = QSpinBox(self)
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("default"))
        self.user = QLineEdit(self)
        self.domain = QLineEdit(self)
        self.credential = QComboBox(self)
        for mode in CredentialMode:
            self.credential.addItem(credential_mode_text(mode.value), mode)
        self.shared = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("stored in the OS keyring (credential: profile)"))
        self.jump = QComboBox(self)
        self.jump.addItem(self.tr("(direct)"), None)
        for mid, name in data.jump_hosts:
            self.jump.addItem(name, mid)
        widgets = [self.name, self.protocol, self.host, self.port, self.user, self.domain, self.credential,
                   self.shared, self.password, self.jump]  # fmt: skip
        for label, widget in zip(_FIELD_LABELS, widgets, strict=True):
            form.addRow(self.tr(str(label)), widget)
        self.text_options = {k: QLineEdit(self) for k in _TEXT_OPTIONS}
        self.bool_options = {k: QCheckBox(self.tr(str(_OPTION_LABELS[k])), self) for k in _BOOL_OPTIONS}
        # created last, as it is shown last: Tab goes down the form
        self.is_default = QCheckBox(self.tr("default profile (double-click, Enter)"), self)
        for key, edit in self.text_options.items():
            form.addRow(self.tr(str(_OPTION_LABELS[key])), edit)
        for box in self.bool_options.values():
            form.addRow("", box)
        form.addRow("", self.is_default)
        self.errors = QLabel(self)
        self.errors.setStyleSheet("color: #c62828")
        self.errors.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.saving = BackgroundSave(self, self.buttons, self.fields)
        layout = QVBoxLayout(self)
        layout.addWidget(ScrolledForm(self.fields), 1)
        layout.addWidget(self.errors)
        layout.addWidget(self.saving.status)
        layout.addWidget(self.buttons)
        self.protocol.currentIndexChanged.connect(self._show_relevant_options)
        self._show_relevant_options()

    def _show_relevant_options(self) -> None:
        proto = Protocol(self.protocol.currentData())
        for key, widget in [*self.text_options.items(), *self.bool_options.items()]:
            widget.setEnabled(proto in OPTIONS[key][1])

    def spec(self) -> ProfileSpec:
        proto = Protocol(self.protocol.currentData())
        options: dict[str, Any] = {}
        for key, edit in self.text_options.items():
            if edit.isEnabled() and edit.text().strip():
                options[key] = edit.text().strip()
        for key, box in self.bool_options.items():
            if box.isEnabled() and box.isChecked():
                options[key] = True
        return ProfileSpec(
            self.name.text().strip(), proto, self.host.text().strip(), self.port.value() or None,
            self.user.text().strip(), self.domain.text().strip(),
            CredentialMode(self.credential.currentData()), self.shared.text().strip(),
            self.jump.currentData(), options, self.is_default.isChecked(),
        )  # fmt: skip

    def accept(self) -> None:
        """Checks the fields here, then writes the profile and its password on the worker thread;
        the dialog closes once both are stored."""
        if self.saving.busy:
            return
        spec = self.spec()
        try:
            validate(spec)  # no I/O: a wrong field is named at once
        except ValidationError as exc:
            self._refused(exc)
            return
        app, machine_id, password = self.app, self.machine_id, self.password.text()
        self.errors.clear()
        self.saving.start(lambda: add_profile(app, machine_id, spec, password), self._written, self._refused)

    def _written(self, result: tuple[int, str]) -> None:
        self.saved_id, keyring_problem = result
        self.password.clear()
        if keyring_problem:
            self.errors.setText(
                self.tr("The profile is saved, but not its password: %1").replace("%1", keyring_problem)
            )
            return
        super().accept()

    def _refused(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            self.errors.setText("\n".join(str(e) for e in error.errors))
        else:
            self.errors.setText(self.tr("The profile could not be saved: %1").replace("%1", str(error)))

    def reject(self) -> None:
        if not self.saving.busy:  # the answer of a running save must find the dialog
            super().reject()
