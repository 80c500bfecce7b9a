"""`msp-console import checks FILE.csv`: all-or-nothing, one upsert per (client, machine, name).

Columns: client, machine, type, name, params (``k=v;k=v``), warn, crit, interval. Every
problem is reported as ``line N: field: problem`` and nothing is written unless all rows are good.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from msp_console.db.models import Check, Client, Machine
from msp_console.domain.errors import FieldError, ValidationError
from msp_console.monitoring.params import CheckFields, clean_check, parse_kv
from msp_console.monitoring.service import check_row
from msp_console.preferences import load_preferences
from msp_console.services.csv_io import ImportReport
from msp_console.services.csv_io.reading import read_rows
from msp_console.services.database import Database

COLUMNS = ("client", "machine", "type", "name", "params", "warn", "crit", "interval")
REQUIRED = ("client", "machine", "type")


def import_checks(db: Database, kind: str, path: Path, *, dry_run: bool = False) -> ImportReport:
    return import_checks_bytes(db, Path(path).read_bytes(), dry_run=dry_run)


def import_checks_bytes(db: Database, data: bytes, *, dry_run: bool = False) -> ImportReport:
    rows, _ = read_rows(data, COLUMNS, REQUIRED)
    defaults = load_preferences().check_defaults()  # an empty interval: the technician's default
    errors: list[FieldError] = []
    cleaned: list[tuple[int, str, str, CheckFields]] = []
    for row in rows:
        v = row.values
        try:
            params = parse_kv(v.get("params", ""), ";", "params", row.line)
            fields = clean_check(
                v.get("type", ""),
                v.get("name", ""),
                params,
                v.get("warn", ""),
                v.get("crit", ""),
                v.get("interval", ""),
                row.line,
                defaults,
            )
        except ValidationError as exc:
            errors.extend(exc.errors)
            continue
        for col in ("client", "machine"):
            if not v.get(col, "").strip():
                errors.append(FieldError(col, "is required", row.line))
        cleaned.append((row.line, v.get("client", "").strip(), v.get("machine", "").strip(), fields))
    created = updated = unchanged = 0
    changes: list[str] = []
    with db.transaction() as s:
        machines = {
            (c.lower(), m.name.lower()): m
            for m, c in s.execute(select(Machine, Client.name).join(Client, Machine.client_id == Client.id))
        }
        existing = {(c.machine_id, c.name.lower()): c for c in s.scalars(select(Check))}
        seen: dict[tuple[int, str], int] = {}
        todo: list[tuple[Machine, CheckFields, Check | None]] = []
        for line, client, machine_name, fields in cleaned:
            machine = machines.get((client.lower(), machine_name.lower()))
            if machine is None:
                errors.append(
                    FieldError("machine", f"no machine '{machine_name}' at client '{client}'", line)
                )
                continue
            key = (machine.id, fields.name.lower())
            if key in seen:
                errors.append(FieldError("name", f"appears again (first on line {seen[key]})", line))
                continue
            seen[key] = line
            todo.append((machine, fields, existing.get(key)))
        if errors:
            raise ValidationError(sorted(errors, key=lambda e: (e.line or 0, e.field)))
        for machine, fields, check in todo:
            label = f"{machine.name} / {fields.name}"
            values: dict[str, Any] = {
                "type": fields.type.value,
                "params": fields.params,
                "warn": fields.warn,
                "crit": fields.crit,
                "interval_s": fields.interval_s,
            }
            if check is None:
                created += 1
                changes.append(f"+ {label}")
                if not dry_run:
                    s.add(Check(**check_row(machine.id, fields)))
                continue
            changed = [k for k, val in values.items() if getattr(check, k) != val]
            if not changed:
                unchanged += 1
                continue
            updated += 1
            changes.append(f"~ {label}: {', '.join(changed)}")
            if not dry_run:
                for k, val in values.items():
                    setattr(check, k, val)
        if dry_run:
            s.rollback()
    return ImportReport("checks", len(rows), created, updated, unchanged, dry_run, tuple(changes))
