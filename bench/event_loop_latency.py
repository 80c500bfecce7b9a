"""Shared by the GUI load benchmarks: worker threads produce at a fixed rate while a 5 ms timer on
the GUI thread records how late it fires (the event loop's latency as a user feels it)."""

from __future__ import annotations

import os
import random
import resource
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class LoadRun:
    lateness_ms: list[float]  # sorted
    sent: int
    cpu_s: float
    wall_s: float
    first_max_ms: float = 0.0  # the worst tick of the first second (the first batch's cost)

    def summary(self) -> str:
        p99 = self.lateness_ms[int(len(self.lateness_ms) * 0.99)]
        median, worst = statistics.median(self.lateness_ms), self.lateness_ms[-1]
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return (
            f"{self.sent / self.wall_s:.0f}/s from 4 threads for {self.wall_s:.1f} s: timer lateness median "
            f"{median:.2f} ms, p99 {p99:.2f} ms, max {worst:.2f} ms; "
            f"process CPU {100 * self.cpu_s / self.wall_s:.0f} % of one core; peak RSS {rss_mb:.0f} MB"
        )


def run_under_load(
    qapp: object, seconds: float, rate: float, produce: Callable[[random.Random], None], threads: int = 4
) -> LoadRun:
    """Runs the Qt event loop for ``seconds`` while ``threads`` threads call ``produce`` at ``rate``/s."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    stop = threading.Event()
    sent = [0] * threads

    def worker(n: int) -> None:
        rnd = random.Random(n)
        interval, next_at = threads / rate, time.perf_counter()
        while not stop.is_set():
            produce(rnd)
            sent[n] += 1
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
    pool = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(threads)]
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for t in pool:
        t.start()
    QTimer.singleShot(int(seconds * 1000), qapp.quit)  # type: ignore[attr-defined]
    profile_to = os.environ.get("BENCH_PROFILE")  # cProfile of the GUI thread only, e.g. /tmp/gui.prof
    if profile_to:
        import cProfile

        with cProfile.Profile() as prof:
            qapp.exec()  # type: ignore[attr-defined]
        prof.dump_stats(profile_to)
    else:
        qapp.exec()  # type: ignore[attr-defined]
    stop.set()
    for t in pool:
        t.join()
    timer.stop()
    first = max(lateness[:200], default=0.0)  # 200 ticks of 5 ms: the first second
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return LoadRun(sorted(lateness), sum(sent), cpu, wall, first)
