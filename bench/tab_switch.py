"""First switch to each task tab against a bare QTabWidget of the same widgets (target ≤ 4×).

    .venv/bin/python -m bench.tab_switch [--rounds 3] [--machines 5000]

The parent builds one SQLite database (the demo data plus a fleet of 5,000 machines, as
``startup_tree`` does) and runs, each in its own child interpreter on its own copy of the file,
the console and the bare baseline alternately (console first in a round: the baseline copies the
console's widget counts). A console child opens the main window as ``run_gui`` does (the tree
first, the feature tabs after the first paint), lets it settle, then for each tab after the
Overview times ``setCurrentIndex`` → the tab's background reads answered (``ui.worker`` has no
task in flight) → the page grabbed (painted). The bare child builds a ``QMainWindow`` with the
same tree dock (a ``QTreeView`` over a minimal model, uniform row heights) and a ``QTabWidget``
whose pages hold, per tab, the same widget types with the same row and column counts
(``QTreeWidget`` / ``QTableView`` over a minimal model; a week grid as a 7-column table), buttons,
fields and labels; a page reads its rows from the same database with one plain ``sqlite3`` query
when first shown. Each line ends with the load average; the last line gives the worst ratio.

``BENCH_PROFILE=/tmp/tabs`` with ``--child console`` writes a cProfile per tab
(``/tmp/tabs.<tab>.prof``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bare_qt import emit_result, loadavg, ratio, run_child

TARGET = 4.0
# The table each tab is about: the bare page's one query reads its rows from there.
TAB_TABLES = {
    "todayTabPage": "appointment",
    "problemsTab": "check_status",
    "calendarTabPage": "appointment",
    "interventionsTabPage": "intervention",
    "billingPage": "invoice",
}
WIDGET_KINDS = (
    "QPushButton",
    "QToolButton",
    "QLineEdit",
    "QComboBox",
    "QLabel",
    "QCheckBox",
    "QDateEdit",
    "QSpinBox",
    "QProgressBar",
)


# -- the database ---------------------------------------------------------------------------------
def build_database(folder: Path, machines: int, clients: int, problems: int) -> Path:
    """The demo data (appointments, interventions, invoices, checks) plus the bench fleet, with
    ``problems`` of its checks failing."""
    os.environ["MSP_CONSOLE_DATA_DIR"] = str(folder / "data")
    from bench.fleet import write_fleet
    from msp_console.app import App
    from msp_console.demo import ensure_demo_data
    from msp_console.services.csv_io import import_csv

    path = folder / "tabs.sqlite3"
    app = App.open(f"sqlite:///{path}")
    ensure_demo_data(app)
    clients_csv, machines_csv = write_fleet(folder, clients, machines)
    import_csv(app.db, "clients", clients_csv)
    import_csv(app.db, "machines", machines_csv)
    app.close()
    add_problems(path, problems)
    return path


def add_problems(path: Path, count: int) -> None:
    """``count`` of the fleet's checks failing (hard WARNING / CRITICAL since a day ago), written
    as the engine would leave them: the Problems tab and the Today page then have rows to show."""
    con = sqlite3.connect(path)
    with con:
        con.execute(
            """INSERT INTO check_status (check_id, state, hard_state, state_type, attempt, output,
                   duration_ms, last_run, next_run, last_change, last_hard_change, history, flapping,
                   acked, ack_comment, ack_sticky, ack_author)
               SELECT c.id, s.state, s.state, 'hard', 1, c.name || ' failing: no reply from host', 0.0,
                   datetime('now'), datetime('now', '+1 minute'), datetime('now', '-1 day'),
                   datetime('now', '-1 day'), '', 0, 0, '', 0, ''
               FROM "check" c JOIN (SELECT 0 AS odd, 'CRITICAL' AS state UNION SELECT 1, 'WARNING') s
                   ON s.odd = c.id % 2
               WHERE c.id NOT IN (SELECT check_id FROM check_status)
               ORDER BY c.id LIMIT ?""",
            (count,),
        )
    con.close()


def own_copy(path: Path) -> tuple[Path, Path]:
    """A child's own copy of the database (the console may write) in its own folder."""
    folder = Path(tempfile.mkdtemp(prefix="tabs-"))
    copy = folder / path.name
    shutil.copy(path, copy)
    return folder, copy


