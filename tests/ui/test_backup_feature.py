"""The open window backs its SQLite database up on schedule, and stops doing so when closed."""

from __future__ import annotations

from pathlib import Path

from msp_console.app import App
from msp_console.settings import data_dir
from msp_console.ui.main_window import MainWindow


def test_the_window_backs_up_when_due_and_stops_its_scheduler_on_close(qtbot, tmp_path: Path) -> None:
    app = App.open(f"sqlite:///{tmp_path / 'console.sqlite3'}")
    app.inventory.save_client({"name": "Hotel Bellavista"})
    window = MainWindow(app, persist=True)
    qtbot.addWidget(window)
    scheduler = window.backup_scheduler  # type: ignore[attr-defined]
    job = scheduler.get_job("msp-console-backup")
    assert job is not None and scheduler.running
    job.func(*job.args)  # what the hourly check does: no backup yet, so one is due now
    backups = list((data_dir() / "backups").glob("msp-console-*.sqlite3.zst"))
    assert len(backups) == 1 and backups[0].stat().st_size > 0
    window.close()
    assert not scheduler.running
    app.close()


def test_screenshot_windows_schedule_no_backup(qtbot, tmp_path: Path) -> None:
    app = App.open(f"sqlite:///{tmp_path / 'console.sqlite3'}")
    window = MainWindow(app, persist=False)
    qtbot.addWidget(window)
    assert not hasattr(window, "backup_scheduler")
    window.close()
    app.close()
