"""Threshold texts are checked when a check is added, not at its first poll."""

from __future__ import annotations

from msp_console.monitoring.checks.catalog import PARAMS, THRESHOLD_KEYS, threshold_errors
from msp_console.monitoring.model import CheckType


def test_every_type_is_described() -> None:
    assert set(PARAMS) == set(CheckType) == set(THRESHOLD_KEYS)


def test_threshold_errors_name_the_field() -> None:
    assert threshold_errors(CheckType.PING, "100,20%", "500,60%") == []
    assert threshold_errors(CheckType.SSH, "disk=85", "disk=95,load=8") == []
    errors = threshold_errors(CheckType.SSH, "disk=lots", "space=9")
    assert [f for f, _ in errors] == ["warn", "crit"]
    assert "Nagios range" in errors[0][1] and "unknown threshold 'space'" in errors[1][1]
    assert threshold_errors(CheckType.PLUGIN, "80", "")[0][0] == "warn"
