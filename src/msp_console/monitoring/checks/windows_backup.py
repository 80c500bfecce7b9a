"""windows_backup: Windows Server Backup's own summary (Get-WBSummary) over the machine's SSH.

One PowerShell command, encoded like the host bundle: the last successful backup, the last backup
and its result code (an HRESULT: 0 is success), the versions kept and the next run. Judged with
every other backup kind (``domain.backup_result``): age warn/crit in hours (26/50 by default), a
failed last run CRITICAL. Get-WBSummary needs Administrators or Backup Operators; a machine without
the Windows Server Backup feature, or a user without those rights, is UNKNOWN with words.
Params: ``port``, ``user``, ``key_file`` and the backup kinds' size parameters (no sizes here).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime

from msp_console.domain.backup_result import BackupRun, judge_runs
from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.backup_judge import as_outcome, limits
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.hostreport import key_values
from msp_console.monitoring.checks.runtime import current_deadline
from msp_console.monitoring.checks.sshconn import SshProblem, run_command
from msp_console.monitoring.model import CheckOutcome, CheckSpec, Metric

SCRIPT = r"""
$ErrorActionPreference='SilentlyContinue'
function Put($p,$o,$n){foreach($k in $n){$v=$o.$k
if($v -is [datetime]){$v=$v.ToUniversalTime().ToString('o')}
if($null -ne $v){"msp.$p.$k=$v"}}}
"msp.now=$((Get-Date).ToUniversalTime().ToString('o'))"
if(Get-Command Get-WBSummary){$w=Get-WBSummary
if($w){Put wb $w ('LastSuccessfulBackupTime','LastBackupTime','LastBackupResultHR','NumberOfVersions')
Put wb $w ('LastBackupResultDetailedHR','NextBackupTime','LastBackupTarget')
"msp.wb.DetailedMessage=$($w.DetailedMessage -replace '\s+',' ')"}else{'msp.wb=denied'}
}else{'msp.wb=none'}
"""

NOT_INSTALLED = "Windows Server Backup is not installed on this machine (no Get-WBSummary)"
DENIED = "Get-WBSummary answered nothing: the check's user must be in Administrators or Backup Operators"


def command() -> str:
    script = "\n".join(line.strip() for line in SCRIPT.splitlines() if line.strip())
    encoded = base64.b64encode(script.encode("utf-16-le")).decode()
    return f"powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand {encoded}"


@dataclass(frozen=True)
class Summary:
    """What Get-WBSummary said; ``problem`` is set when it could not say anything."""

    now: datetime | None = None
    last_ok: datetime | None = None
    last: datetime | None = None
    result: int | None = None
    detailed: int | None = None
    versions: int | None = None
    next_run: datetime | None = None
    target: str = ""
    message: str = ""
    problem: str = ""


def _moment(text: str) -> datetime | None:
    """A round-trip ('o') time; Windows' DateTime.MinValue (year 1) means 'never'."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment if moment.year >= 1990 else None


def _int(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None


def parse(text: str) -> Summary:
    wb: dict[str, str] = {}
    now, problem = None, ""
    for key, value in key_values(text):
        if key == "now":
            now = _moment(value)
        elif key == "wb":
            problem = NOT_INSTALLED if value == "none" else DENIED
        elif key.startswith("wb."):
            wb[key[3:]] = value
    if not wb and not problem:
        problem = "the machine's answer had no Windows Server Backup summary"
    return Summary(
        now,
        _moment(wb.get("LastSuccessfulBackupTime", "")),
        _moment(wb.get("LastBackupTime", "")),
        _int(wb.get("LastBackupResultHR", "")),
        _int(wb.get("LastBackupResultDetailedHR", "")),
        _int(wb.get("NumberOfVersions", "")),
        _moment(wb.get("NextBackupTime", "")),
        wb.get("LastBackupTarget", ""),
        wb.get("DetailedMessage", ""),
        problem,
    )


def hresult(code: int) -> str:
    return f"0x{code & 0xFFFFFFFF:08X}"


def runs(summary: Summary) -> list[BackupRun]:
    """The runs the summary tells of: the last successful one, and the last one when it failed."""
    out = []
    if summary.last_ok is not None:
        out.append(BackupRun("last successful backup", summary.last_ok, True))
    failed = bool(summary.result) or bool(summary.detailed)
    if failed and summary.last is not None:
        code = summary.result or summary.detailed or 0
        detail = f"{hresult(code)} {summary.message}".strip()
        out.append(BackupRun("backup", summary.last, False, detail=detail))
    return out


def judge(spec: CheckSpec, summary: Summary) -> CheckOutcome:
    if summary.problem:
        return CheckOutcome(HealthState.UNKNOWN, summary.problem)
    now = summary.now or datetime.now(UTC)
    judgement = judge_runs(runs(summary), now, limits(spec))
    extra = []
    if summary.versions is not None:
        extra.append(Metric("versions", float(summary.versions)))
    if summary.result is not None:
        extra.append(Metric("result_code", float(summary.result)))
    outcome = as_outcome(judgement, extra)
    tail = []
    if summary.versions is not None:
        tail.append(f"{summary.versions} versions kept")
    if summary.next_run is not None:
        tail.append(f"next run {summary.next_run:%Y-%m-%d %H:%M} UTC")
    if not tail:
        return outcome
    return CheckOutcome(outcome.state, outcome.output + ", " + ", ".join(tail), outcome.metrics)


def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    try:
        result = run_command(spec, ctx, command(), current_deadline(spec))
    except SshProblem as exc:
        return CheckOutcome(exc.state, str(exc))
    summary = parse(result.stdout)
    if summary.problem and not key_values(result.stdout):
        detail = (result.stderr or result.stdout).strip().splitlines()[:1]
        words = f"{summary.problem} (exit {result.exit_status}{': ' + detail[0] if detail else ''})"
        return CheckOutcome(HealthState.UNKNOWN, words)
    return judge(spec, summary)
