"""The one PowerShell command for Windows OpenSSH hosts, and its parser.

Sent as ``powershell -EncodedCommand`` (UTF-16LE base64) so no quoting survives cmd.exe or
PowerShell as the default OpenSSH shell. Reports disk per volume, memory, CPU load, stopped
automatic services, Defender signature age, the last reboot and the security posture
(``posture_windows``), as ``msp.KEY=VALUE`` lines.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from msp_console.monitoring.checks import posture_windows
from msp_console.monitoring.checks.hostreport import HostReport, Volume, key_values

SCRIPT = (
    r"""
$ErrorActionPreference = 'SilentlyContinue'
$os = Get-CimInstance Win32_OperatingSystem
"msp.mem={0} {1}" -f $os.TotalVisibleMemorySize, $os.FreePhysicalMemory
"msp.boot={0}" -f $os.LastBootUpTime.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
"msp.now={0}" -f (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
"msp.cpus={0}" -f [Environment]::ProcessorCount
"msp.cpu={0}" -f [int](Get-CimInstance Win32_Processor | Measure-Object LoadPercentage -Average).Average
Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3' | ForEach-Object {
  "msp.vol={0} {1} {2} {3}" -f $_.DeviceID, $_.FileSystem, $_.Size, $_.FreeSpace }
Get-CimInstance Win32_Service -Filter "StartMode='Auto' AND State<>'Running'" | ForEach-Object {
  "msp.stopped={0}" -f $_.Name }
$mp = Get-MpComputerStatus
if ($mp) { "msp.defender_age={0}" -f $mp.AntivirusSignatureAge }
"""
    + posture_windows.SCRIPT
)

# Automatic services that are normally stopped (trigger-start or run-and-exit).
NORMALLY_STOPPED = frozenset(
    {
        "gupdate",
        "edgeupdate",
        "sppsvc",
        "RemoteRegistry",
        "MapsBroker",
        "wuauserv",
        "TrustedInstaller",
        "sedsvc",
        "CDPSvc",
        "tiledatamodelsvc",
        "WbioSrvc",
        "GoogleUpdaterService",
        "GoogleUpdaterInternalService",
    }
)


def command() -> str:
    script = "\n".join(line.strip() for line in SCRIPT.splitlines() if line.strip())
    encoded = base64.b64encode(script.encode("utf-16-le")).decode()
    return f"powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand {encoded}"


def _time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def parse(text: str) -> HostReport:
    fields: dict[str, object] = {"os": "windows"}
    volumes: list[Volume] = []
    stopped: list[str] = []
    boot = now = None
    pairs = key_values(text)
    for key, value in pairs:
        try:
            if key == "mem":
                total, free = value.split()[:2]
                fields["mem_total_kb"], fields["mem_available_kb"] = int(total), int(free)
            elif key == "boot":
                boot = _time(value)
            elif key == "now":
                now = _time(value)
            elif key == "cpus":
                fields["cpus"] = int(value)
            elif key == "cpu" and value:
                fields["cpu_pct"] = float(value)
            elif key == "vol":
                parts = value.split()
                if len(parts) == 4 and int(parts[2]) > 0:
                    volumes.append(Volume(parts[0], parts[1], int(parts[2]), int(parts[3])))
            elif key == "stopped" and value and value not in NORMALLY_STOPPED:
                stopped.append(value)
            elif key == "defender_age" and value:
                fields["defender_signature_age_days"] = int(value)
        except ValueError:
            continue
    if boot is not None:
        fields["uptime_s"] = ((now or datetime.now(UTC)) - boot).total_seconds()
    posture = posture_windows.parse(pairs, now)
    fields["posture"], fields["posture_notes"] = posture.values, posture.notes
    return HostReport(volumes=tuple(volumes), stopped_services=tuple(stopped), **fields)  # type: ignore[arg-type]
