"""Tools → Settings…: one dialog, a section per subject (list on the left).

The stored values are read off the GUI thread before the dialog opens (``open_settings_dialog``).
OK validates every section first, then writes them all on the worker thread; a problem opens its
section and says what is wrong, and the dialog closes once everything is written. Each value goes
where its feature reads it: preferences.json, the backup policy file, the company profile and
the scheduling settings in the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from msp_console.app import App
from msp_console.preferences import Preferences, apply_to_environment
from msp_console.ui.dialogs.background_dialog import BackgroundSave, open_when_loaded
from msp_console.ui.dialogs.scrolled_form import ScrolledForm
from msp_console.ui.palette_colours import error_style
from msp_console.ui.settings_dialog.company_form import CompanyForm
from msp_console.ui.settings_dialog.db_pages import BusinessHoursTab, DatabaseTab, InvoicesTab
from msp_console.ui.settings_dialog.invoice_mail_page import InvoiceMailPage
from msp_console.ui.settings_dialog.mail_page import MailAccountsPage
from msp_console.ui.settings_dialog.pages import (
    BackupPage,
    GeneralPage,
    NotificationsPage,
    PollingPage,
    RemotePage,
)
from msp_console.ui.settings_dialog.stored import (
    SaveRefused,
    SettingsChanges,
    StoredSettings,
    load_stored_settings,
    write_settings,
)


def open_settings_dialog(
    parent: QWidget, app: App, on_open: Callable[[SettingsDialog], object] | None = None
) -> None:
    """Reads the stored settings on the worker thread, then opens the dialog over ``parent``;
    ``on_open(dialog)`` runs just before it shows."""

    def build(stored: StoredSettings) -> SettingsDialog:
        return SettingsDialog(app, stored, parent)

    title = QCoreApplication.translate("SettingsDialog", "Settings")
    key = ("settings", id(parent))
    open_when_loaded(parent, lambda: load_stored_settings(app), build, title, key=key, on_open=on_open)


class SettingsDialog(QDialog):
    def __init__(self, app: App, stored: StoredSettings, parent: QWidget | None = None):
        """``stored``: what ``load_stored_settings`` read (off the GUI thread)."""
        super().__init__(parent)
        self.app = app
        self.stored = stored
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.saved: Preferences | None = None  # what the save wrote, once it succeeded
        prefs, profile = stored.preferences, stored.profile
        self.general = GeneralPage(prefs)
        self.database = DatabaseTab(app.db.url)
        self.company = CompanyForm(CompanyForm.FULL)
        self.company.load(profile)
        self.polling = PollingPage(prefs)
        self.notifications = NotificationsPage(prefs)
        self.hours = BusinessHoursTab(stored.scheduling)
        self.invoices = InvoicesTab(profile, prefs)
        self.remote = RemotePage(prefs)
        self.mail_accounts = MailAccountsPage(app.db)  # each reads its data on the worker thread
        self.invoice_mail = InvoiceMailPage(app.db)
        self.backups = BackupPage(stored.backup_policy, app.db.is_sqlite, stored.backups)
        self.sections = QListWidget()
        self.sections.setObjectName("settingsSections")
        self.sections.setAccessibleName(self.tr("Settings sections"))
        self.pages = QStackedWidget()
        self.pages.setObjectName("settingsPages")
        for widget, title in (
            (self.general, self.tr("General")),
            (self.database, self.tr("Database")),
            (ScrolledForm(self.company), self.tr("Company profile")),
            (self.polling, self.tr("Polling")),
            (self.notifications, self.tr("Notifications")),
            (self.hours, self.tr("Business hours")),
            (self.invoices, self.tr("Invoices")),
            (self.mail_accounts, self.tr("Mail accounts")),
            (self.invoice_mail, self.tr("Invoice e-mails")),
            (self.remote, self.tr("Remote connections")),
            (self.backups, self.tr("Backups")),
        ):
            self.sections.addItem(title)
            self.pages.addWidget(widget)
        self.sections.setSpacing(3)
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sections.setCurrentRow(0)
        width = max(self.sections.sizeHintForColumn(0), 120) + 24
        self.sections.setFixedWidth(width)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.saving = BackgroundSave(self, self.buttons, self.sections, self.pages)
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.saving.status)
        layout.addWidget(self.buttons)
        self.resize(860, 600)

    def _fail(self, tab: QWidget, text: str) -> None:
        pages = [self.pages.widget(i) for i in range(self.pages.count())]
        index = next((i for i, w in enumerate(pages) if tab in (w, _inner(w))), 0)
        self.sections.setCurrentRow(index)
        self.error.setText(text)

    def save(self) -> bool:
        """Validates every section, then starts writing them on the worker thread (the dialog
        closes once written); False, with the problem shown, when something is wrong."""
        if self.saving.busy:
            return False
        prefs = self.stored.preferences
        for page in (self.general, self.polling, self.notifications, self.remote):
            prefs = page.apply(prefs)
        prefs = replace(
            prefs,
            invoice_language=str(self.invoices.language.currentData()),
            invoice_pdf_with_report=self.invoices.with_report.isChecked(),
        )
        if prefs.errors():
            self._fail(self.general, "; ".join(prefs.errors().values()))
            return False
        if not self.company.validate():
            self._fail(self.company, self.tr("Some company details are not valid: see the marked fields."))
            return False
        if not self.invoices.is_valid():
            self._fail(self.invoices, self.tr("The invoice number format is not valid."))
            return False
        mail_problem = self.invoice_mail.problem()
        if mail_problem:
            self._fail(self.invoice_mail, mail_problem)
            return False
        mail = self.invoice_mail.changes()
        policy = self.backups.apply(self.stored.backup_policy)
        if policy.errors():
            self._fail(self.backups, "; ".join(policy.errors()))
            return False
        changes = SettingsChanges(
            prefs, self.hours.changes(), {**self.company.values(), **self.invoices.profile_changes()}, policy
        )
        self.error.clear()
        app = self.app

        def write() -> Preferences:
            written = write_settings(app, changes)
            if mail is not None:
                mail.write(app.db)
            return written

        return self.saving.start(write, self._written, self._refused)

    def _written(self, prefs: Preferences) -> None:
        self.saved = prefs
        apply_to_environment(prefs)
        super().accept()

    def _refused(self, error: Exception) -> None:
        if isinstance(error, SaveRefused):
            self._fail(self.hours if error.section == "hours" else self.company, error.message)
        else:
            self.error.setText(self.tr("The settings could not be saved: %1").replace("%1", str(error)))

    def accept(self) -> None:
        self.save()

    def reject(self) -> None:
        if not self.saving.busy:  # the answer of a running save must find the dialog
            super().reject()


def _inner(widget: QWidget | None) -> QWidget | None:
    return widget.widget() if isinstance(widget, QScrollArea) else widget
