"""The week grid: drag to create (dialog pre-filled), drag to move, and the conflict warning."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from msp_console.services.interventions import AppointmentDraft
from msp_console.ui.scheduling import prompts
from msp_console.ui.scheduling.feature import feature_of
from msp_console.ui.scheduling.look import from_qdatetime

pytestmark = pytest.mark.ui


def _next_week_wednesday(tz) -> date:  # type: ignore[no-untyped-def]
    today = datetime.now(tz).date()
    return today - timedelta(days=today.weekday()) + timedelta(days=9)


def _open_week(qtbot, window, day: date):  # type: ignore[no-untyped-def]
    f = feature_of(window)
    f.bring(f.calendar)
    cal = f.calendar
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        cal.set_mode("week")
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        cal.go_to(day)
    cal.grid.scroll_to_hour(8)
    qtbot.waitUntil(lambda: cal.grid.viewport().height() > 300)
    return f, cal


def _drag(grid, start: QPoint, end: QPoint) -> None:  # type: ignore[no-untyped-def]
    vp = grid.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    mid = QPoint(start.x(), (start.y() + end.y()) // 2)
    QTest.mouseMove(vp, mid)
    QTest.mouseMove(vp, end)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_drag_in_the_week_creates_an_appointment_and_dragging_it_moves_it(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    tz = feature_of(demo_window).ctl.tz
    day = _next_week_wednesday(tz)
    f, cal = _open_week(qtbot, demo_window, day)
    ctl, grid = f.ctl, cal.grid
    seen: dict[str, object] = {}

    def fill_and_accept(dlg) -> bool:  # type: ignore[no-untyped-def]
        seen["start"] = from_qdatetime(dlg.start.dateTime(), tz)
        seen["end"] = from_qdatetime(dlg.end.dateTime(), tz)
        seen["duration"] = dlg.duration.value()
        dlg.client.setCurrentIndex(0)
        seen["client"] = dlg.client.currentText()
        dlg.title.setText("Sostituzione disco NAS")
        dlg.technician.setCurrentText("Marco")
        return True

    ctl.exec_dialog = fill_and_accept
    ten, noon = datetime.combine(day, time(10), tz), datetime.combine(day, time(12), tz)
    with qtbot.waitSignal(cal.loaded, timeout=10_000):  # saved, then the calendar reloads
        _drag(grid, grid.point_for(ten) + QPoint(0, 4), grid.point_for(noon) - QPoint(0, 2))
    assert seen["start"] == ten and seen["end"] == noon and seen["duration"] == 120
    blocks = [b for b in grid.blocks if b.view.title == "Sostituzione disco NAS"]
    assert len(blocks) == 1
    block = blocks[0]
    assert block.view.start == ten and block.view.client_name == seen["client"]
    assert block.view.technician == "Marco"

    # move it by dragging its middle one hour down and one day right
    grab = block.rect.center().toPoint()
    target = grab + QPoint(
        int(grid._col_width()), int(grid.point_for(noon).y() - grid.point_for(ten).y()) // 2
    )
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        _drag(grid, grab, target)
    moved = ctl.sc.appointments.get(block.view.id)
    assert moved.start_at.astimezone(tz) == ten + timedelta(days=1, hours=1)
    assert moved.duration_minutes == 120
    assert [b.view.start for b in grid.blocks if b.view.id == block.view.id] == [
        ten + timedelta(days=1, hours=1)
    ]


def test_moving_onto_the_same_technicians_appointment_warns_first(qtbot, demo_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    f = feature_of(demo_window)
    ctl, tz = f.ctl, f.ctl.tz
    day = _next_week_wednesday(tz)
    client_id = ctl.clients()[0][0]
    at9, at15 = datetime.combine(day, time(9), tz), datetime.combine(day, time(15), tz)
    busy = ctl.sc.appointments.add(AppointmentDraft(client_id, at9, "Backup audit", 60, technician="Marco"))
    other = ctl.sc.appointments.add(
        AppointmentDraft(client_id, at15, "Firewall update", 60, technician="Marco")
    )
    _f, cal = _open_week(qtbot, demo_window, day)
    grid = cal.grid
    asked: list[list[int]] = []
    answer = [False]

    def decide(_parent, conflicts, _tz) -> bool:  # type: ignore[no-untyped-def]
        asked.append([c.appointment_id for c in conflicts])
        return answer[0]

    monkeypatch.setattr(prompts, "save_despite_conflicts", decide)
    block = next(b for b in grid.blocks if b.view.id == other.id)
    grab = QPoint(int(block.rect.center().x()), int(block.rect.top()) + 6)
    target = QPoint(grab.x(), grab.y() - (grid.point_for(at15).y() - grid.point_for(at9).y()) + 30)
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        _drag(grid, grab, target)
    assert asked == [[busy.id]]  # the warning lists the appointment it collides with
    assert ctl.sc.appointments.get(other.id).start_at.astimezone(tz) == at15  # refused: nothing saved

    answer[0] = True  # "Save anyway"
    block = next(b for b in grid.blocks if b.view.id == other.id)
    grab = QPoint(int(block.rect.center().x()), int(block.rect.top()) + 6)
    target = QPoint(grab.x(), grab.y() - (grid.point_for(at15).y() - grid.point_for(at9).y()) + 30)
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        _drag(grid, grab, target)
    qtbot.waitUntil(lambda: ctl.sc.appointments.get(other.id).start_at.astimezone(tz) != at15, timeout=10_000)
    assert len(asked) == 2
    assert ctl.sc.appointments.get(other.id).start_at.astimezone(tz) == at9 + timedelta(minutes=30)


def test_resizing_and_moving_one_occurrence_of_a_series(qtbot, demo_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    f = feature_of(demo_window)
    ctl, tz = f.ctl, f.ctl.tz
    day = _next_week_wednesday(tz)
    client_id = ctl.clients()[0][0]
    at14 = datetime.combine(day, time(14), tz)
    single = ctl.sc.appointments.add(AppointmentDraft(client_id, at14, "Migrazione posta", 60))
    at11 = datetime.combine(day - timedelta(days=1), time(11), tz)  # Tuesday, weekly
    series = ctl.sc.appointments.add(
        AppointmentDraft(client_id, at11 - timedelta(days=7), "Check settimanale", 30, rrule="FREQ=WEEKLY")
    )
    _f, cal = _open_week(qtbot, demo_window, day)
    grid = cal.grid

    # drag the bottom edge of the single appointment down by an hour: it lasts two hours
    block = next(b for b in grid.blocks if b.view.id == single.id)
    edge = QPoint(int(block.rect.center().x()), int(block.rect.bottom()) - 2)
    one_hour = grid.point_for(at14 + timedelta(hours=1)).y() - grid.point_for(at14).y()
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        _drag(grid, edge, edge + QPoint(0, one_hour))
    assert ctl.sc.appointments.get(single.id).duration_minutes == 120

    # move this week's occurrence of the series; only it moves, the series keeps its time
    monkeypatch.setattr(prompts, "occurrence_or_series", lambda _parent: "one")
    block = next(b for b in grid.blocks if b.view.id == series.id and b.view.start == at11)
    grab = QPoint(int(block.rect.center().x()), int(block.rect.top()) + 5)
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        _drag(grid, grab, grab + QPoint(0, 2 * one_hour))
    starts = sorted(
        v.start for v in ctl.sc.appointments.between(at11 - timedelta(days=7), at11 + timedelta(days=8))
    )
    assert at11 + timedelta(hours=2) in starts  # this week's moved
    assert at11 - timedelta(days=7) in starts and at11 + timedelta(days=7) in starts  # the others did not
    assert at11 not in starts


def test_calendar_menu_exports_the_shown_weeks_as_icalendar(
    qtbot, demo_window, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar
    from PySide6.QtWidgets import QFileDialog

    from msp_console.ui.scheduling import calendar_tab

    f = feature_of(demo_window)
    tz = f.ctl.tz
    monday = datetime.now(tz).date() - timedelta(days=datetime.now(tz).weekday())
    _f, cal = _open_week(qtbot, demo_window, monday)
    out = tmp_path / "week.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    calendar_tab.export_shown(cal)
    qtbot.waitUntil(out.exists, timeout=10_000)
    events = [c for c in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    titles = {str(e["SUMMARY"]) for e in events}
    assert {v.title for v in cal.views} <= titles  # everything on show this week is in the file


def test_page_keys_step_through_weeks_and_home_comes_back(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    tz = feature_of(demo_window).ctl.tz
    today = datetime.now(tz).date()
    _f, cal = _open_week(qtbot, demo_window, today)
    demo_window.activateWindow()
    cal.grid.setFocus()
    qtbot.waitUntil(cal.grid.hasFocus, timeout=5_000)
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        QTest.keyClick(cal.grid, Qt.Key.Key_PageDown)
    assert cal.shown_range()[0] == today - timedelta(days=today.weekday()) + timedelta(days=7)
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        QTest.keyClick(cal.grid, Qt.Key.Key_Home)
    assert cal.anchor == today


def test_month_cells_show_n_more_and_open_the_day(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    f = feature_of(demo_window)
    ctl, tz = f.ctl, f.ctl.tz
    day = _next_week_wednesday(tz)
    client_id = ctl.clients()[0][0]
    for hour in range(8, 18):  # ten in one day: more than a month cell holds
        start = datetime.combine(day, time(hour), tz)
        ctl.sc.appointments.add(AppointmentDraft(client_id, start, f"Visita {hour}", 30))
    _f, cal = _open_week(qtbot, demo_window, day)
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        cal.set_mode("month")
    month = cal.month
    month.repaint()
    more = [(rect, d) for rect, d in month._more if d == day]
    assert len(more) == 1
    shown = sum(1 for _r, v in month._items if v.start.astimezone(tz).date() == day)
    assert 0 < shown < 10
    with qtbot.waitSignal(cal.loaded, timeout=10_000):
        QTest.mouseClick(
            month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, more[0][0].center().toPoint()
        )
    assert cal.mode == "day" and cal.anchor == day
    assert len([b for b in cal.grid.blocks if b.view.title.startswith("Visita")]) == 10
