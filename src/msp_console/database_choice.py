"""Which database this PC opens by default: the embedded SQLite file or a team PostgreSQL.

Chosen in the first-run wizard (or Settings) and kept in <data dir>/database.json, so the window,
the CLI and the poller agree. The file holds the URL *without* its password; the password lives in
the OS keyring under :data:`PASSWORD_REF`. ``--database`` and ``$MSP_CONSOLE_DATABASE_URL`` still win.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from msp_console import secrets
from msp_console.fileio import atomic_write_bytes
from msp_console.settings import data_dir

CONFIG_FILE = "database.json"
PASSWORD_REF = "database:team"


@dataclass(frozen=True)
class DatabaseChoice:
    kind: str = "sqlite"  # "sqlite" (embedded) or "postgresql" (team)
    url: str = ""  # PostgreSQL URL without the password
    password_ref: str = ""  # the keyring reference holding the password, if any


@dataclass(frozen=True)
class ConnectionProblem:
    """Why a connection failed, sorted so the GUI can say it in the user's language."""

    kind: str  # password | database | refused | host | timeout | url | other
    detail: str  # the server's own words (one line), or the parser's
    user: str = ""
    database: str = ""
    where: str = ""  # host:port


def config_path() -> Path:
    return data_dir() / CONFIG_FILE


def load_choice() -> DatabaseChoice | None:
    path = config_path()
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return DatabaseChoice(**{k: str(v) for k, v in raw.items() if k in DatabaseChoice.__dataclass_fields__})


def _save(choice: DatabaseChoice) -> DatabaseChoice:
    atomic_write_bytes(config_path(), json.dumps(asdict(choice), indent=2).encode("utf-8"))
    return choice


def use_embedded() -> DatabaseChoice:
    """The embedded SQLite file in the data folder (nothing to install)."""
    previous = load_choice()
    if previous is not None and previous.password_ref:
        with contextlib.suppress(secrets.KeyringUnavailableError):  # nothing usable to clean
            secrets.delete_secret(previous.password_ref)
    return _save(DatabaseChoice("sqlite"))


def parse_team_url(raw: str) -> URL:
    """A PostgreSQL URL (postgresql://user:password@host:port/db); psycopg is the driver."""
    try:
        url = make_url(raw.strip())
    except Exception as exc:
        raise ValueError(f"not a database URL: {exc}") from None
    if url.get_backend_name() != "postgresql":
        raise ValueError("a team database is a PostgreSQL URL: postgresql://user@host:5432/database")
    if not url.host or not url.database:
        raise ValueError("the URL needs a host and a database name: postgresql://user@host:5432/database")
    return url.set(drivername="postgresql+psycopg")


def save_team_database(raw_url: str) -> DatabaseChoice:
    """Stores the URL without its password; the password goes to the OS keyring."""
    url = parse_team_url(raw_url)
    ref = ""
    if url.password:
        ref = PASSWORD_REF
        secrets.set_secret(ref, str(url.password))
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)
    return _save(DatabaseChoice("postgresql", bare.render_as_string(hide_password=False), ref))


def configured_url() -> str | None:
    """The full URL of the chosen team database (password from the keyring), or None for the default."""
    choice = load_choice()
    if choice is None or choice.kind != "postgresql" or not choice.url:
        return None
    url = make_url(choice.url)
    if choice.password_ref:
        try:
            password = secrets.get_secret(choice.password_ref)
        except secrets.KeyringUnavailableError as exc:
            raise secrets.KeyringUnavailableError(
                f"the team database's password is kept in the OS keyring, which cannot be read: {exc}"
            ) from None
        if password:
            url = url.set(password=password)
    return url.render_as_string(hide_password=False)


def describe_url(raw: str) -> str:
    """The URL with its password hidden, for labels and logs."""
    try:
        return make_url(raw).render_as_string(hide_password=True)
    except Exception:
        return re.sub(r":[^:@/]*@", ":***@", raw)


def check_connection(raw_url: str, timeout: int = 5) -> ConnectionProblem | None:
    """Connects once and runs SELECT 1; None when it works. Blocks: call it off the GUI thread."""
    try:
        url = parse_team_url(raw_url)
    except ValueError as exc:
        return ConnectionProblem("url", str(exc))
    engine = create_engine(url, connect_args={"connect_timeout": timeout}, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        return classify(exc, url)
    finally:
        engine.dispose()
    return None


def classify(exc: Exception, url: URL) -> ConnectionProblem:
    message = str(getattr(exc, "orig", None) or exc)
    fatal = re.findall(r"FATAL:\s*(.+)", message)
    detail = (
        fatal[-1] if fatal else message.strip().splitlines()[0] if message.strip() else repr(exc)
    ).strip()
    where = f"{url.host}:{url.port or 5432}"
    lowered = message.lower()
    kind = "other"
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        kind = "password"
    elif "database" in lowered and "does not exist" in lowered:
        kind = "database"
    elif "connection refused" in lowered:
        kind = "refused"
    elif "could not translate host name" in lowered or "name or service not known" in lowered:
        kind = "host"
    elif "timeout" in lowered or "timed out" in lowered:
        kind = "timeout"
    return ConnectionProblem(kind, detail, url.username or "", url.database or "", where)
