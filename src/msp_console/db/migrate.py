"""Schema upgrades: the app runs them on start, `msp-console db upgrade` on demand.

Features add their tables on their own Alembic branch off the first revision, so the
schema may have several heads; upgrading always goes to all of them.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer MSP Console than this one."""


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s")
    return cfg


def _scripts() -> ScriptDirectory:
    return ScriptDirectory(str(MIGRATIONS))


def head_revision() -> str:
    """This version's schema, as one text ('a+b' when several feature branches are heads)."""
    return "+".join(sorted(_scripts().get_heads()))


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    return "+".join(sorted(heads)) or None


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to this version's heads; returns (before, after)."""
    before = current_revision(engine)
    known = {s.revision for s in _scripts().walk_revisions()}
    unknown = [r for r in (before or "").split("+") if r and r not in known]
    if unknown:
        raise SchemaTooNewError(
            f"the database schema ({before}) is newer than this version of MSP Console: update the app"
        )
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
    return before, current_revision(engine) or ""
