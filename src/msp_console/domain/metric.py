"""A measured number with the thresholds it was judged against (a check's perfdata, a backup's size)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    value: float
    unit: str = ""
    warn: float | None = None
    crit: float | None = None
