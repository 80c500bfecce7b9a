"""Reads what the service report needs from the recorded history, a few queries per client.

Hard states come from the state events (check, time and hard state only — never the output text):
rows for recent months, ``db.event_history``'s month blocks for older ones — plus ``check_status``
for the state in force since its last hard change (a check that never changed has no event).
Metrics are read only through ``monitoring.metric_history``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msp_console.db.event_history import block_hard_states, first_block_times, last_block_states
from msp_console.db.models import (
    Check,
    CheckStatus,
    Intervention,
    Machine,
    MaintenanceWindow,
    SessionLog,
    StateEvent,
)
from msp_console.db.models.monitoring_history import from_micros, micros
from msp_console.domain.billing.report_figures import CheckHistory
from msp_console.domain.maintenance import MaintenanceWindow as Window

ANTIVIRUS_SERIES = "defender_signature_age"
ANTIVIRUS_LOOKBACK = timedelta(hours=6)  # the last value reported before the end of the span


def aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ClientHistory:
    machines: list[Machine]
    checks: list[Check]
    histories: dict[int, CheckHistory]  # check id -> hard states over the span
    first_seen: dict[int, datetime]  # machine id -> its first recorded result (if any)
    windows: list[Window]
    interventions: list[Intervention]
    sessions: list[SessionLog]


def load_client_history(session: Session, client_id: int, start: datetime, end: datetime) -> ClientHistory:
    machines = list(
        session.scalars(select(Machine).where(Machine.client_id == client_id).order_by(Machine.name))
    )
    ids = [m.id for m in machines] or [-1]
    checks = list(session.scalars(select(Check).where(Check.machine_id.in_(ids)).order_by(Check.name)))
    check_ids = [c.id for c in checks] or [-1]
    latest = (
        select(StateEvent.check_id, func.max(StateEvent.at).label("at"))
        .where(StateEvent.check_id.in_(check_ids), StateEvent.at <= start)
        .group_by(StateEvent.check_id)
        .subquery()
    )
    # (time, from a row, state): at the same microsecond a row was recorded after the packed events.
    last: dict[int, tuple[datetime, int, str]] = {
        cid: (from_micros(at), 0, state)
        for cid, (at, state) in last_block_states(session, check_ids, start).items()
    }
    for cid, at, state in session.execute(
        select(StateEvent.check_id, StateEvent.at, StateEvent.hard_state).join(
            latest, (StateEvent.check_id == latest.c.check_id) & (StateEvent.at == latest.c.at)
        )
    ):
        last[cid] = max(last.get(cid, (aware(at), 1, state)), (aware(at), 1, state))
    initial = {cid: state for cid, (_at, _row, state) in last.items()}
    moves_by: dict[int, list[tuple[datetime, int, int, str]]] = defaultdict(list)
    lo, hi = micros(start), micros(end)
    for cid, at_us, hard in block_hard_states(session, check_ids, start, end):
        if lo < at_us < hi:
            moves_by[cid].append((from_micros(at_us), 0, 0, hard))
    for cid, at, eid, state in session.execute(
        select(StateEvent.check_id, StateEvent.at, StateEvent.id, StateEvent.hard_state)
        .where(StateEvent.check_id.in_(check_ids), StateEvent.at > start, StateEvent.at < end)
        .order_by(StateEvent.check_id, StateEvent.at, StateEvent.id)
    ):
        moves_by[cid].append((aware(at), 1, eid, state))
    changes = {cid: [(at, state) for at, *_o, state in sorted(moves)] for cid, moves in moves_by.items()}
    first_event = first_block_times(session, check_ids)
    for cid, first in session.execute(
        select(StateEvent.check_id, func.min(StateEvent.at))
        .where(StateEvent.check_id.in_(check_ids))
        .group_by(StateEvent.check_id)
    ):
        first_event[cid] = min(first_event.get(cid, aware(first)), aware(first))
    status = {
        cid: (hard, aware(since))
        for cid, hard, since in session.execute(  # only hard state and since: the output may move
            select(CheckStatus.check_id, CheckStatus.hard_state, CheckStatus.last_hard_change).where(
                CheckStatus.check_id.in_(check_ids), CheckStatus.last_hard_change.is_not(None)
            )
        )
        if since is not None
    }
    histories: dict[int, CheckHistory] = {}
    first_seen: dict[int, datetime] = {}
    for c in checks:
        state0, moves = initial.get(c.id, ""), changes.get(c.id, [])
        since = None
        if c.id in status:
            # The current hard state holds since its last hard change (no event may record it).
            hard, since = status[c.id]
            if since <= start and not moves and c.id not in initial:
                state0 = hard
            elif start < since < end and not any(at == since for at, _ in moves):
                moves = sorted([*moves, (since, hard)])
        created = aware(c.created_at)
        seen = [aware(t) for t in (first_event.get(c.id), since) if t is not None]
        if seen:
            # Imported or generated history can predate the check's row: it existed by then.
            first = min(seen)
            first_seen[c.machine_id] = min(first, first_seen.get(c.machine_id, first))
            created = min(created, first)
        histories[c.id] = CheckHistory(c.id, c.machine_id, c.name, c.type, created, state0, tuple(moves))
    windows = [
        Window(aware(w.start), aware(w.end), w.rrule, w.machine_id, w.client_id, w.comment)
        for w in session.scalars(
            select(MaintenanceWindow)
            .where(MaintenanceWindow.client_id == client_id)
            .order_by(MaintenanceWindow.start)
        )
    ]
    interventions = list(
        session.scalars(
            select(Intervention)
            .where(
                Intervention.client_id == client_id,
                Intervention.opened_at < end,
                (Intervention.closed_at.is_(None)) | (Intervention.closed_at >= start),
            )
            .order_by(Intervention.opened_at, Intervention.id)
        )
    )
    sessions = list(
        session.scalars(
            select(SessionLog).where(
                SessionLog.machine_id.in_(ids), SessionLog.started_at >= start, SessionLog.started_at < end
            )
        )
    )
    return ClientHistory(machines, checks, histories, first_seen, windows, interventions, sessions)


def antivirus_age(session: Session, machine_id: int, end: datetime) -> float | None:
    """The Defender signature age (days) last reported before ``end``, through the metric reader."""
    from msp_console.monitoring.metric_history import machine_series

    limit = end.timestamp()
    values = []
    for series in machine_series(session, machine_id, end - ANTIVIRUS_LOOKBACK, end):
        if series.name.split(":", 1)[0] != ANTIVIRUS_SERIES:
            continue
        before = [v for t, v in series.points if t <= limit]
        if before:
            values.append(before[-1])
    return max(values) if values else None
