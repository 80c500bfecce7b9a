"""New connection profile: the fields of the protocol, the credential mode, an optional password.

The password goes straight to the OS keyring (never the database); a refused profile shows the
field errors and stays open with what was typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy import select

from msp_console import secrets
from msp_console.app import App
from msp_console.db.models import Machine
from msp_console.domain.errors import ValidationError
from msp_console.remote.profiles import OPTIONS, CredentialMode, ProfileSpec, Protocol
from msp_console.remote.store import ProfileStore, profile_ref

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


class ProfileDialog(QDialog):
    def __init__(self, app: App, machine_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.machine_id = app, machine_id
        self.store = ProfileStore(app.db)
        self.machine = self.store.machine(machine_id)
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New connection profile — %1").replace("%1", self.machine.path))
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.protocol = QComboBox(self)
        for p in Protocol:
            self.protocol.addItem(p.value, p)
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.machine.address or self.tr("host name or address"))
        self.port = QSpinBox(self)
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("default"))
        self.user = QLineEdit(self)
        self.domain = QLineEdit(self)
        self.credential = QComboBox(self)
        for mode in CredentialMode:
            self.credential.addItem(mode.value, mode)
        self.shared = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("stored in the OS keyring (credential: profile)"))
        self.jump = QComboBox(self)
        self.jump.addItem(self.tr("(direct)"), None)
        with app.db.read() as s:
            for mid, name in s.execute(
                select(Machine.id, Machine.name)
                .where(Machine.client_id == self.machine.client_id, Machine.id != machine_id)
                .order_by(Machine.name)
            ):
                self.jump.addItem(name, mid)
        self.is_default = QCheckBox(self.tr("default profile (double-click, Enter)"), self)
        widgets = [self.name, self.protocol, self.host, self.port, self.user, self.domain, self.credential,
                   self.shared, self.password, self.jump]  # fmt: skip
        for label, widget in zip(_FIELD_LABELS, widgets, strict=True):
            form.addRow(self.tr(str(label)), widget)
        self.text_options = {k: QLineEdit(self) for k in _TEXT_OPTIONS}
        self.bool_options = {k: QCheckBox(self.tr(str(_OPTION_LABELS[k])), self) for k in _BOOL_OPTIONS}
        for key, edit in self.text_options.items():
            form.addRow(self.tr(str(_OPTION_LABELS[key])), edit)
        for box in self.bool_options.values():
            form.addRow("", box)
        form.addRow("", self.is_default)
        self.errors = QLabel(self)
        self.errors.setStyleSheet("color: #c62828")
        self.errors.setWordWrap(True)
        form.addRow(self.errors)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
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
        spec = self.spec()
        try:
            self.saved_id = self.store.add(self.machine_id, spec)
        except ValidationError as exc:
            self.errors.setText("\n".join(str(e) for e in exc.errors))
            return
        if self.password.text() and spec.credential_mode is CredentialMode.PROFILE:
            try:
                secrets.set_secret(profile_ref(self.saved_id), self.password.text())
            except secrets.KeyringUnavailableError as exc:
                self.errors.setText(
                    self.tr("The profile is saved, but not its password: %1").replace("%1", str(exc))
                )
                self.password.clear()
                return
        self.password.clear()
        super().accept()
