"""Tools → Settings… and Help → Keyboard shortcuts (a feature module: see ui/features.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow


def _menu_holding(window: MainWindow, action: QAction) -> QMenu | None:
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and action in menu.actions():
            return menu
    return None


def install(window: MainWindow) -> None:
    from msp_console.ui.settings_dialog.dialog import SettingsDialog, open_settings_dialog
    from msp_console.ui.shortcuts_dialog import show_shortcuts_dialog

    settings = QAction(QCoreApplication.translate("Settings", "&Settings…"), window)
    settings.setObjectName("openSettings")
    settings.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
    if settings.shortcut().isEmpty():
        settings.setShortcut(QKeySequence("Ctrl+,"))
    settings.setMenuRole(QAction.MenuRole.PreferencesRole)

    def opened(dialog: SettingsDialog) -> None:
        def accepted() -> None:
            if dialog.saved is not None:
                window.preferences.set(dialog.saved)  # the features follow (notifications, launchers…)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)

    def open_settings() -> None:
        open_settings_dialog(window, window.app, opened)  # reads the stored settings off the GUI thread

    settings.triggered.connect(open_settings)
    tools = _menu_holding(window, window.commands.open_data_dir)
    if tools is not None:
        tools.addSeparator()
        tools.addAction(settings)
    shortcuts = window.commands.shortcuts
    shortcuts.triggered.disconnect()
    shortcuts.triggered.connect(lambda: show_shortcuts_dialog(window))
