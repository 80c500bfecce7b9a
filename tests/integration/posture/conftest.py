"""A loopback sshd of our own (free port, stopped by PID) and a check context that trusts it."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_console.db.migrate import upgrade
from msp_console.monitoring.checks import CheckContext, SshPolicy
from msp_console.monitoring.hostkeys import HostKeyStore
from msp_console.services.database import Database
from tests.support.sshd import TEST_USER, client_key


@pytest.fixture(scope="module")
def posture_dir() -> Iterator[Path]:
    """Outside pytest's root-only tmp dir, so sshd's user can read the scripts it runs."""
    base = Path(tempfile.mkdtemp(prefix="msp-posture-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def posture_key(posture_dir: Path) -> Path:
    return client_key(posture_dir / "client")


@pytest.fixture
def ctx(tmp_path: Path, posture_key: Path) -> CheckContext:
    db = Database(f"sqlite:///{tmp_path / 'hostkeys.sqlite3'}")
    upgrade(db.engine)
    return CheckContext(
        hostkeys=HostKeyStore(db),
        ssh=SshPolicy(user=TEST_USER, key_file=str(posture_key), use_agent=False),
    )
