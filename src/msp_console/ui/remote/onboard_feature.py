"""Machine → Add Windows machine… / Add Linux machine… (and the same in a machine's right-click
menu): the script that opens the selected machine to the console, in a dialog to copy or save."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from msp_console.ui.remote.onboard_dialog import open_onboard_dialog

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.models.client_tree import NodeRef


def install(window: MainWindow) -> None:
    actions = {
        "windows": QAction(window.tr("Add &Windows machine…"), window),
        "linux": QAction(window.tr("Add Lin&ux machine…"), window),
    }
    actions["windows"].setStatusTip(
        window.tr("A PowerShell script that installs OpenSSH Server and lets this console in")
    )
    actions["linux"].setStatusTip(window.tr("A shell script that lets this console's key in for a user"))
    for kind, action in actions.items():
        action.setObjectName(f"onboard{kind.title()}")
        action.triggered.connect(lambda _=False, k=kind: _open(window, k))

    def follow(ref: NodeRef | None) -> None:
        for action in actions.values():
            action.setEnabled(ref is not None and ref.kind == "machine")

    window.tree.selection_changed.connect(follow)
    follow(window.tree.current_ref())
    for menu in window.commands.new_machine.associatedObjects():  # the Machine menu
        if isinstance(menu, QMenu):
            menu.addSeparator()
            menu.addActions(list(actions.values()))
            break

    def add_to_context_menu(menu: QMenu, ref: NodeRef) -> None:
        if ref.kind == "machine":
            menu.addSeparator()
            menu.addActions(list(actions.values()))

    window.context_menu_hooks.append(add_to_context_menu)


def _open(window: MainWindow, kind: str) -> None:
    ref = window.tree.current_ref()
    if ref is not None and ref.kind == "machine":
        open_onboard_dialog(window, window.app, ref.id, kind)
