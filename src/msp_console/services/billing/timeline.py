"""The invoice's timeline: what happened to an issued invoice after issuing (courtesy copy and
reminders e-mailed, SdI sendings and receipts…), as a code plus values each reader words in its
own language. Codes in use: ``courtesy_sent``, ``reminder_sent`` (more come with the SdI)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.db.models import InvoiceEvent
from msp_console.services.database import Database


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    at: datetime
    code: str
    params: dict[str, Any]
    message_id: str
    author: str


def record_event(
    session: Session,
    invoice_id: int,
    code: str,
    params: dict[str, Any] | None = None,
    *,
    message_id: str = "",
    author: str = "",
    at: datetime | None = None,
) -> None:
    event = InvoiceEvent(
        invoice_id=invoice_id,
        code=code,
        params=params or {},
        message_id=message_id[:998],
        author=author[:100],
    )
    if at is not None:
        event.at = at
    session.add(event)


def events_of(db: Database, invoice_id: int) -> list[TimelineEvent]:
    with db.read() as session:
        rows = session.scalars(
            select(InvoiceEvent)
            .where(InvoiceEvent.invoice_id == invoice_id)
            .order_by(InvoiceEvent.at, InvoiceEvent.id)
        )
        return [TimelineEvent(r.at, r.code, dict(r.params or {}), r.message_id, r.author) for r in rows]


def last_event_at(session: Session, invoice_ids: Iterable[int], code: str) -> dict[int, datetime]:
    """invoice id → when ``code`` last happened to it (invoices without it are left out)."""
    ids = list(invoice_ids)
    if not ids:
        return {}
    stmt = (
        select(InvoiceEvent.invoice_id, func.max(InvoiceEvent.at))
        .where(InvoiceEvent.invoice_id.in_(ids), InvoiceEvent.code == code)
        .group_by(InvoiceEvent.invoice_id)
    )
    return {invoice_id: at for invoice_id, at in session.execute(stmt)}  # max() keeps the UTC type
