"""Mail failures in words: every network, TLS or protocol error becomes one :class:`MailError`
with a stable ``code`` the window translates, and an English ``message`` the CLI prints."""

from __future__ import annotations

import imaplib
import smtplib
import socket
import ssl
from typing import Any

# code → English wording ({host}, {port}, {step}, {detail}, {fingerprint}… filled from params)
WORDING: dict[str, str] = {
    "dns": "the server name {host} could not be found (DNS): check the spelling and the network",
    "refused": "{host}:{port} refused the connection: wrong port, or the server is down",
    "timeout": "{host}:{port} did not answer in time",
    "unreachable": "{host}:{port} cannot be reached ({detail})",
    "tls_untrusted": "the TLS certificate of {host}:{port} is not trusted ({detail})",
    "tls_pin_mismatch": (
        "the TLS certificate of {host}:{port} is not the pinned one (the server shows {fingerprint}): "
        "someone may be intercepting the connection, or the provider changed its certificate"
    ),
    "tls": "the TLS handshake with {host}:{port} failed ({detail})",
    "starttls_missing": "{host}:{port} does not offer STARTTLS: try --tls (implicit TLS) or another port",
    "login": "{host} refused the login of {user}: wrong user name or password",
    "no_password": "no password is stored for the mail account {account}: set it again",
    "folder": "the folder {folder} does not exist on {host} or cannot be opened ({detail})",
    "dropped": "{host}:{port} dropped the connection ({step}); nothing was lost, run it again",
    "recipient": "{host} refused the recipient(s) {detail}",
    "sender": "{host} refused the sender {detail}",
    "protocol": "{host}:{port} answered something unexpected ({step}: {detail})",
}


class MailError(RuntimeError):
    """What went wrong talking to a mail server; ``fingerprint`` (hex SHA-256) when the server's
    certificate is not trusted, so the user can pin it."""

    def __init__(self, code: str, fingerprint: str | None = None, **params: Any) -> None:
        self.code = code
        self.fingerprint = fingerprint
        self.params = {k: str(v) for k, v in params.items()}
        if fingerprint:
            self.params["fingerprint"] = format_fingerprint(fingerprint)
        template = WORDING.get(code, "{detail}")
        try:
            message = template.format(**_Defaults(self.params))
        except (KeyError, IndexError, ValueError):
            message = f"{code}: {self.params}"
        if fingerprint and code == "tls_untrusted":
            message += (
                ". If this is really your provider's server, pin its SHA-256 fingerprint "
                + self.params["fingerprint"]
            )
        super().__init__(message)

    def with_fingerprint(self, fingerprint: str | None) -> MailError:
        params = {k: v for k, v in self.params.items() if k != "fingerprint"}
        return MailError(self.code, fingerprint=fingerprint, **params)


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def format_fingerprint(hex_sha256: str) -> str:
    """``AB:CD:…`` as browsers and `openssl x509 -fingerprint -sha256` show it."""
    h = hex_sha256.replace(":", "").upper()
    return ":".join(h[i : i + 2] for i in range(0, len(h), 2))


def classify(exc: BaseException, *, host: str, port: int, step: str, user: str = "") -> MailError:
    """Turns what smtplib/imaplib/imapclient/socket/ssl raise into a :class:`MailError`."""
    where: dict[str, Any] = {"host": host, "port": port, "step": step, "user": user}
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, MailError):
        return exc
    if isinstance(exc, socket.gaierror):
        return MailError("dns", **where, detail=detail)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailError("tls_untrusted", **where, detail=exc.verify_message or detail)
    if isinstance(exc, ssl.SSLError):
        if "EOF" in detail or "UNEXPECTED_EOF" in detail:
            return MailError("dropped", **where, detail=detail)
        return MailError("tls", **where, detail=detail)
    if isinstance(exc, ConnectionRefusedError):
        return MailError("refused", **where, detail=detail)
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailError("timeout", **where, detail=detail)
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return MailError("login", **where, detail=detail)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return MailError("recipient", **where, detail=", ".join(exc.recipients))
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return MailError("sender", **where, detail=str(exc.sender))
    if isinstance(exc, smtplib.SMTPServerDisconnected | ConnectionResetError | BrokenPipeError | EOFError):
        return MailError("dropped", **where, detail=detail)
    if isinstance(exc, imaplib.IMAP4.abort):
        return MailError("dropped", **where, detail=detail)
    if _is_imap_login_error(exc):
        return MailError("login", **where, detail=detail)
    if isinstance(exc, OSError) and exc.errno is not None:
        return MailError("unreachable", **where, detail=detail)
    if isinstance(exc, smtplib.SMTPException | imaplib.IMAP4.error):
        return MailError("protocol", **where, detail=detail)
    return MailError("protocol", **where, detail=f"{type(exc).__name__}: {detail}")


def _is_imap_login_error(exc: BaseException) -> bool:
    from imapclient.exceptions import LoginError

    return isinstance(exc, LoginError)
