"""A small line chart painted with QPainter (QtCharts is not in PySide6-Essentials).

Enough for monitoring history: one or more series over time, a y axis with a few round ticks,
time labels that fit the span (hours for a day, dates for weeks), and dashed threshold lines.
"""

from __future__ import annotations

import itertools
import math
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from msp_console.domain.backup_result import human_size


def value_ticks(lo: float, hi: float, count: int, unit: str) -> list[float]:
    """Round ticks; for bytes round in the binary unit the top value is in (0, 1, 2 GiB, not 953.7 MiB)."""
    if unit != "B" or hi < 1024:
        return nice_ticks(lo, hi, count)
    scale = 1024 ** min(4, int(math.log(hi, 1024)))
    return [t * scale for t in nice_ticks(lo / scale, hi / scale, count)]


def tick_text(value: float, unit: str) -> str:
    """A y-axis label: bytes in binary units (a backup's size), other values as they are."""
    return human_size(value) if unit == "B" else f"{value:g}"


PALETTE = ("#1565c0", "#6a1b9a", "#00838f", "#ef6c00", "#2e7d32", "#ad1457")


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=raw)
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


class LineChart(QWidget):
    def __init__(self, title: str, unit: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title, self.unit = title, unit
        self.series: list[tuple[str, list[tuple[float, float]]]] = []
        self.thresholds: list[tuple[float, str]] = []  # (value, colour)
        self.span: tuple[float, float] | None = None
        self.y_floor: float | None = 0.0
        self.y_ceiling: float | None = None
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(480, 180)

    def set_data(
        self,
        series: list[tuple[str, list[tuple[float, float]]]],
        span: tuple[float, float],
        thresholds: list[tuple[float, str]] | None = None,
    ) -> None:
        self.series, self.span = series, span
        self.thresholds = thresholds or []
        self.update()

    def _y_range(self) -> tuple[float, float]:
        values = [v for _n, pts in self.series for _t, v in pts] + [t for t, _c in self.thresholds]
        if not values:
            return 0.0, 1.0
        lo, hi = min(values), max(values)
        if self.y_floor is not None:
            lo = min(lo, self.y_floor)
        if self.y_ceiling is not None:
            hi = max(hi, self.y_ceiling)
        pad = (hi - lo) * 0.08 or 1.0
        return lo if self.y_floor is not None and lo == self.y_floor else lo - pad, hi + pad

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.windowText().color()
        grid = QColor(text)
        grid.setAlpha(40)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        fm = p.fontMetrics()
        head = fm.height() + 4
        left = fm.horizontalAdvance("000.0 MiB" if self.unit == "B" else "00000.0") + 8
        plot = QRectF(left, head + 2, self.width() - left - 10, self.height() - head - fm.height() - 10)
        bold = QFont(font)
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        title = f"{self.title} ({self.unit})" if self.unit and self.unit != "B" else self.title
        p.drawText(QPointF(left, fm.ascent() + 1), title)
        p.setFont(font)
        if self.span is None or plot.width() < 20 or plot.height() < 20:
            p.end()
            return
        t0, t1 = self.span
        lo, hi = self._y_range()

        def x(t: float) -> float:
            return plot.left() + (t - t0) / max(1.0, t1 - t0) * plot.width()

        def y(v: float) -> float:
            return plot.bottom() - (v - lo) / (hi - lo) * plot.height()

        for tick in value_ticks(lo, hi, max(2, min(4, int(plot.height() // (fm.height() * 2)))), self.unit):
            yy = y(tick)
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
            p.setPen(text)
            label = tick_text(tick, self.unit)
            p.drawText(
                QRectF(0, yy - fm.height() / 2, left - 6, fm.height()), Qt.AlignmentFlag.AlignRight, label
            )
        ticks = self._time_ticks(t0, t1)
        room = max(1, int(plot.width() // (fm.horizontalAdvance("00:00") + 14)))
        ticks = ticks[:: max(1, math.ceil(len(ticks) / room))]
        for t in ticks:
            xx = x(t)
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(xx, plot.top()), QPointF(xx, plot.bottom()))
            p.setPen(text)
            label = self._time_label(t, t1 - t0)
            w = fm.horizontalAdvance(label)
            p.drawText(
                QPointF(min(max(plot.left(), xx - w / 2), plot.right() - w), plot.bottom() + fm.ascent() + 3),
                label,
            )
        p.setPen(QPen(text, 1))
        p.drawRect(plot)
        for value, colour in self.thresholds:
            if lo <= value <= hi:
                p.setPen(QPen(QColor(colour), 1.2, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(plot.left(), y(value)), QPointF(plot.right(), y(value)))
        p.setClipRect(plot.adjusted(-1, -1, 1, 1))
        for i, (_name, pts) in enumerate(self.series):
            if not pts:
                continue
            path = QPainterPath()
            steps = sorted(b[0] - a[0] for a, b in itertools.pairwise(pts))
            gap = 3 * (steps[len(steps) // 2] if steps else 0.0) or math.inf  # a hole: no line across it
            prev_t: float | None = None
            for t, v in pts:
                if prev_t is None or t - prev_t > gap:
                    path.moveTo(x(t), y(v))
                else:
                    path.lineTo(x(t), y(v))
                prev_t = t
            p.setPen(QPen(QColor(PALETTE[i % len(PALETTE)]), 1.6))
            p.drawPath(path)
        p.setClipping(False)
        if len(self.series) > 1:
            xx = plot.right()
            for i, (name, _pts) in reversed(list(enumerate(self.series))):
                w = fm.horizontalAdvance(name)
                xx -= w + 18
                p.setPen(QPen(QColor(PALETTE[i % len(PALETTE)]), 3))
                p.drawLine(QPointF(xx, fm.height() / 2 + 1), QPointF(xx + 10, fm.height() / 2 + 1))
                p.setPen(text)
                p.drawText(QPointF(xx + 13, fm.ascent() + 1), name)
        if not any(pts for _n, pts in self.series):
            p.setPen(text)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("no data in this period"))
        p.end()

    @staticmethod
    def _time_ticks(t0: float, t1: float) -> list[float]:
        span = t1 - t0
        step = 3 * 3600 if span <= 2 * 86400 else 86400 if span <= 10 * 86400 else 5 * 86400
        offset = datetime.fromtimestamp(t0).astimezone().utcoffset()
        shift = offset.total_seconds() if offset else 0.0
        first = math.ceil((t0 + shift) / step) * step - shift
        return [first + i * step for i in range(int((t1 - first) / step) + 1)]

    @staticmethod
    def _time_label(t: float, span: float) -> str:
        local = datetime.fromtimestamp(t).astimezone()
        return local.strftime("%H:%M") if span <= 2 * 86400 else local.strftime("%d/%m")
