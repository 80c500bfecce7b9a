"""Run database work off the GUI thread and get the answer back on it (like Anki's QueryOp).

``run_in_background(fn, on_success, on_failure)`` runs ``fn()`` on a one-thread pool (so
database work is serialised: one writer) and calls ``on_success(result)`` or
``on_failure(exception)`` on the GUI thread through a queued signal. Results crossing
threads must be frozen views, never ORM objects.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None
_network_pool: QThreadPool | None = None
_in_flight: set[_Task] = set()


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def network_pool() -> QThreadPool:
    """For work that waits on someone else's server (a mail login test): it must not hold up the
    database queue for its timeouts."""
    global _network_pool
    if _network_pool is None:
        _network_pool = QThreadPool()
        _network_pool.setMaxThreadCount(2)
    return _network_pool


class _Relay(QObject):
    """Lives on the GUI thread; its slot runs there whatever thread emits ``done`` (queued)."""

    done = Signal(object, object)  # (result, exception or None)

    def __init__(self, finish: Callable[[Any, Exception | None], None]):
        super().__init__()
        self._finish = finish
        self.done.connect(self.deliver)

    @Slot(object, object)
    def deliver(self, result: Any, error: Exception | None) -> None:
        self._finish(result, error)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], finish: Callable[[Any, Exception | None], None]):
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.relay = _Relay(finish)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to on_failure on the GUI thread
            log.debug("background task failed", exc_info=True)
            self.relay.done.emit(None, exc)
        else:
            self.relay.done.emit(result, None)


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None] | None = None,
    *,
    network: bool = False,
) -> None:
    """``network=True``: on the network pool (no database work there), not the database queue."""

    def finish(result: Any, error: Exception | None) -> None:
        _in_flight.discard(task)
        if error is None:
            on_success(result)
        elif on_failure is not None:
            on_failure(error)
        else:
            log.error("background task failed: %s", error)

    task = _Task(fn, finish)
    _in_flight.add(task)
    (network_pool() if network else pool()).start(task)


def wait_for_background(msecs: int = 10_000) -> bool:
    """Waits for queued work to finish (used at shutdown and by the screenshot command)."""
    network = _network_pool.waitForDone(msecs) if _network_pool is not None else True
    return pool().waitForDone(msecs) and network
