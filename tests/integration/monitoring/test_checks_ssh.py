"""ssh, plugin and backup_age checks against real sshd: loopback and namespaces playing client machines."""

from __future__ import annotations

import math
import os
import subprocess
import time
from pathlib import Path

import pytest

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, SshPolicy, run_check
from msp_console.monitoring.hostkeys import HostKeyStore
from msp_console.monitoring.model import CheckOutcome, CheckSpec, CheckType
from tests.integration.monitoring.conftest import Lab, Secrets
from tests.support.deadlines import assert_ended_by_its_timeout
from tests.support.sshd import TEST_USER, SshServer, start_sshd


def ssh_spec(
    server: SshServer,
    kind: CheckType = CheckType.SSH,
    timeout: float = 5.0,
    warn: str = "",
    crit: str = "",
    credential_ref: str = "",
    **params: str,
) -> CheckSpec:
    params = {"port": str(server.port), **params}
    if kind is CheckType.SSH:
        params.setdefault("updates", "no")
        # This machine's load is whatever the other test processes make it: judge it only on purpose.
        warn = warn if "load" in warn else ",".join(filter(None, [warn, "load=10000"]))
        crit = crit if "load" in crit else ",".join(filter(None, [crit, "load=10000"]))
    return CheckSpec(
        1, 1, kind, server.host, params, warn=warn, crit=crit, timeout=timeout, credential_ref=credential_ref
    )


def trusted(store: HostKeyStore, server: SshServer) -> HostKeyStore:
    store.trust(server.host, server.port, server.fingerprint, "ssh-ed25519")
    return store


def test_ssh_bundle_reports_every_linux_metric(sshd: SshServer, key_ctx: CheckContext) -> None:
    assert key_ctx.hostkeys is not None
    trusted(key_ctx.hostkeys, sshd)
    out = run_check(ssh_spec(sshd, updates="yes", timeout=15), key_ctx)
    assert out.state in (HealthState.OK, HealthState.WARNING), out.output
    names = {m.name for m in out.metrics}
    assert {"load1_per_core", "mem_used_pct", "disk_used_pct:/", "disk_free_bytes:/", "uptime_s"} <= names
    assert "pending_updates" in names  # apt exists here
    assert "cores" in out.output and "memory" in out.output and "filesystems" in out.output


def test_ssh_thresholds_warn_and_crit(sshd: SshServer, key_ctx: CheckContext) -> None:
    assert key_ctx.hostkeys is not None
    trusted(key_ctx.hostkeys, sshd)
    warn = run_check(ssh_spec(sshd, warn="mem=@0:100"), key_ctx)
    assert warn.state is HealthState.WARNING and "memory" in warn.output
    crit = run_check(ssh_spec(sshd, crit="disk=@0:100"), key_ctx)
    assert crit.state is HealthState.CRITICAL and "% full" in crit.output


def test_bad_threshold_is_unknown_before_connecting(sshd: SshServer, key_ctx: CheckContext) -> None:
    out = run_check(ssh_spec(sshd, warn="disk=lots"), key_ctx)
    assert out.state is HealthState.UNKNOWN and "bad threshold — warn:" in out.output
    assert "'lots' is not a threshold" in out.output


def test_password_from_the_secrets_getter(
    sshd: SshServer, hostkeys: HostKeyStore, secrets_getter: Secrets
) -> None:
    trusted(hostkeys, sshd)
    ctx = CheckContext(
        hostkeys=hostkeys, get_secret=secrets_getter, ssh=SshPolicy(user=TEST_USER, use_agent=False)
    )
    ok = run_check(ssh_spec(sshd, credential_ref="machine:1:ssh"), ctx)
    assert ok.state in (HealthState.OK, HealthState.WARNING), ok.output
    assert "machine:1:ssh" in secrets_getter.asked
    wrong = run_check(ssh_spec(sshd, credential_ref="machine:2:ssh"), ctx)
    assert wrong.state is HealthState.UNKNOWN and "no SSH credential" in wrong.output


