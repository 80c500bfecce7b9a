"""Each machine's current state, for the tree: its own small module because the tree is read
at start, before the first paint, and the rest of the monitoring store (frozen plans, the
maintenance and state-machine rules) is not needed then. SQLAlchemy is imported only by
`machine_states`: the window's first tree is read with `sqlite3` and only needs `states_from_rows`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from msp_console.domain.health import HealthState
from msp_console.domain.monitoring_state import machine_state

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def states_from_rows(rows: Iterable[tuple[int, str | None]]) -> dict[int, HealthState]:
    """(machine id, an enabled check's current state or None if it never ran) → each machine's
    worst state. Machines without a check are not in the result (the caller shows them PENDING)."""
    states: dict[int, list[HealthState]] = {}
    known = {s.value: s for s in HealthState}  # 10,000 rows at start: a dict, not the enum's lookup
    for machine_id, state in rows:
        states.setdefault(machine_id, []).append(known.get(state or "PENDING") or HealthState(str(state)))
    return {m: machine_state(s) for m, s in states.items()}


def machine_states(session: Session) -> dict[int, HealthState]:
    """Each monitored machine's state: the worst current state of its enabled checks."""
    from sqlalchemy import select

    from msp_console.db.models import Check
    from msp_console.db.models import CheckStatus as StatusRow

    check, status = Check.__table__.c, StatusRow.__table__.c  # Core: no mapper set-up at start
    rows = session.execute(
        select(check.machine_id, status.state)
        .select_from(Check.__table__)
        .outerjoin(StatusRow.__table__, status.check_id == check.id)
        .where(check.enabled.is_(True))
    )
    return states_from_rows(rows)
