"""The one POSIX sh command that reports every Linux metric in a single exec, and its parser.

Output lines are ``msp.KEY=VALUE`` so login noise is ignored. Pseudo filesystems are excluded;
tmpfs is kept (a full /run breaks a machine too). The security posture's lines and parser are in
``posture_linux``.
"""

from __future__ import annotations

from msp_console.monitoring.checks import posture_linux
from msp_console.monitoring.checks.hostreport import HostReport, Volume, key_values

PSEUDO_FS = (
    "proc",
    "sysfs",
    "devtmpfs",
    "devpts",
    "cgroup",
    "cgroup2",
    "squashfs",
    "iso9660",
    "udf",
    "nsfs",
    "tracefs",
    "debugfs",
    "securityfs",
    "pstore",
    "bpf",
    "autofs",
    "mqueue",
    "hugetlbfs",
    "fusectl",
    "configfs",
    "binfmt_misc",
    "ramfs",
    "efivarfs",
)
_EXCLUDES = " ".join(f"-x {t}" for t in PSEUDO_FS)


def command(updates: bool = True) -> str:
    """The shell command; ``updates`` counts pending packages (apt/dnf simulate, ~0.5 s on the host)."""
    lines = [
        "LC_ALL=C; export LC_ALL",
        'echo "msp.cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || echo 1)"',
        'echo "msp.load=$(cut -d" " -f1-3 /proc/loadavg)"',
        'awk \'/^MemTotal:/{t=$2} /^MemAvailable:/{a=$2} END{print "msp.mem=" t " " a}\' /proc/meminfo',
        'echo "msp.uptime=$(cut -d" " -f1 /proc/uptime)"',
        "T=; command -v timeout >/dev/null 2>&1 && T='timeout 10'",
        f"$T df -P -k -T {_EXCLUDES} 2>/dev/null | sed 1d | sed 's/^/msp.df=/'",
        "if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then echo msp.systemd=1;"
        " systemctl list-units --state=failed --no-legend --plain 2>/dev/null"
        " | awk '{print \"msp.failed=\" $1}'; else echo msp.systemd=0; fi",
    ]
    lines.extend(posture_linux.lines(updates))
    return "\n".join(lines) + "\n"


def parse(text: str) -> HostReport:
    fields: dict[str, object] = {"os": "linux"}
    volumes: list[Volume] = []
    failed: list[str] = []
    pairs = key_values(text)
    for key, value in pairs:
        try:
            if key == "cpus":
                fields["cpus"] = int(value)
            elif key == "load":
                a, b, c = (float(x) for x in value.split()[:3])
                fields["load"] = (a, b, c)
            elif key == "mem":
                total, avail = value.split()[:2]
                fields["mem_total_kb"], fields["mem_available_kb"] = int(total), int(avail)
            elif key == "uptime":
                fields["uptime_s"] = float(value)
            elif key == "df":
                volume = _df_line(value)
                if volume is not None:
                    volumes.append(volume)
            elif key == "systemd":
                fields["systemd"] = value == "1"
            elif key == "failed" and value:
                failed.append(value)
            elif key == "updates":
                fields["pending_updates"] = int(value)
        except ValueError:
            continue  # one odd line must not hide every other metric
    posture = posture_linux.parse(pairs)
    fields["posture"], fields["posture_notes"] = posture.values, posture.notes
    return HostReport(volumes=tuple(volumes), failed_units=tuple(failed), **fields)  # type: ignore[arg-type]


def _df_line(value: str) -> Volume | None:
    """``fs type 1024-blocks used available capacity mount`` (the mount may contain spaces)."""
    parts = value.split()
    if len(parts) < 7:
        return None
    fstype, blocks, used, available = parts[1], int(parts[2]), int(parts[3]), int(parts[4])
    if fstype in PSEUDO_FS or blocks <= 0:
        return None
    return Volume(" ".join(parts[6:]), fstype, blocks * 1024, available * 1024, used * 1024)
