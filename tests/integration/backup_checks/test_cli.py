"""As a technician does it: store the password, add the check, trust the host key, poll once."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_console.app import App
from msp_console.cli import main
from tests.integration.backup_checks.conftest import PASSWORD, Repo, hours_ago
from tests.support.keyring_session import KeyringSession, keyring_in_environment
from tests.support.sshd import TEST_USER, SshServer


@pytest.fixture
def gnome_keyring() -> Iterator[KeyringSession]:
    with keyring_in_environment() as session:
        yield session


def test_restic_added_from_the_command_line_and_polled(
    tmp_path: Path,
    restic_repo: Repo,
    sshd: SshServer,
    ssh_client_key: Path,
    gnome_keyring: KeyringSession,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    restic_repo.snapshot(hours_ago(30), 1024)
    url = f"sqlite:///{tmp_path / 'console.sqlite3'}"
    monkeypatch.setenv("MSP_CONSOLE_MONITOR_NEW_MACHINES", "0")
    app = App.open(url)
    cid = app.inventory.save_client({"name": "Studio Rossi"})
    app.inventory.save_machine(cid, {"name": "nas", "kind": "nas", "address": sshd.host})
    app.close()

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["secrets", "set", "backup:rossi-nas"]) == 0
    args = ["--param", f"repository={restic_repo.path}", "--param", "password_ref=backup:rossi-nas"]
    args += ["--param", f"user={TEST_USER}", "--param", f"key_file={ssh_client_key}"]
    args += ["--param", f"port={sshd.port}", "--interval", "60"]
    assert main(["--database", url, "checks", "add", "Studio Rossi/nas", "restic", *args]) == 0
    broken = [*args, "--param", "binary=/nowhere/restic", "--name", "old pc restic"]
    assert main(["--database", url, "checks", "add", "Studio Rossi/nas", "restic", *broken]) == 0
    assert PASSWORD not in json.dumps(args)
    trust = ["hostkeys", "trust", f"{sshd.host}:{sshd.port}", "--fingerprint", sshd.fingerprint]
    assert main(["--database", url, *trust]) == 0
    capsys.readouterr()
    assert main(["--database", url, "poll", "--once", "--json"]) == 0
    lines = {
        d["check"]: d for d in (json.loads(ln) for ln in capsys.readouterr().out.splitlines() if ln.strip())
    }
    assert lines["restic"]["state"] == "WARNING", lines
    assert lines["restic"]["output"].startswith("last successful backup is 30.0 h old")
    assert lines["old pc restic"]["state"] == "UNKNOWN"  # the poll goes on: one broken check is words
    assert lines["old pc restic"]["output"].startswith("restic is not installed on 127.0.0.1")
