"""The demo database (interventions in every state, a week of appointments), built once per session
and copied for each test; the main window on it with the scheduling feature installed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_console.app import App

pytestmark = pytest.mark.ui


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from msp_console.demo import ensure_demo_data

    path = tmp_path_factory.mktemp("scheduling-template") / "demo.sqlite3"
    app = App.open(f"sqlite:///{path}")
    try:
        ensure_demo_data(app)
    finally:
        app.close()
    return path


@pytest.fixture
def demo_app(tmp_path: Path, _demo_template: Path) -> Iterator[App]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(_demo_template, path)
    application = App.open(f"sqlite:///{path}", upgrade_schema=False)
    try:
        yield application
    finally:
        application.close()


@pytest.fixture
def demo_window(qtbot, demo_app: App):  # type: ignore[no-untyped-def]
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.worker import wait_for_background

    win = MainWindow(demo_app, persist=False)  # no layout saved, no reminder thread, no pop-ups
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    with qtbot.waitSignal(win.tree_loaded, timeout=15_000):
        win.reload()
    yield win
    wait_for_background()
