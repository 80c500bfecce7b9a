"""Settings → every tab saves where its feature reads it, and a reopened dialog shows what was saved.
The stored values are read, and OK writes them, on the worker thread, never on the GUI thread."""

from __future__ import annotations

import os
import threading

import pytest
from PySide6.QtCore import QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QWidget

from msp_console.app import App
from msp_console.preferences import ENV_USER, load_preferences
from msp_console.services.backup_schedule import load_policy
from msp_console.services.billing.company import load_profile
from msp_console.services.interventions.settings import load_settings
from msp_console.ui.settings_dialog import stored
from msp_console.ui.settings_dialog.dialog import SettingsDialog, open_settings_dialog
from msp_console.ui.shortcuts_dialog import ShortcutsDialog

pytestmark = pytest.mark.ui


def _dialog(qtbot, app: App) -> SettingsDialog:  # type: ignore[no-untyped-def]
    """Opens Settings as the menu does: the stored values are read first, then the dialog opens."""
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[SettingsDialog] = []
    open_settings_dialog(parent, app, opened.append)
    qtbot.waitUntil(lambda: bool(opened) and opened[0].isVisible(), timeout=10_000)
    return opened[0]


def _ok(qtbot, d: SettingsDialog) -> None:  # type: ignore[no-untyped-def]
    """Clicks OK and waits for the background save to close the dialog."""
    d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not d.saving.busy, timeout=10_000)
    assert d.result() == SettingsDialog.DialogCode.Accepted, d.error.text()


def test_settings_are_saved_reopened_and_applied(qtbot, app: App, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(ENV_USER, raising=False)
    d = _dialog(qtbot, app)
    d.general.technician.setText("Marco Bianchi")
    d.general.language.setCurrentIndex(d.general.language.findData("it"))
    d.polling.interval.setValue(120)
    d.polling.workers.setValue(4)
    d.notifications.states["warning"].setChecked(True)
    d.notifications.dnd.setChecked(True)
    d.notifications.dnd_start.setTime(QTime(21, 30))
    d.hours.start.setTime(QTime(8, 30))
    d.hours.days[5].setChecked(True)  # Saturday mornings too
    d.invoices.number_format.setText("FT-{year}-{seq:05d}")
    d.invoices.language.setCurrentIndex(d.invoices.language.findData("en"))
    d.remote.terminal.setText("xterm")
    d.backups.keep.setValue(30)
    d.company.edits["name"].setText("Rossi Informatica S.r.l.")  # type: ignore[union-attr]
    d.company.edits["iban"].setText("IT60X0542811101000000123456")  # type: ignore[union-attr]
    _ok(qtbot, d)

    prefs = load_preferences()
    assert (prefs.technician, prefs.language, prefs.poll_interval_s, prefs.poll_workers) == (
        "Marco Bianchi", "it", 120, 4,
    )  # fmt: skip
    assert "warning" in prefs.notify_list() and prefs.do_not_disturb and prefs.dnd_start == "21:30"
    assert prefs.invoice_language == "en" and prefs.terminal == "xterm"
    assert os.environ[ENV_USER] == "Marco Bianchi"  # remote sessions sign with it
    assert load_policy().keep == 30
    with app.db.read() as session:
        scheduling = load_settings(session)
        profile = load_profile(session)
    assert scheduling.business_start == "08:30" and scheduling.business_days == "0,1,2,3,4,5"
    assert scheduling.calendar().start.hour == 8  # the SLA clock uses the new hours
    assert profile.number_format == "FT-{year}-{seq:05d}" and profile.name == "Rossi Informatica S.r.l."
    assert profile.iban == "IT60X0542811101000000123456"

    again = _dialog(qtbot, app)
    assert again.general.technician.text() == "Marco Bianchi"
    assert again.general.language.currentData() == "it"
    assert again.polling.interval.value() == 120
    assert again.hours.start.time() == QTime(8, 30) and again.hours.days[5].isChecked()
    assert again.invoices.number_format.text() == "FT-{year}-{seq:05d}"
    assert again.backups.keep.value() == 30
    assert again.company.value("name") == "Rossi Informatica S.r.l."


def test_a_bad_value_is_refused_and_nothing_is_saved(qtbot, app: App) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, app)
    d.general.technician.setText("Someone")
    d.company.edits["vat_number"].setText("12345")  # type: ignore[union-attr]
    assert d.company.errors["vat_number"].text()
    assert not d.save()
    assert d.pages.currentIndex() == 2 and d.sections.currentRow() == 2 and d.error.text()
    assert load_preferences().technician == ""


