"""`msp-console about`: version, licence and where the data, logs and backups are."""

from __future__ import annotations

import argparse

from msp_console.cli.common import print_json
from msp_console.services.about import about_info
from msp_console.settings import resolve_database_url


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("about", help="version, licence, and where the data, logs and backups are")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_about)


def _about(args: argparse.Namespace) -> int:
    info = about_info(
        resolve_database_url(getattr(args, "database", None), demo=bool(getattr(args, "demo", False)))
    )
    if args.json:
        print_json(info.as_dict())
        return 0
    print(f"{info.name} {info.version} — licence {info.licence} ({info.licence_url})")
    rows = [
        ("database", info.database),
        ("data folder", info.data_dir),
        ("log file", info.log_file),
        ("backups", info.backups_dir),
        ("resources", info.resources_dir),
        ("user guide", info.user_guide or "not installed"),
        ("running on", f"Python {info.python}, {info.system}" + (", frozen app" if info.frozen else "")),
    ]
    for label, value in rows:
        print(f"  {label + ':':<13}{value}")
    return 0
