"""Tools → Settings…: one dialog, a section per subject (list on the left).

OK validates every section first and writes only when all are right; a problem opens its section
and says what is wrong. Each value goes where its feature reads it: preferences.json, the backup
policy file, the company profile and the scheduling settings in the database."""

from __future__ import annotations

from dataclasses import replace

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
from msp_console.domain.errors import ValidationError
from msp_console.preferences import Preferences, apply_to_environment, load_preferences, save_preferences
from msp_console.services.backup_schedule import load_policy, save_policy
from msp_console.services.billing.company import load_profile, profile_dict, update_profile
from msp_console.services.interventions.settings import load_settings, save_settings
from msp_console.ui.palette_colours import error_style
from msp_console.ui.settings_dialog.company_form import CompanyForm
from msp_console.ui.settings_dialog.db_pages import BusinessHoursTab, DatabaseTab, InvoicesTab
from msp_console.ui.settings_dialog.pages import (
    BackupPage,
    GeneralPage,
    NotificationsPage,
    PollingPage,
    RemotePage,
)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class SettingsDialog(QDialog):
    def __init__(self, app: App, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.saved: Preferences | None = None  # what save() wrote
        prefs = load_preferences()
        with app.db.read() as session:
            profile = profile_dict(load_profile(session))
            scheduling = load_settings(session)
        self.general = GeneralPage(prefs)
        self.database = DatabaseTab(app.db.url)
        self.company = CompanyForm(CompanyForm.FULL)
        self.company.load(profile)
        self.polling = PollingPage(prefs)
        self.notifications = NotificationsPage(prefs)
        self.hours = BusinessHoursTab(scheduling)
        self.invoices = InvoicesTab(profile, prefs)
        self.remote = RemotePage(prefs)
        self.backups = BackupPage(load_policy(), app.db.is_sqlite)
        self.sections = QListWidget()
        self.sections.setObjectName("settingsSections")
        self.sections.setAccessibleName(self.tr("Settings sections"))
        self.pages = QStackedWidget()
        self.pages.setObjectName("settingsPages")
        for widget, title in (
            (self.general, self.tr("General")),
            (self.database, self.tr("Database")),
            (_scrolled(self.company), self.tr("Company profile")),
            (self.polling, self.tr("Polling")),
            (self.notifications, self.tr("Notifications")),
            (self.hours, self.tr("Business hours")),
            (self.invoices, self.tr("Invoices")),
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(860, 600)

    def _fail(self, tab: QWidget, text: str) -> None:
        pages = [self.pages.widget(i) for i in range(self.pages.count())]
        index = next((i for i, w in enumerate(pages) if tab in (w, _inner(w))), 0)
        self.sections.setCurrentRow(index)
        self.error.setText(text)

    def save(self) -> bool:
        """Validates every tab, then writes; False (with the problem shown) when something is wrong."""
        prefs = load_preferences()
        for page in (self.general, self.polling, self.notifications, self.remote):
            prefs = page.apply(prefs)
        prefs = replace(prefs, invoice_language=str(self.invoices.language.currentData()))
        if prefs.errors():
            self._fail(self.general, "; ".join(prefs.errors().values()))
            return False
        if not self.company.validate():
            self._fail(self.company, self.tr("Some company details are not valid: see the marked fields."))
            return False
        if not self.invoices.is_valid():
            self._fail(self.invoices, self.tr("The invoice number format is not valid."))
            return False
        policy = self.backups.apply(load_policy())
        if policy.errors():
            self._fail(self.backups, "; ".join(policy.errors()))
            return False
        try:
            with self.app.db.transaction() as session:
                save_settings(session, **self.hours.changes())
        except ValidationError as exc:
            self._fail(self.hours, "; ".join(e.message for e in exc.errors))
            return False
        try:
            update_profile(self.app.db, {**self.company.values(), **self.invoices.profile_changes()})
        except ValidationError as exc:
            self._fail(self.company, "; ".join(f"{e.field}: {e.message}" for e in exc.errors))
            return False
        self.saved = save_preferences(prefs)
        save_policy(policy)
        apply_to_environment(prefs)
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()


def _inner(widget: QWidget | None) -> QWidget | None:
    return widget.widget() if isinstance(widget, QScrollArea) else widget
