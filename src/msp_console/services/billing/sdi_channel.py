"""The SdI channel's settings: the SdI's address, the dedicated one it gave, the PEC account."""

from __future__ import annotations

from typing import Any

from msp_console.domain import validation
from msp_console.domain.errors import FieldError, ValidationError
from msp_console.services.billing.sdi_records import channel
from msp_console.services.database import Database


def show_channel(db: Database) -> dict[str, Any]:
    with db.transaction() as session:
        ch = channel(session)
        return {
            "address": ch.address,
            "dedicated_address": ch.dedicated_address,
            "sends_to": ch.dedicated_address or ch.address,
            "account": ch.account,
            "files_sent": ch.last_progressive,
        }


def update_channel(
    db: Database, *, address: str | None = None, account: str | None = None, forget_dedicated: bool = False
) -> None:
    errors = []
    if address is not None:
        try:
            address = validation.email(address)
        except ValueError as exc:
            errors.append(FieldError.of("address", exc))
    if errors:
        raise ValidationError(errors)
    with db.transaction() as session:
        ch = channel(session)
        if address is not None:
            ch.address = address
        if account is not None:
            ch.account = account.strip()
        if forget_dedicated:
            ch.dedicated_address = ""


def remember_dedicated(db: Database, sender: str) -> bool:
    """The SdI answers a first sending from a dedicated address that must be used from then on:
    kept the first time a notification comes from an address other than the configured one."""
    sender = sender.strip().lower()
    with db.transaction() as session:
        ch = channel(session)
        if not sender or ch.dedicated_address or sender == ch.address.lower():
            return False
        ch.dedicated_address = sender
        return True
