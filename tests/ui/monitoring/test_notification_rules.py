"""Settings → Notifications decides which confirmed changes reach the desktop, and when."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from msp_console.domain.health import HealthState
from msp_console.monitoring.model import CheckOutcome
from msp_console.preferences import Preferences
from tests.ui.monitoring.conftest import Fleet

pytestmark = pytest.mark.ui


def _settle(qtbot, feature, machine: str, state: HealthState) -> None:  # type: ignore[no-untyped-def]
    rows = feature.controller.rows.values
    qtbot.waitUntil(
        lambda: any(r.machine == machine and r.hard_state is state for r in rows()), timeout=15_000
    )


def test_only_the_chosen_changes_notify_and_a_recovery_follows_its_problem(
    qtbot, quiet_window, fleet: Fleet, ids
) -> None:  # type: ignore[no-untyped-def]
    feature = quiet_window.monitoring
    shown = feature.notifier.shown
    quiet_window.preferences.set(Preferences(notify_states="critical,recovered"))
    assert feature.controller.preferences.notify_list() == ["critical", "recovered"]

    fleet.observed[ids["fw"]] = CheckOutcome(HealthState.WARNING, "slow replies")
    fleet.run([ids["fw"]])
    _settle(qtbot, feature, "FW-01", HealthState.WARNING)
    fleet.observed[ids["fw"]] = CheckOutcome(HealthState.OK, "fine")
    fleet.run([ids["fw"]])
    _settle(qtbot, feature, "FW-01", HealthState.OK)
    assert shown == []  # warnings are not wanted, so neither is the end of one

    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.CRITICAL, "service stopped")
    fleet.run([ids["srv"]])
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=15_000)  # SRV-01's two checks
    assert all("SRV-01" in title for title, _body in shown)
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.OK, "running")
    fleet.run([ids["srv"]])
    qtbot.waitUntil(lambda: len(shown) == 4, timeout=15_000)
    assert all("recovered" in title for title, _body in shown[2:])


def test_quiet_hours_hold_every_notification(qtbot, quiet_window, fleet: Fleet, ids) -> None:  # type: ignore[no-untyped-def]
    feature = quiet_window.monitoring
    now = datetime.now()
    start = (now - timedelta(minutes=30)).strftime("%H:%M")
    end = (now + timedelta(minutes=30)).strftime("%H:%M")
    quiet_window.preferences.set(Preferences(do_not_disturb=True, dnd_start=start, dnd_end=end))
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.CRITICAL, "service stopped")
    fleet.run([ids["srv"]])
    _settle(qtbot, feature, "SRV-01", HealthState.CRITICAL)
    assert feature.notifier.shown == []
    quiet_window.preferences.set(Preferences())  # quiet hours off: the next change is told
    fleet.observed[ids["srv"]] = CheckOutcome(HealthState.OK, "running")
    fleet.run([ids["srv"]])
    qtbot.waitUntil(lambda: len(feature.notifier.shown) == 2, timeout=15_000)
