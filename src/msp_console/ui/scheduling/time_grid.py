"""The day / work-week / week time grid: painted hours, greyed off-hours and holidays, a now-line,
appointments as coloured blocks laid out side by side when they overlap; drag to create, move
and resize.

Times are wall-clock in the business time zone (the one the technician and the client agree on).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from msp_console.domain.business_calendar import BusinessCalendar
from msp_console.services.interventions.views import AppointmentView
from msp_console.ui.scheduling.grid_blocks import block_colour, describe, lay_out_lanes, paint_block
from msp_console.ui.scheduling.look import time_text, tr, weekday_short

SNAP = 15  # minutes
HEADER = 46
GUTTER = 58
HOUR = 56
EDGE = 6  # px of a block's bottom that resizes it


@dataclass
class Block:
    view: AppointmentView
    day: int
    rect: QRectF


@dataclass
class _Drag:
    kind: str  # create / move / resize
    origin: QPoint
    day: int
    start_min: int
    block: Block | None = None
    current_day: int = 0
    current_min: int = 0
    moved: bool = False


class TimeGrid(QAbstractScrollArea):
    create_requested = Signal(object, object)  # start, end (aware datetimes)
    move_requested = Signal(object, object, int)  # view, new start, minutes
    edit_requested = Signal(object)  # view
    context_requested = Signal(object, QPoint)  # view, global position

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeGrid")
        self.viewport().setMouseTracking(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.calendar = BusinessCalendar()
        self.first = date.today()
        self.days = 7
        self.colour_by = "client"
        self.views: list[AppointmentView] = []
        self.blocks: list[Block] = []
        self._drag: _Drag | None = None
        self.now_fn = lambda: datetime.now(self.calendar.tz)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self.viewport().update)  # the now-line moves
        self._ticker.start(60_000)
        self.verticalScrollBar().setSingleStep(HOUR // 4)
        self._update_scroll()

    # -- what to show ----------------------------------------------------------------------
    @property
    def tz(self) -> tzinfo:
        return self.calendar.tz

    def set_range(self, first: date, days: int) -> None:
        self.first, self.days = first, days
        self._layout()

    def set_appointments(self, views: list[AppointmentView]) -> None:
        self.views = list(views)
        self._layout()

    def set_colour_by(self, how: str) -> None:
        self.colour_by = how
        self.viewport().update()

    def scroll_to_hour(self, hour: float) -> None:
        self.verticalScrollBar().setValue(int(hour * HOUR))

    # -- geometry ------------------------------------------------------------------------------
    def _col_width(self) -> float:
        return max(20.0, (self.viewport().width() - GUTTER) / self.days)

    def _x(self, day: int) -> float:
        return GUTTER + day * self._col_width()

    def _y(self, minutes: float) -> float:
        return HEADER + minutes / 60 * HOUR - self.verticalScrollBar().value()

    def _day_at(self, x: float) -> int:
        return min(self.days - 1, max(0, int((x - GUTTER) // self._col_width())))

    def _minutes_at(self, y: float, snap: int = SNAP) -> int:
        raw = (y - HEADER + self.verticalScrollBar().value()) / HOUR * 60
        return int(min(24 * 60, max(0, round(raw / snap) * snap)))

    def at(self, day: int, minutes: int) -> datetime:
        """The aware instant of a grid position (for tests and drags)."""
        d = self.first + timedelta(days=day)
        return datetime.combine(d, time(0), self.tz) + timedelta(minutes=minutes)

    def point_for(self, moment: datetime) -> QPoint:
        """Where an instant is in viewport pixels (the middle of its day column)."""
        local = moment.astimezone(self.tz)
        day = (local.date() - self.first).days
        minutes = local.hour * 60 + local.minute
        return QPoint(int(self._x(day) + self._col_width() / 2), int(self._y(minutes)))

    def _update_scroll(self) -> None:
        body = 24 * HOUR
        visible = max(0, self.viewport().height() - HEADER)
        self.verticalScrollBar().setRange(0, max(0, body - visible))
        self.verticalScrollBar().setPageStep(visible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scroll()
        self._layout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._layout()

    def _layout(self) -> None:
        """Blocks per day; overlapping ones share the column in lanes (like any desktop calendar)."""
        self.blocks = []
        width = self._col_width()
        for day in range(self.days):
            d = self.first + timedelta(days=day)
            lo = datetime.combine(d, time(0), self.tz)
            hi = lo + timedelta(days=1)
            todays = sorted(
                (v for v in self.views if v.start < hi and v.end > lo),
                key=lambda v: (v.start, -(v.end - v.start)),
            )
            for v, lane, lanes in lay_out_lanes(todays):
                s = max(v.start, lo).astimezone(self.tz)
                e = min(v.end, hi)
                start_min = (s - lo).total_seconds() / 60
                end_min = max(start_min + 15, (e - lo).total_seconds() / 60)
                lane_w = (width - 6) / lanes
                rect = QRectF(
                    self._x(day) + 1 + lane * lane_w,
                    self._y(start_min) + 1,
                    lane_w - 2,
                    self._y(end_min) - self._y(start_min) - 2,
                )
                self.blocks.append(Block(v, day, rect))
        self.viewport().update()

    def block_at(self, pos: QPointF | QPoint) -> Block | None:
        p = QPointF(pos)
        for b in reversed(self.blocks):
            if b.rect.contains(p) and p.y() > HEADER:
                return b
        return None

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        dark = base.lightness() < 128
        off = QColor("#2b2b2b") if dark else QColor("#f1f2f4")
        line = QColor("#3a3a3a") if dark else QColor("#dcdfe3")
        half = QColor("#333333") if dark else QColor("#eceef0")
        today_tint = QColor(66, 133, 244, 28)
        w, h = self.viewport().width(), self.viewport().height()
        p.fillRect(0, 0, w, h, base)
        width = self._col_width()
        now = self.now_fn()
        today = now.astimezone(self.tz).date()
        cal = self.calendar
        p.save()
        p.setClipRect(QRect(0, HEADER, w, h - HEADER))
        for day in range(self.days):
            d = self.first + timedelta(days=day)
            x = self._x(day)
            if not cal.is_business_day(d):
                p.fillRect(QRectF(x, HEADER, width, h), off)
            else:
                start = cal.start.hour * 60 + cal.start.minute
                end = cal.end.hour * 60 + cal.end.minute
                p.fillRect(QRectF(x, self._y(0), width, self._y(start) - self._y(0)), off)
                p.fillRect(QRectF(x, self._y(end), width, self._y(24 * 60) - self._y(end)), off)
            if d == today:
                p.fillRect(QRectF(x, HEADER, width, h), today_tint)
        for hour in range(25):
            y = self._y(hour * 60)
            p.setPen(QPen(line, 1))
            p.drawLine(QPointF(GUTTER - 6, y), QPointF(w, y))
            if hour < 24:
                p.setPen(QPen(half, 1, Qt.PenStyle.DotLine))
                yh = self._y(hour * 60 + 30)
                p.drawLine(QPointF(GUTTER, yh), QPointF(w, yh))
        p.setPen(QPen(line, 1))
        for day in range(self.days + 1):
            x = self._x(day)
            p.drawLine(QPointF(x, HEADER), QPointF(x, h))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        p.setFont(small)
        muted = QColor(text)
        muted.setAlpha(150)
        p.setPen(muted)
        for hour in range(1, 24):
            y = self._y(hour * 60)
            p.drawText(
                QRectF(0, y - 9, GUTTER - 10, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                time_text(datetime.combine(today, time(hour, 0))),
            )
        for block in self.blocks:
            self._paint_block(p, block, text, dark)
        if self._drag is not None and self._drag.kind == "create" and self._drag.moved:
            lo, hi = sorted((self._drag.start_min, self._drag.current_min))
            hi = max(hi, lo + SNAP)
            rect = QRectF(self._x(self._drag.day) + 1, self._y(lo), width - 2, self._y(hi) - self._y(lo))
            accent = pal.color(QPalette.ColorRole.Highlight)
            fill = QColor(accent)
            fill.setAlpha(70)
            p.setPen(QPen(accent, 1.5))
            p.setBrush(fill)
            p.drawRoundedRect(rect, 4, 4)
            p.setPen(text)
            p.drawText(
                rect.adjusted(6, 2, -4, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                f"{time_text(self.at(0, lo))} – {time_text(self.at(0, hi))}",
            )
        day_index = (today - self.first).days
        if 0 <= day_index < self.days:
            local = now.astimezone(self.tz)
            y = self._y(local.hour * 60 + local.minute)
            red = QColor("#d93025")
            p.setPen(QPen(red, 2))
            p.drawLine(QPointF(self._x(day_index), y), QPointF(self._x(day_index) + width, y))
            p.setBrush(red)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPointF(self._x(day_index), y), 5, 5)
        p.restore()
        self._paint_header(p, w, width, today, text, base, line, dark)
        p.end()

    def _paint_header(
        self,
        p: QPainter,
        w: int,
        width: float,
        today: date,
        text: QColor,
        base: QColor,
        line: QColor,
        dark: bool,
    ) -> None:
        p.fillRect(QRectF(0, 0, w, HEADER), base)
        p.setPen(QPen(line, 1))
        p.drawLine(QPointF(0, HEADER - 0.5), QPointF(w, HEADER - 0.5))
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.35)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.82))
        accent = QColor("#1a73e8")
        for day in range(self.days):
            d = self.first + timedelta(days=day)
            x = self._x(day)
            holiday = self.calendar.holiday_name(d)
            is_today = d == today
            p.setFont(small)
            p.setPen(accent if is_today else QColor("#c62828") if holiday else text)
            name = weekday_short(d).upper()
            if self.days == 1:
                name = name + " · " + tr("today") if is_today else name
            p.drawText(QRectF(x + 6, 3, width - 8, 14), Qt.AlignmentFlag.AlignLeft, name)
            p.setFont(big)
            num_rect = QRectF(x + 2, 17, 30, 26)
            if is_today:
                p.setBrush(accent)
                p.setPen(Qt.PenStyle.NoPen)
                p.drawEllipse(QRectF(x + 4, 17, 26, 26))
                p.setPen(QColor("white"))
            else:
                p.setPen(text)
            p.drawText(num_rect.adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignCenter, str(d.day))
            if holiday:
                p.setFont(small)
                p.setPen(QColor("#c62828"))
                metrics = p.fontMetrics()
                label = metrics.elidedText(holiday, Qt.TextElideMode.ElideRight, int(width - 44))
                p.drawText(QRectF(x + 36, 22, width - 40, 18), Qt.AlignmentFlag.AlignLeft, label)
            p.setPen(QPen(line, 1))
            p.drawLine(QPointF(x, 0), QPointF(x, HEADER))
        p.setFont(small)
        p.setPen(text)
        p.drawText(QRectF(2, HEADER - 18, GUTTER - 8, 16), Qt.AlignmentFlag.AlignRight, self._tz_label())

    def _tz_label(self) -> str:
        return datetime.now(self.tz).strftime("%Z")

    def block_colour(self, view: AppointmentView) -> QColor:
        return block_colour(view, self.colour_by)

    def _paint_block(self, p: QPainter, block: Block, text: QColor, dark: bool) -> None:
        r = block.rect
        if self._drag is not None and self._drag.block is block and self._drag.moved:
            r = self._dragged_rect(block)
        paint_block(p, r, block.view, self.block_colour(block.view), self.tz, self.font(), dark)

    def _dragged_rect(self, block: Block) -> QRectF:
        d = self._drag
        assert d is not None
        r = QRectF(block.rect)
        if d.kind == "move":
            delta = d.current_min - d.start_min
            r.translate(self._x(d.current_day) - self._x(block.day), delta / 60 * HOUR)
            r.setWidth(self._col_width() - 4)
        else:
            bottom = max(self._y(self._minutes_of(block.view.start) + SNAP), self._y(d.current_min))
            r.setBottom(bottom)
        return r

    def _minutes_of(self, moment: datetime) -> int:
        local = moment.astimezone(self.tz)
        return local.hour * 60 + local.minute

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self.block_at(event.pos())
            if block is not None:
                QToolTip.showText(event.globalPos(), self.describe(block.view), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def describe(self, v: AppointmentView) -> str:
        return describe(v, self.tz)

    # -- mouse ----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if pos.y() <= HEADER or pos.x() <= GUTTER:
            return
        block = self.block_at(pos)
        if event.button() == Qt.MouseButton.RightButton:
            if block is not None:
                self.context_requested.emit(block.view, event.globalPosition().toPoint())
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        day = self._day_at(pos.x())
        if block is not None:
            kind = "resize" if pos.y() >= block.rect.bottom() - EDGE else "move"
            minute = self._minutes_at(pos.y(), 1)
            self._drag = _Drag(kind, pos.toPoint(), day, minute, block, day, minute)
        else:
            minute = self._minutes_at(pos.y() - HOUR / 8)  # the slot under the pointer
            self._drag = _Drag("create", pos.toPoint(), day, minute, None, day, minute)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        d = self._drag
        if d is None:
            block = self.block_at(pos)
            on_edge = block is not None and pos.y() >= block.rect.bottom() - EDGE
            self.viewport().setCursor(Qt.CursorShape.SizeVerCursor if on_edge else Qt.CursorShape.ArrowCursor)
            return
        if (pos.toPoint() - d.origin).manhattanLength() >= 4:
            d.moved = True
        if d.kind == "create":
            d.current_min = self._minutes_at(pos.y())
        elif d.kind == "move":
            d.current_day = self._day_at(pos.x())
            raw = self._minutes_at(pos.y(), 1) - d.start_min
            d.current_min = d.start_min + round(raw / SNAP) * SNAP
        else:
            d.current_min = self._minutes_at(pos.y())
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        d, self._drag = self._drag, None
        if d is None:
            return
        pos = event.position()
        if d.kind == "create":
            if not d.moved:
                self.viewport().update()
                return
            end_min = self._minutes_at(pos.y())
            lo, hi = sorted((d.start_min, end_min))
            hi = max(hi, lo + SNAP)
            self.viewport().update()
            self.create_requested.emit(self.at(d.day, lo), self.at(d.day, hi))
            return
        assert d.block is not None
        view = d.block.view
        minutes = int((view.end - view.start).total_seconds() // 60)
        if not d.moved:
            self.viewport().update()
            return
        if d.kind == "move":
            day = self._day_at(pos.x())
            raw = self._minutes_at(pos.y(), 1) - d.start_min
            delta = round(raw / SNAP) * SNAP
            local = view.start.astimezone(self.tz)
            new_start = datetime.combine(
                local.date() + timedelta(days=day - d.block.day), local.time(), self.tz
            )
            new_start += timedelta(minutes=delta)
            if new_start == view.start:
                self.viewport().update()
                return
            self.move_requested.emit(view, new_start, minutes)
        else:
            end_min = max(self._minutes_of(view.start) + SNAP, self._minutes_at(pos.y()))
            new_minutes = end_min - self._minutes_of(view.start)
            if new_minutes != minutes:
                self.move_requested.emit(view, view.start, new_minutes)
        self.viewport().update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if pos.y() <= HEADER or pos.x() <= GUTTER:
            return
        self._drag = None
        block = self.block_at(pos)
        if block is not None:
            self.edit_requested.emit(block.view)
        else:
            lo = self._minutes_at(pos.y() - HOUR / 4, 30)
            day = self._day_at(pos.x())
            self.create_requested.emit(self.at(day, lo), self.at(day, lo + 60))
