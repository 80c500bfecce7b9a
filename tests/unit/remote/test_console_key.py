"""The console's key pair: made once, the same afterwards, its fingerprint as ssh-keygen prints it,
and the monitoring's cached read that never fails a check."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from msp_console.remote.console_key import KEY_REF, KeyCache, ensure_console_key
from msp_console.secrets import KeyringUnavailableError


def test_made_once_then_the_same(tmp_path: Path) -> None:
    stored: dict[str, str] = {}
    first = ensure_console_key(stored.get, stored.__setitem__)
    assert list(stored) == [KEY_REF] and "OPENSSH PRIVATE KEY" in stored[KEY_REF]
    again = ensure_console_key(stored.get, lambda ref, value: pytest.fail("made a second key"))
    assert again.public_line == first.public_line and first.public_line.startswith("ssh-ed25519 ")
    assert "PRIVATE" not in repr(first)  # a stray log line of the object shows the public half only
    pub = tmp_path / "console.pub"
    pub.write_text(first.public_line + "\n")
    printed = subprocess.run(
        ["ssh-keygen", "-lf", str(pub)], capture_output=True, text=True, check=True
    ).stdout
    assert printed.split()[1] == first.fingerprint


def test_the_cache_reads_the_keyring_at_most_every_few_minutes() -> None:
    reads: list[str] = []
    stored = {KEY_REF: "KEY-1"}

    def get(ref: str) -> str | None:
        reads.append(ref)
        return stored.get(ref)

    cache = KeyCache(get, seconds=3600)
    assert cache() == "KEY-1" and cache() == "KEY-1" and len(reads) == 1
    fresh = KeyCache(get, seconds=0)
    stored[KEY_REF] = "KEY-2"
    assert fresh() == "KEY-2"


def test_no_keyring_means_no_console_key_not_a_failed_check() -> None:
    def broken(ref: str) -> str | None:
        raise KeyringUnavailableError("no usable OS keyring")

    assert KeyCache(broken)() is None
