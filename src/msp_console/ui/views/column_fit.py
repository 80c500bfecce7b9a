"""Columns that step aside when a tree is too narrow for its names.

At 150–200 % scaling, or on a small screen, the Clients pane may be only a few hundred pixels
wide: with every column at its width the names (what a technician reads first) shrink to "Ag…".
Below the name's minimum, the given columns are hidden one by one (Kind, then Address: the
details pane shows both), then the state column narrows to its icon; all come back, at the width
they had, when the pane is wide again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QObject
from PySide6.QtWidgets import QStyle, QTreeView


class NarrowColumns(QObject):
    def __init__(
        self,
        view: QTreeView,
        name_column: int,
        give_way: Sequence[int],
        icon_only: int | None = None,
        name_chars: int = 16,
    ):
        super().__init__(view)
        self.view = view
        self.name_column = name_column
        self.give_way = tuple(give_way)  # first hidden first
        self.icon_only = icon_only  # the last resort: this column keeps only its icon
        self.name_chars = name_chars
        self.stepped_aside: set[int] = set()  # hidden here (Qt keeps their widths for their return)
        self.narrowed_from: int | None = None  # the icon-only column's width before it narrowed
        self._fitted_width = -1
        self._fitting = False
        view.viewport().installEventFilter(self)  # resized
        view.installEventFilter(self)  # shown
        view.header().sectionResized.connect(self._resized)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column == self.icon_only and not self._fitting:
            self.narrowed_from = None  # the technician sized it by hand: theirs from now on

    def icon_width(self) -> int:
        size = self.view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self.view)
        return size + 14

    def name_minimum(self) -> int:
        """Room for about ``name_chars`` characters after two levels of indentation and an icon."""
        metrics = self.view.fontMetrics()
        return metrics.horizontalAdvance("n" * self.name_chars) + 3 * self.view.indentation()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only a view on screen has a width worth fitting (a window still being built is tiny).
        # Only a width change matters (a scroll bar coming and going changes the height).
        shown = event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and self.view.isVisible()
        if shown and self.view.viewport().width() != self._fitted_width:
            self.fit()
        return False

    def fit(self) -> None:
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        header = self.view.header()
        available = self._fitted_width = self.view.viewport().width()
        others = [c for c in range(header.count()) if c != self.name_column]

        def room_for_name() -> int:
            shown = [c for c in others if not header.isSectionHidden(c)]
            return available - sum(header.sectionSize(c) for c in shown)

        minimum = self.name_minimum()
        if self.icon_only is not None and self.narrowed_from is not None:  # the last step, undone first
            if room_for_name() - (self.narrowed_from - header.sectionSize(self.icon_only)) < minimum:
                return
            header.resizeSection(self.icon_only, self.narrowed_from)
            self.narrowed_from = None
        for column in reversed(self.give_way):  # the last to step aside comes back first
            if column not in self.stepped_aside:
                continue
            header.setSectionHidden(column, False)
            if room_for_name() < minimum:
                header.setSectionHidden(column, True)
                break
            self.stepped_aside.discard(column)
        for column in self.give_way:
            if room_for_name() >= minimum:
                break
            if not header.isSectionHidden(column):
                self.stepped_aside.add(column)
                header.setSectionHidden(column, True)
        if self.icon_only is not None and room_for_name() < minimum:
            self.narrowed_from = header.sectionSize(self.icon_only)
            header.resizeSection(self.icon_only, self.icon_width())

    def header_state(self) -> QByteArray:
        """The header as if nothing had stepped aside, to remember (the next start may be wider)."""
        header = self.view.header()
        self._fitting = True
        narrowed = header.sectionSize(self.icon_only) if self.icon_only is not None else 0
        if self.icon_only is not None and self.narrowed_from is not None:
            header.resizeSection(self.icon_only, self.narrowed_from)
        for column in self.stepped_aside:
            header.setSectionHidden(column, False)
        state = header.saveState()
        for column in self.stepped_aside:
            header.setSectionHidden(column, True)
        if self.icon_only is not None and self.narrowed_from is not None:
            header.resizeSection(self.icon_only, narrowed)
        self._fitting = False
        return state
