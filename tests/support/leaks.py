"""Leak scanner: is a secret visible in any process's argv or environment, or in files?"""

from __future__ import annotations

from pathlib import Path


def processes_showing(secret: str) -> list[str]:
    """Every process on the machine (not only ours: children get re-parented) whose cmdline/environ has it."""
    needle = secret.encode()
    found: list[str] = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        for part in ("cmdline", "environ"):
            try:
                data = (proc / part).read_bytes()
            except OSError:
                continue
            if needle in data:
                found.append(f"{proc.name}/{part}: {(proc / 'cmdline').read_bytes()[:120]!r}")
    return found


def files_showing(secret: str, *roots: Path) -> list[str]:
    needle = secret.encode()
    hits: list[str] = []
    for root in roots:
        paths = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for p in paths:
            try:
                if needle in p.read_bytes():
                    hits.append(str(p))
            except OSError:
                continue
    return hits
