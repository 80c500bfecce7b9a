"""The secrets module on a real gnome-keyring (Secret Service over D-Bus), and with no keyring at all."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.core
import pytest
from keyring.backends import fail

from msp_console import secrets
from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, SshPolicy, run_check
from msp_console.monitoring.hostkeys import HostKeyStore
from msp_console.monitoring.model import CheckSpec, CheckType
from tests.support.keyring_session import KeyringSession, keyring_in_environment
from tests.support.sshd import TEST_PASSWORD, TEST_USER, SshServer


@pytest.fixture(scope="module")
def gnome_keyring() -> Iterator[KeyringSession]:
    with keyring_in_environment() as session:
        yield session


def test_round_trip_on_gnome_keyring(gnome_keyring: KeyringSession) -> None:
    usable, message = secrets.keyring_status()
    assert usable, message
    assert "SecretService" in message
    secrets.set_secret("client:3:admin", "s3cret with spaces ✓")
    assert secrets.get_secret("client:3:admin") == "s3cret with spaces ✓"
    secrets.set_secret("client:3:admin", "rotated")
    assert secrets.get_secret("client:3:admin") == "rotated"
    secrets.delete_secret("client:3:admin")
    assert secrets.get_secret("client:3:admin") is None
    secrets.delete_secret("client:3:admin")  # deleting twice is fine
    with pytest.raises(ValueError, match="not a secret reference"):
        secrets.set_secret("has spaces", "x")


def test_ssh_check_reads_its_password_from_the_keyring(
    gnome_keyring: KeyringSession, sshd: SshServer, hostkeys: HostKeyStore
) -> None:
    secrets.set_secret("machine:12:ssh", TEST_PASSWORD)
    hostkeys.trust(sshd.host, sshd.port, sshd.fingerprint)
    ctx = CheckContext(hostkeys=hostkeys, ssh=SshPolicy(user=TEST_USER, use_agent=False))  # real getter
    spec = CheckSpec(
        1,
        12,
        CheckType.SSH,
        sshd.host,
        {"port": str(sshd.port), "updates": "no"},
        credential_ref="machine:12:ssh",
        warn="load=10000",  # the load of this busy test machine is not what is tested here
        crit="load=10000",
    )
    out = run_check(spec, ctx)
    assert out.state in (HealthState.OK, HealthState.WARNING), out.output
    secrets.delete_secret("machine:12:ssh")


def test_no_backend_says_plainly_how_to_fix_it() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        usable, message = secrets.keyring_status()
        assert not usable
        assert "No usable OS keyring" in message and "gnome-keyring" in message and "msp-console" in message
        with pytest.raises(secrets.KeyringUnavailableError, match="gnome-keyring or KWallet"):
            secrets.get_secret("machine:1:ssh")
        with pytest.raises(secrets.KeyringUnavailableError):
            secrets.set_secret("machine:1:ssh", "never stored")
        # A check whose password cannot be read is UNKNOWN with the same plain advice.
        out = run_check(
            CheckSpec(
                1,
                1,
                CheckType.SNMP,
                "127.0.0.1",
                {"user": "u", "port": "9"},
                credential_ref="machine:1:snmp",
                timeout=1,
            ),
            CheckContext(),
        )
        assert out.state is HealthState.UNKNOWN and "No usable OS keyring" in out.output
    finally:
        keyring.set_keyring(previous)


def _cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = ""):
    import io

    from msp_console.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_secrets_cli_on_gnome_keyring(
    gnome_keyring: KeyringSession, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = _cli(capsys, monkeypatch, "secrets", "status")
    assert code == 0 and "SecretService" in out
    code, out, _ = _cli(capsys, monkeypatch, "secrets", "set", "machine:12:ssh", stdin="piped-pass\n")
    assert code == 0 and "stored machine:12:ssh" in out and "piped-pass" not in out
    assert secrets.get_secret("machine:12:ssh") == "piped-pass"
    code, out, _ = _cli(capsys, monkeypatch, "secrets", "has", "machine:12:ssh")
    assert code == 0 and out.strip() == "machine:12:ssh: stored"
    code, out, _ = _cli(capsys, monkeypatch, "secrets", "delete", "machine:12:ssh")
    assert code == 0
    code, out, _ = _cli(capsys, monkeypatch, "secrets", "has", "machine:12:ssh")
    assert code == 1 and "not stored" in out
    code, _, err = _cli(capsys, monkeypatch, "secrets", "set", "machine:12:ssh", stdin="\n")
    assert code == 1 and "empty secret" in err
    # (`secrets set` also takes CLIENT[/MACHINE] from the remote sessions; `has` takes only a REF)
    code, _, err = _cli(capsys, monkeypatch, "secrets", "has", "bad ref")
    assert code == 1 and "not a secret reference" in err


def test_secrets_cli_without_a_keyring(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        code, out, _ = _cli(capsys, monkeypatch, "secrets", "status")
        assert code == 1 and "No usable OS keyring" in out and "gnome-keyring" in out
        code, _, err = _cli(capsys, monkeypatch, "secrets", "set", "machine:1:ssh", stdin="x\n")
        assert code == 1 and "No usable OS keyring" in err
    finally:
        keyring.set_keyring(previous)
