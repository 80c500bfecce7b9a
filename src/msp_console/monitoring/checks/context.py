"""What a check may use besides its spec: host keys, secrets, the SSH policy, previous values."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from msp_console import secrets

if TYPE_CHECKING:
    from msp_console.monitoring.hostkeys import HostKeyStore


def _no_history(check_id: int) -> Mapping[str, float]:
    return {}


def _no_console_key() -> str | None:
    return None


@dataclass(frozen=True, slots=True)
class SshPolicy:
    """How to reach machines over SSH when a check does not say otherwise."""

    user: str = "root"
    key_file: str = ""  # a private key file; its passphrase (if any) comes from the keyring
    use_agent: bool = True  # try keys of $SSH_AUTH_SOCK
    nodelay: bool = True  # TCP_NODELAY: connect+auth 72 ms → 29 ms on loopback


@dataclass(frozen=True, slots=True)
class CheckContext:
    hostkeys: HostKeyStore | None = None  # None: every SSH check is UNKNOWN (nothing trusted)
    get_secret: Callable[[str], str | None] = secrets.get_secret
    ssh: SshPolicy = field(default_factory=SshPolicy)
    # The metrics the engine last stored for a check (e.g. SNMP uptime, to detect a reboot).
    last_metrics: Callable[[int], Mapping[str, float]] = _no_history
    # The console's own SSH private key (OpenSSH text) that onboarding installs on machines; None
    # when it was never made (see msp_console.remote.console_key). Tried after key file and agent.
    console_key: Callable[[], str | None] = _no_console_key
