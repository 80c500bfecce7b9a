"""The technician's morning page: whom to call, where to be, what is about to breach."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import column, inspect, select, table
from sqlalchemy.orm import Session

from msp_console.db.base import utcnow
from msp_console.db.models import Client, Intervention, InterventionMachine, Machine
from msp_console.domain.business_calendar import BusinessCalendar
from msp_console.domain.intervention_state import InterventionState
from msp_console.domain.sla import SlaPlanSpec
from msp_console.services.database import Database
from msp_console.services.interventions import sla_service
from msp_console.services.interventions.appointments import Appointments
from msp_console.services.interventions.calls import Calls
from msp_console.services.interventions.core import check_ref
from msp_console.services.interventions.interventions import ACTIVE
from msp_console.services.interventions.settings import load_settings
from msp_console.services.interventions.views import ProblemToCall, SlaAlert, TodayView

S = InterventionState
NOT_CALLED = (S.OPEN.value, S.REOPENED.value)
ALERT_LEVELS = ("warning", "breached")


def today(db: Database, now: datetime | None = None) -> TodayView:
    now = now or utcnow()
    with db.read() as s:
        cal = load_settings(s).calendar()
        local_day = now.astimezone(cal.tz).date()
        problems = _interventions_to_call(s) + _monitoring_problems(s)
        alerts = _sla_alerts(s, cal, now)
    start = datetime.combine(local_day, time(0), cal.tz)
    appointments = Appointments(db).between(start, start + timedelta(days=1))
    end_of_day = datetime.combine(local_day, time(23, 59, 59), cal.tz)
    return TodayView(
        day=local_day.isoformat(),
        problems_to_call=tuple(problems),
        appointments=tuple(appointments),
        calls_due=tuple(Calls(db).due(end_of_day)),
        sla_alerts=tuple(alerts),
    )


def _interventions_to_call(s: Session) -> list[ProblemToCall]:
    out = []
    found = s.execute(
        select(Intervention, Client)
        .join(Client, Client.id == Intervention.client_id)
        .where(Intervention.state.in_(NOT_CALLED))
        .order_by(Intervention.opened_at)
    )
    rows = list(found)
    machines: dict[int, str] = {}
    for iid, name in s.execute(
        select(InterventionMachine.intervention_id, Machine.name)
        .join(Machine, InterventionMachine.machine_id == Machine.id)
        .where(InterventionMachine.intervention_id.in_([iv.id for iv, _ in rows]))
        .order_by(Machine.name)
    ):
        machines.setdefault(iid, name)
    for iv, client in rows:
        machine = machines.get(iv.id)
        out.append(
            ProblemToCall(
                client.id,
                client.name,
                machine or "",
                f"{iv.priority} {iv.title}",
                iv.opened_at,
                iv.id,
                client.phone,
            )
        )
    return out


def _monitoring_problems(s: Session) -> list[ProblemToCall]:
    """Checks in a hard WARNING/CRITICAL state, not acknowledged, without an active intervention.

    Read through plain table constructs, only when the monitoring tables exist (their feature may
    not be installed in this database yet).
    """
    if not inspect(s.get_bind()).has_table("check_status"):
        return []
    chk = table("check", column("id"), column("machine_id"), column("name"))
    st = table(
        "check_status",
        column("check_id"),
        column("hard_state"),
        column("acked"),
        column("output"),
        column("last_hard_change"),
    )
    rows = s.execute(
        select(
            chk.c.id,
            chk.c.name,
            st.c.hard_state,
            st.c.output,
            st.c.last_hard_change,
            Machine.name,
            Client.id,
            Client.name,
            Client.phone,
        )
        .join(st, st.c.check_id == chk.c.id)
        .join(Machine, Machine.id == chk.c.machine_id)
        .join(Client, Client.id == Machine.client_id)
        .where(st.c.hard_state.in_(("WARNING", "CRITICAL")), st.c.acked.is_(False))
        .order_by(st.c.last_hard_change)
    ).all()
    handled = set(
        s.scalars(
            select(Intervention.check_ref).where(Intervention.state.in_(ACTIVE), Intervention.check_ref != "")
        )
    )
    out = []
    for check_id, name, state, output, since, machine, client_id, client_name, phone in rows:
        if check_ref(check_id) in handled:
            continue
        summary = f"{state} {name}" + (f": {output}" if output else "")
        out.append(
            ProblemToCall(
                client_id,
                client_name,
                machine,
                summary,
                since or utcnow(),
                None,
                phone,
                state,
                name,
                output or "",
            )
        )
    return out


def _sla_alerts(s: Session, cal: BusinessCalendar, now: datetime) -> list[SlaAlert]:
    out = []
    rows = list(
        s.execute(
            select(Intervention, Client.name)
            .join(Client, Client.id == Intervention.client_id)
            .where(Intervention.state.in_(ACTIVE))
        )
    )
    events = sla_service.state_events_by_intervention(s, [iv.id for iv, _ in rows])
    plans: dict[str, SlaPlanSpec] = {}
    for iv, client_name in rows:
        for clock in sla_service.clock_views(s, iv, cal, now, state_events=events[iv.id], plans=plans):
            if clock.name == "response" and iv.responded_at is not None:
                continue
            if clock.level in ALERT_LEVELS:
                out.append(SlaAlert(iv.id, client_name, iv.title, clock))
    out.sort(key=lambda a: a.clock.remaining)
    return out
