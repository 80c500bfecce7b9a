"""The Billing tab's "Service reports…": the month, a preview of one client's report, and the
reports of every client with a contract saved at once. The dialog only asks; the panel does the
work on the worker thread (``preview_requested`` / ``save_all_requested``)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from msp_console.ui.billing.look import tr


class ReportDialog(QDialog):
    preview_requested = Signal(str, int, int)  # client, year, month
    save_all_requested = Signal(int, int)  # year, month

    def __init__(self, clients: list[str], client: str, month: QDate, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("serviceReport")
        self.setWindowTitle(tr("Service reports"))
        self.setMinimumWidth(460)  # room for a refusal on one or two lines
        self.month = QDateEdit(month)
        self.month.setDisplayFormat("MM/yyyy")
        self.month.setMaximumDate(QDate.currentDate())
        self.month.setAccessibleName(tr("Month"))
        self.client = QComboBox()
        self.client.addItems(clients)
        self.client.setAccessibleName(tr("Client"))
        if client in clients:
            self.client.setCurrentText(client)
        self.status = QLabel(
            tr("One PDF per client with a contract; a month in progress covers the days so far.")
        )
        self.status.setObjectName("serviceReportStatus")
        self.status.setWordWrap(True)
        self.preview_button = QPushButton(tr("&Preview"))
        self.preview_button.setObjectName("serviceReportPreview")
        self.preview_button.setToolTip(tr("Shows the report of the chosen client"))
        self.save_button = QPushButton(tr("&Save all…"))
        self.save_button.setObjectName("serviceReportSaveAll")
        self.save_button.setToolTip(tr("Writes the report of every client with a contract into a folder"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self._preview)
        self.save_button.clicked.connect(self._save_all)
        form = QFormLayout(self)
        form.addRow(tr("Month:"), self.month)
        form.addRow(tr("Client to preview:"), self.client)
        form.addRow(self.status)
        form.addRow(buttons)
        self.preview_button.setEnabled(bool(clients))

    def year_month(self) -> tuple[int, int]:
        q = self.month.date()
        return q.year(), q.month()

    def _preview(self) -> None:
        self.show_busy(True)
        self.preview_requested.emit(self.client.currentText(), *self.year_month())

    def _save_all(self) -> None:
        self.save_all_requested.emit(*self.year_month())

    def show_busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        if busy:
            self.status.setStyleSheet("")
            self.status.setText(tr("Preparing the preview…"))

    def show_refusal(self, text: str) -> None:
        """Why there is no report (no machines, no history, a month that has not started)."""
        self.show_busy(False)
        self.status.setStyleSheet("color: #c62828")
        self.status.setText(text)


def refusal_text(error: Exception) -> str:
    """A report refusal in the user's language (the services word it in English for the CLI)."""
    from msp_console.domain.errors import ValidationError
    from msp_console.ui.billing.look import explain

    if not isinstance(error, ValidationError):
        return explain(error)
    lines = []
    for e in error.errors:
        p = e.params
        if e.code == "report_not_started":
            lines.append(tr("%1 has not started yet: there is nothing to report.").replace("%1", p["month"]))
        elif e.code == "report_no_machines":
            lines.append(tr("%1 has no machines: there is nothing to report.").replace("%1", p["client"]))
        elif e.code == "report_before_client":
            text = tr("%1 was added on %2: there is nothing to report for %3.")
            lines.append(text.replace("%1", p["client"]).replace("%2", p["day"]).replace("%3", p["month"]))
        elif e.code == "report_no_history":
            text = tr("%1 has no recorded monitoring or interventions in %2: there is nothing to report.")
            lines.append(text.replace("%1", p["client"]).replace("%2", p["month"]))
        else:
            lines.append(e.message)
    return "\n".join(lines)
