"""Gathers the monthly service report of a client from whatever the database records.

Monitoring and interventions live in other features' tables; each part is read only when its
tables exist, otherwise the report says the figure is not available yet.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, MetaData, Table, and_, func, inspect, or_, select

from msp_console.billing.report_data import InterventionLine, MachineLine, ServiceReport
from msp_console.db.models import Client, CompanyProfile, Contract, Machine
from msp_console.domain.billing.availability import ok_days, state_durations, uptime_ratio
from msp_console.domain.billing.periods import add_months
from msp_console.domain.errors import NotFoundError
from msp_console.fileio import atomic_write_bytes
from msp_console.services.database import Database

ROME = ZoneInfo("Europe/Rome")
PROBLEM_STATES = ("WARNING", "CRITICAL", "UNREACHABLE")


def _local(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=ROME).astimezone(UTC)


def _tables(conn: Connection, *names: str) -> dict[str, Table] | None:
    insp = inspect(conn)
    if not all(insp.has_table(n) for n in names):
        return None
    meta = MetaData()
    tables = {n: Table(n, meta, autoload_with=conn) for n in names if n != "state_event"}
    if "state_event" in names:  # the model's columns decode its codes and integer times
        from msp_console.db.models import StateEvent

        tables["state_event"] = StateEvent.__table__  # type: ignore[assignment]
    return tables


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _timeline(
    conn: Connection, t: dict[str, Table], check_id: int, start: datetime, end: datetime
) -> tuple[str | None, list[tuple[datetime, str]]]:
    ev = t["state_event"]
    before = conn.execute(
        select(ev.c.hard_state)
        .where(ev.c.check_id == check_id, ev.c.at <= start)
        .order_by(ev.c.at.desc())
        .limit(1)
    ).scalar()
    rows = conn.execute(
        select(ev.c.at, ev.c.hard_state)
        .where(ev.c.check_id == check_id, ev.c.at > start, ev.c.at < end)
        .order_by(ev.c.at)
    ).all()
    changes = [(_aware(at), state) for at, state in rows]
    if before is None:
        status = t["check_status"]
        row = conn.execute(
            select(status.c.hard_state, status.c.last_hard_change).where(status.c.check_id == check_id)
        ).first()
        if row is not None and row[1] is not None and _aware(row[1]) <= start and row[0] != "PENDING":
            before = row[0]
    return before, changes


def gather(db: Database, client_name: str, year: int, month: int) -> ServiceReport:
    first = date(year, month, 1)
    last = add_months(first, 1) - timedelta(days=1)
    start, end = _local(first), _local(last + timedelta(days=1))
    with db.read() as session:
        client = session.scalars(select(Client).where(Client.name == client_name)).first()
        if client is None:
            raise NotFoundError(f"no client named '{client_name}'")
        profile = session.get(CompanyProfile, 1)
        contract = session.scalars(select(Contract).where(Contract.client_id == client.id)).first()
        language = contract.language if contract else "it"
        machines = list(
            session.scalars(select(Machine).where(Machine.client_id == client.id).order_by(Machine.name))
        )
        conn = session.connection()
        report: dict[str, Any] = {}
        mon = _tables(conn, "check", "check_status", "state_event")
        lines = []
        backup_ok = backup_known = 0
        has_backup = False
        days = [
            (_local(first + timedelta(days=i)), _local(first + timedelta(days=i + 1)))
            for i in range((last - first).days + 1)
        ]
        for m in machines:
            if mon is None:
                lines.append(MachineLine(m.name, m.kind, m.address, None, None, None))
                continue
            checks = conn.execute(
                select(mon["check"].c.id, mon["check"].c.type).where(mon["check"].c.machine_id == m.id)
            ).all()
            ping = [cid for cid, kind in checks if kind == "ping"]
            uptime = None
            if ping:
                initial, changes = _timeline(conn, mon, ping[0], start, end)
                uptime = uptime_ratio(state_durations(initial, changes, start, end))
            ev = mon["state_event"]
            problems = conn.execute(
                select(func.count()).where(
                    ev.c.check_id.in_([cid for cid, _ in checks] or [-1]),
                    ev.c.at >= start,
                    ev.c.at < end,
                    ev.c.state_type == "hard",
                    ev.c.hard_state.in_(PROBLEM_STATES),
                    ev.c.previous_hard_state != ev.c.hard_state,
                )
            ).scalar_one()
            for cid, kind in checks:
                if kind == "backup_age":
                    has_backup = True
                    initial, changes = _timeline(conn, mon, cid, start, end)
                    good, known = ok_days(initial, changes, days)
                    backup_ok += good
                    backup_known += known
            lines.append(MachineLine(m.name, m.kind, m.address, len(checks), uptime, problems))
        if has_backup:
            report["backup_ok_days"], report["backup_known_days"] = backup_ok, backup_known
        report.update(_interventions(conn, client.id, [m.id for m in machines], start, end))
    return ServiceReport(
        client=client.name,
        company=profile.name if profile else "",
        month_start=first,
        month_end=last,
        language=language,
        machines=tuple(lines),
        **report,
    )


def _interventions(
    conn: Connection, client_id: int, machine_ids: list[int], start: datetime, end: datetime
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    iv_t = _tables(conn, "intervention")
    if iv_t is not None:
        iv = iv_t["intervention"]
        rows = (
            conn.execute(
                select(iv)
                .where(
                    iv.c.client_id == client_id,
                    iv.c.opened_at < end,
                    or_(iv.c.closed_at.is_(None), iv.c.closed_at >= start),
                )
                .order_by(iv.c.opened_at)
            )
            .mappings()
            .all()
        )
        items, met, missed = [], 0, 0
        for r in rows:
            breached = r["response_breached_at"] or r["resolution_breached_at"]
            closed = r["closed_at"]
            sla = "missed" if breached else ("met" if closed and r["resolution_due_at"] else "")
            if not breached and not closed:
                sla = "open"
            met += sla == "met"
            missed += sla == "missed"
            items.append(
                InterventionLine(
                    _aware(r["opened_at"]).astimezone(ROME).date(),
                    r["title"],
                    r["origin"],
                    r["state"],
                    _aware(closed).astimezone(ROME).date() if closed else None,
                    sla,
                )
            )
        opened_here = [r for r in rows if start <= _aware(r["opened_at"]) < end]
        monitoring = [r for r in opened_here if r["origin"] == "monitoring"]
        out.update(
            interventions=tuple(items),
            problems_detected=len(monitoring),
            problems_resolved=sum(1 for r in monitoring if r["closed_at"] and _aware(r["closed_at"]) < end),
            client_reported=sum(1 for r in opened_here if r["origin"] == "client_call"),
            sla_met=met,
            sla_missed=missed,
        )
    sess_t = _tables(conn, "session_log")
    if sess_t is not None:
        sl = sess_t["session_log"]
        rows2 = conn.execute(
            select(sl.c.started_at, sl.c.ended_at).where(
                sl.c.machine_id.in_(machine_ids or [-1]), sl.c.started_at >= start, sl.c.started_at < end
            )
        ).all()
        out["sessions"] = len(rows2)
        spans = [(_aware(b) - _aware(a)).total_seconds() for a, b in rows2 if b]
        out["session_minutes"] = int(sum(spans) // 60)
    call_t = _tables(conn, "call_log")
    if call_t is not None:
        cl = call_t["call_log"]
        out["calls"] = conn.execute(
            select(func.count()).where(and_(cl.c.client_id == client_id, cl.c.at >= start, cl.c.at < end))
        ).scalar_one()
    return out


def write_service_report(db: Database, client_name: str, month: tuple[int, int], out: Path) -> Path:
    from msp_console.billing.report_pdf import render_service_report

    report = gather(db, client_name, *month)
    atomic_write_bytes(Path(out), render_service_report(report))
    return Path(out)
