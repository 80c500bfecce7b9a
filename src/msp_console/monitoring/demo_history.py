"""Weeks of generated monitoring history for the demo database, written straight into the tables.

Runs once when the demo is created (``msp_console.demo.ensure_demo_data``): it adds a nightly-backup check
to the demo's backup servers, then writes each check's current status, three weeks of hard
state changes, and metric roll-ups (hourly for 30 days, 5-minute for the last days) computed
from the same story the live simulator tells (``demo_sim``) — so charts and live values agree.
Bulk inserts keep it well under two seconds. The live PC ("questo-pc") gets no invented
history: the window polls it for real.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from msp_console.db.models import (
    Acknowledgement,
    Check,
    Client,
    Machine,
    MaintenanceWindow,
    MetricRollup1h,
    MetricRollup5m,
    MetricSeries,
    StateEvent,
)
from msp_console.db.models import CheckStatus as StatusRow
from msp_console.db.models.monitoring_history import OUTPUT_MAX, with_outputs
from msp_console.domain.health import HealthState
from msp_console.domain.posture import BY_METRIC
from msp_console.monitoring import demo_sim
from msp_console.monitoring.metric_history import charted
from msp_console.monitoring.model import CheckOutcome, CheckSpec, CheckType
from msp_console.monitoring.params import clean_check
from msp_console.monitoring.service import add_check_to

HOURLY_DAYS = 30
FIVE_MIN_DAYS = {CheckType.SSH: 7, CheckType.BACKUP_AGE: 7}  # ping charts use hourly averages
EVENT_DAYS = 21


def _spec(check: Check, machine: Machine) -> CheckSpec:
    return CheckSpec(check.id, machine.id, CheckType(check.type), machine.address, dict(check.params or {}))


def _at(t: float) -> datetime:
    return datetime.fromtimestamp(t, UTC)


def add_demo_history(app: Any, now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    epoch = now.timestamp()
    with app.db.transaction() as s:
        if s.scalar(select(Check.id).where(Check.name == demo_sim.BACKUP_CHECK)) is not None:
            return  # already there
        servers = s.scalars(
            select(Machine).where(Machine.kind == "server", Machine.tags.like("%backup%"))
        ).all()
        for m in servers:
            fields = clean_check(
                "backup_age", demo_sim.BACKUP_CHECK, {"path": "/srv/backup/*.tar.zst"}, "26", "48", 3600
            )
            add_check_to(s, m.id, fields)
        windows = s.scalars(select(Machine).where(Machine.os == "windows", Machine.address != "")).all()
        for m in windows:  # their system check over SSH brings the security posture
            add_check_to(s, m.id, clean_check("ssh", demo_sim.POSTURE_CHECK, {"os": "windows"}, interval=300))
        rows = s.execute(
            select(Check, Machine, Client.name)
            .join(Machine, Check.machine_id == Machine.id)
            .join(Client, Machine.client_id == Client.id)
        ).all()
        statuses: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        metrics: dict[tuple[int, str], str] = {}
        hourly: list[tuple[int, str, int, float]] = []
        five: list[tuple[int, str, int, float]] = []
        for check, machine, _client in rows:
            if machine.address == demo_sim.LIVE_HOST:
                continue
            spec = _spec(check, machine)

            def at(
                t: float, spec: CheckSpec = spec, machine: Machine = machine, check: Check = check
            ) -> CheckOutcome:
                return demo_sim.synthetic(spec, machine.name, check.name, t, epoch)

            current = at(epoch)
            since = epoch - EVENT_DAYS * demo_sim.DAY  # healthy all along: no events
            if machine.name in demo_sim.STORY:
                flapping = machine.name == demo_sim.FLAPPING
                since = _history_events(check.id, at, epoch, events, 180.0 if flapping else 900.0)
            statuses.append(_status(check.id, current, since, now, check.interval_s))
            _history_metrics(check.id, spec.type, at, epoch, metrics, hourly, five)
            if machine.name == demo_sim.ACKED and current.state is not HealthState.OK:
                statuses[-1].update(acked=True, ack_sticky=True, ack_author="demo")
                statuses[-1]["ack_comment"] = "RAM aggiuntiva ordinata (ticket 4312)"
                s.add(
                    Acknowledgement(
                        check_id=check.id,
                        author="demo",
                        comment=statuses[-1]["ack_comment"],
                        sticky=True,
                        state=current.state.value,
                        at=now - timedelta(days=2),
                    )
                )
            if machine.name == demo_sim.IN_MAINTENANCE and check.type == CheckType.TCP.value:
                s.add(
                    MaintenanceWindow(
                        client_id=machine.client_id,
                        machine_id=machine.id,
                        start=now - timedelta(minutes=30),
                        end=now + timedelta(hours=2),
                        comment="Aggiornamenti Windows e riavvio",
                    )
                )
        if statuses:
            s.execute(insert(StatusRow), statuses)
        if events:
            s.execute(insert(StateEvent), with_outputs(s, events))
        _write_metrics(s, metrics, hourly, five)
    check_live_pc(app)


def check_live_pc(app: Any) -> None:
    """The demo's own PC (127.0.0.1) is checked for real once, so it is green from the start."""
    from msp_console.monitoring.engine import Engine
    from msp_console.monitoring.poller import default_runner
    from msp_console.monitoring.store import load_plan, load_statuses
    from msp_console.monitoring.writer import persist

    with app.db.read() as s:
        live = list(s.scalars(select(Machine.id).where(Machine.address == demo_sim.LIVE_HOST)))
        plan = load_plan(s, live) if live else []
        statuses = load_statuses(s, [p.spec.check_id for p in plan])
    if not plan:
        return
    engine = Engine(default_runner(app.db), workers=2)
    engine.set_checks(plan, statuses)
    done = engine.run_once(timeout_s=15)
    with app.db.transaction() as s:
        persist(s, done)


