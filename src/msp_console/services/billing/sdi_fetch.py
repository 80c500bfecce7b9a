"""`sdi fetch`: the SdI's notifications taken from the PEC inbox, applied, messages marked.

Order matters for "exactly once": each notification is applied (its own committed transaction,
recognised if already applied) *before* its message is marked processed. A fetch killed in
between leaves the message unmarked; the next fetch reads it again, finds the notification
applied, and only marks it. A message holding a notification that cannot be read (bad XML, a
signature that does not verify) is left unmarked so it is reported again until someone looks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import parseaddr
from typing import Protocol

from msp_console.services.billing.sdi_channel import remember_dedicated
from msp_console.services.billing.sdi_receipts import APPLIED, DUPLICATE, INVALID, Applied, apply_bytes
from msp_console.services.database import Database

NOTIFICATION_NAME = re.compile(r"_(RC|NS|MC|NE|DT|AT)_[0-9A-Za-z]{3}\.xml(\.p7m)?$", re.IGNORECASE)


class Inbox(Protocol):
    """What fetch needs of a mailbox (msp_console.mail.Mailbox is one)."""

    def unprocessed(self) -> Iterator[tuple[int, EmailMessage]]: ...

    def mark_processed(self, uid: int) -> None: ...


OpenInbox = Callable[[], AbstractContextManager[Inbox]]


@dataclass
class FetchReport:
    messages: int = 0
    applied: list[Applied] = field(default_factory=list)
    dedicated_address: str = ""  # set when the SdI's first answer gave one

    @property
    def problems(self) -> list[Applied]:
        return [a for a in self.applied if a.outcome not in {APPLIED, DUPLICATE}]


class FetchFailed(RuntimeError):
    """The mailbox failed mid-way (login, connection); what was applied before is kept."""

    def __init__(self, message: str, applied: list[Applied]):
        super().__init__(message)
        self.applied = applied


def attachments(msg: Message) -> list[tuple[str, bytes]]:
    """Every SdI notification attached, also inside a PEC envelope (postacert.eml)."""
    found = []
    for part in msg.walk():
        name = part.get_filename() or ""
        if NOTIFICATION_NAME.search(name):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                found.append((name, payload))
    return found


def original_sender(msg: Message) -> str:
    """Who sent it: a PEC envelope's postacert.eml, else Reply-To (PEC providers put the real
    sender there), else From."""
    for part in msg.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload(0)
            if isinstance(inner, Message) and inner.get("From"):
                return parseaddr(str(inner["From"]))[1]
    return parseaddr(str(msg.get("Reply-To") or msg.get("From") or ""))[1]


def fetch(db: Database, open_inbox: OpenInbox) -> FetchReport:
    report = FetchReport()
    try:
        with open_inbox() as inbox:
            for uid, msg in inbox.unprocessed():
                report.messages += 1
                results = [apply_bytes(db, data, name) for name, data in attachments(msg)]
                report.applied += results
                if any(r.outcome == APPLIED for r in results) and remember_dedicated(
                    db, original_sender(msg)
                ):
                    report.dedicated_address = original_sender(msg)
                if all(r.outcome != INVALID for r in results):
                    inbox.mark_processed(uid)
    except Exception as exc:  # the mail layer's errors say what failed in words
        raise FetchFailed(f"fetch stopped: {exc}", report.applied) from exc
    return report
