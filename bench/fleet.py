"""Generates a large, valid fleet as CSV files (clients + machines) for benchmarks."""

from __future__ import annotations

from pathlib import Path

from msp_console.domain.validation import italian_vat_check_digit

KINDS = ("workstation", "laptop", "server", "firewall", "switch", "nas", "printer", "other")
OSES = ("windows", "linux", "macos", "other")


def write_fleet(folder: Path, clients: int, machines: int) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    client_rows = ["name;vat_number;city;province;country"]
    for c in range(clients):
        base = f"{c:010d}"
        client_rows.append(f"Cliente {c:04d} S.r.l.;{base}{italian_vat_check_digit(base)};Milano;MI;IT")
    machine_rows = ["client;site;name;kind;address;os;parent;tags;notes"]
    per_client = max(1, machines // clients)
    for i in range(machines):
        c = min(i // per_client, clients - 1)
        n = i - c * per_client
        parent = "gw" if n else ""
        name = "gw" if n == 0 else f"pc-{n:04d}"
        site = "Sede" if n % 3 else "Filiale"
        address = f"127.{c % 250}.{n // 250}.{n % 250 + 1}"
        machine_rows.append(
            f"Cliente {c:04d} S.r.l.;{site};{name};{KINDS[n % len(KINDS)]};{address};{OSES[n % 4]};{parent};"
            f"tag{n % 7};"
        )
    clients_csv, machines_csv = folder / "clients.csv", folder / "machines.csv"
    clients_csv.write_text("\n".join(client_rows) + "\n", encoding="utf-8")
    machines_csv.write_text("\n".join(machine_rows) + "\n", encoding="utf-8")
    return clients_csv, machines_csv
