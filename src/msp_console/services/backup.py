"""Backups of the console's own SQLite database: online copy, integrity check, safe restore.

The copy goes through SQLite's backup API (a consistent snapshot even while the app or the poller
writes), never a file copy that could catch a half-written page or miss the WAL. A destination
ending in ``.zst`` is stored compressed (``backup_archive``), and the previous full backup may then
be rewritten as a delta against the new one; any other name gets a plain SQLite file as before.
A restore first checks the file (integrity, schema not newer than this version), keeps the current
database aside under a timestamped name, then swaps the file in and upgrades an older schema.
Plain, full and delta backups all restore.
"""

from __future__ import annotations

import logging
import os
import shlex
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from msp_console.db.engine import make_engine
from msp_console.db.migrate import MIGRATIONS, upgrade
from msp_console.services import backup_archive as archive
from msp_console.services.disk_space import describe_bytes, disk_space, is_disk_full

log = logging.getLogger(__name__)


class BackupError(RuntimeError):
    """A backup or restore that was refused or failed; the message says what to do."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int  # bytes on disk
    pages: int
    kind: str = "plain"  # "plain" (a SQLite file) or "full" (compressed)
    database_size: int = 0  # bytes of the snapshot it restores
    previous_as_delta: Path | None = None  # the previous full backup, rewritten as a delta


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    set_aside: Path | None
    schema_before: str
    schema_after: str


def sqlite_path(url: str) -> Path:
    """The file behind a SQLite URL; a BackupError with the pg_dump hint for PostgreSQL."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise BackupError(postgres_hint(url))
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError("an in-memory database cannot be backed up")
    return Path(parsed.database)


def postgres_hint(url: str, out: str = "msp-console.dump", *, restore: bool = False) -> str:
    """What to run instead: the pg_dump (or pg_restore) command line, never the password."""
    u = make_url(url)
    conn = []
    if u.host:
        conn.append(f"--host={u.host}")
    if u.port:
        conn.append(f"--port={u.port}")
    if u.username:
        conn.append(f"--username={u.username}")
    db = u.database or "DATABASE"
    if restore:
        cmd = ["pg_restore", "--clean", "--if-exists", *conn, f"--dbname={db}", out]
        what = "restore a PostgreSQL dump"
    else:
        cmd = ["pg_dump", "--format=custom", f"--file={out}", *conn, db]
        what = "back up a PostgreSQL database"
    return (
        f"To {what} by hand, use the PostgreSQL tools:\n"
        f"  {shlex.join(cmd)}\n"
        "(they ask for the password, or read it from ~/.pgpass or PGPASSFILE; "
        "`msp-console backups status` warns when no recent dump is found)"
    )


def integrity_problems(path: Path) -> list[str]:
    """'PRAGMA integrity_check' on a file: [] when sound, else what SQLite found wrong."""
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _copy_online(source: Path, target: Path, *, read_only: bool) -> int:
    """SQLite backup API from source to target (a fresh file), as a standalone rollback-journal file.

    The live database is opened normally (it may be in WAL mode, being written); a file the user
    hands us to restore is opened read-only so checking it never changes it.
    """
    src = (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
        if read_only
        else sqlite3.connect(source, timeout=30)
    )
    dst = sqlite3.connect(target)
    try:
        # One step under one read transaction: in WAL mode the poller keeps writing meanwhile, and
        # the copy never restarts (a stepped copy starts over whenever another connection writes).
        src.backup(dst, pages=-1)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        return int(dst.execute("PRAGMA page_count").fetchone()[0])
    finally:
        dst.close()
        src.close()


def _temp_beside(path: Path, tag: str) -> Path:
    return path.with_name(f".{path.name}.{tag}-{os.getpid()}.tmp")


def _no_room(folder: Path, need: int = 0) -> BackupError:
    space = disk_space(folder)
    wanted = f", about {describe_bytes(need)} needed" if need else ""
    return BackupError(
        f"not enough room in {space.path} for a backup ({describe_bytes(space.free)} free{wanted}): "
        "free some space or choose another backup folder (msp-console backups configure --folder DIR). "
        "The previous backups are intact."
    )


