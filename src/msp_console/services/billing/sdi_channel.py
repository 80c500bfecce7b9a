"""The SdI channel's settings: the SdI's address, the dedicated one it gave, the PEC account."""

from __future__ import annotations

import re
from typing import Any

from msp_console.domain.errors import ValidationError
from msp_console.services.billing.sdi_records import channel
from msp_console.services.database import Database

_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


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
    if address is not None:
        address = address.strip()
        if not _ADDRESS.match(address):  # syntax only: a PEC domain may be any name
            raise ValidationError.single(
                "address", f"'{address}' is not an e-mail address", "email", value=address
            )
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
