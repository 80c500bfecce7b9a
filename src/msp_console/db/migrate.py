"""Schema upgrades: the app runs them on start, `msp-console db upgrade` on demand.

Features add their tables on their own Alembic branch off the first revision, so the
schema may have several heads; upgrading always goes to all of them.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from msp_console.db.revisions import MIGRATIONS, heads_from_files

if TYPE_CHECKING:
    from collections.abc import Callable

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from msp_console.db.history_conversion import Progress

_UPGRADE_LOCK = 0x6D73_7075  # PostgreSQL: one console upgrades at a time (the batches commit)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer MSP Console than this one."""


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s")
    return cfg


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS))


_heads_from_files = heads_from_files  # the name the tests and older callers use


def is_up_to_date(engine: Engine) -> bool:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        stored = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    return stored == heads_from_files()


def head_revision() -> str:
    """This version's schema, as one text ('a+b' when several feature branches are heads)."""
    return "+".join(sorted(_scripts().get_heads()))


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    return "+".join(sorted(heads)) or None


def upgrade(engine: Engine, progress: Callable[[Progress], None] | None = None) -> tuple[str | None, str]:
    """Bring the schema to this version's heads; returns (before, after).

    Each migration commits on its own, and a long data conversion commits batch by batch,
    calling ``progress`` after each (``history_conversion.Progress``; its text is a line to
    show): an upgrade that is interrupted keeps what it did, and the next one carries on.
    """
    if is_up_to_date(engine):
        now = "+".join(sorted(_heads_from_files()))
        return now, now
    from alembic import command

    before = current_revision(engine)
    known = {s.revision for s in _scripts().walk_revisions()}
    unknown = [r for r in (before or "").split("+") if r and r not in known]
    if unknown:
        raise SchemaTooNewError(
            f"the database schema ({before}) is newer than this version of MSP Console: update the app"
        )
    cfg = alembic_config(engine)
    cfg.attributes["progress"] = progress
    with engine.connect() as conn:  # not begun: Alembic runs a transaction per migration
        team = conn.dialect.name == "postgresql"
        if team:  # another console upgrading too waits, then finds the work done
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _UPGRADE_LOCK})
            conn.commit()
        try:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
            conn.commit()  # anything Alembic's bookkeeping left open
        finally:
            if team:
                with suppress(Exception):  # a lost connection has dropped the lock with it
                    conn.rollback()
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _UPGRADE_LOCK})
                    conn.commit()
    return before, current_revision(engine) or ""
