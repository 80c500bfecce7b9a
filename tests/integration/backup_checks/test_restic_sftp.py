"""A restic repository on another host reached by sftp: from the machine (its own ssh) as an MSP
usually has it (client PC → NAS). Here the "NAS" is the same loopback sshd, reached by msptest."""

from __future__ import annotations

import contextlib
import os
import pwd
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, run_check
from msp_console.monitoring.model import CheckType
from tests.integration.backup_checks.conftest import Repo, component_dir, hours_ago, repo_spec  # noqa: F401
from tests.integration.backup_checks.test_restic import metrics
from tests.support.sshd import TEST_USER, SshServer, ensure_test_user, keygen, start_sshd


@pytest.fixture
def nas(component_dir: Path) -> Iterator[SshServer]:  # noqa: F811
    """A second loopback sshd that serves sftp: the NAS holding the repository."""
    server = start_sshd(component_dir / "nas", extra_config="Subsystem sftp internal-sftp\n")
    yield server
    server.stop()


@pytest.fixture
def nas_alias(restic_repo: Repo, nas: SshServer) -> Iterator[str]:
    """msptest's own ssh reaches the NAS as "restic-nas-PORT": a key of its own, the host key
    pinned, one Host block in ~msptest/.ssh/config (removed afterwards)."""
    sshd = nas
    entry = pwd.getpwnam(TEST_USER)
    place = restic_repo.path.parent / "ssh"
    key = keygen(place / "id_ed25519")
    known = place / "known_hosts"
    host_pub = Path(str(sshd.host_key) + ".pub").read_text().split()
    known.write_text(f"[{sshd.host}]:{sshd.port} {host_pub[0]} {host_pub[1]}\n")
    for path in (place, key, known):
        os.chown(path, entry.pw_uid, entry.pw_gid)
    ensure_test_user(Path(str(key) + ".pub"))
    alias = f"restic-nas-{sshd.port}"
    block = (
        f"Host {alias}\n  HostName {sshd.host}\n  Port {sshd.port}\n  User {TEST_USER}\n"
        f"  IdentityFile {key}\n  UserKnownHostsFile {known}\n  StrictHostKeyChecking yes\n"
        "  BatchMode yes\n"
    )
    config = Path(entry.pw_dir) / ".ssh" / "config"
    before = config.read_text() if config.exists() else None
    config.write_text((before or "") + block)
    os.chown(config, entry.pw_uid, entry.pw_gid)
    config.chmod(0o600)
    try:
        yield alias
    finally:
        if before is None:
            with contextlib.suppress(FileNotFoundError):
                config.unlink()
        else:
            config.write_text(config.read_text().replace(block, ""))


def test_an_sftp_repository_is_read_through_the_machines_ssh(
    restic_repo: Repo, sshd: SshServer, repo_ctx: CheckContext, nas_alias: str
) -> None:
    restic_repo.snapshots((50, 3), 8 * 1024)
    spec = repo_spec(sshd, CheckType.RESTIC, f"sftp:{nas_alias}:{restic_repo.path}", check_every="1")
    out = run_check(spec, repo_ctx)
    assert out.state is HealthState.OK, out.output
    assert metrics(out)["runs"] == 2 and metrics(out)["repo_check_ok"] == 1
    (restic_repo.path / "config").unlink()  # the NAS lost the repository
    gone = run_check(repo_spec(sshd, CheckType.RESTIC, f"sftp:{nas_alias}:{restic_repo.path}"), repo_ctx)
    assert gone.state is HealthState.CRITICAL and gone.output.startswith("no restic repository at sftp:"), (
        gone.output
    )
