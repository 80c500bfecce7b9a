"""The window's banner over the tabs while the disk holding the database runs low (a real 64 MiB
tmpfs), in English and in Italian; it goes away once there is room again."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_console.app import App
from msp_console.services.disk_space import database_disk
from msp_console.ui.main_window import MainWindow
from tests.integration.backups_zstd.conftest import MiB, fill
from tests.ui.test_translations import _language

pytestmark = pytest.mark.ui


def _window(qtbot, disk: Path) -> tuple[App, MainWindow]:  # type: ignore[no-untyped-def]
    app = App.open(f"sqlite:///{disk / 'console.sqlite3'}")
    app.inventory.save_client({"name": "Hotel Bellavista"})
    window = MainWindow(app, persist=False)
    qtbot.addWidget(window)
    window.show()
    return app, window


def test_the_banner_appears_when_the_disk_runs_low_and_goes_when_there_is_room(
    qtbot,
    small_disk: Path,  # type: ignore[no-untyped-def]
) -> None:
    app, window = _window(qtbot, small_disk)
    banner = window.disk_banner  # type: ignore[attr-defined]
    url = app.db.url
    banner.measure = lambda: database_disk(url, low_bytes=8 * MiB)  # this disk's "low": under 8 MiB
    banner.check_now()
    qtbot.waitUntil(lambda: banner.space is not None, timeout=10_000)
    assert not banner.isVisible()

    filler = fill(small_disk, leave=3 * MiB)
    banner.check_now()
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert "running out of room" in banner.text() and "MiB free" in banner.text()
    assert "6 hours" in banner.text() and "7 days" in banner.text()
    assert banner.geometry().bottom() <= window.tabs.geometry().top()  # above the task tabs

    filler.unlink()
    banner.check_now()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)
    window.close()
    app.close()


def test_the_banner_speaks_italian(
    qtbot,
    small_disk: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    with _language(tmp_path, monkeypatch, "it"):
        app, window = _window(qtbot, small_disk)  # 64 MiB: under the real 2 GiB threshold
        banner = window.disk_banner  # type: ignore[attr-defined]
        qtbot.waitUntil(banner.isVisible, timeout=10_000)
        assert "Il disco che contiene il database" in banner.text()
        assert "MiB" in banner.text() and "6 ore" in banner.text() and "7 giorni" in banner.text()
        window.close()
        app.close()
