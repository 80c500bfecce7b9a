"""Frozen read models handed to the CLI and the GUI (safe to pass between threads)."""

from __future__ import annotations

from dataclasses import dataclass

from msp_console.domain.health import HealthState
from msp_console.domain.posture import PointStatus, SecuritySummary


@dataclass(frozen=True, slots=True)
class ContactView:
    id: int
    client_id: int
    name: str
    role: str
    phone: str
    mobile: str
    email: str
    primary: bool


@dataclass(frozen=True, slots=True)
class SiteView:
    id: int
    client_id: int
    name: str
    address: str


@dataclass(frozen=True, slots=True)
class ClientCard:
    id: int
    name: str
    vat_number: str
    tax_code: str
    address: str
    postal_code: str
    city: str
    province: str
    country: str
    sdi_code: str
    pec: str
    email: str
    phone: str
    notes: str
    archived: bool
    contacts: tuple[ContactView, ...]
    sites: tuple[SiteView, ...]
    machine_count: int
    security: SecuritySummary | None = None  # how many machines are green on each security point


@dataclass(frozen=True, slots=True)
class MachineCard:
    id: int
    client_id: int
    client_name: str
    site_id: int | None
    site_name: str
    name: str
    kind: str
    address: str
    os: str
    parent_id: int | None
    parent_name: str
    tags: str
    notes: str
    state: HealthState
    security: tuple[PointStatus, ...] = ()  # the posture its ssh check last reported


@dataclass(frozen=True, slots=True)
class MachineNode:
    id: int
    client_id: int
    site_id: int | None
    name: str
    kind: str
    address: str
    os: str
    tags: str
    parent_name: str
    state: HealthState


@dataclass(frozen=True, slots=True)
class SiteNode:
    id: int
    client_id: int
    name: str
    address: str
    machines: tuple[MachineNode, ...]


@dataclass(frozen=True, slots=True)
class ClientNode:
    id: int
    name: str
    city: str
    archived: bool
    sites: tuple[SiteNode, ...]
    machines: tuple[MachineNode, ...]  # machines not at any site

    def all_machines(self) -> tuple[MachineNode, ...]:
        return self.machines + tuple(m for s in self.sites for m in s.machines)


@dataclass(frozen=True, slots=True)
class TreeSnapshot:
    clients: tuple[ClientNode, ...]

    @property
    def machine_count(self) -> int:
        return sum(len(c.all_machines()) for c in self.clients)
