"""Monitoring on a disk that is filling up: keep less history before anything fails, and never lose
or crash on a write the full disk refuses.

While the database's disk is low (``services.disk_space``: < 5 % or < 2 GiB free) the retention job
keeps raw samples 6 hours instead of 48 and 5-minute roll-ups 7 days instead of 30; hourly roll-ups
and state changes (what service reports and SLA disputes read) keep their horizons. Deleted rows
free pages SQLite reuses, so the file stops growing. A batch the full disk refuses is held in
memory and retried, not dropped, so the writer thread and the poller keep running.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from msp_console.monitoring.retention import FIVE_MIN_KEEP_S, RAW_KEEP_S
from msp_console.services.disk_space import DiskSpace, database_disk, describe_bytes, is_disk_full

log = logging.getLogger(__name__)
LOW_RAW_KEEP_S = 6 * 3600
LOW_FIVE_MIN_KEEP_S = 7 * 86400
T = TypeVar("T")


def retention_horizons(space: DiskSpace | None) -> dict[str, int]:
    """The horizons ``run_retention`` takes: shorter ones while the disk is low."""
    if space is None or not space.low:
        return {"raw_keep_s": RAW_KEEP_S, "five_min_keep_s": FIVE_MIN_KEEP_S}
    return {"raw_keep_s": LOW_RAW_KEEP_S, "five_min_keep_s": LOW_FIVE_MIN_KEEP_S}


class DiskWatch:
    """What the poller asks before each retention run (SQLite only: a server's disk is its own)."""

    def __init__(self, url: str, measure: Callable[[str], DiskSpace | None] = database_disk):
        self.url, self._measure = url, measure
        self.last: DiskSpace | None = None

    def horizons(self) -> dict[str, int]:
        try:
            space = self._measure(self.url)
        except OSError:
            space = None
        if space is not None and space.low and not (self.last and self.last.low):
            log.warning(
                "the database's disk is low (%s free of %s): keeping raw samples %d h and 5-minute "
                "roll-ups %d days until there is room",
                describe_bytes(space.free),
                describe_bytes(space.total),
                LOW_RAW_KEEP_S // 3600,
                LOW_FIVE_MIN_KEEP_S // 86400,
            )
        self.last = space
        return retention_horizons(space)


class HeldResults(Generic[T]):
    """Results a full disk refused, kept in arrival order for the next try (at most ``limit``;
    beyond that the oldest go, counted and logged)."""

    def __init__(self, retry_s: float = 30.0, limit: int = 200_000):
        self.retry_s, self.limit = retry_s, limit
        self._items: list[T] = []
        self._next_try = 0.0
        self.dropped = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def waiting(self) -> bool:
        """True while results are held and it is not yet time to try again."""
        return bool(self._items) and time.monotonic() < self._next_try

    def add(self, batch: Sequence[T]) -> int:
        """Holds ``batch`` too; returns how many of the oldest were dropped to stay in the limit."""
        with self._lock:
            self._items.extend(batch)
            over = max(0, len(self._items) - self.limit)
            del self._items[:over]
            self.dropped += over
            return over

    def take(self) -> list[T]:
        with self._lock:
            items, self._items = self._items, []
            return items

    def refused(self, batch: Sequence[T], exc: BaseException) -> bool:
        """Holds a batch the disk refused (True); False when ``exc`` is another kind of failure."""
        if not is_disk_full(exc):
            return False
        first = not self._items
        dropped = self.add(batch)
        self._next_try = time.monotonic() + self.retry_s
        if first or dropped:
            log.error(
                "the database's disk is full: %d monitoring results kept in memory, retried every %.0f s%s",
                len(self._items),
                self.retry_s,
                f" ({dropped} oldest dropped)" if dropped else "",
            )
        return True
