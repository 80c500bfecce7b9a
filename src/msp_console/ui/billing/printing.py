"""Printing invoices: the PDF pages rendered at the printer's resolution and painted page by page.

The page setup (paper, orientation, printer, copies' colour mode) is remembered in QSettings.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from msp_console.ui.ui_settings import ui_settings

MAX_DPI = 300  # enough for text on paper; higher only makes huge bitmaps
GROUP = "billing/print"


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # the invoice PDF carries its own margins
    restore_page_setup(printer)
    return printer


def restore_page_setup(printer: QPrinter) -> None:
    s = ui_settings()
    s.beginGroup(GROUP)
    try:
        name = str(s.value("printer", "") or "")
        if name and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
            printer.setPrinterName(name)
        size_id = s.value("page_size")
        if size_id is not None:
            printer.setPageSize(QPageSize(QPageSize.PageSizeId(int(str(size_id)))))
        else:
            printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        orientation = s.value("orientation")
        if orientation is not None:
            printer.setPageOrientation(QPageLayout.Orientation(int(str(orientation))))
        colour = s.value("colour")
        if colour is not None:
            printer.setColorMode(QPrinter.ColorMode(int(str(colour))))
    finally:
        s.endGroup()


def save_page_setup(printer: QPrinter) -> None:
    s = ui_settings()
    s.beginGroup(GROUP)
    layout = printer.pageLayout()
    s.setValue("page_size", int(layout.pageSize().id().value))
    s.setValue("orientation", int(layout.orientation().value))
    s.setValue("colour", int(printer.colorMode().value))
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
        s.setValue("printer", printer.printerName())
    s.endGroup()
    s.sync()


def print_dpi(printer: QPrinter) -> int:
    return max(72, min(printer.resolution(), MAX_DPI))


def paint_pages(printer: QPrinter, pages: Iterable[QImage]) -> int:
    """Paints each image on its own sheet, scaled to fit and centred, as the images come (any
    thread: QPainter on a QPrinter is thread-safe when one thread owns it). Returns the sheets
    printed; an exception from `pages` (Cancel) aborts the print job."""
    painter = QPainter()
    count = 0
    try:
        for image in pages:
            if count == 0:
                if not painter.begin(printer):
                    raise OSError("the printer could not be opened (is it connected, is the file writable?)")
            else:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(
                area.x() + (area.width() - size.width()) // 2,
                area.y() + (area.height() - size.height()) // 2,
                size.width(),
                size.height(),
            )
            painter.setWindow(area)
            painter.drawImage(target, image)
            count += 1
    except BaseException:
        if painter.isActive():
            printer.abort()
        raise
    finally:
        if painter.isActive():
            painter.end()
    return count
