"""Settings → Mail accounts: the mailboxes invoices (ordinary) and SdI files (PEC) leave from.

Changes here are written at once (each on the worker thread); the connection test runs on the
network pool so the database work never waits behind a slow mail server."""

from __future__ import annotations

import dataclasses

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_console.mail.account import Account
from msp_console.mail.check import StepResult
from msp_console.services.database import Database
from msp_console.ui import mail_words
from msp_console.ui.dialogs.background_dialog import busy_while
from msp_console.ui.palette_colours import error_style
from msp_console.ui.settings_dialog.mail_account_dialog import MailAccountDialog
from msp_console.ui.worker import run_in_background


class MailAccountsPage(QWidget):
    def __init__(self, db: Database):
        super().__init__()
        self.db = db
        self.accounts: list[Account] = []
        self.loaded = False
        self.list = QListWidget()
        self.list.setObjectName("mailAccounts")
        self.list.setAccessibleName(self.tr("Mail accounts"))
        self.list.currentRowChanged.connect(self._selected)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setObjectName("addMailAccount")
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("editMailAccount")
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("testMailAccount")
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setObjectName("removeMailAccount")
        self.pin_button = QPushButton(self.tr("&Pin this certificate"))
        self.pin_button.setObjectName("pinMailCertificate")
        self.pin_button.hide()
        self.add_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(lambda: self._edit(self.current()))
        self.test_button.clicked.connect(self.test_current)
        self.remove_button.clicked.connect(self._ask_remove)
        self.pin_button.clicked.connect(self._pin)
        self.result = QLabel()
        self.result.setObjectName("mailTestResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.offered_pin: str | None = None
        self.note_after_reload = ""
        intro = QLabel(
            self.tr(
                "Courtesy copies and payment reminders leave from an ordinary mailbox; FatturaPA files "
                "go to the SdI from a PEC mailbox. Passwords are kept in the operating system's keyring."
            )
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.test_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.pin_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._selected(-1)
        self.reload()

    def current(self) -> Account | None:
        row = self.list.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _selected(self, row: int) -> None:
        has = 0 <= row < len(self.accounts)
        for b in (self.edit_button, self.test_button, self.remove_button):
            b.setEnabled(has)
        self.result.clear()
        self.pin_button.hide()

    def reload(self, select: str | None = None) -> None:
        from msp_console.mail.store import list_accounts

        db = self.db
        busy_while(self, lambda: list_accounts(db), lambda a: self._show(a, select), self._failed)

    def _show(self, accounts: list[Account], select: str | None) -> None:
        self.accounts = accounts
        self.loaded = True
        self.list.clear()
        for a in accounts:
            kind = self.tr("PEC") if a.kind == "pec" else self.tr("ordinary")
            pinned = self.tr(", pinned certificate") if a.pinned_sha256 else ""
            text = f"{a.name} — {a.username} ({kind}; SMTP {a.smtp_host}:{a.smtp_port}{pinned})"
            QListWidgetItem(text, self.list)
        names = [a.name for a in accounts]
        self.list.setCurrentRow(names.index(select) if select in names else (0 if names else -1))
        if not accounts:
            self.result.setText(self.tr("No mail account yet: add one."))
        if self.note_after_reload:
            self.result.setStyleSheet("")
            self.result.setText(self.note_after_reload)
            self.note_after_reload = ""

    def _failed(self, error: Exception) -> None:
        self.result.setStyleSheet(error_style())
        self.result.setText(self.tr("The mail accounts could not be read: %1").replace("%1", str(error)))

    def _edit(self, account: Account | None) -> None:
        dialog = MailAccountDialog(self.db, account, self)
        dialog.saved.connect(lambda name: self.reload(name))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def test_current(self) -> None:
        from msp_console.mail.check import try_account

        account = self.current()
        if account is None:
            return
        self.test_button.setEnabled(False)
        self.pin_button.hide()
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Testing %1…").replace("%1", account.name))
        run_in_background(lambda: try_account(account), self._tested, self._test_failed, network=True)

    def _tested(self, results: list[StepResult]) -> None:
        if not shiboken6.isValid(self):
            return
        self.test_button.setEnabled(self.current() is not None)
        text, fingerprint = mail_words.describe_results(results)
        self.offered_pin = fingerprint
        ok = all(r.ok for r in results)
        self.result.setStyleSheet("" if ok else error_style())
        self.result.setText(text)
        self.pin_button.setVisible(fingerprint is not None)

    def _test_failed(self, error: Exception) -> None:
        if shiboken6.isValid(self):
            self.test_button.setEnabled(True)
            self.result.setStyleSheet(error_style())
            self.result.setText(str(error))

    def _pin(self) -> None:
        from msp_console.mail.store import save_account

        account, pin = self.current(), self.offered_pin
        if account is None or pin is None:
            return
        pinned = dataclasses.replace(account, pinned_sha256=pin)
        db = self.db
        self.pin_button.hide()

        def pinned_now(saved: Account) -> None:
            self.note_after_reload = self.tr("Certificate pinned: test the connection again.")
            self.reload(saved.name)

        busy_while(self, lambda: save_account(db, pinned, None, replace=True), pinned_now, self._failed)

    def _ask_remove(self) -> None:
        account = self.current()
        if account is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove mail account"),
            self.tr("Remove the mail account %1 and its password?").replace("%1", account.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("removeMailAccountQuestion")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda b: (
                self._remove(account.name)
                if box.standardButton(b) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        box.open()

    def _remove(self, name: str) -> None:
        from msp_console.mail.store import remove_account

        db = self.db
        busy_while(self, lambda: remove_account(db, name), lambda _: self.reload(), self._failed)
