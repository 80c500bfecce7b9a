"""Search over the tree: a row matches when every typed word is in its name, address or tags.

Filtering is recursive (a matching machine keeps its client and site visible) and a matching
client or site shows everything under it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from msp_console.ui.models.client_tree import Role


class TreeFilterModel(QSortFilterProxyModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._terms: list[str] = []
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_search_text(self, text: str) -> None:
        terms = text.casefold().split()
        if terms == self._terms:
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._terms = terms
            self.invalidateRowsFilter()

    @property
    def active(self) -> bool:
        return bool(self._terms)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._terms:
            return True
        source = self.sourceModel()
        haystack = source.data(source.index(source_row, 0, source_parent), Role.SEARCH) or ""
        return all(term in haystack for term in self._terms)