def test_key_from_a_real_ssh_agent(
    sshd: SshServer,
    hostkeys: HostKeyStore,
    ssh_client_key: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import signal

    sock = tmp_path / "agent.sock"
    agent = subprocess.Popen(["ssh-agent", "-D", "-a", str(sock)], stdout=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if sock.exists():
                break
            time.sleep(0.01)
        env = {**os.environ, "SSH_AUTH_SOCK": str(sock)}
        subprocess.run(["ssh-add", "-q", str(ssh_client_key)], env=env, check=True, capture_output=True)
        monkeypatch.setenv("SSH_AUTH_SOCK", str(sock))
        trusted(hostkeys, sshd)
        ctx = CheckContext(hostkeys=hostkeys, get_secret=lambda ref: None, ssh=SshPolicy(user=TEST_USER))
        out = run_check(ssh_spec(sshd), ctx)
        assert out.state in (HealthState.OK, HealthState.WARNING), out.output  # only the agent has a key
    finally:
        agent.send_signal(signal.SIGTERM)
        agent.wait(5)
    monkeypatch.delenv("SSH_AUTH_SOCK")
    without = run_check(ssh_spec(sshd), ctx)
    assert without.state is HealthState.UNKNOWN and "no SSH credential for msptest" in without.output


def test_unknown_host_key_is_unknown_and_nothing_is_sent(
    component_dir: Path, hostkeys: HostKeyStore, secrets_getter: Secrets
) -> None:
    server = start_sshd(component_dir / "unknown-key")
    try:
        ctx = CheckContext(
            hostkeys=hostkeys, get_secret=secrets_getter, ssh=SshPolicy(user=TEST_USER, use_agent=False)
        )
        out = run_check(ssh_spec(server, credential_ref="machine:1:ssh"), ctx)
        assert out.state is HealthState.UNKNOWN
        assert f"host key not yet trusted: {server.fingerprint}" in out.output
        assert secrets_getter.asked == []  # the password was never even read
        seen = [k for k in hostkeys.list() if k.port == server.port]
        assert [(k.fingerprint, k.trusted_at) for k in seen] == [(server.fingerprint, None)]
        time.sleep(0.2)
        assert "userauth" not in server.log_text()
    finally:
        server.stop()


def test_changed_host_key_is_critical_and_the_password_never_reaches_the_server(
    component_dir: Path, hostkeys: HostKeyStore, secrets_getter: Secrets
) -> None:
    server = start_sshd(component_dir / "changed-key")
    port = server.port
    try:
        ctx = CheckContext(
            hostkeys=hostkeys, get_secret=secrets_getter, ssh=SshPolicy(user=TEST_USER, use_agent=False)
        )
        trusted(hostkeys, server)
        before = run_check(ssh_spec(server, credential_ref="machine:1:ssh"), ctx)
        assert before.state in (HealthState.OK, HealthState.WARNING), before.output
        assert "Accepted password for msptest" in server.log_text()
        old = server.fingerprint
        server.stop()
        # The "server" is reinstalled (or impersonated): same address, a new host key.
        server = start_sshd(component_dir / "changed-key-2", port=port)
        secrets_getter.asked.clear()
        after = run_check(ssh_spec(server, credential_ref="machine:1:ssh"), ctx)
        assert after.state is HealthState.CRITICAL
        assert (
            "host key changed" in after.output and old in after.output and server.fingerprint in after.output
        )
        assert secrets_getter.asked == []
        time.sleep(0.2)
        log = server.log_text()
        assert "userauth-request" not in log and "password" not in log.lower()
        assert "Accepted" not in log and "Failed" not in log
    finally:
        server.stop()


def test_full_disk_in_a_client_namespace(netlab: Lab, key_ctx: CheckContext) -> None:
    server, ns = netlab.servers[0], netlab.net.namespaces[0]
    assert key_ctx.hostkeys is not None
    trusted(key_ctx.hostkeys, server)
    enter = ["nsenter", "-t", str(server.pid), "-m"]
    subprocess.run([*enter, "mkdir", "-p", "/mnt/mspfull"], check=True)
    subprocess.run([*enter, "mount", "-t", "tmpfs", "-o", "size=10m", "msp-full", "/mnt/mspfull"], check=True)
    try:
        subprocess.run(
            [*enter, "dd", "if=/dev/zero", "of=/mnt/mspfull/part", "bs=1M", "count=9"],
            check=True,
            capture_output=True,
        )
        warn = run_check(ssh_spec(server), key_ctx)
        assert warn.state is HealthState.WARNING and "/mnt/mspfull 90% full" in warn.output
        fill = subprocess.run(
            [*enter, "dd", "if=/dev/zero", "of=/mnt/mspfull/rest", "bs=1M"], capture_output=True, text=True
        )
        assert "No space left on device" in fill.stderr
        crit = run_check(ssh_spec(server), key_ctx)
        assert crit.state is HealthState.CRITICAL and "/mnt/mspfull 100% full (0 B free)" in crit.output
        plugin = run_check(
            ssh_spec(server, CheckType.PLUGIN, command="check_disk -w 20% -c 10% -p /mnt/mspfull"), key_ctx
        )
        assert plugin.state is HealthState.CRITICAL and "/mnt/mspfull" in plugin.output
        assert [m.name for m in plugin.metrics] == ["/mnt/mspfull"]
        assert ns.address == server.host
    finally:
        subprocess.run([*enter, "umount", "/mnt/mspfull"], check=False)


def timed(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    out = run_check(spec, ctx)
    assert_ended_by_its_timeout(out.duration_ms, spec.timeout, out)
    return out


def test_down_refusing_and_hanging_hosts_end_within_their_timeout(netlab: Lab, key_ctx: CheckContext) -> None:
    assert key_ctx.hostkeys is not None
    for s in netlab.servers:
        trusted(key_ctx.hostkeys, s)
    down_ns, hang_ns = netlab.net.namespaces[1], netlab.net.namespaces[2]
    # Refuses: nothing listens on that port of a live machine.
    refused = timed(ssh_spec(netlab.servers[0], timeout=2, port="2200"), key_ctx)
    assert refused.state is HealthState.CRITICAL and "refused" in refused.output
    # Down: its link is cut.
    down_ns.link(False)
    try:
        down = timed(ssh_spec(netlab.servers[1], timeout=2), key_ctx)
        assert down.state is HealthState.CRITICAL
        assert "no answer" in down.output or "no route" in down.output
    finally:
        down_ns.link(True)
    # Hangs: SYNs dropped by the machine's firewall.
    rule = ["iptables", "-A", "INPUT", "-p", "tcp", "--dport", "22", "-j", "DROP"]
    hang_ns.run(*rule)
    try:
        dropped = timed(ssh_spec(netlab.servers[2], timeout=2), key_ctx)
        assert dropped.state is HealthState.CRITICAL and "no answer within 2 s" in dropped.output
    finally:
        hang_ns.run("iptables", "-D", *rule[2:])


def test_stalled_sshd_and_stalled_command_end_within_their_timeout(
    sshd: SshServer, key_ctx: CheckContext
) -> None:
    assert key_ctx.hostkeys is not None
    trusted(key_ctx.hostkeys, sshd)
    sshd.freeze()  # accepts (the kernel does) but never says its banner
    try:
        frozen = timed(ssh_spec(sshd, timeout=1.5), key_ctx)
    finally:
        sshd.thaw()
    assert frozen.state is HealthState.CRITICAL and "no SSH handshake within 1.5 s" in frozen.output
    # The timeout covers the whole check: it must leave room for the login on this machine as it is
    # now, or the check (rightly) reports a login that did not finish instead of the stalled command
    # this test is about. Under stress-ng, with the suite's own threads, a login once took over 8 s:
    # the timeout is measured, not guessed — five times a login just done, at least 8 s.
    login = run_check(ssh_spec(sshd, timeout=120), key_ctx)
    assert login.state is not HealthState.CRITICAL, login.output
    timeout = max(8, math.ceil(5 * login.duration_ms / 1000))
    stalled = timed(ssh_spec(sshd, CheckType.PLUGIN, timeout=timeout, command="sleep 120"), key_ctx)
    assert stalled.state is HealthState.CRITICAL, stalled.output
    assert f"the remote command did not finish within {timeout:g} s" in stalled.output


def test_no_thread_is_left_behind(sshd: SshServer, key_ctx: CheckContext) -> None:
    """One paramiko thread per poll, gone when the poll ends (also after a timeout)."""
    import threading

    assert key_ctx.hostkeys is not None
    trusted(key_ctx.hostkeys, sshd)
    run_check(ssh_spec(sshd), key_ctx)  # the shared watchdog thread starts once
    before = {t.ident for t in threading.enumerate()}
    for _ in range(5):
        run_check(ssh_spec(sshd), key_ctx)
    run_check(ssh_spec(sshd, CheckType.PLUGIN, timeout=0.5, command="sleep 5"), key_ctx)
    # Many at once, as the engine's worker pool runs them: all answer, none hangs.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(lambda _: run_check(ssh_spec(sshd), key_ctx), range(24)))
    assert {o.state for o in outcomes} <= {HealthState.OK, HealthState.WARNING}, outcomes
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and {t.ident for t in threading.enumerate()} - before:
        time.sleep(0.05)
    assert [t.name for t in threading.enumerate() if t.ident not in before] == []


@pytest.mark.parametrize(
    ("command", "state"),
    [
        ("check_dummy 0 all good", HealthState.OK),
        ("check_dummy 1 'look at me'", HealthState.WARNING),
        ("check_dummy 2 broken", HealthState.CRITICAL),
        ("check_dummy 3 confused", HealthState.UNKNOWN),
        ("check_no_such_plugin", HealthState.UNKNOWN),
    ],
)
def test_plugin_exit_codes(sshd: SshServer, key_ctx: CheckContext, command: str, state: HealthState) -> None:
    assert key_ctx.hostkeys is not None
    trusted(key_ctx.hostkeys, sshd)
    out = run_check(ssh_spec(sshd, CheckType.PLUGIN, command=command), key_ctx)
    assert out.state is state, out.output
    if "no_such" in command:
        assert "plugin not found" in out.output


def test_plugin_perfdata_becomes_metrics(sshd: SshServer, key_ctx: CheckContext) -> None:
    assert key_ctx.hostkeys is not None
    trusted(key_ctx.hostkeys, sshd)
    out = run_check(
        ssh_spec(sshd, CheckType.PLUGIN, command="check_load -w 100,100,100 -c 200,200,200"), key_ctx
    )
    assert out.state is HealthState.OK and out.output.startswith("LOAD OK")
    assert {m.name for m in out.metrics} >= {"load1", "load5", "load15"}


@pytest.fixture
def backups(sshd: SshServer) -> Path:
    home = Path(os.path.expanduser(f"~{TEST_USER}"))
    folder = home / "backups"
    folder.mkdir(exist_ok=True)
    for f in folder.iterdir():
        f.unlink()
    return folder


def _touch(path: Path, hours_ago: float) -> None:
    path.write_text("x")
    t = time.time() - hours_ago * 3600
    os.utime(path, (t, t))


def test_backup_age_ok_warning_critical_and_missing(
    sshd: SshServer, key_ctx: CheckContext, backups: Path
) -> None:
    assert key_ctx.hostkeys is not None
    trusted(key_ctx.hostkeys, sshd)
    glob = str(backups / "nightly *.tar")
    missing = run_check(ssh_spec(sshd, CheckType.BACKUP_AGE, path=glob), key_ctx)
    assert missing.state is HealthState.CRITICAL and "no backup found" in missing.output
    _touch(backups / "nightly 1.tar", 60)
    assert run_check(ssh_spec(sshd, CheckType.BACKUP_AGE, path=glob), key_ctx).state is HealthState.CRITICAL
    _touch(backups / "nightly 2.tar", 30)
    warn = run_check(ssh_spec(sshd, CheckType.BACKUP_AGE, path=glob), key_ctx)
    assert warn.state is HealthState.WARNING and "30.0 h" in warn.output
    _touch(backups / "nightly 3.tar", 1)
    ok = run_check(ssh_spec(sshd, CheckType.BACKUP_AGE, path=str(backups)), key_ctx)  # a folder works too
    assert ok.state is HealthState.OK and ok.metrics[0].name == "age"
    tight = run_check(ssh_spec(sshd, CheckType.BACKUP_AGE, warn="0.5", crit="0.9", path=glob), key_ctx)
    assert tight.state is HealthState.CRITICAL


def test_backup_age_from_a_command(sshd: SshServer, key_ctx: CheckContext) -> None:
    assert key_ctx.hostkeys is not None
    trusted(key_ctx.hostkeys, sshd)
    iso = run_check(
        ssh_spec(sshd, CheckType.BACKUP_AGE, command="date -u -d '-27 hours' +%Y-%m-%dT%H:%M:%SZ"), key_ctx
    )
    assert iso.state is HealthState.WARNING and "27.0 h" in iso.output
    epoch = run_check(ssh_spec(sshd, CheckType.BACKUP_AGE, command="date -d '-2 hours' +%s"), key_ctx)
    assert epoch.state is HealthState.OK
    failing = run_check(ssh_spec(sshd, CheckType.BACKUP_AGE, command="false"), key_ctx)
    assert failing.state is HealthState.UNKNOWN and "exit 1" in failing.output
