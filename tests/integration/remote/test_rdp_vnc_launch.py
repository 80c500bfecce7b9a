"""RDP (xfreerdp → xrdp, password on stdin) and VNC (vncviewer → Xtigervnc, password file), for real.

Proof of access comes from the servers' logs (TESTING.md): sesman's 'access granted'/'AUTHFAIL',
Xtigervnc's 'Connections: accepted'/'Authentication failure'.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from msp_console import secrets
from msp_console.remote.audit import list_sessions
from msp_console.remote.profiles import CredentialMode, ProfileSpec, Protocol
from msp_console.remote.sessions import SessionRunner
from msp_console.remote.store import ProfileStore
from tests.integration.remote.conftest import VNC_PASSWORD, Fleet
from tests.support.components import need_binary
from tests.support.keyring_session import KeyringSession
from tests.support.leaks import files_showing, processes_showing
from tests.support.sshd import TEST_PASSWORD, TEST_USER, SshServer
from tests.support.xservers import VncServer, XrdpServer, Xvfb


def _wait_for(predicate, timeout: float = 15.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def display(xvfb: Xvfb, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The tools run on a real X display; their per-user state (FreeRDP's certs) goes to a temp HOME."""
    monkeypatch.setenv("DISPLAY", xvfb.env_value)
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return xvfb.env_value


def _rdp_profile(fleet: Fleet, xrdp: XrdpServer) -> None:
    store = ProfileStore(fleet.db)
    spec = ProfileSpec("rdp", Protocol.RDP, port=xrdp.port, credential_mode=CredentialMode.CLIENT,
                       options={"cert": "ignore", "resolution": "800x600", "clipboard": True})  # fmt: skip
    store.add(fleet.machines["win"], spec)


def test_rdp_with_the_client_admin_password_fed_on_stdin(
    fleet: Fleet, xrdp: XrdpServer, display: str, gnome_keyring: KeyringSession, tmp_path: Path
) -> None:
    need_binary("xfreerdp", "freerdp2-x11")
    _rdp_profile(fleet, xrdp)
    store = ProfileStore(fleet.db)
    ref = store.save_credential(client_id=fleet.client_id, name="admin", user=TEST_USER, domain=None)
    secrets.set_secret(ref, TEST_PASSWORD)  # inherited by every machine of the client
    granted = xrdp.sesman_text().count("access granted")
    runner = SessionRunner(fleet.db, hostkeys=fleet.hostkeys, technician="marco")
    session = runner.start(fleet.machines["win"])
    try:
        assert session.tool == "FreeRDP 2 (xfreerdp)"
        assert _wait_for(lambda: xrdp.sesman_text().count("access granted") > granted), xrdp.sesman_text()[
            -2000:
        ]
        assert f"username {TEST_USER}" in xrdp.sesman_text()
        assert processes_showing(TEST_PASSWORD) == []
        assert files_showing(TEST_PASSWORD, tmp_path, xrdp.base) == []
        session.wait(30)  # the desktop session ends by itself (its window manager is `sleep 3`)
    finally:
        session.terminate()
        session.wait(10)
    (record,) = list_sessions(fleet.db)
    assert record.protocol == "rdp" and record.ended is not None and record.exit_code is not None
    assert files_showing(TEST_PASSWORD, fleet.db_file) == []


def test_rdp_wrong_password_is_refused_by_the_server(
    fleet: Fleet, xrdp: XrdpServer, display: str, tmp_path: Path
) -> None:
    need_binary("xfreerdp", "freerdp2-x11")
    _rdp_profile(fleet, xrdp)
    store = ProfileStore(fleet.db)
    store.save_credential(client_id=fleet.client_id, name="admin", user=TEST_USER, domain=None)
    fails = xrdp.sesman_text().count("AUTHFAIL")
    runner = SessionRunner(fleet.db, hostkeys=fleet.hostkeys, get_secret=lambda ref: "Wrong-Pass-1")
    session = runner.start(fleet.machines["win"])
    try:
        assert _wait_for(lambda: xrdp.sesman_text().count("AUTHFAIL") > fails), xrdp.sesman_text()[-2000:]
        assert processes_showing("Wrong-Pass-1") == []
    finally:
        session.terminate()
        session.wait(10)


def _vnc_profile(fleet: Fleet, vnc: VncServer) -> str:
    store = ProfileStore(fleet.db)
    store.add(fleet.machines["vnc-pc"], ProfileSpec("vnc", Protocol.VNC, port=vnc.port,
                                                     credential_mode=CredentialMode.PROFILE))  # fmt: skip
    return store.use_own_secret(fleet.machines["vnc-pc"], "vnc", None)[0]


