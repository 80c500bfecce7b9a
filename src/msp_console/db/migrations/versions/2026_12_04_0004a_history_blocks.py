"""history blocks: metric points packed per series, state events as codes + a shared output text

Revision ID: 0004a_history_blocks
Revises: 0003d_event_codes
Create Date: 2026-12-04 08:30:00

Converts an existing database in batches (``history_conversion``): state events are copied to
the compact table by id ranges, metric rows are sealed into blocks by series ranges, each batch
reporting its progress. When the upgrade runs a transaction per migration (``db.migrate`` does),
the new tables are committed first and every batch then commits on its own, so an upgrade that
is killed keeps its batches; every step looks at what is already done first, so the next upgrade
carries on from there and finishes. Run inside one outer transaction it is all or nothing.
"""

from collections.abc import Sequence

from alembic import op

from msp_console.db.history_conversion import (
    committed_batches,
    convert_events,
    convert_metrics,
    create_history_tables,
    joined_batches,
)

revision: str = "0004a_history_blocks"
down_revision: str | None = "0002b"  # the monitoring branch: it converts the monitoring tables
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    create_history_tables(bind)
    context = op.get_context()
    attributes = context.config.attributes if context.config is not None else {}
    progress = attributes.get("progress")
    if attributes.get("durable_batches"):
        with context.autocommit_block():  # commits the tables; the batches commit one by one
            batch = committed_batches(bind.engine)
            convert_events(batch, progress)
            convert_metrics(batch, progress)
    else:
        batch = joined_batches(bind)
        convert_events(batch, progress)
        convert_metrics(batch, progress)


def downgrade() -> None:
    raise NotImplementedError("history blocks cannot be unpacked into rows again: restore a backup")
