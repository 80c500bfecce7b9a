"""Double-click → remote client process started, without and with a paramiko tunnel on loopback.

.venv/bin/python -m bench.remote_launch [--runs 30]

What is timed is `SessionRunner.start()` — what a double-click (or Enter, or `connect`) calls: read the
profile, resolve the credential, detect the installed tool, (open the tunnel, authenticate to the jump
host, check its key), for SSH fetch and check the real target's key, build the plan, write the private
files, spawn the client, feed its stdin, insert the audit row. The client is then ended.
Targets: ≤ 150 ms without a tunnel, ≤ 600 ms with one. Needs root (sshd, user msptest), tmux, xfreerdp.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from msp_console.app import App
from msp_console.monitoring.hostkeys import HostKeyStore
from msp_console.remote.profiles import CredentialMode, ProfileSpec, Protocol
from msp_console.remote.sessions import SessionRunner
from msp_console.remote.store import ProfileStore
from tests.support.sshd import TEST_PASSWORD, TEST_USER, client_key, start_sshd


def measure(runner: SessionRunner, machine_id: int, profile: str, runs: int) -> list[float]:
    times: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        session = runner.start(machine_id, profile)
        times.append((time.perf_counter() - t0) * 1000)
        session.terminate()
        if session.name:
            subprocess.run(["tmux", "kill-session", "-t", session.name], capture_output=True)
        session.wait(10)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="msp-bench-remote-"))
    base.chmod(0o755)
    key = client_key(base / "client")
    sshd = start_sshd(base / "sshd")
    app = App.open(f"sqlite:///{base / 'bench.sqlite3'}")
    try:
        inv, store = app.inventory, ProfileStore(app.db)
        cid = inv.save_client({"name": "Bench"})
        gw = inv.save_machine(cid, {"name": "gw", "kind": "firewall", "os": "linux", "address": "127.0.0.1"})
        direct = inv.save_machine(
            cid, {"name": "direct", "kind": "server", "os": "linux", "address": "127.0.0.1"}
        )
        behind = inv.save_machine(
            cid, {"name": "behind", "kind": "server", "os": "linux", "address": "127.0.0.1"}
        )
        opts = {"key_file": str(key)}
        store.add(gw, ProfileSpec("ssh", Protocol.SSH, port=sshd.port, user=TEST_USER, options=opts))
        pw = CredentialMode.PROFILE
        for mid, jump in ((direct, None), (behind, gw)):
            ssh = ProfileSpec("ssh", Protocol.SSH, port=sshd.port, user=TEST_USER, credential_mode=pw,
                              jump_machine_id=jump)  # fmt: skip
            store.add(mid, ssh)
            store.add(mid, ProfileSpec("rdp", Protocol.RDP, port=3389, user="admin", credential_mode=pw,
                                       jump_machine_id=jump, options={"cert": "ignore"}))  # fmt: skip
        hostkeys = HostKeyStore(app.db)
        hostkeys.trust("127.0.0.1", sshd.port, sshd.fingerprint)
        runner = SessionRunner(
            app.db,
            hostkeys=hostkeys,
            get_secret=lambda ref: TEST_PASSWORD,
            terminal="tmux",
            technician="bench",
        )
        results = {}
        for label, mid, profile in [
            ("RDP (xfreerdp, password on stdin), no tunnel", direct, "rdp"),
            ("SSH (ssh in tmux, askpass, target key pinned), no tunnel", direct, "ssh"),
            ("RDP through a paramiko tunnel", behind, "rdp"),
            ("SSH through a paramiko tunnel (target key checked through it)", behind, "ssh"),
        ]:
            measure(runner, mid, profile, 2)  # warm-up: imports, first DB connection
            results[label] = measure(runner, mid, profile, args.runs)
        print(f"{'case':66} {'median':>8} {'p95':>8} {'max':>8}  (ms, {args.runs} runs)")
        for label, times in results.items():
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print(f"{label:66} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}")
    finally:
        app.close()
        sshd.stop()
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
