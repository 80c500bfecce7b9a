"""Windows security posture from the bundle's output, shaped as the documented cmdlets print it.

The property names and values follow the cmdlets' documented examples:
- Get-MpComputerStatus: https://learn.microsoft.com/en-us/powershell/module/defender/get-mpcomputerstatus
  (``AMRunningMode : Normal``, ``FullScanAge : 4294967295`` for a full scan that never ran,
  ``IsTamperProtected : False``, ``QuickScanAge : 14``);
- Get-NetFirewallProfile (``Name : Domain``, ``Enabled : True``, GpoBoolean);
- root/SecurityCenter2 AntiVirusProduct (``displayName``, ``productState`` 397568 = Defender on and
  current, 393472 = Defender off, 266240 = a third-party product on and current, +0x10 = out of date);
- Get-HotFix (``HotFixID``, the WMI ``InstalledOn`` string, US ``M/d/yyyy`` or the host's own order);
- Get-BitLockerVolume (``ProtectionStatus : On``, ``VolumeStatus : FullyEncrypted``).
The bundle prints each as ``msp.<cmdlet>.<Property>=<value>`` through PowerShell's string expansion,
which is culture-invariant: an Italian Windows prints the same numbers and booleans.
"""

from __future__ import annotations

from datetime import UTC, datetime

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import bundle_windows
from msp_console.monitoring.checks.posture_windows import decode_product_state
from msp_console.monitoring.checks.ssh import judge
from msp_console.monitoring.model import CheckSpec, CheckType

BASE = """msp.mem=16658012 9164503
msp.boot=2026-11-30T06:30:00Z
msp.now=2026-12-04T08:00:00Z
msp.cpus=8
msp.cpu=7
msp.vol=C: NTFS 511101161472 300888092917
"""

# Windows 11 Pro, English, everything as it should be.
GREEN_CLIENT = (
    BASE
    + """msp.defender_age=1
msp.producttype=1
msp.fw.Domain=True
msp.fw.Private=True
msp.fw.Public=True
msp.mp.AMRunningMode=Normal
msp.mp.AntivirusEnabled=True
msp.mp.RealTimeProtectionEnabled=True
msp.mp.QuickScanAge=1
msp.mp.FullScanAge=4294967295
msp.mp.IsTamperProtected=True
msp.av=397568 Windows Defender
msp.reboot=
msp.hotfix=KB5044033 10/8/2026
msp.hotfix=KB5046617 11/20/2026
msp.hotfix=KB890830 11/12/2026
msp.bl.ProtectionStatus=On
msp.bl.VolumeStatus=FullyEncrypted
msp.bl.EncryptionPercentage=100
"""
)

# Windows 10 Home in Italian with Kaspersky: Defender steps aside (Get-MpComputerStatus fails, so
# the bundle says msp.mp=none), Home has no BitLocker module (msp.bl=none), the hotfix dates were
# stored day-first, a reboot is pending, the Public profile is off. The Italian line is PowerShell
# noise that is not ours and must be ignored.
ITALIAN_HOME_THIRD_PARTY = (
    BASE
    + """Get-MpComputerStatus : Operazione non riuscita con l'errore seguente: 0x800106ba
msp.producttype=1
msp.fw.Domain=True
msp.fw.Private=True
msp.fw.Public=False
msp.mp=none
msp.av=393472 Windows Defender
msp.av=266240 Kaspersky Small Office Security
msp.reboot=cbs,rename
msp.hotfix=KB5046613 13/11/2026
msp.hotfix=KB5048652 04/12/2026
msp.hotfix=KB5011048 05/03/2026
msp.bl=none
"""
)

# Windows Server 2022 (ProductType 3: no Security Center), Defender on but never scanned and its
# signatures 9 days old, no tamper protection property, BitLocker not readable by the check's user,
# and the last cumulative update three months old (FILETIME and yyyyMMdd forms of InstalledOn).
STALE_SERVER = (
    BASE
    + """msp.defender_age=9
msp.producttype=3
msp.fw.Domain=True
msp.fw.Private=True
msp.fw.Public=True
msp.mp.AMRunningMode=Normal
msp.mp.AntivirusEnabled=True
msp.mp.RealTimeProtectionEnabled=True
msp.mp.QuickScanAge=4294967295
msp.mp.FullScanAge=4294967295
msp.reboot=wu
msp.hotfix=KB5041160 01dd2b064fd2dc00
msp.hotfix=KB5040437 20260709
msp.bl=denied
"""
)

# A workstation whose real-time protection was switched off, with no other antivirus, tamper
# protection off and BitLocker suspended (encrypted, protection off).
UNPROTECTED = (
    BASE
    + """msp.defender_age=0
msp.producttype=1
msp.fw.Domain=NotConfigured
msp.fw.Private=False
msp.fw.Public=False
msp.mp.AMRunningMode=Normal
msp.mp.AntivirusEnabled=True
msp.mp.RealTimeProtectionEnabled=False
msp.mp.QuickScanAge=3
msp.mp.FullScanAge=40
msp.mp.IsTamperProtected=False
msp.av=393472 Windows Defender
msp.reboot=
msp.hotfix=KB5046617 11/20/2026
msp.bl.ProtectionStatus=Off
msp.bl.VolumeStatus=FullyEncrypted
msp.bl.EncryptionPercentage=100
"""
)


