"""A private PostgreSQL cluster on loopback for the integration suite (the recipe in TESTING.md)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.support.components import free_port, is_root, missing


@dataclass
class PostgresServer:
    base: Path
    port: int
    bindir: Path
    password: str = "msp-test-secret"
    user: str = "msp"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}:{self.password}@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> None:
        subprocess.run(
            [
                *self._as_postgres(),
                str(self.bindir / "psql"),
                "-h",
                str(self.base),
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-q",
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
        )

    def create_database(self, name: str) -> str:
        self.psql(f'CREATE DATABASE "{name}" OWNER {self.user}')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [
                *self._as_postgres(),
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.base / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            capture_output=True,
        )
        shutil.rmtree(self.base, ignore_errors=True)

    @staticmethod
    def _as_postgres() -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if is_root() else []


def start_postgres() -> PostgresServer:
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins:
        missing("PostgreSQL server", "install the Debian package postgresql")
    bindir = Path(bins[-1]).parent
    base = Path(tempfile.mkdtemp(prefix="msp-pg-", dir="/tmp"))  # not under pytest's root-only 0700 dir
    os.chmod(base, 0o755)
    if is_root():
        shutil.chown(base, "postgres", "postgres")
    server = PostgresServer(base, free_port(), bindir)
    run_as = server._as_postgres()
    subprocess.run(
        [
            *run_as,
            str(bindir / "initdb"),
            "-D",
            str(base / "data"),
            "-U",
            "postgres",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *run_as,
            str(bindir / "pg_ctl"),
            "-D",
            str(base / "data"),
            "-l",
            str(base / "server.log"),
            "-w",
            "-t",
            "30",
            "-o",
            f"-k {base} -p {server.port} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    server.psql(f"CREATE ROLE {server.user} LOGIN CREATEDB PASSWORD '{server.password}'")
    return server
