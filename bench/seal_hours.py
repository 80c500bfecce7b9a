"""CPU of sealing each hour of a 2-day span: does it stay flat as the span fills?

``python -m bench.seal_hours [--hours 30] [--database URL]``: 25 machines × 20 series, one sample a
minute each (30,000 an hour); every hour is written as rows, then sealed (``metric_blocks.seal``),
and this process's CPU for the seal is printed per hour. Before 4-hour pieces, sealing re-encoded
the series' whole 2-day 5-minute block every hour, so the figure grew with the hour of the span.
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.history_bench import _machines, cpu_spent, write_hour_of_samples
from msp_console.app import App
from msp_console.db.metric_blocks import seal
from msp_console.db.models.monitoring_history import BLOCK_SPAN_S, FIVE_MIN


def seal_ms_by_hour(app: App, hours: int) -> list[float]:
    sids = [sid for _m, s in _machines(app, 25) for sid in s]
    span = BLOCK_SPAN_S[FIVE_MIN]
    base = (int(time.time()) - 4 * 86400) // span * span  # a span's first hour
    rng = np.random.default_rng(1)
    out = []
    for k in range(hours):
        h = base + 3600 * k
        write_hour_of_samples(app, rng, sids, h)
        gc.collect()
        c0 = cpu_spent(app)
        with app.db.transaction() as s:
            seal(s, h + 3600 + 120)
        out.append(cpu_spent(app, c0)[0] * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=int, default=30)
    parser.add_argument("--database", help="default: a new SQLite file")
    args = parser.parse_args()
    os.environ["MSP_CONSOLE_MONITOR_NEW_MACHINES"] = "0"
    with tempfile.TemporaryDirectory() as tmp:
        app = App.open(args.database or f"sqlite:///{Path(tmp) / 'seal.sqlite3'}")
        ms = seal_ms_by_hour(app, args.hours)
        app.close()
    print("CPU per sealed hour (ms):", " ".join(f"{x:.0f}" for x in ms))
    early, late = np.median(ms[1:6]), np.median(ms[max(1, len(ms) - 10) :])
    print(f"sealing an hour of 500 series: hours 2-6 of the span {early:.0f} ms, the last 10 {late:.0f} ms")


if __name__ == "__main__":
    main()
