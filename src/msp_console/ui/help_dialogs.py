"""Help → Keyboard shortcuts and Help → About."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

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
