"""Shared fixtures: an isolated data directory, and a fresh database on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.postgres import PostgresServer, start_postgres

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_db_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the real user's data directory or database."""
    data = tmp_path / "data"
    monkeypatch.setenv("MSP_CONSOLE_DATA_DIR", str(data))
    monkeypatch.delenv("MSP_CONSOLE_DATABASE_URL", raising=False)
    return data


@pytest.fixture(autouse=True)
def _fresh_redaction_set() -> Iterator[None]:
    """Secrets registered for log masking by one test must not mask another test's text."""
    from msp_console import redaction

    redaction.forget_all()
    yield
    redaction.forget_all()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = start_postgres()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: each test using it runs once per backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database(f"msp_test_{os.getpid()}_{next(_db_counter)}")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"
