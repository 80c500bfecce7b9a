"""Onboarding scripts: what to run once on a client's machine so that the console can reach it.

Windows: a PowerShell script that installs and starts OpenSSH Server, trusts the console's key for
administrators (with the ACL sshd insists on), lets TCP 22 in only from the technician's address
and prints the host key fingerprint to trust. Linux: a shell script that adds the console's key
for one user, restricted to that address and to running commands. Pure text: the caller supplies
the key and the machine; nothing here touches the network, the keyring or the database.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import date

from msp_console.domain.errors import ValidationError

_USER = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,31}$")
WINDOWS_ANYWHERE_LOCAL = "LocalSubnet"  # what Windows allows when no address is given
# The console only runs commands: no tunnels, no agent or X11 forwarding, no terminal.
RESTRICTIONS = "no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-pty"


@dataclass(frozen=True, slots=True)
class Target:
    """The machine the script is for, as the technician names it."""

    client: str
    machine: str
    address: str  # the machine's address in the console (for the host-key trust hint)

    @property
    def path(self) -> str:
        return f"{self.client}/{self.machine}"


def parse_allow_from(text: str | None) -> str:
    """An IPv4/IPv6 address or network (CIDR) in canonical form; '' when none was given."""
    raw = (text or "").strip()
    if not raw:
        return ""
    try:
        if "/" in raw:
            return str(ipaddress.ip_network(raw, strict=False))
        return str(ipaddress.ip_address(raw))
    except ValueError:
        raise ValidationError.single(
            "allow_from",
            f"'{raw}' is not an IP address or network (e.g. 192.0.2.10 or 192.0.2.0/24)",
            "not_an_address",
            value=raw,
        ) from None


def check_user(user: str) -> str:
    name = user.strip()
    if not _USER.match(name):
        raise ValidationError.single(
            "user", f"'{user}' is not a Linux user name (letters, digits, _ . -)", "not_a_user", value=user
        )
    return name


def _one_line(text: str) -> str:
    """Names go into comments: no line breaks or control characters can end the comment."""
    return "".join(c if c.isprintable() else " " for c in text)


def _ps(text: str) -> str:
    """A PowerShell single-quoted literal (nothing inside is expanded)."""
    return "'" + text.replace("'", "''") + "'"


def _sh(text: str) -> str:
    """A POSIX shell single-quoted literal."""
    return "'" + text.replace("'", "'\\''") + "'"


def windows_script(target: Target, public_line: str, allow_from: str, today: date | None = None) -> str:
    """The PowerShell onboarding script (CRLF line ends are the writer's job)."""
    remote = allow_from or WINDOWS_ANYWHERE_LOCAL
    trust_host = target.address
    day = (today or date.today()).isoformat()
    lines = [
        "#Requires -RunAsAdministrator",
        f"# MSP Console: onboarding of {_one_line(target.path)} (Windows), made {day}.",
        "# Run it once in an elevated PowerShell on that machine: it needs Windows 10 1809 /",
        "# Windows Server 2019 or later (OpenSSH Server is a Windows capability there).",
        "$ErrorActionPreference = 'Stop'",
        f"$ConsoleKey = {_ps(public_line)}",
        f"$AllowFrom = {_ps(remote)}",
        "",
        "# 1. Install OpenSSH Server if it is not installed yet.",
        "$cap = Get-WindowsCapability -Online -Name 'OpenSSH.Server*' | Select-Object -First 1",
        "if ($cap.State -ne 'Installed') { Add-WindowsCapability -Online -Name $cap.Name | Out-Null }",
        "",
        "# 2. Start it now and at every boot (the first start also creates the host keys).",
        "Set-Service -Name sshd -StartupType Automatic",
        "Start-Service -Name sshd",
        "",
        "# 3. Trust the console's key for administrators (sshd reads this file for them).",
        "$auth = Join-Path $env:ProgramData 'ssh\\administrators_authorized_keys'",
        "if (-not (Test-Path $auth)) { New-Item -ItemType File -Path $auth -Force | Out-Null }",
        "if (-not (Select-String -Path $auth -SimpleMatch $ConsoleKey -Quiet)) {",
        "    Add-Content -Path $auth -Value $ConsoleKey -Encoding ascii",
        "}",
        "",
        "# 4. Only Administrators (S-1-5-32-544) and SYSTEM (S-1-5-18) may read or change it,",
        "#    otherwise sshd ignores the file. SIDs work on every language of Windows.",
        "icacls.exe $auth /reset | Out-Null",
        "icacls.exe $auth /inheritance:r /grant:r '*S-1-5-32-544:F' /grant:r '*S-1-5-18:F' | Out-Null",
        "",
        "# 5. TCP 22 only from the console: the rule OpenSSH adds (open to everyone) is turned off.",
        "Get-NetFirewallRule -Name 'OpenSSH-Server-In-TCP' -ErrorAction SilentlyContinue |",
        "    Disable-NetFirewallRule",
        "Get-NetFirewallRule -Name 'MSP-Console-SSH' -ErrorAction SilentlyContinue | Remove-NetFirewallRule",
        "New-NetFirewallRule -Name 'MSP-Console-SSH' -DisplayName 'MSP Console SSH' -Direction Inbound "
        "-Protocol TCP -LocalPort 22 -RemoteAddress $AllowFrom -Action Allow -Profile Any | Out-Null",
        "",
        "# 6. The host key fingerprints: compare them with what MSP Console shows before trusting.",
        "$keygen = Join-Path $env:WINDIR 'System32\\OpenSSH\\ssh-keygen.exe'",
        "Get-ChildItem (Join-Path $env:ProgramData 'ssh\\ssh_host_*_key.pub') | ForEach-Object {",
        "    & $keygen -lf $_.FullName",
        "}",
        "$ed = Join-Path $env:ProgramData 'ssh\\ssh_host_ed25519_key.pub'",
        "$fp = (& $keygen -lf $ed).Split(' ')[1]",
        f'Write-Output "On the console: msp-console hostkeys trust {_host(trust_host)} --fingerprint $fp"',
    ]
    return "\n".join(lines) + "\n"


def _host(text: str) -> str:
    """A host name or address for a printed hint: only characters no shell or PowerShell expands."""
    return re.sub(r"[^A-Za-z0-9.:_\[\]-]", "", text) or "ADDRESS"


def linux_key_line(public_line: str, allow_from: str) -> str:
    """The authorized_keys line: the console's key, limited to the address and to commands."""
    options = (f'from="{allow_from}",' if allow_from else "") + RESTRICTIONS
    return f"{options} {public_line}"


def linux_script(
    target: Target, public_line: str, allow_from: str, user: str, today: date | None = None
) -> str:
    """The POSIX shell onboarding script: idempotent (a second run replaces the console's line)."""
    blob = " ".join(public_line.split()[:2])
    trust_host = target.address
    day = (today or date.today()).isoformat()
    lines = [
        "#!/bin/sh",
        f"# MSP Console: onboarding of {_one_line(target.path)} (Linux), made {day}.",
        f"# Run it once as root (or as {user}) on that machine: sh THIS-FILE",
        "set -eu",
        "umask 077",
        f"TARGET_USER={_sh(user)}",
        f"KEY_LINE={_sh(linux_key_line(public_line, allow_from))}",
        f"KEY_BLOB={_sh(blob)}",
        "",
        "# 1. The user's home (MSP_TARGET_HOME overrides it, e.g. for a home not in /etc/passwd).",
        'HOME_DIR="${MSP_TARGET_HOME:-$(getent passwd "$TARGET_USER" | cut -d: -f6)}"',
        'if [ -z "$HOME_DIR" ]; then echo "no user $TARGET_USER on this machine" >&2; exit 1; fi',
        "",
        "# 2. ~/.ssh and authorized_keys with the modes sshd requires (700 and 600).",
        'mkdir -p "$HOME_DIR/.ssh"',
        'chmod 700 "$HOME_DIR/.ssh"',
        'AUTH="$HOME_DIR/.ssh/authorized_keys"',
        'touch "$AUTH"',
        'chmod 600 "$AUTH"',
        "",
        "# 3. Replace an earlier console line for this key (its options may differ), keep the rest.",
        'grep -vF "$KEY_BLOB" "$AUTH" > "$AUTH.msp-new" || true',
        'printf \'%s\\n\' "$KEY_LINE" >> "$AUTH.msp-new"',
        'cat "$AUTH.msp-new" > "$AUTH"',
        'rm -f "$AUTH.msp-new"',
        "",
        "# 4. Run as root: the files belong to the user, or sshd refuses them.",
        'if [ "$(id -u)" -eq 0 ]; then',
        '    chown "$TARGET_USER:$(id -gn "$TARGET_USER")" "$HOME_DIR/.ssh" "$AUTH"',
        "fi",
        "",
        "# 5. Is an SSH server there? (this script does not install one)",
        "if ! command -v sshd >/dev/null 2>&1 && [ ! -x /usr/sbin/sshd ]; then",
        '    echo "warning: no OpenSSH server found: install openssh-server" >&2',
        "fi",
        "",
        "# 6. The host key fingerprints: compare them with what MSP Console shows before trusting.",
        'echo "console key installed for $TARGET_USER in $AUTH"',
        'for f in "${MSP_HOST_KEY_DIR:-/etc/ssh}"/ssh_host_*_key.pub; do',
        '    if [ -e "$f" ]; then ssh-keygen -lf "$f"; fi',
        "done",
        'ED="${MSP_HOST_KEY_DIR:-/etc/ssh}/ssh_host_ed25519_key.pub"',
        'if [ -e "$ED" ]; then',
        f'    echo "On the console: msp-console hostkeys trust {_host(trust_host)} '
        '--fingerprint $(ssh-keygen -lf "$ED" | cut -d" " -f2)"',
        "fi",
    ]
    return "\n".join(lines) + "\n"


def script_bytes(kind: str, text: str) -> bytes:
    """What goes into the file: Windows PowerShell 5.1 reads UTF-8 only with a BOM, and CRLF."""
    if kind == "windows":
        return "\ufeff".encode() + text.replace("\n", "\r\n").encode()
    return text.encode()


__all__ = [
    "RESTRICTIONS",
    "Target",
    "check_user",
    "linux_key_line",
    "linux_script",
    "parse_allow_from",
    "script_bytes",
    "windows_script",
]
