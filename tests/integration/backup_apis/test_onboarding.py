"""`msp-console onboard`: the console's key made once in a real keyring, the scripts written, and
the Linux script run for real, then a loopback sshd letting the console's key in (and only as the
restrictions say)."""

from __future__ import annotations

import io
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import paramiko
import pytest

from msp_console import secrets
from msp_console.cli import main
from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, SshPolicy, run_check
from msp_console.monitoring.hostkeys import HostKeyStore
from msp_console.monitoring.model import CheckSpec, CheckType
from msp_console.remote.console_key import KEY_REF, ConsoleKey, KeyCache, load_console_key
from tests.integration.backup_apis.conftest import Office
from tests.support.components import free_port, need_binary
from tests.support.keyring_session import KeyringSession
from tests.support.sshd import TEST_USER, SshServer, ensure_test_user, keygen, start_sshd


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_scripts_written_with_one_key_made_once(
    office: Office, gnome_keyring: KeyringSession, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = ["--database", f"sqlite:///{office.db_file}"]
    secrets.delete_secret(KEY_REF)
    win = tmp_path / "onboard-srv-win.ps1"
    code, out, err = run(capsys, *db, "onboard", "windows", "studio rossi/SRV-WIN", "--out", str(win),
                         "--allow-from", "198.51.100.7")  # fmt: skip
    assert code == 0, err
    key = load_console_key()
    assert key is not None and key.fingerprint in out
    text = win.read_bytes().decode("utf-8-sig")
    assert key.public_line in text and "-RemoteAddress $AllowFrom" in text
    assert "$AllowFrom = '198.51.100.7'" in text and "'*S-1-5-32-544:F'" in text
    assert "PRIVATE KEY" not in text and key.private_openssh.splitlines()[1] not in text
    assert win.stat().st_mode & 0o077 == 0

    lin = tmp_path / "nas.sh"
    code, _, err = run(
        capsys, *db, "onboard", "linux", "Studio Rossi/nas", "--out", str(lin), "--user", "backup"
    )
    assert code == 0, err
    again = load_console_key()
    assert again is not None and again.private_openssh == key.private_openssh  # made once, kept
    assert again.public_line in lin.read_text() and "TARGET_USER='backup'" in lin.read_text()


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["windows", "Studio Rossi/nowhere"], "no machine 'Studio Rossi/nowhere'"),
        (["windows", "Nobody/srv-win"], "no machine 'Nobody/srv-win'"),
        (["windows", "Studio Rossi/srv-win", "--allow-from", "10.0.0.256"], "allow_from: '10.0.0.256'"),
        (["linux", "Studio Rossi/nas", "--allow-from", "the office"], "allow_from: 'the office'"),
        (["linux", "Studio Rossi/nas", "--user", "rm -rf"], "user: 'rm -rf'"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    office: Office, capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], field: str
) -> None:
    out = tmp_path / "script.txt"
    db = ["--database", f"sqlite:///{office.db_file}"]
    code, _, err = run(capsys, *db, "onboard", argv[0], argv[1], "--out", str(out), *argv[2:])
    assert code == 1 and field in err
    assert not out.exists()


@pytest.fixture
def throwaway_home() -> Iterator[Path]:
    """A home for the test user made fresh in a temp dir; inside the user's real home so that every
    directory above it passes sshd's StrictModes (under /tmp nothing would)."""
    need_binary("/usr/sbin/sshd", "openssh-server")
    real = ensure_test_user()
    base = Path(tempfile.mkdtemp(prefix="onboard-", dir=real))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def sshd_for(throwaway_home: Path, component_dir: Path) -> Iterator[SshServer]:
    """A loopback sshd that reads the test user's keys from the throw-away home only."""
    hostdir = component_dir / f"onboard-{free_port()}"
    hostdir.mkdir()
    host_key = keygen(hostdir / "ssh_host_ed25519_key")
    server = start_sshd(
        hostdir,
        host_key=host_key,
        extra_config=f"AuthorizedKeysFile {throwaway_home}/.ssh/authorized_keys\nStrictModes yes\n",
    )
    yield server
    server.stop()


