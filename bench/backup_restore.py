"""Backup and restore time of the embedded database against its size.

    .venv/bin/python -m bench.backup_restore --mb 200

Builds a real schema (App.open), pads it with a filler table to the size asked, then times
`backup_sqlite` (online copy + integrity check) and `restore_sqlite` (copy, checks, swap, no upgrade),
plain and compressed (`.zst`, what the daily job writes). The filler is text-like rows (they compress
about as much as monitoring history does), not random bytes.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from msp_console.app import App
from msp_console.services.backup import backup_sqlite, integrity_problems, restore_sqlite


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        os.environ["MSP_CONSOLE_DATA_DIR"] = str(base / "data")
        live = base / "live.sqlite3"
        url = f"sqlite:///{live}"
        App.open(url).close()
        with sqlite3.connect(live) as conn:
            conn.execute("CREATE TABLE bench_filler (id INTEGER PRIMARY KEY, payload BLOB)")
            rng = random.Random(7)
            words = [f"valore{n:05d}={rng.uniform(0, 100):.1f} " for n in range(50_000)]
            conn.executemany(
                "INSERT INTO bench_filler (payload) VALUES (?)",
                (("".join(rng.choices(words, k=180)),) for _ in range(args.mb * 256)),
            )
        conn.close()
        size = live.stat().st_size / 1e6
        t = time.perf_counter()
        backup_sqlite(url, base / "copy.sqlite3")
        t_backup = time.perf_counter() - t
        t = time.perf_counter()
        integrity_problems(base / "copy.sqlite3")
        t_check = time.perf_counter() - t
        t = time.perf_counter()
        restore_sqlite(url, base / "copy.sqlite3")
        t_restore = time.perf_counter() - t
        t = time.perf_counter()
        zst = backup_sqlite(url, base / "copy.sqlite3.zst")
        t_zst = time.perf_counter() - t
        t = time.perf_counter()
        restore_sqlite(url, base / "copy.sqlite3.zst")
        t_unzst = time.perf_counter() - t
        print(f"database {size:.0f} MB: backup (copy + integrity check) {t_backup:.2f} s, ")
        print(f"  of which the integrity check alone ≈ {t_check:.2f} s; restore {t_restore:.2f} s")
        print(
            f"  compressed: backup {t_zst:.2f} s ({zst.size / 1e6:.1f} MB, "
            f"{size * 1e6 / zst.size:.1f}x smaller), restore {t_unzst:.2f} s"
        )


if __name__ == "__main__":
    main()