def _check_room(source: Path, folder: Path, compressed: bool) -> None:
    """Refuses before starting when the copy (and the compressed file) cannot fit, keeping a margin
    so a backup never fills the disk to the last byte."""
    live = source.stat().st_size + _size_or_zero(Path(f"{source}-wal"))
    need = live + (live // 2 if compressed else 0)
    space = disk_space(folder)
    margin = min(space.total // 100, 64 * 2**20)
    if space.free - need < margin:
        raise _no_room(folder, need=need)


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def backup_sqlite(url: str, dest: Path, *, previous: Path | None = None) -> BackupResult:
    """Online backup of the database at ``url`` into ``dest``, written atomically (a kill leaves no
    half file under ``dest``'s name). ``.zst``: compressed; then the full backup ``previous`` (if
    given) is rewritten as the pages it needs on top of this one."""
    source = sqlite_path(url)
    if not source.is_file():
        raise BackupError(f"there is no database at {source} to back up")
    dest = Path(dest)
    if dest.resolve() == source.resolve():
        raise BackupError("the backup file cannot be the live database itself")
    dest.parent.mkdir(parents=True, exist_ok=True)
    compressed = dest.name.endswith(".zst")
    _check_room(source, dest.parent, compressed)
    tmp = _temp_beside(dest, "backup")
    tmp.unlink(missing_ok=True)
    try:
        pages = _snapshot(source, tmp)
        if not compressed:
            os.replace(tmp, dest)
            return BackupResult(dest, dest.stat().st_size, pages, "plain", dest.stat().st_size)
        written = archive.write_full(tmp, dest)
        size = dest.stat().st_size
        as_delta = _rewrite_as_delta(previous, tmp, written.sha256, dest) if previous else None
        return BackupResult(dest, size, pages, written.kind, written.size, as_delta)
    except OSError as exc:
        if is_disk_full(exc):
            raise _no_room(dest.parent) from exc
        raise
    except archive.ArchiveError as exc:
        raise BackupError(str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)


def _rewrite_as_delta(previous: Path, snapshot: Path, sha256: str, newer: Path) -> Path | None:
    """Replaces the full backup ``previous`` by its reverse delta against ``snapshot`` (the newer
    backup's). Never fails the new backup: on any problem the previous one simply stays full."""
    name = archive.backup_name(previous)
    target = previous.with_name(name + archive.DELTA_SUFFIX)
    try:
        archive.write_reverse_delta(previous, snapshot, sha256, archive.backup_name(newer), target)
    except (archive.ArchiveError, OSError) as exc:
        log.warning("the backup %s stays a full one: %s", previous.name, exc)
        return None
    if target.stat().st_size >= previous.stat().st_size:  # nothing gained (a database rewritten)
        target.unlink()
        return None
    previous.unlink()  # a kill before this leaves both: backup_schedule.tidy keeps the delta
    return target


def _snapshot(source: Path, target: Path) -> int:
    """A consistent, checked copy of the live database into ``target``; returns its pages."""
    try:
        pages = _copy_online(source, target, read_only=False)
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc):
            raise _no_room(target.parent) from exc
        raise BackupError(f"cannot read {source}: {exc}") from exc
    problems = integrity_problems(target)
    if problems:
        raise BackupError(
            f"the copy of {source} fails the integrity check ({'; '.join(problems[:3])}): "
            "the live database is damaged; restore an earlier backup"
        )
    return pages


def known_revisions() -> set[str]:
    """Every schema revision this version of the app knows (not only the heads)."""
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def schema_of(path: Path) -> set[str]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return {str(r[0]) for r in conn.execute("SELECT version_num FROM alembic_version")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not an MSP Console database (no schema version: {exc})") from exc


def check_restorable(path: Path) -> set[str]:
    """Refuses a damaged file, a foreign file, or one written by a newer version; returns its schema."""
    path = Path(path)
    problems = integrity_problems(path)
    if problems:
        raise BackupError(
            f"{path} fails the integrity check ({'; '.join(problems[:3])}): nothing was changed"
        )
    revisions = schema_of(path)
    if not revisions:
        raise BackupError(f"{path} has an empty schema version: it is not an MSP Console backup")
    unknown = sorted(revisions - known_revisions())
    if unknown:
        from msp_console import __version__

        raise BackupError(
            f"{path} comes from a newer version of MSP Console (schema {', '.join(unknown)} is unknown "
            f"to version {__version__}): update MSP Console, then restore it. Nothing was changed."
        )
    return revisions


_SHM_DMS_BYTE = 128  # SQLite's unix VFS: every connection of another process holds a read lock on it


def _open_in_another_process(live: Path) -> bool:
    """True when another process has the WAL database open, even idle (POSIX; Windows refuses the
    rename instead). SQLite's "dead-man switch" byte of the -shm file is read-locked by each of them."""
    shm = Path(f"{live}-shm")
    if os.name != "posix" or not shm.exists():
        return False
    import fcntl

    with shm.open("rb+") as fh:
        try:
            fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
        except OSError:
            return True
        fcntl.lockf(fh, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE)
    return False


def _lock_out_others(live: Path) -> None:
    """Refuse while the app or the poller has the database open (they would keep writing to it)."""
    if not live.exists():
        return
    if _open_in_another_process(live):
        raise BackupError(
            f"{live} is open in another program (MSP Console's window or the poller): "
            "close it, then restore again. Nothing was changed."
        )
    conn = sqlite3.connect(live, timeout=2)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.rollback()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise BackupError(
                f"{live} is in use: close MSP Console and stop the poller, then restore again"
            ) from exc
    except sqlite3.DatabaseError:
        pass  # damaged beyond opening: exactly what a restore is for
    finally:
        conn.close()


def _set_aside(live: Path, stamp: str) -> Path | None:
    """Renames the database and its -wal/-shm together, so the kept copy stays consistent."""
    if not live.exists():
        return None
    aside = live.with_name(f"{live.stem}.before-restore-{stamp}{live.suffix}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(f"{live}{suffix}")
        if part.exists():
            os.replace(part, Path(f"{aside}{suffix}"))
    return aside


def restore_sqlite(url: str, source: Path, *, now: datetime | None = None) -> RestoreResult:
    """Replaces the database at ``url`` by the backup ``source`` (checked first; the old one kept aside)."""
    live = sqlite_path(url)
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} does not exist")
    live.parent.mkdir(parents=True, exist_ok=True)
    staged = _temp_beside(live, "restore")
    staged.unlink(missing_ok=True)
    try:
        _stage(source, staged)
        before = check_restorable(staged)
        _lock_out_others(live)
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
        try:
            aside = _set_aside(live, stamp)
            os.replace(staged, live)
        except PermissionError as exc:  # Windows: the file is open elsewhere
            raise BackupError(
                f"{live} is in use ({exc}): close MSP Console and the poller, then retry"
            ) from exc
    finally:
        staged.unlink(missing_ok=True)
    engine = make_engine(url)
    try:
        _, after = upgrade(engine)
    except Exception as exc:
        raise BackupError(
            f"the backup was restored but its schema could not be upgraded ({exc}); "
            f"the previous database is kept as {aside}"
        ) from exc
    finally:
        engine.dispose()
    return RestoreResult(live, aside, "+".join(sorted(before)), after)


def _stage(source: Path, staged: Path) -> None:
    """The backup as a plain SQLite file at ``staged``: decompressed (a delta over its full backup)
    or copied (a plain backup, which may itself be in WAL mode)."""
    try:
        if archive.is_archive(source):
            archive.restore_to(source, staged)
        else:
            _copy_online(source, staged, read_only=True)
    except archive.ArchiveError as exc:
        raise BackupError(f"{exc}: nothing was changed") from exc
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{source} is not a readable SQLite database ({exc}): nothing was changed") from exc
    except OSError as exc:
        if is_disk_full(exc):
            raise BackupError(
                f"not enough room in {staged.parent} to restore {source.name} "
                f"({describe_bytes(disk_space(staged.parent).free)} free): nothing was changed"
            ) from exc
        raise
