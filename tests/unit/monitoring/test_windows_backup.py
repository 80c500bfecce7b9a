"""windows_backup from Get-WBSummary's properties, as the WBSummary object documents them
(https://learn.microsoft.com/en-us/powershell/module/windowsserverbackup/get-wbsummary: NextBackupTime,
NumberOfVersions, LastSuccessfulBackupTime, LastBackupTime, LastBackupTarget, DetailedMessage,
LastBackupResultHR, LastBackupResultDetailedHR), printed by the check's script with culture-invariant
round-trip times: an Italian server differs only in the DetailedMessage's words."""

from __future__ import annotations

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import windows_backup
from msp_console.monitoring.checks.catalog import PARAMS
from msp_console.monitoring.model import CheckSpec, CheckType

NIGHTLY_OK = """msp.now=2026-12-04T08:00:00.0000000Z
msp.wb.LastSuccessfulBackupTime=2026-12-04T01:00:41.0000000Z
msp.wb.LastBackupTime=2026-12-04T01:00:41.0000000Z
msp.wb.LastBackupResultHR=0
msp.wb.LastBackupResultDetailedHR=0
msp.wb.NumberOfVersions=37
msp.wb.NextBackupTime=2026-12-05T01:00:00.0000000Z
msp.wb.LastBackupTarget=Backup 2026_06_01 01:00 DISK_01
msp.wb.DetailedMessage=
"""

# Italian Windows Server 2019: the last two nights failed, disk full (0x80070070).
ITALIAN_DISK_FULL = """#< CLIXML
msp.now=2026-12-04T08:00:00.0000000Z
msp.wb.LastSuccessfulBackupTime=2026-12-02T01:00:12.0000000Z
msp.wb.LastBackupTime=2026-12-04T01:03:55.0000000Z
msp.wb.LastBackupResultHR=-2147024784
msp.wb.LastBackupResultDetailedHR=-2147024784
msp.wb.NumberOfVersions=12
msp.wb.NextBackupTime=2026-12-05T01:00:00.0000000Z
msp.wb.LastBackupTarget=Backup 2026_06_01 01:00 DISK_01
msp.wb.DetailedMessage=Spazio su disco insufficiente per completare l'operazione.
"""

NEVER = """msp.now=2026-12-04T08:00:00.0000000Z
msp.wb.LastSuccessfulBackupTime=0001-01-01T00:00:00.0000000Z
msp.wb.LastBackupTime=0001-01-01T00:00:00.0000000Z
msp.wb.LastBackupResultHR=0
msp.wb.LastBackupResultDetailedHR=0
msp.wb.NumberOfVersions=0
msp.wb.NextBackupTime=2026-12-04T21:00:00.0000000Z
"""


def spec(warn: str = "", crit: str = "") -> CheckSpec:
    return CheckSpec(1, 1, CheckType.WINDOWS_BACKUP, "h", {}, warn, crit)


def test_nightly_backup_ok_with_versions_and_next_run() -> None:
    out = windows_backup.judge(spec(), windows_backup.parse(NIGHTLY_OK))
    assert out.state is HealthState.OK, out.output
    assert "last successful backup 2026-12-04 01:00 UTC" in out.output
    assert "37 versions kept" in out.output and "next run 2026-12-05 01:00 UTC" in out.output
    values = {m.name: m.value for m in out.metrics}
    assert values["versions"] == 37 and values["result_code"] == 0 and round(values["age"], 1) == 7.0


def test_italian_server_failed_twice_is_critical_with_the_code_and_its_words() -> None:
    summary = windows_backup.parse(ITALIAN_DISK_FULL)
    assert summary.result == -2147024784 and windows_backup.hresult(summary.result) == "0x80070070"
    out = windows_backup.judge(spec(), summary)
    assert out.state is HealthState.CRITICAL
    assert "failed" in out.output and "0x80070070 Spazio su disco insufficiente" in out.output
    assert "last successful backup is 55.0 h old" in out.output


def test_age_thresholds_are_the_checks() -> None:
    out = windows_backup.judge(spec(warn="age=4", crit="age=24"), windows_backup.parse(NIGHTLY_OK))
    assert out.state is HealthState.WARNING and "7.0 h old" in out.output


def test_never_backed_up_is_critical() -> None:
    out = windows_backup.judge(spec(), windows_backup.parse(NEVER))
    assert out.state is HealthState.CRITICAL and "no backup found" in out.output


def test_missing_feature_and_missing_rights_are_unknown_with_words() -> None:
    missing = windows_backup.judge(
        spec(), windows_backup.parse("msp.now=2026-12-04T08:00:00Z\nmsp.wb=none\n")
    )
    assert missing.state is HealthState.UNKNOWN and "not installed" in missing.output
    denied = windows_backup.judge(spec(), windows_backup.parse("msp.wb=denied\n"))
    assert denied.state is HealthState.UNKNOWN and "Backup Operators" in denied.output
    garbage = windows_backup.judge(spec(), windows_backup.parse("{ not: json\n"))
    assert garbage.state is HealthState.UNKNOWN


def test_takes_the_ssh_login_parameters() -> None:
    assert {"port", "user", "key_file"} <= PARAMS[CheckType.WINDOWS_BACKUP]
    assert len(windows_backup.command()) < 8191
