"""The posture travels in the one bundled command: a real Linux bundle on a loopback sshd, and a
Windows answer (the Italian Home edition with a third-party antivirus) played by a ForceCommand."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, run_check
from msp_console.monitoring.model import CheckSpec, CheckType
from tests.support.sshd import TEST_USER, SshServer, start_sshd
from tests.unit.monitoring.test_posture_windows import ITALIAN_HOME_THIRD_PARTY

FAKE_WINDOWS = """#!/bin/sh
printf '%s\\n' "$SSH_ORIGINAL_COMMAND" | head -n 1 | cut -c1-11 >> {calls}
case "$SSH_ORIGINAL_COMMAND" in
  "powershell "*) cat <<'END'
{answer}END
  ;;
  *) echo "'LC_ALL' non è riconosciuto come comando interno o esterno," >&2; exit 1 ;;
esac
"""


@pytest.fixture(scope="module")
def linux_sshd(posture_dir: Path, posture_key: Path) -> Iterator[SshServer]:
    server = start_sshd(posture_dir / "linux")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def windows_sshd(posture_dir: Path, posture_key: Path) -> Iterator[tuple[SshServer, Path]]:
    base = posture_dir / "windows"
    base.mkdir()
    calls = base / "calls.txt"
    calls.touch()
    calls.chmod(0o666)
    script = base / "fake-windows.sh"
    script.write_text(FAKE_WINDOWS.format(calls=calls, answer=ITALIAN_HOME_THIRD_PARTY))
    script.chmod(0o755)
    server = start_sshd(base / "sshd", extra_config=f"ForceCommand {script}\n")
    yield server, calls
    server.stop()


def _as_test_user(command: str) -> str:
    return subprocess.run(
        ["runuser", "-u", TEST_USER, "--", "sh", "-c", command], capture_output=True, text=True, check=False
    ).stdout.strip()


def test_real_linux_bundle_reports_the_posture_this_host_has(
    linux_sshd: SshServer, ctx: CheckContext
) -> None:
    assert ctx.hostkeys is not None
    ctx.hostkeys.trust(linux_sshd.host, linux_sshd.port, linux_sshd.fingerprint)
    spec = CheckSpec(
        1,
        1,
        CheckType.SSH,
        linux_sshd.host,
        {"port": str(linux_sshd.port)},
        warn="load=10000",
        crit="load=10000",
        timeout=60,
    )
    out = run_check(spec, ctx)
    assert out.state is not HealthState.UNKNOWN, out.output
    values = {m.name: m.value for m in out.metrics}
    # What this machine is, asked independently as the same user:
    assert values["reboot_pending"] == (1.0 if os.path.exists("/var/run/reboot-required") else 0.0)
    security = _as_test_user(
        "apt-get -s -o Debug::NoLocking=true upgrade 2>/dev/null | grep '^Inst ' | grep -ci security"
    )
    assert values["security_updates"] == float(security or 0)
    unattended = os.path.exists("/usr/bin/unattended-upgrade") and "1" in _as_test_user(
        "apt-config dump APT::Periodic::Unattended-Upgrade"
    )
    assert values["auto_updates_off"] == (0.0 if unattended else 1.0)
    # The check's user cannot read the rules and no firewall service runs: no false "off".
    readable = _as_test_user("iptables -S >/dev/null 2>&1 && echo yes")
    assert readable or "firewall_off" not in values
    if values["security_updates"]:
        assert f"{values['security_updates']:.0f} security updates to install" in out.output
    assert "security " in out.output and " OK" in out.output


def test_windows_posture_arrives_over_ssh_and_is_judged(
    windows_sshd: tuple[SshServer, Path], ctx: CheckContext
) -> None:
    server, calls = windows_sshd
    assert ctx.hostkeys is not None
    ctx.hostkeys.trust(server.host, server.port, server.fingerprint)
    spec = CheckSpec(1, 1, CheckType.SSH, server.host, {"port": str(server.port)}, timeout=10)
    out = run_check(spec, ctx)
    assert out.state is HealthState.CRITICAL, out.output
    assert "firewall off (Public)" in out.output and "reboot required (cbs,rename)" in out.output
    values = {m.name: m.value for m in out.metrics}
    assert values["antivirus_off"] == 0 and values["antivirus_outdated"] == 0
    assert "bitlocker_off" not in values  # Home edition: no BitLocker module
    # One round trip per poll once the host is known to be Windows (the first poll tries sh first).
    run_check(spec, ctx)
    assert [c.split()[0] for c in calls.read_text().splitlines()] == ["LC_ALL=C;", "powershell", "powershell"]


def test_windows_backup_check_runs_its_command_over_ssh(posture_dir: Path, ctx: CheckContext) -> None:
    from tests.unit.monitoring.test_windows_backup import ITALIAN_DISK_FULL

    base = posture_dir / "wbackup"
    base.mkdir()
    calls = base / "calls.txt"
    calls.touch()
    calls.chmod(0o666)
    script = base / "fake-windows.sh"
    script.write_text(FAKE_WINDOWS.format(calls=calls, answer=ITALIAN_DISK_FULL))
    script.chmod(0o755)
    server = start_sshd(base / "sshd", extra_config=f"ForceCommand {script}\n")
    try:
        assert ctx.hostkeys is not None
        ctx.hostkeys.trust(server.host, server.port, server.fingerprint)
        spec = CheckSpec(1, 1, CheckType.WINDOWS_BACKUP, server.host, {"port": str(server.port)}, timeout=10)
        out = run_check(spec, ctx)
    finally:
        server.stop()
    assert out.state is HealthState.CRITICAL, out.output
    assert "0x80070070 Spazio su disco insufficiente" in out.output
    assert calls.read_text().split() == ["powershell"]  # one command, no shell probing
