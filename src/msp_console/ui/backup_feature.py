"""Scheduled backups of the console's own SQLite database while the window is open.

An hourly job checks whether the daily backup is due (policy in the data directory) and runs it
on a background thread; the scheduler stops with the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    if not window.persist or not window.app.db.is_sqlite:
        return  # screenshots and test windows do not back up; PostgreSQL is pg_dump's job
    from apscheduler.schedulers.background import BackgroundScheduler

    from msp_console.services.backup_schedule import add_backup_job

    scheduler = BackgroundScheduler(daemon=True)
    add_backup_job(scheduler, window.app.db.url)
    scheduler.start()
    window.backup_scheduler = scheduler  # type: ignore[attr-defined]
    window.shutdown_hooks.append(lambda: scheduler.shutdown(wait=False))
