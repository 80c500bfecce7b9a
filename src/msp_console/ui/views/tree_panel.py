"""The left panel: a search box over the client → site → machine tree."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from msp_console.ui.models.client_tree import ClientTreeModel, Column, NodeRef, Role
from msp_console.ui.models.tree_filter import TreeFilterModel
from msp_console.ui.views.column_fit import NarrowColumns
from msp_console.ui.views.filter_box import clear_on_escape

DEBOUNCE_ABOVE_ROWS = 2_000


class ClientTreeView(QTreeView):
    """Enter opens the current row (QTreeView only reports double-clicks as activation on some styles);
    the Menu key and Shift+F10 open the current row's menu, at that row."""

    open_requested = Signal(QModelIndex)
    menu_requested = Signal(QPoint)  # in viewport coordinates

    def __init__(self) -> None:
        super().__init__()
        menu_key = QShortcut(QKeySequence("Shift+F10"), self, context=Qt.ShortcutContext.WidgetShortcut)
        menu_key.activated.connect(self._menu_at_current)

    def _menu_at_current(self) -> None:
        rect = self.visualRect(self.currentIndex())
        self.menu_requested.emit(rect.center() if rect.isValid() else QPoint(4, 4))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self._menu_at_current()
        else:
            self.menu_requested.emit(event.pos())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class TreePanel(QWidget):
    selection_changed = Signal(object)  # NodeRef or None
    open_requested = Signal(object)  # NodeRef (double-click / Enter)
    context_menu_requested = Signal(object, QPoint)  # NodeRef or None, global position

    def __init__(self, model: ClientTreeModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.proxy = TreeFilterModel(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit()
        self.search.setObjectName("treeSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search client, machine, address, tag… (Ctrl+F)"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(lambda: self._apply_search(self.search.text()))
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.focus_first_match)
        self.view = ClientTreeView()
        self.view.setObjectName("clientTree")
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAllColumnsShowFocus(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((Column.STATE, 110), (Column.ADDRESS, 130), (Column.KIND, 88)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        self.narrow = NarrowColumns(self.view, Column.NAME, (Column.KIND, Column.ADDRESS), Column.STATE)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        model.visible_span = self._visible_span  # live states repaint only the rows on screen
        self.view.doubleClicked.connect(self._open)
        self.view.open_requested.connect(self._open)
        self.view.menu_requested.connect(self._context_menu)
        clear_on_escape(self.search, self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.view)

    def _visible_span(self) -> tuple[int, int, int] | None:
        """The model rows on screen as (first uid, last uid, current row's uid); None while the proxy
        sorts (then every change must reach it). Uids follow the unsorted tree's order."""
        if self.proxy.sortColumn() >= 0:
            return None
        current = self.proxy.mapToSource(self.view.currentIndex())
        current_uid = current.internalId() if current.isValid() else -1
        if not self.view.isVisible():
            return 0, -1, current_uid
        port = self.view.viewport()
        top = self.proxy.mapToSource(self.view.indexAt(QPoint(1, 0)))
        bottom = self.proxy.mapToSource(self.view.indexAt(QPoint(1, port.height() - 1)))
        if not top.isValid():
            return 0, -1, current_uid
        return top.internalId(), bottom.internalId() if bottom.isValid() else 1 << 62, current_uid

    # -- selection ---------------------------------------------------------------------------
    def current_ref(self) -> NodeRef | None:
        idx = self.view.currentIndex()
        return idx.data(Role.REF) if idx.isValid() else None

    def select(self, kind: str, ident: int) -> bool:
        return self.select_source(self.model.index_for(kind, ident))

    def select_source(self, source: QModelIndex) -> bool:
        if not source.isValid():
            return False
        idx = self.proxy.mapFromSource(source)
        if not idx.isValid():  # hidden by the search: clear it so the row can be shown
            self.search.clear()
            idx = self.proxy.mapFromSource(source)
        self.view.setCurrentIndex(idx)
        self.view.scrollTo(idx)
        return True

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self.selection_changed.emit(self.current_ref())

    def _open(self, index: QModelIndex) -> None:
        ref = index.data(Role.REF)
        if ref is not None:
            self.open_requested.emit(ref)

    def _context_menu(self, pos: QPoint) -> None:
        idx = self.view.indexAt(pos)
        if idx.isValid():
            self.view.setCurrentIndex(idx)
        ref = idx.data(Role.REF) if idx.isValid() else None
        self.context_menu_requested.emit(ref, self.view.viewport().mapToGlobal(pos))

    # -- search ------------------------------------------------------------------------------
    def _search_changed(self, text: str) -> None:
        """Small trees filter at each keystroke; big ones wait for a pause in the typing."""
        if len(self.model.snapshot.clients) + self.model.snapshot.machine_count > DEBOUNCE_ABOVE_ROWS:
            self._debounce.start()
        else:
            self._apply_search(text)

    def _apply_search(self, text: str) -> None:
        self._debounce.stop()
        before = self.current_ref()
        self.proxy.set_search_text(text)
        if self.proxy.active:
            self.view.expandAll()
        if self.current_ref() != before:  # the search hid the selected row: the details follow
            self.selection_changed.emit(self.current_ref())

    def focus_first_match(self) -> None:
        """Enter in the search box jumps to the first matching machine (else the first row)."""
        self._apply_search(self.search.text())
        first = self._first_leaf(QModelIndex())
        if first.isValid():
            self.view.setCurrentIndex(first)
            self.view.setFocus()

    def _first_leaf(self, parent: QModelIndex) -> QModelIndex:
        for row in range(self.proxy.rowCount(parent)):
            idx = self.proxy.index(row, 0, parent)
            ref = idx.data(Role.REF)
            if ref is not None and ref.kind == "machine":
                return idx
            leaf = self._first_leaf(idx)
            if leaf.isValid():
                return leaf
        return self.proxy.index(0, 0, parent) if parent == QModelIndex() else QModelIndex()

    def expanded_refs(self) -> set[tuple[str, int]]:
        """Which clients and sites are open, to reopen them after the model is reset."""
        refs: set[tuple[str, int]] = set()

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                idx = self.proxy.index(row, 0, parent)
                if self.view.isExpanded(idx):
                    ref = idx.data(Role.REF)
                    refs.add((ref.kind, ref.id))
                    walk(idx)

        walk(QModelIndex())
        return refs

    def expand_refs(self, refs: set[tuple[str, int]]) -> None:
        for kind, ident in refs:
            idx = self.proxy.mapFromSource(self.model.index_for(kind, ident))
            if idx.isValid():
                self.view.expand(idx)

    def visible_machine_names(self) -> list[str]:
        """Names of the machines the search leaves visible (for tests and the status bar)."""
        names: list[str] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                idx = self.proxy.index(row, 0, parent)
                ref = idx.data(Role.REF)
                if ref is not None and ref.kind == "machine":
                    names.append(ref.name)
                walk(idx)

        walk(QModelIndex())
        return names
