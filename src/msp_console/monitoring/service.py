"""Adding, listing and removing checks; acknowledgements; maintenance windows.

Machines are named ``CLIENT/MACHINE`` (case-insensitive), as on the command line.
Each call is one transaction; bad input raises ValidationError naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.db.models import (
    Acknowledgement,
    Check,
    Client,
    Machine,
    MaintenanceWindow,
)
from msp_console.db.models import CheckStatus as StatusRow
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.domain.health import HealthState
from msp_console.domain.maintenance import validate_window
from msp_console.domain.monitoring_state import PROBLEMS
from msp_console.monitoring.params import CheckFields
from msp_console.services.database import Database


@dataclass(frozen=True, slots=True)
class CheckView:
    id: int
    client: str
    machine: str
    name: str
    type: str
    params: dict[str, str]
    warn: str
    crit: str
    interval_s: int
    enabled: bool
    state: str
    hard_state: str
    output: str
    last_run: datetime | None
    acked: bool


def find_machine(session: Session, path: str) -> Machine:
    client_name, sep, machine_name = path.partition("/")
    if not sep or not client_name.strip() or not machine_name.strip():
        raise ValidationError.single("machine", f"'{path}': expected CLIENT/MACHINE")
    machine = session.scalar(
        select(Machine)
        .join(Client, Machine.client_id == Client.id)
        .where(
            func.lower(Client.name) == client_name.strip().lower(),
            func.lower(Machine.name) == machine_name.strip().lower(),
        )
    )
    if machine is None:
        raise NotFoundError(f"no machine '{machine_name.strip()}' at client '{client_name.strip()}'")
    return machine


def find_check(session: Session, path: str, name: str) -> Check:
    machine = find_machine(session, path)
    check = session.scalar(
        select(Check).where(Check.machine_id == machine.id, func.lower(Check.name) == name.strip().lower())
    )
    if check is None:
        raise NotFoundError(f"{path} has no check named '{name}'")
    return check


def check_row(machine_id: int, fields: CheckFields) -> dict[str, Any]:
    """Column values of a new check."""
    return {
        "machine_id": machine_id,
        "type": fields.type.value,
        "name": fields.name,
        "params": fields.params,
        "warn": fields.warn,
        "crit": fields.crit,
        "interval_s": fields.interval_s,
        "retry_interval_s": fields.retry_interval_s,
        "max_attempts": fields.max_attempts,
        "timeout_s": fields.timeout_s,
        "enabled": True,
        "credential_ref": "",
        "created_at": datetime.now(UTC),
    }


def add_check_to(session: Session, machine_id: int, fields: CheckFields) -> Check:
    clash = session.scalar(
        select(Check.id).where(Check.machine_id == machine_id, func.lower(Check.name) == fields.name.lower())
    )
    if clash is not None:
        raise ValidationError.single("name", f"this machine already has a check named '{fields.name}'")
    check = Check(**check_row(machine_id, fields))
    session.add(check)
    session.flush()
    return check


def add_check(db: Database, path: str, fields: CheckFields) -> int:
    with db.transaction() as s:
        return add_check_to(s, find_machine(s, path).id, fields).id


def remove_check(db: Database, path: str, name: str) -> None:
    with db.transaction() as s:
        s.delete(find_check(s, path, name))


def list_checks(db: Database) -> list[CheckView]:
    with db.read() as s:
        rows = s.execute(
            select(Check, Machine.name, Client.name, StatusRow)
            .join(Machine, Check.machine_id == Machine.id)
            .join(Client, Machine.client_id == Client.id)
            .outerjoin(StatusRow, StatusRow.check_id == Check.id)
            .order_by(func.lower(Client.name), func.lower(Machine.name), func.lower(Check.name))
        ).all()
    return [
        CheckView(
            c.id,
            client,
            machine,
            c.name,
            c.type,
            dict(c.params or {}),
            c.warn,
            c.crit,
            c.interval_s,
            c.enabled,
            st.state if st else HealthState.PENDING.value,
            st.hard_state if st else HealthState.PENDING.value,
            st.output if st else "",
            st.last_run if st else None,
            bool(st and st.acked),
        )
        for c, machine, client, st in rows
    ]


def acknowledge(db: Database, path: str, check_name: str, comment: str, *, sticky: bool, author: str) -> None:
    """Silences a current problem: sticky until OK, otherwise until the state changes."""
    if not comment.strip():
        raise ValidationError.single("comment", "say why (e.g. 'disk ordered, ticket 123')")
    with db.transaction() as s:
        check = find_check(s, path, check_name)
        status = s.get(StatusRow, check.id)
        if status is None or HealthState(status.state) not in PROBLEMS:
            state = status.state if status else HealthState.PENDING.value
            raise ValidationError.single("check", f"only a problem can be acknowledged (it is {state})")
        status.acked, status.ack_sticky = True, sticky
        status.ack_comment, status.ack_author = comment.strip(), author[:100]
        s.add(
            Acknowledgement(
                check_id=check.id,
                author=author[:100],
                comment=comment.strip(),
                sticky=sticky,
                state=status.state,
                at=datetime.now(UTC),
            )
        )


@dataclass(frozen=True, slots=True)
class WindowView:
    id: int
    client: str
    machine: str | None
    start: datetime
    end: datetime
    rrule: str
    comment: str


def add_maintenance(
    db: Database, target: str, start: datetime, end: datetime, rrule: str = "", comment: str = ""
) -> int:
    """``target`` is ``CLIENT`` (the whole client) or ``CLIENT/MACHINE``."""
    validate_window(start, end, rrule)
    with db.transaction() as s:
        machine_id: int | None = None
        if "/" in target:
            machine = find_machine(s, target)
            client_id: int | None = machine.client_id
            machine_id = machine.id
        else:
            client_id = s.scalar(select(Client.id).where(func.lower(Client.name) == target.strip().lower()))
            if client_id is None:
                raise NotFoundError(f"no client named '{target}'")
        window = MaintenanceWindow(
            client_id=client_id,
            machine_id=machine_id,
            start=start,
            end=end,
            rrule=rrule.strip(),
            comment=comment.strip(),
        )
        s.add(window)
        s.flush()
        return window.id


def list_maintenance(db: Database) -> list[WindowView]:
    with db.read() as s:
        rows = s.execute(
            select(MaintenanceWindow, Client.name, Machine.name)
            .join(Client, MaintenanceWindow.client_id == Client.id)
            .outerjoin(Machine, MaintenanceWindow.machine_id == Machine.id)
            .order_by(MaintenanceWindow.start)
        ).all()
    return [WindowView(w.id, c, m, w.start, w.end, w.rrule, w.comment) for w, c, m in rows]
