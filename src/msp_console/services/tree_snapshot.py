"""Rows → the frozen tree the window shows: one builder for both ways of reading them
(SQLAlchemy in `services.tree`, `sqlite3` for the first paint in `services.first_tree`).
No SQLAlchemy here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from msp_console.domain.health import HealthState
from msp_console.services.views import ClientNode, MachineNode, SiteNode, TreeSnapshot


def build_snapshot(
    clients: Iterable[tuple[int, str, str, bool]],
    sites: Iterable[tuple[int, int, str, str]],
    machines: Iterable[tuple[int, int, int | None, str, str, str, str, str, str | None]],
    states: dict[int, HealthState],
) -> TreeSnapshot:
    """Clients, sites and machines each in display order (by name); machines without a state
    (never polled, or no check) are PENDING."""
    sites_by_client: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for sid, cid, name, address in sites:
        sites_by_client[cid].append((sid, name, address))
    by_place: dict[tuple[int, int | None], list[MachineNode]] = defaultdict(list)
    pending = HealthState.PENDING
    for mid, cid, sid, name, kind, address, os_, tags, parent_name in machines:
        by_place[(cid, sid)].append(
            MachineNode(mid, cid, sid, name, kind, address, os_, tags, parent_name or "", states.get(mid, pending))
        )
    nodes = []
    for cid, name, city, archived in clients:
        client_sites = tuple(
            SiteNode(sid, cid, sname, saddr, tuple(by_place.get((cid, sid), ())))
            for sid, sname, saddr in sites_by_client.get(cid, ())
        )
        nodes.append(ClientNode(cid, name, city, archived, client_sites, tuple(by_place.get((cid, None), ()))))
    return TreeSnapshot(tuple(nodes))
