"""Gathers the monthly service report of a client: one pass over the recorded history builds the
tables, and the summary is summed from them (``ServiceReport.summary``).

Rules of the figures: ``msp_console.domain.billing.report_figures``; the backup-day rule:
``msp_console.domain.backup_kinds``. A machine counts from when it was added (or from its first
recorded result, when imported history is older than its row).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.billing.report_data import (
    BackupDay,
    InterventionLine,
    MachineLine,
    MaintenanceLine,
    ProblemLine,
    SecurityRow,
    SecuritySummary,
    ServiceLine,
    ServiceReport,
)
from msp_console.db.models import Client, CompanyProfile, Contract, Intervention
from msp_console.domain.backup_kinds import is_backup_check
from msp_console.domain.billing.report_figures import (
    CheckHistory,
    Episode,
    Interval,
    backup_day_states,
    episodes,
    measure,
    merge,
    minutes,
    window_intervals,
)
from msp_console.domain.billing.report_period import ReportPeriod, local_date, report_period
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.services.billing.report_history import (
    ClientHistory,
    antivirus_age,
    aware,
    load_client_history,
)
from msp_console.services.database import Database

if TYPE_CHECKING:
    from msp_console.db.models import SessionLog

REACHABILITY = ("ping", "tcp")  # the check that says whether the machine itself is up, in this order


def gather(
    db: Database, client_name: str, year: int, month: int, *, now: datetime | None = None
) -> ServiceReport:
    period = report_period(year, month, now or datetime.now(UTC))
    with db.read() as session:
        client = session.scalars(select(Client).where(Client.name == client_name)).first()
        if client is None:
            raise NotFoundError(f"no client named '{client_name}'")
        return build_report(session, client, period)


def active_contract(session: Session, client_id: int, period: ReportPeriod) -> Contract | None:
    return session.scalars(
        select(Contract)
        .where(
            Contract.client_id == client_id,
            Contract.start <= period.month_last,
            (Contract.end.is_(None)) | (Contract.end >= period.month_first),
        )
        .order_by(Contract.start.desc(), Contract.id.desc())
    ).first()


def build_report(session: Session, client: Client, period: ReportPeriod) -> ServiceReport:
    """Refuses (ValidationError, field-named) what would be an empty or invented report."""
    label = f"{period.month_first:%Y-%m}"
    history = load_client_history(session, client.id, period.start, period.end)
    if not history.machines:
        raise ValidationError.single(
            "client",
            f"{client.name} has no machines: there is nothing to report",
            "report_no_machines",
            client=client.name,
        )
    since = min([aware(client.created_at), *history.first_seen.values()])
    if local_date(since) > period.last:
        raise ValidationError.single(
            "month",
            f"{client.name} was added on {local_date(since):%d/%m/%Y}: "
            f"there is nothing to report for {label}",
            "report_before_client",
            client=client.name,
            day=local_date(since).isoformat(),
            month=label,
        )
    profile = session.get(CompanyProfile, 1)
    contract = active_contract(session, client.id, period)
    report = _assemble(session, client, period, history, profile.name if profile else "", contract)
    report = replace(report, security=_security(session, client.id, period, report.language))
    if (
        not any(h.changes or h.initial for h in history.histories.values())
        and not report.interventions
        and not any(m.sessions for m in report.machines)
    ):
        raise ValidationError.single(
            "month",
            f"{client.name} has no recorded monitoring or interventions in {label}: nothing to report",
            "report_no_history",
            client=client.name,
            month=label,
        )
    return report


def _assemble(
    session: Session,
    client: Client,
    period: ReportPeriod,
    h: ClientHistory,
    company: str,
    contract: Contract | None,
) -> ServiceReport:
    start, end = period.start, period.end
    handled = _handled_checks(h.interventions)
    occurrences = [(w, window_intervals(w, start, end)) for w in h.windows]
    names = {m.id: m.name for m in h.machines}
    machines, services, problems, maint_lines = [], [], [], []
    for w, spans in occurrences:
        label = names.get(w.machine_id, "") if w.machine_id is not None else ""
        maint_lines += [MaintenanceLine(label, a, b, w.comment) for a, b in spans]
    for m in h.machines:
        added_at = min(aware(m.created_at), h.first_seen.get(m.id, aware(m.created_at)))
        cover = max(start, added_at)
        maint = merge(i for w, spans in occurrences if w.covers(m.id, client.id) for i in spans)
        checks = [h.histories[c.id] for c in h.checks if c.machine_id == m.id]
        by_tech = by_itself = caught = 0
        for c in checks:
            found = episodes(c, cover, end, maint) if cover < end else []
            caught += len(found)
            for e in found:
                who = _solved_by(e, handled.get(c.check_id, []))
                by_tech += who == "technician"
                by_itself += who == "itself"
                problems.append(ProblemLine(m.name, c.name, c.kind, e.worst, e.started, e.ended, who))
            got = measure(c, cover, end, maint) if cover < end else None
            services.append(
                ServiceLine(
                    m.name,
                    c.name,
                    c.kind,
                    got.up_s if got else 0.0,
                    got.down_s if got else 0.0,
                    got.maintenance_s if got else 0.0,
                    len(found),
                )
            )
        host = _reachability(checks)
        up = measure(host, cover, end, maint) if host is not None and cover < end else None
        mine = [s for s in h.sessions if s.machine_id == m.id]
        machines.append(
            MachineLine(
                name=m.name,
                kind=m.kind,
                address=m.address,
                added=local_date(added_at) if added_at > start else None,
                checks=len(checks),
                up_s=up.up_s if up else 0.0,
                down_s=up.down_s if up else 0.0,
                maintenance_s=_clipped(maint, cover, end),
                problems=caught,
                solved_by_technician=by_tech,
                solved_on_own=by_itself,
                sessions=len(mine),
                session_minutes=_session_minutes(mine),
                antivirus_days=(
                    antivirus_age(session, m.id, end) if any(c.kind == "ssh" for c in checks) else None
                ),
            )
        )
    problems.sort(key=lambda p: (p.started, p.machine, p.check))
    return ServiceReport(
        client=client.name,
        company=company,
        language=contract.language if contract else "it",
        period=period,
        machines=tuple(machines),
        services=tuple(services),
        problems=tuple(problems),
        interventions=tuple(_intervention_line(i, end) for i in h.interventions),
        maintenance=tuple(sorted(maint_lines, key=lambda x: (x.start, x.machine))),
        backup_days=_backup_days(period, [x for x in h.histories.values() if is_backup_check(x.kind)]),
    )


def _reachability(checks: list[CheckHistory]) -> CheckHistory | None:
    for kind in REACHABILITY:
        for c in checks:
            if c.kind == kind:
                return c
    return None


def _clipped(spans: list[Interval], start: datetime, end: datetime) -> float:
    return sum(max(0.0, (min(b, end) - max(a, start)).total_seconds()) for a, b in spans)


def _session_minutes(sessions: list[SessionLog]) -> int:
    return sum(
        minutes((aware(s.ended_at) - aware(s.started_at)).total_seconds()) for s in sessions if s.ended_at
    )


def _handled_checks(interventions: list[Intervention]) -> dict[int, list[Intervention]]:
    out: dict[int, list[Intervention]] = {}
    for iv in interventions:
        if iv.check_ref.startswith("check:") and iv.check_ref[6:].isdigit():
            out.setdefault(int(iv.check_ref[6:]), []).append(iv)
    return out


def _solved_by(episode: Episode, interventions: list[Intervention]) -> str:
    """ "technician" when an intervention about the check was open while the problem lasted."""
    if episode.ended is None:
        return ""
    for iv in interventions:
        closed = aware(iv.closed_at) if iv.closed_at else None
        if aware(iv.opened_at) <= episode.ended and (closed is None or closed >= episode.started):
            return "technician"
    return "itself"


def _late(done: datetime | None, due: datetime | None, end: datetime) -> bool:
    """Past its due time: done after it, or not done by the end of the span."""
    return due is not None and aware(done or end) > aware(due)


def _intervention_line(iv: Intervention, end: datetime) -> InterventionLine:
    """SLA "missed" when a breach was recorded or the times show one (even if the periodic SLA
    check did not run), "met" when done in time, "open" while it may still be met."""
    closed = aware(iv.closed_at) if iv.closed_at else None
    if (
        iv.response_breached_at
        or iv.resolution_breached_at
        or _late(iv.responded_at or closed, iv.response_due_at, end)
        or _late(closed, iv.resolution_due_at, end)
    ):
        sla = "missed"
    elif iv.response_due_at is None and iv.resolution_due_at is None:
        sla = ""
    else:
        sla = "met" if closed else "open"
    return InterventionLine(
        local_date(aware(iv.opened_at)),
        iv.title,
        iv.origin,
        iv.state,
        local_date(closed) if closed else None,
        sla,
    )


def _backup_days(period: ReportPeriod, checks: list[CheckHistory]) -> tuple[BackupDay, ...]:
    days = period.days()
    states = backup_day_states([(a, b) for _d, a, b in days], checks)
    out = [BackupDay(d, s) for (d, _a, _b), s in zip(days, states, strict=True)]
    day = period.last
    while len(out) < period.month_last.day:
        day = day.fromordinal(day.toordinal() + 1)
        out.append(BackupDay(day, "future"))
    return tuple(out)


def clients_with_contract(session: Session, period: ReportPeriod) -> list[Client]:
    """Clients (not archived) with a contract active at some point of the month."""
    ids = select(Contract.client_id).where(
        Contract.start <= period.month_last, (Contract.end.is_(None)) | (Contract.end >= period.month_first)
    )
    return list(
        session.scalars(
            select(Client).where(Client.id.in_(ids), Client.archived.is_(False)).order_by(Client.name)
        )
    )


def _security(
    session: Session, client_id: int, period: ReportPeriod, language: str
) -> SecuritySummary | None:
    """Each security point at the end of the period (the machines' last readings, at most 48 h
    old): how many machines were green; None when no machine reports its posture then."""
    from msp_console.billing.report_text import Words
    from msp_console.services.security import client_security

    summary = client_security(session, client_id, now=min(period.end, datetime.now(UTC)))
    if not summary.machines:
        return None
    words = Words(language)
    return SecuritySummary(
        tuple(
            SecurityRow(
                str(t.point),
                words["security_machines"].format(green=t.green, reported=t.reported),
                t.all_green,
            )
            for t in summary.points
        )
    )
