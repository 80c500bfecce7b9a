"""Every tab and every dialog a technician can reach, brought up one at a time, for the checks that
must hold on all of them (the window fits a small screen, nothing English in Italian…).

``screens(window)`` yields a ``Shown(name, widget)`` for each tab of the main window (brought
forward; the widget is the window) and for each dialog reachable from the menus, the toolbar and
the tabs' buttons (the widget is the dialog, shown non-modally; its pages — Settings' sections, a
QTabWidget's tabs — each yield once). The dialog is closed when the loop moves on. ``DIALOGS``
lists them with the selection each needs; ``menu_dialogs`` then opens every "…" entry of the menu
bar as well, and ``button_dialogs`` every "…" button of the task tabs, so what a later feature
adds to a menu or a tab is walked without being listed.

Dialogs are opened through ``dialog_catcher.open_dialog`` (those the application opens with
``exec()`` too, without a nested event loop). Works on the ``window`` fixture and, with every
entry reachable, on the demo database (``demo_window``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QObject
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDockWidget,
    QListWidget,
    QMenu,
    QTabWidget,
    QWidget,
)

from tests.ui.dialog_catcher import close_dialog, open_dialog, settle

__all__ = ["Shown", "close_dialog", "open_dialog", "screens", "settle"]

if TYPE_CHECKING:
    from msp_console.app import App
    from msp_console.ui.main_window import MainWindow


@dataclass(frozen=True)
class Shown:
    name: str  # for messages: "tab Calendario", "dialog settings › Polling"
    widget: QWidget


def _plain(text: str) -> str:
    return text.replace("&", "").strip()


# -- what to select first ------------------------------------------------------------------------------
def _first(window: MainWindow, kind: str) -> int | None:
    for client in window.model.snapshot.clients:
        if client.archived:
            continue
        if kind == "client":
            return int(client.id)
        machines = list(client.machines) + [m for site in client.sites for m in site.machines]
        if machines:
            return int(machines[0].id)
    return None


def _select(window: MainWindow, kind: str | None) -> int | None:
    if kind is None:
        return None
    ident = _first(window, kind)
    if ident is not None:
        window.tree.select(kind, ident)
        settle(2)
    return ident


def pick_first_row(view: QAbstractItemView) -> None:
    """Selects the first row as a click does. (selectRow() follows the keyboard modifiers Qt
    believes held, which an earlier test's key events may have left as Shift.)"""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    first = model.index(0, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(first, flags)
    settle(2)


# -- how each dialog opens (the same entry points as the menus, toolbar and buttons) --------------------
def _scheduling(window: MainWindow) -> Any:
    from msp_console.ui.scheduling.feature import feature_of

    return feature_of(window)


def _billing(window: MainWindow) -> Any:
    from msp_console.ui.billing.feature import feature_of

    feature = feature_of(window)
    feature.bring()
    settle()
    return feature


def _billing_row(window: MainWindow) -> Any:
    """The Billing tab with its first issued invoice selected (the demo has a month of them)."""
    feature = _billing(window)
    from msp_console.ui.billing.feature import _latest_month

    feature.panel.set_month(*_latest_month(window))
    settle()
    pick_first_row(feature.panel.view)
    settle(2)
    return feature.panel


def _problems(window: MainWindow) -> Any:
    """The Problems tab with its first problem selected (monitoring states read now if need be)."""
    from msp_console.ui.monitoring.screens import prime

    feature = window.monitoring
    if not feature.problems.all_rows:
        prime(feature)
    window.tabs.setCurrentIndex(feature.problems_index)
    settle(2)
    pick_first_row(feature.problems.view)
    return feature


def _named_action(window: MainWindow, name: str) -> Any:
    found = window.findChild(QAction, name)
    if found is None:
        raise LookupError(f"no action named {name!r}")
    return found


def _profile_dialog(window: MainWindow, machine_id: int) -> None:
    from msp_console.ui.remote.profile_dialog import open_profile_dialog

    open_profile_dialog(window, window.app, machine_id)


def _machine_view(window: MainWindow, machine_id: int) -> Any:
    return window.monitoring.open_machine_view(machine_id)


def _check_dialog(window: MainWindow, machine_id: int) -> None:
    view = _machine_view(window, machine_id)
    settle()
    view.add_check()


# (name, what the tree must have selected, how to open: fn(window, selected id))
Opener = Callable[["MainWindow", Any], object]
DIALOGS: list[tuple[str, str | None, Opener]] = [
    ("new client", None, lambda w, _i: w.commands.new_client.trigger()),
    ("edit client", "client", lambda w, _i: w.commands.edit_client.trigger()),
    ("new site", "client", lambda w, _i: w.commands.new_site.trigger()),
    ("new contact", "client", lambda w, _i: w.commands.new_contact.trigger()),
    ("new machine", "machine", lambda w, _i: w.commands.new_machine.trigger()),
    ("edit machine", "machine", lambda w, _i: w.commands.edit_machine.trigger()),
    ("import from CSV", None, lambda w, _i: w.commands.import_csv.trigger()),
    ("settings", None, lambda w, _i: _named_action(w, "openSettings").trigger()),
    ("keyboard shortcuts", None, lambda w, _i: w.commands.shortcuts.trigger()),
    ("about", None, lambda w, _i: w.commands.about.trigger()),
    ("new intervention", "machine", lambda w, _i: _scheduling(w).new_intervention.trigger()),
    ("log call", "machine", lambda w, _i: _scheduling(w).log_call.trigger()),
    ("new appointment", "machine", lambda w, _i: _scheduling(w).new_appointment.trigger()),
    ("connection profile", "machine", _profile_dialog),
    ("check", "machine", _check_dialog),
    ("acknowledge", None, lambda w, _i: _problems(w).problems.buttons["ack"].click()),
    ("maintenance", None, lambda w, _i: _problems(w).problems.buttons["maintenance"].click()),
    ("contract", "client", lambda w, i: _billing(w).contract(i)),
    ("company profile", None, lambda w, _i: _billing(w).company_profile()),
    ("run invoices", None, lambda w, _i: _named_action(w, "runInvoicesAction").trigger()),
    ("service report", None, lambda w, _i: _billing(w).service_report()),
    ("credit note", None, lambda w, _i: _billing_row(w).credit_note()),
    ("mark paid", None, lambda w, _i: _billing_row(w).mark_paid()),
    ("invoice preview", None, lambda w, _i: _billing_row(w).preview_selected()),
]


def _first_intervention(window: MainWindow) -> None:
    pick_first_row(_scheduling(window).interventions.table)


# Tabs walked a second time with their first row picked (page object name → how to pick it).
ROW_PICKED_TABS: dict[str, Callable[[MainWindow], object]] = {
    "interventionsTabPage": _first_intervention,
}

# Tabs that open on demand (not there at start), opened before the tabs are walked.
EXTRA_TABS: list[tuple[str, Opener]] = [
    ("machine view", _machine_view),
]


# -- the walk --------------------------------------------------------------------------------------------
def _pages(name: str, dialog: QWidget) -> Iterator[Shown]:
    """The dialog itself, then each of its sections and each tab of its QTabWidgets."""
    sections = dialog.findChild(QListWidget, "settingsSections")
    rows = range(sections.count()) if sections is not None else [None]
    for row in rows:
        label = name
        if sections is not None and row is not None:
            sections.setCurrentRow(row)
            label = f"{name} › {sections.item(row).text()}"
            settle(1)
        yield Shown(label, dialog)
        for tabs in dialog.findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                settle(1)
                yield Shown(f"{label} › {_plain(tabs.tabText(index))}", dialog)
            tabs.setCurrentIndex(0)


def tabs(window: MainWindow) -> Iterator[Shown]:
    for _name, opener in EXTRA_TABS:
        ident = _first(window, "machine")
        if ident is not None:
            opener(window, ident)
    _select(window, "client")  # the details pane shows a client's card meanwhile
    settle()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(2)
        yield Shown(f"tab {_plain(window.tabs.tabText(index))}", window)
        for name, pick in ROW_PICKED_TABS.items():  # again with a row picked: its detail on show
            if window.tabs.widget(index).objectName() == name:
                pick(window)
                settle()
                yield Shown(f"tab {_plain(window.tabs.tabText(index))} (a row picked)", window)
    window.tabs.setCurrentIndex(0)
    for dock in window.findChildren(QDockWidget):  # a pane behind another's tab (Sessions)
        if dock.isVisible() and window.tabifiedDockWidgets(dock) and dock is not window.details_dock:
            dock.raise_()
            settle(2)
            yield Shown(f"pane {_plain(dock.windowTitle())}", window)
    window.details_dock.raise_()


def dialogs(window: MainWindow, missing: list[str] | None = None) -> Iterator[Shown]:
    """Each dialog of ``DIALOGS`` in turn; those that did not open are appended to ``missing``."""
    for name, selection, opener in DIALOGS:
        ident = _select(window, selection)
        dialog = open_dialog(window, opener, ident)
        if dialog is None:
            if missing is not None:
                missing.append(name)
            continue
        try:
            yield from _pages(f"dialog {name}", dialog)
        finally:
            close_dialog(dialog)


def menu_entries(window: MainWindow) -> list[tuple[str, QAction]]:
    """The menu bar's entries that open a dialog ("…"), as 'Menu › Entry'."""
    found: list[tuple[str, QAction]] = []

    def walk(menu: QMenu, path: list[str]) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, [*path, _plain(action.text())])
            elif action.text().rstrip().endswith(("…", "...")):
                found.append((" › ".join([*path, _plain(action.text())]), action))

    for top in window.menuBar().actions():
        if isinstance(top.menu(), QMenu):
            walk(top.menu(), [_plain(top.text())])
    return found