def _run_script(script: Path, home: Path, host_keys: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MSP_TARGET_HOME": str(home), "MSP_HOST_KEY_DIR": str(host_keys)}
    return subprocess.run(["sh", str(script)], capture_output=True, text=True, env=env, timeout=30)


def _login(server: SshServer, key: ConsoleKey) -> paramiko.SSHClient:
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    pkey = paramiko.Ed25519Key(file_obj=io.StringIO(key.private_openssh))
    client.connect(server.host, server.port, username=TEST_USER, pkey=pkey, allow_agent=False,
                   look_for_keys=False, timeout=20, banner_timeout=20, auth_timeout=20)  # fmt: skip
    return client


def test_linux_script_lets_the_console_key_in_restricted(
    office: Office, gnome_keyring: KeyringSession, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    throwaway_home: Path, sshd_for: SshServer,
) -> None:  # fmt: skip
    db = ["--database", f"sqlite:///{office.db_file}"]
    script = tmp_path / "nas.sh"
    code, _, err = run(capsys, *db, "onboard", "linux", "Studio Rossi/nas", "--out", str(script),
                       "--user", TEST_USER, "--allow-from", "127.0.0.1")  # fmt: skip
    assert code == 0, err
    key = load_console_key()
    assert key is not None
    # an earlier line of the user's stays; the script's own line is there once, however often it runs
    (throwaway_home / ".ssh").mkdir(mode=0o755)
    (throwaway_home / ".ssh" / "authorized_keys").write_text("ssh-ed25519 AAAAother admin@laptop\n")
    for _ in range(2):
        done = _run_script(script, throwaway_home, sshd_for.host_key.parent)
        assert done.returncode == 0, done.stderr
    auth = throwaway_home / ".ssh" / "authorized_keys"
    lines = auth.read_text().splitlines()
    assert lines[0] == "ssh-ed25519 AAAAother admin@laptop"
    assert [ln for ln in lines if key.key_blob in ln] == [
        'from="127.0.0.1",no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-pty ' + key.public_line
    ]
    user = pwd.getpwnam(TEST_USER)
    assert auth.stat().st_uid == user.pw_uid and auth.stat().st_mode & 0o777 == 0o600
    assert (throwaway_home / ".ssh").stat().st_mode & 0o777 == 0o700
    assert sshd_for.fingerprint in done.stdout  # the host key to trust, as ssh-keygen prints it
    assert f"hostkeys trust 127.0.0.1 --fingerprint {sshd_for.fingerprint}" in done.stdout

    assert _plugin_check_as_console(office, sshd_for) == (HealthState.OK, "console key works")

    client = _login(sshd_for, key)  # the real sshd accepts the console's key …
    try:
        _, stdout, _ = client.exec_command("id -un", timeout=20)
        assert stdout.read().decode().strip() == TEST_USER
        channel = client.get_transport().open_session()  # type: ignore[union-attr]
        with pytest.raises(paramiko.SSHException):  # … but gives it no terminal (no-pty)
            channel.get_pty()
        channel.close()
    finally:
        client.close()


def _plugin_check_as_console(office: Office, server: SshServer) -> tuple[HealthState, str]:
    """A real monitoring check logging in with nothing but the console's key from the keyring."""
    store = HostKeyStore(office.db, cache_seconds=0)
    store.trust(server.host, server.port, server.fingerprint, "ssh-ed25519")
    ctx = CheckContext(
        hostkeys=store, console_key=KeyCache(), ssh=SshPolicy(user=TEST_USER, key_file="", use_agent=False)
    )
    spec = CheckSpec(1, 1, CheckType.PLUGIN, server.host, {"port": str(server.port),
                     "command": "echo 'console key works'"}, timeout=20.0)  # fmt: skip
    outcome = run_check(spec, ctx)
    return outcome.state, outcome.output


def test_linux_key_refused_from_another_address(
    office: Office, gnome_keyring: KeyringSession, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    throwaway_home: Path, sshd_for: SshServer,
) -> None:  # fmt: skip
    db = ["--database", f"sqlite:///{office.db_file}"]
    script = tmp_path / "nas.sh"
    assert run(capsys, *db, "onboard", "linux", "Studio Rossi/nas", "--out", str(script),
               "--user", TEST_USER, "--allow-from", "192.0.2.0/24")[0] == 0  # fmt: skip
    assert _run_script(script, throwaway_home, sshd_for.host_key.parent).returncode == 0
    key = load_console_key()
    assert key is not None
    with pytest.raises(paramiko.AuthenticationException):
        _login(sshd_for, key)
    state, output = _plugin_check_as_console(office, sshd_for)
    assert state is HealthState.UNKNOWN and "authentication failed for msptest (tried console key)" in output


def test_out_dash_prints_the_script_and_says_who_may_connect(
    office: Office, gnome_keyring: KeyringSession, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--database", f"sqlite:///{office.db_file}"]
    code, out, err = run(capsys, *db, "onboard", "linux", "Studio Rossi/nas", "--out", "-")
    assert code == 0 and out.startswith("#!/bin/sh\n") and "no-pty ssh-ed25519 " in out
    assert "SSH is allowed from any address" in err
    code, out, err = run(capsys, *db, "onboard", "windows", "Studio Rossi/srv-win", "--out", "-")
    assert code == 0 and "$AllowFrom = 'LocalSubnet'" in out
