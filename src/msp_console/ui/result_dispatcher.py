"""Hands results from worker threads to the GUI thread without flooding its event loop.

Workers call ``submit()`` from any thread: the result goes into a locked dict keyed by what it is
about (the latest result per key wins) and a queued signal wakes the GUI thread only when the
buffer goes from empty to non-empty. The GUI thread then waits ``period_ms`` (20 ms: faster than
the eye, slower than a stream of results) so that what arrives meanwhile is applied in the same
batch, and drains the buffer in time-boxed slices (like Picard's 50 ms batches), so a burst of
thousands of results never freezes the window.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Sequence
from itertools import islice
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal

T = TypeVar("T")


class ResultDispatcher(QObject, Generic[T]):
    _wake = Signal()

    def __init__(
        self,
        apply: Callable[[Sequence[T]], None],
        key: Callable[[T], Hashable],
        *,
        budget_ms: float = 8.0,
        chunk: int = 50,
        period_ms: int = 20,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._apply = apply
        self._key = key
        self._budget_s = budget_ms / 1000.0
        self._chunk = chunk
        self._lock = threading.Lock()
        self._pending: dict[Hashable, T] = {}
        self.wakeups = 0  # how often the GUI thread was woken (for tests and the status bar)
        self.applied = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(period_ms)
        self._timer.timeout.connect(self._drain)
        self._wake.connect(self._timer.start, Qt.ConnectionType.QueuedConnection)

    def submit(self, result: T) -> None:
        """Thread-safe; cheap enough to call for every result."""
        with self._lock:
            was_empty = not self._pending
            self._pending[self._key(result)] = result
        if was_empty:
            self._wake.emit()

    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def _drain(self) -> None:
        self.wakeups += 1
        deadline = time.perf_counter() + self._budget_s
        while True:
            with self._lock:
                if not self._pending:
                    return
                keys = list(islice(self._pending, self._chunk))
                batch = [self._pending.pop(k) for k in keys]
            self._apply(batch)
            self.applied += len(batch)
            if time.perf_counter() >= deadline:
                # Out of time: let the event loop paint and handle input, then go on.
                QTimer.singleShot(0, self._drain)
                return


def results_by(attr: str) -> Callable[[Any], Hashable]:
    """A key function reading one attribute, e.g. ``results_by("check_id")``."""
    return lambda result: getattr(result, attr)
