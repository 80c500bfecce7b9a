"""An existing database's row-per-sample history converts to blocks and reads back the same.

The database and its week of history come from ``old_history``; the upgrade converts it — also
after being interrupted half-way — and the charts, the state timeline and the monthly service
report show the same figures as before.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from msp_console.app import App
from msp_console.cli import main
from msp_console.db import history_conversion
from tests.integration.history_blocks.old_history import NOW, charts, reads_the_same, week_of_history


@pytest.mark.parametrize("interrupted", [False, True])
def test_a_week_of_history_converts_and_reads_the_same(
    old_engine: Engine, database_url: str, interrupted: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = week_of_history(old_engine)
    before = charts(old_engine, written["machine"])
    monkeypatch.setattr(history_conversion, "now", lambda: NOW)  # upgraded the moment it was written
    if interrupted:  # the first upgrade stops after one batch of events
        monkeypatch.setattr(history_conversion, "EVENT_BATCH", 1)
        calls = []

        def stop(*_args: object) -> None:
            calls.append(1)
            if len(calls) == 2:
                raise KeyboardInterrupt

        monkeypatch.setattr(history_conversion.log, "info", stop)
        with pytest.raises(KeyboardInterrupt):
            App.open(database_url).close()
        monkeypatch.setattr(history_conversion.log, "info", lambda *_a: None)
    reads_the_same(database_url, written, before)


def test_db_upgrade_tells_how_the_conversion_is_getting_on(
    old_engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    written = week_of_history(old_engine)
    monkeypatch.setattr(history_conversion, "now", lambda: NOW)
    monkeypatch.setattr(history_conversion, "EVENT_BATCH", 3)
    assert main(["--database", database_url, "db", "upgrade"]) == 0
    lines = [line.split(" (")[0] for line in capsys.readouterr().err.splitlines()]
    n = len(written["events"])
    assert lines == [
        f"msp-console: converting history: 3 of {n} state events",
        f"msp-console: converting history: {n} of {n} state events",
        "msp-console: converting history: 2 of 2 metric series",
    ]
