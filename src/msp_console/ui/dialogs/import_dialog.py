"""File → Import: pick a CSV, preview what would change (a dry run), then import for real.

Both the preview and the import run off the GUI thread (a busy bar shows meanwhile); the preview
lists every problem as ``line N: field: problem`` and the Import button stays disabled until a
preview is clean. The import itself is one all-or-nothing transaction, so there is no half-way
point to cancel at: closing the dialog leaves it to finish, and the tree reloads when it has.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.errors import ValidationError
from msp_console.services.csv_io.importer import ImportReport, import_csv
from msp_console.services.database import Database
from msp_console.ui.validation_text import report_line
from msp_console.ui.worker import run_in_background

KINDS = ("clients", "contacts", "machines")


class ImportDialog(QDialog):
    imported = Signal(object)  # the ImportReport of a real import

    def __init__(self, parent: QWidget | None, db: Database, kind: str = "clients", path: Path | None = None):
        super().__init__(parent)
        self.db = db
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import from CSV"))
        self.setMinimumSize(620, 440)
        self.kind = QComboBox()
        for value, text in zip(
            KINDS, (self.tr("Clients"), self.tr("Contacts"), self.tr("Machines")), strict=True
        ):
            self.kind.addItem(text, value)
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.path = QLineEdit(str(path) if path else "")
        self.path.setPlaceholderText(self.tr("a .csv file saved from Excel or LibreOffice"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&What:"), self.kind)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        self.summary = QLabel(
            self.tr(
                "Choose a file, then Preview shows what would change. Nothing is "
                "written until you press Import."
            )
        )
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox()
        self.preview_button = self.buttons.addButton(
            self.tr("&Preview"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setEnabled(False)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._invalidate)
        self.path.textChanged.connect(self._invalidate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # one transaction: busy, not a percentage
        self.progress.setVisible(False)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import from CSV"),
            self.path.text(),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if name:
            self.path.setText(name)
            lower = Path(name).name.lower()
            for kind in KINDS:
                if kind.rstrip("s") in lower:
                    self.kind.setCurrentIndex(KINDS.index(kind))
            self.preview()

    def _invalidate(self) -> None:
        self.report = None
        self.import_button.setEnabled(False)
        self.preview_button.setDefault(True)

    def _busy(self, busy: bool, text: str = "") -> None:
        for w in (self.preview_button, self.kind, self.path):
            w.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.import_button.setEnabled(False)
            self.summary.setText(text)

    def preview(self) -> None:
        path = Path(self.path.text().strip())
        if not path.is_file():
            self.summary.setText(
                self.tr("'%1' is not a file. Choose the CSV with Browse.").replace("%1", str(path))
            )
            return
        kind, db = self.kind.currentData(), self.db
        self._busy(True, self.tr("Reading the file…"))
        run_in_background(lambda: import_csv(db, kind, path, dry_run=True), self._previewed, self._failed)

    def _previewed(self, report: ImportReport) -> None:
        self._busy(False)
        self.report = report
        self.summary.setText(
            self.tr(
                "%n row(s) read: %2 to create, %3 to update, %4 unchanged. Press Import to write them.",
                "",
                report.rows,
            )
            .replace("%2", str(report.created))
            .replace("%3", str(report.updated))
            .replace("%4", str(report.unchanged))
        )
        self.details.setPlainText("\n".join(report.changes) or self.tr("Nothing would change."))
        self.import_button.setEnabled(bool(report.created or report.updated))
        self.import_button.setDefault(True)

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        self.report = None
        if isinstance(error, ValidationError):
            self.summary.setText(
                self.tr(
                    "The file has %n problem(s); nothing will be imported. Fix them in the "
                    "spreadsheet and preview again.",
                    "",
                    len(error.errors),
                )
            )
            self.details.setPlainText("\n".join(report_line(e) for e in error.errors))
        else:
            self.summary.setText(self.tr("The file could not be read: %1").replace("%1", str(error)))
            self.details.clear()

    def run_import(self) -> None:
        if self.report is None:
            return
        path, kind, db = Path(self.path.text().strip()), self.kind.currentData(), self.db
        self._busy(True, self.tr("Importing…"))
        run_in_background(lambda: import_csv(db, kind, path, dry_run=False), self._done, self._failed)

    def _done(self, report: ImportReport) -> None:
        self._busy(False)
        self.imported.emit(report)
        self.accept()
