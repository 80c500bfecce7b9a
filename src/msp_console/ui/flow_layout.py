"""A row of buttons (or filters) that wraps onto a second line when the window is narrow, instead
of squeezing its buttons until their text is cut (a 1366×768 laptop, a screen at 150 %)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right at their size hint, wrapping to a new line when the width runs out.

    ``addStretch()`` marks where the rest of a line's items go to its right end (a summary after
    the filters, say)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch_at: int | None = None
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout ----------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addStretch(self, _stretch: int = 1) -> None:
        self._stretch_at = len(self._items)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in shown) + self._gap() * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize().expandedTo(item.sizeHint()))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- placing ----------------------------------------------------------------------------
    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _place(self, rect: QRect, move: bool) -> int:
        """Lays the items out in ``rect`` (when ``move``); returns the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        lines: list[list[tuple[QLayoutItem, bool]]] = [[]]  # (item, after the stretch)
        x = area.x()
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            width = item.sizeHint().width()
            if lines[-1] and x + width > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, self._stretch_at is not None and index >= self._stretch_at))
            x += width + gap
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item, _ in line)
            if move:
                self._move_line(line, area, y, height, gap)
            y += height + gap
        return y - gap - area.y() + margins.top() + margins.bottom() if any(lines) else 0

    @staticmethod
    def _move_line(line: list[tuple[QLayoutItem, bool]], area: QRect, y: int, height: int, gap: int) -> None:
        right = [item for item, after in line if after]
        right_width = sum(i.sizeHint().width() for i in right) + gap * max(len(right) - 1, 0)
        x, x_right = area.x(), area.right() + 1 - right_width
        for item, after in line:
            hint = item.sizeHint()
            h = height if item.widget() is not None and _grows_vertically(item.widget()) else hint.height()
            top = y + (height - h) // 2
            if after:
                item.setGeometry(QRect(QPoint(max(x_right, x), top), QSize(hint.width(), h)))
                x_right += hint.width() + gap
            else:
                item.setGeometry(QRect(QPoint(x, top), QSize(hint.width(), h)))
            x += hint.width() + gap


def _grows_vertically(widget: QWidget | None) -> bool:
    return widget is not None and bool(
        widget.sizePolicy().verticalPolicy().value & QSizePolicy.PolicyFlag.GrowFlag.value
    )
