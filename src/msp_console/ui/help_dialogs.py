"""Help → Keyboard shortcuts, Help → Open the demo and Help → About."""

from __future__ import annotations

import sys
from html import escape

from PySide6.QtCore import QCoreApplication, QProcess, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton, QWidget

from msp_console import __version__


def _t(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def _key(key: Qt.Key) -> str:
    """A key's name as the keyboard of the user's language calls it (Invio, Esc…)."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(keys, what) for every action that has a shortcut, plus the keys that are not actions."""
    rows = {
        (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text().replace("&", ""))
        for a in actions
        if not a.shortcut().isEmpty()
    }
    rows.add((_key(Qt.Key.Key_Return), _t("Open the selected item (in the tree); OK (in a dialog)")))
    rows.add((_key(Qt.Key.Key_Escape), _t("Close the dialog")))
    rows.add(
        (_key(Qt.Key.Key_Escape), _t("Clear the filter (in a search or filter box); again: back to the list"))
    )
    rows.add(("Shift+F10", _t("The selected item's menu")))
    return sorted(rows)


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> None:
    table = "".join(
        f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
        for keys, what in shortcut_rows(actions)
    )
    QMessageBox.information(parent, _t("Keyboard shortcuts"), f"<table cellpadding='3'>{table}</table>")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        _t("About MSP Console"),
        _t(
            "<h3>MSP Console %1</h3><p>The desktop console of a Managed Service Provider: clients, "
            "machines, monitoring, interventions and billing.</p>"
            "<p>Licensed under the GNU GPL v3 or later.</p>"
        ).replace("%1", __version__),
    )


def demo_command() -> tuple[str, list[str]]:
    """This program again, on the demo: the packaged app itself, else this Python with the package."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "msp_console", "--demo"]


def open_demo(parent: QWidget) -> bool:
    """Opens the demo (the same data as ``--demo``) in a window of its own, next to this one."""
    program, arguments = demo_command()
    started, _pid = QProcess.startDetached(program, arguments)
    if started and isinstance(parent, QMainWindow):  # the first time it is built: a few seconds
        parent.statusBar().showMessage(_t("The demo opens in a window of its own…"), 15_000)
    if not started:
        text = _t("The demo could not be started (%1). Try again, or reinstall MSP Console.")
        QMessageBox.warning(parent, _t("Open the demo"), text.replace("%1", program))
    return bool(started)


def offer_demo(parent: QWidget, action: QAction, button: QPushButton, database_url: str) -> None:
    """Help → Open the demo and the Overview's button; neither on the demo itself."""
    from msp_console.settings import is_demo_url  # not demo_sim: its imports would delay the first paint

    action.triggered.connect(lambda: open_demo(parent))
    action.setVisible(not is_demo_url(database_url))
    button.setVisible(action.isVisible())
    button.clicked.connect(action.trigger)
