"""Add or edit a mail account: servers, security, user, password (to the OS keyring), pinned
certificate. Checked field by field before the write, which runs on the worker thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
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

from msp_console.mail.account import Account, default_port, normalise_fingerprint
from msp_console.services.database import Database
from msp_console.ui.dialogs.background_dialog import BackgroundSave
from msp_console.ui.palette_colours import error_style

FIELDS = (
    "name",
    "kind",
    "security",
    "smtp_host",
    "smtp_port",
    "imap_host",
    "imap_port",
    "user",
    "password",
    "sender_address",
    "pin_fingerprint",
)


class MailAccountDialog(QDialog):
    saved = Signal(str)  # the account's name, once written

    def __init__(self, db: Database, account: Account | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.original = account
        self.setObjectName("mailAccountDialog")
        self.setWindowTitle(self.tr("Edit mail account") if account else self.tr("Add mail account"))
        self.name = QLineEdit(account.name if account else "")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Ordinary mailbox (courtesy copies, reminders)"), "smtp")
        self.kind.addItem(self.tr("PEC (certified mail, for the SdI)"), "pec")
        self.security = QComboBox()
        self.security.addItem(self.tr("TLS (ports 465 / 993)"), "tls")
        self.security.addItem(self.tr("STARTTLS (ports 587 / 143)"), "starttls")
        self.smtp_host = QLineEdit(account.smtp_host if account else "")
        self.smtp_port = self._port(account.smtp_port if account else 465)
        self.imap_host = QLineEdit(account.imap_host if account else "")
        self.imap_host.setPlaceholderText(self.tr("(the SMTP server)"))
        self.imap_port = self._port(account.imap_port if account else 993)
        self.user = QLineEdit(account.username if account else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if account:
            self.password.setPlaceholderText(self.tr("(unchanged)"))
        self.sender_address = QLineEdit(account.sender_address if account else "")
        self.sender_address.setPlaceholderText(self.tr("(the user name)"))
        self.pin_fingerprint = QLineEdit((account.pinned_sha256 or "") if account else "")
        self.pin_fingerprint.setPlaceholderText(self.tr("only for a self-signed certificate"))
        if account:
            self.kind.setCurrentIndex(max(0, self.kind.findData(account.kind)))
            self.security.setCurrentIndex(max(0, self.security.findData(account.smtp_security)))
        self.security.currentIndexChanged.connect(self._default_ports)
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        labels = {
            "name": self.tr("Name"),
            "kind": self.tr("Kind"),
            "security": self.tr("Security"),
            "smtp_host": self.tr("SMTP server"),
            "smtp_port": self.tr("SMTP port"),
            "imap_host": self.tr("IMAP server"),
            "imap_port": self.tr("IMAP port"),
            "user": self.tr("User name"),
            "password": self.tr("Password"),
            "sender_address": self.tr("Sender address"),
            "pin_fingerprint": self.tr("Pinned certificate (SHA-256)"),
        }
        for field in FIELDS:
            widget: QWidget = getattr(self, field)
            widget.setObjectName(f"mail_{field}")
            widget.setAccessibleName(labels[field])
            error = QLabel()
            error.setObjectName(f"mail_{field}_error")
            error.setStyleSheet(error_style())
            error.setWordWrap(True)
            error.hide()
            self.errors[field] = error
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(labels[field], box)
        self.problem = QLabel()
        self.problem.setObjectName("mailAccountProblem")
        self.problem.setStyleSheet(error_style())
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        fields = QWidget()
        fields.setLayout(form)
        self.saving = BackgroundSave(self, self.buttons, fields)
        layout = QVBoxLayout(self)
        layout.addWidget(fields)
        layout.addWidget(self.problem)
        layout.addWidget(self.saving.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def _port(self, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, 65535)
        box.setValue(value)
        return box

    def _default_ports(self) -> None:
        security = str(self.security.currentData())
        self.smtp_port.setValue(default_port("smtp", security))
        self.imap_port.setValue(default_port("imap", security))

    def account(self) -> Account:
        security = str(self.security.currentData())
        smtp_host = self.smtp_host.text().strip()
        return Account(
            name=self.name.text().strip(),
            kind=str(self.kind.currentData()),
            smtp_host=smtp_host,
            smtp_port=self.smtp_port.value(),
            smtp_security=security,
            imap_host=self.imap_host.text().strip() or smtp_host,
            imap_port=self.imap_port.value(),
            imap_security=security,
            username=self.user.text().strip(),
            pinned_sha256=normalise_fingerprint(self.pin_fingerprint.text()),
            sender_address=self.sender_address.text().strip(),
            id=self.original.id if self.original else None,
        )

    def _field_text(self, field: str) -> str:
        return {
            "name": self.tr("1 to 60 letters, digits or . _ @ - (for example pec or office)."),
            "smtp_host": self.tr("A server name such as smtps.pec.example.it."),
            "imap_host": self.tr("A server name such as imaps.pec.example.it."),
            "smtp_port": self.tr("A port between 1 and 65535."),
            "imap_port": self.tr("A port between 1 and 65535."),
            "user": self.tr("The user name (usually the mailbox address) is required."),
            "password": self.tr("A new account needs its password."),
            "sender_address": self.tr("This is not an e-mail address to send from."),
            "pin_fingerprint": self.tr("A SHA-256 fingerprint: 64 hexadecimal digits, colons allowed."),
        }.get(field, self.tr("This value is not valid."))

    def validate(self) -> bool:
        account = self.account()
        wrong = {e.field for e in account.errors()}
        if not self.original and not self.password.text():
            wrong.add("password")
        for field, label in self.errors.items():
            label.setVisible(field in wrong)
            label.setText(self._field_text(field) if field in wrong else "")
        self.adjustSize()  # room for the messages just shown
        return not wrong

    def accept(self) -> None:
        if self.saving.busy or not self.validate():
            return
        from msp_console.mail.store import save_account

        account, db = self.account(), self.db
        password = self.password.text() or None
        replace = self.original is not None
        self.problem.clear()
        self.saving.start(
            lambda: save_account(db, account, password, replace=replace), self._written, self._refused
        )

    def _written(self, account: Account) -> None:
        self.saved.emit(account.name)
        super().accept()

    def _refused(self, error: Exception) -> None:
        from msp_console.domain.errors import ValidationError

        if isinstance(error, ValidationError) and any(e.field == "name" for e in error.errors):
            self.errors["name"].setText(self.tr("A mail account with this name exists already."))
            self.errors["name"].show()
            return
        self.problem.setText(self.tr("The account could not be saved: %1").replace("%1", str(error)))

    def reject(self) -> None:
        if not self.saving.busy:
            super().reject()
