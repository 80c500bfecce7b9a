"""What the Billing tab makes of invoices: PDF and FatturaPA files, the monthly service report,
the preview and the printout — all rendered and written on the worker thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog
from shiboken6 import isValid

from msp_console.ui.billing.background import Job
from msp_console.ui.billing.dialogs import show_field_errors
from msp_console.ui.billing.look import BillingCounts, tr
from msp_console.ui.billing.operations import InvoiceOperations
from msp_console.ui.billing.queries import client_names, invoice_pdfs
from msp_console.ui.billing.report_dialog import ReportDialog, refusal_text
from msp_console.ui.worker import run_in_background

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from msp_console.services.billing.documents import Written


class DocumentOperations(InvoiceOperations):
    # -- documents ---------------------------------------------------------------------------------
    def _target_numbers(self) -> tuple[list[str] | None, tuple[int, int] | None]:
        numbers = [r.number for r in self.selected_rows() if r.number]
        return (numbers, None) if numbers else (None, self.year_month())

    def export_pdf(self, out_dir: str | None = None) -> None:
        from msp_console.services.billing.documents import write_pdfs

        folder = out_dir or QFileDialog.getExistingDirectory(self._widget(), tr("Save the invoice PDFs in"))
        if not folder:
            return
        numbers, month = self._target_numbers()

        def write(job: Job) -> list[Written]:
            from msp_console.preferences import load_preferences

            with_reports = load_preferences().invoice_pdf_with_report  # Settings → Invoices
            return write_pdfs(
                self.db, Path(folder), numbers, month, progress=job.progress, with_reports=with_reports
            )

        self._start(tr("Writing the PDFs…"), write, lambda written: _written(written, folder))

    def export_xml(self, out_dir: str | None = None) -> None:
        from msp_console.services.billing.documents import XmlOutcome, write_fatturapa

        folder = out_dir or QFileDialog.getExistingDirectory(
            self._widget(), tr("Save the FatturaPA files in")
        )
        if not folder:
            return
        numbers, month = self._target_numbers()

        def done(outcome: XmlOutcome) -> str:
            if outcome.refused:
                errors = [
                    e.__class__(f"{n} — {e.field}", e.message)
                    for n, errs in outcome.refused.items()
                    for e in errs
                ]
                self.errors_box = show_field_errors(
                    self._widget(),
                    tr("Some FatturaPA files were not written"),
                    tr("These invoices are not valid for the SdI; their files were not written:"),
                    errors,
                    self.open_company_profile,
                )
            n_written, n_refused = len(outcome.written), len(outcome.refused)
            written = BillingCounts.tr("%n FatturaPA file(s) written to %1", "", n_written)
            refused = BillingCounts.tr("%n refused", "", n_refused)
            return f"{written.replace('%1', folder)}, {refused}"

        self._start(
            tr("Writing the FatturaPA files…"),
            lambda _j: write_fatturapa(self.db, Path(folder), numbers, month),
            done,
            tr("FatturaPA"),
            cancellable=False,
        )

    def service_report(self, client: str = "") -> None:
        """Opens "Service reports…" once the client names are read (``dialog_opened``)."""
        db, (y, m), rows = self.db, self.year_month(), self.selected_rows()
        chosen_client = client or (rows[0].client if rows else "")

        def build(names: list[str]) -> ReportDialog:
            dialog = ReportDialog(names, chosen_client, QDate(y, m, 1), self._widget())
            dialog.preview_requested.connect(lambda name, yy, mm: self._preview_report(dialog, name, yy, mm))
            dialog.save_all_requested.connect(lambda yy, mm: self._save_reports(dialog, yy, mm))
            return dialog

        self._open_when_read("report", lambda: client_names(db), build)

    def _preview_report(self, dialog: ReportDialog, client: str, year: int, month: int) -> None:
        from msp_console.services.billing.report_files import preview_report

        def show(pdf: bytes) -> None:
            from msp_console.ui.billing.preview import PreviewDialog

            if not isValid(dialog):
                return
            dialog.show_busy(False)
            dialog.status.setText("")
            title = tr("Service report %1 — %2").replace("%1", f"{month:02d}/{year}").replace("%2", client)
            self.preview_dialog = PreviewDialog(pdf, title, dialog)
            self.preview_dialog.setObjectName("serviceReportPreviewDialog")
            self.preview_dialog.open()
            self.dialog_opened.emit(self.preview_dialog)

        def refused(error: Exception) -> None:
            if isValid(dialog):
                dialog.show_refusal(refusal_text(error))

        run_in_background(lambda: preview_report(self.db, client, (year, month)), show, refused)

    def _save_reports(self, dialog: ReportDialog, year: int, month: int) -> None:
        from msp_console.services.billing.report_files import ReportRun, write_service_reports

        folder = QFileDialog.getExistingDirectory(self._widget(), tr("Save the service reports in"))
        if not folder:
            return
        dialog.accept()
        db = self.db

        def done(run: ReportRun) -> str:
            written = BillingCounts.tr("%n service report(s) written to %1", "", len(run.written))
            text = written.replace("%1", folder)
            if run.refused:
                skipped = BillingCounts.tr("%n client(s) without a report", "", len(run.refused))
                text += f"; {skipped}: " + ", ".join(c for c, _why in run.refused)
            return text

        self._start(
            tr("Writing the service reports…"),
            lambda job: write_service_reports(db, (year, month), Path(folder), progress=job.progress),
            done,
        )

    # -- preview and print -------------------------------------------------------------------------
    def preview_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        title = tr("Invoice %s — %s") % (row.number or tr("draft"), row.client)

        def show(pdfs: list[bytes]) -> str:
            from msp_console.ui.billing.preview import PreviewDialog

            self.preview_dialog = PreviewDialog(pdfs[0], title, self._widget(), on_print=self.print_selected)
            self.preview_dialog.open()
            return ""

        self._start(
            tr("Preparing the preview…"), lambda _j: invoice_pdfs(self.db, [row.id]), show, cancellable=False
        )

    def print_selected(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        from msp_console.ui.billing.pages import iter_pages
        from msp_console.ui.billing.printing import new_printer, paint_pages, print_dpi, save_page_setup

        rows = self.selected_rows()
        if not rows or self.job is not None:
            return
        if self.printer is None:
            self.printer = new_printer()
        printer = self.printer
        dialog = QPrintDialog(printer, self._widget())
        count = len(rows)
        dialog.setWindowTitle(BillingCounts.tr("Print %n invoice(s)", "", count))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        save_page_setup(printer)
        dpi, ids = print_dpi(printer), [r.id for r in rows]

        def pages(job: Job) -> Iterator[QImage]:
            for n, invoice_id in enumerate(ids, start=1):
                (pdf,) = invoice_pdfs(self.db, [invoice_id])
                yield from iter_pages(pdf, dpi)
                job.progress(n, len(ids))  # Cancel stops here: the print job is aborted

        # Rendered and painted on the worker, one page at a time: the window stays responsive
        # and memory stays at one 300 dpi page whatever the number of invoices.
        n_ids = len(ids)
        self._start(
            BillingCounts.tr("Printing %n invoice(s)…", "", n_ids),
            lambda job: paint_pages(printer, pages(job)),
            lambda count: BillingCounts.tr("%n page(s) sent to the printer.", "", count),
        )


def _written(written: list[Written], folder: str) -> str:
    count = len(written)
    text = BillingCounts.tr("%n PDF(s) written to %1", "", count).replace("%1", folder)
    reports = len({w.report for w in written if w.report is not None})
    if reports:
        text += ", " + BillingCounts.tr("with %n service report(s)", "", reports)
    return text