def _starts_a_program(window: MainWindow, control: QObject) -> bool:
    """Help → Open the demo (and the Overview's button) start a second, detached console: no
    dialog to look at, and a process that would outlive the test."""
    return control in (window.commands.open_demo, window.overview.demo)


def menu_dialogs(window: MainWindow, selection: str = "machine") -> Iterator[Shown]:
    """What each "…" entry of the menu bar opens, with a ``selection`` in the tree: an entry a
    later feature adds to a menu is walked without being listed in ``DIALOGS``. Deleting asks
    first (the question is shown, then answered No); file pickers answer Cancel."""
    for name, action in menu_entries(window):
        _select(window, selection)
        if not action.isEnabled() or _starts_a_program(window, action):
            continue
        dialog = open_dialog(window, lambda _w, _i, a=action: a.trigger(), None, rounds=10)
        if isinstance(dialog, QPrintDialog):  # Qt's own dialog, its words and layout are Qt's
            close_dialog(dialog)
        elif dialog is not None:
            try:
                yield from _pages(f"menu {name}", dialog)
            finally:
                close_dialog(dialog)


def button_dialogs(window: MainWindow) -> Iterator[Shown]:
    """What each enabled "…" button of each task tab opens (on the tab's first row)."""
    import shiboken6

    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(2)
        tab = _plain(window.tabs.tabText(index))
        page = window.tabs.widget(index)
        buttons = [b for b in page.findChildren(QAbstractButton) if b.text().rstrip().endswith(("…", "..."))]
        for button in buttons:
            if not shiboken6.isValid(button) or not (button.isVisible() and button.isEnabled()):
                continue
            if _starts_a_program(window, button):
                continue
            name = f"button {tab} › {_plain(button.text())}"
            dialog = open_dialog(window, lambda _w, _i, b=button: b.click(), None, rounds=10)
            if dialog is not None:
                try:
                    yield from _pages(name, dialog)
                finally:
                    close_dialog(dialog)
            window.tabs.setCurrentIndex(index)
    window.tabs.setCurrentIndex(0)


