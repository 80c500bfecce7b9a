"""What a new check gets when it names no interval, attempts or timeout (Settings → Polling)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CheckDefaults:
    interval_s: int = 60
    attempts: int = 3  # soft attempts before a problem is confirmed (hard)
    timeout_s: float = 10.0


FACTORY = CheckDefaults()  # what a new installation starts with
