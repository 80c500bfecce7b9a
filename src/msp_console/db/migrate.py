"""Schema upgrades: the app runs them on start, `msp-console db upgrade` on demand.

Features add their tables on their own Alembic branch off the first revision, so the
schema may have several heads; upgrading always goes to all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from msp_console.db.revisions import MIGRATIONS, heads_from_files

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


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


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to this version's heads; returns (before, after)."""
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
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
    return before, current_revision(engine) or ""
