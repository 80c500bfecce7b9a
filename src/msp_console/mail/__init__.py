"""E-mail for the console (no Qt): mail accounts (PEC or ordinary SMTP + IMAP), sending with
smtplib, reading with imapclient, TLS verified by default or pinned, failures in words.

    from msp_console.mail import Account, send_message, Mailbox, MailError
"""

from __future__ import annotations

from msp_console.mail.account import Account, normalise_fingerprint, secret_ref
from msp_console.mail.errors import MailError, format_fingerprint
from msp_console.mail.imap import PROCESSED_FLAG, Mailbox, MemoryProcessedLog, ProcessedKey, ProcessedLog
from msp_console.mail.smtp import send_message, smtp_session

__all__ = [
    "PROCESSED_FLAG",
    "Account",
    "MailError",
    "Mailbox",
    "MemoryProcessedLog",
    "ProcessedKey",
    "ProcessedLog",
    "format_fingerprint",
    "normalise_fingerprint",
    "secret_ref",
    "send_message",
    "smtp_session",
]
