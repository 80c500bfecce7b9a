"""`msp-console tree|import|export` for clients, contacts and machines."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from msp_console.cli.common import EXIT_INPUT, CommandError, open_app, print_json
from msp_console.domain.errors import ValidationError
from msp_console.monitoring.checks_csv import import_checks
from msp_console.services.billing.contract_import import import_contracts
from msp_console.services.csv_io import KINDS, export_csv, import_csv
from msp_console.services.tree import load_tree
from msp_console.services.views import MachineNode

# Later features (checks, contracts) add their own import kinds to this table.
IMPORT_KINDS: dict[str, Any] = {kind: import_csv for kind in KINDS}
IMPORT_KINDS["checks"] = import_checks
IMPORT_KINDS["contracts"] = import_contracts


def register(sub: argparse._SubParsersAction) -> None:
    tree = sub.add_parser("tree", help="print clients, sites and machines with their health")
    tree.add_argument("--json", action="store_true", help="machine-readable output")
    tree.add_argument("--archived", action="store_true", help="include archived clients")
    tree.set_defaults(handler=_tree)

    imp = sub.add_parser("import", help="import a CSV file (all-or-nothing upsert)")
    imp.add_argument("kind", choices=sorted(IMPORT_KINDS))
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=_import)

    exp = sub.add_parser("export", help="export to a CSV file that import reads back")
    exp.add_argument("kind", choices=KINDS)
    exp.add_argument("file", type=Path)
    exp.set_defaults(handler=_export)


def _machine_json(m: MachineNode) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "kind": m.kind,
        "address": m.address,
        "os": m.os,
        "tags": [t for t in m.tags.split(",") if t],
        "parent": m.parent_name or None,
        "state": m.state.value,
    }


def _tree(args: argparse.Namespace) -> int:
    app = open_app(args)
    try:
        with app.db.read() as s:
            snapshot = load_tree(s, include_archived=args.archived)
    finally:
        app.close()
    if args.json:
        print_json(
            {
                "clients": [
                    {
                        "id": c.id,
                        "name": c.name,
                        "city": c.city,
                        "archived": c.archived,
                        "state": _worst(c.all_machines()),
                        "sites": [
                            {
                                "id": x.id,
                                "name": x.name,
                                "address": x.address,
                                "machines": [_machine_json(m) for m in x.machines],
                            }
                            for x in c.sites
                        ],
                        "machines": [_machine_json(m) for m in c.machines],
                    }
                    for c in snapshot.clients
                ]
            }
        )
        return 0
    for c in snapshot.clients:
        print(f"{c.name}{' [archived]' if c.archived else ''}  ({_worst(c.all_machines())})")
        for m in c.machines:
            print(_machine_line(m, "  "))
        for site in c.sites:
            print(f"  [{site.name}]")
            for m in site.machines:
                print(_machine_line(m, "    "))
    return 0


def _worst(machines: tuple[MachineNode, ...]) -> str:
    from msp_console.domain.health import worst

    return worst(m.state for m in machines).value


def _machine_line(m: MachineNode, indent: str) -> str:
    parent = f"  behind {m.parent_name}" if m.parent_name else ""
    return f"{indent}{m.state.glyph} {m.name}  {m.kind}  {m.address or '-'}  {m.state.value}{parent}"


def _import(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file", EXIT_INPUT)
    app = open_app(args)
    try:
        report = IMPORT_KINDS[args.kind](app.db, args.kind, args.file, dry_run=args.dry_run)
    except ValidationError as exc:
        lines = "\n".join(str(e) for e in exc.errors)
        raise CommandError(f"{args.file}: nothing imported, {len(exc.errors)} problem(s):\n{lines}") from exc
    finally:
        app.close()
    if args.json:
        print_json(report.as_dict())
    else:
        verb = "would import" if report.dry_run else "imported"
        print(
            f"{verb} {report.rows} {args.kind}: {report.created} new, {report.updated} updated, "
            f"{report.unchanged} unchanged"
        )
        for change in report.changes:
            print(f"  {change}")
    return 0


def _export(args: argparse.Namespace) -> int:
    app = open_app(args)
    try:
        count = export_csv(app.db, args.kind, args.file)
    finally:
        app.close()
    print(f"exported {count} {args.kind} to {args.file}")
    return 0
