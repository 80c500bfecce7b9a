"""The rows of the window's first tree, read from a SQLite file with the `sqlite3` module alone.

Importing SQLAlchemy costs more than a bare PySide6 window takes to start, so the window's first
tree is read here and the app's engine is built after the first paint. The same four queries as
`services.tree.load_tree` (one per table), the same schema rule as `db.migrate.is_up_to_date`;
anything unusual (no file, an old or newer schema, a lock) raises `NotAvailable` and the caller
takes the full path.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from msp_console.db.revisions import heads_from_files

PREFIX = "sqlite:///"

ClientRow = tuple[int, str, str, bool]  # id, name, city, archived
SiteRow = tuple[int, int, str, str]  # id, client_id, name, address
MachineRow = tuple[int, int, "int | None", str, str, str, str, str, "str | None"]
# id, client_id, site_id, name, kind, address, os, tags, parent's name
CheckRow = tuple[int, "str | None"]  # machine_id, the check's current state (None: never ran)

CLIENTS = "SELECT id, name, city, archived FROM client{where} ORDER BY name"
SITES = "SELECT id, client_id, name, address FROM site ORDER BY name"
MACHINES = (
    "SELECT m.id, m.client_id, m.site_id, m.name, m.kind, m.address, m.os, m.tags, parent.name "
    "FROM machine AS m LEFT OUTER JOIN machine AS parent ON parent.id = m.parent_id ORDER BY m.name"
)
CHECKS = (
    'SELECT c.machine_id, s.state FROM "check" AS c '
    "LEFT OUTER JOIN check_status AS s ON s.check_id = c.id WHERE c.enabled = 1"
)


class NotAvailable(Exception):
    """This database cannot be read this way: open it through the app (SQLAlchemy, Alembic)."""


@dataclass(frozen=True, slots=True)
class TreeRows:
    clients: list[ClientRow]
    sites: list[SiteRow]
    machines: list[MachineRow]
    checks: list[CheckRow]


def sqlite_file(url: str) -> Path | None:
    """The file behind a plain `sqlite:///path` URL, else None (PostgreSQL, memory, options)."""
    if not url.startswith(PREFIX) or "?" in url:
        return None
    path = url[len(PREFIX) :]
    return Path(path) if path and path != ":memory:" else None


def read_tree_rows(url: str, *, include_archived: bool = False) -> TreeRows:
    """One read transaction: the schema check, then clients, sites, machines and check states."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        raise NotAvailable(f"not a SQLite file: {url}")
    try:
        # mode=rw: never creates the file (a first run goes the full way, which creates it)
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=1.0)
    except sqlite3.Error as exc:
        raise NotAvailable(str(exc)) from exc
    try:
        con.isolation_level = None
        con.execute("BEGIN")  # one snapshot for all four queries (WAL: writers are not blocked)
        stored = {row[0] for row in _all(con, "SELECT version_num FROM alembic_version")}
        if stored != heads_from_files():
            raise NotAvailable(f"schema {sorted(stored)} is not this version's")
        where = "" if include_archived else " WHERE archived = 0"
        clients = [(i, n, c, bool(a)) for i, n, c, a in _all(con, CLIENTS.format(where=where))]
        rows = TreeRows(clients, _all(con, SITES), _all(con, MACHINES), _all(con, CHECKS))
        con.execute("COMMIT")
        return rows
    except sqlite3.Error as exc:  # no such table (first run), locked, corrupt…
        raise NotAvailable(str(exc)) from exc
    finally:
        con.close()


def _all(con: sqlite3.Connection, sql: str) -> list[Any]:
    return con.execute(sql).fetchall()
