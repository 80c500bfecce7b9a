"""'Connect with…': every profile of the machine; those whose tool is missing say what to install."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QWidget

from msp_console.app import App
from msp_console.remote.clients import Tool, install_hint, os_family
from msp_console.remote.profiles import CredentialMode
from msp_console.remote.store import ProfileStore, ProfileView
from msp_console.ui.labels import protocol_text, tool_label_text
from msp_console.ui.remote.controller import controller_for
from msp_console.ui.remote.errors_text import hint_text
from msp_console.ui.worker import run_in_background


def build_connect_menu(parent: QWidget, app: App, machine_id: int) -> QMenu:
    """The submenu opens at once; the machine's profiles (a database read — a round trip on a team
    database) and the installed tools are read off the GUI thread and fill it when they arrive."""
    ctl = controller_for(app)
    menu = QMenu(parent.tr("Connect with…"), parent)
    menu.setToolTipsVisible(True)
    loading = menu.addAction(parent.tr("Reading the connection profiles…"))
    loading.setEnabled(False)
    menu.addSeparator()
    edit = menu.addAction(parent.tr("New connection profile…"))

    def open_dialog() -> None:
        from msp_console.ui.remote.profile_dialog import open_profile_dialog

        owner = _lasting(parent)  # the dialog opens after a database read, when the menu is gone
        open_profile_dialog(owner, app, machine_id, lambda d: d.finished.connect(d.deleteLater))

    edit.triggered.connect(open_dialog)

    def load() -> list[tuple[ProfileView, list[Tool]]]:
        profiles = ProfileStore(app.db).list(machine_id)
        return [(p, ctl.runner.installed_tools(p.protocol.value)) for p in profiles]

    def loaded(rows: list[tuple[ProfileView, list[Tool]]]) -> None:
        if not shiboken6.isValid(menu):  # the menu closed before the answer came
            return
        for p, tools in rows:
            _add_profile(menu, loading, parent, app, machine_id, p, tools)
        if rows:
            menu.removeAction(loading)
        else:
            loading.setText(parent.tr("No connection profile yet"))

    def failed(exc: Exception) -> None:
        if shiboken6.isValid(menu):
            loading.setText(parent.tr("Cannot read the profiles: %1").replace("%1", str(exc)))

    run_in_background(load, loaded, failed)
    return menu


def _lasting(widget: QWidget) -> QWidget:
    """The first widget up from ``widget`` that is not a (short-lived) popup menu: the window."""
    owner = widget.parentWidget() if isinstance(widget, QMenu) else None
    return widget if owner is None else _lasting(owner)


def _add_profile(
    menu: QMenu,
    before: QAction,
    parent: QWidget,
    app: App,
    machine_id: int,
    p: ProfileView,
    tools: list[Tool],
) -> None:
    label = f"{p.name} ({protocol_text(p.protocol.value)})"
    action = QAction(label + ("  — " + parent.tr("default") if p.is_default else ""), menu)
    font = action.font()
    font.setBold(p.is_default)
    action.setFont(font)
    if tools:
        action.setToolTip(", ".join(tool_label_text(t.label) for t in tools))
        action.triggered.connect(
            lambda _=False, name=p.name: connect(_lasting(parent), app, machine_id, name)
        )  # the profile is read, and a password asked for, after the menu is gone
    else:
        action.setEnabled(False)
        action.setToolTip(hint_text(install_hint(os_family(), p.protocol.value)))
        action.setText(label + "  — " + parent.tr("not installed"))
    menu.insertAction(before, action)


def connect(
    parent: QWidget,
    app: App,
    machine_id: int,
    profile_name: str | None = None,
    on_done: Callable[[bool], None] | None = None,
) -> None:
    """Double-click / Enter: the default profile (or ``profile_name``). The profile is read off the
    GUI thread; a 'prompt every time' profile then asks for the password here, on the GUI thread.
    ``on_done(False)`` when the user cancelled or the profile could not be read (``failed`` says
    why), ``on_done(True)`` once the session is starting (``started`` or ``failed`` follows)."""
    ctl = controller_for(app)
    ctl.last_machine_id = machine_id
    done = on_done or (lambda _started: None)

    def load() -> tuple[ProfileView, str]:
        store = ProfileStore(app.db)
        profile = store.get(machine_id, profile_name)
        path = store.machine(machine_id).path if profile.credential_mode is CredentialMode.PROMPT else ""
        return profile, path

    def loaded(result: tuple[ProfileView, str]) -> None:
        profile, path = result
        password = None
        if profile.credential_mode is CredentialMode.PROMPT:
            who = profile.user or parent.tr("the user")
            label = parent.tr("Password for %1 on %2:").replace("%1", who).replace("%2", path)
            password, ok = QInputDialog.getText(
                parent, parent.tr("Connect"), label, QLineEdit.EchoMode.Password
            )
            if not ok:
                done(False)
                return
        ctl.open_session(machine_id, profile.name, password)
        done(True)

    def failed(exc: Exception) -> None:
        ctl.failed.emit(str(exc))
        done(False)

    run_in_background(load, loaded, failed)
