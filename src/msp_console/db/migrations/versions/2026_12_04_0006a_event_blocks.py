"""event blocks: a check's state events of a past month packed into one row

Revision ID: 0006a_event_blocks
Revises: 0004a_history_blocks
Create Date: 2026-12-04 15:30:00

Only creates the table: the retention job packs the old events (``db.event_history``) a batch
per run, so the upgrade stays instant whatever the history's size; until then readers find
them as rows.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006a_event_blocks"
down_revision: str | None = "0004a_history_blocks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "state_event_block",
        sa.Column("check_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.BigInteger(), nullable=False),
        sa.Column("first_at", sa.BigInteger(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["check_id"], ["check.id"], name=op.f("fk_state_event_block_check_id_check"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("check_id", "start", name=op.f("pk_state_event_block")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    raise NotImplementedError("packed state events cannot be unpacked into rows again: restore a backup")
