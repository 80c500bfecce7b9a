"""The fast start: for a SQLite file whose schema is current the window shows its first tree read
with `sqlite3` (no SQLAlchemy before the first paint) and opens the app just after; anything else
(here: an old schema) takes the full way, which migrates first."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from msp_console.db.migrate import is_up_to_date
from msp_console.services.first_tree import read_first_tree
from msp_console.services.tree import load_tree
from msp_console.startup import open_app
from msp_console.ui.launch import start_window


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("start-fast") / "demo.sqlite3"
    app = open_app(argparse.Namespace(demo=True, database=f"sqlite:///{path}"))
    with app.db.transaction() as s:  # one client archived: the first tree leaves it out, as reload does
        s.execute(text("UPDATE client SET archived = 1 WHERE id = (SELECT min(id) FROM client)"))
    app.close()
    return path


def _rows(window) -> list[tuple[str, ...]]:
    """Every row as the user sees it (name, state, address, kind), depth first."""
    model, out = window.model, []

    def walk(parent) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            out.append(
                tuple(str(model.index(row, c, parent).data()) for c in range(model.columnCount(parent)))
            )
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return out


def test_the_sqlite3_read_gives_the_same_tree_as_sqlalchemy(demo_file: Path) -> None:
    url = f"sqlite:///{demo_file}"
    app = open_app(argparse.Namespace(demo=False, database=url))
    try:
        for archived in (False, True):
            with app.db.read() as session:
                full = load_tree(session, include_archived=archived)
            fast = read_first_tree(url, include_archived=archived)
            assert fast == full
            assert full.machine_count > 0
            assert any(m.state.value != "PENDING" for c in full.clients for m in c.all_machines())
    finally:
        app.close()


def test_the_fast_window_shows_the_full_windows_tree_and_works_once_the_app_is_open(
    qtbot, monkeypatch, demo_file: Path, tmp_path: Path
) -> None:
    opened: list[str] = []  # the editors that came up (not shown: no one to close them)
    monkeypatch.setattr(
        "msp_console.ui.dialogs.record_dialog.RecordDialog.open", lambda d: opened.append(d.windowTitle())
    )
    from msp_console.ui.worker import wait_for_background

    url = f"sqlite:///{demo_file}"
    first: list[list[tuple[str, ...]]] = []  # the first tree, before the task tabs add what they know

    def keep_first(window) -> None:
        window.tree_loaded.connect(lambda: first.append(_rows(window)) if not first else None)

    full = start_window(
        argparse.Namespace(demo=False, database=url), persist=False, fast=False, before_load=keep_first
    )
    assert full is not None
    qtbot.addWidget(full.window)
    qtbot.waitUntil(lambda: full.window.features_installed, timeout=20_000)
    expected = first[0]
    full.window.close()
    full.close()

    started = start_window(argparse.Namespace(demo=False, database=url), persist=False)
    assert started is not None
    window = started.window
    qtbot.addWidget(window)
    # the tree is there at once, before the database is open through the app
    assert not window.has_app
    assert _rows(window) == expected
    assert not window.commands.new_client.isEnabled() and not window.commands.import_csv.isEnabled()
    window.tree.search.setText(expected[1][0])  # searching and selecting need no app
    qtbot.waitUntil(lambda: 0 < window.tree.proxy.rowCount() < window.model.rowCount(), timeout=5_000)
    window.tree.search.clear()
    qtbot.waitUntil(lambda: window.tree.proxy.rowCount() == window.model.rowCount(), timeout=5_000)
    window.tree.select_source(window.model.index(0, 0))
    ref = window.tree.current_ref()
    assert ref is not None and ref.kind == "client"
    window.open_item(ref)  # waits for the app: the editor opens then
    with qtbot.waitSignal(window.app_opened, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: window.features_installed, timeout=20_000)
    assert window.commands.new_client.isEnabled() and window.commands.edit.isEnabled()
    assert window.tabs.count() > 1
    qtbot.waitUntil(lambda: opened == ["Edit client"], timeout=10_000)  # the double-click asked before
    wait_for_background()
    window.close()
    started.close()


def test_an_old_schema_takes_the_full_way_and_is_migrated(qtbot, tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from msp_console.db.migrate import alembic_config
    from msp_console.db.revisions import heads_from_files

    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")  # the first schema: clients, sites, machines only
    engine.dispose()
    assert read_first_tree(url) is None

    started = start_window(argparse.Namespace(demo=False, database=url), persist=False)
    assert started is not None
    qtbot.addWidget(started.window)
    assert started.window.has_app  # opened (and migrated) before the window, as before
    assert is_up_to_date(started.window.app.db.engine)
    with sqlite3.connect(path) as con:
        assert {r[0] for r in con.execute("SELECT version_num FROM alembic_version")} == heads_from_files()
    qtbot.waitUntil(lambda: started.window.features_installed, timeout=20_000)
    started.window.close()
    started.close()


def test_no_file_yet_and_postgres_urls_take_the_full_way(tmp_path: Path) -> None:
    assert read_first_tree(f"sqlite:///{tmp_path / 'missing.sqlite3'}") is None
    assert not (tmp_path / "missing.sqlite3").exists()  # the first run creates it the full way
    assert read_first_tree("postgresql+psycopg://someone@localhost/msp") is None


def test_an_app_that_fails_to_open_after_the_paint_is_said_and_the_tree_stays(
    qtbot, monkeypatch, demo_file: Path
) -> None:
    from msp_console.startup import CommandError
    from msp_console.ui import launch

    def broken(_args: argparse.Namespace) -> None:
        raise CommandError("cannot open the database: disk I/O error")

    monkeypatch.setattr(launch, "open_app", broken)
    started = start_window(argparse.Namespace(demo=False, database=f"sqlite:///{demo_file}"), persist=False)
    assert started is not None
    window = started.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "disk I/O error" in window.statusBar().currentMessage(), timeout=10_000)
    assert not window.has_app and window.model.rowCount() > 0
    assert not window.commands.new_client.isEnabled()
    window.close()
    started.close()


def test_a_window_closed_while_its_app_opens_starts_nothing(qtbot, monkeypatch, demo_file: Path) -> None:
    """Closed at once, before the app arrived: the app arriving later must not add the task tabs and
    start their schedulers on a window whose shutdown already ran — they would run until the
    process ends (and a non-daemon one would keep it from ending)."""
    import threading

    from msp_console.ui import launch
    from msp_console.ui.worker import wait_for_background
    from tests.support.threads import threads_left

    entered, gate = threading.Event(), threading.Event()
    real_open = launch.open_app

    def held(args: argparse.Namespace):  # type: ignore[no-untyped-def]
        entered.set()
        gate.wait(20)
        return real_open(args)

    monkeypatch.setattr(launch, "open_app", held)
    before = set(threading.enumerate())
    started = start_window(argparse.Namespace(demo=False, database=f"sqlite:///{demo_file}"), persist=False)
    assert started is not None
    window = started.window
    qtbot.addWidget(window)
    qtbot.waitUntil(entered.is_set, timeout=10_000)  # the first tree is shown, the app is opening
    assert window.model.rowCount() > 0
    window.close()
    gate.set()
    started.close()  # waits for the app, whose hand-over to the window is queued
    qtbot.wait(300)
    wait_for_background()
    assert not window.has_app and not window.features_installed
    assert threads_left(before, grace_s=2) == []
