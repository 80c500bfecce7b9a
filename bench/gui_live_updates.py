"""Event-loop latency while 4 threads push 1,000 state changes/s into a shown 5,000-machine tree.

.venv/bin/python -m bench.gui_live_updates [--machines 5000] [--rate 1000] [--seconds 10] [--rounds N]

Runs, each in its own child interpreter, the bare-PySide6 baseline (bench.bare_qt: the same rows and
load, drained every 20 ms) and the console, alternately; the last line gives both and the ratios.
``BENCH_PROFILE=/tmp/gui.prof`` with ``--child`` writes a cProfile of the GUI thread.

Threads call ``MainWindow.live_states.submit`` (the path monitoring uses); a 5 ms timer on the
GUI thread records how late it fires, which is what a user feels as lag. The tree is fully
expanded, so changed rows are on screen or near it.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
from pathlib import Path

from bench.bare_qt import compare_live, live_arguments


def main() -> None:
    parser = argparse.ArgumentParser()
    live_arguments(parser, 10.0)
    args = parser.parse_args()
    if not args.child:  # the parent: the bare-Qt baseline and the console, each in its own process
        compare_live(__spec__.name, args)
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from bench.bare_qt import emit_result, live_figures, settle
    from bench.event_loop_latency import run_under_load
    from bench.fleet import write_fleet
    from msp_console.app import App
    from msp_console.domain.health import HealthState
    from msp_console.services.csv_io import import_csv
    from msp_console.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["MSP_CONSOLE_DATA_DIR"] = str(folder / "data")
        clients_csv, machines_csv = write_fleet(folder, 100, args.machines)
        app = App.open(f"sqlite:///{folder / 'bench.sqlite3'}")
        import_csv(app.db, "clients", clients_csv)
        import_csv(app.db, "machines", machines_csv)
        qapp = QApplication([])
        window = MainWindow(app, persist=False)
        window.resize(1400, 850)
        window.show()
        loop = QEventLoop()
        window.tree_loaded.connect(loop.quit)
        window.reload()
        loop.exec()
        window.tree.view.expandAll()
        settle(qapp)
        ids = [m.id for c in window.model.snapshot.clients for m in c.all_machines()]
        states = [HealthState.OK, HealthState.WARNING, HealthState.CRITICAL, HealthState.UNREACHABLE]

        def produce(rnd: random.Random) -> None:
            window.live_states.submit(rnd.choice(ids), rnd.choice(states))

        run = run_under_load(qapp, args.seconds, args.rate, produce)
        window.close()
        app.close()
    emit_result(live_figures(run))


if __name__ == "__main__":
    main()
