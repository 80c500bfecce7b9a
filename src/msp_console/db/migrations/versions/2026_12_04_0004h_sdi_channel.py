"""SdI channel: the SdI's address and file counter, each file sent, and the SdI's notifications

Revision ID: 0004h_sdi_channel
Revises: 0003d_event_codes, 0002c
Create Date: 2026-12-04 08:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import msp_console.db.base

revision: str = "0004h_sdi_channel"
# Also after billing (0002c): sdi_transmission refers to invoice, and on PostgreSQL the foreign key
# needs that table to exist whatever order the branches are upgraded in.
down_revision: str | tuple[str, ...] | None = "0004g_mail"  # billing branch, after the mail tables
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sdi_channel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("dedicated_address", sa.String(length=254), nullable=False),
        sa.Column("account", sa.String(length=100), nullable=False),
        sa.Column("last_progressive", sa.Integer(), nullable=False),
        sa.Column("updated_at", msp_console.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sdi_channel")),
    )
    op.create_table(
        "sdi_transmission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=50), nullable=False),
        sa.Column("progressive", sa.String(length=5), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=False),
        sa.Column("sdi_id", sa.String(length=20), nullable=False),
        sa.Column("to_address", sa.String(length=254), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", msp_console.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", msp_console.db.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
            name=op.f("fk_sdi_transmission_invoice_id_invoice"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sdi_transmission")),
        sa.UniqueConstraint("file_name", name=op.f("uq_sdi_transmission_file_name")),
        sa.UniqueConstraint("progressive", name=op.f("uq_sdi_transmission_progressive")),
    )
    op.create_index(op.f("ix_sdi_transmission_invoice_id"), "sdi_transmission", ["invoice_id"])
    op.create_index(op.f("ix_sdi_transmission_state"), "sdi_transmission", ["state"])
    op.create_table(
        "sdi_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transmission_id", sa.Integer(), nullable=False),
        sa.Column("at", msp_console.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("notification", sa.String(length=80), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["transmission_id"],
            ["sdi_transmission.id"],
            name=op.f("fk_sdi_event_transmission_id_sdi_transmission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sdi_event")),
        sa.UniqueConstraint("notification", name=op.f("uq_sdi_event_notification")),
    )
    op.create_index(op.f("ix_sdi_event_transmission_id"), "sdi_event", ["transmission_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sdi_event_transmission_id"), table_name="sdi_event")
    op.drop_table("sdi_event")
    op.drop_index(op.f("ix_sdi_transmission_state"), table_name="sdi_transmission")
    op.drop_index(op.f("ix_sdi_transmission_invoice_id"), table_name="sdi_transmission")
    op.drop_table("sdi_transmission")
    op.drop_table("sdi_channel")
