"""Nagios plugin output: the text, and perfdata ``'label'=value[UOM];warn;crit;min;max`` as metrics.

Pure parsing (no I/O) so the rules are unit-tested; malformed items are skipped, never fatal —
a plugin's state comes from its exit code, perfdata is a bonus.
"""

from __future__ import annotations

import re

from msp_console.domain.thresholds import ThresholdError, parse_range
from msp_console.monitoring.model import Metric

_VALUE = re.compile(r"^([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)([a-zA-Z%/]*)$")


def split_output(stdout: str) -> tuple[str, str]:
    """(human text, perfdata): the first line's text, and every '|' part of any line."""
    lines = stdout.strip().splitlines()
    if not lines:
        return "", ""
    texts: list[str] = []
    perf: list[str] = []
    in_perf = False
    for line in lines:
        if in_perf:
            perf.append(line)
            continue
        text, bar, rest = line.partition("|")
        texts.append(text.strip())
        if bar:
            perf.append(rest)
            in_perf = len(texts) > 1  # after '|' in the long text, every following line is perfdata
    return texts[0], " ".join(p.strip() for p in perf if p.strip())


def _tokens(perf: str) -> list[str]:
    """Splits on spaces, keeping quoted labels (with '' as an escaped quote) together."""
    out: list[str] = []
    i, n = 0, len(perf)
    while i < n:
        while i < n and perf[i].isspace():
            i += 1
        if i >= n:
            break
        start = i
        if perf[i] == "'":
            i += 1
            while i < n:
                if perf[i] == "'" and i + 1 < n and perf[i + 1] == "'":
                    i += 2
                elif perf[i] == "'":
                    i += 1
                    break
                else:
                    i += 1
        while i < n and not perf[i].isspace():
            i += 1
        out.append(perf[start:i])
    return out


def _threshold(text: str) -> float | None:
    if not text:
        return None
    try:
        return parse_range(text).bound
    except ThresholdError:
        return None


def parse_perfdata(perf: str) -> tuple[Metric, ...]:
    metrics: list[Metric] = []
    for token in _tokens(perf):
        label, eq, data = token.rpartition("=")
        if not eq or not label:
            continue
        if label.startswith("'") and label.endswith("'") and len(label) >= 2:
            label = label[1:-1].replace("''", "'")
        fields = data.split(";")
        match = _VALUE.match(fields[0])
        if not match:
            continue  # 'U' (unknown) or garbage
        warn = _threshold(fields[1]) if len(fields) > 1 else None
        crit = _threshold(fields[2]) if len(fields) > 2 else None
        metrics.append(Metric(label, float(match.group(1)), match.group(2), warn, crit))
    return tuple(metrics)
