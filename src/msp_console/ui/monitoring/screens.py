"""`msp-console screenshot --view problems` and `--view machine:CLIENT/MACHINE`, and what a
screenshot needs first: the check states loaded (synchronously) and, on the demo, the live PC
checked for real once, so the picture shows what a technician would see."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from msp_console.monitoring.live import load_check_rows
from msp_console.ui.models.client_tree import Column
from msp_console.ui.views_registry import register_view

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.monitoring.feature import MonitoringFeature


def _feature(window: MainWindow) -> MonitoringFeature:
    feature = getattr(window, "monitoring", None)
    if feature is None:
        raise ValueError("live monitoring is not installed in this window")
    return feature


def prime(feature: MonitoringFeature) -> None:
    """Loads every check's state now (a screenshot cannot wait for the background load)."""
    c = feature.controller
    with c.app.db.read() as s:
        rows = load_check_rows(s)
    c.set_rows(rows)
    feature.problems.refresh()
    feature.window.set_polling_status(feature.window.tr("polling: demo simulator") if c.host.demo else "")
    feature.notifier.set_counts(feature.window.model.problem_counts())


def _make_room(window: MainWindow) -> None:
    """The tab wants the width: the details pane goes, the tree narrows."""
    for dock in window.findChildren(QDockWidget):
        if dock is not window.tree_dock:
            dock.hide()
    window.resizeDocks([window.tree_dock], [int(window.width() * 0.3)], Qt.Orientation.Horizontal)
    header = window.tree.view.header()  # names stay readable in the narrower tree
    for column, width in ((Column.STATE, 100), (Column.ADDRESS, 95), (Column.KIND, 80)):
        header.resizeSection(column, width)


def show_problems(window: MainWindow, _arg: str) -> None:
    f = _feature(window)
    prime(f)
    _make_room(window)
    window.tabs.setCurrentIndex(f.problems_index)
    f.problems.view.selectRow(0)


def show_machine(window: MainWindow, path: str) -> None:
    f = _feature(window)
    prime(f)
    index = window.model.index_for_path(path)
    ref = window.model.ref(index)
    if ref is None or ref.kind != "machine":
        raise ValueError(f"machine:{path}: no machine by that CLIENT/MACHINE")
    window.tree.select("machine", ref.id)
    _make_room(window)
    view = f.open_machine_view(ref.id)
    from msp_console.ui.monitoring.machine_view import MachineView
    from msp_console.ui.worker import wait_for_background

    wait_for_background()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    if isinstance(view, MachineView):
        view.table.selectRow(0)


def register_views() -> None:
    register_view("problems", show_problems)
    register_view("machine", show_machine)
