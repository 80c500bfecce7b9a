"""Which user and keyring secret a profile uses: its own, the client admin, a shared one, or a prompt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from msp_console import secrets
from msp_console.remote.profiles import CredentialMode
from msp_console.remote.store import (
    MachineRef,
    ProfileStore,
    ProfileView,
    client_ref,
    profile_ref,
    shared_ref,
)

Prompt = Callable[[str], "str | None"]
PLACEHOLDER = "<secret>"  # stands for the password in dry runs (always redacted when shown)


class CredentialError(RuntimeError):
    """The credential the profile names is not there. The message says what is missing; ``command``
    is how to set it from a terminal (the CLI adds it; the window offers its own buttons)."""

    def __init__(self, message: str, command: str = ""):
        super().__init__(message)
        self.command = command


@dataclass(frozen=True, slots=True)
class Resolved:
    user: str
    domain: str
    password: str | None
    source: str  # "profile secret remote:profile:3", "prompt", "none", …


def resolve(
    store: ProfileStore,
    machine: MachineRef,
    profile: ProfileView,
    *,
    get_secret: Callable[[str], str | None] = secrets.get_secret,
    prompt: Prompt | None = None,
    dry_run: bool = False,
) -> Resolved:
    mode = profile.credential_mode
    user, domain = profile.user, profile.domain
    if mode is CredentialMode.NONE:
        return Resolved(user, domain, None, "none (keys, agent, or typed in the tool)")
    if mode is CredentialMode.PROMPT:
        if dry_run:
            return Resolved(user, domain, PLACEHOLDER, "asked at launch")
        answer = prompt(f"Password for {user or 'the user'} on {machine.path}: ") if prompt else None
        if answer is None:
            raise CredentialError(
                f"profile '{profile.name}' asks for the password every time, and none was given"
            )
        return Resolved(user, domain, answer, "asked at launch")
    if mode is CredentialMode.PROFILE:
        ref = profile.secret_ref or (profile_ref(profile.id) if profile.id else "")
        how = f"msp-console secrets set '{machine.path}' --profile '{profile.name}'"
    elif mode is CredentialMode.CLIENT:
        ref = client_ref(machine.client_id)
        how = f"msp-console secrets set '{machine.client_name}' --user USER"
        named = store.credential(ref)
        if named is not None:
            user, domain = user or named.user, domain or named.domain
    else:
        ref = shared_ref(profile.shared_name)
        how = f"msp-console secrets set --shared '{profile.shared_name}' --user USER"
        named = store.credential(ref)
        if named is not None:
            user, domain = user or named.user, domain or named.domain
    source = f"keyring {ref}"
    if dry_run:
        return Resolved(user, domain, PLACEHOLDER, source)
    password = get_secret(ref) if ref else None
    if password is None:
        raise CredentialError(f"no password stored for profile '{profile.name}' ({source})", how)
    return Resolved(user, domain, password, source)
