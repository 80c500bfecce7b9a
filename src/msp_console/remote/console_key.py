"""The console's own SSH key pair: made once, the private half kept only in the OS keyring.

Onboarding scripts install the public half on the client's machines; the private half never touches
a file, the database or a log (it is registered for redaction when read). Ed25519: short public
lines that fit a restricted ``authorized_keys`` entry, and supported by every OpenSSH since 6.5
and by Windows' own OpenSSH Server.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from msp_console import secrets

log = logging.getLogger(__name__)
KEY_REF = "console:ssh-key"  # the keyring entry holding the OpenSSH-format private key

Getter = Callable[[str], "str | None"]
Setter = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class ConsoleKey:
    private_openssh: str  # the secret: only ever passed to an SSH library, never shown
    public_line: str  # "ssh-ed25519 AAAA… msp-console@HOST", what authorized_keys holds

    @property
    def key_blob(self) -> str:
        """The key's type and base64 body without the comment (what a duplicate check looks for)."""
        return " ".join(self.public_line.split()[:2])

    @property
    def fingerprint(self) -> str:
        """SHA256:… as `ssh-keygen -lf` prints it."""
        blob = base64.b64decode(self.public_line.split()[1])
        return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")

    def __repr__(self) -> str:  # a stray print or log of the object never shows the private key
        return f"ConsoleKey({self.public_line!r})"


def _public_of(private_openssh: str, comment: str) -> str:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_ssh_private_key(private_openssh.encode(), password=None)
    public = key.public_key().public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    return f"{public.decode()} {comment}"


def _generate() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption()
    )
    return pem.decode()


def comment() -> str:
    """Names the key in authorized_keys, so the client's admin can tell whose key it is."""
    host = socket.gethostname().split(".")[0] or "pc"
    return f"msp-console@{host}"


def load_console_key(get_secret: Getter = secrets.get_secret) -> ConsoleKey | None:
    """The key pair, or None when none was made yet (KeyringUnavailableError when no keyring)."""
    private = get_secret(KEY_REF)
    if not private:
        return None
    return ConsoleKey(private, _public_of(private, comment()))


def ensure_console_key(
    get_secret: Getter = secrets.get_secret, set_secret: Setter = secrets.set_secret
) -> ConsoleKey:
    """The key pair, made and stored on first use; the same pair on every later call."""
    existing = load_console_key(get_secret)
    if existing is not None:
        return existing
    private = _generate()
    set_secret(KEY_REF, private)
    return ConsoleKey(private, _public_of(private, comment()))


class KeyCache:
    """The private key for the monitoring's SSH logins, read from the keyring at most every few
    minutes (a Secret Service call per poll would cost more than the poll); None when no key was
    made or no keyring answers — the checks then try their other credentials."""

    def __init__(self, get_secret: Getter = secrets.get_secret, seconds: float = 300.0):
        self._get, self._seconds = get_secret, seconds
        self._lock = threading.Lock()
        self._value: str | None = None
        self._read_at = -1e18

    def __call__(self) -> str | None:
        with self._lock:
            if time.monotonic() - self._read_at >= self._seconds:
                try:
                    self._value = self._get(KEY_REF) or None
                except (secrets.KeyringUnavailableError, ValueError) as exc:
                    log.debug("console key not readable: %s", exc)
                    self._value = None
                self._read_at = time.monotonic()
            return self._value


__all__ = ["KEY_REF", "ConsoleKey", "KeyCache", "comment", "ensure_console_key", "load_console_key"]
