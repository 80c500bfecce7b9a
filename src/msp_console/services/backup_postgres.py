"""Backups of a team PostgreSQL database with the PostgreSQL tools, when this PC has them.

``pg_dump --format=custom`` is a consistent snapshot (one repeatable-read transaction) while the
pollers keep writing. A file ending in ``.zst`` gets the dump uncompressed by pg_dump and compressed
with zstd instead (smaller than pg_dump's zlib, same header as the SQLite backups); any other name
gets pg_dump's own file, which ``pg_restore`` reads directly. Either is written under a hidden name
and renamed once pg_dump succeeded. The password goes to the tools in their environment
(``PGPASSWORD``), never on a command line; without one in the URL they read ~/.pgpass.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import zstandard
from sqlalchemy.engine import make_url

from msp_console.services import backup_archive as archive
from msp_console.services.backup import BackupError, postgres_hint

# Where the PostgreSQL client tools live when they are not on PATH (newest version first wins).
TOOL_FOLDERS = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/opt/homebrew/opt/libpq/bin",
    "/Applications/Postgres.app/Contents/Versions/*/bin",
    "C:/Program Files/PostgreSQL/*/bin",
)
_CUSTOM_MAGIC = b"PGDMP"


def pg_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for pattern in TOOL_FOLDERS:
        hits = sorted(glob.glob(f"{pattern}/{name}") + glob.glob(f"{pattern}/{name}.exe"), key=_version)
        if hits:
            return hits[-1]
    return None


def _version(path: str) -> tuple[int, ...]:
    return (
        tuple(int(p) for p in Path(path).parts[-3].split(".") if p.isdigit())
        if len(Path(path).parts) > 3
        else ()
    )


def _need(tool: str, url: str, file: Path, restore: bool) -> str:
    found = pg_tool(tool)
    if not found:
        raise BackupError(
            f"{tool} is not installed on this PC: install the PostgreSQL client tools (Debian/Ubuntu: "
            "apt install postgresql-client; Windows and macOS: the PostgreSQL installer's command line "
            "tools), or run it where they are.\n" + postgres_hint(url, str(file), restore=restore)
        )
    return found


def _connection(url: str) -> tuple[list[str], dict[str, str]]:
    u = make_url(url)
    args = [f"--host={u.host or 'localhost'}"]
    if u.port:
        args.append(f"--port={u.port}")
    if u.username:
        args.append(f"--username={u.username}")
    args.append(f"--dbname={u.database or ''}")
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    return args, env


def _failed(what: str, url: str, file: Path, err: Path, restore: bool) -> BackupError:
    text = err.read_text(encoding="utf-8", errors="replace").strip()
    password = make_url(url).password
    if password:
        text = text.replace(str(password), "***")
    return BackupError(
        f"{what} failed: {text or 'no message'}\n" + postgres_hint(url, str(file), restore=restore)
    )


def backup_postgres(url: str, dest: Path) -> int:
    """Dumps the database at ``url`` into ``dest`` (atomically); returns the file's size."""
    dest = Path(dest)
    exe = _need("pg_dump", url, dest, restore=False)
    args, env = _connection(url)
    dest.parent.mkdir(parents=True, exist_ok=True)
    hidden = dest.with_name(f".{dest.name}.dump-{os.getpid()}.tmp")
    with tempfile.NamedTemporaryFile(suffix=".err") as err:
        command = [exe, "--format=custom", "--no-password", *args]
        try:
            if dest.name.endswith(".zst"):
                command.insert(2, "--compress=0")
                with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, env=env) as proc:
                    assert proc.stdout is not None
                    archive.write_stream(
                        hidden, archive.ArchiveHeader("pgdump", 0, 0, ""), _chunks(proc.stdout)
                    )
                rc = proc.returncode
            else:
                rc = subprocess.run(
                    [*command, f"--file={hidden}"], stderr=err, env=env, check=False
                ).returncode
            if rc != 0:
                raise _failed("pg_dump", url, dest, Path(err.name), restore=False)
            os.replace(hidden, dest)
        finally:
            hidden.unlink(missing_ok=True)
    return dest.stat().st_size


def _chunks(stream: object) -> Iterator[bytes]:
    while chunk := stream.read(1 << 20):  # type: ignore[attr-defined]
        yield chunk


def _starts_with(path: Path, magic: bytes) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(magic)) == magic


def restore_postgres(url: str, source: Path) -> None:
    """Replaces the database's content by the dump ``source`` in one transaction (a failure changes
    nothing). A ``.zst`` backup is decompressed on the way into pg_restore."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} does not exist")
    compressed = archive.is_archive(source)
    if compressed and archive.read_header(source).kind != "pgdump":
        raise BackupError(f"{source} is a backup of an embedded SQLite database, not of PostgreSQL")
    if not compressed and not _starts_with(source, _CUSTOM_MAGIC):
        raise BackupError(f"{source} is not a pg_dump file (custom format): nothing was changed")
    exe = _need("pg_restore", url, source, restore=True)
    args, env = _connection(url)
    command = [exe, "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]
    command += ["--no-password", *args]
    with tempfile.NamedTemporaryFile(suffix=".err") as err:
        if compressed:
            with subprocess.Popen(command, stdin=subprocess.PIPE, stderr=err, env=env) as proc:
                assert proc.stdin is not None
                try:
                    archive.decompress_into(source, proc.stdin)
                except (BrokenPipeError, zstandard.ZstdError):
                    pass  # pg_restore stopped early: its exit code and message say why
                finally:
                    proc.stdin.close()
            rc = proc.returncode
        else:
            rc = subprocess.run([*command, str(source)], stderr=err, env=env, check=False).returncode
        if rc != 0:
            raise _failed("pg_restore (nothing was changed)", url, source, Path(err.name), restore=True)
