"""The bare-PySide6 baseline the GUI benches are measured against, and the side-by-side runner.

A console figure alone says little on a shared 2-core machine; its ratio to plain Qt doing the
same job in the same minute does. The baseline is what any PySide6 program would do: a QTreeView
over a minimal QAbstractItemModel with the same 5,000 machines (100 clients × 50, expanded,
uniform row heights), and for live load the same 1,000 changes/s from 4 threads, kept in a
locked dict and drained every 20 ms on the GUI thread with one ranged dataChanged per parent.

Each side runs in its own child interpreter (``python -m bench.bare_qt live|start …`` for the
baseline, the bench's own ``--child`` mode for the console), so they never share a GUI thread;
a child's last line is ``RESULT {json}``.

    .venv/bin/python -m bench.bare_qt live --seconds 10
    .venv/bin/python -m bench.bare_qt start sqlite:///path/to/console.sqlite3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

RESULT = "RESULT "
STATES = ("OK", "Warning", "Critical", "Unreachable")
DRAIN_MS = 20


def loadavg() -> str:
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[0]
    except OSError:
        return "?"


def emit_result(figures: dict[str, Any]) -> None:
    """A child's last line: what the parent reads."""
    print(RESULT + json.dumps(figures), flush=True)


def run_child(argv: Sequence[str], timeout: float = 900.0) -> dict[str, Any]:
    """Runs ``python argv…`` and returns its RESULT figures (its other lines are passed through)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    proc = subprocess.run(
        [sys.executable, *argv], stdout=subprocess.PIPE, text=True, env=env, timeout=timeout, check=False
    )
    figures = None
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT):
            figures = json.loads(line[len(RESULT) :])
        else:
            print("  " + line, flush=True)
    if proc.returncode or figures is None:
        raise SystemExit(f"child {' '.join(argv)} failed (exit {proc.returncode})")
    return figures


def ratio(console: float, bare: float) -> str:
    return f"{console / bare:.1f}×" if bare > 0 else "∞×"


# -- live load ------------------------------------------------------------------------------------
LIVE_FIGURES = (("p99_ms", "lateness p99", "ms"), ("max_ms", "max", "ms"), ("cpu_pct", "CPU", "%"))


def live_arguments(parser: argparse.ArgumentParser, seconds: float) -> None:
    """The load options every live bench takes (and hands on to both children)."""
    parser.add_argument("--machines", type=int, default=5_000)
    parser.add_argument("--rate", type=int, default=1_000, help="changes per second, all threads")
    parser.add_argument("--seconds", type=float, default=seconds)
    parser.add_argument("--rounds", type=int, default=1, help="bare/console pairs, interleaved")
    parser.add_argument("--child", action="store_true", help="run the console side only (one process)")


def compare_live(module: str, args: argparse.Namespace, bare_extra: Sequence[str] = ()) -> None:
    """Bare, console, bare, console… in child processes; the last line holds both and the ratios.

    ``module`` is the bench, run again with ``--child`` for the console side; ``bare_extra``: more
    options for the baseline (``--problems-table`` when the console shows its Problems table)."""
    load = ["--machines", str(args.machines), "--rate", str(args.rate), "--seconds", str(args.seconds)]
    sides = {
        "bare": ["-m", "bench.bare_qt", "live", *load, *bare_extra],
        "console": ["-m", module, "--child", *load],
    }
    runs: dict[str, list[dict[str, Any]]] = {"bare": [], "console": []}
    for n in range(args.rounds):
        for side, argv in sides.items():
            figures = run_child(argv)
            runs[side].append(figures)
            print(f"round {n + 1} {side}: {describe_live(figures)}", flush=True)
    bare, console = (
        {k: statistics.median(r[k] for r in runs[side]) for k, _l, _u in LIVE_FIGURES} for side in sides
    )
    parts = [
        f"{label} {bare[k]:.1f} → {console[k]:.1f} {unit} ({ratio(console[k], bare[k])})"
        for k, label, unit in LIVE_FIGURES
    ]
    print(f"bare → console, median of {args.rounds} round(s): " + "; ".join(parts))


def describe_live(f: dict[str, Any]) -> str:
    return (
        f"{f['rate']:.0f}/s for {f['wall_s']:.1f} s: lateness median {f['median_ms']:.2f} ms, "
        f"p99 {f['p99_ms']:.2f} ms, max {f['max_ms']:.2f} ms (first 1 s: max {f['first_max_ms']:.2f} ms); "
        f"CPU {f['cpu_pct']:.0f} % of one core; peak RSS {f['rss_mb']:.0f} MB; load average {f['loadavg']}"
    )


def live_figures(run: Any) -> dict[str, Any]:
    """A bench.event_loop_latency.LoadRun as the JSON a child hands back."""
    import resource

    lat = sorted(run.lateness_ms)
    return {
        "rate": run.sent / run.wall_s,
        "wall_s": run.wall_s,
        "median_ms": statistics.median(lat),
        "p99_ms": lat[int(len(lat) * 0.99)],
        "max_ms": lat[-1],
        "first_max_ms": run.first_max_ms,
        "cpu_pct": 100 * run.cpu_s / run.wall_s,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "loadavg": loadavg(),
    }


def settle(qapp: Any, seconds: float = 0.5) -> None:
    """Lets a freshly shown window paint itself once before the clock starts (both sides alike):
    the first paint of a window (fonts, style caches) is start-up, not live updates."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        qapp.processEvents()
        time.sleep(0.01)


