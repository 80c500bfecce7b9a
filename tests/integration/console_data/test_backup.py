"""Backups of the console's own database: the user's data survives a damaged file; odd files are refused."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from msp_console.app import App
from msp_console.cli import main
from msp_console.services.backup import integrity_problems
from msp_console.services.backup_archive import restore_to
from msp_console.services.backup_schedule import BackupPolicy, backups_in, run_scheduled


def _populate(url: str, machines: int = 60) -> None:
    app = App.open(url)
    try:
        cid = app.inventory.save_client({"name": "Hotel Bellavista", "city": "Como"})
        for n in range(machines):
            app.inventory.save_machine(cid, {"name": f"pc-{n:03d}", "kind": "workstation"})
    finally:
        app.close()


def _machine_names(url: str) -> list[str]:
    app = App.open(url)
    try:
        with app.db.engine.connect() as conn:
            return list(conn.exec_driver_sql("SELECT name FROM machine ORDER BY name").scalars())
    finally:
        app.close()


def _corrupt_middle(path: Path) -> None:
    """Overwrites the machine table's root page: wherever the schema puts it, that page is in use."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'machine'").fetchone()[0]
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xa5" * page_size)


def test_backup_then_corrupt_then_restore_gets_the_data_back(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _populate(sqlite_url)
    live = Path(sqlite_url.split(":///", 1)[1])
    backup = tmp_path / "saved" / "console.sqlite3"
    assert main(["--database", sqlite_url, "backup", str(backup)]) == 0
    assert "integrity ok" in capsys.readouterr().out
    assert integrity_problems(backup) == []
    assert not Path(f"{backup}-wal").exists()  # one self-contained file

    _corrupt_middle(live)
    assert integrity_problems(live), "the test must really damage the live database"

    assert main(["--database", sqlite_url, "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "previous database is kept as" in out
    assert integrity_problems(live) == []
    assert _machine_names(sqlite_url) == [f"pc-{n:03d}" for n in range(60)]
    kept = list(live.parent.glob("test.before-restore-*.sqlite3"))
    assert len(kept) == 1 and integrity_problems(kept[0])  # the damaged one, kept aside for inspection


def test_restore_refuses_a_backup_from_a_newer_version(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _populate(sqlite_url, machines=3)
    backup = tmp_path / "future.sqlite3"
    assert main(["--database", sqlite_url, "backup", str(backup)]) == 0
    with sqlite3.connect(backup) as conn:
        conn.execute("INSERT INTO alembic_version (version_num) VALUES ('9001_from_the_future')")
    conn.close()
    live = Path(sqlite_url.split(":///", 1)[1])
    before = live.read_bytes()
    capsys.readouterr()

    assert main(["--database", sqlite_url, "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "newer version of MSP Console" in err and "9001_from_the_future" in err
    assert "Nothing was changed" in err and "Traceback" not in err
    assert live.read_bytes() == before
    assert not list(live.parent.glob("*.before-restore-*"))


def test_restore_refuses_a_damaged_or_foreign_file(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _populate(sqlite_url, machines=3)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database\n" * 500)
    assert main(["--database", sqlite_url, "restore", str(text_file)]) == 1
    assert "nothing was changed" in capsys.readouterr().err.lower()
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert main(["--database", sqlite_url, "restore", str(foreign)]) == 1
    assert "not an MSP Console database" in capsys.readouterr().err
    assert _machine_names(sqlite_url) == ["pc-000", "pc-001", "pc-002"]


def test_restore_of_an_older_schema_upgrades_it(sqlite_url: str, tmp_path: Path) -> None:
    _populate(sqlite_url, machines=2)
    old = tmp_path / "old.sqlite3"
    assert main(["--database", sqlite_url, "backup", str(old)]) == 0
    with sqlite3.connect(old) as conn:  # as if written before the host-keys feature existed
        conn.execute("DROP TABLE host_key")
        conn.execute("DELETE FROM alembic_version WHERE version_num = '0002a'")
    conn.close()
    assert main(["--database", sqlite_url, "restore", str(old)]) == 0
    with sqlite3.connect(Path(sqlite_url.split(":///", 1)[1])) as conn:
        versions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
        assert "0002a" in versions
        conn.execute("SELECT count(*) FROM host_key").fetchone()
    conn.close()


def test_scheduled_backups_are_daily_and_keep_the_newest_n(sqlite_url: str, isolated_data_dir: Path) -> None:
    _populate(sqlite_url, machines=2)
    policy = BackupPolicy(keep=3)
    start = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
    for day in range(6):
        run = run_scheduled(sqlite_url, policy=policy, now=start + timedelta(days=day))
        assert run.made is not None
        assert run_scheduled(sqlite_url, policy=policy, now=start + timedelta(days=day, hours=5)).made is None
    folder = isolated_data_dir / "backups"
    kept = [p.name for _, p in backups_in(folder)]
    # The newest is a full compressed backup; the older ones are kept as deltas against it.
    assert kept == [
        "msp-console-20261104-020000.delta.zst",
        "msp-console-20261105-020000.delta.zst",
        "msp-console-20261106-020000.sqlite3.zst",
    ]
    for name in kept:
        restored = folder.parent / "restored.sqlite3"
        restore_to(folder / name, restored)
        assert integrity_problems(restored) == []


def test_cli_run_scheduled_and_status(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _populate(sqlite_url, machines=1)
    assert main(["--database", sqlite_url, "backups", "status"]) == 1
    assert "no backup yet" in capsys.readouterr().out
    assert main(["--database", sqlite_url, "backups", "run-scheduled"]) == 0
    assert "backed up to" in capsys.readouterr().out
    assert main(["--database", sqlite_url, "backups", "run-scheduled"]) == 0
    assert "no backup made: a recent backup exists" in capsys.readouterr().out
    assert main(["--database", sqlite_url, "backup", "status"]) == 0
    assert "(1 kept)" in capsys.readouterr().out


PG_URL = "postgresql+psycopg://msp:Sup3r-Secret-pw@127.0.0.1:55432/mspdb"


def test_postgresql_backup_points_to_pg_dump_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", PG_URL, "backup", str(tmp_path / "team.dump")]) == 1
    err = capsys.readouterr().err
    assert "pg_dump --format=custom" in err and "--username=msp" in err and "mspdb" in err
    assert "--host=127.0.0.1 --port=55432" in err
    assert "Sup3r-Secret-pw" not in err
    (tmp_path / "team.dump").write_bytes(b"PGDMP")  # pg_restore runs, cannot reach the server
    assert main(["--database", PG_URL, "restore", str(tmp_path / "team.dump")]) == 1
    err = capsys.readouterr().err
    assert "pg_restore" in err and "Sup3r-Secret-pw" not in err


def test_postgresql_status_warns_without_a_recent_dump(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", PG_URL, "backups", "status"]) == 1
    assert "no dump folder is configured" in capsys.readouterr().out
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    assert main(["backups", "configure", "--dump-folder", str(dumps), "--max-dump-age-hours", "30"]) == 0
    capsys.readouterr()
    assert main(["--database", PG_URL, "backups", "status"]) == 1
    assert "no pg_dump file found" in capsys.readouterr().out
    dump = dumps / "mspdb-2026-11-27.dump"
    dump.write_bytes(b"PGDMP")
    old = time.time() - 3 * 86400
    os.utime(dump, (old, old))
    assert main(["--database", PG_URL, "backups", "status"]) == 1
    assert "is 3 days old" in capsys.readouterr().out
    os.utime(dump, None)
    assert main(["--database", PG_URL, "backups", "status"]) == 0
    assert "newest dump" in capsys.readouterr().out


def test_the_gui_scheduler_job_makes_the_daily_backup(sqlite_url: str, isolated_data_dir: Path) -> None:
    from apscheduler.schedulers.background import BackgroundScheduler

    from msp_console.services.backup_schedule import add_backup_job

    _populate(sqlite_url, machines=1)
    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.start()
    try:
        job = add_backup_job(scheduler, sqlite_url, first_check_in_seconds=0)
        assert scheduler.get_job(job.id) is not None
        deadline = time.monotonic() + 20
        while not backups_in(isolated_data_dir / "backups") and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        scheduler.shutdown(wait=True)
    assert len(backups_in(isolated_data_dir / "backups")) == 1


def test_about_lists_version_licence_and_data_locations(isolated_data_dir: Path) -> None:
    from msp_console import __version__
    from msp_console.services.about import about_info

    info = about_info("postgresql+psycopg://msp:Hidden-Pw-1@db.lan:5432/msp")
    assert info.version == __version__ and info.licence == "GPL-3.0-or-later"
    assert "Hidden-Pw-1" not in info.database and "db.lan:5432/msp" in info.database
    assert Path(info.log_file).is_relative_to(isolated_data_dir)
    assert Path(info.backups_dir) == isolated_data_dir / "backups"
    assert (Path(info.resources_dir) / "fonts" / "DejaVuSans.ttf").is_file()
    assert info.user_guide.endswith("USER_GUIDE.md")
    local = about_info(f"sqlite:///{isolated_data_dir / 'x.sqlite3'}")
    assert local.database == str(isolated_data_dir / "x.sqlite3")


def test_restore_refuses_while_another_program_has_the_database_open(
    sqlite_url: str, tmp_path: Path, isolated_data_dir: Path
) -> None:
    import subprocess
    import sys

    _populate(sqlite_url, machines=2)
    backup = tmp_path / "b.sqlite3"
    assert main(["--database", sqlite_url, "backup", str(backup)]) == 0
    restore = [sys.executable, "-c", "import sys; from msp_console.cli import main; sys.exit(main())"]
    restore += ["--database", sqlite_url, "restore", str(backup)]
    env = {**os.environ, "MSP_CONSOLE_DATA_DIR": str(isolated_data_dir)}
    app = App.open(sqlite_url)  # the window, idle: an open connection, no transaction
    try:
        with app.db.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM machine").scalar()
            done = subprocess.run(restore, env=env, capture_output=True, text=True, timeout=60)
    finally:
        app.close()
    assert done.returncode == 1 and "open in another program" in done.stderr
    assert not list(Path(sqlite_url.split(":///", 1)[1]).parent.glob("*.before-restore-*"))
    done = subprocess.run(restore, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
