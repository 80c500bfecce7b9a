"""Real restic and Borg repositories on the machine the loopback sshd plays (user msptest).

The sshd, the client key and the host-key store come from the monitoring suite's fixtures (one
sshd per session, stopped by PID); repositories are made here with faked snapshot times.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from msp_console.monitoring.checks import CheckContext
from msp_console.monitoring.model import CheckSpec, CheckType
from tests.integration.monitoring.conftest import (  # noqa: F401 - fixtures shared with the check suite
    Secrets,
    component_dir,
    hostkeys,
    key_ctx,
    secrets_getter,
    ssh_client_key,
    sshd,
)
from tests.support.components import need_binary
from tests.support.sshd import TEST_USER, SshServer

PASSWORD = "Repo pass ü 'quoted' $HOME `x` ;rm"  # shell-hostile on purpose
REF = "backup:test"


def owned_by_msptest(path: Path) -> None:
    entry = pwd.getpwnam(TEST_USER)
    subprocess.run(["chown", "-R", f"{entry.pw_uid}:{entry.pw_gid}", str(path)], check=True)


def hours_ago(hours: float) -> datetime:
    return datetime.now(UTC) - timedelta(hours=hours)


@dataclass
class Repo:
    """A repository with a data folder whose contents each test shapes before a snapshot."""

    tool: str
    path: Path
    data: Path
    count: int = 0
    env: dict[str, str] = field(default_factory=dict)

    def run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            argv, env={**os.environ, **self.env}, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        owned_by_msptest(self.path)
        return done

    def fill(self, size: int) -> None:
        for old in self.data.iterdir():
            old.unlink()
        (self.data / "payload.bin").write_bytes(os.urandom(size))

    def snapshot(self, at: datetime, size: int | None = None) -> None:
        if size is not None:
            self.fill(size)
        self.count += 1
        if self.tool == "restic":
            stamp = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
            self.run("restic", "backup", "-q", "--time", stamp, "--host", "client-pc", str(self.data))
        else:
            stamp = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
            self.run("borg", "create", "--timestamp", stamp, f"{self.path}::n{self.count}", str(self.data))


@pytest.fixture
def restic_repo(component_dir: Path) -> Iterator[Repo]:  # noqa: F811
    need_binary("restic", "restic")
    base = _readable_place(component_dir, "restic-")
    repo = Repo("restic", base / "repo", base / "data")
    repo.data.mkdir(parents=True)
    repo.env = {
        "RESTIC_REPOSITORY": str(repo.path),
        "RESTIC_PASSWORD": PASSWORD,
        "RESTIC_CACHE_DIR": str(base / "cache"),
    }
    repo.run("restic", "init", "-q")
    yield repo
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def borg_repo(component_dir: Path) -> Iterator[Repo]:  # noqa: F811
    need_binary("borg", "borgbackup")
    base = _readable_place(component_dir, "borg-")
    repo = Repo("borg", base / "repo", base / "data")
    repo.data.mkdir(parents=True)
    repo.env = {
        "BORG_PASSPHRASE": PASSWORD,
        "BORG_BASE_DIR": str(base / "home"),
        "TZ": "UTC",
    }
    repo.run("borg", "init", "-e", "repokey", str(repo.path))
    yield repo
    shutil.rmtree(base, ignore_errors=True)


def _readable_place(component_dir: Path, prefix: str) -> Path:  # noqa: F811
    """pytest's tmp dirs are root-only; msptest must reach the repositories."""
    (component_dir / "repos").mkdir(mode=0o755, exist_ok=True)
    place = Path(tempfile.mkdtemp(prefix=prefix, dir=component_dir / "repos"))
    place.chmod(0o755)
    return place


def repo_spec(
    server: SshServer, kind: CheckType, repository: Path | str, check_id: int = 1, **params: str
) -> CheckSpec:
    params = {"port": str(server.port), "repository": str(repository), "password_ref": REF, **params}
    warn, crit = params.pop("warn", ""), params.pop("crit", "")
    return CheckSpec(check_id, 1, kind, server.host, params, warn, crit, timeout=120.0)


@pytest.fixture
def repo_ctx(key_ctx: CheckContext, sshd: SshServer, secrets_getter: Secrets) -> CheckContext:  # noqa: F811
    """SSH as msptest with the loopback sshd trusted, and the repository password in the 'keyring'."""
    assert key_ctx.hostkeys is not None
    key_ctx.hostkeys.trust(sshd.host, sshd.port, sshd.fingerprint, "ssh-ed25519")
    secrets_getter.values[REF] = PASSWORD
    return key_ctx
