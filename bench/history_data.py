"""Realistic metric series for the size benches: what a managed office network really reports.

Twenty series per machine (the bench's ten checks × two metrics), one sample a minute, with the
values rounded the way the checks round them: RTTs with LAN or WAN jitter and rare spikes, TCP and
HTTP times, packet loss that is mostly 0, CPU and load that follow the working day with noise,
memory that wanders, two disks that fill slowly (free bytes in df's 1 KiB blocks), uptime and
backup age that count up, certificate days that count down, failed units, pending updates and
logged-in users that rarely change, and an SNMP interface octet counter that grows by each
minute's traffic. Uniform random numbers would be the worst case for any time-series store and
nothing like a real network.
"""

from __future__ import annotations

import numpy as np

# (name, unit) of the twenty series of a machine, in the order ``machine_day`` returns them.
SERIES: tuple[tuple[str, str], ...] = (
    ("rtt", "ms"),  # ping
    ("loss", "%"),
    ("time:3389", "ms"),  # tcp checks
    ("time:445", "ms"),
    ("time:http", "ms"),  # https check
    ("cert_days", "d"),
    ("cpu_pct", "%"),  # the SSH / WinRM bundle: ten values from one check
    ("load1_per_core", ""),
    ("mem_used_pct", "%"),
    ("disk_used_pct:/", "%"),
    ("disk_free_bytes:/", "B"),
    ("disk_used_pct:/data", "%"),
    ("disk_free_bytes:/data", "B"),
    ("uptime_s", "s"),
    ("failed_units", ""),
    ("pending_updates", ""),
    ("age", "h"),  # backup age
    ("if1_in_octets", "c"),  # SNMP interface counter
    ("users", ""),  # a Nagios plugin (check_users)
    ("swap_used_pct", "%"),
)


def machine_minutes(rng: np.random.Generator, start_s: int, minutes: int) -> list[np.ndarray]:
    """One value a minute for each of the machine's twenty series, starting at ``start_s``."""
    t = start_s + 60 * np.arange(minutes)
    hour = (t % 86400) / 3600.0
    work = np.clip(np.sin((hour - 7) / 11 * np.pi), 0, None)  # office hours 7–18 busy
    wan = rng.random() < 0.3  # a third of the machines sit at a branch behind a VPN
    base_rtt = rng.uniform(12, 40) if wan else rng.uniform(0.15, 0.8)
    jitter = base_rtt * 0.08 + 0.02
    spikes = (rng.random(minutes) < 0.01) * rng.exponential(base_rtt * 2, minutes)
    rtt = base_rtt + np.abs(rng.normal(0, jitter, minutes)) + work * jitter + spikes

    def tcp() -> np.ndarray:
        return rtt * rng.uniform(1.0, 1.3) + np.abs(rng.normal(0.05, jitter, minutes))

    loss = np.where(rng.random(minutes) < 0.003, 100 / 3, 0.0) * rng.integers(1, 4, minutes)
    http = 30 + 120 * work + rng.gamma(2.0, 12.0, minutes)
    cert = np.maximum(0.0, rng.uniform(20, 300) - (t - start_s) / 86400.0)
    cpu = np.clip(3 + 45 * work * rng.random() + rng.gamma(1.5, 4.0, minutes), 0, 100)
    load = np.maximum(0.0, 0.05 + 0.6 * work * rng.random() + rng.gamma(1.2, 0.05, minutes))
    mem = np.clip(rng.uniform(30, 70) + np.cumsum(rng.normal(0, 0.05, minutes)) + 5 * work, 0, 100)

    def disk(size: float, per_minute: float) -> tuple[np.ndarray, np.ndarray]:
        used = rng.uniform(0.3, 0.8) * size + np.cumsum(rng.gamma(1.0, per_minute, minutes))
        free = np.floor((size - used) / 1024) * 1024  # df reports 1 KiB blocks
        return np.round(used / size * 100, 2), free

    root_pct, root_free = disk(rng.choice([256e9, 512e9]), 40e3)  # ~60 MB a day of logs, updates
    data_pct, data_free = disk(rng.choice([1e12, 2e12]), 200e3)
    uptime = rng.integers(0, 90 * 86400) + (t - start_s)
    backup_at = 2 * 3600  # the nightly backup finishes at 02:00 UTC
    age = ((t - backup_at) % 86400) / 3600.0
    traffic = np.cumsum(rng.gamma(1.0, 2e6, minutes) * (0.2 + work))
    counter0 = rng.integers(0, 2**40)
    failed = np.zeros(minutes)
    updates = np.floor(rng.uniform(0, 12) + (t - start_s) / (5 * 86400.0)) % 20
    users = np.round(work * rng.integers(1, 6) + (rng.random(minutes) < 0.05))
    swap = np.round(rng.uniform(0, 8) + np.cumsum(rng.normal(0, 0.002, minutes)).clip(-2, 2), 2)
    return [
        np.round(rtt, 3),
        np.round(loss, 2),
        tcp(),  # TCP connect times come unrounded from the clock
        tcp(),
        np.round(http + rtt, 3),
        np.round(cert, 2),
        np.round(cpu, 1),
        np.round(load, 3),
        np.round(mem, 2),
        root_pct,
        root_free,
        data_pct,
        data_free,
        uptime.astype(np.float64),
        failed,
        updates,
        np.round(age, 3),
        np.floor(counter0 + traffic),
        users,
        swap,
    ]
