"""The SdI channel: where invoices are sent, each sending of a file, and what the SdI answered.

A file name (IT<VAT>_<progressive>.xml) can be used once in the sender's life: the progressive
comes from ``sdi_channel.last_progressive``, incremented under the row's lock in the same
transaction that records the sending. Each notification applied is an event whose
``notification`` name is unique, so a notification read twice is applied once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from msp_console.db.base import Base, UTCDateTime, utcnow

SDI_DEFAULT_ADDRESS = "sdi@pec.fatturapa.it"  # the SdI's public PEC address for a first sending


class SdiChannel(Base):
    """One row (id 1): the SdI's address, the dedicated one its first reply gave, the counter."""

    __tablename__ = "sdi_channel"

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(254), default=SDI_DEFAULT_ADDRESS)
    dedicated_address: Mapped[str] = mapped_column(String(254), default="")
    account: Mapped[str] = mapped_column(String(100), default="")  # the PEC mail account's name
    last_progressive: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class SdiTransmission(Base):
    """One file sent (or being sent) to the SdI for an invoice; ``state`` is the latest answer."""

    __tablename__ = "sdi_transmission"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id", ondelete="RESTRICT"), index=True)
    file_name: Mapped[str] = mapped_column(String(50), unique=True)
    progressive: Mapped[str] = mapped_column(String(5), unique=True)
    state: Mapped[str] = mapped_column(String(20), default="sending", index=True)
    message_id: Mapped[str] = mapped_column(String(300), default="")  # of the PEC message sent
    sdi_id: Mapped[str] = mapped_column(String(20), default="")  # IdentificativoSdI, once known
    to_address: Mapped[str] = mapped_column(String(254), default="")
    error: Mapped[str] = mapped_column(Text, default="")  # why a sending failed (to retry)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    events: Mapped[list[SdiEvent]] = relationship(
        back_populates="transmission", cascade="all, delete-orphan", order_by="SdiEvent.id"
    )


class SdiEvent(Base):
    """The history of a transmission: sent, then each notification (RC, NS, MC, NE, DT, AT)."""

    __tablename__ = "sdi_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    transmission_id: Mapped[int] = mapped_column(
        ForeignKey("sdi_transmission.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(10))  # sent, failed, RC, NS, MC, NE, DT, AT
    state: Mapped[str] = mapped_column(String(20))  # the transmission's state after this event
    notification: Mapped[str | None] = mapped_column(String(80), unique=True, default=None)
    detail: Mapped[str] = mapped_column(Text, default="")
    errors: Mapped[list[Any] | None] = mapped_column(JSON, default=None)  # NS: [[Codice, Descrizione]…]

    transmission: Mapped[SdiTransmission] = relationship(back_populates="events")
