"""Real components for the backup-API checks and onboarding: a keyring, a loopback sshd, HTTPS
replay servers. Each is stopped by PID (or shut down) by the fixture that started it."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from msp_console.db.migrate import upgrade
from msp_console.services.database import Database
from msp_console.services.inventory import Inventory
from tests.support.keyring_session import KeyringSession, keyring_in_environment


@pytest.fixture(scope="module")
def gnome_keyring() -> Iterator[KeyringSession]:
    with keyring_in_environment() as session:
        yield session


@pytest.fixture(scope="session")
def component_dir() -> Iterator[Path]:
    """Outside pytest's root-only tmp dir, so sshd's user and children can read what they need."""
    base = Path(tempfile.mkdtemp(prefix="msp-backupapis-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


@dataclass
class Office:
    db: Database
    db_file: Path
    machines: dict[str, int]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    """Client 'Studio Rossi' with a Windows server and a Linux NAS."""
    db_file = tmp_path / "office.sqlite3"
    db = Database(f"sqlite:///{db_file}")
    upgrade(db.engine)
    inv = Inventory(db)
    cid = inv.save_client({"name": "Studio Rossi"})
    machines = {
        name: inv.save_machine(cid, {"name": name, "kind": kind, "os": os_name, "address": address})
        for name, kind, os_name, address in [
            ("srv-win", "server", "windows", "192.0.2.20"),
            ("nas", "nas", "linux", "127.0.0.1"),
        ]
    }
    yield Office(db, db_file, machines)
    db.dispose()