def _status(check_id: int, out: CheckOutcome, since: float, now: datetime, interval: int) -> dict[str, Any]:
    return {
        "check_id": check_id,
        "state": out.state.value,
        "hard_state": out.state.value,
        "state_type": "hard",
        "attempt": 1,
        "output": out.output,
        "duration_ms": out.duration_ms,
        "last_run": now,
        "next_run": now + timedelta(seconds=min(interval, 30)),
        "last_change": _at(since),
        "last_hard_change": _at(since),
        "history": "",
        "flapping": False,
        "acked": False,
        "ack_comment": "",
        "ack_sticky": False,
        "ack_author": "",
    }


def _history_events(check_id: int, at: Any, epoch: float, events: list[dict[str, Any]], step: float) -> float:
    """Hard state changes over the last weeks (sampled every ``step`` s, the flapping link for a
    week only); returns when the current state began."""
    t = epoch - (7 if step < 600 else EVENT_DAYS) * demo_sim.DAY
    prev = at(t).state
    since = t
    while t < epoch:
        t = min(epoch, t + step)
        out = at(t)
        if out.state is not prev:
            events.append(
                {
                    "check_id": check_id,
                    "at": _at(t),
                    "kind": "hard_change",
                    "state": out.state.value,
                    "hard_state": out.state.value,
                    "state_type": "hard",
                    "previous_state": prev.value,
                    "previous_hard_state": prev.value,
                    "attempt": 1,
                    "output": out.output[:OUTPUT_MAX],
                    "notify": True,
                }
            )
            prev, since = out.state, t
    return since


def _history_metrics(
    check_id: int,
    ctype: CheckType,
    at: Any,
    epoch: float,
    units: dict[tuple[int, str], str],
    hourly: list[tuple[int, str, int, float]],
    five: list[tuple[int, str, int, float]],
) -> None:
    end_h = int(epoch // 3600 * 3600)
    for bucket in range(end_h - HOURLY_DAYS * 86400, end_h, 3600):
        for m in at(bucket + 1800).metrics:
            if not charted(m.name):
                continue
            units[(check_id, m.name)] = m.unit
            hourly.append((check_id, m.name, bucket, m.value))
    days = FIVE_MIN_DAYS.get(ctype, 0)
    end_5 = int(epoch // 300 * 300)
    for m in at(epoch).metrics:  # the security posture: its latest reading is what the card shows
        if (m.name in BY_METRIC or m.name.startswith("firewall_on:")) and not (days and charted(m.name)):
            units[(check_id, m.name)] = m.unit
            five.append((check_id, m.name, end_5 - 300, m.value))
    for bucket in range(end_5 - days * 86400, end_5, 300):
        for m in at(bucket + 150).metrics:
            if not charted(m.name):
                continue
            units[(check_id, m.name)] = m.unit
            five.append((check_id, m.name, bucket, m.value))


def _write_metrics(s: Any, units: dict[tuple[int, str], str], hourly: list[Any], five: list[Any]) -> None:
    if not units:
        return
    s.execute(insert(MetricSeries), [{"check_id": c, "name": n, "unit": u} for (c, n), u in units.items()])
    ids = {
        (c, n): i for i, c, n in s.execute(select(MetricSeries.id, MetricSeries.check_id, MetricSeries.name))
    }
    conn = s.connection()
    for table, rows in ((MetricRollup1h, hourly), (MetricRollup5m, five)):
        if rows:  # Core executemany on the table: the ORM's bulk path is several times slower here
            conn.execute(
                insert(table),
                [
                    {"series_id": ids[(c, n)], "bucket": b, "avg": v, "min": v, "max": v, "count": 1}
                    for c, n, b, v in rows
                ],
            )
