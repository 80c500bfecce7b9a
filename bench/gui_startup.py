"""Time from process start to a shown tree of 5,000 machines (target ≤ 1.5 s on 2 cores).

.venv/bin/python -m bench.gui_startup [--machines 5000] [--runs 3]

A fresh SQLite database is filled through the CSV import, then a child process is started
per run: it opens the database (schema check included), builds the main window, loads the
tree off the GUI thread, swaps it in, paints one frame and reports. The parent measures from
just before spawning the child (interpreter start and imports included) to that report.
The first run after the database is written is the "cold" one for the file cache we can
influence without root-only tricks.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(url: str) -> None:
    t_start = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    t_qt = time.perf_counter()
    from msp_console.app import App
    from msp_console.ui.main_window import MainWindow

    qapp = QApplication(sys.argv[:1])
    app = App.open(url)
    t_db = time.perf_counter()
    window = MainWindow(app, persist=False)
    window.resize(1400, 850)
    window.show()
    loop = QEventLoop()
    window.tree_loaded.connect(loop.quit)
    window.reload()
    loop.exec()
    window.tree.view.viewport().repaint()  # the first frame with rows in it
    qapp.processEvents()
    t_shown = time.perf_counter()
    print(
        json.dumps(
            {
                "wall_shown": time.time(),
                "imports_qt": t_qt - t_start,
                "open_db": t_db - t_qt,
                "window_and_tree": t_shown - t_db,
                "machines": window.model.snapshot.machine_count,
            }
        ),
        flush=True,
    )
    os._exit(0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--machines", type=int, default=5_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    from bench.fleet import write_fleet
    from msp_console.app import App
    from msp_console.services.csv_io import import_csv

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clients_csv, machines_csv = write_fleet(folder, args.clients, args.machines)
        url = f"sqlite:///{folder / 'bench.sqlite3'}"
        app = App.open(url)
        import_csv(app.db, "clients", clients_csv)
        import_csv(app.db, "machines", machines_csv)
        app.close()
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MSP_CONSOLE_DATA_DIR=str(folder / "data"))
        for run in range(args.runs):
            t0 = time.time()
            out = subprocess.run(
                [sys.executable, "-m", "bench.gui_startup", "--child", url],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            r = json.loads(out.strip().splitlines()[-1])
            label = "first" if run == 0 else f"run {run + 1}"
            print(
                f"{label}: {r['machines']} machines shown {r['wall_shown'] - t0:.2f} s after process start "
                f"(import Qt {r['imports_qt']:.2f} s, open DB {r['open_db']:.2f} s, "
                f"window + tree load + first paint {r['window_and_tree']:.2f} s)"
            )


if __name__ == "__main__":
    main()
