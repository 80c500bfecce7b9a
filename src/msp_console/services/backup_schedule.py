"""Scheduled backups with retention, the backup policy file, and the "is there a recent backup?" check.

The policy lives in <data dir>/backup-policy.json so the CLI, the poller and the Settings dialog share
it. The GUI's APScheduler calls :func:`run_scheduled` every hour: it backs up only when the newest
backup is older than the interval, so restarts never skip nor double a day.

Scheduled backups are compressed: the newest is a full one, and each older one is kept as the pages
that differ from the next newer one (see ``backup_archive``), so fourteen kept take about one full
backup plus thirteen days of changes. Pruning removes the oldest first, which no other backup needs.
Backups from before compression (plain ``.sqlite3``) are listed, kept, pruned and restored like the
others.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from msp_console.fileio import atomic_write_bytes
from msp_console.services.backup import BackupError, BackupResult, backup_sqlite
from msp_console.services.backup_archive import DELTA_SUFFIX, FULL_SUFFIX
from msp_console.settings import data_dir

log = logging.getLogger(__name__)
POLICY_FILE = "backup-policy.json"
PREFIX = "msp-console-"
SUFFIX = ".sqlite3"  # plain backups, written before compression
KINDS = {SUFFIX: "plain", FULL_SUFFIX: "full", DELTA_SUFFIX: "delta"}
_STAMP = re.compile(rf"^{re.escape(PREFIX)}(\d{{8}}-\d{{6}})({'|'.join(re.escape(k) for k in KINDS)})$")
_TEMP = re.compile(rf"^\.{re.escape(PREFIX)}.*[.-](\d+)\.tmp(-journal|-wal|-shm)?$")
DUMP_PATTERNS = ("*.dump", "*.sql", "*.sql.gz", "*.backup", "*.tar", "*.pgdump")


@dataclass(frozen=True)
class BackupPolicy:
    enabled: bool = True
    keep: int = 14
    interval_hours: int = 24
    folder: str = ""  # empty: <data dir>/backups
    dump_folder: str = ""  # PostgreSQL: where the team's pg_dump files land (checked by `status`)
    max_dump_age_hours: int = 48

    def backup_folder(self) -> Path:
        return Path(self.folder) if self.folder else data_dir() / "backups"

    def errors(self) -> list[str]:
        out = []
        if self.keep < 1:
            out.append("keep: keep at least 1 backup")
        if self.interval_hours < 1:
            out.append("interval_hours: at least 1 hour")
        if self.max_dump_age_hours < 1:
            out.append("max_dump_age_hours: at least 1 hour")
        return out


def policy_path() -> Path:
    return data_dir() / POLICY_FILE


def load_policy() -> BackupPolicy:
    path = policy_path()
    if not path.is_file():
        return BackupPolicy()
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    known = {f for f in BackupPolicy.__dataclass_fields__}
    return BackupPolicy(**{k: v for k, v in raw.items() if k in known})


def save_policy(policy: BackupPolicy) -> None:
    problems = policy.errors()
    if problems:
        raise ValueError("; ".join(problems))
    atomic_write_bytes(policy_path(), json.dumps(asdict(policy), indent=2).encode("utf-8"))


def update_policy(**changes: Any) -> BackupPolicy:
    policy = replace(load_policy(), **{k: v for k, v in changes.items() if v is not None})
    save_policy(policy)
    return policy


@dataclass(frozen=True)
class BackupFile:
    """One scheduled backup as the list and Settings show it."""

    when: datetime
    path: Path
    size: int
    kind: str  # "plain", "full" or "delta"


def backup_files(folder: Path) -> list[BackupFile]:
    """The scheduled backups in ``folder``, oldest first (their time is in the name, UTC). Hidden
    temporary files of a backup in progress (or killed) never match."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            m = _STAMP.match(path.name)
            if m and path.is_file():
                when = datetime.strptime(m[1], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
                found.append(BackupFile(when, path, path.stat().st_size, KINDS[m[2]]))
    return sorted(found, key=lambda b: (b.when, b.path.name))


def backups_in(folder: Path) -> list[tuple[datetime, Path]]:
    """The scheduled backups in ``folder``, oldest first."""
    return [(b.when, b.path) for b in backup_files(folder)]


@dataclass(frozen=True)
class BackupsSummary:
    """What Settings → Backups shows: how many, how much disk, the newest."""

    count: int
    total_size: int
    newest: datetime | None
    folder: Path


def summary(folder: Path) -> BackupsSummary:
    files = backup_files(folder)
    return BackupsSummary(len(files), sum(b.size for b in files), files[-1].when if files else None, folder)


def prune(folder: Path, keep: int) -> list[Path]:
    """Deletes all but the newest ``keep`` scheduled backups (never other files). A delta needs only
    newer backups, so removing the oldest never breaks one that is kept."""
    old = backup_files(folder)[:-keep] if keep > 0 else []
    for b in old:
        b.path.unlink(missing_ok=True)
    return [b.path for b in old]


def tidy(folder: Path) -> list[Path]:
    """Removes what a killed backup left: hidden half-written files (their process is gone), and a
    full backup whose delta was already complete when the kill came (the same backup, twice)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        m = _TEMP.match(path.name)
        stale = m is not None and not _process_alive(int(m[1]))
        twin = (
            path.name.endswith(FULL_SUFFIX)
            and path.with_name(path.name[: -len(FULL_SUFFIX)] + DELTA_SUFFIX).is_file()
        )
        if stale or twin:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False  # Windows: only our own temporaries are in use (one backup at a time)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class ScheduledRun:
    made: BackupResult | None
    removed: list[Path] = field(default_factory=list)
    newest: Path | None = None
    reason: str = ""


def run_scheduled(
    url: str,
    *,
    policy: BackupPolicy | None = None,
    now: datetime | None = None,
    force: bool = False,
) -> ScheduledRun:
    """Backs up when the newest backup is older than the interval, then keeps the newest N."""
    policy = policy or load_policy()
    now = now or datetime.now(UTC)
    if make_url(url).get_backend_name() != "sqlite":
        return ScheduledRun(
            None, reason="PostgreSQL: back it up with pg_dump (see `msp-console backups status`)"
        )
    if not policy.enabled and not force:
        return ScheduledRun(None, reason="scheduled backups are turned off")
    folder = policy.backup_folder()
    tidy(folder)
    existing = backup_files(folder)
    if existing and not force and now - existing[-1].when < timedelta(hours=policy.interval_hours):
        return ScheduledRun(None, newest=existing[-1].path, reason="a recent backup exists")
    stamp = f"{PREFIX}{now.astimezone(UTC):%Y%m%d-%H%M%S}"
    previous = existing[-1].path if existing and existing[-1].kind == "full" else None
    target = folder / f"{stamp}{FULL_SUFFIX}"
    started = time.monotonic()
    made = backup_sqlite(url, target, previous=previous)
    log.debug("backup %s took %.1f s", target.name, time.monotonic() - started)
    removed = prune(folder, policy.keep)
    return ScheduledRun(made, removed, target, "backed up")


def scheduled_backup_job(url: str) -> ScheduledRun | None:
    """What the scheduler runs: never raises (a failed backup is logged as an error, and retried)."""
    try:
        run = run_scheduled(url)
    except BackupError as exc:  # refused (no room, damaged database): the message says what to do
        log.error("scheduled backup not made: %s", exc)
        return None
    except Exception:
        log.exception("scheduled backup failed")
        return None
    if run.made:
        log.info(
            "scheduled backup %s (%d bytes); removed %d old", run.made.path, run.made.size, len(run.removed)
        )
    return run


def add_backup_job(
    scheduler: Any, url: str, *, check_every_minutes: int = 60, first_check_in_seconds: float = 60
) -> Any:
    """Adds the hourly "back up if due" job to an APScheduler scheduler (the GUI's); returns the job."""
    return scheduler.add_job(
        scheduled_backup_job,
        "interval",
        minutes=check_every_minutes,
        args=[url],
        id="msp-console-backup",
        replace_existing=True,
        next_run_time=datetime.now(UTC) + timedelta(seconds=first_check_in_seconds),
        coalesce=True,
        max_instances=1,
    )


@dataclass(frozen=True)
class BackupStatus:
    ok: bool
    message: str
    newest: Path | None = None
    age: timedelta | None = None


def _describe_age(age: timedelta) -> str:
    hours = int(age.total_seconds() // 3600)
    return f"{hours // 24} days" if hours >= 48 else f"{hours} hours"


def backup_status(
    url: str, *, policy: BackupPolicy | None = None, now: datetime | None = None
) -> BackupStatus:
    """Is there a recent backup? For SQLite the scheduled ones; for PostgreSQL the configured dump folder."""
    policy = policy or load_policy()
    now = now or datetime.now(UTC)
    if make_url(url).get_backend_name() == "sqlite":
        existing = backups_in(policy.backup_folder())
        limit = timedelta(hours=2 * policy.interval_hours)
        if not existing:
            return BackupStatus(False, f"no backup yet in {policy.backup_folder()}")
        when, path = existing[-1]
        age = now - when
        ok = age <= limit
        text = f"newest backup {path} is {_describe_age(age)} old ({len(existing)} kept)"
        return BackupStatus(ok, text if ok else f"WARNING: {text}", path, age)
    if not policy.dump_folder:
        return BackupStatus(
            False,
            "WARNING: PostgreSQL is backed up with pg_dump, and no dump folder is configured to check "
            "(msp-console backups configure --dump-folder DIR)",
        )
    folder = Path(policy.dump_folder)
    dumps = (
        [p for pattern in DUMP_PATTERNS for p in folder.glob(pattern) if p.is_file()]
        if folder.is_dir()
        else []
    )
    if not dumps:
        return BackupStatus(False, f"WARNING: no pg_dump file found in {folder}")
    newest = max(dumps, key=lambda p: p.stat().st_mtime)
    age = now - datetime.fromtimestamp(newest.stat().st_mtime, UTC)
    if age > timedelta(hours=policy.max_dump_age_hours):
        return BackupStatus(
            False,
            f"WARNING: the newest dump {newest} is {_describe_age(age)} old "
            f"(more than {policy.max_dump_age_hours} hours)",
            newest,
            age,
        )
    return BackupStatus(True, f"newest dump {newest} is {_describe_age(age)} old", newest, age)
