"""timeline event codes: what happened as a code + values, worded by each reader in its language

Revision ID: 0003d_event_codes
Revises: 0002d
Create Date: 2026-12-04 05:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003d_event_codes"
down_revision: str | None = "0002d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("intervention_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("code", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("params", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("intervention_event", schema=None) as batch_op:
        batch_op.drop_column("params")
        batch_op.drop_column("code")
