"""ssh: one connection, one bundled command, every host metric (Linux sh or Windows PowerShell).

Params: ``os`` (linux | windows; not given: tried in that order, the answer decides), ``port``,
``user``, ``key_file``, ``updates`` (count pending packages, default yes).
Thresholds by name (``disk=80,load=2,mem=90``): disk used % per filesystem (default warn 80,
crit 90), 1-minute load per core (warn 2, crit 4), memory used % (warn 90, crit 95), ``cpu`` % on
Windows (warn 90, crit 98), ``defender`` signature age in days (warn 3, crit 7). Failed systemd
units and stopped automatic services are WARNING. The security posture's keys (``firewall``,
``antivirus``, ``scan``, ``tamper``, ``patch``, ``reboot``, ``bitlocker``, ``secupdates``,
``autoupdate``, ``avstale``) and their defaults are in ``msp_console.domain.posture``.
"""

from __future__ import annotations

from msp_console.domain import posture
from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import bundle_linux, bundle_windows
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.hostreport import HostReport
from msp_console.monitoring.checks.posture_judge import judge_posture
from msp_console.monitoring.checks.runtime import Verdicts, bool_param, current_deadline, metric, thresholds
from msp_console.monitoring.checks.sshconn import SshProblem, connect, execute
from msp_console.monitoring.model import CheckOutcome, CheckSpec, Metric

KEYS = posture.SSH_KEYS
WARN = {"disk": "80", "load": "2", "mem": "90", "cpu": "90", **posture.WARN}
CRIT = {"disk": "90", "load": "4", "mem": "95", "cpu": "98", **posture.CRIT}


# Hosts found to be Windows when ``os`` was not given: later polls send PowerShell at once.
_WINDOWS_HOSTS: set[tuple[str, str]] = set()


def _empty(report: HostReport) -> bool:
    return not report.volumes and report.mem_total_kb == 0


def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    """``os`` linux or windows; when not given, the POSIX bundle is tried first and a host that
    answers it with no metrics gets the PowerShell bundle on the same connection."""
    os_param = spec.params.get("os", "").lower()
    where = (spec.host, spec.params.get("port", "22"))
    windows = os_param == "windows" or (not os_param and where in _WINDOWS_HOSTS)
    linux_cmd = bundle_linux.command(bool_param(spec, "updates", True))
    deadline = current_deadline(spec)
    try:
        with connect(spec, ctx, deadline) as transport:
            if windows:
                result = execute(transport, bundle_windows.command(), deadline)
                report = bundle_windows.parse(result.stdout)
            else:
                result = execute(transport, linux_cmd, deadline)
                report = bundle_linux.parse(result.stdout)
                if _empty(report) and not os_param:
                    retry = execute(transport, bundle_windows.command(), deadline)
                    if not _empty(bundle_windows.parse(retry.stdout)):
                        _WINDOWS_HOSTS.add(where)
                        result, report = retry, bundle_windows.parse(retry.stdout)
    except SshProblem as exc:
        return CheckOutcome(exc.state, str(exc))
    if _empty(report):
        detail = (result.stderr or result.stdout).strip().splitlines()[:1]
        return CheckOutcome(
            HealthState.UNKNOWN,
            f"the host's answer had no metrics (exit {result.exit_status}"
            f"{': ' + detail[0] if detail else ''})",
        )
    return judge(spec, report)


def judge(spec: CheckSpec, report: HostReport) -> CheckOutcome:
    """The state from the thresholds; pure, so Windows output can be tested without Windows."""
    warn, crit = thresholds(spec, KEYS, WARN, CRIT)
    v = Verdicts.empty()
    metrics: list[Metric] = []
    summary: list[str] = []
    if report.load_per_core is not None and report.load is not None:
        lpc = report.load_per_core
        v.judge("load", lpc, warn, crit, f"load {lpc:.2f} per core")
        metrics.append(metric("load1_per_core", round(lpc, 3), "", warn, crit, "load"))
        summary.append(f"load {report.load[0]:.2f}/{report.cpus} cores")
    if report.cpu_pct is not None:
        v.judge("cpu", report.cpu_pct, warn, crit, f"CPU {report.cpu_pct:.0f}%")
        metrics.append(metric("cpu_pct", report.cpu_pct, "%", warn, crit, "cpu"))
        summary.append(f"CPU {report.cpu_pct:.0f}%")
    mem = report.mem_used_pct
    if mem is not None:
        v.judge("mem", mem, warn, crit, f"memory {mem:.0f}% used")
        metrics.append(metric("mem_used_pct", round(mem, 2), "%", warn, crit, "mem"))
        summary.append(f"memory {mem:.0f}%")
    for vol in report.volumes:
        pct = vol.used_pct
        v.judge("disk", pct, warn, crit, f"{vol.mount} {pct:.0f}% full ({_size(vol.free_bytes)} free)")
        metrics.append(metric(f"disk_used_pct:{vol.mount}", round(pct, 2), "%", warn, crit, "disk"))
        metrics.append(Metric(f"disk_free_bytes:{vol.mount}", float(vol.free_bytes), "B"))
    fullest = max(report.volumes, key=lambda x: x.used_pct, default=None)
    if fullest is not None:
        summary.append(f"{len(report.volumes)} filesystems, fullest {fullest.mount} {fullest.used_pct:.0f}%")
    if report.uptime_s is not None:
        metrics.append(Metric("uptime_s", round(report.uptime_s), "s"))
        summary.append(f"up {report.uptime_s / 86400:.1f} d")
    if report.systemd or report.failed_units:
        metrics.append(Metric("failed_units", float(len(report.failed_units))))
        if report.failed_units:
            v.add(HealthState.WARNING, f"failed units: {', '.join(report.failed_units[:5])}")
    if report.os == "windows":
        metrics.append(Metric("stopped_auto_services", float(len(report.stopped_services))))
        if report.stopped_services:
            v.add(
                HealthState.WARNING, f"stopped automatic services: {', '.join(report.stopped_services[:5])}"
            )
    security, said = judge_posture(report, warn, crit, v)
    metrics.extend(security)
    if said:
        summary.append(said)
    if report.pending_updates is not None:
        metrics.append(Metric("pending_updates", float(report.pending_updates)))
        summary.append(f"{report.pending_updates} updates pending")
    return v.outcome(", ".join(summary), metrics)


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if value < 1024 or unit == "TiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TiB"
