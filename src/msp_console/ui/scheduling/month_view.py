"""The month grid (day cells with up to N items and "n more") and the 14-day agenda list."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from msp_console.domain.business_calendar import BusinessCalendar
from msp_console.services.interventions.views import AppointmentView
from msp_console.ui.scheduling.look import (
    APPOINTMENT_LOOK,
    appointment_state_text,
    client_colour,
    date_text,
    time_text,
    tr,
    weekday_short,
)

HEAD = 24


class MonthView(QWidget):
    day_requested = Signal(object)  # date: open that day
    edit_requested = Signal(object)  # view

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("monthView")
        self.calendar = BusinessCalendar()
        self.month = date.today().replace(day=1)
        self.views: list[AppointmentView] = []
        self.colour_by = "client"
        self._items: list[tuple[QRectF, AppointmentView]] = []
        self._more: list[tuple[QRectF, date]] = []

    def first_shown(self) -> date:
        return self.month - timedelta(days=self.month.weekday())

    def set_month(self, month: date, views: list[AppointmentView]) -> None:
        self.month, self.views = month.replace(day=1), list(views)
        self.update()

    def _per_day(self) -> dict[date, list[AppointmentView]]:
        out: dict[date, list[AppointmentView]] = {}
        tz = self.calendar.tz
        for v in sorted(self.views, key=lambda v: v.start):
            out.setdefault(v.start.astimezone(tz).date(), []).append(v)
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        dark = base.lightness() < 128
        off = QColor("#2b2b2b") if dark else QColor("#f1f2f4")
        line = QColor("#3a3a3a") if dark else QColor("#dcdfe3")
        p.fillRect(self.rect(), base)
        w, h = self.width(), self.height()
        cw, ch = w / 7, (h - HEAD) / 6
        first = self.first_shown()
        today = datetime.now(self.calendar.tz).date()
        per_day = self._per_day()
        self._items, self._more = [], []
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        for col in range(7):
            p.setPen(text)
            p.drawText(
                QRectF(col * cw, 0, cw, HEAD),
                Qt.AlignmentFlag.AlignCenter,
                weekday_short(first + timedelta(col)),
            )
        for row in range(6):
            for col in range(7):
                d = first + timedelta(days=row * 7 + col)
                cell = QRectF(col * cw, HEAD + row * ch, cw, ch)
                if not self.calendar.is_business_day(d) or d.month != self.month.month:
                    p.fillRect(cell, off)
                if d == today:
                    p.fillRect(cell, QColor(66, 133, 244, 30))
                p.setPen(QPen(line, 1))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(cell)
                p.setFont(small)
                holiday = self.calendar.holiday_name(d)
                faded = QColor(text)
                faded.setAlpha(120 if d.month != self.month.month else 255)
                p.setPen(QColor("#1a73e8") if d == today else QColor("#c62828") if holiday else faded)
                label = str(d.day) + (f"  {holiday}" if holiday else "")
                p.drawText(
                    cell.adjusted(4, 2, -4, 0),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    p.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(cw - 8)),
                )
                line_h = p.fontMetrics().height() + 2
                room = max(0, int((ch - line_h - 4) // line_h))
                items = per_day.get(d, [])
                shown = items if len(items) <= room else items[: max(0, room - 1)]
                y = cell.top() + line_h + 2
                for v in shown:
                    r = QRectF(cell.left() + 3, y, cw - 6, line_h - 2)
                    colour = (
                        client_colour(v.client_id)
                        if self.colour_by == "client"
                        else QColor(APPOINTMENT_LOOK.get(v.state, ("#1565c0", ""))[0])
                    )
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(colour)
                    p.drawEllipse(QPointF(r.left() + 4, r.center().y()), 3, 3)
                    p.setPen(text)
                    what = f"{time_text(v.start.astimezone(self.calendar.tz))} {v.title}"
                    p.drawText(
                        r.adjusted(11, 0, 0, 0),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                        p.fontMetrics().elidedText(what, Qt.TextElideMode.ElideRight, int(r.width() - 12)),
                    )
                    self._items.append((r, v))
                    y += line_h
                hidden = len(items) - len(shown)
                if hidden:
                    r = QRectF(cell.left() + 3, y, cw - 6, line_h - 2)
                    p.setPen(QColor("#1a73e8"))
                    p.drawText(r, Qt.AlignmentFlag.AlignLeft, tr("%1 more").replace("%1", str(hidden)))
                    self._more.append((r, d))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        for r, d in self._more:
            if r.contains(pos):
                self.day_requested.emit(d)
                return

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        for r, v in self._items:
            if r.contains(pos):
                self.edit_requested.emit(v)
                return
        if pos.y() > HEAD:
            col = int(pos.x() // (self.width() / 7))
            row = int((pos.y() - HEAD) // ((self.height() - HEAD) / 6))
            self.day_requested.emit(self.first_shown() + timedelta(days=row * 7 + col))


class AgendaView(QTreeWidget):
    """The next 14 days as a list grouped by day (what a phone calendar shows)."""

    edit_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agendaView")
        self.setHeaderLabels(
            [tr("When"), tr("Appointment"), tr("Client"), tr("Where"), tr("Technician"), tr("State")]
        )
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.itemDoubleClicked.connect(self._open)
        self.calendar = BusinessCalendar()

    def set_appointments(self, first: date, views: list[AppointmentView]) -> None:
        self.clear()
        tz = self.calendar.tz
        by_day: dict[date, list[AppointmentView]] = {}
        for v in sorted(views, key=lambda v: v.start):
            by_day.setdefault(v.start.astimezone(tz).date(), []).append(v)
        bold = QFont(self.font())
        bold.setBold(True)
        for offset in range(14):
            d = first + timedelta(days=offset)
            items = by_day.get(d, [])
            holiday = self.calendar.holiday_name(d)
            if not items and not holiday:
                continue
            head = QTreeWidgetItem([date_text(d, long=True) + (f" — {holiday}" if holiday else "")])
            head.setFirstColumnSpanned(True)
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for v in items:
                local_s, local_e = v.start.astimezone(tz), v.end.astimezone(tz)
                item = QTreeWidgetItem(
                    [
                        f"    {time_text(local_s)}–{time_text(local_e)}",
                        v.title + (" ↻" if v.recurring else ""),
                        v.client_name + (f" / {v.machine_name}" if v.machine_name else ""),
                        "⌂ " + tr("On site") if v.on_site else "⇄ " + tr("Remote"),
                        v.technician,
                        appointment_state_text(v.state),
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, v)
                item.setForeground(0, client_colour(v.client_id))
                self.addTopLevelItem(item)
        for col in range(self.columnCount()):
            self.resizeColumnToContents(col)

    def _open(self, item: QTreeWidgetItem) -> None:
        v = item.data(0, Qt.ItemDataRole.UserRole)
        if v is not None:
            self.edit_requested.emit(v)


def day_bounds(first: date, days: int, tz: object) -> tuple[datetime, datetime]:
    lo = datetime.combine(first, time(0), tz)  # type: ignore[arg-type]
    return lo, datetime.combine(first + timedelta(days=days), time(0), tz)  # type: ignore[arg-type]
