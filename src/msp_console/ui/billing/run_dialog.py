"""Run invoices…: a dry run shown as a table first; confirming creates the drafts."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from msp_console.services.billing.run import DraftSummary, run_month
from msp_console.services.database import Database
from msp_console.ui.billing.background import Job
from msp_console.ui.billing.invoice_model import period_words
from msp_console.ui.billing.look import BillingCounts, explain, money, month_name, tr
from msp_console.ui.billing.queries import PreviewRow, preview_month


class RunDialog(QDialog):
    preview_ready = Signal()
    created = Signal(list)  # [DraftSummary]

    @staticmethod
    def headers() -> tuple[str, ...]:
        """Translated when the dialog is built, not when the module is first imported."""
        return (
            tr("Client"),
            tr("Contract"),
            tr("Period"),
            tr("Lines"),
            tr("Taxable"),
            tr("VAT"),
            tr("Total"),
        )

    def __init__(self, db: Database, year: int, month: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("runInvoices")
        self.db, self.year, self.month = db, year, month
        self.setWindowTitle(tr("Run invoices — %s") % month_name(year, month))
        self.rows: list[PreviewRow] = []
        self.result_drafts: list[DraftSummary] = []
        self.job: Job | None = None
        self.note = QLabel(
            tr("Checking which invoices are due up to the end of %s…") % month_name(year, month)
        )
        self.note.setWordWrap(True)
        headers = self.headers()
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("runPreview")
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the preview is known
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = QPushButton(tr("Create drafts"))
        self.confirm.setObjectName("confirmRun")
        self.confirm.setEnabled(False)
        self.buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.clicked.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(900, 480)
        self._start_preview()

    def _start_preview(self) -> None:
        self.job = Job(self)
        self.job.start(
            lambda job: preview_month(self.db, self.year, self.month), self._previewed, self._failed
        )

    def _previewed(self, rows: list[PreviewRow]) -> None:
        if not isValid(self) or self.job is None or self.job.cancelled:
            return
        self.rows = rows
        self.progress.hide()
        self.table.setRowCount(len(rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(rows):
            values = (
                row.client,
                row.contract,
                period_words(row.period_start, row.period_end),
                str(row.lines),
                money(row.taxable),
                money(row.vat),
                money(row.total),
            )
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c >= 3:
                    item.setTextAlignment(right)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        total = sum((row.total for row in rows), Decimal(0))
        count = len(rows)
        if rows:
            self.note.setText(
                BillingCounts.tr(
                    "%n draft invoice(s) will be created, %1 in all. Nothing is written until you confirm.",
                    "",
                    count,
                ).replace("%1", money(total))
            )
        else:
            self.note.setText(tr("Nothing to bill: every contract is already invoiced up to this month."))
        self.confirm.setEnabled(bool(rows))
        self.preview_ready.emit()

    def _create(self) -> None:
        self.confirm.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.note.setText(tr("Creating the drafts…"))
        job = Job(self)
        self.job = job
        job.start(lambda _j: run_month(self.db, self.year, self.month), self._created, self._failed)

    def _created(self, drafts: list[DraftSummary]) -> None:
        if not isValid(self):
            return
        self.result_drafts = drafts
        self.created.emit(drafts)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.note.setText(explain(error))
        self.note.setStyleSheet("color: #c62828")

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()  # a dry run writes nothing: its answer is simply dropped
        super().reject()
