"""Sending over SMTP (implicit TLS or STARTTLS, always authenticated) with the standard library."""

from __future__ import annotations

import contextlib
import smtplib
import socket
import ssl
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from msp_console.mail.account import Account
from msp_console.mail.errors import MailError, classify
from msp_console.mail.tls import check_pin, context_for, probe_fingerprint

TIMEOUT_S = 30.0


def password_for(account: Account) -> str:
    """The account's password from the OS keyring (KeyringUnavailableError says how to fix a
    missing keyring)."""
    from msp_console.secrets import get_secret

    password = get_secret(account.secret_ref)
    if not password:
        raise MailError("no_password", account=account.name)
    return password


@contextlib.contextmanager
def smtp_session(
    account: Account, password: str | None = None, timeout: float = TIMEOUT_S
) -> Iterator[smtplib.SMTP]:
    """An SMTP connection, TLS checked (pin included) and logged in; errors as MailError."""
    password = password if password is not None else password_for(account)
    host, port = account.smtp_host, account.smtp_port
    where: dict[str, Any] = {"host": host, "port": port, "user": account.username}
    ctx = context_for(account.pinned_sha256)
    step = "connect"
    smtp: smtplib.SMTP | None = None
    try:
        if account.smtp_security == "tls":
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ctx)
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
            step = "STARTTLS"
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                raise MailError("starttls_missing", host=host, port=port)
            smtp.starttls(context=ctx)
            smtp.ehlo()
        check_pin(smtp.sock, account.pinned_sha256, host, port)
        _no_delay(smtp)
        step = "login"
        smtp.login(account.username, password)
    except ssl.SSLCertVerificationError as exc:
        _close(smtp)
        fp = probe_fingerprint(account, "smtp", timeout)
        raise classify(exc, step=step, **where).with_fingerprint(fp) from None
    except BaseException as exc:
        _close(smtp)
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise classify(exc, step=step, **where) from None
    try:
        yield smtp
    finally:
        _close(smtp, polite=True)


def _no_delay(smtp: smtplib.SMTP) -> None:
    """smtplib writes each command on its own: with Nagle's algorithm every small write after the
    first waits for the server's delayed ACK (~40 ms on Linux), several times per message."""
    if smtp.sock is not None:
        with contextlib.suppress(OSError):
            smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _close(smtp: smtplib.SMTP | None, polite: bool = False) -> None:
    if smtp is None:
        return
    with contextlib.suppress(Exception):
        if polite:
            smtp.quit()
    with contextlib.suppress(Exception):
        smtp.close()


def prepare(account: Account, message: EmailMessage) -> str:
    """Fills From, Date and Message-ID when missing; returns the Message-ID (with <>)."""
    if not message["From"]:
        message["From"] = account.from_address
    if not message["Date"]:
        message["Date"] = formatdate(localtime=True)
    if not message["Message-ID"]:
        domain = account.from_address.rpartition("@")[2] or "msp-console.invalid"
        message["Message-ID"] = make_msgid("msp", domain=domain)
    return str(message["Message-ID"])


def send_message(
    account: Account,
    message: EmailMessage,
    password: str | None = None,
    *,
    session: smtplib.SMTP | None = None,
    timeout: float = TIMEOUT_S,
) -> str:
    """Sends one message; returns its Message-ID. Raises MailError (nothing half-sent is retried
    here: the caller records a sending only after this returns). ``session`` reuses an open
    :func:`smtp_session` for a batch."""
    message_id = prepare(account, message)
    if session is not None:
        _send(session, account, message)
        return message_id
    with smtp_session(account, password, timeout) as smtp:
        _send(smtp, account, message)
    return message_id


def _send(smtp: smtplib.SMTP, account: Account, message: EmailMessage) -> None:
    try:
        refused = smtp.send_message(message, from_addr=account.from_address)
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise classify(
            exc, host=account.smtp_host, port=account.smtp_port, step="send", user=account.username
        ) from None
    if refused:
        raise MailError(
            "recipient", host=account.smtp_host, port=account.smtp_port, detail=", ".join(sorted(refused))
        )
