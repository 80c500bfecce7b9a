"""The column a list is read by (a problem's text, a note) keeps its room on a narrow window.

A list whose other columns are sized to their contents leaves its stretching column only what is
left: at 1366×768, or 1920×1080 at 150 %, that is a few pixels and "P3 W…". Below ``least`` px the
other columns give up width in proportion, and get it back when the list is wide again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView, QTreeView


class RoomForStretch(QObject):
    def __init__(self, view: QTableView | QTreeView, stretch: int, least: int = 160):
        super().__init__(view)
        self.view, self.stretch, self.least = view, stretch, least
        self.natural: dict[int, int] = {}  # the other columns' widths for their contents
        self._fitting = False
        view.viewport().installEventFilter(self)  # resized
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        header.sectionResized.connect(self._resized)

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in self.natural:
            self.natural[column] = new  # sized by hand: the technician's width from now on

    def set_natural(self, widths: dict[int, int]) -> None:
        self.natural = {c: w for c, w in widths.items() if c != self.stretch}
        self.fit()

    def fit(self) -> None:
        taken = sum(self.natural.values())
        room = self.view.viewport().width() - self.least
        scale = room / taken if taken > room > 0 else 1.0
        self._fitting = True
        try:
            for column, width in self.natural.items():
                self.view.setColumnWidth(column, max(40, int(width * scale)))
        finally:
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
