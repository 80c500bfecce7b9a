"""Help → Keyboard shortcuts: a table built from the window's own actions, so it is never out of date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msp_console.ui.help_dialogs import shortcut_rows
from msp_console.ui.views.filter_box import clear_on_escape


def _menu_paths(window: QMainWindow) -> dict[int, str]:
    """id(action) → "Menu › Submenu" for every action reachable from the menu bar."""
    paths: dict[int, str] = {}

    def walk(menu: QMenu, prefix: str) -> None:
        here = (prefix + " › " if prefix else "") + menu.title().replace("&", "")
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, here)
            else:
                paths.setdefault(id(action), here)

    for top in window.menuBar().actions():
        if isinstance(top.menu(), QMenu):
            walk(top.menu(), "")  # type: ignore[arg-type]
    return paths


def shortcut_table(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(keys, what, menu) for every action of the window with a shortcut, plus the fixed keys."""
    actions = window.findChildren(QAction)
    paths = _menu_paths(window)
    native = QKeySequence.SequenceFormat.NativeText
    rows: dict[tuple[str, str], str] = {}
    for action in actions:
        if action.shortcut().isEmpty() or not action.text():
            continue
        for sequence in action.shortcuts():
            rows[(sequence.toString(native), action.text().replace("&", ""))] = paths.get(id(action), "")
    for keys, what in shortcut_rows([]):
        rows.setdefault((keys, what), "")
    return sorted(((k, w, m) for (k, w), m in rows.items()), key=lambda r: (r[2] == "", r[2], r[0]))


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_table(window)
        self.filter = QLineEdit()
        self.filter.setObjectName("shortcutFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setAccessibleName(self.tr("Filter the shortcuts"))
        self.table = QTableWidget(len(rows), 3)
        clear_on_escape(self.filter)  # the first Esc clears the filter, the next closes the dialog
        self.table.setObjectName("shortcutTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action"), self.tr("Menu")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for r, (keys, what, menu) in enumerate(rows):
            for c, text in enumerate((keys, what, menu)):
                item = QTableWidgetItem(text)
                if c == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.resize(640, 520)

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(3)]
            hay = " ".join(i.text() for i in cells if i is not None).casefold()
            self.table.setRowHidden(r, bool(needle) and needle not in hay)

    def rows(self) -> list[tuple[str, str, str]]:
        out = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(3)]
            out.append(tuple(i.text() if i is not None else "" for i in cells))
        return out  # type: ignore[return-value]


def show_shortcuts_dialog(window: QMainWindow) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
