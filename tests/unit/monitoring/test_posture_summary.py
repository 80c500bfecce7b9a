"""The per-client security summary: how many machines are green on each point."""

from __future__ import annotations

import pytest

from msp_console.domain.health import HealthState
from msp_console.domain.posture import Point, judge_points, ranges, summarize
from msp_console.domain.thresholds import ThresholdError


def points(values: dict[str, float], warn: str = "", crit: str = ""):  # type: ignore[no-untyped-def]
    return judge_points(values, *ranges(warn, crit))


def test_defaults_firewall_off_is_critical_old_signatures_a_warning() -> None:
    states = {p.point: p.state for p in points({"firewall_off": 1, "defender_signature_age": 4})}
    assert states == {Point.FIREWALL: HealthState.CRITICAL, Point.SIGNATURES: HealthState.WARNING}


def test_summary_counts_green_machines_per_point() -> None:
    fleet = [
        points({"firewall_off": 0, "antivirus_off": 0, "reboot_pending": 1}),
        points({"firewall_off": 1, "antivirus_off": 0}),
        points({"firewall_off": 0, "antivirus_off": 0, "bitlocker_off": 0}),
        points({}),  # a machine that reports nothing is not counted
    ]
    s = summarize(fleet)
    assert (s.machines, s.all_green) == (3, 1)
    table = {t.point: (t.green, t.reported) for t in s.points}
    assert table == {
        Point.FIREWALL: (2, 3),
        Point.ANTIVIRUS: (3, 3),
        Point.REBOOT: (0, 1),
        Point.ENCRYPTION: (1, 1),
    }
    assert [t.point for t in s.points] == [Point.FIREWALL, Point.ANTIVIRUS, Point.REBOOT, Point.ENCRYPTION]


def test_a_threshold_silences_or_raises_a_point() -> None:
    assert points({"reboot_pending": 1}, warn="reboot=~:")[0].state is HealthState.OK
    assert points({"update_age": 40}, crit="patch=30")[0].state is HealthState.CRITICAL
    with pytest.raises(ThresholdError):
        ranges("firewal=0", "")