def test_vnc_with_a_password_file_removed_after_connect(
    fleet: Fleet, vnc_server: VncServer, display: str, gnome_keyring: KeyringSession, tmp_path: Path
) -> None:
    need_binary("vncviewer", "tigervnc-viewer")
    secrets.set_secret(_vnc_profile(fleet, vnc_server), VNC_PASSWORD)
    accepted = vnc_server.log_text().count("Connections: accepted")
    runner = SessionRunner(fleet.db, hostkeys=fleet.hostkeys, secret_grace=1.0)
    session = runner.start(fleet.machines["vnc-pc"])
    try:
        pw_file = session.workdir / "vnc-passwd"
        assert _wait_for(lambda: vnc_server.log_text().count("Connections: accepted") > accepted), (
            vnc_server.log_text()[-2000:]
        )
        assert processes_showing(VNC_PASSWORD) == []
        assert files_showing(VNC_PASSWORD, tmp_path, session.workdir) == []  # vncpasswd's file is obfuscated
        assert _wait_for(lambda: not pw_file.exists(), 5)  # removed once connected
        assert session.workdir.stat().st_mode & 0o077 == 0
    finally:
        session.terminate()
        session.wait(10)
    assert not session.workdir.exists()
    (record,) = list_sessions(fleet.db)
    assert record.protocol == "vnc" and record.ended is not None


def test_vnc_wrong_password_is_refused(fleet: Fleet, vnc_server: VncServer, display: str) -> None:
    need_binary("vncviewer", "tigervnc-viewer")
    _vnc_profile(fleet, vnc_server)
    failures = vnc_server.log_text().count("Authentication failure")
    runner = SessionRunner(fleet.db, hostkeys=fleet.hostkeys, get_secret=lambda ref: "nopenope")
    session = runner.start(fleet.machines["vnc-pc"])
    try:
        assert _wait_for(lambda: vnc_server.log_text().count("Authentication failure") > failures), (
            vnc_server.log_text()[-2000:]
        )
    finally:
        session.terminate()
        session.wait(10)


def test_vnc_prompt_every_time_uses_the_typed_password_and_stores_nothing(
    fleet: Fleet, vnc_server: VncServer, display: str, tmp_path: Path
) -> None:
    need_binary("vncviewer", "tigervnc-viewer")
    store = ProfileStore(fleet.db)
    store.add(fleet.machines["vnc-pc"], ProfileSpec("vnc", Protocol.VNC, port=vnc_server.port,
                                                     credential_mode=CredentialMode.PROMPT))  # fmt: skip
    accepted = vnc_server.log_text().count("Connections: accepted")
    runner = SessionRunner(
        fleet.db, hostkeys=fleet.hostkeys, get_secret=lambda ref: pytest.fail("no keyring read")
    )
    session = runner.start(fleet.machines["vnc-pc"], password=VNC_PASSWORD)  # what the GUI's dialog returns
    try:
        assert _wait_for(lambda: vnc_server.log_text().count("Connections: accepted") > accepted)
        assert processes_showing(VNC_PASSWORD) == []
    finally:
        session.terminate()
        session.wait(10)
    assert files_showing(VNC_PASSWORD, fleet.db_file, tmp_path) == []


def test_rdp_through_a_tunnel_closes_it_when_the_session_ends(
    fleet: Fleet,
    xrdp: XrdpServer,
    loopback_sshd: SshServer,
    remote_client_key: Path,
    display: str,
    tmp_path: Path,
) -> None:
    need_binary("xfreerdp", "freerdp2-x11")
    store = ProfileStore(fleet.db)
    gw = fleet.machines["vnc-pc"]  # a Linux box of the client on 127.0.0.1, used as the gateway
    store.add(gw, ProfileSpec("ssh", Protocol.SSH, port=loopback_sshd.port, user=TEST_USER,
                              options={"key_file": str(remote_client_key)}))  # fmt: skip
    mode = CredentialMode.PROFILE
    rdp = ProfileSpec("rdp", Protocol.RDP, port=xrdp.port, user=TEST_USER, credential_mode=mode,
                      jump_machine_id=gw, options={"cert": "ignore"})  # fmt: skip
    store.add(fleet.machines["win"], rdp)
    fleet.hostkeys.trust("127.0.0.1", loopback_sshd.port, loopback_sshd.fingerprint)
    granted = xrdp.sesman_text().count("access granted")
    runner = SessionRunner(fleet.db, hostkeys=fleet.hostkeys, get_secret=lambda ref: TEST_PASSWORD)
    session = runner.start(fleet.machines["win"])
    try:
        assert session.tunnel is not None and session.tunnel.is_open
        assert _wait_for(lambda: xrdp.sesman_text().count("access granted") > granted), xrdp.sesman_text()[
            -2000:
        ]
        assert "direct-tcpip" in loopback_sshd.log_text()  # the connection went through the gateway
        assert processes_showing(TEST_PASSWORD) == []
        session.wait(30)
    finally:
        session.terminate()
        session.wait(10)
    assert not session.tunnel.is_open
    (record,) = list_sessions(fleet.db)
    assert (
        record.tunnel.startswith("127.0.0.1:")
        and f"via {TEST_USER}@127.0.0.1:{loopback_sshd.port}" in record.tunnel
    )
