"""Machine states arriving from any thread, applied to the tree on the GUI thread in batches.

``submit()`` may be called from polling workers: it stores the state in a locked dict keyed by
machine (latest wins) and emits a queued signal only when the buffer goes from empty to
non-empty. The GUI thread drains it ``PERIOD_MS`` later (what arrives meanwhile joins the same
batch) within a time budget and hands it to ``ClientTreeModel.update_machine_states`` (one
ranged dataChanged per parent, rows on screen only); whatever is left waits for the next turn
of the event loop, so a flood never freezes the window.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from itertools import islice

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from msp_console.domain.health import HealthState

BATCH = 100  # states applied per step before the clock is checked
PERIOD_MS = 20  # how long a first change waits for others to join its batch


class LiveStates(QObject):
    _wake = Signal()

    def __init__(self, apply: Callable[[Mapping[int, HealthState]], None], budget_ms: float = 8.0):
        super().__init__()
        self._apply = apply
        self._budget = budget_ms / 1000.0
        self._lock = threading.Lock()
        self._pending: dict[int, HealthState] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PERIOD_MS)
        self._timer.timeout.connect(self._drain)
        self._wake.connect(self._timer.start, Qt.ConnectionType.QueuedConnection)

    def submit(self, machine_id: int, state: HealthState) -> None:
        """Thread-safe; cheap enough to call for every check result."""
        with self._lock:
            was_empty = not self._pending
            self._pending[machine_id] = state
        if was_empty:
            self._wake.emit()

    @Slot()
    def _drain(self) -> None:
        deadline = time.perf_counter() + self._budget
        while True:
            with self._lock:
                if not self._pending:
                    return
                keys = list(islice(self._pending, BATCH))
                batch = {k: self._pending.pop(k) for k in keys}
            self._apply(batch)
            if time.perf_counter() >= deadline:
                break
        with self._lock:
            left = bool(self._pending)
        if left:  # out of time: let the window paint and take input, then go on
            QTimer.singleShot(0, self._drain)
