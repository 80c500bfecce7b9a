"""The invoice pictogram for 'Run invoices', in the same family as ui/kind_icons (16-unit grid,
the palette's text colour, no icon files)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap


def invoice_icon() -> QIcon:
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    pm = QPixmap(32, 32)
    pm.setDevicePixelRatio(2.0)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(colour, 1.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    corner = [QPointF(9.5, 1.5), QPointF(3.5, 1.5), QPointF(3.5, 14.5), QPointF(12.5, 14.5)]
    p.drawPolyline([*corner, QPointF(12.5, 4.5), QPointF(9.5, 1.5), QPointF(9.5, 4.5), QPointF(12.5, 4.5)])
    font = QFont()
    font.setPixelSize(8)
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(3.5, 5.5, 9, 8), Qt.AlignmentFlag.AlignCenter, "€")
    p.end()
    return QIcon(pm)
