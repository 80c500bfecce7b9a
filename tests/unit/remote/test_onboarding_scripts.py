"""The onboarding scripts say what the issue asks, line by line, whatever the names hold."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from msp_console.domain.errors import ValidationError
from msp_console.remote.onboard import Request, check_request
from msp_console.remote.onboarding import (
    Target,
    linux_key_line,
    linux_script,
    parse_allow_from,
    script_bytes,
    windows_script,
)

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGQ7a8cHQ3yWgq2YtqN3oYbGvQ8p5v3kNn0wXbqfYc0C msp-console@pc"
TARGET = Target("Studio Rossi", "srv-win", "192.0.2.20")


def test_windows_script_installs_starts_trusts_and_firewalls() -> None:
    text = windows_script(TARGET, KEY, "198.51.100.7", date(2026, 12, 4))
    lines = text.splitlines()
    assert lines[0] == "#Requires -RunAsAdministrator"
    assert f"$ConsoleKey = '{KEY}'" in lines
    assert "Add-WindowsCapability -Online -Name $cap.Name" in text
    assert "Set-Service -Name sshd -StartupType Automatic" in lines
    assert "Start-Service -Name sshd" in lines
    assert "$auth = Join-Path $env:ProgramData 'ssh\\administrators_authorized_keys'" in lines
    # ACL: inheritance removed, only Administrators (S-1-5-32-544) and SYSTEM (S-1-5-18), full control
    acl = [line for line in lines if line.startswith("icacls.exe $auth /inheritance:r")]
    assert acl == [
        "icacls.exe $auth /inheritance:r /grant:r '*S-1-5-32-544:F' /grant:r '*S-1-5-18:F' | Out-Null"
    ]
    assert "icacls.exe $auth /reset | Out-Null" in lines  # any older explicit grant goes first
    assert "$AllowFrom = '198.51.100.7'" in lines
    rule = [line for line in lines if line.startswith("New-NetFirewallRule")]
    assert len(rule) == 1 and "-LocalPort 22" in rule[0] and "-RemoteAddress $AllowFrom" in rule[0]
    assert "-Direction Inbound" in rule[0] and "-Action Allow" in rule[0]
    assert "Disable-NetFirewallRule" in text  # OpenSSH's own rule, open to all, is switched off
    assert "-lf $_.FullName" in text and "hostkeys trust 192.0.2.20 --fingerprint $fp" in text


def test_windows_without_address_allows_only_the_local_subnet() -> None:
    assert "$AllowFrom = 'LocalSubnet'" in windows_script(TARGET, KEY, "").splitlines()


def test_names_cannot_break_out_of_comments_or_strings() -> None:
    nasty = Target("Caffè 'O Sole'\nRemove-Item C:\\", "pc$(calc)", 'host$(x)`"')
    win = windows_script(nasty, KEY, "10.0.0.1")
    assert "\nRemove-Item" not in win  # the newline in the name became a space inside the comment
    assert "trust hostx --fingerprint" in win
    lin = linux_script(nasty, KEY, "10.0.0.1", "backup")
    assert "\nRemove-Item" not in lin and "trust hostx " in lin
    # a quote in the key's comment survives the shell's quoting: sh reads back exactly the line
    odd = "ssh-ed25519 AAAA it's $HOME `x`"
    settings = [ln for ln in linux_script(TARGET, odd, "", "root").splitlines() if ln.startswith("KEY_LINE=")]
    echoed = subprocess.run(
        ["sh", "-c", settings[0] + '; printf %s "$KEY_LINE"'], capture_output=True, text=True
    )
    assert echoed.stdout == linux_key_line(odd, "")


def test_windows_file_is_utf8_with_bom_and_crlf() -> None:
    data = script_bytes("windows", windows_script(Target("Caffè", "pc", ""), KEY, ""))
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert "Caffè".encode() in data
    assert script_bytes("linux", "a\nb\n") == b"a\nb\n"


def test_linux_key_is_restricted_to_the_address_and_to_commands() -> None:
    line = linux_key_line(KEY, "198.51.100.0/24")
    assert line == (
        'from="198.51.100.0/24",no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-pty ' + KEY
    )
    assert linux_key_line(KEY, "").startswith("no-port-forwarding,")
    text = linux_script(TARGET, KEY, "198.51.100.7", "backup")
    assert "TARGET_USER='backup'" in text and 'chmod 700 "$HOME_DIR/.ssh"' in text
    assert 'chmod 600 "$AUTH"' in text and 'from="198.51.100.7"' in text


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("192.0.2.10", "192.0.2.10"), (" 192.0.2.10/24 ", "192.0.2.0/24"), ("2001:db8::1", "2001:db8::1"),
     ("2001:db8::/32", "2001:db8::/32"), ("", "")],
)  # fmt: skip
def test_addresses_are_canonical(typed: str, canonical: str) -> None:
    assert parse_allow_from(typed) == canonical


@pytest.mark.parametrize("typed", ["10.0.0.300", "office", "10.0.0.1/33", "1.2.3.4 5.6.7.8", "*"])
def test_not_an_address_is_refused_by_field(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_allow_from(typed)
    assert caught.value.errors[0].field == "allow_from" and typed.strip() in str(caught.value)


def test_request_names_every_wrong_field() -> None:
    with pytest.raises(ValidationError) as caught:
        check_request(Request("linux", "A/b", "nowhere", "bad user"))
    assert [e.field for e in caught.value.errors] == ["allow_from", "user"]
    with pytest.raises(ValidationError) as caught:
        check_request(Request("macos", "A/b"))
    assert [e.field for e in caught.value.errors] == ["kind"]
    assert check_request(Request("windows", "A/b", "192.0.2.9", "bad user")) == ("192.0.2.9", "")
