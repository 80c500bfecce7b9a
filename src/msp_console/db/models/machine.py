"""A machine of a client's fleet (parco macchine)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from msp_console.db.base import Base, UTCDateTime, utcnow

if TYPE_CHECKING:
    from msp_console.db.models.client import Client, Site


class Machine(Base):
    __tablename__ = "machine"
    __table_args__ = (UniqueConstraint("client_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[int | None] = mapped_column(
        ForeignKey("site.id", ondelete="SET NULL"), index=True, default=None
    )
    # The firewall/gateway the machine sits behind: when it is down, the machine is UNREACHABLE.
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("machine.id", ondelete="SET NULL"), index=True, default=None
    )
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="other")
    address: Mapped[str] = mapped_column(String(255), default="")
    os: Mapped[str] = mapped_column(String(20), default="other")
    tags: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    client: Mapped[Client] = relationship(back_populates="machines")
    site: Mapped[Site | None] = relationship(back_populates="machines")
    parent: Mapped[Machine | None] = relationship(remote_side=[id])
