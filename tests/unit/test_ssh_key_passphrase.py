"""A passphrase-protected SSH key is opened with the passphrase from the keyring reference."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.sshconn import SshProblem, _load_key
from msp_console.monitoring.model import CheckSpec, CheckType


@pytest.fixture
def encrypted_key(tmp_path: Path) -> Path:
    key = tmp_path / "id_ed25519"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "secret-pass", "-f", str(key)], check=True)
    return key


def spec() -> CheckSpec:
    return CheckSpec(1, 1, CheckType.SSH, "127.0.0.1", credential_ref="machine:1:ssh")


def test_the_passphrase_comes_from_the_keyring_reference(encrypted_key: Path) -> None:
    asked: list[str] = []

    def get_secret(ref: str) -> str | None:
        asked.append(ref)
        return "secret-pass"

    key = _load_key(str(encrypted_key), spec(), CheckContext(get_secret=get_secret))
    assert key.get_name() == "ssh-ed25519"
    assert asked == ["machine:1:ssh:passphrase"]


def test_a_missing_passphrase_says_where_to_store_it(encrypted_key: Path) -> None:
    with pytest.raises(SshProblem) as info:
        _load_key(str(encrypted_key), spec(), CheckContext(get_secret=lambda _ref: None))
    assert info.value.state is HealthState.UNKNOWN
    assert "machine:1:ssh:passphrase" in str(info.value)
