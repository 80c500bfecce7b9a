"""TLS for mail: the system's CAs by default; a self-signed certificate only when its SHA-256 is
pinned on the account, checked right after the handshake and before the password is sent."""

from __future__ import annotations

import hashlib
import imaplib
import smtplib
import socket
import ssl

from msp_console.mail.account import Account
from msp_console.mail.errors import MailError


def context_for(pinned_sha256: str | None) -> ssl.SSLContext:
    """Verified context; with a pin, the chain is not checked (the pin is) — see :func:`check_pin`."""
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    if pinned_sha256:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def fingerprint_of(sock: socket.socket | None) -> str:
    der = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
    if not der:
        raise ssl.SSLError("the server sent no certificate")
    return hashlib.sha256(der).hexdigest()


def check_pin(sock: socket.socket | None, pinned_sha256: str | None, host: str, port: int) -> None:
    if pinned_sha256 is None:
        return  # the handshake already verified chain and name
    seen = fingerprint_of(sock)
    if seen != pinned_sha256:
        raise MailError("tls_pin_mismatch", fingerprint=seen, host=host, port=port)


def probe_fingerprint(account: Account, proto: str, timeout: float = 10.0) -> str | None:
    """The certificate a server shows, fetched without trusting it (for "pin this?"); None when
    even that fails. Only called after a verified handshake refused the certificate."""
    host, port = getattr(account, f"{proto}_host"), getattr(account, f"{proto}_port")
    security = getattr(account, f"{proto}_security")
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    try:
        if security == "tls":
            with (
                socket.create_connection((host, port), timeout) as raw,
                ctx.wrap_socket(raw, server_hostname=host) as s,
            ):
                return fingerprint_of(s)
        if proto == "smtp":
            with smtplib.SMTP(host, port, timeout=timeout) as smtp:
                smtp.starttls(context=ctx)
                return fingerprint_of(smtp.sock)
        imap = imaplib.IMAP4(host, port, timeout=timeout)
        try:
            imap.starttls(ctx)
            return fingerprint_of(imap.sock)
        finally:
            imap.shutdown()
    except (OSError, smtplib.SMTPException, imaplib.IMAP4.error):
        return None
