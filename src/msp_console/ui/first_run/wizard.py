"""The first-run wizard: database, company profile, who is at the keyboard, optional demo data."""

from __future__ import annotations

import getpass
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from msp_console.app import App
from msp_console.domain.errors import ValidationError
from msp_console.preferences import update_preferences
from msp_console.services.billing.company import update_profile
from msp_console.ui.first_run.database_page import DatabasePage
from msp_console.ui.palette_colours import error_style
from msp_console.ui.settings_dialog.company_form import CompanyForm, stored_profile
from msp_console.ui.worker import run_in_background


class CompanyPage(QWizardPage):
    """The company profile is read and written on the worker thread (the database may be a team
    PostgreSQL across the network): the form is disabled meanwhile, and Next goes on once written."""

    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Your company"))
        self.setSubTitle(
            self.tr(
                "The letterhead of invoices and reports. Only the name is needed now; "
                "the rest can be completed later in Settings."
            )
        )
        self.form = CompanyForm()
        self.form.validity_changed.connect(lambda _ok: self.completeChanged.emit())
        name = self.form.edits["name"]
        assert isinstance(name, QLineEdit)
        name.textChanged.connect(lambda _t: self.completeChanged.emit())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self._busy = False
        self._written: tuple[App, dict[str, str]] | None = None  # what the last save wrote, where

    @property
    def busy(self) -> bool:
        """Reading or writing the profile: the form waits for the answer."""
        return self._busy

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.form.setEnabled(not busy)
        self.status.setText(text)
        self.completeChanged.emit()

    def initializePage(self) -> None:
        app = self._wizard.app
        if app is None:
            return
        self.error.clear()
        self._set_busy(True, self.tr("Reading the company profile…"))

        def loaded(data: dict[str, Any]) -> None:
            if app is not self._wizard.app:  # another database was chosen meanwhile
                return
            self.form.load(data)
            if not self.form.value("country"):
                country = self.form.edits["country"]
                assert isinstance(country, QLineEdit)
                country.setText("IT")
            self._set_busy(False)

        def failed(error: Exception) -> None:
            if app is not self._wizard.app:
                return
            self._set_busy(False)
            self.error.setText(self.tr("The company profile could not be read: %1").replace("%1", str(error)))

        run_in_background(lambda: stored_profile(app.db), loaded, failed)

    def isComplete(self) -> bool:
        return not self._busy and bool(self.form.value("name").strip()) and self.form.is_valid()

    def validatePage(self) -> bool:
        app = self._wizard.app
        if app is None or self._busy or not self.form.validate():
            return False
        values = self.form.values()
        if self._written is not None and self._written[0] is app and self._written[1] == values:
            return True  # written: Next goes on
        self.error.clear()
        self._set_busy(True, self.tr("Saving the company profile…"))

        def written(_profile: object) -> None:
            self._set_busy(False)
            self._written = (app, values)
            wizard = self.wizard()
            if wizard is not None and wizard.currentPage() is self:
                wizard.next()

        def refused(error: Exception) -> None:
            self._set_busy(False)
            if isinstance(error, ValidationError):
                self.error.setText("\n".join(str(e) for e in error.errors))
            else:
                text = self.tr("The company profile could not be saved: %1")
                self.error.setText(text.replace("%1", str(error)))

        run_in_background(lambda: update_profile(app.db, values), written, refused)
        return False


class TechnicianPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Who you are"))
        self.setSubTitle(self.tr("Your name signs appointments, acknowledgements and remote sessions."))
        self.name = QLineEdit(getpass.getuser())
        self.name.setObjectName("technicianName")
        self.name.setMaxLength(100)
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.demo = QCheckBox(self.tr("&Open the demo to try things out"))
        self.demo.setObjectName("addDemoData")
        self.demo.setToolTip(
            self.tr(
                "Example clients, machines, interventions, appointments, contracts and invoices, in a "
                "database of their own: your data stays empty. Help → Open the demo brings it back."
            )
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Your name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(self.demo)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._busy = False
        self._done = False

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and not self._busy

    def validatePage(self) -> bool:
        if self._done:
            return True
        app = self._wizard.app
        if app is None or self._busy:
            return False
        update_preferences(technician=self.name.text().strip())
        if not self.demo.isChecked():
            return True
        self._busy = True
        self.completeChanged.emit()
        self.status.setText(self.tr("Preparing the demo…"))

        def finished(_result: object) -> None:
            self._busy, self._done = False, True
            self._wizard.demo_chosen = True  # the window opens on the demo this time
            self.completeChanged.emit()
            self._wizard.accept()  # validates this page again: done now

        def failed(error: Exception) -> None:
            self._busy = False
            self.completeChanged.emit()
            self.status.setText(self.tr("The demo data could not be added: %1").replace("%1", str(error)))
            self.status.setStyleSheet(error_style())

        run_in_background(prepare_demo, finished, failed)
        return False


def prepare_demo() -> bool:
    """Fills the demo database (the one ``--demo`` opens) if it is empty: the wizard's demo is the
    same data, and never lands in the technician's own database (nor burns its invoice numbers)."""
    from msp_console.demo import ensure_demo_data
    from msp_console.settings import resolve_database_url

    demo = App.open(resolve_database_url(demo=True))
    try:
        return ensure_demo_data(demo)
    finally:
        demo.close()


class FirstRunWizard(QWizard):
    """Shown once; ``app`` is the database opened (and upgraded) on the first page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Welcome to MSP Console"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.app: App | None = None
        self.demo_chosen = False  # Finish with the demo ticked: run_first_run opens the demo
        self.database_page = DatabasePage(self._database_ready)
        self.company_page = CompanyPage(self)
        self.technician_page = TechnicianPage(self)
        for page in (self.database_page, self.company_page, self.technician_page):
            self.addPage(page)
        self.resize(720, 560)

    def _database_ready(self, app: App) -> None:
        if self.app is not None and self.app is not app:
            self.app.close()
        self.app = app

    def done(self, result: int) -> None:
        super().done(result)
        if self.app is not None and not self.isVisible():  # closed (a refused page keeps it open)
            self.app.close()
            self.app = None
