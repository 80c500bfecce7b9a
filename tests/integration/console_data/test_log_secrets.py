"""A whole session that uses every kind of credential leaves no secret in the log files.

Real components: gnome-keyring (the secrets), sshd (password and passphrase-protected key), snmpd (v3
auth and privacy keys), Radicale (CalDAV password), a remote-session profile password, PostgreSQL
(password in the database URL).
Logging runs at DEBUG, so paramiko, pysnmp, caldav and alembic chatter is all in the file.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import paramiko
import pytest

from msp_console import secrets
from msp_console.calendar.caldav_sync import secret_ref
from msp_console.cli import main
from msp_console.domain.health import HealthState
from msp_console.logs import log_files, setup_logging
from msp_console.monitoring.checks import CheckContext, SshPolicy, run_check
from msp_console.monitoring.hostkeys import HostKeyStore
from msp_console.monitoring.model import CheckSpec, CheckType
from msp_console.redaction import MASK
from msp_console.services.database import Database
from tests.support.components import need_binary
from tests.support.keyring_session import KeyringSession, keyring_in_environment
from tests.support.postgres import PostgresServer
from tests.support.radicale import RadicaleServer, start_radicale
from tests.support.snmpd import V3_AUTH, V3_PRIV, V3_USER, SnmpServer
from tests.support.sshd import TEST_PASSWORD, TEST_USER, SshServer, ensure_test_user, start_sshd

PASSPHRASE = "Key-Passphrase-456"
RDP_PASSWORD = "Rdp-Admin-Pass-321"


@pytest.fixture(scope="module")
def lab() -> Iterator[Path]:
    base = Path(tempfile.mkdtemp(prefix="msp-logscan-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def gnome_keyring() -> Iterator[KeyringSession]:
    with keyring_in_environment() as session:
        yield session


@pytest.fixture(scope="module")
def sshd(lab: Path) -> Iterator[SshServer]:
    need_binary("/usr/sbin/sshd", "openssh-server")
    server = start_sshd(lab / "sshd")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def encrypted_key(lab: Path) -> Path:
    key = lab / "client" / "id_ed25519_locked"
    key.parent.mkdir(parents=True, exist_ok=True)
    need_binary("ssh-keygen", "openssh-client")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", PASSPHRASE, "-f", str(key)], check=True)
    ensure_test_user(Path(f"{key}.pub"))
    return key


@pytest.fixture(scope="module")
def snmpd(lab: Path) -> Iterator[SnmpServer]:
    server = SnmpServer(lab / "snmpd").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def radicale(lab: Path) -> Iterator[RadicaleServer]:
    server = start_radicale(lab / "radicale")
    yield server
    server.stop()


# The check reads this very machine: its load (8 per core beside stress-ng), memory and disks are
# not what this test is about, only that the check logged in and ran.
_NEVER = "load=10000,mem=101,disk=101"


def _ssh(sshd: SshServer, ctx: CheckContext, ref: str, **params: str) -> HealthState:
    spec = CheckSpec(
        1,
        12,
        CheckType.SSH,
        sshd.host,
        {"port": str(sshd.port), "updates": "no", **params},
        warn=_NEVER,
        crit=_NEVER,
        credential_ref=ref,
    )
    out = run_check(spec, ctx)
    assert out.state in (HealthState.OK, HealthState.WARNING), out.output
    return out.state


def test_a_session_with_every_credential_leaves_no_secret_in_the_logs(
    gnome_keyring: KeyringSession,
    sshd: SshServer,
    encrypted_key: Path,
    snmpd: SnmpServer,
    radicale: RadicaleServer,
    postgres_server: PostgresServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    setup_logging(verbose=True)
    log = logging.getLogger("msp_console.test_session")
    pg_url = postgres_server.create_database(f"msp_logscan_{os.getpid()}")
    wrong_pg_url = pg_url.replace(postgres_server.password, "Wrong-PG-Pass-789")

    # SSH: a password, then a key whose passphrase is in the keyring.
    secrets.set_secret("machine:12:ssh", TEST_PASSWORD)
    secrets.set_secret("machine:13:ssh:passphrase", PASSPHRASE)
    db = Database(f"sqlite:///{tmp_path / 'hostkeys.sqlite3'}")
    from msp_console.db.migrate import upgrade

    upgrade(db.engine)
    hostkeys = HostKeyStore(db)
    hostkeys.trust(sshd.host, sshd.port, sshd.fingerprint)
    _ssh(
        sshd,
        CheckContext(hostkeys=hostkeys, ssh=SshPolicy(user=TEST_USER, use_agent=False)),
        "machine:12:ssh",
    )
    key_ctx = CheckContext(
        hostkeys=hostkeys, ssh=SshPolicy(user=TEST_USER, key_file=str(encrypted_key), use_agent=False)
    )
    # The check runs with the key (its result is the monitoring tests' business: with paramiko's
    # from_path an encrypted key raises TypeError, see the report); the passphrase is read and used here.
    spec = CheckSpec(
        2,
        13,
        CheckType.SSH,
        sshd.host,
        {"port": str(sshd.port), "updates": "no"},
        credential_ref="machine:13:ssh",
    )
    run_check(spec, key_ctx)
    passphrase = secrets.get_secret("machine:13:ssh:passphrase")
    assert passphrase == PASSPHRASE
    paramiko.PKey.from_path(encrypted_key, passphrase=passphrase.encode())

    # SNMP v3: authentication and privacy keys.
    secrets.set_secret("machine:14:snmp", V3_AUTH)
    secrets.set_secret("machine:14:snmp:priv", V3_PRIV)
    spec = CheckSpec(
        7,
        14,
        CheckType.SNMP,
        "127.0.0.1",
        {"port": str(snmpd.port), "user": V3_USER},
        timeout=3.0,
        credential_ref="machine:14:snmp",
    )
    out = run_check(spec, CheckContext())
    assert out.state is HealthState.OK, out.output

    # CalDAV: the password from the keyring, through the CLI.
    sqlite_db = ["--database", f"sqlite:///{tmp_path / 'console.sqlite3'}"]
    secrets.set_secret(secret_ref(radicale.user), radicale.password)
    assert (
        main(
            [
                *sqlite_db,
                "caldav",
                "sync",
                "--url",
                radicale.url,
                "--user",
                radicale.user,
                "--calendar",
                "logscan",
            ]
        )
        == 0
    )

    # Remote session: an RDP profile's password typed into `secrets set`, then the launch plan.
    from msp_console.app import App

    console = App.open(sqlite_db[1])
    cid = console.inventory.save_client({"name": "Studio Rossi"})
    console.inventory.save_machine(cid, {"name": "srv", "kind": "server", "address": "127.0.0.1"})
    console.close()
    profile = [
        "profiles",
        "add",
        "Studio Rossi/srv",
        "rdp",
        "rdp",
        "--user",
        "admin",
        "--credential",
        "profile",
    ]
    assert main([*sqlite_db, *profile]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(RDP_PASSWORD + "\n"))
    assert main([*sqlite_db, "secrets", "set", "Studio Rossi/srv"]) == 0
    assert main([*sqlite_db, "connect", "Studio Rossi/srv", "--dry-run"]) == 0

    # PostgreSQL: the password is in the URL (right, then wrong).
    assert main(["--database", pg_url, "tree"]) == 0
    assert main(["--database", wrong_pg_url, "tree"]) == 3
    capsys.readouterr()

    # Careless code: secrets in messages, arguments, URLs and tracebacks.
    log.info("connecting with password=%s", TEST_PASSWORD)
    log.debug("snmp keys %s / %s for %s", V3_AUTH, V3_PRIV, V3_USER)
    log.warning("database at %s", pg_url)
    log.info("unlocking key with passphrase: '%s'", PASSPHRASE)
    try:
        raise RuntimeError(f"CalDAV refused {radicale.user}:{radicale.password}")
    except RuntimeError:
        log.exception("sync failed")
    log.info("url with an unregistered password https://bob:Never-Registered-1@dav.example.invalid/x")

    for handler in logging.getLogger().handlers:
        handler.flush()
    files = log_files()
    assert files, "the session must have written a log file"
    text = "".join(p.read_text(encoding="utf-8") for p in files)
    assert "paramiko" in text and "Traceback" in text and MASK in text  # the log is really there
    leaked = [
        s
        for s in (
            TEST_PASSWORD,
            PASSPHRASE,
            RDP_PASSWORD,
            V3_AUTH,
            V3_PRIV,
            radicale.password,
            postgres_server.password,
            "Wrong-PG-Pass-789",
            "Never-Registered-1",
        )
        if s in text
    ]
    assert leaked == [], f"secrets found in {files}"
