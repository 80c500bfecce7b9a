"""Where the console keeps its data, and which database it opens."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "msp-console"
ENV_DATABASE_URL = "MSP_CONSOLE_DATABASE_URL"
ENV_DATA_DIR = "MSP_CONSOLE_DATA_DIR"  # tests and portable installs point this elsewhere

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else Path(_dirs.user_data_dir)


def log_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) / "logs" if override else Path(_dirs.user_log_dir)


def default_database_path() -> Path:
    return data_dir() / "msp-console.sqlite3"


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite3"


def is_demo_url(url: str) -> bool:
    """The demo database file (``msp-console --demo``): the GUI runs the simulator only there."""
    prefix = "sqlite:///"
    return url.startswith(prefix) and url[len(prefix) :] == str(demo_database_path())


def resolve_database_url(explicit: str | None = None, *, demo: bool = False) -> str:
    """--database wins, then the environment, then the team database chosen at first run, then the
    embedded SQLite file (demo or real)."""
    if explicit:
        return explicit
    if demo:
        return f"sqlite:///{demo_database_path()}"
    from_env = os.environ.get(ENV_DATABASE_URL)
    if from_env:
        return from_env
    from msp_console.database_choice import configured_url  # the team DB chosen at first run

    team = configured_url()
    if team:
        return team
    return f"sqlite:///{default_database_path()}"
