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
    for site_id, client_id, site_name, site_address in sites:
        sites_by_client[client_id].append((site_id, site_name, site_address))
    by_place: dict[tuple[int, int | None], list[MachineNode]] = defaultdict(list)
    pending = HealthState.PENDING
    for mid, cid, sid, name, kind, address, os_, tags, parent in machines:
        state = states.get(mid, pending)
        node = MachineNode(mid, cid, sid, name, kind, address, os_, tags, parent or "", state)
        by_place[(cid, sid)].append(node)
    nodes = []
    for cid, name, city, archived in clients:
        client_sites = tuple(
            SiteNode(sid, cid, sname, saddr, tuple(by_place.get((cid, sid), ())))
            for sid, sname, saddr in sites_by_client.get(cid, ())
        )
        loose = tuple(by_place.get((cid, None), ()))  # machines at no site
        nodes.append(ClientNode(cid, name, city, archived, client_sites, loose))
    return TreeSnapshot(tuple(nodes))
