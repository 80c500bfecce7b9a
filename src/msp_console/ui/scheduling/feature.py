"""Plugs scheduling into the main window: Today, Calendar and Interventions tabs, menu entries,
right-click entries for clients and machines, reminders, and the screenshot views."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QMenu, QScrollArea, QToolBar, QWidget

from msp_console.ui.models.client_tree import NodeRef
from msp_console.ui.scheduling.calendar_tab import CalendarTab, export_shown
from msp_console.ui.scheduling.controller import SchedulingController
from msp_console.ui.scheduling.interventions_tab import InterventionsTab
from msp_console.ui.scheduling.look import tr
from msp_console.ui.scheduling.reminders_ui import ReminderNotifier
from msp_console.ui.scheduling.technician_loop import TechnicianLoop
from msp_console.ui.scheduling.today_tab import TodayTab
from msp_console.ui.views_registry import register_view
from msp_console.ui.worker import wait_for_background

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow


class SchedulingFeature:
    def __init__(self, window: MainWindow):
        self.window = window
        self.ctl = SchedulingController(window)
        self.loop = TechnicianLoop(self.ctl)
        self.ctl.loop = self.loop  # the tabs' Call client and Start entries
        self.today = TodayTab(self.ctl)
        self.calendar = CalendarTab(self.ctl)
        self.interventions = InterventionsTab(self.ctl)
        self.pages: dict[QWidget, QScrollArea] = {
            w: _page(w) for w in (self.today, self.calendar, self.interventions)
        }
        window.tabs.insertTab(1, self.pages[self.today], tr("Today"))  # first after the Overview
        window.add_task_tab(self.pages[self.calendar], tr("Calendar"))
        window.add_task_tab(self.pages[self.interventions], tr("Interventions"))
        self.ctl.open_intervention_requested.connect(self.show_intervention)
        self._menus()
        self._toolbar()
        window.context_menu_hooks.append(self._context)
        self.reminders = ReminderNotifier(self.ctl)
        window.shutdown_hooks.append(self.reminders.stop)
        if window.persist:  # never for screenshots and tests: no scheduler thread, no pop-ups
            self.reminders.start()

    def bring(self, tab: QWidget) -> None:
        self.window.tabs.setCurrentWidget(self.pages[tab])

    def show_intervention(self, intervention_id: int) -> None:
        self.bring(self.interventions)
        self.interventions.show_intervention(intervention_id)

    # -- menus -----------------------------------------------------------------------------------
    def _menus(self) -> None:
        w, ctl = self.window, self.ctl
        menus = {_plain(a.text()): a.menu() for a in w.menuBar().actions() if a.menu() is not None}

        def action(text: str, slot: Callable[[], None], shortcut: str = "") -> QAction:
            a = QAction(text, w)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            return a

        self.new_appointment = action(tr("New a&ppointment…"), self._new_appointment_selected, "Ctrl+Shift+A")
        self.new_intervention = action(
            tr("New &intervention…"), lambda: ctl.new_intervention(*self._selected()), "Ctrl+Shift+I"
        )
        self.log_call = action(tr("Ca&ll client…"), self._log_call_selected, "Ctrl+Shift+L")
        self.log_call.setObjectName("callClientAction")
        self.start_appointment = action(tr("▶ &Start the appointment"), self._start_selected, "Ctrl+Shift+S")
        self.start_appointment.setObjectName("startAppointmentAction")
        calendar = menus.get(_plain(tr("C&alendar"))) or menus.get("calendar")
        if isinstance(calendar, QMenu):
            for old in calendar.actions():
                if not old.isEnabled():  # the "not connected yet" placeholder
                    calendar.removeAction(old)
            calendar.addAction(self.new_appointment)
            calendar.addAction(self.start_appointment)
            calendar.addAction(action(tr("&Export calendar (.ics)…"), lambda: export_shown(self.calendar)))
            calendar.addSeparator()
            calendar.addAction(action(tr("&Today"), lambda: self.bring(self.today), "Ctrl+1"))
            calendar.addAction(action(tr("&Calendar"), lambda: self.bring(self.calendar), "Ctrl+2"))
            calendar.addAction(action(tr("&Interventions"), lambda: self.bring(self.interventions), "Ctrl+3"))
        for name in ("client", "machine"):
            menu = menus.get(_plain(tr("&Client") if name == "client" else tr("&Machine"))) or menus.get(name)
            if isinstance(menu, QMenu):
                menu.addSeparator()
                menu.addActions([self.new_intervention, self.log_call, self.new_appointment])
                if name == "machine":
                    menu.addAction(self.start_appointment)

    def _toolbar(self) -> None:
        """Call and Appointment on the main toolbar, for the selected client (UI.md's toolbar)."""
        toolbar = self.window.findChild(QToolBar, "mainToolbar")
        if not isinstance(toolbar, QToolBar):
            return
        call = QAction(tr("☎ Call"), self.window)
        call.setObjectName("callAction")
        call.setToolTip(tr("Call the client of the selected machine or client (Ctrl+Shift+L)"))
        call.triggered.connect(self._log_call_selected)
        appointment = QAction(tr("◷ Appointment"), self.window)
        appointment.setObjectName("appointmentAction")
        appointment.setToolTip(tr("New appointment for the selected client (Ctrl+Shift+A)"))
        appointment.triggered.connect(self._new_appointment_selected)
        toolbar.addSeparator()
        toolbar.addActions([call, appointment])

    def _selected(self) -> tuple[int | None, int | None]:
        ref = self.window.tree.current_ref()
        if ref is None:
            return None, None
        return ref.client_id, ref.id if ref.kind == "machine" else None

    def _new_appointment_selected(self) -> None:
        client_id, machine_id = self._selected()
        self.ctl.new_appointment(client_id, machine_id=machine_id)

    def _log_call_selected(self) -> None:
        """On a machine: Call client (its problems, its intervention, the next free slot); on a
        client: the plain call log."""
        client_id, machine_id = self._selected()
        if machine_id is not None:
            self.loop.call_client(machine_id)
        elif client_id is not None:
            self.ctl.log_call(client_id)

    def _start_selected(self) -> None:
        """The Today page's chosen appointment when it is on show, else the selected machine's."""
        if self.window.tabs.currentWidget() is self.pages[self.today]:
            view = self.today.current_appointment()
            if view is not None:
                self.loop.start(view.id, view.machine_id)
                return
        _client, machine_id = self._selected()
        if machine_id is not None:
            self.loop.start_for_machine(machine_id)
        else:
            self.ctl.message(tr("Select the appointment on the Today page, or its machine in the tree."))

    def _context(self, menu: QMenu, ref: NodeRef) -> None:
        if ref.kind not in ("client", "machine"):
            return
        ctl = self.ctl
        machine = ref.id if ref.kind == "machine" else None
        menu.addSeparator()
        menu.addAction(tr("New intervention…"), lambda: ctl.new_intervention(ref.client_id, machine))
        if machine is None:
            menu.addAction(tr("Log call…"), lambda: ctl.log_call(ref.client_id))
        else:
            menu.addAction(tr("☎ Call client…"), lambda: self.loop.call_client(ref.id))
        menu.addAction(tr("New appointment…"), lambda: ctl.new_appointment(ref.client_id, machine_id=machine))
        if machine is not None:
            menu.addAction(tr("▶ Start the appointment"), lambda: self.loop.start_for_machine(ref.id))


def _page(widget: QWidget) -> QScrollArea:
    """A tab that never forces the window wider: below its size it scrolls instead."""
    area = QScrollArea()
    area.setObjectName(f"{widget.objectName()}Page")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def _plain(text: str) -> str:
    return text.replace("&", "").strip().lower()


_features: weakref.WeakKeyDictionary[MainWindow, SchedulingFeature] = weakref.WeakKeyDictionary()


def feature_of(window: MainWindow) -> SchedulingFeature:
    return _features[window]


def install(window: MainWindow) -> None:
    _features[window] = SchedulingFeature(window)


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(4):
        wait_for_background()
        QApplication.processEvents()


def _view_today(window: MainWindow, _arg: str) -> None:
    f = feature_of(window)
    f.bring(f.today)
    _roomy(window)
    _settle()


def _roomy(window: MainWindow, tree: float = 0.18, details: float = 0.16) -> None:
    """Screenshots of the task tabs: the tree and the details pane step aside a little."""
    width = window.width()
    window.resizeDocks(
        [window.tree_dock, window.details_dock],
        [int(width * tree), int(width * details)],
        Qt.Orientation.Horizontal,
    )


def _view_calendar(window: MainWindow, arg: str) -> None:
    f = feature_of(window)
    f.bring(f.calendar)
    _roomy(window, 0.15, 0.16)
    if arg:
        f.calendar.set_mode(arg)
    _settle()


def _view_interventions(window: MainWindow, _arg: str) -> None:
    f = feature_of(window)
    f.bring(f.interventions)
    _roomy(window)
    _settle()


def _view_intervention(window: MainWindow, arg: str) -> None:
    f = feature_of(window)
    f.show_intervention(int(arg))
    _roomy(window)
    _settle()


register_view("today", _view_today)
register_view("calendar", _view_calendar)
register_view("interventions", _view_interventions)
register_view("intervention", _view_intervention)
