"""File → Import / Export: the import preview dialog, and exports written off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow

from msp_console.ui.dialogs import confirm as ask
from msp_console.ui.worker import run_in_background

if TYPE_CHECKING:  # the CSV services and the preview dialog: imported when used, not at start
    from msp_console.services.csv_io.importer import ImportReport
    from msp_console.services.database import Database
    from msp_console.ui.dialogs.import_dialog import ImportDialog


class CsvTransfer(QObject):
    imported = Signal()  # something was written: the tree must reload

    db: Database  # set by attach: the window may be shown before the database is open

    def __init__(self, window: QMainWindow, db: Database | None = None):
        super().__init__(window)
        self.window = window
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        self.db = db

    def import_csv(self, kind: str = "clients", path: Path | None = None) -> ImportDialog:
        from msp_console.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.window, self.db, kind, path)
        dialog.imported.connect(self._imported)
        dialog.open()
        return dialog

    def _imported(self, report: ImportReport) -> None:
        self.window.statusBar().showMessage(
            self.tr("Imported %1: %2 created, %3 updated, %4 unchanged.")
            .replace("%1", report.kind)
            .replace("%2", str(report.created))
            .replace("%3", str(report.updated))
            .replace("%4", str(report.unchanged)),
            10000,
        )
        self.imported.emit()

    def export(self, kind: str, path: Path | None = None) -> None:
        from msp_console.services.csv_io.exporter import export_csv

        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export to CSV"), f"{kind}.csv", self.tr("CSV files (*.csv)")
            )
            if not name:
                return
            path = Path(name)
        db, target, bar = self.db, path, self.window.statusBar()
        bar.showMessage(self.tr("Exporting…"))
        run_in_background(
            lambda: export_csv(db, kind, target),
            lambda rows: bar.showMessage(
                self.tr("Exported %n row(s) to %1", "", rows).replace("%1", str(target)), 10000
            ),
            lambda exc: ask.report_error(self.window, self.tr("Export failed"), str(exc)),
        )
