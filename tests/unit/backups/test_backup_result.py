"""The shared backup judgement: age of the last good run, a failed last run, a sudden size change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from msp_console.domain.backup_result import (
    BackupRun,
    BackupThresholds,
    human_size,
    judge_jobs,
    judge_runs,
    size_param_errors,
)
from msp_console.domain.errors import InvalidValue
from msp_console.domain.health import HealthState

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
GIB = 1 << 30


def nightly(days: int, size: int | None = GIB, hours_ago: float = 6.0) -> list[BackupRun]:
    """``days`` good nightly runs, the newest ``hours_ago`` before NOW."""
    newest = NOW - timedelta(hours=hours_ago)
    return [BackupRun(f"run{i}", newest - timedelta(days=days - 1 - i), True, size) for i in range(days)]


def figures(judgement):
    return {f.name: f.value for f in judgement.figures}


def test_recent_successful_runs_are_ok_with_their_figures():
    j = judge_runs(nightly(8), NOW)
    assert j.state is HealthState.OK
    assert "last successful backup 2026-12-04 03:00 UTC (run7)" in j.output
    assert "8 runs" in j.output and "newest 1.0 GiB" in j.output
    f = figures(j)
    assert f["age"] == pytest.approx(6.0)
    assert f["last_ok"] == 1.0 and f["size"] == GIB and f["runs"] == 8 and f["size_ratio"] == 1.0
    age = next(x for x in j.figures if x.name == "age")
    assert (age.unit, age.warn, age.crit) == ("h", 26.0, 50.0)


@pytest.mark.parametrize(
    ("hours", "state"),
    [(25.9, HealthState.OK), (26.5, HealthState.WARNING), (50.5, HealthState.CRITICAL)],
)
def test_age_of_the_last_success_against_warn_and_crit_hours(hours, state):
    j = judge_runs(nightly(3, hours_ago=hours), NOW)
    assert j.state is state
    if state is not HealthState.OK:
        assert j.output.startswith(f"last successful backup is {hours:.1f} h old")


def test_configured_hours_are_used():
    limits = BackupThresholds(warn_hours=2, crit_hours=4)
    assert judge_runs(nightly(3, hours_ago=3), NOW, limits).state is HealthState.WARNING


def test_a_failed_last_run_is_critical_even_when_a_recent_success_exists():
    runs = [*nightly(3, hours_ago=20), BackupRun("run3", NOW - timedelta(hours=1), False, None, "disk full")]
    j = judge_runs(runs, NOW)
    assert j.state is HealthState.CRITICAL
    assert j.output.startswith("last run run3 failed at 2026-12-04 08:00 UTC: disk full")
    assert figures(j)["last_ok"] == 0.0
    assert figures(j)["age"] == pytest.approx(20.0)  # the age is still the last *successful* run's


def test_runs_in_any_order_and_without_times():
    runs = list(reversed(nightly(3)))
    runs.append(BackupRun("never finished", None, False))  # sorts oldest: not the last run
    assert judge_runs(runs, NOW).state is HealthState.OK


def test_nothing_at_all_or_nothing_good_is_critical():
    empty = judge_runs([], NOW)
    assert (empty.state, empty.output) == (HealthState.CRITICAL, "no backup found")
    bad = judge_runs([BackupRun("a", NOW, False)], NOW)
    assert bad.state is HealthState.CRITICAL and "no successful backup" in bad.output


def test_a_shrunk_snapshot_hints_at_deleted_data():
    runs = [*nightly(7, hours_ago=30), BackupRun("small", NOW - timedelta(hours=6), True, GIB // 4)]
    j = judge_runs(runs, NOW)
    assert j.state is HealthState.CRITICAL
    assert "newest backup is 25% of the usual size (256.0 MiB against a median of 1.0 GiB" in j.output
    assert "previous 7" in j.output and "data deleted?" in j.output
    assert figures(j)["size_ratio"] == 0.25


def test_a_grown_snapshot_hints_at_ransomware():
    runs = [*nightly(5, hours_ago=30), BackupRun("huge", NOW - timedelta(hours=6), True, 4 * GIB)]
    j = judge_runs(runs, NOW)
    assert j.state is HealthState.CRITICAL and "ransomware" in j.output


def test_the_median_of_only_the_window_counts():
    old_small = [BackupRun(f"o{i}", NOW - timedelta(days=30 + i), True, 10) for i in range(10)]
    runs = [*old_small, *nightly(4, size=GIB)]
    j = judge_runs(runs, NOW, BackupThresholds(window=3))
    assert j.state is HealthState.OK  # the three previous are 1 GiB: the old tiny ones are out of the window


def test_no_size_judgement_with_too_little_history_or_unknown_sizes():
    two = [*nightly(2, hours_ago=30), BackupRun("x", NOW - timedelta(hours=1), True, 1)]
    assert judge_runs(two, NOW).state is HealthState.OK
    unsized = nightly(8, size=None)
    j = judge_runs(unsized, NOW)
    assert j.state is HealthState.OK and "size" not in figures(j)


def test_ratios_within_the_thresholds_are_fine_and_thresholds_are_configurable():
    runs = [*nightly(7, hours_ago=30), BackupRun("a", NOW - timedelta(hours=6), True, int(GIB * 0.6))]
    assert judge_runs(runs, NOW).state is HealthState.OK
    assert judge_runs(runs, NOW, BackupThresholds(shrink_ratio=0.7)).state is HealthState.CRITICAL


def test_several_jobs_the_worst_decides_and_each_problem_is_named():
    jobs = {
        "host a /srv": nightly(3),
        "host b /home": nightly(3, hours_ago=30),
    }
    j = judge_jobs(jobs, NOW)
    assert j.state is HealthState.WARNING
    assert j.output.startswith("host b /home: last successful backup is 30.0 h old")
    assert j.output.endswith("1 of 2 backup jobs OK")
    f = figures(j)
    assert f["age"] == pytest.approx(30.0) and f["runs"] == 6 and f["jobs"] == 2 and f["size"] == 2 * GIB


def test_one_job_keeps_its_own_words():
    j = judge_jobs({"": nightly(2)}, NOW)
    assert j.state is HealthState.OK and j.output.startswith("last successful backup")
    assert figures(j)["jobs"] == 1
    assert judge_jobs({}, NOW).state is HealthState.CRITICAL


def test_size_parameters_are_read_and_refused_by_name():
    limits = BackupThresholds.from_params({"shrink_ratio": "0.3", "grow_ratio": "5", "window": "10"}, 2, 4)
    assert (limits.shrink_ratio, limits.grow_ratio, limits.window) == (0.3, 5.0, 10)
    assert (limits.warn_hours, limits.crit_hours) == (2, 4)
    for params in ({"shrink_ratio": "1.5"}, {"grow_ratio": "0.5"}, {"window": "2.5"}, {"window": "x"}):
        errors = size_param_errors(params)
        assert len(errors) == 1 and next(iter(params)) in errors[0].message
        with pytest.raises(InvalidValue):
            BackupThresholds.from_params(params)
    assert size_param_errors({"window": "1", "shrink_ratio": ""}) == []


def test_times_must_be_timezone_aware_and_sizes_read_well():
    with pytest.raises(ValueError, match="timezone-aware"):
        BackupRun("a", datetime(2026, 1, 1), True)
    assert [human_size(v) for v in (512, 1536, 3 * GIB)] == ["512 B", "1.5 KiB", "3.0 GiB"]


def test_more_findings_join_the_judgement():
    from msp_console.domain.metric import Metric

    j = judge_runs(nightly(3), NOW).adding(
        [(HealthState.CRITICAL, "restic check failed")], [Metric("repo_check_ok", 0)]
    )
    assert j.state is HealthState.CRITICAL
    assert j.output.startswith("restic check failed — last successful backup")
    assert figures(j)["repo_check_ok"] == 0
    quiet = judge_runs(nightly(3), NOW).adding([(HealthState.OK, "fine")])
    assert quiet.state is HealthState.OK and "fine" not in quiet.output
