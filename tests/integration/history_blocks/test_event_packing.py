"""Old months' state events packed into blocks by the retention job read back as they were."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

from msp_console.app import App
from msp_console.db import event_history
from msp_console.db.event_history import block_events, outputs, pack_events
from msp_console.db.models import Check, Client, Machine, StateEvent, StateEventBlock
from msp_console.db.models.monitoring import _client_has_monitoring_history
from msp_console.db.models.monitoring_history import from_micros, with_outputs
from msp_console.monitoring.live import state_timeline
from msp_console.monitoring.retention import run_retention
from msp_console.services.billing.report_history import load_client_history

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # rows keep November and December
SEPTEMBER, OCTOBER, NOVEMBER = (datetime(2026, m, 1, tzinfo=UTC) for m in (9, 10, 11))
OUTPUTS = [
    "TCP 10.0.0.5:443 open in {x:.1f} ms",
    "no reply (3 of 3 packets lost)",
    "disco C: {x:.1f} % — pieno",
    "",
]


def _fleet(app: App) -> tuple[int, int, int, list[int]]:
    """(client, machine, an old client's id, the checks): events from August to now."""
    rng = random.Random(3)
    with app.db.transaction() as s:
        clients = [Client(name="Studio Neri"), Client(name="Vecchio cliente")]
        s.add_all(clients)
        s.flush()
        machines = [Machine(client_id=c.id, name=f"srv{c.id}", address="10.0.0.9") for c in clients]
        s.add_all(machines)
        s.flush()
        checks = [
            Check(machine_id=machines[i // 3].id, type="tcp", name=f"c{i}", params={"port": "443"})
            for i in range(4)
        ]
        s.add_all(checks)
        s.flush()
        events = []
        for n, check in enumerate(checks):
            first = (
                datetime(2026, 8, 20, tzinfo=UTC)
                if check.machine_id == machines[0].id
                else datetime(2026, 9, 2, tzinfo=UTC)
            )
            at = first + timedelta(minutes=n)  # no two checks change at the same instant (no order for ties)
            end = NOW if check.machine_id == machines[0].id else datetime(2026, 10, 15, tzinfo=UTC)
            state = "OK"
            while at < end:
                new = rng.choice(["OK", "WARNING", "CRITICAL"])
                hard = rng.random() < 0.6
                events.append(
                    {
                        "check_id": check.id,
                        "at": at,
                        "kind": "hard_change" if hard else "soft_change",
                        "state": new,
                        "hard_state": new if hard else state,
                        "state_type": "hard" if hard else "soft",
                        "previous_state": state,
                        "previous_hard_state": state,
                        "attempt": rng.randint(1, 3),
                        "notify": rng.random() < 0.5,
                        "output": rng.choice(OUTPUTS).format(x=rng.uniform(0, 100)),
                    }
                )
                state = new if hard else state
                at += timedelta(hours=rng.uniform(1, 30), microseconds=rng.randint(0, 999_999))
            events.append({**events[-1], "at": events[-1]["at"]})  # two events at the same µs
        s.execute(insert(StateEvent), with_outputs(s, events))
        return clients[0].id, machines[0].id, clients[1].id, [c.id for c in checks]


def _all_events(app: App) -> list[tuple]:
    """Every column of every event, rows and blocks alike, output as text."""
    with app.db.read() as s:
        ids = list(s.scalars(select(Check.id)))
        found = [
            (
                e.check_id,
                e.at,
                e.kind,
                e.state,
                e.hard_state,
                e.state_type,
                e.previous_state,
                e.previous_hard_state,
                e.attempt,
                e.notify,
                e.output,
            )
            for e in s.scalars(select(StateEvent))
        ]
        packed = block_events(s, ids, None, None)
        for (cid, e), text in zip(packed, outputs(s, [e for _c, e in packed]), strict=True):
            found.append(
                (
                    cid,
                    from_micros(e.at_us),
                    e.kind,
                    e.state,
                    e.hard_state,
                    e.state_type,
                    e.previous_state,
                    e.previous_hard_state,
                    e.attempt,
                    e.notify,
                    text,
                )
            )
    return sorted(found)


def _views(app: App, client: int, machine: int) -> tuple:
    with app.db.read() as s:
        timelines = [
            state_timeline(s, machine, NOW - timedelta(days=days), limit)
            for days, limit in ((30, 500), (120, 500), (120, 7))
        ]
        reports = []
        for start, end in (
            (SEPTEMBER, OCTOBER),
            (OCTOBER, NOVEMBER),
            (OCTOBER + timedelta(days=9, hours=5), NOVEMBER),
        ):
            h = load_client_history(s, client, start, end)
            reports.append((h.histories, h.first_seen))
    return timelines, reports


def test_old_months_are_packed_and_every_reader_shows_the_same(app: App) -> None:
    client, machine, old_client, _checks = _fleet(app)
    events, views = _all_events(app), _views(app, client, machine)
    assert len(views[0][2]) == 7 and any(v.output for v in views[0][1])

    report = run_retention(app.db, NOW)

    with app.db.read() as s:
        old_rows = s.scalar(
            select(func.count()).select_from(StateEvent).where(StateEvent.at < OCTOBER + timedelta(days=31))
        )
        months = sorted(
            {(c, m) for c, m in s.execute(select(StateEventBlock.check_id, StateEventBlock.start))}
        )
        assert _client_has_monitoring_history(s, old_client)  # its events are all packed now
    assert old_rows == 0 and report.packed_events > 0
    # August, September and October of the first client's three checks; the other's two months.
    assert len(months) == 3 * 3 + 2
    assert _all_events(app) == events
    assert _views(app, client, machine) == views
    assert run_retention(app.db, NOW + timedelta(minutes=5)).packed_events == 0


def test_a_late_event_joins_its_packed_month_and_blocks_expire_whole(app: App) -> None:
    _client, _machine, _old, checks = _fleet(app)
    run_retention(app.db, NOW)
    late = {
        "check_id": checks[0],
        "at": datetime(2026, 9, 15, 8, 30, 0, 123_456, tzinfo=UTC),
        "kind": "hard_change",
        "state": "CRITICAL",
        "hard_state": "CRITICAL",
        "state_type": "hard",
        "previous_state": "OK",
        "previous_hard_state": "OK",
        "attempt": 3,
        "notify": True,
        "output": "imported: 42 % loss",
    }
    with app.db.transaction() as s:
        s.execute(insert(StateEvent), with_outputs(s, [late]))
    events = _all_events(app)
    with app.db.transaction() as s:
        assert pack_events(s, NOW).events == 1
    assert _all_events(app) == events
    # 25 months later September's block is gone whole, October's is still there.
    run_retention(app.db, datetime(2028, 11, 5, tzinfo=UTC))  # 760 days: 2026-10-06
    with app.db.read() as s:
        starts = set(s.scalars(select(StateEventBlock.start).where(StateEventBlock.check_id == checks[0])))
    assert int(SEPTEMBER.timestamp()) not in starts and int(OCTOBER.timestamp()) in starts


def test_a_big_backlog_is_packed_over_several_runs(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_history, "CHECK_BATCH", 1)
    monkeypatch.setattr(event_history, "PACK_EVENTS_PER_RUN", 1)
    _fleet(app)
    events = _all_events(app)
    runs = [run_retention(app.db, NOW + timedelta(minutes=5 * i)).packed_events for i in range(6)]
    assert all(runs[:4]) and runs[4:] == [0, 0]  # one check a run, while readers see it all
    assert _all_events(app) == events
