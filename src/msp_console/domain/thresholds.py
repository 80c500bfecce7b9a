"""Nagios range syntax for warn/crit thresholds, so technicians reuse what they already know.

A range alerts when the value is OUTSIDE it (or inside, with a leading '@'):
  ``10``      alert if < 0 or > 10          ``10:``   alert if < 10
  ``~:10``    alert if > 10                 ``10:20`` alert if < 10 or > 20
  ``@10:20``  alert if 10 ≤ value ≤ 20
A trailing ``%`` (or unit such as ``ms``) is accepted and ignored: the check knows its unit.

Checks that judge several metrics take a *threshold set*: comma-separated ranges, either by
position (``100,20%`` = RTT 100 ms, loss 20 % for ping, like ``check_ping``) or by name
(``disk=80,load=2,mem=90``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from msp_console.domain.errors import InvalidValue
from msp_console.domain.health import HealthState

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE = re.compile(rf"^(@)?(?:(~|{_NUMBER})?:)?({_NUMBER})?$")
_UNIT = re.compile(r"(%|ms|s|h|d|[kmgt]?b|c)$", re.IGNORECASE)


class ThresholdError(InvalidValue):
    """A warn/crit text that is not a Nagios range; the message says what is accepted."""


@dataclass(frozen=True, slots=True)
class Range:
    start: float
    end: float
    inside: bool = False
    text: str = ""

    def alerts(self, value: float) -> bool:
        within = self.start <= value <= self.end
        return within if self.inside else not within

    @property
    def bound(self) -> float | None:
        """The one number a graph can draw as the threshold line (the upper end when finite)."""
        if math.isfinite(self.end):
            return self.end
        return self.start if math.isfinite(self.start) else None

    def __str__(self) -> str:
        return self.text


def parse_range(text: str) -> Range:
    raw = text.strip()
    cleaned = _UNIT.sub("", raw)
    match = _RANGE.match(cleaned)
    if not raw or not match or (match.group(2) is None and match.group(3) is None):
        raise ThresholdError(
            f"{text!r} is not a threshold: use a Nagios range such as 10, 10:, ~:10, 10:20 or @10:20",
            "threshold_syntax",
            value=text,
        )
    inside, start_text, end_text = match.groups()
    has_colon = ":" in cleaned
    if not has_colon:
        start, end = 0.0, float(end_text)
    else:
        start = -math.inf if start_text == "~" else float(start_text or 0)
        end = math.inf if end_text is None else float(end_text)
    if start > end:
        raise ThresholdError(
            f"{text!r}: the start of a range must not be above its end", "threshold_order", value=text
        )
    return Range(start, end, inside=bool(inside), text=raw)


def parse_optional(text: str) -> Range | None:
    return parse_range(text) if text and text.strip() else None


def parse_set(text: str, keys: Sequence[str]) -> dict[str, Range]:
    """``a,b`` by position over ``keys`` or ``name=a,name=b`` by name; empty text → no thresholds."""
    result: dict[str, Range] = {}
    if not text or not text.strip():
        return result
    parts = [p.strip() for p in text.split(",")]
    for index, part in enumerate(parts):
        if not part:
            continue
        if "=" in part:
            name, _, value = part.partition("=")
            name = name.strip().lower()
            if name not in keys:
                raise ThresholdError(
                    f"unknown threshold {name!r}: expected one of {', '.join(keys)}",
                    "threshold_unknown",
                    value=name,
                    keys=", ".join(keys),
                )
            result[name] = parse_range(value)
        else:
            if index >= len(keys):
                raise ThresholdError(
                    f"too many thresholds in {text!r}: expected {', '.join(keys)}",
                    "threshold_too_many",
                    value=text,
                    keys=", ".join(keys),
                )
            result[keys[index]] = parse_range(part)
    return result


def judge(value: float, warn: Range | None, crit: Range | None) -> HealthState:
    if crit is not None and crit.alerts(value):
        return HealthState.CRITICAL
    if warn is not None and warn.alerts(value):
        return HealthState.WARNING
    return HealthState.OK


def merged(defaults: Mapping[str, str], given: Mapping[str, Range]) -> dict[str, Range]:
    """The check's default ranges overridden by what the technician set."""
    out = {k: parse_range(v) for k, v in defaults.items() if v}
    out.update(given)
    return out
