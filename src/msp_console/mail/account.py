"""A mail account as the senders and readers see it: plain values, no ORM object, no password."""

from __future__ import annotations

import re
from dataclasses import dataclass

from msp_console.domain.errors import FieldError, ValidationError

KINDS = ("pec", "smtp")
SECURITY = ("tls", "starttls")  # implicit TLS, or STARTTLS on a plain port; never clear text
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,59}$")
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,253})$|^\[?[0-9a-fA-F:.]+\]?$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    kind: str  # pec | smtp
    smtp_host: str
    smtp_port: int
    smtp_security: str  # tls | starttls
    imap_host: str
    imap_port: int
    imap_security: str
    username: str
    pinned_sha256: str | None = None  # hex of the DER certificate's SHA-256
    sender_address: str = ""  # From: of what is sent; blank = the user name
    id: int | None = None

    @property
    def secret_ref(self) -> str:
        return secret_ref(self.name)

    @property
    def from_address(self) -> str:
        return self.sender_address or self.username

    def errors(self) -> list[FieldError]:
        out: list[FieldError] = []
        if not _NAME.match(self.name):
            out.append(FieldError("name", "1-60 letters, digits or . _ @ - (e.g. pec or office)"))
        if self.kind not in KINDS:
            out.append(FieldError("kind", "pec or smtp"))
        for proto in ("smtp", "imap"):
            host, port = getattr(self, f"{proto}_host"), getattr(self, f"{proto}_port")
            if not host or not _HOST.match(host):
                out.append(FieldError(f"{proto}_host", "a server name such as smtps.pec.example.it"))
            if not isinstance(port, int) or not 1 <= port <= 65535:
                out.append(FieldError(f"{proto}_port", "a port between 1 and 65535"))
            if getattr(self, f"{proto}_security") not in SECURITY:
                out.append(FieldError(f"{proto}_security", "tls or starttls"))
        if not self.username.strip():
            out.append(FieldError("user", "the user name (usually the mailbox address) is required"))
        if self.pinned_sha256 is not None and not _HEX64.match(self.pinned_sha256):
            out.append(FieldError("pin_fingerprint", "a SHA-256 fingerprint: 64 hex digits, colons allowed"))
        if not _ADDRESS.match(self.from_address):
            field = "sender_address" if self.sender_address else "user"
            out.append(FieldError(field, f"{self.from_address!r} is not an e-mail address to send from"))
        return out

    def validate(self) -> Account:
        errors = self.errors()
        if errors:
            raise ValidationError(errors)
        return self


def secret_ref(name: str) -> str:
    """Where the account's password lives in the OS keyring."""
    return f"mail:{name}"


def normalise_fingerprint(raw: str | None) -> str | None:
    """``AB:CD:…`` / ``sha256:abcd…`` / spaces → 64 lower-case hex digits (None stays None)."""
    if raw is None or not raw.strip():
        return None
    text = raw.strip().lower()
    for prefix in ("sha256:", "sha-256:", "sha256="):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return re.sub(r"[\s:]", "", text)


def default_port(proto: str, security: str) -> int:
    return {("smtp", "tls"): 465, ("smtp", "starttls"): 587, ("imap", "tls"): 993, ("imap", "starttls"): 143}[
        (proto, security)
    ]
