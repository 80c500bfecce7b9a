"""The security posture inside the ssh check's outcome: one verdict per point, in the check's words.

The numbers come from the bundle (Windows or Linux); the states from ``domain.posture`` with the
check's warn/crit, so the card, the client summary and the check always agree.
"""

from __future__ import annotations

from collections.abc import Mapping

from msp_console.domain.health import HealthState
from msp_console.domain.posture import BY_METRIC, PointStatus, judge_points
from msp_console.domain.thresholds import Range
from msp_console.monitoring.checks.hostreport import HostReport
from msp_console.monitoring.checks.runtime import Verdicts, metric
from msp_console.monitoring.model import Metric


def describe(status: PointStatus, notes: Mapping[str, str]) -> str:
    """What is wrong with one point, as the check's output says it (English, like every output)."""
    v, note = status.value, notes.get(status.metric, "")
    words = {
        "firewall_off": f"firewall off ({note})" if note else "firewall off",
        "antivirus_off": f"antivirus off ({note})" if note else "no antivirus active",
        "defender_signature_age": f"Defender signatures {v:.0f} days old",
        "antivirus_outdated": f"{note or 'antivirus'} signatures out of date",
        "scan_age": "never scanned" if v >= 9999 else f"last antivirus scan {v:.0f} days ago",
        "tamper_off": "tamper protection off",
        "update_age": f"last update installed {v:.0f} days ago" + (f" ({note})" if note else ""),
        "security_updates": f"{v:.0f} security updates to install",
        "auto_updates_off": "automatic updates off",
        "reboot_pending": "reboot required" + (f" ({note})" if note else ""),
        "bitlocker_off": "BitLocker off on the system drive" + (f" ({note})" if note else ""),
    }
    return words.get(status.metric, f"{status.metric} = {v:g}")


def judge_posture(
    report: HostReport, warn: Mapping[str, Range], crit: Mapping[str, Range], v: Verdicts
) -> tuple[list[Metric], str]:
    """Adds a verdict per point that is not OK; returns the metrics and a summary ('' if none)."""
    metrics: list[Metric] = []
    points = judge_points(report.posture, warn, crit)
    for name, value in report.posture.items():
        rule = BY_METRIC.get(name)
        if rule is None:  # per-profile firewall flags: recorded, judged through firewall_off
            metrics.append(Metric(name, value))
        else:
            metrics.append(metric(name, value, rule.unit, warn, crit, rule.key))
    for status in points:
        if status.state is not HealthState.OK:
            v.add(status.state, describe(status, report.posture_notes))
    if not points:
        return metrics, ""
    green = sum(p.state is HealthState.OK for p in points)
    return metrics, f"security {green}/{len(points)} OK"
