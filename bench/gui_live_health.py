"""Live health under load: 1,000 check results/s from 4 worker threads into a 5,000-machine window.

.venv/bin/python -m bench.gui_live_health [--machines 5000] [--rate 1000] [--seconds 60] [--rounds N]

Runs, each in its own child interpreter, the bare-PySide6 baseline (bench.bare_qt: the same rows and
load, drained every 20 ms) and the console, alternately; the last line gives both and the ratios.
``BENCH_PROFILE=/tmp/gui.prof`` with ``--child`` writes a cProfile of the GUI thread.

Unlike ``gui_live_updates`` (machine states straight into the tree), this goes the whole way a
polling result goes in the window: frozen ``Processed`` values (as the engine hands them out,
with the state machine's status) → ``MonitoringController.submit`` from worker threads → the
time-boxed dispatcher → per-check rows → each touched machine's worst state, reason and
silencing → tree dataChanged + client counts → the Problems tab (changed rows moved in place
every 250 ms) → window title and tray. A 5 ms timer on the GUI thread records how late it fires;
RSS is the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bench.bare_qt import compare_live, live_arguments


def main() -> None:
    parser = argparse.ArgumentParser()
    live_arguments(parser, 60.0)
    args = parser.parse_args()
    if not args.child:  # the parent: the bare-Qt baseline and the console, each in its own process
        # With the console's Problems tab on show (the default), the baseline shows a problems
        # table of its own beside the tree, refreshed as often: the same widgets on screen.
        problems = os.environ.get("BENCH_PROBLEMS_TAB", "1") == "1"
        compare_live(__spec__.name, args, ["--problems-table"] if problems else [])
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from bench.bare_qt import emit_result, live_figures, settle
    from bench.event_loop_latency import run_under_load
    from bench.fleet import write_fleet
    from msp_console.app import App
    from msp_console.domain.health import HealthState
    from msp_console.domain.monitoring_state import CheckStatus
    from msp_console.monitoring.model import CheckOutcome, CheckResult
    from msp_console.monitoring.writer import Processed
    from msp_console.services.csv_io import import_csv
    from msp_console.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["MSP_CONSOLE_DATA_DIR"] = str(folder / "data")
        clients_csv, machines_csv = write_fleet(folder, 100, args.machines)
        app = App.open(f"sqlite:///{folder / 'bench.sqlite3'}")
        import_csv(app.db, "clients", clients_csv)
        import_csv(app.db, "machines", machines_csv)  # template checks come with them
        qapp = QApplication([])
        window = MainWindow(app, persist=False)  # no polling of its own: the threads play the engine
        window.resize(1400, 850)
        window.show()
        controller = window.monitoring  # type: ignore[attr-defined]
        loop = QEventLoop()
        controller.controller.reloaded.connect(loop.quit)
        window.reload()
        loop.exec()
        window.tree.view.expandAll()
        settle(qapp)
        if os.environ.get("BENCH_PROBLEMS_TAB", "1") == "1":
            window.tabs.setCurrentIndex(controller.problems_index)  # the problems table on show too
        checks = [(r.check_id, r.machine_id) for r in controller.controller.rows.values()]
        states = [HealthState.OK, HealthState.OK, HealthState.WARNING, HealthState.CRITICAL]

        def produce(rnd: random.Random) -> None:
            cid, mid = rnd.choice(checks)
            state = rnd.choice(states)
            now = datetime.now(UTC)
            status = CheckStatus(state, state, last_run=now, last_change=now, output=f"{state.value} now")
            result = CheckResult(cid, mid, CheckOutcome(state, status.output), now)
            controller.controller.submit(Processed(result, status, (), False))

        run = run_under_load(qapp, args.seconds, args.rate, produce)
        problems = controller.problems.model.rowCount()
        window.close()
        app.close()
    print(f"{args.machines} machines / {len(checks)} checks shown ({problems} rows in Problems at the end)")
    emit_result(live_figures(run))


if __name__ == "__main__":
    main()
