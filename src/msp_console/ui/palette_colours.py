"""Message colours that stay readable in light and dark palettes (the OS theme decides)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette


def is_dark() -> bool:
    app = QGuiApplication.instance()
    palette = app.palette() if isinstance(app, QGuiApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour() -> str:
    return "#ef9a9a" if is_dark() else "#c62828"


def ok_colour() -> str:
    return "#a5d6a7" if is_dark() else "#2e7d32"


def error_style() -> str:
    return f"color: {error_colour()}"
