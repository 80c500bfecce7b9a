"""What the monthly service report shows: tables of recorded facts, and a summary computed from
those tables only (``ServiceReport.summary``) — so the first page and the details cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from msp_console.domain.billing.report_period import ReportPeriod


def share_up(up_s: float, down_s: float) -> float | None:
    """Availability: the share of the known time (maintenance and unknown excluded) spent up."""
    return up_s / (up_s + down_s) if up_s + down_s > 0 else None


@dataclass(frozen=True, slots=True)
class ServiceLine:
    """One check of a machine over the covered span (seconds)."""

    machine: str
    name: str
    kind: str
    up_s: float
    down_s: float
    maintenance_s: float
    problems: int

    @property
    def availability(self) -> float | None:
        return share_up(self.up_s, self.down_s)


@dataclass(frozen=True, slots=True)
class MachineLine:
    name: str
    kind: str
    address: str
    added: date | None  # the day it was added, when that falls inside the covered span
    checks: int
    up_s: float  # from its reachability check (ping, else a TCP port); 0/0 when it has none
    down_s: float
    maintenance_s: float
    problems: int  # caught on any of its checks
    solved_by_technician: int
    solved_on_own: int
    sessions: int
    session_minutes: int
    antivirus_days: float | None  # Defender signature age at the end of the span, when reported

    @property
    def availability(self) -> float | None:
        return share_up(self.up_s, self.down_s)


@dataclass(frozen=True, slots=True)
class ProblemLine:
    machine: str
    check: str
    kind: str
    worst: str
    started: datetime
    ended: datetime | None
    solved_by: str  # "technician" (an intervention handled it), "itself" (recovered), "" (still open)


@dataclass(frozen=True, slots=True)
class InterventionLine:
    opened: date
    title: str
    origin: str
    state: str
    closed: date | None
    sla: str  # "met", "missed", "open" or "" (no SLA)


@dataclass(frozen=True, slots=True)
class MaintenanceLine:
    machine: str  # "" = every machine of the client
    start: datetime
    end: datetime
    comment: str


@dataclass(frozen=True, slots=True)
class BackupDay:
    day: date
    state: str  # "ok", "failed", "none" (no backup expected), "future" (not reached yet)


@dataclass(frozen=True, slots=True)
class SecurityRow:
    label: str
    value: str
    ok: bool | None = None  # None: informative, no judgement


@dataclass(frozen=True, slots=True)
class SecuritySummary:
    """The client's security posture, when another part of the console provides it (optional)."""

    rows: tuple[SecurityRow, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Summary:
    machines: int
    availability: float | None
    down_s: float  # machine-hours, summed over the machines
    maintenance_s: float  # the scheduled windows' time in the span (the maintenance table)
    problems: int
    solved_by_technician: int
    solved_on_own: int
    interventions: int
    sla_met: int
    sla_missed: int
    sessions: int
    session_minutes: int
    backup_ok: int
    backup_expected: int
    antivirus_oldest_days: float | None
    problems_per_week: tuple[tuple[date, date, int], ...]


@dataclass(frozen=True, slots=True)
class ServiceReport:
    client: str
    company: str
    language: str
    period: ReportPeriod
    machines: tuple[MachineLine, ...]
    services: tuple[ServiceLine, ...]
    problems: tuple[ProblemLine, ...]
    interventions: tuple[InterventionLine, ...]
    maintenance: tuple[MaintenanceLine, ...]
    backup_days: tuple[BackupDay, ...]
    security: SecuritySummary | None = None  # filled by the security feature, when present

    @property
    def month_start(self) -> date:
        return self.period.month_first

    @property
    def summary(self) -> Summary:
        """Every figure of the first page, summed from the tables below it."""
        from msp_console.domain.billing.report_period import local_date

        ms = self.machines
        up = sum(m.up_s for m in ms)
        down = sum(m.down_s for m in ms)
        ages = [m.antivirus_days for m in ms if m.antivirus_days is not None]
        weeks = []
        for first, last in self.period.weeks():
            count = sum(1 for p in self.problems if first <= local_date(p.started) <= last)
            weeks.append((first, last, count))
        return Summary(
            machines=len(ms),
            availability=share_up(up, down),
            down_s=down,
            maintenance_s=sum((m.end - m.start).total_seconds() for m in self.maintenance),
            problems=sum(m.problems for m in ms),
            solved_by_technician=sum(m.solved_by_technician for m in ms),
            solved_on_own=sum(m.solved_on_own for m in ms),
            interventions=len(self.interventions),
            sla_met=sum(1 for i in self.interventions if i.sla == "met"),
            sla_missed=sum(1 for i in self.interventions if i.sla == "missed"),
            sessions=sum(m.sessions for m in ms),
            session_minutes=sum(m.session_minutes for m in ms),
            backup_ok=sum(1 for d in self.backup_days if d.state == "ok"),
            backup_expected=sum(1 for d in self.backup_days if d.state in ("ok", "failed")),
            antivirus_oldest_days=max(ages) if ages else None,
            problems_per_week=tuple(weeks),
        )
