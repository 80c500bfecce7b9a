"""Time from process start to a shown tree with 5,000 machines (target ≤ 1.5 s).

The parent spawns a fresh interpreter that opens the real main window (offscreen) on a database
with 5,000 machines and prints a line once the tree is loaded and painted; the parent measures
from spawn to that line. "Cold" drops the OS page cache first (needs root), "warm" does not.

    .venv/bin/python -m bench.startup_tree [--machines 5000] [--runs 5] [--no-cold] [--full]

The child starts as `run_gui` does (`ui.launch.start_window`): on this current SQLite file the first
tree is read with `sqlite3` and the app is opened after the first paint; `--full` forces the way a
PostgreSQL database or a schema to migrate takes (the app opened before the window).

The warm runs alternate with a bare PySide6 window showing the same tree read from the same
database (bench.bare_qt); the last line gives both medians and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bare_qt import loadavg
from bench.fleet import write_fleet
from msp_console.app import App
from msp_console.services.csv_io import import_csv

CHILD = r"""
import argparse, sys
from PySide6.QtCore import QEventLoop, QTimer
from msp_console.ui.launch import _qapplication, start_window
qapp = _qapplication(sys.argv[:1])
loop = QEventLoop()
shown = []
def before_load(window):
    window.resize(1400, 850)
    window.tree_loaded.connect(lambda: (shown.append(1), loop.quit()))
# The same path as run_gui: the tree first (read with sqlite3 when the schema is current, the app
# opened after the first paint), the feature tabs added once the app is open and the tree painted.
started = start_window(argparse.Namespace(database=sys.argv[1], demo=False), persist=False,
                       fast=sys.argv[2] == "fast", before_load=before_load)
window = started.window
if not shown:
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
window.tree.view.expandAll()
window.grab()  # paints every visible row now (without running the queued feature install first)
print("shown", window.model.rowCount(), "sqlalchemy" in sys.modules, flush=True)
while not window.features_installed:  # waits for events: the app is being opened on the worker
    qapp.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
window.grab()
print("ready", window.tabs.count(), flush=True)
import os; os._exit(0)
"""


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def bare_run(url: str) -> float:
    """Seconds from spawn to bare PySide6 showing the same tree (bench.bare_qt start)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    argv = [sys.executable, "-m", "bench.bare_qt", "start", url]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    shown = time.perf_counter() - t0
    proc.wait()
    if not line.startswith("shown"):
        raise SystemExit(f"bare child failed: {line!r}")
    return shown


def one_run(url: str, fast: bool = True) -> tuple[float, float]:
    """Seconds from spawn to the painted tree, and to every task tab installed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    argv = [sys.executable, "-c", CHILD, url, "fast" if fast else "full"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    shown = time.perf_counter() - t0
    ready_line = proc.stdout.readline()
    ready = time.perf_counter() - t0
    proc.wait()
    if not line.startswith("shown") or not ready_line.startswith("ready"):
        raise SystemExit(f"child failed: {line!r} {ready_line!r}")
    return shown, ready


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--machines", type=int, default=5_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-cold", action="store_true", help="skip the cold runs (page cache dropped)")
    parser.add_argument(
        "--full", action="store_true", help="open the app before the window (no sqlite3 first tree)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clients_csv, machines_csv = write_fleet(folder, args.clients, args.machines)
        url = f"sqlite:///{folder / 'startup.sqlite3'}"
        app = App.open(url)
        import_csv(app.db, "clients", clients_csv)
        import_csv(app.db, "machines", machines_csv)
        app.close()
        cold = []
        for _ in range(0 if args.no_cold else args.runs):
            if not drop_caches():
                print("cannot drop the page cache (not root): 'cold' runs are warm")
            cold.append(one_run(url, not args.full))
        warm, bare = [], []
        for _ in range(args.runs):  # interleaved, so both see the same load
            bare.append(bare_run(url))
            warm.append(one_run(url, not args.full))
    print(f"{args.machines} machines, {args.clients} clients, {args.runs} runs each")
    for label, runs in (("cold", cold), ("warm", warm)):
        if not runs:
            continue
        shown, ready = [r[0] for r in runs], [r[1] for r in runs]
        print(
            f"{label}: tree shown median {statistics.median(shown):.3f} s (max {max(shown):.3f} s); "
            f"all tabs ready median {statistics.median(ready):.3f} s (max {max(ready):.3f} s)"
        )
    console, plain = statistics.median(r[0] for r in warm), statistics.median(bare)
    print(
        f"warm start to a shown tree, bare PySide6 → console (median of {args.runs}, interleaved, "
        f"load average {loadavg()}): {plain:.3f} s → {console:.3f} s ({console / plain:.1f}×)"
    )


if __name__ == "__main__":
    main()
