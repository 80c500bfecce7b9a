"""Esc in a filter or search box: the first press clears the filter, the next one goes back to the list.

An event filter rather than a subclass, so every existing box (tree search, quick connect, the
Interventions and Billing filters, the shortcuts list) gets the same habit with one line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class _EscapeClears(QObject):
    def __init__(self, edit: QLineEdit, back_to: QWidget | None):
        super().__init__(edit)
        self.edit, self.back_to = edit, back_to

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() != Qt.Key.Key_Escape or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        popup = self.edit.completer().popup() if self.edit.completer() is not None else None
        if popup is not None and popup.isVisible():
            return False  # Esc closes the completer's list first
        if kind == QEvent.Type.ShortcutOverride:  # Esc is ours, not a window shortcut's (nor a dialog's)
            if self.edit.text() or self.back_to is not None:
                event.accept()
            return False
        if self.edit.text():
            self.edit.clear()
        elif self.back_to is not None:
            self.back_to.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            return False  # an empty box with nowhere to go: Esc does what it did (closes a dialog)
        return True


def clear_on_escape(edit: QLineEdit, back_to: QWidget | None = None) -> None:
    """Esc clears ``edit``; on an empty box it moves the focus to ``back_to`` (the list it filters)."""
    edit.installEventFilter(_EscapeClears(edit, back_to))
