"""The PEC account the SdI channel sends with and reads from (the mail feature's account).

The channel names the account (`sdi channel --account NAME`); with none named, the first PEC
account is used. Sending opens one SMTP session for the whole batch; reading uses the mail
feature's Mailbox with the processed-message record in the database.
"""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from email.message import EmailMessage

from msp_console.domain.errors import NotFoundError
from msp_console.mail import Account, Mailbox, send_message, smtp_session
from msp_console.mail.store import DbProcessedLog, first_account, get_account
from msp_console.services.billing.sdi_records import channel
from msp_console.services.database import Database


class TransportUnavailable(RuntimeError):
    """No PEC account is set up for the SdI channel."""


class PecTransport:
    def __init__(self, db: Database, account: Account, password: str | None = None):
        self.db, self.account, self.password = db, account, password
        self._stack = ExitStack()
        self._smtp: smtplib.SMTP | None = None

    @classmethod
    def for_channel(cls, db: Database, password: str | None = None) -> PecTransport:
        with db.transaction() as session:
            name = channel(session).account
        try:
            account = get_account(db, name) if name else first_account(db, "pec")
        except NotFoundError as exc:
            raise TransportUnavailable(
                f"{exc}: choose it with `msp-console sdi channel --account NAME`"
            ) from exc
        if account is None:
            raise TransportUnavailable(
                "no PEC account: add one with `msp-console mail add NAME --kind pec …` "
                "(and choose it with `msp-console sdi channel --account NAME`)"
            )
        return cls(db, account, password)

    def deliver(self, message: EmailMessage) -> str:
        """Sends one message (the SMTP session is opened on the first and kept for the batch)."""
        if self._smtp is None:
            self._smtp = self._stack.enter_context(smtp_session(self.account, self.password))
        try:
            return send_message(self.account, message, self.password, session=self._smtp)
        except Exception:
            self.close()  # a broken session is not reused
            raise

    def close(self) -> None:
        self._smtp = None
        self._stack.close()

    @contextmanager
    def inbox(self) -> Iterator[Mailbox]:
        with Mailbox(self.account, DbProcessedLog(self.db), password=self.password) as box:
            yield box
