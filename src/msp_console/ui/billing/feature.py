"""Plugs billing into the main window: the Billing tab, the Billing menu, client right-click
entries (Contract…, Invoices…, Monthly report…), the toolbar's Run invoices, screenshot views."""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QMenu, QScrollArea, QToolBar

from msp_console.ui.billing.icons import invoice_icon
from msp_console.ui.billing.look import tr
from msp_console.ui.billing.panel import BillingPanel
from msp_console.ui.models.client_tree import NodeRef
from msp_console.ui.views_registry import register_view

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow

STALE_S = 60.0  # a list read at start longer ago than this is read again when first shown


class BillingFeature:
    def __init__(self, window: MainWindow):
        self.window = window
        self.panel = BillingPanel(window.app.db)
        self.page = QScrollArea()  # never forces the window wider: below its size the tab scrolls
        self.page.setObjectName("billingPage")
        self.page.setWidgetResizable(True)
        self.page.setFrameShape(QFrame.Shape.NoFrame)
        self.page.setWidget(self.panel)
        window.add_task_tab(self.page, tr("Billing"))
        self.run_action = self._action(tr("&Run invoices…"), self.run_invoices, "Ctrl+Shift+R")
        self.run_action.setObjectName("runInvoicesAction")
        self.run_action.setIcon(invoice_icon())
        self.run_action.setStatusTip(tr("Preview and create the month's draft invoices"))
        self._menu()
        toolbar = window.findChild(QToolBar, "mainToolbar")
        if isinstance(toolbar, QToolBar):
            toolbar.addSeparator()
            toolbar.addAction(self.run_action)
        window.context_menu_hooks.append(self._context)
        # The month's list is read at start in the background (queued behind the tree's and the
        # other tabs' reads), as the Today and Interventions tabs are: the first switch shows it
        # at once. Shown first more than STALE_S after that read, it is read again.
        self._shown = False
        self._read_at: float | None = None
        self.panel.reloaded.connect(self._read)
        window.tabs.currentChanged.connect(self._tab_changed)
        self.panel.reload()

    def _action(self, text: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
        a = QAction(text, self.window)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(lambda _c=False: slot())
        return a

    def _menu(self) -> None:
        menus = {_plain(a.text()): a.menu() for a in self.window.menuBar().actions() if a.menu() is not None}
        title = self.window.commands.tr("&Billing")  # the menu bar's own (translated) title
        menu = menus.get(_plain(title)) or menus.get("billing")
        if not isinstance(menu, QMenu):
            return
        for old in menu.actions():
            if not old.isEnabled():  # the "no contracts yet" placeholder
                menu.removeAction(old)
        p = self.panel
        menu.addAction(self._action(tr("&Invoices"), self.bring, "Ctrl+4"))
        menu.addAction(self.run_action)
        menu.addAction(self._action(tr("Issue &month…"), self.issue_month))
        menu.addSeparator()
        menu.addAction(p.print_action)
        menu.addActions([p.pdf_action, p.xml_action])
        menu.addAction(self._action(tr("Service r&eports…"), self.service_report))
        menu.addSeparator()
        menu.addActions([p.sdi_send_action, p.sdi_fetch_action, p.sdi_fix_action])
        menu.addSeparator()
        contract = self._action(tr("&Contract of the selected client…"), self._contract_selected)
        menu.addAction(contract)

        def follow(ref: object) -> None:  # a client (or one of its rows) to act on
            contract.setEnabled(ref is not None)

        self.window.tree.selection_changed.connect(follow)
        follow(self.window.tree.current_ref())
        menu.addAction(self._action(tr("Compan&y profile…"), self.company_profile))

    def bring(self) -> None:
        self.window.tabs.setCurrentWidget(self.page)

    def _read(self) -> None:
        self._read_at = time.monotonic()

    def _tab_changed(self, _index: int) -> None:
        if self.window.tabs.currentWidget() is not self.page or self._shown:
            return
        self._shown = True
        read_at = self._read_at  # None: the start's read is still on its way
        if read_at is not None and time.monotonic() - read_at > STALE_S:
            self.panel.reload()

    def issue_month(self) -> None:
        self.bring()
        self.panel.issue_month()

    def service_report(self, client: str = "") -> None:
        self.bring()
        self.panel.service_report(client)

    def run_invoices(self) -> None:
        self.bring()
        self.panel.run_invoices()

    def company_profile(self) -> None:
        """Opens once the profile is read (off the GUI thread)."""
        from msp_console.ui.billing.company_form import open_company_profile

        open_company_profile(self.window, self.window.app.db, lambda d: d.finished.connect(d.deleteLater))

    def contract(self, client_id: int) -> None:
        """Opens once the client's contract is read (off the GUI thread)."""
        from msp_console.ui.billing.contract_dialog import ContractDialog, open_contract_dialog

        def opened(dialog: ContractDialog) -> None:
            dialog.accepted.connect(lambda: self.window.statusBar().showMessage(tr("Contract saved."), 5000))
            dialog.finished.connect(dialog.deleteLater)

        language = self.window.preferences.value.invoice_language
        open_contract_dialog(self.window, self.window.app.db, client_id, language=language, on_open=opened)

    def _contract_selected(self) -> None:
        ref = self.window.tree.current_ref()
        if ref is None:  # the action is disabled then; a shortcut may still get here
            return
        self.contract(ref.client_id)

    def invoices_of(self, client: str) -> None:
        self.bring()
        self.panel.client_filter.setText(client)

    def _context(self, menu: QMenu, ref: NodeRef) -> None:
        if ref.kind != "client":
            return
        menu.addSeparator()
        menu.addAction(tr("Contract…"), lambda: self.contract(ref.client_id))
        menu.addAction(tr("Invoices…"), lambda: self.invoices_of(ref.name))
        menu.addAction(tr("Monthly report…"), lambda: self.service_report(ref.name))


def _plain(text: str) -> str:
    return text.replace("&", "").strip().lower()


_features: weakref.WeakKeyDictionary[MainWindow, BillingFeature] = weakref.WeakKeyDictionary()


def feature_of(window: MainWindow) -> BillingFeature:
    return _features[window]


def install(window: MainWindow) -> None:
    _features[window] = BillingFeature(window)


def _view_billing(window: MainWindow, arg: str) -> None:
    """`--view billing[:YYYY-MM]`: the Billing tab on a month (default: the latest with invoices)."""
    from PySide6.QtWidgets import QApplication

    from msp_console.ui.worker import wait_for_background

    f = feature_of(window)
    f.bring()
    width = window.width()
    window.resizeDocks([window.tree_dock, window.details_dock], [int(width * 0.18), int(width * 0.15)],
                       Qt.Orientation.Horizontal)  # fmt: skip
    if arg:
        year, month = (int(x) for x in arg.split("-"))
    else:
        year, month = _latest_month(window)
    f.panel.set_month(year, month)
    for _ in range(4):
        wait_for_background()
        QApplication.processEvents()
    f.panel.view.selectRow(0)
    f.panel.side.render_now()
    for _ in range(3):
        wait_for_background()
        QApplication.processEvents()


def _latest_month(window: MainWindow) -> tuple[int, int]:
    from datetime import date

    from sqlalchemy import func, select

    from msp_console.db.models import Invoice

    with window.app.db.read() as s:
        last = s.scalar(select(func.max(func.coalesce(Invoice.issue_date, Invoice.planned_date))))
    last = last or date.today()
    return last.year, last.month


register_view("billing", _view_billing)
