"""Live health plugged into the main window (see ui/features.py).

Adds: the Problems tab, the Monitoring menu (pause/resume, check now F5, do not disturb,
team mode, failing clients first), the tray icon (``window.tray``), the context-menu entry
"Checks and history…", screenshot views, and the background engine — started shortly after
the first paint and stopped in a shutdown hook before the app quits.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from msp_console.monitoring.live import CheckRow
from msp_console.preferences import Preferences
from msp_console.ui.models.client_tree import Column, NodeRef, Role
from msp_console.ui.monitoring.actions import ProblemActions
from msp_console.ui.monitoring.controller import MonitoringController, team_mode_default
from msp_console.ui.monitoring.problems_tab import ProblemsTab
from msp_console.ui.monitoring.tray import Notifier

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow

ENV_POLLING = "MSP_CONSOLE_GUI_POLLING"  # 0: this window never polls (a separate poller does)
START_DELAY_MS = 1500  # after the first paint: a window opened for a moment never starts polling


class MonitoringFeature:
    def __init__(self, window: MainWindow):
        self.window = window
        model = window.model
        model.show_counts = True
        self.controller = MonitoringController(
            window.app,
            model.update_machines,
            window,
            team=team_mode_default(window.app),
        )
        self.controller.preferences = window.preferences.value
        window.preferences.changed.connect(self._preferences_changed)
        self.notifier = Notifier(window, window.windowTitle())
        window.tray = self.notifier.tray  # type: ignore[attr-defined]
        self.actions = ProblemActions(self.controller, window)
        self.problems = ProblemsTab(self.controller.problems, self.actions)
        self.problems_index = window.add_task_tab(self.problems, window.tr("Problems"))
        self._build_menu()
        c = self.controller
        c.rows_changed.connect(self._rows_changed)
        c.reloaded.connect(self._reloaded)
        c.notify.connect(self.notifier.notify)
        c.status_changed.connect(window.set_polling_status)
        self.actions.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.actions.resume_requested.connect(lambda: self.pause.setChecked(False))
        self._wire_interventions()
        self.problems.open_machine.connect(self.open_machine)
        window.tree_loaded.connect(self._tree_loaded)
        window.context_menu_hooks.append(self._context_menu)
        window.shutdown_hooks.append(self.stop)
        self._start_timer = QTimer(window)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self.controller.start)
        self._started = False
        self.machine_views: dict[int, object] = {}

    # -- wiring ----------------------------------------------------------------------------------
    def _wire_interventions(self) -> None:
        """A problem's intervention opens in the Interventions tab; 'Call client' logs the call there."""
        from msp_console.ui.scheduling.feature import feature_of

        try:
            scheduling = feature_of(self.window)
        except KeyError:  # a window without the scheduling feature
            return
        self.actions.intervention_shown.connect(scheduling.show_intervention)
        self.actions.call_requested.connect(lambda client, iv_id: scheduling.ctl.log_call(client, iv_id))
        self.actions.machine_call_requested.connect(scheduling.loop.call_client)
        self.notifier.problem_clicked.connect(scheduling.loop.call_client)  # the tray notification

    def _build_menu(self) -> None:
        w = self.window
        menu = next(
            (a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == w.tr("Monitoring")), None
        )
        if not isinstance(menu, QMenu):
            menu = w.menuBar().addMenu(w.tr("M&onitoring"))
        menu.clear()
        self.menu = menu
        self.pause = QAction(w.tr("&Pause polling"), w)
        self.pause.setCheckable(True)
        self.pause.toggled.connect(self._pause)
        self.check_now = QAction(w.tr("&Check now"), w)
        self.check_now.setShortcut(QKeySequence("F5"))
        w.commands.refresh.setShortcuts([QKeySequence("Ctrl+R")])  # F5 is "check now" (UI.md)
        self.check_now.triggered.connect(self.check_selected)
        self.show_problems = QAction(w.tr("Show p&roblems"), w)
        self.show_problems.triggered.connect(lambda: w.tabs.setCurrentIndex(self.problems_index))
        self.dnd = QAction(w.tr("Do not &disturb"), w)
        self.dnd.setCheckable(True)
        self.dnd.toggled.connect(self._dnd)
        self.failing_first = QAction(w.tr("&Failing clients first"), w)
        self.failing_first.setCheckable(True)
        self.failing_first.toggled.connect(self.sort_failing_first)
        self.team = QAction(w.tr("&Team mode (show the shared pollers' results)"), w)
        self.team.setCheckable(True)
        self.team.setChecked(self.controller.host.team)
        self.team.setEnabled(not w.app.db.is_sqlite)
        self.team.toggled.connect(self._team)
        self.machine_view = QAction(w.tr("Checks and &history…"), w)
        self.machine_view.triggered.connect(self._open_selected_machine_view)
        menu.addActions([self.check_now, self.pause, self.show_problems, self.machine_view])
        menu.addSeparator()
        menu.addActions([self.dnd, self.failing_first, self.team])
        w.addActions([self.check_now])
        self._toolbar()

    def _toolbar(self) -> None:
        """Check now and Pause polling on the main toolbar, before Call (UI.md's toolbar)."""
        toolbar = self.window.findChild(QToolBar, "mainToolbar")
        if not isinstance(toolbar, QToolBar):
            return
        self.check_now.setToolTip(self.window.tr("Check the selected machine or client now (F5)"))
        self.pause.setToolTip(self.window.tr("Stop and resume the background checks of this window"))
        call = self.window.findChild(QAction, "callAction")
        before = call if isinstance(call, QAction) and call in toolbar.actions() else None
        if before is None:
            toolbar.addSeparator()
            toolbar.addActions([self.check_now, self.pause])
        else:
            toolbar.insertActions(before, [self.check_now, self.pause])
            toolbar.insertSeparator(before)

    def _tree_loaded(self) -> None:
        self.controller.reload()
        if not self.window.persist:  # a screenshot or a quiet test window: no polling threads
            self.window.set_polling_status(
                self.window.tr("polling: demo simulator")
                if self.controller.host.demo
                else self.window.tr("polling: off in this window")
            )
            return
        if os.environ.get(ENV_POLLING, "1").strip().lower() in {"0", "false", "no", "off"}:
            self.window.set_polling_status(
                self.window.tr("polling: off in this window (%1=0)").replace("%1", ENV_POLLING)
            )
            return
        if not self._started:
            self._started = True
            self._start_timer.start(START_DELAY_MS)

    def _rows_changed(self, rows: list[CheckRow]) -> None:
        self.problems.take_changes(rows)
        self.notifier.set_counts(self.window.model.problem_counts())

    def _reloaded(self) -> None:
        self.problems.take_all()
        self.notifier.set_counts(self.window.model.problem_counts())

    def stop(self) -> None:
        self._start_timer.stop()
        self.controller.close()
        self.notifier.tray.hide()

    # -- commands ----------------------------------------------------------------------------
    def _pause(self, on: bool) -> None:
        if on:
            self.controller.host.pause()
        else:
            self.controller.host.resume()
        self.controller._report_status()

    def _preferences_changed(self, prefs: Preferences) -> None:
        self.controller.preferences = prefs

    def _dnd(self, on: bool) -> None:
        self.notifier.do_not_disturb = on
        self.controller.do_not_disturb = on

    def _team(self, on: bool) -> None:
        self.controller.stop()
        self.controller.host.team = on
        self.controller.start()

    def sort_failing_first(self, on: bool) -> None:
        proxy = self.window.tree.proxy
        if on:
            proxy.setSortRole(Role.SEVERITY)
            proxy.setDynamicSortFilter(True)
            proxy.sort(Column.STATE, Qt.SortOrder.DescendingOrder)
        else:
            proxy.sort(-1)

    def checks_of(self, ref: NodeRef) -> list[int]:
        rows = self.controller.rows.values()
        if ref.kind == "machine":
            return [r.check_id for r in rows if r.machine_id == ref.id]
        if ref.kind == "client":
            return [r.check_id for r in rows if r.client_id == ref.id]
        model = self.window.model
        site = model.index_for("site", ref.id)
        machines = {model.index(i, 0, site).data(Role.REF).id for i in range(model.rowCount(site))}
        return [r.check_id for r in rows if r.machine_id in machines]

    def check_selected(self) -> None:
        ref = self.window.tree.current_ref()
        if ref is None:
            return
        self.actions.check_now(self.checks_of(ref))

    def open_machine(self, machine_id: int) -> None:
        self.window.tree.select("machine", machine_id)
        self.window.tree_dock.show()

    def _context_menu(self, menu: QMenu, ref: NodeRef) -> None:
        if ref.kind == "site":
            return
        menu.addSeparator()
        menu.addAction(self.check_now)
        if ref.kind == "machine":
            menu.addAction(self.machine_view)

    def _open_selected_machine_view(self) -> None:
        ref = self.window.tree.current_ref()
        if ref is not None and ref.kind == "machine":
            self.open_machine_view(ref.id)

    def open_machine_view(self, machine_id: int) -> object:
        from msp_console.ui.monitoring.machine_view import MachineView

        view = self.machine_views.get(machine_id)
        if view is None or not isinstance(view, MachineView):
            view = MachineView(self, machine_id)
            self.machine_views[machine_id] = view
            index = self.window.add_task_tab(view, view.title())
        else:
            index = self.window.tabs.indexOf(view)
        self.window.tabs.setCurrentIndex(index)
        return view


def install(window: MainWindow) -> None:
    feature = MonitoringFeature(window)
    window.monitoring = feature  # type: ignore[attr-defined]
    from msp_console.ui.monitoring.screens import register_views

    register_views()
