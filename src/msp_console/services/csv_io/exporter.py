"""Export: one file per kind, in the same columns that import reads (round-trips)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from msp_console.db.models import Client, Contact, Machine, Site
from msp_console.domain.records import CLIENT_FIELDS, CONTACT_FIELDS, MACHINE_FIELDS
from msp_console.fileio import atomic_write_bytes
from msp_console.services.csv_io.reading import write_rows
from msp_console.services.database import Database

COLUMNS = {"clients": CLIENT_FIELDS, "contacts": CONTACT_FIELDS, "machines": MACHINE_FIELDS}


def export_csv(db: Database, kind: str, path: Path) -> int:
    """Writes the file atomically; returns the number of rows."""
    with db.read() as s:
        if kind == "clients":
            rows = [
                [str(getattr(c, f)) for f in CLIENT_FIELDS]
                for c in s.scalars(select(Client).order_by(Client.name))
            ]
        elif kind == "contacts":
            rows = [
                [client, x.name, x.role, x.phone, x.mobile, x.email, "1" if x.is_primary else "0"]
                for x, client in s.execute(
                    select(Contact, Client.name).join(Client).order_by(Client.name, Contact.name)
                )
            ]
        elif kind == "machines":
            parent = Machine.__table__.alias("parent")
            q = (
                select(
                    Client.name,
                    Site.name,
                    Machine.name,
                    Machine.kind,
                    Machine.address,
                    Machine.os,
                    parent.c.name,
                    Machine.tags,
                    Machine.notes,
                )
                .join(Client, Client.id == Machine.client_id)
                .outerjoin(Site, Site.id == Machine.site_id)
                .outerjoin(parent, parent.c.id == Machine.parent_id)
                .order_by(Client.name, Machine.name)
            )
            rows = [[v or "" for v in r] for r in s.execute(q)]
        else:
            raise ValueError(f"unknown kind {kind!r}")
    atomic_write_bytes(Path(path), write_rows(COLUMNS[kind], rows))
    return len(rows)
