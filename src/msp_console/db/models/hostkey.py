"""The console's own SSH known-hosts store: which host key a technician trusted, per host:port."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from msp_console.db.base import Base, UTCDateTime, utcnow


class HostKey(Base):
    """One key seen on host:port; ``trusted_at`` is None until a technician trusts it."""

    __tablename__ = "host_key"
    __table_args__ = (UniqueConstraint("host", "port", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    host: Mapped[str] = mapped_column(String(255), index=True)
    port: Mapped[int] = mapped_column(default=22)
    key_type: Mapped[str] = mapped_column(String(40), default="")
    fingerprint: Mapped[str] = mapped_column(String(100))  # "SHA256:<base64, no padding>"
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    trusted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
