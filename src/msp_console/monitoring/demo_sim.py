"""The demo's simulated fleet: believable synthetic results for the fake machines.

The demo database's machines live at ``*.invalid`` names and 127.x addresses: none of them is
ever polled. ``DemoRunner`` stands in for the real checks in the engine (same scheduler, state
machine, writer and GUI path) and only hands "questo-pc" (127.0.0.1) to the real checks. The
story is a function of time, so the generated history and the live results agree: a NAS disk
slowly filling, a backup that stopped running, a flapping Wi-Fi link, everything else healthy.
"""

from __future__ import annotations

import functools
import math
import zlib
from collections.abc import Callable
from datetime import UTC, datetime

from msp_console.domain.health import HealthState, worst
from msp_console.domain.posture import judge_points, ranges
from msp_console.monitoring.checks.posture_judge import describe
from msp_console.monitoring.model import CheckOutcome, CheckSpec, CheckType, Metric
from msp_console.settings import is_demo_url

LIVE_HOST = "127.0.0.1"  # the demo's own PC: polled for real, on loopback
DISK_FILLING = "nas-01"  # Hotel Bellavista's NAS
FLAPPING = "dep-ap"  # the Dependance Wi-Fi access point
BACKUP_CHECK = "backup notturno"  # added by the demo on the servers tagged backup
BACKUP_STOPPED = "srv-studio"  # its backup stopped two days ago
ACKED = "srv-cantina"  # memory short: acknowledged, RAM ordered
IN_MAINTENANCE = "srv-erp"  # rebooting for updates inside a maintenance window
STORY = frozenset({DISK_FILLING, FLAPPING, BACKUP_STOPPED, ACKED, IN_MAINTENANCE})  # the rest stays OK
DAY = 86400.0
_DEFAULT_RANGES = ranges("", "")  # the posture's default thresholds, parsed once
POSTURE_CHECK = "sistema"  # added by the demo on its Windows machines: their security posture
# Windows machines whose security posture is not all green (the rest is): what each one reports.
POSTURE_ISSUES: dict[str, dict[str, float]] = {
    "pc-praticante": {"firewall_off": 1.0, "firewall_on:Public": 0.0},  # Public profile off
    "reception-pc": {"reboot_pending": 1.0},  # updates installed, never restarted
    "cassa-2": {"defender_signature_age": 5.0},  # offline for days, signatures behind
    "pc-enologo": {"bitlocker_off": 1.0},  # a laptop without disk encryption
    "srv-farmacia": {"update_age": 41.0},  # a server nobody patched since October
}


def is_demo_database(url: str) -> bool:
    """The GUI runs the simulator only on the demo database file (``msp-console --demo``)."""
    return is_demo_url(url)


def _noise(*parts: object) -> float:
    """A stable pseudo-random number in [0, 1) for the given key (same every run)."""
    return zlib.crc32("|".join(map(str, parts)).encode()) / 2**32


def disk_pct(t: float, epoch: float) -> float:
    """The NAS disk: 70 % three weeks ago, filling ~1 % a day, faster lately (about 89 % now)."""
    days = (t - epoch) / DAY  # negative in the past
    return max(40.0, min(99.5, 89.0 + days * 1.2 - 0.02 * days * days + 0.4 * math.sin(t / 5400)))


def backup_age_h(t: float, epoch: float, stopped: bool) -> float:
    """Hours since the last nightly backup (02:00 UTC); a stopped one last ran 50 h before the epoch."""
    last_night = (t - 2 * 3600) // DAY * DAY + 2 * 3600
    if stopped:
        last_night = min(last_night, epoch - 50 * 3600)
    return (t - last_night) / 3600


