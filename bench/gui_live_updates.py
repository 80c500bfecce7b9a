"""Event-loop latency while 4 threads push 1,000 state changes/s into a shown 5,000-machine tree.

.venv/bin/python -m bench.gui_live_updates [--machines 5000] [--rate 1000] [--seconds 10]

Threads call ``MainWindow.live_states.submit`` (the path monitoring uses); a 5 ms timer on the
GUI thread records how late it fires, which is what a user feels as lag. The tree is fully
expanded, so changed rows are on screen or near it.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--machines", type=int, default=5_000)
    parser.add_argument("--rate", type=int, default=1_000, help="state changes per second, all threads")
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

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
        ids = [m.id for c in window.model.snapshot.clients for m in c.all_machines()]
        states = [HealthState.OK, HealthState.WARNING, HealthState.CRITICAL, HealthState.UNREACHABLE]
        stop = threading.Event()
        per_thread = args.rate / 4

        def poller(seed: int) -> None:
            rnd = random.Random(seed)
            interval, next_at = 1.0 / per_thread, time.perf_counter()
            while not stop.is_set():
                window.live_states.submit(rnd.choice(ids), rnd.choice(states))
                next_at += interval
                delay = next_at - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)

        lateness: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]

        def tick() -> None:
            now = clock.nsecsElapsed()
            lateness.append(max(0.0, (now - last[0]) / 1e6 - 5.0))
            last[0] = now

        timer = QTimer()
        timer.setTimerType(timer.timerType().PreciseTimer)
        timer.timeout.connect(tick)
        timer.start(5)
        threads = [threading.Thread(target=poller, args=(n,), daemon=True) for n in range(4)]
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for t in threads:
            t.start()
        QTimer.singleShot(int(args.seconds * 1000), qapp.quit)
        qapp.exec()
        stop.set()
        for t in threads:
            t.join()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        app.close()
    lateness.sort()
    p99 = lateness[int(len(lateness) * 0.99)]
    print(
        f"{len(ids)} machines shown, {args.rate} changes/s from 4 threads for {wall:.1f} s: "
        f"timer lateness median {statistics.median(lateness):.2f} ms, p99 {p99:.2f} ms, "
        f"max {lateness[-1]:.2f} ms; process CPU {100 * cpu / wall:.0f} % of one core"
    )


if __name__ == "__main__":
    main()
