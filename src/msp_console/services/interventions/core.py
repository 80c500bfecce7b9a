"""Shared steps of the use cases: loading, the guarded state change, and the timeline writes."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from msp_console.db.models import CallTask, Client, Intervention, InterventionEvent
from msp_console.domain.errors import NotFoundError
from msp_console.domain.intervention_state import InterventionState, check_transition
from msp_console.services.interventions import sla_service
from msp_console.services.interventions.settings import SchedulingSettings


def check_ref(check_id: int) -> str:
    """How an intervention opened from a monitoring check refers to it."""
    return f"check:{check_id}"


S = InterventionState


def get_intervention(session: Session, intervention_id: int, *, lock: bool = False) -> Intervention:
    stmt = select(Intervention).where(Intervention.id == intervention_id)
    if lock:
        stmt = stmt.with_for_update()
    iv = session.scalar(stmt)
    if iv is None:
        raise NotFoundError(f"intervention {intervention_id} not found")
    return iv


def get_client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None:
        raise NotFoundError(f"client {client_id} not found")
    return client


def add_event(
    session: Session,
    iv: Intervention,
    at: datetime,
    kind: str,
    summary: str,
    *,
    ref_id: int | None = None,
    minutes: int = 0,
    from_state: str = "",
    to_state: str = "",
    code: str | None = None,
    params: dict[str, Any] | None = None,
) -> None:
    """`summary` is the English line (CLI, old readers); `code` + `params` let each screen word it."""
    session.add(
        InterventionEvent(
            intervention_id=iv.id,
            at=at,
            kind=kind,
            summary=summary,
            ref_id=ref_id,
            minutes=minutes,
            from_state=from_state,
            to_state=to_state,
            code=code,
            params=params,
        )
    )
    session.flush()


def move(
    session: Session,
    iv: Intervention,
    target: InterventionState,
    now: datetime,
    settings: SchedulingSettings,
    note: str = "",
) -> None:
    """The one place a state changes: checked against the table, logged, side effects applied."""
    source = S(iv.state)
    check_transition(source, target)
    iv.state = target.value
    summary = f"{source.value} → {target.value}" + (f": {note}" if note else "")
    add_event(
        session,
        iv,
        now,
        "state",
        summary,
        from_state=source.value,
        to_state=target.value,
        code="state",
        params={"note": note} if note else None,
    )
    if target is S.CONTACTED and iv.responded_at is None:
        iv.responded_at = now
    if target is S.CLOSED:
        iv.closed_at = now
        close_tasks(session, iv.id, now)
    elif source is S.CLOSED:
        iv.closed_at = None
    if target is S.AWAITING_CHECK:
        schedule_follow_up(session, iv, now, settings)
    sla_service.refresh(session, iv, settings.calendar(), now)


def respond(iv: Intervention, now: datetime) -> None:
    """The first reached call stops the response clock (it never pauses, and it stops once)."""
    if iv.responded_at is None:
        iv.responded_at = now


def close_tasks(session: Session, intervention_id: int, now: datetime, kinds: tuple[str, ...] = ()) -> None:
    stmt = update(CallTask).where(CallTask.intervention_id == intervention_id, CallTask.done_at.is_(None))
    if kinds:
        stmt = stmt.where(CallTask.kind.in_(kinds))
    session.execute(stmt.values(done_at=now))


def schedule_follow_up(
    session: Session, iv: Intervention, now: datetime, settings: SchedulingSettings
) -> int:
    """The call-back after the work: N business days later at the configured time."""
    cal = settings.calendar()
    due = now
    for _ in range(max(1, settings.follow_up_business_days)):
        due = cal.next_business_day_at(due, settings.follow_up_at)
    close_tasks(session, iv.id, now, ("follow_up",))
    task = CallTask(
        client_id=iv.client_id,
        intervention_id=iv.id,
        kind="follow_up",
        due_at=due,
        note=f"Follow-up call: {iv.title}",
    )
    session.add(task)
    session.flush()
    local = due.astimezone(cal.tz)
    add_event(
        session,
        iv,
        now,
        "call",
        f"follow-up call scheduled for {local:%Y-%m-%d %H:%M}",
        ref_id=task.id,
        code="task_follow_up",
        params={"due": due.isoformat()},
    )
    return task.id


def in_business_time(settings: SchedulingSettings, moment: datetime) -> datetime:
    """Moves a task time that falls outside business hours to the next opening."""
    cal = settings.calendar()
    if cal.is_business_time(moment):
        return moment
    return cal.add_business_time(moment, timedelta(0))