def link_up(t: float) -> bool:
    """The Wi-Fi AP drops for a few minutes now and then (more in the afternoon)."""
    slot = int(t // 180)
    hour = (t % DAY) / 3600
    chance = 0.35 if 12 <= hour <= 18 else 0.08
    return _noise("link", slot) >= chance


def synthetic(spec: CheckSpec, machine: str, check: str, t: float, epoch: float) -> CheckOutcome:
    """What the check ``check`` of ``machine`` would see at time ``t`` in the demo's story."""
    n = _noise(spec.check_id, int(t // 60))
    if spec.type is CheckType.PING:
        if machine == FLAPPING and not link_up(t):
            return CheckOutcome(
                HealthState.CRITICAL, "no reply (3 of 3 packets lost)", (Metric("loss", 100, "%"),)
            )
        rtt = 0.4 + 3.0 * _noise(spec.machine_id) + 1.5 * n
        return CheckOutcome(
            HealthState.OK,
            f"reply in {rtt:.1f} ms, 0% loss",
            (Metric("rtt", round(rtt, 2), "ms"), Metric("loss", 0, "%")),
            duration_ms=rtt,
        )
    if spec.type is CheckType.TCP and machine == IN_MAINTENANCE and epoch - 1800 <= t <= epoch + 7200:
        return CheckOutcome(
            HealthState.CRITICAL, f"{spec.host}:3389 connection refused (rebooting for updates)"
        )
    if spec.type is CheckType.SSH:
        pct = disk_pct(t, epoch) if machine == DISK_FILLING else 35 + 25 * _noise(spec.machine_id, "disk")
        load = 0.2 + 0.6 * n * (1.5 if 8 <= (t % DAY) / 3600 <= 18 else 0.5)
        mem = 45 + 20 * _noise(spec.machine_id, "mem") + 8 * math.sin(t / 7200)
        if machine == ACKED and t >= epoch - 3 * DAY:
            mem = 92 + 1.5 * math.sin(t / 3600)  # always over 90 %: the story must not depend on the hour
        state = HealthState.CRITICAL if pct >= 95 else HealthState.WARNING if pct >= 85 else HealthState.OK
        if mem >= 90 and state is HealthState.OK:
            state = HealthState.WARNING
        free_gb = (100 - pct) * 20
        mount = "/volume1" if machine == DISK_FILLING else "/"
        text = f"{mount} {pct:.0f}% full ({free_gb:.0f} GB free)" if pct >= 85 else ""
        if mem >= 90:
            text = f"memory {mem:.0f}% used"
        summary = f"load {load:.2f} per core, memory {mem:.0f}%, fullest {mount} {pct:.0f}%"
        metrics = [
            Metric("load1_per_core", round(load, 3)),
            Metric("mem_used_pct", round(mem, 2), "%"),
            Metric(f"disk_used_pct:{mount}", round(pct, 2), "%", 85, 95),
        ]
        if spec.params.get("os") == "windows":
            values, posture_state, bad, said = _posture(spec.machine_id, machine, int(t // DAY))
            state = worst([state, posture_state])
            text = "; ".join([*bad, text] if text else bad)
            summary += f", {said}"
            metrics.extend(values)
        return CheckOutcome(state, f"{text} — {summary}" if text else summary, tuple(metrics))
    if spec.type is CheckType.BACKUP_AGE:
        age = backup_age_h(t, epoch, machine == BACKUP_STOPPED)
        state = HealthState.CRITICAL if age >= 48 else HealthState.WARNING if age >= 26 else HealthState.OK
        return CheckOutcome(
            state, f"newest backup is {age:.0f} h old", (Metric("age", round(age, 2), "h", 26, 48),)
        )
    if spec.type is CheckType.HTTP:
        ms = 40 + 60 * n
        return CheckOutcome(HealthState.OK, f"HTTP 200 in {ms:.0f} ms", (Metric("time", round(ms, 1), "ms"),))
    if spec.type is CheckType.SNMP:
        up = t - epoch + 40 * DAY * _noise(spec.machine_id, "up")
        return CheckOutcome(HealthState.OK, f"up {up / DAY:.0f} days", (Metric("uptime_s", round(up), "s"),))
    return CheckOutcome(
        HealthState.OK, f"port open ({1 + 4 * n:.1f} ms)", (Metric("time", round(1 + 4 * n, 2), "ms"),)
    )


@functools.lru_cache(maxsize=4096)
def _posture(
    machine_id: int, machine: str, day: int
) -> tuple[tuple[Metric, ...], HealthState, tuple[str, ...], str]:
    """(metrics, state, problems, summary) of a Windows machine's posture on ``day`` — the same all
    day, so the weeks of generated history judge it once a day, not once a sample."""
    values = windows_posture(machine_id, machine, day)
    points = judge_points(values, *_DEFAULT_RANGES)
    bad = tuple(describe(p, {}) for p in points if p.state is not HealthState.OK)
    green = sum(p.state is HealthState.OK for p in points)
    state = worst(p.state for p in points)
    metrics = tuple(Metric(name, value) for name, value in values.items())
    return metrics, state, bad, f"security {green}/{len(points)} OK"


def windows_posture(machine_id: int, machine: str, day: int) -> dict[str, float]:
    """A Windows machine's security posture: green with believable ages, except the story's few."""
    values = {
        "firewall_off": 0.0,
        "firewall_on:Domain": 1.0,
        "firewall_on:Private": 1.0,
        "firewall_on:Public": 1.0,
        "antivirus_off": 0.0,
        "defender_signature_age": float(int(2 * _noise(machine_id, "sig", day))),
        "scan_age": float(int(4 * _noise(machine_id, "scan", day))),
        "tamper_off": 0.0,
        "reboot_pending": 0.0,
        "update_age": float(3 + int(20 * _noise(machine_id, "kb"))),
        "bitlocker_off": 0.0,
    }
    values.update(POSTURE_ISSUES.get(machine, {}))
    return values


class DemoRunner:
    """An engine runner for the demo: synthetic results, except the live loopback PC."""

    def __init__(
        self,
        names: dict[int, tuple[str, str]],
        real: Callable[[CheckSpec], CheckOutcome] | None,
        epoch: float | None = None,
        clock: Callable[[], float] | None = None,
    ):
        self.names = names  # check id → (machine name, check name)
        self.real = real
        self.epoch = epoch if epoch is not None else datetime.now(UTC).timestamp()
        self.clock = clock or (lambda: datetime.now(UTC).timestamp())

    def __call__(self, spec: CheckSpec) -> CheckOutcome:
        machine, check = self.names.get(spec.check_id, ("", ""))
        if spec.host == LIVE_HOST and self.real is not None:
            return self.real(spec)
        return synthetic(spec, machine, check, self.clock(), self.epoch)
