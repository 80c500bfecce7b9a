"""What one bundled SSH command reports about a host, whatever its OS (pure data, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Volume:
    mount: str  # "/" or "C:"
    fstype: str
    size_bytes: int
    free_bytes: int  # what an unprivileged user can still write
    used_bytes: int | None = None  # df's "used" (excludes blocks reserved for root)

    @property
    def used_pct(self) -> float:
        """As df computes it: used / (used + available), so reserved blocks do not count."""
        used = self.size_bytes - self.free_bytes if self.used_bytes is None else self.used_bytes
        total = used + self.free_bytes
        return 100.0 * used / total if total else 0.0


@dataclass(frozen=True)
class HostReport:
    os: str
    cpus: int = 0
    load: tuple[float, float, float] | None = None
    cpu_pct: float | None = None  # Windows has no load average
    mem_total_kb: int = 0
    mem_available_kb: int = 0
    uptime_s: float | None = None
    volumes: tuple[Volume, ...] = ()
    systemd: bool = False
    failed_units: tuple[str, ...] = ()
    stopped_services: tuple[str, ...] = ()
    pending_updates: int | None = None
    defender_signature_age_days: int | None = None
    notes: tuple[str, ...] = field(default=())
    # security posture: metric → value, judged by msp_console.domain.posture; words for the output
    posture: dict[str, float] = field(default_factory=dict)
    posture_notes: dict[str, str] = field(default_factory=dict)

    @property
    def mem_used_pct(self) -> float | None:
        if not self.mem_total_kb:
            return None
        return 100.0 * (self.mem_total_kb - self.mem_available_kb) / self.mem_total_kb

    @property
    def load_per_core(self) -> float | None:
        if self.load is None or not self.cpus:
            return None
        return self.load[0] / self.cpus


def key_values(text: str) -> list[tuple[str, str]]:
    """``msp.KEY=VALUE`` lines; anything else (motd, shell noise) is ignored."""
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip().lstrip("\ufeff")
        if line.startswith("msp.") and "=" in line:
            key, _, value = line[4:].partition("=")
            out.append((key.strip(), value.strip()))
    return out
