"""Judging backup-job results the same way for every kind (restic, Borg, PBS, Hyper Backup, Veeam...).

A file that is new proves nothing about a job: what a client pays for is that the last run
*succeeded*, that it is recent, and that it is about as big as usual. A snapshot far smaller than the
usual one hints at deleted data; one far bigger, at data that ransomware encrypted (it no longer
deduplicates or compresses). Pure: no I/O, times are passed in.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from msp_console.domain.errors import FieldError, InvalidValue
from msp_console.domain.health import HealthState, worst
from msp_console.domain.metric import Metric

# The check parameters every backup kind accepts for the size judgement.
SIZE_PARAMS = frozenset({"shrink_ratio", "grow_ratio", "window"})
AGE_KEY = "age"  # the warn/crit threshold key: hours since the last successful run


@dataclass(frozen=True, slots=True)
class BackupRun:
    """One run of a backup job (a snapshot, an archive, a session): when it ended and how it went.

    ``finished_at`` is timezone-aware, or None when the job never said (such a run sorts oldest).
    ``detail`` is the job's own words about the run (an error message, a snapshot id).
    """

    label: str
    finished_at: datetime | None
    succeeded: bool
    size_bytes: int | None = None
    detail: str = ""

    def __post_init__(self) -> None:
        if self.finished_at is not None and self.finished_at.tzinfo is None:
            raise ValueError(f"backup run {self.label!r}: finished_at must be timezone-aware")


@dataclass(frozen=True, slots=True)
class BackupThresholds:
    """When a backup job is a problem. Hours come from the check's warn/crit (``age``); the rest
    from its parameters ``shrink_ratio``, ``grow_ratio`` and ``window``."""

    warn_hours: float | None = 26.0  # a nightly job missed once
    crit_hours: float | None = 50.0  # ... and twice
    shrink_ratio: float = 0.5  # newest size below half the usual: data deleted?
    grow_ratio: float = 3.0  # above three times the usual: data encrypted?
    window: int = 7  # how many previous runs make "the usual" (their median)
    min_history: int = 3  # fewer previous sizes than this: no size judgement yet

    @classmethod
    def from_params(
        cls,
        params: Mapping[str, str],
        warn_hours: float | None = 26.0,
        crit_hours: float | None = 50.0,
    ) -> BackupThresholds:
        """Reads ``shrink_ratio``, ``grow_ratio``, ``window``; raises InvalidValue naming the parameter."""
        errors = size_param_errors(params)
        if errors:
            first = errors[0]
            raise InvalidValue(first.message, first.code, **first.params)
        base = cls()
        return cls(
            warn_hours,
            crit_hours,
            _float(params.get("shrink_ratio"), base.shrink_ratio),
            _float(params.get("grow_ratio"), base.grow_ratio),
            int(_float(params.get("window"), base.window)),
        )


def size_param_errors(params: Mapping[str, str], line: int | None = None) -> list[FieldError]:
    """Refusals for the size parameters, each naming the parameter (empty when fine)."""
    errors: list[FieldError] = []
    checks = (
        ("shrink_ratio", 0.0, 1.0, "a fraction between 0 and 1, e.g. 0.5"),
        ("grow_ratio", 1.0, 1000.0, "a factor above 1, e.g. 3"),
        ("window", 1.0, 1000.0, "a whole number of runs from 1, e.g. 7"),
    )
    for name, low, high, wanted in checks:
        raw = (params.get(name) or "").strip()
        if not raw:
            continue
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        whole = name != "window" or value.is_integer()
        if not (low < value < high or (name == "window" and value == low)) or not whole:
            errors.append(
                FieldError(
                    "params",
                    f"{name}={raw!r} must be {wanted}",
                    line,
                    "backup_param",
                    {"param": name, "value": raw},
                )
            )
    return errors


def _float(raw: str | None, default: float) -> float:
    return float(raw) if raw and raw.strip() else default


@dataclass(frozen=True, slots=True)
class BackupJudgement:
    state: HealthState
    output: str
    figures: tuple[Metric, ...] = ()
    problems: tuple[str, ...] = field(default=())
    summary: str = ""

    def adding(
        self, found: Sequence[tuple[HealthState, str]], figures: Sequence[Metric] = ()
    ) -> BackupJudgement:
        """The same judgement with more findings (e.g. a failed repository check) and figures."""
        problems = (*(t for s, t in found if s is not HealthState.OK), *self.problems)
        state = worst([self.state, *(s for s, _ in found)])
        return BackupJudgement(
            state, _words(problems, self.summary), (*self.figures, *figures), problems, self.summary
        )


def _words(problems: Sequence[str], summary: str) -> str:
    return " — ".join(filter(None, ("; ".join(problems), summary)))


DEFAULT = BackupThresholds()
_OLDEST = datetime.min.replace(tzinfo=UTC)


def judge_runs(
    runs: Sequence[BackupRun], now: datetime, limits: BackupThresholds = DEFAULT
) -> BackupJudgement:
    """The state of one backup job from its runs (any order) at ``now``."""
    ordered = sorted(runs, key=lambda r: r.finished_at or _OLDEST)
    if not ordered:
        return BackupJudgement(
            HealthState.CRITICAL,
            "no backup found",
            _figures(None, None, None, 0, limits),
            ("no backup found",),
        )
    checks: list[tuple[HealthState, str]] = []
    good = [r for r in ordered if r.succeeded and r.finished_at is not None]
    last = ordered[-1]
    if not last.succeeded:
        why = f": {last.detail}" if last.detail else ""
        when = f" at {_when(last.finished_at)}" if last.finished_at else ""
        checks.append((HealthState.CRITICAL, f"last run {last.label} failed{when}{why}"))
    age = None
    if not good:
        checks.append((HealthState.CRITICAL, "no successful backup"))
    else:
        newest_ok = good[-1].finished_at
        assert newest_ok is not None
        age = max(0.0, (now - newest_ok).total_seconds() / 3600.0)
        if limits.crit_hours is not None and age > limits.crit_hours:
            checks.append((HealthState.CRITICAL, f"last successful backup is {age:.1f} h old"))
        elif limits.warn_hours is not None and age > limits.warn_hours:
            checks.append((HealthState.WARNING, f"last successful backup is {age:.1f} h old"))
    sized = [r for r in good if r.size_bytes is not None]
    size = sized[-1].size_bytes if sized else None
    ratio = None
    previous = [r.size_bytes for r in sized[-1 - limits.window : -1] if r.size_bytes is not None]
    if size is not None and len(previous) >= limits.min_history:
        usual = statistics.median(previous)
        if usual > 0:
            ratio = size / usual
            base = f"newest backup is {ratio:.0%} of the usual size ({human_size(size)} against a median "
            base += f"of {human_size(int(usual))} over the previous {len(previous)})"
            if ratio < limits.shrink_ratio:
                checks.append((HealthState.CRITICAL, base + ": data deleted?"))
            elif ratio > limits.grow_ratio:
                checks.append((HealthState.CRITICAL, base + ": data encrypted by ransomware?"))
    summary = _summary(good, len(ordered), size)
    problems = tuple(text for _, text in checks)
    state = worst(s for s, _ in checks) if checks else HealthState.OK
    output = _words(problems, summary)
    figures = _figures(age, last.succeeded, size, len(ordered), limits, ratio)
    return BackupJudgement(state, output, figures, problems, summary)


def judge_jobs(
    jobs: Mapping[str, Sequence[BackupRun]], now: datetime, limits: BackupThresholds = DEFAULT
) -> BackupJudgement:
    """Several jobs in one check (restic groups per host/path/tag): the worst one decides.

    Figures: the stalest job's age, whether every last run succeeded, the newest sizes summed,
    the runs counted, and ``jobs``. The output names each job with a problem first.
    """
    if not jobs:
        return judge_runs((), now, limits)
    if len(jobs) == 1:
        ((name, runs),) = jobs.items()
        one = judge_runs(runs, now, limits)
        return one.adding((), (Metric("jobs", 1),))
    judged = {name: judge_runs(runs, now, limits) for name, runs in jobs.items()}
    order = sorted(judged, key=lambda n: (-judged[n].state.severity, n))
    state = worst(j.state for j in judged.values())
    problems = tuple(f"{name}: {p}" for name in order for p in judged[name].problems)
    fine = sum(1 for j in judged.values() if j.state is HealthState.OK)
    summary = f"{fine} of {len(judged)} backup jobs OK"
    output = _words(problems, summary)
    values: dict[str, list[float]] = {}
    for j in judged.values():
        for f in j.figures:
            values.setdefault(f.name, []).append(f.value)
    combined = []
    for name, pick in (("age", max), ("last_ok", min), ("size", sum), ("runs", sum)):
        if values.get(name):
            combined.append(_figure(name, pick(values[name]), limits))
    combined.append(Metric("jobs", len(judged)))
    return BackupJudgement(state, output, tuple(combined), problems, summary)


def _figures(
    age: float | None,
    last_ok: bool | None,
    size: int | None,
    count: int,
    limits: BackupThresholds,
    ratio: float | None = None,
) -> tuple[Metric, ...]:
    out = []
    if age is not None:
        out.append(_figure("age", round(age, 3), limits))
    if last_ok is not None:
        out.append(_figure("last_ok", 1.0 if last_ok else 0.0, limits))
    if size is not None:
        out.append(_figure("size", float(size), limits))
    out.append(_figure("runs", float(count), limits))
    if ratio is not None:
        out.append(_figure("size_ratio", round(ratio, 4), limits))
    return tuple(out)


def _figure(name: str, value: float, limits: BackupThresholds) -> Metric:
    if name == "age":
        return Metric(name, value, "h", limits.warn_hours, limits.crit_hours)
    if name == "size":
        return Metric(name, value, "B")
    return Metric(name, value)


def _summary(good: Sequence[BackupRun], count: int, size: int | None) -> str:
    parts = []
    if good and good[-1].finished_at is not None:
        parts.append(f"last successful backup {_when(good[-1].finished_at)} ({good[-1].label})")
    parts.append(f"{count} run{'s' if count != 1 else ''}")
    if size is not None:
        parts.append(f"newest {human_size(size)}")
    return ", ".join(parts)


def _when(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if moment else "?"


def human_size(size: float) -> str:
    """Bytes in binary units as a technician reads them: 512 B, 1.5 KiB, 3.2 GiB."""
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(value) < 1024 or unit == "TiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} PiB"  # pragma: no cover - the loop returns at TiB
