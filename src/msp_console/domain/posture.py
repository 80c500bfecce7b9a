"""Security posture: the points a client pays for (firewall, antivirus, updates, reboot, encryption).

The SSH bundle reports each point as a plain number (so it is stored, charted and kept like any
other metric) and this module judges them: one threshold key per point, with defaults a technician
would pick (a firewall off is CRITICAL, signatures older than 3 days a WARNING). The same judgement
serves the check, the machine's card and the client's summary. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from msp_console.domain.health import HealthState, worst
from msp_console.domain.thresholds import Range, judge, merged, parse_set

HOST_KEYS = ("disk", "load", "mem", "cpu", "defender")  # the ssh check's first (positional) keys


class Point(StrEnum):
    """One question about a machine's security, in the order the card and the report show them."""

    FIREWALL = "firewall"
    ANTIVIRUS = "antivirus"
    SIGNATURES = "signatures"
    SCAN = "scan"
    TAMPER = "tamper"
    UPDATES = "updates"
    AUTO_UPDATES = "auto_updates"
    REBOOT = "reboot"
    ENCRYPTION = "encryption"


@dataclass(frozen=True, slots=True)
class Rule:
    """How one reported number is judged: the metric, its threshold key, defaults, unit."""

    point: Point
    metric: str
    key: str
    warn: str = ""
    crit: str = ""
    unit: str = ""


# "0" as a Nagios range alerts when the value is above 0: a flag that is set, a count that is not zero.
RULES = (
    Rule(Point.FIREWALL, "firewall_off", "firewall", crit="0"),  # profiles (Windows) or 1 (Linux) off
    Rule(Point.ANTIVIRUS, "antivirus_off", "antivirus", crit="0"),
    Rule(Point.SIGNATURES, "defender_signature_age", "defender", "3", "7", "d"),
    Rule(Point.SIGNATURES, "antivirus_outdated", "avstale", warn="0"),  # a third-party product says so
    Rule(Point.SCAN, "scan_age", "scan", "7", "30", "d"),
    Rule(Point.TAMPER, "tamper_off", "tamper", warn="0"),
    Rule(Point.UPDATES, "update_age", "patch", "35", "60", "d"),  # Windows: days since the last hotfix
    Rule(Point.UPDATES, "security_updates", "secupdates", warn="0"),  # Linux: security updates pending
    Rule(Point.AUTO_UPDATES, "auto_updates_off", "autoupdate", warn="0"),
    Rule(Point.REBOOT, "reboot_pending", "reboot", warn="0"),
    Rule(Point.ENCRYPTION, "bitlocker_off", "bitlocker", warn="0"),
)
BY_METRIC = {r.metric: r for r in RULES}
POSTURE_KEYS = tuple(r.key for r in RULES if r.key not in HOST_KEYS)
SSH_KEYS = HOST_KEYS + POSTURE_KEYS  # every threshold key the ssh check takes, positional order
WARN = {r.key: r.warn for r in RULES if r.warn}
CRIT = {r.key: r.crit for r in RULES if r.crit}


@dataclass(frozen=True, slots=True)
class PointStatus:
    """A point of one machine: its state and the number it was judged on."""

    point: Point
    state: HealthState
    metric: str
    value: float
    off: tuple[str, ...] = ()  # firewall: the profiles that are off (Windows' own names)

    @property
    def unit(self) -> str:
        return BY_METRIC[self.metric].unit


def ranges(warn_text: str, crit_text: str) -> tuple[dict[str, Range], dict[str, Range]]:
    """A check's warn/crit texts over the defaults (raises ThresholdError on a bad text)."""
    defaults_w = {k: v for k, v in WARN.items()}
    defaults_c = {k: v for k, v in CRIT.items()}
    return (
        merged(defaults_w, parse_set(warn_text, SSH_KEYS)),
        merged(defaults_c, parse_set(crit_text, SSH_KEYS)),
    )


def judge_points(
    values: Mapping[str, float], warn: Mapping[str, Range], crit: Mapping[str, Range]
) -> tuple[PointStatus, ...]:
    """Each point that has a number, worst reading first within a point, in ``Point`` order."""
    found: dict[Point, PointStatus] = {}
    off = tuple(
        name.split(":", 1)[1] for name, v in values.items() if name.startswith("firewall_on:") and not v
    )
    for rule in RULES:
        if rule.metric not in values:
            continue
        value = float(values[rule.metric])
        status = PointStatus(
            rule.point,
            judge(value, warn.get(rule.key), crit.get(rule.key)),
            rule.metric,
            value,
            off if rule.point is Point.FIREWALL else (),
        )
        held = found.get(rule.point)
        if held is None or status.state.severity > held.state.severity:
            found[rule.point] = status
    return tuple(found[p] for p in Point if p in found)


def machine_state(points: Iterable[PointStatus]) -> HealthState | None:
    states = [p.state for p in points]
    return worst(states) if states else None


@dataclass(frozen=True, slots=True)
class PointTally:
    point: Point
    green: int  # machines where the point is OK
    reported: int  # machines that report the point at all
    state: HealthState = HealthState.OK  # the worst machine's state on this point

    @property
    def all_green(self) -> bool:
        return self.green == self.reported


@dataclass(frozen=True, slots=True)
class SecuritySummary:
    """A client's security at a glance: per point, how many machines are green of those reporting it."""

    machines: int  # machines that report any point
    all_green: int  # machines green on every point they report
    points: tuple[PointTally, ...]


def summarize(machines: Iterable[Iterable[PointStatus]]) -> SecuritySummary:
    """The per-client summary the window and the service report show (pure)."""
    green: dict[Point, int] = {}
    reported: dict[Point, int] = {}
    states: dict[Point, list[HealthState]] = {}
    count = clean = 0
    for points in machines:
        points = tuple(points)
        if not points:
            continue
        count += 1
        clean += all(p.state is HealthState.OK for p in points)
        for p in points:
            reported[p.point] = reported.get(p.point, 0) + 1
            green[p.point] = green.get(p.point, 0) + (p.state is HealthState.OK)
            states.setdefault(p.point, []).append(p.state)
    tallies = tuple(
        PointTally(p, green.get(p, 0), reported[p], worst(states[p])) for p in Point if p in reported
    )
    return SecuritySummary(count, clean, tallies)
