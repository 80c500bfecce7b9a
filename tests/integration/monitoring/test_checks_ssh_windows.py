"""A Windows OpenSSH host, played by an sshd whose ForceCommand answers like cmd.exe + PowerShell.

No Windows machine here: the script returns what the PowerShell bundle prints on a real server, so
the whole path — auto-detection, the encoded command, parsing, thresholds — runs over real SSH.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, run_check
from msp_console.monitoring.model import CheckSpec, CheckType
from tests.support.sshd import SshServer, start_sshd

ANSWER = """msp.mem=16658012 12000000
msp.boot=2026-11-20T06:30:00Z
msp.now=2026-11-28T06:30:00Z
msp.cpus=8
msp.cpu=12
msp.vol=C: NTFS 511101161472 40888092917
msp.stopped=Spooler
msp.defender_age=1
"""

FAKE = """#!/bin/sh
printf "%s\\n" "$SSH_ORIGINAL_COMMAND" | head -n 1 | cut -c1-40 >> {calls}
case "$SSH_ORIGINAL_COMMAND" in
  "powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand "*)
    cat <<'END'
{answer}END
    ;;
  *) echo "'LC_ALL' is not recognized as an internal or external command," >&2; exit 1 ;;
esac
"""


@pytest.fixture(scope="module")
def windows_sshd(component_dir: Path, ssh_client_key: Path) -> Iterator[tuple[SshServer, Path]]:
    base = component_dir / "windows"
    base.mkdir(exist_ok=True)
    calls_dir = base / "calls"
    calls_dir.mkdir(exist_ok=True)
    calls_dir.chmod(0o777)
    calls = calls_dir / "commands.txt"
    script = base / "fake-windows.sh"
    script.write_text(FAKE.format(calls=calls, answer=ANSWER))
    script.chmod(0o755)
    server = start_sshd(base / "sshd", extra_config=f"ForceCommand {script}\n")
    yield server, calls
    server.stop()


def test_windows_host_is_detected_and_judged(
    windows_sshd: tuple[SshServer, Path], key_ctx: CheckContext
) -> None:
    server, calls = windows_sshd
    assert key_ctx.hostkeys is not None
    key_ctx.hostkeys.trust(server.host, server.port, server.fingerprint)
    spec = CheckSpec(1, 1, CheckType.SSH, server.host, {"port": str(server.port)}, timeout=5)
    out = run_check(spec, key_ctx)
    assert out.state is HealthState.CRITICAL, out.output  # C: is 92 % full
    assert "C: 92% full" in out.output and "stopped automatic services: Spooler" in out.output
    assert "CPU 12%" in out.output and "up 8.0 d" in out.output
    again = run_check(spec, key_ctx)
    assert again.output == out.output
    sent = [line.split()[0] for line in calls.read_text().splitlines()]
    # First poll: the POSIX bundle, then PowerShell on the same connection; then PowerShell at once.
    assert sent == ["LC_ALL=C;", "powershell", "powershell"]
    relaxed = run_check(
        CheckSpec(
            1,
            1,
            CheckType.SSH,
            server.host,
            {"port": str(server.port), "os": "windows"},
            warn="disk=95",
            crit="disk=99",
        ),
        key_ctx,
    )
    assert relaxed.state is HealthState.WARNING and "Spooler" in relaxed.output
