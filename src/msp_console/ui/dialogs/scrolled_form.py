"""A tall form inside a dialog: it opens at most ``height`` px high and scrolls down from there,
so the dialog (its OK button included) fits a 1366×768 screen, or 1920×1080 at 150 %."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget

FITS_SMALL_SCREENS = 520  # px of form: with the title bar, buttons and margins, under 648


class ScrolledForm(QScrollArea):
    """As wide as the form (never a sideways scroll bar), at most ``height`` px high."""

    def __init__(self, form: QWidget, height: int = FITS_SMALL_SCREENS, parent: QWidget | None = None):
        super().__init__(parent)
        self._height = height
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(form)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self) + 2

    def sizeHint(self) -> QSize:
        form = self.widget()
        hint = form.sizeHint() if form is not None else QSize()
        return QSize(hint.width() + self._bar(), min(hint.height(), self._height))

    def minimumSizeHint(self) -> QSize:
        form = self.widget()
        least = form.minimumSizeHint() if form is not None else QSize()
        return QSize(least.width() + self._bar(), min(least.height(), 120))
