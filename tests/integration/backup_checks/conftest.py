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
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from msp_console.monitoring.checks import CheckContext
from msp_console.monitoring.checks.repo_runner import Memory
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

    def snapshots(self, hours_before_now: tuple[float, ...], size: int) -> None:
        """One snapshot per age given (oldest first), each of ``size`` random bytes."""
        for hours in hours_before_now:
            self.snapshot(hours_ago(hours), size)

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


def _make_repo(shared: Path, tool: str, env: dict[str, str], *init: str) -> Repo:
    need_binary(tool, "borgbackup" if tool == "borg" else tool)
    (shared / "repos").mkdir(mode=0o755, exist_ok=True)  # pytest's tmp dirs are root-only
    base = Path(tempfile.mkdtemp(prefix=f"{tool}-", dir=shared / "repos"))
    base.chmod(0o755)
    repo = Repo(tool, base / "repo", base / "data")
    repo.data.mkdir()
    repo.env = {k: v.replace("{base}", str(base)) for k, v in env.items()}
    repo.run(*init, str(repo.path))
    return repo


@pytest.fixture
def restic_repo(component_dir: Path) -> Iterator[Repo]:  # noqa: F811
    env = {
        "RESTIC_REPOSITORY": "{base}/repo",
        "RESTIC_PASSWORD": PASSWORD,
        "RESTIC_CACHE_DIR": "{base}/cache",
    }
    repo = _make_repo(component_dir, "restic", env, "restic", "init", "-q", "--repo")
    yield repo
    shutil.rmtree(repo.path.parent, ignore_errors=True)


@pytest.fixture
def borg_repo(component_dir: Path) -> Iterator[Repo]:  # noqa: F811
    env = {"BORG_PASSPHRASE": PASSWORD, "BORG_BASE_DIR": "{base}/home", "TZ": "UTC"}
    repo = _make_repo(component_dir, "borg", env, "borg", "init", "-e", "repokey")
    yield repo
    shutil.rmtree(repo.path.parent, ignore_errors=True)


def fake_tool(tmp: Path, body: str) -> Path:
    """A stand-in restic or borg the test controls (older releases are not packaged here)."""
    script = tmp / "fake-restic"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    tmp.chmod(0o755)
    return script


def repo_spec(
    server: SshServer, kind: CheckType, repository: Path | str, check_id: int = 1, **params: str
) -> CheckSpec:
    params = {"port": str(server.port), "repository": str(repository), "password_ref": REF, **params}
    warn, crit = params.pop("warn", ""), params.pop("crit", "")
    return CheckSpec(check_id, 1, kind, server.host, params, warn, crit, timeout=120.0)


def verification_due(memory: Memory, spec: CheckSpec) -> None:
    """Makes the last verification of ``spec`` ``check_every`` hours old: the next poll verifies again.

    Without racing the clock: a tiny ``check_every`` is due or not depending on how fast the poll was.
    """
    key = (spec.check_id, spec.host, spec.params.get("repository", ""))
    last = memory.last_check(key)
    assert last is not None, "no verification ran"
    memory.remember_check(key, replace(last, at=last.at - float(spec.params["check_every"]) * 3600))


@pytest.fixture
def repo_ctx(key_ctx: CheckContext, sshd: SshServer, secrets_getter: Secrets) -> CheckContext:  # noqa: F811
    """SSH as msptest with the loopback sshd trusted, and the repository password in the 'keyring'."""
    assert key_ctx.hostkeys is not None
    key_ctx.hostkeys.trust(sshd.host, sshd.port, sshd.fingerprint, "ssh-ed25519")
    secrets_getter.values[REF] = PASSWORD
    return key_ctx
