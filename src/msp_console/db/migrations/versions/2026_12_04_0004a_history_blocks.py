"""history blocks: metric points packed per series, state events as codes + a shared output text

Revision ID: 0004a_history_blocks
Revises: 0003d_event_codes
Create Date: 2026-12-04 08:30:00

Converts an existing database in batches (``history_conversion``): state events are copied to
the compact table by id ranges, metric rows are sealed into blocks by series ranges, each batch
logging its progress. Every step looks at what is already done first, so an interrupted upgrade
simply runs again and finishes.
"""

from collections.abc import Sequence

from alembic import op

from msp_console.db.history_conversion import convert_events, convert_metrics, create_history_tables

revision: str = "0004a_history_blocks"
down_revision: str | None = "0002b"  # the monitoring branch: it converts the monitoring tables
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    create_history_tables(bind)
    convert_events(bind)
    convert_metrics(bind)


def downgrade() -> None:
    raise NotImplementedError("history blocks cannot be unpacked into rows again: restore a backup")
