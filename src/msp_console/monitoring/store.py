"""Between rows and frozen values: what the engine plans, and the context the state machine needs.

Everything returned here is a frozen value (safe to hand to worker threads).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.models import Check, Client, Machine, MaintenanceWindow
from msp_console.db.models import CheckStatus as StatusRow
from msp_console.domain.health import HealthState
from msp_console.domain.maintenance import MaintenanceWindow as Window
from msp_console.domain.maintenance import in_maintenance
from msp_console.domain.monitoring_state import (
    Ack,
    ApplyContext,
    CheckPolicy,
    CheckStatus,
    StateType,
    is_down,
)
from msp_console.monitoring.machine_states import machine_states as machine_states  # re-exported
from msp_console.monitoring.model import CheckSpec, CheckType

HOST_CHECK_TYPES = (CheckType.PING, CheckType.TCP)


@dataclass(frozen=True, slots=True)
class PlannedCheck:
    """One enabled check with what the engine needs to schedule and judge it."""

    spec: CheckSpec
    policy: CheckPolicy
    client_id: int
    client: str
    machine: str
    name: str
    parent_id: int | None


@dataclass(frozen=True, slots=True)
class WorldView:
    """The slowly-changing facts around the checks: maintenance, parents, who is down."""

    windows: tuple[Window, ...] = ()
    down_machines: frozenset[int] = frozenset()
    host_checks: frozenset[int] = frozenset()  # the checks that decide whether a machine is down
    acks: dict[int, Ack | None] = field(default_factory=dict)

    def context(self, planned: PlannedCheck, now: datetime) -> ApplyContext:
        return ApplyContext(
            planned.policy,
            in_maintenance=in_maintenance(self.windows, planned.spec.machine_id, planned.client_id, now),
            parent_down=planned.parent_id is not None and planned.parent_id in self.down_machines,
        )


def status_from_row(row: StatusRow | None) -> CheckStatus:
    if row is None:
        return CheckStatus()
    history = tuple(HealthState(s) for s in row.history.split(",") if s)
    ack = Ack(row.ack_author, row.ack_comment, row.ack_sticky) if row.acked else None
    return CheckStatus(
        HealthState(row.state),
        HealthState(row.hard_state),
        StateType(row.state_type),
        row.attempt,
        row.output,
        row.last_run,
        row.next_run,
        row.last_change,
        row.last_hard_change,
        history,
        row.flapping,
        ack,
    )


def status_values(status: CheckStatus, duration_ms: float) -> dict[str, object]:
    """Column values for a status row (acks excluded: they are written by whoever acknowledges)."""
    return {
        "state": status.state.value,
        "hard_state": status.hard_state.value,
        "state_type": status.state_type.value,
        "attempt": status.attempt,
        "output": status.output[:4000],
        "duration_ms": duration_ms,
        "last_run": status.last_run,
        "next_run": status.next_run,
        "last_change": status.last_change,
        "last_hard_change": status.last_hard_change,
        "history": ",".join(s.value for s in status.history),
        "flapping": status.flapping,
    }


def _plan_query(machine_ids: Iterable[int] | None) -> Any:
    q = (
        select(Check, Machine, Client.name)
        .join(Machine, Check.machine_id == Machine.id)
        .join(Client, Machine.client_id == Client.id)
        .where(Check.enabled.is_(True), Client.archived.is_(False))
        .order_by(Client.name, Machine.name, Check.name)
    )
    if machine_ids is not None:
        q = q.where(Check.machine_id.in_(list(machine_ids)))
    return q


def load_plan(session: Session, machine_ids: Iterable[int] | None = None) -> list[PlannedCheck]:
    """Every enabled check of non-archived clients (or of the given machines)."""
    out = []
    for check, machine, client_name in session.execute(_plan_query(machine_ids)):
        spec = CheckSpec(
            check_id=check.id,
            machine_id=machine.id,
            type=CheckType(check.type),
            host=machine.address or machine.name,
            params=dict(check.params or {}),
            warn=check.warn,
            crit=check.crit,
            timeout=check.timeout_s,
            credential_ref=check.credential_ref,
        )
        policy = CheckPolicy(
            max(1, check.max_attempts), float(check.interval_s), float(check.retry_interval_s)
        )
        out.append(
            PlannedCheck(
                spec, policy, machine.client_id, client_name, machine.name, check.name, machine.parent_id
            )
        )
    return out


def load_statuses(session: Session, check_ids: Iterable[int]) -> dict[int, CheckStatus]:
    ids = list(check_ids)
    rows: dict[int, StatusRow] = {}
    for chunk in range(0, len(ids), 900):
        part = ids[chunk : chunk + 900]
        rows.update(
            {r.check_id: r for r in session.scalars(select(StatusRow).where(StatusRow.check_id.in_(part)))}
        )
    return {cid: status_from_row(rows.get(cid)) for cid in ids}


def load_world(session: Session) -> WorldView:
    windows = tuple(
        Window(w.start, w.end, w.rrule, w.machine_id, w.client_id, w.comment)
        for w in session.scalars(select(MaintenanceWindow))
    )
    host_rows = session.execute(
        select(Check.id, Check.machine_id, Check.type, StatusRow.hard_state)
        .outerjoin(StatusRow, StatusRow.check_id == Check.id)
        .where(Check.enabled.is_(True), Check.type.in_([t.value for t in HOST_CHECK_TYPES]))
    ).all()
    # Ping decides when a machine has one; otherwise its TCP checks do.
    has_ping = {m for _cid, m, t, _s in host_rows if t == CheckType.PING.value}
    host_checks = {cid for cid, m, t, _s in host_rows if t == CheckType.PING.value or m not in has_ping}
    states: dict[int, list[HealthState]] = {}
    for cid, machine_id, _t, hard in host_rows:
        if cid in host_checks:
            states.setdefault(machine_id, []).append(HealthState(hard or "PENDING"))
    down = frozenset(m for m, s in states.items() if is_down(s))
    acks = {
        r.check_id: Ack(r.ack_author, r.ack_comment, r.ack_sticky) if r.acked else None
        for r in session.scalars(select(StatusRow).where(StatusRow.acked.is_(True)))
    }
    return WorldView(windows, down, frozenset(host_checks), acks)
