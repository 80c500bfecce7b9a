"""The client → site → machine tree, read in three flat queries and built in memory."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.models import Client, Machine, Site
from msp_console.domain.health import HealthState
from msp_console.services.views import ClientNode, MachineNode, SiteNode, TreeSnapshot


def load_tree(session: Session, *, include_archived: bool = False) -> TreeSnapshot:
    client_q = select(Client.id, Client.name, Client.city, Client.archived).order_by(Client.name)
    if not include_archived:
        client_q = client_q.where(Client.archived.is_(False))
    clients = session.execute(client_q).all()
    sites_by_client: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for sid, cid, name, address in session.execute(
        select(Site.id, Site.client_id, Site.name, Site.address).order_by(Site.name)
    ):
        sites_by_client[cid].append((sid, name, address))

    parent = Machine.__table__.alias("parent")
    rows = session.execute(
        select(
            Machine.id,
            Machine.client_id,
            Machine.site_id,
            Machine.name,
            Machine.kind,
            Machine.address,
            Machine.os,
            Machine.tags,
            parent.c.name,
        )
        .outerjoin(parent, parent.c.id == Machine.parent_id)
        .order_by(Machine.name)
    )
    from msp_console.monitoring.store import machine_states  # monitoring owns check states

    states = machine_states(session)
    machines: dict[tuple[int, int | None], list[MachineNode]] = defaultdict(list)
    for mid, cid, sid, name, kind, address, os_, tags, parent_name in rows:
        state = states.get(mid, HealthState.PENDING)  # never polled (or no check): PENDING
        machines[(cid, sid)].append(
            MachineNode(mid, cid, sid, name, kind, address, os_, tags, parent_name or "", state)
        )
    nodes = []
    for cid, name, city, archived in clients:
        sites = tuple(
            SiteNode(sid, cid, sname, saddr, tuple(machines.get((cid, sid), ())))
            for sid, sname, saddr in sites_by_client.get(cid, ())
        )
        nodes.append(ClientNode(cid, name, city, archived, sites, tuple(machines.get((cid, None), ()))))
    return TreeSnapshot(tuple(nodes))
