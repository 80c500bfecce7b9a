"""Import: an all-or-nothing upsert by natural key (client name; client + contact/machine name).

Every row is checked first and every problem reported as ``line N: field: problem``; only a
file with no problem at all is written, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.models import Client, Contact, Machine, Site
from msp_console.domain.errors import FieldError, ValidationError
from msp_console.domain.records import (
    CLIENT_FIELDS,
    CONTACT_FIELDS,
    MACHINE_FIELDS,
    ClientRecord,
    ContactRecord,
    MachineRecord,
    clean_client,
    clean_contact,
    clean_machine,
)
from msp_console.services.csv_io.reading import CsvRow, read_rows
from msp_console.services.database import Database


@dataclass(frozen=True, slots=True)
class ImportReport:
    kind: str
    rows: int
    created: int
    updated: int
    unchanged: int
    dry_run: bool
    changes: tuple[str, ...] = ()  # one line per created/updated row, for the preview

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "changes"} | {"changes": list(self.changes)}


def import_csv(db: Database, kind: str, path: Path, *, dry_run: bool = False) -> ImportReport:
    return import_bytes(db, kind, Path(path).read_bytes(), dry_run=dry_run)


def import_bytes(db: Database, kind: str, data: bytes, *, dry_run: bool = False) -> ImportReport:
    spec = _SPECS[kind]
    rows, _ = read_rows(data, spec.columns, spec.required)
    records, errors = [], []
    for row in rows:
        try:
            records.append((row, spec.clean(row.values, row.line)))
        except ValidationError as exc:
            errors.extend(exc.errors)
    # Rows with their own errors are left out of the cross-row checks, but still fail the file.
    with db.transaction() as session:
        plan = spec.plan(session, records, errors)
        if errors:
            raise ValidationError(sorted(errors, key=lambda e: (e.line or 0, e.field)))
        if not dry_run:  # planning only reads; a dry run commits nothing
            plan.apply(session)
    return ImportReport(
        kind, len(rows), plan.created, plan.updated, plan.unchanged, dry_run, tuple(plan.changes)
    )


class _Plan:
    def __init__(self) -> None:
        self.created = self.updated = self.unchanged = 0
        self.changes: list[str] = []
        self._steps: list[Callable[[Session], None]] = []

    def create(self, label: str, step: Callable[[Session], None]) -> None:
        self.created += 1
        self.changes.append(f"+ {label}")
        self._steps.append(step)

    def update(self, label: str, fields: list[str], step: Callable[[Session], None]) -> None:
        self.updated += 1
        self.changes.append(f"~ {label}: {', '.join(fields)}")
        self._steps.append(step)

    def then(self, step: Callable[[Session], None]) -> None:
        self._steps.append(step)

    def apply(self, session: Session) -> None:
        for step in self._steps:
            step(session)
        session.flush()


def _changed(obj: object, values: Mapping[str, object]) -> list[str]:
    return [k for k, v in values.items() if getattr(obj, k) != v]


def _set(obj: object, values: Mapping[str, object]) -> Callable[[Session], None]:
    def step(_s: Session) -> None:
        for k, v in values.items():
            setattr(obj, k, v)

    return step


def _add(obj: object) -> Callable[[Session], None]:
    def step(s: Session) -> None:
        s.add(obj)

    return step


def _place_at_site(
    machine: Machine,
    client_id: int,
    site: str,
    site_for: Callable[[Session, int, str], Site | None],
    s: Session,
) -> None:
    machine.site = site_for(s, client_id, site)


def _duplicate(seen: dict[Any, int], key: Any, line: int, field: str, errors: list[FieldError]) -> bool:
    if key in seen:
        errors.append(
            FieldError(
                field,
                f"appears again (first on line {seen[key]})",
                line,
                "csv_again",
                {"first": str(seen[key])},
            )
        )
        return True
    seen[key] = line
    return False


def _clients_by_name(session: Session) -> dict[str, Client]:
    return {c.name.lower(): c for c in session.scalars(select(Client))}


def _plan_clients(
    session: Session, records: list[tuple[CsvRow, ClientRecord]], errors: list[FieldError]
) -> _Plan:
    plan, existing = _Plan(), _clients_by_name(session)
    seen: dict[Any, int] = {}
    for row, rec in records:
        key = rec.name.lower()
        if _duplicate(seen, key, row.line, "name", errors):
            continue
        values = asdict(rec)
        client = existing.get(key)
        if client is None:
            plan.create(rec.name, _add(Client(**values)))
        elif changed := _changed(client, values):
            plan.update(rec.name, changed, _set(client, values))
        else:
            plan.unchanged += 1
    return plan


def _unknown_client(rec: ContactRecord | MachineRecord, line: int) -> FieldError:
    return FieldError(
        "client",
        f"no client named '{rec.client}' (import clients first)",
        line,
        "csv_no_client",
        {"name": rec.client},
    )


def _plan_contacts(
    session: Session, records: list[tuple[CsvRow, ContactRecord]], errors: list[FieldError]
) -> _Plan:
    plan, clients = _Plan(), _clients_by_name(session)
    existing = {(c.client_id, c.name.lower()): c for c in session.scalars(select(Contact))}
    seen: dict[Any, int] = {}
    primary_line: dict[int, int] = {}
    for row, rec in records:
        client = clients.get(rec.client.lower())
        if client is None:
            errors.append(_unknown_client(rec, row.line))
            continue
        if _duplicate(seen, (client.id, rec.name.lower()), row.line, "name", errors):
            continue
        if rec.primary and _duplicate(primary_line, client.id, row.line, "primary", errors):
            continue
        values = {
            "name": rec.name,
            "role": rec.role,
            "phone": rec.phone,
            "mobile": rec.mobile,
            "email": rec.email,
            "is_primary": rec.primary,
        }
        label = f"{client.name} / {rec.name}"
        contact = existing.get((client.id, rec.name.lower()))
        if contact is None:
            plan.create(label, _add(Contact(client_id=client.id, **values)))
        elif changed := _changed(contact, values):
            plan.update(label, changed, _set(contact, values))
        else:
            plan.unchanged += 1
    # A new primary contact demotes the client's previous one (one primary per client).
    for client_id in primary_line:
        for (cid, _name), contact in existing.items():
            if cid == client_id and contact.is_primary and (cid, contact.name.lower()) not in seen:
                plan.then(_set(contact, {"is_primary": False}))
    return plan


def _plan_machines(
    session: Session, records: list[tuple[CsvRow, MachineRecord]], errors: list[FieldError]
) -> _Plan:
    plan, clients = _Plan(), _clients_by_name(session)
    machines = {(m.client_id, m.name.lower()): m for m in session.scalars(select(Machine))}
    sites = {(x.client_id, x.name.lower()): x for x in session.scalars(select(Site))}
    parent_of = {key: (m.parent.name.lower() if m.parent else "") for key, m in machines.items()}
    seen: dict[Any, int] = {}
    accepted: list[tuple[CsvRow, MachineRecord, int]] = []
    for row, rec in records:
        client = clients.get(rec.client.lower())
        if client is None:
            errors.append(_unknown_client(rec, row.line))
            continue
        key = (client.id, rec.name.lower())
        if _duplicate(seen, key, row.line, "name", errors):
            continue
        parent_of[key] = rec.parent.lower()
        accepted.append((row, rec, client.id))
    known = set(machines) | set(seen)
    for row, rec, cid in accepted:
        if rec.parent and (cid, rec.parent.lower()) not in known:
            errors.append(
                FieldError(
                    "parent",
                    f"this client has no machine named '{rec.parent}'",
                    row.line,
                    "no_machine",
                    {"name": rec.parent},
                )
            )
        elif _in_cycle(parent_of, (cid, rec.name.lower())):
            errors.append(
                FieldError("parent", "the parent chain loops back to this machine", row.line, "parent_loop")
            )
    if errors:
        return plan

    def site_for(s: Session, cid: int, name: str) -> Site | None:
        if not name:
            return None
        site = sites.get((cid, name.lower()))
        if site is None:  # sites named in the file are created on the fly
            site = sites[(cid, name.lower())] = Site(client_id=cid, name=name, address="")
            s.add(site)
        return site

    for _row, rec, cid in accepted:
        label = f"{rec.client}/{rec.name}"
        values = {
            "name": rec.name,
            "kind": rec.kind.value,
            "address": rec.address,
            "os": rec.os.value,
            "tags": rec.tags,
            "notes": rec.notes,
        }
        machine = machines.get((cid, rec.name.lower()))
        current_site = machine.site.name.lower() if machine is not None and machine.site else ""
        current_parent = machine.parent.name.lower() if machine is not None and machine.parent else ""
        if machine is None:
            machine = machines[(cid, rec.name.lower())] = Machine(client_id=cid, **values)
            plan.create(label, _add(machine))
        elif changed := _changed(machine, values) + [
            f
            for f, old, new in (("site", current_site, rec.site), ("parent", current_parent, rec.parent))
            if old != new.lower()
        ]:
            plan.update(label, changed, _set(machine, values))
        else:
            plan.unchanged += 1
            continue
        plan.then(partial(_place_at_site, machine, cid, rec.site, site_for))
    # Parents last: they may be machines created by this same file.
    for _row, rec, cid in accepted:
        machine = machines[(cid, rec.name.lower())]
        target = machines.get((cid, rec.parent.lower())) if rec.parent else None
        plan.then(_set(machine, {"parent": target}))
    new_machines = [m for m in machines.values() if m.id is None]
    if new_machines:  # imported machines are monitored at once with their kind's default checks
        from msp_console.monitoring.templates import apply_new_machine_templates

        plan.then(lambda s: apply_new_machine_templates(s, new_machines))
    return plan


def _in_cycle(parent_of: Mapping[tuple[int, str], str], start: tuple[int, str]) -> bool:
    cid, current = start[0], parent_of.get(start, "")
    for _ in range(len(parent_of) + 1):
        if not current:
            return False
        if (cid, current) == start:
            return True
        current = parent_of.get((cid, current), "")
    return True


@dataclass(frozen=True)
class _Spec:
    columns: tuple[str, ...]
    required: tuple[str, ...]
    clean: Callable[[Mapping[str, object], int | None], Any]
    plan: Callable[[Session, Any, list[FieldError]], _Plan]


_SPECS = {
    "clients": _Spec(CLIENT_FIELDS, ("name",), clean_client, _plan_clients),
    "contacts": _Spec(CONTACT_FIELDS, ("client", "name"), clean_contact, _plan_contacts),
    "machines": _Spec(MACHINE_FIELDS, ("client", "name"), clean_machine, _plan_machines),
}
