"""Real components for the backup-API checks and onboarding: a keyring, a loopback sshd, HTTPS
replay servers. Each is stopped by PID (or shut down) by the fixture that started it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from msp_console.db.migrate import upgrade
from msp_console.monitoring.model import CheckSpec
from msp_console.services.database import Database
from msp_console.services.inventory import Inventory
from tests.integration.backup_apis.replay import ReplayServer
from tests.support.keyring_session import KeyringSession, keyring_in_environment


@pytest.fixture(scope="module")
def gnome_keyring() -> Iterator[KeyringSession]:
    with keyring_in_environment() as session:
        yield session


@pytest.fixture(scope="session")
def component_dir() -> Iterator[Path]:
    """Outside pytest's root-only tmp dir, so sshd's user and children can read what they need."""
    base = Path(tempfile.mkdtemp(prefix="msp-backupapis-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


@dataclass
class Office:
    db: Database
    db_file: Path
    machines: dict[str, int]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    """Client 'Studio Rossi' with a Windows server and a Linux NAS."""
    db_file = tmp_path / "office.sqlite3"
    db = Database(f"sqlite:///{db_file}")
    upgrade(db.engine)
    inv = Inventory(db)
    cid = inv.save_client({"name": "Studio Rossi"})
    machines = {
        name: inv.save_machine(cid, {"name": name, "kind": kind, "os": os_name, "address": address})
        for name, kind, os_name, address in [
            ("srv-win", "server", "windows", "192.0.2.20"),
            ("nas", "nas", "linux", "127.0.0.1"),
        ]
    }
    yield Office(db, db_file, machines)
    db.dispose()


@dataclass
class Appliance:
    """A replay server with a certificate made in the test, and the pins that do and do not match."""

    server: ReplayServer
    pin: str
    wrong_pin: str
    ca_file: Path


@pytest.fixture(scope="module")
def appliance(component_dir: Path) -> Iterator[Appliance]:
    import hashlib

    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from tests.support.tls_server import CertificateAuthority

    ca = CertificateAuthority(component_dir / f"ca-{id(component_dir)}-{os.getpid()}")
    cert = ca.issue("appliance", ["localhost", "127.0.0.1"], days=300)
    der = x509.load_pem_x509_certificate(cert[0].read_bytes()).public_bytes(serialization.Encoding.DER)
    digest = hashlib.sha256(der).hexdigest()
    pin = ":".join(digest[i : i + 2] for i in range(0, 64, 2)).upper()  # as PBS shows it
    server = ReplayServer(cert).start()
    yield Appliance(server, pin, "ab" * 32, ca.ca_file)
    server.stop()


def spec_for(kind: str, port: int, params: dict[str, str], warn: str = "", crit: str = "") -> CheckSpec:
    from msp_console.monitoring.model import CheckType

    return CheckSpec(
        check_id=7,
        machine_id=3,
        type=CheckType(kind),
        host="127.0.0.1",
        params={"url": f"https://127.0.0.1:{port}", **params},
        warn=warn,
        crit=crit,
        timeout=10.0,
    )
