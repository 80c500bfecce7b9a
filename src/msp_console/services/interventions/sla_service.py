"""SLA plans in the database, and the clocks of one intervention computed from its timeline."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.models import ClientSlaPlan, Intervention, InterventionEvent, SlaPlan, SlaPlanTarget
from msp_console.domain.business_calendar import BusinessCalendar
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.domain.intervention_state import InterventionState, Priority
from msp_console.domain.sla import (
    DEFAULT_PLAN,
    ClockStatus,
    Interval,
    SlaPlanSpec,
    SlaTarget,
    resolution_clock,
    response_clock,
    validate_plan,
)
from msp_console.services.interventions.views import SlaClockView

PAUSING = {InterventionState.WAITING_FOR_CLIENT.value, InterventionState.CLOSED.value}


def _spec(plan: SlaPlan) -> SlaPlanSpec:
    return SlaPlanSpec(
        plan.name,
        {
            Priority(t.priority): SlaTarget(
                timedelta(minutes=t.response_minutes), timedelta(minutes=t.resolution_minutes)
            )
            for t in plan.targets
        },
    )


def ensure_default_plan(session: Session) -> SlaPlan:
    plan = session.scalar(select(SlaPlan).where(SlaPlan.is_default.is_(True)))
    if plan is None:
        plan = save_plan(session, DEFAULT_PLAN.name, DEFAULT_PLAN.targets, default=True)
    return plan


def save_plan(
    session: Session, name: str, targets: Mapping[Priority, SlaTarget], *, default: bool = False
) -> SlaPlan:
    spec = validate_plan(name, targets)
    plan = session.scalar(select(SlaPlan).where(SlaPlan.name == spec.name))
    if plan is None:
        plan = SlaPlan(name=spec.name, is_default=False)
        session.add(plan)
    plan.targets.clear()
    session.flush()
    for p, t in spec.targets.items():
        plan.targets.append(
            SlaPlanTarget(
                priority=p.value,
                response_minutes=int(t.response.total_seconds() // 60),
                resolution_minutes=int(t.resolution.total_seconds() // 60),
            )
        )
    if default:
        for other in session.scalars(select(SlaPlan).where(SlaPlan.is_default.is_(True))):
            other.is_default = False
        plan.is_default = True
    session.flush()
    return plan


def assign_plan(session: Session, client_id: int, plan_name: str) -> None:
    """The billing contract calls this with its plan's name."""
    plan = session.scalar(select(SlaPlan).where(SlaPlan.name == plan_name))
    if plan is None:
        raise ValidationError.single("sla_plan", f"no SLA plan named {plan_name!r}")
    link = session.get(ClientSlaPlan, client_id)
    if link is None:
        session.add(ClientSlaPlan(client_id=client_id, plan_id=plan.id))
    else:
        link.plan_id = plan.id


def plan_for_client(session: Session, client_id: int) -> SlaPlanSpec:
    link = session.get(ClientSlaPlan, client_id)
    plan = session.get(SlaPlan, link.plan_id) if link else ensure_default_plan(session)
    return _spec(plan) if plan else DEFAULT_PLAN


def plan_by_name(session: Session, name: str) -> SlaPlanSpec:
    plan = session.scalar(select(SlaPlan).where(SlaPlan.name == name)) if name else None
    if plan is None:
        if not name:
            return _spec(ensure_default_plan(session))
        raise NotFoundError(f"SLA plan {name!r} not found")
    return _spec(plan)


def pauses(events: list[InterventionEvent]) -> list[Interval]:
    """Intervals spent waiting for the client or closed, from the state changes in the timeline."""
    out: list[Interval] = []
    started: datetime | None = None
    for e in events:
        if e.kind != "state":
            continue
        if e.to_state in PAUSING and started is None:
            started = e.at
        elif e.to_state not in PAUSING and started is not None:
            out.append((started, e.at))
            started = None
    if started is not None:
        out.append((started, None))
    return out


def clocks(
    session: Session,
    iv: Intervention,
    cal: BusinessCalendar,
    now: datetime,
    *,
    state_events: list[InterventionEvent] | None = None,
    plans: dict[str, SlaPlanSpec] | None = None,
) -> tuple[ClockStatus, ClockStatus]:
    """Both clocks of one intervention; lists (Today page) pass prefetched events and plans."""
    spec = plans.get(iv.sla_plan) if plans is not None else None
    if spec is None:
        try:
            spec = plan_by_name(session, iv.sla_plan)
        except NotFoundError:
            spec = DEFAULT_PLAN
        if plans is not None:
            plans[iv.sla_plan] = spec
    target = spec.target(Priority(iv.priority))
    if state_events is None:
        state_events = list(
            session.scalars(
                select(InterventionEvent)
                .where(InterventionEvent.intervention_id == iv.id, InterventionEvent.kind == "state")
                .order_by(InterventionEvent.at, InterventionEvent.id)
            )
        )
    resolved = iv.closed_at if iv.state == InterventionState.CLOSED.value else None
    # A closed intervention's clock stops at closing; the closed interval is only a pause once reopened.
    intervals = [p for p in pauses(state_events) if not (resolved and p[1] is None)]
    return (
        response_clock(cal, iv.opened_at, target.response, iv.responded_at, now),
        resolution_clock(cal, iv.opened_at, target.resolution, intervals, resolved, now),
    )


def state_events_by_intervention(session: Session, ids: list[int]) -> dict[int, list[InterventionEvent]]:
    """The state changes of many interventions in one query (for lists)."""
    out: dict[int, list[InterventionEvent]] = {i: [] for i in ids}
    if ids:
        for e in session.scalars(
            select(InterventionEvent)
            .where(InterventionEvent.intervention_id.in_(ids), InterventionEvent.kind == "state")
            .order_by(InterventionEvent.at, InterventionEvent.id)
        ):
            out[e.intervention_id].append(e)
    return out


def refresh(session: Session, iv: Intervention, cal: BusinessCalendar, now: datetime) -> list[str]:
    """Stores the deadlines and records a breach once; returns the names of clocks newly breached."""
    response, resolution = clocks(session, iv, cal, now)
    iv.response_due_at = response.deadline
    iv.resolution_due_at = resolution.deadline
    newly: list[str] = []
    if response.breached and iv.response_breached_at is None:
        iv.response_breached_at = response.deadline or now
        newly.append("response")
    if resolution.breached and iv.resolution_breached_at is None:
        iv.resolution_breached_at = min(now, resolution.deadline) if resolution.deadline else now
        newly.append("resolution")
    for name in newly:
        session.add(
            InterventionEvent(
                intervention_id=iv.id,
                at=now,
                kind="sla",
                summary=f"{name} SLA breached",
                code="sla_breached",
                params={"clock": name},
            )
        )
    return newly


def clock_views(
    session: Session,
    iv: Intervention,
    cal: BusinessCalendar,
    now: datetime,
    *,
    state_events: list[InterventionEvent] | None = None,
    plans: dict[str, SlaPlanSpec] | None = None,
) -> tuple[SlaClockView, ...]:
    response, resolution = clocks(session, iv, cal, now, state_events=state_events, plans=plans)
    return (
        _view("response", response, iv.response_breached_at),
        _view("resolution", resolution, iv.resolution_breached_at),
    )


def _view(name: str, c: ClockStatus, breached_at: datetime | None) -> SlaClockView:
    level = "breached" if breached_at is not None else c.level.value
    return SlaClockView(
        name=name,
        level=level,
        target=c.target,
        elapsed=c.elapsed,
        remaining=c.remaining,
        deadline=c.deadline,
        breached_at=breached_at,
    )
