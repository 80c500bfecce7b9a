"""UI fixtures: a real SQLite database filled through Inventory, and the main window on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from msp_console.app import App
from tests.ui.populate import populate

pytestmark = pytest.mark.ui


@pytest.fixture
def app(sqlite_url: str) -> Iterator[App]:
    application = App.open(sqlite_url)
    try:
        yield application
    finally:
        application.close()


@pytest.fixture
def ids(app: App) -> dict[str, int]:
    return populate(app.inventory)


@pytest.fixture
def window(qtbot, app: App, ids: dict[str, int]):  # type: ignore[no-untyped-def]
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.worker import wait_for_background

    win = MainWindow(app)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.tree_loaded, timeout=10_000):
        win.reload()
    yield win
    wait_for_background()
