"""What the Billing tab does to invoices: issue, edit, delete, credit, mark, export, print.

Every write runs on the worker thread; long ones report progress and stop on Cancel at the next
point the billing service declares safe (after a committed chunk)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from shiboken6 import isValid

from msp_console.domain.errors import ValidationError
from msp_console.services.billing import ledger
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.ui.billing.background import Cancelled, Job
from msp_console.ui.billing.dialogs import (
    CreditNoteDialog,
    EditDraftDialog,
    PaidDialog,
    ReportDialog,
    show_field_errors,
    to_date,
)
from msp_console.ui.billing.look import explain, money, month_name, tr
from msp_console.ui.billing.queries import client_names, invoice_detail, invoice_pdfs

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

    from msp_console.services.billing.ledger import InvoiceRow
    from msp_console.services.database import Database


class InvoiceOperations:
    if TYPE_CHECKING:
        db: Database
        job: Job | None
        printer: QPrinter | None
        message: QLabel
        progress: QProgressBar
        cancel_button: QPushButton

        def reload(self) -> None: ...
        def selected_rows(self) -> list[InvoiceRow]: ...
        def year_month(self) -> tuple[int, int]: ...
        def confirm(self, title: str, text: str) -> bool: ...
        def _update_actions(self) -> None: ...
        def set_month(self, year: int, month: int, reload: bool = True) -> None: ...
        @property
        def work_done(self) -> Any: ...

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    # -- background work with a progress line ----------------------------------------------------
    def _start(
        self,
        what: str,
        fn: Callable[[Job], Any],
        done: Callable[[Any], str],
        error_title: str = "",
        cancellable: bool = True,
    ) -> None:
        job = Job(self._widget())
        self.job = job
        self.message.setText(what)
        self.message.setStyleSheet("")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        job.progressed.connect(self._progressed)
        self._update_actions()

        def ok(result: Any) -> None:
            if isValid(self._widget()):  # the window may have closed meanwhile
                self._finish(done(result))

        def failed(error: Exception) -> None:
            if not isValid(self._widget()):
                return
            if isinstance(error, Cancelled):
                self._finish(tr("Stopped: what was done before Cancel is kept."))
            elif isinstance(error, ValidationError) and error_title:
                self._finish(tr("Refused, nothing was changed."), error=True)
                self.errors_box = show_field_errors(
                    self._widget(), error_title, tr("Nothing was changed. Fix these first:"), error.errors
                )
            else:
                self._finish(explain(error), error=True)

        job.start(fn, ok, failed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self, text: str, error: bool = False) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828" if error else "")
        self._update_actions()
        self.reload()
        self.work_done.emit(text)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.message.setText(tr("Stopping after the current step…"))

    # -- run and issue -----------------------------------------------------------------------------
    def run_invoices(self) -> QDialog:
        from msp_console.ui.billing.run_dialog import RunDialog

        y, m = self.year_month()
        dialog = RunDialog(self.db, y, m, self._widget())

        def created(drafts: list[Any]) -> None:
            self.message.setText(tr("%d draft invoice(s) created: check them, then issue.") % len(drafts))
            self.reload()

        dialog.created.connect(created)
        dialog.open()
        return dialog

    def issue_selected(self) -> None:
        ids = [r.id for r in self.selected_rows() if r.status == "draft"]
        self._issue(
            ids,
            tr(
                "Issue %d draft invoice(s) dated today? "
                "Numbers are assigned and they cannot change afterwards."
            )
            % len(ids),
        )

    def issue_month(self) -> None:
        y, m = self.year_month()
        with self.db.read() as session:
            ids = drafts_of_month(session, y, m)
        if not ids:
            self.message.setText(tr("No drafts to issue up to %s.") % month_name(y, m))
            return
        self._issue(
            ids,
            tr(
                "Issue all %d draft invoice(s) up to %s, dated today? "
                "Numbers are assigned and they cannot change afterwards."
            )
            % (len(ids), month_name(y, m)),
        )

    def _issue(self, ids: list[int], question: str) -> None:
        if not ids or not self.confirm(tr("Issue invoices"), question):
            return
        today = date.today()

        def issued(done: list[Any]) -> str:
            # issued invoices are dated today: the list follows them to this month
            self.set_month(today.year, today.month, reload=False)
            shown = ", ".join(i.number for i in done[:6]) + ("…" if len(done) > 6 else "")
            return tr("%d invoice(s) issued: %s") % (len(done), shown)

        self._start(
            tr("Issuing %d invoice(s)…") % len(ids),
            lambda job: issue(self.db, ids, today, progress=job.progress),
            issued,
            error_title=tr("The invoices cannot be issued"),
        )

    # -- drafts ------------------------------------------------------------------------------------
    def edit_draft(self) -> EditDraftDialog | None:
        rows = [r for r in self.selected_rows() if r.status == "draft"]
        if len(rows) != 1:
            return None
        dialog = EditDraftDialog(invoice_detail(self.db, rows[0].id), self._widget())
        invoice_id = rows[0].id

        def save() -> None:
            changes = dialog.changes()
            if not changes:
                return

            def write(_job: Job) -> None:
                for position, text, qty, price in changes:
                    ledger.edit_draft_line(
                        self.db, invoice_id, position, description=text, quantity=qty, unit_price=price
                    )

            self._start(
                tr("Saving the draft…"),
                write,
                lambda _r: tr("Draft updated."),
                tr("The draft cannot change"),
                cancellable=False,
            )

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def delete_drafts(self) -> None:
        ids = [r.id for r in self.selected_rows() if r.status == "draft"]
        if not ids or not self.confirm(
            tr("Delete drafts"),
            tr(
                "Delete %d draft invoice(s)? "
                "The next run creates them again if their contract is still billed."
            )
            % len(ids),
        ):
            return
        self._start(
            tr("Deleting…"),
            lambda _j: ledger.delete_drafts(self.db, ids),
            lambda n: tr("%d draft(s) deleted.") % n,
            tr("Cannot delete"),
            cancellable=False,
        )

    # -- issued invoices ---------------------------------------------------------------------------
    def credit_note(self) -> CreditNoteDialog | None:
        rows = [r for r in self.selected_rows() if r.kind == "TD01" and r.status != "draft"]
        if len(rows) != 1 or rows[0].number is None:
            return None
        number = rows[0].number
        dialog = CreditNoteDialog(invoice_detail(self.db, rows[0].id), self._widget())

        def save() -> None:
            reason, when, positions = dialog.reason.toPlainText(), to_date(dialog.when), dialog.positions()
            self._start(
                tr("Issuing the credit note…"),
                lambda _j: ledger.credit_note(self.db, number, reason, when, positions),
                lambda note: (
                    tr("Credit note %s issued for %s: %s") % (note.number, number, money(note.total))
                ),
                tr("The credit note cannot be issued"),
                cancellable=False,
            )

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def mark_sent(self) -> None:
        numbers = [r.number for r in self.selected_rows() if r.status == "issued" and r.number]
        if numbers:
            self._start(
                tr("Saving…"),
                lambda _j: ledger.mark_sent(self.db, numbers),
                lambda _r: tr("%d invoice(s) marked sent.") % len(numbers),
                tr("Cannot mark sent"),
                cancellable=False,
            )

    def mark_paid(self) -> PaidDialog | None:
        rows = [r for r in self.selected_rows() if r.kind == "TD01" and r.number]
        if len(rows) != 1:
            return None
        number = rows[0].number or ""
        dialog = PaidDialog(number, self._widget())

        def save() -> None:
            when = to_date(dialog.when)
            self._start(
                tr("Saving…"),
                lambda _j: ledger.mark_paid(self.db, number, when),
                lambda _r: tr("%s marked paid.") % number,
                tr("Cannot mark paid"),
                cancellable=False,
            )

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

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
        self._start(
            tr("Writing the PDFs…"),
            lambda job: write_pdfs(self.db, Path(folder), numbers, month, progress=job.progress),
            lambda written: tr("%d PDF(s) written to %s") % (len(written), folder),
        )

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
                )
            return tr("%d FatturaPA file(s) written to %s, %d refused") % (
                len(outcome.written),
                folder,
                len(outcome.refused),
            )

        self._start(
            tr("Writing the FatturaPA files…"),
            lambda _j: write_fatturapa(self.db, Path(folder), numbers, month),
            done,
            tr("FatturaPA"),
            cancellable=False,
        )

    def service_report(self, client: str = "") -> ReportDialog:
        y, m = self.year_month()
        rows = self.selected_rows()
        dialog = ReportDialog(
            client_names(self.db), client or (rows[0].client if rows else ""), QDate(y, m, 1), self._widget()
        )

        def chosen() -> None:
            from msp_console.services.billing.service_report import write_service_report

            name, q = dialog.client.currentText(), dialog.month.date()
            default = f"report-{name.replace(' ', '_')}-{q.year()}-{q.month():02d}.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self._widget(), tr("Save the service report"), default, tr("PDF (*.pdf)")
            )
            if path:
                self._start(
                    tr("Writing the service report…"),
                    lambda _j: write_service_report(self.db, name, (q.year(), q.month()), Path(path)),
                    lambda p: tr("Service report written to %s") % p,
                    cancellable=False,
                )

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

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
        dialog.setWindowTitle(tr("Print %d invoice(s)") % len(rows))
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
        self._start(
            tr("Printing %d invoice(s)…") % len(ids),
            lambda job: paint_pages(printer, pages(job)),
            lambda count: tr("%d page(s) sent to the printer.") % count,
        )
