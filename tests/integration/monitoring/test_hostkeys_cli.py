"""`msp-console hostkeys list|trust|forget` against a real sshd and a real (SQLite) database."""

from __future__ import annotations

import json

import pytest

from msp_console.cli import main
from tests.support.sshd import SshServer


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_trust_list_forget(sshd: SshServer, sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = f"{sshd.host}:{sshd.port}"
    code, out, _ = run(capsys, "--database", sqlite_url, "hostkeys", "list")
    assert code == 0 and "no host keys yet" in out
    # Without --yes and no terminal to ask on, nothing is trusted.
    code, out, err = run(capsys, "--database", sqlite_url, "hostkeys", "trust", target)
    assert code == 1 and sshd.fingerprint in out and "--yes" in err
    code, out, _ = run(capsys, "--database", sqlite_url, "hostkeys", "trust", target, "--yes")
    assert code == 0 and f"trusted {sshd.fingerprint} for {target}" in out
    code, out, _ = run(capsys, "--database", sqlite_url, "hostkeys", "list", "--json")
    rows = json.loads(out)
    assert [(r["host"], r["port"], r["key_type"], r["fingerprint"]) for r in rows] == [
        (sshd.host, sshd.port, "ssh-ed25519", sshd.fingerprint)
    ]
    assert rows[0]["trusted_at"]
    code, out, _ = run(capsys, "--database", sqlite_url, "hostkeys", "forget", target)
    assert code == 0 and "forgot 1 key" in out


def test_trust_by_fingerprint_and_bad_input(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    fp = "SHA256:" + "A" * 43
    code, out, _ = run(
        capsys, "--database", sqlite_url, "hostkeys", "trust", "[::1]:2222", "--fingerprint", fp
    )
    assert code == 0 and "[::1]" not in out and "::1:2222" in out
    code, out, _ = run(capsys, "--database", sqlite_url, "hostkeys", "list")
    assert fp in out and "trusted" in out
    code, _, err = run(capsys, "--database", sqlite_url, "hostkeys", "trust", "h", "--fingerprint", "MD5:aa")
    assert code == 1 and "not a SHA256 fingerprint" in err
    code, _, err = run(capsys, "--database", sqlite_url, "hostkeys", "forget", "h:99999")
    assert code == 1 and "not a port" in err


def test_trust_of_a_host_that_does_not_answer(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = run(capsys, "--database", sqlite_url, "hostkeys", "trust", f"127.0.0.1:{port}", "--yes")
    assert code == 1 and "cannot fetch the host key of 127.0.0.1" in err
