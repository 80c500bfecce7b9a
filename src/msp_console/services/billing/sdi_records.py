"""The record of what went to the SdI: the channel row, file names that never repeat, each
transmission's state and history, read back for the CLI and the Billing tab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from msp_console.db.models import Invoice
from msp_console.db.models.sdi import SdiChannel, SdiEvent, SdiTransmission
from msp_console.domain.billing import sdi_states
from msp_console.domain.billing.numbering import sdi_progressive
from msp_console.domain.errors import ValidationError
from msp_console.services.database import Database


def channel(session: Session) -> SdiChannel:
    """The one channel row, created with the defaults the first time."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(SdiChannel).values(id=1).on_conflict_do_nothing(index_elements=["id"]))
    row = session.get(SdiChannel, 1)
    assert row is not None
    return row


def next_progressive(session: Session) -> str:
    """The next 5-character progressive, taken in the caller's transaction (one atomic UPDATE:
    two consoles sending at once get different ones; a rolled-back sending leaves a gap, never a
    repeat, since the SdI refuses a file name it has seen — error 00002)."""
    channel(session)
    value = session.execute(
        update(SdiChannel)
        .where(SdiChannel.id == 1)
        .values(last_progressive=SdiChannel.last_progressive + 1)
        .returning(SdiChannel.last_progressive)
    ).scalar_one()
    session.expire_all()
    return sdi_progressive(value)


def latest(session: Session, invoice_id: int) -> SdiTransmission | None:
    return session.scalars(
        select(SdiTransmission)
        .where(SdiTransmission.invoice_id == invoice_id)
        .order_by(SdiTransmission.id.desc())
        .limit(1)
    ).first()


def refuse_second_sending(session: Session, invoice: Invoice) -> None:
    """An invoice goes to the SdI once; again only after the SdI rejected it (or the mail
    server refused it, so it never arrived)."""
    last = latest(session, invoice.id)
    if last is not None and last.state not in sdi_states.RESENDABLE:
        raise ValidationError.single(
            "number",
            f"{invoice.number} was already sent to the SdI as {last.file_name} ({last.state}): "
            "only a rejected invoice is sent again",
            "sdi_already_sent",
            number=invoice.number or "",
            file=last.file_name,
            state=last.state,
        )


def record_event(
    transmission: SdiTransmission,
    kind: str,
    state: str,
    *,
    notification: str | None = None,
    detail: str = "",
    errors: list[list[str]] | None = None,
    at: datetime | None = None,
) -> SdiEvent:
    event = SdiEvent(kind=kind, state=state, notification=notification, detail=detail, errors=errors)
    if at is not None:
        event.at = at
    transmission.events.append(event)
    transmission.state = state
    return event


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: datetime
    kind: str
    state: str
    file_name: str
    notification: str
    detail: str
    errors: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class SdiStatus:
    invoice_id: int
    number: str
    state: str  # "" when never sent
    file_name: str
    sdi_id: str
    error: str
    history: tuple[HistoryEntry, ...]

    @property
    def rejection(self) -> HistoryEntry | None:
        return next((h for h in reversed(self.history) if h.kind == "NS"), None)


def status_of(db: Database, invoice_ids: list[int] | None = None) -> dict[int, SdiStatus]:
    """Each invoice's latest SdI state and the whole history of all its files, oldest first."""
    with db.read() as session:
        stmt = select(SdiTransmission).options(selectinload(SdiTransmission.events))
        if invoice_ids is not None:
            stmt = stmt.where(SdiTransmission.invoice_id.in_(invoice_ids))
        rows = list(session.scalars(stmt.order_by(SdiTransmission.id)))
        numbers = dict(
            session.execute(
                select(Invoice.id, Invoice.number).where(Invoice.id.in_({t.invoice_id for t in rows}))
            ).all()
        )
        by_invoice: dict[int, list[SdiTransmission]] = {}
        for t in rows:
            by_invoice.setdefault(t.invoice_id, []).append(t)
        out = {}
        for invoice_id, files in by_invoice.items():
            last = files[-1]
            history = tuple(
                HistoryEntry(
                    e.at,
                    e.kind,
                    e.state,
                    t.file_name,
                    e.notification or "",
                    e.detail,
                    tuple((str(c), str(d)) for c, d in (e.errors or [])),
                )
                for t in files
                for e in t.events
            )
            out[invoice_id] = SdiStatus(
                invoice_id,
                numbers.get(invoice_id) or "",
                last.state,
                last.file_name,
                last.sdi_id,
                last.error,
                history,
            )
        return out
