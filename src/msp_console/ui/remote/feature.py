"""Remote sessions in the main window: double-click/Enter connects, 'Connect with…' in the
context menu, Ctrl+K quick connect, and a Sessions dock listing the running sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from msp_console.ui.remote.connect_failed import show_connect_failed
from msp_console.ui.remote.connect_menu import build_connect_menu, connect
from msp_console.ui.remote.controller import controller_for
from msp_console.ui.remote.quick_connect import QuickConnect, snapshot_paths
from msp_console.ui.remote.sessions_panel import SessionsPanel

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.models.client_tree import NodeRef


def install(window: MainWindow) -> None:
    app = window.app
    controller = controller_for(app)
    window.machine_opener = lambda machine_id: _connect(window, machine_id)

    def add_connect_menu(menu: QMenu, ref: NodeRef) -> None:
        if ref.kind != "machine":
            return
        first = menu.actions()[0] if menu.actions() else None
        submenu = build_connect_menu(menu, app, ref.id)
        if first is None:
            menu.addMenu(submenu)
        else:
            menu.insertMenu(first, submenu)
            menu.insertSeparator(first)

    window.context_menu_hooks.append(add_connect_menu)
    _machine_menu_entry(window)

    # Ctrl+K: Enter connects when the text names one machine; otherwise it filters the tree as before.
    window.quick_find.returnPressed.disconnect()

    def not_one_machine(text: str) -> None:
        window.tree.search.setText(text)
        window.tree.focus_first_match()

    quick = QuickConnect(window.quick_find, lambda mid: _connect(window, mid), not_one_machine)

    def refresh_paths() -> None:
        quick.set_paths(snapshot_paths(window.model.snapshot))

    window.tree_loaded.connect(refresh_paths)
    window.quick_connect = quick  # type: ignore[attr-defined]

    def failed(message: str) -> None:
        """A window with what happened and the buttons that help, not a status-bar line."""
        from msp_console.ui.remote.profile_dialog import open_profile_dialog

        mid = controller.last_machine_id
        window.connect_failed_box = show_connect_failed(  # type: ignore[attr-defined]
            window,
            message,
            (lambda: _connect(window, mid)) if mid is not None else None,
            (lambda: open_profile_dialog(window, app, mid, lambda d: d.finished.connect(d.deleteLater)))
            if mid is not None
            else None,
        )

    controller.failed.connect(failed)
    dock = QDockWidget(window.tr("Sessions"), window)
    dock.setObjectName("sessionsDock")
    dock.setWidget(SessionsPanel(controller))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.details_dock, dock)
    window.details_dock.raise_()
    dock.toggleViewAction().setText(window.tr("&Sessions pane"))


def _machine_menu_entry(window: MainWindow) -> None:
    """Machine → Connect (Ctrl+Return): the same as a double-click, from the keyboard or the menu."""
    connect_action = QAction(window.tr("&Connect"), window)
    connect_action.setObjectName("connectMachine")
    connect_action.setShortcut(QKeySequence("Ctrl+Return"))
    connect_action.setStatusTip(window.tr("Open a remote session with the machine's default profile"))

    def connect_selected() -> None:
        ref = window.tree.current_ref()
        if ref is not None and ref.kind == "machine":  # else disabled: nothing to connect to
            _connect(window, ref.id)

    def follow(ref: NodeRef | None) -> None:
        connect_action.setEnabled(ref is not None and ref.kind == "machine")

    connect_action.triggered.connect(connect_selected)
    window.tree.selection_changed.connect(follow)
    follow(window.tree.current_ref())
    for menu in window.commands.new_machine.associatedObjects():  # the Machine menu: Connect first
        if isinstance(menu, QMenu):
            first = menu.actions()[0]  # New machine… at least
            menu.insertAction(first, connect_action)
            menu.insertSeparator(first)
            break
    window.addAction(connect_action)


def _connect(window: MainWindow, machine_id: int) -> None:
    connect(window, window.app, machine_id)  # a problem comes back through the controller's `failed`
