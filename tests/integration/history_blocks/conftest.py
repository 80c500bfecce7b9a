"""The history tests' databases: an app on the test database, and the old schema to convert."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from msp_console.app import App
from tests.integration.history_blocks.old_history import old_engine

__all__ = ["app", "old_engine"]


@pytest.fixture
def app(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    """An app on the test database that does not add template checks to new machines."""
    monkeypatch.setenv("MSP_CONSOLE_MONITOR_NEW_MACHINES", "0")
    app = App.open(database_url)
    yield app
    app.close()
