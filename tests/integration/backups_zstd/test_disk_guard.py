"""The disk guard on a real small file system (a 64 MiB tmpfs holding the SQLite database): the banner
appears when it runs low, retention tightens, the monitoring writer survives a full disk and writes
what it held once there is room, and a backup refuses cleanly."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from msp_console.app import App
from msp_console.cli import main
from msp_console.domain.health import HealthState
from msp_console.domain.monitoring_state import ApplyContext, CheckStatus, apply
from msp_console.monitoring.disk_guard import LOW_RAW_KEEP_S, DiskWatch, retention_horizons
from msp_console.monitoring.model import CheckOutcome, CheckResult, Metric
from msp_console.monitoring.params import clean_check
from msp_console.monitoring.retention import RAW_KEEP_S, run_retention
from msp_console.monitoring.service import add_check
from msp_console.monitoring.writer import Processed, ResultWriter, persist
from msp_console.services.backup_schedule import (
    BackupPolicy,
    backup_files,
    run_scheduled,
    scheduled_backup_job,
)
from msp_console.services.disk_space import database_disk
from tests.integration.backups_zstd.conftest import MiB, fill


def _app_with_a_check(disk: Path) -> tuple[App, int, int]:
    app = App.open(f"sqlite:///{disk / 'console.sqlite3'}")
    cid = app.inventory.save_client({"name": "Studio Rossi"})
    app.inventory.save_machine(cid, {"name": "srv", "kind": "server", "address": "127.0.0.1"})
    check = add_check(app.db, "Studio Rossi/srv", clean_check("tcp", "", {"port": "22"}))
    with app.db.read() as s:
        from msp_console.db.models import Check

        machine_id = s.get(Check, check).machine_id  # type: ignore[union-attr]
    return app, check, machine_id


def _results(check: int, machine: int, start: datetime, minutes: int, state: CheckStatus) -> list[Processed]:
    out = []
    for m in range(minutes):
        at = start + timedelta(minutes=m)
        metrics = (Metric("time", 3.0 + (m % 17) / 10, "ms"), Metric("rtt", 0.4 + (m % 5) / 100, "ms"))
        state, events = apply(state, HealthState.OK, "port 22 open", at, ApplyContext())
        outcome = CheckOutcome(HealthState.OK, "port 22 open", metrics, 3.0)
        out.append(Processed(CheckResult(check, machine, outcome, at), state, tuple(events)))
    return out


def test_the_writer_survives_a_full_disk_and_writes_what_it_held_once_there_is_room(
    small_disk: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app, check, machine = _app_with_a_check(small_disk)
    writer = ResultWriter(app.db, flush_s=0.02)
    writer.held.retry_s = 0.2
    writer.start()
    try:
        start = datetime.now(UTC) - timedelta(days=3)
        sent = 0
        filler = fill(small_disk)
        caplog.set_level(logging.ERROR, "msp_console.monitoring")
        deadline = time.monotonic() + 120
        while not len(writer.held) and time.monotonic() < deadline:  # until the full disk refuses
            for p in _results(check, machine, start + timedelta(minutes=sent), 500, CheckStatus()):
                writer.submit(p)
            sent += 500
            writer.flush(1)
        assert len(writer.held) > 0, "the database never hit the full disk"
        assert writer._thread is not None and writer._thread.is_alive()
        assert writer.failed_batches == 0  # held for later, not dropped
        assert not writer.flush(0.5)  # flush() says honestly that results are not written yet
        assert "disk is full" in caplog.text and "retried every" in caplog.text
        assert "Traceback" not in caplog.text

        filler.unlink()  # room again: the next write takes the held results along
        time.sleep(writer.held.retry_s)
        for p in _results(check, machine, start + timedelta(minutes=sent), 10, CheckStatus()):
            writer.submit(p)
        sent += 10
        assert writer.flush(30)
        assert writer.written == sent and len(writer.held) == 0
    finally:
        writer.stop()
        app.close()


def test_retention_tightens_itself_when_the_disk_runs_low(small_disk: Path) -> None:
    app, check, machine = _app_with_a_check(small_disk)
    try:
        now = datetime.now(UTC).replace(second=0, microsecond=0)
        with app.db.transaction() as session:  # ten hours of results, one a minute
            persist(session, _results(check, machine, now - timedelta(hours=10), 600, CheckStatus()))

        def watch_with(low_bytes: int) -> DiskWatch:
            return DiskWatch(app.db.url, lambda url: database_disk(url, low_bytes=low_bytes))

        roomy = watch_with(8 * MiB)  # ~60 MiB free of 64: not low for this test's threshold
        assert roomy.horizons() == retention_horizons(None) and roomy.horizons()["raw_keep_s"] == RAW_KEEP_S
        first = run_retention(app.db, now, **roomy.horizons())
        assert first.sealed_samples > 0 and first.blocks_deleted == 0  # sealed, all kept: within 48 h

        fill(small_disk, leave=4 * MiB)
        low = watch_with(8 * MiB)
        assert low.horizons()["raw_keep_s"] == LOW_RAW_KEEP_S
        assert low.last is not None and low.last.low
        report = run_retention(app.db, now, **low.horizons())
        assert report.blocks_deleted > 0  # the raw hours older than 6 hours went (their roll-ups stay)
        # The real thresholds (2 GiB or 5 %) call any 64 MiB disk low.
        assert DiskWatch(app.db.url).horizons()["raw_keep_s"] == LOW_RAW_KEEP_S
    finally:
        app.close()


def test_a_backup_refuses_cleanly_when_the_disk_has_no_room(
    small_disk: Path,
    isolated_data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    app, _check, _machine = _app_with_a_check(small_disk)
    app.close()
    url = f"sqlite:///{small_disk / 'console.sqlite3'}"
    folder = small_disk / "backups"
    assert main(["backups", "configure", "--folder", str(folder)]) == 0
    first = run_scheduled(url, policy=BackupPolicy(folder=str(folder)), now=datetime(2026, 11, 1, tzinfo=UTC))
    assert first.made is not None
    before = {b.path.name: b.path.read_bytes() for b in backup_files(folder)}
    fill(small_disk)
    capsys.readouterr()

    assert main(["--database", url, "backups", "run-scheduled", "--force"]) == 1
    err = capsys.readouterr().err
    assert "not enough room" in err and str(small_disk) in err and "previous backups are intact" in err
    assert "Traceback" not in err
    assert {b.path.name: b.path.read_bytes() for b in backup_files(folder)} == before
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # nothing half-written left

    caplog.set_level(logging.ERROR, "msp_console.services")
    assert scheduled_backup_job(url) is None  # the window's hourly job: one clear line, no crash
    assert "scheduled backup not made: not enough room" in caplog.text and "Traceback" not in caplog.text
    assert {b.path.name: b.path.read_bytes() for b in backup_files(folder)} == before
