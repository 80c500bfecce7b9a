"""The window's first tree without SQLAlchemy (a SQLite file whose schema is current), or None."""

from __future__ import annotations

import logging

from msp_console.db.sqlite_first_read import NotAvailable, read_tree_rows
from msp_console.monitoring.machine_states import states_from_rows
from msp_console.services.tree_snapshot import build_snapshot
from msp_console.services.views import TreeSnapshot

log = logging.getLogger(__name__)


def read_first_tree(url: str, *, include_archived: bool = False) -> TreeSnapshot | None:
    """The same snapshot `services.tree.load_tree` gives, read with `sqlite3`; None when this
    database must be opened the full way (PostgreSQL, no file yet, schema to migrate, locked…)."""
    try:
        rows = read_tree_rows(url, include_archived=include_archived)
    except NotAvailable as exc:
        log.info("first tree the full way: %s", exc)
        return None
    return build_snapshot(rows.clients, rows.sites, rows.machines, states_from_rows(rows.checks))
