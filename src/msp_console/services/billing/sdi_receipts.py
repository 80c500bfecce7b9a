"""Applying the SdI's notifications to the files this console sent: exactly once each.

A notification is matched by NomeFile (else by IdentificativoSdI); it becomes an event of that
transmission whose ``notification`` key is unique, so reading the same notification again — a
second fetch, a fetch killed before it marked the message, the same file given by hand — is
recognised and changes nothing. A notification for a file this console never sent changes
nothing either, and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from msp_console.billing.sdi_notifications import Notification, NotificationError, read
from msp_console.db.models import Invoice
from msp_console.db.models.sdi import SdiEvent, SdiTransmission
from msp_console.domain.billing.sdi_states import next_state
from msp_console.services.billing.sdi_records import record_event
from msp_console.services.database import Database

APPLIED, DUPLICATE, UNKNOWN, INVALID = "applied", "duplicate", "unknown", "invalid"


@dataclass(frozen=True, slots=True)
class Applied:
    source: str  # the attachment's or the file's name
    outcome: str  # applied, duplicate, unknown, invalid
    message: str
    kind: str = ""
    number: str = ""  # the invoice's number
    file_name: str = ""  # the invoice file it answers
    state: str = ""  # the transmission's state after it
    errors: tuple[tuple[str, str], ...] = ()


def _detail(note: Notification) -> str:
    parts = [f"SdI {note.sdi_id}"] if note.sdi_id else []
    if note.received_at is not None:
        parts.append(f"received {note.received_at.isoformat()}")
    if note.description:
        parts.append(note.description)
    if note.signer:
        parts.append(f"signed by {note.signer}")
    return "; ".join(parts)


def _rejected_at(note: Notification, transmission: SdiTransmission) -> datetime | None:
    """When the 5 days to resend with the same number start: the SdI's own time on a rejection,
    when it is plausible (not before this file was sent); else now, when the console learns it."""
    if note.kind != "NS" or note.received_at is None:
        return None
    if note.received_at < transmission.created_at - timedelta(days=1):
        return None
    return note.received_at


def _match(session: Session, note: Notification) -> SdiTransmission | None:
    """The file it names (NomeFile, with or without .p7m); else the one the SdI gave that id."""
    by_name = select(SdiTransmission).where(
        or_(SdiTransmission.file_name == note.invoice_file, SdiTransmission.file_name == note.file_name)
    )
    found = session.scalars(by_name.order_by(SdiTransmission.id.desc()).limit(1)).first()
    if found is None and note.sdi_id:
        found = session.scalars(
            select(SdiTransmission).where(SdiTransmission.sdi_id == note.sdi_id).limit(1)
        ).first()
    return found


def apply(db: Database, note: Notification, source: str) -> Applied:
    """One notification applied in its own transaction (or recognised as already applied)."""
    try:
        with db.transaction() as session:
            if session.scalar(select(SdiEvent.id).where(SdiEvent.notification == note.key)) is not None:
                return Applied(source, DUPLICATE, f"{source}: already applied, nothing changed", note.kind)
            transmission = _match(session, note)
            if transmission is None:
                return Applied(
                    source,
                    UNKNOWN,
                    f"{source}: {note.kind} for {note.file_name}, a file this console never sent: "
                    "nothing changed",
                    note.kind,
                    file_name=note.file_name,
                )
            if not transmission.sdi_id and note.sdi_id:
                transmission.sdi_id = note.sdi_id
            state = next_state(transmission.state, note.state)
            record_event(
                transmission,
                note.kind,
                state,
                notification=note.key,
                detail=_detail(note),
                errors=[list(e) for e in note.errors] or None,
                at=_rejected_at(note, transmission),
            )
            number = session.scalar(select(Invoice.number).where(Invoice.id == transmission.invoice_id)) or ""
            message = f"{source}: {number} ({transmission.file_name}) {note.kind} → {state}"
            if note.errors:
                message += "".join(f"\n    {code} {text}" for code, text in note.errors)
            return Applied(
                source, APPLIED, message, note.kind, number, transmission.file_name, state, note.errors
            )
    except IntegrityError:  # applied by someone else between the check and the insert
        return Applied(source, DUPLICATE, f"{source}: already applied, nothing changed", note.kind)


def apply_bytes(db: Database, data: bytes, name: str) -> Applied:
    try:
        note = read(data, name)
    except NotificationError as exc:
        return Applied(name, INVALID, f"{exc}: nothing changed")
    return apply(db, note, name)


def apply_files(db: Database, paths: Iterable[Path]) -> list[Applied]:
    """``sdi receipt FILE…``: notifications saved by hand, each applied on its own."""
    out = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            out.append(
                Applied(str(path), INVALID, f"{path}: cannot be read ({exc.strerror}): nothing changed")
            )
            continue
        out.append(apply_bytes(db, data, Path(path).name))
    return out