def bare_model(rows: Sequence[tuple[str, Sequence[tuple[str, str, str]]]]) -> Any:
    """A two-level model (client → machines) as small as Qt allows: lists and a state per machine."""
    from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
    from PySide6.QtGui import QColor, QPixmap

    icons = []
    for colour in ("#2e7d32", "#f9a825", "#c62828", "#6a1b9a"):
        pix = QPixmap(16, 16)
        pix.fill(QColor(colour))
        icons.append(pix)
    root = QModelIndex()
    display = Qt.ItemDataRole.DisplayRole
    decoration = Qt.ItemDataRole.DecorationRole

    class BareModel(QAbstractItemModel):
        def __init__(self) -> None:
            super().__init__()
            self.clients = [name for name, _m in rows]
            self.machines = [list(machines) for _n, machines in rows]
            self.states = [[0] * len(machines) for _n, machines in rows]
            self.icons = icons

        def index(self, row: int, column: int, parent: Any = root) -> Any:
            if not parent.isValid():
                return self.createIndex(row, column, 0) if row < len(self.clients) else QModelIndex()
            return self.createIndex(row, column, parent.row() + 1)

        def parent(self, index: Any = None) -> Any:  # type: ignore[override]
            if index is None:
                return super().parent()
            pid = index.internalId()
            return self.createIndex(pid - 1, 0, 0) if pid else QModelIndex()

        def rowCount(self, parent: Any = root) -> int:
            if not parent.isValid():
                return len(self.clients)
            if parent.internalId() or parent.column():
                return 0
            return len(self.machines[parent.row()])

        def columnCount(self, parent: Any = root) -> int:
            return 4

        def data(self, index: Any, role: int = display) -> Any:
            pid = index.internalId()
            if not pid:
                return self.clients[index.row()] if role == display and index.column() == 0 else None
            col = index.column()
            state = self.states[pid - 1][index.row()]
            if role == display:
                if col == 1:
                    return STATES[state]
                name, address, kind = self.machines[pid - 1][index.row()]
                return (name, "", address, kind)[col]
            if role == decoration and col == 1:
                return icons[state]
            return None

        def apply(self, changes: dict[tuple[int, int], int]) -> None:
            """New states; one dataChanged per client over the rows that changed."""
            spans: dict[int, list[int]] = {}
            for (c, m), state in changes.items():
                self.states[c][m] = state
                span = spans.setdefault(c, [m, m])
                span[0], span[1] = min(span[0], m), max(span[1], m)
            for c, (first, last) in spans.items():
                self.dataChanged.emit(self.createIndex(first, 1, c + 1), self.createIndex(last, 1, c + 1))

    return BareModel()


def bare_view(model: Any, table_model: Any = None) -> Any:
    """The tree alone, or beside a problems table (as the console's tree beside its Problems tab)."""
    from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QTableView, QTreeView

    window = QMainWindow()
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    if table_model is None:
        window.setCentralWidget(view)
    else:
        table = QTableView()
        table.setModel(table_model)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        for col, width in enumerate((100, 170, 110, 110, 0, 80, 120)):
            if width:
                table.setColumnWidth(col, width)
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        split = QSplitter()
        split.addWidget(view)
        split.addWidget(table)
        split.setSizes([420, 980])
        window.setCentralWidget(split)
    window.resize(1400, 850)
    window.show()
    view.expandAll()
    return window, view


