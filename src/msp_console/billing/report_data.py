"""What the monthly service report shows; None means 'not available yet' (never a made-up figure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class MachineLine:
    name: str
    kind: str
    address: str
    checks: int | None  # None: monitoring is not set up in this database
    uptime: float | None  # share of the known time the machine was reachable
    problems: int | None  # hard changes to WARNING/CRITICAL in the month


@dataclass(frozen=True, slots=True)
class InterventionLine:
    opened: date
    title: str
    origin: str
    state: str
    closed: date | None
    sla: str  # "met", "missed", "open" or ""


@dataclass(frozen=True, slots=True)
class ServiceReport:
    client: str
    company: str
    month_start: date
    month_end: date
    language: str
    machines: tuple[MachineLine, ...]
    problems_detected: int | None = None  # interventions opened from monitoring
    problems_resolved: int | None = None  # of which closed within the month
    client_reported: int | None = None
    interventions: tuple[InterventionLine, ...] | None = None
    sessions: int | None = None
    session_minutes: int | None = None
    calls: int | None = None
    sla_met: int | None = None
    sla_missed: int | None = None
    backup_ok_days: int | None = None
    backup_known_days: int | None = None
    notes: list[str] = field(default_factory=list)
