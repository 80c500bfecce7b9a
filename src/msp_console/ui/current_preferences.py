"""The technician's preferences as the open window uses them.

Read once when the window opens and replaced when Settings saves, so a feature asks this object
(never the file, from the GUI thread) and hears ``changed`` when the technician changes something.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from msp_console.preferences import Preferences


class CurrentPreferences(QObject):
    changed = Signal(object)  # Preferences

    def __init__(self, value: Preferences, parent: QObject | None = None):
        super().__init__(parent)
        self.value = value

    def set(self, value: Preferences) -> None:
        if value != self.value:
            self.value = value
            self.changed.emit(value)
