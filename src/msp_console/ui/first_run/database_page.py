"""First-run page 1: the embedded database (default) or a team PostgreSQL.

"Test connection" and the schema upgrade run off the GUI thread; a failure says what the server
said, in plain words, and what to check. The password goes to the OS keyring, never to a file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from sqlalchemy.engine import make_url

from msp_console import database_choice
from msp_console.app import App
from msp_console.database_choice import ConnectionProblem
from msp_console.secrets import KeyringUnavailableError
from msp_console.settings import default_database_path
from msp_console.ui.first_run.connection_words import problem_text
from msp_console.ui.palette_colours import error_colour, ok_colour
from msp_console.ui.worker import run_in_background


class DatabasePage(QWizardPage):
    def __init__(self, on_ready: Callable[[App], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._on_ready = on_ready
        self.setTitle(self.tr("Where to keep the data"))
        self.setSubTitle(
            self.tr(
                "Most desks use the embedded database. Choose a team database to share clients and machines."
            )
        )
        self.embedded = QRadioButton(
            self.tr("&Embedded database on this PC (recommended: nothing to install)")
        )
        self.embedded.setObjectName("useEmbedded")
        self.team = QRadioButton(self.tr("&Team database (PostgreSQL)"))
        self.team.setObjectName("useTeam")
        group = QButtonGroup(self)
        group.addButton(self.embedded)
        group.addButton(self.team)
        self.embedded.setChecked(True)
        where = QLabel(self.tr("File: %1").replace("%1", str(default_database_path())))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setObjectName("teamUrl")
        self.url.setPlaceholderText("postgresql://user@server:5432/msp")
        self.url.setAccessibleName(self.tr("Team database address (URL)"))
        self.password = QLineEdit()
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Team database password"))
        self.test_button = QPushButton(self.tr("Test &connection"))
        self.test_button.setObjectName("testConnection")
        self.status = QLabel()
        self.status.setObjectName("connectionStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.team_box = QWidget()
        form = QFormLayout(self.team_box)
        form.addRow(self.tr("&Address (URL):"), self.url)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        note = QLabel(self.tr("The password is kept in the system keyring, never in a file."))
        note.setWordWrap(True)
        form.addRow("", note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.embedded)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addWidget(self.team)
        layout.addWidget(self.team_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.team.toggled.connect(self._mode_changed)
        self.url.textChanged.connect(self._edited)
        self.password.textChanged.connect(self._edited)
        self.test_button.clicked.connect(self.test_connection)
        self._busy = False
        self._ready_for: str | None = None
        self._mode_changed(False)

    # -- helpers -----------------------------------------------------------------------------
    def full_url(self) -> str:
        """The URL with the typed password (never shown, never stored in a file)."""
        text = self.url.text().strip()
        if not self.password.text():
            return text
        try:
            return make_url(text).set(password=self.password.text()).render_as_string(hide_password=False)
        except Exception:
            return text

    def chosen(self) -> str:
        return self.full_url() if self.team.isChecked() else f"sqlite:///{default_database_path()}"

    def _mode_changed(self, team: bool) -> None:
        self.team_box.setEnabled(team)
        self._set_status("", ok=True)
        self.completeChanged.emit()

    def _edited(self) -> None:
        self._ready_for = None
        self._set_status("", ok=True)
        self.completeChanged.emit()

    def _set_status(self, text: str, *, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ok_colour() if ok else error_colour()}")

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.test_button.setEnabled(not busy)
        self.embedded.setEnabled(not busy)
        self.team.setEnabled(not busy)
        if text:
            self._set_status(text, ok=True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._busy and (self.embedded.isChecked() or bool(self.url.text().strip()))

    def problem_text(self, problem: ConnectionProblem) -> str:
        return problem_text(problem)

    # -- test connection ---------------------------------------------------------------------
    def test_connection(self) -> None:
        url = self.full_url()
        self._set_busy(True, self.tr("Connecting…"))

        def done(problem: ConnectionProblem | None) -> None:
            self._set_busy(False)
            if problem is None:
                self._set_status(self.tr("Connection works."), ok=True)
            else:
                self._set_status(self.problem_text(problem), ok=False)

        run_in_background(lambda: database_choice.check_connection(url), done, self._failed)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, KeyringUnavailableError):
            text = self.tr("The password cannot be stored: no usable system keyring. %1")
        else:
            text = self.tr("The database cannot be prepared: %1")
        self._set_status(text.replace("%1", str(error)), ok=False)

    # -- Next: connect, upgrade the schema, remember the choice ---------------------------------
    def validatePage(self) -> bool:
        url = self.chosen()
        if self._ready_for == url:
            return True
        if self._busy:
            return False
        team = self.team.isChecked()
        self._set_busy(True, self.tr("Preparing the database (schema upgrade)…"))

        def prepare() -> App | ConnectionProblem:
            if team:
                problem = database_choice.check_connection(url)
                if problem is not None:
                    return problem
            app = App.open(url)  # creates or upgrades the schema
            if team:
                database_choice.save_team_database(url)
            else:
                database_choice.use_embedded()
            return app

        def done(result: App | ConnectionProblem) -> None:
            self._set_busy(False)
            if isinstance(result, ConnectionProblem):
                self._set_status(self.problem_text(result), ok=False)
                return
            self._ready_for = url
            self._set_status(self.tr("Database ready."), ok=True)
            self._on_ready(result)
            wizard = self.wizard()
            if wizard is not None and wizard.currentPage() is self:
                wizard.next()

        run_in_background(prepare, done, self._failed)
        return False
