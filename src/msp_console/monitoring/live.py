"""Read models for the window's live health: every check with its status, flags and age.

Plain frozen values (no ORM objects) so the GUI can load them off its thread and keep them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.db.event_history import block_events, outputs
from msp_console.db.models import Check, Client, Machine, MaintenanceWindow, StateEvent
from msp_console.db.models import CheckStatus as StatusRow
from msp_console.db.models.monitoring_history import from_micros, micros
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.domain.health import HealthState, worst
from msp_console.domain.maintenance import MaintenanceWindow as Window
from msp_console.domain.maintenance import in_maintenance
from msp_console.domain.monitoring_state import PROBLEMS, CheckStatus
from msp_console.monitoring.params import CheckFields
from msp_console.monitoring.service import add_check_to
from msp_console.services.database import Database


@dataclass(frozen=True, slots=True)
class CheckRow:
    check_id: int
    machine_id: int
    client_id: int
    client: str
    machine: str
    address: str
    name: str
    type: str
    state: HealthState
    hard_state: HealthState
    soft: bool
    output: str
    since: datetime | None  # when the current state began
    last_run: datetime | None
    next_run: datetime | None
    acked: bool = False
    ack_comment: str = ""
    in_maintenance: bool = False
    enabled: bool = True
    params: tuple[tuple[str, str], ...] = ()
    warn: str = ""
    crit: str = ""
    interval_s: int = 60

    @property
    def path(self) -> str:
        return f"{self.client}/{self.machine}"

    @property
    def is_problem(self) -> bool:
        return self.enabled and self.state in PROBLEMS

    @property
    def muted(self) -> bool:
        return self.acked or self.in_maintenance

    @property
    def badge(self) -> str:
        """How it is silenced: "maintenance", "ack" or ""."""
        return "maintenance" if self.in_maintenance else "ack" if self.acked else ""

    def with_status(self, status: CheckStatus, in_maint: bool | None = None) -> CheckRow:
        """The row after a new result (from the engine, on any thread). Built field by field, not
        with ``dataclasses.replace``: the window makes a thousand of these a second."""
        return CheckRow(
            self.check_id,
            self.machine_id,
            self.client_id,
            self.client,
            self.machine,
            self.address,
            self.name,
            self.type,
            status.state,
            status.hard_state,
            status.state_type.value == "soft",
            status.output,
            status.last_change or self.since,
            status.last_run,
            status.next_run,
            status.ack is not None,
            status.ack.comment if status.ack else "",
            self.in_maintenance if in_maint is None else in_maint,
            self.enabled,
            self.params,
            self.warn,
            self.crit,
            self.interval_s,
        )


def load_windows(session: Session) -> tuple[Window, ...]:
    return tuple(
        Window(w.start, w.end, w.rrule, w.machine_id, w.client_id, w.comment)
        for w in session.scalars(select(MaintenanceWindow))
    )


def load_check_rows(
    session: Session, now: datetime | None = None, check_ids: Iterable[int] | None = None
) -> list[CheckRow]:
    """Every check of non-archived clients (or just ``check_ids``), with its current status."""
    now = now or datetime.now(UTC)
    windows = load_windows(session)
    q = (
        select(Check, Machine, Client.name, StatusRow)
        .join(Machine, Check.machine_id == Machine.id)
        .join(Client, Machine.client_id == Client.id)
        .outerjoin(StatusRow, StatusRow.check_id == Check.id)
        .where(Client.archived.is_(False))
    )
    if check_ids is not None:
        q = q.where(Check.id.in_(list(check_ids)))
    out = []
    for check, machine, client, st in session.execute(q):
        state = HealthState(st.state) if st else HealthState.PENDING
        out.append(
            CheckRow(
                check.id,
                machine.id,
                machine.client_id,
                client,
                machine.name,
                machine.address,
                check.name,
                check.type,
                state,
                HealthState(st.hard_state) if st else HealthState.PENDING,
                bool(st and st.state_type == "soft"),
                st.output if st else "",
                (st.last_change if st else None) or check.created_at,
                st.last_run if st else None,
                st.next_run if st else None,
                bool(st and st.acked),
                st.ack_comment if st else "",
                in_maintenance(windows, machine.id, machine.client_id, now),
                check.enabled,
                tuple(sorted((str(k), str(v)) for k, v in (check.params or {}).items())),
                check.warn,
                check.crit,
                check.interval_s,
            )
        )
    return out


def problem_key(row: CheckRow) -> tuple[int, float]:
    """Sort key for the problems list: most severe first, then the oldest problem first."""
    since = row.since.timestamp() if row.since else 0.0
    return (-row.state.severity, since)


def problems(rows: Iterable[CheckRow]) -> list[CheckRow]:
    return sorted((r for r in rows if r.is_problem), key=problem_key)


@dataclass(frozen=True, slots=True)
class MachineHealth:
    """What the tree shows for one machine: its state, whether it is silenced, and why."""

    state: HealthState
    muted: bool
    reason: str
    since: datetime | None
    badge: str = ""  # "maintenance" when every problem is in maintenance, else "ack" when muted


def machine_health(rows: Iterable[CheckRow]) -> MachineHealth:
    """The worst enabled check decides; muted when every problem is acknowledged or in maintenance."""
    enabled = [r for r in rows if r.enabled]
    if not enabled:
        return MachineHealth(HealthState.PENDING, False, "", None)
    state = worst(r.state for r in enabled)
    bad = sorted((r for r in enabled if r.is_problem), key=problem_key)
    if not bad:
        return MachineHealth(state, False, "", None)
    reason = "; ".join(f"{r.name}: {r.output or r.state.value}{_flag(r)}" for r in bad[:3])
    muted = all(r.muted for r in bad)
    badge = ("maintenance" if all(r.in_maintenance for r in bad) else "ack") if muted else ""
    return MachineHealth(state, muted, reason, bad[0].since, badge)


def _flag(r: CheckRow) -> str:
    if r.acked:
        return f" [acknowledged: {r.ack_comment}]" if r.ack_comment else " [acknowledged]"
    return " [in maintenance]" if r.in_maintenance else ""


@dataclass(frozen=True, slots=True)
class EventView:
    at: datetime
    check: str
    state: HealthState
    previous: HealthState
    output: str


def state_timeline(session: Session, machine_id: int, since: datetime, limit: int = 500) -> list[EventView]:
    """Hard state changes of a machine's checks, newest first (rows, and blocks of past months)."""
    rows = session.execute(
        select(StateEvent, Check.name)
        .join(Check, StateEvent.check_id == Check.id)
        .where(Check.machine_id == machine_id, StateEvent.at >= since, StateEvent.kind == "hard_change")
        .order_by(StateEvent.at.desc())
        .limit(limit)
    )
    found = [
        (
            e.at,
            1,
            e.id,
            EventView(e.at, name, HealthState(e.hard_state), HealthState(e.previous_hard_state), e.output),
        )
        for e, name in rows
    ]
    # Months before the previous one are packed: a long look back reads their blocks too.
    names = {
        cid: name
        for cid, name in session.execute(select(Check.id, Check.name).where(Check.machine_id == machine_id))
    }
    first_us = micros(since)
    packed = [
        (cid, e)
        for cid, e in block_events(session, list(names), since, None)
        if e.kind == "hard_change" and e.at_us >= first_us
    ]
    packed = sorted(packed, key=lambda p: p[1].at_us, reverse=True)[:limit]
    for (cid, e), output in zip(packed, outputs(session, [e for _c, e in packed]), strict=True):
        at = from_micros(e.at_us)
        view = EventView(
            at, names[cid], HealthState(e.hard_state), HealthState(e.previous_hard_state), output
        )
        found.append((at, 0, 0, view))
    found.sort(key=lambda f: f[:3], reverse=True)
    return [view for *_k, view in found[:limit]]


def update_check(db: Database, check_id: int, fields: CheckFields) -> None:
    """Replaces a check's type, name, parameters, thresholds and interval (validated fields)."""
    with db.transaction() as s:
        check = s.get(Check, check_id)
        if check is None:
            raise NotFoundError(f"check {check_id} no longer exists")
        clash = s.scalar(
            select(Check.id).where(
                Check.machine_id == check.machine_id,
                func.lower(Check.name) == fields.name.lower(),
                Check.id != check_id,
            )
        )
        if clash is not None:
            raise ValidationError.single("name", f"this machine already has a check named '{fields.name}'")
        check.type, check.name, check.params = fields.type.value, fields.name, dict(fields.params)
        check.warn, check.crit, check.interval_s = fields.warn, fields.crit, fields.interval_s
        check.retry_interval_s = fields.retry_interval_s
        check.timeout_s = fields.timeout_s  # its `timeout` parameter, else the default


def add_check_by_id(db: Database, machine_id: int, fields: CheckFields) -> int:
    with db.transaction() as s:
        return add_check_to(s, machine_id, fields).id


def delete_check(db: Database, check_id: int) -> None:
    with db.transaction() as s:
        check = s.get(Check, check_id)
        if check is not None:
            s.delete(check)