def screens(window: MainWindow, missing: list[str] | None = None) -> Iterator[Shown]:
    yield from tabs(window)
    yield from dialogs(window, missing)
    yield from menu_dialogs(window)
    yield from button_dialogs(window)


# -- a window on the demo data (every dialog has something to show) --------------------------------------
def demo_app(path: Path) -> App:
    """The demo database of `msp-console --demo`, in a file of the test's own."""
    import msp_console.monitoring.demo_history
    import msp_console.services.billing  # noqa: F401  (both add their part of the demo)
    from msp_console.app import App
    from msp_console.demo import ensure_demo_data

    app = App.open(f"sqlite:///{path}")
    ensure_demo_data(app)
    return app


def demo_window(app: App, size: tuple[int, int]) -> MainWindow:
    """The main window as `msp-console screenshot --demo` builds it: no saved layout, no pop-ups."""
    from msp_console.ui.main_window import MainWindow

    window = MainWindow(app, persist=False)
    window.resize(*size)
    window.fit_docks()
    window.show()
    window.reload()
    for _ in range(200):
        settle(1)
        if window.model.snapshot.clients:
            break
    from msp_console.ui.monitoring.screens import prime

    prime(window.monitoring)  # the Problems tab lists the demo's problems, as in the screenshots
    settle()
    return window
