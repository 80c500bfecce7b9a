"""Every tab and every dialog a technician can reach, brought up one at a time, for the checks that
must hold on all of them (the window fits a small screen, nothing English in Italian…).

``screens(window)`` yields a ``Shown(name, widget)`` for each tab of the main window (brought
forward; the widget is the window) and for each dialog reachable from the menus, the toolbar and
the tabs' buttons (the widget is the dialog, shown non-modally; its pages — Settings' sections, a
QTabWidget's tabs — each yield once). The dialog is closed when the loop moves on.

Dialogs that the application opens with ``exec()`` are caught without a nested event loop: while
the catalogue opens them, ``QDialog.exec`` (and QMessageBox's static helpers) show the dialog and
stop the caller, so nothing after the "OK" runs. Works on the ``window`` fixture and, with every
entry reachable, on the demo database (``demo_window``).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QListWidget,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from msp_console.ui.worker import wait_for_background

if TYPE_CHECKING:
    from msp_console.app import App
    from msp_console.ui.main_window import MainWindow


@dataclass(frozen=True)
class Shown:
    name: str  # for messages: "tab Calendario", "dialog settings › Polling"
    widget: QWidget


def settle(rounds: int = 4) -> None:
    """What the worker thread reads lands, and the layouts follow."""
    for _ in range(rounds):
        wait_for_background()
        QApplication.processEvents()


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
    feature.panel.view.selectRow(0)
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
    feature.problems.view.selectRow(0)
    return feature


def _named_action(window: MainWindow, name: str) -> Any:
    from PySide6.QtGui import QAction

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

# Tabs that open on demand (not there at start), opened before the tabs are walked.
EXTRA_TABS: list[tuple[str, Opener]] = [
    ("machine view", _machine_view),
]


# -- catching dialogs without their nested event loop ---------------------------------------------------
class _Opened(Exception):
    """Raised by the patched exec(): the dialog is on show, the caller stops here."""


def _shown_exec(self: QDialog) -> int:
    self.show()
    raise _Opened(self)


def _static_box(icon: QMessageBox.Icon) -> Callable[..., Any]:
    def show(parent: QWidget | None, title: str, text: str, *_args: Any, **_kw: Any) -> Any:
        return QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent).exec()

    return show


@contextlib.contextmanager
def _catching_exec() -> Iterator[None]:
    patched: list[tuple[type, str, Any]] = [
        (QDialog, "exec", _shown_exec),
        (QMessageBox, "exec", _shown_exec),
        (QMessageBox, "about", staticmethod(_static_box(QMessageBox.Icon.NoIcon))),
        (QMessageBox, "information", staticmethod(_static_box(QMessageBox.Icon.Information))),
        (QMessageBox, "warning", staticmethod(_static_box(QMessageBox.Icon.Warning))),
        (QMessageBox, "critical", staticmethod(_static_box(QMessageBox.Icon.Critical))),
    ]
    saved = [(cls, attr, cls.__dict__.get(attr)) for cls, attr, _ in patched]
    hook = sys.excepthook

    def quiet(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        if not isinstance(value, _Opened):  # raised inside a slot: Qt reports it here
            hook(kind, value, tb)

    sys.excepthook = quiet
    for cls, attr, new in patched:
        setattr(cls, attr, new)
    try:
        yield
    finally:
        sys.excepthook = hook
        for cls, attr, old in saved:
            if old is None:
                delattr(cls, attr)
            else:
                setattr(cls, attr, old)


def _open_dialogs() -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()}


def open_dialog(window: MainWindow, opener: Opener, ident: Any, rounds: int = 40) -> QDialog | None:
    """Runs ``opener`` and returns the dialog it brought up (None if none came within the rounds)."""
    before = _open_dialogs()
    with _catching_exec():
        with contextlib.suppress(_Opened):  # opened with exec(): on show, the caller stopped
            opener(window, ident)
        for _ in range(rounds):
            settle(1)
            new = _open_dialogs() - before
            if new:
                dialog = new.pop()
                settle(2)
                return dialog  # type: ignore[return-value]
    return None


def close_dialog(dialog: QWidget) -> None:
    if isinstance(dialog, QDialog):
        dialog.reject()
    dialog.close()
    settle(2)


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
    settle()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(2)
        yield Shown(f"tab {_plain(window.tabs.tabText(index))}", window)
    window.tabs.setCurrentIndex(0)


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


def screens(window: MainWindow, missing: list[str] | None = None) -> Iterator[Shown]:
    yield from tabs(window)
    yield from dialogs(window, missing)


def toolbars(window: MainWindow) -> list[QToolBar]:
    return [bar for bar in window.findChildren(QToolBar) if bar.isVisible()]


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
