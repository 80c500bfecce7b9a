"""The PEC account the SdI channel sends with and reads from (the mail feature's account)."""

from __future__ import annotations

from msp_console.services.database import Database


class TransportUnavailable(RuntimeError):
    """No PEC account is set up for the SdI channel."""


class PecTransport:
    @classmethod
    def for_channel(cls, db: Database) -> PecTransport:
        raise TransportUnavailable("sending by PEC needs a mail account: this build has none yet")
