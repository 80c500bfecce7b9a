"""The disk guard: how much room the disk holding the database has left, and what a full disk looks like.

The window warns (a banner) and the monitoring retention keeps less history while the disk is low:
under 5 % or under 2 GiB free, whichever comes first on that disk. A write refused because the disk
is full is recognised here so the writer keeps its results for a later retry instead of losing them.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

LOW_FRACTION = 0.05
LOW_BYTES = 2 * 2**30
_SQLITE_FULL = 13
_PG_DISK_FULL = "53100"


@dataclass(frozen=True)
class DiskSpace:
    path: Path  # the folder measured (the database's, or its nearest existing parent)
    free: int
    total: int
    low_bytes: int = LOW_BYTES
    low_fraction: float = LOW_FRACTION

    @property
    def low(self) -> bool:
        return self.free < self.low_bytes or self.free < self.total * self.low_fraction

    @property
    def free_fraction(self) -> float:
        return self.free / self.total if self.total else 0.0


def disk_space(path: Path, *, low_bytes: int = LOW_BYTES, low_fraction: float = LOW_FRACTION) -> DiskSpace:
    """Free and total bytes of the file system holding ``path`` (it need not exist yet)."""
    folder = Path(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    usage = shutil.disk_usage(folder)
    return DiskSpace(folder, usage.free, usage.total, low_bytes, low_fraction)


def database_folder(url: str) -> Path | None:
    """Where an embedded SQLite database lives; None for PostgreSQL (its disk is the server's)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).parent


def database_disk(url: str, **thresholds: float) -> DiskSpace | None:
    folder = database_folder(url)
    return disk_space(folder, **thresholds) if folder is not None else None  # type: ignore[arg-type]


def is_disk_full(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) is a write refused for lack of room."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(current, sqlite3.Error) and (
            getattr(current, "sqlite_errorcode", None) == _SQLITE_FULL or "disk is full" in str(current)
        ):
            return True
        if getattr(current, "sqlstate", None) == _PG_DISK_FULL:
            return True
        orig = getattr(current, "orig", None)  # SQLAlchemy wraps the driver's error
        current = orig if isinstance(orig, BaseException) else (current.__cause__ or current.__context__)
    return False


def describe_bytes(n: float) -> str:
    """1.2 GiB, 340 MiB, 12 KiB: what the CLI and the logs print."""
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024 or unit == "TiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"
