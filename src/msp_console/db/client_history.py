"""Whether a client has history (interventions, invoices, check results) worth keeping.

A client with history is archived instead of deleted, so past work stays provable.
The models that record history register a probe here (beside the tables they know), so the
registry lives in the database layer they belong to, not in the services above it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

HistoryProbe = Callable[[Session, int], bool]
_probes: list[HistoryProbe] = []


def register_history_probe(probe: HistoryProbe) -> None:
    if probe not in _probes:
        _probes.append(probe)


def client_has_history(session: Session, client_id: int) -> bool:
    return any(probe(session, client_id) for probe in _probes)
