"""Every text a person can read on a widget and its visible children, each with where it was found.

Labels (rich text reduced to its words), buttons, group boxes, tab titles, line-edit placeholders,
combo-box entries, headers and cells of item views, window and dock titles, menu bar and toolbar
actions, and the status bar. Tooltips are left out (the brief makes them optional).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QWidget,
)

MAX_ROWS = 300  # item views: the first rows say what the rest will say

# Columns that show what a monitored machine printed (a plugin's output), in the machine's words,
# not the console's: their cells are data, like a client's name.
DATA_COLUMNS = {"Result", "Last result", "Risultato", "Ultimo risultato"}


@dataclass(frozen=True)
class Text:
    where: str  # "QLabel 'summary' in tab Oggi"
    text: str


def _plain(text: str) -> str:
    if "<" in text and ">" in text:  # rich text: its words, entities resolved
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText().strip()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()  # accelerators


def _name(w: QWidget) -> str:
    name = w.objectName()
    return f"{type(w).__name__}" + (f" '{name}'" if name else "")


def _shown(w: QWidget) -> bool:
    return w.isVisible() and w.width() > 0 and w.height() > 0


def _model_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps columnCount private: one column
        columns = 1
    hidden = getattr(view, "isColumnHidden", lambda _c: False)
    visible = []
    for c in range(columns):
        if hidden(c):
            continue
        head = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if head:
            yield "header", str(head)
        if str(head) not in DATA_COLUMNS:
            visible.append(c)
    count = 0

    def rows(parent: QModelIndex) -> Iterator[tuple[str, str]]:
        nonlocal count
        for r in range(model.rowCount(parent)):
            if count >= MAX_ROWS:
                return
            count += 1
            for c in visible:
                index = model.index(r, c, parent)
                value = model.data(index, Qt.ItemDataRole.DisplayRole)
                if value not in (None, ""):
                    yield f"cell {r},{c}", str(value)
            first = model.index(r, 0, parent)
            if first.isValid() and model.rowCount(first) > 0:
                yield from rows(first)

    yield from rows(QModelIndex())


def widget_texts(root: QWidget, where: str) -> Iterator[Text]:
    """The readable texts of ``root`` and its visible descendants."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not _shown(w):
            continue
        at = f"{_name(w)} in {where}"
        if w.isWindow() and w.windowTitle():
            yield Text(f"window title of {at}", _plain(w.windowTitle()))
        if isinstance(w, QLabel | QAbstractButton):
            yield Text(at, _plain(w.text()))
        elif isinstance(w, QGroupBox):
            yield Text(at, _plain(w.title()))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    yield Text(f"tab {i} of {at}", _plain(w.tabText(i)))
        elif isinstance(w, QLineEdit):
            yield Text(f"placeholder of {at}", w.placeholderText())
            if w.isReadOnly():
                yield Text(at, w.text())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield Text(f"entry {i} of {at}", w.itemText(i))
        elif isinstance(w, QTextBrowser | QTextEdit) and w.isReadOnly():
            yield Text(at, w.toPlainText())
        elif isinstance(w, QDockWidget):
            yield Text(f"title of {at}", _plain(w.windowTitle()))
        elif isinstance(w, QToolBar):
            for a in w.actions():
                if a.isVisible() and a.text():
                    yield Text(f"action of {at}", _plain(a.text()))
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):  # headers: via the view
            for part, text in _model_texts(w):
                yield Text(f"{part} of {at}", text)
        if isinstance(w, QMainWindow):
            for menu_action in w.menuBar().actions():
                yield Text(f"menu of {at}", _plain(menu_action.text()))
                menu = menu_action.menu()
                if isinstance(menu, QMenu):
                    yield from _menu_texts(menu, f"menu {_plain(menu_action.text())} of {at}")


def _menu_texts(menu: QMenu, where: str) -> Iterator[Text]:
    for a in menu.actions():
        if not a.isVisible() or a.isSeparator():
            continue
        if a.text():
            yield Text(where, _plain(a.text()))
        sub = a.menu()
        if isinstance(sub, QMenu) and sub is not menu:
            yield from _menu_texts(sub, f"{where} › {_plain(a.text())}")


WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def words(text: str) -> list[str]:
    return WORD.findall(text)
