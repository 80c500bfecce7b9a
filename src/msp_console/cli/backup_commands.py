"""`msp-console backup FILE`, `restore FILE`, `backups run-scheduled|status|list|restore|configure`."""

from __future__ import annotations

import argparse
from pathlib import Path

from msp_console.cli.common import EXIT_INPUT, EXIT_OK, CommandError, print_json
from msp_console.services.backup import BackupError, backup_sqlite, restore_sqlite
from msp_console.services.backup_schedule import (
    BackupFile,
    backup_files,
    backup_status,
    load_policy,
    run_scheduled,
    update_policy,
)
from msp_console.services.disk_space import describe_bytes
from msp_console.settings import resolve_database_url


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser(
        "backup",
        help="copy the embedded database to FILE (online, checked); `backup status` checks for recent ones",
    )
    b.add_argument("file", type=Path, metavar="FILE", help="ending in .zst: compressed with zstd")
    b.set_defaults(handler=_backup)
    r = sub.add_parser(
        "restore",
        help="replace the database by the backup FILE (checked first; the current one is kept aside)",
    )
    r.add_argument("file", type=Path, metavar="FILE")
    r.set_defaults(handler=_restore)

    g = sub.add_parser("backups", help="scheduled backups: run, status, list, policy")
    gsub = g.add_subparsers(dest="backups_command", metavar="ACTION", required=True)
    run = gsub.add_parser("run-scheduled", help="back up now if the last backup is older than the interval")
    run.add_argument("--force", action="store_true", help="back up even if a recent backup exists")
    run.add_argument("--keep", type=int, help="keep this many backups this time (default: the policy's)")
    run.set_defaults(handler=_run_scheduled)
    st = gsub.add_parser("status", help="warn (exit 1) when no recent backup or pg_dump file is found")
    st.add_argument("--json", action="store_true", help="print JSON")
    st.set_defaults(handler=_status)
    ls = gsub.add_parser("list", help="the scheduled backups kept, oldest first, with their sizes")
    ls.add_argument("--json", action="store_true", help="print JSON (keys documented in the README)")
    ls.set_defaults(handler=_list)
    rs = gsub.add_parser(
        "restore", help="restore a scheduled backup: its name from `backups list`, or `newest`"
    )
    rs.add_argument("backup", metavar="BACKUP", help="a name from `backups list` (or its date), or newest")
    rs.set_defaults(handler=_restore_scheduled)
    cf = gsub.add_parser("configure", help="show or change the backup policy")
    cf.add_argument("--keep", type=int, help="how many scheduled backups to keep (default 14)")
    cf.add_argument("--interval-hours", type=int, help="hours between scheduled backups (default 24)")
    cf.add_argument("--folder", help="where scheduled backups go (default <data dir>/backups)")
    cf.add_argument("--dump-folder", help="PostgreSQL: the folder where pg_dump files are written")
    cf.add_argument("--max-dump-age-hours", type=int, help="PostgreSQL: warn when the newest dump is older")
    on = cf.add_mutually_exclusive_group()
    on.add_argument("--enable", dest="enabled", action="store_true", default=None, help="turn scheduling on")
    on.add_argument("--disable", dest="enabled", action="store_false", help="turn scheduling off")
    cf.set_defaults(handler=_configure)


def _url(args: argparse.Namespace) -> str:
    return resolve_database_url(getattr(args, "database", None), demo=bool(getattr(args, "demo", False)))


def _is_postgres(url: str) -> bool:
    return not url.startswith("sqlite")


def _backup(args: argparse.Namespace) -> int:
    if str(args.file) == "status":  # `msp-console backup status`: same as `backups status`
        return _status(args)
    url = _url(args)
    if _is_postgres(url):
        return _backup_postgres(url, args.file)
    try:
        result = backup_sqlite(url, args.file)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"backed up to {result.path} ({result.size:,} bytes, integrity ok)")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    return _restore_file(_url(args), args.file)


