"""What the Billing tab does to invoices: issue, edit, delete, credit, mark (documents, preview
and print: ``document_operations``).

Every read and write runs on the worker thread; long ones report progress and stop on Cancel at
the next point the billing service declares safe (after a committed chunk). A dialog that shows
stored data opens once it is read (``dialog_opened`` then carries it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from msp_console.domain.errors import ValidationError
from msp_console.services.billing import ledger
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.ui.billing.background import Cancelled, Job
from msp_console.ui.billing.dialogs import (
    CreditNoteDialog,
    EditDraftDialog,
    PaidDialog,
    show_field_errors,
    to_date,
)
from msp_console.ui.billing.look import BillingCounts, explain, money, month_name, tr
from msp_console.ui.billing.queries import InvoiceDetail, invoice_detail
from msp_console.ui.dialogs.background_dialog import open_when_loaded
from msp_console.ui.worker import run_in_background

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

    from msp_console.services.billing.ledger import InvoiceRow
    from msp_console.services.database import Database

T = TypeVar("T")


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
        @property
        def dialog_opened(self) -> Any: ...

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
                    self._widget(),
                    error_title,
                    tr("Nothing was changed. Fix these first:"),
                    error.errors,
                    self.open_company_profile,
                )
            else:
                self._finish(explain(error), error=True)

        job.start(fn, ok, failed)

    def open_company_profile(self) -> None:
        """The fix for an invoice refused for the MSP's own data: the form, over the window."""
        from msp_console.ui.billing.company_form import open_company_profile

        open_company_profile(self._widget().window(), self.db, lambda d: d.finished.connect(d.deleteLater))

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

    # -- reads before a question or a dialog ---------------------------------------------------------
    def _read(self, fn: Callable[[], T], then: Callable[[T], None]) -> None:
        """``fn()`` on the worker thread, then ``then(result)`` here, unless the panel closed; a
        failure is shown in the message line."""

        def done(result: T) -> None:
            if isValid(self._widget()):
                then(result)

        def failed(error: Exception) -> None:
            if isValid(self._widget()):
                self.message.setText(explain(error))
                self.message.setStyleSheet("color: #c62828")

        run_in_background(fn, done, failed)

    def _open_when_read(self, what: str, load: Callable[[], T], build: Callable[[T], QDialog]) -> None:
        """Opens ``build(load())``, the read on the worker thread; ``dialog_opened`` carries it."""

        def built(data: T) -> QDialog:
            dialog = build(data)
            dialog.finished.connect(dialog.deleteLater)
            self.dialog_opened.emit(dialog)
            return dialog

        open_when_loaded(self._widget(), load, built, tr("Billing"), key=(what, id(self)))

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
            count = len(drafts)
            self.message.setText(
                BillingCounts.tr("%n draft invoice(s) created: check them, then issue.", "", count)
            )
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
        """Reads the month's drafts (worker thread), then asks and issues them."""
        db, (y, m) = self.db, self.year_month()

        def drafts() -> list[int]:
            with db.read() as session:
                return drafts_of_month(session, y, m)

        def found(ids: list[int]) -> None:
            if not ids:
                self.message.setText(tr("No drafts to issue up to %s.") % month_name(y, m))
                self.message.setStyleSheet("")
                return
            self._issue(
                ids,
                tr(
                    "Issue all %d draft invoice(s) up to %s, dated today? "
                    "Numbers are assigned and they cannot change afterwards."
                )
                % (len(ids), month_name(y, m)),
            )

        self._read(drafts, found)

    def _issue(self, ids: list[int], question: str) -> None:
        if not ids or not self.confirm(tr("Issue invoices"), question):
            return
        today = date.today()

        def issued(done: list[Any]) -> str:
            # issued invoices are dated today: the list follows them to this month
            self.set_month(today.year, today.month, reload=False)
            shown = ", ".join(i.number for i in done[:6]) + ("…" if len(done) > 6 else "")
            count = len(done)
            return BillingCounts.tr("%n invoice(s) issued: %1", "", count).replace("%1", shown)

        n_ids = len(ids)
        self._start(
            BillingCounts.tr("Issuing %n invoice(s)…", "", n_ids),
            lambda job: issue(self.db, ids, today, progress=job.progress),
            issued,
            error_title=tr("The invoices cannot be issued"),
        )

    # -- drafts ------------------------------------------------------------------------------------
    def edit_draft(self) -> None:
        """Opens the draft's editor once its lines are read (``dialog_opened``)."""
        rows = [r for r in self.selected_rows() if r.status == "draft"]
        if len(rows) != 1:
            return
        db, invoice_id = self.db, rows[0].id

        def build(detail: InvoiceDetail) -> EditDraftDialog:
            dialog = EditDraftDialog(detail, self._widget())

            def save() -> None:
                changes = dialog.changes()
                if not changes:
                    return

                def write(_job: Job) -> None:
                    for position, text, qty, price in changes:
                        ledger.edit_draft_line(
                            db, invoice_id, position, description=text, quantity=qty, unit_price=price
                        )

                self._start(
                    tr("Saving the draft…"),
                    write,
                    lambda _r: tr("Draft updated."),
                    tr("The draft cannot change"),
                    cancellable=False,
                )

            dialog.accepted.connect(save)
            return dialog

        self._open_when_read("draft", lambda: invoice_detail(db, invoice_id), build)

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
            lambda n: BillingCounts.tr("%n draft(s) deleted.", "", n),
            tr("Cannot delete"),
            cancellable=False,
        )

    # -- issued invoices ---------------------------------------------------------------------------
    def credit_note(self) -> None:
        """Opens the credit note dialog once the invoice's lines are read (``dialog_opened``)."""
        rows = [r for r in self.selected_rows() if r.kind == "TD01" and r.status != "draft"]
        if len(rows) != 1 or rows[0].number is None:
            return
        db, number, invoice_id = self.db, rows[0].number, rows[0].id

        def build(detail: InvoiceDetail) -> CreditNoteDialog:
            dialog = CreditNoteDialog(detail, self._widget())

            def save() -> None:
                reason, when = dialog.reason.toPlainText(), to_date(dialog.when)
                positions = dialog.positions()
                self._start(
                    tr("Issuing the credit note…"),
                    lambda _j: ledger.credit_note(db, number, reason, when, positions),
                    lambda note: (
                        tr("Credit note %s issued for %s: %s") % (note.number, number, money(note.total))
                    ),
                    tr("The credit note cannot be issued"),
                    cancellable=False,
                )

            dialog.accepted.connect(save)
            return dialog

        self._open_when_read("credit", lambda: invoice_detail(db, invoice_id), build)

    def mark_sent(self) -> None:
        numbers = [r.number for r in self.selected_rows() if r.status == "issued" and r.number]
        if numbers:
            n_numbers = len(numbers)
            self._start(
                tr("Saving…"),
                lambda _j: ledger.mark_sent(self.db, numbers),
                lambda _r: BillingCounts.tr("%n invoice(s) marked sent.", "", n_numbers),
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
