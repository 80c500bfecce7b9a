"""Reminders: what fired while the console was closed is listed at start, and can be snoozed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from msp_console.services.interventions import AppointmentDraft
from msp_console.services.interventions.settings import LAST_REMINDER_RUN, put_instant
from msp_console.ui.scheduling.feature import feature_of
from msp_console.ui.scheduling.reminders_ui import MissedDialog

pytestmark = pytest.mark.ui


def test_missed_reminders_are_shown_at_start_and_snoozed(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    f = feature_of(demo_window)
    sc = f.ctl.sc
    now = datetime.now(UTC)
    sc.appointments.add(
        AppointmentDraft(f.ctl.clients()[0][0], now - timedelta(minutes=10), "Riavvio server", 30), force=True
    )
    with sc.db.transaction() as s:  # the console was last running an hour ago
        put_instant(s, LAST_REMINDER_RUN, now - timedelta(hours=1))
    notifier = f.reminders
    try:
        notifier.start()  # the real APScheduler job
        qtbot.waitUntil(lambda: demo_window.findChild(MissedDialog) is not None, timeout=10_000)
        dialog = demo_window.findChild(MissedDialog)
        texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert any("Riavvio server" in t for t in texts)
        row = next(i for i, t in enumerate(texts) if "Riavvio server" in t)
        key = dialog.list.item(row).data(256).key
        dialog.list.setCurrentRow(row)
        dialog._snooze()
        later = datetime.now(UTC)

        def snoozed() -> bool:
            return any(r.key == key for r in sc.reminders.pending(later, later + timedelta(minutes=11)))

        qtbot.waitUntil(snoozed, timeout=10_000)  # it comes back in ten minutes
        assert notifier.job is not None and notifier.job.scheduler.running
    finally:
        notifier.stop()
    assert notifier.job is None
