"""Remote-session hooks for the main window: Connect with…, quick connect, profile dialog, sessions panel.

Wiring (done by the main window's owner):
  controller = controller_for(app)
  tree double-click / Enter on a machine → connect(window, app, machine_id)   (default profile; asks a
    password itself for 'prompt every time' profiles)
  context menu on a machine → menu.addMenu(build_connect_menu(menu, app, machine_id))
  Ctrl+K → QuickConnect(line_edit, lambda mid: connect(window, app, mid), on_unknown=…, paths=…)
  a dock with SessionsPanel(controller); controller.failed → a message box / status bar text
"""

from msp_console.ui.remote.connect_menu import build_connect_menu, connect
from msp_console.ui.remote.controller import RemoteController, controller_for
from msp_console.ui.remote.profile_dialog import ProfileDialog, open_profile_dialog
from msp_console.ui.remote.quick_connect import QuickConnect, machine_paths, resolve_machine
from msp_console.ui.remote.sessions_panel import SessionsPanel

__all__ = [
    "ProfileDialog",
    "QuickConnect",
    "RemoteController",
    "SessionsPanel",
    "build_connect_menu",
    "connect",
    "controller_for",
    "machine_paths",
    "open_profile_dialog",
    "resolve_machine",
]
