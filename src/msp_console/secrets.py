"""The only door to the OS keyring: passwords and passphrases never touch the DB, files or logs.

The database stores a *reference* such as ``machine:12:ssh`` or ``client:3:admin``; the secret lives
in the keyring under the service name ``msp-console``. With no usable backend every call raises
:class:`KeyringUnavailableError` whose message tells the user how to fix it.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import TYPE_CHECKING

from msp_console.redaction import register_secret

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# keyring (with its entry points, D-Bus and HTTP imports) costs ~60 ms: imported on first use,
# not at start, since the window imports this module for KeyringUnavailableError.

SERVICE = "msp-console"
_REF = re.compile(r"^[A-Za-z][\w.-]*(:[\w.@-]+)+$")
log = logging.getLogger(__name__)


class KeyringUnavailableError(RuntimeError):
    """No usable keyring backend, or the keyring refused (locked, prompt dismissed)."""


def _how_to_fix() -> str:
    if sys.platform.startswith("linux"):
        return (
            "install and unlock a Secret Service provider such as gnome-keyring or KWallet "
            "(e.g. `apt install gnome-keyring`, then log in to a desktop session or run "
            "`gnome-keyring-daemon --unlock`), so that the D-Bus name org.freedesktop.secrets exists"
        )
    if sys.platform == "darwin":
        return "allow MSP Console to use the macOS Keychain"
    return "make sure the Windows Credential Manager is available for your user"


def _unusable(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return True
    if isinstance(backend, chainer.ChainerBackend):
        return not backend.backends
    return False


def keyring_status() -> tuple[bool, str]:
    """(usable, message) for the status bar and `doctor`-style checks."""
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if _unusable(backend):
        return False, (
            f"No usable OS keyring was found (backend {name}), so MSP Console cannot store "
            f"passwords (service name '{SERVICE}'). To fix it: {_how_to_fix()}."
        )
    return True, f"passwords are kept in the OS keyring ({name}, service '{SERVICE}')"


def _check_ref(ref: str) -> None:
    if not isinstance(ref, str) or not _REF.match(ref):
        raise ValueError(f"{ref!r} is not a secret reference (expected e.g. 'machine:12:ssh')")


def _require_backend() -> None:
    usable, message = keyring_status()
    if not usable:
        raise KeyringUnavailableError(message)


def _refused(action: str, ref: str, exc: Exception) -> KeyringUnavailableError:
    # The exception text of keyring backends never includes the secret; the ref is not secret.
    log.warning("keyring refused to %s %s: %s", action, ref, type(exc).__name__)
    return KeyringUnavailableError(
        f"the OS keyring refused to {action} '{ref}' ({type(exc).__name__}: {exc}). "
        f"If it is locked, unlock it; otherwise {_how_to_fix()}."
    )


def set_secret(ref: str, secret: str) -> None:
    import keyring.errors

    _check_ref(ref)
    register_secret(secret)  # from now on no log line can carry it
    _require_backend()
    try:
        keyring.set_password(SERVICE, ref, secret)
    except keyring.errors.KeyringError as exc:
        raise _refused("store", ref, exc) from None


def get_secret(ref: str) -> str | None:
    """The secret, or None when nothing is stored under ``ref``."""
    import keyring.errors

    _check_ref(ref)
    _require_backend()
    try:
        secret = keyring.get_password(SERVICE, ref)
    except keyring.errors.KeyringError as exc:
        raise _refused("read", ref, exc) from None
    register_secret(secret)
    return secret


def delete_secret(ref: str) -> None:
    """Removes the secret; removing one that is not there is not an error."""
    import keyring.errors

    _check_ref(ref)
    _require_backend()
    try:
        keyring.delete_password(SERVICE, ref)
    except keyring.errors.PasswordDeleteError:
        return
    except keyring.errors.KeyringError as exc:
        raise _refused("delete", ref, exc) from None
