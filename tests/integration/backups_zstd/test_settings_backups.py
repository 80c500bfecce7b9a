"""Settings → Backups says how many backups are kept, how much disk they take together and when the
newest was made (read off the GUI thread with the other stored settings), in English and Italian."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from msp_console.app import App
from msp_console.services.backup_schedule import BackupPolicy, backup_files, run_scheduled
from msp_console.ui.locale_format import short_datetime
from tests.ui.settings.test_settings_dialog import _dialog
from tests.ui.test_translations import _language

pytestmark = pytest.mark.ui
DAY0 = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
WORDS = {
    "en": ("none yet", "3 backups, ", "in all", "newest"),
    "it": ("nessuno per ora", "3 backup, ", "in totale", "il più recente del"),
}


@pytest.mark.parametrize("language", ["en", "it"])
def test_settings_backups_shows_count_total_size_and_newest(  # type: ignore[no-untyped-def]
    qtbot, language: str, tmp_path: Path, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    none_yet, count, in_all, newest = WORDS[language]
    app = App.open(f"sqlite:///{tmp_path / 'console.sqlite3'}")
    with _language(tmp_path / "qm", monkeypatch, language):  # as the app starts in that language
        d = _dialog(qtbot, app)
        assert d.backups.kept.text() == none_yet
        d.reject()
        for day in range(3):
            app.inventory.save_client({"name": f"Cliente {day}"})
            run_scheduled(app.db.url, policy=BackupPolicy(), now=DAY0 + timedelta(days=day))
        total = sum(b.size for b in backup_files(isolated_data_dir / "backups"))
        d = _dialog(qtbot, app)
        text = d.backups.kept.text()
        d.reject()
        size, when = QLocale().formattedDataSize(total, 1), short_datetime(DAY0 + timedelta(days=2))
    app.close()
    assert text.startswith(count) and in_all in text and newest in text
    assert size in text and when in text
