"""mail accounts, processed IMAP messages, mail settings and the invoice timeline

Revision ID: 0004g_mail
Revises: 0003d_event_codes, 0002c
Create Date: 2026-12-04 08:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from msp_console.db.base import UTCDateTime

revision: str = "0004g_mail"
# also after the billing branch: invoice_event refers to invoice (PostgreSQL checks it at CREATE)
down_revision: str | None = "0002c"  # the billing branch: invoice_event points at invoice
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mail_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("smtp_host", sa.String(length=255), nullable=False),
        sa.Column("smtp_port", sa.Integer(), nullable=False),
        sa.Column("smtp_security", sa.String(length=8), nullable=False),
        sa.Column("imap_host", sa.String(length=255), nullable=False),
        sa.Column("imap_port", sa.Integer(), nullable=False),
        sa.Column("imap_security", sa.String(length=8), nullable=False),
        sa.Column("username", sa.String(length=254), nullable=False),
        sa.Column("pinned_sha256", sa.String(length=64), nullable=True),
        sa.Column("sender_address", sa.String(length=254), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("kind in ('pec','smtp')", name=op.f("ck_mail_account_kind")),
        sa.CheckConstraint("smtp_security in ('tls','starttls')", name=op.f("ck_mail_account_smtp_security")),
        sa.CheckConstraint("imap_security in ('tls','starttls')", name=op.f("ck_mail_account_imap_security")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_account")),
        sa.UniqueConstraint("name", name=op.f("uq_mail_account_name")),
    )
    op.create_table(
        "mail_processed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("folder", sa.String(length=200), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.String(length=998), nullable=False),
        sa.Column("processed_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["mail_account.id"],
            name=op.f("fk_mail_processed_account_id_mail_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_processed")),
        sa.UniqueConstraint(
            "account_id",
            "folder",
            "uidvalidity",
            "uid",
            name=op.f("uq_mail_processed_account_id_folder_uidvalidity_uid"),
        ),
    )
    op.create_index(op.f("ix_mail_processed_account_id"), "mail_processed", ["account_id"])
    op.create_table(
        "mail_setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_mail_setting")),
    )
    op.create_table(
        "invoice_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("params", sa.JSON(), nullable=True),
        sa.Column("message_id", sa.String(length=998), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
            name=op.f("fk_invoice_event_invoice_id_invoice"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_event")),
    )
    op.create_index(op.f("ix_invoice_event_invoice_id"), "invoice_event", ["invoice_id"])
    op.create_index(op.f("ix_invoice_event_at"), "invoice_event", ["at"])
    op.create_index(op.f("ix_invoice_event_code"), "invoice_event", ["code"])


def downgrade() -> None:
    op.drop_table("invoice_event")
    op.drop_table("mail_setting")
    op.drop_table("mail_processed")
    op.drop_table("mail_account")
