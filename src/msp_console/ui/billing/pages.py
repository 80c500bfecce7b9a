"""Invoice PDFs drawn to images with pdfium (pypdfium2): QtPdf is not in PySide6-Essentials.

pdfium is not thread-safe: every use goes through one lock, whichever thread asks.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

_lock = threading.Lock()


def page_count(pdf: bytes) -> int:
    with _lock:
        doc = pdfium.PdfDocument(pdf)
        try:
            return len(doc)
        finally:
            doc.close()


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page as an opaque RGB image at `dpi` (PDF units are 1/72 inch)."""
    return list(iter_pages(pdf, dpi))


def iter_pages(pdf: bytes, dpi: float) -> Iterator[QImage]:
    """One page at a time (a 300 dpi A4 page is 35 MB): the lock is held per page, not between."""
    with _lock:
        doc = pdfium.PdfDocument(pdf)
        count = len(doc)
    try:
        for index in range(count):
            with _lock:
                image = _render(doc, index, dpi)
            yield image
    finally:
        with _lock:
            doc.close()


def _render(doc: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    page = doc[index]
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True, optimize_mode="print")
    image = QImage(
        bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
    ).copy()  # owns its pixels once the bitmap is gone
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    bitmap.close()
    page.close()
    return image
