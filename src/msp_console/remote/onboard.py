"""Making an onboarding script for a machine in the database: checks first, then the key.

Everything the technician typed is checked (machine, address, user) before the keyring is asked for
the console's key, so bad input is refused with its field named and no key is made for nothing.
Used by `msp-console onboard` and by the window's "Add Windows machine…" dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from msp_console.domain.errors import FieldError, ValidationError
from msp_console.remote.console_key import ConsoleKey, ensure_console_key
from msp_console.remote.onboarding import (
    Target,
    check_user,
    linux_script,
    parse_allow_from,
    windows_script,
)
from msp_console.remote.store import MachineRef, ProfileStore
from msp_console.services.database import Database

KINDS = ("windows", "linux")


@dataclass(frozen=True, slots=True)
class Request:
    kind: str  # windows | linux
    machine: str  # CLIENT/MACHINE
    allow_from: str = ""
    user: str = "root"  # Linux only


@dataclass(frozen=True, slots=True)
class Script:
    kind: str
    target: Target
    text: str
    key_fingerprint: str  # the console key's, to tell the client's admin which key it is


def check_request(request: Request) -> tuple[str, str]:
    """(canonical address, user) or ValidationError naming every wrong field at once."""
    errors: list[FieldError] = []
    if request.kind not in KINDS:
        errors.append(FieldError("kind", f"'{request.kind}' is not one of: {', '.join(KINDS)}"))
    address = user = ""
    try:
        address = parse_allow_from(request.allow_from)
    except ValidationError as exc:
        errors.extend(exc.errors)
    if request.kind == "linux":
        try:
            user = check_user(request.user)
        except ValidationError as exc:
            errors.extend(exc.errors)
    if errors:
        raise ValidationError(errors)
    return address, user


def render(kind: str, target: Target, key: ConsoleKey, address: str, user: str) -> str:
    if kind == "windows":
        return windows_script(target, key.public_line, address)
    return linux_script(target, key.public_line, address, user)


def make_script(
    db: Database,
    request: Request,
    key_source: Callable[[], ConsoleKey] = ensure_console_key,
) -> Script:
    """The script for ``request``; NotFoundError for an unknown machine, ValidationError for bad
    fields, KeyringUnavailableError when the key cannot be kept."""
    address, user = check_request(request)
    machine: MachineRef = ProfileStore(db).machine_by_path(request.machine)
    target = Target(machine.client_name, machine.name, machine.address)
    key = key_source()
    return Script(request.kind, target, render(request.kind, target, key, address, user), key.fingerprint)


__all__ = ["KINDS", "Request", "Script", "check_request", "make_script", "render"]
