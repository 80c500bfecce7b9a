"""Alembic environment: runs on the connection the app hands over (SQLite or PostgreSQL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from msp_console.db.base import Base
from msp_console.db.engine import make_engine
from msp_console.db.models import load_all

load_all()  # the models are declared lazily: autogenerate must see every table

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    # A connection handed over outside a transaction gets one per migration, and long data
    # conversions (0004a) may commit batch by batch; inside the caller's transaction all is one.
    config.attributes["durable_batches"] = not connection.in_transaction()
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _run(conn)
