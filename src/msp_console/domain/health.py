"""Health states shared by monitoring, the tree and the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class HealthState(StrEnum):
    OK = "OK"
    WARNING = "WARNING"
    CRITICAL = "CRITICAL"
    UNKNOWN = "UNKNOWN"
    UNREACHABLE = "UNREACHABLE"
    PENDING = "PENDING"

    @property
    def severity(self) -> int:
        """Higher is worse; used to roll the worst state up the tree."""
        return _SEVERITY[self]

    @property
    def glyph(self) -> str:
        return _GLYPH[self]


_SEVERITY = {
    HealthState.PENDING: 0,
    HealthState.OK: 1,
    HealthState.UNKNOWN: 2,
    HealthState.WARNING: 3,
    HealthState.UNREACHABLE: 4,
    HealthState.CRITICAL: 5,
}

_GLYPH = {
    HealthState.OK: "✓",
    HealthState.WARNING: "!",
    HealthState.CRITICAL: "✕",
    HealthState.UNKNOWN: "?",
    HealthState.UNREACHABLE: "⤫",
    HealthState.PENDING: "…",
}


def worst(states: Iterable[HealthState]) -> HealthState:
    """The worst of several states; PENDING when there is nothing to judge."""
    return max(states, key=lambda s: s.severity, default=HealthState.PENDING)
