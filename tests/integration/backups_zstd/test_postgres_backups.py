"""A team database on a private PostgreSQL cluster: `backup FILE` runs pg_dump (custom format, zstd
when FILE ends in .zst), `restore FILE` puts it back in one transaction, and a PC without the
PostgreSQL tools gets a clear message instead."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from msp_console.app import App
from msp_console.cli import main
from msp_console.services import backup_postgres
from tests.support.postgres import PostgresServer


def _team_db(server: PostgresServer, name: str) -> str:
    url = server.create_database(f"{name}_{os.getpid()}")
    app = App.open(url)
    try:
        app.inventory.save_client({"name": "Hotel Bellavista"})
    finally:
        app.close()
    return url


def _clients(url: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["--database", url, "tree", "--json"]) == 0
    return sorted(c["name"] for c in json.loads(capsys.readouterr().out)["clients"])


@pytest.mark.parametrize("name", ["team.pgdump.zst", "team.dump"])
def test_pg_dump_backup_and_restore_of_a_team_database(
    name: str, postgres_server: PostgresServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _team_db(postgres_server, "bk_" + name.split(".")[1])
    file = tmp_path / name
    assert main(["--database", url, "backup", str(file)]) == 0
    out = capsys.readouterr().out
    assert "pg_dump custom format" in out and postgres_server.password not in out
    assert file.is_file() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert file.read_bytes()[:5] == b"PGDMP" or name.endswith(".zst")

    app = App.open(url)
    try:
        app.inventory.save_client({"name": "Added after the backup"})
    finally:
        app.close()
    assert _clients(url, capsys) == ["Added after the backup", "Hotel Bellavista"]
    assert main(["--database", url, "restore", str(file)]) == 0
    assert _clients(url, capsys) == ["Hotel Bellavista"]


def test_a_pc_without_the_postgresql_tools_gets_a_clear_message(
    postgres_server: PostgresServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = _team_db(postgres_server, "bk_notools")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.setattr(backup_postgres, "TOOL_FOLDERS", (str(tmp_path / "nowhere"),))
    capsys.readouterr()
    assert main(["--database", url, "backup", str(tmp_path / "team.dump")]) == 1
    err = capsys.readouterr().err
    assert "pg_dump is not installed on this PC" in err and "postgresql-client" in err
    assert "pg_dump --format=custom" in err and postgres_server.password not in err
    assert not list(tmp_path.glob("*.dump")) and not list(tmp_path.glob(".*"))


def test_a_wrong_file_is_refused_and_nothing_changes(
    postgres_server: PostgresServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _team_db(postgres_server, "bk_wrong")
    text = tmp_path / "notes.dump"
    text.write_text("not a dump\n")
    capsys.readouterr()
    assert main(["--database", url, "restore", str(text)]) == 1
    assert "not a pg_dump file" in capsys.readouterr().err
    assert _clients(url, capsys) == ["Hotel Bellavista"]
