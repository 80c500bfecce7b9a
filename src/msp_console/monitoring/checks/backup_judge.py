"""The bridge from a check's spec to the shared backup judgement (msp_console.domain.backup_result).

Every backup kind (restic, Borg, PBS, Hyper Backup, Veeam, Windows Server Backup) collects its runs
as ``BackupRun`` values and calls :func:`judge_check`: hours come from the check's warn/crit
(``age``, 26 and 50 by default), the size rule from ``shrink_ratio``, ``grow_ratio`` and ``window``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from msp_console.domain.backup_result import (
    AGE_KEY,
    BackupJudgement,
    BackupRun,
    BackupThresholds,
    judge_jobs,
)
from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.runtime import thresholds
from msp_console.monitoring.model import CheckOutcome, CheckSpec, Metric

WARN_HOURS, CRIT_HOURS = "26", "50"


def limits(spec: CheckSpec) -> BackupThresholds:
    """The check's thresholds; a bad value raises (run_check turns it into UNKNOWN with words)."""
    warn, crit = thresholds(spec, (AGE_KEY,), {AGE_KEY: WARN_HOURS}, {AGE_KEY: CRIT_HOURS})
    w, c = warn.get(AGE_KEY), crit.get(AGE_KEY)
    return BackupThresholds.from_params(spec.params, w.bound if w else None, c.bound if c else None)


def as_outcome(judgement: BackupJudgement, extra: Sequence[Metric] = ()) -> CheckOutcome:
    """``extra``: a kind's own figures beside the shared ones (Windows Server Backup's versions)."""
    return CheckOutcome(judgement.state, judgement.output, judgement.figures + tuple(extra))


def judge_check(
    spec: CheckSpec,
    jobs: Mapping[str, Sequence[BackupRun]],
    now: datetime,
    found: Sequence[tuple[HealthState, str]] = (),
    metrics: Sequence[Metric] = (),
) -> CheckOutcome:
    """One outcome for the jobs a check watches (one job: pass ``{"": runs}``), with what else the
    check found (e.g. a failed repository verification) and its own metrics."""
    return as_outcome(judge_jobs(jobs, now, limits(spec)).adding(found, metrics))
