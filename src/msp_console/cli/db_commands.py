"""`msp-console db upgrade|current`."""

from __future__ import annotations

import argparse

from msp_console.cli.common import EXIT_DATABASE, CommandError, show_progress
from msp_console.db.migrate import current_revision, head_revision, upgrade
from msp_console.services.database import Database
from msp_console.settings import resolve_database_url


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="database schema")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbsub.add_parser("upgrade", help="upgrade the schema to this version's (done on every start too)")
    up.set_defaults(handler=_upgrade)
    cur = dbsub.add_parser("current", help="print the schema revision of the database")
    cur.set_defaults(handler=_current)


def _database(args: argparse.Namespace) -> Database:
    return Database(resolve_database_url(args.database, demo=args.demo))


def _upgrade(args: argparse.Namespace) -> int:
    db = _database(args)
    try:
        before, after = upgrade(db.engine, show_progress)
    except Exception as exc:
        raise CommandError(f"cannot upgrade the database: {exc}", EXIT_DATABASE) from exc
    finally:
        db.dispose()
    print(f"schema {before or 'empty'} → {after}" if before != after else f"schema already at {after}")
    return 0


def _current(args: argparse.Namespace) -> int:
    db = _database(args)
    try:
        print(f"{current_revision(db.engine) or 'empty'} (this version's head: {head_revision()})")
    finally:
        db.dispose()
    return 0