def test_a_refusal_from_the_database_opens_its_section(qtbot, app: App) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, app)
    d.general.technician.setText("Someone")
    d.hours.start.setTime(QTime(18, 0))
    d.hours.end.setTime(QTime(9, 0))  # closes before it opens: the scheduling settings refuse it
    assert d.save()  # valid as far as the dialog can tell: the write starts
    assert d.saving.busy and not d.buttons.isEnabled() and d.saving.status.isVisibleTo(d)
    d.reject()  # Esc while saving: the dialog waits for the answer
    qtbot.waitUntil(lambda: not d.saving.busy, timeout=10_000)
    assert d.isVisible() and d.buttons.isEnabled() and not d.saving.status.isVisibleTo(d)
    assert d.sections.currentRow() == 5 and "end must come after" in d.error.text()
    assert load_preferences().technician == ""  # nothing written after the refusal


def test_the_save_runs_off_the_gui_thread(qtbot, app: App, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    on_gui_thread: list[bool] = []
    real_update, real_save = stored.update_profile, stored.save_settings

    def update_profile(*args, **kwargs):  # type: ignore[no-untyped-def]
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real_update(*args, **kwargs)

    def save_settings(*args, **kwargs):  # type: ignore[no-untyped-def]
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real_save(*args, **kwargs)

    monkeypatch.setattr(stored, "update_profile", update_profile)
    monkeypatch.setattr(stored, "save_settings", save_settings)
    d = _dialog(qtbot, app)
    d.company.edits["name"].setText("Rossi Informatica S.r.l.")  # type: ignore[union-attr]
    _ok(qtbot, d)
    assert on_gui_thread == [False, False]  # the scheduling settings, then the company profile
    with app.db.read() as session:
        assert load_profile(session).name == "Rossi Informatica S.r.l."


def test_settings_from_the_menu_reach_the_window(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(ENV_USER, raising=False)
    window.findChild(QAction, "openSettings").trigger()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=10_000)
    d = window.findChild(SettingsDialog)
    assert d.isVisible()
    d.general.technician.setText("Giulia Verdi")
    d.polling.interval.setValue(90)
    with qtbot.waitSignal(window.preferences.changed, timeout=10_000) as changed:
        d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert changed.args[0].technician == "Giulia Verdi"
    assert window.preferences.value.technician == "Giulia Verdi"
    assert window.preferences.value.poll_interval_s == 90
    assert load_preferences().technician == "Giulia Verdi"


def test_tools_menu_has_settings_and_help_lists_every_shortcut(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    settings = window.findChild(QAction, "openSettings")
    assert settings is not None and not settings.shortcut().isEmpty()
    tools = [
        a.menu() for a in window.menuBar().actions() if window.commands.open_data_dir in a.menu().actions()
    ]
    assert isinstance(tools[0], QMenu) and settings in tools[0].actions()
    window.commands.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    rows = dialog.rows()
    keys = {r[0] for r in rows}
    for action in window.findChildren(QAction):
        if not action.shortcut().isEmpty() and action.text():
            assert action.shortcut().toString(action.shortcut().SequenceFormat.NativeText) in keys
    assert any(r[1] == "Settings…" and r[2] == "Tools" for r in rows)
    dialog.filter.setText("quick")
    visible = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert visible and len(visible) < len(rows)
    dialog.close()


def test_no_two_window_wide_actions_share_a_shortcut(window) -> None:  # type: ignore[no-untyped-def]
    """An ambiguous shortcut fires nothing in Qt; Help → Keyboard shortcuts would list a dead key."""
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        if action.shortcutContext() != action.shortcutContext().WindowShortcut:
            continue
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(), []).append(action.text())
    clashes = {keys: texts for keys, texts in owners.items() if len(texts) > 1}
    assert not clashes


def test_the_follow_up_hour_and_the_appointment_length_are_settings(qtbot, app: App) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, app)
    assert d.hours.follow_up.time() == QTime(10, 0) and d.hours.appointment_minutes.value() == 60
    d.hours.follow_up.setTime(QTime(11, 30))
    d.hours.appointment_minutes.setValue(90)
    _ok(qtbot, d)
    with app.db.read() as session:
        scheduling = load_settings(session)
    assert (scheduling.follow_up_time, scheduling.appointment_minutes) == ("11:30", 90)
    again = _dialog(qtbot, app)
    assert again.hours.follow_up.time() == QTime(11, 30) and again.hours.appointment_minutes.value() == 90
