"""Small pictograms (clients, sites, machine kinds, toolbar actions) in the palette's text colour.

One family, drawn with QPainter on a 16-unit grid, so they follow the OS light/dark palette
and need no icon files.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

_cache: dict[tuple[str, str], QIcon] = {}


def kind_icon(kind: str) -> QIcon:
    """'client', 'site', a machine kind (workstation, laptop, server, …) or an action
    ('new', 'edit', 'delete', 'import', 'export', 'reload')."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    key = (kind, colour)
    icon = _cache.get(key)
    if icon is None:
        icon = _cache[key] = QIcon(_paint(_PAINTERS.get(kind, _other), QColor(colour)))
    return icon


def _paint(draw: Callable[[QPainter], None], colour: QColor) -> QPixmap:
    pm = QPixmap(32, 32)
    pm.setDevicePixelRatio(2.0)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(colour, 1.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    draw(p)
    p.end()
    return pm


def _client(p: QPainter) -> None:  # an office building
    p.drawRect(QRectF(3.5, 2.5, 9, 11))
    for y in (5, 8):
        for x in (5.5, 9):
            p.fillRect(QRectF(x, y, 1.6, 1.6), p.pen().color())
    p.drawRect(QRectF(7, 10.5, 2, 3))


def _site(p: QPainter) -> None:  # a map pin
    path = QPainterPath(QPointF(8, 14.5))
    path.cubicTo(QPointF(2, 8), QPointF(3, 1.5), QPointF(8, 1.5))
    path.cubicTo(QPointF(13, 1.5), QPointF(14, 8), QPointF(8, 14.5))
    p.drawPath(path)
    p.drawEllipse(QPointF(8, 6.2), 2, 2)


def _workstation(p: QPainter) -> None:  # a monitor on a stand
    p.drawRoundedRect(QRectF(1.5, 2.5, 13, 8.5), 1, 1)
    p.drawLine(QPointF(8, 11), QPointF(8, 13.5))
    p.drawLine(QPointF(5, 13.5), QPointF(11, 13.5))


def _laptop(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3, 3.5, 10, 7), 1, 1)
    p.drawLine(QPointF(1, 12.5), QPointF(15, 12.5))
    p.drawLine(QPointF(3, 10.5), QPointF(1, 12.5))
    p.drawLine(QPointF(13, 10.5), QPointF(15, 12.5))


def _server(p: QPainter) -> None:  # three rack units
    for y in (1.5, 6, 10.5):
        p.drawRoundedRect(QRectF(2.5, y, 11, 4), 0.8, 0.8)
        p.fillRect(QRectF(4.2, y + 1.5, 1.2, 1.2), p.pen().color())


def _firewall(p: QPainter) -> None:  # a shield
    path = QPainterPath(QPointF(8, 1.5))
    path.lineTo(QPointF(13.5, 3.5))
    path.cubicTo(QPointF(13.5, 9), QPointF(11, 12.5), QPointF(8, 14.5))
    path.cubicTo(QPointF(5, 12.5), QPointF(2.5, 9), QPointF(2.5, 3.5))
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(8, 4.5), QPointF(8, 11))


def _switch(p: QPainter) -> None:  # a box with ports
    p.drawRoundedRect(QRectF(1.5, 5, 13, 6.5), 1, 1)
    for x in (3.5, 6.2, 8.9, 11.6):
        p.fillRect(QRectF(x, 8.6, 1.4, 1.4), p.pen().color())
    p.drawLine(QPointF(4, 2.5), QPointF(12, 2.5))


def _nas(p: QPainter) -> None:  # a disk cylinder
    p.drawEllipse(QRectF(3, 1.5, 10, 3.5))
    p.drawLine(QPointF(3, 3.2), QPointF(3, 12.8))
    p.drawLine(QPointF(13, 3.2), QPointF(13, 12.8))
    p.drawArc(QRectF(3, 11, 10, 3.5), 180 * 16, 180 * 16)
    p.drawArc(QRectF(3, 6.5, 10, 3.5), 180 * 16, 180 * 16)


