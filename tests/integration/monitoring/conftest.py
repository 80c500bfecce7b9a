"""Real components for the check tests: sshd (loopback and in namespaces), snmpd, TLS servers, keyring.

Session-scoped so the whole check suite starts each component once; every one is stopped by PID.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from msp_console.monitoring.checks import CheckContext, SshPolicy
from msp_console.monitoring.hostkeys import HostKeyStore
from msp_console.services.database import Database
from tests.support.components import need_binary
from tests.support.netns import NetLab
from tests.support.snmpd import SnmpServer
from tests.support.sshd import TEST_PASSWORD, TEST_USER, SshServer, client_key, start_sshd
from tests.support.tls_server import CertificateAuthority, WebServer, serve


@pytest.fixture(scope="session")
def component_dir() -> Iterator[Path]:
    """Outside pytest's root-only tmp dir, so sshd's user and children can read what they need."""
    base = Path(tempfile.mkdtemp(prefix="msp-checks-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def ssh_client_key(component_dir: Path) -> Path:
    need_binary("/usr/sbin/sshd", "openssh-server")
    return client_key(component_dir / "client")


@pytest.fixture(scope="session")
def sshd(component_dir: Path, ssh_client_key: Path) -> Iterator[SshServer]:
    server = start_sshd(component_dir / "sshd")
    yield server
    server.stop()


def make_store(path: Path) -> HostKeyStore:
    from msp_console.db.migrate import upgrade

    db = Database(f"sqlite:///{path}")
    upgrade(db.engine)
    return HostKeyStore(db)


@pytest.fixture
def hostkeys(tmp_path: Path) -> HostKeyStore:
    return make_store(tmp_path / "hostkeys.sqlite3")


@dataclass
class Secrets:
    """An in-memory getter standing in for the keyring where the keyring is not under test."""

    values: dict[str, str]
    asked: list[str]

    def __call__(self, ref: str) -> str | None:
        self.asked.append(ref)
        return self.values.get(ref)


@pytest.fixture
def secrets_getter() -> Secrets:
    return Secrets({"machine:1:ssh": TEST_PASSWORD}, [])


@pytest.fixture
def key_ctx(hostkeys: HostKeyStore, ssh_client_key: Path, secrets_getter: Secrets) -> CheckContext:
    """Key-file auth as msptest, with the store given to the test (trust what you need)."""
    return CheckContext(
        hostkeys=hostkeys,
        get_secret=secrets_getter,
        ssh=SshPolicy(user=TEST_USER, key_file=str(ssh_client_key), use_agent=False),
    )


@pytest.fixture(scope="session")
def snmpd(component_dir: Path) -> Iterator[SnmpServer]:
    server = SnmpServer(component_dir / "snmpd").start()
    yield server
    server.stop()


@dataclass
class TlsSites:
    ca_file: Path
    valid: WebServer
    expiring: WebServer
    wrong_name: WebServer
    plain: WebServer


@pytest.fixture(scope="session")
def tls_sites(component_dir: Path) -> Iterator[TlsSites]:
    ca = CertificateAuthority(component_dir / "tls")
    sites = TlsSites(
        ca.ca_file,
        serve(ca.issue("valid", ["localhost", "127.0.0.1"], days=200)),
        serve(ca.issue("expiring", ["localhost", "127.0.0.1"], days=5)),
        serve(ca.issue("wrong", ["www.example.invalid"], days=200)),
        serve(None),
    )
    yield sites
    for s in (sites.valid, sites.expiring, sites.wrong_name, sites.plain):
        s.stop()


@dataclass
class Lab:
    net: NetLab
    servers: list[SshServer]


@pytest.fixture(scope="session")
def netlab(component_dir: Path, ssh_client_key: Path) -> Iterator[Lab]:
    """Three client machines (namespaces) each running its own sshd on port 22."""
    need_binary("ip", "iproute2")
    net = NetLab().up(3)
    servers: list[SshServer] = []
    try:
        for ns in net.namespaces:
            servers.append(start_sshd(component_dir / ns.name, host=ns.address, port=22, netns=ns.name))
        yield Lab(net, servers)
    finally:
        for s in servers:
            s.stop()
        net.down()
