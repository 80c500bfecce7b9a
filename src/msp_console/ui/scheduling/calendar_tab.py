"""The Calendar tab: day, work week, week, month and agenda views with navigation and filters."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from msp_console.services.interventions.views import AppointmentView
from msp_console.ui import locale_format
from msp_console.ui.scheduling.controller import SchedulingController
from msp_console.ui.scheduling.look import date_text, pydate, qdate, tr
from msp_console.ui.scheduling.month_view import AgendaView, MonthView, day_bounds
from msp_console.ui.scheduling.time_grid import TimeGrid

MODES = ("day", "workweek", "week", "month", "agenda")


class CalendarTab(QWidget):
    loaded = Signal()

    def __init__(self, ctl: SchedulingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("calendarTab")
        self.ctl = ctl
        self.mode = "week"
        self.anchor = datetime.now(ctl.tz).date()
        self.views: list[AppointmentView] = []
        self._generation = 0
        self.grid = TimeGrid()
        self.month = MonthView()
        self.agenda = AgendaView()
        self.stack = QStackedWidget()
        for w in (self.grid, self.month, self.agenda):
            self.stack.addWidget(w)
        self._build_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.bar)
        layout.addWidget(self.stack, 1)
        self.grid.create_requested.connect(lambda s, e: ctl.new_appointment(start=s, end=e))
        self.grid.move_requested.connect(ctl.move_appointment)
        self.grid.edit_requested.connect(ctl.edit_appointment)
        self.grid.context_requested.connect(self._context_menu)
        self.month.edit_requested.connect(ctl.edit_appointment)
        self.month.day_requested.connect(self._open_day)
        self.agenda.edit_requested.connect(ctl.edit_appointment)
        ctl.changed.connect(self.reload)
        ctl.calendar_loaded.connect(self._calendar_loaded)
        self.grid.scroll_to_hour(7.5)
        self._keys()
        self.set_mode("week")

    def _keys(self) -> None:
        """Page Up / Page Down step through days, weeks or months; Home comes back to today."""
        keys = (
            ("PgUp", lambda: self.step(-1)),
            ("PgDown", lambda: self.step(1)),
            ("Home", lambda: self.go_to(datetime.now(self.ctl.tz).date())),
        )
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _build_bar(self) -> None:
        self.bar = QVBoxLayout()
        today = QPushButton(tr("Today"))
        today.setObjectName("calendarToday")
        today.clicked.connect(lambda: self.go_to(datetime.now(self.ctl.tz).date()))
        prev_b, next_b = QToolButton(), QToolButton()
        prev_b.setArrowType(Qt.ArrowType.LeftArrow)
        next_b.setArrowType(Qt.ArrowType.RightArrow)
        prev_b.setToolTip(tr("Previous (Page Up)"))
        next_b.setToolTip(tr("Next (Page Down)"))
        prev_b.clicked.connect(lambda: self.step(-1))
        next_b.clicked.connect(lambda: self.step(1))
        self.title = QLabel()
        self.title.setObjectName("calendarTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.picker = QDateEdit()
        self.picker.setDisplayFormat(locale_format.date_pattern())  # 04/12/2026, like every date
        self.picker.setCalendarPopup(True)
        self.picker.setDate(qdate(self.anchor))
        self.picker.dateChanged.connect(lambda d: self.go_to(pydate(d)))
        self.mode_group = QButtonGroup(self)
        modes = QHBoxLayout()
        modes.setSpacing(0)
        names = {
            "day": tr("Day"),
            "workweek": tr("Work week"),
            "week": tr("Week"),
            "month": tr("Month"),
            "agenda": tr("Agenda"),
        }
        self.mode_buttons: dict[str, QPushButton] = {}
        for mode in MODES:
            b = QPushButton(names[mode])
            b.setCheckable(True)
            b.setObjectName(f"mode-{mode}")
            b.clicked.connect(lambda _c=False, m=mode: self.set_mode(m))
            self.mode_group.addButton(b)
            self.mode_buttons[mode] = b
            modes.addWidget(b)
        self.technician = QComboBox()
        self.technician.setObjectName("technicianFilter")
        self.technician.addItem(tr("All technicians"), "")
        self.technician.currentIndexChanged.connect(lambda _i: self._show())
        self.colour = QComboBox()
        self.colour.addItem(tr("Colour by client"), "client")
        self.colour.addItem(tr("Colour by state"), "state")
        self.colour.currentIndexChanged.connect(self._colour_changed)
        new = QPushButton(tr("New…"))
        new.setToolTip(tr("New appointment"))
        new.clicked.connect(lambda: self.ctl.new_appointment())
        top, second = QHBoxLayout(), QHBoxLayout()
        for w in (today, prev_b, next_b, self.title):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.picker)
        top.addWidget(new)
        second.addLayout(modes)
        second.addStretch(1)
        second.addWidget(self.technician)
        second.addWidget(self.colour)
        self.bar.addLayout(top)
        self.bar.addLayout(second)

    # -- navigation --------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self.stack.setCurrentWidget(
            self.month if mode == "month" else self.agenda if mode == "agenda" else self.grid
        )
        self.reload()

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.picker.blockSignals(True)
        self.picker.setDate(qdate(day))
        self.picker.blockSignals(False)
        self.reload()

    def step(self, direction: int) -> None:
        if self.mode == "month":
            m = self.anchor.replace(day=1)
            month = m.month - 1 + direction
            self.go_to(date(m.year + month // 12, month % 12 + 1, 1))
            return
        days = {"day": 1, "workweek": 7, "week": 7, "agenda": 14}[self.mode]
        self.go_to(self.anchor + timedelta(days=days * direction))

    def _open_day(self, day: date) -> None:
        self.anchor = day
        self.set_mode("day")

    def shown_range(self) -> tuple[date, int]:
        a = self.anchor
        if self.mode == "day":
            return a, 1
        if self.mode in ("week", "workweek"):
            return a - timedelta(days=a.weekday()), 5 if self.mode == "workweek" else 7
        if self.mode == "month":
            first = a.replace(day=1)
            return first - timedelta(days=first.weekday()), 42
        return a, 14

    # -- data ------------------------------------------------------------------------------------
    def _calendar_loaded(self) -> None:
        for w in (self.grid, self.month, self.agenda):
            w.calendar = self.ctl.calendar
        self.reload()

    def reload(self) -> None:
        first, days = self.shown_range()
        lo, hi = day_bounds(first, days, self.ctl.tz)
        self._generation += 1
        generation = self._generation
        appts = self.ctl.sc.appointments
        self.ctl.run(
            lambda: appts.between(lo, hi),
            lambda views: self._loaded(generation, views),
            title=tr("Cannot read the calendar"),
        )

    def _loaded(self, generation: int, views: list[AppointmentView]) -> None:
        if generation != self._generation:
            return
        self.views = views
        known = {self.technician.itemData(i) for i in range(self.technician.count())}
        for name in sorted({v.technician for v in views if v.technician} - known):
            self.technician.addItem(name, name)
        self.ctl.technicians.update(v.technician for v in views if v.technician)
        self._show()
        self.loaded.emit()

    def _filtered(self) -> list[AppointmentView]:
        who = self.technician.currentData()
        return [v for v in self.views if not who or v.technician == who]

    def _show(self) -> None:
        first, days = self.shown_range()
        views = self._filtered()
        if self.mode == "month":
            self.month.set_month(self.anchor, views)
            self.title.setText(self._month_title())
        elif self.mode == "agenda":
            self.agenda.set_appointments(first, views)
            self.title.setText(range_title(first, first + timedelta(days=13)))
        else:
            self.grid.set_range(first, days)
            self.grid.set_appointments(views)
            last = first + timedelta(days=days - 1)
            self.title.setText(date_text(first, long=True) if days == 1 else range_title(first, last))

    def _month_title(self) -> str:
        from PySide6.QtCore import QLocale

        locale = QLocale()
        return f"{locale.standaloneMonthName(self.anchor.month).capitalize()} {self.anchor.year}"

    def _colour_changed(self) -> None:
        how = self.colour.currentData()
        self.grid.set_colour_by(how)
        self.month.colour_by = how
        self.month.update()

    # -- block menu -------------------------------------------------------------------------------
    def _context_menu(self, view: AppointmentView, pos: QPoint) -> None:
        ctl = self.ctl
        menu = QMenu(self)
        menu.addAction(tr("Edit…"), lambda: ctl.edit_appointment(view))
        if view.intervention_id is not None:
            iid = view.intervention_id
            menu.addAction(
                tr("Open intervention #%1").replace("%1", str(iid)), lambda: ctl.open_intervention(iid)
            )
        menu.addAction(tr("Open client"), lambda: ctl.open_client(view.client_id))
        menu.addAction(tr("Log call…"), lambda: ctl.log_call(view.client_id, view.intervention_id))
        if view.machine_id is not None and view.state == "planned" and ctl.loop is not None:
            mid, loop = view.machine_id, ctl.loop
            menu.addAction(tr("▶ Start"), lambda: loop.start(view.id, mid))
        elif view.machine_id is not None and ctl.window.machine_opener is not None:
            mid, opener = view.machine_id, ctl.window.machine_opener
            menu.addAction(tr("Open remote session"), lambda: opener(mid))
        menu.addSeparator()
        menu.addAction(tr("Export invitation (.ics)…"), lambda: self._export(view))
        menu.exec(pos)
        menu.deleteLater()

    def _export(self, view: AppointmentView) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Export invitation"),
            str(Path.home() / f"appointment-{view.id}.ics"),
            "iCalendar (*.ics)",
        )
        if path:
            self.ctl.export_invitation(view.id, path)


def range_title(first: date, last: date) -> str:
    """'23 – 29 November 2026', '30 November – 6 December 2026' in the user's language."""
    from PySide6.QtCore import QLocale

    loc = QLocale()
    if first.year != last.year:
        return f"{loc.toString(qdate(first), 'd MMM yyyy')} – {loc.toString(qdate(last), 'd MMM yyyy')}"
    if first.month != last.month:
        return f"{loc.toString(qdate(first), 'd MMMM')} – {loc.toString(qdate(last), 'd MMMM yyyy')}"
    return f"{first.day} – {loc.toString(qdate(last), 'd MMMM yyyy')}"


def export_shown(tab: CalendarTab) -> None:
    """Calendar → Export: the range on show (at least the next 14 days) as one iCalendar file."""
    from msp_console.calendar.ics_export import export_range
    from msp_console.fileio import atomic_write_bytes

    first, days = tab.shown_range()
    days = max(days, 14)
    lo, hi = day_bounds(first, days, tab.ctl.tz)
    path, _ = QFileDialog.getSaveFileName(
        tab,
        tr("Export calendar"),
        str(Path.home() / f"calendar-{first.isoformat()}.ics"),
        "iCalendar (*.ics)",
    )
    if not path:
        return
    db = tab.ctl.sc.db

    def go() -> str:
        atomic_write_bytes(Path(path), export_range(db, lo, hi))
        return path

    tab.ctl.run(
        go,
        lambda p: tab.ctl.message(tr("Calendar written to %1").replace("%1", p)),
        title=tr("Could not export"),
    )
