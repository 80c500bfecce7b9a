"""Threads a test started and did not end: what a closed window must not leave behind."""

from __future__ import annotations

import threading
import time
from collections.abc import Collection

SHARED = frozenset({"check-watchdog", "snmp-loop"})  # the checks' process-wide helpers (one each, by design)


def threads_left(
    before: set[threading.Thread], shared: Collection[str] = SHARED, grace_s: float = 15
) -> list[str]:
    """Names of the threads started since ``before`` still alive after ``grace_s``.

    A scheduler stopped without waiting (so the window closes at once) lets its idle worker
    thread end a moment later: each thread is given until the deadline to end; one that never
    ends is a leak whatever the machine's load.
    """
    deadline = time.monotonic() + grace_s
    new = [t for t in set(threading.enumerate()) - before if t.name not in shared]
    for t in new:
        t.join(max(0.0, deadline - time.monotonic()))
    return [t.name for t in new if t.is_alive()]
