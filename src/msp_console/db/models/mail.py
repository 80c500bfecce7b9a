"""Mail accounts (SMTP/PEC + IMAP), the IMAP messages already processed, mail settings (texts,
reminder rules) and the invoice timeline that records what was sent.

The password of an account is never here: it lives in the OS keyring under ``mail:<name>``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from msp_console.db.base import Base, UTCDateTime, utcnow


class MailAccount(Base):
    """One mailbox the console sends from (SMTP) and reads (IMAP): a PEC box or an ordinary one."""

    __tablename__ = "mail_account"
    __table_args__ = (
        CheckConstraint("kind in ('pec','smtp')", name="kind"),
        CheckConstraint("smtp_security in ('tls','starttls')", name="smtp_security"),
        CheckConstraint("imap_security in ('tls','starttls')", name="imap_security"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(4), default="smtp")
    smtp_host: Mapped[str] = mapped_column(String(255), default="")
    smtp_port: Mapped[int] = mapped_column(Integer, default=465)
    smtp_security: Mapped[str] = mapped_column(String(8), default="tls")
    imap_host: Mapped[str] = mapped_column(String(255), default="")
    imap_port: Mapped[int] = mapped_column(Integer, default=993)
    imap_security: Mapped[str] = mapped_column(String(8), default="tls")
    username: Mapped[str] = mapped_column(String(254), default="")
    # SHA-256 of the server certificate (hex) the user accepted although no CA vouches for it
    pinned_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    sender_address: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailProcessed(Base):
    """An IMAP message already handled, so a second run changes nothing even if the server lost
    the ``$MspProcessed`` keyword (UIDs are only meaningful with their folder's UIDVALIDITY)."""

    __tablename__ = "mail_processed"
    __table_args__ = (UniqueConstraint("account_id", "folder", "uidvalidity", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("mail_account.id", ondelete="CASCADE"), index=True)
    folder: Mapped[str] = mapped_column(String(200))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)  # IMAP: unsigned 32-bit, past INTEGER's range
    uid: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[str] = mapped_column(String(998), default="")
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailSetting(Base):
    """Mail settings as key/value text: message templates per language, reminder days."""

    __tablename__ = "mail_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class InvoiceEvent(Base):
    """One line of an invoice's timeline (courtesy copy e-mailed, reminder sent, SdI sending…):
    a code plus values, worded by each reader in its language."""

    __tablename__ = "invoice_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    params: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    message_id: Mapped[str] = mapped_column(String(998), default="")
    author: Mapped[str] = mapped_column(String(100), default="")
