"""Real components for the remote-session tests: a jump host and a target as namespaces, a keyring.

The target's sshd drops everything coming straight from the host (10.200.9.1): it is reachable only
through the jump host, like a server behind a client's gateway.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from msp_console.db.migrate import upgrade
from msp_console.monitoring.hostkeys import HostKeyStore
from msp_console.services.database import Database
from msp_console.services.inventory import Inventory
from tests.support.components import need_binary
from tests.support.keyring_session import KeyringSession, keyring_in_environment
from tests.support.netns import NetLab
from tests.support.sshd import SshServer, client_key, start_sshd
from tests.support.xservers import VncServer, XrdpServer, Xvfb


@pytest.fixture(scope="session")
def remote_dir() -> Iterator[Path]:
    base = Path(tempfile.mkdtemp(prefix="msp-remote-tests-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def remote_client_key(remote_dir: Path) -> Path:
    need_binary("/usr/sbin/sshd", "openssh-server")
    return client_key(remote_dir / "client")


@dataclass
class JumpLab:
    net: NetLab
    jump: SshServer
    target: SshServer


@pytest.fixture(scope="session")
def jump_lab(remote_dir: Path, remote_client_key: Path) -> Iterator[JumpLab]:
    need_binary("ip", "iproute2")
    need_binary("iptables", "iptables")
    net = NetLab(bridge="br-msprem", prefix="10.200.9").up(2, tag="msprem")
    servers: list[SshServer] = []
    try:
        for ns in net.namespaces:
            servers.append(start_sshd(remote_dir / ns.name, host=ns.address, port=22, netns=ns.name))
        net.namespaces[1].run("iptables", "-A", "INPUT", "-s", f"{net.prefix}.1", "-j", "DROP")
        yield JumpLab(net, servers[0], servers[1])
    finally:
        for s in servers:
            s.stop()
        net.down("msprem")


@pytest.fixture(scope="module")
def gnome_keyring() -> Iterator[KeyringSession]:
    with keyring_in_environment() as session:
        yield session


@dataclass
class Fleet:
    db: Database
    db_file: Path
    client_id: int
    machines: dict[str, int]
    hostkeys: HostKeyStore


@pytest.fixture
def fleet(tmp_path: Path) -> Iterator[Fleet]:
    """Client 'Lab' with gw (the gateway), srv (behind it), win (Windows), vnc-pc and rdp-srv."""
    db_file = tmp_path / "remote.sqlite3"
    db = Database(f"sqlite:///{db_file}")
    upgrade(db.engine)
    inv = Inventory(db)
    cid = inv.save_client({"name": "Lab"})
    machines = {
        name: inv.save_machine(cid, {"name": name, "kind": kind, "os": os_name, "address": address})
        for name, kind, os_name, address in [
            ("gw", "firewall", "linux", "10.200.9.11"),
            ("srv", "server", "linux", "10.200.9.12"),
            ("nowhere", "firewall", "linux", "10.200.9.99"),
            ("win", "server", "windows", "127.0.0.1"),
            ("vnc-pc", "workstation", "linux", "127.0.0.1"),
        ]
    }
    yield Fleet(db, db_file, cid, machines, HostKeyStore(db, cache_seconds=0))
    db.dispose()


@pytest.fixture(scope="session")
def xvfb() -> Iterator[Xvfb]:
    server = Xvfb().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def xrdp(remote_dir: Path, remote_client_key: Path) -> Iterator[XrdpServer]:
    """One xrdp + sesman for the whole run: sesman always binds [::1]:3350."""
    server = XrdpServer(remote_dir / "xrdp").start()
    yield server
    server.stop()


VNC_PASSWORD = "Vnc9pass"  # VNC passwords are 8 characters at most


@pytest.fixture(scope="session")
def vnc_server(remote_dir: Path) -> Iterator[VncServer]:
    server = VncServer(remote_dir / "vnc", VNC_PASSWORD).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def loopback_sshd(remote_dir: Path, remote_client_key: Path) -> Iterator[SshServer]:
    """A gateway on loopback, to tunnel to servers that listen on loopback too (xrdp)."""
    server = start_sshd(remote_dir / "loopback-sshd")
    yield server
    server.stop()
