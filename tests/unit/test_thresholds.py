"""Nagios range syntax: what alerts and what does not, as a technician writes it."""

from __future__ import annotations

import math

import pytest

from msp_console.domain.health import HealthState
from msp_console.domain.thresholds import ThresholdError, judge, parse_range, parse_set


@pytest.mark.parametrize(
    ("text", "ok", "alert"),
    [
        ("10", [0, 5, 10], [-1, 10.5, 11]),
        ("10:", [10, 11, 1e9], [9.99, 0, -5]),
        ("~:10", [-1e9, 0, 10], [10.1, 100]),
        ("10:20", [10, 15, 20], [9, 21]),
        ("@10:20", [9, 21], [10, 15, 20]),
        ("80%", [0, 80], [80.1, 100]),
        ("100ms", [99], [101]),
        ("-5:5", [-5, 0, 5], [-6, 6]),
    ],
)
def test_range_alerts_outside_or_inside(text: str, ok: list[float], alert: list[float]) -> None:
    r = parse_range(text)
    assert [v for v in ok if r.alerts(v)] == []
    assert [v for v in alert if not r.alerts(v)] == []


@pytest.mark.parametrize("text", ["", "abc", "10:5", "1:2:3", "@", "~", "10,20"])
def test_bad_ranges_are_refused_with_the_syntax(text: str) -> None:
    with pytest.raises(ThresholdError, match=r"Nagios range|start of a range"):
        parse_range(text)


def test_bound_is_the_line_a_graph_draws() -> None:
    assert parse_range("80").bound == 80
    assert parse_range("10:").bound == 10
    assert parse_range("~:7").bound == 7
    assert math.isinf(parse_range("10:").end)


def test_threshold_sets_by_position_and_by_name() -> None:
    by_pos = parse_set("100,20%", ("rtt", "loss"))
    assert by_pos["rtt"].end == 100 and by_pos["loss"].end == 20
    by_name = parse_set("loss=5, rtt=50", ("rtt", "loss"))
    assert by_name["loss"].end == 5 and by_name["rtt"].end == 50
    assert parse_set("", ("rtt",)) == {}
    with pytest.raises(ThresholdError, match="unknown threshold 'cpu'"):
        parse_set("cpu=5", ("rtt", "loss"))
    with pytest.raises(ThresholdError, match="too many"):
        parse_set("1,2,3", ("rtt", "loss"))


def test_judge_critical_wins_over_warning() -> None:
    warn, crit = parse_range("80"), parse_range("90")
    assert judge(50, warn, crit) is HealthState.OK
    assert judge(85, warn, crit) is HealthState.WARNING
    assert judge(95, warn, crit) is HealthState.CRITICAL
    assert judge(95, None, None) is HealthState.OK
