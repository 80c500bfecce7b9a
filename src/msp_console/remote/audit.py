"""Audit trail of remote sessions: session_log (the interventions feature's table) + our detail row.

Every launch is logged (who, when, machine, protocol, profile, tunnel, duration, exit code) and linked
to the open intervention of that machine when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from msp_console.db.base import utcnow
from msp_console.db.models import (
    Client,
    Intervention,
    InterventionMachine,
    Machine,
    RemoteSessionDetail,
    SessionLog,
)
from msp_console.services.database import Database
from msp_console.services.interventions import Interventions
from msp_console.services.interventions.interventions import ACTIVE


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: int
    machine: str
    protocol: str
    profile: str
    technician: str
    started: datetime
    ended: datetime | None
    exit_code: int | None
    intervention_id: int | None
    tunnel: str
    tool: str

    @property
    def duration_seconds(self) -> int | None:
        return None if self.ended is None else int((self.ended - self.started).total_seconds())

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "machine": self.machine,
            "protocol": self.protocol,
            "profile": self.profile,
            "technician": self.technician,
            "started": self.started.isoformat(),
            "ended": self.ended.isoformat() if self.ended else None,
            "duration_seconds": self.duration_seconds,
            "exit_code": self.exit_code,
            "intervention_id": self.intervention_id,
            "tunnel": self.tunnel,
            "tool": self.tool,
        }


def open_intervention_for(db: Database, machine_id: int) -> int | None:
    """The most recently opened active intervention that names this machine."""
    with db.read() as s:
        return s.scalar(
            select(Intervention.id)
            .join(InterventionMachine, InterventionMachine.intervention_id == Intervention.id)
            .where(InterventionMachine.machine_id == machine_id, Intervention.state.in_(ACTIVE))
            .order_by(Intervention.opened_at.desc(), Intervention.id.desc())
            .limit(1)
        )


def record_start(
    db: Database,
    *,
    machine_id: int,
    protocol: str,
    profile_id: int | None,
    profile_name: str,
    technician: str,
    target: str,
    tunnel: str,
    tool: str,
    started: datetime | None = None,
) -> tuple[int, int | None]:
    """(session id, linked intervention id)."""
    started = started or utcnow()
    intervention_id = open_intervention_for(db, machine_id)
    note = f"by {technician} with profile '{profile_name}' ({tool})" + (
        f", tunnel {tunnel}" if tunnel else ""
    )
    sid = Interventions(db).link_session(
        intervention_id, machine_id=machine_id, protocol=protocol, started=started, note=note
    )
    with db.transaction() as s:
        s.add(
            RemoteSessionDetail(
                session_id=sid,
                profile_id=profile_id,
                profile_name=profile_name,
                technician=technician,
                target=target,
                tunnel=tunnel,
                tool=tool,
            )
        )
    return sid, intervention_id


def record_end(db: Database, session_id: int, exit_code: int | None, ended: datetime | None = None) -> None:
    ended = ended or utcnow()
    ivs = Interventions(db)
    end_session = getattr(ivs, "end_session", None)
    if end_session is not None:  # also completes the intervention's timeline line
        end_session(session_id, ended=ended, exit_code=exit_code)
        return
    with db.transaction() as s:
        row = s.get(SessionLog, session_id)
        if row is not None:
            row.ended_at, row.exit_code = max(ended, row.started_at), exit_code


def list_sessions(db: Database, limit: int = 200) -> list[SessionRecord]:
    with db.read() as s:
        rows = s.execute(
            select(SessionLog, RemoteSessionDetail, Machine.name, Client.name)
            .outerjoin(RemoteSessionDetail, RemoteSessionDetail.session_id == SessionLog.id)
            .outerjoin(Machine, Machine.id == SessionLog.machine_id)
            .outerjoin(Client, Client.id == Machine.client_id)
            .order_by(SessionLog.started_at.desc(), SessionLog.id.desc())
            .limit(limit)
        ).all()
        return [
            SessionRecord(
                log.id,
                f"{cname}/{mname}" if mname else "(deleted machine)",
                log.protocol,
                d.profile_name if d else "",
                d.technician if d else "",
                log.started_at,
                log.ended_at,
                log.exit_code,
                log.intervention_id,
                d.tunnel if d else "",
                d.tool if d else "",
            )
            for log, d, mname, cname in rows
        ]
