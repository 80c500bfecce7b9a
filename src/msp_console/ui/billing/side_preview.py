"""The selected invoice's first page beside the list, so a technician sees what will print
without opening anything. Rendered on the worker thread; stale answers are dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget
from shiboken6 import isValid

from msp_console.services.billing.ledger import InvoiceRow
from msp_console.services.billing.sdi_records import SdiStatus
from msp_console.services.database import Database
from msp_console.ui.billing.look import day, explain, money, status_label, tr
from msp_console.ui.billing.pages import render_pages
from msp_console.ui.billing.queries import invoice_pdfs
from msp_console.ui.billing.sdi_look import history_html
from msp_console.ui.worker import run_in_background

DPI = 72  # a thumbnail: about 600 px tall for A4


class SidePreview(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("billingSidePreview")
        self.db = db
        self._generation = 0
        self._row: InvoiceRow | None = None
        self._sdi: SdiStatus | None = None
        self._image: QImage | None = None
        self.title = QLabel(tr("Select an invoice to see it here."))
        self.title.setObjectName("sidePreviewTitle")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setObjectName("sidePreviewFacts")
        self.facts.setWordWrap(True)
        self.sdi = QLabel()
        self.sdi.setObjectName("sidePreviewSdi")
        self.sdi.setWordWrap(True)
        self.sdi.setTextFormat(Qt.TextFormat.RichText)
        self.page = QLabel()
        self.page.setObjectName("sidePreviewPage")
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.sdi)
        layout.addWidget(area, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # arrowing through the list renders only where it stops
        self._timer.timeout.connect(self._render)

    def forget(self) -> None:
        """The next ``show_row`` draws its row again, even the same one (its lines may have changed)."""
        self._row = None

    def show_row(self, row: InvoiceRow | None, sdi: SdiStatus | None = None) -> None:
        if row is not None and row.status != "draft":
            self.sdi.setText(history_html(sdi))  # the SdI's answers change without the row
        else:
            self.sdi.setText("")
        self._sdi = sdi
        if row == self._row:
            return
        self._row = row
        self._generation += 1
        if row is None:
            self.title.setText(tr("Select one invoice to see it here."))
            self.facts.setText("")
            self.page.clear()
            self._image = None
            return
        kind = tr("Credit note") if row.kind == "TD04" else tr("Invoice")
        self.title.setText(f"<b>{kind} {row.number or tr('(draft)')}</b> — {row.client}")
        facts = [status_label(row.status), tr("taxable %s, VAT %s") % (money(row.taxable), money(row.vat))]
        if row.due_date:
            facts.append(tr("due %s") % day(row.due_date))
        if row.paid_date:
            facts.append(tr("paid %s") % day(row.paid_date))
        self.facts.setText(" · ".join(facts))
        self._timer.start()

    def render_now(self) -> None:
        """Skips the typing delay (screenshots, tests)."""
        self._timer.stop()
        self._render()

    def _render(self) -> None:
        row, generation = self._row, self._generation
        if row is None:
            return

        def work() -> QImage:
            return render_pages(invoice_pdfs(self.db, [row.id])[0], DPI)[0]

        def done(image: QImage) -> None:
            if isValid(self) and generation == self._generation:  # the window may be gone
                self._image = image
                self._fit()

        def failed(error: Exception) -> None:
            if isValid(self) and generation == self._generation:
                self.page.setText(explain(error))

        run_in_background(work, done, failed)

    def _fit(self) -> None:
        if self._image is None:
            return
        width = max(120, self.width() - 24)
        pixmap = QPixmap.fromImage(self._image).scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation
        )
        self.page.setPixmap(pixmap)
        self.page.setStyleSheet("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
