"""The desk's preferences file: defaults, validation, round trip, notification rules."""

from __future__ import annotations

import json
import os
from datetime import time

import pytest

from msp_console import preferences as p


def test_defaults_without_a_file_and_a_round_trip() -> None:
    assert p.load_preferences() == p.Preferences()
    saved = p.update_preferences(technician="Marco", language="it", poll_workers=4, rdp_client="remmina")
    assert p.load_preferences() == saved
    assert saved.preferred_client("rdp") == "remmina" and saved.preferred_client("ssh") == ""
    assert p.technician_name() == "Marco"


def test_bad_values_are_refused_and_nothing_is_written() -> None:
    with pytest.raises(ValueError, match="poll_workers"):
        p.update_preferences(poll_workers=0)
    with pytest.raises(ValueError, match="language"):
        p.update_preferences(language="fr")
    assert not p.preferences_path().exists()


def test_a_damaged_file_falls_back_to_defaults() -> None:
    p.preferences_path().parent.mkdir(parents=True, exist_ok=True)
    p.preferences_path().write_text("{not json")
    assert p.load_preferences() == p.Preferences()
    p.preferences_path().write_text(json.dumps({"poll_workers": "many", "technician": "Anna"}))
    assert p.load_preferences().technician == "Anna" and p.load_preferences().poll_workers == 8


def test_quiet_hours_across_midnight_and_state_filter() -> None:
    prefs = p.Preferences(do_not_disturb=True, dnd_start="20:00", dnd_end="08:00", notify_states="critical")
    assert prefs.in_quiet_hours(time(23, 0)) and prefs.in_quiet_hours(time(7, 59))
    assert not prefs.in_quiet_hours(time(8, 0))
    assert prefs.should_notify("CRITICAL", time(12, 0))
    assert not prefs.should_notify("warning", time(12, 0))
    assert not prefs.should_notify("critical", time(21, 0))


def test_environment_gets_the_technician_unless_already_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(p.ENV_USER, raising=False)
    monkeypatch.delenv(p.ENV_TERMINAL, raising=False)
    p.apply_to_environment(p.Preferences(technician="Marco", terminal="xterm"))
    assert os.environ[p.ENV_USER] == "Marco" and os.environ[p.ENV_TERMINAL] == "xterm"
    monkeypatch.setenv(p.ENV_USER, "Giulia")
    p.apply_to_environment(p.Preferences(technician="Marco"))
    assert os.environ[p.ENV_USER] == "Giulia"


def test_a_recovery_is_told_only_for_a_problem_that_was() -> None:
    prefs = p.Preferences(notify_states="critical,recovered")
    assert prefs.should_notify("OK", time(12, 0), previous="CRITICAL")
    assert not prefs.should_notify("OK", time(12, 0), previous="WARNING")  # its start was never told
    assert not p.Preferences(notify_states="critical").should_notify("OK", time(12, 0), previous="CRITICAL")


def test_a_choice_an_older_version_offered_is_dropped_on_reading() -> None:
    p.preferences_path().parent.mkdir(parents=True, exist_ok=True)
    p.preferences_path().write_text(json.dumps({"notify_states": "critical,unreachable,recovered"}))
    prefs = p.load_preferences()
    assert prefs.notify_list() == ["critical", "recovered"] and not prefs.errors()
