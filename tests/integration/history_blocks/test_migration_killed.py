"""An upgrade killed half-way through converting the history keeps its committed batches.

A separate process upgrades a database holding a week of row-per-sample history, converting in
batches of one event and one series; it is SIGKILLed in the middle of a batch once earlier
batches have reported themselves committed. The next upgrade carries on from there — it does
not convert those batches again — and afterwards the charts, the timeline and the monthly
report show the figures written before the conversion.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, inspect, select

from msp_console.db.migrate import head_revision
from msp_console.db.models import MetricBlock
from tests.integration.history_blocks.old_history import MINE, charts, reads_the_same, week_of_history

ROOT = Path(__file__).resolve().parents[3]


def _start(url: str, stall: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.history_blocks.upgrade_child", url, stall],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _follow(child: subprocess.Popen[str]) -> tuple[list[dict[str, Any]], str]:
    """The batches the upgrading process reported, and its last line (``STALLED`` or ``DONE``)."""
    assert child.stdout is not None
    steps: list[dict[str, Any]] = []
    for line in child.stdout:
        if line.strip() in ("STALLED", "DONE"):
            return steps, line.strip()
        steps.append(json.loads(line))
    child.wait()
    raise AssertionError(f"the upgrade ended ({child.returncode}) without saying so")


def _upgrade(url: str, stall: str) -> tuple[subprocess.Popen[str], list[dict[str, Any]], str]:
    child = _start(url, stall)
    return child, *_follow(child)


def _ended(child: subprocess.Popen[str]) -> int:
    """The process's exit code once it has ended, its pipes closed."""
    with child:  # closes stdin/stdout and waits
        pass
    return child.returncode


def _revision(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return ""
            return "+".join(
                sorted(r for (r,) in conn.exec_driver_sql("SELECT version_num FROM alembic_version"))
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("stall", "events_committed", "series_committed"),
    [("events:3", 2, 0), ("metrics:2", 4, 1)],
    ids=["killed-copying-events", "killed-sealing-metrics"],
)
def test_a_killed_conversion_carries_on_from_its_last_committed_batch(
    old_engine: Engine, database_url: str, stall: str, events_committed: int, series_committed: int
) -> None:
    written = week_of_history(old_engine)
    before = charts(old_engine, written["machine"])
    child, steps, last = _upgrade(database_url, stall)
    assert last == "STALLED"
    os.kill(child.pid, signal.SIGKILL)
    assert _ended(child) == -signal.SIGKILL
    assert [s["what"] for s in steps] == ["state events"] * events_committed + [
        "metric series"
    ] * series_committed
    assert steps[0]["text"].startswith(f"converting history: 1 of {len(written['events'])} state events")
    assert MINE not in _revision(database_url)

    child, again, last = _upgrade(database_url, "none")  # the next start
    assert (last, _ended(child)) == ("DONE", 0)
    assert _revision(database_url) == head_revision()
    events = [s for s in again if s["what"] == "state events"]
    series = [s for s in again if s["what"] == "metric series"]
    # Only what was not committed is converted again, and the first line says what was kept.
    assert len(events) == len(written["events"]) - events_committed
    assert all(s["already"] == events_committed for s in events)
    assert len(series) == len(written["series"]) - series_committed
    assert all(s["already"] == series_committed for s in series)
    assert series[-1]["done"] == series[-1]["total"] == len(written["series"])
    if series_committed:
        assert "1 of them converted before an interruption" in series[0]["text"]
    with old_engine.connect() as conn:  # one raw, one 5-minute, one hourly block per series at most per span
        blocks = conn.execute(
            select(MetricBlock.series_id, MetricBlock.resolution, MetricBlock.start, func.count()).group_by(
                MetricBlock.series_id, MetricBlock.resolution, MetricBlock.start
            )
        ).all()
    assert blocks and all(n == 1 for *_key, n in blocks)
    reads_the_same(database_url, written, before)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_two_consoles_upgrading_a_team_database_at_once_convert_it_once(
    old_engine: Engine, database_url: str
) -> None:
    written = week_of_history(old_engine)
    before = charts(old_engine, written["machine"])
    children = [_start(database_url, "none") for _ in range(2)]  # both start before either is read
    steps = []
    for child in children:
        reported, last = _follow(child)
        assert (last, _ended(child)) == ("DONE", 0)
        steps += reported
    assert sorted(s["done"] for s in steps if s["what"] == "state events") == list(
        range(1, len(written["events"]) + 1)
    )
    assert len([s for s in steps if s["what"] == "metric series"]) == len(written["series"])
    reads_the_same(database_url, written, before)
