"""A hard time limit per check without a thread per check.

Every check gets a :class:`Deadline`; its I/O uses ``remaining()`` as timeout, and it registers
what would unblock it (closing a socket or an SSH transport). One shared watchdog thread calls those
closers when the deadline passes, so a stuck ``recv`` errors out and the worker is freed.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)


class CheckTimeoutError(TimeoutError):
    pass


class Deadline:
    def __init__(self, timeout: float):
        self.timeout = timeout
        self.started = time.monotonic()
        self.at = self.started + timeout
        self._closers: list[Callable[[], object]] = []
        self._lock = threading.Lock()
        self.fired = False

    def remaining(self, floor: float = 0.05) -> float:
        return max(floor, self.at - time.monotonic())

    @property
    def expired(self) -> bool:
        return self.fired or time.monotonic() >= self.at

    def check(self, what: str = "the check") -> None:
        if self.expired:
            raise CheckTimeoutError(f"{what} did not finish within {self.timeout:g} s")

    def on_expiry(self, closer: Callable[[], object]) -> None:
        with self._lock:
            fire_now = self.fired
            if not fire_now:
                self._closers.append(closer)
        if fire_now:
            _safe(closer)

    def fire(self) -> None:
        with self._lock:
            self.fired = True
            closers, self._closers = self._closers, []
        for closer in closers:
            _safe(closer)

    def release(self) -> None:
        with self._lock:
            self._closers.clear()

    def elapsed_ms(self) -> float:
        return (time.monotonic() - self.started) * 1000.0


def _safe(closer: Callable[[], object]) -> None:
    try:
        closer()
    except Exception as exc:
        log.debug("closing on timeout failed: %s", exc)


class _Watchdog:
    """One daemon thread; sleeps until the earliest deadline of the checks in flight."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Deadline]] = []
        self._counter = itertools.count()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: Deadline) -> None:
        with self._cond:
            heapq.heappush(self._heap, (deadline.at, next(self._counter), deadline))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="check-watchdog", daemon=True)
                self._thread.start()
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._heap:
                    self._cond.wait()
                at, _, deadline = self._heap[0]
                now = time.monotonic()
                if now < at:
                    self._cond.wait(at - now)
                    continue
                heapq.heappop(self._heap)
            if deadline._closers:  # released deadlines have none left: nothing to do
                deadline.fire()


WATCHDOG = _Watchdog()
