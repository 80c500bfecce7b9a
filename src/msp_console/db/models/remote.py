"""Remote-session profiles (how to reach a machine) and named credentials — keyring refs only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from msp_console.db.base import Base, UTCDateTime, utcnow


class RemoteProfile(Base):
    """One way to open a session on a machine (ssh, rdp, vnc, web, vendor tool, custom command)."""

    __tablename__ = "remote_profile"
    __table_args__ = (UniqueConstraint("machine_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    machine_id: Mapped[int] = mapped_column(ForeignKey("machine.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    protocol: Mapped[str] = mapped_column(String(20))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    host: Mapped[str] = mapped_column(String(255), default="")  # "" = the machine's address
    port: Mapped[int | None] = mapped_column(Integer, default=None)  # None = the protocol's default
    user: Mapped[str] = mapped_column(String(200), default="")
    domain: Mapped[str] = mapped_column(String(200), default="")
    # profile | client | shared | prompt | none
    credential_mode: Mapped[str] = mapped_column(String(10), default="none")
    shared_name: Mapped[str] = mapped_column(String(100), default="")
    secret_ref: Mapped[str] = mapped_column(String(200), default="")  # keyring reference, never a secret
    jump_machine_id: Mapped[int | None] = mapped_column(
        ForeignKey("machine.id", ondelete="SET NULL"), default=None
    )
    options: Mapped[str] = mapped_column(Text, default="{}")  # JSON object, validated by remote.profiles
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RemoteCredential(Base):
    """A client-level admin account (client_id set) or a named shared credential (client_id NULL)."""

    __tablename__ = "remote_credential"
    __table_args__ = (UniqueConstraint("secret_ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("client.id", ondelete="CASCADE"), index=True, default=None
    )
    name: Mapped[str] = mapped_column(String(100))
    user: Mapped[str] = mapped_column(String(200), default="")
    domain: Mapped[str] = mapped_column(String(200), default="")
    secret_ref: Mapped[str] = mapped_column(String(200))


class RemoteSessionDetail(Base):
    """What session_log (interventions' table) does not hold: who, which profile, through which tunnel."""

    __tablename__ = "remote_session_detail"

    # session_log.id — no FK: that table lives on the interventions' migration branch, and a
    # cross-branch dependency would hide 0002d from the schema-version check.
    session_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("remote_profile.id", ondelete="SET NULL"), default=None
    )
    profile_name: Mapped[str] = mapped_column(String(100), default="")
    technician: Mapped[str] = mapped_column(String(100), default="")
    target: Mapped[str] = mapped_column(String(300), default="")
    tunnel: Mapped[str] = mapped_column(String(300), default="")
    tool: Mapped[str] = mapped_column(String(100), default="")
