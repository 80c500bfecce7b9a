"""APScheduler 3 drives *when*; the engine's pool decides *who runs it*.

Each check is one interval job; the jitter is a random phase (the first run falls anywhere in
the first interval), so checks spread evenly and never fire in bursts. APScheduler's own
per-run ``jitter`` is not used: it only ever adds delay, and the delays accumulate (an interval
of 60 s with 6 s jitter really runs every ~63 s). Its executor only hands the check id to the
engine (inline, microseconds), so a slow check never holds the scheduler's thread.
A soft problem moves the job's next run to the (shorter) retry interval.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.executors.base import BaseExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

Dispatch = Callable[[int, datetime], None]


class _HandOff(BaseExecutor):
    """Calls the engine's dispatch in the scheduler thread; dispatch only enqueues."""

    def __init__(self, dispatch: Dispatch):
        super().__init__()
        self._dispatch = dispatch

    def _do_submit_job(self, job: Any, run_times: list[datetime]) -> None:
        try:
            self._dispatch(int(job.args[0]), run_times[-1])
        finally:
            self._run_job_success(job.id, [])


def _noop(_check_id: int) -> None:  # APScheduler wants a callable; the executor never calls it
    return None


class CheckScheduler:
    def __init__(self, dispatch: Dispatch):
        self._dispatch = dispatch
        self._sched: BackgroundScheduler | None = None
        self._jobs: dict[int, float] = {}  # check id -> interval

    def start(self) -> None:
        self._sched = BackgroundScheduler(
            timezone=UTC,
            executors={"default": _HandOff(self._dispatch)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )
        self._sched.start()

    def stop(self) -> None:
        if self._sched is not None:
            self._sched.shutdown(wait=True)
            self._sched = None
        self._jobs.clear()

    @property
    def check_ids(self) -> set[int]:
        return set(self._jobs)

    def add(self, check_id: int, interval_s: float, first_run: datetime | None = None) -> None:
        """Schedules a check; without ``first_run`` the first run is spread over one interval."""
        assert self._sched is not None, "start the scheduler first"
        now = datetime.now(UTC)
        if first_run is None:  # never run: spread the first runs over one interval
            start = now + timedelta(seconds=random.uniform(0, interval_s))
        elif first_run <= now:  # overdue (restart, taken over): soon, but not all at once
            start = now + timedelta(seconds=random.uniform(0, min(interval_s / 4, 5.0)))
        else:
            start = first_run
        trigger = IntervalTrigger(
            seconds=interval_s,
            start_date=start,
            timezone=UTC,
        )
        self._sched.add_job(
            _noop, trigger, args=[check_id], id=str(check_id), replace_existing=True, next_run_time=start
        )
        self._jobs[check_id] = interval_s

    def remove(self, check_id: int) -> None:
        self._jobs.pop(check_id, None)
        if self._sched is not None:
            with contextlib.suppress(JobLookupError):
                self._sched.remove_job(str(check_id))

    def run_at(self, check_id: int, when: datetime) -> None:
        """Moves the next run (retry while soft); later runs follow the normal interval."""
        if self._sched is None or check_id not in self._jobs:
            return
        with contextlib.suppress(JobLookupError):
            self._sched.modify_job(str(check_id), next_run_time=when)
