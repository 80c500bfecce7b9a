"""Mail failures and results worded in the user's language from their code and values (the core
speaks English for the CLI; see msp_console.mail.errors)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from msp_console.mail.check import StepResult

WORDS: dict[str, object] = {  # QT_TRANSLATE_NOOP: marked for lupdate, translated in tr()
    "dns": QT_TRANSLATE_NOOP(
        "MailWords", "The server name {host} could not be found (DNS): check the spelling and the network."
    ),
    "refused": QT_TRANSLATE_NOOP(
        "MailWords", "{host}:{port} refused the connection: wrong port, or the server is down."
    ),
    "timeout": QT_TRANSLATE_NOOP("MailWords", "{host}:{port} did not answer in time."),
    "unreachable": QT_TRANSLATE_NOOP("MailWords", "{host}:{port} cannot be reached ({detail})."),
    "tls_untrusted": QT_TRANSLATE_NOOP(
        "MailWords", "The TLS certificate of {host}:{port} is not trusted ({detail})."
    ),
    "tls_pin_mismatch": QT_TRANSLATE_NOOP(
        "MailWords",
        "The TLS certificate of {host}:{port} is not the pinned one: someone may be intercepting "
        "the connection, or the provider changed its certificate.",
    ),
    "tls": QT_TRANSLATE_NOOP("MailWords", "The TLS handshake with {host}:{port} failed ({detail})."),
    "starttls_missing": QT_TRANSLATE_NOOP(
        "MailWords", "{host}:{port} does not offer STARTTLS: choose implicit TLS or another port."
    ),
    "login": QT_TRANSLATE_NOOP(
        "MailWords", "{host} refused the login of {user}: wrong user name or password."
    ),
    "no_password": QT_TRANSLATE_NOOP(
        "MailWords", "No password is stored for the mail account {account}: enter it again."
    ),
    "folder": QT_TRANSLATE_NOOP(
        "MailWords", "The folder {folder} does not exist on {host} or cannot be opened."
    ),
    "dropped": QT_TRANSLATE_NOOP(
        "MailWords", "{host}:{port} dropped the connection; nothing was lost, try again."
    ),
    "recipient": QT_TRANSLATE_NOOP("MailWords", "{host} refused the recipient(s) {detail}."),
    "sender": QT_TRANSLATE_NOOP("MailWords", "{host} refused the sender {detail}."),
    "protocol": QT_TRANSLATE_NOOP("MailWords", "{host}:{port} answered something unexpected ({detail})."),
}
SMTP_OK = QT_TRANSLATE_NOOP("MailWords", "Sending (SMTP): logged in.")
IMAP_OK = QT_TRANSLATE_NOOP("MailWords", "Reading (IMAP): logged in; messages in the inbox: %1.")
SMTP_FAILED = QT_TRANSLATE_NOOP("MailWords", "Sending (SMTP): %1")
IMAP_FAILED = QT_TRANSLATE_NOOP("MailWords", "Reading (IMAP): %1")
FINGERPRINT = QT_TRANSLATE_NOOP(
    "MailWords",
    "The server shows a certificate with SHA-256 fingerprint %1. Compare it with the one your "
    "provider publishes: if it is the same, pin it.",
)


def tr(text: object) -> str:
    return QCoreApplication.translate("MailWords", str(text))


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def describe(code: str, params: Mapping[str, str] | None, fallback: str) -> str:
    """The failure in the user's language; ``fallback`` (the core's English) for an unknown code."""
    template = WORDS.get(code)
    if template is None:
        return fallback
    return tr(template).format_map(_Keep(params or {}))


def describe_results(results: Sequence[StepResult]) -> tuple[str, str | None]:
    """The lines of a connection test, and the fingerprint to offer for pinning (or None)."""
    lines, fingerprint = [], None
    for r in results:
        if r.ok and r.step == "smtp":
            lines.append(tr(SMTP_OK))
        elif r.ok:
            lines.append(tr(IMAP_OK).replace("%1", (r.params or {}).get("count", "0")))
        else:
            words = describe(r.code, r.params, r.message)
            lines.append(tr(SMTP_FAILED if r.step == "smtp" else IMAP_FAILED).replace("%1", words))
            fingerprint = fingerprint or r.fingerprint
    if fingerprint:
        from msp_console.mail.errors import format_fingerprint

        lines.append(tr(FINGERPRINT).replace("%1", format_fingerprint(fingerprint)))
    return "\n".join(lines), fingerprint
