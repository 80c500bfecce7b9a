"""How health states look everywhere: colour + glyph + text, icons painted once and cached."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap

from msp_console.domain.health import HealthState

STATE_COLOURS: dict[HealthState, str] = {
    HealthState.OK: "#2e7d32",
    HealthState.WARNING: "#f9a825",
    HealthState.CRITICAL: "#c62828",
    HealthState.UNKNOWN: "#757575",
    HealthState.UNREACHABLE: "#6a1b9a",
    HealthState.PENDING: "#757575",
}

_icons: dict[tuple[HealthState, int, bool | str], QIcon] = {}


def state_text(state: HealthState) -> str:
    """The state's name in the user's language (colour never carries meaning alone)."""
    names = {
        HealthState.OK: QCoreApplication.translate("HealthState", "OK"),
        HealthState.WARNING: QCoreApplication.translate("HealthState", "Warning"),
        HealthState.CRITICAL: QCoreApplication.translate("HealthState", "Critical"),
        HealthState.UNKNOWN: QCoreApplication.translate("HealthState", "Unknown"),
        HealthState.UNREACHABLE: QCoreApplication.translate("HealthState", "Unreachable"),
        HealthState.PENDING: QCoreApplication.translate("HealthState", "Pending"),
    }
    return names[state]


def state_label(state: HealthState) -> str:
    """Glyph and text together, as the tree's State column shows them."""
    return f"{state.glyph} {state_text(state)}"


def state_icon(state: HealthState, size: int = 16, muted: bool | str = False) -> QIcon:
    """``muted``: acknowledged (True or "ack": a tick badge) or "maintenance" (a spanner badge) —
    the state's colour dimmed, with the badge."""
    muted = "maintenance" if muted == "maintenance" else bool(muted)
    key = (state, size, muted)
    icon = _icons.get(key)
    if icon is None:
        icon = _icons[key] = QIcon(
            _paint_muted(state, size, muted == "maintenance") if muted else _paint(state, size)
        )
    return icon


def _paint_muted(state: HealthState, size: int, maintenance: bool = False) -> QPixmap:
    base = _paint(state, size)
    pm = QPixmap(base.size())
    pm.setDevicePixelRatio(base.devicePixelRatio())
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setOpacity(0.45)
    p.drawPixmap(0, 0, base)
    p.setOpacity(1.0)
    badge = QRectF(size * 0.45, size * 0.45, size * 0.55, size * 0.55)
    p.setPen(QPen(QColor("#37474f"), 1))
    p.setBrush(QColor("#eceff1"))
    p.drawEllipse(badge)
    p.setPen(QPen(QColor("#37474f"), max(1.2, size / 12)))
    c = badge.center()
    r = badge.width() / 4
    if maintenance:  # a small spanner: planned work
        p.drawLine(QPointF(c.x() - r, c.y() + r), QPointF(c.x() + r * 0.3, c.y() - r * 0.3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(c.x() + r * 0.55, c.y() - r * 0.55), r * 0.5, r * 0.5)
        p.end()
        return pm
    # a small tick: "someone is on it"
    p.drawPolyline(
        [QPointF(c.x() - r, c.y()), QPointF(c.x() - r / 3, c.y() + r * 0.8), QPointF(c.x() + r, c.y() - r)]
    )
    p.end()
    return pm


def _paint(state: HealthState, size: int) -> QPixmap:
    ratio = 2.0  # crisp on high-DPI screens; Qt scales it down elsewhere
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    colour = QColor(STATE_COLOURS[state])
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(1.5, 1.5, size - 3, size - 3)
    if state is HealthState.PENDING:
        p.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(rect)
    else:
        p.setPen(QPen(colour.darker(130), 1))
        p.setBrush(colour)
        p.drawEllipse(rect)
        if state is HealthState.UNREACHABLE:  # hatched, so it differs from CRITICAL without colour
            hatch = QBrush(QColor(255, 255, 255, 150), Qt.BrushStyle.BDiagPattern)
            p.setBrush(hatch)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(rect)
    glyph = "…" if state is HealthState.PENDING else state.glyph
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(7, int(size * 0.62)))
    p.setFont(font)
    p.setPen(
        colour
        if state is HealthState.PENDING
        else QColor("#1a1a1a" if state is HealthState.WARNING else "#ffffff")
    )
    p.drawText(rect.translated(QPointF(0, -0.5)), Qt.AlignmentFlag.AlignCenter, glyph)
    p.end()
    return pm
