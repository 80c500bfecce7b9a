"""UI fixtures: a real SQLite database filled through Inventory, and the main window on it.

The database is migrated and filled once per session, then copied for each test: every test
gets its own file, without paying for the schema upgrade each time.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_console.app import App
from tests.ui.populate import populate

pytestmark = pytest.mark.ui


@pytest.fixture(scope="session")
def _template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("ui-template") / "template.sqlite3"
    app = App.open(f"sqlite:///{path}")
    try:
        ids = populate(app.inventory)
    finally:
        app.close()  # the last connection closing folds the WAL into the file
    return path, ids


@pytest.fixture
def app(tmp_path: Path, _template: tuple[Path, dict[str, int]]) -> Iterator[App]:
    path = tmp_path / "ui.sqlite3"
    shutil.copyfile(_template[0], path)
    application = App.open(f"sqlite:///{path}", upgrade_schema=False)
    try:
        yield application
    finally:
        application.close()


@pytest.fixture
def ids(app: App, _template: tuple[Path, dict[str, int]]) -> dict[str, int]:
    return dict(_template[1])


@pytest.fixture
def window(qtbot, app: App, ids: dict[str, int]):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.worker import wait_for_background

    win = MainWindow(app)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.tree_loaded, timeout=10_000):
        win.reload()
    # The features' first reads (the monitoring states of the checks…) land now, not in the middle
    # of a test that sets a state itself and would see it overwritten.
    wait_for_background()
    QCoreApplication.processEvents()
    yield win
    wait_for_background()


@pytest.fixture(autouse=True)
def _no_translator_left_behind() -> Iterator[None]:
    """A test that starts the GUI (run_gui, a screenshot) installs the language's translators;
    they go when it ends, so the next test reads the texts it expects."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from msp_console.ui import launch

    before, default = len(launch._translators), QLocale()
    yield
    for translator in launch._translators[before:]:
        QCoreApplication.removeTranslator(translator)
    del launch._translators[before:]
    QLocale.setDefault(default)
