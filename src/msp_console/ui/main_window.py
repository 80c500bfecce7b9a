"""The main window: tree on the left, details on the right, task tabs in the middle."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from msp_console.preferences import Preferences, load_preferences
from msp_console.services.views import TreeSnapshot
from msp_console.settings import data_dir
from msp_console.ui.actions import WindowActions
from msp_console.ui.csv_transfer import CsvTransfer
from msp_console.ui.current_preferences import CurrentPreferences
from msp_console.ui.dialogs import confirm as ask
from msp_console.ui.features import install_features, tab_position
from msp_console.ui.help_dialogs import offer_demo, show_about, show_shortcuts
from msp_console.ui.inventory_controller import InventoryController
from msp_console.ui.live_states import LiveStates
from msp_console.ui.models.client_tree import ClientTreeModel, NodeRef
from msp_console.ui.selected_card import SelectedCard
from msp_console.ui.ui_settings import ui_settings
from msp_console.ui.views.details import DetailsPane
from msp_console.ui.views.filter_box import clear_on_escape
from msp_console.ui.views.overview import OverviewTab
from msp_console.ui.views.tree_panel import TreePanel
from msp_console.ui.worker import run_in_background

if TYPE_CHECKING:
    from msp_console.app import App
    from msp_console.ui.dialogs.import_dialog import ImportDialog

AUTO_EXPAND_LIMIT = 400  # machines; bigger trees open collapsed
TASKS_WIDTH = 860  # px the task tabs want in the default layout (see fit_docks)
LAYOUT = "2"  # the saved dock layouts of 1 (tree 46 %, the tabs squeezed on a laptop) are not restored


class MainWindow(QMainWindow):
    tree_loaded = Signal()
    load_failed = Signal(str)  # the reason, in words
    app_opened = Signal()  # the database is open: the actions and the task tabs work from now on

    def __init__(
        self,
        app: App | None,
        *,
        persist: bool = True,
        defer_features: bool = False,
        preferences: Preferences | None = None,
        database_url: str = "",
    ):
        """``defer_features``: show the tree first and add the task tabs just after (see
        ``install_deferred``), so a technician sees the clients as early as possible.

        ``app`` None (the launcher's fast start, on ``database_url``, a SQLite file): the window
        shows a tree handed to ``show_tree`` while the app is opened after the first paint; until
        ``attach_app`` the actions that need the database are disabled, and opening a row, a reload
        and the task tabs wait for it."""
        super().__init__()
        self._app: App | None = None
        self._waiting: dict[str, Callable[[], object]] = {}  # what asked for the app before it was open
        self._features_wanted = False
        self._closed = False  # features started after the close would never be stopped
        self.preferences = CurrentPreferences(preferences or load_preferences(), self)
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
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)  # "Interventi", never "Interve…": arrows instead
        self.tabs.setUsesScrollButtons(True)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.setCentralWidget(self.tabs)
        self.tree_dock = self._dock(
            self.tr("Clients"), "treeDock", self.tree, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.details_dock = self._dock(
            self.tr("Details"), "detailsDock", self.details, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.controller = InventoryController(self, self.model)
        self.card = SelectedCard(self)  # the details pane follows the selection
        self.live_states = LiveStates(self.model.update_machine_states)  # monitoring submits here
        self.transfer = CsvTransfer(self)
        self.commands = WindowActions(self)
        self.quick_find = QLineEdit()
        self.quick_find.setObjectName("quickFind")
        self.quick_find.setMinimumWidth(180)  # a narrow window: the toolbar's » menu, not a cut box
        self.quick_find.setClearButtonEnabled(True)
        self.quick_find.setPlaceholderText(self.tr("Quick find (Ctrl+K)…"))
        self.quick_find.setMaximumWidth(260)
        clear_on_escape(self.quick_find, self.tree.view)
        tree_toggle, details_toggle = self.tree_dock.toggleViewAction(), self.details_dock.toggleViewAction()
        tree_toggle.setText(self.tr("C&lients pane"))
        details_toggle.setText(self.tr("De&tails pane"))
        self.commands.build_menus([tree_toggle, details_toggle])
        self.addToolBar(self.commands.build_toolbar(self.quick_find))
        self.tree.view.addActions([self.commands.edit, self.commands.delete])
        self.details.addActions([self.commands.edit, self.commands.delete])
        url = app.db.url if app is not None else database_url
        self._build_status_bar(url, None if app is None or app.db.is_sqlite else app.db.describe())
        self._connect(url)
        self._loading = 0
        self._pending_select: tuple[str, int] | None = None
        self.machine_opener: Callable[[int], None] | None = None  # set when remote sessions exist
        self.context_menu_hooks: list[Callable[[QMenu, NodeRef], None]] = []
        self.shutdown_hooks: list[Callable[[], None]] = []  # features stop their threads here
        self._first_load = True
        self.features_installed = False
        self.resize(1400, 850)
        if app is not None:
            self.attach_app(app)
        else:
            for action in self._needing_app():
                action.setEnabled(False)
        if not defer_features:
            self.install_deferred()
        self._selection_changed(None)

    # -- the app (database, services): given at once, or opened after the first paint ----------
    @property
    def app(self) -> App:
        if self._app is None:
            raise RuntimeError("the database is not open yet (wait for app_opened)")
        return self._app

    @property
    def has_app(self) -> bool:
        return self._app is not None

    def attach_app(self, app: App) -> None:
        """The database is open: enables what needs it, then adds the task tabs and does what was
        asked meanwhile (a row opened, a reload)."""
        if self._app is not None or self._closed:
            return  # closed while the app was opening: its owner closes it; nothing is started
        self._app = app
        self.controller.attach(app.inventory)
        self.transfer.attach(app.db)
        for action in self._needing_app():
            action.setEnabled(True)
        self._selection_changed(self.tree.current_ref())  # per selection again; its card is read now
        self.app_opened.emit()
        if self._features_wanted:
            self.install_deferred()
        waiting, self._waiting = self._waiting, {}
        for then in waiting.values():
            then()

    def when_app(self, key: str, then: Callable[[], object]) -> None:
        """``then()`` now if the app is open, else once it is (the latest per ``key``)."""
        if self._app is not None:
            then()
        else:
            self._waiting[key] = then

    def _needing_app(self) -> list[QAction]:
        a = self.commands
        return [
            a.import_csv,
            a.export_clients,
            a.export_contacts,
            a.export_machines,
            a.new,
            a.new_client,
            a.show_archived,
            a.refresh,
        ]

    def install_deferred(self) -> None:
        """Adds the features' tabs, docks and menus, then restores the saved layout (which needs the
        features' docks to exist). Without the app yet: once it is attached."""
        if self.features_installed or self._closed:
            return
        if self._app is None:
            self._features_wanted = True
            return
        self.features_installed = True
        install_features(self)
        self.fit_docks()
        if self.persist:
            self._restore()
        if not self._first_load:  # the tree beat the features: let them see it too
            self.tree_loaded.emit()

    def fit_docks(self) -> None:
        """The default split: the task tabs keep the room their toolbars and the week's seven days
        need (860 px, less on a screen narrower than ~1390 px); the tree gets 58 % of the rest
        (at most 46 % of the width), the details pane the remainder."""
        width = self.width()
        tasks = max(width * 0.30, min(TASKS_WIDTH, width * 0.62))
        tree = min(width * 0.46, (width - tasks) * 0.58)
        self.resizeDocks(
            [self.tree_dock, self.details_dock],
            [int(tree), int(width - tasks - tree)],
            Qt.Orientation.Horizontal,
        )

    def _dock(self, title: str, name: str, widget: object, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)  # type: ignore[arg-type]
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self, url: str, team: str | None) -> None:
        """``team``: the team database's 'host/db', None for this PC's SQLite file."""
        bar = self.statusBar()
        self.counts_label = QLabel()
        self.polling_label = QLabel(self.tr("polling: not configured"))
        self.db_label = QLabel(self.tr("DB: %1").replace("%1", self.tr("local") if team is None else team))
        self.db_label.setToolTip(url.split("@")[-1] if team is None else "")
        for label in (self.counts_label, self.polling_label, self.db_label):
            label.setContentsMargins(10, 0, 10, 0)
            bar.addPermanentWidget(label)

    def _connect(self, url: str) -> None:
        a, c = self.commands, self.controller
        a.quit.triggered.connect(self.close)
        a.import_csv.triggered.connect(lambda: self.import_csv())
        a.export_clients.triggered.connect(lambda: self.export("clients"))
        a.export_contacts.triggered.connect(lambda: self.export("contacts"))
        a.export_machines.triggered.connect(lambda: self.export("machines"))
        a.new.triggered.connect(self.new_in_context)
        a.edit.triggered.connect(lambda: self.with_ref(c.edit))
        a.delete.triggered.connect(lambda: self.with_ref(c.delete))
        a.find.triggered.connect(self._focus_search)
        a.quick_find.triggered.connect(self._focus_quick_find)
        a.new_client.triggered.connect(c.new_client)
        a.new_site.triggered.connect(lambda: self._with_client(c.new_site))
        a.new_contact.triggered.connect(lambda: self._with_client(c.new_contact))
        a.new_machine.triggered.connect(self.new_machine)
        a.edit_client.triggered.connect(
            lambda: self._with_client(lambda cid: c.edit(self.model.client_ref(cid)))
        )
        a.delete_client.triggered.connect(
            lambda: self._with_client(lambda cid: c.delete(self.model.client_ref(cid)))
        )
        a.archive_client.triggered.connect(lambda: self._with_client(lambda cid: c.set_archived(cid, True)))
        a.unarchive_client.triggered.connect(
            lambda: self._with_client(lambda cid: c.set_archived(cid, False))
        )
        a.edit_machine.triggered.connect(lambda: self.with_machine(c.edit))
        a.delete_machine.triggered.connect(lambda: self.with_machine(c.delete))
        a.show_archived.toggled.connect(lambda _on: self.reload())
        a.expand_all.triggered.connect(self.tree.view.expandAll)
        a.collapse_all.triggered.connect(self.tree.view.collapseAll)
        a.refresh.triggered.connect(lambda: self.reload())
        a.open_data_dir.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir())))
        )
        a.shortcuts.triggered.connect(lambda: show_shortcuts(self, self.findChildren(QAction)))
        offer_demo(self, a.open_demo, self.overview.demo, url)
        a.about.triggered.connect(lambda: show_about(self))
        a.about_qt.triggered.connect(lambda: QMessageBox.aboutQt(self))
        self.tree.selection_changed.connect(self._selection_changed)
        self.tree.open_requested.connect(self.open_item)
        self.tree.context_menu_requested.connect(self._context_menu)
        self.overview.new_client_requested.connect(lambda: self.when_app("new client", c.new_client))
        self.overview.import_requested.connect(lambda: self.when_app("import", self.import_csv))
        self.quick_find.returnPressed.connect(self._quick_find)
        self.transfer.imported.connect(lambda: self.reload())
        c.changed.connect(lambda kind, ident: self.reload((kind, ident) if kind else None))
        c.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # -- loading the tree (off the GUI thread, swapped in whole) -----------------------------
    def reload(self, select: tuple[str, int] | None = None) -> None:
        if self._app is None:
            self.when_app("reload", lambda: self.reload(select))
            return
        current = self.tree.current_ref()
        self._pending_select = select or ((current.kind, current.id) if current else None)
        self._loading += 1
        generation = self._loading
        db, archived = self.app.db, self.commands.show_archived.isChecked()

        def load() -> TreeSnapshot:
            from msp_console.services.tree import load_tree  # SQLAlchemy: not before the first paint

            with db.read() as session:
                return load_tree(session, include_archived=archived)

        run_in_background(load, lambda snap: self._loaded(generation, snap), self._load_failed)

    def show_tree(self, snapshot: TreeSnapshot) -> None:
        """A tree read elsewhere (the launcher's first, read with ``sqlite3``), shown as ``reload``
        shows what it reads."""
        self._loading += 1
        self._pending_select = None
        self._loaded(self._loading, snapshot)

    def _loaded(self, generation: int, snapshot: TreeSnapshot) -> None:
        if generation != self._loading:  # a newer load is on its way
            return
        expanded = self.tree.expanded_refs()
        self.model.set_snapshot(snapshot)
        if self._first_load and snapshot.machine_count <= AUTO_EXPAND_LIMIT:
            self.tree.view.expandAll()
        else:
            self.tree.expand_refs(expanded)
        self._first_load = False
        self.overview.set_snapshot(snapshot)
        self.counts_label.setText(
            self.tr("%Ln client(s)", "", len(snapshot.clients))
            + " · "
            + self.tr("%Ln machine(s)", "", snapshot.machine_count)
        )
        selected = bool(self._pending_select and self.tree.select(*self._pending_select))
        if not selected:
            self._selection_changed(self.tree.current_ref())
        self._pending_select = None
        self.tree_loaded.emit()

    def _load_failed(self, error: Exception) -> None:
        self.load_failed.emit(str(error))
        if not self.persist:  # a screenshot: no one is there to close a message box
            return
        ask.report_error(
            self,
            self.tr("Cannot read the database"),
            self.tr(
                "The tree could not be loaded: %1\n\nCheck that the database is reachable, "
                "then use View → Reload."
            ).replace("%1", str(error)),
        )

    # -- selection → details and enabled actions -------------------------------------------
    def _selection_changed(self, ref: NodeRef | None) -> None:
        a = self.commands
        has_client = ref is not None and self._app is not None  # the inventory actions need the app
        archived = ref is not None and self.model.client_archived(ref.client_id)
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
        a.edit_machine.setEnabled(has_client and ref is not None and ref.kind == "machine")
        a.delete_machine.setEnabled(has_client and ref is not None and ref.kind == "machine")
        self.card.follow(ref)  # read off the GUI thread

    def with_ref(self, fn: Callable[[NodeRef], None]) -> None:
        ref = self.tree.current_ref()
        if ref is not None:
            fn(ref)

    def _with_client(self, fn: Callable[[int], None]) -> None:
        ref = self.tree.current_ref()
        if ref is not None:
            fn(ref.client_id)

    def with_machine(self, fn: Callable[[NodeRef], None]) -> None:
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
            site_name = self.model.site_of_machine(ref.id)
        self.controller.new_machine(ref.client_id, site_name)

    def open_item(self, ref: NodeRef) -> None:
        """Double-click / Enter: a machine opens with ``machine_opener`` (connect) when one is set,
        anything else (or a machine before remote sessions are wired) opens its editor. Before the
        app is open: once it is (and its task tabs are added)."""
        if self._app is None:
            self.when_app("open", lambda: self.open_item(ref))
            return
        if ref.kind == "machine" and self.machine_opener is not None:
            self.machine_opener(ref.id)
        else:
            self.controller.edit(ref)

    def context_menu(self, ref: NodeRef | None) -> QMenu:
        """The right-click menu for a row: what the menu bar offers for that object."""
        menu = QMenu(self)
        archived = ref is not None and self.model.client_archived(ref.client_id)
        for act in self.commands.context_actions(ref.kind if ref else None, archived):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        if ref is not None:
            for hook in self.context_menu_hooks:  # later features add their entries (Connect with…)
                hook(menu, ref)
        return menu

    def _context_menu(self, ref: NodeRef | None, pos: QPoint) -> None:
        menu = self.context_menu(ref)
        menu.exec(pos)
        menu.deleteLater()

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
        self.tree.focus_first_match()

    # -- extension points for later features --------------------------------------------------
    def add_task_tab(self, widget: QWidget, title: str) -> int:
        """Today, Problems, Calendar, Interventions, Billing… go next to the Overview."""
        names = [self.tabs.widget(i).objectName() for i in range(self.tabs.count())]  # type: ignore[union-attr]
        return self.tabs.insertTab(tab_position(names, widget.objectName()), widget, title)

    def set_polling_status(self, text: str) -> None:
        """Shown whole up to 40 % of the window (a long last error is cut with … and is whole in
        the tooltip), so the counts and the database beside it are never squeezed."""
        room = max(240, self.width() * 2 // 5)
        shown = self.polling_label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)
        self.polling_label.setText(shown)
        self.polling_label.setToolTip(text if shown != text else "")

    # -- import / export -------------------------------------------------------------------------
    def import_csv(self, kind: str = "clients", path: Path | None = None) -> ImportDialog:
        return self.transfer.import_csv(kind, path)

    def export(self, kind: str, path: Path | None = None) -> None:
        self.transfer.export(kind, path)

    # -- persistence ---------------------------------------------------------------------------
    def _restore(self) -> None:
        s = ui_settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = s.value("window/state")
        if isinstance(state, QByteArray | bytes) and str(s.value("window/layout", "")) == LAYOUT:
            self.restoreState(QByteArray(state))  # a layout saved before the present split: fit_docks'
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
        s.setValue("window/layout", LAYOUT)
        s.setValue("tree/header", self.tree.view.header().saveState())
        s.setValue("view/show_archived", self.commands.show_archived.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        if self.persist:
            self.save_layout()
        for hook in self.shutdown_hooks:
            hook()
        self.shutdown_hooks.clear()
        super().closeEvent(event)
