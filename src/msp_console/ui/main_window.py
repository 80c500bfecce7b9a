"""The main window: tree on the left, details on the right, task tabs in the middle."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
)

from msp_console import __version__
from msp_console.app import App
from msp_console.services.csv_io.exporter import export_csv
from msp_console.services.csv_io.importer import ImportReport
from msp_console.services.tree import load_tree
from msp_console.services.views import SiteView, TreeSnapshot
from msp_console.settings import data_dir
from msp_console.ui.actions import WindowActions
from msp_console.ui.dialogs import confirm as ask
from msp_console.ui.dialogs.import_dialog import ImportDialog
from msp_console.ui.inventory_controller import InventoryController
from msp_console.ui.models.client_tree import ClientTreeModel, NodeRef
from msp_console.ui.ui_settings import ui_settings
from msp_console.ui.views.details import DetailsPane
from msp_console.ui.views.overview import OverviewTab
from msp_console.ui.views.tree_panel import TreePanel
from msp_console.ui.worker import run_in_background

AUTO_EXPAND_LIMIT = 400  # machines; bigger trees open collapsed


class MainWindow(QMainWindow):
    tree_loaded = Signal()

    def __init__(self, app: App, *, persist: bool = True):
        super().__init__()
        self.app = app
        self.persist = persist  # False for screenshots: never overwrite the user's layout
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("MSP Console"))
        self.model = ClientTreeModel(self)
        self.tree = TreePanel(self.model)
        self.details = DetailsPane()
        self.overview = OverviewTab()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tasks")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.setCentralWidget(self.tabs)
        self.tree_dock = self._dock(
            self.tr("Clients"), "treeDock", self.tree, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.details_dock = self._dock(
            self.tr("Details"), "detailsDock", self.details, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.controller = InventoryController(self, app.inventory, self.model)
        self.commands = WindowActions(self)
        self.quick_find = QLineEdit()
        self.quick_find.setObjectName("quickFind")
        self.quick_find.setClearButtonEnabled(True)
        self.quick_find.setPlaceholderText(self.tr("Quick find (Ctrl+K)…"))
        self.quick_find.setMaximumWidth(260)
        self.commands.build_menus([self.tree_dock.toggleViewAction(), self.details_dock.toggleViewAction()])
        self.addToolBar(self.commands.build_toolbar(self.quick_find))
        self.tree.view.addActions([self.commands.edit, self.commands.delete])
        self.details.addActions([self.commands.edit, self.commands.delete])
        self._build_status_bar()
        self._connect()
        self._loading = 0
        self._pending_select: tuple[str, int] | None = None
        self._first_load = True
        self.resize(1400, 850)
        self.resizeDocks([self.tree_dock, self.details_dock], [540, 360], Qt.Orientation.Horizontal)
        if persist:
            self._restore()
        self._selection_changed(None)

    def _dock(self, title: str, name: str, widget: object, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)  # type: ignore[arg-type]
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.counts_label = QLabel()
        self.polling_label = QLabel(self.tr("polling: not configured"))
        self.db_label = QLabel(self.tr("DB: %1").replace("%1", self.app.db.describe()))
        self.db_label.setToolTip(self.app.db.url.split("@")[-1] if self.app.db.is_sqlite else "")
        for label in (self.counts_label, self.polling_label, self.db_label):
            label.setContentsMargins(10, 0, 10, 0)
            bar.addPermanentWidget(label)

    def _connect(self) -> None:
        a, c = self.commands, self.controller
        a.quit.triggered.connect(self.close)
        a.import_csv.triggered.connect(lambda: self.import_csv())
        a.export_clients.triggered.connect(lambda: self.export("clients"))
        a.export_contacts.triggered.connect(lambda: self.export("contacts"))
        a.export_machines.triggered.connect(lambda: self.export("machines"))
        a.new.triggered.connect(self.new_in_context)
        a.edit.triggered.connect(lambda: self._with_ref(c.edit))
        a.delete.triggered.connect(lambda: self._with_ref(c.delete))
        a.find.triggered.connect(self._focus_search)
        a.quick_find.triggered.connect(self._focus_quick_find)
        a.new_client.triggered.connect(c.new_client)
        a.new_site.triggered.connect(lambda: self._with_client(c.new_site))
        a.new_contact.triggered.connect(lambda: self._with_client(c.new_contact))
        a.new_machine.triggered.connect(self.new_machine)
        a.edit_client.triggered.connect(lambda: self._with_client(lambda cid: c.edit(self._client_ref(cid))))
        a.delete_client.triggered.connect(
            lambda: self._with_client(lambda cid: c.delete(self._client_ref(cid)))
        )
        a.archive_client.triggered.connect(lambda: self._with_client(lambda cid: c.set_archived(cid, True)))
        a.unarchive_client.triggered.connect(
            lambda: self._with_client(lambda cid: c.set_archived(cid, False))
        )
        a.edit_machine.triggered.connect(lambda: self._with_machine(c.edit))
        a.delete_machine.triggered.connect(lambda: self._with_machine(c.delete))
        a.show_archived.toggled.connect(lambda _on: self.reload())
        a.expand_all.triggered.connect(self.tree.view.expandAll)
        a.collapse_all.triggered.connect(self.tree.view.collapseAll)
        a.refresh.triggered.connect(lambda: self.reload())
        a.open_data_dir.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir())))
        )
        a.shortcuts.triggered.connect(self._show_shortcuts)
        a.about.triggered.connect(self._about)
        a.about_qt.triggered.connect(lambda: QMessageBox.aboutQt(self))
        self.tree.selection_changed.connect(self._selection_changed)
        self.tree.open_requested.connect(self.open_item)
        self.tree.context_menu_requested.connect(self._context_menu)
        self.details.action_requested.connect(self._details_action)
        self.overview.new_client_requested.connect(c.new_client)
        self.overview.import_requested.connect(lambda: self.import_csv())
        self.quick_find.returnPressed.connect(self._quick_find)
        c.changed.connect(lambda kind, ident: self.reload((kind, ident) if kind else None))
        c.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # -- loading the tree (off the GUI thread, swapped in whole) -----------------------------
    def reload(self, select: tuple[str, int] | None = None) -> None:
        current = self.tree.current_ref()
        self._pending_select = select or ((current.kind, current.id) if current else None)
        self._loading += 1
        generation = self._loading
        db, archived = self.app.db, self.commands.show_archived.isChecked()

        def load() -> TreeSnapshot:
            with db.read() as session:
                return load_tree(session, include_archived=archived)

        run_in_background(load, lambda snap: self._loaded(generation, snap), self._load_failed)

    def _loaded(self, generation: int, snapshot: TreeSnapshot) -> None:
        if generation != self._loading:  # a newer load is on its way
            return
        expanded = self._expanded_refs()
        self.model.set_snapshot(snapshot)
        if self._first_load and snapshot.machine_count <= AUTO_EXPAND_LIMIT:
            self.tree.view.expandAll()
        else:
            self._expand(expanded)
        self._first_load = False
        self.overview.set_snapshot(snapshot)
        locale = QLocale()
        self.counts_label.setText(
            self.tr("%1 clients · %2 machines")
            .replace("%1", locale.toString(len(snapshot.clients)))
            .replace("%2", locale.toString(snapshot.machine_count))
        )
        selected = bool(self._pending_select and self.tree.select(*self._pending_select))
        if not selected:
            self._selection_changed(self.tree.current_ref())
        self._pending_select = None
        self.tree_loaded.emit()

    def _load_failed(self, error: Exception) -> None:
        ask.report_error(
            self,
            self.tr("Cannot read the database"),
            self.tr(
                "The tree could not be loaded: %1\n\nCheck that the database is reachable, "
                "then use View → Reload."
            ).replace("%1", str(error)),
        )

    def _expanded_refs(self) -> set[tuple[str, int]]:
        refs: set[tuple[str, int]] = set()
        proxy, view = self.tree.proxy, self.tree.view
        for row in range(proxy.rowCount()):
            idx = proxy.index(row, 0)
            if view.isExpanded(idx):
                ref = idx.data(Qt.ItemDataRole.UserRole + 1)
                refs.add((ref.kind, ref.id))
                for sub in range(proxy.rowCount(idx)):
                    child = proxy.index(sub, 0, idx)
                    if view.isExpanded(child):
                        cref = child.data(Qt.ItemDataRole.UserRole + 1)
                        refs.add((cref.kind, cref.id))
        return refs

    def _expand(self, refs: set[tuple[str, int]]) -> None:
        for kind, ident in refs:
            idx = self.tree.proxy.mapFromSource(self.model.index_for(kind, ident))
            if idx.isValid():
                self.tree.view.expand(idx)

    # -- selection → details and enabled actions -------------------------------------------
    def _selection_changed(self, ref: NodeRef | None) -> None:
        a = self.commands
        has_client = ref is not None
        archived = ref is not None and self._client_archived(ref.client_id)
        for act in (
            a.edit,
            a.delete,
            a.new_site,
            a.new_contact,
            a.new_machine,
            a.edit_client,
            a.delete_client,
        ):
            act.setEnabled(has_client)
        a.archive_client.setEnabled(has_client and not archived)
        a.unarchive_client.setEnabled(has_client and archived)
        a.edit_machine.setEnabled(ref is not None and ref.kind == "machine")
        a.delete_machine.setEnabled(ref is not None and ref.kind == "machine")
        self._show_details(ref)

    def _show_details(self, ref: NodeRef | None) -> None:
        from msp_console.domain.errors import NotFoundError

        try:
            if ref is None:
                self.details.show_nothing()
            elif ref.kind == "client":
                self.details.show_client(self.app.inventory.client_card(ref.id))
            elif ref.kind == "machine":
                self.details.show_machine(self.app.inventory.machine_card(ref.id))
            else:
                site, client_name = self._site(ref)
                if site is None:
                    self.details.show_nothing()
                else:
                    self.details.show_site(site[0], client_name, site[1])
        except NotFoundError:
            self.details.show_nothing()

    def _site(self, ref: NodeRef) -> tuple[tuple[SiteView, int] | None, str]:
        for client in self.model.snapshot.clients:
            if client.id == ref.client_id:
                for s in client.sites:
                    if s.id == ref.id:
                        return (SiteView(s.id, s.client_id, s.name, s.address), len(s.machines)), client.name
        return None, ""

    def _client_archived(self, client_id: int) -> bool:
        return any(c.archived for c in self.model.snapshot.clients if c.id == client_id)

    def _client_ref(self, client_id: int) -> NodeRef:
        name = next((c.name for c in self.model.snapshot.clients if c.id == client_id), "")
        return NodeRef("client", client_id, client_id, name)

    def _with_ref(self, fn: Callable[[NodeRef], None]) -> None:
        ref = self.tree.current_ref()
        if ref is not None:
            fn(ref)

    def _with_client(self, fn: Callable[[int], None]) -> None:
        ref = self.tree.current_ref()
        if ref is not None:
            fn(ref.client_id)

    def _with_machine(self, fn: Callable[[NodeRef], None]) -> None:
        ref = self.tree.current_ref()
        if ref is not None and ref.kind == "machine":
            fn(ref)

    # -- commands ------------------------------------------------------------------------------
    def new_in_context(self) -> None:
        """Ctrl+N: a machine under the selected client (at the selected site), else a new client."""
        if self.tree.current_ref() is None:
            self.controller.new_client()
        else:
            self.new_machine()

    def new_machine(self) -> None:
        ref = self.tree.current_ref()
        if ref is None:
            return
        site_name = ref.name if ref.kind == "site" else ""
        if ref.kind == "machine":
            site_name = next(
                (
                    s.name
                    for c in self.model.snapshot.clients
                    if c.id == ref.client_id
                    for s in c.sites
                    if any(m.id == ref.id for m in s.machines)
                ),
                "",
            )
        self.controller.new_machine(ref.client_id, site_name)

    def open_item(self, ref: NodeRef) -> None:
        """Double-click / Enter. On a machine this will connect once remote sessions exist."""
        self.controller.edit(ref)

    def _details_action(self, action: str, ident: int) -> None:
        ref = self.tree.current_ref()
        client_id = ref.client_id if ref is not None else ident
        c = self.controller
        handlers = {
            "edit-client": lambda: c.edit(self._client_ref(ident)),
            "new-contact": lambda: c.new_contact(ident),
            "new-site": lambda: c.new_site(ident),
            "new-machine": lambda: c.new_machine(ident),
            "edit-contact": lambda: c.edit_contact(ident, client_id),
            "delete-contact": lambda: c.delete_contact(ident, client_id),
            "edit-machine": lambda: self._with_machine(c.edit),
            "edit-site": lambda: self._with_ref(c.edit),
            "show-client": lambda: self.tree.select("client", ident),
        }
        handler = handlers.get(action)
        if handler is not None:
            handler()

    def _context_menu(self, ref: NodeRef | None, pos: QPoint) -> None:
        menu = QMenu(self)
        archived = ref is not None and self._client_archived(ref.client_id)
        for act in self.commands.context_actions(ref.kind if ref else None, archived):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.exec(pos)

    def _focus_search(self) -> None:
        self.tree_dock.show()
        self.tree.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.tree.search.selectAll()

    def _focus_quick_find(self) -> None:
        self.quick_find.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.quick_find.selectAll()

    def _quick_find(self) -> None:
        """Enter in the toolbar box: filter the tree by the text and jump to the first match."""
        self.tree.search.setText(self.quick_find.text())
        self.tree._focus_first_match()

    # -- import / export -------------------------------------------------------------------------
    def import_csv(self, kind: str = "clients", path: Path | None = None) -> ImportDialog:
        dialog = ImportDialog(self, self.app.db, kind, path)
        dialog.imported.connect(self._imported)
        dialog.open()
        return dialog

    def _imported(self, report: ImportReport) -> None:
        self.statusBar().showMessage(
            self.tr("Imported %1: %2 created, %3 updated, %4 unchanged.")
            .replace("%1", report.kind)
            .replace("%2", str(report.created))
            .replace("%3", str(report.updated))
            .replace("%4", str(report.unchanged)),
            10000,
        )
        self.reload()

    def export(self, kind: str, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to CSV"), f"{kind}.csv", self.tr("CSV files (*.csv)")
            )
            if not name:
                return
            path = Path(name)
        db, target = self.app.db, path
        self.statusBar().showMessage(self.tr("Exporting…"))
        run_in_background(
            lambda: export_csv(db, kind, target),
            lambda rows: self.statusBar().showMessage(
                self.tr("Exported %1 row(s) to %2").replace("%1", str(rows)).replace("%2", str(target)), 10000
            ),
            lambda exc: ask.report_error(self, self.tr("Export failed"), str(exc)),
        )

    # -- help ------------------------------------------------------------------------------------
    def _show_shortcuts(self) -> None:
        rows = []
        for a in self.findChildren(type(self.commands.new)):
            if not a.shortcut().isEmpty():
                text = a.text().replace("&", "")
                rows.append(
                    f"<tr><td><b>{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b>"
                    f"</td><td>{text}</td></tr>"
                )
        rows.append("<tr><td><b>Enter</b></td><td>" + self.tr("Open the selected item") + "</td></tr>")
        QMessageBox.information(
            self,
            self.tr("Keyboard shortcuts"),
            "<table cellpadding='3'>" + "".join(sorted(set(rows))) + "</table>",
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About MSP Console"),
            self.tr(
                "<h3>MSP Console %1</h3><p>The desktop console of a Managed Service "
                "Provider: clients, machines, monitoring, interventions and billing.</p>"
                "<p>Licensed under the GNU GPL v3 or later.</p>"
            ).replace("%1", __version__),
        )

    # -- persistence ---------------------------------------------------------------------------
    def _restore(self) -> None:
        s = ui_settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = s.value("window/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        header = s.value("tree/header")
        if isinstance(header, QByteArray | bytes):
            self.tree.view.header().restoreState(QByteArray(header))
        archived = s.value("view/show_archived", False)
        self.commands.show_archived.blockSignals(True)
        self.commands.show_archived.setChecked(archived in (True, "true", "1"))
        self.commands.show_archived.blockSignals(False)

    def save_layout(self) -> None:
        s = ui_settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("tree/header", self.tree.view.header().saveState())
        s.setValue("view/show_archived", self.commands.show_archived.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.persist:
            self.save_layout()
        super().closeEvent(event)
