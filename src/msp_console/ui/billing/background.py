"""Long billing work off the GUI thread, with progress reported back and a Cancel that stops
at the next safe point (the billing services call ``progress`` after each committed chunk)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from msp_console.ui.worker import run_in_background


class Cancelled(Exception):
    """Raised inside the worker by the progress callback once the user pressed Cancel."""


class Job(QObject):
    progressed = Signal(int, int)  # done, total — emitted from the worker, delivered on the GUI thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)
        if self._cancel.is_set() and done < total:
            raise Cancelled()

    def start(
        self,
        fn: Callable[[Job], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        run_in_background(lambda: fn(self), on_success, on_failure)
