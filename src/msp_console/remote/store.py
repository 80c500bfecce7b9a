"""Profiles and named credentials in the database (references to keyring entries, never secrets)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from msp_console.db.models import Client, Machine, RemoteCredential, RemoteProfile
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.remote.profiles import (
    CredentialMode,
    ProfileSpec,
    Protocol,
    parse_options,
    proposals,
    validate,
)
from msp_console.services.database import Database

_NAME = re.compile(r"^[\w.@-]+$")


@dataclass(frozen=True, slots=True)
class MachineRef:
    id: int
    client_id: int
    client_name: str
    name: str
    address: str
    kind: str
    os: str

    @property
    def path(self) -> str:
        return f"{self.client_name}/{self.name}"


@dataclass(frozen=True, slots=True)
class ProfileView:
    id: int | None  # None: a proposal not saved yet
    machine_id: int
    name: str
    protocol: Protocol
    is_default: bool
    host: str
    port: int | None
    user: str
    domain: str
    credential_mode: CredentialMode
    shared_name: str
    secret_ref: str
    jump_machine_id: int | None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CredentialRef:
    user: str
    domain: str
    ref: str


def profile_ref(profile_id: int) -> str:
    return f"remote:profile:{profile_id}"


def client_ref(client_id: int) -> str:
    return f"remote:client:{client_id}:admin"


def shared_ref(name: str) -> str:
    return f"remote:shared:{name}"


def _view(p: RemoteProfile) -> ProfileView:
    return ProfileView(
        p.id, p.machine_id, p.name, Protocol(p.protocol), p.is_default, p.host, p.port, p.user,
        p.domain, CredentialMode(p.credential_mode), p.shared_name, p.secret_ref, p.jump_machine_id,
        parse_options(p.options),
    )  # fmt: skip


def _proposal(machine: MachineRef, spec: ProfileSpec) -> ProfileView:
    return ProfileView(
        None, machine.id, spec.name, spec.protocol, spec.is_default, spec.host, spec.port, spec.user,
        spec.domain, spec.credential_mode, spec.shared_name, "", spec.jump_machine_id, dict(spec.options),
    )  # fmt: skip


class ProfileStore:
    def __init__(self, db: Database):
        self.db = db

    # -- machines --------------------------------------------------------------------------------
    def machine(self, machine_id: int) -> MachineRef:
        with self.db.read() as s:
            row = s.execute(
                select(Machine, Client.name)
                .join(Client, Client.id == Machine.client_id)
                .where(Machine.id == machine_id)
            ).first()
            if row is None:
                raise NotFoundError(f"machine {machine_id} does not exist")
            m, cname = row
            return MachineRef(m.id, m.client_id, cname, m.name, m.address, m.kind, m.os)

    def machine_by_path(self, path: str) -> MachineRef:
        client_name, sep, machine_name = path.partition("/")
        if not sep or not machine_name.strip() or not client_name.strip():
            raise NotFoundError(f"'{path}': expected CLIENT/MACHINE")
        with self.db.read() as s:
            mid = s.scalar(
                select(Machine.id)
                .join(Client, Client.id == Machine.client_id)
                .where(func.lower(Client.name) == client_name.strip().lower())
                .where(func.lower(Machine.name) == machine_name.strip().lower())
            )
        if mid is None:
            raise NotFoundError(f"no machine '{path}' (CLIENT/MACHINE, as `msp-console tree` shows them)")
        return self.machine(mid)

    def client_id_by_name(self, name: str) -> int:
        with self.db.read() as s:
            cid = s.scalar(select(Client.id).where(func.lower(Client.name) == name.strip().lower()))
        if cid is None:
            raise NotFoundError(f"no client named '{name}'")
        return cid

    # -- profiles --------------------------------------------------------------------------------
    def list(self, machine_id: int, *, with_proposals: bool = True) -> list[ProfileView]:
        """Saved profiles (default first); a machine without any gets the proposals for its kind/OS."""
        with self.db.read() as s:
            rows = s.scalars(
                select(RemoteProfile)
                .where(RemoteProfile.machine_id == machine_id)
                .order_by(RemoteProfile.is_default.desc(), RemoteProfile.name)
            ).all()
            saved = [_view(r) for r in rows]
        if saved or not with_proposals:
            return saved
        m = self.machine(machine_id)
        return [_proposal(m, spec) for spec in proposals(m.kind, m.os)]

    def get(self, machine_id: int, name: str | None = None) -> ProfileView:
        profiles = self.list(machine_id)
        if name is None:
            for p in profiles:
                if p.is_default:
                    return p
            if profiles:
                return profiles[0]
        for p in profiles:
            if name is not None and p.name.lower() == name.lower():
                return p
        names = ", ".join(p.name for p in profiles) or "none"
        raise NotFoundError(f"this machine has no profile '{name}' (profiles: {names})")

    def add(self, machine_id: int, spec: ProfileSpec) -> int:
        validate(spec)
        machine = self.machine(machine_id)
        with self.db.transaction() as s:
            if s.scalar(
                select(RemoteProfile.id).where(
                    RemoteProfile.machine_id == machine_id,
                    func.lower(RemoteProfile.name) == spec.name.lower(),
                )
            ):
                raise ValidationError.single(
                    "name", f"this machine already has a profile named '{spec.name}'"
                )
            if spec.jump_machine_id is not None:
                self._check_jump(s, machine, spec.jump_machine_id)
            first = not s.scalar(select(RemoteProfile.id).where(RemoteProfile.machine_id == machine_id))
            if spec.is_default and not first:
                for other in s.scalars(select(RemoteProfile).where(RemoteProfile.machine_id == machine_id)):
                    other.is_default = False
            row = RemoteProfile(
                machine_id=machine_id, name=spec.name.strip(), protocol=spec.protocol.value,
                is_default=spec.is_default or first, host=spec.host.strip(), port=spec.port,
                user=spec.user, domain=spec.domain, credential_mode=spec.credential_mode.value,
                shared_name=spec.shared_name.strip(), jump_machine_id=spec.jump_machine_id,
                options=json.dumps(dict(spec.options), sort_keys=True),
            )  # fmt: skip
            s.add(row)
            s.flush()
            if spec.credential_mode is CredentialMode.PROFILE:
                row.secret_ref = profile_ref(row.id)
            return row.id

    @staticmethod
    def _check_jump(s: Any, machine: MachineRef, jump_id: int) -> None:
        jump = s.get(Machine, jump_id)
        if jump is None or jump.client_id != machine.client_id or jump.id == machine.id:
            raise ValidationError.single(
                "jump_host", "the jump host must be another machine of the same client"
            )
        if not s.scalar(
            select(RemoteProfile.id).where(
                RemoteProfile.machine_id == jump_id, RemoteProfile.protocol == "ssh"
            )
        ):
            raise ValidationError.single("jump_host", f"'{jump.name}' has no ssh profile to tunnel through")

    def remove(self, machine_id: int, name: str) -> str:
        """Removes the profile; returns its keyring reference ('' if none) so the caller can delete it."""
        with self.db.transaction() as s:
            row = self._row(s, machine_id, name)
            ref, was_default = row.secret_ref, row.is_default
            s.delete(row)
            s.flush()
            if was_default:
                nxt = s.scalars(
                    select(RemoteProfile)
                    .where(RemoteProfile.machine_id == machine_id)
                    .order_by(RemoteProfile.name)
                ).first()
                if nxt is not None:
                    nxt.is_default = True
            return ref

    def set_default(self, machine_id: int, name: str) -> None:
        with self.db.transaction() as s:
            target = self._row(s, machine_id, name)
            for other in s.scalars(select(RemoteProfile).where(RemoteProfile.machine_id == machine_id)):
                other.is_default = other.id == target.id

    def use_own_secret(self, machine_id: int, name: str | None, user: str | None) -> tuple[str, str]:
        """Switches a profile to its own keyring secret; returns (keyring ref, profile name)."""
        chosen = self.get(machine_id, name)
        if chosen.id is None:
            raise NotFoundError(
                "this machine has no saved profile yet: add one first "
                f"(`msp-console profiles add … {chosen.name} {chosen.protocol.value}`)"
            )
        with self.db.transaction() as s:
            row = s.get(RemoteProfile, chosen.id)
            assert row is not None
            row.credential_mode = CredentialMode.PROFILE.value
            row.secret_ref = profile_ref(row.id)
            if user is not None:
                row.user = user
            return row.secret_ref, row.name

    @staticmethod
    def _row(s: Any, machine_id: int, name: str) -> RemoteProfile:
        row = s.scalars(
            select(RemoteProfile).where(
                RemoteProfile.machine_id == machine_id, func.lower(RemoteProfile.name) == name.lower()
            )
        ).first()
        if row is None:
            raise NotFoundError(f"this machine has no profile '{name}'")
        return row

    # -- named credentials -----------------------------------------------------------------------
    def save_credential(
        self, *, client_id: int | None, name: str, user: str | None, domain: str | None
    ) -> str:
        """The client admin credential (client_id) or a shared one (name); returns its keyring ref."""
        if client_id is None and not _NAME.match(name):
            raise ValidationError.single("shared", f"'{name}': use letters, digits, . _ @ - only")
        ref = client_ref(client_id) if client_id is not None else shared_ref(name)
        with self.db.transaction() as s:
            row = s.scalars(select(RemoteCredential).where(RemoteCredential.secret_ref == ref)).first()
            if row is None:
                row = RemoteCredential(client_id=client_id, name=name, secret_ref=ref, user="", domain="")
                s.add(row)
            if user is not None:
                row.user = user
            if domain is not None:
                row.domain = domain
        return ref

    def credential(self, ref: str) -> CredentialRef | None:
        with self.db.read() as s:
            row = s.scalars(select(RemoteCredential).where(RemoteCredential.secret_ref == ref)).first()
            return CredentialRef(row.user, row.domain, row.secret_ref) if row else None
