"""Editing an existing appointment in its dialog: every field, this occurrence or the series,
and the conflict warning with "Save anyway"."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from msp_console.services.interventions import AppointmentDraft
from msp_console.ui.scheduling import prompts
from msp_console.ui.scheduling.feature import feature_of

pytestmark = pytest.mark.ui


def _next_week_thursday(tz) -> date:  # type: ignore[no-untyped-def]
    today = datetime.now(tz).date()
    return today - timedelta(days=today.weekday()) + timedelta(days=10)


def _open_week(qtbot, window, day: date):  # type: ignore[no-untyped-def]
    f = feature_of(window)
    f.bring(f.calendar)
    cal = f.calendar
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        cal.set_mode("week")
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        cal.go_to(day)
    return f.ctl, cal


def _edit(qtbot, ctl, cal, view, fill) -> None:  # type: ignore[no-untyped-def]
    def answer(dlg) -> bool:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dlg._interventions_for is not None, timeout=10_000)
        fill(dlg)
        return True

    ctl.exec_dialog = answer
    with qtbot.waitSignal(cal.loaded, timeout=10_000):  # saved, then the calendar reloads
        ctl.edit_appointment(view)


def test_changing_title_and_technician_shows_on_the_calendar_block(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    tz = feature_of(demo_window).ctl.tz
    day = _next_week_thursday(tz)
    ctl, cal = _open_week(qtbot, demo_window, day)
    client_id = ctl.clients()[0][0]
    at = datetime.combine(day, time(16), tz)
    saved = ctl.sc.appointments.add(
        AppointmentDraft(client_id, at, "Rinnovo certificato", 60, technician="Marco")
    )
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        cal.reload()
    view = next(b.view for b in cal.grid.blocks if b.view.id == saved.id)

    def fill(dlg) -> None:  # type: ignore[no-untyped-def]
        assert dlg.title.isEnabled() and dlg.technician.isEnabled() and dlg.on_site.isEnabled()
        dlg.title.setText("Rinnovo certificato SSL")
        dlg.technician.setCurrentText("Sara")
        dlg.on_site.setChecked(True)

    _edit(qtbot, ctl, cal, view, fill)
    block = next(b for b in cal.grid.blocks if b.view.id == saved.id)
    assert (block.view.title, block.view.technician, block.view.on_site) == (
        "Rinnovo certificato SSL",
        "Sara",
        True,
    )
    assert block.view.start == at  # untouched fields stay as they were
    assert ctl.sc.appointments.get(saved.id).sequence > 0  # invitations see the change


def test_one_occurrence_then_the_series_and_a_conflict_saved_anyway(qtbot, demo_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tz = feature_of(demo_window).ctl.tz
    day = _next_week_thursday(tz)
    ctl, cal = _open_week(qtbot, demo_window, day)
    client_id = ctl.clients()[0][0]
    at = datetime.combine(day, time(17), tz)
    series = ctl.sc.appointments.add(
        AppointmentDraft(client_id, at - timedelta(days=7), "Check settimanale", 30, rrule="FREQ=WEEKLY")
    )
    busy = ctl.sc.appointments.add(
        AppointmentDraft(client_id, at + timedelta(days=7), "Audit", 60, technician="Sara")
    )
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        cal.reload()
    scope = ["one"]
    monkeypatch.setattr(prompts, "occurrence_or_series", lambda _parent: scope[0])
    view = next(b.view for b in cal.grid.blocks if b.view.id == series.id)
    _edit(qtbot, ctl, cal, view, lambda dlg: dlg.title.setText("Check + patch"))
    week = ctl.sc.appointments.between(at - timedelta(days=7), at + timedelta(days=8))
    uid = ctl.sc.appointments.get(series.id).uid
    titles = {v.start: v.title for v in week if v.uid == uid}
    assert titles == {
        at - timedelta(days=7): "Check settimanale",
        at: "Check + patch",  # only this occurrence
        at + timedelta(days=7): "Check settimanale",
    }

    # the whole series goes to Sara, who is busy next week: asked first, then saved anyway
    asked: list[list[int]] = []

    def decide(_parent, conflicts, _tz) -> bool:  # type: ignore[no-untyped-def]
        asked.append([c.appointment_id for c in conflicts])
        return True

    monkeypatch.setattr(prompts, "save_despite_conflicts", decide)
    scope[0] = "all"
    view = next(b.view for b in cal.grid.blocks if b.view.start == at)
    _edit(qtbot, ctl, cal, view, lambda dlg: dlg.technician.setCurrentText("Sara"))  # refused, then forced
    qtbot.waitUntil(lambda: ctl.sc.appointments.get(series.id).technician == "Sara", timeout=10_000)
    assert asked and asked[0] == [busy.id]
    views = ctl.sc.appointments.between(at - timedelta(days=7), at + timedelta(days=8))
    assert [v.technician for v in views if v.uid == uid] == ["Sara"] * 3
    assert {v.title for v in views if v.uid == uid} == {"Check settimanale", "Check + patch"}
