"""Today: the technician's morning page — whom to call, where to be, which clocks are running out.

Re-read every minute off the GUI thread, so the SLA countdowns move on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.health import HealthState
from msp_console.services.interventions.views import (
    AppointmentView,
    CallTaskView,
    ProblemToCall,
    SlaAlert,
    TodayView,
)
from msp_console.ui.scheduling.controller import SchedulingController
from msp_console.ui.scheduling.interventions_model import clock_text
from msp_console.ui.scheduling.look import (
    SLA_COLOURS,
    client_colour,
    clock_name,
    date_text,
    datetime_text,
    duration_text,
    time_text,
    tr,
)
from msp_console.ui.scheduling.timeline_text import task_note_text
from msp_console.ui.states import state_label
from msp_console.ui.views.room_for_stretch import RoomForStretch

Action = tuple[str, Callable[[Any], None]]


class Section(QGroupBox):
    """A titled list whose rows carry an object; double-click runs the first action."""

    def __init__(self, name: str, title: str, headers: list[str], empty: str, stretch: int = 1):
        super().__init__()
        self.stretch = stretch  # the column that takes the spare width (the rest elide)
        self.setObjectName(name)
        self.base_title = title
        self.empty = empty
        self.tree = QTreeWidget()
        self.tree.setObjectName(f"{name}List")
        self.tree.setHeaderLabels(headers)
        self.tree.setRootIsDecorated(False)
        # One line per row: the view measures one row, not every row's every cell, when it is laid
        # out (2,000 problems to call cost ~100 ms at the first switch to the page otherwise).
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._run(0, item))
        self.tree.currentItemChanged.connect(lambda _c, _p: self._enable())
        self.buttons = QVBoxLayout()
        self.row_actions: list[Action] = []
        self._button_widgets: list[QPushButton] = []
        self.room = RoomForStretch(self.tree, stretch)  # a narrow tab: the main column keeps 160 px
        layout = QHBoxLayout(self)  # actions beside the list: the page stays one screen high
        layout.addWidget(self.tree, 1)
        layout.addLayout(self.buttons)
        self.setTitle(title)

    def set_actions(self, actions: list[Action]) -> None:
        self.row_actions = actions
        for i, (text, _fn) in enumerate(actions):
            b = QPushButton(text)
            b.clicked.connect(lambda _c=False, i=i: self._run(i, self.tree.currentItem()))
            self.buttons.addWidget(b)
            self._button_widgets.append(b)
        self.buttons.addStretch(1)
        self._enable()

    def _enable(self) -> None:
        item = self.tree.currentItem()
        ok = item is not None and item.data(0, Qt.ItemDataRole.UserRole) is not None
        for b in self._button_widgets:
            b.setEnabled(ok)

    def _run(self, i: int, item: QTreeWidgetItem | None) -> None:
        if item is None or i >= len(self.row_actions):
            return
        obj = item.data(0, Qt.ItemDataRole.UserRole)
        if obj is not None:
            self.row_actions[i][1](obj)

    def _menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None or item.data(0, Qt.ItemDataRole.UserRole) is None:
            return
        menu = QMenu(self)
        for i, (text, _fn) in enumerate(self.row_actions):
            act = menu.addAction(text)
            act.setData(i)
        chosen = menu.exec(self.tree.viewport().mapToGlobal(pos))
        if chosen is not None:
            self._run(int(chosen.data()), item)
        menu.deleteLater()

    def fill(self, rows: list[tuple[list[str], object, QColor | None]]) -> None:
        self.tree.clear()
        self.setTitle(f"{self.base_title} ({len(rows)})")
        if not rows:
            item = QTreeWidgetItem([self.empty])
            item.setFirstColumnSpanned(True)
            item.setForeground(0, QBrush(QColor("#757575")))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
        for texts, obj, colour in rows:
            item = QTreeWidgetItem(texts)
            item.setData(0, Qt.ItemDataRole.UserRole, obj)
            if colour is not None:
                item.setForeground(0, QBrush(colour))
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for col in range(self.tree.columnCount()):
            if col == self.stretch:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
                self.tree.resizeColumnToContents(col)
                self.tree.setColumnWidth(col, min(self.tree.columnWidth(col), 260))
        self.room.set_natural({c: self.tree.columnWidth(c) for c in range(self.tree.columnCount())})
        first = self.tree.topLevelItem(0)
        if rows and first is not None:  # the buttons act on it, without a loud selection
            self.tree.setCurrentItem(first, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self._enable()

    def row_texts(self) -> list[list[str]]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) is not None:
                out.append([item.text(c) for c in range(self.tree.columnCount())])
        return out


class TodayTab(QWidget):
    loaded = Signal()

    def __init__(self, ctl: SchedulingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("todayTab")
        self.ctl = ctl
        self.view: TodayView | None = None
        self.upcoming: list[AppointmentView] = []
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        refresh = QPushButton(tr("Refresh"))
        refresh.clicked.connect(self.reload)
        head = QHBoxLayout()  # the counts go on their own line: beside the date they cut a narrow tab
        head.addWidget(self.heading, 1)
        head.addWidget(refresh)
        self.problems = Section(
            "problemsToCall",
            tr("☎ Problems needing a call"),
            [tr("Client"), tr("Problem"), tr("Since"), tr("Phone")],
            tr("No one to call about a problem."),
        )
        self.appointments = Section(
            "todayAppointments",
            tr("◷ Today's appointments"),
            [tr("Time"), tr("Appointment"), tr("Client"), tr("Where"), tr("Technician")],
            tr("No appointments today."),
        )
        self.calls = Section(
            "callsDue",
            tr("↻ Follow-up calls due"),
            [tr("Due"), tr("Call"), tr("Client"), tr("Note"), tr("Phone")],
            tr("No calls due."),
            stretch=3,
        )
        self.sla = Section(
            "slaAlerts",
            tr("⚑ SLA clocks about to breach"),
            [tr("Left"), tr("Clock"), tr("Intervention"), tr("Client")],
            tr("All SLA clocks are on time."),
            stretch=2,
        )
        self._wire_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        for section, stretch in ((self.problems, 3), (self.appointments, 3), (self.calls, 2), (self.sla, 2)):
            layout.addWidget(section, stretch)
        ctl.changed.connect(self.reload)
        ctl.calendar_loaded.connect(self.reload)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.reload)  # countdowns tick each minute (re-read off the GUI thread)
        self.timer.start(60_000)
        self._generation = 0
        self.reload()

    def _wire_actions(self) -> None:
        ctl = self.ctl

        def open_iv(obj: Any) -> None:
            if getattr(obj, "intervention_id", None) is not None:
                ctl.open_intervention(obj.intervention_id)

        def new_iv_or_open(p: ProblemToCall) -> None:
            if p.intervention_id is not None:
                ctl.open_intervention(p.intervention_id)
            else:  # a monitoring problem nobody handles yet: one click opens it, pre-filled
                ctl.new_intervention(
                    p.client_id, title=p.summary, origin="monitoring", machine_name=p.machine_name
                )

        def call(obj: Any) -> None:
            """Call client about the row's machine (its problems, its intervention, a free slot)."""
            machine = getattr(obj, "machine_name", "")
            mid = next((m for m, name in ctl.machines(obj.client_id) if name == machine), None)
            if ctl.loop is not None and mid is not None:
                ctl.loop.call_client(mid)
            elif ctl.loop is not None:
                ctl.loop.call_about_intervention(obj.client_id, obj.intervention_id)
            else:
                ctl.log_call(obj.client_id, obj.intervention_id)

        def start(a: AppointmentView) -> None:
            if ctl.loop is not None:
                ctl.loop.start(a.id, a.machine_id)

        self.problems.set_actions(
            [
                (tr("☎ Call client…"), call),
                (tr("Open / new intervention"), new_iv_or_open),
                (tr("Open client"), lambda p: ctl.open_client(p.client_id)),
            ]
        )
        self.appointments.set_actions(
            [
                (tr("Open…"), ctl.edit_appointment),
                (tr("▶ Start"), start),
                (tr("Open intervention"), open_iv),
                (tr("Log call…"), lambda a: ctl.log_call(a.client_id, a.intervention_id)),
                (tr("Open client"), lambda a: ctl.open_client(a.client_id)),
            ]
        )
        self.calls.set_actions(
            [
                (tr("☎ Call client…"), call),
                (tr("Open intervention"), open_iv),
                (tr("Open client"), lambda c: ctl.open_client(c.client_id)),
            ]
        )
        self.sla.set_actions(
            [
                (tr("Open intervention"), lambda a: ctl.open_intervention(a.intervention_id)),
            ]
        )

    def current_appointment(self) -> AppointmentView | None:
        item = self.appointments.tree.currentItem()
        obj = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return obj if isinstance(obj, AppointmentView) else None

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        sc, calendar, zone = self.ctl.sc, self.ctl.calendar, self.ctl.tz

        def load() -> tuple[TodayView, list[AppointmentView]]:
            calendar.holiday_name(datetime.now(zone).date())  # imports `holidays` here, not on the GUI thread
            view = sc.today()
            upcoming: list[AppointmentView] = []
            if not view.appointments:  # nothing today: show the next day with work, so no surprises
                day = date.fromisoformat(view.day)
                tz = sc.appointments.tz()
                lo = datetime.combine(day + timedelta(days=1), time(0), tz)
                found = [
                    a for a in sc.appointments.between(lo, lo + timedelta(days=14)) if a.state == "planned"
                ]
                if found:
                    first = found[0].start.astimezone(tz).date()
                    upcoming = [a for a in found if a.start.astimezone(tz).date() == first]
            return view, upcoming

        self.ctl.run(load, lambda got: self._loaded(generation, *got), title=tr("Cannot read today"))

    def _loaded(
        self, generation: int, view: TodayView, upcoming: list[AppointmentView] | None = None
    ) -> None:
        if generation != self._generation:
            return
        self.view = view
        self.upcoming = upcoming or []
        tz = self.ctl.tz
        now = datetime.now(tz)
        self.heading.setText(tr("Today — %1").replace("%1", date_text(now.date(), long=True)))
        holiday = self.ctl.calendar.holiday_name(now.date())
        parts = [
            tr("To call: %1").replace("%1", str(len(view.problems_to_call))),
            tr("Appointments: %1").replace("%1", str(len(view.appointments))),
            tr("Calls due: %1").replace("%1", str(len(view.calls_due))),
        ]
        breached = sum(1 for a in view.sla_alerts if a.clock.level == "breached")
        if breached:
            text = tr("SLA breached: %1").replace("%1", str(breached))
            parts.append(f"<span style='color:#c62828'>✕ {text}</span>")
        if holiday:
            parts.append(f"<span style='color:#c62828'>{holiday}</span>")
        self.summary.setText(" · ".join(parts))
        self.problems.fill([self._problem(p, tz) for p in view.problems_to_call])
        if view.appointments or not self.upcoming:
            self.appointments.base_title = tr("◷ Today's appointments")
            self.appointments.fill([self._appointment(a, tz) for a in view.appointments])
        else:
            first = self.upcoming[0].start.astimezone(tz).date()
            self.appointments.base_title = tr("◷ No appointments today — next: %1").replace(
                "%1", date_text(first, long=True)
            )
            self.appointments.fill([self._appointment(a, tz) for a in self.upcoming])
        self.calls.fill([self._call(c, now, tz) for c in view.calls_due])
        self.sla.fill([self._alert(a) for a in view.sla_alerts])
        self.loaded.emit()

    @staticmethod
    def _problem(p: ProblemToCall, tz: Any) -> tuple[list[str], object, QColor | None]:
        colour = QColor("#c62828") if p.state == "CRITICAL" or p.summary.startswith("P1") else None
        who = p.client_name + (f" · {p.machine_name}" if p.machine_name else "")
        what = p.summary
        if p.state in HealthState.__members__:  # the state in the user's language, not the stored word
            what = f"{state_label(HealthState[p.state])} {p.check_name}" + (
                f": {p.output}" if p.output else ""
            )
        return [who, what, datetime_text(p.since, tz), p.phone], p, colour

    @staticmethod
    def _appointment(a: AppointmentView, tz: Any) -> tuple[list[str], object, QColor | None]:
        when = f"{time_text(a.start.astimezone(tz))}–{time_text(a.end.astimezone(tz))}"
        where = "⌂ " + tr("On site") if a.on_site else "⇄ " + tr("Remote")
        title = a.title + (f" (#{a.intervention_id})" if a.intervention_id else "")
        return [when, title, a.client_name, where, a.technician], a, client_colour(a.client_id)

    @staticmethod
    def _call(c: CallTaskView, now: datetime, tz: Any) -> tuple[list[str], object, QColor | None]:
        kind = {"retry": tr("Retry"), "call_back": tr("Call back"), "follow_up": tr("Follow-up")}.get(
            c.kind, c.kind
        )
        late = c.due_at < now
        due = datetime_text(c.due_at, tz) + (
            f" ({tr('late')} {duration_text(now - c.due_at)})" if late else ""
        )
        note = task_note_text(c.note)
        return [due, kind, c.client_name, note, c.phone], c, QColor("#c62828") if late else None

    @staticmethod
    def _alert(a: SlaAlert) -> tuple[list[str], object, QColor | None]:
        colour = QColor(SLA_COLOURS.get(a.clock.level, "#757575")).darker(115)
        return (
            [clock_text(a.clock), clock_name(a.clock.name), f"#{a.intervention_id} {a.title}", a.client_name],
            a,
            colour,
        )
