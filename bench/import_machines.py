"""Time to import 10,000 machines from CSV (target ≥ 2,000 rows/s), on SQLite and optionally PostgreSQL.

.venv/bin/python -m bench.import_machines [--machines 10000] [--database URL]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.fleet import write_fleet
from msp_console.app import App
from msp_console.services.csv_io import import_csv


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--machines", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--database", help="default: a fresh SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clients_csv, machines_csv = write_fleet(folder, args.clients, args.machines)
        url = args.database or f"sqlite:///{folder / 'bench.sqlite3'}"
        app = App.open(url)
        t0 = time.perf_counter()
        import_csv(app.db, "clients", clients_csv)
        t1 = time.perf_counter()
        report = import_csv(app.db, "machines", machines_csv)
        t2 = time.perf_counter()
        again = import_csv(app.db, "machines", machines_csv)
        t3 = time.perf_counter()
        app.close()
    print(f"database: {app.db.engine.dialect.name}")
    print(f"clients:  {args.clients} rows in {t1 - t0:.2f} s")
    print(
        f"machines: {report.created} new rows in {t2 - t1:.2f} s = {report.created / (t2 - t1):,.0f} rows/s"
    )
    print(
        f"re-import (all unchanged): {again.unchanged} rows in {t3 - t2:.2f} s "
        f"= {again.unchanged / (t3 - t2):,.0f} rows/s"
    )


if __name__ == "__main__":
    main()
