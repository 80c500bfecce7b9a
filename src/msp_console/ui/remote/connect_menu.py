"""'Connect with…': every profile of the machine; those whose tool is missing say what to install."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget

from msp_console.app import App
from msp_console.remote.clients import install_hint, os_family
from msp_console.remote.store import ProfileStore
from msp_console.ui.remote.controller import controller_for


def build_connect_menu(parent: QWidget, app: App, machine_id: int) -> QMenu:
    ctl = controller_for(app)
    menu = QMenu(parent.tr("Connect with…"), parent)
    profiles = ProfileStore(app.db).list(machine_id)
    for p in profiles:
        label = f"{p.name} ({p.protocol.value})"
        action = menu.addAction(label + ("  — " + parent.tr("default") if p.is_default else ""))
        font = action.font()
        font.setBold(p.is_default)
        action.setFont(font)
        tools = ctl.runner.installed_tools(p.protocol.value)
        if tools:
            action.setToolTip(", ".join(t.label for t in tools))
            action.triggered.connect(lambda _=False, name=p.name: ctl.open_session(machine_id, name))
        else:
            action.setEnabled(False)
            action.setToolTip(install_hint(os_family(), p.protocol.value))
            action.setText(label + "  — " + parent.tr("not installed"))
    menu.setToolTipsVisible(True)
    menu.addSeparator()
    edit = menu.addAction(parent.tr("New connection profile…"))

    def open_dialog() -> None:
        from msp_console.ui.remote.profile_dialog import ProfileDialog

        ProfileDialog(app, machine_id, parent).exec()

    edit.triggered.connect(open_dialog)
    return menu
