"""SSH: the real `ssh` client in tmux, through the paramiko tunnel of a jump host, to a target only
reachable that way; the password comes from a real gnome-keyring and never shows anywhere."""

from __future__ import annotations

import subprocess
import time
import uuid
from pathlib import Path

import pytest

from msp_console import secrets
from msp_console.remote.audit import list_sessions
from msp_console.remote.profiles import CredentialMode, ProfileSpec, Protocol
from msp_console.remote.sessions import LaunchError, SessionRunner
from msp_console.remote.store import ProfileStore
from msp_console.remote.tunnel import TunnelError
from msp_console.services.interventions import Interventions
from tests.integration.remote.conftest import Fleet, JumpLab
from tests.support.components import need_binary
from tests.support.deadlines import assert_ended_by_its_timeout
from tests.support.keyring_session import KeyringSession
from tests.support.leaks import files_showing, processes_showing
from tests.support.sshd import TEST_PASSWORD, TEST_USER


def _profiles(fleet: Fleet, key: Path) -> ProfileStore:
    store = ProfileStore(fleet.db)
    m = fleet.machines
    store.add(m["gw"], ProfileSpec("ssh", Protocol.SSH, user=TEST_USER, options={"key_file": str(key)}))
    store.add(
        m["srv"],
        ProfileSpec(
            "ssh",
            Protocol.SSH,
            user=TEST_USER,
            credential_mode=CredentialMode.PROFILE,
            jump_machine_id=m["gw"],
        ),
    )
    return store


def _wait_for(predicate, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_ssh_through_jump_host_runs_a_command_on_the_far_side(
    jump_lab: JumpLab, fleet: Fleet, remote_client_key: Path, gnome_keyring: KeyringSession, tmp_path: Path
) -> None:
    need_binary("tmux", "tmux")
    need_binary("ssh", "openssh-client")
    store = _profiles(fleet, remote_client_key)
    ref, _ = store.use_own_secret(fleet.machines["srv"], "ssh", None)
    secrets.set_secret(ref, TEST_PASSWORD)  # the real Secret Service
    fleet.hostkeys.trust(jump_lab.jump.host, 22, jump_lab.jump.fingerprint)
    fleet.hostkeys.trust(jump_lab.target.host, 22, jump_lab.target.fingerprint)  # the REAL target's key
    iid = Interventions(fleet.db).open(fleet.client_id, "srv slow", machine_ids=[fleet.machines["srv"]])
    marker = Path(f"/home/{TEST_USER}/remote-ok-{uuid.uuid4().hex}")
    before = jump_lab.target.log_text().count("Accepted password")

    runner = SessionRunner(fleet.db, hostkeys=fleet.hostkeys, terminal="tmux", technician="marco")
    session = runner.start(fleet.machines["srv"])
    try:
        assert session.tunnel is not None and session.tunnel.is_open
        assert _wait_for(lambda: jump_lab.target.log_text().count("Accepted password") > before), (
            jump_lab.target.log_text()[-3000:]
        )
        # the target saw the login coming from the jump host, not from us (we are dropped there)
        assert f"Accepted password for {TEST_USER} from {jump_lab.jump.host}" in jump_lab.target.log_text()
        # leak test while the session runs: no argv/environ of any process, no file, not the DB
        assert processes_showing(TEST_PASSWORD) == []
        assert files_showing(TEST_PASSWORD, tmp_path, session.workdir, jump_lab.target.log) == []
        assert not (session.workdir / "ssh-pass").exists()  # the askpass helper deleted it after use
        subprocess.run(
            ["tmux", "send-keys", "-t", session.name, f"touch {marker}; exit", "Enter"], check=True
        )
        assert session.wait(15) == 0
    finally:
        session.terminate()
        subprocess.run(["tmux", "kill-session", "-t", session.name], capture_output=True)
    assert marker.exists() and marker.owner() == TEST_USER
    marker.unlink()
    assert not session.tunnel.is_open  # closed with the session
    assert not session.workdir.exists()
    (record,) = list_sessions(fleet.db)
    assert (record.protocol, record.profile, record.technician, record.exit_code) == (
        "ssh",
        "ssh",
        "marco",
        0,
    )
    assert record.intervention_id == iid and record.ended is not None and "10.200.9.11" in record.tunnel
    assert files_showing(TEST_PASSWORD, fleet.db_file) == []


def test_changed_jump_host_key_is_refused_before_any_credential(
    jump_lab: JumpLab, fleet: Fleet, remote_client_key: Path
) -> None:
    _profiles(fleet, remote_client_key)
    fleet.hostkeys.trust(jump_lab.jump.host, 22, "SHA256:" + "A" * 43)  # what we trusted earlier
    attempts = jump_lab.jump.log_text().count("userauth-request")
    runner = SessionRunner(fleet.db, hostkeys=fleet.hostkeys, terminal="tmux", get_secret=lambda ref: "x")
    with pytest.raises(TunnelError, match="host key changed"):
        runner.start(fleet.machines["srv"])
    time.sleep(0.2)
    assert jump_lab.jump.log_text().count("userauth-request") == attempts  # nothing was sent
    assert list_sessions(fleet.db) == []


def test_unknown_target_key_is_refused_even_through_a_trusted_tunnel(
    jump_lab: JumpLab, fleet: Fleet, remote_client_key: Path
) -> None:
    _profiles(fleet, remote_client_key)
    fleet.hostkeys.trust(jump_lab.jump.host, 22, jump_lab.jump.fingerprint)
    # the tunnel endpoint (127.0.0.1:port) must not stand in for the target: nothing is trusted for it
    runner = SessionRunner(fleet.db, hostkeys=fleet.hostkeys, terminal="tmux", get_secret=lambda ref: "x")
    with pytest.raises(LaunchError, match="not yet trusted"):
        runner.start(fleet.machines["srv"])
    assert not [k for k in fleet.hostkeys.list() if k.host == "127.0.0.1"]


def test_unreachable_gateway_fails_fast_and_clearly(
    fleet: Fleet, jump_lab: JumpLab, remote_client_key: Path
) -> None:
    store = ProfileStore(fleet.db)
    m = fleet.machines
    store.add(m["nowhere"], ProfileSpec("ssh", Protocol.SSH, user=TEST_USER))
    store.add(m["srv"], ProfileSpec("ssh", Protocol.SSH, user=TEST_USER, jump_machine_id=m["nowhere"]))
    runner = SessionRunner(fleet.db, hostkeys=fleet.hostkeys, terminal="tmux", timeout=1.5)
    started = time.monotonic()
    with pytest.raises(TunnelError, match=r"cannot reach the jump host .*10\.200\.9\.99"):
        runner.start(m["srv"])
    assert_ended_by_its_timeout((time.monotonic() - started) * 1000, 1.5, "unreachable jump host")