def _printer(p: QPainter) -> None:
    p.drawRect(QRectF(4.5, 1.5, 7, 4))
    p.drawRoundedRect(QRectF(1.5, 5.5, 13, 6), 1, 1)
    p.drawRect(QRectF(4.5, 9.5, 7, 5))


def _other(p: QPainter) -> None:  # a generic device
    p.drawRoundedRect(QRectF(2.5, 2.5, 11, 11), 2, 2)
    p.drawEllipse(QPointF(8, 8), 2, 2)


def _new(p: QPainter) -> None:  # a sheet with a plus
    p.drawPolyline(
        [
            QPointF(9.5, 1.5),
            QPointF(3.5, 1.5),
            QPointF(3.5, 14.5),
            QPointF(12.5, 14.5),
            QPointF(12.5, 4.5),
            QPointF(9.5, 1.5),
            QPointF(9.5, 4.5),
            QPointF(12.5, 4.5),
        ]
    )
    p.drawLine(QPointF(8, 7), QPointF(8, 12))
    p.drawLine(QPointF(5.5, 9.5), QPointF(10.5, 9.5))


def _edit(p: QPainter) -> None:  # a pencil
    path = QPainterPath(QPointF(2.5, 13.5))
    path.lineTo(QPointF(3.2, 10.5))
    path.lineTo(QPointF(11, 2.7))
    path.lineTo(QPointF(13.3, 5))
    path.lineTo(QPointF(5.5, 12.8))
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(9.5, 4.2), QPointF(11.8, 6.5))


def _delete(p: QPainter) -> None:  # a bin
    p.drawLine(QPointF(2.5, 4), QPointF(13.5, 4))
    p.drawPolyline([QPointF(6, 4), QPointF(6.5, 2), QPointF(9.5, 2), QPointF(10, 4)])
    p.drawPolyline([QPointF(3.8, 4), QPointF(4.8, 14.5), QPointF(11.2, 14.5), QPointF(12.2, 4)])
    p.drawLine(QPointF(6.7, 6.5), QPointF(6.9, 12))
    p.drawLine(QPointF(9.3, 6.5), QPointF(9.1, 12))


def _tray(p: QPainter) -> None:
    p.drawPolyline([QPointF(1.5, 9.5), QPointF(1.5, 14), QPointF(14.5, 14), QPointF(14.5, 9.5)])


def _import(p: QPainter) -> None:  # an arrow into a tray
    _tray(p)
    p.drawLine(QPointF(8, 1.5), QPointF(8, 10.5))
    p.drawPolyline([QPointF(4.5, 7), QPointF(8, 10.5), QPointF(11.5, 7)])


def _export(p: QPainter) -> None:  # an arrow out of a tray
    _tray(p)
    p.drawLine(QPointF(8, 10.5), QPointF(8, 1.5))
    p.drawPolyline([QPointF(4.5, 5), QPointF(8, 1.5), QPointF(11.5, 5)])


def _reload(p: QPainter) -> None:  # a circular arrow
    p.drawArc(QRectF(2.5, 2.5, 11, 11), 60 * 16, 300 * 16)
    p.drawPolyline([QPointF(13.8, 1.8), QPointF(13.3, 5.6), QPointF(9.6, 4.9)])


def _find(p: QPainter) -> None:  # a magnifier
    p.drawEllipse(QPointF(6.5, 6.5), 4.5, 4.5)
    p.drawLine(QPointF(9.8, 9.8), QPointF(14.5, 14.5))


_PAINTERS: dict[str, Callable[[QPainter], None]] = {
    "new": _new,
    "edit": _edit,
    "delete": _delete,
    "import": _import,
    "export": _export,
    "reload": _reload,
    "find": _find,
    "client": _client,
    "site": _site,
    "workstation": _workstation,
    "laptop": _laptop,
    "server": _server,
    "firewall": _firewall,
    "switch": _switch,
    "nas": _nas,
    "printer": _printer,
    "other": _other,
}