def bare_problems(tree: Any) -> Any:
    """What a plain PySide6 program does for a problems list: a table of the machines not OK, most
    severe first, rebuilt from the tree's states with a model reset at each refresh."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    root = QModelIndex()
    display = Qt.ItemDataRole.DisplayRole
    decoration = Qt.ItemDataRole.DecorationRole

    class BareProblems(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list[tuple[int, str, str, str, str, str, str]] = []

        def refresh(self) -> None:
            rows = [
                (state, tree.clients[c], machine[0], "ping", f"{STATES[state]} now", "1 min", "")
                for c, states in enumerate(tree.states)
                for m, (state, machine) in enumerate(zip(states, tree.machines[c], strict=True))
                if state
            ]
            rows.sort(key=lambda r: (-r[0], r[1], r[2]))
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

        def rowCount(self, parent: Any = root) -> int:
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: Any = root) -> int:
            return 7

        def data(self, index: Any, role: int = display) -> Any:
            row = self.rows[index.row()]
            col = index.column()
            if role == display:
                return STATES[row[0]] if col == 0 else row[col]
            if role == decoration and col == 0:
                return tree.icons[row[0]]
            return None

    return BareProblems()


def tree_rows(con: sqlite3.Connection) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The console's machines per client, in one plain query (what a bare program reads)."""
    by_client: dict[str, list[tuple[str, str, str]]] = {}
    query = (
        "SELECT c.name, m.name, m.address, m.kind FROM machine m JOIN client c ON c.id = m.client_id "
        "ORDER BY c.name, m.name"
    )
    for client, name, address, kind in con.execute(query):
        by_client.setdefault(client, []).append((name, address or "", kind))
    return list(by_client.items())


def synthetic_rows(machines: int, clients: int = 100) -> list[tuple[str, list[tuple[str, str, str]]]]:
    per = max(1, machines // clients)
    return [
        (
            f"Cliente {c:04d} S.r.l.",
            [(f"pc-{n:04d}", f"127.{c % 250}.{n // 250}.{n % 250 + 1}", "workstation") for n in range(per)],
        )
        for c in range(clients)
    ]


def live(machines: int, rate: int, seconds: float, problems_table: bool = False) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bench.event_loop_latency import run_under_load

    qapp = QApplication([])
    model = bare_model(synthetic_rows(machines))
    problems = bare_problems(model) if problems_table else None
    window, _view = bare_view(model, problems)
    refresher = QTimer()
    if problems is not None:  # the console's Problems table follows at most once a second
        refresher.timeout.connect(problems.refresh)
        refresher.start(1000)
    settle(qapp)
    keys = [(c, m) for c, ms in enumerate(model.machines) for m in range(len(ms))]
    lock = threading.Lock()
    pending: dict[tuple[int, int], int] = {}

    def produce(rnd: random.Random) -> None:
        key, state = rnd.choice(keys), rnd.randrange(len(STATES))
        with lock:
            pending[key] = state

    def drain() -> None:
        nonlocal pending
        with lock:
            batch, pending = pending, {}
        if batch:
            model.apply(batch)

    timer = QTimer()
    timer.timeout.connect(drain)
    timer.start(DRAIN_MS)
    run = run_under_load(qapp, seconds, rate, produce)
    timer.stop()
    refresher.stop()
    window.close()
    emit_result(live_figures(run))


# -- start ------------------------------------------------------------------------------------------
def start(url: str) -> None:
    """A bare window showing the same tree read from the console's database (one query), then exit.

    Spawned by bench.startup_tree, which times from spawn to the 'shown' line."""
    from PySide6.QtWidgets import QApplication

    qapp = QApplication(sys.argv[:1])
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    model = bare_model(tree_rows(con))
    con.close()
    window, _view = bare_view(model)
    window.grab()
    print("shown", model.rowCount(), flush=True)
    qapp.processEvents()
    os._exit(0)


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    p_live = sub.add_parser("live")
    live_arguments(p_live, 10.0)
    p_live.add_argument("--problems-table", action="store_true", help="a problems table beside the tree")
    p_start = sub.add_parser("start")
    p_start.add_argument("url")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.what == "live":
        live(args.machines, args.rate, args.seconds, args.problems_table)
    else:
        start(args.url)


if __name__ == "__main__":
    main()
