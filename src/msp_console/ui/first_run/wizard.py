"""The first-run wizard: database, company profile, who is at the keyboard, optional demo data."""

from __future__ import annotations

import getpass

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
from msp_console.ui.first_run.database_page import DatabasePage
from msp_console.ui.palette_colours import error_style
from msp_console.ui.settings_dialog.company_form import CompanyForm
from msp_console.ui.worker import run_in_background


class CompanyPage(QWizardPage):
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
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        if self._wizard.app is not None:
            self.form.load_from(self._wizard.app.db)
            if not self.form.value("country"):
                country = self.form.edits["country"]
                assert isinstance(country, QLineEdit)
                country.setText("IT")

    def isComplete(self) -> bool:
        return bool(self.form.value("name").strip()) and self.form.is_valid()

    def validatePage(self) -> bool:
        app = self._wizard.app
        if app is None or not self.form.validate():
            return False
        try:
            self.form.save(app.db)
        except ValidationError as exc:
            self.error.setText("\n".join(str(e) for e in exc.errors))
            return False
        return True


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
        self.demo = QCheckBox(self.tr("&Add example clients and machines (demo data) to try things out"))
        self.demo.setObjectName("addDemoData")
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
        self.status.setText(self.tr("Adding the demo data…"))

        def add() -> bool:
            from msp_console.demo import ensure_demo_data

            return ensure_demo_data(app)

        def finished(_result: object) -> None:
            self._busy, self._done = False, True
            self.completeChanged.emit()
            self._wizard.accept()  # validates this page again: done now

        def failed(error: Exception) -> None:
            self._busy = False
            self.completeChanged.emit()
            self.status.setText(self.tr("The demo data could not be added: %1").replace("%1", str(error)))
            self.status.setStyleSheet(error_style())

        run_in_background(add, finished, failed)
        return False


class FirstRunWizard(QWizard):
    """Shown once; ``app`` is the database opened (and upgraded) on the first page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Welcome to MSP Console"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.app: App | None = None
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
