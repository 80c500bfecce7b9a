"""A billing month for 500 contracts: run + issue + PDF + FatturaPA XML (target ≤ 10 s in total).

.venv/bin/python -m bench.billing_month [--contracts 500] [--database URL]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from msp_console.app import App
from msp_console.db.models import Client
from msp_console.domain.validation import italian_vat_check_digit
from msp_console.services.billing.catalog import find_service
from msp_console.services.billing.company import update_profile
from msp_console.services.billing.contracts import LineSpec, create_contract
from msp_console.services.billing.documents import write_fatturapa, write_pdfs
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.run import run_month

COMPANY = {
    "name": "Rossi Informatica S.r.l.",
    "vat_number": "01234567897",
    "address": "Via Garibaldi 42",
    "postal_code": "20121",
    "city": "Milano",
    "province": "MI",
    "country": "IT",
    "iban": "IT60X0542811101000000123456",
    "regime": "RF01",
}


def seed(app: App, contracts: int) -> None:
    update_profile(app.db, COMPANY)
    with app.db.transaction() as s:
        services = [find_service(s, code) for code in ("MONITORING", "BACKUP", "SECURITY", "EMAIL")]
        for n in range(contracts):
            base = f"{n + 1000:010d}"
            client = Client(
                name=f"Cliente {n:04d} S.r.l.",
                vat_number=base + str(italian_vat_check_digit(base)),
                address=f"Via Roma {n}",
                postal_code="20100",
                city="Milano",
                province="MI",
                sdi_code="T04ZHR3",
            )
            s.add(client)
            s.flush()
            lines = [
                LineSpec(svc, Decimal(1 + n % 9), Decimal("19.90") + n % 50)  # type: ignore[arg-type]
                for svc in services[: 1 + n % 4]
            ]
            start = date(2026, 11, 1 + n % 28) if n % 10 == 0 else date(2026, 11, 1)
            create_contract(s, client, f"C-{n:04d}", start, lines)


def _cpu() -> float:
    """CPU seconds of this process and of its reaped children (the PDF worker processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contracts", type=int, default=500)
    parser.add_argument("--database", help="default: a fresh SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        app = App.open(args.database or f"sqlite:///{folder / 'bench.sqlite3'}")
        seed(app, args.contracts)
        load = os.getloadavg()[0]
        stages: list[tuple[str, float, float]] = []
        t0, c0 = time.perf_counter(), _cpu()
        drafts = run_month(app.db, 2026, 11)
        stages.append(("run (drafts created)", time.perf_counter() - t0, _cpu() - c0))
        with app.db.read() as s:
            ids = drafts_of_month(s, 2026, 11)
        t0, c0 = time.perf_counter(), _cpu()
        issued = issue(app.db, ids, date(2026, 11, 30))
        stages.append(("issue (numbered)", time.perf_counter() - t0, _cpu() - c0))
        t0, c0 = time.perf_counter(), _cpu()
        pdfs = write_pdfs(app.db, folder / "pdf", month=(2026, 11))
        stages.append(("PDF", time.perf_counter() - t0, _cpu() - c0))
        t0, c0 = time.perf_counter(), _cpu()
        xml = write_fatturapa(app.db, folder / "xml", month=(2026, 11))
        stages.append(("FatturaPA XML + XSD", time.perf_counter() - t0, _cpu() - c0))
        app.close()
    total = sum(t for _, t, _ in stages)
    print(
        f"{args.contracts} contracts: {len(drafts)} drafts, {len(issued)} issued, {len(pdfs)} PDFs, "
        f"{len(xml.written)} XML ({len(xml.refused)} refused)"
    )
    print(f"  {'stage':24} {'wall':>8} {'CPU':>8}   (load average before: {load:.2f})")
    for name, seconds, cpu in stages:
        print(f"  {name:24} {seconds:6.2f} s {cpu:6.2f} s")
    cpu_total = sum(c for _, _, c in stages)
    print(f"  {'total':24} {total:6.2f} s {cpu_total:6.2f} s  (target ≤ 10 s wall)")


if __name__ == "__main__":
    main()