def wait(qapp: Any, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        qapp.processEvents()
        time.sleep(0.005)


# -- the console ----------------------------------------------------------------------------------
def page_spec(page: Any) -> dict[str, Any]:
    """What a page shows: its item views (type, rows, columns) and how many of each plain widget."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QWidget

    views = []
    for view in page.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or not view.isVisible() or view.model() is None:
            continue
        model = view.model()
        kind = "tree" if isinstance(view, QTreeWidget) else "table"
        views.append({"kind": kind, "rows": model.rowCount(), "columns": model.columnCount()})
    counts = {name: 0 for name in WIDGET_KINDS}
    custom = 0
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName().startswith("qt_"):
            continue  # hidden, or a part of another widget (a spin box's line edit, a splitter handle)
        name = type(widget).__name__
        if name in counts:
            counts[name] += 1
        elif name == "TimeGrid":  # a painted week: the bare page shows a 7-day table instead
            custom += 1
    return {"views": views, "widgets": counts, "grids": custom}


def console_child(database: Path) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from msp_console.ui import worker
    from msp_console.ui.launch import _install_features_after_first_tree, _open_window, _qapplication

    qapp = _qapplication(sys.argv[:1])
    _app, window = _open_window(
        argparse.Namespace(database=f"sqlite:///{database}", demo=False), persist=False, defer_features=True
    )
    window.resize(1400, 850)
    window.show()
    loop = QEventLoop()
    window.tree_loaded.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    _install_features_after_first_tree(window)
    window.reload()
    loop.exec()
    window.tree.view.expandAll()
    while not window.features_installed:
        qapp.processEvents()
    tick = QTimer()  # wakes the waiting loop below; both sides alike
    tick.start(2)
    waiting = QEventLoop.ProcessEventsFlag.WaitForMoreEvents

    def settle() -> None:
        while worker._in_flight:
            qapp.processEvents(waiting)
        wait(qapp, 1.0)

    settle()
    profile_prefix = os.environ.get("BENCH_PROFILE")
    tabs = []
    for index in range(1, window.tabs.count()):
        page: Any = window.tabs.widget(index)
        profiler = None
        if profile_prefix:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        t0 = time.perf_counter()
        window.tabs.setCurrentIndex(index)
        qapp.processEvents()
        while worker._in_flight:
            qapp.processEvents(waiting)
        page.grab()
        ms = (time.perf_counter() - t0) * 1000
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(f"{profile_prefix}.{page.objectName()}.prof")
        tabs.append(
            {
                "name": page.objectName(),
                "title": window.tabs.tabText(index),
                "ms": ms,
                "spec": page_spec(page),
            }
        )
        settle()
    window.shutdown_hooks.clear()
    emit_result({"tabs": tabs, "loadavg": loadavg()})
    os._exit(0)


# -- the bare baseline ----------------------------------------------------------------------------
def bare_child(database: Path, specs: list[dict[str, Any]]) -> None:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import (
        QApplication,
        QCheckBox,
        QComboBox,
        QDateEdit,
        QDockWidget,
        QGroupBox,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QMainWindow,
        QProgressBar,
        QPushButton,
        QSpinBox,
        QTableView,
        QTabWidget,
        QToolButton,
        QTreeView,
        QTreeWidget,
        QTreeWidgetItem,
        QVBoxLayout,
        QWidget,
    )

    from bench.bare_qt import bare_model, tree_rows

    qapp = QApplication(sys.argv[:1])
    display = Qt.ItemDataRole.DisplayRole
    top = QModelIndex()

    class TableModel(QAbstractTableModel):
        def __init__(self, rows: list[tuple[str, ...]], columns: int):
            super().__init__()
            self.rows, self.columns = rows, columns

        def rowCount(self, parent: Any = top) -> int:
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: Any = top) -> int:
            return self.columns

        def data(self, index: Any, role: int = display) -> Any:
            return self.rows[index.row()][index.column()] if role == display else None

    con = sqlite3.connect(database)
    machines = tree_rows(con)

    def tool_button(text: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        return button

    class Page(QWidget):
        """The widgets a console page has; its rows are read with one query on first show."""

        def __init__(self, spec: dict[str, Any]):
            super().__init__()
            self.spec, self.filled = spec, False
            layout = QVBoxLayout(self)
            bar = QHBoxLayout()
            makers = {
                "QPushButton": lambda n: QPushButton(f"Button {n}"),
                "QToolButton": lambda n: tool_button(f"Tool {n}"),
                "QLineEdit": lambda n: QLineEdit(placeholderText=f"Field {n}"),
                "QComboBox": lambda n: QComboBox(),
                "QLabel": lambda n: QLabel(f"Label {n}"),
                "QCheckBox": lambda n: QCheckBox(f"Check {n}"),
                "QDateEdit": lambda n: QDateEdit(),
                "QSpinBox": lambda n: QSpinBox(),
                "QProgressBar": lambda n: QProgressBar(),
            }
            for name, count in spec["widgets"].items():
                for n in range(count):
                    bar.addWidget(makers[name](n))
            layout.addLayout(bar)
            self.views: list[tuple[Any, dict[str, Any]]] = []
            for view_spec in spec["views"]:
                if view_spec["kind"] == "tree":
                    view: Any = QTreeWidget()
                    view.setColumnCount(view_spec["columns"])
                    view.setUniformRowHeights(True)
                    box = QGroupBox("Section")  # the Today page's lists sit in group boxes
                    QVBoxLayout(box).addWidget(view)
                    layout.addWidget(box)
                else:
                    view = QTableView()
                    layout.addWidget(view)
                self.views.append((view, view_spec))
            for _ in range(spec["grids"]):
                grid = QTableView()
                layout.addWidget(grid)
                self.views.append((grid, {"kind": "grid", "rows": 48, "columns": 7}))

        def showEvent(self, event: Any) -> None:
            super().showEvent(event)
            if not self.filled:
                self.filled = True
                self.fill()

        def fill(self) -> None:
            table = TAB_TABLES.get(self.spec["name"], "machine")
            need = max([v["rows"] for _v, v in self.views] or [0])
            got = [
                tuple("" if x is None else str(x) for x in row)
                for row in con.execute(f'SELECT * FROM "{table}" LIMIT ?', (max(need, 1),))
            ] or [("",)]
            for view, spec in self.views:
                width = spec["columns"]
                rows = [(got[r % len(got)] * width)[:width] for r in range(spec["rows"])]
                if spec["kind"] == "tree":
                    view.addTopLevelItems([QTreeWidgetItem(list(row)) for row in rows])
                else:
                    view.setModel(TableModel(rows, width))

    main = QMainWindow()
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(QLabel("Overview"), "Overview")
    pages = []
    for spec in specs:
        page = Page(spec)
        pages.append(page)
        tabs.addTab(page, spec["title"])
    main.setCentralWidget(tabs)
    tree = QTreeView()
    tree.setUniformRowHeights(True)
    tree.setModel(bare_model(machines))
    dock = QDockWidget("Clients")
    dock.setWidget(tree)
    main.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    main.resize(1400, 850)
    main.show()
    tree.expandAll()
    main.grab()
    tick = QTimer()
    tick.start(2)
    wait(qapp, 1.0)
    results = []
    for index, page in enumerate(pages, start=1):
        t0 = time.perf_counter()
        tabs.setCurrentIndex(index)
        qapp.processEvents()
        page.grab()
        ms = (time.perf_counter() - t0) * 1000
        results.append({"name": page.spec["name"], "title": page.spec["title"], "ms": ms})
        wait(qapp, 1.0)
    con.close()
    emit_result({"tabs": results, "loadavg": loadavg()})
    os._exit(0)


# -- the parent -----------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--machines", type=int, default=5_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--problems", type=int, default=2_000, help="the fleet's checks failing")
    parser.add_argument("--rounds", type=int, default=3, help="console/bare pairs, interleaved")
    parser.add_argument("--child", choices=("console", "bare"), help="one side only (one process)")
    parser.add_argument("--database", type=Path, help="the SQLite file (a child works on its own copy)")
    parser.add_argument("--spec", help="the console's pages, as JSON (bare side)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child:
        folder, copy = own_copy(args.database)
        os.environ["MSP_CONSOLE_DATA_DIR"] = str(folder / "data")
        if args.child == "console":
            console_child(copy)
        else:
            bare_child(copy, json.loads(Path(args.spec).read_text()))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        if args.database:  # one built before (by this bench): reused as is
            database = args.database
        else:
            database = build_database(folder, args.machines, args.clients, args.problems)
            print(
                f"database: demo + {args.machines} machines, {args.problems} failing checks, "
                f"in {time.perf_counter() - t0:.0f} s",
                flush=True,
            )
        spec_file = folder / "spec.json"
        runs: dict[str, list[dict[str, float]]] = {"bare": [], "console": []}
        titles: dict[str, str] = {}
        for n in range(args.rounds):
            console = run_child(["-m", __spec__.name, "--child", "console", "--database", str(database)])
            specs = [{"name": t["name"], "title": t["title"], **t["spec"]} for t in console["tabs"]]
            spec_file.write_text(json.dumps(specs))
            bare = run_child(
                [
                    "-m",
                    __spec__.name,
                    "--child",
                    "bare",
                    "--database",
                    str(database),
                    "--spec",
                    str(spec_file),
                ]
            )
            for side, got in (("console", console), ("bare", bare)):
                runs[side].append({t["name"]: t["ms"] for t in got["tabs"]})
            for t in console["tabs"]:
                titles[t["name"]] = t["title"]
                b, c = runs["bare"][-1].get(t["name"], 0.0), t["ms"]
                print(
                    f"round {n + 1} {t['title']:<14} bare {b:7.1f} ms, console {c:7.1f} ms, {ratio(c, b):>6} "
                    f"(load average {console['loadavg']} / {bare['loadavg']})",
                    flush=True,
                )
    worst_name, worst = "", 0.0
    parts = []
    for name, title in titles.items():
        b = statistics.median(r[name] for r in runs["bare"])
        c = statistics.median(r[name] for r in runs["console"])
        parts.append(f"{title} {b:.0f} → {c:.0f} ms ({ratio(c, b)})")
        if b > 0 and c / b > worst:
            worst_name, worst = title, c / b
    print(
        f"first switch, bare → console, median of {args.rounds} round(s), load average {loadavg()}: "
        + "; ".join(parts)
        + f"; worst {worst_name} {worst:.1f}× (target ≤ {TARGET:.0f}×)"
    )


if __name__ == "__main__":
    main()
