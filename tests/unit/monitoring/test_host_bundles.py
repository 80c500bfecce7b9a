"""Parsers of the bundled SSH commands; the Windows one from a sample (no Windows host here)."""

from __future__ import annotations

import base64

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import bundle_linux, bundle_windows
from msp_console.monitoring.checks.ssh import judge
from msp_console.monitoring.model import CheckSpec, CheckType

WINDOWS_SAMPLE = """\ufeff#< CLIXML
msp.mem=16658012 4164503
msp.boot=2026-11-20T06:30:00Z
msp.now=2026-11-28T06:30:00Z
msp.cpus=8
msp.cpu=37
msp.vol=C: NTFS 511101161472 40888092917
msp.vol=D: NTFS 1000202039296 700141427507
msp.vol=E: FAT32 0 0
msp.stopped=sppsvc
msp.stopped=Spooler
msp.defender_age=9
"""

LINUX_SAMPLE = """Welcome to the server!
msp.cpus=4
msp.load=6.00 3.10 2.00
msp.mem=8000000 2000000
msp.uptime=90061.5
msp.df=/dev/sda1 ext4 10000 9000 500 95% /
msp.df=/dev/sdb1 xfs 20000 1000 19000 5% /srv/my data
msp.df=proc proc 0 0 0 - /proc
msp.systemd=1
msp.failed=nginx.service
msp.updates=12
msp.df=broken line
"""


def spec(**params: str) -> CheckSpec:
    return CheckSpec(1, 1, CheckType.SSH, "h", params)


def test_windows_sample_parses_every_metric() -> None:
    r = bundle_windows.parse(WINDOWS_SAMPLE)
    assert r.cpus == 8 and r.cpu_pct == 37
    assert [v.mount for v in r.volumes] == ["C:", "D:"]
    assert round(r.volumes[0].used_pct) == 92
    assert r.stopped_services == ("Spooler",)  # sppsvc is normally stopped
    assert r.defender_signature_age_days == 9
    assert r.uptime_s == 8 * 86400
    assert round(r.mem_used_pct or 0) == 75


def test_windows_state_names_disk_services_and_defender() -> None:
    outcome = judge(spec(os="windows"), bundle_windows.parse(WINDOWS_SAMPLE))
    assert outcome.state is HealthState.CRITICAL
    assert "C: 92% full" in outcome.output
    assert "Spooler" in outcome.output and "Defender signatures 9 days old" in outcome.output
    names = {m.name for m in outcome.metrics}
    assert {"disk_used_pct:C:", "disk_free_bytes:D:", "cpu_pct", "defender_signature_age"} <= names


def test_windows_command_is_encoded_powershell() -> None:
    cmd = bundle_windows.command()
    assert cmd.startswith("powershell -NoProfile -NonInteractive")
    script = base64.b64decode(cmd.split()[-1]).decode("utf-16-le")
    assert "Win32_LogicalDisk" in script and "Get-MpComputerStatus" in script


def test_linux_sample_and_thresholds() -> None:
    r = bundle_linux.parse(LINUX_SAMPLE)
    assert [v.mount for v in r.volumes] == ["/", "/srv/my data"]
    assert r.load_per_core == 1.5 and r.failed_units == ("nginx.service",) and r.pending_updates == 12
    outcome = judge(spec(), r)
    assert outcome.state is HealthState.CRITICAL  # / is 94.7 % used (df's way: reserved blocks excluded)
    assert "/ 95% full (500.0 KiB free)" in outcome.output
    assert "failed units: nginx.service" in outcome.output
    relaxed = judge(CheckSpec(1, 1, CheckType.SSH, "h", {}, warn="disk=95", crit="disk=99"), r)
    assert relaxed.state is HealthState.WARNING  # only the failed unit remains
    assert "updates pending" in relaxed.output