def _backup_postgres(url: str, file: Path) -> int:
    from msp_console.services.backup_postgres import backup_postgres

    try:
        size = backup_postgres(url, file)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"backed up to {file} ({size:,} bytes, pg_dump custom format)")
    return EXIT_OK


def _restore_postgres(url: str, file: Path) -> int:
    from msp_console.db.engine import make_engine
    from msp_console.db.migrate import upgrade
    from msp_console.services.backup_postgres import restore_postgres

    try:
        restore_postgres(url, file)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    print(f"restored {file} into the PostgreSQL database")
    return EXIT_OK


def _restore_file(url: str, file: Path) -> int:
    if _is_postgres(url):
        return _restore_postgres(url, file)
    try:
        result = restore_sqlite(url, file)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"restored {file} into {result.database}")
    if result.set_aside:
        print(f"the previous database is kept as {result.set_aside}")
    if result.schema_before != result.schema_after:
        print(f"schema upgraded {result.schema_before} → {result.schema_after}")
    return EXIT_OK


def _run_scheduled(args: argparse.Namespace) -> int:
    policy = load_policy()
    if args.keep is not None:
        if args.keep < 1:
            raise CommandError("--keep: keep at least 1 backup")
        from dataclasses import replace

        policy = replace(policy, keep=args.keep)
    try:
        run = run_scheduled(_url(args), policy=policy, force=args.force)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    if run.made:
        print(f"backed up to {run.made.path}")
        for path in run.removed:
            print(f"removed old backup {path}")
    else:
        print(f"no backup made: {run.reason}" + (f" ({run.newest})" if run.newest else ""))
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    status = backup_status(_url(args))
    if getattr(args, "json", False):
        print_json({"ok": status.ok, "message": status.message, "newest": status.newest})
    else:
        print(status.message)
    return EXIT_OK if status.ok else EXIT_INPUT


def _list(args: argparse.Namespace) -> int:
    folder = load_policy().backup_folder()
    files = backup_files(folder)
    total = sum(b.size for b in files)
    if args.json:
        print_json(
            {
                "folder": str(folder),
                "count": len(files),
                "total_bytes": total,
                "backups": [
                    {
                        "name": b.path.name,
                        "path": str(b.path),
                        "created": b.when.isoformat(),
                        "kind": b.kind,
                        "bytes": b.size,
                    }
                    for b in files
                ],
            }
        )
        return EXIT_OK
    for b in files:
        print(f"{b.when:%Y-%m-%d %H:%M} UTC  {b.kind:5s}  {describe_bytes(b.size):>10}  {b.path}")
    print(f"{len(files)} backups, {describe_bytes(total)} in {folder}")
    return EXIT_OK


def _pick(files: list[BackupFile], wanted: str) -> BackupFile:
    """`newest`, a file name, or a unique part of it such as the date 20261204."""
    if not files:
        raise CommandError(f"no scheduled backup in {load_policy().backup_folder()}")
    if wanted == "newest":
        return files[-1]
    exact = [b for b in files if b.path.name == Path(wanted).name]
    matches = exact or [b for b in files if wanted in b.path.name]
    if len(matches) != 1:
        found = "no backup matches" if not matches else f"{len(matches)} backups match"
        raise CommandError(f"BACKUP: {found} {wanted!r}; see `msp-console backups list`")
    return matches[0]


def _restore_scheduled(args: argparse.Namespace) -> int:
    chosen = _pick(backup_files(load_policy().backup_folder()), args.backup)
    return _restore_file(_url(args), chosen.path)


def _configure(args: argparse.Namespace) -> int:
    try:
        policy = update_policy(
            keep=args.keep,
            interval_hours=args.interval_hours,
            folder=args.folder,
            dump_folder=args.dump_folder,
            max_dump_age_hours=args.max_dump_age_hours,
            enabled=args.enabled,
        )
    except ValueError as exc:
        raise CommandError(f"nothing was changed: {exc}") from exc
    print_json({**policy.__dict__, "backup_folder": str(policy.backup_folder())})
    return EXIT_OK
