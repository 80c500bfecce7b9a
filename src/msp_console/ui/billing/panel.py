"""The Billing tab: month, run, the invoice list with its filters, and a progress line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import ModuleType

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from msp_console.services.billing.ledger import InvoiceRow
from msp_console.services.billing.sdi_records import SdiStatus
from msp_console.services.database import Database
from msp_console.ui.billing.background import Job
from msp_console.ui.billing.document_operations import DocumentOperations
from msp_console.ui.billing.invoice_model import InvoiceFilter, InvoiceTableModel, visible_total
from msp_console.ui.billing.look import (
    STATUS_GLYPHS,
    BillingCounts,
    explain,
    money,
    month_name,
    status_text,
    tr,
    warm_money,
)
from msp_console.ui.billing.queries import month_view
from msp_console.ui.billing.sdi_look import SdiBadgeDelegate
from msp_console.ui.billing.sdi_operations import SdiOperations
from msp_console.ui.billing.side_preview import SidePreview
from msp_console.ui.views.filter_box import clear_on_escape
from msp_console.ui.worker import run_in_background


def _mail_actions() -> ModuleType:
    """Imported on first use: the mail code is not needed to show the Billing tab."""
    from msp_console.ui.billing import mail_actions

    return mail_actions


class BillingPanel(SdiOperations, DocumentOperations, QWidget):
    reloaded = Signal()  # the latest read asked for was shown (or failed)
    work_done = Signal(str)  # what a background operation did, in words (also shown below the list)
    dialog_opened = Signal(object)  # a dialog over stored data (draft, credit note, report), once read
    sdi_polled = Signal(object)  # a PollResult: the SdI's notifications were read (tray, status bar)

    def __init__(self, db: Database, parent: QWidget | None = None):
        QWidget.__init__(self, parent)
        self._reads = 0  # reads of the month's list asked for; only the latest one's answer is shown
        self.setObjectName("billingPanel")
        self.db = db
        self.job: Job | None = None
        self.printer = None
        self.model = InvoiceTableModel(self)
        self.proxy = InvoiceFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.set_month(date.today().year, date.today().month, reload=False)

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.month = QDateEdit()
        self.month.setObjectName("billingMonth")
        self.month.setDisplayFormat("MMMM yyyy")
        self.month.setCalendarPopup(True)
        self.month.setAccessibleName(tr("Month"))
        self.month.dateChanged.connect(lambda _d: self.reload())
        prev_month, next_month = QToolButton(), QToolButton()  # an arrow's width, not a button's
        for button, step, tip in ((prev_month, -1, tr("Previous month")), (next_month, 1, tr("Next month"))):
            button.setText("◀" if step < 0 else "▶")
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(
                lambda _c=False, s=step: self.month.setDate(self.month.date().addMonths(s))
            )
        self.run_button = QPushButton(tr("Run invoices…"))
        self.run_button.setObjectName("runInvoicesButton")
        self.run_button.setToolTip(tr("Preview and create the draft invoices due up to the end of the month"))
        self.run_button.clicked.connect(self.run_invoices)
        self.issue_month_button = QPushButton(tr("Issue month…"))
        self.issue_month_button.setObjectName("issueMonthButton")
        self.issue_month_button.clicked.connect(self.issue_month)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(tr("Status"))
        self.status_filter.addItem(tr("All statuses"), "")
        for status in ("draft", "issued", "sent", "paid", "overdue"):
            self.status_filter.addItem(f"{STATUS_GLYPHS[status]} {status_text(status)}", status)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._filter(lambda: self.proxy.set_status(str(self.status_filter.currentData())))
        )
        self.client_filter = QLineEdit()
        self.client_filter.setObjectName("clientFilter")
        self.client_filter.setPlaceholderText(tr("Filter by client…"))
        self.client_filter.setClearButtonEnabled(True)
        self.client_filter.textChanged.connect(lambda t: self._filter(lambda: self.proxy.set_client(t)))
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Month:")))
        top.addWidget(prev_month)
        top.addWidget(self.month)
        top.addWidget(next_month)
        top.addSpacing(12)
        top.addWidget(self.run_button)
        top.addWidget(self.issue_month_button)
        top.addStretch(1)
        top.addWidget(self.status_filter)
        top.addWidget(self.client_filter)

        self.view = QTableView()
        self.view.setObjectName("invoiceTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.setItemDelegateForColumn(
            InvoiceTableModel.COLUMNS.index("sdi"), SdiBadgeDelegate(self.view)
        )
        self.view.doubleClicked.connect(lambda _i: self.preview_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        clear_on_escape(self.client_filter, self.view)

        self.tools = QToolBar()
        self.tools.setObjectName("billingTools")
        self.tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._actions()

        self.summary = QLabel()
        self.summary.setObjectName("billingSummary")
        self.message = QLabel()
        self.message.setObjectName("billingMessage")
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("billingProgress")
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("billingCancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tools)
        self.side = SidePreview(self.db)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("billingSplit")
        split.addWidget(self.view)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(True)
        split.setSizes([640, 420])
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    def _actions(self) -> None:
        def act(
            text: str, slot: Callable[[], object], name: str, shortcut: str | QKeySequence.StandardKey = ""
        ) -> QAction:
            a = QAction(text, self)
            a.setObjectName(name)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(lambda _checked=False: slot())
            self.view.addAction(a)
            return a

        self.preview_action = act(tr("Preview"), self.preview_selected, "billingPreview", "Space")
        self.print_action = act(
            tr("&Print…"), self.print_selected, "billingPrint", QKeySequence.StandardKey.Print
        )
        self.edit_action = act(tr("Edit draft…"), self.edit_draft, "billingEdit", "F2")
        self.delete_action = act(
            tr("Delete draft…"), self.delete_drafts, "billingDelete", QKeySequence.StandardKey.Delete
        )
        self.issue_action = act(tr("Issue selected…"), self.issue_selected, "billingIssue")
        self.credit_action = act(tr("Credit note…"), self.credit_note, "billingCredit")
        self.sent_action = act(tr("Mark sent"), self.mark_sent, "billingSent")
        self.paid_action = act(tr("Mark paid…"), self.mark_paid, "billingPaid")
        self.pdf_action = act(tr("Export P&DF…"), self.export_pdf, "billingPdf")
        self.xml_action = act(tr("Export FatturaPA &XML…"), self.export_xml, "billingXml")
        self.email_action = act(
            tr("E-mail to clients…"), lambda: _mail_actions().email_copies(self), "billingEmail"
        )
        self.remind_action = act(
            tr("Send payment reminders…"), lambda: _mail_actions().send_reminders(self), "billingRemind"
        )
        self.report_action = act(tr("Service reports…"), self.service_report, "billingReport")
        self.tools.addActions([self.preview_action, self.print_action])
        self.tools.addSeparator()
        self.tools.addAction(self.issue_action)
        self.drafts_button = self._menu_button(
            tr("Draft"), "billingDrafts", [self.edit_action, self.delete_action]
        )
        self.tools.addWidget(self.drafts_button)
        self.tools.addSeparator()
        self.tools.addActions([self.credit_action, self.sent_action, self.paid_action])
        self.tools.addSeparator()
        self.documents_button = self._menu_button(
            tr("Documents"),
            "billingDocuments",
            [self.pdf_action, self.xml_action, self.report_action, self.email_action, self.remind_action],
        )
        self.tools.addWidget(self.documents_button)
        self.tools.addSeparator()
        self._sdi_actions(act)
        self.addAction(self.print_action)  # Ctrl+P anywhere in the tab

    def _menu_button(self, text: str, name: str, actions: list[QAction]) -> QToolButton:
        menu = QMenu(self)
        menu.addActions(actions)
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return button

    # -- month and list ---------------------------------------------------------------------------
    def set_month(self, year: int, month: int, reload: bool = True) -> None:
        self.month.blockSignals(True)
        self.month.setDate(QDate(year, month, 1))
        self.month.blockSignals(False)
        if reload:
            self.reload()

    def year_month(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def reload(self) -> None:
        month, locale_name, db = self.year_month(), QLocale().name(), self.db

        def load() -> tuple[list[InvoiceRow], dict[int, SdiStatus]]:
            warm_money(locale_name)  # the amounts and the total are painted without a disk read
            return month_view(db, *month)

        self._reads += 1
        read = self._reads
        run_in_background(
            load, lambda view: self._loaded(view, read), lambda exc: self._load_failed(exc, read)
        )

    def _loaded(self, view: tuple[list[InvoiceRow], dict[int, SdiStatus]], read: int) -> None:
        # Not when the window closed while the list was being read, nor when a newer read was asked
        # for since (the month changed, or the start's read was overtaken by a write's reload).
        if not isValid(self) or read != self._reads:
            return
        rows, sdi = view
        selected = {r.id for r in self.selected_rows()}
        self.model.set_rows(rows, sdi)
        self.side.forget()  # the selected invoice is drawn again from what was just read
        self._reselect(selected)
        self._update_summary()
        self._update_actions()
        self.reloaded.emit()

    def _load_failed(self, error: Exception, read: int) -> None:
        if not isValid(self) or read != self._reads:
            return
        self.message.setText(tr("The invoices could not be read: %s") % explain(error))
        self.reloaded.emit()

    def _reselect(self, ids: set[int]) -> None:
        sel = self.view.selectionModel()
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            row = self.model.rows[self.proxy.mapToSource(idx).row()]
            if row.id in ids:
                sel.select(idx, sel.SelectionFlag.Select | sel.SelectionFlag.Rows)

    def _filter(self, change: Callable[[], object]) -> None:
        change()
        self._update_summary()
        self._update_actions()  # the preview follows: a row the filter hides is no longer shown

    def visible_rows(self) -> list[InvoiceRow]:
        return [
            self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
            for r in range(self.proxy.rowCount())
        ]

    def selected_rows(self) -> list[InvoiceRow]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def select_number(self, number: str) -> None:
        """Selects the invoice with that number when it is in the list shown."""
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if self.model.rows[self.proxy.mapToSource(idx).row()].number == number:
                self.view.selectRow(r)
                self.view.scrollTo(idx)
                return

    def select_all(self) -> None:
        self.view.selectAll()

    def _update_summary(self) -> None:
        rows = self.visible_rows()
        drafts = sum(1 for r in rows if r.status == "draft")
        y, m = self.year_month()
        count = len(rows)
        documents = BillingCounts.tr("%1: %n document(s)", "", count).replace("%1", month_name(y, m))
        draft_text = BillingCounts.tr("%n draft(s)", "", drafts)
        self.summary.setText(f"{documents}, {draft_text}, {money(visible_total(rows))}")

    def _update_actions(self) -> None:
        rows = self.selected_rows()
        one = rows[0] if len(rows) == 1 else None
        self.side.show_row(one, self.model.sdi.get(one.id) if one is not None else None)
        busy = self.job is not None
        drafts = [r for r in rows if r.status == "draft"]
        issued = [r for r in rows if r.status != "draft"]
        one_invoice = len(rows) == 1 and rows[0].kind == "TD01"
        self.preview_action.setEnabled(len(rows) == 1 and not busy)
        self.print_action.setEnabled(bool(rows) and not busy)
        self.edit_action.setEnabled(len(rows) == 1 and bool(drafts) and not busy)
        self.delete_action.setEnabled(bool(drafts) and not issued and not busy)
        self.issue_action.setEnabled(bool(drafts) and not busy)
        self.credit_action.setEnabled(one_invoice and bool(issued) and not busy)
        self.sent_action.setEnabled(any(r.status == "issued" for r in rows) and not busy)
        self.paid_action.setEnabled(
            one_invoice and rows[0].status in {"issued", "sent", "overdue"} and not busy
        )
        for a in (self.pdf_action, self.xml_action, self.email_action, self.remind_action):
            a.setEnabled(not busy)
        self.run_button.setEnabled(not busy)
        self.issue_month_button.setEnabled(not busy)
        self._update_sdi_actions(rows, busy)

    def show_poll(self, result: object) -> None:
        """A scheduled SdI fetch's outcome: in the message line (red when it failed), badges reloaded."""
        from msp_console.services.billing.sdi_poller import PollResult
        from msp_console.ui.billing.sdi_operations import poll_text

        if not isValid(self) or not isinstance(result, PollResult):
            return
        if result.applied or result.error or result.resent:
            self.message.setText(poll_text(result))
            self.message.setStyleSheet("color: #c62828" if result.error else "")
            self.reload()
        self.sdi_polled.emit(result)

    # -- questions (tests answer them) ------------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes
