"""Compressed daily backups: each one restores to its own day, old plain backups still restore, and a
backup killed half-way leaves the earlier ones intact and nothing half-written in the list."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from msp_console.app import App
from msp_console.cli import main
from msp_console.services.backup_archive import sha256_of
from msp_console.services.backup_schedule import BackupPolicy, backup_files, run_scheduled

DAY0 = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)


def _live(url: str) -> Path:
    return Path(url.split(":///", 1)[1])


def _add_client(url: str, name: str, machines: int = 3) -> None:
    app = App.open(url)
    try:
        cid = app.inventory.save_client({"name": name, "city": "Como"})
        for n in range(machines):
            app.inventory.save_machine(cid, {"name": f"pc-{n:02d}", "kind": "workstation"})
    finally:
        app.close()


def _clients_seen_by_the_cli(url: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["--database", url, "tree", "--json"]) == 0
    tree = json.loads(capsys.readouterr().out)
    return sorted(c["name"] for c in tree["clients"])


def _list_json(capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["backups", "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_daily_backup_restores_its_own_day_and_the_app_sees_it(
    sqlite_url: str, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    days = 5
    for day in range(days):
        _add_client(sqlite_url, f"Cliente giorno {day}")
        assert run_scheduled(sqlite_url, policy=BackupPolicy(), now=DAY0 + timedelta(days=day)).made
    listed = _list_json(capsys)
    kinds = [b["kind"] for b in listed["backups"]]
    assert kinds == ["delta"] * (days - 1) + ["full"]
    assert listed["count"] == days and listed["total_bytes"] == sum(b["bytes"] for b in listed["backups"])
    live_size = _live(sqlite_url).stat().st_size
    assert listed["total_bytes"] < live_size  # five backups together are smaller than the database
    assert all(b["bytes"] < listed["backups"][-1]["bytes"] / 5 for b in listed["backups"][:-1])

    for day in (days - 1, 2, 0):  # the newest, one in the middle, the oldest (the longest chain)
        capsys.readouterr()
        assert main(["--database", sqlite_url, "backups", "restore", f"202611{day + 1:02d}"]) == 0
        assert "restored" in capsys.readouterr().out
        assert _clients_seen_by_the_cli(sqlite_url, capsys) == [f"Cliente giorno {d}" for d in range(day + 1)]
        app = App.open(sqlite_url)  # the window's way in: it opens and reads the restored data
        try:
            with app.db.engine.connect() as conn:
                machines = conn.exec_driver_sql("SELECT count(*) FROM machine").scalar()
        finally:
            app.close()
        assert machines == 3 * (day + 1)


def test_the_list_shows_sizes_and_a_total(
    sqlite_url: str, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_client(sqlite_url, "Hotel Bellavista")
    run_scheduled(sqlite_url, policy=BackupPolicy(), now=DAY0)
    capsys.readouterr()
    assert main(["backups", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "full" in lines[0] and "KiB" in lines[0] and "msp-console-20261101-020000.sqlite3.zst" in lines[0]
    assert lines[-1].startswith("1 backups, ") and str(isolated_data_dir / "backups") in lines[-1]


def test_backups_from_before_compression_are_listed_and_still_restore(
    sqlite_url: str, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_client(sqlite_url, "Ferramenta Rossi")
    folder = isolated_data_dir / "backups"
    old = folder / "msp-console-20261020-020000.sqlite3"  # the name and format of the old version
    assert main(["--database", sqlite_url, "backup", str(old)]) == 0
    assert old.read_bytes().startswith(b"SQLite format 3\x00")
    _add_client(sqlite_url, "Studio Bianchi")
    run_scheduled(sqlite_url, policy=BackupPolicy(), now=DAY0)
    assert [(b.path.name, b.kind) for b in backup_files(folder)] == [
        ("msp-console-20261020-020000.sqlite3", "plain"),
        ("msp-console-20261101-020000.sqlite3.zst", "full"),
    ]
    assert main(["--database", sqlite_url, "backups", "restore", old.name]) == 0
    assert _clients_seen_by_the_cli(sqlite_url, capsys) == ["Ferramenta Rossi"]
    assert main(["--database", sqlite_url, "backups", "restore", "newest"]) == 0
    assert _clients_seen_by_the_cli(sqlite_url, capsys) == ["Ferramenta Rossi", "Studio Bianchi"]


def test_restore_names_a_backup_that_is_ambiguous_or_missing(
    sqlite_url: str, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_client(sqlite_url, "Hotel Bellavista")
    for day in range(2):
        run_scheduled(sqlite_url, policy=BackupPolicy(), now=DAY0 + timedelta(days=day))
    capsys.readouterr()
    assert main(["--database", sqlite_url, "backups", "restore", "202611"]) == 1
    assert "2 backups match" in capsys.readouterr().err
    assert main(["--database", sqlite_url, "backups", "restore", "20250101"]) == 1
    assert "no backup matches" in capsys.readouterr().err


def _fill_with_history(url: str, megabytes: int) -> None:
    """Text-like rows that compress like real data, so a backup takes a moment to write."""
    import sqlite3

    _add_client(url, "Hotel Bellavista")
    conn = sqlite3.connect(_live(url))
    conn.execute("CREATE TABLE bench_notes (id INTEGER PRIMARY KEY, body TEXT)")
    words = [f"parola{n:05d} " for n in range(20_000)]
    rows = (
        (i, "".join(words[(i * 7 + k * 13) % 20_000] for k in range(300))) for i in range(megabytes * 250)
    )
    conn.executemany("INSERT INTO bench_notes VALUES (?, ?)", rows)
    conn.commit()
    conn.close()


def _rewrite_half_the_notes(url: str) -> None:
    import sqlite3

    conn = sqlite3.connect(_live(url))
    conn.execute("UPDATE bench_notes SET body = upper(body) WHERE id % 2 = 0")
    conn.commit()
    conn.close()


def _backup_in_a_process(url: str, data_dir: Path, when: datetime) -> subprocess.Popen[bytes]:
    code = (
        "import sys; from datetime import datetime; from msp_console.services.backup_schedule import "
        "run_scheduled; run_scheduled(sys.argv[1], now=datetime.fromisoformat(sys.argv[2]))"
    )
    env = {**os.environ, "MSP_CONSOLE_DATA_DIR": str(data_dir)}
    return subprocess.Popen([sys.executable, "-c", code, url, when.isoformat()], env=env)


def _kill_when(proc: subprocess.Popen[bytes], folder: Path, pattern: str) -> Path:
    """SIGKILL the backup as soon as a hidden temporary file matching ``pattern`` has data."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for tmp in folder.glob(pattern):
            try:
                if tmp.stat().st_size > 0:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait(30)
                    return tmp
            except FileNotFoundError:
                continue
        if proc.poll() is not None:
            pytest.fail(f"the backup ended before {pattern} appeared: make the database bigger")
        time.sleep(0.002)
    proc.kill()
    pytest.fail(f"{pattern} never appeared")


@pytest.mark.parametrize(
    "stage",
    [
        ".msp-console-*.backup-*.tmp",
        ".msp-console-*.sqlite3.zst.[0-9]*.tmp",
        ".msp-console-*.delta.zst.[0-9]*.tmp",
    ],
    ids=["while-copying", "while-compressing-the-new-backup", "while-rewriting-the-previous-as-delta"],
)
def test_a_backup_killed_half_way_leaves_the_previous_ones_intact(
    stage: str, sqlite_url: str, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill_with_history(sqlite_url, megabytes=40)
    for day in range(2):
        run_scheduled(sqlite_url, policy=BackupPolicy(), now=DAY0 + timedelta(days=day))
    folder = isolated_data_dir / "backups"
    before = {b.path.name: sha256_of(b.path) for b in backup_files(folder)}
    listed_before = _list_json(capsys)
    _rewrite_half_the_notes(sqlite_url)  # a day of many changes: the delta takes a moment to write

    proc = _backup_in_a_process(sqlite_url, isolated_data_dir, DAY0 + timedelta(days=2))
    half = _kill_when(proc, folder, stage)
    assert proc.returncode == -signal.SIGKILL
    assert half.exists(), "the kill must have caught the backup half-way"

    after = {b.path.name: sha256_of(b.path) for b in backup_files(folder)}
    assert {name: after.get(name) for name in before} == before  # untouched, byte for byte
    new = sorted(set(after) - set(before))
    # Killed while compressing: no new backup. Killed while rewriting the previous one as a delta:
    # the new backup was complete and stays, the previous one simply stays a full one.
    assert new == (["msp-console-20261103-020000.sqlite3.zst"] if "delta" in stage else [])
    listed = _list_json(capsys)
    assert [b["name"] for b in listed["backups"]] == sorted(after)  # the half-written file is not listed
    assert listed_before["count"] + len(new) == listed["count"]
    assert main(["--database", sqlite_url, "backups", "restore", sorted(before)[-1]]) == 0
    assert _clients_seen_by_the_cli(sqlite_url, capsys) == ["Hotel Bellavista"]

    # The next run cleans up what the killed one left and backs up as usual.
    run = run_scheduled(sqlite_url, policy=BackupPolicy(), now=DAY0 + timedelta(days=3))
    assert run.made is not None
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]
    assert main(["--database", sqlite_url, "backups", "restore", sorted(before)[0]]) == 0
    assert _clients_seen_by_the_cli(sqlite_url, capsys) == ["Hotel Bellavista"]


def test_a_damaged_or_orphaned_delta_is_refused_and_nothing_changes(
    sqlite_url: str, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for day in range(3):
        _add_client(sqlite_url, f"Cliente giorno {day}")
        run_scheduled(sqlite_url, policy=BackupPolicy(), now=DAY0 + timedelta(days=day))
    oldest, middle, newest = (b.path for b in backup_files(isolated_data_dir / "backups"))
    live = _live(sqlite_url)
    before = live.read_bytes()

    data = bytearray(middle.read_bytes())
    data[-40:-20] = bytes(20)  # damage inside the compressed pages
    middle.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["--database", sqlite_url, "restore", str(oldest)]) == 1  # it needs the middle one
    err = capsys.readouterr().err
    assert "damaged" in err and "nothing was changed" in err and "Traceback" not in err

    middle.unlink()
    assert main(["--database", sqlite_url, "restore", str(oldest)]) == 1
    assert "needs the newer backup msp-console-20261102-020000, which is missing" in capsys.readouterr().err
    assert live.read_bytes() == before
    assert main(["--database", sqlite_url, "restore", str(newest)]) == 0  # the newest stands alone
