"""In-app preview of an invoice PDF: its pages as images in a scroll area, with zoom."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from msp_console.ui.billing.look import BillingCounts, tr
from msp_console.ui.billing.pages import render_pages

ZOOMS = (50, 75, 100, 125, 150, 200)
SCREEN_DPI = 96


class PreviewDialog(QDialog):
    def __init__(
        self,
        pdf: bytes,
        title: str,
        parent: QWidget | None = None,
        on_print: Callable[[], None] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("invoicePreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self.page_labels: list[QLabel] = []
        self.zoom = QComboBox()
        self.zoom.setObjectName("previewZoom")
        self.zoom.setAccessibleName(tr("Zoom"))
        for z in ZOOMS:
            self.zoom.addItem(f"{z} %", z)
        self.zoom.setCurrentIndex(ZOOMS.index(100))
        self.zoom.currentIndexChanged.connect(lambda _i: self._render())
        pages = QWidget()
        self.pages_layout = QVBoxLayout(pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.setSpacing(12)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(pages)
        area.setBackgroundRole(QPalette.ColorRole.Dark)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Zoom:")))
        top.addWidget(self.zoom)
        top.addStretch(1)
        top.addWidget(self.count_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if on_print is not None:
            print_button = QPushButton(tr("&Print…"))
            print_button.setObjectName("previewPrint")
            print_button.clicked.connect(on_print)
            buttons.addButton(print_button, QDialogButtonBox.ButtonRole.ActionRole)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self._step(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self._step(-1))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(area, 1)
        layout.addWidget(buttons)
        self.resize(880, 640)  # fits 1366×768 and 1920×1080 at 150 % (1280×720); the pages scroll
        self._render()

    def _step(self, delta: int) -> None:
        self.zoom.setCurrentIndex(max(0, min(len(ZOOMS) - 1, self.zoom.currentIndex() + delta)))

    def _render(self) -> None:
        ratio = self.devicePixelRatioF() or 1.0
        dpi = SCREEN_DPI * int(self.zoom.currentData()) / 100
        images = render_pages(self.pdf, dpi * ratio)
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        for n, image in enumerate(images, start=1):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setObjectName(f"previewPage{n}")
            label.setPixmap(pixmap)
            label.setStyleSheet("border: 1px solid #9e9e9e; background: white;")
            label.setAccessibleName(tr("Page %d of %d") % (n, len(images)))
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        count = len(images)
        self.count_label.setText(BillingCounts.tr("%n page(s)", "", count))

    @property
    def page_count(self) -> int:
        return len(self.page_labels)