def spec(warn: str = "", crit: str = "") -> CheckSpec:
    return CheckSpec(1, 1, CheckType.SSH, "h", {"os": "windows"}, warn, crit)


def test_product_state_decodes_as_the_security_center_sets_it() -> None:
    assert decode_product_state(397568) == (True, True)  # 0x061100 Defender on, current
    assert decode_product_state(393472) == (False, True)  # 0x060100 off
    assert decode_product_state(266256) == (True, False)  # 0x041010 on, signatures out of date
    assert decode_product_state(0x062100) == (False, True)  # snoozed is not on


def test_green_client_reports_every_point_ok() -> None:
    report = bundle_windows.parse(GREEN_CLIENT)
    assert report.posture == {
        "firewall_off": 0.0,
        "firewall_on:Domain": 1.0,
        "firewall_on:Private": 1.0,
        "firewall_on:Public": 1.0,
        "antivirus_off": 0.0,
        "scan_age": 1.0,  # the quick scan; the full one never ran
        "tamper_off": 0.0,
        "defender_signature_age": 1.0,
        "reboot_pending": 0.0,
        "update_age": 14.0,  # KB5046617 on 2026-11-20
        "bitlocker_off": 0.0,
    }
    out = judge(spec(), report)
    assert out.state is HealthState.OK, out.output
    assert "security 8/8 OK" in out.output
    names = {m.name for m in out.metrics}
    assert {"firewall_off", "antivirus_off", "update_age", "bitlocker_off", "firewall_on:Public"} <= names


def test_italian_home_edition_with_a_third_party_antivirus() -> None:
    report = bundle_windows.parse(ITALIAN_HOME_THIRD_PARTY)
    p = report.posture
    assert p["firewall_off"] == 1 and p["firewall_on:Public"] == 0
    assert p["antivirus_off"] == 0 and p["antivirus_outdated"] == 0  # Kaspersky on and current
    assert "defender_signature_age" not in p and "scan_age" not in p and "tamper_off" not in p
    assert p["reboot_pending"] == 1
    assert p["update_age"] == 0  # 04/12/2026 read day-first, as 13/11/2026 shows the host stores them
    assert "bitlocker_off" not in p and report.posture_notes["bitlocker"] == "none"
    out = judge(spec(), report)
    assert out.state is HealthState.CRITICAL
    assert "firewall off (Public)" in out.output and "reboot required (cbs,rename)" in out.output
    assert "antivirus" not in out.output.split(" — ")[0]


def test_third_party_antivirus_out_of_date_is_a_warning() -> None:
    text = ITALIAN_HOME_THIRD_PARTY.replace("266240 Kaspersky", "266256 Kaspersky").replace(
        "Public=False", "Public=True"
    )
    out = judge(spec(warn="reboot=~:"), bundle_windows.parse(text))  # the pending reboot silenced
    assert out.state is HealthState.WARNING
    assert out.output.startswith("Kaspersky Small Office Security signatures out of date")


def test_stale_server_never_scanned_old_signatures_old_updates() -> None:
    report = bundle_windows.parse(STALE_SERVER)
    p = report.posture
    assert p["scan_age"] == 9999 and p["defender_signature_age"] == 9
    assert "tamper_off" not in p and "bitlocker_off" not in p
    assert report.posture_notes["bitlocker"] == "denied"
    assert (
        p["update_age"]
        == (datetime(2026, 12, 4, 8, tzinfo=UTC) - datetime(2026, 8, 13, 9, 30, tzinfo=UTC)).days
    )
    out = judge(spec(), report)
    assert out.state is HealthState.CRITICAL
    for words in (
        "Defender signatures 9 days old",
        "never scanned",
        "last update installed 112 days ago (KB5041160 on 2026-08-13)",
        "reboot required (wu)",
    ):
        assert words in out.output, out.output


def test_unprotected_workstation_and_configured_thresholds() -> None:
    report = bundle_windows.parse(UNPROTECTED)
    p = report.posture
    assert p["firewall_off"] == 2  # Domain "NotConfigured" follows the default: on
    assert p["antivirus_off"] == 1 and p["tamper_off"] == 1 and p["bitlocker_off"] == 1
    assert p["scan_age"] == 3
    out = judge(spec(), report)
    assert out.state is HealthState.CRITICAL
    assert "firewall off (Private, Public)" in out.output
    assert "antivirus off (Microsoft Defender)" in out.output
    assert "tamper protection off" in out.output
    assert "BitLocker off on the system drive (FullyEncrypted)" in out.output
    # A client that accepts BitLocker and tamper protection off, with a firewall off only a warning:
    relaxed = judge(spec("bitlocker=~:,tamper=~:,firewall=0", "firewall=3,antivirus=~:"), report)
    assert relaxed.state is HealthState.WARNING, relaxed.output
    assert "BitLocker" not in relaxed.output and "tamper" not in relaxed.output


def test_an_old_bundle_without_posture_lines_still_judges_defender() -> None:
    text = BASE + "msp.defender_age=9\n"
    report = bundle_windows.parse(text)
    assert report.posture == {"defender_signature_age": 9.0}
    assert "Defender signatures 9 days old" in judge(spec(), report).output


def test_the_command_fits_the_cmd_exe_line_limit() -> None:
    assert len(bundle_windows.command()) < 8191
