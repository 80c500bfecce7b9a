"""Create, edit, archive and delete clients, sites, contacts and machines.

Every call is one transaction. Input arrives as the loose field mapping a dialog or a
CSV row produces; it is cleaned by ``domain.records`` so the GUI, the CLI and imports
all apply the same rules and give the same messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from msp_console.db.client_history import client_has_history
from msp_console.db.models import Client, Contact, Machine, Site
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.domain.health import HealthState
from msp_console.domain.records import clean_client, clean_contact, clean_machine, clean_site
from msp_console.services.database import Database
from msp_console.services.security import client_security, machine_points
from msp_console.services.views import ClientCard, ContactView, MachineCard, SiteView

T = TypeVar("T")


class Inventory:
    def __init__(self, db: Database):
        self.db = db

    # -- clients -------------------------------------------------------------------------
    def save_client(self, fields: Mapping[str, object], client_id: int | None = None) -> int:
        record = clean_client(fields)
        with self.db.transaction() as s:
            clash = s.scalar(
                select(Client.id).where(
                    func.lower(Client.name) == record.name.lower(), Client.id != client_id
                )
                if client_id is not None
                else select(Client.id).where(func.lower(Client.name) == record.name.lower())
            )
            if clash is not None:
                raise ValidationError.single(
                    "name",
                    f"a client named '{record.name}' already exists",
                    "duplicate_client",
                    name=record.name,
                )
            client = _get(s, Client, client_id) if client_id is not None else Client()
            for key, value in asdict(record).items():
                setattr(client, key, value)
            s.add(client)
            s.flush()
            return client.id

    def set_archived(self, client_id: int, archived: bool) -> None:
        with self.db.transaction() as s:
            _get(s, Client, client_id).archived = archived

    def delete_client(self, client_id: int) -> str:
        """Deletes a client with everything under it, or archives it when it has history.

        Returns "deleted" or "archived" so the caller can say which happened.
        """
        with self.db.transaction() as s:
            client = _get(s, Client, client_id)
            if client_has_history(s, client_id):
                client.archived = True
                return "archived"
            # Machines point at each other (parent); clear that first so nothing dangles.
            s.execute(update(Machine).where(Machine.client_id == client_id).values(parent_id=None))
            s.delete(client)
            return "deleted"

    def client_card(self, client_id: int) -> ClientCard:
        with self.db.read() as s:
            c = _get(s, Client, client_id)
            count = s.scalar(select(func.count()).where(Machine.client_id == client_id)) or 0
            contacts = tuple(
                ContactView(x.id, x.client_id, x.name, x.role, x.phone, x.mobile, x.email, x.is_primary)
                for x in sorted(c.contacts, key=lambda x: (not x.is_primary, x.name.casefold()))
            )
            sites = tuple(SiteView(x.id, x.client_id, x.name, x.address) for x in c.sites)
            return ClientCard(
                c.id,
                c.name,
                c.vat_number,
                c.tax_code,
                c.address,
                c.postal_code,
                c.city,
                c.province,
                c.country,
                c.sdi_code,
                c.pec,
                c.email,
                c.phone,
                c.notes,
                c.archived,
                contacts,
                sites,
                count,
                client_security(s, client_id),
            )

    def client_id_by_name(self, name: str) -> int:
        with self.db.read() as s:
            cid = s.scalar(select(Client.id).where(func.lower(Client.name) == name.strip().lower()))
            if cid is None:
                raise NotFoundError(f"no client named '{name}'")
            return cid

    # -- sites ---------------------------------------------------------------------------
    def save_site(self, client_id: int, fields: Mapping[str, object], site_id: int | None = None) -> int:
        with self.db.transaction() as s:
            client = _get(s, Client, client_id)
            record = clean_site({**fields, "client": client.name})
            _ensure_unique(s, Site, client_id, record.name, site_id, "site")
            site = _get(s, Site, site_id) if site_id is not None else Site(client_id=client_id)
            site.name, site.address = record.name, record.address
            s.add(site)
            s.flush()
            return site.id

    def delete_site(self, site_id: int) -> int:
        """Deletes a site; its machines stay with the client, at no site. Returns how many moved."""
        with self.db.transaction() as s:
            site = _get(s, Site, site_id)
            moved = s.execute(update(Machine).where(Machine.site_id == site_id).values(site_id=None))
            s.delete(site)
            return int(getattr(moved, "rowcount", 0) or 0)

    # -- contacts ------------------------------------------------------------------------
    def save_contact(
        self, client_id: int, fields: Mapping[str, object], contact_id: int | None = None
    ) -> int:
        with self.db.transaction() as s:
            client = _get(s, Client, client_id)
            record = clean_contact({**fields, "client": client.name})
            _ensure_unique(s, Contact, client_id, record.name, contact_id, "contact")
            contact = _get(s, Contact, contact_id) if contact_id is not None else Contact(client_id=client_id)
            if record.primary:  # one primary contact per client: the one the console calls first
                s.execute(update(Contact).where(Contact.client_id == client_id).values(is_primary=False))
            contact.name, contact.role, contact.phone = record.name, record.role, record.phone
            contact.mobile, contact.email, contact.is_primary = record.mobile, record.email, record.primary
            s.add(contact)
            s.flush()
            return contact.id

    def delete_contact(self, contact_id: int) -> None:
        with self.db.transaction() as s:
            s.delete(_get(s, Contact, contact_id))

    # -- machines ------------------------------------------------------------------------
    def save_machine(
        self, client_id: int, fields: Mapping[str, object], machine_id: int | None = None
    ) -> int:
        with self.db.transaction() as s:
            client = _get(s, Client, client_id)
            record = clean_machine({**fields, "client": client.name})
            _ensure_unique(s, Machine, client_id, record.name, machine_id, "machine")
            site_id = _id_by_name(s, Site, client_id, record.site, "site") if record.site else None
            parent_id = _id_by_name(s, Machine, client_id, record.parent, "parent") if record.parent else None
            if parent_id is not None and machine_id is not None:
                _refuse_parent_cycle(s, machine_id, parent_id)
            machine = _get(s, Machine, machine_id) if machine_id is not None else Machine(client_id=client_id)
            machine.name, machine.kind, machine.address = record.name, record.kind.value, record.address
            machine.os, machine.tags, machine.notes = record.os.value, record.tags, record.notes
            machine.site_id, machine.parent_id = site_id, parent_id
            s.add(machine)
            s.flush()
            if machine_id is None:  # a new machine gets its kind's default checks at once
                from msp_console.monitoring.templates import apply_new_machine_templates

                apply_new_machine_templates(s, [machine])
            return machine.id

    def delete_machine(self, machine_id: int) -> None:
        with self.db.transaction() as s:
            s.execute(update(Machine).where(Machine.parent_id == machine_id).values(parent_id=None))
            s.delete(_get(s, Machine, machine_id))

    def machine_card(self, machine_id: int) -> MachineCard:
        with self.db.read() as s:
            m = _get(s, Machine, machine_id)
            return MachineCard(
                m.id,
                m.client_id,
                m.client.name,
                m.site_id,
                m.site.name if m.site else "",
                m.name,
                m.kind,
                m.address,
                m.os,
                m.parent_id,
                m.parent.name if m.parent else "",
                m.tags,
                m.notes,
                HealthState.UNKNOWN,
                machine_points(s, [m.id]).get(m.id, ()),
            )

    def machine_id_by_path(self, path: str) -> int:
        """Finds a machine by 'CLIENT/MACHINE', the way the CLI names machines."""
        client_name, sep, machine_name = path.partition("/")
        if not sep or not machine_name:
            raise NotFoundError(f"'{path}' is not CLIENT/MACHINE")
        client_id = self.client_id_by_name(client_name)
        with self.db.read() as s:
            return _id_by_name(s, Machine, client_id, machine_name, "machine", NotFoundError)


def _get(s: Session, model: type[T], ident: int | None) -> T:
    obj = s.get(model, ident) if ident is not None else None
    if obj is None:
        raise NotFoundError(f"{model.__name__.lower()} {ident} no longer exists (deleted by someone else?)")
    return obj


def _ensure_unique(
    s: Session,
    model: type[Site] | type[Contact] | type[Machine],
    client_id: int,
    name: str,
    own_id: int | None,
    what: str,
) -> None:
    q = select(model.id).where(model.client_id == client_id, func.lower(model.name) == name.lower())
    if own_id is not None:
        q = q.where(model.id != own_id)
    if s.scalar(q) is not None:
        raise ValidationError.single(
            "name", f"this client already has a {what} named '{name}'", f"duplicate_{what}", name=name
        )


def _id_by_name(
    s: Session,
    model: type[Site] | type[Machine],
    client_id: int,
    name: str,
    field: str,
    error: type[Exception] = ValidationError,
) -> int:
    ident = s.scalar(
        select(model.id).where(model.client_id == client_id, func.lower(model.name) == name.lower())
    )
    if ident is None:
        what = "site" if model is Site else "machine"
        message = f"this client has no {what} named '{name}'"
        if error is ValidationError:
            raise ValidationError.single(field, message, f"no_{what}", name=name)
        raise error(message)
    return ident


def _refuse_parent_cycle(s: Session, machine_id: int, parent_id: int) -> None:
    seen = {machine_id}
    current: int | None = parent_id
    while current is not None:
        if current in seen:
            raise ValidationError.single(
                "parent", "that would make the machine sit behind itself", "parent_loop"
            )
        seen.add(current)
        current = s.scalar(select(Machine.parent_id).where(Machine.id == current))
