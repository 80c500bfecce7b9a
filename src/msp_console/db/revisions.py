"""This version's schema heads, read straight from the revision files (no Alembic, no SQLAlchemy).

Importing Alembic costs ~150 ms and SQLAlchemy ~0.3 s; on an up-to-date database (every start but
the first after an update) the schema check needs neither. `db.migrate.is_up_to_date` and the
window's first tree (`db.sqlite_first_read`) both compare the stored revisions with these heads.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

MIGRATIONS = Path(__file__).with_name("migrations")

_ASSIGNMENT = re.compile(r"^(revision|down_revision)\b[^=]*=\s*(.+)$", re.MULTILINE)


@cache
def heads_from_files() -> frozenset[str]:
    """The revisions no other revision names as its parent."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        values: dict[str, str] = {m[1]: m[2] for m in _ASSIGNMENT.finditer(path.read_text(encoding="utf-8"))}
        revisions.add(ast.literal_eval(values["revision"]))
        down = ast.literal_eval(values.get("down_revision", "None"))
        parents.update([down] if isinstance(down, str) else (down or ()))
    return frozenset(revisions - parents)
